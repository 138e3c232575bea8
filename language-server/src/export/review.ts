// The review sheet: every finding of the plan with its rule, severity, message, the annex cell it
// concerns (if any) and its line in the plan file, so that a reviewer can go through them and send
// them back. One list, written as a CSV file here, as a sheet of the workbook in xlsx.ts, and as a
// DOCX and an HTML page in review-print.ts.
import type { AnnexCell, AnnexTable, DocumentView, PlacedFinding, PlanView, SourceRange, ViewFinding } from '../../../common/view.js';
import type { CsvSeparator } from '../../../common/export.js';
import type { Locale } from '../../../common/locale.js';
import { say } from '../../../common/catalogue.js';
import { REVIEW, REVIEW_SEVERITIES } from '../../../common/words/review.js';
import { csvFile, csvLine, guardFormula } from './csv.js';
import { annexGrids, exportBaseName, flatHeader } from './grid.js';
import { exportText, exportView } from './text.js';

export interface ReviewRow {
    /** 1-based, the sheet's STT. */
    stt: number;
    finding: PlacedFinding;
    /** The finding's severity in words ("Cảnh báo"). */
    severity: string;
    /** The annex the finding's cell is in, by its label ("Phụ lục 01"); '' for a finding outside the annexes. */
    annex: string;
    /**
     * Where a reader of the document finds it, whole (never cut): the annex, the row with its number
     * and unit of measure, the column ("Phụ lục 01 · STT 4 Kim Động · Năm 2024 - Tổng số hộ nghèo"),
     * or the headings and the paragraph in the text ("III. NỘI DUNG … › 1. Tăng cường … › đoạn 2").
     * Two different places never read the same; '' for a finding the document does not print.
     */
    place: string;
    /** The district or agency of the place (the row's district, the indicator's or task's agency, a paragraph's lead); '' when none. */
    unit: string;
    /** 1-based, as editors and `plan validate` count. */
    line: number;
    column: number;
    /** Where the cell is: the annex's index in the view, the body row and the grid column. */
    at?: { annex: number; row: number; column: number };
    /** Where the text is: the index of the paragraph in the document's body. */
    paragraph?: number;
}

/** The sheet as every format writes it: a title, the plan's number and name, the headings, the rows. */
export interface ReviewSheet {
    title: string;
    /** "Kế hoạch số …/KH-UBND" */
    plan: string;
    /** The plan's name (its trích yếu, else its id). */
    name: string;
    headings: string[];
    rows: ReviewRow[];
}

/** The review sheet's rows above its headings in a workbook: the title, the plan's number, the plan's name. */
export const REVIEW_ROWS_ABOVE = 3;

/** A row's name for the place: one line, without its list mark ("+ Tỷ lệ…"), whole. */
function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim().replace(/^[-+]\s+/, '');
}

function overlaps(a: SourceRange | undefined, b: SourceRange): boolean {
    if (!a) return false;
    const before = (x: SourceRange['start'], y: SourceRange['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
    return !before(a.end, b.start) && !before(b.end, a.start);
}

interface Placed {
    annex: number; row: number; column: number; cell: AnnexCell;
    /** The row's printed number (STT), its name, its unit of measure, the section above it. */
    no: string; rowName: string; measure: string; section: string;
    columnName: string;
    /** The row's district or agency. */
    unit: string;
}

/** A finding as the cells keep it, for finding its cells when the view does not list them. */
const findingKey = (f: ViewFinding) => `${f.code}\u0000${f.severity}\u0000${f.message}`;

/** The columns that name a row, and those that name its district or agency, by the view's column keys. */
const NAME_KEYS = ['district', 'indicator', 'task'];
const UNIT_KEYS = ['district', 'agency', 'lead'];

/**
 * Every body cell that carries findings, with the names a reviewer finds it by: by the cell, and by
 * each finding it carries (in the annexes' order), so that placing a finding costs a look-up, not a
 * search of every marked cell (36.000 findings against 36.000 cells did not finish in two minutes).
 */
function markedCells(annexes: AnnexTable[]): { byCell: Map<AnnexCell, Placed>; byFinding: Map<string, Placed[]> } {
    const byCell = new Map<AnnexCell, Placed>();
    const byFinding = new Map<string, Placed[]>();
    annexes.forEach((annex, a) => {
        const { header, body } = annexGrids(annex);
        const headings = flatHeader(header);
        const keyed = (keys: string[]) => annex.columns.findIndex(c => keys.includes(c.key));
        const nameAt = keyed(NAME_KEYS);
        const noAt = annex.columns.findIndex(c => c.key === 'no');
        const measureAt = annex.columns.findIndex(c => c.key === 'unit');
        const unitAt = keyed(UNIT_KEYS);
        let section = '';
        body.slots.forEach((slots, r) => {
            // A merged cell (an agency over several indicators) names every row it covers.
            const text = (c: number) => (c >= 0 && slots[c] ? oneLine(slots[c].cell.text) : '');
            const own = (c: number) => (c >= 0 && slots[c]?.origin ? oneLine(slots[c].cell.text) : '');
            const kind = annex.body[r]?.kind;
            if (kind === 'section') section = oneLine(annex.body[r].cells.map(c => c.text).join(' '));
            let row: Omit<Placed, 'column' | 'cell' | 'columnName'> | undefined;
            slots.forEach((slot, c) => {
                if (!slot?.origin || !slot.cell.findings?.length) return;
                // The district, indicator or task of the row; a total row names itself in its first cell.
                row ??= {
                    annex: a, row: r, section,
                    no: kind === 'row' ? own(noAt) : '',
                    rowName: (nameAt >= 0 ? text(nameAt) : '') || own(1) || own(0),
                    measure: own(measureAt),
                    unit: text(unitAt) || (kind === 'total' || kind === 'subtotal' ? own(1) || own(0) : '')
                };
                const placed = { ...row, column: c, cell: slot.cell, columnName: headings[c] ?? '' };
                byCell.set(slot.cell, placed);
                for (const key of new Set(slot.cell.findings.map(findingKey))) {
                    const list = byFinding.get(key);
                    if (list) list.push(placed); else byFinding.set(key, [placed]);
                }
            });
        });
    });
    return { byCell, byFinding };
}

/** At most this many cells with the same rule and message are searched for the one a finding's range covers. */
const MAX_SAME = 64;

/**
 * The cell a finding concerns: of the cells that carry it — those the view lists for it (`cells`), or
 * else those carrying the same rule and message —, the one its range covers, else the first.
 */
function placeOf(f: PlacedFinding, view: PlanView, marked: ReturnType<typeof markedCells>): Placed | undefined {
    const same = f.cells
        ? f.cells.map(ref => view.annexes[ref.annex]?.body[ref.row]?.cells[ref.cell]).flatMap(cell => cell && marked.byCell.get(cell) ? [marked.byCell.get(cell)!] : [])
        : marked.byFinding.get(findingKey(f)) ?? [];
    for (let i = 0; i < same.length && i < MAX_SAME; i++) if (overlaps(same[i].cell.range, f.range)) return same[i];
    return same[0];
}

/** A cell's place in words: the annex, the row (its number, name and unit of measure), the column. */
function cellPlace(annex: AnnexTable, p: Placed, locale: Locale, rowExtra = ''): string {
    const nameColumn = p.columnName === '' || oneLine(p.cell.text) === p.rowName;
    let row = say(REVIEW.row, locale, { no: p.no, name: p.rowName, unit: p.measure });
    if (rowExtra) row = `${row} (${rowExtra})`;
    return nameColumn ? `${annex.label} · ${row}` : say(REVIEW.at, locale, { annex: annex.label, row, column: p.columnName });
}

interface TextPlace { paragraph: number; place: string; unit: string }

/**
 * The document's paragraphs by their line in the plan file, each with its place in words: the
 * headings above it, then its number among the paragraphs under the last heading (a heading is
 * placed by the headings alone). A paragraph with a run-in head ("9. Chi nhánh Ngân hàng …:") names
 * the agency.
 */
function textPlaces(document: DocumentView | undefined, locale: Locale): Map<number, TextPlace> {
    const byLine = new Map<number, TextPlace>();
    if (!document) return byLine;
    const headings: string[] = [];
    let n = 0;
    const within = say(REVIEW.within, locale);
    document.body.forEach((p, i) => {
        let place: string;
        let item: RegExpExecArray | null;
        if (p.kind === 'heading') {
            const level = p.level ?? 1;
            headings.length = Math.max(0, level - 1);
            headings.push(oneLine(p.text));
            n = 0;
            place = headings.join(within);
        } else if ((item = /^(\d+)\.\s/.exec(p.lead?.text ?? p.text))) {
            // A numbered item of a section ("9. Chi nhánh Ngân hàng …: …") stands beside its numbered headings.
            headings.length = Math.min(headings.length, 1);
            n = 0;
            headings.push(say(REVIEW.item, locale, { n: item[1] }));
            place = headings.join(within);
        } else {
            n++;
            place = [...headings, say(REVIEW.paragraph, locale, { n })].join(within);
        }
        const unit = p.lead ? oneLine(p.lead.text).replace(/^[\dIVXLC]+[.)]\s*/, '').replace(/:$/, '') : '';
        // Several paragraphs from one line (a list of items): the finding is the first's.
        if (p.line !== undefined && !byLine.has(p.line)) byLine.set(p.line, { paragraph: i, place, unit });
    });
    return byLine;
}

/** The words on top of the sheet: its title, the plan's kind and number, the plan's name. */
function sheetHead(view: PlanView, locale: Locale): Pick<ReviewSheet, 'title' | 'plan' | 'name'> {
    const kind = view.header.kind ? officialSentence(view.header.kind) : say(REVIEW.planKind, locale);
    // A draft's number is left blank before its code ("/KH-UBND"): the gap is written as the annexes write it.
    const number = view.header.number.trim().replace(/^\//, '…/');
    return {
        title: say(REVIEW.title, locale),
        plan: say(REVIEW.plan, locale, { kind, number }),
        name: exportText(view.header.title ?? view.id)
    };
}

/** "KẾ HOẠCH" → "Kế hoạch": the kind as a sentence names it. */
function officialSentence(kind: string): string {
    const lower = kind.toLocaleLowerCase('vi');
    return kind === kind.toLocaleUpperCase('vi') ? lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1) : kind;
}

/** The review sheet of a view: its head and every finding, in the order of the plan file. */
export function reviewSheet(plan: PlanView, locale: Locale): ReviewSheet {
    return { ...sheetHead(plan, locale), headings: reviewHeadings(locale), rows: reviewRows(plan, locale) };
}

/** The review list of a view, in the order of the plan file, numbered from 1. */
export function reviewRows(plan: PlanView, locale: Locale): ReviewRow[] {
    // Names of rows and columns as the annexes print them; messages quote the plan's text, so they go
    // through exportText too. Cells keep their findings as the checker gave them (exportView leaves
    // findings alone), which is what the list is matched against.
    const view = exportView(plan);
    const marked = markedCells(view.annexes);
    const texts = textPlaces(view.document, locale);
    const placed = (plan.findingList ?? []).map(f => ({ f, cell: placeOf(f, view, marked), text: texts.get(f.range.start.line) }));
    // Two different cells whose annex, row and column read the same (two rows of one name in different
    // sections, or twice in one table) are told apart by the section, else by the row's place in the
    // table; whatever still reads like another place (two headings of one wording) is numbered.
    const label = new Map<Placed | number, string>();
    const group = (keys: Iterable<Placed | number>) => {
        const byText = new Map<string, (Placed | number)[]>();
        for (const k of keys) {
            const text = label.get(k)!;
            const same = byText.get(text);
            if (same) same.push(k); else byText.set(text, [k]);
        }
        return [...byText.values()].filter(same => same.length > 1);
    };
    for (const p of placed) {
        if (p.cell && !label.has(p.cell)) label.set(p.cell, cellPlace(view.annexes[p.cell.annex], p.cell, locale));
        else if (!p.cell && p.text && !label.has(p.text.paragraph)) label.set(p.text.paragraph, p.text.place);
    }
    for (const same of group(label.keys())) {
        const cellsOnly = same.filter((k): k is Placed => typeof k !== 'number');
        const sections = new Set(cellsOnly.map(c => c.section));
        for (const c of cellsOnly) {
            const extra = sections.size === cellsOnly.length && c.section ? c.section : say(REVIEW.rowAt, locale, { n: c.row + 1 });
            label.set(c, cellPlace(view.annexes[c.annex], c, locale, extra));
        }
    }
    for (const same of group(label.keys())) same.forEach((k, n) => { if (n > 0) label.set(k, `${label.get(k)!} (${n + 1})`); });
    return placed.map(({ f, cell, text }, i) => {
        const finding = { ...f, message: exportText(f.message) };
        const annex = cell ? view.annexes[cell.annex] : undefined;
        return {
            stt: i + 1,
            finding,
            severity: say(REVIEW_SEVERITIES[f.severity], locale),
            annex: annex ? annex.label : '',
            place: label.get(cell ?? text?.paragraph ?? -1) ?? '',
            unit: cell ? cell.unit : text?.unit ?? '',
            line: f.range.start.line + 1,
            column: f.range.start.character + 1,
            at: cell ? { annex: cell.annex, row: cell.row, column: cell.column } : undefined,
            paragraph: !cell && text ? text.paragraph : undefined
        };
    });
}

/** The review sheet's column headings, in order: the .plan line last. */
export function reviewHeadings(locale: Locale): string[] {
    return [REVIEW.stt, REVIEW.severity, REVIEW.code, REVIEW.message, REVIEW.place, REVIEW.unit, REVIEW.reply, REVIEW.line].map(w => say(w, locale));
}

/** A row's values in the headings' order; the reply column is left empty for the reviewer. */
export function reviewValues(r: ReviewRow): [number, string, string, string, string, string, string, number] {
    return [r.stt, r.severity, r.finding.code, r.finding.message, r.place, r.unit, '', r.line];
}

/** `<plan-id>-phat-hien.<ext>`: "phát hiện", the findings, beside the annexes' files. */
/** The review sheet's file, `<name>-phat-hien.<ext>` after the plan's name (the annexes' file's base, else its id). */
export function reviewFileName(planName: string, ext: 'csv' | 'docx' | 'html' = 'csv'): string {
    return `${exportBaseName(planName)}-phat-hien.${ext}`;
}

export function renderReviewCsv(view: PlanView, locale: Locale, separator: CsvSeparator = ','): Uint8Array {
    const lines = reviewRows(view, locale).map(r => csvLine(reviewValues(r).map(v => (typeof v === 'number' ? String(v) : guardFormula(v))), separator));
    return csvFile([csvLine(reviewHeadings(locale), separator), ...lines]);
}
