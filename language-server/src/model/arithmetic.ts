// The domain arithmetic, in one place: which printed values a computation may use, a row's values
// in a year, a rate from its count and base, the sums of rows, implied denominators, flows. The
// model builder, the rules and the editor's hovers and hints all compute through these, so they
// never disagree. Every relation comes from the table's column declarations (model/types.ts).
import {
    isCountColumn, isRateColumn,
    yearKey,
    type CellModel, type ColumnModel, type Measure, type TableRowModel, type TableSectionModel, type TableSums, type YearKey, type YearValues
} from './types.js';

export type Columns = Record<Measure, ColumnModel>;

/** The key under which a range's lower or upper bound is summed. */
export const lowKey = (m: Measure) => `${m}..low`;
export const highKey = (m: Measure) => `${m}..high`;

/**
 * A count may enter a computation when it is whole and not negative; another count is reported on its
 * own. A change of a count may be negative: a fall in a `change-of` column, a rise in a `decrease-of` one.
 */
function usableValue(column: ColumnModel | undefined, v: number | undefined): number | undefined {
    if (v === undefined) return undefined;
    if (isCountColumn(column) && (!Number.isInteger(v) || (v < 0 && !mayBeNegative(column)))) return undefined;
    return v;
}

/** A column whose counts may be negative: a change between years (checked against its years, rules/years-printed-twice.ts). */
export function mayBeNegative(column: ColumnModel | undefined): boolean {
    return column?.definition?.kind === 'change';
}

/**
 * The values of a row in one year that computations may use: rates as printed, counts only when
 * whole and not negative (another count is reported on its own: a rate or a sum computed from it
 * would only repeat that finding wrongly). A sum of counts that is not printed is filled in. `year`:
 * the line's key (model/series.ts), its year unless the year is printed twice.
 */
export function rowValues(row: TableRowModel, year: YearKey, columns: Columns): YearValues {
    const out: YearValues = {};
    for (const y of row.years) {
        if (yearKey(y) !== year) continue;
        for (const c of y.cells) {
            const v = usableValue(columns[c.measure], c.number?.value);
            if (v !== undefined) out[c.measure] = v;
        }
    }
    for (const column of countSums(columns)) {
        if (out[column.id] !== undefined || column.definition?.kind !== 'sum') continue;
        const parts = column.definition.parts.map(p => out[p]);
        if (parts.every(p => p !== undefined)) out[column.id] = parts.reduce((a, b) => a! + b!, 0);
    }
    return out;
}

const countSumsOf = new WeakMap<Columns, ColumnModel[]>();

/** A table's columns that are sums of counts, found once per table model (rowValues runs per row and year). */
function countSums(columns: Columns): ColumnModel[] {
    let sums = countSumsOf.get(columns);
    if (!sums) {
        sums = Object.values(columns).filter(c => c.definition?.kind === 'sum' && isCountColumn(c));
        countSumsOf.set(columns, sums);
    }
    return sums;
}

export interface RateComputation { numerator: number; households: number; exact: number }

/** count / base × 100 for a rate column, from values of one row and year; undefined when a part is missing. */
export function computeRate(values: YearValues, rate: ColumnModel | undefined): RateComputation | undefined {
    if (rate?.definition?.kind !== 'rate') return undefined;
    const numerator = values[rate.definition.count];
    const households = values[rate.definition.base];
    if (numerator === undefined || !households) return undefined;
    return { numerator, households, exact: numerator / households * 100 };
}

/** Half a unit of the last printed decimal: how far the true value may be from a rounded one. */
export function halfUnit(decimals: number): number {
    return 0.5 * 10 ** -decimals;
}

/**
 * The denominators a rounded rate allows for a count: every n with count / n × 100 within half a unit
 * of the printed rate. Undefined when the rate is zero or less (any denominator would do).
 */
export function impliedDenominator(count: number, rate: number, decimals: number): { low: number; high: number } | undefined {
    const h = halfUnit(decimals);
    if (rate - h <= 0) return undefined;
    return { low: count * 100 / (rate + h), high: count * 100 / (rate - h) };
}

/**
 * A count cell the sums can use: read under its column's style, whole and not negative. A blank ("-")
 * adds nothing; any other cell makes the sum unknown (NaN here): the cell is reported on its own, and
 * a total compared with a partial sum would only repeat that finding in a misleading form. A note
 * ("Sáp nhập") makes it unknown too: what it stands for is not a figure (rules/notes.ts says so).
 */
export function usableCount(c: CellModel, column?: ColumnModel): number | undefined {
    if (c.note) return NaN;
    if (!c.number) return undefined;
    const v = c.number.value;
    return v !== undefined && Number.isInteger(v) && (v >= 0 || mayBeNegative(column)) ? v : NaN;
}

type Sums = TableSums;

/**
 * Sums every count column of the rows, per year, and the bounds of range cells; NaN where a part is
 * unreadable. A row whose unit already came earlier is summed apart (`duplicates`): it is reported
 * once as a duplicate, and a copied row added again would make every total of the table look wrong;
 * a total that does count it (a row under the wrong unit) is not wrong either.
 */
function rawSums(rows: TableRowModel[], columns: Columns, sums: Sums = { values: {}, unreadable: {}, duplicates: {} }): Sums {
    const seen = new Set<string>();
    for (const row of rows) {
        const duplicate = row.district?.id !== undefined && row.district.id !== '' && seen.has(row.district.id);
        if (row.district?.id) seen.add(row.district.id);
        const part = contributionOf(row, columns);
        for (let i = 0; i < part.years.length; i++) {
            const year = part.years[i], key = part.keys[i];
            const into = duplicate ? (sums.duplicates[year] ??= {}) : (sums.values[year] ??= {});
            const unreadable = part.unreadable[i];
            if (unreadable && !duplicate) (sums.unreadable[year] ??= {})[key] ??= unreadable;
            into[key] = (into[key] ?? 0) + part.values[i];
        }
    }
    return sums;
}

/** What a row adds to its table's sums, in the order the sums add it: year, column (or a bound's key), value. */
interface Contribution { years: YearKey[]; keys: string[]; values: number[]; unreadable: (CellModel | undefined)[] }

/**
 * A row's contribution, made once per row object: the model keeps a row while only other rows'
 * year lines change (model/build.ts), and with it the table's declarations, so a typed figure sums
 * its own row's cells again and adds the others' numbers, not their cells.
 */
const contributions = new WeakMap<TableRowModel, Contribution>();

function contributionOf(row: TableRowModel, columns: Columns): Contribution {
    let part = contributions.get(row);
    if (part) return part;
    part = { years: [], keys: [], values: [], unreadable: [] };
    const add = (year: YearKey, key: string, value: number, unreadable?: CellModel) => {
        part!.years.push(year); part!.keys.push(key); part!.values.push(value); part!.unreadable.push(unreadable);
    };
    for (const y of row.years) {
        const year = yearKey(y);
        for (const c of y.cells) {
            const column = columns[c.measure];
            if (!isCountColumn(column)) continue;
            if (c.bounds) {
                const [low, high] = c.bounds;
                add(year, lowKey(c.measure), low.value ?? NaN);
                add(year, highKey(c.measure), high.value ?? NaN);
                continue;
            }
            const v = usableCount(c, column);
            if (v === undefined) continue;
            add(year, c.measure, v, Number.isNaN(v) ? c : undefined);
        }
    }
    contributions.set(row, part);
    return part;
}

/** Drops the unknown sums and adds the rates of the known ones. */
function finish(sums: Sums, columns: Columns): Sums {
    for (const v of Object.values(sums.values)) {
        for (const key of Object.keys(v)) if (Number.isNaN(v[key])) delete v[key];
        addRates(v, columns);
    }
    return sums;
}

function addRates(v: YearValues, columns: Columns): void {
    for (const column of Object.values(columns)) {
        const d = column.definition;
        if (d?.kind !== 'rate') continue;
        const numerator = v[d.count];
        const base = v[d.base];
        if (numerator !== undefined && base) v[column.id] = numerator / base * 100;
    }
}

/** Sums every count column of the rows, per year. Rates are not summed: they are recomputed. */
export function sumRows(rows: TableRowModel[], columns: Columns): Sums {
    return finish(rawSums(rows, columns), columns);
}

/** The rows a table's sums were made of, and those sums before `finish`. */
export interface KeptSums { rows: TableRowModel[]; raw: Sums }

/**
 * sumRows, made from the sums of the previous model of the same rows when only a few rows changed
 * (a typed figure): the changed rows' old shares taken out and their new ones added. Only where that
 * is exactly what summing again gives: whole numbers throughout (no rounding depends on the order),
 * the same keys before and after in each changed row (no sum appears or vanishes), no unreadable cell
 * and no duplicate unit. Else summed again.
 */
export function sumRowsKept(rows: TableRowModel[], columns: Columns, kept: KeptSums | undefined): { sums: Sums; kept: KeptSums } {
    const raw = (kept && updatedSums(kept, rows, columns)) ?? rawSums(rows, columns);
    return { sums: finish(copySums(raw), columns), kept: { rows, raw } };
}

function copySums(sums: Sums): Sums {
    const values: Sums['values'] = {};
    for (const [year, v] of Object.entries(sums.values)) values[year] = { ...v };
    return { values, unreadable: { ...sums.unreadable }, duplicates: { ...sums.duplicates } };
}

const MAX_CHANGED_ROWS = 16;

function updatedSums(kept: KeptSums, rows: TableRowModel[], columns: Columns): Sums | undefined {
    if (kept.rows.length !== rows.length || Object.keys(kept.raw.unreadable).length > 0 || Object.keys(kept.raw.duplicates).length > 0) return undefined;
    const changed: number[] = [];
    for (let i = 0; i < rows.length; i++) {
        if (kept.rows[i] === rows[i]) continue;
        if (changed.push(i) > MAX_CHANGED_ROWS) return undefined;
    }
    for (const v of Object.values(kept.raw.values)) for (const x of Object.values(v)) if (!Number.isInteger(x)) return undefined;
    const raw = copySums(kept.raw);
    for (const i of changed) {
        const before = contributionOf(kept.rows[i], columns), after = contributionOf(rows[i], columns);
        if (kept.rows[i].district?.id !== rows[i].district?.id || before.keys.length !== after.keys.length) return undefined;
        for (let k = 0; k < after.keys.length; k++) {
            if (before.keys[k] !== after.keys[k] || before.years[k] !== after.years[k] || after.unreadable[k]) return undefined;
            if (!Number.isInteger(before.values[k]) || !Number.isInteger(after.values[k])) return undefined;
            const into = raw.values[after.years[k]];
            const sum = into?.[after.keys[k]];
            if (sum === undefined) return undefined;
            into[after.keys[k]] = sum - before.values[k] + after.values[k];
        }
    }
    return raw;
}

/**
 * What the grand total should hold: the sum of the unit rows of every section. A section that prints
 * only its subtotal (no rows) counts by its subtotal. Summing printed subtotals instead would hide a
 * wrong row behind a wrong subtotal, and blame a right total for a subtotal's typo.
 */
export function expectedTotal(sections: TableSectionModel[], columns: Columns): Sums {
    const all: Sums = { values: {}, unreadable: {}, duplicates: {} };
    for (const s of sections) rawSums(s.rows.length === 0 && s.subtotal ? [s.subtotal] : s.rows, columns, all);
    return finish(all, columns);
}

export { isCountColumn, isRateColumn };
