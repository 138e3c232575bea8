// Writes a set of exported files (a .docx, an .xlsx, a CSV per annex, …) whole or not at all.
//
// Guarantees, for one call of writeExportFiles:
// - A reader never sees a half-written file: every file is written to a temporary name in the target
//   folder (`.<name>.<pid>.<hex>.tmp`) and flushed (fsync) before any file takes its final name.
// - Without `force`, an existing file is never replaced: the call refuses before writing anything if one
//   of the names is taken, and the final step itself (a hard link) fails rather than replace a file
//   that appeared meanwhile.
// - All or nothing: if writing any temporary file fails (disk full, a name too long for the file
//   system, …), no file is placed. If placing one fails part-way, the files this call already placed
//   are removed again and, with `force`, the files they replaced are put back: before replacing a file,
//   its old version gets a second name (`.<name>.<pid>.<hex>.bak`, a hard link, or a copy where the
//   file system has no links), and replacing is one rename, so the target always holds either its old
//   or its new content. Backups are removed once the whole set is placed.
// - When undoing fails too (the disk is failing), the error says which new files were left in place
//   and where the old versions of the ones not restored are (ExportWriteError.kept / .notRestored).
// - Our temporary files and backups left by an export that was killed are removed by the next export
//   into the same folder, once their process is gone (and they are older than a minute) or they are
//   older than STALE_AFTER_MS — never a concurrent export's. A backup is removed only while the file it backs up exists (it may be the
//   only copy of the old version otherwise).
// - What this cannot promise: a power cut during the placing step can leave some files new and some
//   old (the backups then still hold the old versions); placing n files is n renames, not one.
// - The target folder is created one level at a time, never with a recursive mkdir, which loops
//   forever on Node 20 where a parent refuses new entries (`--out /proc/x`).
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import * as path from 'node:path';

import type { ExportFile } from '../../../common/export.js';

/** The file system calls writing uses; tests replace some of them to simulate a full disk. */
export type ExportFs = Pick<typeof nodeFs, 'open' | 'link' | 'unlink' | 'rename' | 'lstat' | 'stat' | 'mkdir' | 'readdir' | 'copyFile'>;

export interface WriteOptions {
    /** Replace existing files (they are restored if the set cannot be written whole). */
    force?: boolean;
    fs?: Partial<ExportFs>;
}

/** Temporary files and backups older than this are stale even if their pid is alive (pids are reused). */
export const STALE_AFTER_MS = 10 * 60_000;

/**
 * ... and younger than this are never stale, even if no process has their pid: an export in another
 * container sharing the folder has a pid this machine does not know. Writing a set takes seconds.
 */
export const DEAD_PID_GRACE_MS = 60_000;

/** Our temporary and backup names: `.<name>.<pid>.<12 hex>.tmp|bak`. */
const OWN_NAME = /^\.(.+)\.(\d+)\.([0-9a-f]{12})\.(tmp|bak)$/;

/** The name part of a temporary name is cut so that the whole stays within NAME_MAX (255 bytes). */
const MAX_NAME_PART_BYTES = 200;

/** The target file exists and overwriting was not allowed. */
export class ExportTargetExistsError extends Error {
    constructor(readonly file: string) {
        super(`${file} already exists (use --force to overwrite it)`);
        this.name = 'ExportTargetExistsError';
    }
}

/** A file name that would leave the target folder or name no file. */
export class ExportFileNameError extends Error {
    constructor(readonly fileName: string, why = 'not a plain file name') {
        super(`${why}: ${JSON.stringify(fileName)}`);
        this.name = 'ExportFileNameError';
    }
}

/** The target folder could not be made, or is not a folder. `reason` is an errno code (ENOENT, ENOTDIR, EACCES…). */
export class ExportFolderError extends Error {
    constructor(readonly folder: string, readonly reason: string, options?: { cause?: unknown }) {
        super(`cannot create the export folder ${folder} (${reason})`, options);
        this.name = 'ExportFolderError';
    }
}

/**
 * Writing the set failed at `file`. `reason` is an errno code (ENOSPC, ENAMETOOLONG, …) or a message.
 * Normally nothing was written (`kept` and `notRestored` empty); if undoing failed too, `kept` lists the
 * new files left in place and `notRestored` the replaced files not put back, with where their old
 * version is.
 */
export class ExportWriteError extends Error {
    constructor(
        readonly file: string,
        readonly reason: string,
        /** Every target of the call, in order. */
        readonly targets: string[],
        readonly kept: string[],
        readonly notRestored: { target: string; backup: string }[],
        options?: { cause?: unknown }
    ) {
        const left = [...kept, ...notRestored.map(r => `${r.target} (old version in ${r.backup})`)];
        super(`cannot write ${file} (${reason}); ` + (left.length === 0
            ? 'nothing was written'
            : `left in place: ${left.join(', ')}; not written: ${targets.filter(t => !kept.includes(t)).join(', ') || 'none'}`), options);
        this.name = 'ExportWriteError';
    }

    /** The targets not (left) written by this call. */
    get notWritten(): string[] {
        return this.targets.filter(t => !this.kept.includes(t));
    }
}

function errnoOf(e: unknown): string {
    return (e as NodeJS.ErrnoException | undefined)?.code ?? (e instanceof Error ? e.message : String(e));
}

async function exists(io: ExportFs, file: string): Promise<boolean> {
    try {
        await io.lstat(file);
        return true;
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw e;
    }
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Moves the finished temporary file to its name without replacing anything already there. */
export async function placeWithoutOverwrite(temp: string, target: string, io: ExportFs = nodeFs): Promise<void> {
    try {
        // link() fails with EEXIST when the target exists: the check and the placing are one step.
        await io.link(temp, target);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new ExportTargetExistsError(target);
        // File systems without hard links (FAT, some network shares): check, then rename.
        if (code && NO_HARD_LINKS.has(code)) {
            if (await exists(io, target)) throw new ExportTargetExistsError(target);
            await io.rename(temp, target);
            return;
        }
        throw e;
    }
    await io.unlink(temp).catch(() => undefined); // the target is placed; a leftover temp is cleaned up later
}

/** `name` cut to at most `max` UTF-8 bytes, on a character boundary. */
function cutToBytes(name: string, max: number): string {
    if (Buffer.byteLength(name) <= max) return name;
    let cut = '';
    for (const ch of name) {
        if (Buffer.byteLength(cut + ch) > max) break;
        cut += ch;
    }
    return cut;
}

function ownName(target: string, suffix: 'tmp' | 'bak'): string {
    const part = cutToBytes(path.basename(target), MAX_NAME_PART_BYTES);
    return path.join(path.dirname(target), `.${part}.${process.pid}.${randomBytes(6).toString('hex')}.${suffix}`);
}

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (e) {
        // EPERM: alive, another user's. Anything else unexpected: assume alive, keep the file.
        return (e as NodeJS.ErrnoException).code !== 'ESRCH';
    }
}

/** Removes our temporary files and backups left in `dir` by exports that were killed. Never fails. */
async function removeStaleFiles(io: ExportFs, dir: string): Promise<void> {
    let names: string[];
    try {
        names = await io.readdir(dir);
    } catch {
        return;
    }
    const now = Date.now();
    for (const name of names) {
        const own = OWN_NAME.exec(name);
        if (!own) continue;
        const file = path.join(dir, name);
        try {
            const stat = await io.lstat(file);
            if (!stat.isFile()) continue;
            const pid = Number(own[2]);
            const age = now - stat.mtimeMs;
            const stale = age > STALE_AFTER_MS || (age > DEAD_PID_GRACE_MS && pid > 0 && pid !== process.pid && !isAlive(pid));
            if (!stale) continue;
            if (own[4] === 'bak' && !(await exists(io, path.join(dir, own[1])))) continue;
            await io.unlink(file);
        } catch {
            // Gone already (another export cleaned it) or not ours to remove: leave it.
        }
    }
}

/** Creates `dir` and its missing parents one level at a time (bounded by the path's depth), and checks it is a folder. */
export async function makeFolder(dir: string, io: ExportFs = nodeFs): Promise<string> {
    const folder = path.resolve(dir);
    const missing: string[] = [];
    for (let current = folder; ; current = path.dirname(current)) {
        try {
            const stat = await io.stat(current);
            if (!stat.isDirectory()) throw new ExportFolderError(folder, 'ENOTDIR');
            break;
        } catch (e) {
            if (e instanceof ExportFolderError) throw e;
            const code = errnoOf(e);
            if (code !== 'ENOENT') throw new ExportFolderError(folder, code, { cause: e });
        }
        if (path.dirname(current) === current) throw new ExportFolderError(folder, 'ENOENT');
        missing.push(current);
    }
    for (const level of missing.reverse()) {
        try {
            await io.mkdir(level);
        } catch (e) {
            // EEXIST: made meanwhile (by a concurrent export); checked below.
            if (errnoOf(e) !== 'EEXIST') throw new ExportFolderError(folder, errnoOf(e), { cause: e });
        }
    }
    let stat;
    try {
        stat = await io.stat(folder);
    } catch (e) {
        throw new ExportFolderError(folder, errnoOf(e), { cause: e });
    }
    if (!stat.isDirectory()) throw new ExportFolderError(folder, 'ENOTDIR');
    return folder;
}

async function writeTemp(io: ExportFs, temp: string, data: Uint8Array): Promise<void> {
    const handle = await io.open(temp, 'wx');
    try {
        await handle.writeFile(data);
        await handle.sync();
    } finally {
        await handle.close();
    }
}

/** Flushes the folder's entries (the renames) to disk where the platform allows it. */
async function syncFolder(io: ExportFs, dir: string): Promise<void> {
    try {
        const handle = await io.open(dir, 'r');
        try {
            await handle.sync();
        } finally {
            await handle.close();
        }
    } catch {
        // Windows and some file systems cannot fsync a folder; the files themselves are flushed.
    }
}

/** Gives the existing `target` a second name, so that it can be put back; undefined if there is none to keep. */
async function backUp(io: ExportFs, target: string): Promise<string | undefined> {
    let stat;
    try {
        stat = await io.lstat(target);
    } catch (e) {
        if (errnoOf(e) === 'ENOENT') return undefined;
        throw e;
    }
    // A folder in the way makes the rename fail; nothing to keep.
    if (!stat.isFile() && !stat.isSymbolicLink()) return undefined;
    const backup = ownName(target, 'bak');
    try {
        await io.link(target, backup);
    } catch (e) {
        if (!NO_HARD_LINKS.has(errnoOf(e)) || !stat.isFile()) throw e;
        await io.copyFile(target, backup);
    }
    return backup;
}

interface Placed { target: string; backup?: string }

/** Undoes the placed files, last first; returns what could not be undone. */
async function undo(io: ExportFs, placed: Placed[]): Promise<{ kept: string[]; notRestored: { target: string; backup: string }[] }> {
    const kept: string[] = [];
    const notRestored: { target: string; backup: string }[] = [];
    for (const p of [...placed].reverse()) {
        try {
            if (p.backup) await io.rename(p.backup, p.target);
            else await io.unlink(p.target);
        } catch {
            if (p.backup) notRestored.push({ target: p.target, backup: p.backup });
            else kept.push(p.target);
        }
    }
    return { kept: kept.reverse(), notRestored: notRestored.reverse() };
}

/**
 * Writes the files into outDir (created if missing) and returns their paths, all or nothing (see the
 * guarantees above). Throws ExportFileNameError, ExportFolderError, ExportTargetExistsError (nothing
 * written) or ExportWriteError (what was and was not written).
 */
export async function writeExportFiles(outDir: string, files: ExportFile[], options: WriteOptions = {}): Promise<string[]> {
    const io: ExportFs = { ...nodeFs, ...options.fs };
    const seen = new Set<string>();
    for (const f of files) {
        if (f.name === '' || f.name === '.' || f.name === '..' || f.name !== path.basename(f.name) || /[\\/]/.test(f.name)) {
            throw new ExportFileNameError(f.name);
        }
        if (seen.has(f.name)) throw new ExportFileNameError(f.name, 'named twice in one export');
        seen.add(f.name);
    }
    const folder = await makeFolder(outDir, io);
    const targets = files.map(f => path.join(folder, f.name));
    await removeStaleFiles(io, folder);
    if (!options.force) {
        for (const target of targets) {
            let taken;
            try {
                taken = await exists(io, target);
            } catch (e) {
                // ENAMETOOLONG, EACCES…: refused before anything is written.
                throw new ExportWriteError(target, errnoOf(e), targets, [], [], { cause: e });
            }
            if (taken) throw new ExportTargetExistsError(target);
        }
    }

    // 1. Every file to a flushed temporary file; nothing is placed if one fails.
    const temps: string[] = [];
    const removeTemps = () => Promise.all(temps.map(t => io.unlink(t).catch(() => undefined)));
    for (const [i, file] of files.entries()) {
        const temp = ownName(targets[i], 'tmp');
        try {
            await writeTemp(io, temp, file.data);
            temps.push(temp);
        } catch (e) {
            await io.unlink(temp).catch(() => undefined);
            await removeTemps();
            throw new ExportWriteError(targets[i], errnoOf(e), targets, [], [], { cause: e });
        }
    }

    // 2. Each to its name; undone if one fails.
    const placed: Placed[] = [];
    for (const [i, target] of targets.entries()) {
        try {
            if (options.force) {
                const backup = await backUp(io, target);
                try {
                    await io.rename(temps[i], target);
                } catch (e) {
                    if (backup) await io.unlink(backup).catch(() => undefined);
                    throw e;
                }
                placed.push({ target, backup });
            } else {
                await placeWithoutOverwrite(temps[i], target, io);
                placed.push({ target });
            }
        } catch (e) {
            const { kept, notRestored } = await undo(io, placed);
            await removeTemps();
            if (e instanceof ExportTargetExistsError && kept.length === 0 && notRestored.length === 0) throw e;
            throw new ExportWriteError(target, e instanceof ExportTargetExistsError ? 'EEXIST' : errnoOf(e), targets, kept, notRestored, { cause: e });
        }
    }
    await syncFolder(io, folder);
    await Promise.all(placed.flatMap(p => (p.backup ? [io.unlink(p.backup).catch(() => undefined)] : [])));
    return targets;
}
