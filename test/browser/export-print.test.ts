// The HTML exports printed by Chromium (page.pdf, the page's own @page sizes) and read back with
// poppler's pdftotext: page numbers in the top margin from the second page on, and each of the seed's
// annexes on a page of its own. Needs /usr/bin/chromium and pdftotext; without them it is skipped and
// says why.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../language-server/src/export/index.js';
import type { ExportFormat } from '../../common/export.js';
import type { PlanView } from '../../common/view.js';
import { seedView, tempDir } from '../unit/export-support.js';
import { CHROMIUM, hasChromium, launchChromium } from './harness.js';

const hasPoppler = ['pdftotext', 'pdfinfo'].every(tool => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
const SKIP_REASON = !hasChromium ? `chromium not installed (${CHROMIUM}); apt-get install -y chromium`
    : !hasPoppler ? 'pdftotext/pdfinfo not found; apt-get install -y poppler-utils' : undefined;
if (SKIP_REASON) console.warn(`SKIPPED: export-print.test.ts: ${SKIP_REASON}`);

let browser: Browser;
let view: PlanView;
let dir: string;

/** The export printed to PDF by Chromium as a reader's "Print" would, at the page's own sizes. */
async function printed(format: ExportFormat): Promise<string> {
    const { files } = await renderExport(view, format);
    const page = await browser.newPage();
    // The page loads nothing (no script, no link); anything it asked for would fail here.
    await page.route('**/*', route => route.abort());
    await page.setContent(new TextDecoder().decode(files[0].data), { waitUntil: 'load' });
    const pdf = path.join(dir, `${format}.pdf`);
    fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    return pdf;
}

/** Each page's lines, blank ones left out. */
function pageLines(pdf: string): string[][] {
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf-8' }).stdout)![1]);
    return Array.from({ length: pages }, (_, i) => spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'], { encoding: 'utf-8' })
        .stdout.normalize('NFC').split('\n').map(l => l.trim()).filter(l => l !== ''));
}

describe.skipIf(SKIP_REASON !== undefined)('the HTML exports printed by Chromium', () => {
    beforeAll(async () => {
        view = await seedView();
        dir = tempDir('print');
        browser = await launchChromium();
    }, 120_000);
    afterAll(async () => { await browser?.close(); });

    it('the document: place and date, and the signature, at the body\'s 14 pt, as in the DOCX (issue 20)', async () => {
        const { files } = await renderExport(view, 'document-html');
        const page = await browser.newPage();
        await page.route('**/*', route => route.abort());
        await page.setContent(new TextDecoder().decode(files[0].data), { waitUntil: 'load' });
        const size = (selector: string) => page.$eval(selector, (e: any) => (globalThis as any).getComputedStyle(e).fontSize);
        // 14 pt is 18,67 CSS px; the annex cells' 11 pt would be 14,67.
        expect(await size('p.d-place-date')).toBe(await size('p.d-para'));
        expect(await size('p.d-signer')).toBe(await size('p.d-para'));
        expect(await size('p.d-para')).toMatch(/^18\.6\d*px$/);
        await page.close();
    }, 120_000);

    it('the annexes: each on its own page, numbered in the top margin from the second page', async () => {
        const pages = pageLines(await printed('html'));
        expect(pages.map(p => p[0])).toEqual(['Phụ lục 01', '2', '3']);
        // The number stands alone on the first line, above the annex label.
        expect(pages.slice(1).map(p => p[1])).toEqual(['Phụ lục 02', 'Phụ lục 03']);
        expect(pages[1].join(' ')).toContain('Sở Thông tin và Truyền');
        expect(pages[2].join(' ')).toContain('Năm 2024');
    }, 120_000);

    it('the whole document: no number on its first page, then every page numbered in order', async () => {
        const pages = pageLines(await printed('document-html'));
        expect(pages.length).toBeGreaterThanOrEqual(10);
        expect(pages[0][0]).toMatch(/^ỦY BAN NHÂN DÂN/);
        expect(pages.slice(1).map(p => p[0])).toEqual(pages.slice(1).map((_, i) => String(i + 2)));
        // The annexes follow, each from the top of a page.
        const starts = view.annexes.map(a => pages.findIndex(p => p[1] === a.label));
        expect(starts.every(s => s > 0)).toBe(true);
    }, 120_000);
});
