// The review sheet: the plan's findings exported with the annexes (a CSV file, a sheet of the
// workbook) with rule, severity, message, the annex cell and the line, read back and compared with
// what the checker reported; off unless asked for.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../language-server/src/export/index.js';
import type { PlanView } from '../../common/view.js';
import { readCsv, seedView, viewOfText } from './export-support.js';

let view: PlanView;

async function readWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
    return wb;
}

const csvRows = async (data: Uint8Array, separator = ',') => readCsv(new TextDecoder().decode(data).replace(/^\uFEFF/, ''), separator);

beforeAll(async () => {
    view = await seedView();
});

describe('the review sheet', () => {
    it('is not written unless asked for', async () => {
        expect((await renderExport(view, 'csv')).files.map(f => f.name)).not.toContain('hung_yen_giam_ngheo_2023-phat-hien.csv');
        const workbook = await readWorkbook((await renderExport(view, 'xlsx')).files[0].data);
        expect(workbook.worksheets.map(s => s.name)).toEqual(['Phụ lục 01', 'Phụ lục 02', 'Phụ lục 03']);
    });

    it('lists every finding of the seed as a CSV beside the annexes: rule, severity, message, annex cell, line', async () => {
        const { files } = await renderExport(view, 'csv', { findings: true });
        const review = files.find(f => f.name === 'hung_yen_giam_ngheo_2023-phat-hien.csv')!;
        expect(review).toBeDefined();
        const [header, ...rows] = await csvRows(review.data);
        expect(header).toEqual(['Mức độ', 'Mã quy tắc', 'Nội dung', 'Phụ lục', 'Ô', 'Dòng', 'Cột']);
        const findings = view.findingList!;
        expect(rows).toHaveLength(19);
        expect(rows.map(r => [r[1], r[2], Number(r[5]), Number(r[6])])).toEqual(
            findings.map(f => [f.code, f.message, f.range.start.line + 1, f.range.start.character + 1]));
        // In the order of the plan file.
        expect(rows.map(r => Number(r[5]))).toEqual([...rows.map(r => Number(r[5]))].sort((a, b) => a - b));
        // The misprinted total of Annex 01, and the 2023 value of Annex 02 that moves the wrong way.
        const total = rows.find(r => r[1] === 'total-mismatch')!;
        expect(total.slice(0, 1)).toEqual(['Lỗi']);
        expect(total.slice(3, 5)).toEqual(['Phụ lục 01', 'Tổng cộng · Năm 2024 - Tổng số hộ nghèo']);
        const direction = rows.find(r => r[1] === 'wrong-direction')!;
        // The row is named without its list mark "+ ", which a spreadsheet would take for a formula.
        expect(direction.slice(3, 5)).toEqual(['Phụ lục 02', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi · Năm 2023']);
        // Findings outside the annexes (a solution without a lead) have a line but no cell.
        const lead = rows.find(r => r[1] === 'solution-without-lead')!;
        expect([lead[0], lead[3], lead[4]]).toEqual(['Thông tin', '', '']);
        // A strict target the 2025 figure only equals is at that figure's cell (the view maps targets to the values they check).
        expect(rows.filter(r => r[3] !== '').map(r => r[1]).sort()).toEqual([...Array(5).fill('target-not-met'), 'total-mismatch', 'wrong-direction']);
        const weight = rows.find(r => r[1] === 'target-not-met' && r[2].includes('cân nặng'))!;
        expect(weight.slice(3, 5)).toEqual(['Phụ lục 02', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi · Năm 2025']);
    });

    it('follows the CSV separator and the export\'s language', async () => {
        const english = await viewOfText('plan p "P"\nnumber-style vi\ndistrict A "A; B" huyen\ntable t "T" { annex "01" years { 2023 result } columns households poor poor-rate\n row 1 A { 2023: 100 5 4,00 }\n}\n');
        const { files } = await renderExport(english, 'csv', { findings: true, locale: 'en', csv: { separator: ';' } });
        const [header, ...rows] = await csvRows(files.at(-1)!.data, ';');
        expect(header).toEqual(['Severity', 'Rule', 'Message', 'Annex', 'Cell', 'Line', 'Column']);
        const rate = rows.find(r => r[1] === 'rate-mismatch')!;
        expect(rate[0]).toBe('Error');
        expect(rate.slice(3, 6)).toEqual(['Phụ lục 01', 'A; B · Kết quả năm 2023 - Tỷ lệ hộ nghèo (%)', '5']);
    });

    it('is a sheet of the workbook after the annexes, each annex finding linked to its cell', async () => {
        const { files } = await renderExport(view, 'xlsx', { findings: true });
        const workbook = await readWorkbook(files[0].data);
        expect(workbook.worksheets.map(s => s.name)).toEqual(['Phụ lục 01', 'Phụ lục 02', 'Phụ lục 03', 'Phát hiện']);
        const sheet = workbook.getWorksheet('Phát hiện')!;
        const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
        expect(values(1)).toEqual(['Mức độ', 'Mã quy tắc', 'Nội dung', 'Phụ lục', 'Ô', 'Dòng', 'Cột']);
        expect(sheet.rowCount).toBe(1 + 19);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        const totalRow = Array.from({ length: 19 }, (_, i) => i + 2).find(r => sheet.getCell(r, 2).value === 'total-mismatch')!;
        const link = sheet.getCell(totalRow, 5).value as { text: string; hyperlink: string };
        expect(link.text).toBe('Tổng cộng · Năm 2024 - Tổng số hộ nghèo');
        const [, target, address] = /^#'(.+)'!([A-Z]+\d+)$/.exec(link.hyperlink)!;
        // The link lands on the misprinted number itself.
        expect(workbook.getWorksheet(target)!.getCell(address).value).toBe(2954);
        expect(sheet.getCell(totalRow, 6).value).toBe(view.findingList!.find(f => f.code === 'total-mismatch')!.range.start.line + 1);
    });
});
