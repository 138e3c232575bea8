// Writing exported files: into a folder made on demand, never over an existing file without force,
// never leaving a half-written or temporary file behind.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportFileNameError, ExportTargetExistsError, writeExportFiles } from '../../language-server/src/export/index.js';
import { placeWithoutOverwrite } from '../../language-server/src/export/write.js';
import { tempDir } from './export-support.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('writeExportFiles', () => {
    it('creates the folder and writes every file, returning their paths', async () => {
        const out = path.join(tempDir('write'), 'a', 'b');
        const written = await writeExportFiles(out, [{ name: 'x.md', data: bytes('x') }, { name: 'y.csv', data: bytes('y') }]);
        expect(written).toEqual([path.join(out, 'x.md'), path.join(out, 'y.csv')]);
        expect(fs.readFileSync(written[0], 'utf-8')).toBe('x');
        expect(fs.readdirSync(out).sort()).toEqual(['x.md', 'y.csv']);
    });

    it('refuses to overwrite without force, naming the file, and writes none of the batch', async () => {
        const out = tempDir('noforce');
        fs.writeFileSync(path.join(out, 'b.md'), 'old');
        const attempt = writeExportFiles(out, [{ name: 'a.md', data: bytes('new a') }, { name: 'b.md', data: bytes('new b') }]);
        await expect(attempt).rejects.toBeInstanceOf(ExportTargetExistsError);
        await expect(attempt).rejects.toMatchObject({ file: path.join(out, 'b.md') });
        expect(fs.readFileSync(path.join(out, 'b.md'), 'utf-8')).toBe('old');
        expect(fs.readdirSync(out)).toEqual(['b.md']);
    });

    it('overwrites with force', async () => {
        const out = tempDir('force');
        fs.writeFileSync(path.join(out, 'a.md'), 'old');
        await writeExportFiles(out, [{ name: 'a.md', data: bytes('new') }], { force: true });
        expect(fs.readFileSync(path.join(out, 'a.md'), 'utf-8')).toBe('new');
        expect(fs.readdirSync(out)).toEqual(['a.md']);
    });

    it('never replaces a file that appears after the check: the final step itself does not overwrite', async () => {
        const out = tempDir('race');
        const temp = path.join(out, '.late.md.tmp');
        const target = path.join(out, 'late.md');
        fs.writeFileSync(temp, 'ours');
        // Another program wrote the target after writeExportFiles checked for it.
        fs.writeFileSync(target, 'theirs');
        await expect(placeWithoutOverwrite(temp, target)).rejects.toMatchObject({ name: 'ExportTargetExistsError', file: target });
        expect(fs.readFileSync(target, 'utf-8')).toBe('theirs');
        fs.rmSync(target);
        await placeWithoutOverwrite(temp, target);
        expect(fs.readFileSync(target, 'utf-8')).toBe('ours');
        expect(fs.readdirSync(out)).toEqual(['late.md']);
    });

    it('leaves neither a partial target nor a temporary file when writing fails', async () => {
        const out = tempDir('fail');
        // A folder where the target should go makes the final rename fail after the data was written.
        fs.mkdirSync(path.join(out, 'taken.docx'));
        await expect(writeExportFiles(out, [{ name: 'taken.docx', data: bytes('data') }], { force: true })).rejects.toThrow();
        expect(fs.readdirSync(out)).toEqual(['taken.docx']);
        expect(fs.statSync(path.join(out, 'taken.docx')).isDirectory()).toBe(true);
    });

    it('writes a large file whole', async () => {
        const out = tempDir('large');
        const data = new Uint8Array(8 * 1024 * 1024).map((_, i) => i % 251);
        const [file] = await writeExportFiles(out, [{ name: 'big.xlsx', data }]);
        expect(Buffer.compare(fs.readFileSync(file), Buffer.from(data))).toBe(0);
    });

    it('refuses names that would leave the folder', async () => {
        const out = tempDir('names');
        for (const name of ['../escape.md', 'sub/x.md', '..', '', 'a\\b.md']) {
            await expect(writeExportFiles(out, [{ name, data: bytes('x') }])).rejects.toBeInstanceOf(ExportFileNameError);
        }
        expect(fs.readdirSync(out)).toEqual([]);
        expect(fs.existsSync(path.join(path.dirname(out), 'escape.md'))).toBe(false);
    });
});
