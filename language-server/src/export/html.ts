// HTML export: one standalone, printable page (no scripts, inline CSS only): A4 with the margins of
// Nghị định 30/2020/NĐ-CP, a landscape page for wide annexes, Times New Roman, header rows repeated
// on each printed page (thead). Every text from the plan goes through exportText, then escapeHtml
// (attribute values too, though the view should only hold the exporter's own words there).
import type { AnnexCell, AnnexRow, AnnexTable, PlanView } from '../../../common/view.js';
import { annexGrids, fitColumnWidths, minimumColumnEms, officialCaps, TAIL_ROWS } from './grid.js';
import { exportView } from './text.js';
import { escapeHtml } from '../../../common/escape.js';

/** The page number in the top margin: 14 pt Times New Roman, as the annex lines. */
const PAGE_NUMBER = 'content: counter(page); font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 14pt; vertical-align: middle;';

/** Matches the `padding` of th and td below (left and right). */
const CELL_PADDING_MM = 1;

/** The tables' text size, the same in every annex, as in the DOCX and the workbook. */
const TABLE_PT = 11;


/**
 * The annexes' style (the whole document's page adds its own, document-html.ts). Printed pages carry
 * their number centred in the top margin, none on the first page (Nghị định 30/2020/NĐ-CP), in CSS
 * page-margin boxes (Chromium 131 and later, Firefox, Prince); the landscape pages of wide annexes are
 * a named page, which needs its own rules. The numbers run on through the annexes: a browser cannot
 * start them again at each one as the DOCX does.
 */
export const STYLE = `
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; @top-center { ${PAGE_NUMBER} } }
@page landscape { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; @top-center { ${PAGE_NUMBER} } }
@page :first { @top-center { content: none; } }
@page landscape:first { @top-center { content: none; } }
html { color: #000; background: #fff; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 13pt; margin: 0; }
section.annex { margin: 0 auto 12mm; max-width: 165mm; }
section.annex.landscape { page: landscape; max-width: 252mm; }
section.annex + section.annex { break-before: page; }
p.label, p.heading, p.title, p.subtitle { text-align: center; margin: 0; font-size: 14pt; }
p.label, p.heading, p.title { font-weight: bold; }
p.subtitle { font-style: italic; margin-bottom: 4mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 0.5mm 1mm; vertical-align: middle; overflow-wrap: break-word; font-size: ${TABLE_PT}pt; line-height: 1.15; }
th { font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
tbody tr:nth-last-child(-n+${TAIL_ROWS - 1}) { break-before: avoid; }
.left { text-align: left; } .center { text-align: center; } .right { text-align: right; white-space: nowrap; }
.bold, tr.total td, tr.subtotal td, tr.section td { font-weight: bold; }
`;

function cellHtml(cell: AnnexCell, tag: 'th' | 'td'): string {
    const attrs: string[] = [];
    if ((cell.colSpan ?? 1) > 1) attrs.push(`colspan="${Math.floor(cell.colSpan!)}"`);
    if ((cell.rowSpan ?? 1) > 1) attrs.push(`rowspan="${Math.floor(cell.rowSpan!)}"`);
    const classes = [cell.align ?? (tag === 'th' ? 'center' : 'left'), ...(cell.bold && tag === 'td' ? ['bold'] : [])];
    attrs.push(`class="${escapeHtml(classes.join(' '))}"`);
    const lines = (text: string) => text.split(/\r\n|\r|\n/).map(escapeHtml).join('<br>');
    // A bold part of the text (Annex 02's "- Chiều thiếu hụt về …:") in a bold span.
    const content = cell.runs && !cell.bold
        ? cell.runs.map(run => (run.bold ? `<span class="bold">${lines(run.text)}</span>` : lines(run.text))).join('')
        : lines(cell.text);
    return `<${tag} ${attrs.join(' ')}>${content}</${tag}>`;
}

function rowHtml(row: AnnexRow, tag: 'th' | 'td'): string {
    return `<tr class="${escapeHtml(row.kind)}">${row.cells.map(c => cellHtml(c, tag)).join('')}</tr>`;
}

export function annexHtml(annex: AnnexTable): string {
    const { width } = annexGrids(annex);
    const wide = width >= 12;
    // Column widths in mm on the printed page, no column narrower than its longest word.
    const fontMm = TABLE_PT * 25.4 / 72;
    const minimums = minimumColumnEms(annex).map(ems => ems * fontMm * 1.08 + 2 * CELL_PADDING_MM + 0.5);
    const weights = Array.from({ length: width }, (_, i) => Math.max(1, annex.columns[i]?.width ?? 8));
    const mm = fitColumnWidths(weights, minimums, annex.orientation === 'landscape' ? 252 : 165);
    const total = mm.reduce((a, b) => a + b, 0);
    const cols = mm.map(w => `<col style="width:${(100 * w / total).toFixed(2)}%">`).join('');
    return [
        `<section class="annex ${annex.orientation}">`,
        `<p class="label">${escapeHtml(annex.label)}</p>`,
        ...(annex.heading ? [`<p class="heading">${escapeHtml(officialCaps(annex.heading))}</p>`] : []),
        `<p class="title">${escapeHtml(officialCaps(annex.title))}</p>`,
        `<p class="subtitle">${escapeHtml(annex.subtitle)}</p>`,
        `<table class="${wide ? 'wide' : 'normal'}"><colgroup>${cols}</colgroup>`,
        `<thead>${annex.header.map(r => rowHtml(r, 'th')).join('\n')}</thead>`,
        `<tbody>${annex.body.map(r => rowHtml(r, 'td')).join('\n')}</tbody>`,
        '</table>',
        '</section>'
    ].join('\n');
}

export function renderHtml(plan: PlanView): Uint8Array {
    // Controls and noncharacters are parse errors in HTML; see exportText.
    const view = exportView(plan);
    const title = [view.header.kind, view.header.title ?? view.id].filter(Boolean).join(' ');
    const page = [
        '<!DOCTYPE html>',
        '<html lang="vi">',
        '<head>',
        '<meta charset="utf-8">',
        // Defence in depth: even if some text slipped through unescaped, nothing could load or run.
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeHtml(title)}</title>`,
        `<style>${STYLE}</style>`,
        '</head>',
        '<body>',
        ...view.annexes.map(annexHtml),
        '</body>',
        '</html>',
        ''
    ].join('\n');
    return new TextEncoder().encode(page);
}
