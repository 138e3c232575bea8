// Lookups the editor features need, derived once from a plan model: table cells by position, what
// each agency leads or coordinates, indicators and tables by id. Kept per model object (a model is rebuilt
// for each document version), so hovers and hints never rescan the document.
import { computeRate as computeRateOf, rowValues, type RateComputation } from '../model/arithmetic.js';
import { groupOf, lineIn, previousGroup } from '../model/series.js';
import {
    isCountColumn, yearKey,
    type AssignmentModel, type CellModel, type DistrictTableModel,
    type IndicatorModel, type PlanModel, type SolutionGroupModel, type TableRowModel,
    type TableSectionModel, type YearCellsModel
} from '../model/types.js';

export interface CellContext {
    table: DistrictTableModel;
    /** The section the row belongs to (undefined for the grand total). */
    section?: TableSectionModel;
    row: TableRowModel;
    year: YearCellsModel;
    cell: CellModel;
}

export type RoleKind = 'indicator' | 'solution' | 'task' | 'duty' | 'funding';
export interface RoleItem { kind: RoleKind; label: string }
export interface AgencyRoles { leads: RoleItem[]; coordinates: RoleItem[]; duties: RoleItem[]; funding: RoleItem[] }

/** A year line with what it belongs to. */
export type LineContext = Omit<CellContext, 'cell'>;

export interface PlanIndex {
    /** Year lines by the offset where they start (a cell is found in its line: cellAt). */
    lines: Map<number, LineContext>;
    indicators: Map<string, IndicatorModel>;
    tables: Map<string, DistrictTableModel>;
    roles: Map<string, AgencyRoles>;
    /** Tables in which a district has a row. */
    districtTables: Map<string, string[]>;
}

const INDEXES = new WeakMap<PlanModel, PlanIndex>();

/** The cell of the year line starting at `lineOffset` whose text holds `offset`. */
export function cellAt(index: PlanIndex, lineOffset: number, offset: number): CellContext | undefined {
    const line = index.lines.get(lineOffset);
    const cell = line?.year.cells.find(c => c.offset <= offset && offset <= c.offset + c.printed.length);
    return line && cell ? { ...line, cell } : undefined;
}

function linesOf(model: PlanModel): Map<number, LineContext> {
    const lines = new Map<number, LineContext>();
    for (const table of model.tables) {
        for (const { row, section } of tableRows(table)) {
            for (const year of row.years) lines.set(year.offset, { table, section: row.kind === 'total' ? undefined : section, row, year });
        }
    }
    return lines;
}

/** The cell holding `offset` in a year line of a row, with its table and section. */
export function cellOfRow(table: DistrictTableModel, row: TableRowModel, lineIndex: number, offset: number): CellContext | undefined {
    const year = row.years[lineIndex];
    const cell = year?.cells.find(c => c.offset <= offset && offset <= c.offset + c.printed.length);
    if (!year || !cell) return undefined;
    const section = row.kind === 'total' ? undefined : table.sections.find(s => s.subtotal === row || s.rows.includes(row));
    return { table, section, row, year, cell };
}

export function planIndex(model: PlanModel): PlanIndex {
    let index = INDEXES.get(model);
    if (!index) {
        index = buildIndex(model);
        INDEXES.set(model, index);
    }
    return index;
}

/** Every row of a table with the section it belongs to, subtotals and the total included, in the order printed. */
export function tableRows(table: DistrictTableModel): { row: TableRowModel; section?: TableSectionModel }[] {
    const rows: { row: TableRowModel; section?: TableSectionModel }[] = [];
    if (table.total && table.totalFirst) rows.push({ row: table.total });
    for (const section of table.sections) {
        if (section.subtotal && section.subtotalFirst) rows.push({ row: section.subtotal, section });
        for (const row of section.rows) rows.push({ row, section });
        if (section.subtotal && !section.subtotalFirst) rows.push({ row: section.subtotal, section });
    }
    if (table.total && !table.totalFirst) rows.push({ row: table.total });
    return rows;
}

function buildIndex(model: PlanModel): PlanIndex {
    // The year lines by offset are made when first asked: a hover on a cell finds its row without
    // them (hover.ts), and a national plan has tens of thousands, for each new model (each keystroke).
    let lines: Map<number, LineContext> | undefined;
    const index: PlanIndex = {
        get lines() { return lines ??= linesOf(model); },
        indicators: new Map(), tables: new Map(),
        roles: new Map(), districtTables: new Map()
    };
    for (const i of model.indicators) if (!index.indicators.has(i.id)) index.indicators.set(i.id, i);
    for (const table of model.tables) {
        if (!index.tables.has(table.id)) index.tables.set(table.id, table);
        for (const { row } of tableRows(table)) {
            if (row.district) {
                const list = index.districtTables.get(row.district.id) ?? [];
                if (!list.includes(table.id)) list.push(table.id);
                index.districtTables.set(row.district.id, list);
            }
        }
    }
    const roles = (id: string): AgencyRoles => {
        let r = index.roles.get(id);
        if (!r) index.roles.set(id, r = { leads: [], coordinates: [], duties: [], funding: [] });
        return r;
    };
    const assign = (a: AssignmentModel, item: RoleItem) => {
        for (const ref of a.leads) roles(ref.id).leads.push(item);
        for (const ref of a.coordinates) roles(ref.id).coordinates.push(item);
    };
    for (const i of model.indicators) assign(i.assignment, { kind: 'indicator', label: i.name });
    const group = (g: SolutionGroupModel) => {
        // A solution that names no lead is led by its group's (the nearest group stating one), with its group's coordinating bodies.
        for (const s of g.solutions) assign(s.inherited ? leadOfGroup(s.inherited, s.assignment) : s.assignment, { kind: 'solution', label: s.heading });
        for (const sub of g.groups) group(sub);
    };
    for (const section of model.solutionSections) for (const g of section.groups) group(g);
    for (const list of model.taskLists) for (const task of list.tasks) assign(task.assignment, { kind: 'task', label: `${task.no.printed}. ${task.text}` });
    for (const list of model.dutyLists) {
        for (const item of list.items) {
            for (const duty of item.duties.length > 0 ? item.duties : [item.heading ?? '']) roles(item.agency.id).duties.push({ kind: 'duty', label: duty });
        }
    }
    for (const source of model.funding?.sources ?? []) if (source.via) roles(source.via.id).funding.push({ kind: 'funding', label: source.name });
    return index;
}

/** A group's lead for a solution that names none, with the coordinating bodies of both (each once). */
function leadOfGroup(group: AssignmentModel, own: AssignmentModel): AssignmentModel {
    const coordinates = [...group.coordinates, ...own.coordinates].filter((r, i, all) => all.findIndex(o => o.id === r.id) === i);
    return { leads: group.leads, coordinates };
}

/** count / households × 100 for a rate cell, from the same row and year (model/arithmetic.ts). */
export function computeRate(context: CellContext): RateComputation | undefined {
    const columns = context.table.columnsById;
    return computeRateOf(rowValues(context.row, yearKey(context.year), columns), columns[context.cell.measure]);
}

export interface SumComputation { sum: number; terms: number[]; of: 'rows' | 'subtotals' }

/** What a subtotal or total count cell should hold: the sum of its rows (or of the subtotals). */
export function computeSum(context: CellContext, withTerms = false): SumComputation | undefined {
    const { table, section, row, year, cell } = context;
    if (row.kind === 'row' || !isCountColumn(table.columnsById[cell.measure])) return undefined;
    let sum: number | undefined;
    let parts: TableRowModel[];
    let of: 'rows' | 'subtotals' = 'rows';
    if (row.kind === 'subtotal' && section) {
        sum = section.sums.values[yearKey(year)]?.[cell.measure];
        parts = section.rows;
    } else {
        sum = table.expectedTotal.values[yearKey(year)]?.[cell.measure];
        const bySubtotals = table.sections.length > 1 && table.sections.every(s => s.subtotal);
        parts = bySubtotals ? table.sections.map(s => s.subtotal!) : table.sections.flatMap(s => s.rows);
        if (bySubtotals) of = 'subtotals';
    }
    if (sum === undefined) return undefined;
    const terms: number[] = [];
    for (const part of withTerms ? parts : []) {
        for (const y of part.years) {
            if (yearKey(y) !== yearKey(year)) continue;
            const value = y.cells.find(c => c.measure === cell.measure)?.number?.value;
            if (value !== undefined) terms.push(value);
        }
    }
    return { sum, terms, of };
}

export interface PartsComputation { sum: number; terms: number[] }

/** What a cell of a sum column (`sum-of a + b`) should hold: the sum of its parts in the same row and year. */
export function computeParts(context: CellContext): PartsComputation | undefined {
    const column = context.table.columnsById[context.cell.measure];
    if (column?.definition?.kind !== 'sum' || !isCountColumn(column)) return undefined;
    const values = rowValues(context.row, yearKey(context.year), context.table.columnsById);
    const parts = column.definition.parts;
    // A printed part, not a sum filled in by rowValues: the parts are what the hover shows.
    const terms = parts.map(p => context.year.cells.find(c => c.measure === p) ? values[p] : undefined);
    if (terms.some(v => v === undefined)) return undefined;
    return { sum: terms.reduce((a, b) => a! + b!, 0)!, terms: terms as number[] };
}

export interface FlowComputation { previous: number; terms: { sign: 1 | -1; value: number }[]; value: number }

/** What a cell of a flow column (`flow - a + b`) should hold: its value the year before, plus and minus this year's flows. */
export function computeFlow(context: CellContext): FlowComputation | undefined {
    const { table, row, year, cell } = context;
    const column = table.columnsById[cell.measure];
    // The line before in the row's series, within one standard (model/series.ts).
    const group = groupOf(table, year);
    const before = group ? previousGroup(table, group).group : undefined;
    if (column?.definition?.kind !== 'flow' || !before || !lineIn(row, yearKey(before))) return undefined;
    const previous = rowValues(row, yearKey(before), table.columnsById)[cell.measure];
    const now = rowValues(row, yearKey(year), table.columnsById);
    const terms = column.definition.terms.map(t => ({ sign: t.sign, value: now[t.column] }));
    if (previous === undefined || terms.some(t => t.value === undefined)) return undefined;
    const flows = terms as { sign: 1 | -1; value: number }[];
    return { previous, terms: flows, value: flows.reduce((a, t) => a + t.sign * t.value, previous) };
}
