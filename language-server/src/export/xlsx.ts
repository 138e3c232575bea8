// XLSX export: one sheet per annex with the annex lines above the table, merged group headers,
// frozen header rows and real numbers. A number cell holds the value and a format with the printed
// decimals; Excel then shows it with the reader's own separators (29.822 in Vietnamese, 29,822 in
// English), which is what a spreadsheet reader expects. Cells whose text is not a readable number
// (a finding in the plan) keep their printed text.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { AnnexCell, AnnexTable, PlanView } from '../../../common/view.js';
import { annexGrids, fitColumnWidths, minimumColumnEms, officialCaps, textEms, type Grid } from './grid.js';
import { exportView } from './text.js';
import { say } from '../../../common/catalogue.js';
import { ANNEX, ANNEX_LOCALE, YEAR_HEADINGS } from '../../../common/words/annex.js';
import { KINDS } from '../../../common/words/kinds.js';
import { REVIEW } from '../../../common/words/review.js';
import type { Locale } from '../../../common/locale.js';
import { REVIEW_ROWS_ABOVE, reviewSheet as reviewSheetOf, reviewValues } from './review.js';

const FONT = 'Times New Roman';
const BLACK = { argb: 'FF000000' };
const THIN = { style: 'thin' as const, color: BLACK };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Screen pixels per millimetre at 100 %, as Excel and LibreOffice lay a sheet out (96 dpi). */
const PX_PER_MM = 96 / 25.4;
/**
 * A digit of the workbook's default font (Times New Roman 11, see timesAsDefaultFont), in whole
 * pixels as Excel takes it: the unit of column width, a column `w` wide being `w × 7 + 5` pixels.
 * (LibreOffice lays the same widths out a few per cent narrower.)
 */
const DIGIT_PX = 7;
/** Room a cell leaves around its text, left and right together, in pixels. */
const CELL_PADDING_PX = 6;
/** Table text sizes in points, largest first: 12 pt unless the widest annex's columns do not hold their words at it. */
const SHEET_TEXT_SIZES = [12, 11, 10, 9];
/** Size of the annex lines above the table (Nghị định 30/2020/NĐ-CP). */
const SIZE_ANNEX = 14;
/** The page margins of Nghị định 30/2020/NĐ-CP, in millimetres. */
const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 };

/** The number format that prints a value with the same decimals as the annex: 29.822 · 3,17 · 9. */
export function numberFormat(decimals: number | undefined): string {
    const d = Math.max(0, Math.min(10, decimals ?? 0));
    return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

/** At most `max` UTF-16 units (Excel's measure), never cutting a character in two. */
function clip(text: string, max: number): string {
    let out = '';
    for (const ch of text) {
        if (out.length + ch.length > max) break;
        out += ch;
    }
    return out;
}

/**
 * Sheet names: at most 31 characters on one line, none of : \ / ? * [ ], unique in the workbook, not
 * "History" (Excel's own). An apostrophe becomes ’: exceljs refuses one at either end and writes the
 * name into the print-titles formula without doubling one inside, which Excel then has to repair.
 */
function sheetName(annex: AnnexTable, index: number, used: Set<string>): string {
    const label = (annex.label || say(ANNEX.label, ANNEX_LOCALE, { annex: index + 1 })).replace(/[:\\/?*[\]]/g, '-').replace(/'/g, '\u2019').replace(/\s+/g, ' ');
    const base = clip(label.trim(), 31).trim() || `Sheet ${index + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clip(base, 27).trim()} (${n})`;
    used.add(name.toLowerCase());
    return name;
}

/**
 * Excel keeps a row's stored height and does not refit wrapped text on opening, so long texts get a
 * height from an estimate: characters per line from the column width, 12 pt lines.
 */
function estimatedLines(text: string, width: number, fontSize: number): number {
    const perLine = Math.max(1, Math.floor(width * 11 / fontSize));
    return text.split(/\r\n|\r|\n/).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function cellValue(cell: AnnexCell): { value: ExcelJS.CellValue; numFmt?: string } {
    const numeric = cell.kind === 'count' || cell.kind === 'rate' || cell.kind === 'number';
    if (numeric && typeof cell.value === 'number' && Number.isFinite(cell.value)) {
        return { value: cell.value, numFmt: numberFormat(cell.decimals) };
    }
    // "Năm 2025": the year as a number, printed with its word, so the column sorts and filters.
    if (cell.kind === 'year' && typeof cell.value === 'number' && cell.text === say(YEAR_HEADINGS.plan, ANNEX_LOCALE, { year: cell.value })) {
        return { value: cell.value, numFmt: say(ANNEX.yearFormat, ANNEX_LOCALE) };
    }
    return { value: cell.text };
}

/** The width a printed page leaves an annex's table, in pixels at 100 %. */
function printableWidthPx(annex: AnnexTable): number {
    const page = annex.orientation === 'landscape' ? 297 : 210;
    return (page - MARGIN_MM.left - MARGIN_MM.right) * PX_PER_MM;
}

/** The narrowest each column may be at `size` points, in pixels: its longest word and the cell's padding. */
function minimumColumnPx(annex: AnnexTable, size: number): number[] {
    const em = size * 96 / 72;
    return minimumColumnEms(annex).map(ems => Math.ceil(ems * em * 1.08) + CELL_PADDING_PX);
}

/**
 * One table text size for every sheet, as the DOCX has one for every annex: the largest at which each
 * annex's columns hold their longest words within the printed page at 100 % (11 pt for the seed).
 */
export function sheetTextSize(annexes: AnnexTable[]): number {
    return SHEET_TEXT_SIZES.find(size => annexes.every(a => minimumColumnPx(a, size).reduce((x, y) => x + y, 0) <= printableWidthPx(a)))
        ?? SHEET_TEXT_SIZES.at(-1)!;
}

/**
 * The columns' widths in pixels: the printed page's width shared in proportion to the view's widths,
 * none narrower than its longest word, so that the sheet prints at (about) 100 % and fit-to-width
 * hardly shrinks it.
 */
function columnPx(annex: AnnexTable, width: number, size: number): number[] {
    const weights = Array.from({ length: width }, (_, i) => Math.max(1, annex.columns[i]?.width ?? 8));
    const minimums = minimumColumnPx(annex, size);
    while (minimums.length < width) minimums.push(CELL_PADDING_PX);
    return fitColumnWidths(weights, minimums, printableWidthPx(annex));
}

/**
 * The lines a text wraps to in a column `px` pixels wide at `size` points, words laid greedily
 * (widths estimated as grid.ts does). Excel keeps a row's stored height and does not refit wrapped
 * text on opening, so rows get their height from this.
 */
function wrappedLines(text: string, px: number, size: number, bold: boolean): number {
    // textEms errs on the wide side (by about 6 % for Vietnamese text in Times New Roman): right for a
    // column's minimum, too many lines for a row's height.
    const room = Math.max(1, (px - CELL_PADDING_PX) / (size * 96 / 72) / 0.94);
    const space = textEms(' ', bold);
    return text.split(/\r\n|\r|\n/).reduce((n, line) => {
        let lines = 1;
        let used = 0;
        for (const word of line.split(/\s+/).filter(w => w !== '')) {
            const w = textEms(word, bold);
            if (used > 0 && used + space + w <= room) used += space + w;
            else {
                if (used > 0) lines++;
                lines += Math.max(0, Math.ceil(w / room) - 1);
                used = w > room ? w % room : w;
            }
        }
        return n + lines;
    }, 0);
}

/** A row's height in points for `lines` lines of `size` points (Times New Roman's line is 1,15 em), with the cell's padding. */
const rowHeight = (lines: number, size: number) => Math.ceil((lines * size * 1.15 + 3) * 4) / 4;

function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid, firstRow: number, header: boolean, kinds: string[], px: number[], size: number): void {
    grid.slots.forEach((slots, r) => {
        const rowNumber = firstRow + r;
        const kind = kinds[r];
        let lines = 1;
        slots.forEach((slot, c) => {
            const target = sheet.getCell(rowNumber, c + 1);
            target.border = BORDER;
            if (!slot?.origin) return;
            const { cell } = slot;
            const { value, numFmt } = cellValue(cell);
            const bold = header || cell.bold === true || kind === 'total';
            // A bold part of a text (Annex 02's "- Chiều thiếu hụt về …:") as rich text, each run with its weight.
            target.value = typeof value === 'string' && cell.runs && !bold
                ? { richText: cell.runs.map(run => ({ text: run.text, font: { name: FONT, size, color: BLACK, bold: run.bold === true } })) }
                : value;
            if (numFmt) target.numFmt = numFmt;
            target.font = { name: FONT, size, color: BLACK, bold };
            target.alignment = {
                horizontal: cell.align ?? (typeof value === 'number' ? 'right' : 'left'),
                vertical: 'middle',
                wrapText: typeof value !== 'number'
            };
            if (slot.colSpan > 1 || slot.rowSpan > 1) {
                sheet.mergeCells(rowNumber, c + 1, rowNumber + slot.rowSpan - 1, c + slot.colSpan);
            }
            if (typeof value !== 'number' && slot.rowSpan === 1) {
                const width = px.slice(c, c + slot.colSpan).reduce((a, b) => a + b, 0);
                lines = Math.max(lines, wrappedLines(cell.text, width, size, bold));
            }
        });
        sheet.getRow(rowNumber).height = rowHeight(lines, size);
    });
}

/**
 * Returns the sheet and the number of its first body row. `size`: the table's text size
 * (sheetTextSize), the columns as wide as the printed page, so that fit-to-width (one page wide, as
 * many pages down as it takes) prints the annex at about 100 %.
 */
function annexSheet(workbook: ExcelJS.Workbook, annex: AnnexTable, name: string, size: number): { sheet: ExcelJS.Worksheet; bodyRow: number } {
    const { header, body, width } = annexGrids(annex);
    const landscape = annex.orientation === 'landscape';
    const inches = (mm: number) => mm / 25.4;
    const sheet = workbook.addWorksheet(name, {
        pageSetup: {
            paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
            // Nghị định 30/2020/NĐ-CP margins: 20 mm top and bottom, 30 mm left, 15 mm right.
            margins: {
                top: inches(MARGIN_MM.top), bottom: inches(MARGIN_MM.bottom), left: inches(MARGIN_MM.left), right: inches(MARGIN_MM.right),
                header: inches(MARGIN_MM.header), footer: inches(MARGIN_MM.footer)
            },
            horizontalCentered: true,
            // Each annex numbers its pages from 1, as in the DOCX.
            firstPageNumber: 1
        },
        // Page number centred at the top, none on the annex's first page (Nghị định 30/2020/NĐ-CP).
        headerFooter: { differentFirst: true, firstHeader: '', oddHeader: '&C&"Times New Roman,Regular"&14&P' }
    });
    const px = columnPx(annex, width, size);
    // The width unit: a column `w` wide is `w × DIGIT_PX + 5` pixels.
    sheet.columns = px.map((p, i) => ({ key: annex.columns[i]?.key ?? `c${i + 1}`, width: Math.max(1, Math.round((p - 5) / DIGIT_PX * 100) / 100) }));
    const tablePx = px.reduce((a, b) => a + b, 0);
    const lines: { text: string; bold?: boolean; italic?: boolean }[] = [
        { text: annex.label, bold: true },
        ...(annex.heading ? [{ text: officialCaps(annex.heading), bold: true }] : []),
        { text: officialCaps(annex.title), bold: true },
        { text: annex.subtitle, italic: true }
    ];
    lines.forEach((line, i) => {
        const cell = sheet.getCell(i + 1, 1);
        cell.value = line.text;
        cell.font = { name: FONT, size: SIZE_ANNEX, color: BLACK, bold: line.bold, italic: line.italic };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        if (width > 1) sheet.mergeCells(i + 1, 1, i + 1, width);
        sheet.getRow(i + 1).height = rowHeight(wrappedLines(line.text, tablePx, SIZE_ANNEX, line.bold === true), SIZE_ANNEX);
    });
    // A blank row between the "(Kèm theo …)" line and the table, as in the printed annex.
    const headerRow = lines.length + 2;
    writeGrid(sheet, header, headerRow, true, annex.header.map(r => r.kind), px, size);
    const bodyRow = headerRow + header.slots.length;
    writeGrid(sheet, body, bodyRow, false, annex.body.map(r => r.kind), px, size);
    const lastHeaderRow = bodyRow - 1;
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: lastHeaderRow, topLeftCell: `A${bodyRow}` }];
    // Printed pages repeat the table header too.
    if (header.slots.length > 0) sheet.pageSetup.printTitlesRow = `${headerRow}:${lastHeaderRow}`;
    return { sheet, bodyRow };
}

/** A text in an Excel header or footer: `&` starts a code there. */
const headerText = (text: string) => text.replace(/&/g, '&&');

/**
 * The review sheet (see review.ts): the title, the plan's number and name, then one row per finding
 * under headings that are frozen, filtered and printed on every page; A4 landscape, as wide as one
 * page, numbered "Trang 1/3" in the footer. A finding on an annex cell links to that cell (its rule's code).
 */
function reviewSheet(workbook: ExcelJS.Workbook, plan: PlanView, locale: Locale, name: string, sheets: { sheet: ExcelJS.Worksheet; bodyRow: number }[]): void {
    const review = reviewSheetOf(plan, locale);
    const page = say(REVIEW.page, locale, { page: '\u0001', pages: '\u0002' });
    const sheet = workbook.addWorksheet(name, {
        pageSetup: {
            paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
            margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 }
        },
        headerFooter: {
            oddFooter: `&C${headerText(page).replace('\u0001', '&P').replace('\u0002', '&N')}`,
            evenFooter: `&C${headerText(page).replace('\u0001', '&P').replace('\u0002', '&N')}`
        }
    });
    // STT, severity, rule, message, place, agency/district, reply, .plan line.
    const widths = [6, 11, 18, 50, 44, 22, 34, 12];
    sheet.columns = widths.map(width => ({ width }));
    [review.title, review.plan, review.name].forEach((text, i) => {
        const row = sheet.addRow([text]);
        sheet.mergeCells(i + 1, 1, i + 1, widths.length);
        row.font = { name: FONT, size: 13, bold: i !== 1, color: BLACK };
        row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        const lines = estimatedLines(text, widths.reduce((a, b) => a + b, 0), 13);
        if (lines > 1) row.height = lines * 17;
    });
    const headings = sheet.addRow(review.headings);
    headings.font = { name: FONT, size: 12, bold: true, color: BLACK };
    headings.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const line = { style: 'thin' as const, color: BLACK };
    const border = { top: line, left: line, bottom: line, right: line };
    headings.eachCell(c => { c.border = border; });
    headings.height = Math.max(...review.headings.map((h, c) => estimatedLines(h, widths[c], 12))) * 15.75;
    for (const r of review.rows) {
        const target = r.at ? sheets[r.at.annex] : undefined;
        const address = target ? target.sheet.getCell(target.bodyRow + r.at!.row, r.at!.column + 1).address : undefined;
        const values: ExcelJS.CellValue[] = reviewValues(r);
        // Excel's own link syntax; sheet names hold no apostrophe (sheetName turns it into ’). On the rule's
        // code, a single line: LibreOffice does not wrap a link's text, and the place is long.
        if (address) values[2] = { text: r.finding.code, hyperlink: `#'${target!.sheet.name}'!${address}` };
        const row = sheet.addRow(values);
        row.font = { name: FONT, size: 12, color: BLACK };
        row.alignment = { vertical: 'top', wrapText: true };
        for (let c = 1; c <= widths.length; c++) row.getCell(c).border = border;
        row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
        // As for the annexes: Excel and LibreOffice keep the default height for wrapped text.
        const lines = Math.max(...[3, 4, 5].map(c => estimatedLines(String(reviewValues(r)[c]), widths[c], 12)));
        if (lines > 1) row.height = lines * 15.75;
    }
    const headingRow = REVIEW_ROWS_ABOVE + 1;
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headingRow, topLeftCell: `A${headingRow + 1}` }];
    sheet.autoFilter = { from: { row: headingRow, column: 1 }, to: { row: headingRow, column: widths.length } };
    // Printed pages repeat the headings.
    sheet.pageSetup.printTitlesRow = `${headingRow}:${headingRow}`;
}

/** `findings`: add the review sheet after the annexes, its headings in `locale`. */
export async function renderXlsx(plan: PlanView, options: { findings?: boolean; locale?: Locale } = {}): Promise<Uint8Array> {
    // exceljs drops C0 controls itself but writes U+FFFE, U+FFFF and lone surrogates into the XML.
    const view = exportView(plan);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = view.header.issuer ?? 'plan';
    workbook.title = view.header.title ?? view.id;
    const used = new Set<string>(['history']);
    const size = sheetTextSize(view.annexes);
    const sheets = view.annexes.map((annex, i) => annexSheet(workbook, annex, sheetName(annex, i, used), size));
    if (options.findings) {
        const locale = options.locale ?? ANNEX_LOCALE;
        let name = say(REVIEW.sheet, locale);
        for (let n = 2; used.has(name.toLowerCase()); n++) name = `${say(REVIEW.sheet, locale)} (${n})`;
        used.add(name.toLowerCase());
        reviewSheet(workbook, plan, locale, name, sheets);
    }
    // Excel refuses a workbook without sheets.
    if (workbook.worksheets.length === 0) workbook.addWorksheet(say(KINDS.PlanDocument.title, ANNEX_LOCALE));
    const buffer = await workbook.xlsx.writeBuffer();
    return timesAsDefaultFont(new Uint8Array(buffer));
}

/**
 * Makes Times New Roman 11 the workbook's default font (exceljs always writes Calibri 11). Column
 * widths are counted in digits of the default font, so with Calibri a spreadsheet program that lacks
 * it (LibreOffice without Carlito falls back on DejaVu Sans, a third wider) widens every column and
 * fit-to-width shrinks the printed annex; Times New Roman is the annexes' own font, which they have.
 */
async function timesAsDefaultFont(data: Uint8Array): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(data);
    const styles = zip.file('xl/styles.xml');
    if (!styles) return data;
    const xml = await styles.async('string');
    const replaced = xml.replace(/(<fonts\b[^>]*>)<font>[\s\S]*?<\/font>/, `$1<font><sz val="11"/><color theme="1"/><name val="${FONT}"/><family val="1"/></font>`);
    if (replaced === xml) return data;
    zip.file('xl/styles.xml', replaced);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
