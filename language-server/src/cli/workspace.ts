// Loads plan files from disk into a Langium workspace and builds them (parse, link, validate).
// Used by the CLI, the exporters' CLI and tests; the language server has its own workspace manager.
// Every plan file is read by readPlanFile: regular files only, bounded in size, decoded by its BOM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver';
import { createPlanServices, type PlanServices } from '../plan-module.js';
import { decodePlanBytes, type EncodingProblem } from '../language/text-encoding.js';
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
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
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
 * Loads the given files, plus the other .plan files of their folders so that a district plan finds
 * the province plan it is `part-of`, and builds them all with validation. A file given that cannot
 * be read throws PlanFileError; a sibling that cannot be read (or is no regular file) is skipped.
 * A file's encoding problem is reported as the first of its diagnostics.
 */
export async function loadPlans(files: string[], locale: Locale = 'vi', services?: PlanServices, read: ReadOptions = {}): Promise<LoadedPlans> {
    const plan = services ?? createPlanServices(NodeFileSystem).Plan;
    plan.plan.Settings.locale = locale;
    const langiumDocuments = plan.shared.workspace.LangiumDocuments;
    const factory = plan.shared.workspace.LangiumDocumentFactory;
    const problems = new Map<LangiumDocument, FileProblem>();
    const load = (file: string): LangiumDocument => {
        const uri = URI.file(file);
        const existing = langiumDocuments.getDocument(uri);
        if (existing) return existing;
        const { text, problem } = readPlanFile(file, read);
        if (!plan.shared.ServiceRegistry.hasServices(uri)) {
            // Named explicitly but not *.plan (x.txt, NB.PLAN): say it is a plan, as an editor does with
            // its language mode, so the registry does not look for a language by the extension.
            plan.shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), plan.LanguageMetaData.languageId, 0, text));
        }
        let document: LangiumDocument;
        try {
            document = factory.fromString(text, uri);
            if (problem) problems.set(document, problem);
        } catch (e) {
            // The parser itself failed (Langium's CST builder overflows the stack on ~100.000 hidden
            // tokens in a row): one finding on this file instead of a crash of the whole run.
            document = factory.fromString('', uri);
            problems.set(document, { code: 'parse-failed', line: 0, character: 0, args: { reason: e instanceof Error ? e.message : String(e) } });
        }
        langiumDocuments.addDocument(document);
        return document;
    };
    const documents = files.map(load);
    const siblings = new Set(files.map(f => path.dirname(f)));
    for (const dir of siblings) {
        let entries: string[];
        try {
            entries = fs.readdirSync(dir);
        } catch {
            continue;   // a folder that cannot be listed: the files asked for were read all the same
        }
        for (const entry of entries) {
            if (entry.endsWith('.plan')) {
                try { load(path.join(dir, entry)); } catch { /* a sibling that cannot be read is not asked for */ }
            }
        }
    }
    await plan.shared.workspace.DocumentBuilder.build([...langiumDocuments.all], { validation: true });
    for (const [document, problem] of problems) {
        const diagnostic = fileDiagnostic(problem, locale);
        // A binary or unparsable file is parsed as empty: what the parser says about nothing is noise.
        const empty = problem.code === 'encoding-binary' || problem.code === 'parse-failed';
        document.diagnostics = empty ? [diagnostic] : [diagnostic, ...(document.diagnostics ?? [])];
    }
    return { services: plan, documents };
}
