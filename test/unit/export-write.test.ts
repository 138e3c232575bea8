// Writing exported files: into a folder made on demand, never over an existing file without force,
// never leaving a half-written or temporary file behind.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportFileNameError, ExportTargetExistsError, ExportWriteError, writeExportFiles } from '../../language-server/src/export/index.js';
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

// A set of exported files is written whole or not at all (issue 8).
describe('writeExportFiles: all or nothing', () => {
    const SEVEN = ['a.docx', 'a.xlsx', 'a-1.csv', 'a-2.csv', 'a-3.csv', 'a.html', 'a.md'];
    const seven = (tag: string) => SEVEN.map(name => ({ name, data: bytes(`${tag} ${name}`) }));
    /** An fs call that fails with `code` on its n-th call (1-based), and works otherwise. */
    const failOnCall = <A extends unknown[], R>(real: (...args: A) => Promise<R>, n: number, code: string) => {
        let calls = 0;
        return async (...args: A): Promise<R> => {
            if (++calls === n) throw Object.assign(new Error(`${code}: injected`), { code });
            return real(...args);
        };
    };
    const visible = (dir: string) => fs.readdirSync(dir).sort();

    it('a name too long for the file system as the 4th of 7 files: no file is left, and the error says so', async () => {
        const out = tempDir('namemax');
        const files = seven('new');
        // NAME_MAX is 255 bytes; Vietnamese letters take 2–3 bytes in UTF-8.
        files[3] = { name: `${'phụ-lục-'.repeat(30)}.csv`, data: bytes('long') };
        expect(Buffer.byteLength(files[3].name)).toBeGreaterThan(255);
        const attempt = writeExportFiles(out, files);
        await expect(attempt).rejects.toBeInstanceOf(ExportWriteError);
        await expect(attempt).rejects.toMatchObject({ reason: 'ENAMETOOLONG', file: path.join(out, files[3].name), kept: [], notRestored: [] });
        await expect(attempt).rejects.toThrow(/nothing was written/);
        expect(visible(out)).toEqual([]);
        // The next run without --force is not refused by leftovers of the failed one.
        files[3] = { name: 'a-2.csv', data: bytes('new a-2.csv') };
        await writeExportFiles(out, files);
        expect(visible(out)).toEqual([...SEVEN].sort());
    });

    it('with --force, a name too long as the 4th of 7 files: the 3 replaced before are put back', async () => {
        const out = tempDir('namemax-force');
        for (const name of SEVEN) fs.writeFileSync(path.join(out, name), `old ${name}`);
        const files = seven('new');
        files[3] = { name: `${'phụ-lục-'.repeat(30)}.csv`, data: bytes('long') };
        await expect(writeExportFiles(out, files, { force: true })).rejects.toMatchObject({ name: 'ExportWriteError', reason: 'ENAMETOOLONG', kept: [], notRestored: [] });
        expect(visible(out)).toEqual([...SEVEN].sort());
        for (const name of SEVEN) expect(fs.readFileSync(path.join(out, name), 'utf-8')).toBe(`old ${name}`);
    });

    it('disk full while placing the 5th of 7 files: the 4 placed before are removed', async () => {
        const out = tempDir('enospc-place');
        const attempt = writeExportFiles(out, seven('new'), { fs: { link: failOnCall(fs.promises.link, 5, 'ENOSPC') } });
        await expect(attempt).rejects.toMatchObject({ name: 'ExportWriteError', reason: 'ENOSPC', file: path.join(out, 'a-3.csv'), kept: [] });
        expect(visible(out)).toEqual([]);
        await writeExportFiles(out, seven('new'));
        expect(visible(out)).toEqual([...SEVEN].sort());
    });

    it('disk full while writing the 6th temporary file: nothing is placed and no temporary file is left', async () => {
        const out = tempDir('enospc-write');
        const open = failOnCall(fs.promises.open, 6, 'ENOSPC');
        await expect(writeExportFiles(out, seven('new'), { fs: { open } })).rejects.toMatchObject({ reason: 'ENOSPC', file: path.join(out, 'a.html') });
        expect(visible(out)).toEqual([]);
    });

    it('with --force, a failure part-way puts back every file it replaced, and removes the new ones', async () => {
        const out = tempDir('enospc-force');
        // An earlier export of 4 of the 7 files, one of them edited by hand.
        for (const name of SEVEN.slice(0, 4)) fs.writeFileSync(path.join(out, name), `old ${name}`);
        const rename = failOnCall(fs.promises.rename, 6, 'ENOSPC');
        await expect(writeExportFiles(out, seven('new'), { force: true, fs: { rename } })).rejects.toMatchObject({ reason: 'ENOSPC', kept: [], notRestored: [] });
        expect(visible(out)).toEqual(SEVEN.slice(0, 4).sort());
        for (const name of SEVEN.slice(0, 4)) expect(fs.readFileSync(path.join(out, name), 'utf-8')).toBe(`old ${name}`);
        await writeExportFiles(out, seven('new'), { force: true });
        expect(visible(out)).toEqual([...SEVEN].sort());
        for (const name of SEVEN) expect(fs.readFileSync(path.join(out, name), 'utf-8')).toBe(`new ${name}`);
    });

    it('a file that appears meanwhile, as the 3rd of 7, undoes the 2 placed before', async () => {
        const out = tempDir('late-exists');
        const link = async (from: fs.PathLike, to: fs.PathLike) => {
            if (path.basename(String(to)) === 'a-1.csv') fs.writeFileSync(to, 'theirs');
            return fs.promises.link(from, to);
        };
        await expect(writeExportFiles(out, seven('new'), { fs: { link } })).rejects.toBeInstanceOf(ExportTargetExistsError);
        expect(visible(out)).toEqual(['a-1.csv']);
        expect(fs.readFileSync(path.join(out, 'a-1.csv'), 'utf-8')).toBe('theirs');
    });

    it('says what was left when the undoing itself fails', async () => {
        const out = tempDir('undo-fails');
        const link = failOnCall(fs.promises.link, 3, 'ENOSPC');
        const unlink = async (p: fs.PathLike) => {
            if (path.basename(String(p)) === 'a.docx') throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
            return fs.promises.unlink(p);
        };
        const error = await writeExportFiles(out, seven('new'), { fs: { link, unlink } }).then(() => undefined, (e: unknown) => e as ExportWriteError);
        if (!error) throw new Error('the export did not fail');
        expect(error).toBeInstanceOf(ExportWriteError);
        expect(error.kept).toEqual([path.join(out, 'a.docx')]);
        expect(error.notWritten).toEqual(SEVEN.slice(1).map(n => path.join(out, n)));
        expect(error.message).toMatch(/left in place: .*a\.docx/);
        expect(visible(out)).toEqual(['a.docx']);
    });
});

describe('writeExportFiles: temporary files of an export that was killed', () => {
    const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max: never a live process
    it('removes our stale temporary files (dead pid, or older than the limit), keeps a live export\'s and other files', async () => {
        const out = tempDir('stale');
        const stale = `.a.docx.${DEAD_PID}.0123456789ab.tmp`;
        // A pid unknown here may be an export in another container sharing the folder, still writing.
        const deadButFresh = `.a.html.${DEAD_PID}.0123456789ab.tmp`;
        const liveButOld = `.a.md.${process.pid}.00000000abcd.tmp`;
        const live = `.a.xlsx.${process.pid}.ba9876543210.tmp`;
        const notOurs = ['.a.docx.tmp', `.a.docx.${DEAD_PID}.xyz.tmp`, 'notes.tmp', '.hidden'];
        for (const name of [stale, deadButFresh, liveButOld, live, ...notOurs]) fs.writeFileSync(path.join(out, name), 'x');
        const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
        fs.utimesSync(path.join(out, stale), ago(2), ago(2));
        fs.utimesSync(path.join(out, liveButOld), ago(60), ago(60));
        for (const name of notOurs) fs.utimesSync(path.join(out, name), ago(60), ago(60));
        await writeExportFiles(out, [{ name: 'a.csv', data: bytes('x') }]);
        expect(fs.readdirSync(out).sort()).toEqual(['a.csv', deadButFresh, live, ...notOurs].sort());
    });

    it('removes a stale backup only while the file it backs up exists (else it is the only copy)', async () => {
        const out = tempDir('stale-bak');
        fs.writeFileSync(path.join(out, 'a.docx'), 'new');
        const backed = `.a.docx.${DEAD_PID}.0123456789ab.bak`;
        const orphan = `.gone.docx.${DEAD_PID}.0123456789ab.bak`;
        for (const name of [backed, orphan]) {
            fs.writeFileSync(path.join(out, name), 'old');
            fs.utimesSync(path.join(out, name), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
        }
        await writeExportFiles(out, [{ name: 'a.csv', data: bytes('x') }]);
        expect(fs.readdirSync(out).sort()).toEqual([orphan, 'a.csv', 'a.docx'].sort());
    });
});

describe('writeExportFiles: the target folder', () => {
    it('fails fast under /proc, where a recursive mkdir loops forever on Node 20', async () => {
        if (!fs.existsSync('/proc/self')) return;
        const started = Date.now();
        await expect(writeExportFiles('/proc/x/y', [{ name: 'a.md', data: bytes('x') }])).rejects.toMatchObject({ name: 'ExportFolderError', reason: 'ENOENT' });
        expect(Date.now() - started).toBeLessThan(5000);
    }, 10_000);

    it('refuses a folder that is a file, naming it', async () => {
        const out = tempDir('notdir');
        fs.writeFileSync(path.join(out, 'file'), 'x');
        await expect(writeExportFiles(path.join(out, 'file'), [{ name: 'a.md', data: bytes('x') }])).rejects.toMatchObject({ name: 'ExportFolderError', reason: 'ENOTDIR' });
        await expect(writeExportFiles(path.join(out, 'file', 'sub'), [{ name: 'a.md', data: bytes('x') }])).rejects.toMatchObject({ name: 'ExportFolderError', reason: 'ENOTDIR' });
    });
});
