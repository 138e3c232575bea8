// Rules of a year printed twice in one table, and of changes between years (model/series.ts):
// - every line of a year printed as several groups says which group it is (year-group-unknown);
// - the start of a year ("Đầu năm 2024") is the end of the year before ("Cuối năm 2023"), figure by
//   figure (start-of-year-mismatch); the end of the year follows from its start by the flows
//   (flowsAcrossYears in tables.ts, which takes the start as the end's year before);
// - a change column ("Giảm so với 2023 (điểm %)") equals the change of its column between the two
//   groups it compares, in its unit (change-mismatch), and its unit fits that column (change-unit);
// - nothing is compared across poverty standards: where a check would need it, an info says so
//   (across-standards), once per group and check.
import { halfUnit, rowValues } from '../../model/arithmetic.js';
import { comparedGroup, groupHeadingArgs, groupOf, lineIn, previousGroup, standardOf, standardPhrase, yearLabel } from '../../model/series.js';
import {
    isCountColumn, isRateColumn, yearKey,
    type CellModel, type ColumnModel, type DistrictTableModel, type Measure, type TableRowModel, type TableYearModel, type YearCellsModel
} from '../../model/types.js';
import { YEAR_GROUP_WORDS } from '../../../../common/words/years.js';
import { UNITS } from '../../../../common/words/kinds.js';
import type { Arg } from '../../../../common/catalogue.js';
import { allRows } from './tables.js';
import type { Rule, RuleContext } from '../rule.js';

type ChangeDefinition = Extract<NonNullable<ColumnModel['definition']>, { kind: 'change' }>;

function cellOf(y: YearCellsModel | undefined, m: Measure): CellModel | undefined {
    return y?.cells.find(c => c.measure === m);
}

/** A line of a year the table prints as several groups, or naming a group the table does not have. */
export const yearGroupsNamed: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const keyed = table.years.filter(y => y.key !== undefined || y.phase);
        if (keyed.length === 0 && !allRows(table).some(r => r.years.some(l => l.key !== undefined))) continue;
        const declared = new Set(table.years.map(yearKey));
        for (const row of allRows(table)) {
            for (const line of row.years) {
                if (Number.isNaN(line.year) || declared.has(yearKey(line))) continue;
                const ofYear = table.years.filter(y => y.year === line.year);
                if (ofYear.length === 0) continue; // undeclared-table-year
                ctx.report('year-group-unknown', line.yearRange, {
                    year: line.year, label: row.label,
                    groups: ofYear.map(g => `${groupTagText(g) || '—'} (${g.heading ?? ctx.say(YEAR_GROUP_WORDS.heading, groupHeadingArgs(g, ctx.model.standards))})`).join(', '),
                    example: `${groupTagText(ofYear.find(g => !lineIn(row, yearKey(g))) ?? ofYear[0]) || ''} ${line.year}:`.trim()
                });
            }
        }
    }
};

function groupTagText(g: TableYearModel): string {
    return [g.phase, g.key?.includes(' standard:') && g.standardId ? `standard ${g.standardId}` : undefined].filter(Boolean).join(' ');
}

/** Columns a start is compared on: what the year holds, not what moves in it (flows) or a change. */
function stockColumns(table: DistrictTableModel): Measure[] {
    const moves = new Set<Measure>();
    for (const c of Object.values(table.columnsById)) {
        if (c.definition?.kind === 'flow') for (const t of c.definition.terms) moves.add(t.column);
    }
    return table.columns.filter(m => !moves.has(m) && table.columnsById[m]?.definition?.kind !== 'change');
}

/** The start of a year equals the end of the year before, in every figure both print (same standard). */
export const startOfYear: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const starts = table.years.filter(y => y.phase === 'start');
        if (starts.length === 0) continue;
        const columns = stockColumns(table);
        for (const start of starts) {
            const { group: before, acrossStandards } = previousGroup(table, start);
            if (!before) {
                if (acrossStandards) acrossInfo(ctx, table, start, acrossStandards, ctx.say(YEAR_GROUP_WORDS.acrossStart));
                continue;
            }
            for (const row of allRows(table)) ctx.eachRow('startOfYear', row, () => {
                const line = lineIn(row, yearKey(start)), end = lineIn(row, yearKey(before));
                if (!line || !end) return;
                for (const m of columns) {
                    const n = cellOf(line, m)?.number, e = cellOf(end, m)?.number;
                    if (n?.value === undefined || e?.value === undefined) continue;
                    // The same figure, allowing only for being printed to other decimals.
                    const slack = n.decimals === e.decimals ? 1e-9 : Math.max(halfUnit(n.decimals), halfUnit(e.decimals));
                    if (Math.abs(n.value - e.value) <= slack) continue;
                    const finding = ctx.report('start-of-year-mismatch', n.range, {
                        label: row.label, measure: ctx.measure(m, table), printed: n.printed,
                        year: yearLabel(table, start, ctx.model.standards), previous: yearLabel(table, before, ctx.model.standards), expected: e.printed
                    }, { replacement: e.printed });
                    finding.related = [ctx.place(e.range, YEAR_GROUP_WORDS.relatedEarlier, {
                        measure: ctx.measure(m, table), group: yearLabel(table, before, ctx.model.standards), value: e.printed
                    })];
                }
            });
        }
    }
};

/** Once per table and group and check: a check that would compare figures under two standards is not made. */
function acrossInfo(ctx: RuleContext, table: DistrictTableModel, group: TableYearModel, other: TableYearModel, what: string): void {
    ctx.report('across-standards', group.range, {
        what, group: yearLabel(table, group, ctx.model.standards), other: yearLabel(table, other, ctx.model.standards),
        standard: standardPhrase(standardOf(table, group), ctx.model.standards) || '—',
        otherStandard: standardPhrase(standardOf(table, other), ctx.model.standards) || '—'
    });
}

/** Flows and a table's own checks of `previous` are not made across standards: said once per group. */
export const flowsWithinStandard: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const flows = table.columns.filter(m => table.columnsById[m]?.definition?.kind === 'flow');
        const previousChecks = table.checks.filter(c => [...c.left, ...c.right].some(t => t.previous));
        if (flows.length === 0 && previousChecks.length === 0) continue;
        for (const group of table.years) {
            if (group.phase === 'start') continue; // a start follows the end before it: startOfYear
            const { group: before, acrossStandards } = previousGroup(table, group);
            if (before || !acrossStandards) continue;
            for (const m of flows) acrossInfo(ctx, table, group, acrossStandards, ctx.say(YEAR_GROUP_WORDS.acrossFlow, { measure: ctx.measure(m, table) }));
            for (const c of previousChecks) acrossInfo(ctx, table, group, acrossStandards, `check ${c.id}`);
        }
    }
};

/** A column's unit as the findings say it: "điểm phần trăm", "hộ", or the unit the plan writes. */
function unitWords(column: ColumnModel): Arg {
    return column.unit === 'custom' ? column.customUnit ?? '' : UNITS[column.unit] ?? column.unit;
}

/** What a change column may claim of its column: points of a rate, a count of the same count, percent of either. */
function unitFits(change: ColumnModel, of: ColumnModel | undefined): boolean {
    if (!of) return true; // unknown-column
    if (change.unit === 'percent') return isRateColumn(of) || isCountColumn(of);
    if (change.unit === 'points') return isRateColumn(of);
    if (isCountColumn(change)) return of.unit === change.unit;
    return false;
}

/**
 * The change the definition claims from the earlier value to the later one, and the interval it may
 * have given the rounding of the two printed figures (a difference of rounded rates is off by up to
 * one unit of their last decimal). Undefined for a percent of a zero.
 */
function claimedChange(d: ChangeDefinition, unit: ColumnModel['unit'], later: number, earlier: number, slack: number): { exact: number; low: number; high: number } | undefined {
    const f = (l: number, e: number) => {
        const diff = unit === 'percent' ? (e === 0 ? NaN : (l - e) / e * 100) : l - e;
        return d.direction === 'decrease' ? -diff : diff;
    };
    const exact = f(later, earlier);
    if (!Number.isFinite(exact)) return undefined;
    const corners = [f(later - slack, earlier - slack), f(later - slack, earlier + slack), f(later + slack, earlier - slack), f(later + slack, earlier + slack)]
        .filter(Number.isFinite);
    return { exact, low: Math.min(exact, ...corners), high: Math.max(exact, ...corners) };
}

/** A change column against the two groups it compares, in its unit and with its sign. */
export const changesBetweenYears: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const changes = table.columns.map(m => table.columnsById[m]).filter(c => c?.definition?.kind === 'change');
        if (changes.length === 0) continue;
        const reportedUnit = new Set<Measure>();
        for (const change of changes) {
            const d = change.definition as ChangeDefinition;
            if (!unitFits(change, table.columnsById[d.column]) && !reportedUnit.has(change.id) && change.range) {
                reportedUnit.add(change.id);
                const of = table.columnsById[d.column];
                ctx.report('change-unit', change.unitRange ?? change.range, {
                    measure: ctx.measure(change.id, table), unit: unitWords(change), of: ctx.measure(d.column, table), ofUnit: of ? unitWords(of) : ''
                });
            }
        }
        for (const row of allRows(table)) ctx.eachRow('changesBetweenYears', row, () => {
            for (const line of row.years) {
                const group = groupOf(table, line);
                if (!group) continue;
                for (const change of changes) checkChange(ctx, table, row, line, group, change);
            }
        });
    }
};

function checkChange(ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, line: YearCellsModel, group: TableYearModel, change: ColumnModel): void {
    const d = change.definition as ChangeDefinition;
    const n = cellOf(line, change.id)?.number;
    if (n?.value === undefined || !unitFits(change, table.columnsById[d.column])) return;
    const { group: earlierGroup, acrossStandards } = comparedGroup(table, group, d.fromYear, d.fromPhase);
    if (!earlierGroup) {
        if (acrossStandards) {
            ctx.report('across-standards', n.range, {
                what: ctx.say(YEAR_GROUP_WORDS.acrossChange, { measure: ctx.measure(change.id, table) }),
                group: yearLabel(table, group, ctx.model.standards), other: yearLabel(table, acrossStandards, ctx.model.standards),
                standard: standardPhrase(standardOf(table, group), ctx.model.standards) || '—',
                otherStandard: standardPhrase(standardOf(table, acrossStandards), ctx.model.standards) || '—'
            });
        }
        return;
    }
    const earlierLine = lineIn(row, yearKey(earlierGroup));
    const later = rowValues(row, yearKey(line), table.columnsById)[d.column];
    const earlier = earlierLine ? rowValues(row, yearKey(earlierGroup), table.columnsById)[d.column] : undefined;
    if (later === undefined || earlier === undefined) return;
    const laterCell = cellOf(line, d.column)?.number, earlierCell = cellOf(earlierLine, d.column)?.number;
    // A figure printed rounded is within half a unit of its last decimal; a count filled in is exact.
    const slack = isRateColumn(table.columnsById[d.column]) ? Math.max(halfUnit(laterCell?.decimals ?? 0), halfUnit(earlierCell?.decimals ?? 0)) : 0;
    const claim = claimedChange(d, change.unit, later, earlier, slack);
    if (!claim) return;
    const h = halfUnit(n.decimals);
    if (n.value >= claim.low - h - 1e-9 && n.value <= claim.high + h + 1e-9) return;
    // The sign the other way round: a fall printed signed in a `decrease-of` column, or the reverse.
    const flipped = Math.abs(-n.value - claim.exact) <= h + (claim.high - claim.low) / 2 + 1e-9;
    const finding = ctx.report('change-mismatch', n.range, {
        label: row.label, year: yearLabel(table, group, ctx.model.standards), measure: ctx.measure(change.id, table), printed: n.printed,
        kind: ctx.say(YEAR_GROUP_WORDS.changeKind, { direction: d.direction, unit: change.unit === 'percent' || change.unit === 'points' ? change.unit : 'count' }),
        column: ctx.measure(d.column, table), earlierYear: yearLabel(table, earlierGroup, ctx.model.standards),
        earlier: earlierCell?.printed ?? ctx.fmtUpTo(earlier), later: laterCell?.printed ?? ctx.fmtUpTo(later),
        computed: ctx.fmt(claim.exact, n.decimals), flipped: flipped ? 'yes' : 'no'
    }, { replacement: ctx.fmt(claim.exact, n.decimals) });
    const places = [];
    if (earlierCell) places.push(ctx.place(earlierCell.range, YEAR_GROUP_WORDS.relatedEarlier, { measure: ctx.measure(d.column, table), group: yearLabel(table, earlierGroup, ctx.model.standards), value: earlierCell.printed }));
    if (laterCell) places.push(ctx.place(laterCell.range, YEAR_GROUP_WORDS.relatedEarlier, { measure: ctx.measure(d.column, table), group: yearLabel(table, group, ctx.model.standards), value: laterCell.printed }));
    finding.related = places;
}
