// Number rules: every number read under the declared style; counts whole and not negative; percents in 0–100.
import { readNumber, thousandsReading } from '../../../../common/numbers.js';
import { columnStyle, isCountColumn, type DistrictTableModel, type PrintedNumber, type TableRowModel } from '../../model/types.js';
import { mayBeNegative } from '../../model/arithmetic.js';
import type { Rule } from '../rule.js';
import { allRows } from './tables.js';
import { UNITS } from '../../../../common/words/kinds.js';

export const numberStyle: Rule = ctx => {
    const check = (n: PrintedNumber, isCount: (n: PrintedNumber) => boolean) => {
        if (n.problem === undefined) return;
        // A cell of a column (or table) with its own style was read, and is fixed, in that style.
        const style = n.style ?? ctx.model.numberStyle;
        const where = n.style ? 'column' : 'plan';
        if (n.problem === 'wrong-style' && isCount(n)) {
            // A count: the other style's thousands reading first; never a fix that makes it non-whole.
            const likely = thousandsReading(n.printed, style);
            const whole = n.suggestion !== undefined && Number.isInteger(readNumber(n.suggestion, style).value ?? NaN) ? n.suggestion : undefined;
            const replacement = likely ?? whole;
            if (replacement) ctx.report('number-style', n.range, { printed: n.printed, style, where, suggestion: replacement }, { replacement });
            else ctx.report('count-unreadable', n.range, { printed: n.printed, style, where });
        } else if (n.problem === 'wrong-style') {
            ctx.report('number-style', n.range, { printed: n.printed, style, where, suggestion: n.suggestion ?? '' }, { replacement: n.suggestion });
        } else if (n.problem === 'malformed') {
            ctx.report('number-malformed', n.range, { printed: n.printed });
        }
    };
    // Table rows first (the model builds the tables first), each row's numbers with its own check.
    for (const table of ctx.model.tables) {
        for (const row of allRows(table)) {
            const numbers = row.numbers;
            if (!numbers || numbers.length === 0) continue;
            ctx.eachRow('numberStyle', row, () => {
                // Which numbers are counts matters only for a number in the other style: found then, once.
                let counts: Set<PrintedNumber> | undefined;
                const isCount = (n: PrintedNumber) => (counts ??= countCellsOf(table, row)).has(n);
                for (const n of numbers) check(n, isCount);
            });
        }
    }
    for (const n of ctx.model.numbers) check(n, () => false);
};

/** A row's cells in count columns (households, persons). */
function countCellsOf(table: DistrictTableModel, row: TableRowModel): Set<PrintedNumber> {
    const out = new Set<PrintedNumber>();
    for (const y of row.years) {
        for (const cell of y.cells) if (cell.number && isCountColumn(table.columnsById[cell.measure])) out.add(cell.number);
    }
    return out;
}

export const yearFormat: Rule = ctx => {
    for (const y of ctx.model.years) {
        if (y.year === undefined) ctx.report('year-malformed', y.range, { printed: y.printed });
    }
};

/** Table cells: counts are whole and not negative, rates are percentages. */
export const cellValues: Rule = ctx => {
    for (const table of ctx.model.tables) {
        for (const row of allRows(table)) ctx.eachRow('cellValues', row, () => {
            for (const y of row.years) {
                for (const cell of y.cells) {
                    const n = cell.number;
                    if (n?.value === undefined) continue;
                    const column = table.columnsById[cell.measure];
                    if (column?.unit === 'percent') {
                        if (n.value < 0 || n.value > 100) ctx.report('percent-out-of-range', n.range, { printed: n.printed });
                    } else if (isCountColumn(column) && n.value < 0 && !mayBeNegative(column)) {
                        ctx.report('negative-count', n.range, { printed: n.printed });
                    } else if (isCountColumn(column) && !Number.isInteger(n.value)) {
                        // "28,700" under vi reads 28,7: most likely 28.700 typed the international way.
                        const likely = thousandsReading(n.printed, columnStyle(column, ctx.model.numberStyle));
                        ctx.report('count-not-integer', n.range, { printed: n.printed, measure: ctx.measure(cell.measure, table), likely: likely ?? 'none' },
                            likely ? { replacement: likely } : undefined);
                    }
                }
            }
        });
    }
};

/** Indicator values and target values in % stay within 0–100. */
export const percentValues: Rule = ctx => {
    for (const indicator of ctx.model.indicators) {
        if (indicator.unitKind !== 'percent') continue;
        for (const v of indicator.values) {
            if (v.fromTable) continue; // table cells are checked by cellValues
            const x = v.value.value;
            if (x !== undefined && (x < 0 || x > 100)) ctx.report('percent-out-of-range', v.value.range, { printed: v.value.printed });
        }
    }
};

/** Indicators counted in households or persons take whole numbers (outside tables too). */
export const wholeIndicatorValues: Rule = ctx => {
    for (const indicator of ctx.model.indicators) {
        if (indicator.unitKind !== 'households' && indicator.unitKind !== 'persons') continue;
        for (const v of indicator.values) {
            if (v.fromTable) continue; // table cells are checked by cellValues
            const x = v.value.value;
            if (x !== undefined && !Number.isInteger(x)) {
                ctx.report('indicator-not-whole', v.value.range, { printed: v.value.printed, unit: ctx.say(UNITS[indicator.unitKind]) });
            }
        }
    }
};
