// XML of untrusted office files. Office parts never carry a DTD, and a DTD is the door to entity
// expansion ("billion laughs") and external entities: any part holding `<!DOCTYPE` is refused, as it
// streams out of the zip and again by the parser. Parts are read with saxes (no DTD processing, no
// fetching), strictly UTF-8, and a malformed part is one ImportError with its line and column.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { Buffer } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { IMPORT_ERRORS } from '../../../../common/words/import.js';
import { type ImportError } from '../limits.js';
import { importError } from './limits-check.js';

const DOCTYPE = /<!doctype/i;
const MARK_LENGTH = '<!doctype'.length;

/**
 * Looks for `<!DOCTYPE` across the chunks of one part, in any case, with NUL bytes skipped so that
 * a part written in UTF-16 (which a parser might still be talked into reading) is caught too.
 */
export class DoctypeWatch {
    private tail = '';

    constructor(private readonly file: string, private readonly part: string) {}

    feed(chunk: Uint8Array): void {
        let text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
        if (text.includes('\0')) text = text.replace(/\0/g, '');
        text = this.tail + text;
        if (DOCTYPE.test(text)) throw doctypeError(this.file, this.part);
        this.tail = text.slice(-(MARK_LENGTH - 1));
    }
}

export function doctypeError(file: string, part: string): ImportError {
    return importError(IMPORT_ERRORS.doctype, { file, part });
}

/** What a walk over a part's elements is told. Names keep their prefix ("w:p"). */
export interface XmlHandlers {
    open?(tag: SaxesTagPlain): void;
    close?(name: string): void;
    text?(text: string): void;
}

function decodeUtf8(bytes: Uint8Array, file: string, part: string): string {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (error) {
        throw importError(IMPORT_ERRORS.partCorrupt, { file, part, why: error instanceof Error ? error.message : String(error) });
    }
}

/** Parses one XML part, calling the handlers in document order. */
export function walkXml(bytes: Uint8Array, file: string, part: string, handlers: XmlHandlers): void {
    const xml = decodeUtf8(bytes, file, part);
    const parser = new SaxesParser({ xmlns: false, position: true });
    parser.on('doctype', () => { throw doctypeError(file, part); });
    parser.on('error', error => {
        throw importError(IMPORT_ERRORS.xmlMalformed, { file, part, line: parser.line, column: parser.column, why: error.message });
    });
    if (handlers.open) parser.on('opentag', tag => handlers.open?.(tag));
    if (handlers.close) parser.on('closetag', tag => handlers.close?.(tag.name));
    if (handlers.text) parser.on('text', text => handlers.text?.(text));
    parser.write(xml).close();
}
