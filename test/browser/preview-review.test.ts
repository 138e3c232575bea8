// The reviewer's desk (issue 11) in Debian's Chromium, on the real view of the seed plan: the
// findings panel (grouped, filtered, each finding linked to its line and its cell), the legend of
// the marks, every finding that belongs to a cell marked on it, and the narrow panel (sticky row
// labels and header rows, compact tables). Screenshots in light and dark go to test-output/screenshots.
import * as fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../../common/view.js';
import { SEED_PLAN } from '../helpers/plan.js';
import {
    CHROMIUM, seedPreviewSuite, hasChromium, openPreview, PreviewServer, screenshot, viewMessage,
    type OpenOptions, type PreviewPage
} from './harness.js';

// Page functions run in the browser; this Node project has no DOM types, so they see the globals as any.
declare const window: any;
declare const document: any;
declare function getComputedStyle(e: unknown, pseudo?: string): any;

if (!hasChromium) console.warn(`SKIPPED: chromium not installed (${CHROMIUM}).`);

const seedLines = fs.readFileSync(SEED_PLAN, 'utf-8').split(/\r?\n/);

describe.skipIf(!hasChromium)('the reviewer\'s desk in Chromium', () => {
    const suite = seedPreviewSuite();
    let browser: Browser;
    let server: PreviewServer;
    let view: PlanView;
    beforeAll(() => ({ browser, server, view } = suite));

    async function preview(o: OpenOptions & { width?: number; height?: number } = {}, v: PlanView = view): Promise<PreviewPage> {
        const p = await openPreview(browser, server, o);
        suite.keep(p);
        if (o.width) await p.page.setViewportSize({ width: o.width, height: o.height ?? 900 });
        await p.send(viewMessage(v));
        await p.page.waitForSelector('.annex-table');
        return p;
    }

    describe('the findings panel', () => {
        it('lists every finding, grouped by severity and rule, in the order of the plan file within a rule', async () => {
            const p = await preview();
            expect(await p.page.isVisible('#findings-panel')).toBe(true);
            const groups = await p.page.$$eval('.finding-group', (gs: any[]) => gs.map(g => ({
                severity: g.dataset.severity,
                rules: Array.from(g.querySelectorAll('.finding-rule') as ArrayLike<any>).map(r => [r.dataset.code, r.querySelectorAll('.finding-entry').length])
            })));
            const list = view.findingList!;
            expect(groups.map(g => g.severity)).toEqual(['error', 'warning', 'info']);
            expect(groups[0].rules).toEqual([['total-mismatch', 1]]);
            expect(groups[1].rules).toEqual([['wrong-direction', 1], ['target-not-met', 5], ['numbering-gap', 1]]);
            expect(groups[2].rules).toEqual([['solution-without-lead', list.filter(f => f.code === 'solution-without-lead').length]]);
            const total = groups.reduce((n, g) => n + g.rules.reduce((m: number, r: any[]) => m + (r[1] as number), 0), 0);
            expect(total).toBe(list.length);
            // Each rule says what it checks, in the preview's language.
            expect(await p.page.$eval('.finding-rule[data-code="target-not-met"] .finding-rule-description', (e: any) => e.textContent)).toMatch(/^Câu mục tiêu/);
            expect(await p.problems()).toEqual([]);
        });

        it('heads each rule by its name in the preview\'s language, the code in its hover; descriptions without syntax (issue 20)', async () => {
            const p = await preview();
            const heads = await p.page.$$eval('.finding-rule-title', (hs: any[]) => hs.map(h => [h.querySelector('.finding-rule-name').textContent, h.title.split(':')[0]]));
            expect(heads).toContainEqual(['Dòng tổng không bằng tổng các dòng', 'total-mismatch']);
            expect(heads).toContainEqual(['Mục tiêu không đạt', 'target-not-met']);
            expect(heads).toContainEqual(['Giải pháp chưa có đơn vị chủ trì', 'solution-without-lead']);
            // No heading shows a code, no description a piece of the plan language.
            for (const [name] of heads) expect(name).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
            const descriptions = await p.page.$$eval('.finding-rule-description', (ds: any[]) => ds.map(d => d.textContent));
            for (const d of descriptions) expect(d).not.toMatch(/`|\{|sum-of|rate-of|group …/);
            // The filter names the rules too, its values stay the codes.
            const options = await p.page.$$eval('#filter-rule option', (os: any[]) => os.map(o => [o.value, o.textContent]));
            expect(options).toContainEqual(['target-not-met', 'Mục tiêu không đạt (5)']);
            const english = await preview({ locale: 'en' });
            expect(await english.page.$eval('.finding-rule[data-code="total-mismatch"] .finding-rule-name', (e: any) => e.textContent)).toBe('Total not the sum of its rows');
        });

        it('says how many findings lie below what the list shows, and goes to them (issue 20)', async () => {
            const p = await preview({ width: 1000, height: 600 });
            const more = async () => p.page.$eval('.findings-more', (e: any) => (e.hidden ? '' : e.textContent));
            const said = await more();
            expect(said).toMatch(/^còn (\d+) phát hiện bên dưới ↓$/);
            const below = Number(/\d+/.exec(said)![0]);
            // It counts the entries wholly below the list's box.
            const counted = await p.page.$eval('.findings-list', (list: any) => {
                const bottom = list.getBoundingClientRect().bottom;
                return Array.from(list.querySelectorAll('.finding-entry') as ArrayLike<any>).filter((e: any) => e.getBoundingClientRect().top >= bottom - 2).length;
            });
            expect(below).toBe(counted);
            expect(below).toBeGreaterThan(0);
            expect(below).toBeLessThan(view.findingList!.length);
            await screenshot(p.page, 'findings-list-more-below', { fullPage: false });
            // Scrolled to the end, nothing is below.
            await p.page.$eval('.findings-list', (list: any) => { list.scrollTop = list.scrollHeight; });
            await p.page.waitForFunction(() => (document as any).querySelector('.findings-more').hidden === true);
            // A list that fits shows no such line: errors only is one finding.
            await p.page.$eval('.findings-list', (list: any) => { list.scrollTop = 0; });
            await p.page.check('#filter-errors');
            expect(await more()).toBe('');
            expect(await p.problems()).toEqual([]);
        });

        it('goes to a finding\'s line in the plan file, and to its cell in the annex (scrolled to and flashed)', async () => {
            const p = await preview({ height: 700 });
            const weight = '.finding-entry[data-code="target-not-met"]:first-child';
            const message = await p.page.$eval(`${weight} .finding-message`, (e: any) => e.textContent);
            expect(message).toMatch(/cân nặng theo tuổi xuống còn dưới 9%/);
            await p.page.click(`${weight} .reveal-line`);
            const line = seedLines.findIndex(l => /^\s*below 9$/.test(l));
            expect((await p.posted()).at(-1)).toEqual({ type: 'reveal', line, character: seedLines[line].indexOf('below') });

            expect(await p.page.$eval(`${weight} .go-to-cell`, (e: any) => e.textContent)).toBe('Phụ lục 02: 9');
            await p.page.click(`${weight} .go-to-cell`);
            expect(await p.page.$eval('[aria-selected="true"]', (e: any) => e.id)).toBe('tab-annex-02');
            const cell = await p.page.$eval('#panel-annex-02 td.flash', (td: any) => {
                const r = td.getBoundingClientRect();
                return { text: td.textContent, cls: td.className, title: td.title, top: r.top, bottom: r.bottom, height: window.innerHeight, row: td.parentElement.cells[1].textContent };
            });
            expect(cell.text).toBe('9');
            expect(cell.row).toMatch(/suy dinh dưỡng cân nặng/);
            expect(cell.cls).toContain('finding-warning');
            expect(cell.title).toMatch(/^Cảnh báo \[target-not-met\]/);
            // In view, below the sticky tab bar.
            expect(cell.top).toBeGreaterThan(40);
            expect(cell.bottom).toBeLessThan(cell.height);
            await screenshot(p.page, 'review-go-to-cell-light');
            // The flash ends by itself.
            await p.page.waitForFunction(() => !document.querySelector('td.flash'), undefined, { timeout: 5000 });
        });

        it('filters: errors only, or one rule; the marks in the annexes follow the filter', async () => {
            const p = await preview();
            const entries = () => p.page.$$eval('.finding-entry', (es: any[]) => es.map(e => e.dataset.code));
            const marks = () => p.page.$$eval('.annex-table td.finding:not(.finding-filtered)', (es: any[]) => es.map(e => e.textContent));
            expect(await entries()).toHaveLength(view.findingList!.length);
            await p.page.check('#filter-errors');
            expect(await entries()).toEqual(['total-mismatch']);
            expect(await marks()).toEqual(['2.954']);
            await p.page.uncheck('#filter-errors');
            await p.page.selectOption('#filter-rule', 'target-not-met');
            expect(await entries()).toEqual(Array(5).fill('target-not-met'));
            expect(await marks()).toEqual(['9', '15', '68', '29', '98']);
            // A filtered-out mark shows no corner.
            const corner = await p.page.$eval('#panel-annex-01 td.finding', (td: any) => getComputedStyle(td, '::after').display);
            expect(corner).toBe('none');
            // The filter is kept with the preview's state.
            expect((await p.savedState())?.findings).toEqual({ open: true, errorsOnly: false, rule: 'target-not-met' });
            await p.page.check('#filter-errors');
            expect(await p.page.$eval('.findings-empty', (e: any) => e.textContent)).toBe('Không có phát hiện nào khớp bộ lọc.');
            await p.page.uncheck('#filter-errors');
            await p.page.selectOption('#filter-rule', '');
            // Every mark back: the total, the value going the wrong way, the five targets not met.
            expect(await marks()).toHaveLength(7);
        });

        it('can be hidden, and stays hidden after a reload', async () => {
            const p = await preview();
            await p.page.click('.findings-toggle');
            expect(await p.page.isVisible('#findings-panel')).toBe(false);
            expect(await p.page.$eval('.findings-toggle', (e: any) => [e.textContent, e.getAttribute('aria-expanded')])).toEqual(['Hiện danh sách phát hiện', 'false']);
            const saved = await p.savedState();
            const again = await openPreview(browser, server, { state: saved });
            suite.keep(again);
            await again.send(viewMessage(view));
            await again.page.waitForSelector('.annex-table');
            expect(await again.page.isVisible('#findings-panel')).toBe(false);
        });

        it('has a legend of the coloured corners, in the panel and above each annex with marks, in the marks\' colours', async () => {
            const p = await preview();
            const legend = await p.page.$$eval('#panel-annex-01 .finding-legend .legend-item', (es: any[]) => es.map(e => [e.dataset.severity, e.textContent]));
            expect(legend).toEqual([['error', 'Lỗi'], ['warning', 'Cảnh báo'], ['info', 'Thông tin'], ['hint', 'Gợi ý']]);
            expect(await p.page.$$eval('#findings-panel .finding-legend', (es: any[]) => es.length)).toBe(1);
            // The swatch's corner is the colour of a marked cell's corner of the same severity.
            const corner = (sel: string) => p.page.$eval(sel, (e: any) => getComputedStyle(e, '::after').borderTopColor);
            expect(await corner('#panel-annex-01 .legend-item[data-severity="error"] .legend-swatch')).toBe(await corner('#panel-annex-01 td.finding-error'));
            // Annex 03 has no marked cell, and no legend.
            expect(await p.page.$$eval('#panel-annex-03 .finding-legend', (es: any[]) => es.length)).toBe(0);
            await screenshot(p.page, 'review-panel-light');
        });

        it('speaks English when VS Code does', async () => {
            const p = await preview({ locale: 'en' });
            expect(await p.page.$eval('.findings-title', (e: any) => e.textContent)).toBe('Findings');
            expect(await p.page.$eval('.finding-group[data-severity="error"] .finding-group-title', (e: any) => e.textContent)).toBe('Error (1)');
            expect(await p.page.$eval('.reveal-line', (e: any) => e.textContent)).toMatch(/^Line \d+$/);
            expect(await p.page.$eval('label:has(#filter-errors)', (e: any) => e.textContent)).toBe('Errors only');
        });
    });

    describe('a narrow panel', () => {
        it('fits Annex 01 into a 600 px panel: compact by itself, abbreviated year headings, every year in view', async () => {
            const p = await preview({ width: 600, height: 800 });
            // Automatic compact mode below 700 px: abbreviated year headings, the full one in the tooltip.
            expect(await p.page.evaluate(() => document.body.classList.contains('compact'))).toBe(true);
            const years = await p.page.$$eval('#panel-annex-01 thead tr:first-child th', (es: any[]) => es.slice(2).map(e => [e.textContent, e.title]));
            expect(years).toEqual([['KQ 2021', 'Kết quả năm 2021'], ['KQ 2022', 'Kết quả năm 2022'], ['2023', 'Năm 2023'], ['2024', 'Năm 2024'], ['2025', 'Năm 2025']]);
            await p.page.click('.findings-toggle');
            await screenshot(p.page, 'narrow-600-annex-01-light');
            const fit = await p.page.evaluate(() => {
                const wrap = document.querySelector('#panel-annex-01 .table-wrap');
                const last = document.querySelector('#panel-annex-01 tbody tr:last-child td:last-child').getBoundingClientRect();
                return { client: wrap.clientWidth, scroll: wrap.scrollWidth, lastRight: last.right, wrapRight: wrap.getBoundingClientRect().right, text: document.querySelector('#panel-annex-01 tbody tr:last-child td:last-child').textContent };
            });
            expect(fit.text).toBe('0,49');
            expect(fit.scroll).toBeLessThanOrEqual(fit.client);
            expect(fit.lastRight).toBeLessThanOrEqual(fit.wrapRight);
        });

        it('keeps the STT and district columns and the header rows in view while a wider table scrolls', async () => {
            const p = await preview({ width: 600, height: 800, state: { compact: 'off' } });
            expect(await p.page.evaluate(() => document.body.classList.contains('compact'))).toBe(false);
            const wrap = '#panel-annex-01 .table-wrap';
            const box = await p.page.$eval(wrap, (w: any) => ({ client: w.clientWidth, scroll: w.scrollWidth }));
            expect(box.scroll).toBeGreaterThan(box.client);
            const place = () => p.page.evaluate(() => {
                const rect = (e: any) => { const r = e.getBoundingClientRect(); return { left: Math.round(r.left), top: Math.round(r.top) }; };
                const body = document.querySelector('#panel-annex-01 tbody');
                return {
                    stt: rect(body.rows[5].cells[0]), district: rect(body.rows[5].cells[1]), heading: rect(document.querySelector('#panel-annex-01 thead th:nth-child(4)')),
                    measure: rect(document.querySelector('#panel-annex-01 thead tr:nth-child(2) th')), figure: rect(body.rows[5].cells[14])
                };
            });
            // A short panel: the table's box scrolls down as well as across.
            await p.page.setViewportSize({ width: 600, height: 300 });
            await p.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
            // Scrolled to the end, the table's box stands below the sticky tab bar, its header rows not under it.
            const under = await p.page.evaluate(() => [
                document.querySelector('.tabbar').getBoundingClientRect().bottom, document.querySelector('#panel-annex-01 thead').getBoundingClientRect().top
            ]);
            expect(under[1]).toBeGreaterThanOrEqual(under[0]);
            const before = await place();
            await p.page.$eval(wrap, (w: any) => { w.scrollLeft = w.scrollWidth; w.scrollTop = 60; });
            const after = await place();
            expect(after.stt.left).toBe(before.stt.left);
            expect(after.district.left).toBe(before.district.left);
            expect(after.figure.left).toBeLessThan(before.figure.left);
            expect(after.heading.top).toBe(before.heading.top);
            expect(after.measure.top).toBe(before.measure.top);
            expect(after.stt.top).toBeLessThan(before.stt.top);
            // The last year is reachable, and not hidden under the sticky labels.
            const last = await p.page.evaluate(() => {
                const body = document.querySelector('#panel-annex-01 tbody');
                const district = body.rows[5].cells[1].getBoundingClientRect();
                const cell = body.rows[5].cells[16].getBoundingClientRect();
                const wrapBox = document.querySelector('#panel-annex-01 .table-wrap').getBoundingClientRect();
                return { districtRight: district.right, left: cell.left, right: cell.right, wrapRight: wrapBox.right };
            });
            expect(last.left).toBeGreaterThanOrEqual(last.districtRight - 1);
            expect(last.right).toBeLessThanOrEqual(last.wrapRight + 1);
            await screenshot(p.page, 'narrow-600-sticky-scrolled-light', { fullPage: false });
        });

        it('has a compact toggle that holds at any width, and goes back to automatic', async () => {
            const p = await preview({ width: 1280 });
            const compact = () => p.page.evaluate(() => document.body.classList.contains('compact'));
            const size = () => p.page.$eval('#panel-annex-01 tbody td:nth-child(3)', (td: any) => parseFloat(getComputedStyle(td).fontSize));
            expect(await compact()).toBe(false);
            const wide = await size();
            expect(await p.page.$eval('#panel-annex-01 thead th:nth-child(3)', (e: any) => e.textContent)).toBe('Kết quả năm 2021');
            await p.page.click('.compact-toggle');
            expect(await compact()).toBe(true);
            expect(await size()).toBeLessThan(wide);
            expect(await p.page.$eval('.compact-toggle', (e: any) => e.getAttribute('aria-pressed'))).toBe('true');
            expect((await p.savedState())?.compact).toBe('on');
            await p.page.click('.compact-toggle');
            expect(await compact()).toBe(false);
            expect((await p.savedState())?.compact).toBe('auto');
            // Automatic: the panel narrows, the tables go compact.
            await p.page.setViewportSize({ width: 650, height: 900 });
            await p.page.waitForFunction(() => document.body.classList.contains('compact'));
            await p.page.click('.compact-toggle');
            expect(await compact()).toBe(false);
            expect((await p.savedState())?.compact).toBe('off');
        });

        it('in the dark theme too (600 px and wide)', async () => {
            const narrow = await preview({ width: 600, height: 800, theme: 'vscode-dark' });
            await screenshot(narrow.page, 'narrow-600-annex-01-dark');
            // Sticky cells are opaque: what scrolls under them does not show through.
            const bg = await narrow.page.$eval('#panel-annex-01 tbody tr:nth-child(3) td:nth-child(2)', (td: any) => getComputedStyle(td).backgroundColor);
            expect(bg).toBe('rgb(30, 30, 30)');
            const wide = await preview({ width: 1400, height: 900, theme: 'vscode-dark' });
            await screenshot(wide.page, 'review-panel-dark');
            await wide.page.click('#tab-annex-02');
            await screenshot(wide.page, 'annex-02-dark');
        });
    });
});
