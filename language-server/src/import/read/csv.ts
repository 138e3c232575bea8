// CSV and TSV files, and tab-separated text from the clipboard: decoded (UTF-8 with or without BOM,
// UTF-16 LE/BE by BOM; bytes that do not decode are one error with their position), the separator
// chosen among `,` `;` and tab by how consistently it splits the lines outside quotes (Excel under
// Vietnamese settings writes `;` with 29.822 and 3,17 unquoted; with `,` a decimal comma is quoted),
// then parsed by csv-parse. Cells are the text as written; ragged rows are padded with blank cells.
import { unguardFormula } from '../../export/csv.js';
import { parse } from 'csv-parse/sync';
import { IMPORT_ERRORS } from '../../../../common/words/import.js';
import { decodePlanBytes } from '../../language/text-encoding.js';
import type { Grid, GridCell } from '../grid.js';
import { type ImportError, type ImportLimits } from '../limits.js';
import { checkGridSize, importError } from './limits-check.js';

export type Separator = ',' | ';' | '\t';

const CANDIDATES: Separator[] = ['\t', ';', ','];

/** The text of a CSV/TSV file; an ImportError with the line and column of the first bad byte. */
export function decodeText(bytes: Uint8Array, file: string): string {
    const decoded = decodePlanBytes(bytes);
    const problem = decoded.problem;
    if (problem?.code === 'encoding-binary') throw importError(IMPORT_ERRORS.binaryText, { file });
    if (problem?.code === 'encoding-invalid') {
        throw importError(IMPORT_ERRORS.encoding, {
            file, line: problem.line + 1, column: problem.character + 1,
            byte: String(problem.args.byte), encoding: String(problem.args.encoding)
        });
    }
    // UTF-16 guessed from its NUL bytes decoded cleanly: the text is taken as it is.
    return decoded.text;
}

/** Separators counted outside quotes on each of the first lines (a quoted field may span lines). */
function countsPerLine(text: string, separator: Separator, maxLines = 200): number[] {
    const counts: number[] = [];
    let count = 0;
    let quoted = false;
    let content = false;
    for (let i = 0; i < text.length && counts.length < maxLines; i++) {
        const c = text[i];
        if (c === '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c === separator) count++;
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n') i++;
            if (content || count > 0) counts.push(count);
            count = 0;
            content = false;
            continue;
        }
        content = true;
    }
    if (content || count > 0) counts.push(count);
    return counts;
}

/**
 * The separator that splits the most lines into the same number of fields (ties: the one giving more
 * fields, then tab before `;` before `,`). A text no candidate splits is one column, read with `,`.
 */
export function sniffSeparator(text: string): Separator {
    let best: { separator: Separator; lines: number; fields: number } | undefined;
    for (const separator of CANDIDATES) {
        const counts = countsPerLine(text, separator);
        const tally = new Map<number, number>();
        for (const n of counts) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
        for (const [fields, lines] of tally) {
            if (!best || lines > best.lines || (lines === best.lines && fields > best.fields)) best = { separator, lines, fields };
        }
    }
    return best?.separator ?? ',';
}

function malformed(error: unknown, file: string): ImportError {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : 1;
    return importError(IMPORT_ERRORS.csvMalformed, { file, line, why: error instanceof Error ? error.message : String(error) });
}

/** Records as written (quotes removed, nothing trimmed or converted). */
export function parseRecords(text: string, separator: Separator, file: string): string[][] {
    try {
        return parse(text, {
            delimiter: separator,
            relax_column_count: true,
            // A quote inside an unquoted field ("Huyện "A"") is text, as Excel reads it.
            relax_quotes: true,
            skip_empty_lines: false,
            bom: true
        });
    } catch (error) {
        throw malformed(error, file);
    }
}

/** A grid from records, padded to the widest row; blank fields are blank cells (never undefined). */
export function gridOfRecords(records: string[][], name: string, file: string, limits: ImportLimits): Grid {
    // A last line of nothing (a trailing newline after a blank line) adds no row.
    while (records.length > 0 && records[records.length - 1].every(f => f === '')) records.pop();
    const width = records.reduce((w, r) => Math.max(w, r.length), 0);
    checkGridSize(records.length, width, file, name, limits);
    const rows: GridCell[][] = records.map(record => {
        // A field the writer guarded against running as a formula ("'+ Tỷ lệ…") is the text it guards.
        const row: GridCell[] = record.map(text => ({ text: unguardFormula(text) }));
        while (row.length < width) row.push({ text: '' });
        return row;
    });
    return { name, index: 1, rows, merges: [], addressing: 'sheet' };
}

/** A `.csv`/`.tsv` file as one grid named after the file. */
export function readCsv(bytes: Uint8Array, file: string, limits: ImportLimits, separator?: Separator): Grid {
    const text = decodeText(bytes, file);
    const records = parseRecords(text, separator ?? sniffSeparator(text), file);
    return gridOfRecords(records, baseName(file), file, limits);
}

function baseName(file: string): string {
    const last = file.split(/[\\/]/).pop() ?? file;
    return last.replace(/\.[^.]+$/, '') || last;
}
