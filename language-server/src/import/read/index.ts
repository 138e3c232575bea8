// The way in, at the edge: an untrusted office file or clipboard content becomes a SourceDocument of
// neutral grids (and, for Word, blocks). The format comes from the file's extension, else from its
// bytes; an encrypted OOXML file or an old .xls/.doc (both OLE compound files) is one clear error.
// Every failure is an ImportError naming the file and the place; nothing here writes anything.
import { say } from '../../../../common/catalogue.js';
import type { Locale } from '../../../../common/locale.js';
import type { NumberStyle } from '../../../../common/numbers.js';
import { IMPORT_ERRORS, IMPORT_PLACES } from '../../../../common/words/import.js';
import type { SourceDocument, SourceFormat } from '../grid.js';
import { DEFAULT_IMPORT_LIMITS, ImportError, type ImportLimits } from '../limits.js';
import { importError } from './limits-check.js';
import { decodeText, gridOfRecords, parseRecords, readCsv } from './csv.js';
import { readDocx } from './docx.js';
import { readHtmlTables } from './html.js';
import { readXlsx } from './xlsx.js';
import { openZip } from './zip.js';

export interface ReadSourceOptions {
    /** The style Excel numbers are printed in (the plan's, or --number-style). */
    numberStyle: NumberStyle;
    limits?: Partial<ImportLimits>;
    /** The format, when the caller knows it better than the file's name does. */
    format?: SourceFormat;
    /** XLSX: read only this sheet (`--sheet NAME`); an ImportError lists the sheets if it is not there. */
    sheet?: string;
    /** The language of generated table names ("Bảng 2" / "Table 2"); Vietnamese by default. */
    locale?: Locale;
}

const EXTENSIONS: Record<string, SourceFormat> = {
    xlsx: 'xlsx', xlsm: 'xlsx', csv: 'csv', tsv: 'tsv', tab: 'tsv', txt: 'csv', docx: 'docx', docm: 'docx', html: 'html', htm: 'html'
};

/** D0 CF 11 E0 A1 B1 1A E1: an OLE compound file (a password-protected .xlsx/.docx, or .xls/.doc). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
    return signature.every((b, i) => bytes[i] === b);
}

function extensionOf(name: string): string {
    const m = /\.([A-Za-z0-9]+)$/.exec(name);
    return m ? m[1].toLowerCase() : '';
}

/** A zip's kind by its parts: a workbook or a Word document. */
async function zipKind(bytes: Uint8Array, name: string): Promise<SourceFormat> {
    const zip = await openZip(bytes, name, 'XLSX/DOCX');
    if (zip.file('xl/workbook.xml')) return 'xlsx';
    if (zip.file('word/document.xml')) return 'docx';
    throw importError(IMPORT_ERRORS.unknownFormat, { file: name });
}

/** The format from the extension, else the bytes: a zip by its parts, markup as HTML, text as CSV. */
async function formatOf(bytes: Uint8Array, name: string): Promise<SourceFormat> {
    const byExtension = EXTENSIONS[extensionOf(name)];
    if (byExtension) return byExtension;
    if (startsWith(bytes, ZIP)) return zipKind(bytes, name);
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').replace(/\0/g, '').toLowerCase();
    if (/<(?:!doctype html|html|table|meta|body)[\s>]/.test(head)) return 'html';
    return 'csv';
}

/** Reads an office file into grids. Throws ImportError (never anything else for bad input). */
export async function readSource(bytes: Uint8Array, name: string, options: ReadSourceOptions): Promise<SourceDocument> {
    const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
    const locale = options.locale ?? 'vi';
    if (bytes.length > limits.maxFileBytes) throw importError(IMPORT_ERRORS.tooLarge, { file: name, size: bytes.length, limit: limits.maxFileBytes });
    if (startsWith(bytes, OLE)) throw importError(IMPORT_ERRORS.encryptedOrLegacy, { file: name });
    const format = options.format ?? await formatOf(bytes, name);
    try {
        return await readAs(format, bytes, name, options, limits, locale);
    } catch (error) {
        if (error instanceof ImportError) throw error;
        // A library tripped on input nobody foresaw: still one line naming the file, never a crash.
        throw importError(IMPORT_ERRORS.unreadable, { file: name, format: format.toUpperCase(), why: error instanceof Error ? error.message : String(error) });
    }
}

async function readAs(format: SourceFormat, bytes: Uint8Array, name: string, options: ReadSourceOptions, limits: ImportLimits, locale: Locale): Promise<SourceDocument> {
    switch (format) {
        case 'xlsx':
            return { format, name, grids: await readXlsx(bytes, name, { numberStyle: options.numberStyle, limits, sheet: options.sheet }) };
        case 'docx': {
            const { grids, blocks } = await readDocx(bytes, name, limits, locale);
            return { format, name, grids, blocks };
        }
        case 'csv':
            return { format, name, grids: [readCsv(bytes, name, limits)] };
        case 'tsv':
            return { format, name, grids: [readCsv(bytes, name, limits, '\t')] };
        case 'html':
            return { format, name, grids: readHtmlTables(decodeText(bytes, name), name, limits, locale) };
    }
}

/** Text of tab-separated cells: tabs between content (not only indentation) on every line that has any. */
function looksLikeTsv(text: string): boolean {
    const lines = text.split(/\r\n|\n|\r/).filter(line => line.trim() !== '');
    const tabbed = lines.filter(line => line.includes('\t'));
    if (tabbed.length === 0 || !tabbed.some(line => /[^\t]\t/.test(line))) return false;
    return tabbed.length >= 2 || lines.length === 1;
}

/**
 * A table from the clipboard: the HTML flavour when it holds a <table> (Excel, LibreOffice Calc and
 * Word put one there), else the plain text read as TSV when it is tab-separated cells; undefined when
 * the clipboard holds no table (an ordinary paste). Throws ImportError for a table past the limits.
 */
export function readClipboard(clip: { html?: string; text?: string }, numberStyle: NumberStyle, locale: Locale = 'vi'): SourceDocument | undefined {
    void numberStyle; // Pasted cells are text as printed; the style is the recogniser's to read them in.
    const limits = DEFAULT_IMPORT_LIMITS;
    const name = say(IMPORT_PLACES.clipboard, locale);
    if (clip.html && /<table[\s>]/i.test(clip.html) && clip.html.length <= limits.maxFileBytes) {
        const grids = readHtmlTables(clip.html, name, limits, locale);
        if (grids.length > 0) return { format: 'html', name, grids };
    }
    if (clip.text && clip.text.length <= limits.maxFileBytes && looksLikeTsv(clip.text)) {
        const grid = gridOfRecords(parseRecords(clip.text, '\t', name), name, name, limits);
        if (grid.rows.length > 0) return { format: 'tsv', name, grids: [grid] };
    }
    return undefined;
}

export { ImportError } from '../limits.js';
export type { SourceDocument } from '../grid.js';
