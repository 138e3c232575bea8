// The monitoring view of a report (issue 22): the annexes "Kết quả thực hiện …" (planned against actual,
// the path's value, the assessment, off-track and not-met figures carrying their findings), the charts
// with each target's straight path, and every export writing the annexes through the one grid model.
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { PlanView } from '../../common/view.js';
import { loadPlans } from '../../language-server/src/cli/workspace.js';
import { renderExport } from '../../language-server/src/export/index.js';
import { buildPlanView, locatedFinding } from '../../language-server/src/view/build.js';
import { EXAMPLES_DIR, SEED_PLAN } from '../helpers/plan.js';
import { docxGrid, markdownCells, readCsv, readDocx } from './export-support.js';

const REPORT = path.join(EXAMPLES_DIR, 'hung-yen-bao-cao-2024.plan');
let view: PlanView;
let seedView: PlanView;

beforeAll(async () => {
    const { services, documents } = await loadPlans([REPORT, SEED_PLAN], 'vi');
    const [report, seed] = documents;
    view = buildPlanView(services.plan.Models.get(report), (report.diagnostics ?? []).map(locatedFinding));
    seedView = buildPlanView(services.plan.Models.get(seed), (seed.diagnostics ?? []).map(locatedFinding));
});

const monitoring = () => view.annexes.filter(a => a.source.kind === 'monitoring');
const texts = (a: PlanView['annexes'][number]) => a.body.map(r => r.cells.map(c => c.text));

describe('the monitoring annexes of a report', () => {
    test('a plan has none; a report has its own table, then the indicators and the table against the plan', () => {
        expect(seedView.annexes.some(a => a.source.kind === 'monitoring')).toBe(false);
        expect(seedView.charts.some(c => c.id.startsWith('monitoring-'))).toBe(false);
        expect(view.annexes.map(a => a.source.kind)).toEqual(['district-table', 'monitoring', 'monitoring']);
        expect(monitoring().map(a => a.title)).toEqual([
            'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, MỤC TIÊU NĂM 2024',
            'KẾT QUẢ THỰC HIỆN NĂM 2024: TỶ LỆ HỘ NGHÈO TỈNH HUNG YÊN GIAI ĐOẠN 2023-2025'
        ]);
        expect(monitoring()[0].label).toBe('Kết quả thực hiện');
        expect(monitoring()[0].subtitle).toBe('(Kèm theo Báo cáo kết quả thực hiện Kế hoạch giảm nghèo năm 2024, Báo cáo số 123/BC-UBND của UBND tỉnh, ngày 15/12/2024)');
        // The report's own table is attached to the report, not to a plan's header.
        expect(view.annexes[0].subtitle).toBe(monitoring()[0].subtitle);
    });

    test('the indicators: planned, actual, the path of the year, the assessment; the off-track row carries its warning', () => {
        const [indicators] = monitoring();
        expect(indicators.header[0].cells.map(c => c.text)).toEqual(['STT', 'Chỉ tiêu, mục tiêu', 'Kế hoạch năm 2024', 'Thực hiện năm 2024', 'Lộ trình năm 2024', 'Đánh giá']);
        const rows = texts(indicators);
        expect(rows[0]).toEqual(['1', 'Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều', '0,71', '0,80', '', '']);
        expect(rows[1].slice(2)).toEqual(['', '0,80', '0,98', 'Đúng tiến độ']);
        const offTrack = indicators.body.find(r => r.cells[5].text === 'Chậm tiến độ')!;
        expect(offTrack.cells[1].text).toMatch(/^Mục tiêu năm 2025: giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng/);
        expect(offTrack.cells[4].text).toBe('9,2');
        expect(offTrack.cells[5].findings?.map(f => [f.code, f.severity])).toEqual([['report-off-track', 'warning']]);
        // The same figure met its plan of the year: that row carries the info, not the warning.
        const planRow = indicators.body[indicators.body.indexOf(offTrack) - 1];
        expect(planRow.cells.slice(2).map(c => c.text)).toEqual(['9,6', '9,5', '', 'Đạt']);
        expect(planRow.cells[5].findings?.map(f => f.code)).toEqual(['report-plan-met']);
    });

    test('the table by unit: each judged column planned, actual and assessed; a figure not met is marked', () => {
        const table = monitoring()[1];
        expect(table.header[0].cells.map(c => c.text)).toEqual(['STT', 'Đơn vị', 'Tổng số hộ nghèo', 'Tỷ lệ hộ nghèo (%)']);
        expect(texts(table)).toEqual([
            ['1', 'Phù Cừ', '319', '301', 'Đạt', '1,06', '1,00', 'Đạt'],
            ['2', 'Tiên Lữ', '303', '290', 'Đạt', '0,92', '0,97', 'Không đạt']
        ]);
        const notMet = table.body[1].cells[7];
        expect(notMet.findings?.map(f => f.code)).toEqual(['report-plan-not-met']);
        // The actual cell points at the report's figure, the planned cell at the plan's.
        expect(table.body[1].cells[6].range?.start.line).toBe(24);
    });

    test("the charts: each target's plan, straight path and actual; each judged column by unit", () => {
        const chart = view.charts.find(c => c.id === 'monitoring-mt_sdd_can_nang')!;
        expect(chart.labels).toEqual(['2022', '2023', '2024', '2025']);
        expect(chart.series.map(s => s.label)).toEqual(['Kế hoạch', 'Lộ trình đến mục tiêu', 'Thực hiện']);
        expect(chart.series[0].data).toEqual([9.7, 9.8, 9.6, 9]);
        expect(chart.series[1].data).toEqual([9.7, null, null, 9]);
        expect(chart.series[2].data).toEqual([null, null, 9.5, null]);
        expect(chart.targets).toEqual([{ label: '2025', op: 'below', value: 9, text: 'dưới 9%' }]);
        const bars = view.charts.find(c => c.id === 'monitoring-phu_luc_01-poor-rate')!;
        expect(bars.labels).toEqual(['Phù Cừ', 'Tiên Lữ']);
        expect(bars.series.map(s => s.data)).toEqual([[1.06, 0.92], [1.0, 0.97]]);
    });
});

describe('the exports write the monitoring annexes as "Kết quả thực hiện …"', () => {
    const title = 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, MỤC TIÊU NĂM 2024';

    test('XLSX: a sheet per annex, the title and the assessments', async () => {
        const { files } = await renderExport(view, 'xlsx');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(files[0].data as unknown as ArrayBuffer);
        const sheet = workbook.worksheets.find(s => s.name.startsWith('Kết quả thực hiện'))!;
        const values: string[] = [];
        sheet.eachRow(row => row.eachCell(cell => values.push(String(cell.value))));
        expect(values).toContain(title);
        expect(values).toContain('Chậm tiến độ');
        expect(workbook.worksheets.map(s => s.name).filter(n => n.startsWith('Kết quả thực hiện'))).toHaveLength(2);
    });

    test('DOCX: the annex title and its table', async () => {
        const { files } = await renderExport(view, 'docx');
        const docx = await readDocx(files[0].data);
        const section = docx.sections.find(s => s.paragraphs.some(p => p.text === title))!;
        expect(section).toBeDefined();
        expect(docxGrid(section.tables[0]).some(r => r.includes('Chậm tiến độ'))).toBe(true);
    });

    test('HTML and Markdown', async () => {
        const html = new TextDecoder().decode((await renderExport(view, 'html')).files[0].data);
        expect(html).toContain(title);
        expect(html).toContain('Chậm tiến độ');
        const md = new TextDecoder().decode((await renderExport(view, 'md')).files[0].data);
        const row = md.split('\n').find(l => l.includes('Tiên Lữ') && l.includes('Không đạt'))!;
        expect(markdownCells(row)).toEqual(['2', 'Tiên Lữ', '303', '290', 'Đạt', '0,92', '0,97', 'Không đạt']);
    });

    test('CSV: a file per monitoring annex, named for what it holds', async () => {
        const { files } = await renderExport(view, 'csv');
        expect(files.map(f => f.name)).toEqual([
            'bao_cao_2024-phu-luc-01.csv', 'bao_cao_2024-ket-qua-thuc-hien-indicators.csv', 'bao_cao_2024-ket-qua-thuc-hien-phu_luc_01.csv'
        ]);
        const rows = await readCsv(new TextDecoder().decode(files[1].data).replace(/^\uFEFF/, ''));
        expect(rows[0]).toEqual(['STT', 'Chỉ tiêu, mục tiêu', 'Kế hoạch năm 2024', 'Thực hiện năm 2024', 'Lộ trình năm 2024', 'Đánh giá']);
        expect(rows.some(r => r[5] === 'Chậm tiến độ')).toBe(true);
    });
});
