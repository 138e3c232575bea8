// `plan import` as users run it: plan text on stdout and the produced plan's findings on stderr;
// --into adds to a plan keeping every other byte; --out never overwrites without --force; a file that
// cannot be imported is one line and exit 2, with nothing written.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCliAsync } from '../helpers/cli.js';
import { EXAMPLES_DIR } from '../helpers/plan.js';

const IMPORTS = path.join(EXAMPLES_DIR, 'import');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'plan-import-cli-'));

beforeAll(() => ensureCliBuilt(), 300_000);

describe('plan import', () => {
    it('prints the plan text and reports the table\'s own slip with its line in the produced text', async () => {
        const run = await runCliAsync(['import', path.join(IMPORTS, '1-mot-dong-tieu-de.xlsx')]);
        expect(run.stderr).toMatch(/error rate-mismatch Tỷ lệ in 2,07%/);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^\/\/ Nhập từ 1-mot-dong-tieu-de\.xlsx/);
        expect(run.stdout).toMatch(/row 2 BinhSon \{\n\s+2023: +31\.205 +1\.045 +3,35\n\s+2024: +31\.480 +850 +2,07/);
    });

    it('speaks English with --lang en', async () => {
        const run = await runCliAsync(['import', path.join(IMPORTS, '4-dau-cham-phay.csv'), '--lang', 'en']);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/\/\/ Imported from 4-dau-cham-phay\.csv/);
        expect(run.stderr).toMatch(/Checking the imported text: 1 file/);
    });

    it('--into adds the units and the table to a plan, keeping every other byte, and writes nothing else', async () => {
        const dir = tmp();
        const plan = path.join(dir, 'ke-hoach.plan');
        const original = 'plan kh "Kế hoạch"\r\nnumber-style vi\r\n\r\ndistrict AnPhu "An Phú" huyen // đã có\r\n';
        fs.writeFileSync(plan, original);
        const run = await runCliAsync(['import', path.join(IMPORTS, '4-dau-cham-phay.csv'), '--into', plan]);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        const after = fs.readFileSync(plan, 'utf-8');
        expect(after.startsWith('plan kh "Kế hoạch"\r\nnumber-style vi\r\n\r\ndistrict AnPhu "An Phú" huyen // đã có\r\ndistrict BinhSon')).toBe(true);
        expect(after).toMatch(/row 1 AnPhu/);
        expect(after).toMatch(/"Huyện An Phú" khớp với AnPhu/);
        expect(after.includes('\n') && !/[^\r]\n/.test(after)).toBe(true);   // its CRLF kept
        expect(fs.readdirSync(dir)).toEqual(['ke-hoach.plan']);
        expect(run.stderr).toMatch(/Đã thêm vào .*ke-hoach\.plan: 1 bảng, 2 đơn vị mới/);
    });

    it('--out refuses an existing file without --force', async () => {
        const dir = tmp();
        const out = path.join(dir, 'x.plan');
        fs.writeFileSync(out, 'giữ nguyên');
        const refused = await runCliAsync(['import', path.join(IMPORTS, '4-dau-cham-phay.csv'), '--out', out]);
        expect(refused.status).toBe(2);
        expect(fs.readFileSync(out, 'utf-8')).toBe('giữ nguyên');
        const forced = await runCliAsync(['import', path.join(IMPORTS, '4-dau-cham-phay.csv'), '--out', out, '--force']);
        expect(forced.status).toBe(0);
        expect(fs.readFileSync(out, 'utf-8')).toMatch(/^\/\/ Nhập từ/);
    });

    it.each([
        ['a corrupt workbook', 'hong.xlsx', () => Buffer.from('PK\u0003\u0004 not really a zip')],
        ['an encrypted or old-format file', 'mat-khau.xlsx', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])],
        ['a text without a table', 'ghi-chu.csv', () => Buffer.from('Chỉ là một dòng chữ\nkhông có bảng\n')]
    ])('%s is one clear line and exit 2, nothing written', async (_what, name, bytes) => {
        const dir = tmp();
        const file = path.join(dir, name);
        fs.writeFileSync(file, bytes());
        const into = path.join(dir, 'p.plan');
        fs.writeFileSync(into, 'plan p "P"\n');
        const run = await runCliAsync(['import', file, '--into', into]);
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(new RegExp(`^plan: không nhập được .*${name.replace('.', '\\.')}: `));
        expect(fs.readFileSync(into, 'utf-8')).toBe('plan p "P"\n');
        expect(fs.readdirSync(dir).sort()).toEqual([name, 'p.plan'].sort());
    });

    it('a sheet that does not exist names the sheets there are', async () => {
        const run = await runCliAsync(['import', path.join(IMPORTS, '2-hai-tang-tieu-de.xlsx'), '--sheet', 'Trang 9']);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/"Phu luc 02"/);
    });

    it('a file over --max-size is refused before it is read', async () => {
        const run = await runCliAsync(['import', path.join(IMPORTS, '2-hai-tang-tieu-de.xlsx'), '--max-size', '0.001']);
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('a zip bomb is refused in one line', async () => {
        const zip = new JSZip();
        zip.file('[Content_Types].xml', '<Types/>');
        zip.file('xl/worksheets/sheet1.xml', '0'.repeat(300 * 1024 * 1024));
        const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
        const dir = tmp();
        const file = path.join(dir, 'bom.xlsx');
        fs.writeFileSync(file, data);
        const run = await runCliAsync(['import', file]);
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }, 60_000);
});
