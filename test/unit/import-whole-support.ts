// Shared by the whole-plan and annex-table import tests: the blocks and grids a DOCX reader hands over
// for a document, made here from the project's own document view (what the document-docx exporter
// writes, paragraph for paragraph and cell for cell), and the comparison of two documents' text.
import type { PlanView } from '../../common/view.js';
import { layoutRows, officialCaps } from '../../language-server/src/export/grid.js';
import type { Grid, GridCell, Merge, SourceBlock, SourceDocument } from '../../language-server/src/import/grid.js';
import type { ImportContext } from '../../language-server/src/import/table.js';
import type { AnnexTable } from '../../common/view.js';

export function standAlone(locale: 'vi' | 'en' = 'vi'): ImportContext {
    return { numberStyle: 'vi', locale, units: [], agencies: [], usedIds: new Set() };
}

/** An annex as the table a Word reader gives: cells as printed, merges with the covered cells undefined. */
export function annexGrid(annex: AnnexTable, index: number, name = `Bảng ${index}`): Grid {
    const rows = [...annex.header, ...annex.body];
    const { slots, width } = layoutRows(rows, annex.columns.length);
    const merges: Merge[] = [];
    const cells: (GridCell | undefined)[][] = slots.map((row, r) => row.map((slot, c) => {
        if (!slot || !slot.origin) return undefined;
        if (slot.colSpan > 1 || slot.rowSpan > 1) merges.push({ top: r, left: c, bottom: r + slot.rowSpan - 1, right: c + slot.colSpan - 1 });
        const bold = slot.cell.runs ? (slot.cell.runs.every(x => x.bold) ? true : undefined) : slot.cell.bold;
        return { text: slot.cell.text, ...(bold ? { bold } : {}) };
    }));
    for (const row of cells) row.length = width;
    return { name, index, rows: cells, merges, addressing: 'table' };
}

/**
 * The whole document as a DOCX reader hands it over: the header block and the closing block as
 * borderless tables (a cell's paragraphs joined by line ends), the kind, the title and the body as
 * paragraphs (a run-in head joined to its text, bold only where the whole paragraph is), then each
 * annex's label, title and subtitle and its table.
 */
export function documentSource(view: PlanView, name = 'ke-hoach.docx'): SourceDocument {
    const d = view.document!;
    const grids: Grid[] = [];
    const blocks: SourceBlock[] = [];
    const table = (rows: string[][]) => {
        const index = grids.length + 1;
        grids.push({ name: `Bảng ${index}`, index, rows: rows.map(r => r.map(text => ({ text }))), merges: [], addressing: 'table' });
        blocks.push({ kind: 'table', grid: index });
    };
    const para = (text: string, bold?: boolean, italic?: boolean) => blocks.push({ kind: 'paragraph', text, ...(bold !== undefined ? { bold } : {}), ...(italic ? { italic } : {}) });
    table([[d.issuer.join('\n'), d.motto.join('\n')], [d.number, d.placeDate]]);
    para(d.kind, true);
    if (d.title) para(d.title, true);
    para('');
    for (const p of d.body) {
        const text = p.lead ? (p.text === '' ? p.lead.text : `${p.lead.text} ${p.text}`) : p.text;
        const whole = p.kind === 'heading' || p.bold === true;
        para(text, p.lead ? (p.lead.bold && whole ? true : p.lead.bold ? undefined : false) : whole, p.kind === 'note' || undefined);
    }
    if (d.recipients.items.length > 0 || d.signature) {
        table([[[d.recipients.heading, ...d.recipients.items].join('\n'), d.signature ? [...d.signature.lines, '', '', '', '', d.signature.name].join('\n') : '']]);
    }
    for (const annex of view.annexes) {
        para(annex.label, true);
        if (annex.heading) para(officialCaps(annex.heading), true);
        para(officialCaps(annex.title), true);
        para(annex.subtitle, false, true);
        const index = grids.length + 1;
        grids.push(annexGrid(annex, index));
        blocks.push({ kind: 'table', grid: index });
    }
    return { format: 'docx', name, grids, blocks };
}

/** The document's text, one unit per printed line or table row, as export-document.test.ts compares them. */
export function documentUnits(view: PlanView): string[] {
    const d = view.document!;
    const normal = (t: string) => t.replace(/\s+/g, ' ').trim();
    const units = [
        ...d.issuer, ...d.motto, d.number, d.placeDate, d.kind, d.title ?? '',
        ...d.body.map(p => (p.lead ? `${p.lead.text} ${p.text}` : p.text)),
        d.recipients.heading, ...d.recipients.items, ...(d.signature ? [...d.signature.lines, d.signature.name] : []),
        ...view.annexes.flatMap(a => [a.label, a.heading ?? '', officialCaps(a.title), a.subtitle, ...[...a.header, ...a.body].map(r => r.cells.map(c => c.text).join(' '))])
    ];
    return units.map(normal).filter(u => u !== '');
}

/** How many of `original`'s units `again` has, in the same order (longest common subsequence). */
export function unitsInOrder(original: string[], again: string[]): { matched: number; total: number; missed: string[] } {
    const n = original.length;
    const m = again.length;
    const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) lcs[i][j] = original[i] === again[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    const missed: string[] = [];
    for (let i = 0, j = 0; i < n;) {
        if (j < m && original[i] === again[j]) { i++; j++; } else if (j < m && lcs[i][j + 1] > lcs[i + 1][j]) j++; else { missed.push(original[i]); i++; }
    }
    return { matched: lcs[0][0], total: n, missed };
}
