// The `plan validate` command end to end, as a spawned process: exit codes, text and JSON output with
// 1-based positions that match the file, English messages, folders expanded.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, runCli } from '../helpers/cli.js';
import { EXAMPLES_DIR, lineMatching, planFilesUnder, REPO_ROOT, SEED_PLAN } from '../helpers/plan.js';

const SEED = path.relative(REPO_ROOT, SEED_PLAN);
const CLEAN = path.join('examples', 'clean', 'small-clean.plan');
const seedText = fs.readFileSync(SEED_PLAN, 'utf-8');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cli-'));

interface JsonFinding { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }

beforeAll(() => ensureCliBuilt(), 300_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The text a 1-based finding points at. */
function pointedText(text: string, f: JsonFinding): string {
    const lines = text.split(/\r?\n/);
    if (f.line !== f.endLine) return lines.slice(f.line - 1, f.endLine).join('\n');
    return lines[f.line - 1].slice(f.column - 1, f.endColumn - 1);
}

describe('exit codes', () => {
    test('0 on the clean example, with an all-zero summary', () => {
        const run = runCli(['validate', CLEAN]);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe('1 tệp: 0 lỗi, 0 cảnh báo, 0 thông tin, 0 gợi ý.\n');
        expect(run.status).toBe(0);
    });

    test('1 on the seed, which has an error; one line per finding, then the summary', () => {
        const run = runCli(['validate', SEED]);
        expect(run.status).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(20);
        expect(lines.at(-1)).toBe('1 tệp: 1 lỗi, 7 cảnh báo, 11 thông tin, 0 gợi ý.');
        const totalLine = lineMatching(seedText, /^\s*2024:\s+414\.847\s+2\.954/);
        const column = seedText.split('\n')[totalLine - 1].indexOf('2.954') + 1;
        expect(lines[0]).toBe(`${SEED}:${totalLine}:${column} error total-mismatch Tổng cộng năm 2024, cột Hộ nghèo: in 2.954 nhưng tổng các dòng là 2.963 (chênh -9).`);
    });

    test('0 when there are warnings but no error', () => {
        const file = path.join(tmp, 'warning-only.plan');
        fs.writeFileSync(file, 'plan chi_canh_bao\ntasks "T" { task 1 "Xây dựng chính sách" { submit 2025 } }\n');
        const run = runCli(['validate', file]);
        expect(run.stdout).toMatch(/:2:18 warning missing-lead /);
        expect(run.status).toBe(0);
    });

    test('1 on a syntax error, reported with its position', () => {
        const run = runCli(['validate', '--format', 'json', path.join('examples', 'broken', 'syntax-error.plan')]);
        expect(run.status).toBe(1);
        const findings = JSON.parse(run.stdout) as JsonFinding[];
        expect(findings.filter(f => f.code === 'syntax-error').map(f => [f.line, f.severity])).toEqual([[11, 'error'], [14, 'error']]);
    });

    test('2 on a missing file, saying which', () => {
        const run = runCli(['validate', 'examples/khong-co.plan']);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/examples\/khong-co\.plan/);
        expect(run.stderr).toMatch(/không có tệp hoặc thư mục này/);
        const en = runCli(['validate', 'examples/khong-co.plan', '--lang', 'en']);
        expect(en.status).toBe(2);
        expect(en.stderr).toMatch(/no such file/);
    });

    test('2 on a folder without plan files', () => {
        const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
        const vi = runCli(['validate', empty]);
        expect(vi.status).toBe(2);
        expect(vi.stderr).toBe(`Không tìm thấy tệp .plan nào trong: ${empty}\n`);
        const en = runCli(['validate', '--lang', 'en', empty]);
        expect(en.status).toBe(2);
        expect(en.stderr).toBe(`No .plan files found in: ${empty}\n`);
    });

    test.each([
        [['validate', '--format', 'xml', SEED], /'xml' is invalid.*text, json/],
        [['validate', '--lang', 'fr', SEED], /'fr' is invalid.*vi, en/],
        [['validate', '--bogus', SEED], /unknown option '--bogus'/],
        [['validate'], /missing required argument 'paths'/],
        [['kiem-tra', SEED], /unknown command 'kiem-tra'/]
    ])('2 on bad usage %j, with a clear message', (args, message) => {
        const run = runCli(args);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
    });
});

describe('--format json', () => {
    test('an array of {file, line, column, endLine, endColumn, severity, code, message} with 1-based positions that match the text', () => {
        const run = runCli(['validate', '--format', 'json', SEED]);
        expect(run.status).toBe(1);
        const findings = JSON.parse(run.stdout) as JsonFinding[];
        expect(Array.isArray(findings)).toBe(true);
        expect(findings).toHaveLength(19);
        const lineCount = seedText.split('\n').length;
        for (const f of findings) {
            expect(Object.keys(f).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
            expect(f.file).toBe(SEED);
            expect(['error', 'warning', 'info', 'hint']).toContain(f.severity);
            for (const n of [f.line, f.column, f.endLine, f.endColumn]) expect(Number.isInteger(n) && n >= 1).toBe(true);
            expect(f.line).toBeLessThanOrEqual(lineCount);
            expect(f.endLine > f.line || f.endColumn > f.column).toBe(true);
            expect(pointedText(seedText, f).trim()).not.toBe('');
        }
        const at = (code: string) => findings.filter(f => f.code === code).map(f => pointedText(seedText, f));
        expect(at('total-mismatch')).toEqual(['2.954']);
        expect(at('wrong-direction')).toEqual(['9,8']);
        expect(at('numbering-gap')).toEqual(['11']);
        expect(at('target-not-met')).toEqual(['below 9', 'below 15', 'above 68', 'above 29', 'above 98']);
        expect(at('solution-without-lead').every(t => t.startsWith('solution "'))).toBe(true);
        // sorted by position
        const order = findings.map(f => f.line * 10_000 + f.column);
        expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    test('an empty array for a clean plan', () => {
        const run = runCli(['validate', '--format', 'json', CLEAN]);
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual([]);
    });
});

describe('--lang en', () => {
    test('gives English messages and summary', () => {
        const run = runCli(['validate', '--lang', 'en', SEED]);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('error total-mismatch Tổng cộng 2024, column poor households: printed 2.954 but the rows add up to 2.963 (off by -9).');
        expect(run.stdout).toContain('warning numbering-gap Numbering is not continuous: 11 follows 9 (10 is missing).');
        expect(run.stdout).toMatch(/info solution-without-lead The solution 1 names no lead agency \(nor does its group\): /);
        expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 file(s): 1 errors, 7 warnings, 11 info, 0 hints.');
        expect(run.stdout).not.toMatch(/chưa có đơn vị chủ trì|không khớp với số liệu|Đánh số/);
    });

    test('unknown ids and syntax errors are English too', () => {
        const run = runCli(['validate', '--lang', 'en', '--format', 'json', path.join('examples', 'broken', 'unknown-agency.plan'), path.join('examples', 'broken', 'syntax-error.plan')]);
        const findings = JSON.parse(run.stdout) as JsonFinding[];
        expect(findings.filter(f => f.code === 'unknown-reference').map(f => f.message)).toContain('No agency is declared with the id "SLDTBXH".');
        expect(findings.filter(f => f.code === 'syntax-error').every(f => !f.message.startsWith('Lỗi cú pháp'))).toBe(true);
    });
});

describe('folders', () => {
    test('are expanded to the .plan files below them', () => {
        const run = runCli(['validate', '--format', 'json', path.join('examples', 'broken')]);
        expect(run.status).toBe(1);
        const files = new Set((JSON.parse(run.stdout) as JsonFinding[]).map(f => f.file));
        // Every broken example has findings, so each shows up.
        expect([...files].sort()).toEqual(planFilesUnder(path.join(EXAMPLES_DIR, 'broken')).map(f => path.relative(REPO_ROOT, f)).sort());
    });

    test('the whole examples folder: every plan counted, nested folders included', () => {
        const run = runCli(['validate', 'examples']);
        expect(run.status).toBe(1);
        expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${planFilesUnder(EXAMPLES_DIR).length} tệp: `));
        expect(run.stdout).toContain(`${path.join('examples', 'broken', 'bad-totals.plan')}:`);
        expect(run.stdout).not.toContain('small-clean.plan:');
    });

    test('paths are shown relative to the working directory', () => {
        const run = runCli(['validate', '--format', 'json', path.resolve(REPO_ROOT, SEED)], path.join(REPO_ROOT, 'examples'));
        expect((JSON.parse(run.stdout) as JsonFinding[])[0].file).toBe(path.basename(SEED));
    });
});
