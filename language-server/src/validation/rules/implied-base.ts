// Rates over a base the table does not print (implied-denominator): each rate and its count imply the
// base within the rate's rounding; all of them must allow one whole number. When they do not, the
// finding stands on the figure the rest of the table disagrees with (model/base-evidence.ts: the total
// less the other rows, the row's other rates, the same unit's neighbouring year) and says the value
// it should have; only when nothing tells are the disagreeing rates all marked, saying so.
import { FIGURE_WORDS } from '../../../../common/words/figures.js';
import { impliedDenominator, rowValues } from '../../model/arithmetic.js';
import {
    basePairs, common, evidenceFor, NEIGHBOUR_YEAR_SPREAD, type BaseEvidence, type BasePair, type GroupCache, type Interval
} from '../../model/base-evidence.js';
import { yearKey, type ColumnModel, type DistrictTableModel, type Measure, type TableRowModel, type TableSums, type YearCellsModel } from '../../model/types.js';
import type { RuleContext, Rule } from '../rule.js';
import { allRows, errorStarts } from './tables.js';

/**
 * Not checked row by row from the kept findings (RuleContext.eachRow): which figure of a row is
 * wrong depends on the other rows and years, not on the row alone. The check of a row whose rates
 * agree is a few divisions.
 */
export const impliedDenominators: Rule = ctx => {
    const reported = errorStarts(ctx);
    const cache: GroupCache = new Map();
    for (const table of ctx.model.tables) {
        const byBase = ratesByUnprintedBase(table);
        if (byBase.size === 0) continue;
        for (const row of allRows(table)) {
            for (const y of row.years) {
                for (const [base, rates] of byBase) checkYear(ctx, table, row, y, base, rates, reported, cache);
            }
        }
    }
};

/** The table's printed rates grouped by their base, for the bases the table does not print. */
function ratesByUnprintedBase(table: DistrictTableModel): Map<Measure, ColumnModel[]> {
    const byBase = new Map<Measure, ColumnModel[]>();
    for (const m of table.columns) {
        const d = table.columnsById[m]?.definition;
        if (d?.kind !== 'rate' || table.columns.includes(d.base)) continue;
        byBase.set(d.base, [...(byBase.get(d.base) ?? []), table.columnsById[m]]);
    }
    return byBase;
}

function checkYear(
    ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, y: YearCellsModel, baseMeasure: Measure, rates: ColumnModel[],
    reported: Set<string>, cache: GroupCache
): void {
    const free = rates.filter(rate => {
        const cell = y.cells.find(c => c.measure === rate.id);
        return cell && !reported.has(`${cell.range.start.line}:${cell.range.start.character}`);
    });
    if (free.some(rate => y.cells.find(c => c.measure === rate.id)?.bounds)) {
        checkRanges(ctx, table, row, y, baseMeasure, free);
        return;
    }
    const pairs = basePairs(row, y.year, free, table.columnsById);
    if (pairs.length < 2 || common(pairs.map(p => p.implied))) return;
    const evidence = evidenceFor(table, row, y.year, free, pairs, cache);
    if (!evidence) {
        reportUndecided(ctx, table, row, y.year, baseMeasure, pairs);
        return;
    }
    const wrong = pairs.filter(p => !common([p.implied, evidence.base]));
    // The base the rest agrees on: what the evidence allows and the row's rates that fit it.
    const base = common([evidence.base, ...pairs.filter(p => !wrong.includes(p)).map(p => p.implied)]) ?? evidence.base;
    for (const pair of wrong) reportDecided(ctx, table, row, y, baseMeasure, pair, evidence, base);
}

/** A base span as printed: "30.313–30.440". */
function span(ctx: RuleContext, i: Interval): string {
    return `${ctx.fmt(Math.ceil(i.low - 1e-9))}–${ctx.fmt(Math.floor(i.high + 1e-9))}`;
}

function describePair(ctx: RuleContext, table: DistrictTableModel, p: { rate: ColumnModel; printed: string; count: number }): string {
    return `${ctx.measure(p.rate.id, table)} ${p.printed}% (${ctx.fmt(p.count)})`;
}

/**
 * Nothing else tells: every rate that disagrees with another is marked, each finding naming the
 * first two that disagree, in the order of the columns, and saying the table cannot tell.
 */
function reportUndecided(ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, year: number, base: Measure, pairs: BasePair[]): void {
    const clashing = pairs.filter(p => pairs.some(q => q !== p && !common([p.implied, q.implied])));
    const [first, second] = firstClash(pairs);
    for (const p of clashing) {
        ctx.report('implied-denominator', p.cell.range, {
            decided: 'none', undecided: 'yes', label: row.label, year, base: ctx.measure(base, table),
            first: describePair(ctx, table, first), firstRange: span(ctx, first.implied),
            second: describePair(ctx, table, second), secondRange: span(ctx, second.implied)
        });
    }
}

/** The first pair in column order that disagrees with any, and the first it disagrees with. */
function firstClash(pairs: BasePair[]): [BasePair, BasePair] {
    for (const p of pairs) {
        const q = pairs.find(o => o !== p && !common([p.implied, o.implied]));
        if (q) return pairs.indexOf(p) < pairs.indexOf(q) ? [p, q] : [q, p];
    }
    return [pairs[0], pairs[1]];
}

/**
 * A pair the rest of the table disagrees with: its count, when the total of the count's column is off
 * by exactly what makes the count fit (the count is the wrong figure, not the total); else its rate,
 * with the rate its count gives over the base the evidence allows.
 */
function reportDecided(
    ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, y: YearCellsModel, baseMeasure: Measure, pair: BasePair, evidence: BaseEvidence, base: Interval
): void {
    // A total whose count is not its rows' sum, where the sum fits: the count is the wrong figure, reported as a total mismatch.
    const summed = row.kind === 'row' ? undefined : sumsOf(table, row)?.values[y.year]?.[pair.countMeasure];
    if (summed !== undefined && summed !== pair.count && fits(summed, pair, base)) return;
    const said = {
        label: row.label, year: y.year, base: ctx.measure(baseMeasure, table), evidence: evidenceWords(ctx, evidence), span: span(ctx, evidence.base)
    };
    const counted = countShouldBe(table, row, y.year, pair, base);
    if (counted !== undefined) {
        const countCell = y.cells.find(c => c.measure === pair.countMeasure)!;
        const replacement = ctx.fmt(counted);
        ctx.report('implied-denominator', countCell.range, {
            ...said, decided: 'count', measure: ctx.measure(pair.countMeasure, table), printed: countCell.printed, expected: replacement, rate: pair.printed
        }, { replacement, total: { table: table.id, measure: pair.countMeasure, year: y.year, by: counted - pair.count } });
        return;
    }
    // Always inside [low, high]: the rate the count gives over the middle of the base the rest agrees on.
    const expected = ctx.fmt(pair.count / ((base.low + base.high) / 2) * 100, pair.decimals);
    ctx.report('implied-denominator', pair.cell.range, {
        ...said, decided: 'rate', measure: ctx.measure(pair.rate.id, table), printed: pair.printed,
        countMeasure: ctx.measure(pair.countMeasure, table), count: ctx.fmt(pair.count), expected
    }, { replacement: expected });
}

/** Whether a count with the pair's printed rate allows a base within `base`. */
function fits(count: number, pair: BasePair, base: Interval): boolean {
    const implied = impliedDenominator(count, pair.value, pair.decimals);
    return implied !== undefined && common([implied, base]) !== undefined;
}

/** The sums a total or subtotal row should hold. */
function sumsOf(table: DistrictTableModel, row: TableRowModel): TableSums | undefined {
    return row === table.total ? table.expectedTotal : table.sections.find(s => s.subtotal === row)?.sums;
}

/**
 * The corrections of counts that implied-denominator decided, by table, column and year: a total
 * that the corrected rows add up to is right, and is not reported (totalsMatchRows).
 */
export function countCorrections(ctx: RuleContext): Map<string, number> {
    const out = new Map<string, number>();
    for (const f of ctx.findings) {
        const total = f.code === 'implied-denominator' ? (f.data as { total?: { table: string; measure: Measure; year: number; by: number } } | undefined)?.total : undefined;
        if (!total) continue;
        const key = correctionKey(total.table, total.measure, total.year);
        out.set(key, (out.get(key) ?? 0) + total.by);
    }
    return out;
}

export function correctionKey(table: string, measure: Measure, year: number): string {
    return `${table}\u0000${measure}\u0000${year}`;
}

function evidenceWords(ctx: RuleContext, e: BaseEvidence): string {
    switch (e.kind) {
        case 'total': return ctx.say(FIGURE_WORDS.fromTotal, { total: e.total });
        case 'rows': return ctx.say(FIGURE_WORDS.fromRows);
        case 'others': return ctx.say(FIGURE_WORDS.fromOthers);
        case 'year': return ctx.say(FIGURE_WORDS.fromYear, { year: e.year, span: span(ctx, e.neighbour), spread: NEIGHBOUR_YEAR_SPREAD * 100 });
    }
}

/**
 * The count a unit row should have printed, when the total of its column says so: the total printed
 * less the other rows, and that count with the printed rate fits the base allowed. Undefined when the
 * total agrees with the rows (the count is borne out), or is not printed.
 */
function countShouldBe(table: DistrictTableModel, row: TableRowModel, year: number, pair: BasePair, base: Interval): number | undefined {
    if (row.kind !== 'row' || !table.total) return undefined;
    const printed = rowValues(table.total, year, table.columnsById)[pair.countMeasure];
    const sum = table.expectedTotal.values[year]?.[pair.countMeasure];
    if (printed === undefined || sum === undefined || printed === sum) return undefined;
    const count = pair.count + printed - sum;
    return Number.isInteger(count) && count >= 0 && fits(count, pair, base) ? count : undefined;
}

/**
 * Ranges of rates over the unprinted base: each bound with its count's bound implies the base; the
 * first that leaves no common whole number is marked, as the table cannot tell more of a range.
 */
function checkRanges(ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, y: YearCellsModel, base: Measure, rates: ColumnModel[]): void {
    const values = rowValues(row, yearKey(y), table.columnsById);
    let low = 0, high = Infinity;
    let first: { text: string; span: string } | undefined;
    for (const rate of rates) {
        const d = rate.definition as { count: Measure };
        const rateCell = y.cells.find(c => c.measure === rate.id);
        const countCell = y.cells.find(c => c.measure === d.count);
        if (!rateCell) continue;
        const parts: { count?: number; rate?: number; decimals: number; printed: string }[] = [];
        if (rateCell.bounds && countCell?.bounds) {
            for (let i = 0; i < 2; i++) parts.push({ count: countCell.bounds[i].value, rate: rateCell.bounds[i].value, decimals: rateCell.bounds[i].decimals, printed: rateCell.bounds[i].printed });
        } else if (rateCell.number) {
            parts.push({ count: values[d.count], rate: rateCell.number.value, decimals: rateCell.number.decimals, printed: rateCell.number.printed });
        }
        for (const p of parts) {
            if (p.count === undefined || p.rate === undefined) continue;
            const implied = impliedDenominator(p.count, p.rate, p.decimals);
            if (!implied) continue;
            const text = describePair(ctx, table, { rate, printed: p.printed, count: p.count });
            const nextLow = Math.max(low, implied.low), nextHigh = Math.min(high, implied.high);
            if (first && Math.ceil(nextLow - 1e-9) > Math.floor(nextHigh + 1e-9)) {
                ctx.report('implied-denominator', rateCell.range, {
                    decided: 'none', undecided: 'yes', label: row.label, year: y.year, base: ctx.measure(base, table),
                    first: first.text, firstRange: first.span, second: text, secondRange: span(ctx, implied)
                });
                return;
            }
            low = nextLow; high = nextHigh;
            first ??= { text, span: span(ctx, implied) };
        }
    }
}
