// Notes in cells ("Sáp nhập", "Không có hộ nghèo", "x"): text printed where a figure would stand,
// kept as printed and read by no computation (model/arithmetic.ts reads `number`, which a note has
// not). A check that needed such a cell is not made; the figure it would have checked says so, with
// the note as its related place, rather than passing in silence.
import { isCountColumn, type CellModel, type DistrictTableModel, type Measure, type TableRowModel, type TableSums, type YearCellsModel } from '../../model/types.js';
import type { Rule, RuleContext } from '../rule.js';
import { allRows } from './tables.js';
import { FINDING_WORDS } from '../../../../common/words/rules.js';

export const notesInChecks: Rule = ctx => {
    for (const table of ctx.model.tables) {
        const rows = allRows(table);
        if (!rows.some(r => r.notes)) continue;
        for (const row of rows) if (row.notes) ratesAndSums(ctx, table, row);
        for (const section of table.sections) if (section.subtotal) totals(ctx, table, section.subtotal, section.sums, section.rows);
        if (table.total) totals(ctx, table, table.total, table.expectedTotal, table.sections.flatMap(s => s.rows.length > 0 ? s.rows : s.subtotal ? [s.subtotal] : []));
    }
};

function noteIn(y: YearCellsModel, m: Measure): CellModel | undefined {
    const cell = y.cells.find(c => c.measure === m);
    return cell?.note ? cell : undefined;
}

function reportNote(ctx: RuleContext, table: DistrictTableModel, at: CellModel, note: CellModel, noteRow: TableRowModel, y: YearCellsModel, args: Record<string, string | number>) {
    const text = note.note?.text ?? '';
    ctx.report('note-skips-check', at.range, {
        measure: ctx.measure(at.measure, table), label: args.label ?? '', year: y.year, printed: at.number?.printed ?? '', parts: '',
        row: noteRow.label, note: text, noteColumn: ctx.measure(note.measure, table), ...args
    }).related = [ctx.place(note.range, FINDING_WORDS.relatedNote, { note: text, label: noteRow.label, year: y.year })];
}

/** A printed rate whose count or base is a note; a printed sum of counts one of whose parts is. */
function ratesAndSums(ctx: RuleContext, table: DistrictTableModel, row: TableRowModel): void {
    const columns = table.columnsById;
    for (const y of row.years) {
        if (!y.cells.some(c => c.note)) continue;
        for (const cell of y.cells) {
            if (cell.number?.value === undefined) continue;
            const d = columns[cell.measure]?.definition;
            if (d?.kind === 'rate') {
                const note = noteIn(y, d.count) ?? noteIn(y, d.base);
                if (note) reportNote(ctx, table, cell, note, row, y, { check: 'rate', label: row.label });
            } else if (d?.kind === 'sum' && isCountColumn(columns[cell.measure])) {
                const note = d.parts.map(p => noteIn(y, p)).find(n => n !== undefined);
                if (note) reportNote(ctx, table, cell, note, row, y, { check: 'sum', label: row.label, parts: d.parts.map(p => ctx.measure(p, table)).join(' + ') });
            }
        }
    }
}

/** A total (subtotal) of a count column whose sum is unknown because a row holds a note there. */
function totals(ctx: RuleContext, table: DistrictTableModel, total: TableRowModel, sums: TableSums, rows: TableRowModel[]): void {
    for (const y of total.years) {
        for (const cell of y.cells) {
            const v = cell.number?.value;
            if (v === undefined || !isCountColumn(table.columnsById[cell.measure]) || sums.values[y.year]?.[cell.measure] !== undefined) continue;
            const blocking = sums.unreadable[y.year]?.[cell.measure];
            if (!blocking?.note) continue;
            const noteRow = rows.find(r => r.notes?.some(n => n.offset === blocking.offset)) ?? total;
            const noteLine = noteRow.years.find(l => l.cells.includes(blocking)) ?? y;
            reportNote(ctx, table, cell, blocking, noteRow, noteLine, { check: 'total', label: total.label, year: y.year });
        }
    }
}
