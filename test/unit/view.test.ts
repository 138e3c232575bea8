// The plan view that the preview and every exporter render: annexes in their numbered order, the
// official subtitle, findings attached to the cells they concern, chart series that name each row.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanView, type LocatedFinding } from '../../language-server/src/view/build.js';
import { EXAMPLES_DIR, SEED_PLAN, createTestServices, severityOf, PUBLISHED_ANNEXES, validatePlan } from '../helpers/plan.js';

const services = createTestServices('vi');

async function viewOf(file: string) {
    const { model, diagnostics } = await validatePlan(services, fs.readFileSync(file, 'utf-8'));
    const findings: LocatedFinding[] = diagnostics.map(d => ({ severity: severityOf(d), code: String(d.code), message: d.message, range: d.range }));
    return buildPlanView(model, findings);
}

describe('plan view', () => {
    it('lists the seed annexes in their numbered order with the official subtitle', async () => {
        const view = await viewOf(SEED_PLAN);
        expect(view.annexes.map(a => a.label)).toEqual(['Phụ lục 01', 'Phụ lục 02', 'Phụ lục 03']);
        for (const a of view.annexes) expect(a.subtitle).toBe('(Kèm theo Kế hoạch số /KH-UBND ngày /11/2023 của UBND tỉnh)');
        expect(view.header.period).toBe('2023–2025');
        expect(view.findings).toEqual({ error: 1, warning: 7, info: 11, hint: 0 });
    });

    it('marks the misprinted 2024 total with its finding, and only that cell of the total row', async () => {
        const view = await viewOf(SEED_PLAN);
        const total = view.annexes[0].body.find(r => r.kind === 'total')!;
        const marked = total.cells.filter(c => c.findings?.length);
        expect(marked.map(c => c.text)).toEqual(['2.954']);
        expect(marked[0].findings![0].code).toBe('total-mismatch');
    });

    it('marks a target that is not met, and a plan value that goes the wrong way, on the Annex 02 cell they concern', async () => {
        const view = await viewOf(SEED_PLAN);
        const annex02 = view.annexes.find(a => a.number === '02')!;
        const years = annex02.header[0].cells.map(c => c.text);
        const cellOf = (indicator: string, year: string) => {
            const row = annex02.body.find(r => r.cells[1].text.includes(indicator))!;
            return row.cells[years.indexOf(year)];
        };
        // "dưới 9%" with 9 planned for 2025: the strict target is not met, at the 2025 cell.
        const weight = cellOf('suy dinh dưỡng cân nặng', 'Năm 2025');
        expect(weight.text).toBe('9');
        expect(weight.findings?.map(f => f.code)).toEqual(['target-not-met']);
        // The cell carries the target declaration's place as well as its own.
        const targetLine = fs.readFileSync(SEED_PLAN, 'utf-8').split('\n').findIndex(l => l.startsWith('target mt_sdd_can_nang'));
        expect(weight.related?.map(r => r.start.line)).toEqual([targetLine]);
        expect(cellOf('suy dinh dưỡng cân nặng', 'Năm 2023').findings?.map(f => f.code)).toEqual(['wrong-direction']);
        expect(cellOf('suy dinh dưỡng chiều cao', 'Năm 2025').findings?.map(f => f.code)).toEqual(['target-not-met']);
        expect(cellOf('viễn thông', 'Năm 2025').findings?.map(f => f.code)).toEqual(['target-not-met']);
        // Every target-not-met and wrong-direction of the seed marks a cell.
        const onCells = new Set(view.annexes.flatMap(a => a.body.flatMap(r => r.cells.flatMap(c => c.findings ?? []))).map(f => f.message));
        const concern = view.findingList!.filter(f => f.code === 'target-not-met' || f.code === 'wrong-direction');
        expect(concern).toHaveLength(6);
        for (const f of concern) expect(onCells.has(f.message), f.message).toBe(true);
    });

    it('lists every finding with the cells that carry it, for the preview to go to them', async () => {
        const view = await viewOf(SEED_PLAN);
        const list = view.findingList!;
        expect(list).toHaveLength(19);
        const total = list.find(f => f.code === 'total-mismatch')!;
        expect(total.cells).toHaveLength(1);
        const { annex, row, cell } = total.cells![0];
        expect(view.annexes[annex].body[row].cells[cell].text).toBe('2.954');
        for (const f of list.filter(x => x.code === 'target-not-met')) {
            expect(f.cells, f.message).toHaveLength(1);
            const c = view.annexes[f.cells![0].annex].body[f.cells![0].row].cells[f.cells![0].cell];
            expect(c.findings!.some(x => x.message === f.message)).toBe(true);
            expect(view.annexes[f.cells![0].annex].number).toBe('02');
        }
        // A solution without a lead is not in an annex: no cell.
        expect(list.filter(f => f.code === 'solution-without-lead').every(f => f.cells === undefined)).toBe(true);
    });

    it('marks a target on a figure computed from a table on the table\'s cell', async () => {
        const { model, diagnostics } = await validatePlan(services, `plan p "P"
number-style vi
header { period 2023 to 2025 }
district A "A" huyen
district B "B" huyen
table t "Bảng" {
    annex "01"
    years { 2024 result  2025 plan }
    columns households poor poor-rate
    row 1 A { 2024: 100 2 2,00  2025: 100 1 1,00 }
    row 2 B { 2024: 100 4 4,00  2025: 100 3 3,00 }
    total "Tổng cộng" { 2024: 200 6 3,00  2025: 200 4 2,00 }
}
indicator rate "Tỷ lệ hộ nghèo" {
    unit percent
    direction lower
    computed poor-rate of t
}
target mt { indicator rate  year 2025  below 1,5  text "dưới 1,5%" }
`);
        const findings: LocatedFinding[] = diagnostics.map(d => ({ severity: severityOf(d), code: String(d.code), message: d.message, range: d.range }));
        expect(findings.map(f => f.code)).toContain('target-not-met');
        const view = buildPlanView(model, findings);
        const total = view.annexes[0].body.at(-1)!;
        expect(total.cells.filter(c => c.findings?.length).map(c => [c.text, c.findings!.map(f => f.code)])).toEqual([['2,00', ['target-not-met']]]);
    });

    it('names each row of a sectioned table with its section in charts', async () => {
        const view = await viewOf(path.join(EXAMPLES_DIR, 'broken', 'sections-near-poor.plan'));
        for (const chart of view.charts.filter(c => c.id === 'district-rates' || c.id === 'households')) {
            const names = chart.id === 'households' ? chart.labels : chart.series.map(s => s.label);
            expect(new Set(names).size, chart.id).toBe(names.length);
        }
    });

    it('merges the Annex 02 agency cell over the rows the published annex leaves empty', async () => {
        const view = await viewOf(SEED_PLAN);
        const published = JSON.parse(fs.readFileSync(PUBLISHED_ANNEXES, 'utf-8')) as
            { annex02: { rows: { agency: string | null }[] } };
        const annex02 = view.annexes.find(a => a.number === '02')!;
        const columns = annex02.header[0].cells.length;
        expect(annex02.body).toHaveLength(published.annex02.rows.length);
        annex02.body.forEach((row, i) => {
            const hasAgencyCell = row.cells.length === columns;
            expect(hasAgencyCell, `row ${i + 1}`).toBe(published.annex02.rows[i].agency !== null);
        });
        const spans = annex02.body.map(r => r.cells.length === columns ? r.cells.at(-1)!.rowSpan ?? 1 : 0).filter(n => n > 0);
        expect(spans.reduce((a, b) => a + b, 0)).toBe(annex02.body.length);
    });

    it('names the agencies of Annexes 02 and 03 in the published wording: short forms and the en dash where the document has them', async () => {
        const view = await viewOf(SEED_PLAN);
        const published = JSON.parse(fs.readFileSync(PUBLISHED_ANNEXES, 'utf-8')) as {
            annex02: { rows: { agency: string | null }[] };
            annex03: { rows: { lead: string; coordinating: string }[] };
        };
        const annex02 = view.annexes.find(a => a.number === '02')!;
        const columns = annex02.header[0].cells.length;
        expect(annex02.body.map(r => (r.cells.length === columns ? r.cells.at(-1)!.text : null)))
            .toEqual(published.annex02.rows.map(r => r.agency));
        expect(published.annex02.rows.map(r => r.agency)).toContain('Sở Nông nghiệp và PTNT');
        const annex03 = view.annexes.find(a => a.number === '03')!;
        expect(annex03.body.map(r => [r.cells[2].text, r.cells[3].text])).toEqual(published.annex03.rows.map(r => [r.lead, r.coordinating]));
        expect(published.annex03.rows.filter(r => r.lead === 'Sở Lao động – Thương binh và Xã hội')).toHaveLength(4);
        // The wordings are the agency's own declared names: no finding.
        expect(view.findingList!.filter(f => f.code === 'agency-name-unknown')).toEqual([]);
    });

    it('gives Annex 02\'s dimension label as a bold run before the first indicator\'s name, the whole text unchanged', async () => {
        const view = await viewOf(SEED_PLAN);
        const published = JSON.parse(fs.readFileSync(PUBLISHED_ANNEXES, 'utf-8')) as
            { annex02: { rows: { dimension: string; stt: string | null; indicator: string }[] } };
        const annex02 = view.annexes.find(a => a.number === '02')!;
        annex02.body.forEach((row, i) => {
            const cell = row.cells[1];
            const { dimension, stt } = published.annex02.rows[i];
            if (stt === null) expect(cell.runs, `row ${i + 1}`).toBeUndefined();
            else {
                expect(cell.runs?.[0], `row ${i + 1}`).toEqual({ text: `- ${dimension}:`, bold: true });
                expect(cell.runs!.map(r => r.text).join(''), `row ${i + 1}`).toBe(cell.text);
                expect(cell.runs!.slice(1).some(r => r.bold)).toBe(false);
            }
            expect(cell.bold).toBeUndefined();
        });
    });

    describe('the "(Kèm theo …)" line under each annex', () => {
        /** A plan with one small annex and the given header fields. */
        const subtitleOf = async (header: string) => {
            const { model } = await validatePlan(services, `plan p "P"
number-style vi
header {
${header}
}
district A "A" huyen
table t "Bảng" {
    annex "01"
    years { 2023 result }
    columns households poor
    row 1 A { 2023: 100 1 }
}
`);
            return buildPlanView(model).annexes[0].subtitle;
        };

        it('leaves out what the plan leaves blank instead of printing "số / ngày của"', async () => {
            expect(await subtitleOf('')).toBe('(Kèm theo Kế hoạch)');
            expect(await subtitleOf('number "" code ""')).toBe('(Kèm theo Kế hoạch)');
            expect(await subtitleOf('issuer "Ủy ban nhân dân tỉnh Thử"')).toBe('(Kèm theo Kế hoạch của Ủy ban nhân dân tỉnh Thử)');
            expect(await subtitleOf('number "7"  date 3/4/2024')).toBe('(Kèm theo Kế hoạch số 7 ngày 3/4/2024)');
            // A draft's number is written in at signing: its gap before the code stays, as the seed prints it.
            expect(await subtitleOf('number "" code "KH-UBND"  issuer-short "UBND tỉnh"')).toBe('(Kèm theo Kế hoạch số /KH-UBND của UBND tỉnh)');
        });

        it('names the document by the header\'s kind', async () => {
            expect(await subtitleOf('kind "QUYẾT ĐỊNH"  number "15" code "QĐ-UBND"  date 3/4/2024  issuer-short "UBND tỉnh"'))
                .toBe('(Kèm theo Quyết định số 15/QĐ-UBND ngày 3/4/2024 của UBND tỉnh)');
            expect(await subtitleOf('kind "Chỉ thị"  number "2" code "CT-UBND"')).toBe('(Kèm theo Chỉ thị số 2/CT-UBND)');
        });
    });
});

describe('charts that do not mislead (issue 11)', () => {
    it('draws households and poor households apart (never on two axes), titled with what the figures are and their year', async () => {
        const view = await viewOf(SEED_PLAN);
        const byId = new Map(view.charts.map(c => [c.id, c]));
        const households = byId.get('households')!;
        expect(households.series.map(s => [s.label, s.kind])).toEqual([['Kế hoạch năm 2025', 'plan']]);
        expect(households.title).toBe('Tổng số hộ dân cư theo huyện: kế hoạch năm 2025');
        const poor = byId.get('poor-households')!;
        // The plan beside the last result: one quantity, one scale.
        expect(poor.series.map(s => [s.label, s.kind])).toEqual([['Kết quả năm 2022', 'result'], ['Kế hoạch năm 2025', 'plan']]);
        expect(poor.title).toBe('Số hộ nghèo theo huyện: kết quả năm 2022 và kế hoạch năm 2025');
        expect(poor.series[1].data[4]).toBe(365);
        expect(view.charts.some(c => c.series.some(s => s.data.some(v => v !== null && v > 10_000)) && c.series.some(s => s.data.every(v => v === null || v < 2_000)))).toBe(false);
    });

    it('puts the years of line charts on a year axis with the kind of each year\'s figures', async () => {
        const view = await viewOf(SEED_PLAN);
        const byId = new Map(view.charts.map(c => [c.id, c]));
        const rates = byId.get('district-rates')!;
        expect([rates.axis, rates.labels, rates.kinds]).toEqual(['year', ['2021', '2022', '2023', '2024', '2025'], ['result', 'result', 'plan', 'plan', 'plan']]);
        expect(rates.title).toBe('Tỷ lệ hộ nghèo theo huyện/thị xã/thành phố (%): kết quả 2021–2022 và kế hoạch 2023–2025');
        for (const c of view.charts.filter(x => x.type === 'line')) expect(c.axis, c.id).toBe('year');
        // The province: its rate with its targets, 2025 "khoảng 0,5%" and no poor household in 2030.
        const province = byId.get('province-rate')!;
        expect(province.labels).toEqual(['2021', '2022', '2023', '2024', '2025', '2030']);
        expect(province.series).toHaveLength(1);
        expect(province.series[0].data).toEqual([2.55, 1.93, 1.12, 0.71, 0.49, null]);
        expect(province.targets).toEqual([
            { label: '2025', op: 'about', value: 0.5, text: 'khoảng 0,5%' },
            { label: '2030', op: 'equal', value: 0, text: '0%' }
        ]);
    });

    it('gives each indicator chart its results, plans and targets', async () => {
        const view = await viewOf(SEED_PLAN);
        const weight = view.charts.find(c => c.id === 'indicator-yt_sdd_can_nang')!;
        expect(weight.kinds).toEqual(['result', 'plan', 'plan', 'plan']);
        expect(weight.series[0].data).toEqual([9.7, 9.8, 9.6, 9]);
        expect(weight.targets).toEqual([{ label: '2025', op: 'below', value: 9, text: 'dưới 9%', missed: 'chưa đạt (9%)' }]);
        expect(weight.title).toBe('Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi: kết quả năm 2022 và kế hoạch 2023–2025');
        // An indicator named with a full stop is not titled "….: …".
        expect(view.charts.find(c => c.id === 'indicator-tt_vien_thong')!.title).toMatch(/internet: kết quả năm 2022/);
        // Every target with a figure is on its indicator's chart.
        const withFigure = ['vl_ket_noi', 'yt_bhyt', 'yt_sdd_can_nang', 'yt_sdd_chieu_cao', 'gd_qua_dao_tao', 'gd_bang_cap', 'gd_ky_nang_nghe', 'no_ho_tro', 'nvs_nuoc', 'nvs_nha_tieu', 'tt_vien_thong'];
        expect(view.charts.filter(c => c.targets?.length && c.id.startsWith('indicator-')).map(c => c.id.slice('indicator-'.length))).toEqual(withFigure);
    });

    it('draws a range as a band, a change at the level it asks for, and a target year beyond the figures', async () => {
        const { model } = await validatePlan(services, `plan p "P"
number-style vi
header { period 2023 to 2026 }
agency LD "Sở" department
dimension d "D" {
    indicator a "Chỉ tiêu A" { unit percent  direction lower  lead LD  baseline 2023 = 5,0  plan 2024 = 2,7 }
}
target t1 { indicator a  year 2024  down-by 2,3  text "giảm 2,3%" }
target t2 { indicator a  year 2026  between 1,5 and 2  text "từ 1,5% đến 2%" }
`);
        const chart = buildPlanView(model).charts.find(c => c.id === 'indicator-a')!;
        expect(chart.labels).toEqual(['2023', '2024', '2026']);
        expect(chart.series[0].data).toEqual([5, 2.7, null]);
        expect(chart.kinds).toEqual(['result', 'plan', 'plan']);
        expect(chart.targets).toEqual([
            { label: '2024', op: 'at-most', value: expect.closeTo(2.7, 9), text: 'giảm 2,3 so với năm 2023' },
            { label: '2026', op: 'between', low: 1.5, high: 2, text: 'từ 1,5 đến 2%' }
        ]);
    });
});

describe('tables of any shape (issue 10): the view takes its headings from the declarations', () => {
    const shape = (n: string) => fs.readdirSync(path.join(EXAMPLES_DIR, 'tables')).find(f => f.startsWith(`${n}-`))!;
    const view = (n: string) => viewOf(path.join(EXAMPLES_DIR, 'tables', shape(n)));

    it('declared columns are headed by their declared labels, predeclared ones by the catalogue', async () => {
        const v = await view('3');
        const headings = v.annexes[0].header[1].cells.map(c => c.text);
        expect(headings).toEqual(['Tổng số hộ dân cư', 'Số hộ có mức sống trung bình', 'Tỷ lệ hộ có mức sống trung bình (%)', 'Số nhân khẩu']);
        expect(v.annexes[0].columns.map(c => c.kind)).toEqual(['text', 'text', 'count', 'count', 'rate', 'count']);
    });

    it('the row-label heading follows the units: regions, the province, communes, districts', async () => {
        const heading = async (n: string) => (await view(n)).annexes[0].header[0].cells[1].text;
        expect(await heading('1')).toBe('Vùng');
        expect(await heading('3')).toBe('Tỉnh/thành phố');
        expect(await heading('6')).toBe('Xã/phường/thị trấn');
        expect(await heading('2')).toBe('Huyện/TX/TP');
    });

    it('a range cell is printed as documents print it, and carries its finding', async () => {
        const v = await view('5');
        const texts = v.annexes[0].body.map(r => r.cells.slice(2).map(c => c.text));
        expect(texts[0]).toEqual(['13.700', '410–460', '3,0–3,4']);
        const marked = v.annexes[0].body.flatMap(r => r.cells).filter(c => c.findings?.length);
        expect(marked.map(c => [c.text, c.findings![0].code])).toEqual([['2,5–3,3', 'rate-mismatch'], ['710–830', 'range-total-mismatch']]);
    });

    it('charts mark the change of poverty standard, in the district chart and the province chart', async () => {
        const v = await view('7');
        const byId = new Map(v.charts.map(c => [c.id, c]));
        expect(byId.get('district-rates')!.breaks).toEqual([{ label: '2016', note: 'Từ đây: Chuẩn nghèo đa chiều giai đoạn 2016–2020' }]);
        expect(byId.get('province-rate')!.breaks!.map(b => b.label)).toEqual(['2016']);
        // A series without a change of standard has no break.
        expect((await view('6')).charts.every(c => !c.breaks?.length)).toBe(true);
    });
});
