// What `plan validate` and `plan export` do with input that is not a plain .plan file in UTF-8: other
// extensions, FIFOs and devices, files that are too large, folders that cannot be read, control
// characters in what is printed, and other encodings. Every case ends with exit 0, 1 or 2 and a
// message, never a hang, a stack trace or exit 3. Spawned as users run it (see test/helpers/cli.ts).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, runCliAsync as runCli, unprivilegedWrapper, type CliRun } from '../helpers/cli.js';
import { EXAMPLES_DIR, REPO_ROOT } from '../helpers/plan.js';

const CLEAN_PLAN = path.join(EXAMPLES_DIR, 'clean', 'small-clean.plan');
const cleanText = fs.readFileSync(CLEAN_PLAN, 'utf-8');
const CLEAN_SUMMARY = '1 tệp: 0 lỗi, 0 cảnh báo, 0 thông tin, 0 gợi ý.\n';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cli-input-'));
/** A hang must fail the test, not stall the suite. */
const QUICK = { timeout: 30_000 };

interface JsonFinding { file: string; line: number; column: number; severity: string; code: string; message: string }

beforeAll(() => ensureCliBuilt(), 300_000);
afterAll(() => {
    // Folders made unreadable by a test are made readable again so they can be removed.
    execFileSync('chmod', ['-R', 'u+rwx', tmp]);
    fs.rmSync(tmp, { recursive: true, force: true });
});

function folder(name: string): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
}

function json(run: CliRun): JsonFinding[] {
    return JSON.parse(run.stdout) as JsonFinding[];
}

/** Neither a crash nor a hang: a stack trace or exit 3 is a defect whatever the input. */
function expectNoCrash(run: CliRun): void {
    expect(run.status, run.stderr).not.toBeNull();
    expect(run.status, run.stderr).not.toBe(3);
    expect(run.stderr).not.toMatch(/internal error|lỗi nội bộ|\n\s+at /);
}

describe('a file named explicitly is read as a plan whatever its extension', () => {
    test.each(['clean.txt', 'NB.PLAN', 'no-extension'])('%s', async name => {
        const file = path.join(folder('extensions'), name);
        fs.writeFileSync(file, cleanText);
        const run = await runCli(['validate', file], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(CLEAN_SUMMARY);
        expect(run.status).toBe(0);
    });

    test('export reads it too', async () => {
        const dir = folder('extensions-export');
        const file = path.join(dir, 'ke-hoach.txt');
        fs.writeFileSync(file, cleanText);
        const run = await runCli(['export', file, '--format', 'md', '--out', path.join(dir, 'out')], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.status).toBe(0);
        expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['mau_giam_ngheo.md']);
    });

    test('findings in a file of another extension keep their positions', async () => {
        const file = path.join(folder('extensions-findings'), 'plan.md');
        fs.writeFileSync(file, 'plan chi_canh_bao\ntasks "T" { task 1 "Xây dựng chính sách" { submit 2025 } }\n');
        const run = await runCli(['validate', file], REPO_ROOT, QUICK);
        expect(run.stdout).toMatch(/plan\.md:2:18 warning missing-lead /);
        expect(run.status).toBe(0);
    });

    test('a folder still expands to its .plan files only', async () => {
        const dir = folder('extensions-folder');
        fs.writeFileSync(path.join(dir, 'clean.plan'), cleanText);
        fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a plan {');
        fs.writeFileSync(path.join(dir, 'UPPER.PLAN'), 'not a plan either {');
        const run = await runCli(['validate', dir], REPO_ROOT, QUICK);
        expect(run.stdout).toBe(CLEAN_SUMMARY);
        expect(run.status).toBe(0);
    });
});

describe('files that are not regular files', () => {
    const dir = path.join(tmp, 'special');
    beforeAll(() => {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'clean.plan'), cleanText);
        execFileSync('mkfifo', [path.join(dir, 'pipe.plan')]);
        fs.symlinkSync('/dev/zero', path.join(dir, 'zero.plan'));
        fs.symlinkSync('/dev/null', path.join(dir, 'null.plan'));
        fs.symlinkSync(path.join(dir, 'clean.plan'), path.join(dir, 'link-to-clean.plan'));
    });

    test('a FIFO, /dev/zero and /dev/null beside the plan are skipped', async () => {
        const run = await runCli(['validate', path.join(dir, 'clean.plan')], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.stdout).toBe(CLEAN_SUMMARY);
        expect(run.status).toBe(0);
        const exported = await runCli(['export', path.join(dir, 'clean.plan'), '--format', 'md', '--out', path.join(tmp, 'special-out')], REPO_ROOT, QUICK);
        expectNoCrash(exported);
        expect(exported.status).toBe(0);
    });

    test('in a folder, only regular files and links to them are read', async () => {
        const run = await runCli(['validate', dir], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.stdout).toBe('2 tệp: 0 lỗi, 0 cảnh báo, 0 thông tin, 0 gợi ý.\n');
        expect(run.status).toBe(0);
    });

    test.each([
        ['pipe.plan', 'FIFO', 'FIFO'],
        ['zero.plan', 'thiết bị ký tự', 'character device'],
        ['null.plan', 'thiết bị ký tự', 'character device'],
        ['/dev/null', 'thiết bị ký tự', 'character device']
    ])('%s given by name: exit 2 with the path', async (name, vi, en) => {
        const file = path.isAbsolute(name) ? name : path.join(dir, name);
        for (const command of [['validate', file], ['export', file, '--format', 'md', '--out', path.join(tmp, 'special-refused')]]) {
            const run = await runCli(command, REPO_ROOT, QUICK);
            expectNoCrash(run);
            expect(run.status).toBe(2);
            expect(run.stdout).toBe('');
            expect(run.stderr).toContain(file);
            expect(run.stderr).toContain(`không phải là tệp thông thường (${vi})`);
            const english = await runCli([...command, '--lang', 'en'], REPO_ROOT, QUICK);
            expect(english.status).toBe(2);
            expect(english.stderr).toContain(`not a regular file (${en})`);
        }
        expect(fs.existsSync(path.join(tmp, 'special-refused'))).toBe(false);
    });
});

describe('the size limit', () => {
    const dir = path.join(tmp, 'size');
    const big = path.join(dir, 'big.plan');
    beforeAll(() => {
        fs.mkdirSync(dir, { recursive: true });
        // A valid plan of 1,45 MB: comments after the clean plan.
        const comment = `// ${'x'.repeat(97)}\n`;
        fs.writeFileSync(big, cleanText + comment.repeat(15_000));
    });

    test('a file over --max-size is refused with its name, its size and the flag', async () => {
        for (const command of [['validate', big], ['export', big, '--format', 'md', '--out', path.join(dir, 'out')]]) {
            const run = await runCli([...command, '--max-size', '1'], REPO_ROOT, QUICK);
            expectNoCrash(run);
            expect(run.status).toBe(2);
            expect(run.stderr).toContain(big);
            expect(run.stderr).toContain('tệp quá lớn (1,5 MB; giới hạn 1 MB)');
            expect(run.stderr).toContain('--max-size');
            const english = await runCli([...command, '--max-size', '1', '--lang', 'en'], REPO_ROOT, QUICK);
            expect(english.status).toBe(2);
            expect(english.stderr).toContain('too large (1.5 MB; the limit is 1 MB)');
        }
        expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    });

    test('a larger --max-size reads it', async () => {
        const run = await runCli(['validate', big, '--max-size', '2'], REPO_ROOT, QUICK);
        expect(run.stdout).toBe(CLEAN_SUMMARY);
        expect(run.status).toBe(0);
    });

    test('the default limit is 32 MB', async () => {
        const huge = path.join(folder('size-default'), 'huge.plan');
        fs.writeFileSync(huge, '');
        fs.truncateSync(huge, 40 * 1024 * 1024);   // sparse: takes no disk space
        const run = await runCli(['validate', huge], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('tệp quá lớn (40,0 MB; giới hạn 32 MB)');
    });

    test('a sibling over the limit is skipped', async () => {
        const sibling = folder('size-sibling');
        fs.writeFileSync(path.join(sibling, 'clean.plan'), cleanText);
        fs.copyFileSync(big, path.join(sibling, 'big.plan'));
        const run = await runCli(['validate', path.join(sibling, 'clean.plan'), '--max-size', '1'], REPO_ROOT, QUICK);
        expect(run.stdout).toBe(CLEAN_SUMMARY);
        expect(run.status).toBe(0);
    });

    test.each(['0', '-3', 'abc', ''])('--max-size %j is a usage error', async value => {
        const run = await runCli(['validate', CLEAN_PLAN, '--max-size', value], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/--max-size/);
    });
});

describe('folders that cannot be read', () => {
    const wrapper = unprivilegedWrapper();
    const dir = path.join(tmp, 'denied');
    beforeAll(() => {
        fs.mkdirSync(path.join(dir, 'locked'), { recursive: true });
        fs.mkdirSync(path.join(dir, 'no-list'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'clean.plan'), cleanText);
        fs.writeFileSync(path.join(dir, 'locked', 'inside.plan'), cleanText);
        fs.writeFileSync(path.join(dir, 'no-list', 'clean.plan'), cleanText);
        fs.writeFileSync(path.join(dir, 'secret.plan'), cleanText);
        fs.chmodSync(dir, 0o755);
        fs.chmodSync(path.join(dir, 'locked'), 0o000);
        fs.chmodSync(path.join(dir, 'no-list'), 0o311);    // files inside can be opened, not listed
        fs.chmodSync(path.join(dir, 'secret.plan'), 0o000);
        fs.chmodSync(tmp, 0o755);
    });

    // Root reads anything: without a way to drop privileges the permission cases cannot be seen.
    test.skipIf(wrapper === undefined)('an unreadable subfolder: exit 2 naming it', async () => {
        const run = await runCli(['validate', dir], REPO_ROOT, { ...QUICK, wrapper });
        expectNoCrash(run);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`plan: không đọc được ${path.join(dir, 'locked')}: không có quyền đọc\n`);
        const english = await runCli(['validate', dir, '--lang', 'en'], REPO_ROOT, { ...QUICK, wrapper });
        expect(english.stderr).toBe(`plan: cannot read ${path.join(dir, 'locked')}: permission denied\n`);
    });

    test.skipIf(wrapper === undefined)('an unreadable file given by name: exit 2 naming it', async () => {
        const file = path.join(dir, 'secret.plan');
        const run = await runCli(['validate', file, '--lang', 'en'], REPO_ROOT, { ...QUICK, wrapper });
        expectNoCrash(run);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(`plan: cannot read ${file}: permission denied\n`);
    });

    test.skipIf(wrapper === undefined)('a plan in a folder that cannot be listed is read without its siblings', async () => {
        const run = await runCli(['validate', path.join(dir, 'no-list', 'clean.plan')], REPO_ROOT, { ...QUICK, wrapper });
        expectNoCrash(run);
        expect(run.stdout).toBe(CLEAN_SUMMARY);
        expect(run.status).toBe(0);
    });

    test.skipIf(wrapper === undefined)('an unreadable folder given by name: exit 2 naming it', async () => {
        const locked = path.join(dir, 'locked');
        const run = await runCli(['validate', locked], REPO_ROOT, { ...QUICK, wrapper });
        expectNoCrash(run);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(`plan: không đọc được ${locked}: không có quyền đọc\n`);
    });
});

describe('control characters are never printed raw', () => {
    // ESC [2J clears the screen, BEL rings, U+202E turns the rest of the line around, U+0085 is C1.
    const nasty = 'Xây\x1b[2J dựng\x07 \u202eabc\u2066 \u0085x';
    const shown = 'Xây\\x1b[2J dựng\\x07 \\u202eabc\\u2066 \\x85x';
    const dir = path.join(tmp, 'controls');
    const file = path.join(dir, 'tasks.plan');
    beforeAll(() => {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, `plan chi_canh_bao\ntasks "T" { task 1 "${nasty}" { submit 2025 } }\n\x1b]0;title\x07\n`);
    });

    test('in findings (a message quoting a name, a syntax error quoting the text)', async () => {
        const run = await runCli(['validate', file], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
        expect(run.stdout).toContain(`missing-lead Nhiệm vụ 1 chưa có đơn vị chủ trì: ${shown}`);
        expect(run.stdout).toMatch(/syntax-error .*\\x1b/);
    });

    test('in file names, in findings and in error messages', async () => {
        const named = path.join(dir, 'a\x1b[31m\u202e.plan');
        fs.writeFileSync(named, 'plan chi_canh_bao\ntasks "T" { task 1 "X" { submit 2025 } }\n');
        const run = await runCli(['validate', named], REPO_ROOT, QUICK);
        expect(run.stdout).not.toMatch(/[\x1b\u202e]/);
        expect(run.stdout).toContain('a\\x1b[31m\\u202e.plan:2:18 warning missing-lead');
        const missing = await runCli(['validate', path.join(dir, 'b\x1b[31m.plan')], REPO_ROOT, QUICK);
        expect(missing.status).toBe(2);
        expect(missing.stderr).not.toContain('\x1b');
        expect(missing.stderr).toContain('b\\x1b[31m.plan');
        const exported = await runCli(['export', path.join(dir, 'c\x07.plan'), '--format', 'md'], REPO_ROOT, QUICK);
        expect(exported.status).toBe(2);
        expect(exported.stderr).toContain('c\\x07.plan');
        const usage = await runCli(['kiem-tra\x1b[2J'], REPO_ROOT, QUICK);
        expect(usage.status).toBe(2);
        expect(usage.stderr).not.toContain('\x1b');
    });

    test('JSON keeps the exact text, with bidi and C1 controls escaped', async () => {
        const run = await runCli(['validate', '--format', 'json', file], REPO_ROOT, QUICK);
        expect(run.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
        expect(json(run).find(f => f.code === 'missing-lead')?.message).toBe(`Nhiệm vụ 1 chưa có đơn vị chủ trì: ${nasty}`);
    });

    test('printable() escapes C0, DEL, C1 and bidi controls and nothing else', async () => {
        const { printable } = await import('../../language-server/src/cli/diagnostics.js');
        expect(printable('a\tb\nc\rd\x00\x1b\x7f\x9b\u200e\u061c\u202a\u202e\u2066\u2069\u2028')).toBe(
            'a\\tb\\nc\\rd\\x00\\x1b\\x7f\\x9b\\u200e\\u061c\\u202a\\u202e\\u2066\\u2069\\u2028');
        expect(printable('Hưng Yên — 2,55% ✓ 𝔸')).toBe('Hưng Yên — 2,55% ✓ 𝔸');
        expect(printable('one\ntwo\x1b', { keepNewlines: true })).toBe('one\ntwo\\x1b');
    });
});

describe('the last-resort handler', () => {
    test('prints one bilingual line without a stack, unless PLAN_DEBUG=1', async () => {
        const { internalErrorLine } = await import('../../language-server/src/cli/diagnostics.js');
        const error = new Error('boom\x1b[2J');
        const line = internalErrorLine(error, false);
        expect(line).toBe('plan: lỗi nội bộ / internal error: boom\\x1b[2J (PLAN_DEBUG=1 để xem chi tiết / for details)\n');
        expect(internalErrorLine(error, true)).toContain(' at ');
    });
});

describe('encodings', () => {
    const dir = path.join(tmp, 'encodings');
    const write = (name: string, bytes: Buffer): string => {
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, name);
        fs.writeFileSync(file, bytes);
        return file;
    };
    const utf16le = (text: string) => Buffer.from(text, 'utf16le');
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

    test.each([
        ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cleanText)])],
        ['UTF-16 LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(cleanText)])],
        ['UTF-16 BE with BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(cleanText)])]
    ])('%s reads as the UTF-8 file does', async (name, bytes) => {
        const file = write(`${name.replace(/\W+/g, '-')}.plan`, bytes());
        const run = await runCli(['validate', file], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.stdout).toBe(CLEAN_SUMMARY);
        expect(run.status).toBe(0);
    });

    test('a BOM does not shift the columns of the first line', async () => {
        // A syntax error on the first line: at 1:6 without the BOM, and so with it.
        const file = write('bom-column.plan', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('plan 1x\n')]));
        const utf8 = write('no-bom-column.plan', Buffer.from('plan 1x\n'));
        const positions = async (f: string) => json(await runCli(['validate', '--format', 'json', f], REPO_ROOT, QUICK)).map(x => [x.line, x.column, x.code]);
        expect(await positions(utf8)).toEqual([[1, 6, 'syntax-error']]);
        expect(await positions(file)).toEqual(await positions(utf8));
    });

    test('UTF-16 findings stand where they do in UTF-8', async () => {
        const text = 'plan chi_canh_bao\ntasks "Tổ chức" { task 1 "Xây dựng chính sách" { submit 2025 } }\n';
        const le = write('findings-le.plan', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text)]));
        const run = await runCli(['validate', le, '--format', 'json'], REPO_ROOT, QUICK);
        const column = text.split('\n')[1].indexOf('task 1') + 'task '.length + 1;   // at the task's number
        expect(json(run).map(f => [f.line, f.column, f.code])).toEqual([[2, column, 'missing-lead']]);
    });

    test('invalid UTF-8: one encoding-invalid error at the first bad byte, with the count; the rest is still checked', async () => {
        const lines = cleanText.split('\n');
        const at = lines.findIndex(l => l.startsWith('plan '));
        // Line `at`: a comment holding a lone continuation byte after "Hưng " (ư is one UTF-16 unit),
        // then a truncated 3-byte sequence and a Latin-1 é further down.
        const bytes = Buffer.concat([
            Buffer.from(lines.slice(0, at).join('\n') + '\n// Hưng '), Buffer.from([0x80]), Buffer.from(' Yên '), Buffer.from([0xe1, 0xbb]),
            Buffer.from('\n// caf'), Buffer.from([0xe9]), Buffer.from('\n' + lines.slice(at).join('\n'))
        ]);
        const file = write('latin1.plan', bytes);
        const run = await runCli(['validate', file, '--format', 'json'], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.status).toBe(1);
        const findings = json(run);
        expect(findings.map(f => [f.line, f.column, f.severity, f.code])).toEqual([[at + 1, 9, 'error', 'encoding-invalid']]);
        expect(findings[0].message).toBe('Tệp không phải là UTF-8 hợp lệ: 3 chỗ không đọc được, chỗ đầu tiên ở đây (byte 0x80); các chỗ này được đọc thành "�". Hãy lưu tệp dưới dạng UTF-8.');
        const english = await runCli(['validate', file, '--lang', 'en'], REPO_ROOT, QUICK);
        expect(english.stdout).toContain(`latin1.plan:${at + 1}:9 error encoding-invalid The file is not valid UTF-8: 3 unreadable sequences, the first here (byte 0x80); they are read as "\uFFFD". Save the file as UTF-8.`);
        expect(english.status).toBe(1);
    });

    test('a U+FFFD written in valid UTF-8 is not an encoding error', async () => {
        const file = write('replacement.plan', Buffer.from(cleanText.replace('\n', ' \uFFFD\n')));
        const run = await runCli(['validate', file], REPO_ROOT, QUICK);
        expect(run.stdout).toBe(CLEAN_SUMMARY);
    });

    test.each([
        ['LE', utf16le],
        ['BE', utf16be]
    ])('UTF-16 %s without BOM: one clear error, not thousands of syntax errors', async (order, encode) => {
        const file = write(`no-bom-${order}.plan`, encode(cleanText));
        const run = await runCli(['validate', file, '--format', 'json', '--lang', 'en'], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.status).toBe(1);
        const findings = json(run);
        expect(findings.map(f => [f.line, f.column, f.code])).toEqual([[1, 1, 'encoding-utf16-no-bom']]);
        expect(findings[0].message).toBe(`This looks like UTF-16 ${order} without a byte-order mark (BOM); it was read as UTF-16 ${order}. Save the file as UTF-8.`);
    });

    test('a binary file: one error, not thousands of syntax errors', async () => {
        const bytes = Buffer.alloc(200_000);
        for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
        const file = write('photo.plan', bytes);
        const run = await runCli(['validate', file, '--format', 'json'], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.status).toBe(1);
        expect(json(run).map(f => f.code)).toEqual(['encoding-binary']);
    });

    test('export reports the encoding finding and still exports', async () => {
        const file = write('export-latin1.plan', Buffer.concat([Buffer.from(cleanText), Buffer.from('// caf'), Buffer.from([0xe9, 0x0a])]));
        const out = path.join(dir, 'export-out');
        const run = await runCli(['export', file, '--format', 'md', '--out', out], REPO_ROOT, QUICK);
        expectNoCrash(run);
        expect(run.status).toBe(0);
        expect(run.stderr).toMatch(/^1 tệp: 1 lỗi, 0 cảnh báo/);
        expect(fs.readdirSync(out)).toEqual(['mau_giam_ngheo.md']);
    });
});

describe('readPlanFile', () => {
    // Files of /proc say they are empty and then give text: a file longer than its stat, as one that
    // grows while it is read. The read must stop at the limit whatever the stat said.
    const PROC = '/proc/self/status';
    test.skipIf(!fs.existsSync(PROC))('reads no more than the limit + 1 byte, whatever the stat said', async () => {
        const { readPlanFile, PlanFileError } = await import('../../language-server/src/cli/workspace.js');
        expect(fs.statSync(PROC).size).toBe(0);
        expect(readPlanFile(PROC).text).toMatch(/^Name:/);
        let error: unknown;
        try {
            readPlanFile(PROC, { maxBytes: 16 });
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(PlanFileError);
        expect(error).toMatchObject({ reason: 'too-large', detail: { limit: 16 } });
        expect((error as InstanceType<typeof PlanFileError>).detail.size).toBeUndefined();
        const { planFileReason } = await import('../../language-server/src/cli/diagnostics.js');
        expect(planFileReason(error as InstanceType<typeof PlanFileError>, 'en')).toBe('the file is too large (over 0.0000153 MB, it grew while being read); use --max-size <MB> to raise the limit');
    });
});

describe('a file the parser cannot take', () => {
    test('100.000 comment lines at the end: a finding or a clean run, never a crash', async () => {
        const file = path.join(folder('parser'), 'comments.plan');
        fs.writeFileSync(file, cleanText + '// x\n'.repeat(100_000));
        const run = await runCli(['validate', file, '--format', 'json'], REPO_ROOT, QUICK);
        expectNoCrash(run);
        // Exit 1 with one parse-failed finding while Langium's CST builder overflows; 0 once it does not.
        if (run.status === 1) expect(json(run).map(f => f.code)).toEqual(['parse-failed']);
        else expect(run.status).toBe(0);
    });
});

describe('decodePlanBytes', () => {
    const decode = async (bytes: number[] | Buffer) => (await import('../../language-server/src/language/text-encoding.js')).decodePlanBytes(Buffer.from(bytes));

    test('a sequence cut short by the end of the file', async () => {
        const { text, problem } = await decode(Buffer.concat([Buffer.from('plan x\r\nab'), Buffer.from([0xe1, 0xbb])]));
        expect(text).toBe('plan x\r\nab\uFFFD');
        expect(problem).toEqual({ code: 'encoding-invalid', line: 1, character: 2, args: { encoding: 'UTF-8', count: 1, byte: '0xE1' } });
    });

    test('lines end at \\n, \\r\\n and a lone \\r, as in the editor', async () => {
        const { problem } = await decode(Buffer.concat([Buffer.from('a\rb\r\nc\nđ'), Buffer.from([0xff])]));
        expect([problem?.line, problem?.character]).toEqual([3, 1]);
    });

    test('a lone surrogate in UTF-16 with a BOM', async () => {
        const { text, problem } = await decode([0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00, 0x42, 0x00, 0x00, 0xd8, 0x43, 0x00]);
        expect(text).toBe('A\nB\uFFFDC');
        expect(problem).toMatchObject({ code: 'encoding-invalid', line: 1, character: 1, args: { encoding: 'UTF-16 LE', count: 1 } });
    });

    test('clean text has no problem, and a short file is not taken for UTF-16', async () => {
        expect(await decode(Buffer.from('plan x "Hưng Yên"\n'))).toEqual({ text: 'plan x "Hưng Yên"\n', encoding: 'utf-8' });
        expect(await decode(Buffer.from('A'))).toEqual({ text: 'A', encoding: 'utf-8' });
        expect(await decode(Buffer.from(''))).toEqual({ text: '', encoding: 'utf-8' });
    });

    test('finds the first bad byte of a large file quickly', async () => {
        const line = Buffer.from(`// ${'x'.repeat(60)}\n`);
        const bytes = Buffer.concat([...Array<Buffer>(400_000).fill(line), Buffer.from([0xc0, 0x80]), Buffer.from('\n')]);
        const started = performance.now();
        const { problem } = await decode(bytes);
        expect(problem).toMatchObject({ code: 'encoding-invalid', line: 400_000, character: 0, args: { byte: '0xC0', count: 2 } });
        expect(performance.now() - started).toBeLessThan(2_500);   // ~0,4 s here; a binary search with fatal decoders took ~5 s
    });
});
