// The reading a fix proposes for a count that cannot be read as written (issue 21): "29,822" in a
// households column under the `vi` style reads 29,822 (not whole), and its fix (count-not-integer,
// number-style in validation/rules/numbers.ts) proposes 29.822. The checks that use such a cell run
// under that reading, and say so, instead of falling silent: a total off by 10 beside the typo is
// still found. Only a count, only one proposal: the thousands reading of the other style, else the
// other style's reading when it is whole (as numbers.ts offers them); a cell with no such fix
// (negative, malformed, "10,5") keeps the sums unknown.
import { readNumber, thousandsReading, type NumberStyle } from '../../../common/numbers.js';
import { isCountColumn, type CellModel, type ColumnModel, type Measure, type TableRowModel } from './types.js';

/** A count cell read as its fix proposes: the text the fix writes and its value. */
export interface ProposedReading { cell: CellModel; printed: string; value: number }

/** The reading the fix of an unreadable count cell proposes; undefined for a readable cell or one no fix reads. */
export function proposedReading(cell: CellModel, column: ColumnModel | undefined, style: NumberStyle): ProposedReading | undefined {
    const n = cell.number;
    if (!n || !isCountColumn(column)) return undefined;
    const v = n.value;
    if (v !== undefined && (Number.isInteger(v) || v < 0)) return undefined;
    if (v === undefined && n.problem !== 'wrong-style') return undefined;
    const thousands = thousandsReading(n.printed, style);
    const whole = v === undefined && n.suggestion !== undefined && Number.isInteger(readNumber(n.suggestion, style).value ?? NaN) ? n.suggestion : undefined;
    const printed = thousands ?? whole;
    if (printed === undefined) return undefined;
    const value = readNumber(printed, style).value;
    return value !== undefined && Number.isInteger(value) && value >= 0 ? { cell, printed, value } : undefined;
}

/**
 * The sum of a count column over rows in one year with every unreadable cell read as its fix
 * proposes, and those readings; undefined when a cell has no such reading. A unit written again is
 * left out, as the table's sums leave it (arithmetic.ts rawSums); a blank ("-") adds nothing.
 */
export function sumAsProposed(
    rows: TableRowModel[], measure: Measure, year: number, columns: Record<Measure, ColumnModel>, style: NumberStyle
): { sum: number; readings: ProposedReading[] } | undefined {
    const seen = new Set<string>();
    let sum = 0;
    const readings: ProposedReading[] = [];
    for (const row of rows) {
        const id = row.district?.id;
        if (id && seen.has(id)) continue;
        if (id) seen.add(id);
        for (const y of row.years) {
            if (y.year !== year) continue;
            const cell = y.cells.find(c => c.measure === measure);
            if (!cell?.number) continue;
            const v = cell.number.value;
            if (v !== undefined && Number.isInteger(v) && v >= 0) { sum += v; continue; }
            const reading = proposedReading(cell, columns[measure], style);
            if (!reading) return undefined;
            readings.push(reading);
            sum += reading.value;
        }
    }
    return { sum, readings };
}
