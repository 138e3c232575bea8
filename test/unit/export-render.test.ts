// The exported files as a reader sees them: the whole document (DOCX) and the annex workbook (XLSX,
// with its review sheet) converted to PDF by LibreOffice, then read with poppler's pdfinfo and
// pdftotext: how many pages, which orientation, where each annex starts, and the key lines. Needs
// `soffice`, `pdfinfo` and `pdftotext` on the PATH; without them the tests are skipped and say why.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { renderExport } from '../../language-server/src/export/index.js';
import { TAIL_ROWS } from '../../language-server/src/export/docx.js';
import type { PlanView } from '../../common/view.js';
import { seedView, tempDir, viewOfText } from './export-support.js';

const TOOLS = ['soffice', 'pdfinfo', 'pdftotext'];
const missing = TOOLS.filter(tool => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const SKIP_REASON = missing.length > 0
    ? `skipped: ${missing.join(', ')} not found (LibreOffice and poppler-utils render the exports to PDF here)`
    : undefined;
if (SKIP_REASON) console.warn(`export-render.test.ts: ${SKIP_REASON}`);

function skipWithoutTools(ctx: TestContext): boolean {
    if (!SKIP_REASON) return false;
    console.warn(`${ctx.task.name}: ${SKIP_REASON}`);
    ctx.skip();
    return true;
}

let view: PlanView;
let dir: string;

/** The PDF that LibreOffice makes of `file`, in a profile of its own (a running LibreOffice would take the job otherwise). */
function toPdf(file: string): string {
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const run = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
        { encoding: 'utf-8', timeout: 180_000 });
    const pdf = path.join(dir, `${path.basename(file, path.extname(file))}.pdf`);
    expect(fs.existsSync(pdf), `soffice: ${run.stderr || run.stdout}`).toBe(true);
    return pdf;
}

/** Each page's text, white space removed: pdftotext spaces justified lines out ("c ủa"), and no check needs it. */
function pageTexts(pdf: string): string[] {
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf-8' }).stdout)![1]);
    return Array.from({ length: pages }, (_, i) => spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf-8' })
        .stdout.normalize('NFC').replace(/\s+/g, ''));
}

function landscape(pdf: string, page: number): boolean {
    const size = /size:\s+([\d.]+) x ([\d.]+)/.exec(spawnSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf-8' }).stdout)!;
    return Number(size[1]) > Number(size[2]);
}

const squeeze = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

/** Each page's text as pdftotext lays it out (-layout): the columns of a table stay in their places. */
function layoutPages(pdf: string): string[] {
    return spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf-8' }).stdout.normalize('NFC').split('\f');
}

/**
 * On how many printed lines a table cell holds `name`, for each place the name starts on a page laid
 * out by pdftotext -layout: the cell's column runs from where the name starts to where the next
 * column's text starts on that line; each later line adds what stands in that column, until the name
 * is complete.
 */
function linesOfName(page: string, name: string): number[] {
    const lines = page.split('\n');
    const first = name.split(' ').slice(0, 4).join(' ');
    const counts: number[] = [];
    lines.forEach((line, at) => {
        const x = line.indexOf(first);
        if (x < 0) return;
        const gap = /\S\s{2,}(?=\S)/.exec(line.slice(x));
        const end = gap ? x + gap.index + gap[0].length - 1 : Infinity;
        let text = '';
        let count = 0;
        for (let l = at; l < lines.length && count < 6 && !squeeze(text).includes(squeeze(name)); l++) {
            const piece = (l === at ? line.slice(x, end) : lines[l].slice(Math.max(0, x - 2), end - 1)).trim();
            if (piece === '') continue;
            text += ` ${piece}`;
            count++;
        }
        counts.push(count);
    });
    return counts;
}

/** The words of a page with their boxes (pdftotext -bbox), in points from the top left. */
function pageWords(pdf: string, page: number): { text: string; x: number; y: number; width: number }[] {
    const xml = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-'], { encoding: 'utf-8' }).stdout;
    return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
        .map(([, x0, y0, x1, text]) => ({ text: text.normalize('NFC'), x: Number(x0), y: Number(y0), width: Number(x1) - Number(x0) }));
}

/** A plan of twelve tables of 30 to 41 district rows: a page break leaves a tail in most of them. */
function longTablesPlan(): string {
    const lines = ['plan dai "Kế hoạch dài"', 'number-style vi', 'header { number "" code "KH-UBND" date ?/11/2023 issuer-short "UBND tỉnh" }'];
    for (let i = 1; i <= 41; i++) lines.push(`district D${i} "Đơn vị ${String(i).padStart(3, '0')}" huyen`);
    for (let n = 30; n <= 41; n++) {
        lines.push(`table t${n} "Bảng ${n} dòng" {`, `    annex "${n}"`, '    years { 2023 result }', '    columns households poor poor-rate');
        for (let i = 1; i <= n; i++) lines.push(`    row ${i} D${i} { 2023: 1.000 10 1,00 }`);
        lines.push('}');
    }
    return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
    if (SKIP_REASON) return;
    view = await seedView();
    dir = tempDir('render');
    for (const [format, options] of [['document-docx', {}], ['xlsx', { findings: true }]] as const) {
        for (const file of (await renderExport(view, format, options)).files) fs.writeFileSync(path.join(dir, file.name), file.data);
    }
    for (const file of (await renderExport(await viewOfText(longTablesPlan()), 'docx')).files) fs.writeFileSync(path.join(dir, file.name), file.data);
}, 120_000);

describe('the exports rendered by LibreOffice', () => {
    it('the whole document: the body on portrait pages, signed, then each annex from the top of a landscape page', ctx => {
        if (skipWithoutTools(ctx)) return;
        const pdf = toPdf(path.join(dir, 'hung_yen_giam_ngheo_2023-van-ban.docx'));
        const pages = pageTexts(pdf);
        // About eight pages of text (fonts vary between machines), then Annexes 01 (one page), 02 and 03.
        expect(pages.length).toBeGreaterThanOrEqual(10);
        expect(pages.length).toBeLessThanOrEqual(18);
        for (const line of ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: /KH-UBND', 'KẾ HOẠCH', 'I. MỤC ĐÍCH, YÊU CẦU']) {
            expect(pages[0], line).toContain(squeeze(line));
        }
        expect(landscape(pdf, 1)).toBe(false);
        const starts = view.annexes.map(a => pages.findIndex(p => p.startsWith(squeeze(a.label))));
        expect(starts.every(s => s > 0)).toBe(true);
        expect([...starts].sort((a, b) => a - b)).toEqual(starts);
        // The signature and the recipients close the body, on the page before the first annex.
        const signed = pages.findIndex(p => p.includes(squeeze('Nguyễn Duy Hưng')));
        expect(signed).toBe(starts[0] - 1);
        for (const line of ['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'PHÓ CHỦ TỊCH', '- Lưu: VT, KGVXT.']) expect(pages[signed], line).toContain(squeeze(line));
        for (let page = 1; page <= signed + 1; page++) expect(landscape(pdf, page), `page ${page}`).toBe(false);
        view.annexes.forEach((annex, i) => {
            expect(landscape(pdf, starts[i] + 1), annex.label).toBe(annex.orientation === 'landscape');
            expect(pages[starts[i]]).toContain(squeeze(annex.subtitle));
        });
        // Rows read in their lines (-layout): the plain reading order of a table follows the font's
        // metrics (Liberation 1.07 and 2 give different orders).
        const annexLines = layoutPages(pdf).slice(starts[0]).join('\n').split('\n').map(squeeze);
        expect(annexLines).toContain(squeeze('1 Phù Cừ 29.822 946 3,17 29.409 650 2,21 29.609 448 1,51 30.009 319 1,06 30.209 195 0,65'));
        expect(annexLines.some(l => l.startsWith(squeeze('Tổng cộng 407.045 10.368 2,55')))).toBe(true);
        // Body pages are numbered from the second.
        expect(pages[1].startsWith('2')).toBe(true);
    }, 240_000);

    it('the annexes of the whole document: each on one page, agencies on two lines at most', ctx => {
        if (skipWithoutTools(ctx)) return;
        const pdf = path.join(dir, 'hung_yen_giam_ngheo_2023-van-ban.pdf');
        if (!fs.existsSync(pdf)) toPdf(path.join(dir, 'hung_yen_giam_ngheo_2023-van-ban.docx'));
        const pages = pageTexts(pdf);
        const starts = view.annexes.map(a => pages.findIndex(p => p.startsWith(squeeze(a.label))));
        // Annexes 02 and 03 used to leave two rows and one row on a page of their own.
        expect(starts.map((s, i) => (starts[i + 1] ?? pages.length) - s)).toEqual(view.annexes.map(() => 1));
        expect(pages[starts[1]]).toContain(squeeze('- Chiều thiếu hụt về thông tin:'));
        expect(pages[starts[1]]).toContain(squeeze('86,74'));
        expect(pages[starts[2]]).toContain(squeeze('Xây dựng chính sách nâng mức trợ cấp xã hội'));
        expect(pages[starts[2]]).toContain(squeeze('Năm 2024'));
        // "Sở Lao động - Thương binh và Xã hội" (and its en-dash wording) on two lines at most, in Annexes 02 and 03.
        const layout = layoutPages(pdf);
        for (const [i, name] of [[1, 'Sở Lao động - Thương binh và Xã hội'], [2, 'Sở Lao động – Thương binh và Xã hội'], [2, 'Sở Lao động - Thương binh và Xã hội']] as const) {
            const counts = linesOfName(layout[starts[i]], name);
            expect(counts.length, `${view.annexes[i].label}: ${name}`).toBeGreaterThan(0);
            expect(Math.max(...counts), `${view.annexes[i].label}: ${name} on ${counts.join(', ')} lines`).toBeLessThanOrEqual(2);
        }
    }, 240_000);

    it('a long table breaks over pages without a short tail: no page of an annex holds fewer than three rows', ctx => {
        if (skipWithoutTools(ctx)) return;
        const pages = pageTexts(toPdf(path.join(dir, 'dai.docx')));
        // The annex each page belongs to, and the district rows on it.
        let annex = '';
        const rows = new Map<string, number[]>();
        for (const page of pages) {
            annex = /^Phụlục(\d+)/.exec(page)?.[1] ?? annex;
            rows.set(annex, [...rows.get(annex) ?? [], (page.match(/Đơnvị\d{3}/g) ?? []).length]);
        }
        expect([...rows.keys()]).toEqual(Array.from({ length: 12 }, (_, i) => String(30 + i)));
        const split = [...rows.entries()].filter(([, counts]) => counts.length > 1);
        // Some tables do break (else this plan would test nothing), and every page keeps its rows.
        expect(split.length).toBeGreaterThan(2);
        for (const [n, counts] of rows) {
            expect(counts.reduce((a, b) => a + b, 0), `Phụ lục ${n}`).toBe(Number(n));
            for (const count of counts) expect(count, `Phụ lục ${n}: ${counts.join(' + ')} rows`).toBeGreaterThanOrEqual(TAIL_ROWS);
        }
    }, 240_000);

    it('the annex workbook: a landscape page per annex and one for the review sheet', ctx => {
        if (skipWithoutTools(ctx)) return;
        const pdf = toPdf(path.join(dir, 'hung_yen_giam_ngheo_2023.xlsx'));
        const pages = pageTexts(pdf);
        expect(pages.length).toBeGreaterThanOrEqual(view.annexes.length + 1);
        expect(pages.length).toBeLessThanOrEqual(10);
        const all = pages.join('');
        for (const line of ['Phụ lục 01', 'DỰ KIẾN', 'Phù Cừ', 'Tổng cộng', 'Phụ lục 02', 'Sở Y tế', 'Phụ lục 03', 'Năm 2025', view.annexes[0].subtitle]) {
            expect(all, line).toContain(squeeze(line));
        }
        // Numbers print with the reader's separators (LibreOffice's locale): 407.045 or 407,045.
        expect(all).toMatch(/407[.,]045/);
        const review = pages.findIndex(p => p.includes(squeeze('Mã quy tắc')));
        expect(review).toBeGreaterThanOrEqual(view.annexes.length);
        expect(pages.slice(review).join('')).toContain('total-mismatch');
        for (let page = 1; page <= pages.length; page++) expect(landscape(pdf, page), `page ${page}`).toBe(true);
        // One page per annex, each numbered from 1: no number on an annex's first page.
        expect(review).toBe(view.annexes.length);
        for (let i = 0; i < view.annexes.length; i++) expect(pages[i].startsWith(squeeze(view.annexes[i].label)), `page ${i + 1}`).toBe(true);
    }, 240_000);

    it('the annex workbook prints Annex 01 legibly: its figures at 10 pt or more, the table down the page', ctx => {
        if (skipWithoutTools(ctx)) return;
        const pdf = path.join(dir, 'hung_yen_giam_ngheo_2023.pdf');
        if (!fs.existsSync(pdf)) toPdf(path.join(dir, 'hung_yen_giam_ngheo_2023.xlsx'));
        const words = pageWords(pdf, 1);
        // "29.822" (or "29,822", in LibreOffice's locale) is five digits of half an em and a stop of a quarter: 2,75 em.
        const figures = words.filter(w => /^\d{2}[.,]\d{3}$/.test(w.text));
        expect(figures.length).toBeGreaterThan(40);
        const sizes = figures.map(w => w.width / 2.75);
        // Fit-to-width used to shrink the seventeen columns to about 7 pt.
        expect(Math.min(...sizes), `printed at ${Math.min(...sizes).toFixed(1)} pt`).toBeGreaterThanOrEqual(10);
        // The table fills the page's width and runs well below its top third (it used to stop there).
        const height = Number(/size:\s+[\d.]+ x ([\d.]+)/.exec(spawnSync('pdfinfo', ['-f', '1', '-l', '1', pdf], { encoding: 'utf-8' }).stdout)![1]);
        const total = words.find(w => /^407[.,]045$/.test(w.text));
        expect(total, 'the total row\'s 407.045').toBeDefined();
        expect(total!.y / height).toBeGreaterThan(0.5);
    }, 240_000);
});
