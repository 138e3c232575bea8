// Recognised tables as plan text: unit declarations and `table` blocks, every note a comment where
// it belongs. The text is laid out afterwards by the plan formatter (format.ts), the one layout of the
// language, so an imported table reads like one typed by hand.
import { say, type Said } from '../../../common/catalogue.js';
import type { Locale } from '../../../common/locale.js';
import { comment, quote } from './plan-text.js';
import type { BodyEntry, NewUnit, RecognisedTable, TotalLine, UnitRow, YearCells } from './recognise.js';

const INDENT = '    ';

/** Each note once (a guess made for every year of a column is said once), as comment lines. */
function notes(said: readonly Said[], locale: Locale, indent: string): string[] {
    return [...new Set(said.map(s => comment(say(s.words, locale, s.args), indent)))];
}

/** The unit declarations of new units, one a line, with the note that says how a level was chosen. */
export function printUnits(units: readonly NewUnit[], locale: Locale): string {
    const lines: string[] = [];
    for (const u of units) {
        if (u.note) lines.push(comment(say(u.note.words, locale, u.note.args)));
        let line = `${u.level} ${u.id} ${quote(u.label)}`;
        if (u.kind) line += ` ${u.kind}`;
        if (u.fullName) line += ` full-name ${quote(u.fullName)}`;
        lines.push(line);
    }
    return lines.join('\n');
}

function yearLines(cells: readonly YearCells[], indent: string): string[] {
    return cells.map(y => `${indent}${y.year}: ${y.cells.join(' ')}`);
}

function printTotal(t: TotalLine, locale: Locale, indent: string): string[] {
    return [
        ...notes(t.notes, locale, indent),
        `${indent}${t.kind} ${quote(t.label)} {`,
        ...yearLines(t.cells, indent + INDENT),
        `${indent}}`
    ];
}

function printRow(row: UnitRow, locale: Locale, indent: string): string[] {
    return [
        ...notes(row.notes, locale, indent),
        `${indent}row ${row.no} ${row.unit} {`,
        ...yearLines(row.cells, indent + INDENT),
        `${indent}}`
    ];
}

function printEntry(entry: BodyEntry, locale: Locale): string[] {
    switch (entry.kind) {
        case 'row': return printRow(entry, locale, INDENT);
        case 'total':
        case 'subtotal': return printTotal(entry, locale, INDENT);
        case 'section': {
            const inner = INDENT + INDENT;
            const subtotal = entry.subtotal ? printTotal(entry.subtotal, locale, inner) : [];
            return [
                ...notes(entry.notes, locale, INDENT),
                `${INDENT}section ${entry.label} ${quote(entry.title)} {`,
                ...(entry.subtotalFirst ? subtotal : []),
                ...entry.rows.flatMap(r => printRow(r, locale, inner)),
                ...(entry.subtotalFirst ? [] : subtotal),
                `${INDENT}}`
            ];
        }
    }
}

/** A recognised table as a `table` block with the given id. */
export function printTable(table: RecognisedTable, id: string, locale: Locale): string {
    const title = table.title ?? table.grid.name;
    const lines = [
        ...notes(table.notes, locale, ''),
        `table ${id} ${quote(title)} {`
    ];
    if (table.annex) lines.push(`${INDENT}annex ${quote(table.annex)}`);
    if (table.heading) lines.push(`${INDENT}heading ${quote(table.heading)}`);
    if (table.rowHeader) lines.push(`${INDENT}row-header ${quote(table.rowHeader)}`);
    lines.push(`${INDENT}years { ${table.years.map(y => `${y.year} ${y.kind}`).join('  ')} }`);
    for (const d of table.declarations) {
        const unit = d.unit === 'custom' ? quote(d.custom ?? '') : d.unit;
        const definition = d.rateOf ? ` rate-of ${d.rateOf} per households` : '';
        lines.push(`${INDENT}column ${d.id} ${quote(d.label)} ${unit}${definition}`);
    }
    lines.push(`${INDENT}columns ${table.columns.join(' ')}`);
    for (const entry of table.body) lines.push(...printEntry(entry, locale));
    // The source's notes under the table stay with it, after its last row.
    lines.push(...notes(table.notesBelow, locale, INDENT));
    lines.push('}');
    return lines.join('\n');
}
