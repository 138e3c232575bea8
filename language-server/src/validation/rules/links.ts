// Links between tables (issue 21): a figure one table prints again in another (a summary table's province
// total and the detail table's total), an indicator's values, or a figure quoted in the text. A link is
// declared (`link A = B`); which columns of two tables it compares is found from their definitions —
// the same measure (a rate of the same count per the same base, a sum of the same parts, else the same
// column id), unit, year, kind of year and standard — never from their headings.
import { readNumber, roundTo } from '../../../../common/numbers.js';
import {
    type ColumnModel, type DistrictTableModel, type IndicatorModel, type LinkEndModel, type LinkModel, type Measure, type PlanModel,
    type PrintedNumber, type SourceRange, type TableRowModel, type YearKind
} from '../../model/types.js';
import type { Rule, RuleContext } from '../rule.js';
import { rangeInText } from './text-places.js';
import { LINK_WORDS } from '../../../../common/words/links.js';

/** One figure of a link's end: what it is, where it stands, and how a message names it. */
interface Figure {
    value: number;
    decimals: number;
    printed: string;
    range: SourceRange;
    /** The side's figure should be this by its own table (a total the rows do not add up to): reported there. */
    ownExpected?: number;
}

/** The figures one end gives, per year and per measure key (a table) or for its one measure (an indicator, a quote). */
interface Side {
    label: string;
    /** Per year, its phase (results or plan) and standard, where the end knows them. */
    years: Map<number, { phase: 'result' | 'plan'; standard?: string }>;
    /** measure key → year → figure. */
    figures: Map<string, Map<number, Figure>>;
    /** measure key → the column's name in messages. */
    names: Map<string, string>;
    /** measure key of a rate → the keys of its count and base: a rate that differs because its count does is that one mistake. */
    rateOf: Map<string, string[]>;
    unit?: string;
    /** A table end that names no column: its columns are matched by definition. */
    byDefinition: boolean;
}

const phaseOf = (kind: YearKind | 'baseline'): 'result' | 'plan' => (kind === 'plan' ? 'plan' : 'result');

/**
 * What a column measures, from its definition: a rate of a count per a base, a sum of parts, else the
 * column itself by id; with its unit. A column defined through itself (another rule's error) stops there.
 */
export function measureKey(table: DistrictTableModel, id: Measure, seen = new Set<Measure>()): string {
    const c: ColumnModel | undefined = table.columnsById[id];
    if (!c) return `?${id}`;
    const unit = c.unit === 'custom' ? `"${c.customUnit ?? ''}"` : c.unit;
    if (seen.has(id)) return `${id}:${unit}`;
    seen.add(id);
    const d = c.definition;
    let key = id;
    if (d?.kind === 'rate') key = `rate(${measureKey(table, d.count, new Set(seen))} per ${measureKey(table, d.base, new Set(seen))})`;
    else if (d?.kind === 'sum') key = `sum(${d.parts.map(p => measureKey(table, p, new Set(seen))).sort().join(' + ')})`;
    return `${key}:${unit}`;
}

function rowOf(table: DistrictTableModel, unitId: string | undefined, section: string | undefined): TableRowModel | undefined {
    if (section !== undefined) return table.sections.find(s => s.label === section)?.subtotal;
    if (unitId === undefined) return table.total;
    for (const s of table.sections) for (const r of s.rows) if (r.district?.id === unitId) return r;
    return undefined;
}

function tableSide(ctx: RuleContext, end: Extract<LinkEndModel, { kind: 'table' }>, report: (reason: string, args: Record<string, string>) => void): Side | undefined {
    const table = ctx.model.tables.find(t => t.id === end.tableId);
    if (!table) return undefined; // an unknown id: unknown-reference says so
    const row = rowOf(table, end.unitId, end.section);
    const tableName = table.annex !== undefined ? ctx.say(LINK_WORDS.annex, { annex: table.annex }) : table.id;
    if (!row) {
        report(end.unitId !== undefined ? 'row' : end.section !== undefined ? 'section' : 'total', { table: tableName, unit: end.unitId ?? end.section ?? '' });
        return undefined;
    }
    const section = end.section !== undefined ? table.sections.find(x => x.label === end.section) : undefined;
    const rowName = section ? `${section.label}. ${section.title ?? ''}: ${row.label}` : row.label;
    const side: Side = { label: `${tableName} (${rowName})`, years: new Map(), figures: new Map(), names: new Map(), rateOf: new Map(), byDefinition: end.column === undefined };
    for (const y of table.years) side.years.set(y.year, { phase: phaseOf(y.kind), standard: y.standardId ?? table.standardId });
    const columns = end.column !== undefined ? [end.column] : table.columns;
    if (end.column !== undefined && !table.columnsById[end.column]) return undefined; // unknown-column says so
    const counted = (m: Measure) => table.columnsById[m]?.unit === 'households' || table.columnsById[m]?.unit === 'persons';
    for (const m of columns) {
        const key = measureKey(table, m);
        side.names.set(key, ctx.measure(m, table));
        const d = table.columnsById[m]?.definition;
        if (d?.kind === 'rate') side.rateOf.set(key, [measureKey(table, d.count), measureKey(table, d.base)]);
        const byYear = new Map<number, Figure>();
        for (const line of row.years) {
            const n = line.cells.find(c => c.measure === m)?.number;
            if (n?.value === undefined || n.problem) continue;
            const sums = row.kind === 'total' ? table.expectedTotal : table.sections.find(s => s.subtotal === row)?.sums;
            const d = table.columnsById[m]?.definition;
            const cellOf = (id: Measure) => line.cells.find(c => c.measure === id)?.number?.value;
            let expected = sums && counted(m) ? sums.values[line.year]?.[m] : undefined;
            // A rate is what its own count and base make it (rate-mismatch says so when it is not).
            if (d?.kind === 'rate') {
                const count = cellOf(d.count);
                const base = cellOf(d.base);
                if (count !== undefined && base) expected = roundTo(count / base * 100, n.decimals);
            }
            byYear.set(line.year, { value: n.value, decimals: n.decimals, printed: n.printed, range: n.range, ownExpected: expected });
        }
        side.figures.set(key, byYear);
    }
    if (end.column !== undefined) side.unit = table.columnsById[end.column].unit;
    return side;
}

function indicatorSide(indicator: IndicatorModel): Side {
    const side: Side = { label: indicator.name, years: new Map(), figures: new Map(), names: new Map(), rateOf: new Map(), byDefinition: false, unit: indicator.unitKind };
    const byYear = new Map<number, Figure>();
    for (const v of indicator.values) {
        // A computed indicator's values are read from its table: a link to that table would compare it with itself.
        if (v.fromTable || v.value.value === undefined || v.value.problem || Number.isNaN(v.year)) continue;
        side.years.set(v.year, { phase: phaseOf(v.kind === 'result' ? 'result' : v.kind), standard: v.standardId });
        byYear.set(v.year, figureOf(v.value));
    }
    side.figures.set('', byYear);
    side.names.set('', indicator.name);
    return side;
}

function figureOf(n: PrintedNumber): Figure {
    return { value: n.value!, decimals: n.decimals, printed: n.printed, range: n.range };
}

/** The unit a quote states after its number: "2,5%" percent, "1.200 hộ" households, "người" persons. */
function quotedUnit(after: string): string | undefined {
    const t = after.trimStart().toLowerCase();
    if (t.startsWith('%')) return 'percent';
    if (/^hộ(?![\p{L}])/u.test(t)) return 'households';
    if (/^(người|nhân khẩu)(?![\p{L}])/u.test(t)) return 'persons';
    return undefined;
}

function quoteSide(ctx: RuleContext, end: Extract<LinkEndModel, { kind: 'quote' }>, years: number[], report: (reason: string, args: Record<string, string>) => void): Side | undefined {
    const m: PlanModel = ctx.model;
    const found = end.quote === '' ? undefined : m.texts.find(t => t.literal.includes(end.quote));
    if (!found) { report('quote', { quote: end.quote }); return undefined; }
    const number = /-?\d+(?:[.,]\d+)*/.exec(end.quote);
    if (!number) { report('number', { quote: end.quote }); return undefined; }
    const read = readNumber(number[0], m.numberStyle);
    if (read.value === undefined) { report('number', { quote: end.quote }); return undefined; }
    const at = found.literal.indexOf(end.quote) + number.index;
    const figure: Figure = { value: read.value, decimals: read.decimals, printed: number[0], range: rangeInText(found, at, at + number[0].length) };
    const side: Side = {
        label: `"${end.quote}"`, years: new Map(), figures: new Map(), names: new Map(), rateOf: new Map(), byDefinition: false,
        unit: quotedUnit(end.quote.slice(number.index + number[0].length))
    };
    side.figures.set('', new Map(years.map(y => [y, figure])));
    return side;
}

/** Two printed figures are the same when equal at the fewer decimals of the two (2,46 and 2,5 are one rate). */
function same(a: Figure, b: Figure): boolean {
    const d = Math.min(a.decimals, b.decimals);
    return Math.abs(roundTo(a.value, d) - roundTo(b.value, d)) < 1e-9;
}

/** A side's figure that its own table already reports as wrong, and whose right value is the other's: reported once, there. */
function reportedElsewhere(a: Figure, b: Figure): boolean {
    if (a.ownExpected === undefined) return false;
    const own: Figure = { ...a, value: a.ownExpected };
    return !same(own, a) && same(own, b);
}

function checkLink(ctx: RuleContext, link: LinkModel): void {
    const incomplete = (reason: string, args: Record<string, string> = {}) => ctx.report('link-incomplete', link.range, { reason, table: '', unit: '', other: '', quote: '', ...args });
    const quoteYears = link.years ?? [];
    const sideOf = (end: LinkEndModel, other: LinkEndModel): Side | undefined => {
        if (end.kind === 'table') {
            // Against an indicator or a quote, which have no definition to match by, the column is named.
            if (other.kind !== 'table' && end.column === undefined) {
                const t = ctx.model.tables.find(x => x.id === end.tableId);
                if (t) incomplete('column', { table: t.id, other: other.kind === 'quote' ? `"${other.quote}"` : other.indicatorId });
                return undefined;
            }
            return tableSide(ctx, end, incomplete);
        }
        if (end.kind === 'indicator') {
            const indicator = ctx.model.indicators.find(i => i.id === end.indicatorId);
            return indicator ? indicatorSide(indicator) : undefined;
        }
        if (quoteYears.length === 0) { incomplete('year'); return undefined; }
        return quoteSide(ctx, end, quoteYears, incomplete);
    };
    const left = sideOf(link.left, link.right);
    if (!left) return;
    const right = sideOf(link.right, link.left);
    if (!right) return;
    if (left.unit !== undefined && right.unit !== undefined && left.unit !== right.unit) {
        ctx.report('link-unit-mismatch', link.range, { left: left.label, right: right.label, leftUnit: left.unit, rightUnit: right.unit });
        return;
    }
    // Measures compared: by definition between two tables that name no column, else the one each names.
    const pairs: [string, string][] = left.byDefinition && right.byDefinition
        ? [...left.figures.keys()].filter(k => right.figures.has(k)).map(k => [k, k])
        : [[[...left.figures.keys()][0], [...right.figures.keys()][0]]];
    let compared = 0;
    /** `elsewhere`: a figure its own table reports as wrong, with the other side's value as the right one. */
    const differing: { key: string; year: number; a: Figure; b: Figure; elsewhere: boolean }[] = [];
    for (const [lk, rk] of pairs) {
        const ly = left.figures.get(lk);
        const ry = right.figures.get(rk);
        if (!ly || !ry) continue;
        for (const [year, a] of ly) {
            const b = ry.get(year);
            if (!b || (link.years && !link.years.includes(year))) continue;
            const ls = left.years.get(year);
            const rs = right.years.get(year);
            if (ls && rs && (ls.phase !== rs.phase || (ls.standard && rs.standard && ls.standard !== rs.standard))) continue;
            compared++;
            if (same(a, b)) continue;
            differing.push({ key: lk, year, a, b, elsewhere: reportedElsewhere(a, b) || reportedElsewhere(b, a) });
        }
    }
    if (compared === 0) incomplete('nothing');
    // A rate whose count or base differs too is that one mistake, reported at the count.
    const countDiffers = (key: string, year: number) => (left.rateOf.get(key) ?? []).some(k => differing.some(d => d.key === k && d.year === year));
    for (const { key, year, a, b, elsewhere } of differing) {
        if (elsewhere || countDiffers(key, year)) continue;
        const measure = left.names.get(key) ?? right.names.get(key) ?? right.names.get('') ?? '';
        const each = (here: Side, x: Figure, there: Side, y: Figure) => {
            const f = ctx.report('link-mismatch', x.range, { here: here.label, there: there.label, year, measure, printed: x.printed, other: y.printed }, { other: y.printed });
            f.related = [ctx.place(y.range, LINK_WORDS.relatedOther, { there: there.label, year, other: y.printed })];
        };
        each(left, a, right, b);
        each(right, b, left, a);
    }
}

/** Every declared link: the figures on both sides agree, each mismatch reported at both figures. */
export const linkedFigures: Rule = ctx => {
    for (const link of ctx.model.links) checkLink(ctx, link);
};
