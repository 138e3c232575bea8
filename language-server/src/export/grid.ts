// Places an annex's rows on a grid of columns, resolving colSpan/rowSpan, so that every exporter
// agrees on which cell stands in which column. Flat formats (CSV, Markdown) also take their single
// header line from here.
import type { AnnexCell, AnnexRow, AnnexTable } from '../../../common/view.js';

/**
 * A table's last rows kept on one page (in the DOCX each row keeps with the next, in the HTML no
 * break comes before them): a page break inside a long table never leaves fewer rows than this alone
 * on the last page.
 */
export const TAIL_ROWS = 3;

/** A grid position: the cell that starts there, one that a span from elsewhere covers, or nothing. */
export type GridSlot =
    | { origin: true; cell: AnnexCell; colSpan: number; rowSpan: number }
    | { origin: false; cell: AnnexCell; fromRow: number; fromColumn: number }
    | undefined;

export interface Grid {
    /** Number of columns: the annex's columns, or more if a row carries more cells. */
    width: number;
    slots: GridSlot[][];
}

/**
 * Lays rows out left to right, skipping the positions a row span from above already covers.
 * Spans running past the last row or column are cut there, so a malformed view never breaks a file.
 */
export function layoutRows(rows: AnnexRow[], minWidth: number): Grid {
    const slots: GridSlot[][] = rows.map(() => []);
    let width = minWidth;
    rows.forEach((row, r) => {
        let c = 0;
        for (const cell of row.cells) {
            while (slots[r][c] !== undefined) c++;
            const colSpan = Math.max(1, Math.floor(cell.colSpan ?? 1));
            const rowSpan = Math.max(1, Math.min(Math.floor(cell.rowSpan ?? 1), rows.length - r));
            for (let dr = 0; dr < rowSpan; dr++) {
                for (let dc = 0; dc < colSpan; dc++) {
                    slots[r + dr][c + dc] = dr === 0 && dc === 0
                        ? { origin: true, cell, colSpan, rowSpan }
                        : { origin: false, cell, fromRow: r, fromColumn: c };
                }
            }
            c += colSpan;
            width = Math.max(width, c);
        }
    });
    for (const row of slots) {
        for (let c = 0; c < width; c++) if (!(c in row)) row[c] = undefined;
        row.length = width;
    }
    return { width, slots };
}

/** The header and body of an annex on one grid width. */
export function annexGrids(annex: AnnexTable): { header: Grid; body: Grid; width: number } {
    const first = layoutRows(annex.header, annex.columns.length);
    const body = layoutRows(annex.body, first.width);
    const header = body.width > first.width ? layoutRows(annex.header, body.width) : first;
    return { header, body, width: body.width };
}

/**
 * One header text per column, joining the group headings above it from the top down:
 * "Kết quả năm 2021 - Tổng số hộ dân cư". A heading that spans down is named once.
 */
export function flatHeader(header: Grid): string[] {
    const names: string[] = [];
    for (let c = 0; c < header.width; c++) {
        const parts: string[] = [];
        const seen = new Set<AnnexCell>();
        for (const row of header.slots) {
            const slot = row[c];
            if (!slot || seen.has(slot.cell)) continue;
            seen.add(slot.cell);
            if (slot.cell.text.trim() !== '') parts.push(slot.cell.text.trim());
        }
        names.push(parts.join(' - '));
    }
    return names;
}

/** A body row as one text per column; a spanned cell's text stands in its first column only. */
export function flatRow(row: GridSlot[]): string[] {
    return row.map(slot => slot?.origin ? slot.cell.text : '');
}

/**
 * A text's width in ems of Times New Roman, roughly: digits are half an em, stops a quarter, capitals
 * about two thirds. Enough to keep a number such as "407.045" on one line; not a typesetter.
 */
export function textEms(text: string, bold = false): number {
    let ems = 0;
    for (const ch of text.normalize('NFC')) {
        if (/\p{Mn}/u.test(ch)) continue;
        const base = ch.normalize('NFD')[0];
        ems += /[0-9]/.test(base) ? 0.5
            : /[.,:;'|!]/.test(base) ? 0.26
            : /[\s]/.test(base) ? 0.25
            : /[ilIjft()[\]\-/]/.test(base) ? 0.33
            : /[mwMW%]/.test(base) ? 0.9
            : /\p{Lu}/u.test(base) ? 0.7
            : 0.48;
    }
    return ems * (bold ? 1.06 : 1);
}

/**
 * The narrowest each column may be, in ems: its longest word, so that numbers and short headings
 * ("STT") never break inside. Cells spanning several columns do not count.
 */
export function minimumColumnEms(annex: AnnexTable): number[] {
    const { header, body, width } = annexGrids(annex);
    const minimums = Array.from({ length: width }, () => 0);
    for (const [grid, isHeader] of [[header, true], [body, false]] as const) {
        for (const [r, row] of grid.slots.entries()) {
            row.forEach((slot, c) => {
                if (!slot?.origin || slot.colSpan > 1) return;
                const bold = isHeader || slot.cell.bold === true || annex.body[r]?.kind === 'total' && !isHeader;
                const longest = Math.max(0, ...slot.cell.text.split(/\s+/).map(word => textEms(word, bold)));
                minimums[c] = Math.max(minimums[c], longest);
            });
        }
    }
    return minimums;
}

/**
 * Shares `total` among columns in proportion to their weights, but never below their minimums: a
 * column that would be too narrow gets its minimum and the others share what is left. If even the
 * minimums do not fit, they are scaled down together.
 */
export function fitColumnWidths(weights: number[], minimums: number[], total: number): number[] {
    const sumMin = minimums.reduce((a, b) => a + b, 0);
    if (sumMin >= total) return minimums.map(m => (sumMin > 0 ? m * total / sumMin : total / minimums.length));
    const fixed = new Set<number>();
    for (;;) {
        const free = total - [...fixed].reduce((a, i) => a + minimums[i], 0);
        const freeWeight = weights.reduce((a, w, i) => (fixed.has(i) ? a : a + w), 0);
        const widths = weights.map((w, i) => (fixed.has(i) ? minimums[i] : free * w / freeWeight));
        const tooNarrow = widths.findIndex((w, i) => !fixed.has(i) && w < minimums[i]);
        if (tooNarrow < 0) return widths;
        widths.forEach((w, i) => { if (!fixed.has(i) && w < minimums[i]) fixed.add(i); });
    }
}

/** The annex title as the decree prints it: capitals (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
export function officialCaps(text: string): string {
    return text.toLocaleUpperCase('vi');
}

/**
 * Characters kept in file names: letters, digits, dot, dash, underscore; at most `maxBytes` bytes of
 * UTF-8 (file systems allow 255 bytes a name, and a Vietnamese letter takes up to 3).
 */
function safeName(part: string, maxBytes: number): string {
    const plain = part.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '');
    let out = '';
    let bytes = 0;
    for (const ch of plain) {
        const code = ch.codePointAt(0)!;
        bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        if (bytes > maxBytes) break;
        out += ch;
    }
    return out.replace(/[-.]+$/, '') || 'plan';
}

/** `<plan-id>` for a whole-plan file, `<plan-id>-phu-luc-01` for one annex: at most 140 bytes, room for a suffix. */
export function exportBaseName(planId: string, annex?: AnnexTable, index = 0): string {
    if (!annex) return safeName(planId, 90);
    const number = annex.number.trim() !== '' ? annex.number.trim() : String(index + 1).padStart(2, '0');
    return `${safeName(planId, 90)}-phu-luc-${safeName(number, 40)}`;
}
