// Turns the bytes of a plan file into text: UTF-8 (a BOM is dropped), UTF-16 LE/BE with a BOM, and
// UTF-16 without one when the NUL bytes give it away. What cannot be read cleanly is described once
// (where, how often), so the checker reports one finding instead of a silent U+FFFD or thousands of
// syntax errors. Pure: no file system, no Langium.
import { TextDecoder } from 'node:util';

export type EncodingProblemCode = 'encoding-invalid' | 'encoding-utf16-no-bom' | 'encoding-binary';

export interface EncodingProblem {
    code: EncodingProblemCode;
    /** 0-based position in the decoded text (UTF-16 code units, as LSP positions). */
    line: number;
    character: number;
    args: Record<string, string | number>;
}

export interface DecodedText {
    text: string;
    encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
    problem?: EncodingProblem;
}

type Encoding = DecodedText['encoding'];

const LABEL: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

function decoder(encoding: Encoding, fatal: boolean): TextDecoder {
    // The BOM is stripped by hand, so it is never taken for text nor silently removed twice.
    return new TextDecoder(encoding, { fatal, ignoreBOM: true });
}

function decodes(bytes: Uint8Array, encoding: Encoding, stream: boolean): string | undefined {
    try {
        return decoder(encoding, true).decode(bytes, { stream });
    } catch {
        return undefined;
    }
}

/** Line and character after `text`, with \n, \r\n and \r as line ends (as LSP counts them). */
function endPosition(text: string): { line: number; character: number } {
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, character: text.length - lineStart };
}

function hex(byte: number): string {
    return '0x' + byte.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Where the first bad sequence starts and how many there are. The first one is found with fatal
 * decoders on prefixes (in streaming mode a prefix that ends inside a sequence is not an error), so
 * the text before it is exactly what the lossy decoder gives too.
 */
function describeInvalid(bytes: Uint8Array, encoding: Encoding, lossy: string): EncodingProblem {
    let prefix = decodes(bytes, encoding, true);
    if (prefix === undefined) {
        let good = 0;
        let bad = bytes.length;
        while (bad - good > 1) {
            const mid = Math.floor((good + bad) / 2);
            if (decodes(bytes.subarray(0, mid), encoding, true) === undefined) bad = mid;
            else good = mid;
        }
        prefix = decodes(bytes.subarray(0, good), encoding, true) ?? '';
    }
    // Otherwise only the end is bad: a sequence cut short by the end of the file.
    const offset = encoding === 'utf-8' ? Buffer.byteLength(prefix, 'utf8') : prefix.length * 2;
    let replaced = 0;
    for (let i = lossy.indexOf('\uFFFD'); i >= 0; i = lossy.indexOf('\uFFFD', i + 1)) replaced++;
    // A U+FFFD written in the file is text, not an error.
    let written = 0;
    if (encoding === 'utf-8') {
        for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) written++;
    } else {
        const [hi, lo] = encoding === 'utf-16le' ? [1, 0] : [0, 1];
        for (let i = 0; i + 1 < bytes.length; i += 2) if (bytes[i + hi] === 0xff && bytes[i + lo] === 0xfd) written++;
    }
    return {
        code: 'encoding-invalid', ...endPosition(prefix),
        args: { encoding: LABEL[encoding], count: Math.max(1, replaced - written), byte: hex(bytes[Math.min(offset, bytes.length - 1)]) }
    };
}

/** LE or BE when the NULs sit in every other byte, as in UTF-16 text of mostly Latin letters. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
    const pairs = Math.floor(Math.min(bytes.length, 65_536) / 2);
    if (pairs < 2) return undefined;
    let evenNuls = 0;
    let oddNuls = 0;
    for (let i = 0; i < pairs * 2; i += 2) {
        if (bytes[i] === 0) evenNuls++;
        if (bytes[i + 1] === 0) oddNuls++;
    }
    if (oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.02) return 'utf-16le';
    if (evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.02) return 'utf-16be';
    return undefined;
}

export function decodePlanBytes(bytes: Uint8Array): DecodedText {
    let encoding: Encoding = 'utf-8';
    let body = bytes;
    let guessed = false;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, body] = ['utf-16le', bytes.subarray(2)];
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, body] = ['utf-16be', bytes.subarray(2)];
    else {
        const sniffed = sniffUtf16(bytes);
        if (sniffed && decodes(bytes, sniffed, false) !== undefined) [encoding, guessed] = [sniffed, true];
    }
    const strict = decodes(body, encoding, false);
    const text = strict ?? decoder(encoding, false).decode(body);
    // NUL never occurs in a text file: this is an image, an archive, UTF-32… Its "findings" would be noise.
    if (text.includes('\u0000')) {
        return { text: '', encoding, problem: { code: 'encoding-binary', line: 0, character: 0, args: {} } };
    }
    if (guessed) {
        return { text, encoding, problem: { code: 'encoding-utf16-no-bom', line: 0, character: 0, args: { encoding: LABEL[encoding] } } };
    }
    if (strict === undefined) return { text, encoding, problem: describeInvalid(body, encoding, text) };
    return { text, encoding };
}
