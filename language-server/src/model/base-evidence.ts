// Which figure of a row is wrong when its rates cannot share the base the table does not print
// (issue 21): each rate and its count imply the base within the rate's rounding (arithmetic.ts
// impliedDenominator); when they disagree, what else the table knows of that base decides between
// them. In order: the total row less the other rows (or, for a total, the rows it adds up), the
// row's other rates when all but one agree, and the same unit's neighbouring year. The arithmetic
// only: the rule (validation/rules/implied-base.ts) says what it found.
import { impliedDenominator, rowValues, type Columns } from './arithmetic.js';
import type { CellModel, ColumnModel, DistrictTableModel, Measure, TableRowModel } from './types.js';

/** Real bounds of a base; a base is a count, so only the whole numbers inside count. */
export interface Interval { low: number; high: number }

/** A rate of a row's year over the unprinted base, with its count and the base they imply. */
export interface BasePair {
    rate: ColumnModel;
    cell: CellModel;
    count: number;
    countMeasure: Measure;
    value: number;
    decimals: number;
    printed: string;
    implied: Interval;
}

const EPSILON = 1e-9;

/** The whole numbers an interval holds, as an interval of whole bounds; undefined when none. */
export function wholeWithin(i: Interval): Interval | undefined {
    const low = Math.ceil(i.low - EPSILON), high = Math.floor(i.high + EPSILON);
    return low <= high ? { low, high } : undefined;
}

/** The whole numbers every interval holds (undefined when there is none, or no interval). */
export function common(intervals: Interval[]): Interval | undefined {
    if (intervals.length === 0) return undefined;
    let low = -Infinity, high = Infinity;
    for (const i of intervals) { low = Math.max(low, i.low); high = Math.min(high, i.high); }
    return wholeWithin({ low, high });
}

/**
 * The pairs of one row and year over `rates` (the rates of one unprinted base): a plain rate cell
 * whose count is known and whose rate implies a base (not zero). Ranges are not pairs here.
 */
export function basePairs(row: TableRowModel, year: number, rates: ColumnModel[], columns: Columns): BasePair[] {
    const line = row.years.find(y => y.year === year);
    if (!line) return [];
    const values = rowValues(row, year, columns);
    const pairs: BasePair[] = [];
    for (const rate of rates) {
        if (rate.definition?.kind !== 'rate') continue;
        const cell = line.cells.find(c => c.measure === rate.id);
        const n = cell?.number;
        const count = values[rate.definition.count];
        if (!cell || cell.bounds || n?.value === undefined || count === undefined) continue;
        const implied = impliedDenominator(count, n.value, n.decimals);
        if (!implied) continue;
        pairs.push({ rate, cell, count, countMeasure: rate.definition.count, value: n.value, decimals: n.decimals, printed: n.printed, implied });
    }
    return pairs;
}

/** The base a row's year implies when its rates agree on one; undefined when they do not, or say nothing. */
export function agreedBase(row: TableRowModel, year: number, rates: ColumnModel[], columns: Columns): Interval | undefined {
    return common(basePairs(row, year, rates, columns).map(p => p.implied));
}

/** Where the base a finding stands on came from: the sentence the rule says for each. */
export type BaseEvidence =
    | { kind: 'total'; total: string; base: Interval }
    | { kind: 'rows'; base: Interval }
    | { kind: 'others'; base: Interval }
    | { kind: 'year'; year: number; neighbour: Interval; base: Interval };

/** How far from the same unit's neighbouring year a base may be: households change by a few percent a year. */
export const NEIGHBOUR_YEAR_SPREAD = 0.05;

/**
 * What the rest of the table says of the base of `row` in `year`, in order of strength, given the
 * row's own pairs that disagree: the first that tells some pairs from the others. Each is a bound on
 * the base, never a guess: the total less the other rows (each row's own rates agreeing), the row's
 * other rates when all but one agree on a base, the same unit's previous (else next) year ± 5 %.
 */
export function evidenceFor(
    table: DistrictTableModel, row: TableRowModel, year: number, rates: ColumnModel[], pairs: BasePair[], cache: GroupCache = new Map()
): BaseEvidence | undefined {
    const tells = (base: Interval) => {
        const fits = pairs.filter(p => common([p.implied, base]) !== undefined).length;
        return fits > 0 && fits < pairs.length;
    };
    const columns = table.columnsById;
    const group = groupOf(table, row);
    if (group) {
        const base = fromGroup(group, row, year, rates, columns, cache);
        if (base && tells(base)) return group.total === row ? { kind: 'rows', base } : { kind: 'total', total: group.total.label, base };
    }
    if (pairs.length >= 3) {
        const outliers = pairs.filter((_, i) => common(pairs.filter((__, j) => j !== i).map(p => p.implied)) !== undefined);
        if (outliers.length === 1) {
            const base = common(pairs.filter(p => p !== outliers[0]).map(p => p.implied))!;
            if (tells(base)) return { kind: 'others', base };
        }
    }
    for (const other of neighbourYears(row, year)) {
        const neighbour = agreedBase(row, other, rates, columns);
        if (!neighbour) continue;
        const base = { low: neighbour.low * (1 - NEIGHBOUR_YEAR_SPREAD), high: neighbour.high * (1 + NEIGHBOUR_YEAR_SPREAD) };
        if (tells(base)) return { kind: 'year', year: other, neighbour, base };
        return undefined;   // the nearest year that knows its base has spoken; a farther one is weaker
    }
    return undefined;
}

/** The previous year first, then the next, then the farther ones, nearest first. */
function neighbourYears(row: TableRowModel, year: number): number[] {
    return row.years.map(y => y.year).filter(y => y !== year && !Number.isNaN(y))
        .sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b);
}

/** A total and the rows it adds up: the table's total and every unit row, else a section's subtotal and its rows. */
interface Group { total: TableRowModel; members: TableRowModel[] }

function groupOf(table: DistrictTableModel, row: TableRowModel): Group | undefined {
    const section = table.sections.find(s => s.subtotal === row || s.rows.includes(row));
    if (table.total && (row === table.total || row.kind === 'row')) {
        const members = table.sections.flatMap(s => s.rows.length === 0 && s.subtotal ? [s.subtotal] : s.rows);
        if (!hasDuplicateUnit(members)) return { total: table.total, members };
    }
    if (section?.subtotal && (row === section.subtotal || row.kind === 'row') && !hasDuplicateUnit(section.rows)) {
        return { total: section.subtotal, members: section.rows };
    }
    return undefined;
}

/** A unit written twice: a total that counts it or not are both possible (arithmetic.ts), so the rows say nothing sure. */
function hasDuplicateUnit(rows: TableRowModel[]): boolean {
    const seen = new Set<string>();
    for (const r of rows) {
        const id = r.district?.id;
        if (!id) continue;
        if (seen.has(id)) return true;
        seen.add(id);
    }
    return false;
}

/** The bases of a group's rows in one year: their sum, and the rows that agree on none. */
interface GroupBases { low: number; high: number; unknown: TableRowModel[] }

/** Per check of a plan: the bases of each group, year and base, found once however many rows ask. */
export type GroupCache = Map<TableRowModel, Map<string, GroupBases>>;

function groupBases(group: Group, year: number, rates: ColumnModel[], columns: Columns, cache: GroupCache): GroupBases {
    const key = `${year}\u0000${rates.map(r => r.id).join('\u0000')}`;
    let byKey = cache.get(group.total);
    if (!byKey) cache.set(group.total, byKey = new Map());
    let bases = byKey.get(key);
    if (!bases) {
        bases = { low: 0, high: 0, unknown: [] };
        for (const member of group.members) {
            const base = agreedBase(member, year, rates, columns);
            // Two rows that agree on no base are enough: no row's base follows from the others then.
            if (!base) { if (bases.unknown.push(member) > 1) break; continue; }
            bases.low += base.low; bases.high += base.high;
        }
        byKey.set(key, bases);
    }
    return bases;
}

/**
 * The base of `row` that its group allows: for the total, the sum of its rows' bases; for a row, the
 * total's base less the other rows'. Only when every other row of the group (and the total) agrees
 * on its own base in that year: a row that does not is a finding of its own, and no bound.
 */
function fromGroup(group: Group, row: TableRowModel, year: number, rates: ColumnModel[], columns: Columns, cache: GroupCache): Interval | undefined {
    const bases = groupBases(group, year, rates, columns, cache);
    const others = bases.unknown.filter(r => r !== row);
    if (others.length > 0) return undefined;
    let { low, high } = bases;
    if (bases.unknown.length === 0 && group.members.includes(row)) {
        // The row agrees with itself on some base: taken out of the sum of the others.
        const own = agreedBase(row, year, rates, columns)!;
        low -= own.low; high -= own.high;
    } else if (group.total !== row && !group.members.includes(row)) return undefined;
    if (group.total === row) return { low, high };
    const total = agreedBase(group.total, year, rates, columns);
    if (!total) return undefined;
    return { low: total.low - high, high: total.high - low };
}
