// The XLSX export read back with exceljs: one sheet per annex, the annex lines, merged group headers,
// frozen header rows, and real numbers whose format prints the annex's decimals.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../language-server/src/export/index.js';
import { numberFormat } from '../../language-server/src/export/xlsx.js';
import { formatNumber } from '../../common/numbers.js';
import type { AnnexTable, PlanView } from '../../common/view.js';
import { child, descendants, seedView, viewOfText, xmlParts, XSS, XSS_PLAN } from './export-support.js';

let view: PlanView;
let workbook: ExcelJS.Workbook;

async function readWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
    return wb;
}

beforeAll(async () => {
    view = await seedView();
    const { files } = await renderExport(view, 'xlsx');
    expect(files.map(f => f.name)).toEqual(['hung_yen_giam_ngheo_2023.xlsx']);
    workbook = await readWorkbook(files[0].data);
});

/** Row of the first header row: label, heading (Annex 01's "DỰ KIẾN"), title, subtitle, one blank row. */
const headerRow = (annex: AnnexTable) => (annex.heading ? 4 : 3) + 2;

/** Digits after the decimal point that a format such as '#,##0.00' prints. */
function formatDecimals(numFmt: string): number {
    return /\.(0+)/.exec(numFmt)?.[1].length ?? 0;
}

describe('XLSX export of the seed plan', () => {
    it('has one sheet per annex named "Phụ lục NN"', () => {
        expect(workbook.worksheets.map(s => s.name)).toEqual(['Phụ lục 01', 'Phụ lục 02', 'Phụ lục 03']);
    });

    it('prints the annex label, the title in capitals and the "(Kèm theo …)" line above the table', () => {
        view.annexes.forEach((annex, i) => {
            const sheet = workbook.worksheets[i];
            const lines = [annex.label, ...(annex.heading ? [annex.heading] : []), annex.title.toLocaleUpperCase('vi'), annex.subtitle];
            expect(lines.map((_, r) => sheet.getCell(r + 1, 1).value)).toEqual(lines);
            expect(sheet.getCell('A1').font.bold).toBe(true);
            expect(sheet.getCell(lines.length, 1).font.italic).toBe(true);
            // Each line spans the table's width.
            expect(sheet.getCell(1, annex.columns.length).isMerged).toBe(true);
        });
    });

    it('merges the group headers of Annex 01', () => {
        const sheet = workbook.worksheets[0];
        const merges = (sheet.model as unknown as { merges: string[] }).merges;
        // Annex 01 has its heading line "DỰ KIẾN": the table starts on row 6.
        const top = headerRow(view.annexes[0]);
        expect(top).toBe(6);
        expect(merges).toEqual(expect.arrayContaining(['A6:A7', 'B6:B7', 'C6:E6', 'F6:H6', 'I6:K6', 'L6:N6', 'O6:Q6']));
        // "Tổng cộng" spans STT and district.
        expect(merges).toEqual(expect.arrayContaining([`A${top + 2 + 10}:B${top + 2 + 10}`]));
        expect(sheet.getCell('C6').value).toBe('Kết quả năm 2021');
        expect(sheet.getCell('D6').master.address).toBe('C6');
        expect(sheet.getCell('A7').master.address).toBe('A6');
        expect(sheet.getCell('C7').value).toBe('Tổng số hộ dân cư');
    });

    it('freezes the header rows', () => {
        view.annexes.forEach((annex, i) => {
            const [frozen] = workbook.worksheets[i].views as ExcelJS.WorksheetViewFrozen[];
            expect(frozen.state).toBe('frozen');
            expect(frozen.ySplit).toBe(headerRow(annex) + annex.header.length - 1);
        });
    });

    it('holds every Annex 01 cell: numbers as numbers with the printed decimals, text as printed', () => {
        const annex = view.annexes[0];
        const sheet = workbook.worksheets[0];
        let numbers = 0;
        annex.body.forEach((row, r) => {
            const excelRow = headerRow(annex) + annex.header.length + r;
            let column = 1;
            for (const cell of row.cells) {
                const target = sheet.getCell(excelRow, column);
                if (cell.kind === 'count' || cell.kind === 'rate') {
                    expect(typeof target.value, `${target.address} ${cell.text}`).toBe('number');
                    expect(target.value).toBe(cell.value);
                    expect(target.numFmt).toBe(numberFormat(cell.decimals));
                    // The format prints the value back as the annex does, in the plan's style.
                    expect(formatNumber(target.value as number, 'vi', formatDecimals(target.numFmt))).toBe(cell.text);
                    numbers++;
                } else if (cell.kind === 'number') {
                    // STT: a number, shown as printed.
                    expect(target.value, target.address).toBe(Number(cell.text));
                    expect(target.alignment.horizontal).toBe('center');
                } else {
                    expect(target.value).toBe(cell.text);
                }
                expect(target.font.name).toBe('Times New Roman');
                if (row.kind === 'total') expect(target.font.bold).toBe(true);
                column += cell.colSpan ?? 1;
            }
        });
        expect(numbers).toBe(11 * 15);
        // Spot checks against the printed annex: 29.822 households, 3,17 %, 1,2 % kept at one decimal.
        expect(sheet.getCell('C8').value).toBe(29822);
        expect(sheet.getCell('C8').numFmt).toBe('#,##0');
        expect(sheet.getCell('E8').value).toBe(3.17);
        expect(sheet.getCell('E8').numFmt).toBe('#,##0.00');
        expect(sheet.getCell('K11').value).toBe(1.2);
        expect(sheet.getCell('K11').numFmt).toBe('#,##0.0');
    });

    it('holds every cell of Annexes 02 and 03 (indicator values as numbers, years as numbers shown "Năm …")', () => {
        for (const i of [1, 2]) {
            const annex = view.annexes[i];
            const sheet = workbook.worksheets[i];
            annex.body.forEach((row, r) => {
                row.cells.forEach((cell, c) => {
                    const target = sheet.getCell(headerRow(annex) + annex.header.length + r, c + 1);
                    if (cell.kind === 'number' || cell.kind === 'year') {
                        expect(target.value).toBe(cell.value);
                        const text = cell.kind === 'year' ? `Năm ${target.value}` : formatNumber(target.value as number, 'vi', formatDecimals(target.numFmt));
                        expect(text).toBe(cell.text);
                    } else if (cell.runs) {
                        expect((target.value as ExcelJS.CellRichTextValue).richText.map(r => r.text).join('')).toBe(cell.text);
                    } else {
                        expect(target.value).toBe(cell.text);
                    }
                });
            });
        }
        expect(workbook.worksheets[2].getCell('E6').numFmt).toBe('"Năm "0');
    });

    it('stores the STT of every annex as a number (sorting and filtering as numbers), centred', () => {
        view.annexes.forEach((annex, i) => {
            const sheet = workbook.worksheets[i];
            const first = headerRow(annex) + annex.header.length;
            const stt = annex.body.map((row, r) => [row.cells[0].text, sheet.getCell(first + r, 1).value]).filter(([t]) => /^\d+$/.test(t as string));
            expect(stt.length, annex.label).toBeGreaterThan(5);
            for (const [text, value] of stt) expect(value, `${annex.label} STT ${text}`).toBe(Number(text));
        });
        // Not a text cell holding digits ("number stored as text"): the cell XML has no string type.
        expect(workbook.worksheets[2].getCell(headerRow(view.annexes[2]) + 1, 1).type).toBe(ExcelJS.ValueType.Number);
    });

    it('sets Annex 02\'s dimension labels in bold as published, as rich text: the indicators\' names plain', () => {
        const annex = view.annexes[1];
        const sheet = workbook.worksheets[1];
        const first = headerRow(annex) + annex.header.length;
        const runs = annex.body.map((_, r) => sheet.getCell(first + r, 2).value)
            .map(v => (typeof v === 'object' && v !== null && 'richText' in v ? v.richText.map(x => [x.text, x.font?.bold === true]) : [[v, false]]));
        expect(runs[0]).toEqual([['- Chiều thiếu hụt về việc làm:', true], [' Tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo có nhu cầu được hỗ trợ kết nối, tư vấn, định hướng nghề nghiệp, cung cấp thông tin thị trường lao động, hỗ trợ tìm việc làm', false]]);
        expect(runs[2]).toEqual([['+ Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi', false]]);
        expect(runs.flatMap(r => r.filter(x => x[1]).map(x => x[0]))).toEqual([
            'việc làm', 'y tế', 'giáo dục, đào tạo', 'nhà ở', 'nước sinh hoạt và vệ sinh', 'thông tin'
        ].map(d => `- Chiều thiếu hụt về ${d}:`));
    });

    it('makes the columns as wide as the printed page (at 100 %), the view\'s widest column the widest', () => {
        view.annexes.forEach((annex, i) => {
            const widths = annex.columns.map((_, c) => workbook.worksheets[i].getColumn(c + 1).width!);
            // A column `w` wide is w × 7 + 5 pixels (96 dpi) in the default font, Times New Roman 11.
            const mm = widths.reduce((a, w) => a + (w * 7 + 5) * 25.4 / 96, 0);
            const printable = (annex.orientation === 'landscape' ? 297 : 210) - 30 - 15;
            expect(mm, annex.label).toBeLessThanOrEqual(printable + 0.5);
            expect(mm, annex.label).toBeGreaterThan(printable * 0.97);
            const widest = annex.columns.reduce((best, c, k) => (c.width > annex.columns[best].width ? k : best), 0);
            expect(Math.max(...widths)).toBe(widths[widest]);
        });
    });

    it('sets every annex\'s table in one text size, 11 pt here (Annex 01\'s seventeen columns hold their numbers at it)', () => {
        const sizes = new Set<number>();
        view.annexes.forEach((annex, i) => {
            const sheet = workbook.worksheets[i];
            for (let r = headerRow(annex); r < headerRow(annex) + annex.header.length + annex.body.length; r++) {
                sheet.getRow(r).eachCell(cell => { if (cell.font?.size) sizes.add(cell.font.size); });
            }
        });
        expect([...sizes]).toEqual([11]);
    });

    it('makes Times New Roman the workbook\'s default font, in which column widths are counted', async () => {
        const { files } = await renderExport(view, 'xlsx');
        const styles = (await xmlParts(files[0].data)).get('xl/styles.xml')!;
        const first = descendants(descendants(styles, 'fonts')[0], 'font')[0];
        expect(child(first, 'name')?.attrs.val).toBe('Times New Roman');
        expect(child(first, 'sz')?.attrs.val).toBe('11');
    });

    it('prints on A4 in the annex orientation with the header rows repeated and page numbers from the second page', () => {
        view.annexes.forEach((annex, i) => {
            const setup = workbook.worksheets[i].pageSetup;
            expect(setup.paperSize).toBe(9);
            expect(setup.orientation).toBe(annex.orientation);
            expect(setup.printTitlesRow).toBe(`${headerRow(annex)}:${headerRow(annex) + annex.header.length - 1}`);
            // One page wide, as many down as it takes; each annex numbers its pages from 1.
            expect([setup.fitToPage, setup.fitToWidth, setup.fitToHeight, setup.firstPageNumber]).toEqual([true, 1, 0, 1]);
            const headerFooter = workbook.worksheets[i].headerFooter;
            expect(headerFooter.differentFirst).toBe(true);
            expect(headerFooter.oddHeader).toMatch(/^&C.*&P$/);
            expect(headerFooter.firstHeader ?? '').toBe('');
        });
    });
});

describe('XLSX export of other plans', () => {
    it('keeps text as text, a payload included, and never writes a formula', async () => {
        const wb = await readWorkbook((await renderExport(await viewOfText(XSS_PLAN), 'xlsx')).files[0].data);
        const sheet = wb.worksheets[0];
        // Label, heading, title, subtitle, blank, two header rows: the first district is on row 8.
        expect(sheet.getCell('A2').value).toBe('DỰ KIẾN');
        expect(sheet.getCell('A8').value).toBe(1);
        expect(sheet.getCell('B8').value).toBe(XSS);
        sheet.eachRow(row => row.eachCell(cell => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    });

    it('keeps the printed text of a number that does not fit the plan style', async () => {
        const text = `plan wrong "Sai kiểu số"\nnumber-style vi\ndistrict A "A" huyen\ntable t "T" {\n    annex "01"\n    years { 2023 result }\n    columns households poor poor-rate\n    row 1 A { 2023: 29.822 946 3.17 }\n}\n`;
        const wrong = await viewOfText(text);
        const row = wrong.annexes[0].body[0];
        // "3.17" fits only the international style: the view has its text and no value.
        expect(row.cells[4]).toMatchObject({ text: '3.17', value: undefined });
        const wb = await readWorkbook((await renderExport(wrong, 'xlsx')).files[0].data);
        const sheet = wb.worksheets[0];
        expect(sheet.getCell('E7').value).toBe('3.17');
        expect(sheet.getCell('C7').value).toBe(29822);
        expect(sheet.getCell('D7').value).toBe(946);
    });
});
