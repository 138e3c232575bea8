// `plan export` as a user runs it: the CLI bundled from the sources (so the test never runs a stale
// out/cli.cjs), several formats at once, exit codes 0 and 2, messages in both languages.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { REPO_ROOT, SEED_PLAN } from '../helpers/plan.js';
import { readDocx, tempDir } from './export-support.js';

let cli: string;

beforeAll(async () => {
    // Both bundles, as esbuild.mjs makes them: export runs from cli-office.cjs, loaded on use.
    const folder = tempDir('cli-bundle');
    cli = path.join(folder, 'cli.cjs');
    const { cliBuilds } = await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'cli-bundles.mjs')).href) as { cliBuilds: (outdir: string) => esbuild.BuildOptions[] };
    for (const options of cliBuilds(folder)) await esbuild.build({ ...options, sourcemap: false, logLevel: 'error' });
});

function plan(args: string[], cwd = REPO_ROOT, timeout?: number): { status: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf-8', timeout, killSignal: 'SIGKILL' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

const SEED_FILES = [
    'hung_yen_giam_ngheo_2023.docx', 'hung_yen_giam_ngheo_2023.xlsx',
    'hung_yen_giam_ngheo_2023-phu-luc-01.csv', 'hung_yen_giam_ngheo_2023-phu-luc-02.csv', 'hung_yen_giam_ngheo_2023-phu-luc-03.csv',
    'hung_yen_giam_ngheo_2023.html', 'hung_yen_giam_ngheo_2023.md'
];

describe('plan export', () => {
    it('exports a plan with findings in several formats at once, into a new folder, and prints the paths', async () => {
        const out = path.join(tempDir('cli'), 'new', 'folder');
        const validate = plan(['validate', SEED_PLAN]);
        const counts = validate.stdout.trim().split('\n').at(-1)!;
        expect(counts).toMatch(/^1 tệp: \d+ lỗi, \d+ cảnh báo/);
        const run = plan(['export', SEED_PLAN, '--format', 'docx,xlsx', '--format', 'csv', '--format', 'html,md', '--out', out]);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout.trim().split('\n').map(p => path.resolve(REPO_ROOT, p))).toEqual(SEED_FILES.map(f => path.join(out, f)));
        expect(fs.readdirSync(out).sort()).toEqual([...SEED_FILES].sort());
        // The same counts as `plan validate`; the seed has findings, and they do not stop the export.
        expect(run.stderr.trim()).toBe(`${counts} Vẫn xuất các phụ lục.`);
        const docx = await readDocx(fs.readFileSync(path.join(out, SEED_FILES[0])));
        expect(docx.sections).toHaveLength(3);
    });

    it('takes --findings alone as the review sheet even before the plan file, --findings comments as the findings in the text, and refuses other places', async () => {
        const before = tempDir('cli-findings-before');
        const bare = plan(['export', '--findings', SEED_PLAN, '--format', 'csv', '--out', before]);
        expect(bare.status, bare.stderr).toBe(0);
        expect(fs.readdirSync(before)).toContain('hung_yen_giam_ngheo_2023-phat-hien.csv');
        const out = tempDir('cli-findings-comments');
        const run = plan(['export', SEED_PLAN, '--format', 'document-docx,csv', '--findings', 'comments', '--out', out]);
        expect(run.status, run.stderr).toBe(0);
        // Comments only: no review sheet.
        expect(fs.readdirSync(out)).not.toContain('hung_yen_giam_ngheo_2023-phat-hien.csv');
        const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, 'hung_yen_giam_ngheo_2023-van-ban.docx')));
        expect([...(await zip.file('word/comments.xml')!.async('string')).matchAll(/<w:comment /g)]).toHaveLength(24);
        const bad = plan(['export', SEED_PLAN, '--format', 'csv', '--findings=margins', '--out', tempDir('cli-findings-bad')]);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toContain('sheet, comments');
    });

    it('refuses to overwrite without --force (exit 2, naming the file, nothing changed) and overwrites with it', () => {
        const out = tempDir('cli-force');
        expect(plan(['export', SEED_PLAN, '--format', 'md', '--out', out]).status).toBe(0);
        const md = path.join(out, 'hung_yen_giam_ngheo_2023.md');
        fs.writeFileSync(md, 'edited by hand');
        const again = plan(['export', SEED_PLAN, '--format', 'md,html', '--out', out]);
        expect(again.status).toBe(2);
        expect(again.stderr).toContain('Tệp đã tồn tại');
        expect(again.stderr).toContain('hung_yen_giam_ngheo_2023.md');
        expect(again.stdout).toBe('');
        expect(fs.readFileSync(md, 'utf-8')).toBe('edited by hand');
        expect(fs.readdirSync(out)).toEqual(['hung_yen_giam_ngheo_2023.md']);
        const english = plan(['export', SEED_PLAN, '--format', 'md', '--out', out, '--lang', 'en']);
        expect(english.status).toBe(2);
        expect(english.stderr).toContain('File already exists');
        const forced = plan(['export', SEED_PLAN, '--format', 'md', '--out', out, '--force']);
        expect(forced.status).toBe(0);
        expect(fs.readFileSync(md, 'utf-8')).toMatch(/^# KẾ HOẠCH /);
    });

    it('refuses an unknown format, a missing format, a missing file and a folder with exit 2 and a clear message', () => {
        const out = tempDir('cli-refuse');
        const cases: [string[], RegExp][] = [
            [['export', SEED_PLAN, '--format', 'docx,pdf', '--out', out], /Định dạng xuất không hỗ trợ: "pdf"/],
            [['export', SEED_PLAN, '--format', 'pdf', '--out', out, '--lang', 'en'], /Unknown export format: "pdf" \(one of: docx, xlsx, csv, html, md, document-docx, document-html\)/],
            [['export', SEED_PLAN, '--out', out], /Cần chọn ít nhất một định dạng/],
            [['export', 'examples/no-such.plan', '--format', 'md', '--out', out], /Không đọc được tệp kế hoạch examples\/no-such\.plan: không có tệp này/],
            [['export', 'examples/no-such.plan', '--format', 'md', '--out', out, '--lang', 'en'], /Cannot read plan file examples\/no-such\.plan: no such file/],
            [['export', 'examples', '--format', 'md', '--out', out], /không phải là tệp/]
        ];
        for (const [args, message] of cases) {
            const run = plan(args);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr).toMatch(message);
        }
        expect(fs.readdirSync(out)).toEqual([]);
    });

    it('writes CSV numbers plain or printed, with "," or ";", and the findings for review with --findings', async () => {
        const out = tempDir('cli-csv');
        const plain = plan(['export', SEED_PLAN, '--format', 'csv', '--out', path.join(out, 'plain')]);
        expect(plain.status, plain.stderr).toBe(0);
        expect(plain.stdout).not.toContain('phat-hien');
        expect(fs.readFileSync(path.join(out, 'plain', 'hung_yen_giam_ngheo_2023-phu-luc-01.csv'), 'utf-8')).toContain('\r\n1,Phù Cừ,29822,946,3.17,');
        const printed = plan(['export', SEED_PLAN, '--format', 'csv,xlsx', '--csv-numbers', 'printed', '--csv-separator', ';', '--findings',
            '--lang', 'en', '--out', path.join(out, 'printed')]);
        expect(printed.status, printed.stderr).toBe(0);
        expect(printed.stdout).toContain('hung_yen_giam_ngheo_2023-phat-hien.csv');
        expect(fs.readFileSync(path.join(out, 'printed', 'hung_yen_giam_ngheo_2023-phu-luc-01.csv'), 'utf-8')).toContain('\r\n1;Phù Cừ;29.822;946;3,17;');
        const review = fs.readFileSync(path.join(out, 'printed', 'hung_yen_giam_ngheo_2023-phat-hien.csv'), 'utf-8').replace(/^\uFEFF/, '').split('\r\n');
        expect(review[0]).toBe('No.;Severity;Rule;Message;Place in the document;Agency/district;Reply;Line in the .plan file');
        // English messages, as --lang asks, one line per finding.
        expect(review.filter(l => l !== '')).toHaveLength(20);
        expect(review.find(l => l.startsWith('1;Error;total-mismatch;'))).toMatch(/;Phụ lục 01 · Tổng cộng · Năm 2024 - Tổng số hộ nghèo;Tổng cộng;;\d+$/);
        const bad = plan(['export', SEED_PLAN, '--format', 'csv', '--csv-separator', 'tab', '--out', out]);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toMatch(/--csv-separator/);
    });

    it('exports the whole document with --format document-docx,document-html, beside the annex files', async () => {
        const out = tempDir('cli-document');
        const run = plan(['export', SEED_PLAN, '--format', 'docx,document-docx,document-html', '--out', out]);
        expect(run.status, run.stderr).toBe(0);
        expect(fs.readdirSync(out).sort()).toEqual(['hung_yen_giam_ngheo_2023-van-ban.docx', 'hung_yen_giam_ngheo_2023-van-ban.html', 'hung_yen_giam_ngheo_2023.docx']);
        const docx = await readDocx(fs.readFileSync(path.join(out, 'hung_yen_giam_ngheo_2023-van-ban.docx')));
        // The document's own section, then the three annexes.
        expect(docx.sections).toHaveLength(4);
        const html = fs.readFileSync(path.join(out, 'hung_yen_giam_ngheo_2023-van-ban.html'), 'utf-8');
        expect(html).toContain('<p class="d-kind">KẾ HOẠCH</p>');
        expect(html).toContain('V. TỔ CHỨC THỰC HIỆN');
    });

    it('exports a damaged plan rather than crash', () => {
        const dir = tempDir('cli-damaged');
        const file = path.join(dir, 'damaged.plan');
        fs.writeFileSync(file, 'plan damaged "X"\nnumber-style vi\ntable t "T" { annex "01" years { 2021 result } columns households poor\n row 1 Nope { 2021: 12,5 abc }\n');
        const run = plan(['export', file, '--format', 'csv,md', '--out', dir, '--lang', 'en'], dir);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toMatch(/[1-9]\d* errors.*Exporting the annexes anyway\./);
        expect(run.stdout.trim().split('\n')).toEqual(['damaged-phu-luc-01.csv', 'damaged.md']);
    });

    it('says so when a plan has no annex yet, and still writes the document', () => {
        const dir = tempDir('cli-empty');
        fs.writeFileSync(path.join(dir, 'empty.plan'), 'plan empty "Trống"\nnumber-style vi\n');
        const run = plan(['export', 'empty.plan', '--format', 'md,csv', '--out', '.', '--lang', 'en'], dir);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toContain('has no annex yet');
        expect(run.stdout.trim()).toBe('empty.md');
    });

    it('fails fast with exit 2 when the folder cannot be made (--out /proc/x used to hang forever)', () => {
        if (!fs.existsSync('/proc/self')) return;
        const started = Date.now();
        const run = plan(['export', SEED_PLAN, '--format', 'md', '--out', '/proc/x'], REPO_ROOT, 20_000);
        expect(run.signal, 'killed after 20 s: the export hung').toBeNull();
        expect(run.status, run.stderr).toBe(2);
        expect(run.stderr).toContain('Không tạo được thư mục xuất /proc/x');
        expect(run.stdout).toBe('');
        expect(Date.now() - started).toBeLessThan(15_000);
        const english = plan(['export', SEED_PLAN, '--format', 'md', '--out', '/proc/x', '--lang', 'en'], REPO_ROOT, 20_000);
        expect(english.status).toBe(2);
        expect(english.stderr).toContain('Cannot create the export folder /proc/x');
    }, 60_000);

    it('writes a set of files whole or not at all: a failure part-way puts back what --force replaced (exit 2, saying so)', () => {
        const dir = tempDir('cli-all-or-nothing');
        fs.writeFileSync(path.join(dir, 'p.plan'), 'plan p "X"\nnumber-style vi\ndistrict A "A" huyen\ntable t "T" { annex "01" years { 2021 result } columns households poor\n row 1 A { 2021: 10 1 }\n}\n');
        const out = path.join(dir, 'out');
        fs.mkdirSync(out);
        fs.writeFileSync(path.join(out, 'p.docx'), 'old docx');
        // A folder where the 2nd of 3 files goes: placing it fails after the .docx was replaced.
        fs.mkdirSync(path.join(out, 'p-phu-luc-01.csv'));
        const run = plan(['export', 'p.plan', '--format', 'docx,csv,md', '--out', 'out', '--force'], dir);
        expect(run.status, run.stderr).toBe(2);
        expect(run.stderr).toContain('Không ghi được out/p-phu-luc-01.csv (đã có một thư mục trùng tên, EISDIR). Chưa ghi tệp nào trong 3 tệp xuất; các tệp đã có được giữ nguyên.');
        expect(run.stdout).toBe('');
        expect(fs.readdirSync(out).sort()).toEqual(['p-phu-luc-01.csv', 'p.docx']);
        expect(fs.readFileSync(path.join(out, 'p.docx'), 'utf-8')).toBe('old docx');
        const english = plan(['export', 'p.plan', '--format', 'docx,csv,md', '--out', 'out', '--force', '--lang', 'en'], dir);
        expect(english.status).toBe(2);
        expect(english.stderr).toContain('Cannot write out/p-phu-luc-01.csv (a folder has that name, EISDIR). None of the 3 export files was written; existing files are unchanged.');
        fs.rmdirSync(path.join(out, 'p-phu-luc-01.csv'));
        fs.rmSync(path.join(out, 'p.docx'));
        // Nothing left over: the next export without --force succeeds.
        expect(plan(['export', 'p.plan', '--format', 'docx,csv,md', '--out', 'out'], dir).status).toBe(0);
        expect(fs.readdirSync(out).sort()).toEqual(['p-phu-luc-01.csv', 'p.docx', 'p.md']);
    });
});
