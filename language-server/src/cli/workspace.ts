// Loads plan files from disk into a Langium workspace and builds them (parse, link, validate).
// Used by the CLI, the exporters' CLI and tests; the language server has its own workspace manager.
// Every plan file is read by readPlanFile: regular files only, bounded in size, decoded by its BOM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentState, TextDocument, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver';
import { createPlanServices, type PlanServices } from '../plan-module.js';
import { decodePlanBytes, type EncodingProblem } from '../language/text-encoding.js';
import { partOfFamilies } from './plan-head.js';
import { fileIssueMessage, type FileIssueCode, type Locale } from '../../../common/findings.js';

export { DEFAULT_MAX_BYTES } from '../language/text-encoding.js';
import { DEFAULT_MAX_BYTES } from '../language/text-encoding.js';

/** What is at a path when it is not a regular file. */
export type FileKind = 'folder' | 'fifo' | 'character-device' | 'block-device' | 'socket' | 'other';

/**
 * A path that cannot be read; the CLI words it in the user's language. `code` is the errno code
 * of 'denied' and 'unreadable'; `size` is undefined for a file that grew past the limit while read.
 */
export class PlanFileError extends Error {
    constructor(
        readonly file: string,
        readonly reason: 'missing' | 'denied' | 'unreadable' | 'not-a-file' | 'too-large',
        readonly detail: { code?: string; kind?: FileKind; size?: number; limit?: number } = {}
    ) {
        super(`cannot read ${file}: ${reason}${detail.code ? ` (${detail.code})` : ''}`);
    }

    override readonly name = 'PlanFileError';
}

/**
 * A PlanFileError, also one thrown by the CLI's office half (out/cli-office.cjs, bundled apart: its
 * class is another copy, so instanceof alone would miss it).
 */
export function isPlanFileError(e: unknown): e is PlanFileError {
    return e instanceof PlanFileError || (e instanceof Error && e.name === 'PlanFileError' && 'reason' in e && 'file' in e);
}

export interface ReadOptions {
    /** Refuse files larger than this many bytes (default DEFAULT_MAX_BYTES). */
    maxBytes?: number;
    /** Read only the first this many bytes (a plan's head, see plan-head.ts); the limit still applies to the file's size. */
    prefix?: number;
}

export interface PlanFileText {
    text: string;
    /** Set when the bytes are not clean UTF-8 (or UTF-16 with a BOM): reported as one finding. */
    problem?: EncodingProblem;
}

export interface LoadedPlans {
    services: PlanServices;
    /** The documents asked for, in the order given (folders expanded, sorted). */
    documents: LangiumDocument[];
}

function kindOf(stat: fs.Stats): FileKind {
    if (stat.isDirectory()) return 'folder';
    if (stat.isFIFO()) return 'fifo';
    if (stat.isCharacterDevice()) return 'character-device';
    if (stat.isBlockDevice()) return 'block-device';
    if (stat.isSocket()) return 'socket';
    return 'other';
}

function errnoError(file: string, e: unknown): PlanFileError {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return new PlanFileError(file, 'missing', { code });
    if (code === 'EACCES' || code === 'EPERM') return new PlanFileError(file, 'denied', { code });
    return new PlanFileError(file, 'unreadable', { code: code ?? (e as Error).message });
}

const CHUNK = 1024 * 1024;

/**
 * Reads a plan file: refuses (PlanFileError) anything but a regular file, after following links —
 * a FIFO would block, /dev/zero never ends — and anything over the size limit; reads at most
 * limit + 1 bytes, so a file growing meanwhile stays bounded; decodes UTF-8 or UTF-16 by the BOM.
 */
export function readPlanFile(file: string, options: ReadOptions = {}): PlanFileText {
    return decodePlanBytes(readFileBytes(file, options));
}

/**
 * A file's bytes, with the same refusals as readPlanFile (only regular files, the size limit, at most
 * limit + 1 bytes read): an office file to import goes through the same door as a plan.
 */
export function readFileBytes(file: string, options: ReadOptions = {}): Buffer {
    const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const check = (stat: fs.Stats) => {
        if (!stat.isFile()) throw new PlanFileError(file, 'not-a-file', { kind: kindOf(stat) });
        if (stat.size > limit) throw new PlanFileError(file, 'too-large', { size: stat.size, limit });
    };
    try {
        check(fs.statSync(file));
    } catch (e) {
        throw e instanceof PlanFileError ? e : errnoError(file, e);
    }
    let fd: number;
    try {
        // O_NONBLOCK: should the path become a FIFO after the stat, opening it does not wait for a writer.
        fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch (e) {
        throw errnoError(file, e);
    }
    try {
        check(fs.fstatSync(fd));
        const chunks: Buffer[] = [];
        let total = 0;
        const wanted = options.prefix === undefined ? limit + 1 : Math.min(options.prefix, limit + 1);
        while (total < wanted) {
            const chunk = Buffer.allocUnsafe(Math.min(CHUNK, wanted - total));
            const read = fs.readSync(fd, chunk, 0, chunk.length, null);
            if (read === 0) break;
            chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
            total += read;
            if (total > limit) throw new PlanFileError(file, 'too-large', { limit });
        }
        return Buffer.concat(chunks, total);
    } catch (e) {
        throw e instanceof PlanFileError ? e : errnoError(file, e);
    } finally {
        fs.closeSync(fd);
    }
}

/**
 * Expands folders to the .plan files below them (regular files, or links to regular files);
 * throws PlanFileError for a path or a subfolder that cannot be read. Files named explicitly are
 * kept whatever their extension.
 */
export function expandPlanPaths(inputs: string[]): string[] {
    const files: string[] = [];
    const walk = (dir: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch (e) {
            throw errnoError(dir, e);
        }
        for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
            else if (entry.name.endsWith('.plan') && (entry.isFile() || (entry.isSymbolicLink() && isRegularFile(full)))) files.push(full);
        }
    };
    for (const input of inputs) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(input);
        } catch (e) {
            throw errnoError(input, e);
        }
        if (stat.isDirectory()) walk(input);
        else files.push(input);
    }
    return files.map(f => path.resolve(f));
}

function isRegularFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/** A finding about the file rather than its plan (see FILE_ISSUES). */
interface FileProblem {
    code: FileIssueCode;
    line: number;
    character: number;
    args: Record<string, string | number>;
}

function fileDiagnostic(problem: FileProblem, locale: Locale): Diagnostic {
    const start = { line: problem.line, character: problem.character };
    return {
        range: { start, end: problem.code === 'encoding-invalid' ? { line: start.line, character: start.character + 1 } : start },
        severity: 1, code: problem.code, source: 'plan', message: fileIssueMessage(problem.code, problem.args, locale)
    };
}

/**
 * Plan files in one Langium workspace: loaded (read by readPlanFile, encoding problems kept as
 * findings), built with validation, and let go of once nothing left depends on them. The CLI's
 * check of many plans loads a few at a time (check.ts); loadPlans loads them all.
 */
export class PlanWorkspace {
    private readonly problems = new Map<LangiumDocument, FileProblem>();

    constructor(readonly services: PlanServices, private readonly locale: Locale, private readonly read: ReadOptions = {}) {
        services.plan.Settings.locale = locale;
    }

    /** The file's document, read and parsed on first use; throws PlanFileError for a file that cannot be read. */
    load(file: string): LangiumDocument {
        const { shared, LanguageMetaData } = this.services;
        const uri = URI.file(file);
        const existing = shared.workspace.LangiumDocuments.getDocument(uri);
        if (existing) return existing;
        const { text, problem } = readPlanFile(file, this.read);
        if (!shared.ServiceRegistry.hasServices(uri)) {
            // Named explicitly but not *.plan (x.txt, NB.PLAN): say it is a plan, as an editor does with
            // its language mode, so the registry does not look for a language by the extension.
            shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), LanguageMetaData.languageId, 0, text));
        }
        const factory = shared.workspace.LangiumDocumentFactory;
        let document: LangiumDocument;
        try {
            document = factory.fromString(text, uri);
            if (problem) this.problems.set(document, problem);
        } catch (e) {
            // The parser itself failed (Langium's CST builder overflows the stack on ~100.000 hidden
            // tokens in a row): one finding on this file instead of a crash of the whole run.
            document = factory.fromString('', uri);
            this.problems.set(document, { code: 'parse-failed', line: 0, character: 0, args: { reason: e instanceof Error ? e.message : String(e) } });
        }
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    }

    /** A file another one needs (a plan of its `part-of` chain): one that cannot be read is left out. */
    loadNeeded(file: string): void {
        try { this.load(file); } catch { /* not asked for: its absence is the finding of the plan that names it */ }
    }

    /** Builds what is loaded and not yet checked (parse, link, validate); a file's encoding problem becomes its first finding. */
    async build(): Promise<void> {
        const { shared } = this.services;
        const pending = shared.workspace.LangiumDocuments.all.filter(d => d.state < DocumentState.Validated).toArray();
        await shared.workspace.DocumentBuilder.build(pending, { validation: true });
        for (const [document, problem] of this.problems) {
            const diagnostic = fileDiagnostic(problem, this.locale);
            // A binary or unparsable file is parsed as empty: what the parser says about nothing is noise.
            const empty = problem.code === 'encoding-binary' || problem.code === 'parse-failed';
            document.diagnostics = empty ? [diagnostic] : [diagnostic, ...(document.diagnostics ?? [])];
        }
        this.problems.clear();
    }

    /** The loaded files, but those in `keep`, leave the workspace with their trees, index entries and caches. */
    async releaseAllBut(keep: ReadonlySet<string>): Promise<void> {
        const { shared } = this.services;
        const gone = shared.workspace.LangiumDocuments.all.map(d => d.uri).filter(uri => !keep.has(uri.fsPath)).toArray();
        if (gone.length === 0) return;
        for (const uri of gone) shared.workspace.TextDocuments.delete(uri);
        await shared.workspace.DocumentBuilder.update([], gone);
    }
}

/**
 * The plan services of the command line: Langium's services for files on disk. Made once a process;
 * the lexer and the parser are made on the first parse.
 */
export function createCliServices(): PlanServices {
    return createPlanServices(NodeFileSystem).Plan;
}

/**
 * Loads the given files, plus the plans of their `part-of` chains (found beside them, see
 * partOfChains: a sibling is read for its head only, and whole only when a plan given is part of
 * it), and builds them all with validation. A file given that cannot be read throws PlanFileError;
 * a plan of a chain that cannot be read is left out. A file's encoding problem is reported as the
 * first of its diagnostics.
 */
export async function loadPlans(files: string[], locale: Locale = 'vi', services?: PlanServices, read: ReadOptions = {}): Promise<LoadedPlans> {
    const plan = services ?? createCliServices();
    const workspace = new PlanWorkspace(plan, locale, read);
    const { chains, children } = partOfFamilies(files, read);
    const documents = files.map(f => workspace.load(f));
    for (const chain of [...chains, ...children]) chain.forEach(f => workspace.loadNeeded(f));
    await workspace.build();
    return { services: plan, documents };
}
