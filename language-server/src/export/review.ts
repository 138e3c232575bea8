// The review sheet: every finding of the plan with its rule, severity, message, the annex cell it
// concerns (if any) and its line in the plan file, so that a reviewer can go through them and send
// them back. One list, written as a CSV file here and as a sheet of the workbook in xlsx.ts.
import type { AnnexCell, AnnexTable, PlacedFinding, PlanView, SourceRange, ViewFinding } from '../../../common/view.js';
import type { CsvSeparator } from '../../../common/export.js';
import type { Locale } from '../../../common/locale.js';
import { say } from '../../../common/catalogue.js';
import { REVIEW, REVIEW_SEVERITIES } from '../../../common/words/review.js';
import { csvFile, csvLine, guardFormula } from './csv.js';
import { annexGrids, exportBaseName, flatHeader } from './grid.js';
import { exportText, exportView } from './text.js';

export interface ReviewRow {
    finding: PlacedFinding;
    /** The finding's severity in words ("Cảnh báo"). */
    severity: string;
    /** The annex the finding's cell is in, by its label ("Phụ lục 01"); '' for a finding outside the annexes. */
    annex: string;
    /** The cell by its row and column ("Kim Động · Năm 2024 - Tổng số hộ nghèo"); '' outside the annexes. */
    cell: string;
    /** 1-based, as editors and `plan validate` count. */
    line: number;
    column: number;
    /** Where the cell is: the annex's index in the view, the body row and the grid column. */
    at?: { annex: number; row: number; column: number };
}

/** Longest row name in a cell's description: an indicator's or a task's whole sentence would drown it. */
const MAX_ROW_NAME = 60;

/** A row's name for the list: one line, without its list mark ("+ Tỷ lệ…"), cut at MAX_ROW_NAME. */
function shorten(text: string): string {
    const flat = text.replace(/\s+/g, ' ').trim().replace(/^[-+]\s+/, '');
    return flat.length <= MAX_ROW_NAME ? flat : `${flat.slice(0, MAX_ROW_NAME - 1).trimEnd()}…`;
}

function overlaps(a: SourceRange | undefined, b: SourceRange): boolean {
    if (!a) return false;
    const before = (x: SourceRange['start'], y: SourceRange['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
    return !before(a.end, b.start) && !before(b.end, a.start);
}

interface Placed { annex: number; row: number; column: number; cell: AnnexCell; rowName: string; columnName: string }

/** A finding as the cells keep it, for finding its cells when the view does not list them. */
const findingKey = (f: ViewFinding) => `${f.code}\u0000${f.severity}\u0000${f.message}`;

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
        body.slots.forEach((slots, r) => {
            const text = (c: number) => (slots[c]?.origin ? slots[c].cell.text.trim() : '');
            // The district, indicator or task of the row; a total row names itself in its first cell.
            let rowName: string | undefined;
            slots.forEach((slot, c) => {
                if (!slot?.origin || !slot.cell.findings?.length) return;
                rowName ??= shorten(text(1) || text(0));
                const placed = { annex: a, row: r, column: c, cell: slot.cell, rowName, columnName: headings[c] ?? '' };
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

/** The review list of a view, in the order of the plan file. */
export function reviewRows(plan: PlanView, locale: Locale): ReviewRow[] {
    // Names of rows and columns as the annexes print them; messages quote the plan's text, so they go
    // through exportText too. Cells keep their findings as the checker gave them (exportView leaves
    // findings alone), which is what the list is matched against.
    const view = exportView(plan);
    const marked = markedCells(view.annexes);
    return (plan.findingList ?? []).map(f => {
        const finding = { ...f, message: exportText(f.message) };
        const place = placeOf(f, view, marked);
        const annex = place ? view.annexes[place.annex] : undefined;
        return {
            finding,
            severity: say(REVIEW_SEVERITIES[f.severity], locale),
            annex: annex ? annex.label : '',
            cell: !place ? '' : place.column === 1 || place.columnName === '' ? place.rowName
                : say(REVIEW.at, locale, { row: place.rowName, column: place.columnName }),
            line: f.range.start.line + 1,
            column: f.range.start.character + 1,
            at: place ? { annex: place.annex, row: place.row, column: place.column } : undefined
        };
    });
}

/** The review sheet's column headings, in order. */
export function reviewHeadings(locale: Locale): string[] {
    return [REVIEW.severity, REVIEW.code, REVIEW.message, REVIEW.annex, REVIEW.cell, REVIEW.line, REVIEW.column].map(w => say(w, locale));
}

/** `<plan-id>-phat-hien.csv`: "phát hiện", the findings, beside the annexes' `-phu-luc-NN.csv`. */
export function reviewFileName(view: PlanView): string {
    return `${exportBaseName(view.id)}-phat-hien.csv`;
}

export function renderReviewCsv(view: PlanView, locale: Locale, separator: CsvSeparator = ','): Uint8Array {
    const lines = reviewRows(view, locale).map(r => csvLine([
        r.severity, r.finding.code, guardFormula(r.finding.message), r.annex, guardFormula(r.cell), String(r.line), String(r.column)
    ], separator));
    return csvFile([csvLine(reviewHeadings(locale), separator), ...lines]);
}
