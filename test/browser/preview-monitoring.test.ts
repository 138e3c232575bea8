// The monitoring view of a report in Debian's Chromium (issue 22): the preview of
// examples/hung-yen-bao-cao-2024.plan shows the annexes "Kết quả thực hiện …" (planned against actual,
// the path's value, the assessment; the off-track and not-met figures marked as findings are) and the
// charts drawing each target's straight path. Screenshots in test-output/screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../../common/view.js';
import { parseWebviewMessage } from '../../common/webview.js';
import { chartImageBytes } from '../../extension/src/preview/files.js';
import { EXAMPLES_DIR } from '../helpers/plan.js';
import { CHROMIUM, hasChromium, openPreview, planViewOf, PreviewServer, screenshot, SCREENSHOT_DIR, seedPreviewSuite, viewMessage } from './harness.js';

declare const window: any;

if (!hasChromium) console.warn(`SKIPPED: chromium not installed (${CHROMIUM}).`);

const REPORT = path.join(EXAMPLES_DIR, 'hung-yen-bao-cao-2024.plan');

describe.skipIf(!hasChromium)('the monitoring view of a report in Chromium', () => {
    const suite = seedPreviewSuite();
    let browser: Browser;
    let server: PreviewServer;
    let view: PlanView;
    beforeAll(async () => {
        ({ browser, server } = suite);
        view = await planViewOf(REPORT);
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    });

    async function open() {
        const p = suite.keep(await openPreview(browser, server, { state: { findings: { open: false, errorsOnly: false } } }));
        await p.send(viewMessage(view));
        return p;
    }

    it('has a tab per monitoring annex; the indicators against the plan, the off-track figure marked', async () => {
        const p = await open();
        const tabs = await p.page.$$eval('.tab', (ts: any[]) => ts.map(t => t.textContent));
        expect(tabs).toEqual(expect.arrayContaining(['Kết quả thực hiện', 'Kết quả thực hiện – Phụ lục 01']));
        await p.page.click('.tab:text-is("Kết quả thực hiện")');
        const annex = p.page.locator('section.annex[data-source="monitoring"]:visible').first();
        await annex.waitFor();
        expect(await annex.locator('.annex-title, h2, h3').first().textContent()).toContain('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, MỤC TIÊU NĂM 2024');
        // The off-track assessment is marked as a warning, with its message in the cell's title.
        const offTrack = annex.locator('td.finding-warning', { hasText: 'Chậm tiến độ' });
        await expect(offTrack.count()).resolves.toBe(1);
        expect(await offTrack.getAttribute('title')).toContain('[report-off-track]');
        // Met figures carry an info, not a warning.
        expect(await annex.locator('td.finding-info', { hasText: 'Đúng tiến độ' }).count()).toBe(3);
        await screenshot(p.page, 'monitoring-indicators');
        expect(await p.problems()).toEqual([]);
    });

    it('shows the table by unit, planned against actual, the figure not met marked', async () => {
        const p = await open();
        await p.page.click('.tab:text-is("Kết quả thực hiện – Phụ lục 01")');
        const annex = p.page.locator('section.annex[data-source="monitoring"]:visible').first();
        await annex.waitFor();
        const rows = await annex.locator('tbody tr').evaluateAll((trs: any[]) => trs.map(tr => Array.from(tr.querySelectorAll('td') as ArrayLike<any>).map(td => td.textContent)));
        expect(rows).toEqual([
            ['1', 'Phù Cừ', '319', '301', 'Đạt', '1,06', '1,00', 'Đạt'],
            ['2', 'Tiên Lữ', '303', '290', 'Đạt', '0,92', '0,97', 'Không đạt']
        ]);
        expect(await annex.locator('td.finding-warning', { hasText: 'Không đạt' }).count()).toBe(1);
        await screenshot(p.page, 'monitoring-table');
        expect(await p.problems()).toEqual([]);
    });

    it('draws the target path in a chart.js chart beside the plan and the actual value', async () => {
        const p = await open();
        await p.page.click('#tab-charts');
        const card = p.page.locator('[data-chart-id="monitoring-mt_sdd_can_nang"]');
        await card.locator('canvas').waitFor();
        // The chart as the preview saves it (SVG drawn from the same chart.js configuration): the plan,
        // the path to the target and the actual value are its series, the target its mark.
        await card.locator('button[data-chart-action="svg"]').click();
        await p.page.waitForFunction(() => window.__posted.some((m: { type: string }) => m.type === 'saveChart'));
        const saved = parseWebviewMessage((await p.posted()).find(m => m.type === 'saveChart')!) as { chart: string; format: string; data: string };
        expect([saved.chart, saved.format]).toEqual(['monitoring-mt_sdd_can_nang', 'svg']);
        const svg = new TextDecoder().decode(chartImageBytes('svg', saved.data));
        for (const text of ['Kế hoạch', 'Lộ trình đến mục tiêu', 'Thực hiện', 'dưới 9%']) expect(svg, text).toContain(text);
        await card.scrollIntoViewIfNeeded();
        await card.screenshot({ path: path.join(SCREENSHOT_DIR, 'monitoring-chart-path.png') });
        const bars = p.page.locator('[data-chart-id="monitoring-phu_luc_01-poor-rate"]');
        await bars.locator('canvas').waitFor();
        await bars.screenshot({ path: path.join(SCREENSHOT_DIR, 'monitoring-chart-units.png') });
        expect(await p.problems()).toEqual([]);
    });
});
