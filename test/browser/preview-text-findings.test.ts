// Every finding located in the text (issue 20), in Debian's Chromium on the real view of the seed
// plan: the Văn bản tab marks the paragraphs that carry a finding as the annexes mark cells (the
// severity's colour, the message in the hover), the findings filter applies to them, the list links
// each finding to its paragraph, and a marked paragraph goes to its line in the plan file.
// Screenshots go to test-output/screenshots.
import * as fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../../common/view.js';
import { SEED_PLAN } from '../helpers/plan.js';
import { CHROMIUM, seedPreviewSuite, hasChromium, openPreview, PreviewServer, screenshot, viewMessage, type PreviewPage } from './harness.js';

// Page functions run in the browser; this Node project has no DOM types, so they see the globals as any.
declare const window: any;
declare const document: any;
declare function getComputedStyle(e: unknown, pseudo?: string): any;

if (!hasChromium) console.warn(`SKIPPED: chromium not installed (${CHROMIUM}).`);

const seedLines = fs.readFileSync(SEED_PLAN, 'utf-8').split(/\r?\n/);

describe.skipIf(!hasChromium)('findings in the Văn bản tab in Chromium', () => {
    const suite = seedPreviewSuite();
    let browser: Browser;
    let server: PreviewServer;
    let view: PlanView;
    beforeAll(() => ({ browser, server, view } = suite));

    async function preview(height = 900): Promise<PreviewPage> {
        const p = await openPreview(browser, server, {});
        suite.keep(p);
        await p.page.setViewportSize({ width: 1100, height });
        await p.send(viewMessage(view));
        await p.page.waitForSelector('.annex-table');
        await p.page.click('#tab-document');
        return p;
    }

    /** The marks the Văn bản tab shows (not filtered out): paragraph index, hover, classes. */
    const docMarks = (p: PreviewPage) => p.page.$$eval('#panel-document .doc-paragraph.finding:not(.finding-filtered)', (es: any[]) => es.map(e => ({
        paragraph: Number(e.dataset.paragraph), title: e.title as string, cls: e.className as string, visible: e.getBoundingClientRect().height > 0,
        corner: getComputedStyle(e, '::after').borderTopColor as string
    })));

    it('marks every paragraph a finding stands in, with the messages in the hover; every one of the 19 findings is marked in a paragraph or a cell', async () => {
        const p = await preview();
        const list = view.findingList!;
        expect(list).toHaveLength(19);
        const marks = await docMarks(p);
        const byParagraph = new Map(marks.map(m => [m.paragraph, m]));
        const cellMarks = await p.page.$$eval('.annex-table td.finding', (es: any[]) => es.map(e => e.title as string));
        for (const f of list) {
            const inText = (f.paragraphs ?? []).map(i => byParagraph.get(i));
            for (const m of inText) {
                expect(m, `${f.code} at line ${f.range.start.line + 1}`).toBeDefined();
                expect(m!.title).toContain(`[${f.code}]: ${f.message}`);
                expect(m!.cls).toContain('finding-');
                expect(m!.visible).toBe(true);
            }
            const onCell = cellMarks.some(t => t.includes(`[${f.code}]: ${f.message}`));
            expect(inText.length > 0 || onCell, `${f.code} at line ${f.range.start.line + 1} is marked nowhere`).toBe(true);
        }
        // The marked paragraphs are those the view marks, no more: the 11 solutions, the 5 target
        // sentences (in fewer paragraphs: clauses share one), the duty item after the gap.
        expect(marks.map(m => m.paragraph).sort((a, b) => a - b)).toEqual([...new Set(list.flatMap(f => f.paragraphs ?? []))].sort((a, b) => a - b));
        expect(marks.length).toBeGreaterThanOrEqual(12 + 1);
        // The hover says the severity in words, as a cell's does; the corner is the severity's colour.
        const gap = list.find(f => f.code === 'numbering-gap')!;
        expect(byParagraph.get(gap.paragraphs![0])!.title).toBe(`Cảnh báo [numbering-gap]: ${gap.message}`);
        const warnCorner = await p.page.$eval('#panel-annex-02 td.finding-warning', (td: any) => getComputedStyle(td, '::after').borderTopColor);
        expect(byParagraph.get(gap.paragraphs![0])!.corner).toBe(warnCorner);
        expect(await p.problems()).toEqual([]);
        await p.page.$eval(`#panel-document .doc-paragraph[data-paragraph="${list.find(f => f.code === 'solution-without-lead')!.paragraphs![0]}"]`,
            (e: any) => e.scrollIntoView({ block: 'center' }));
        await screenshot(p.page, 'text-findings-document-light', { fullPage: false });
    });

    it('filters the paragraph marks as the cell marks: one rule, or errors only', async () => {
        const p = await preview();
        const codes = async () => (await docMarks(p)).map(m => /\[([a-z-]+)\]/.exec(m.title)![1]);
        await p.page.click('#tab-document');
        await p.page.selectOption('#filter-rule', 'solution-without-lead');
        expect(await codes()).toEqual(Array(11).fill('solution-without-lead'));
        // A filtered-out mark shows no corner and no tint.
        const out = view.findingList!.find(f => f.code === 'numbering-gap')!.paragraphs![0];
        const left = await p.page.$eval(`#panel-document .doc-paragraph[data-paragraph="${out}"]`, (e: any) => ({
            cls: e.className, corner: getComputedStyle(e, '::after').display, shadow: getComputedStyle(e).boxShadow
        }));
        expect(left.cls).toContain('finding-filtered');
        expect(left.corner).toBe('none');
        expect(left.shadow).toBe('none');
        await p.page.selectOption('#filter-rule', 'target-not-met');
        // Five targets in fewer sentences: one mark a paragraph.
        const sentences = new Set(view.findingList!.filter(f => f.code === 'target-not-met').flatMap(f => f.paragraphs ?? [])).size;
        expect(sentences).toBeGreaterThanOrEqual(2);
        expect(await codes()).toEqual(Array(sentences).fill('target-not-met'));
        await p.page.selectOption('#filter-rule', '');
        await p.page.check('#filter-errors');
        // The seed's one error is a total in Annex 01: the text has no error mark.
        expect(await codes()).toEqual([]);
        await p.page.uncheck('#filter-errors');
        expect((await codes()).length).toBe(new Set(view.findingList!.flatMap(f => f.paragraphs ?? [])).size);
    });

    it('goes from the list to the paragraph (tab, scrolled into view, flashed), and from the paragraph to its line', async () => {
        const p = await preview(600);
        // From another tab: the link opens the Văn bản tab.
        await p.page.click('#tab-annex-01');
        const entry = '.finding-entry[data-code="numbering-gap"]';
        const link = await p.page.$eval(`${entry} .go-to-paragraph`, (e: any) => [e.textContent, e.title]);
        expect(link[0]).toMatch(/^Văn bản: 11\. Các sở/);
        expect(link[1]).toBe('Đến đoạn này trong văn bản');
        await p.page.click(`${entry} .go-to-paragraph`);
        expect(await p.page.$eval('[aria-selected="true"]', (e: any) => e.id)).toBe('tab-document');
        const gap = view.findingList!.find(f => f.code === 'numbering-gap')!;
        const shown = await p.page.$eval('#panel-document .doc-paragraph.flash', (e: any) => {
            const r = e.getBoundingClientRect();
            return { paragraph: Number(e.dataset.paragraph), top: r.top, bottom: r.bottom, height: window.innerHeight, focused: document.activeElement === e };
        });
        expect(shown.paragraph).toBe(gap.paragraphs![0]);
        expect(shown.top).toBeGreaterThan(40);
        expect(shown.bottom).toBeLessThan(shown.height);
        expect(shown.focused).toBe(true);
        await p.page.waitForFunction(() => !document.querySelector('.doc-paragraph.flash'), undefined, { timeout: 5000 });
        // A solution without a lead: the list links it to its paragraph only (no cell), and a click
        // on the marked paragraph goes to the solution's line in the plan file.
        const solution = view.findingList!.find(f => f.code === 'solution-without-lead')!;
        const index = view.findingList!.indexOf(solution);
        expect(await p.page.$$eval(`.finding-entry[data-index="${index}"] .go-to-cell`, (es: any[]) => es.length)).toBe(0);
        await p.page.click(`.finding-entry[data-index="${index}"] .go-to-paragraph`);
        await p.page.click(`#panel-document .doc-paragraph[data-paragraph="${solution.paragraphs![0]}"]`);
        const line = solution.range.start.line;
        expect(seedLines[line]).toMatch(/^\s*solution "/);
        expect((await p.posted()).at(-1)).toEqual({ type: 'reveal', line, character: 0 });
        // Enter on the focused marked paragraph does the same.
        await p.page.focus(`#panel-document .doc-paragraph[data-paragraph="${gap.paragraphs![0]}"]`);
        await p.page.keyboard.press('Enter');
        expect((await p.posted()).at(-1)).toEqual({ type: 'reveal', line: view.document!.body[gap.paragraphs![0]].line, character: 0 });
    });
});
