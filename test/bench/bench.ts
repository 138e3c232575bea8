// Times parse, link, validate and the plan model on generated plans of national scale and of ten
// times that, and prints medians and the ratios between the two sizes. Cost must grow linearly:
// a ratio near 10 for 10× the data. Last, the command line as whole processes (cli.ts; BENCH_ONLY=cli: it alone).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentState, URI } from 'langium';
import { EmptyFileSystem } from 'langium';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import { buildPlanModel } from '../../language-server/src/model/build.js';
import { buildPlanView } from '../../language-server/src/view/build.js';
import type { PlanDocument } from '../../language-server/src/generated/ast.js';
import { generatePlan, generateTextPlan } from './generate.js';
import { canMeasureServer, measureServerMemory, TYPED } from './server-memory.js';
import { benchEdits } from './edit.js';
import { benchPreview } from './preview.js';
import { cliBench } from './cli.js';
import { benchHostile } from './hostile.js';

const CLI_BUNDLE = path.resolve('out/cli.cjs');
const SERVER_BUNDLE = path.resolve('extension/out/server.cjs');

type Phase = 'parse' | 'index+scopes' | 'link' | 'validate' | 'model' | 'view' | 'edit (re-check after one keystroke)';
const PHASES: Phase[] = ['parse', 'index+scopes', 'link', 'validate', 'model', 'view', 'edit (re-check after one keystroke)'];

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function runOnce(text: string, run: number): Promise<Record<Phase, number>> {
    const { shared, Plan } = createPlanServices(EmptyFileSystem);
    const times = {} as Record<Phase, number>;
    const uri = URI.parse(`memory:///bench-${run}.plan`);
    let t = performance.now();
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    times.parse = performance.now() - t;
    shared.workspace.LangiumDocuments.addDocument(document);
    const marks: Partial<Record<DocumentState, number>> = {};
    for (const state of [DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.Validated]) {
        shared.workspace.DocumentBuilder.onBuildPhase(state, () => { marks[state] = performance.now(); });
    }
    t = performance.now();
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    times['index+scopes'] = marks[DocumentState.ComputedScopes]! - t;
    times.link = marks[DocumentState.Linked]! - marks[DocumentState.ComputedScopes]!;
    // Validation includes building the cached model once (the rules read it).
    times.validate = marks[DocumentState.Validated]! - marks[DocumentState.Linked]!;
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
    if (errors.length > 0) throw new Error(`generated plan has errors: ${errors.slice(0, 3).map(e => e.message).join('; ')}`);
    t = performance.now();
    const model = buildPlanModel(document.parseResult.value as PlanDocument, uri.toString());
    times.model = performance.now() - t;
    t = performance.now();
    JSON.stringify(buildPlanView(model, []));
    times.view = performance.now() - t;
    // One keystroke: change a digit in the middle of the table and rebuild like the editor does.
    const at = text.indexOf('2025: ', Math.floor(text.length / 2)) + 6;
    const edited = text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1);
    // Langium reparses the whole document on each change; what the editor waits for is a new
    // document built to Validated plus the model the preview asks for.
    t = performance.now();
    shared.workspace.LangiumDocuments.deleteDocument(uri);
    const next = shared.workspace.LangiumDocumentFactory.fromString(edited, uri);
    shared.workspace.LangiumDocuments.addDocument(next);
    await shared.workspace.DocumentBuilder.build([next], { validation: true });
    Plan.plan.Models.get(next);
    times['edit (re-check after one keystroke)'] = performance.now() - t;
    return times;
}

async function measure(districts: number, runs: number) {
    const plan = generatePlan(districts);
    const samples: Record<Phase, number[]> = Object.fromEntries(PHASES.map(p => [p, []])) as never;
    await runOnce(plan.text, -1); // warm-up: JIT and lexer setup
    for (let i = 0; i < runs; i++) {
        // Collect what earlier runs left, so one run does not pay for another's garbage.
        (globalThis as { gc?: () => void }).gc?.();
        const t = await runOnce(plan.text, i);
        for (const p of PHASES) samples[p].push(t[p]);
    }
    const medians = Object.fromEntries(PHASES.map(p => [p, median(samples[p])])) as Record<Phase, number>;
    const total = PHASES.filter(p => !p.startsWith('edit') && p !== 'view').reduce((s, p) => s + medians[p], 0);
    (globalThis as { gc?: () => void }).gc?.();
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
    return { plan, medians, total, heapMb };
}

/**
 * In a child process (the peak of a process that did other work says nothing): validates a plan as
 * `plan validate` does and prints its peak resident set size and the heap it still holds.
 */
async function memoryChild(what: string): Promise<void> {
    const text = what === 'seed' ? fs.readFileSync(path.resolve('examples/hung-yen-giam-ngheo-2023-2025.plan'), 'utf8')
        : what.startsWith('text:') ? generateTextPlan(Number(what.slice(5))).text : generatePlan(Number(what)).text;
    const { shared, Plan } = createPlanServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///memory.plan'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    Plan.plan.Models.get(document);
    (globalThis as { gc?: () => void }).gc?.();
    const heldMb = process.memoryUsage().heapUsed / 2 ** 20;
    console.log(JSON.stringify({ bytes: Buffer.byteLength(text), peakRssMb: process.resourceUsage().maxRSS / 1024, heldMb }));
}

function measureMemory(what: string): { bytes: number; peakRssMb: number; heldMb: number } {
    const child = spawnSync(process.execPath, ['--expose-gc', process.argv[1]], { env: { ...process.env, BENCH_MEMORY: what }, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`memory benchmark of ${what} failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
if (process.env.BENCH_MEMORY) return memoryChild(process.env.BENCH_MEMORY);
if (process.env.BENCH_ONLY === 'edit') return benchEdits();
if (process.env.BENCH_ONLY === 'preview') return benchPreview();
if (process.env.BENCH_ONLY === 'hostile') return benchHostile();
if (process.env.BENCH_ONLY === 'memory') return benchMemoryOfTools(process.env.BENCH_MEMORY_DISTRICTS ?? '18000', process.env.BENCH_MEMORY_TEXT_ITEMS ?? '7200');
const sizes = [Number(process.env.BENCH_DISTRICTS ?? 700)];
sizes.push(sizes[0] * 10);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const results = [];
for (const n of sizes) {
    const r = await measure(n, n > sizes[0] ? Math.max(3, Math.ceil(runs / 2)) : runs);
    results.push(r);
    console.log(`\n${n} districts × 8 years: ${r.plan.lines.toLocaleString('vi-VN')} lines, ${(r.plan.bytes / 1024).toFixed(0)} KB, heap ${r.heapMb.toFixed(0)} MB`);
    for (const p of PHASES) console.log(`  ${p.padEnd(40)} median ${r.medians[p].toFixed(1).padStart(8)} ms`);
    console.log(`  ${'parse+link+validate+model'.padEnd(40)} median ${r.total.toFixed(1).padStart(8)} ms`);
}
const [small, large] = results;
console.log(`\nRatios ${large.plan.districts}/${small.plan.districts} districts (linear ≈ ${(large.plan.bytes / small.plan.bytes).toFixed(1)}):`);
for (const p of PHASES) console.log(`  ${p.padEnd(40)} ${(large.medians[p] / small.medians[p]).toFixed(1)}×`);
console.log(`  ${'parse+link+validate+model'.padEnd(40)} ${(large.total / small.total).toFixed(1)}×`);
await benchEdits();
await benchPreview();
// Memory of validating a plan of about 5 MB (issue 8: 1,1 GB peak before the parser let go of its
// tokens and the model of its copied ranges), beside the seed plan.
const districts = process.env.BENCH_MEMORY_DISTRICTS ?? '18000';
console.log('\nMemory of validating one plan in a fresh process (peak RSS, heap held after validation):');
const textItems = process.env.BENCH_MEMORY_TEXT_ITEMS ?? '7200';
for (const [label, what] of [['seed plan', 'seed'], [`${districts} districts`, districts], [`${textItems} items of text`, `text:${textItems}`]]) {
    const m = measureMemory(what);
    const size = m.bytes < 2 ** 20 ? `${(m.bytes / 1024).toFixed(0)} KB` : `${(m.bytes / 2 ** 20).toFixed(1)} MB`;
    console.log(`  ${`${label} (${size})`.padEnd(40)} peak RSS ${m.peakRssMb.toFixed(0).padStart(6)} MB   heap ${m.heldMb.toFixed(0).padStart(5)} MB`);
}
await benchMemoryOfTools(districts, textItems);
}

/**
 * The same plan through the command line as a user runs it (`plan validate`), and the language
 * server holding it open (findings published, semantic tokens answered), with the seed beside it;
 * the server also with a 20 MB plan (issue 8: 3,56 GB held before). With BENCH_BASELINE_DIR (another
 * checkout, built: its out/cli.cjs and extension/out/server.cjs) each figure is also measured on that
 * build, one after the other on the same text, with the ratio of this build's bytes per plan byte to its.
 */
async function benchMemoryOfTools(districts: string, textItems: string): Promise<void> {
const noProc = canMeasureServer();
if (noProc) {
    console.log(`\nMemory of the CLI and the server: not measured (${noProc}).`);
    return;
}
const baseDir = process.env.BENCH_BASELINE_DIR ? path.resolve(process.env.BENCH_BASELINE_DIR) : undefined;
const base = baseDir ? { cli: path.join(baseDir, 'out', 'cli.cjs'), server: path.join(baseDir, 'extension', 'out', 'server.cjs') } : undefined;
if (base && !(fs.existsSync(base.cli) && fs.existsSync(base.server))) throw new Error(`BENCH_BASELINE_DIR=${baseDir}: build it first (npm run build there)`);
const beside = (mine: number, theirs: number | undefined) => theirs === undefined ? '' : `   baseline ${theirs.toFixed(0).padStart(6)} MB (${(mine / theirs).toFixed(2)}× per byte)`;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-'));
try {
    const seed = fs.readFileSync(path.resolve('examples/hung-yen-giam-ngheo-2023-2025.plan'), 'utf8');
    const large = generatePlan(Number(districts)).text;
    const textPlan = generateTextPlan(Number(textItems)).text;
    console.log(`\n\`plan validate\` (peak RSS${base ? `; beside the build in ${baseDir}` : ''}):`);
    for (const [label, text] of [[`${districts} districts`, large], [`${textItems} items of text`, textPlan]]) {
        const size = `${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB`;
        const mine = measureCli(scratch, text, CLI_BUNDLE);
        console.log(`  ${`${label} (${size})`.padEnd(40)} peak RSS ${mine.toFixed(0).padStart(6)} MB${beside(mine, base && measureCli(scratch, text, base.cli))}`);
    }
    const serverDistricts = Number(process.env.BENCH_SERVER_DISTRICTS ?? 62000);
    console.log('Language server with one plan open (peak RSS, RSS held after findings and semantic tokens):');
    for (const [label, text] of [['seed plan', seed], [`${districts} districts`, large], [`${serverDistricts} districts`, generatePlan(serverDistricts).text]]) {
        const m = await measureServerMemory(SERVER_BUNDLE, text);
        const theirs = base ? await measureServerMemory(base.server, text) : undefined;
        const size = `${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB`;
        console.log(`  ${`${label} (${size})`.padEnd(40)} peak RSS ${m.peakRssMb.toFixed(0).padStart(6)} MB   held ${m.heldRssMb.toFixed(0).padStart(5)} MB   ${m.findings} findings`
            + (theirs ? `\n  ${''.padEnd(40)} baseline ${theirs.peakRssMb.toFixed(0).padStart(6)} MB   held ${theirs.heldRssMb.toFixed(0).padStart(5)} MB   ${theirs.findings} findings   (${(m.peakRssMb / theirs.peakRssMb).toFixed(2)}× peak, ${(m.heldRssMb / theirs.heldRssMb).toFixed(2)}× held)` : '')
            + `\n  ${`  then ${TYPED} figures typed`.padEnd(40)} peak RSS ${m.typed.peakRssMb.toFixed(0).padStart(6)} MB   held ${m.typed.heldRssMb.toFixed(0).padStart(5)} MB`
            + (theirs ? `   baseline ${theirs.typed.peakRssMb.toFixed(0)} / ${theirs.typed.heldRssMb.toFixed(0)} MB (${(m.typed.peakRssMb / theirs.typed.peakRssMb).toFixed(2)}× peak, ${(m.typed.heldRssMb / theirs.typed.heldRssMb).toFixed(2)}× held)` : ''));
    }
} finally {
    fs.rmSync(scratch, { recursive: true, force: true });
}
}

/** Peak RSS (MB) of `plan validate` on a text saved as a file: the built CLI, its rusage read at exit by a preloaded hook. */
function measureCli(folder: string, text: string, cli: string): number {
    const file = path.join(folder, 'national.plan');
    fs.writeFileSync(file, text);
    const hook = path.join(folder, 'peak.cjs');
    fs.writeFileSync(hook, "process.on('exit', () => process.stderr.write('\\npeak-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));\n");
    const run = spawnSync(process.execPath, ['-r', hook, cli, 'validate', file], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const peak = /peak-rss-kb (\d+)/.exec(run.stderr ?? '');
    if (!peak) throw new Error(`plan validate failed (exit ${run.status}): ${run.stderr}`);
    return Number(peak[1]) / 1024;
}

// BENCH_ONLY=cli / hostile: only that section (test/bench/cli.ts, hostile.ts), which otherwise come last.
const only = process.env.BENCH_ONLY;
(only === 'cli' || only === 'hostile' ? Promise.resolve() : main())
    .then(() => (!process.env.BENCH_MEMORY && (only === undefined || only === 'hostile') ? benchHostile() : undefined))
    .then(() => { if (!process.env.BENCH_MEMORY && (only === undefined || only === 'cli')) cliBench(); })
    .catch(e => { console.error(e); process.exit(1); });
