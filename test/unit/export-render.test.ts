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
import type { PlanView } from '../../common/view.js';
import { seedView, tempDir } from './export-support.js';

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

beforeAll(async () => {
    if (SKIP_REASON) return;
    view = await seedView();
    dir = tempDir('render');
    for (const [format, options] of [['document-docx', {}], ['xlsx', { findings: true }]] as const) {
        for (const file of (await renderExport(view, format, options)).files) fs.writeFileSync(path.join(dir, file.name), file.data);
    }
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
        expect(pages[starts[0]]).toContain(squeeze('1 Phù Cừ 29.822 946 3,17'));
        expect(pages.slice(starts[0]).join('')).toContain(squeeze('Tổng cộng 407.045 10.368 2,55'));
        // Body pages are numbered from the second.
        expect(pages[1].startsWith('2')).toBe(true);
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
    }, 240_000);
});
