// Monitoring: a report's figures against the plan it reports on. For each target and each planned
// figure of the reported year, whether it is met; before a target's year, whether the reported value
// is on track on the straight path from the baseline to the target. Pure: the monitoring rules
// (validation/rules/monitoring.ts), the monitoring view and its annex read the same comparison.
import type {
    CellModel, ComparisonModel, DistrictTableModel, IndicatorModel, IndicatorValueModel, Measure, PlanModel, PrintedNumber, SourceRange, TableRowModel, TargetModel
} from './types.js';

export type Direction = 'lower' | 'higher';
export type MonitoringStatus = 'met' | 'not-met' | 'on-track' | 'off-track';

/** A figure the report gives: its value as read and printed, where it stands in the report. */
export interface ReportedFigure { value: number; printed: string; decimals: number; range: SourceRange }

/** A planned figure of the reported year (a plan table's cell, an indicator's plan value) and what was reported. */
export interface PlannedComparison {
    /** The plan table's id, for a cell; undefined for an indicator's plan value. */
    tableId?: string;
    /** The unit's id, for a unit row; undefined for a total row and an indicator. */
    unitId?: string;
    /** The row's label (a unit's name, a total's label), or the indicator's name. */
    label: string;
    measure?: Measure;
    indicatorId?: string;
    year: number;
    planned: { value?: number; low?: number; high?: number; printed: string; range: SourceRange };
    actual: ReportedFigure;
    direction: Direction;
    status: 'met' | 'not-met';
}

/** A target of the plan and the reported value of its indicator. */
export interface TargetComparison {
    target: TargetModel;
    indicator: IndicatorModel;
    actual: ReportedFigure;
    year: number;
    status: MonitoringStatus;
    /** For on/off track: the straight path's start, its end and its value in the reported year. */
    path?: { baselineYear: number; baseline: PrintedNumber; goal: number; expected: number; tolerance: number; direction: Direction };
}

export interface ReportComparison {
    year: number;
    planned: PlannedComparison[];
    targets: TargetComparison[];
    /** The tolerance used for "on track": a share of the planned change. */
    tolerance: number;
}

/** Without `on-track-tolerance`, a value is on track when it is no worse than the path (rounding aside). */
export const DEFAULT_ON_TRACK_TOLERANCE = 0;

/** The poverty measures: fewer poor or near-poor households is better, whatever table prints them. */
const LOWER_IS_BETTER = new Set<Measure>(['poor', 'poor-rate', 'near-poor', 'near-poor-rate', 'multidim', 'multidim-rate']);

/** Half a unit of the last printed decimal: what rounding alone can explain. */
function slack(decimals: number): number {
    return 0.5 * 10 ** -decimals + 1e-9;
}

/** The direction of a plan table's column: that of the indicator computed from it, else a poverty measure's. */
export function columnDirection(plan: PlanModel, tableId: string, measure: Measure): Direction | undefined {
    const indicator = plan.indicators.find(i => i.computed?.tableId === tableId && i.computed.measure === measure && i.direction);
    if (indicator?.direction) return indicator.direction;
    return LOWER_IS_BETTER.has(measure) ? 'lower' : undefined;
}

/** The cell of a row for a year and a column. */
export function cellOf(row: TableRowModel | undefined, year: number, measure: Measure): CellModel | undefined {
    return row?.years.find(y => y.year === year)?.cells.find(c => c.measure === measure);
}

/** Every unit row of a table, through its sections. */
export function unitRows(table: DistrictTableModel): TableRowModel[] {
    return table.sections.flatMap(s => s.rows);
}

function figureOf(cell: CellModel | undefined): ReportedFigure | undefined {
    const n = cell?.number;
    return n?.value === undefined ? undefined : { value: n.value, printed: n.printed, decimals: n.decimals, range: n.range };
}

/**
 * What a report's table says for the whole of a column in a year, as the plan reads a computed
 * indicator from its table: the total row; a table of one unit, its row; else nothing.
 */
export function tableFigure(table: DistrictTableModel, measure: Measure, year: number): ReportedFigure | undefined {
    const total = figureOf(cellOf(table.total, year, measure));
    if (total) return total;
    const rows = unitRows(table);
    return rows.length === 1 ? figureOf(cellOf(rows[0], year, measure)) : undefined;
}

/** Whether `actual` is no worse than `planned` in the direction (a range: its far bound). */
function meets(direction: Direction, actual: ReportedFigure, planned: PlannedComparison['planned'], plannedDecimals: number): boolean {
    const s = slack(Math.max(actual.decimals, plannedDecimals));
    const bound = direction === 'lower' ? planned.high ?? planned.value : planned.low ?? planned.value;
    if (bound === undefined) return true;
    return direction === 'lower' ? actual.value <= bound + s : actual.value >= bound - s;
}

/** The value a target aims at, for the straight path: a level, a range's weakest bound, a change from its base year. */
function goalOf(c: ComparisonModel, direction: Direction, base: (year: number) => number | undefined, targetYear: number): number | undefined {
    if (c.change) {
        const from = base(c.fromYear ?? targetYear - 1);
        const by = c.value?.value ?? (direction === 'lower' ? c.low?.value : c.low?.value);
        if (from === undefined || by === undefined) return undefined;
        return c.change === 'down-by' ? from - by : from + by;
    }
    if (c.op === 'between') return direction === 'lower' ? c.high?.value : c.low?.value;
    return c.value?.value;
}

/** A target's direction: its indicator's; else what its comparison says (below: lower); else from the baseline to the goal. */
function targetDirection(indicator: IndicatorModel, c: ComparisonModel): Direction | undefined {
    if (indicator.direction) return indicator.direction;
    if (c.change) return c.change === 'down-by' ? 'lower' : 'higher';
    if (c.op === 'below' || c.op === 'at-most') return 'lower';
    if (c.op === 'above' || c.op === 'at-least') return 'higher';
    return undefined;
}

/** The value the path starts from: the last baseline or result before the reported year. */
function baselineOf(indicator: IndicatorModel, year: number): IndicatorValueModel | undefined {
    const before = indicator.values.filter(v => (v.kind === 'baseline' || v.kind === 'result') && v.year < year && v.value.value !== undefined);
    return before.sort((a, b) => a.year - b.year).at(-1);
}

/**
 * The reported value of each of the plan's indicators: an `actual` line (the first, when twice),
 * else, for an indicator computed from a table, the report's table of that id.
 */
export function reportedIndicatorValues(report: PlanModel, plan: PlanModel): Map<string, { figure: ReportedFigure; fromTable?: string }> {
    const out = new Map<string, { figure: ReportedFigure; fromTable?: string }>();
    const year = report.report?.year;
    for (const a of report.report?.actuals ?? []) {
        if (out.has(a.indicator.id) || a.value.value === undefined) continue;
        out.set(a.indicator.id, { figure: { value: a.value.value, printed: a.value.printed, decimals: a.value.decimals, range: a.value.range } });
    }
    if (year === undefined) return out;
    for (const indicator of plan.indicators) {
        if (out.has(indicator.id) || !indicator.computed) continue;
        const table = report.tables.find(t => t.id === indicator.computed!.tableId);
        const figure = table && tableFigure(table, indicator.computed.measure, year);
        if (figure) out.set(indicator.id, { figure, fromTable: table.id });
    }
    return out;
}

/**
 * Whether a target sentence holds for a value (`base`: the value of the year a change is counted from):
 * the plan's own check of its targets (validation/rules/targets.ts `holds`), passed in, as this layer
 * is below the rules.
 */
export type TargetHolds = (c: ComparisonModel, actual: number, base: number | undefined) => boolean | undefined;

/** The report's figures against its plan, for the reported year. */
export function compareReport(report: PlanModel, plan: PlanModel, targetHolds: TargetHolds): ReportComparison | undefined {
    const year = report.report?.year;
    if (year === undefined || Number.isNaN(year)) return undefined;
    const tolerance = plan.onTrackTolerance?.value ?? DEFAULT_ON_TRACK_TOLERANCE;
    const planned: PlannedComparison[] = [];
    // The planned cells of the reported year, in the report's tables.
    for (const table of report.tables) {
        const planTable = plan.tables.find(t => t.id === table.id);
        if (!planTable || !planTable.years.some(y => y.year === year && y.kind === 'plan')) continue;
        const planRows = new Map(unitRows(planTable).map(r => [r.district?.id, r]));
        const rows: [TableRowModel, TableRowModel | undefined][] = unitRows(table).map(r => [r, planRows.get(r.district?.id)]);
        if (table.total) rows.push([table.total, planTable.total]);
        for (const [row, planRow] of rows) {
            if (!planRow) continue;
            for (const measure of table.columns) {
                const direction = columnDirection(plan, planTable.id, measure);
                const actual = figureOf(cellOf(row, year, measure));
                const cell = cellOf(planRow, year, measure);
                if (!direction || !actual || !cell) continue;
                const p = cell.number?.value !== undefined
                    ? { value: cell.number.value, printed: cell.printed, range: cell.range }
                    : cell.bounds?.[0].value !== undefined && cell.bounds[1].value !== undefined
                        ? { low: cell.bounds[0].value, high: cell.bounds[1].value, printed: cell.printed, range: cell.range } : undefined;
                if (!p) continue;
                const decimals = cell.number?.decimals ?? Math.max(cell.bounds?.[0].decimals ?? 0, cell.bounds?.[1].decimals ?? 0);
                planned.push({
                    tableId: planTable.id, unitId: row.kind === 'row' ? row.district?.id : undefined, label: planRow.label, measure, year,
                    planned: p, actual, direction, status: meets(direction, actual, p, decimals) ? 'met' : 'not-met'
                });
            }
        }
    }
    const reported = reportedIndicatorValues(report, plan);
    // The plan values of the reported year of indicators written on the indicator (a computed one's are the cells above).
    for (const indicator of plan.indicators) {
        const got = reported.get(indicator.id);
        if (!got || indicator.computed || !indicator.direction) continue;
        const value = indicator.values.find(v => v.kind === 'plan' && v.year === year && v.value.value !== undefined);
        if (!value) continue;
        const p = { value: value.value.value, printed: value.value.printed, range: value.value.range };
        planned.push({
            indicatorId: indicator.id, label: indicator.name, year, planned: p, actual: got.figure, direction: indicator.direction,
            status: meets(indicator.direction, got.figure, p, value.value.decimals) ? 'met' : 'not-met'
        });
    }
    const targets: TargetComparison[] = [];
    const indicators = new Map(plan.indicators.map(i => [i.id, i]));
    for (const target of plan.targets) {
        const indicator = indicators.get(target.indicator.id);
        const got = indicator && reported.get(indicator.id);
        const c = target.comparison;
        if (!indicator || !got || !c || Number.isNaN(target.year) || target.year < year) continue;
        const base = (y: number) => indicator.values.find(v => v.year === y && v.kind !== 'plan' && v.value.value !== undefined)?.value.value
            ?? indicator.values.find(v => v.year === y && v.value.value !== undefined)?.value.value;
        if (target.year === year) {
            const ok = targetHolds(c, got.figure.value, c.change ? base(c.fromYear ?? year - 1) : undefined);
            if (ok !== undefined) targets.push({ target, indicator, actual: got.figure, year, status: ok ? 'met' : 'not-met' });
            continue;
        }
        const direction = targetDirection(indicator, c);
        const start = baselineOf(indicator, year);
        if (!direction || !start) continue;
        const goal = goalOf(c, direction, base, target.year);
        if (goal === undefined) continue;
        const from = start.value.value!;
        const expected = from + (goal - from) * (year - start.year) / (target.year - start.year);
        const allowed = tolerance * Math.abs(goal - from) + slack(Math.max(got.figure.decimals, start.value.decimals));
        const onTrack = direction === 'lower' ? got.figure.value <= expected + allowed : got.figure.value >= expected - allowed;
        targets.push({
            target, indicator, actual: got.figure, year, status: onTrack ? 'on-track' : 'off-track',
            path: { baselineYear: start.year, baseline: start.value, goal, expected, tolerance: allowed, direction }
        });
    }
    return { year, planned, targets, tolerance };
}
