// The preview webview in Debian's Chromium, fed the real view of the seed plan (its model and its
// diagnostics, as the language server answers plan/view). Expected cells come from the independent
// transcription test/fixtures/hung-yen-annexes.json and from the plan text, not from the view.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../common/export.js';
import type { PlanView } from '../../common/view.js';
import { SEED_PLAN, PUBLISHED_ANNEXES } from '../helpers/plan.js';
import {
    CHROMIUM, seedPreviewSuite, hasChromium, openPreview, planViewOf, PreviewServer, screenshot, viewMessage,
    type OpenOptions, type PreviewPage
} from './harness.js';

// Page functions run in the browser; this Node project has no DOM types, so they see the globals as any.
declare const window: any;
declare const document: any;
declare function getComputedStyle(e: unknown): any;

if (!hasChromium) {
    console.warn(`SKIPPED: chromium not installed (${CHROMIUM}); install it with apt-get install -y chromium to run the browser tests.`);
}

interface PrintedCell { printed: string; value: number }
interface Annex01Row { no?: number; district?: string; label?: string; years: Record<string, { households: PrintedCell; poor: PrintedCell; rate: PrintedCell }> }
interface Seed {
    annex01: { title: string; years: Record<string, string>; rows: Annex01Row[]; total: Annex01Row };
    annex02: { rows: { dimension: string; stt: string | null; indicator: string; unit: string; values: Record<string, string> }[] };
    annex03: { rows: { no: number; task: string; year: number }[] };
}

const seed = JSON.parse(fs.readFileSync(PUBLISHED_ANNEXES, 'utf-8')) as Seed;
const seedLines = fs.readFileSync(SEED_PLAN, 'utf-8').split(/\r?\n/);
const YEARS = Object.keys(seed.annex01.years);

/** The 0-based position of `needle` on the first line matching `line`. */
function positionOf(line: RegExp, needle: string): { line: number; character: number } {
    const i = seedLines.findIndex(l => line.test(l));
    if (i < 0) throw new Error(`no line matches ${line}`);
    return { line: i, character: seedLines[i].indexOf(needle) };
}

/** The text of every cell of a table, row by row. */
async function tableText(p: PreviewPage, panel: string, part: 'thead' | 'tbody'): Promise<string[][]> {
    return p.page.$$eval(`#panel-${panel} table ${part} tr`, (rows: any[]) =>
        rows.map(r => Array.from(r.children as ArrayLike<{ textContent: string }>).map(c => c.textContent)));
}

/** Non-transparent pixels of a canvas, and how many of them are near an rgb() colour. */
async function canvasPixels(p: PreviewPage, selector: string, colour?: string): Promise<{ painted: number; matching: number; width: number; height: number }> {
    return p.page.$eval(selector, (canvas: any, rgb: string | undefined) => {
        const ctx = canvas.getContext('2d');
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const target = rgb ? (rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number) : undefined;
        let painted = 0;
        let matching = 0;
        for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3] === 0) continue;
            painted++;
            if (target && data[i + 3] > 200 && Math.abs(data[i] - target[0]) + Math.abs(data[i + 1] - target[1]) + Math.abs(data[i + 2] - target[2]) < 30) matching++;
        }
        return { painted, matching, width: canvas.width, height: canvas.height };
    }, colour);
}

describe.skipIf(!hasChromium)('plan preview webview in Chromium', () => {
    const suite = seedPreviewSuite();
    let browser: Browser;
    let server: PreviewServer;
    let view: PlanView;
    beforeAll(() => ({ browser, server, view } = suite));

    async function preview(o: OpenOptions = {}, v: PlanView | null = view): Promise<PreviewPage> {
        const p = await openPreview(browser, server, o);
        suite.keep(p);
        await p.send(viewMessage(v));
        if (v) await p.page.waitForSelector('.annex-table');
        return p;
    }

    it('says it is ready, then shows the header and the validation summary, with nothing blocked by the CSP', async () => {
        const p = await preview();
        expect((await p.posted())[0]).toEqual({ type: 'ready' });
        const header = await p.page.$eval('.plan-header', (e: any) => ({
            issuer: e.querySelector('.plan-issuer')?.textContent, number: e.querySelector('.plan-number')?.textContent,
            place: e.querySelector('.plan-place-date')?.textContent, kind: e.querySelector('.plan-kind')?.textContent,
            title: e.querySelector('.plan-title')?.textContent, meta: e.querySelector('.plan-meta')?.textContent
        }));
        expect(header).toEqual({
            issuer: 'Ủy ban nhân dân tỉnh Hưng Yên', number: 'Số: /KH-UBND', place: 'Hưng Yên, ngày … tháng 11 năm 2023', kind: 'KẾ HOẠCH',
            title: expect.stringMatching(/^Thực hiện Nghị quyết số 41-NQ\/TU ngày 21\/8\/2023 .*định hướng đến năm 2030$/),
            meta: 'Giai đoạn 2023–2025Định hướng đến năm 2030'
        });
        // The seed as printed: one wrong total (error) and the warnings the CLI reports.
        const counts = await p.page.$$eval('.summary-count', (es: any[]) => es.map(e => [e.dataset.severity, Number(e.dataset.count), e.textContent]));
        expect(counts).toEqual([
            ['error', view.findings.error, `Lỗi: ${view.findings.error}`], ['warning', view.findings.warning, `Cảnh báo: ${view.findings.warning}`],
            ['info', view.findings.info, `Thông tin: ${view.findings.info}`], ['hint', view.findings.hint, `Gợi ý: ${view.findings.hint}`]
        ]);
        expect(view.findings.error).toBeGreaterThanOrEqual(1);
        const tabs = await p.page.$$eval('[role="tab"]', (es: any[]) => es.map(e => [e.textContent, e.getAttribute('aria-selected')]));
        expect(tabs).toEqual([['Văn bản', 'false'], ['Phụ lục 01', 'true'], ['Phụ lục 02', 'false'], ['Phụ lục 03', 'false'], ['Biểu đồ', 'false']]);
        expect(await p.problems()).toEqual([]);
        await screenshot(p.page, 'annex-01-light');
    });

    it('shows Annex 01 as the official table: grouped year headers, every district, year and printed value, the bold total', async () => {
        const p = await preview();
        const head = await tableText(p, 'annex-01', 'thead');
        expect(head[0]).toEqual(['STT', 'Huyện/TX/TP', ...YEARS.map(y => (seed.annex01.years[y] === 'result' ? `Kết quả năm ${y}` : `Năm ${y}`))]);
        expect(head[1]).toEqual(YEARS.flatMap(() => ['Tổng số hộ dân cư', 'Tổng số hộ nghèo', 'Tỷ lệ hộ nghèo (%)']));
        const spans = await p.page.$$eval('#panel-annex-01 thead tr:first-child th', (es: any[]) => es.map(e => [e.rowSpan, e.colSpan]));
        expect(spans).toEqual([[2, 1], [2, 1], ...YEARS.map(() => [1, 3])]);

        const body = await tableText(p, 'annex-01', 'tbody');
        const printed = (r: Annex01Row) => YEARS.flatMap(y => [r.years[y].households.printed, r.years[y].poor.printed, r.years[y].rate.printed]);
        expect(body).toEqual([
            ...seed.annex01.rows.map(r => [String(r.no), r.district, ...printed(r)]),
            [seed.annex01.total.label, ...printed(seed.annex01.total)]
        ]);
        const total = await p.page.$eval('#panel-annex-01 tbody tr:last-child', (tr: any) => ({
            kind: tr.className, colSpan: tr.children[0].colSpan,
            weights: Array.from(tr.children as ArrayLike<unknown>).map(c => Number(getComputedStyle(c as never).fontWeight))
        }));
        expect(total.kind).toContain('row-total');
        expect(total.colSpan).toBe(2);
        expect(total.weights.every(w => w >= 600)).toBe(true);
        const firstRowWeight = await p.page.$eval('#panel-annex-01 tbody tr:first-child td:nth-child(3)', (td: any) => Number(getComputedStyle(td).fontWeight));
        expect(firstRowWeight).toBeLessThan(600);
    });

    it('shows a sectioned table with near-poor columns: section rows, subtotals, the (I+II) total', async () => {
        const sectioned = await planViewOf(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'sections-near-poor.plan'));
        const p = await preview({}, sectioned);
        const head = await tableText(p, 'annex-01', 'thead');
        expect(head[0]).toEqual(['STT', 'Huyện/TX/TP', 'Kết quả năm 2022', 'Năm 2023']);
        const measures = ['Tổng số hộ dân cư', 'Tổng số hộ nghèo', 'Tỷ lệ hộ nghèo (%)', 'Tổng số hộ cận nghèo', 'Tỷ lệ hộ cận nghèo (%)'];
        expect(head[1]).toEqual([...measures, ...measures]);
        expect(await p.page.$$eval('#panel-annex-01 thead tr:first-child th', (es: any[]) => es.map(e => e.colSpan))).toEqual([1, 1, 5, 5]);
        const rows = await p.page.$$eval('#panel-annex-01 tbody tr', (trs: any[]) => trs.map(tr => [
            tr.className.replace('row-', ''), Array.from(tr.children as ArrayLike<{ textContent: string; colSpan: number }>).map(c => c.colSpan > 1 ? `${c.textContent}|${c.colSpan}` : c.textContent)
        ]));
        expect(rows).toEqual([
            ['section', ['I', 'Khu vực thành thị|11']],
            ['row', ['1', 'Huyện A & <B>', '1.000', '10', '1,00', '20', '2,00', '1.000', '8', '0,80', '15', '1,50']],
            ['row', ['2', 'Thị xã B', '2.000', '30', '1,50', '40', '2,00', '2.000', '20', '1,00', '30', '1,50']],
            ['subtotal', ['Cộng I|2', '3.000', '40', '1,33', '60', '2,00', '3.000', '28', '0,93', '45', '1,50']],
            ['section', ['II', 'Khu vực nông thôn|11']],
            ['row', ['1', 'Huyện A & <B>', '4.000', '80', '2,00', '100', '2,50', '4.000', '60', '1,50', '80', '2,00']],
            ['row', ['2', 'Thị xã B', '5.000', '150', '3,00', '200', '4,00', '5.000', '100', '2,00', '150', '3,00']],
            ['subtotal', ['Cộng II|2', '9.000', '230', '2,56', '300', '3,33', '9.000', '160', '1,78', '230', '2,56']],
            ['total', ['Tổng cộng (I+II)|2', '12.000', '270', '2,25', '360', '3,00', '12.000', '188', '1,57', '275', '2,29']]
        ]);
        const weight = (sel: string) => p.page.$eval(sel, (td: any) => Number(getComputedStyle(td).fontWeight));
        expect(await weight('#panel-annex-01 tbody tr.row-subtotal td:nth-child(2)')).toBeGreaterThanOrEqual(600);
        expect(await weight('#panel-annex-01 tbody tr.row-row td:nth-child(3)')).toBeLessThan(600);
        expect(await p.page.$$eval('.summary-none', (es: any[]) => es.map(e => e.textContent))).toEqual(['Không có phát hiện nào.']);
        await screenshot(p.page, 'annex-01-sections-near-poor');
    });

    it('shows Annex 02 (indicators grouped by dimension) and Annex 03 (tasks)', async () => {
        const p = await preview();
        await p.page.click('#tab-annex-02');
        expect(await p.page.isVisible('#panel-annex-02 table')).toBe(true);
        expect(await p.page.isVisible('#panel-annex-01 table')).toBe(false);
        const rows = await tableText(p, 'annex-02', 'tbody');
        expect(rows).toHaveLength(seed.annex02.rows.length);
        seed.annex02.rows.forEach((r, i) => {
            const [stt, indicator, unit, ...rest] = rows[i];
            expect(stt).toBe(r.stt ?? '');
            expect(indicator).toContain(r.indicator);
            // A dimension's first row names the dimension; the others do not repeat it.
            if (r.stt) expect(indicator).toContain(r.dimension);
            else expect(indicator).not.toContain(r.dimension);
            expect(unit).toBe(r.unit);
            expect(rest.slice(0, 4)).toEqual(['2022', '2023', '2024', '2025'].map(y => r.values[y]));
        });
        const groupStarts = await p.page.$$eval('#panel-annex-02 tbody tr', (trs: any[]) => trs.map(tr => tr.classList.contains('group-start')));
        expect(groupStarts).toEqual(seed.annex02.rows.map((r, i) => i > 0 && r.stt !== null));
        await screenshot(p.page, 'annex-02-light');

        await p.page.click('#tab-annex-03');
        const tasks = await tableText(p, 'annex-03', 'tbody');
        expect(tasks.map(t => [t[0], t[1], t[4]])).toEqual(seed.annex03.rows.map(r => [String(r.no), r.task, `Năm ${r.year}`]));
        await screenshot(p.page, 'annex-03-light');
    });

    it('marks the cells with findings by severity, with the messages in the tooltip', async () => {
        const p = await preview();
        // Annex 01, total row, 2024, poor households: printed 2.954, the rows add up to 2.963.
        // The total row's label spans two columns, so its values start at the second cell.
        const v = YEARS.indexOf('2024') * 3 + 1;
        const cell = await p.page.$eval(`#panel-annex-01 tbody tr:last-child td:nth-child(${2 + v})`, (td: any) => ({ text: td.textContent, cls: td.className, title: td.title }));
        expect(cell.text).toBe('2.954');
        expect(cell.cls).toContain('finding-error');
        expect(cell.title).toMatch(/^Lỗi \[total-mismatch\]: .*2\.963/);
        const marked = await p.page.$$eval('#panel-annex-01 td.finding', (es: any[]) => es.map(e => e.textContent));
        expect(marked).toEqual(['2.954']);
        // Annex 02: "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng" goes the wrong way, 9,7 → 9,8.
        const warn = await p.page.$$eval('#panel-annex-02 td.finding-warning', (es: any[]) => es.map(e => [e.textContent, e.title]));
        expect(warn).toContainEqual(['9,8', expect.stringMatching(/^Cảnh báo \[wrong-direction\]: .*9,7.*9,8/)]);
        // The mark is visible: the cell's background differs from an unmarked neighbour's.
        const bg = await p.page.$$eval('#panel-annex-01 tbody tr:last-child td', (tds: any[]) => tds.map(td => getComputedStyle(td).backgroundColor));
        expect(bg[1 + v]).not.toBe(bg[v]);
    });

    it('posts a reveal with the line and character of the clicked cell, and of a keyboard-activated row', async () => {
        const p = await preview();
        const expectLast = async (pos: { line: number; character: number }) => {
            const posted = await p.posted();
            expect(posted.at(-1)).toEqual({ type: 'reveal', ...pos });
        };
        await p.page.click('#panel-annex-01 tbody tr:first-child td:nth-child(3)');
        await expectLast(positionOf(/^\s*2021:\s+29\.822\s/, '29.822'));
        await p.page.click('#panel-annex-01 tbody tr:first-child td:nth-child(2)');
        await expectLast(positionOf(/^\s*row 1 PhuCu \{/, 'PhuCu'));
        await p.page.click('#tab-annex-03');
        await p.page.click('#panel-annex-03 tbody tr:nth-child(7) td:nth-child(5)');
        await expectLast(positionOf(/^\s*submit 2024/, '2024'));
        // Enter on a focused row reveals the row.
        await p.page.focus('#panel-annex-03 tbody tr:nth-child(2)');
        await p.page.keyboard.press('Enter');
        await expectLast({ line: positionOf(/^\s*task 2 "/, 'task').line, character: 0 });
        const reveals = (await p.posted()).filter(m => m.type === 'reveal');
        expect(reveals).toHaveLength(4);
    });

    it('posts one export message per button, and disables the buttons while the host exports', async () => {
        const p = await preview();
        for (const f of EXPORT_FORMATS) await p.page.click(`button[data-format="${f}"]`);
        expect((await p.posted()).filter(m => m.type === 'export')).toEqual(EXPORT_FORMATS.map(format => ({ type: 'export', format })));
        // "Kèm phát hiện": the exports carry the findings, and the choice is kept with the page's state (issue 20).
        await p.page.check('#export-findings');
        await p.page.click('button[data-format="document-docx"]');
        expect((await p.posted()).filter(m => m.type === 'export').at(-1)).toEqual({ type: 'export', format: 'document-docx', findings: true });
        expect(await p.savedState()).toMatchObject({ exportFindings: true });
        await p.page.uncheck('#export-findings');
        await p.page.click('button[data-format="document-docx"]');
        expect((await p.posted()).filter(m => m.type === 'export').at(-1)).toEqual({ type: 'export', format: 'document-docx' });
        await p.send({ type: 'busy', format: 'docx' });
        expect(await p.page.$$eval('button[data-format]', (bs: any[]) => bs.map(b => b.disabled))).toEqual(EXPORT_FORMATS.map(() => true));
        await p.page.click('button[data-format="xlsx"]', { force: true });
        expect((await p.posted()).filter(m => m.type === 'export')).toHaveLength(EXPORT_FORMATS.length + 2);
        await p.send({ type: 'busy', format: null });
        expect(await p.page.$$eval('button[data-format]', (bs: any[]) => bs.map(b => b.disabled))).toEqual(EXPORT_FORMATS.map(() => false));
    });

    it('draws every chart (canvases are painted, lines in the series colours)', async () => {
        const p = await preview();
        await p.page.click('#tab-charts');
        await p.page.waitForSelector('.chart-card canvas');
        const ids = await p.page.$$eval('.chart-card', (es: any[]) => es.map(e => e.dataset.chartId));
        expect(ids).toEqual(view.charts.map(c => c.id));
        expect(ids).toEqual(expect.arrayContaining(['district-rates', 'province-rate', 'households', 'poor-households']));
        expect(ids.filter(id => id.startsWith('indicator-'))).toHaveLength(12);
        // The first colour of the light palette (chart-config.ts PALETTES.light: Okabe–Ito blue).
        const series1 = 'rgb(0, 114, 178)';
        for (const id of ids) {
            const px = await canvasPixels(p, `[data-chart-id="${id}"] canvas`, series1);
            expect(px.width, id).toBeGreaterThan(200);
            expect(px.painted, id).toBeGreaterThan(2000);
            expect(px.matching, id).toBeGreaterThan(30);
        }
        expect(await p.problems()).toEqual([]);
        await screenshot(p.page, 'charts-light');

        // An edit repaints the chart whose data changed, in place; the others stay as drawn.
        const picture = (id: string) => p.page.$eval(`[data-chart-id="${id}"] canvas`, (c: any) => c.toDataURL() as string);
        const [ratesBefore, indicatorBefore] = [await picture('district-rates'), await picture(ids.at(-1)!)];
        const changed = structuredClone(view);
        changed.charts.find(c => c.id === 'district-rates')!.series[0].data[0] = 4.9;
        await p.send(viewMessage(changed));
        await p.page.waitForFunction((before: string) => document.querySelector('[data-chart-id="district-rates"] canvas').toDataURL() !== before, ratesBefore);
        expect(await picture(ids.at(-1)!)).toBe(indicatorBefore);
        expect(await p.page.$$eval('.chart-card canvas', (cs: any[]) => cs.length)).toBe(ids.length);
    });

    it('follows the theme: switching the body class restyles the tables and repaints the charts', async () => {
        const p = await preview({ theme: 'vscode-light' });
        await p.page.click('#tab-charts');
        await p.page.waitForSelector('.chart-card canvas');
        const look = () => p.page.evaluate(() => ({
            body: getComputedStyle(document.body).backgroundColor as string,
            text: getComputedStyle(document.body).color as string,
            border: getComputedStyle(document.querySelector('.chart-card')).borderTopColor as string
        }));
        const chart = () => p.page.$eval('[data-chart-id="district-rates"] canvas', (c: any) => c.toDataURL() as string);
        const light = await look();
        const lightChart = await chart();
        await p.page.evaluate(() => { document.body.className = 'vscode-dark'; });
        await p.page.waitForFunction((before: string) => document.querySelector('[data-chart-id="district-rates"] canvas').toDataURL() !== before, lightChart);
        const dark = await look();
        expect(light.body).toBe('rgb(255, 255, 255)');
        expect(dark.body).toBe('rgb(30, 30, 30)');
        expect(dark.text).not.toBe(light.text);
        expect(dark.border).not.toBe(light.border);
        await screenshot(p.page, 'charts-dark');
        await p.page.click('#tab-annex-01');
        await screenshot(p.page, 'annex-01-dark');
        // The --vscode-* variables VS Code sets on <html> win over the fallbacks.
        await p.page.evaluate(() => document.documentElement.style.setProperty('--vscode-editor-background', 'rgb(1, 2, 3)'));
        expect((await look()).body).toBe('rgb(1, 2, 3)');
        await p.page.evaluate(() => {
            document.documentElement.style.removeProperty('--vscode-editor-background');
            document.body.className = 'vscode-high-contrast';
        });
        expect((await look()).body).toBe('rgb(0, 0, 0)');
        await screenshot(p.page, 'annex-01-high-contrast');
    });

    it('shows plan strings as text: markup in a district name, a task and the title does not run', async () => {
        const payload = `<img src=x onerror='window.__xss=1;alert(1)'>`;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-xss-'));
        const file = path.join(dir, 'xss.plan');
        const text = fs.readFileSync(SEED_PLAN, 'utf-8')
            .replace('district PhuCu "Phù Cừ"', `district PhuCu "${payload}"`)
            .replace('task 3 "Xây dựng', `task 3 "</td><script>window.__xss=2</script><b id=xss-task>`)
            .replace('title "Thực hiện', `title "<iframe srcdoc='<script>parent.__xss=3</script>'></iframe>Thực hiện`)
            .replace('indicator vl_ket_noi "Tỷ lệ', 'indicator vl_ket_noi "<svg onload=window.__xss=4>Tỷ lệ');
        fs.writeFileSync(file, text);
        const xssView = await planViewOf(file);
        fs.rmSync(dir, { recursive: true, force: true });
        // Without the CSP too: the text itself must be inert, not only blocked by the policy.
        for (const csp of [false, true]) {
            const p = await preview({ csp }, xssView);
            await p.page.click('#tab-annex-03');
            await p.page.click('#tab-charts');
            expect(await p.page.$eval('[data-chart-id="indicator-vl_ket_noi"] figcaption', (e: any) => e.textContent)).toMatch(/^<svg onload=window\.__xss=4>Tỷ lệ/);
            await p.page.click('#tab-annex-01');
            const district = await p.page.$eval('#panel-annex-01 tbody tr:first-child td:nth-child(2)', (td: any) => td.textContent);
            expect(district).toBe(payload);
            expect(await p.page.$eval('#panel-annex-03 tbody tr:nth-child(3) td:nth-child(2)', (td: any) => td.textContent))
                .toMatch(/^<\/td><script>window\.__xss=2<\/script><b id=xss-task>/);
            expect(await p.page.$eval('.plan-title', (e: any) => e.textContent)).toMatch(/^<iframe srcdoc=/);
            expect(await p.page.$$eval('#app img, #app script, #app iframe, #app svg, #xss-task', (es: any[]) => es.length)).toBe(0);
            await p.page.waitForTimeout(200);
            expect(await p.page.evaluate(() => window.__xss)).toBeUndefined();
            expect((await p.problems()).filter(x => x.startsWith('dialog'))).toEqual([]);
            if (!csp) {
                // The check can fail: the same payload through innerHTML does run on this page.
                await p.page.evaluate((h: string) => { document.body.insertAdjacentHTML('beforeend', `<div>${h}</div>`); }, payload);
                await p.page.waitForFunction(() => window.__xss === 1);
                expect((await p.problems()).some(x => x === 'dialog: 1')).toBe(true);
            }
        }
        await screenshot(suite.pages.at(-1)!.page, 'xss-as-text');
    });

    it('applies an update by postMessage in place: same page, same tab, same scroll', async () => {
        const p = await preview();
        await p.page.setViewportSize({ width: 900, height: 360 });
        await p.page.evaluate(() => { window.__sameDocument = true; window.scrollTo(0, 250); });
        await p.page.waitForFunction(() => window.scrollY === 250);
        const changed = structuredClone(view);
        const cell = changed.annexes[0].body[0].cells[2];
        cell.text = '31.000';
        changed.findings = { ...changed.findings, error: changed.findings.error + 1 };
        await p.send(viewMessage(changed));
        await p.page.waitForFunction(() => document.querySelector('#panel-annex-01 tbody tr td:nth-child(3)').textContent === '31.000');
        expect(await p.page.evaluate(() => [window.__sameDocument, window.scrollY, document.querySelector('[aria-selected="true"]').id]))
            .toEqual([true, 250, 'tab-annex-01']);
        expect(await p.page.$eval('.summary-count.sev-error', (e: any) => e.textContent)).toBe(`Lỗi: ${view.findings.error + 1}`);
    });

    it('keeps its tab and scroll in the saved state and restores them after a reload', async () => {
        const first = await preview();
        await first.page.setViewportSize({ width: 900, height: 360 });
        await first.page.click('#tab-annex-02');
        await first.page.evaluate(() => window.scrollTo(0, 300));
        await first.page.waitForFunction(() => window.scrollY === 300);
        await expect.poll(async () => (await first.savedState())?.scroll?.['annex-02']).toBe(300);
        const saved = await first.savedState();
        expect(saved).toMatchObject({ tab: 'annex-02', resource: 'file:///ws/examples/plan.plan', locked: false });

        const second = await openPreview(browser, server, { state: saved });
        suite.keep(second);
        await second.page.setViewportSize({ width: 900, height: 360 });
        await second.send(viewMessage(view));
        await second.page.waitForSelector('#panel-annex-02 table');
        expect(await second.page.evaluate(() => [document.querySelector('[aria-selected="true"]').id, window.scrollY]))
            .toEqual(['tab-annex-02', 300]);
    });

    it('speaks English when VS Code does, and says so when there is no view', async () => {
        const p = await preview({ locale: 'en' });
        expect(await p.page.$eval('#tab-charts', (e: any) => e.textContent)).toBe('Charts');
        expect(await p.page.$eval('.summary-count.sev-error', (e: any) => e.textContent)).toBe(`Errors: ${view.findings.error}`);
        // The plan's own words stay as written.
        expect(await p.page.$eval('#tab-annex-01', (e: any) => e.textContent)).toBe('Phụ lục 01');
        await p.send(viewMessage(null));
        await p.page.waitForFunction(() => document.querySelector('main.doc').hidden);
        expect(await p.page.$eval('.status', (e: any) => e.textContent)).toMatch(/^No preview for this file yet/);
    });
});
