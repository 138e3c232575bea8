// The charts of the seed plan in Debian's Chromium (issue 11): each chart saved as PNG and SVG
// through the host (the images read back: a PNG of the export's size, a well-formed SVG) and copied
// to the clipboard as an image; screenshots of the charts panel in light and dark, wide and at
// 600 px, of single charts, and of the exported images, in test-output/screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../../common/view.js';
import { parseWebviewMessage } from '../../common/webview.js';
import { chartImageBytes } from '../../extension/src/preview/files.js';
import { EXAMPLES_DIR } from '../helpers/plan.js';
import {
    CHROMIUM, seedPreviewSuite, SCREENSHOT_DIR, hasChromium, openPreview, planViewOf, PreviewServer, screenshot, viewMessage,
    type OpenOptions, type PreviewPage
} from './harness.js';

// Page functions run in the browser; this Node project has no DOM types, so they see the globals as any.
declare const window: any;
declare const navigator: any;

if (!hasChromium) console.warn(`SKIPPED: chromium not installed (${CHROMIUM}).`);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return [view.getUint32(16), view.getUint32(20)];
}

describe.skipIf(!hasChromium)('the charts in Chromium', () => {
    const suite = seedPreviewSuite();
    let browser: Browser;
    let server: PreviewServer;
    let view: PlanView;
    beforeAll(() => ({ browser, server, view } = suite));

    async function charts(o: OpenOptions & { width?: number } = {}): Promise<PreviewPage> {
        const p = await openPreview(browser, server, { ...o, state: { findings: { open: false, errorsOnly: false }, ...o.state } });
        suite.keep(p);
        if (o.width) await p.page.setViewportSize({ width: o.width, height: 900 });
        await p.send(viewMessage(view));
        await p.page.click('#tab-charts');
        await p.page.waitForSelector('.chart-card canvas');
        return p;
    }

    /** One chart card, scrolled to the middle of the panel so that the sticky tab bar is not over it. */
    async function shot(p: PreviewPage, id: string, name: string): Promise<void> {
        await p.page.$eval(`[data-chart-id="${id}"]`, (e: any) => e.scrollIntoView({ block: 'center' }));
        await p.page.locator(`[data-chart-id="${id}"]`).screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
    }

    beforeAll(() => { fs.mkdirSync(SCREENSHOT_DIR, { recursive: true }); });

    it('has a PNG, an SVG and a copy button on every chart', async () => {
        const p = await charts();
        const buttons = await p.page.$$eval('.chart-card', (cards: any[]) => cards.map(c =>
            Array.from(c.querySelectorAll('.chart-actions button') as ArrayLike<any>).map(b => b.dataset.chartAction).join(',')));
        expect(buttons).toEqual(view.charts.map(() => 'png,svg,copy'));
        expect(await p.page.$eval('[data-chart-id="province-rate"] button[data-chart-action="svg"]', (b: any) => b.title)).toBe('Lưu biểu đồ thành ảnh SVG (ảnh véc-tơ, sửa được)');
        await screenshot(p.page, 'charts-light');
        for (const id of ['district-rates', 'poor-households', 'province-rate', 'indicator-gd_di_hoc', 'indicator-yt_sdd_can_nang']) await shot(p, id, `chart-${id}-light`);
        expect(await p.problems()).toEqual([]);
    });

    it('saves a chart as PNG: the host gets a PNG of the export\'s size, on a white page', async () => {
        const p = await charts();
        await p.page.click('[data-chart-id="province-rate"] button[data-chart-action="png"]');
        await p.page.waitForFunction(() => window.__posted.some((m: { type: string }) => m.type === 'saveChart'));
        const message = (await p.posted()).find(m => m.type === 'saveChart')!;
        // What the host acts on: the message as it checks it, the bytes as it writes them.
        const checked = parseWebviewMessage(message);
        expect(checked).toMatchObject({ type: 'saveChart', chart: 'province-rate', format: 'png' });
        const bytes = chartImageBytes('png', (checked as { data: string }).data)!;
        expect(bytes).toBeDefined();
        expect(pngSize(bytes)).toEqual([1920, 1120]);
        fs.writeFileSync(path.join(SCREENSHOT_DIR, 'export-province-rate.png'), bytes);
        expect(await p.problems()).toEqual([]);
    });

    it('saves a chart as SVG: a well-formed document that draws the same chart', async () => {
        const p = await charts({ theme: 'vscode-dark' });
        for (const id of ['indicator-gd_di_hoc', 'district-rates']) {
            await p.page.click(`[data-chart-id="${id}"] button[data-chart-action="svg"]`);
        }
        const saved = (await p.posted()).filter(m => m.type === 'saveChart').map(m => parseWebviewMessage(m) as { chart: string; format: string; data: string });
        expect(saved.map(m => [m.chart, m.format])).toEqual([['indicator-gd_di_hoc', 'svg'], ['district-rates', 'svg']]);
        for (const m of saved) {
            const bytes = chartImageBytes('svg', m.data);
            expect(bytes, m.chart).toBeDefined();
            const parser = new SaxesParser({ xmlns: true });
            const texts: string[] = [];
            let inText = false;
            parser.on('opentag', t => { inText = t.local === 'text'; });
            parser.on('text', t => { if (inText && t.trim()) texts.push(t); });
            parser.write(m.data).close();
            // A white page, the title drawn in, whatever the editor's theme.
            expect(m.data).toMatch(/fill="#ffffff"/);
            expect(texts.join(' ')).toContain(view.charts.find(c => c.id === m.chart)!.title.split(' ').slice(0, 4).join(' '));
            fs.writeFileSync(path.join(SCREENSHOT_DIR, `export-${m.chart}.svg`), m.data);
        }
        const schooling = saved[0].data;
        expect(schooling).toContain('Trục tung bắt đầu từ 92%, không từ 0.');
        expect(schooling).toContain('stroke-dasharray="6 4"');
        // The browser draws the SVG as an image: a picture to look at.
        const page = await browser.newPage({ viewport: { width: 980, height: 580 } });
        for (const m of saved) {
            await page.setContent(`<body style="margin:0;background:#888">${m.data.replace(/^<\?xml[^>]*>\s*/, '')}</body>`);
            await page.screenshot({ path: path.join(SCREENSHOT_DIR, `export-${m.chart}-svg.png`) });
        }
        await page.close();
    });

    it('copies a chart to the clipboard as a PNG image, and says so', async () => {
        const p = await charts();
        await p.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
        await p.page.click('[data-chart-id="indicator-nvs_nuoc"] button[data-chart-action="copy"]');
        await p.page.waitForSelector('.notice:not([hidden])');
        expect(await p.page.$eval('.notice', (e: any) => [e.textContent, e.classList.contains('notice-error')])).toEqual(['Đã chép biểu đồ vào bộ nhớ tạm.', false]);
        const clip = await p.page.evaluate(async () => {
            const items = await navigator.clipboard.read();
            const blob = await items[0].getType('image/png');
            return { types: items[0].types, head: Array.from(new Uint8Array(await blob.slice(0, 8).arrayBuffer())) };
        });
        expect(clip.types).toContain('image/png');
        expect(clip.head).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    });

    it('keeps the break of a change of poverty standard on the year axis (issue 10)', async () => {
        const standardChange = await planViewOf(path.join(EXAMPLES_DIR, 'tables', '7-standard-change.plan'));
        const p = await openPreview(browser, server, { state: { findings: { open: false, errorsOnly: false } } });
        suite.keep(p);
        await p.send(viewMessage(standardChange));
        await p.page.click('#tab-charts');
        await p.page.waitForSelector('[data-chart-id="district-rates"] canvas');
        expect(standardChange.charts.find(c => c.id === 'district-rates')!.breaks).toHaveLength(1);
        await shot(p, 'district-rates', 'chart-standard-change-light');
        expect(await p.problems()).toEqual([]);
    });

    it('shows what the checker found, ranges as bands, no line across a change of standard, a flat 100 % whole (issue 20)', async () => {
        const p = await charts();
        const marked = view.charts.filter(c => c.wrongSteps?.length || c.targets?.some(t => t.missed));
        expect(marked.length).toBeGreaterThan(1);
        for (const c of marked) await shot(p, c.id, `chart-findings-${c.id}-light`);
        expect(await p.problems()).toEqual([]);
        const examples: [string, string, (v: PlanView) => PlanView][] = [
            ['5-target-ranges.plan', 'chart-target-ranges-light', v => v],
            ['7-standard-change.plan', 'chart-standard-change-broken-line-light', v => v],
            // Every figure at 100 %: the points sit on the top of the axis and are drawn whole.
            ['7-standard-change.plan', 'chart-flat-100-light', v => ({
                ...v, charts: v.charts.filter(c => c.id === 'district-rates').map(c => ({ ...c, breaks: [], series: c.series.map(s => ({ ...s, data: s.data.map(() => 100) })) }))
            })]
        ];
        for (const [file, name, change] of examples) {
            const v = change(await planViewOf(path.join(EXAMPLES_DIR, 'tables', file)));
            const page = await openPreview(browser, server, { state: { findings: { open: false, errorsOnly: false } } });
            suite.keep(page);
            await page.send(viewMessage(v));
            await page.page.click('#tab-charts');
            await page.page.waitForSelector('[data-chart-id="district-rates"] canvas');
            // Something is painted in the plot area (not an empty 0–1 chart).
            const inked = await page.page.$eval('[data-chart-id="district-rates"] canvas', (canvas: any) => {
                const g = canvas.getContext('2d');
                const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
                let coloured = 0;
                for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && Math.max(Math.abs(data[i] - data[i + 1]), Math.abs(data[i + 1] - data[i + 2])) > 40) coloured++;
                return coloured;
            });
            expect(inked).toBeGreaterThan(50);
            await shot(page, 'district-rates', name);
            expect(await page.problems()).toEqual([]);
        }
    });

    it('in the dark theme and in a 600 px panel', async () => {
        const dark = await charts({ theme: 'vscode-dark' });
        await screenshot(dark.page, 'charts-dark');
        for (const id of ['district-rates', 'poor-households', 'province-rate', 'indicator-gd_di_hoc']) await shot(dark, id, `chart-${id}-dark`);
        const narrow = await charts({ width: 600 });
        // One chart a row, none wider than the panel.
        const widths = await narrow.page.$$eval('.chart-card', (cards: any[]) => cards.map(c => c.getBoundingClientRect().right));
        for (const right of widths) expect(right).toBeLessThanOrEqual(600);
        await screenshot(narrow.page, 'charts-600-light');
        await shot(narrow, 'district-rates', 'chart-district-rates-600-light');
        await shot(narrow, 'indicator-yt_sdd_chieu_cao', 'chart-indicator-yt_sdd_chieu_cao-600-light');
        await shot(narrow, 'households', 'chart-households-600-light');
        const narrowDark = await charts({ width: 600, theme: 'vscode-dark' });
        await screenshot(narrowDark.page, 'charts-600-dark');
        await shot(narrowDark, 'indicator-gd_qua_dao_tao', 'chart-indicator-gd_qua_dao_tao-600-dark');
        expect(await narrowDark.problems()).toEqual([]);
    });
});
