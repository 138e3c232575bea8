// The review sheet printed: a DOCX and a standalone HTML page beside the annexes' (with `findings`),
// both A4 landscape, the title with the plan's number and name on top, the headings repeated on every
// page, the pages numbered "Trang 2/5" at the foot. The rows are review.ts's, as in the CSV and the
// workbook's sheet.
import {
    AlignmentType, BorderStyle, convertMillimetersToTwip, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph,
    Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType
} from 'docx';
import type { PlanView } from '../../../common/view.js';
import type { Locale } from '../../../common/locale.js';
import { say } from '../../../common/catalogue.js';
import { escapeHtml } from '../../../common/escape.js';
import { REVIEW } from '../../../common/words/review.js';
import { A4, BLACK, FONT } from './docx.js';
import { reviewSheet, reviewValues, type ReviewSheet } from './review.js';

/** Each column's share of the page's width: STT, severity, rule, message, place, agency/district, reply, .plan line. */
const SHARES = [4, 8, 12, 26, 22, 11, 11, 6];
const SHARE_TOTAL = SHARES.reduce((a, b) => a + b, 0);

/** Margins in mm on the landscape page: 15 around, a little more at the foot for the page number. */
const MARGIN_MM = { top: 15, bottom: 18, left: 15, right: 15 };

/** Half-points: 11 pt in the table, 13 pt for the title lines. */
const SIZE = 22;
const SIZE_TITLE = 26;

/** The page-number sentence split around its two numbers: "Trang ", "/", "". */
function pageParts(locale: Locale): { before: string; between: string; after: string } {
    const text = say(REVIEW.page, locale, { page: '\u0001', pages: '\u0002' });
    const [before, rest] = text.split('\u0001');
    const [between, after] = rest.split('\u0002');
    return { before, between, after };
}

function headParagraphs(sheet: ReviewSheet): Paragraph[] {
    return [sheet.title, sheet.plan, sheet.name].map((text, i) => new Paragraph({
        alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: i === 2 ? 200 : 0 },
        children: [new TextRun({ text, size: SIZE_TITLE, bold: i !== 1 })]
    }));
}

export async function renderReviewDocx(view: PlanView, locale: Locale): Promise<Uint8Array> {
    const sheet = reviewSheet(view, locale);
    const width = A4.height - convertMillimetersToTwip(MARGIN_MM.left + MARGIN_MM.right);
    const widths = SHARES.map(s => Math.floor(width * s / SHARE_TOTAL));
    const line = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
    const cell = (text: string, c: number, bold = false) => new TableCell({
        width: { size: widths[c], type: WidthType.DXA },
        children: [new Paragraph({
            alignment: bold || c === 0 || c === 7 ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [new TextRun({ text, size: SIZE, bold })]
        })]
    });
    const table = new Table({
        layout: TableLayoutType.FIXED,
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: widths,
        borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
        margins: { left: 57, right: 57, top: 28, bottom: 28 },
        rows: [
            // The headings, repeated at the top of every page.
            new TableRow({ tableHeader: true, cantSplit: true, children: sheet.headings.map((h, c) => cell(h, c, true)) }),
            ...sheet.rows.map(r => new TableRow({ cantSplit: true, children: reviewValues(r).map((v, c) => cell(String(v), c)) }))
        ]
    });
    const page = pageParts(locale);
    const footer = new Footer({
        children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ size: SIZE, children: [page.before, PageNumber.CURRENT, page.between, PageNumber.TOTAL_PAGES, page.after] })]
        })]
    });
    const document = new Document({
        title: `${sheet.title} – ${sheet.plan}`,
        styles: { default: { document: { run: { font: FONT, size: SIZE, color: BLACK } } } },
        sections: [{
            properties: {
                page: {
                    size: { ...A4, orientation: PageOrientation.LANDSCAPE },
                    margin: {
                        top: convertMillimetersToTwip(MARGIN_MM.top), bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
                        left: convertMillimetersToTwip(MARGIN_MM.left), right: convertMillimetersToTwip(MARGIN_MM.right),
                        header: convertMillimetersToTwip(8), footer: convertMillimetersToTwip(8)
                    }
                }
            },
            footers: { default: footer },
            children: [...headParagraphs(sheet), table, new Paragraph({})]
        }]
    });
    return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** A CSS string: the sentence's text in quotes, with quotes and backslashes escaped. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, m => `\\${m}`).replace(/[\n\r]/g, ' ')}"`;

export function renderReviewHtml(view: PlanView, locale: Locale): Uint8Array {
    const sheet = reviewSheet(view, locale);
    const page = pageParts(locale);
    // The page number in a page-margin box (Chromium 131 and later, Firefox, Prince); a browser without them prints none.
    const counter = `content: ${cssString(page.before)} counter(page) ${cssString(page.between)} counter(pages) ${cssString(page.after)};`;
    const style = `
@page { size: A4 landscape; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm; @bottom-center { ${counter} font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 11pt; } }
html { color: #000; background: #fff; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 11pt; margin: 0 auto; max-width: 267mm; }
p.head { text-align: center; margin: 0; font-size: 13pt; font-weight: bold; }
p.head.plan { font-weight: normal; }
p.head.name { margin-bottom: 4mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 0.5mm 1mm; vertical-align: top; overflow-wrap: break-word; text-align: left; }
th { font-weight: bold; text-align: center; vertical-align: middle; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.center { text-align: center; }
`;
    const cols = SHARES.map(s => `<col style="width:${(100 * s / SHARE_TOTAL).toFixed(2)}%">`).join('');
    const row = (values: (string | number)[], tag: 'th' | 'td') =>
        `<tr>${values.map((v, c) => `<${tag}${tag === 'td' && (c === 0 || c === 7) ? ' class="center"' : ''}>${escapeHtml(String(v))}</${tag}>`).join('')}</tr>`;
    const html = [
        '<!DOCTYPE html>',
        `<html lang="${locale}">`,
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeHtml(`${sheet.title} – ${sheet.plan}`)}</title>`,
        `<style>${style}</style>`,
        '</head>',
        '<body>',
        `<p class="head title">${escapeHtml(sheet.title)}</p>`,
        `<p class="head plan">${escapeHtml(sheet.plan)}</p>`,
        `<p class="head name">${escapeHtml(sheet.name)}</p>`,
        `<table><colgroup>${cols}</colgroup>`,
        `<thead>${row(sheet.headings, 'th')}</thead>`,
        `<tbody>${sheet.rows.map(r => row(reviewValues(r), 'td')).join('\n')}</tbody>`,
        '</table>',
        '</body>',
        '</html>',
        ''
    ].join('\n');
    return new TextEncoder().encode(html);
}
