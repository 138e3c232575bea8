// `plan validate` of many plans: the plans checked a few at a time, on every core (worker threads),
// each plan's tree let go of once checked, unless a plan still to check is part of it. The findings
// come back in the order of the files, as one process checking them all in turn would give them.
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import { URI, type LangiumDocument } from 'langium';
import type { Locale } from '../../../common/locale.js';
import { toCliFinding, type CliFinding } from './diagnostics.js';
import { partOfFamilies } from './plan-head.js';
import { createCliServices, isPlanFileError, PlanFileError, PlanWorkspace, type ReadOptions } from './workspace.js';

/** One file to check and the plans of its `part-of` chain. */
export interface CheckItem {
    /** Its place among the files asked for. */
    index: number;
    file: string;
    /** The plans of its `part-of` chain, then the plans part of it. */
    chain: string[];
}

/** The findings of one file checked, in the order of their positions. */
export interface CheckedFile {
    index: number;
    findings: CliFinding[];
}

/** Files a worker is given at a time: few enough to spread a folder evenly, enough to build them together. */
const BATCH = 8;
/** Below this many files, a worker's start (its own lexer and parser) costs more than it saves. */
const WORKERS_FROM = 24;

/** A path as the CLI shows it: relative to the working directory. */
export function shownFile(file: string): string {
    return path.relative(process.cwd(), file) || file;
}

function findingsOf(document: LangiumDocument, file: string): CliFinding[] {
    const diagnostics = [...(document.diagnostics ?? [])].sort((a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const shown = shownFile(file);
    const own = document.uri.toString();
    const fileOf = (uri: string) => (uri === own ? shown : shownFile(URI.parse(uri).fsPath));
    return diagnostics.map(d => toCliFinding(shown, d, fileOf));
}

/**
 * Checks items in batches in one workspace: a batch's files and their chains are loaded and built
 * together, their findings taken, and then every document that the next batch does not need is
 * released (a plan others are part-of stays while they are checked).
 */
export class BatchChecker {
    private readonly workspace: PlanWorkspace;

    constructor(locale: Locale, read: ReadOptions) {
        this.workspace = new PlanWorkspace(createCliServices(), locale, read);
    }

    async check(batch: CheckItem[]): Promise<CheckedFile[]> {
        // What this batch needs stays; what earlier batches left (their chains) goes now.
        await this.workspace.releaseAllBut(new Set(batch.flatMap(item => [item.file, ...item.chain])));
        const documents = batch.map(item => this.workspace.load(item.file));
        for (const item of batch) item.chain.forEach(f => this.workspace.loadNeeded(f));
        await this.workspace.build();
        const checked = batch.map((item, i) => ({ index: item.index, findings: findingsOf(documents[i], item.file) }));
        // The files checked go at once; the chains wait for the next batch, which may need them.
        await this.workspace.releaseAllBut(new Set(batch.flatMap(item => item.chain)));
        return checked;
    }
}

/** How many workers: one per core the process may use, PLAN_WORKERS to say otherwise (0: none, in this thread). */
function workerCount(files: number): number {
    const asked = process.env.PLAN_WORKERS;
    if (asked !== undefined && /^[0-9]+$/.test(asked)) return Math.min(Number(asked), Math.ceil(files / BATCH));
    if (files < WORKERS_FROM) return 0;
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    return Math.min(cores, Math.ceil(files / BATCH));
}

/** Messages between the CLI and its workers. */
type ToWorker = { batch: CheckItem[] } | { done: true };
type FromWorker = { checked: CheckedFile[] } | { failed: { message: string; planFile?: { file: string; reason: PlanFileError['reason']; detail: PlanFileError['detail'] } } };

/** The data a worker starts with. */
export interface CheckWorkerData {
    planCheck: { locale: Locale; read: ReadOptions };
}

/**
 * Checks the files (folders already expanded), their findings per file in their order. A file given
 * that cannot be read throws PlanFileError, the first in the order given, before anything is checked.
 * `script` is the bundle a worker runs (out/cli.cjs); without it the check runs in this thread.
 */
export async function checkPlans(files: string[], locale: Locale, read: ReadOptions, script?: string): Promise<CliFinding[][]> {
    const { chains, children } = partOfFamilies(files, read);
    // A plan is checked with the plans of its chain and the plans part of it (roll-up findings).
    const items = files.map((file, index) => ({ index, file, chain: [...chains[index], ...children[index]] }));
    const batches: CheckItem[][] = [];
    for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
    const workers = script === undefined ? 0 : workerCount(files.length);
    const results: CliFinding[][] = new Array(files.length);
    if (workers === 0) {
        const checker = new BatchChecker(locale, read);
        for (const batch of batches) for (const c of await checker.check(batch)) results[c.index] = c.findings;
    } else {
        await inWorkers(script!, workers, batches, { planCheck: { locale, read } }, c => { results[c.index] = c.findings; });
    }
    return results;
}

/** The batches handed out in order to whichever worker is free; rejects on the first failure. */
function inWorkers(script: string, count: number, batches: CheckItem[][], workerData: CheckWorkerData, take: (c: CheckedFile) => void): Promise<void> {
    return new Promise((resolve, reject) => {
        let next = 0;
        let running = count;
        let failed = false;
        const all: Worker[] = [];
        const fail = (e: Error) => {
            if (failed) return;
            failed = true;
            for (const w of all) void w.terminate();
            reject(e);
        };
        const give = (worker: Worker) => {
            const message: ToWorker = next < batches.length ? { batch: batches[next++] } : { done: true };
            worker.postMessage(message);
        };
        for (let i = 0; i < count; i++) {
            const worker = new Worker(script, { workerData });
            all.push(worker);
            worker.on('message', (message: FromWorker) => {
                if ('failed' in message) {
                    const { planFile, message: text } = message.failed;
                    fail(planFile ? new PlanFileError(planFile.file, planFile.reason, planFile.detail) : new Error(text));
                    return;
                }
                message.checked.forEach(take);
                give(worker);
            });
            worker.on('error', fail);
            worker.on('exit', code => {
                if (code !== 0 && !failed) fail(new Error(`a checking worker stopped (exit ${code})`));
                else if (--running === 0 && !failed) resolve();
            });
            give(worker);
        }
    });
}

/** A worker's loop: batches in, findings out, until told it is done. */
export function runCheckWorker(port: MessagePort, data: CheckWorkerData): void {
    const checker = new BatchChecker(data.planCheck.locale, data.planCheck.read);
    port.on('message', (message: ToWorker) => {
        if ('done' in message) {
            port.close();
            return;
        }
        checker.check(message.batch).then(checked => port.postMessage({ checked } satisfies FromWorker), (e: unknown) => {
            const planFile = isPlanFileError(e) ? { file: e.file, reason: e.reason, detail: e.detail } : undefined;
            port.postMessage({ failed: { message: e instanceof Error ? e.stack ?? e.message : String(e), planFile } } satisfies FromWorker);
        });
    });
}
