// The document tab (the whole plan as Nghị định 30 lays it out) and the bold runs of annex cells,
// in Debian's Chromium on the real view of the seed plan. Screenshots in light and dark go to
// test-output/screenshots.
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../../common/view.js';
import * as path from 'node:path';
import { EXAMPLES_DIR } from '../helpers/plan.js';
import {
    CHROMIUM, seedPreviewSuite, hasChromium, openPreview, planViewOf, PreviewServer, screenshot, viewMessage,
    type OpenOptions, type PreviewPage
} from './harness.js';

// Page functions run in the browser; this Node project has no DOM types, so they see the globals as any.
declare const document: any;
declare function getComputedStyle(e: unknown, pseudo?: string): any;

if (!hasChromium) console.warn(`SKIPPED: chromium not installed (${CHROMIUM}).`);

describe.skipIf(!hasChromium)('the document tab and bold runs in Chromium', () => {
    const suite = seedPreviewSuite();
    let browser: Browser;
    let server: PreviewServer;
    let view: PlanView;
    beforeAll(() => ({ browser, server, view } = suite));

    async function preview(o: OpenOptions & { width?: number } = {}, v: PlanView = view): Promise<PreviewPage> {
        const p = await openPreview(browser, server, o);
        suite.keep(p);
        if (o.width) await p.page.setViewportSize({ width: o.width, height: 900 });
        await p.send(viewMessage(v));
        await p.page.waitForSelector('.annex-table');
        return p;
    }

    it('sets Annex 02\'s dimension labels in bold, the cell\'s text unchanged', async () => {
        const annex = view.annexes.findIndex(a => a.body.some(r => r.cells.some(c => c.runs?.some(run => run.bold))));
        expect(annex).toBeGreaterThanOrEqual(0);
        const cell = view.annexes[annex].body.flatMap(r => r.cells).find(c => c.runs?.some(run => run.bold))!;
        const label = cell.runs!.find(r => r.bold)!.text;
        expect(label).toMatch(/^- Chiều thiếu hụt về /);
        const p = await preview();
        await p.page.click('#tab-annex-02');
        const found = await p.page.$$eval('#panel-annex-02 td', (tds: any[], text: string) => {
            const td = tds.find(t => t.textContent === text);
            if (!td) return null;
            const strong = td.querySelector('strong');
            return {
                strong: strong?.textContent,
                strongWeight: Number(getComputedStyle(strong).fontWeight),
                restWeight: Number(getComputedStyle(td).fontWeight),
                visible: strong ? strong.getBoundingClientRect().width > 0 : false
            };
        }, cell.text);
        expect(found).not.toBeNull();
        expect(found!.strong).toBe(label);
        expect(found!.strongWeight).toBeGreaterThanOrEqual(600);
        expect(found!.restWeight).toBeLessThan(600);
        expect(found!.visible).toBe(true);
        // Every cell's text is still exactly the view's.
        const texts = await p.page.$$eval('#panel-annex-02 tbody tr', (trs: any[]) => trs.map(tr => Array.from(tr.cells as ArrayLike<any>).map(c => c.textContent)));
        expect(texts).toEqual(view.annexes[1].body.map(r => r.cells.map(c => c.text)));
        expect(await p.problems()).toEqual([]);
        await p.page.$eval('#panel-annex-02 strong', (e: any) => e.scrollIntoView({ block: 'center' }));
        await screenshot(p.page, 'annex-02-runs-light', { fullPage: false });
    });

    it('has a document tab: the header block, the title, the sections in order, the recipients and the signature', async () => {
        const d = view.document!;
        expect(d).toBeDefined();
        const p = await preview();
        const tabs = await p.page.$$eval('[role="tab"]', (es: any[]) => es.map(e => [e.textContent, e.getAttribute('aria-selected')]));
        expect(tabs[0]).toEqual(['Văn bản', 'false']);
        // The plan still opens on its first annex.
        expect(tabs[1]).toEqual(['Phụ lục 01', 'true']);
        await p.page.click('#tab-document');
        expect(await p.page.isVisible('#panel-document .doc-page')).toBe(true);
        expect(await p.page.isVisible('#panel-annex-01')).toBe(false);
        const text = (sel: string) => p.page.$eval(sel, (e: any) => e.textContent);
        expect(await p.page.$$eval('.doc-issuer-line', (es: any[]) => es.map(e => e.textContent))).toEqual(d.issuer);
        expect(await p.page.$$eval('.doc-motto-line', (es: any[]) => es.map(e => e.textContent))).toEqual(d.motto);
        expect(await text('.doc-number')).toBe(d.number);
        expect(await text('.doc-place-date')).toBe(d.placeDate);
        expect(await text('.doc-kind')).toBe('KẾ HOẠCH');
        expect(await text('.doc-title')).toBe(d.title);
        expect(d.title).toMatch(/^Thực hiện Nghị quyết số 41-NQ\/TU/);
        const firstHeading = await p.page.$eval('.doc-heading.doc-level-1', (e: any) => ({ text: e.textContent, weight: Number(getComputedStyle(e).fontWeight) }));
        expect(firstHeading).toEqual({ text: 'I. MỤC ĐÍCH, YÊU CẦU', weight: 700 });
        expect(await p.page.$$eval('.doc-paragraph', (es: any[]) => es.length)).toBe(d.body.length);
        expect(await text('.doc-signer')).toBe('Nguyễn Duy Hưng');
        expect(await text('.doc-recipients-heading')).toBe('Nơi nhận:');
        // Issuer and motto side by side; recipients left of the signature; kind and title centred.
        const box = (sel: string) => p.page.$eval(sel, (e: any) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top }; });
        const [issuer, motto, recipients, signature] = [await box('.doc-issuer'), await box('.doc-motto'), await box('.doc-recipients'), await box('.doc-signature')];
        expect(issuer.right).toBeLessThanOrEqual(motto.left);
        expect(Math.abs(issuer.top - motto.top)).toBeLessThan(2);
        expect(recipients.right).toBeLessThanOrEqual(signature.left);
        expect(await p.page.$eval('.doc-title', (e: any) => [getComputedStyle(e).textAlign, Number(getComputedStyle(e).fontWeight)])).toEqual(['center', 700]);
        expect(await p.page.$eval('.doc-page', (e: any) => getComputedStyle(e).fontFamily)).toMatch(/serif/);
        // A paragraph points at its line in the plan file.
        await p.page.click('.doc-heading.doc-level-1');
        const posted = await p.posted();
        expect(posted.at(-1)).toEqual({ type: 'reveal', line: d.body.find(b => b.kind === 'heading')!.line, character: 0 });
        expect(await p.problems()).toEqual([]);
        await screenshot(p.page, 'document-light');
        await p.page.evaluate(() => document.querySelector('.doc-foot').scrollIntoView({ block: 'center' }));
        await screenshot(p.page, 'document-foot-light', { fullPage: false });
    });

    it('reads in the dark theme and in English', async () => {
        const p = await preview({ theme: 'vscode-dark', locale: 'en' });
        expect(await p.page.$eval('#tab-document', (e: any) => e.textContent)).toBe('Document');
        await p.page.click('#tab-document');
        const colours = await p.page.$eval('.doc-page', (e: any) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);
        expect(colours).toEqual(['rgb(204, 204, 204)', 'rgb(30, 30, 30)']);
        expect(await p.problems()).toEqual([]);
        await screenshot(p.page, 'document-dark', { fullPage: false });
        await p.page.evaluate(() => document.querySelector('.doc-foot').scrollIntoView({ block: 'center' }));
        await screenshot(p.page, 'document-foot-dark', { fullPage: false });
    });

    it('stacks on a narrow panel', async () => {
        const p = await preview({ width: 420 });
        await p.page.click('#tab-document');
        const [issuer, motto] = [
            await p.page.$eval('.doc-issuer', (e: any) => e.getBoundingClientRect().bottom),
            await p.page.$eval('.doc-motto', (e: any) => e.getBoundingClientRect().top)
        ];
        expect(motto).toBeGreaterThanOrEqual(issuer);
        expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
        await p.page.evaluate(() => document.querySelector('.doc-top').scrollIntoView({ block: 'center' }));
        await screenshot(p.page, 'document-narrow-light', { fullPage: false });
        await p.page.evaluate(() => document.querySelector('.doc-foot').scrollIntoView({ block: 'center' }));
        await screenshot(p.page, 'document-narrow-foot-light', { fullPage: false });
    });

    it('keeps plan text as text', async () => {
        const d = view.document!;
        const evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
        const v: PlanView = {
            ...view,
            document: {
                ...d, title: `${d.title} ${evil}`,
                body: [...d.body.slice(0, 3), { kind: 'text', text: evil, lead: { text: '<b>lead</b>', bold: true } }, ...d.body.slice(3)],
                signature: { lines: d.signature!.lines, name: '<i>Tên</i>' }
            }
        };
        const p = await preview({ csp: false }, v);
        await p.page.click('#tab-document');
        const para = await p.page.$eval('.doc-paragraph:nth-child(4)', (e: any) => ({ text: e.textContent, elements: e.querySelectorAll('script, img, b').length }));
        expect(para).toEqual({ text: `<b>lead</b> ${evil}`, elements: 0 });
        expect(await p.page.$eval('.doc-signer', (e: any) => [e.textContent, e.children.length])).toEqual(['<i>Tên</i>', 0]);
        expect(await p.page.$$eval('.doc-page script, .doc-page img', (es: any[]) => es.length)).toBe(0);
        expect(await p.page.evaluate(() => (globalThis as any).__pwned)).toBeUndefined();
    });

    it('a plan of tables only: its title and a line saying it has no text, not an empty page', async () => {
        const tablesOnly = await planViewOf(path.join(EXAMPLES_DIR, 'tables', '1-regions-poor-near-poor.plan'));
        expect(tablesOnly.document?.body).toEqual([]);
        const p = await preview({}, tablesOnly);
        await p.page.click('#tab-document');
        const page = await p.page.$eval('#panel-document .doc-page', (e: any) => ({
            title: e.querySelector('.doc-title')?.textContent, empty: e.querySelector('.empty')?.textContent,
            skeleton: e.querySelectorAll('.doc-top, .doc-body, .doc-foot').length
        }));
        expect(page).toEqual({ title: tablesOnly.document!.title, empty: 'Kế hoạch này chưa có phần văn bản: chỉ có các bảng (xem các thẻ phụ lục).', skeleton: 0 });
        // The seed, with its text, keeps the whole page.
        const seed = await preview();
        await seed.page.click('#tab-document');
        expect(await seed.page.$$eval('#panel-document .empty', (es: any[]) => es.length)).toBe(0);
    });
});
