// Excel workbooks. The work is bounded before exceljs builds its object model: the zip's safe pass
// (zip.ts) streams every worksheet through saxes and counts its rows, cells and merged areas, so a
// sheet of a million rows, or one merge over the whole sheet (which exceljs would expand cell by
// cell), is refused while only a little of it has been inflated. Then exceljs reads the workbook and
// each sheet becomes one grid whose cells are printed as Excel prints them (print-number.ts).
//
// Decisions: covered cells of a merge are undefined, blank cells are { text: '' }; the grid starts at
// A1 so grid positions are Excel's addresses; hidden rows and columns are kept, and listed in
// `hiddenRows`/`hiddenColumns` (a hidden row still holds data that adds up); a formula is never
// evaluated: its cached result is the cell's value and text, the formula text is kept in `formula`.
import ExcelJS from 'exceljs';
import type { SaxesTagPlain } from 'saxes';
import { SaxesParser } from 'saxes';
import { TextDecoder } from 'node:util';
import { said, type Said } from '../../../../common/catalogue.js';
import type { NumberStyle } from '../../../../common/numbers.js';
import { IMPORT_ERRORS, IMPORT_PLACES } from '../../../../common/words/import.js';
import type { Grid, GridCell, Merge } from '../grid.js';
import { ImportError, type ImportLimits } from '../limits.js';
import { checkGridCount, checkGridSize, importError } from './limits-check.js';
import { printCellNumber, printDate } from './print-number.js';
import { doctypeError, walkXml } from './xml-safety.js';
import { passZip } from './zip.js';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Sheet parts exceljs is told to skip: nothing of them reaches a grid. */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'tableParts',
    'autoFilter', 'rowBreaks', 'pageSetup', 'headerFooter', 'printOptions', 'sheetProtection', 'pageMargins'];

export interface XlsxOptions {
    numberStyle: NumberStyle;
    limits: ImportLimits;
    /** Only this sheet (by its name); an ImportError lists the sheets when there is none of that name. */
    sheet?: string;
}

interface SheetEntry { name: string; part?: string }

function localName(name: string): string {
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(colon + 1);
}

/** The workbook's sheets in order, each with its worksheet part (from workbook.xml and its rels). */
function sheetEntries(parts: ReadonlyMap<string, Uint8Array>, file: string): SheetEntry[] {
    const targets = new Map<string, string>();
    const rels = parts.get(WORKBOOK_RELS);
    if (rels) {
        walkXml(rels, file, WORKBOOK_RELS, {
            open: tag => {
                if (localName(tag.name) !== 'Relationship') return;
                const { Id: id, Target: target } = tag.attributes;
                if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
            }
        });
    }
    const sheets: SheetEntry[] = [];
    const workbook = parts.get(WORKBOOK);
    if (workbook) {
        walkXml(workbook, file, WORKBOOK, {
            open: tag => {
                if (localName(tag.name) !== 'sheet') return;
                const rid = Object.entries(tag.attributes).find(([k]) => localName(k) === 'id')?.[1];
                sheets.push({ name: tag.attributes.name ?? '', part: rid ? targets.get(rid) : undefined });
            }
        });
    }
    return sheets;
}

/** Column number (1-based) and row of an A1 address; undefined when it is none. */
function address(ref: string): { row: number; column: number } | undefined {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
    if (!m) return undefined;
    let column = 0;
    for (const ch of m[1].toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), column };
}

/**
 * Streams one worksheet part through saxes as it inflates and refuses it as soon as it holds more
 * rows or cells than the limits, or a merged area larger than a grid may be.
 */
class SheetScan {
    private rows = 0;
    private cells = 0;
    private readonly decoder = new TextDecoder('utf-8');
    private readonly parser = new SaxesParser({ xmlns: false, position: true });

    constructor(private readonly file: string, private readonly place: string | Said, part: string, private readonly limits: ImportLimits) {
        this.parser.on('doctype', () => { throw doctypeError(file, part); });
        this.parser.on('error', error => {
            throw importError(IMPORT_ERRORS.xmlMalformed, { file, part, line: this.parser.line, column: this.parser.column, why: error.message });
        });
        this.parser.on('opentag', tag => this.element(tag));
    }

    feed(chunk: Uint8Array): void {
        this.parser.write(this.decoder.decode(chunk, { stream: true }));
    }

    private element(tag: SaxesTagPlain): void {
        const name = localName(tag.name);
        if (name === 'row') {
            if (++this.rows > this.limits.maxRows) this.tooLarge();
        } else if (name === 'c') {
            if (++this.cells > this.limits.maxCells) this.tooLarge();
        } else if (name === 'mergeCell') {
            const [from, to] = (tag.attributes.ref ?? '').split(':').map(address);
            if (!from) return;
            const end = to ?? from;
            checkGridSize(Math.max(from.row, end.row), 1, this.file, this.place, this.limits);
            checkGridSize(Math.abs(end.row - from.row) + 1, Math.abs(end.column - from.column) + 1, this.file, this.place, this.limits);
        }
    }

    private tooLarge(): never {
        if (this.rows > this.limits.maxRows) {
            throw importError(IMPORT_ERRORS.tooManyRows, { file: this.file, place: this.place, rows: `> ${this.limits.maxRows}`, limit: this.limits.maxRows });
        }
        throw importError(IMPORT_ERRORS.tooManyCells, { file: this.file, place: this.place, cells: `> ${this.limits.maxCells}`, limit: this.limits.maxCells });
    }
}

function why(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** The sheets of an .xlsx file as grids (or the one named in `options.sheet`). */
export async function readXlsx(bytes: Uint8Array, file: string, options: XlsxOptions): Promise<Grid[]> {
    const { limits } = options;
    let sheets: SheetEntry[] | undefined;
    const zip = await passZip(bytes, {
        file, format: 'XLSX', limits,
        keep: part => part === WORKBOOK || part === WORKBOOK_RELS,
        first: part => part === WORKBOOK || part === WORKBOOK_RELS,
        watch: (part, kept) => {
            if (!WORKSHEET.test(part)) return undefined;
            sheets ??= sheetEntries(kept, file);
            const sheetName = sheets.find(s => s.part === part)?.name;
            const place = sheetName === undefined ? part : said(IMPORT_PLACES.sheet, { sheet: sheetName });
            const scan = new SheetScan(file, place, part, limits);
            return chunk => scan.feed(chunk);
        }
    });
    sheets ??= sheetEntries(zip.parts, file);
    if (!zip.parts.has(WORKBOOK)) throw importError(IMPORT_ERRORS.partMissing, { file, part: WORKBOOK, format: 'XLSX' });
    checkGridCount(sheets.length, file, limits);
    if (options.sheet !== undefined && !sheets.some(s => s.name === options.sheet)) {
        throw importError(IMPORT_ERRORS.noSheet, { file, sheet: options.sheet, sheets: sheets.map(s => `"${s.name}"`).join(', ') });
    }
    const workbook = new ExcelJS.Workbook();
    try {
        await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
            { ignoreNodes: IGNORED_NODES } as unknown as ExcelJS.XlsxReadOptions);
    } catch (error) {
        if (error instanceof ImportError) throw error;
        throw importError(IMPORT_ERRORS.workbookUnreadable, { file, why: why(error) });
    }
    const grids: Grid[] = [];
    workbook.worksheets.forEach((sheet, i) => {
        if (options.sheet !== undefined && sheet.name !== options.sheet) return;
        grids.push(sheetGrid(sheet, i + 1, file, options));
    });
    return grids;
}

interface Range { top: number; left: number; bottom: number; right: number }

/** The sheet's merged ranges (1-based), which exceljs keeps by their top-left address. */
function mergesOf(sheet: ExcelJS.Worksheet): Range[] {
    const merges = (sheet as unknown as { _merges: Record<string, { model: Range } | undefined> })._merges;
    return Object.values(merges ?? {}).flatMap(m => (m ? [m.model] : []));
}

function sheetGrid(sheet: ExcelJS.Worksheet, index: number, file: string, options: XlsxOptions): Grid {
    const ranges = mergesOf(sheet);
    let height = 0;
    let width = 0;
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (_cell, c) => {
            height = Math.max(height, r);
            width = Math.max(width, c);
        });
    });
    for (const m of ranges) {
        height = Math.max(height, m.bottom);
        width = Math.max(width, m.right);
    }
    checkGridSize(height, width, file, said(IMPORT_PLACES.sheet, { sheet: sheet.name }), options.limits);
    const rows: (GridCell | undefined)[][] = Array.from({ length: height }, () => Array.from({ length: width }, (): GridCell | undefined => ({ text: '' })));
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
            rows[r - 1][c - 1] = cell.type === ExcelJS.ValueType.Merge ? undefined : gridCell(cell, options.numberStyle);
        });
    });
    const merges: Merge[] = ranges.map(m => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
    for (const m of merges) {
        for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) rows[r][c] = undefined;
    }
    const grid: Grid = { name: sheet.name, index, rows, merges, addressing: 'sheet' };
    const hiddenRows: number[] = [];
    for (let r = 1; r <= height; r++) if (sheet.findRow(r)?.hidden) hiddenRows.push(r - 1);
    const hiddenColumns: number[] = [];
    for (let c = 1; c <= width; c++) if (sheet.getColumn(c).hidden) hiddenColumns.push(c - 1);
    if (hiddenRows.length > 0) grid.hiddenRows = hiddenRows;
    if (hiddenColumns.length > 0) grid.hiddenColumns = hiddenColumns;
    return grid;
}

/** Looks like a number in either style ("29.822", "3,17", "-5", "12%"): typed as text, it is flagged. */
const NUMBER_LIKE = /^[-+]?\d[\d.,\s]*%?$/;

function richText(value: unknown): string | undefined {
    if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText)) {
        return (value.richText as { text?: string }[]).map(run => run.text ?? '').join('');
    }
    return undefined;
}

function allRunsBold(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || !('richText' in value) || !Array.isArray(value.richText)) return false;
    const runs = (value.richText as { text?: string; font?: { bold?: boolean } }[]).filter(run => (run.text ?? '').trim() !== '');
    return runs.length > 0 && runs.every(run => run.font?.bold === true);
}

/** A value as printed: a number with the cell's format, a date as dd/mm/yyyy, text as it is. */
function printed(value: unknown, numFmt: string | undefined, style: NumberStyle, cell: GridCell): void {
    if (typeof value === 'number') {
        Object.assign(cell, printCellNumber(value, numFmt, style));
        return;
    }
    if (value instanceof Date) {
        cell.text = printDate(value);
        return;
    }
    if (typeof value === 'boolean') {
        cell.text = value ? 'TRUE' : 'FALSE';
        return;
    }
    if (typeof value === 'string') {
        cell.text = value;
        if (NUMBER_LIKE.test(value.trim())) cell.textTyped = true;
        return;
    }
    if (typeof value === 'object' && value !== null) {
        if ('error' in value) cell.text = String(value.error);
        else {
            const rich = richText(value);
            if (rich !== undefined) {
                cell.text = rich;
                if (allRunsBold(value)) cell.bold = true;
            }
        }
    }
}

function gridCell(cell: ExcelJS.Cell, style: NumberStyle): GridCell {
    const out: GridCell = { text: '' };
    const numFmt = cell.numFmt || undefined;
    const value = cell.value;
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- every other type is a plain value
    switch (cell.type) {
        case ExcelJS.ValueType.Formula: {
            const formula = value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
            printed(formula.result, numFmt, style, out);
            const text = cell.formula;
            if (text) out.formula = text;
            break;
        }
        case ExcelJS.ValueType.Hyperlink: {
            const link = value as ExcelJS.CellHyperlinkValue;
            printed(link.text, numFmt, style, out);
            delete out.textTyped;
            if (link.hyperlink) out.hyperlink = link.hyperlink;
            break;
        }
        default:
            printed(value, numFmt, style, out);
    }
    if (cell.font?.bold) out.bold = true;
    return out;
}
