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
