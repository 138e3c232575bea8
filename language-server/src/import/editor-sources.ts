// INTERIM glue for the editor's import until the readers (read/: XLSX, CSV, DOCX, clipboard HTML) and
// the lead's importFile/importClipboard land in index.ts: the editor's commands call these two with the
// agreed signatures. Until then only delimited text is read here (a pasted table's tab-separated text
// flavour — Excel, Calc and Word all put one beside the HTML — and .csv/.tsv files); any other format
// is one clear ImportError. When index.ts exports importFile/importClipboard, this file goes and
// editor.ts imports them from there.
import { said } from '../../../common/catalogue.js';
import { IMPORT_EDITOR_WORDS as W } from '../../../common/words/import-editor.js';
import type { PlanServices } from '../plan-module.js';
import type { Grid, GridCell, SourceFormat } from './grid.js';
import { importSource } from './index.js';
import { DEFAULT_IMPORT_LIMITS, ImportError } from './limits.js';
import type { ImportContext, ImportResult } from './table.js';

/** An office file's bytes → plan text to put into a plan (or, `whole`, a whole plan). */
export async function importFile(
    services: PlanServices, bytes: Uint8Array, name: string, context: ImportContext,
    options: { sheet?: string; table?: number; whole?: boolean } = {}
): Promise<ImportResult> {
    const extension = /\.([^.]*)$/.exec(name)?.[1]?.toLowerCase();
    if (options.whole || (extension !== 'csv' && extension !== 'tsv')) {
        throw new ImportError(said(W.formatPending, { file: name }));
    }
    const text = decodeText(bytes);
    const grid = delimitedGrid(text, delimiterOf(text), name);
    return importSource(services, { format: extension, name, grids: [grid] }, context, { into: true, ...options });
}

/** A clipboard's flavours → plan text to paste; undefined when the text holds no tab-separated table. */
export async function importClipboard(services: PlanServices, clip: { html?: string; text?: string }, context: ImportContext, name: string): Promise<ImportResult | undefined> {
    const text = clip.text ?? '';
    if (!/\t/.test(text)) return undefined;
    const grid = delimitedGrid(text, '\t', name);
    const format: SourceFormat = 'tsv';
    return importSource(services, { format, name, grids: [grid] }, context, { into: true });
}

/** UTF-8 with or without BOM, UTF-16 by its BOM. */
function decodeText(bytes: Uint8Array): string {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** Tab when the first line has one, else `;` or `,`, whichever the first line has more of. */
function delimiterOf(text: string): string {
    const first = text.slice(0, text.search(/\r?\n|$/));
    if (first.includes('\t')) return '\t';
    return (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) && first.includes(';') ? ';' : ',';
}

/**
 * Delimited text as a grid of cells as written, quoted cells as Excel writes them (`"a""b"`, line
 * breaks inside quotes), within the import's limits on rows and cells.
 */
export function delimitedGrid(text: string, delimiter: string, name: string): Grid {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    let cells = 0;
    const endCell = () => { row.push(cell); cell = ''; if (++cells > DEFAULT_IMPORT_LIMITS.maxCells) throw new ImportError(said(W.tooManyCells, { max: DEFAULT_IMPORT_LIMITS.maxCells })); };
    const endRow = () => { endCell(); rows.push(row); row = []; if (rows.length > DEFAULT_IMPORT_LIMITS.maxRows) throw new ImportError(said(W.tooManyRows, { max: DEFAULT_IMPORT_LIMITS.maxRows })); };
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
            else if (ch === '"') quoted = false;
            else cell += ch;
        } else if (ch === '"' && cell === '') quoted = true;
        else if (ch === delimiter) endCell();
        else if (ch === '\n' || ch === '\r') { if (ch === '\r' && text[i + 1] === '\n') i++; endRow(); }
        else cell += ch;
    }
    if (cell !== '' || row.length > 0) endRow();
    const width = Math.max(0, ...rows.map(r => r.length));
    // An empty cell is no cell, as the other readers hand it over.
    const grid: (GridCell | undefined)[][] = rows.map(r => Array.from({ length: width }, (_, c) => (r[c] ? { text: r[c] } : undefined)));
    return { name, index: 1, rows: grid, merges: [], addressing: 'table' };
}
