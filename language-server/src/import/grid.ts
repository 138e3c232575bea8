// The way in: an office file (XLSX, CSV/TSV, DOCX, a pasted HTML or TSV table) is read at the edge
// into neutral grids of cells as printed, which the recogniser turns into plan text. Readers of
// untrusted files hand over only this plain data: no library object crosses this line.

/** One cell as the source holds it. Covered cells of a merge are `undefined` in the grid. */
export interface GridCell {
    /**
     * The text as printed: for Excel, the value rendered with the cell's own number format (decimals,
     * thousands grouping) in the style of `numberStyle` of the reader's options; for Word, CSV and
     * HTML, the text as written. Control and bidi characters are kept (the printer escapes them).
     */
    text: string;
    /** The numeric value, when the source stores a number (an Excel numeric cell, a formula's result). */
    value?: number;
    /** Decimals the number format prints ("0.00" → 2), when `value` is given. */
    decimals?: number;
    /** Whether the number format groups thousands ("#,##0"), when `value` is given. */
    grouped?: boolean;
    /** The cell held a formula: `value`/`text` are its cached result; the formula itself is kept inert. */
    formula?: string;
    /** The cell carried a hyperlink (never followed; its text is kept as text). */
    hyperlink?: string;
    /** Bold as printed (dimension labels, section rows, headers). */
    bold?: boolean;
    /** Text typed into a cell formatted as text although it looks like a number (Excel only). */
    textTyped?: boolean;
    /**
     * The number format is a percent ('0.00%'): `text` is printed as Excel prints it ("1,27%", the
     * value × 100), `value` is the stored fraction (0.0127) and `decimals` the printed ones (2).
     */
    percent?: boolean;
}

/** A merged range, 0-based, inclusive; the top-left cell holds the content. */
export interface Merge { top: number; left: number; bottom: number; right: number }

/** A table of cells as printed: an Excel sheet, one table of a Word document, a CSV file, a pasted table. */
export interface Grid {
    /** Where it came from, for messages: the sheet's name, or "Bảng 2" / "Table 2". */
    name: string;
    /** Index among the source's tables/sheets, from 1. */
    index: number;
    /** rows × columns; every row has the same length; merged-over cells are undefined. */
    rows: (GridCell | undefined)[][];
    merges: Merge[];
    /** How a cell is addressed in messages: 'sheet' → `Sheet1!D14`, 'table' → table, row and column. */
    addressing: 'sheet' | 'table';
    /** Rows and columns (0-based) hidden in the sheet: kept in `rows`, only marked (Excel only). */
    hiddenRows?: number[];
    hiddenColumns?: number[];
    /**
     * What a Word document prints above the table as its caption, when the whole-plan import found it:
     * "Phụ lục 02" (annex "02"), a heading line ("DỰ KIẾN"), the title, the line under the title.
     */
    caption?: GridCaption;
}

/** The paragraphs above a table that name it (whole-plan import of a Word document). */
export interface GridCaption { annex?: string; heading?: string; title?: string; subtitle?: string }

/** A paragraph of a Word document, for the whole-plan import (text as written, runs flattened). */
export interface SourceParagraph {
    kind: 'paragraph';
    text: string;
    /** The paragraph's bold/italic when the whole text is so (runs that disagree leave it undefined). */
    bold?: boolean;
    italic?: boolean;
    align?: 'left' | 'center' | 'right' | 'both';
    /** The paragraph style's id or name ("Heading1", "Title"), when any. */
    style?: string;
    /** Automatic list numbering level, when the paragraph is numbered by Word rather than by its text. */
    numberingLevel?: number;
}

/** A table in the flow of a Word document: the grid with that index. */
export interface SourceTableRef { kind: 'table'; grid: number }

export type SourceBlock = SourceParagraph | SourceTableRef;

export type SourceFormat = 'xlsx' | 'csv' | 'tsv' | 'docx' | 'html';

/** What a reader hands over: the grids, and for a Word document its blocks in order. */
export interface SourceDocument {
    format: SourceFormat;
    /** The file's name as given (for messages). */
    name: string;
    grids: Grid[];
    /** Word documents only: paragraphs and tables in document order. */
    blocks?: SourceBlock[];
}

/** Column letters as Excel prints them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
    let n = column + 1;
    let out = '';
    while (n > 0) {
        const r = (n - 1) % 26;
        out = String.fromCharCode(65 + r) + out;
        n = Math.floor((n - 1) / 26);
    }
    return out;
}
