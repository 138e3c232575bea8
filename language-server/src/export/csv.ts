// CSV export: one file per annex, a single header line (group headings flattened) then the body rows.
// Numbers are plain by default (29822, 3.17, with the decimals the annex prints): a CSV carries no
// types, and a reader guessing by its own locale would read the printed "29.822" or "3,17" as the
// other style. `numbers: 'printed'` writes them as the annex prints them instead, and `separator: ';'`
// gives the list separator Excel expects under Vietnamese regional settings (where ',' is the
// decimal comma). Text cells that a spreadsheet would run as a formula get a leading apostrophe (see
// guardFormula). Spreadsheet users who want typed numbers take the XLSX export.
import type { AnnexCell, AnnexTable } from '../../../common/view.js';
import type { CsvOptions, CsvSeparator } from '../../../common/export.js';
import { annexGrids, flatHeader } from './grid.js';
import { exportAnnex } from './text.js';

/** UTF-8 byte order mark: without it Excel opens the file in the system code page and garbles Vietnamese. */
export const BOM = '\uFEFF';

/**
 * RFC 4180: a field with the separator, a quote, CR or LF is quoted, quotes inside doubled. So is one
 * that starts or ends with white space, which some readers trim or skip (fast-csv reads " ," as empty).
 */
export function csvField(text: string, separator: CsvSeparator = ','): string {
    const special = separator === ';' ? /[";\r\n]|^\s|\s$/ : /[",\r\n]|^\s|\s$/;
    return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: string[], separator: CsvSeparator = ','): string {
    return fields.map(f => csvField(f, separator)).join(separator);
}

/** Lines as a CSV file: a byte order mark, and CRLF after every record (RFC 4180). */
export function csvFile(lines: string[]): Uint8Array {
    return new TextEncoder().encode(BOM + lines.map(l => l + '\r\n').join(''));
}

/**
 * Spreadsheets run a field that starts with = + - @ (or a tab or CR) as a formula: "+ Tỷ lệ trẻ em…"
 * would show #NAME?, and a plan could smuggle in =HYPERLINK(…). Such text cells get a leading
 * apostrophe, the usual guard (OWASP "CSV injection"); number cells are left as they are.
 */
export function guardFormula(text: string): string {
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The text a guarded field stands for: the apostrophe before = + - @ (tab, CR) dropped, as a spreadsheet does. */
export function unguardFormula(text: string): string {
    return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A number cell as a plain number with the printed decimals (3,30 → 3.30); undefined for other cells. */
export function plainNumber(cell: AnnexCell): string | undefined {
    if (typeof cell.value !== 'number' || !Number.isFinite(cell.value)) return undefined;
    if (cell.kind === 'year') return String(cell.value);
    if (cell.kind === 'text') return undefined;
    const decimals = Math.max(0, Math.min(20, cell.decimals ?? 0));
    return cell.value.toFixed(decimals);
}

export function renderCsv(table: AnnexTable, options: CsvOptions = {}): Uint8Array {
    const separator = options.separator ?? ',';
    const plain = (options.numbers ?? 'plain') === 'plain';
    // NUL and other controls make readers stop or misread a field; see exportText.
    const annex = exportAnnex(table);
    const { header, body } = annexGrids(annex);
    const bodyLines = body.slots.map(row => csvLine(row.map(slot => {
        if (!slot?.origin) return '';
        const { cell } = slot;
        if (plain) {
            const number = plainNumber(cell);
            if (number !== undefined) return number;
        }
        const numeric = cell.kind !== 'text' && cell.kind !== 'year' && typeof cell.value === 'number';
        return numeric ? cell.text : guardFormula(cell.text);
    }), separator));
    return csvFile([csvLine(flatHeader(header).map(guardFormula), separator), ...bodyLines]);
}
