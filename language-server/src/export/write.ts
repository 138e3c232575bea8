// Writes exported files so that a reader never sees a half-written file and an existing file is
// never replaced unless asked: each file goes to a temporary name in the target folder, is flushed,
// then takes its final name in one step.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

export interface ExportFile { name: string; data: Uint8Array }

/** The target file exists and overwriting was not allowed. */
export class ExportTargetExistsError extends Error {
    constructor(readonly file: string) {
        super(`${file} already exists (use --force to overwrite it)`);
        this.name = 'ExportTargetExistsError';
    }
}

/** A file name that would leave the target folder or name no file. */
export class ExportFileNameError extends Error {
    constructor(readonly fileName: string) {
        super(`not a plain file name: ${JSON.stringify(fileName)}`);
        this.name = 'ExportFileNameError';
    }
}

async function exists(file: string): Promise<boolean> {
    try {
        await fs.lstat(file);
        return true;
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw e;
    }
}

/** Moves the finished temporary file to its name without replacing anything already there. */
export async function placeWithoutOverwrite(temp: string, target: string): Promise<void> {
    try {
        // link() fails with EEXIST when the target exists: the check and the placing are one step.
        await fs.link(temp, target);
        await fs.unlink(temp);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new ExportTargetExistsError(target);
        // File systems without hard links (FAT, some network shares): check, then rename.
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS' || code === 'EXDEV') {
            if (await exists(target)) throw new ExportTargetExistsError(target);
            await fs.rename(temp, target);
            return;
        }
        throw e;
    }
}

/**
 * Writes the files into outDir (created if missing) and returns their paths. Without `force`, refuses
 * before writing anything if one of them exists, and never replaces a file that appears meanwhile.
 */
export async function writeExportFiles(outDir: string, files: ExportFile[], options: { force?: boolean } = {}): Promise<string[]> {
    const targets = files.map(f => {
        if (f.name === '' || f.name === '.' || f.name === '..' || f.name !== path.basename(f.name) || /[\\/]/.test(f.name)) {
            throw new ExportFileNameError(f.name);
        }
        return path.resolve(outDir, f.name);
    });
    await fs.mkdir(outDir, { recursive: true });
    if (!options.force) {
        for (const target of targets) if (await exists(target)) throw new ExportTargetExistsError(target);
    }
    const written: string[] = [];
    for (const [i, file] of files.entries()) {
        const target = targets[i];
        const temp = path.join(path.dirname(target), `.${file.name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
        try {
            const handle = await fs.open(temp, 'wx');
            try {
                await handle.writeFile(file.data);
                await handle.sync();
            } finally {
                await handle.close();
            }
            if (options.force) await fs.rename(temp, target);
            else await placeWithoutOverwrite(temp, target);
        } catch (e) {
            await fs.rm(temp, { force: true });
            throw e;
        }
        written.push(target);
    }
    return written;
}
