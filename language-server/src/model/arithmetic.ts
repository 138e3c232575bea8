// The domain arithmetic, in one place: which printed values a computation may use, a row's values
// in a year, a rate from its count and households, the sums of rows. The model builder, the rules
// and the editor's hovers and hints all compute through these, so they never disagree.
import {
    COUNT_MEASURES, RATE_MEASURES, RATE_NUMERATOR, isRateMeasure,
    type CellModel, type Measure, type TableRowModel, type TableSectionModel, type YearValues
} from './types.js';

/**
 * The values of a row in one year that computations may use: rates as printed, counts only when
 * whole and not negative (another count is reported on its own: a rate or a sum computed from it
 * would only repeat that finding wrongly). Poor + near-poor is filled in when not printed.
 */
export function rowValues(row: TableRowModel, year: number): YearValues {
    const out: YearValues = {};
    for (const y of row.years) {
        if (y.year !== year) continue;
        for (const c of y.cells) {
            const v = c.number?.value;
            if (v === undefined) continue;
            if (!isRateMeasure(c.measure) && (!Number.isInteger(v) || v < 0)) continue;
            out[c.measure] = v;
        }
    }
    if (out.multidim === undefined && out.poor !== undefined && out['near-poor'] !== undefined) out.multidim = out.poor + out['near-poor'];
    return out;
}

export interface RateComputation { numerator: number; households: number; exact: number }

/** count / households × 100 for a rate column, from values of one row and year; undefined when a part is missing. */
export function computeRate(values: YearValues, rate: Measure): RateComputation | undefined {
    if (!isRateMeasure(rate)) return undefined;
    const numerator = values[RATE_NUMERATOR[rate]];
    const households = values.households;
    if (numerator === undefined || !households) return undefined;
    return { numerator, households, exact: numerator / households * 100 };
}

/**
 * A count cell the sums can use: read under the plan's style, whole and not negative. A blank ("-")
 * adds nothing; any other cell makes the sum unknown (NaN here): the cell is reported on its own, and
 * a total compared with a partial sum would only repeat that finding in a misleading form.
 */
export function usableCount(c: CellModel): number | undefined {
    if (!c.number) return undefined;
    const v = c.number.value;
    return v !== undefined && Number.isInteger(v) && v >= 0 ? v : NaN;
}

/** Sums every count column of the rows, per year; NaN where a part is unreadable. */
function rawSums(rows: TableRowModel[]): Record<number, YearValues> {
    const sums: Record<number, YearValues> = {};
    for (const row of rows) {
        for (const y of row.years) {
            const into = (sums[y.year] ??= {});
            for (const c of y.cells) {
                if (!(COUNT_MEASURES as readonly string[]).includes(c.measure)) continue;
                const v = usableCount(c);
                if (v !== undefined) into[c.measure] = (into[c.measure] ?? 0) + v;
            }
        }
    }
    return sums;
}

/** Drops the unknown sums and adds the rates of the known ones. */
function finish(sums: Record<number, YearValues>, columns: Measure[]): Record<number, YearValues> {
    for (const v of Object.values(sums)) {
        for (const m of COUNT_MEASURES) if (Number.isNaN(v[m])) delete v[m];
    }
    addRates(sums, columns);
    return sums;
}

/** Sums every count column of the rows, per year. Rates are not summed: they are recomputed. */
export function sumRows(rows: TableRowModel[], columns: Measure[]): Record<number, YearValues> {
    return finish(rawSums(rows), columns);
}

function addRates(values: Record<number, YearValues>, columns: Measure[]): void {
    for (const v of Object.values(values)) {
        for (const rate of RATE_MEASURES) {
            const numerator = v[RATE_NUMERATOR[rate]];
            if (columns.includes(rate) && numerator !== undefined && v.households) v[rate] = numerator / v.households * 100;
        }
    }
}

/**
 * What the grand total should hold: the sum of the district rows of every section. A section that
 * prints only its subtotal (no rows) counts by its subtotal. Summing printed subtotals instead would
 * hide a wrong row behind a wrong subtotal, and blame a right total for a subtotal's typo.
 */
export function expectedTotal(sections: TableSectionModel[], columns: Measure[]): Record<number, YearValues> {
    const all: Record<number, YearValues> = {};
    for (const s of sections) {
        const parts = rawSums(s.rows.length === 0 && s.subtotal ? [s.subtotal] : s.rows);
        for (const [year, v] of Object.entries(parts)) {
            const into = (all[Number(year)] ??= {});
            for (const m of COUNT_MEASURES) if (v[m] !== undefined) into[m] = (into[m] ?? 0) + v[m];
        }
    }
    return finish(all, columns);
}

