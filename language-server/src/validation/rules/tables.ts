// Table rules. Every relation checked here follows from the table's declarations (model/types.ts):
// a rate column (`rate-of count per base`) against its count and base, or against the other rates of
// its base when the base is not printed (implied denominators); a sum column against its parts, and
// the rates of a sum against the rates of its parts; a flow column against the year before; totals
// and subtotals of every count column (and of both bounds of ranges); a table's own `check`s. Also:
// cells fit columns, every unit has every year once, ranges stand only in tables of targets.
import { matchesRounded } from '../../../../common/numbers.js';
import { computeRate, halfUnit, highKey, impliedDenominator, lowKey, rowValues, type Columns } from '../../model/arithmetic.js';
import {
    isCountColumn, isRateColumn,
    type CellModel, type ColumnModel, type DistrictTableModel, type Measure, type TableCheckModel, type TableRowModel, type TableSums,
    type YearCellsModel, type YearValues
} from '../../model/types.js';
import type { RelatedPlace, Rule, RuleContext } from '../rule.js';
import { FINDING_WORDS } from '../../../../common/words/rules.js';

/** A table's rows, each section's subtotal after its rows, the total last (the order the rules check in). */
export function allRows(table: DistrictTableModel): TableRowModel[] {
    const rows: TableRowModel[] = [];
    for (const s of table.sections) {
        rows.push(...s.rows);
        if (s.subtotal) rows.push(s.subtotal);
    }
    if (table.total) rows.push(table.total);
    return rows;
}

function cellOf(y: YearCellsModel | undefined, m: Measure): CellModel | undefined {
    return y?.cells.find(c => c.measure === m);
}

/** A count cell printed but not usable in a computation (misstyled, malformed, not whole, negative). */
function unreadableCount(y: YearCellsModel, m: Measure, columns: Columns): CellModel | undefined {
    const c = cellOf(y, m);
    if (!c?.number || !isCountColumn(columns[m])) return undefined;
    const v = c.number.value;
    return v === undefined || !Number.isInteger(v) || v < 0 ? c : undefined;
}

/** A printed rate equals its count over its base, rounded to the printed decimals (each bound of a range too). */
export const rateMatchesCounts: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const columns = table.columnsById;
        for (const row of allRows(table)) ctx.eachRow('rateMatchesCounts', row, () => {
            for (const y of row.years) {
                const values = rowValues(row, y.year, columns);
                for (const cell of y.cells) {
                    const column = columns[cell.measure];
                    if (column?.definition?.kind !== 'rate') continue;
                    const { count, base } = column.definition;
                    if (cell.bounds) {
                        checkRateBounds(ctx, row, y, cell, count, base, table);
                        continue;
                    }
                    const n = cell.number;
                    if (n?.value === undefined) continue;
                    const rate = computeRate(values, column);
                    if (!rate) {
                        const blocked = unreadableCount(y, count, columns) ?? unreadableCount(y, base, columns);
                        if (blocked) {
                            ctx.report('unchecked-rate', n.range, {
                                printed: n.printed, label: row.label, year: y.year, measure: ctx.measure(blocked.measure, table), cell: blocked.printed
                            });
                        }
                        continue;
                    }
                    const { numerator, households, exact } = rate;
                    if (matchesRounded(n.value, n.decimals, exact, ctx.options.rateTolerance)) continue;
                    // Right for the value its count or base should have (a sum's parts, a total's rows):
                    // the wrong figure is that count, reported on its own.
                    const counts = [numerator, ...shouldBe(table, row, y, count, values)];
                    const bases = [households, ...shouldBe(table, row, y, base, values)];
                    if (counts.some(c => bases.some(b => b > 0 && matchesRounded(n.value!, n.decimals, c / b * 100, ctx.options.rateTolerance)))) continue;
                    const replacement = ctx.fmtIn(table, cell.measure, exact, n.decimals);
                    const finding = ctx.report('rate-mismatch', n.range, {
                        printed: n.printed, numerator: ctx.fmt(numerator), denominator: ctx.fmt(households),
                        computed: ctx.fmtUpTo(exact), label: row.label, year: y.year
                    }, { replacement });
                    finding.related = ratePlaces(ctx, table, y, count, base);
                }
            }
        });
    }
};

/**
 * Where errors already stand (line:character of their start), so that a later rule gives a wrong
 * figure no second finding. Made once per rule run, not searched per cell: the validator runs on
 * every keystroke.
 */
function errorStarts(ctx: RuleContext): Set<string> {
    return new Set(ctx.findings.filter(f => f.severity === 'error').map(f => `${f.range.start.line}:${f.range.start.character}`));
}

/** A rate's count and base cells, where the row prints them. */
function ratePlaces(ctx: RuleContext, table: DistrictTableModel, y: YearCellsModel, count: Measure, base: Measure): RelatedPlace[] {
    const places: RelatedPlace[] = [];
    const countCell = cellOf(y, count), baseCell = cellOf(y, base);
    if (countCell?.number) places.push(ctx.place(countCell.range, FINDING_WORDS.relatedCount, { measure: ctx.measure(count, table), value: countCell.number.printed }));
    if (baseCell?.number) places.push(ctx.place(baseCell.range, FINDING_WORDS.relatedBase, { measure: ctx.measure(base, table), value: baseCell.number.printed }));
    return places;
}

/** The values a count should have besides the printed one: the sum of its parts, the sum of a total's rows. */
function shouldBe(table: DistrictTableModel, row: TableRowModel, y: YearCellsModel, m: Measure, values: YearValues): number[] {
    const out: number[] = [];
    const d = table.columnsById[m]?.definition;
    if (d?.kind === 'sum') {
        const parts = d.parts.map(p => values[p]);
        if (parts.every(p => p !== undefined)) out.push(parts.reduce((a, b) => a! + b!, 0)!);
    }
    if (row.kind !== 'row') {
        const sums = row.kind === 'total' ? table.expectedTotal : table.sections.find(s => s.subtotal === row)?.sums;
        const sum = sums?.values[y.year]?.[m];
        if (sum !== undefined) out.push(sum);
    }
    return out;
}

/**
 * A range of rates against a range of counts over a printed base: bound by bound, one finding at the
 * first bound that differs, whose replacement is the range with every differing bound computed.
 */
function checkRateBounds(ctx: RuleContext, row: TableRowModel, y: YearCellsModel, cell: CellModel, count: Measure, base: Measure, table: DistrictTableModel): void {
    const countCell = cellOf(y, count);
    const baseValue = cellOf(y, base)?.number?.value;
    if (!countCell?.bounds || !baseValue || !Number.isInteger(baseValue)) return;
    const computed = cell.bounds!.map((rate, i) => {
        const numerator = countCell.bounds![i].value;
        if (rate.value === undefined || numerator === undefined) return undefined;
        const exact = numerator / baseValue * 100;
        return matchesRounded(rate.value, rate.decimals, exact, ctx.options.rateTolerance) ? undefined : { rate, numerator, exact };
    });
    const first = computed.find(c => c !== undefined);
    if (!first) return;
    const replacement = cell.bounds!.map((b, i) => (computed[i] ? ctx.fmtIn(table, cell.measure, computed[i].exact, b.decimals) : b.printed)).join('..');
    ctx.report('rate-mismatch', cell.range, {
        printed: first.rate.printed, numerator: ctx.fmt(first.numerator), denominator: ctx.fmt(baseValue),
        computed: ctx.fmtUpTo(first.exact), label: row.label, year: y.year
    }, { replacement });
}

/**
 * Rates over a base the table does not print: each rate and its count imply the base within the
 * rate's rounding; all of them must allow one whole number. Ranges give a pair per bound.
 */
export const impliedDenominators: Rule = ctx => {
    let reported: Set<string> | undefined;
    for (const table of ctx.model.tables) {
        const columns = table.columnsById;
        const byBase = new Map<Measure, ColumnModel[]>();
        for (const m of table.columns) {
            const d = columns[m]?.definition;
            if (d?.kind !== 'rate' || table.columns.includes(d.base)) continue;
            byBase.set(d.base, [...(byBase.get(d.base) ?? []), columns[m]]);
        }
        if (byBase.size === 0) continue;
        for (const row of allRows(table)) ctx.eachRow('impliedDenominators', row, () => {
            for (const y of row.years) {
                const values = rowValues(row, y.year, columns);
                for (const [base, rates] of byBase) {
                    let low = 0, high = Infinity;
                    let first: string | undefined;
                    let firstRange = '';
                    for (const rate of rates) {
                        const d = rate.definition as { count: Measure };
                        const rateCell = cellOf(y, rate.id);
                        const countCell = cellOf(y, d.count);
                        if (!rateCell) continue;
                        const start = rateCell.range.start;
                        if ((reported ??= errorStarts(ctx)).has(`${start.line}:${start.character}`)) continue;
                        const pairs: { count?: number; rate?: number; decimals: number; printed: string }[] = [];
                        if (rateCell.bounds && countCell?.bounds) {
                            for (let i = 0; i < 2; i++) pairs.push({ count: countCell.bounds[i].value, rate: rateCell.bounds[i].value, decimals: rateCell.bounds[i].decimals, printed: rateCell.bounds[i].printed });
                        } else if (rateCell.number) {
                            pairs.push({ count: values[d.count], rate: rateCell.number.value, decimals: rateCell.number.decimals, printed: rateCell.number.printed });
                        }
                        for (const p of pairs) {
                            if (p.count === undefined || p.rate === undefined) continue;
                            const implied = impliedDenominator(p.count, p.rate, p.decimals);
                            if (!implied) continue;
                            const describe = `${ctx.measure(rate.id, table)} ${p.printed}% (${ctx.fmt(p.count)})`;
                            const span = `${ctx.fmt(Math.ceil(implied.low))}–${ctx.fmt(Math.floor(implied.high))}`;
                            const nextLow = Math.max(low, implied.low), nextHigh = Math.min(high, implied.high);
                            if (first !== undefined && Math.ceil(nextLow - 1e-9) > Math.floor(nextHigh + 1e-9)) {
                                ctx.report('implied-denominator', rateCell.range, {
                                    label: row.label, year: y.year, base: ctx.measure(base, table),
                                    first, firstRange, second: describe, secondRange: span
                                });
                                break;
                            }
                            low = nextLow; high = nextHigh;
                            if (first === undefined) { first = describe; firstRange = span; }
                        }
                    }
                }
            }
        });
    }
};

/** The sum of a count's parts, and the rate of a sum against the rates of its parts (within rounding). */
export const sumsMatchParts: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const columns = table.columnsById;
        const sums = Object.values(columns).filter(c => c.definition?.kind === 'sum');
        if (sums.length === 0) continue;
        for (const row of allRows(table)) ctx.eachRow('sumsMatchParts', row, () => {
            for (const y of row.years) {
                for (const sum of sums) {
                    const parts = (sum.definition as { parts: Measure[] }).parts;
                    const cell = cellOf(y, sum.id);
                    const partsText = parts.map(p => ctx.measure(p, table)).join(' + ');
                    if (isCountColumn(sum)) {
                        // The count itself, when printed.
                        const n = cell?.number;
                        const known = parts.map(p => cellOf(y, p)?.number?.value);
                        if (n?.value !== undefined && Number.isInteger(n.value) && known.every(v => v !== undefined && Number.isInteger(v) && v >= 0)) {
                            const total = known.reduce((a, b) => a! + b!, 0)!;
                            if (total !== n.value) {
                                ctx.report('sum-mismatch', n.range, {
                                    label: row.label, year: y.year, measure: ctx.measure(sum.id, table), printed: n.printed,
                                    parts: partsText, sum: ctx.fmt(total), diff: ctx.fmt(n.value - total)
                                }, { replacement: ctx.fmtIn(table, sum.id, total) });
                            }
                        }
                        checkSumOfRates(ctx, table, row, y, sum, parts);
                    } else if (isRateColumn(sum)) {
                        checkRateSum(ctx, table, row, y, cell, sum, parts);
                    }
                }
            }
        });
    }
};

/** The rates over one base of a sum and of its parts: rate(sum) = Σ rate(part) within rounding. */
function checkSumOfRates(ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, y: YearCellsModel, sum: ColumnModel, parts: Measure[]): void {
    const rateOf = (count: Measure, base?: Measure) => table.columns
        .map(m => table.columnsById[m])
        .find(c => c?.definition?.kind === 'rate' && c.definition.count === count && (base === undefined || c.definition.base === base));
    const sumRate = rateOf(sum.id);
    if (!sumRate || sumRate.definition?.kind !== 'rate') return;
    const base = sumRate.definition.base;
    // With the base printed, each rate is checked against its count directly (rateMatchesCounts).
    if (table.columns.includes(base)) return;
    const partRates = parts.map(p => rateOf(p, base));
    if (partRates.some(r => r === undefined)) return;
    checkRateSum(ctx, table, row, y, cellOf(y, sumRate.id), sumRate, partRates.map(r => r!.id));
}

function checkRateSum(ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, y: YearCellsModel, cell: CellModel | undefined, sum: ColumnModel, parts: Measure[]): void {
    const n = cell?.number;
    if (n?.value === undefined) return;
    const printed = parts.map(p => cellOf(y, p)?.number);
    if (printed.some(p => p?.value === undefined)) return;
    const total = printed.reduce((a, p) => a + p!.value!, 0);
    const tolerance = halfUnit(n.decimals) + printed.reduce((a, p) => a + halfUnit(p!.decimals), 0);
    if (Math.abs(total - n.value) <= tolerance + 1e-9) return;
    ctx.report('sum-rate-mismatch', n.range, {
        label: row.label, year: y.year, measure: ctx.measure(sum.id, table), printed: n.printed,
        parts: printed.map(p => p!.printed).join(' + '), sum: ctx.fmtUpTo(total), tolerance: ctx.fmtUpTo(tolerance)
    });
}

/** A flow column: this year = the year before ± the year's flows. */
export const flowsAcrossYears: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const columns = table.columnsById;
        const flows = table.columns.map(m => columns[m]).filter(c => c?.definition?.kind === 'flow');
        if (flows.length === 0) continue;
        for (const row of allRows(table)) ctx.eachRow('flowsAcrossYears', row, () => {
            // What a wrong figure should have been: the next year may follow from either, and is not
            // reported again for following the right one.
            const shouldHaveBeen = new Map<string, number>();
            for (const y of [...row.years].sort((a, b) => a.year - b.year)) {
                const before = row.years.find(p => p.year === y.year - 1);
                if (!before) continue;
                const now = rowValues(row, y.year, columns);
                const last = rowValues(row, y.year - 1, columns);
                for (const flow of flows) {
                    const terms = (flow.definition as { terms: { sign: 1 | -1; column: Measure }[] }).terms;
                    const n = cellOf(y, flow.id)?.number;
                    const previous = last[flow.id];
                    if (n?.value === undefined || !Number.isInteger(n.value) || previous === undefined) continue;
                    const moves = terms.map(t => now[t.column]);
                    if (moves.some(v => v === undefined)) continue;
                    const move = terms.reduce((a, t, i) => a + t.sign * moves[i]!, 0);
                    const computed = previous + move;
                    const corrected = shouldHaveBeen.get(`${flow.id}@${y.year - 1}`);
                    if (computed === n.value || (corrected !== undefined && corrected + move === n.value)) continue;
                    shouldHaveBeen.set(`${flow.id}@${y.year}`, corrected !== undefined ? corrected + move : computed);
                    ctx.report('flow-mismatch', n.range, {
                        label: row.label, year: y.year, measure: ctx.measure(flow.id, table), printed: n.printed,
                        previous: ctx.fmt(previous),
                        terms: terms.map((t, i) => ` ${t.sign < 0 ? '−' : '+'} ${ctx.measure(t.column, table)} ${ctx.fmt(moves[i]!)}`).join(''),
                        computed: ctx.fmt(computed), diff: ctx.fmt(n.value - computed)
                    }, { replacement: ctx.fmtIn(table, flow.id, computed) });
                }
            }
        });
    }
};

function checkSum(ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, expected: TableSums): void {
    for (const y of row.years) {
        const sums = expected.values[y.year];
        for (const cell of y.cells) {
            if (!isCountColumn(table.columnsById[cell.measure])) continue; // rates: rateMatchesCounts
            if (cell.bounds) {
                cell.bounds.forEach((b, i) => {
                    const sum = sums?.[i === 0 ? lowKey(cell.measure) : highKey(cell.measure)];
                    if (b.value === undefined || sum === undefined || Math.abs(sum - b.value) < 1e-9) return;
                    ctx.report('range-total-mismatch', cell.range, {
                        label: row.label, year: y.year, measure: ctx.measure(cell.measure, table),
                        bound: ctx.say(i === 0 ? FINDING_WORDS.lowerBound : FINDING_WORDS.upperBound),
                        printed: b.printed, sum: ctx.fmt(sum), diff: ctx.fmt(b.value - sum)
                    });
                });
                continue;
            }
            const n = cell.number;
            if (n?.value === undefined) continue;
            if (!Number.isInteger(n.value) || n.value < 0) continue; // reported by cellValues
            const sum = sums?.[cell.measure];
            if (sum === undefined) {
                const blocking = expected.unreadable[y.year]?.[cell.measure];
                // A note in a row: said by notesInChecks (rules/notes.ts).
                if (blocking && !blocking.note) {
                    ctx.report('unchecked-total', n.range, {
                        label: row.label, year: y.year, measure: ctx.measure(cell.measure, table),
                        cell: blocking.printed, line: blocking.range.start.line + 1
                    });
                }
                continue;
            }
            if (Math.abs(sum - n.value) < 1e-9) continue;
            const duplicated = expected.duplicates[y.year]?.[cell.measure];
            if (duplicated !== undefined && Math.abs(sum + duplicated - n.value) < 1e-9) continue;
            // A sum column whose total equals the total's own parts: the rows that disagree with their
            // parts are reported there (sum-mismatch), not again here.
            const d = table.columnsById[cell.measure]?.definition;
            if (d?.kind === 'sum') {
                const own = rowValues(row, y.year, table.columnsById);
                const parts = d.parts.map(p => own[p]);
                if (parts.every(p => p !== undefined) && Math.abs(parts.reduce((a, b) => a! + b!, 0)! - n.value) < 1e-9) continue;
            }
            ctx.report('total-mismatch', n.range, {
                label: row.label, year: y.year, measure: ctx.measure(cell.measure, table),
                printed: n.printed, sum: ctx.fmt(sum), diff: ctx.fmt(n.value - sum)
            }, { replacement: ctx.fmtIn(table, cell.measure, sum) });
        }
    }
}

export const totalsMatchRows: Rule = ctx => {
    for (const table of ctx.model.tables) {
        for (const section of table.sections) {
            if (section.subtotal) checkSum(ctx, table, section.subtotal, section.sums);
        }
        if (table.total) checkSum(ctx, table, table.total, table.expectedTotal);
    }
};

const PREDECLARED_PARTS: [Measure, keyof typeof FINDING_WORDS][] = [['poor', 'poor'], ['near-poor', 'nearPoor'], ['multidim', 'poorAndNearPoor']];

/** A rate's count does not exceed its base (poor, near-poor and their sum within the households). */
export const partsWithinTotal: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const columns = table.columnsById;
        // Declared rates over another base than the households: each count within its base.
        const declared = Object.values(columns).filter(c => c.definition?.kind === 'rate' && !c.predeclared
            && !(c.definition.base === 'households' && PREDECLARED_PARTS.some(([m]) => m === (c.definition as { count: Measure }).count)));
        for (const row of allRows(table)) ctx.eachRow('partsWithinTotal', row, () => {
            for (const y of row.years) {
                const v = rowValues(row, y.year, columns);
                if (v.households !== undefined && columns.households?.predeclared) {
                    for (const [measure, words] of PREDECLARED_PARTS) {
                        const value = v[measure];
                        if (value === undefined || value <= v.households) continue;
                        const cell = cellOf(y, measure) ?? cellOf(y, 'near-poor') ?? y.cells[0];
                        ctx.report('poor-exceeds-total', cell?.range ?? y.range, {
                            part: ctx.say(FINDING_WORDS[words]), value: ctx.fmt(value), total: ctx.fmt(v.households), label: row.label, year: y.year
                        });
                        break;
                    }
                }
                for (const rate of declared) {
                    const { count, base } = rate.definition as { count: Measure; base: Measure };
                    const value = v[count], total = v[base];
                    if (value === undefined || total === undefined || value <= total) continue;
                    const cell = cellOf(y, count) ?? cellOf(y, rate.id) ?? y.cells[0];
                    ctx.report('part-exceeds-base', cell?.range ?? y.range, {
                        part: ctx.measure(count, table), value: ctx.fmt(value), base: ctx.measure(base, table), total: ctx.fmt(total), label: row.label, year: y.year
                    });
                }
            }
        });
    }
};

/** Ranges stand only in tables of targets, low to high; columns are known. */
export const tableColumns: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const known = Object.keys(table.columnsById).join(', ');
        for (const u of table.unknownColumns) ctx.report('unknown-column', u.range, { id: u.id, known });
        for (const row of allRows(table)) ctx.eachRow('tableColumns', row, () => {
            for (const y of row.years) {
                for (const cell of y.cells) {
                    if (!cell.bounds) continue;
                    if (!table.targets) ctx.report('range-outside-targets', cell.range, { printed: cell.printed });
                    const [low, high] = cell.bounds;
                    if (low.value !== undefined && high.value !== undefined && low.value > high.value) ctx.report('range-reversed', cell.range, { printed: cell.printed });
                }
            }
        });
    }
};

const COMPARE: Record<TableCheckModel['op'], (a: number, b: number) => boolean> = {
    '<=': (a, b) => a <= b + 1e-9, '<': (a, b) => a < b - 1e-9, '=': (a, b) => Math.abs(a - b) <= 1e-9,
    '>=': (a, b) => a >= b - 1e-9, '>': (a, b) => a > b + 1e-9, '!=': (a, b) => Math.abs(a - b) > 1e-9
};

/** The table's own checks: left side, comparison, right side, over the rows and years named. */
export const tableChecks: Rule = ctx => {
    for (const table of ctx.model.tables) {
        if (table.checks.length === 0) continue;
        const columns = table.columnsById;
        const rows = allRows(table);
        for (const [checkIndex, check] of table.checks.entries()) {
            const years = check.years ?? table.years.map(y => y.year);
            for (const row of rows) ctx.eachRow('tableChecks', row, () => {
                if (check.rows === 'units' && row.kind !== 'row') return;
                if (check.rows === 'totals' && row.kind === 'row') return;
                const valuesOf = new Map<number, YearValues>();
                const values = (year: number) => valuesOf.get(year) ?? valuesOf.set(year, rowValues(row, year, columns)).get(year)!;
                for (const year of years) {
                    const line = row.years.find(y => y.year === year);
                    if (!line) continue;
                    const side = (terms: TableCheckModel['left']) => {
                        let total = 0;
                        for (const t of terms) {
                            const v = t.value ?? (t.column !== undefined ? values(t.previous ? year - 1 : t.year ?? year)[t.column] : undefined);
                            if (v === undefined) return undefined;
                            total += t.sign * v;
                        }
                        return total;
                    };
                    const left = side(check.left), right = side(check.right);
                    if (left === undefined || right === undefined || COMPARE[check.op](left, right)) continue;
                    const firstColumn = check.left.find(t => t.column !== undefined)?.column;
                    const at = (firstColumn ? cellOf(line, firstColumn) : undefined)?.range ?? line.range;
                    const message = ctx.locale === 'en' && check.messageEn ? check.messageEn : check.message;
                    ctx.report('table-check', at, {
                        message, label: row.label, year, left: ctx.fmtUpTo(left), op: check.op, right: ctx.fmtUpTo(right)
                    }, { check: check.id }, check.severity);
                }
            }, checkIndex);
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
        for (const row of allRows(table)) ctx.eachRow('tableShape', row, () => {
            const seen = new Map<number, YearCellsModel>();
            for (const y of row.years) {
                if (Number.isNaN(y.year)) continue;
                const first = seen.get(y.year);
                if (first) {
                    ctx.report('duplicate-year', y.yearRange, { year: y.year, where: ctx.say(FINDING_WORDS.inRow, { label: row.label }) })
                        .related = [ctx.place(first.yearRange, FINDING_WORDS.relatedFirstYear, { year: y.year })];
                } else seen.set(y.year, y);
                if (!declared.has(y.year)) ctx.report('undeclared-table-year', y.yearRange, { year: y.year, years: yearList });
                // A note spanning cells counts as its span.
                const found = y.found ?? y.cells.length + y.extra.length;
                if (found !== table.columns.length) {
                    // A line short of cells can be padded with blanks ("-") at its end: the fix states
                    // that the figures are not given, where the line says nothing of them.
                    const missing = table.columns.length - found;
                    ctx.report('cell-count', y.extra[0] ?? y.range, {
                        year: y.year, found, expected: table.columns.length, columns: table.columns.map(c => ctx.measure(c, table)).join(', ')
                    }, missing > 0 ? { year: y.year, missing, at: y.range.end, table: table.id } : undefined);
                }
            }
            const missing = table.years.filter(y => !seen.has(y.year)).map(y => y.year);
            for (const year of missing) {
                ctx.report('missing-district-year', row.range, { label: row.label, year }, {
                    year, columns: table.columns.length, insertAfterLine: row.years.at(-1)?.range.end.line ?? row.range.start.line
                });
            }
        });
        // A total written twice: the first one counts; the other is read by no check, so it is said.
        for (const x of table.extraTotals) {
            ctx.report('second-total', x.labelRange, {
                kind: x.section ? 'section' : 'table', section: x.section?.label ?? '', first: x.first.label, line: x.first.range.start.line + 1, label: x.row.label
            }).related = [ctx.place(x.first.range, FINDING_WORDS.relatedFirstTotal, { label: x.first.label })];
        }
        for (const section of table.sections) {
            const seenDistricts = new Map<string, TableRowModel>();
            for (const row of section.rows) {
                if (!row.district) continue;
                const first = seenDistricts.get(row.district.id);
                if (first?.district) {
                    ctx.report('duplicate-row', row.district.range, { label: row.label })
                        .related = [ctx.place(first.district.range, FINDING_WORDS.relatedFirstRow, { label: first.label })];
                } else seenDistricts.set(row.district.id, row);
            }
        }
    }
};
