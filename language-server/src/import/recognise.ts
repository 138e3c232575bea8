// From a grid of cells as printed to the shape of the language's `table`: title rows above, header
// rows (one to three levels, merged year cells over their columns, a numbering row under them), the
// number and unit-name columns, columns by year and measure, rows of units, sections with their
// subtotals and the total (above or below the rows, where it is printed), notes below. Every choice
// the source did not state becomes a note, printed as a comment; every cell that cannot be placed is
// a problem with its address. Pure: grids in, plain data out.
import { said, say, type Said } from '../../../common/catalogue.js';
import type { Locale } from '../../../common/locale.js';
import { formatNumber, readNumber, type NumberStyle } from '../../../common/numbers.js';
import { IMPORT_HEADINGS, IMPORT_NAMES, IMPORT_NOTES, IMPORT_PROBLEMS } from '../../../common/words/import-table.js';
import type { YearKind } from '../model/types.js';
import { columnLetters, type Grid, type GridCaption, type GridCell } from './grid.js';
import {
    fold, isNumberHeading, isSectionLabel, isSectionNumber, isTotalLabel, measureOf, rateSubject, unitOf, withoutYear,
    yearHeading, type ColumnUnitGuess, type PredeclaredMeasure
} from './headings.js';
import { cellAddress } from './grid-reading.js';
import { inert, oneLine } from './plan-text.js';
import type { GuessedYear, ImportContext, ImportProblem, KnownUnit, UnitKind, UnitLevel } from './table.js';
import { indexUnits, levelOfRowHeader, matchUnit, parseUnitLabel, type UnitIndex } from './units.js';

/** A column the table declares (a heading that is no predeclared measure). */
export interface DeclaredColumn {
    id: string;
    label: string;
    unit: ColumnUnitGuess;
    custom?: string;
    rateOf?: string;
    /** Folded heading, to give the same heading in every year one column. */
    key: string;
}

/** One year line: the printed cells in the order of the table's columns. */
export interface YearCells { year: number; cells: string[] }

export interface Noted { notes: Said[] }
export interface UnitRow extends Noted { kind: 'row'; no: string; unit: string; cells: YearCells[] }
export interface TotalLine extends Noted { kind: 'total' | 'subtotal'; label: string; cells: YearCells[] }
export interface SectionEntry extends Noted {
    kind: 'section'; label: string; title: string;
    rows: UnitRow[]; subtotal?: TotalLine; subtotalFirst: boolean;
}
export type BodyEntry = UnitRow | TotalLine | SectionEntry;

/** A unit the import declares. */
export interface NewUnit { id: string; label: string; level: UnitLevel; kind?: UnitKind; fullName?: string; note?: Said }

export interface RecognisedTable {
    grid: Grid;
    title?: string;
    annex?: string;
    heading?: string;
    rowHeader?: string;
    years: { year: number; kind: YearKind }[];
    columns: string[];
    declarations: DeclaredColumn[];
    body: BodyEntry[];
    totalFirst: boolean;
    newUnits: NewUnit[];
    /** Years whose kind was guessed (no heading said it, none was given). */
    guessedYears: GuessedYear[];
    /** Notes of the table as a whole (titles, guesses about years and columns), before its body. */
    notes: Said[];
    /** Notes printed under the table (its source's notes, signatures). */
    notesBelow: Said[];
    problems: ImportProblem[];
}

// ---- Cells ---------------------------------------------------------------------------------------

const BLANK = /^(-+|–|—|x|X|\.|…|\.\.\.)?$/;
const NUMERIC = /^[-+−]?\(?\d[\d.,\s]*\)?\s*%?$/;
const NUMBERING_TOKEN = /^\(?([0-9]{1,2}|[A-Za-z]{1,3}|[0-9]{1,2}\s*[=*/+\-x×:].*)\)?$/;

class Cells {
    private readonly cover: Int32Array;
    readonly height: number;
    readonly width: number;

    constructor(readonly grid: Grid, private readonly locale: Locale = 'vi') {
        this.height = grid.rows.length;
        this.width = grid.rows[0]?.length ?? 0;
        this.cover = new Int32Array(this.height * this.width).fill(-1);
        grid.merges.forEach((m, i) => {
            for (let r = m.top; r <= Math.min(m.bottom, this.height - 1); r++)
                for (let c = m.left; c <= Math.min(m.right, this.width - 1); c++) this.cover[r * this.width + c] = i;
        });
    }

    /** The merge a cell belongs to, if any. */
    mergeAt(r: number, c: number) {
        const i = this.cover[r * this.width + c];
        return i < 0 ? undefined : this.grid.merges[i];
    }

    /** The cell that shows at a place: its merge's top-left cell when merged. */
    shown(r: number, c: number): GridCell | undefined {
        const m = this.mergeAt(r, c);
        return m ? this.grid.rows[m.top]?.[m.left] : this.grid.rows[r]?.[c];
    }

    /** The cell's own content: undefined for a place covered by a merge started elsewhere. */
    own(r: number, c: number): GridCell | undefined {
        const m = this.mergeAt(r, c);
        if (m && (m.top !== r || m.left !== c)) return undefined;
        return this.grid.rows[r]?.[c];
    }

    text(r: number, c: number): string {
        return oneLine(this.shown(r, c)?.text ?? '');
    }

    ownText(r: number, c: number): string {
        return oneLine(this.own(r, c)?.text ?? '');
    }

    address(r: number, c: number): string {
        return cellAddress(this.grid, r, c, this.locale);
    }
}

function isNumeric(cell: GridCell | undefined): boolean {
    if (!cell) return false;
    if (cell.value !== undefined && !cell.textTyped) return true;
    const t = oneLine(inert(cell.text).text);
    return t !== '' && NUMERIC.test(t);
}

function isYearNumber(text: string): boolean {
    return /^(19|20)\d{2}$/.test(text);
}

// ---- The table's parts ----------------------------------------------------------------------------

interface ValueColumn {
    col: number;
    heading: string;
    year: number;
    measure: string;
}

interface Layout {
    titleRows: number[];
    headerRows: number[];
    numberingRows: number[];
    firstBodyRow: number;
    sttCol?: number;
    labelCol: number;
}

/** Rows of a grid, classified by what their cells hold. */
function rowShape(cells: Cells, r: number): { filled: number; numeric: number; text: number; years: number; numbering: boolean } {
    const seen = new Set<string>();
    let filled = 0, numeric = 0, text = 0, years = 0, numberingTokens = 0;
    for (let c = 0; c < cells.width; c++) {
        const m = cells.mergeAt(r, c);
        const key = m ? `${m.top}:${m.left}` : `${r}:${c}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const cell = cells.shown(r, c);
        const t = oneLine(cell?.text ?? '');
        if (t === '') continue;
        filled++;
        if (NUMBERING_TOKEN.test(t) && !(cell?.value !== undefined && Math.abs(cell.value) > 99)) numberingTokens++;
        if (isYearNumber(t) && (!m || m.top === r)) years++;
        if (isNumeric(cell)) numeric++;
        else text++;
    }
    return { filled, numeric, text, years, numbering: filled >= 3 && numberingTokens === filled };
}

/** Where the header ends and the body starts, and which columns hold the row numbers and names. */
function findLayout(cells: Cells): Layout | undefined {
    const shapes = Array.from({ length: cells.height }, (_, r) => rowShape(cells, r));
    // The body starts at the first row with a name and figures that is not a row of bare years.
    let first = -1;
    for (let r = 0; r < cells.height; r++) {
        const s = shapes[r];
        if (s.numbering) continue;
        if (s.numeric > 0 && s.text > 0 && !(s.years === s.numeric && s.years >= 2)) { first = r; break; }
    }
    if (first < 0) return undefined;
    // The header: the rows just above, each with two or more cells, or reached by a merge from below.
    const headerRows: number[] = [];
    const numberingRows: number[] = [];
    let r = first - 1;
    while (r >= 0) {
        const s = shapes[r];
        if (s.numbering) { numberingRows.unshift(r); r--; continue; }
        const spansDown = Array.from({ length: cells.width }, (_, c) => cells.mergeAt(r, c)).some(m => m && m.bottom > r && m.top <= r);
        if (s.filled >= 2 || (s.filled >= 1 && spansDown)) { headerRows.unshift(r); r--; continue; }
        break;
    }
    const titleRows = Array.from({ length: r + 1 }, (_, i) => i).filter(i => shapes[i].filled > 0);
    // The number column: headed "STT"; the name column: the first other one holding text in the body.
    let sttCol: number | undefined;
    for (let c = 0; c < cells.width && sttCol === undefined; c++) {
        if (headerRows.some(h => isNumberHeading(cells.text(h, c)))) sttCol = c;
    }
    const bodyRows = Array.from({ length: Math.min(cells.height - first, 200) }, (_, i) => first + i);
    let labelCol = -1;
    for (let c = 0; c < cells.width; c++) {
        if (c === sttCol) continue;
        const textual = bodyRows.filter(b => { const t = cells.text(b, c); return t !== '' && !isNumeric(cells.shown(b, c)) && !BLANK.test(t); }).length;
        const numeric = bodyRows.filter(b => isNumeric(cells.own(b, c))).length;
        if (textual > 0 && textual >= numeric) { labelCol = c; break; }
    }
    if (labelCol < 0) return undefined;
    if (sttCol === undefined && labelCol > 0) {
        // No "STT" heading, but a column of small numbers before the names is one all the same.
        const before = labelCol - 1;
        if (bodyRows.every(b => { const t = cells.ownText(b, before); return t === '' || /^([0-9]{1,4}\.?|[IVXLC]+\.?|[A-H]\.?)$/.test(t); })) sttCol = before;
    }
    return { titleRows, headerRows, numberingRows, firstBodyRow: first, sttCol, labelCol };
}

/** The distinct texts above a column in the header, top to bottom (a vertical merge counts once). */
function headingPath(cells: Cells, layout: Layout, c: number): string[] {
    const path: string[] = [];
    let last: unknown;
    for (const r of layout.headerRows) {
        const m = cells.mergeAt(r, c);
        const key = m ?? `${r}:${c}`;
        const t = cells.text(r, c);
        if (key !== last && t !== '') path.push(t);
        last = key;
    }
    return path;
}

// ---- Recognition ------------------------------------------------------------------------------------

/** The table a grid holds, or why it holds none (no year in its headings, no column of names). */
/** Paragraphs printed around a Word table: its title above, its notes below. */
export interface AroundTable { above: string[]; below: string[] }

export function recogniseGrid(grid: Grid, context: ImportContext, plainNumbers = false, around?: AroundTable): RecognisedTable | { failure: Said } {
    const noTable = { failure: said(IMPORT_PROBLEMS.noTable, { grid: grid.name }) };
    const cells = new Cells(grid, context.locale);
    if (cells.width === 0) return noTable;
    const layout = findLayout(cells);
    if (!layout) return noTable;
    const table: RecognisedTable = {
        grid, years: [], columns: [], declarations: [], body: [], totalFirst: false, newUnits: [], guessedYears: [],
        notes: [], notesBelow: [], problems: []
    };
    readTitles(layout.titleRows.map(r => [...new Set(Array.from({ length: cells.width }, (_, c) => cells.text(r, c)).filter(Boolean))]).flat()
        .concat(around?.above ?? []), table);
    for (const r of layout.numberingRows) {
        const text = Array.from({ length: cells.width }, (_, c) => cells.ownText(r, c)).filter(Boolean).join(' | ');
        table.notes.push(said(IMPORT_NOTES.numberingRow, { text, row: r + 1 }));
    }
    // What the whole-plan import found printed above a Word table names it.
    if (grid.caption) {
        table.annex = grid.caption.annex ?? table.annex;
        table.heading = grid.caption.heading ?? table.heading;
        table.title = grid.caption.title ?? table.title;
    }
    const rowHeader = layout.headerRows.map(r => cells.text(r, layout.labelCol)).filter(Boolean).pop();
    if (rowHeader) table.rowHeader = rowHeader;
    const columns = readColumns(cells, layout, table, context);
    if (!columns) return { failure: said(IMPORT_PROBLEMS.noYear, { grid: grid.name }) };
    readBody(cells, layout, columns, table, context, plainNumbers);
    for (const text of around?.below ?? []) table.notesBelow.push(said(IMPORT_NOTES.noteLine, { text: oneLine(inert(text).text) }));
    return table;
}

function readTitles(lines: string[], table: RecognisedTable): void {
    const caption = captionOf(lines);
    table.annex = caption.annex;
    table.heading = caption.heading;
    table.title = caption.title;
    table.notes.push(...caption.others.map(text => said(IMPORT_NOTES.titleLine, { text })));
}

/**
 * The lines printed above a table, read as an annex prints them: "Phụ lục 01" / "Biểu số 05" (the
 * annex), a short line in capitals ("DỰ KIẾN", the heading), the title in capitals; the rest apart.
 */
export function captionOf(lines: string[]): GridCaption & { others: string[] } {
    const caption: GridCaption & { others: string[] } = { others: [] };
    const capitals: string[] = [];
    for (const text of lines.map(l => oneLine(inert(l).text)).filter(Boolean)) {
        // Folding keeps the length of a composed text, so a match in it is a place in the text.
        const composed = text.normalize('NFC');
        const annex = /^(phu luc|bieu(?: so| mau)?)\s*(?:so\s*)?([0-9]+[a-z]?|[ivxlc]+)\b/.exec(fold(composed));
        if (annex && !caption.annex) { caption.annex = composed.slice(annex[0].length - annex[2].length, annex[0].length); continue; }
        if (isCapitals(text)) { capitals.push(text); continue; }
        caption.others.push(text);
    }
    if (capitals.length >= 2 && capitals[0].split(/\s+/).length <= 3) caption.heading = capitals.shift();
    if (capitals.length > 0) caption.title = capitals.join(' ');
    return caption;
}

/** The caption a sheet prints in its first rows, each holding one text at most (merged across the width). */
export function captionOfTitleRows(grid: Grid): GridCaption | undefined {
    const cells = new Cells(grid);
    const lines: string[] = [];
    for (let r = 0; r < Math.min(cells.height, 8); r++) {
        const texts = new Set(Array.from({ length: cells.width }, (_, c) => cells.text(r, c)).filter(Boolean));
        if (texts.size > 1) break;
        lines.push(...texts);
    }
    const { annex, heading, title } = captionOf(lines);
    return annex || title ? { annex, heading, title } : undefined;
}

function isCapitals(text: string): boolean {
    const letters = text.replace(/[^\p{L}]/gu, '');
    return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

interface Columns {
    values: ValueColumn[];
    /** Columns that belong to no year: their cells become notes of their rows. */
    noteColumns: { col: number; heading: string }[];
}

function readColumns(cells: Cells, layout: Layout, table: RecognisedTable, context: ImportContext): Columns | undefined {
    const titleYear = table.title ? yearHeading(table.title) : undefined;
    const found: (ValueColumn & { kind?: YearKind; start?: boolean; rateOfPrevious?: boolean })[] = [];
    const noteColumns: Columns['noteColumns'] = [];
    for (let c = 0; c < cells.width; c++) {
        if (c === layout.sttCol || c === layout.labelCol) continue;
        const path = headingPath(cells, layout, c);
        const hasFigures = cellsBelow(cells, layout, c).some(cell => isNumeric(cell));
        const yearAt = path.findIndex(t => yearHeading(t) !== undefined);
        let year = yearAt >= 0 ? yearHeading(path[yearAt]) : undefined;
        if (!year && titleYear && hasFigures) {
            year = titleYear;
            if (!table.notes.some(n => n.words === IMPORT_NOTES.yearFromTitle)) table.notes.push(said(IMPORT_NOTES.yearFromTitle, { year: titleYear.year }));
        }
        const heading = path.join(' - ');
        if (!year) {
            if (path.length > 0 || hasFigures) noteColumns.push({ col: c, heading: heading || columnLetters(c) });
            continue;
        }
        // The measure: the other texts of the path, else what is left of the year's text.
        const others = path.filter((_, i) => i !== yearAt);
        const measureText = others.length > 0 ? others[others.length - 1] : withoutYear(path[yearAt] ?? '');
        found.push({ col: c, heading, year: year.year, measure: measureText, kind: year.kind, start: year.start });
    }
    if (found.length === 0) return undefined;
    for (const n of noteColumns) table.notes.push(said(IMPORT_NOTES.ignoredColumn, { column: columnLetters(n.col), heading: n.heading }));
    // "Đầu năm 2024" holds the stock at the end of 2023.
    for (const f of found.filter(f => f.start)) {
        const year = f.year - 1;
        if (!table.notes.some(n => n.words === IMPORT_NOTES.yearStart && n.args?.next === f.year)) {
            table.notes.push(said(IMPORT_NOTES.yearStart, { heading: f.heading, next: f.year, year }));
        }
        f.year = year;
    }
    readYears(found, table, context);
    const values = readMeasures(found, cells, table, context, layout.headerRows.at(-1) ?? Math.max(0, layout.firstBodyRow - 1));
    return { values, noteColumns };
}

function cellsBelow(cells: Cells, layout: Layout, c: number): (GridCell | undefined)[] {
    const out: (GridCell | undefined)[] = [];
    for (let r = layout.firstBodyRow; r < cells.height; r++) out.push(cells.own(r, c));
    return out;
}

function readYears(found: { year: number; kind?: YearKind; heading: string }[], table: RecognisedTable, context: ImportContext): void {
    const stated = new Map<number, YearKind>();
    const headingOf = new Map<number, string>();
    for (const f of found) {
        if (!headingOf.has(f.year)) headingOf.set(f.year, f.heading.split(' - ')[0]);
        if (f.kind && !stated.has(f.year)) stated.set(f.year, f.kind);
    }
    const years = [...new Set(found.map(f => f.year))];
    const results = [...stated].filter(([, k]) => k === 'result' || k === 'actual' || k === 'estimate').map(([y]) => y);
    const plans = [...stated].filter(([, k]) => k === 'plan').map(([y]) => y);
    for (const year of years) {
        let kind = stated.get(year);
        if (!kind) {
            const given = context.yearKinds?.[year];
            if (given) {
                kind = given;
                table.notes.push(said(IMPORT_NOTES.yearGiven, { year, kind: IMPORT_NAMES[kind] }));
            } else {
                // A bare "Năm 2024" is how an annex prints a plan year ("Kết quả năm …" a result):
                // a plan, unless a later year is a stated result or the year comes before every stated plan.
                kind = results.some(r => r >= year) || (results.length === 0 && plans.length > 0 && year < Math.min(...plans)) ? 'result' : 'plan';
                const heading = headingOf.get(year) ?? String(year);
                table.notes.push(said(IMPORT_NOTES.yearGuessed, { year, heading, kind: IMPORT_NAMES[kind] }));
                table.guessedYears.push({ year, kind, heading });
            }
        }
        table.years.push({ year, kind });
    }
}

function readMeasures(
    found: (ValueColumn & { rateOfPrevious?: boolean })[], cells: Cells, table: RecognisedTable, context: ImportContext, headerRow: number
): ValueColumn[] {
    const out: ValueColumn[] = [];
    const taken = new Map<string, number>();
    const previousCount = new Map<number, string>();
    for (const f of found) {
        const reading = measureOf(f.measure);
        let measure: string | undefined = reading.measure;
        if (reading.rateOfPrevious) {
            const count = previousCount.get(f.year);
            const rates: Record<string, PredeclaredMeasure> = { poor: 'poor-rate', 'near-poor': 'near-poor-rate', multidim: 'multidim-rate' };
            if (count && rates[count]) measure = rates[count];
            // The plan's own words are the source's: Vietnamese, whatever the comments' language.
            else if (count) measure = declare(table, context, say(IMPORT_HEADINGS.rateOf, 'vi', { count }), f.measure, count).id;
            if (measure) table.notes.push(said(IMPORT_NOTES.measure, { heading: f.measure, column: measure }));
        } else if (measure && reading.guessed) {
            table.notes.push(said(IMPORT_NOTES.measure, { heading: f.measure, column: measure }));
        }
        if (!measure) measure = declare(table, context, f.measure, f.measure).id;
        const key = `${f.year}:${measure}`;
        if (taken.has(key)) {
            table.problems.push({
                at: cells.address(headerRow, f.col),
                said: said(IMPORT_PROBLEMS.duplicateColumn, { at: cells.address(headerRow, f.col), heading: f.heading, year: f.year, column: measure, first: cells.address(headerRow, taken.get(key)!) }),
                severity: 'warning'
            });
            continue;
        }
        taken.set(key, f.col);
        if (!isRate(measure, table)) previousCount.set(f.year, measure);
        if (!table.columns.includes(measure)) table.columns.push(measure);
        out.push({ ...f, measure });
    }
    return out;
}

function isRate(measure: string, table: RecognisedTable): boolean {
    if (measure.endsWith('-rate')) return true;
    return table.declarations.some(d => d.id === measure && d.unit === 'percent');
}

/** The declared column for a heading (the same heading in every year is one column). */
function declare(table: RecognisedTable, context: ImportContext, label: string, heading: string, rateOfCount?: string): DeclaredColumn {
    const key = fold(label);
    const existing = table.declarations.find(d => d.key === key);
    if (existing) return existing;
    const unit = rateOfCount ? { unit: 'percent' as const, guessed: false } : unitOf(label);
    const column: DeclaredColumn = { id: freshColumnId(label, context), label, unit: unit.unit, custom: unit.custom, key };
    if (rateOfCount) {
        column.rateOf = rateOfCount;
        column.label = heading;
        table.notes.push(said(IMPORT_NOTES.rateOf, { heading, count: rateOfCount }));
    } else {
        const subject = rateSubject(label);
        const counted = subject && table.declarations.find(d => d.unit !== 'percent' && fold(d.label).includes(subject));
        if (column.unit === 'percent' && counted) {
            column.rateOf = counted.id;
            table.notes.push(said(IMPORT_NOTES.rateOf, { heading, count: counted.id }));
        } else {
            table.notes.push(said(IMPORT_NOTES.declaredColumn, { heading, column: column.id, unit: IMPORT_NAMES[column.unit] }));
            if (unit.guessed) table.notes.push(said(IMPORT_NOTES.unitGuessed, { heading, unit: IMPORT_NAMES[column.unit] }));
        }
    }
    table.declarations.push(column);
    return column;
}

function freshColumnId(label: string, context: ImportContext): string {
    const words = fold(label).replace(/\(.*?\)/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 5);
    let base = words.join('_') || 'cot';
    if (/^[0-9]/.test(base)) base = 'c_' + base;
    let id = base;
    for (let n = 2; context.usedIds.has(id); n++) id = `${base}_${n}`;
    context.usedIds.add(id);
    return id;
}

// ---- The body -------------------------------------------------------------------------------------

function readBody(cells: Cells, layout: Layout, columns: Columns, table: RecognisedTable, context: ImportContext, plainNumbers: boolean): void {
    let section: SectionEntry | undefined;
    let pending: Said[] = [];
    let unitRowsSeen = 0;
    let sequence = 0;
    let lastFigureRow = layout.firstBodyRow;
    for (let r = layout.firstBodyRow; r < cells.height; r++) {
        if (columns.values.some(v => isNumeric(cells.own(r, v.col)))) lastFigureRow = r;
    }
    const level = levelOfRowHeader(table.rowHeader);
    const units: UnitsSeen = { index: indexUnits(context.units), byLabel: new Map(), declared: new Map() };
    const printStt = layout.sttCol !== undefined;
    if (!printStt) table.notes.push(said(IMPORT_NOTES.numberedRows));

    for (let r = layout.firstBodyRow; r < cells.height; r++) {
        const label = cleaned(cells.text(r, layout.labelCol), cells.address(r, layout.labelCol), table);
        const sttMerged = layout.sttCol !== undefined && cells.mergeAt(r, layout.sttCol) === cells.mergeAt(r, layout.labelCol) && cells.mergeAt(r, layout.labelCol) !== undefined;
        const stt = layout.sttCol === undefined || sttMerged ? '' : cells.ownText(r, layout.sttCol);
        const name = label || stt;
        const hasFigures = columns.values.some(v => isNumeric(cells.own(r, v.col)));
        const rowNotes = noteCells(cells, r, columns, layout);
        if (!name && !hasFigures && rowNotes.length === 0 && columns.values.every(v => cells.ownText(r, v.col) === '')) continue;

        if (r > lastFigureRow) {
            const text = [stt, label, ...rowNotes.map(n => (typeof n.args?.text === 'string' ? n.args.text : ''))].filter(Boolean).join(' ');
            if (text) table.notesBelow.push(said(IMPORT_NOTES.noteLine, { text }));
            continue;
        }
        // A numbered row without figures is a unit whose cells are all blank, not a heading.
        if (!hasFigures && !(label && /^[0-9]{1,6}\.?$/.test(stt))) {
            if (!name) { pending.push(...rowNotes); continue; }
            // A row of a name without figures, followed by unit rows: the heading of a section.
            section = { kind: 'section', label: sectionLabel(stt, table), title: label || stt, rows: [], subtotalFirst: false, notes: [...pending, said(IMPORT_NOTES.sectionGuessed, { label: name })] };
            pending = [];
            table.body.push(section);
            continue;
        }
        const cellsOf = () => yearCells(cells, r, columns, table, context, plainNumbers);
        const notes = [...pending, ...rowNotes];
        pending = [];
        if (isTotalLabel(name) || (!label && isTotalLabel(stt))) {
            const grand = !section || /\b(tong cong|toan tinh|toan thanh pho|ca nuoc|toan quoc)\b|\+/.test(fold(name));
            if (section && !grand) {
                section.subtotal = { kind: 'subtotal', label: name, cells: cellsOf(), notes };
                section.subtotalFirst = section.rows.length === 0;
                continue;
            }
            section = undefined;
            if (table.body.some(e => e.kind === 'total')) { table.notesBelow.push(said(IMPORT_NOTES.noteLine, { text: name })); continue; }
            table.totalFirst = unitRowsSeen === 0;
            if (table.totalFirst) notes.push(said(IMPORT_NOTES.totalFirst));
            table.body.push({ kind: 'total', label: name, cells: cellsOf(), notes });
            continue;
        }
        if (isSectionNumber(stt) || (isSectionLabel(label) && !parseUnitLabel(label).prefix)) {
            // A section's heading row that carries figures: its subtotal, printed above its rows.
            section = {
                kind: 'section', label: sectionLabel(stt, table), title: label || stt, rows: [], subtotalFirst: true, notes,
                subtotal: { kind: 'subtotal', label: label || stt, cells: cellsOf(), notes: [] }
            };
            table.body.push(section);
            continue;
        }
        if (!label) {
            table.problems.push({ at: cells.address(r, layout.labelCol), said: said(IMPORT_PROBLEMS.rowWithoutUnit, { at: cells.address(r, layout.labelCol) }), severity: 'warning' });
            continue;
        }
        const unit = unitFor(label, level, table, context, units, notes);
        sequence++;
        unitRowsSeen++;
        const no = printStt && /^[0-9]{1,6}\.?$/.test(stt) ? stt.replace(/\.$/, '') : String(sequence);
        const row: UnitRow = { kind: 'row', no, unit, cells: cellsOf(), notes };
        if (section) section.rows.push(row);
        else table.body.push(row);
    }
    if (pending.length) table.notesBelow.push(...pending);
}

function sectionLabel(stt: string, table: RecognisedTable): string {
    const clean = stt.replace(/\.$/, '');
    if (/^[_a-zA-Z]\w*$/.test(clean) || /^[0-9]+$/.test(clean)) return clean;
    return String(table.body.filter(e => e.kind === 'section').length + 1);
}

/** A cell's text without control and bidi characters, the removal noted with the cell's address. */
function cleaned(text: string, at: string, table: RecognisedTable): string {
    const { text: clean, removed } = inert(text);
    if (removed.length > 0) table.notes.push(said(IMPORT_NOTES.characters, { at, codes: removed.join(', ') }));
    return clean;
}

/** The cells of a row in the columns of no year ("Ghi chú"), as notes. */
function noteCells(cells: Cells, r: number, columns: Columns, layout: Layout): Said[] {
    const out: Said[] = [];
    for (const n of columns.noteColumns) {
        const t = cells.ownText(r, n.col);
        if (t && n.col !== layout.labelCol) out.push(said(IMPORT_NOTES.rowNote, { heading: n.heading, text: inert(t).text }));
    }
    return out;
}

/** The plan's units indexed once, and the row labels of this table already placed. */
interface UnitsSeen { index: UnitIndex; byLabel: Map<string, string>; declared: Map<string, NewUnit> }

function unitFor(label: string, level: UnitLevel | undefined, table: RecognisedTable, context: ImportContext, seen: UnitsSeen, notes: Said[]): string {
    const parsed = parseUnitLabel(label);
    const known = seen.byLabel.get(parsed.printed);
    if (known) return known;
    const match = matchUnit(parsed, seen.index);
    if (match) {
        const exact = [match.unit.label, match.unit.fullName].includes(parsed.printed);
        if (!exact) notes.push(said(IMPORT_NOTES.unitMatched, { label: parsed.printed, id: match.unit.id, known: match.unit.label }));
        seen.byLabel.set(parsed.printed, match.unit.id);
        return match.unit.id;
    }
    const declaredHere = seen.declared.get(parsed.key);
    if (declaredHere) return declaredHere.id;
    const unit = newUnit(parsed, level, table.rowHeader, context);
    table.newUnits.push(unit);
    seen.declared.set(parsed.key, unit);
    seen.byLabel.set(parsed.printed, unit.id);
    return unit.id;
}

function newUnit(parsed: ReturnType<typeof parseUnitLabel>, level: UnitLevel | undefined, rowHeader: string | undefined, context: ImportContext): NewUnit {
    const id = freshUnitId(parsed.bare, parsed.prefix?.kind, context.usedIds);
    context.usedIds.add(id);
    if (parsed.prefix) {
        const abbreviated = fold(parsed.prefix.text) !== fold(parsed.prefix.full);
        return {
            id, label: parsed.printed, level: parsed.prefix.level, kind: parsed.prefix.kind,
            fullName: abbreviated ? `${parsed.prefix.full} ${parsed.bare}` : undefined
        };
    }
    if (level) {
        return { id, label: parsed.printed, level, note: said(IMPORT_NOTES.unitNew, { label: parsed.printed, level: IMPORT_NAMES[level], why: said(IMPORT_NOTES.levelFromHeader, { header: rowHeader ?? '' }) }) };
    }
    return { id, label: parsed.printed, level: 'district', note: said(IMPORT_NOTES.unitNewDefault, { label: parsed.printed, level: IMPORT_NAMES.district }) };
}

function freshUnitId(bare: string, kind: UnitKind | undefined, used: Set<string>): string {
    const words = fold(bare).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
    let base = words.map(w => w[0].toUpperCase() + w.slice(1)).join('') || 'DonVi';
    if (/^[0-9]/.test(base)) base = 'U' + base;
    const prefixes: Partial<Record<UnitKind, string>> = { 'thanh-pho': 'TP', 'thi-xa': 'TX', quan: 'Q', phuong: 'P', 'thi-tran': 'TT', xa: 'X' };
    let id = base;
    if (used.has(id) && kind && prefixes[kind]) id = prefixes[kind] + base;
    for (let n = 2; used.has(id); n++) id = `${base}${n}`;
    return id;
}

// ---- Figures ----------------------------------------------------------------------------------------

function yearCells(cells: Cells, r: number, columns: Columns, table: RecognisedTable, context: ImportContext, plainNumbers: boolean): YearCells[] {
    return table.years.map(({ year }) => ({
        year,
        cells: table.columns.map(measure => {
            const column = columns.values.find(v => v.year === year && v.measure === measure);
            return column ? figure(cells, r, column.col, table, context.numberStyle, plainNumbers) : '-';
        })
    }));
}

/** A cell as the plan prints it: the number in the plan's style, or '-' for a blank. */
function figure(cells: Cells, r: number, c: number, table: RecognisedTable, style: NumberStyle, plainNumbers: boolean): string {
    const at = cells.address(r, c);
    const merge = cells.mergeAt(r, c);
    if (merge && (merge.top !== r || merge.left !== c)) return '-';
    const cell = cells.own(r, c);
    if (!cell) return '-';
    const text = oneLine(cleaned(cell.text, at, table));
    if (merge && merge.right > merge.left && !isNumeric(cell) && text !== '') {
        table.notes.push(said(IMPORT_NOTES.mergedNote, { at, text }));
        return '-';
    }
    if (cell.formula) table.notes.push(said(IMPORT_NOTES.formula, { at, formula: inert(cell.formula).text, value: text }));
    if (cell.hyperlink) table.notes.push(said(IMPORT_NOTES.hyperlink, { at, link: inert(cell.hyperlink).text }));
    if (cell.value !== undefined && !cell.textTyped && Number.isFinite(cell.value)) {
        const percent = cell.percent === true || /%\s*$/.test(text);
        const value = percent ? cell.value * 100 : cell.value;
        const decimals = cell.decimals ?? decimalsOf(value);
        const printed = formatNumber(value, style, decimals, cell.grouped ?? Math.abs(value) >= 1000);
        if (percent) table.notes.push(said(IMPORT_NOTES.percentValue, { at, text, printed }));
        return printed;
    }
    if (BLANK.test(text)) return '-';
    const number = text.replace(/\s*%$/, '').replace(/^\+/, '').replace(/^−/, '-');
    if (plainNumbers && /^-?\d+(\.\d+)?$/.test(number)) {
        const decimals = number.includes('.') ? number.split('.')[1].length : 0;
        return formatNumber(Number(number), style, decimals, Math.abs(Number(number)) >= 1000);
    }
    const read = readNumber(number, style);
    if (read.value !== undefined) return number;
    if (read.problem === 'wrong-style') {
        table.problems.push({
            at, severity: 'error',
            said: said(IMPORT_PROBLEMS.otherStyle, { at, text: number, other: style === 'vi' ? 'international' : 'vi', style, suggestion: read.suggestion ?? '' })
        });
        return number;
    }
    if (NUMERIC.test(text)) {
        table.problems.push({ at, severity: 'warning', said: said(IMPORT_PROBLEMS.unreadable, { at, text }) });
    } else {
        table.notes.push(said(IMPORT_NOTES.noteCell, { at, text }));
    }
    return '-';
}

function decimalsOf(value: number): number {
    const s = String(value);
    if (/e/i.test(s)) return Math.min(10, Math.max(0, -Math.floor(Math.log10(Math.abs(value))) + 2));
    return s.includes('.') ? Math.min(10, s.split('.')[1].length) : 0;
}

/** Whether the figures of CSV grids are written the machine way: a decimal point, no grouping. */
export function writesPlainNumbers(grids: Grid[]): boolean {
    // Evidence: a decimal point that is no thousands group (3.17), or thousands left ungrouped (29822),
    // which no Vietnamese table prints; a comma anywhere, or only small whole numbers, is none.
    let evidence = false;
    for (const grid of grids) {
        for (const row of grid.rows) {
            for (const cell of row) {
                const t = oneLine(cell?.text ?? '');
                if (!NUMERIC.test(t) || isYearNumber(t)) continue;
                if (!/^-?\d+(\.\d+)?%?$/.test(t)) return false;
                if (/\.\d{1,2}%?$|\.\d{4,}%?$|^-?\d{4,}%?$/.test(t)) evidence = true;
            }
        }
    }
    return evidence;
}

export type { KnownUnit };
