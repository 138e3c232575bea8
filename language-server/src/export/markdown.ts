// Markdown export: one document, a heading per annex with its "(Kèm theo …)" line and a GFM table
// whose header is the group headings flattened ("Kết quả năm 2021 - Tổng số hộ dân cư").
import type { AnnexCell, AnnexTable, PlanView } from '../../../common/view.js';
import { annexGrids, flatHeader, officialCaps, type Grid } from './grid.js';
import { exportView } from './text.js';
import { escapeMarkdown } from '../../../common/escape.js';
import { say } from '../../../common/catalogue.js';
import { ANNEX, ANNEX_LOCALE } from '../../../common/words/annex.js';

/** Bold text on its own line; nothing for a blank text, whose "****" would print as a horizontal rule. */
function strongLine(text: string): string[] {
    const escaped = escapeMarkdown(text.trim());
    return escaped === '' ? [] : [`**${escaped}**`, ''];
}

function alignment(grid: Grid, column: number, annex: AnnexTable): string {
    const first = grid.slots.map(row => row[column]).find((s): s is { origin: true; cell: AnnexCell; colSpan: number; rowSpan: number } =>
        s?.origin === true && s.colSpan === 1 && s.cell.text !== '');
    const kind = annex.columns[column]?.kind;
    const align = first?.cell.align ?? (kind === 'count' || kind === 'rate' || kind === 'number' ? 'right' : 'left');
    return align === 'right' ? '---:' : align === 'center' ? ':---:' : ':---';
}

/** A GFM table line. Cells are trimmed: a reader trims them anyway, and a line break at a cell's edge would be a stray <br>. */
function tableRow(cells: string[], bold: boolean[] = []): string {
    return `| ${cells.map((c, i) => strong(escapeMarkdown(c.trim(), true), bold[i])).join(' | ')} |`;
}

/** Escaped text in bold, the white space at its ends left outside the asterisks (where GFM would not close them). */
function strong(escaped: string, bold = true): string {
    const [, before, core, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped)!;
    return bold && core !== '' ? `${before}**${core}**${after}` : escaped;
}

/** A body cell: in bold when the whole cell is, else its bold runs (Annex 02's "- Chiều thiếu hụt về …:") only. */
function bodyCell(cell: AnnexCell | undefined, bold: boolean): string {
    if (!cell) return '';
    if (bold || !cell.runs) return strong(escapeMarkdown(cell.text.trim(), true), bold);
    return cell.runs.map(run => strong(escapeMarkdown(run.text, true), run.bold === true)).join('').trim();
}

function annexMarkdown(annex: AnnexTable): string {
    const { header, body, width } = annexGrids(annex);
    const lines = [
        `## ${escapeMarkdown(annex.label)}`, '',
        ...strongLine(officialCaps(annex.heading ?? '')),
        ...strongLine(officialCaps(annex.title)),
        `*${escapeMarkdown(annex.subtitle)}*`, '',
        tableRow(flatHeader(header)),
        `| ${Array.from({ length: width }, (_, c) => alignment(body, c, annex)).join(' | ')} |`,
        // Total and section rows print bold, as in the annex.
        ...body.slots.map((row, r) => `| ${row.map(slot => slot?.origin === true
            ? bodyCell(slot.cell, slot.cell.bold === true || annex.body[r].kind === 'total') : '').join(' | ')} |`),
        ''
    ];
    return lines.join('\n');
}

export function renderMarkdown(plan: PlanView): Uint8Array {
    // Controls would end up in the table rows; see exportText.
    const view = exportView(plan);
    const title = view.header.title ?? view.id;
    const parts = [`# ${escapeMarkdown([view.header.kind, title].filter(Boolean).join(' '))}`, ''];
    // "Số: /KH-UBND" even when the number is left blank, as drafts print it; nothing without a header.
    if (view.header.number.replace('/', '').trim() !== '' || view.header.date) {
        parts.push(escapeMarkdown([say(ANNEX.number, ANNEX_LOCALE, { number: view.header.number }), view.header.place && view.header.date ? `${view.header.place}, ${view.header.date}` : view.header.date]
            .filter(Boolean).join(' — ')), '');
    }
    for (const annex of view.annexes) parts.push(annexMarkdown(annex));
    return new TextEncoder().encode(parts.join('\n'));
}
