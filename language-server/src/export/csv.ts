// CSV export: one file per annex, a single header line (group headings flattened) then the body rows.
// Values are the text as the annex prints it (29.822 · 3,17), not numbers: a CSV carries no types,
// and a reader guessing "3.17" or "29,822" by its own locale would misread one style as the other
// (text cells that a spreadsheet would run as a formula get a leading apostrophe, see guardFormula).
// Spreadsheet users who want numbers take the XLSX export, which holds real values.
import type { AnnexTable } from '../../../common/view.js';
import { annexGrids, flatHeader } from './grid.js';
import { exportAnnex } from './text.js';

/** UTF-8 byte order mark: without it Excel opens the file in the system code page and garbles Vietnamese. */
const BOM = '\uFEFF';

/**
 * RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes inside doubled. So is one that
 * starts or ends with white space, which some readers trim or skip (fast-csv reads " ," as empty).
 */
export function csvField(text: string): string {
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: string[]): string {
    return fields.map(csvField).join(',');
}

/**
 * Spreadsheets run a field that starts with = + - @ (or a tab or CR) as a formula: "+ Tỷ lệ trẻ em…"
 * would show #NAME?, and a plan could smuggle in =HYPERLINK(…). Such text cells get a leading
 * apostrophe, the usual guard (OWASP "CSV injection"); number cells are left as printed.
 */
export function guardFormula(text: string): string {
    return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function renderCsv(table: AnnexTable): Uint8Array {
    // NUL and other controls make readers stop or misread a field; see exportText.
    const annex = exportAnnex(table);
    const { header, body } = annexGrids(annex);
    const bodyLines = body.slots.map(row => csvLine(row.map(slot => {
        if (!slot?.origin) return '';
        const numeric = slot.cell.kind !== 'text' && typeof slot.cell.value === 'number';
        return numeric ? slot.cell.text : guardFormula(slot.cell.text);
    })));
    const lines = [csvLine(flatHeader(header).map(guardFormula)), ...bodyLines];
    // RFC 4180 ends every record with CRLF.
    return new TextEncoder().encode(BOM + lines.map(l => l + '\r\n').join(''));
}
