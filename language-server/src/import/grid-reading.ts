// Reading a grid as printed: the cell a merge shows at a place, the text of a column's headings from
// the top down, a cell's address for messages.
import { say } from '../../../common/catalogue.js';
import type { Locale } from '../../../common/locale.js';
import { IMPORT_PLACES } from '../../../common/words/import.js';
import { columnLetters, type Grid, type GridCell } from './grid.js';

/** The cell shown at (row, column): the cell itself, or the top-left cell of the merge covering it. */
export function shownAt(grid: Grid, row: number, column: number): { cell: GridCell | undefined; merged: boolean } {
    const own = grid.rows[row]?.[column];
    if (own) return { cell: own, merged: false };
    const m = grid.merges.find(x => row >= x.top && row <= x.bottom && column >= x.left && column <= x.right);
    if (m && (m.top !== row || m.left !== column)) return { cell: grid.rows[m.top]?.[m.left], merged: true };
    return { cell: undefined, merged: false };
}

/** The text of a cell, white space runs as one space, trimmed ('' for none). */
export function cellText(cell: GridCell | undefined): string {
    return (cell?.text ?? '').replace(/\s+/g, ' ').trim();
}

/** Each column's headings over the given rows, top down, a merged heading once: "Kế hoạch - Năm 2024". */
export function columnHeadings(grid: Grid, fromRow: number, toRow: number): string[] {
    const width = grid.rows[0]?.length ?? 0;
    const out: string[] = [];
    for (let c = 0; c < width; c++) {
        const parts: string[] = [];
        const seen = new Set<GridCell>();
        for (let r = fromRow; r <= toRow; r++) {
            const { cell } = shownAt(grid, r, c);
            if (!cell || seen.has(cell)) continue;
            seen.add(cell);
            const t = cellText(cell);
            if (t !== '') parts.push(t);
        }
        out.push(parts.join(' - '));
    }
    return out;
}

/** Where a cell is, for messages: `Sheet1!D14`, or "Bảng 2, dòng 14, cột 4" for Word and pasted tables. */
export function cellAddress(grid: Grid, row: number, column: number, locale: Locale = 'vi'): string {
    return grid.addressing === 'sheet'
        ? `${grid.name}!${columnLetters(column)}${row + 1}`
        : say(IMPORT_PLACES.cell, locale, { table: grid.name, row: row + 1, column: column + 1 });
}

/** A year in a heading: "Kết quả năm 2022" → 2022. */
export function yearIn(text: string): number | undefined {
    const m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(text);
    return m ? Number(m[1]) : undefined;
}
