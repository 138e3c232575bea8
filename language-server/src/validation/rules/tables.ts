// Table rules. Every relation checked here follows from the table's declarations (model/types.ts):
// a rate column (`rate-of count per base`) against its count and base, or against the other rates of
// its base when the base is not printed (implied denominators); a sum column against its parts, and
// the rates of a sum against the rates of its parts; a flow column against the year before; totals
// and subtotals of every count column (and of both bounds of ranges); a table's own `check`s. Also:
// cells fit columns, every unit has every year once, ranges stand only in tables of targets.
import { matchesRounded } from '../../../../common/numbers.js';
import { computeRate, halfUnit, highKey, lowKey, rowValues, type Columns } from '../../model/arithmetic.js';
import { comparedGroup, groupOf, lineIn, previousGroup, yearLabel, yearTag } from '../../model/series.js';
import {
    isCountColumn, isRateColumn, yearKey,
    type CellModel, type ColumnModel, type DistrictTableModel, type Measure, type PrintedNumber, type TableCheckModel, type TableRowModel, type TableSums,
    type YearCellsModel, type YearKey, type YearValues
} from '../../model/types.js';
import type { RelatedPlace, Rule, RuleContext } from '../rule.js';
import { FINDING_WORDS } from '../../../../common/words/rules.js';
import { correctionKey, countCorrections } from './implied-base.js';
import { FIGURE_WORDS } from '../../../../common/words/figures.js';
import { proposedReading, sumAsProposed, type ProposedReading } from '../../model/readings.js';

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
                const values = rowValues(row, yearKey(y), columns);
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
                        // Checked as the fixes of its unreadable count or base propose, saying so.
                        if (blocked && checkRateAsProposed(ctx, table, row, y, n, column, values)) continue;
                        if (blocked) {
                            ctx.report('unchecked-rate', n.range, {
                                printed: n.printed, label: row.label, year: yearLabel(table, y, ctx.model.standards), measure: ctx.measure(blocked.measure, table), cell: blocked.printed
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
                        computed: ctx.fmtUpTo(exact), label: row.label, year: yearLabel(table, y, ctx.model.standards)
                    }, { replacement });
                    finding.related = ratePlaces(ctx, table, y, count, base);
                }
            }
        });
    }
};

/**
 * A rate whose count or base cannot be read, checked under the readings their fixes propose
 * (model/readings.ts); false when a part has no such reading (the rate is then unchecked, said so).
 */
function checkRateAsProposed(
    ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, y: YearCellsModel, n: PrintedNumber, column: ColumnModel, values: YearValues
): boolean {
    const d = column.definition as { count: Measure; base: Measure };
    const patched = { ...values };
    const readings: ProposedReading[] = [];
    for (const m of [d.count, d.base]) {
        if (patched[m] !== undefined) continue;
        const cell = cellOf(y, m);
        const reading = cell && proposedReading(cell, table.columnsById[m], ctx.model.numberStyle);
        if (!reading) return false;
        patched[m] = reading.value;
        readings.push(reading);
    }
    const rate = computeRate(patched, column);
    if (!rate || n.value === undefined) return false;
    if (matchesRounded(n.value, n.decimals, rate.exact, ctx.options.rateTolerance)) return true;
    const replacement = ctx.fmt(rate.exact, n.decimals);
    ctx.report('rate-mismatch', n.range, {
        printed: n.printed, numerator: ctx.fmt(rate.numerator), denominator: ctx.fmt(rate.households),
        computed: ctx.fmtUpTo(rate.exact), label: row.label, year: y.year, reading: readingWords(ctx, readings)
    }, { replacement }).related = ratePlaces(ctx, table, y, d.count, d.base);
    return true;
}

/** "đọc 29,822 là 29.822 như cách sửa đề xuất", for each reading, joined. */
export function readingWords(ctx: RuleContext, readings: ProposedReading[]): string {
    return readings.map(r => ctx.say(FIGURE_WORDS.readingAsFixed, { printed: r.cell.printed, reading: r.printed })).join('; ');
}

/**
 * Where errors already stand (line:character of their start), so that a later rule gives a wrong
 * figure no second finding. Made once per rule run, not searched per cell: the validator runs on
 * every keystroke.
 */
export function errorStarts(ctx: RuleContext): Set<string> {
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
        const sum = sums?.values[yearKey(y)]?.[m];
        if (sum !== undefined) out.push(sum);
    }
    // The start of a year: the end of the year before (start-of-year-mismatch reports a start that is not).
    const group = y.phase || y.key !== undefined ? groupOf(table, y) : undefined;
    const before = group?.phase === 'start' ? previousGroup(table, group).group : undefined;
    const end = before ? lineIn(row, yearKey(before))?.cells.find(c => c.measure === m)?.number?.value : undefined;
    if (end !== undefined) out.push(end);
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
                                    label: row.label, year: yearLabel(table, y, ctx.model.standards), measure: ctx.measure(sum.id, table), printed: n.printed,
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
        label: row.label, year: yearLabel(table, y, ctx.model.standards), measure: ctx.measure(sum.id, table), printed: n.printed,
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
            for (const y of [...row.years].sort((a, b) => a.year - b.year || Number(a.phase === 'end') - Number(b.phase === 'end'))) {
                // The line before in the row's series: the year before, or the start of the line's year
                // (model/series.ts); never across a change of standard (rules/years-printed-twice.ts says so).
                const group = groupOf(table, y);
                const beforeKey = group ? previousGroup(table, group).group : undefined;
                const before = beforeKey ? lineIn(row, yearKey(beforeKey)) : undefined;
                if (!before) continue;
                const now = rowValues(row, yearKey(y), columns);
                const last = rowValues(row, yearKey(before), columns);
                // A start that is not the end of the year before is the wrong figure (start-of-year-mismatch):
                // an end that follows from that end by the flows is right.
                const startGroup = beforeKey?.phase === 'start' ? previousGroup(table, beforeKey).group : undefined;
                const endBefore = startGroup ? rowValues(row, yearKey(startGroup), columns) : undefined;
                for (const flow of flows) {
                    const terms = (flow.definition as { terms: { sign: 1 | -1; column: Measure }[] }).terms;
                    const n = cellOf(y, flow.id)?.number;
                    const previous = last[flow.id];
                    if (n?.value === undefined || !Number.isInteger(n.value) || previous === undefined) continue;
                    const moves = terms.map(t => now[t.column]);
                    if (moves.some(v => v === undefined)) continue;
                    const move = terms.reduce((a, t, i) => a + t.sign * moves[i]!, 0);
                    const computed = previous + move;
                    const corrected = shouldHaveBeen.get(`${flow.id}@${yearKey(before)}`) ?? endBefore?.[flow.id];
                    if (computed === n.value || (corrected !== undefined && corrected + move === n.value)) continue;
                    shouldHaveBeen.set(`${flow.id}@${yearKey(y)}`, corrected !== undefined ? corrected + move : computed);
                    ctx.report('flow-mismatch', n.range, {
                        label: row.label, year: yearLabel(table, y, ctx.model.standards), measure: ctx.measure(flow.id, table), printed: n.printed,
                        previous: ctx.fmt(previous),
                        terms: terms.map((t, i) => ` ${t.sign < 0 ? '−' : '+'} ${ctx.measure(t.column, table)} ${ctx.fmt(moves[i]!)}`).join(''),
                        computed: ctx.fmt(computed), diff: ctx.fmt(n.value - computed)
                    }, { replacement: ctx.fmtIn(table, flow.id, computed) });
                }
            }
        });
    }
};

function checkSum(ctx: RuleContext, table: DistrictTableModel, row: TableRowModel, expected: TableSums, corrections?: Map<string, number>): void {
    for (const y of row.years) {
        const sums = expected.values[yearKey(y)];
        for (const cell of y.cells) {
            if (!isCountColumn(table.columnsById[cell.measure])) continue; // rates: rateMatchesCounts
            if (cell.bounds) {
                cell.bounds.forEach((b, i) => {
                    const sum = sums?.[i === 0 ? lowKey(cell.measure) : highKey(cell.measure)];
                    if (b.value === undefined || sum === undefined || Math.abs(sum - b.value) < 1e-9) return;
                    ctx.report('range-total-mismatch', cell.range, {
                        label: row.label, year: yearLabel(table, y, ctx.model.standards), measure: ctx.measure(cell.measure, table),
                        bound: ctx.say(i === 0 ? FINDING_WORDS.lowerBound : FINDING_WORDS.upperBound),
                        printed: b.printed, sum: ctx.fmt(sum), diff: ctx.fmt(b.value - sum)
                    });
                });
                continue;
            }
            const printedNumber = cell.number;
            if (!printedNumber) continue;
            // A total cell that cannot be read is itself reported (cellValues, numberStyle); it is checked as its fix reads it.
            const own = proposedReading(cell, table.columnsById[cell.measure], ctx.model.numberStyle);
            const n = own ? { ...numberFields(printedNumber), value: own.value } : printedNumber;
            if (n.value === undefined) continue;
            if (!Number.isInteger(n.value) || n.value < 0) continue; // reported by cellValues
            const sum = sums?.[cell.measure];
            if (sum === undefined || own) {
                const blocking = expected.unreadable[y.year]?.[cell.measure];
                // A note in a row: said by notesInChecks (rules/notes.ts).
                if (blocking?.note) continue;
                if (blocking || own) {
                    const proposed = sumAsProposed(rowsSummedInto(table, row), cell.measure, y.year, table.columnsById, ctx.model.numberStyle);
                    if (proposed) {
                        const readings = own ? [own, ...proposed.readings] : proposed.readings;
                        if (Math.abs(proposed.sum - n.value) < 1e-9) continue;
                        ctx.report('total-mismatch', n.range, {
                            label: row.label, year: y.year, measure: ctx.measure(cell.measure, table), printed: n.printed,
                            sum: ctx.fmt(proposed.sum), diff: ctx.fmt(n.value - proposed.sum), reading: readingWords(ctx, readings)
                        }, { replacement: ctx.fmt(proposed.sum) });
                        continue;
                    }
                }
                if (blocking) {
                    ctx.report('unchecked-total', n.range, {
                        label: row.label, year: yearLabel(table, y, ctx.model.standards), measure: ctx.measure(cell.measure, table),
                        cell: blocking.printed, line: blocking.range.start.line + 1
                    });
                }
                continue;
            }
            if (Math.abs(sum - n.value) < 1e-9) continue;
            const duplicated = expected.duplicates[yearKey(y)]?.[cell.measure];
            if (duplicated !== undefined && Math.abs(sum + duplicated - n.value) < 1e-9) continue;
            // A sum column whose total equals the total's own parts: the rows that disagree with their
            // parts are reported there (sum-mismatch), not again here.
            // A row's count that implied-denominator found wrong, with what it should be: the total is right by it.
            const corrected = corrections?.get(correctionKey(table.id, cell.measure, y.year));
            if (corrected !== undefined && Math.abs(sum + corrected - n.value) < 1e-9) continue;
            const d = table.columnsById[cell.measure]?.definition;
            if (d?.kind === 'sum') {
                const own = rowValues(row, yearKey(y), table.columnsById);
                const parts = d.parts.map(p => own[p]);
                if (parts.every(p => p !== undefined) && Math.abs(parts.reduce((a, b) => a! + b!, 0)! - n.value) < 1e-9) continue;
            }
            ctx.report('total-mismatch', n.range, {
                label: row.label, year: yearLabel(table, y, ctx.model.standards), measure: ctx.measure(cell.measure, table),
                printed: n.printed, sum: ctx.fmt(sum), diff: ctx.fmt(n.value - sum)
            }, { replacement: ctx.fmtIn(table, cell.measure, sum) });
        }
    }
}

/** The rows a total or subtotal adds up (a section printing only its subtotal counts by it, as expectedTotal). */
function rowsSummedInto(table: DistrictTableModel, row: TableRowModel): TableRowModel[] {
    if (row !== table.total) return table.sections.find(s => s.subtotal === row)?.rows ?? [];
    return table.sections.flatMap(s => (s.rows.length === 0 && s.subtotal ? [s.subtotal] : s.rows));
}

/** A printed number's fields, copied (its range is a getter on the cell). */
function numberFields(n: PrintedNumber): PrintedNumber {
    return { printed: n.printed, value: n.value, decimals: n.decimals, range: n.range };
}

export const totalsMatchRows: Rule = ctx => {
    let corrections: Map<string, number> | undefined;
    for (const table of ctx.model.tables) {
        for (const section of table.sections) {
            if (section.subtotal) checkSum(ctx, table, section.subtotal, section.sums);
        }
        if (table.total) checkSum(ctx, table, table.total, table.expectedTotal, corrections ??= countCorrections(ctx));
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
                const v = rowValues(row, yearKey(y), columns);
                if (v.households !== undefined && columns.households?.predeclared) {
                    for (const [measure, words] of PREDECLARED_PARTS) {
                        const value = v[measure];
                        if (value === undefined || value <= v.households) continue;
                        const cell = cellOf(y, measure) ?? cellOf(y, 'near-poor') ?? y.cells[0];
                        ctx.report('poor-exceeds-total', cell?.range ?? y.range, {
                            part: ctx.say(FINDING_WORDS[words]), value: ctx.fmt(value), total: ctx.fmt(v.households), label: row.label, year: yearLabel(table, y, ctx.model.standards)
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
                        part: ctx.measure(count, table), value: ctx.fmt(value), base: ctx.measure(base, table), total: ctx.fmt(total), label: row.label, year: yearLabel(table, y, ctx.model.standards)
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
            // Each year group of the years named (a year printed twice is checked in each of its groups);
            // `previous` and a given year are the groups of the same standard (model/series.ts).
            const groups = table.years.filter(g => (check.years ?? table.years.map(y => y.year)).includes(g.year));
            for (const row of rows) ctx.eachRow('tableChecks', row, () => {
                if (check.rows === 'units' && row.kind !== 'row') return;
                if (check.rows === 'totals' && row.kind === 'row') return;
                const valuesOf = new Map<YearKey, YearValues>();
                const values = (key: YearKey | undefined) => key === undefined ? {} : valuesOf.get(key) ?? valuesOf.set(key, rowValues(row, key, columns)).get(key)!;
                for (const group of groups) {
                    const year = group.year;
                    const line = lineIn(row, yearKey(group));
                    if (!line) continue;
                    const keyOf = (t: TableCheckModel['left'][number]): YearKey | undefined => {
                        if (t.previous) { const g = previousGroup(table, group).group; return g && yearKey(g); }
                        if (t.year === undefined || t.year === year) return yearKey(group);
                        const g = comparedGroup(table, group, t.year, undefined).group;
                        return g && yearKey(g);
                    };
                    const side = (terms: TableCheckModel['left']) => {
                        let total = 0;
                        for (const t of terms) {
                            const v = t.value ?? (t.column !== undefined ? values(keyOf(t))[t.column] : undefined);
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
        // By key: a year printed twice (its start and end, or under two standards) is two groups (model/series.ts).
        const declared = new Set<YearKey>();
        const years = new Set<number>();
        for (const y of table.years) {
            if (declared.has(yearKey(y))) ctx.report('duplicate-year', y.range, { year: yearLabel(table, y, ctx.model.standards), where: ctx.say(FINDING_WORDS.inTableYears) });
            declared.add(yearKey(y));
            years.add(y.year);
        }
        const yearList = table.years.map(y => y.year).join(', ');
        for (const row of allRows(table)) ctx.eachRow('tableShape', row, () => {
            const seen = new Map<YearKey, YearCellsModel>();
            for (const y of row.years) {
                if (Number.isNaN(y.year)) continue;
                const key = yearKey(y);
                const first = seen.get(key);
                if (first) {
                    ctx.report('duplicate-year', y.yearRange, { year: yearLabel(table, y, ctx.model.standards), where: ctx.say(FINDING_WORDS.inRow, { label: row.label }) })
                        .related = [ctx.place(first.yearRange, FINDING_WORDS.relatedFirstYear, { year: yearLabel(table, y, ctx.model.standards) })];
                } else seen.set(key, y);
                // A line of a year the table prints twice that does not say which group it is: rules/years-printed-twice.ts.
                if (!declared.has(key) && !years.has(y.year)) ctx.report('undeclared-table-year', y.yearRange, { year: yearLabel(table, y, ctx.model.standards), years: yearList });
                // A note spanning cells counts as its span.
                const found = y.found ?? y.cells.length + y.extra.length;
                if (found !== table.columns.length) {
                    // A line short of cells can be padded with blanks ("-") at its end: the fix states
                    // that the figures are not given, where the line says nothing of them.
                    const missing = table.columns.length - found;
                    ctx.report('cell-count', y.extra[0] ?? y.range, {
                        year: yearLabel(table, y, ctx.model.standards), found, expected: table.columns.length, columns: table.columns.map(c => ctx.measure(c, table)).join(', ')
                    }, missing > 0 ? { year: y.year, missing, at: y.range.end, table: table.id } : undefined);
                }
            }
            for (const group of table.years.filter(y => !seen.has(yearKey(y)))) {
                const year = group.year;
                ctx.report('missing-district-year', row.range, { label: row.label, year: yearLabel(table, group, ctx.model.standards) }, {
                    year, columns: table.columns.length, insertAfterLine: row.years.at(-1)?.range.end.line ?? row.range.start.line,
                    ...(group.phase || group.key !== undefined ? { tag: yearTag(table, group) } : {})
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
