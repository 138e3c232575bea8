// District table rules: rates are poor/total, totals are the sum of their rows, cells fit columns,
// every district has every year once.
import { matchesRounded } from '../../../../common/numbers.js';
import { computeRate, rowValues } from '../../model/arithmetic.js';
import {
    RATE_MEASURES, type DistrictTableModel, type Measure, type TableRowModel, type YearValues
} from '../../model/types.js';
import type { Rule, RuleContext } from '../rule.js';
import { FINDING_WORDS } from '../../../../common/words/rules.js';

function allRows(table: DistrictTableModel): TableRowModel[] {
    const rows: TableRowModel[] = [];
    for (const s of table.sections) {
        rows.push(...s.rows);
        if (s.subtotal) rows.push(s.subtotal);
    }
    if (table.total) rows.push(table.total);
    return rows;
}

/** A printed rate equals its count over the households, rounded to the printed decimals. */
export const rateMatchesCounts: Rule = ctx => {
    for (const table of ctx.model.tables) {
        for (const row of allRows(table)) {
            for (const y of row.years) {
                const values = rowValues(row, y.year);
                for (const cell of y.cells) {
                    const n = cell.number;
                    if (n?.value === undefined) continue;
                    const rate = computeRate(values, cell.measure);
                    if (!rate) continue;
                    const { numerator, households, exact } = rate;
                    if (matchesRounded(n.value, n.decimals, exact, ctx.options.rateTolerance)) continue;
                    const replacement = ctx.fmt(exact, n.decimals);
                    ctx.report('rate-mismatch', n.range, {
                        printed: n.printed, numerator: ctx.fmt(numerator), denominator: ctx.fmt(households),
                        computed: ctx.fmtUpTo(exact), label: row.label, year: y.year
                    }, { replacement });
                }
            }
        }
    }
};

function checkSum(ctx: RuleContext, row: TableRowModel, expected: Record<number, YearValues>): void {
    for (const y of row.years) {
        const sums = expected[y.year];
        if (!sums) continue;
        for (const cell of y.cells) {
            const n = cell.number;
            if (n?.value === undefined) continue;
            if ((RATE_MEASURES as readonly Measure[]).includes(cell.measure)) continue; // rates: rateMatchesCounts
            if (!Number.isInteger(n.value) || n.value < 0) continue; // reported by cellValues
            const sum = sums[cell.measure];
            if (sum === undefined || Math.abs(sum - n.value) < 1e-9) continue;
            ctx.report('total-mismatch', n.range, {
                label: row.label, year: y.year, measure: ctx.measure(cell.measure),
                printed: n.printed, sum: ctx.fmt(sum), diff: ctx.fmt(n.value - sum)
            }, { replacement: ctx.fmt(sum) });
        }
    }
}

export const totalsMatchRows: Rule = ctx => {
    for (const table of ctx.model.tables) {
        for (const section of table.sections) {
            if (section.subtotal) checkSum(ctx, section.subtotal, section.sums);
        }
        if (table.total) checkSum(ctx, table.total, table.expectedTotal);
    }
};

export const partsWithinTotal: Rule = ctx => {
    for (const table of ctx.model.tables) {
        for (const row of allRows(table)) {
            for (const y of row.years) {
                const v = rowValues(row, y.year);
                if (v.households === undefined) continue;
                const parts: [Measure, number | undefined, string][] = [
                    ['poor', v.poor, ctx.say(FINDING_WORDS.poor)],
                    ['near-poor', v['near-poor'], ctx.say(FINDING_WORDS.nearPoor)],
                    ['multidim', v.multidim ?? (v.poor !== undefined && v['near-poor'] !== undefined ? v.poor + v['near-poor'] : undefined),
                        ctx.say(FINDING_WORDS.poorAndNearPoor)]
                ];
                for (const [measure, value, part] of parts) {
                    if (value === undefined || value <= v.households) continue;
                    const cell = y.cells.find(c => c.measure === measure) ?? y.cells.find(c => c.measure === 'near-poor') ?? y.cells[0];
                    ctx.report('poor-exceeds-total', cell?.range ?? y.range, {
                        part, value: ctx.fmt(value), total: ctx.fmt(v.households), label: row.label, year: y.year
                    });
                    break;
                }
            }
        }
    }
};

export const tableShape: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const declared = new Set<number>();
        for (const y of table.years) {
            if (declared.has(y.year)) ctx.report('duplicate-year', y.range, { year: y.year, where: ctx.say(FINDING_WORDS.inTableYears) });
            declared.add(y.year);
        }
        const yearList = table.years.map(y => y.year).join(', ');
        for (const row of allRows(table)) {
            const seen = new Set<number>();
            for (const y of row.years) {
                if (Number.isNaN(y.year)) continue;
                if (seen.has(y.year)) ctx.report('duplicate-year', y.yearRange, { year: y.year, where: ctx.say(FINDING_WORDS.inRow, { label: row.label }) });
                seen.add(y.year);
                if (!declared.has(y.year)) ctx.report('undeclared-table-year', y.yearRange, { year: y.year, years: yearList });
                const found = y.cells.length + y.extra.length;
                if (found !== table.columns.length) {
                    ctx.report('cell-count', y.extra[0] ?? y.range, {
                        year: y.year, found, expected: table.columns.length, columns: table.columns.map(c => ctx.measure(c)).join(', ')
                    });
                }
            }
            const missing = table.years.filter(y => !seen.has(y.year)).map(y => y.year);
            for (const year of missing) {
                ctx.report('missing-district-year', row.range, { label: row.label, year }, {
                    year, columns: table.columns.length, insertAfterLine: row.years.at(-1)?.range.end.line ?? row.range.start.line
                });
            }
        }
        for (const section of table.sections) {
            const seenDistricts = new Set<string>();
            for (const row of section.rows) {
                if (!row.district) continue;
                if (seenDistricts.has(row.district.id)) ctx.report('duplicate-row', row.district.range, { label: row.label });
                seenDistricts.add(row.district.id);
            }
        }
    }
};
