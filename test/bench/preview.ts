// The preview after one digit typed in a year line (BENCH_ONLY=preview), at the seed's size, 700 and
// 7.000 districts, side by side in one run:
//  - the server's answer: the whole view built and serialised (plan/view, what every validation cost
//    before) against the answer as what changed since the preview's view (plan/viewUpdate,
//    view/keeper.ts); time and JSON size, with ratios;
//  - the heap the server keeps per document for those answers, per byte of plan, beside the heap of
//    the document and its model (the server kept no view before: this is what the answers add);
//  - the webview's update in Chromium (playwright-core, /usr/bin/chromium): the page rendered whole
//    against the same page patched (the message handled, style and layout done).
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { buildPlanView, locatedFinding } from '../../language-server/src/view/build.js';
import { PreviewViews } from '../../language-server/src/view/keeper.js';
import { previewHtml, makeNonce } from '../../extension/src/preview/html.js';
import { pathToFileURL } from 'node:url';
import type { PlanViewUpdate } from '../../common/view-patch.js';
import { PreviewSession } from '../helpers/preview-session.js';
import { generatePlan } from './generate.js';
import { cellAt } from './edit.js';

const CHROMIUM = process.env.PLAN_CHROMIUM ?? '/usr/bin/chromium';

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const kb = (bytes: number) => bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** One edit's answers: the whole view (as JSON: at 7.000 districts a parsed one holds ~110 MB) and the patches. */
interface Step { whole: string; update: PlanViewUpdate }

interface PlanResult {
    label: string;
    fullMs: number; fullJson: number; deltaMs: number; deltaJson: number;
    base: string; steps: Step[];
}

async function measurePlan(label: string, text: string, runs: number): Promise<PlanResult> {
    const session = new PreviewSession(text);
    await session.start();
    const findingsOf = () => (session.document!.diagnostics ?? []).map(locatedFinding);
    const views = new PreviewViews();
    const answer = views.answer(session.services.Plan.plan.Models.get(session.document!), findingsOf());
    if (!('view' in answer)) throw new Error('the first answer is a whole view');
    const base = JSON.stringify(answer.view);
    let stamp = answer.stamp;
    const at = cellAt(text);
    let current = text;
    const full: number[] = [], delta: number[] = [];
    let fullJson = 0, deltaJson = 0;
    const steps: Step[] = [];
    for (let i = 0; i < runs + 1; i++) {
        current = current.slice(0, at) + (current[at] === '9' ? '8' : '9') + current.slice(at + 1);
        await session.change(current);
        const model = session.services.Plan.plan.Models.get(session.document!);
        const findings = findingsOf();
        gc();
        let t = performance.now();
        const whole = JSON.stringify(buildPlanView(model, findings));
        const fullMs = performance.now() - t;
        gc();
        t = performance.now();
        const update = JSON.stringify(views.answer(model, findings, stamp));
        const deltaMs = performance.now() - t;
        const parsed = JSON.parse(update) as PlanViewUpdate;
        if (!('patches' in parsed)) throw new Error(`${label}: the edit was answered with a whole view`);
        stamp = parsed.stamp;
        fullJson = whole.length;
        deltaJson = update.length;
        if (i > 0) { full.push(fullMs); delta.push(deltaMs); } // the first warms the paths up
        steps.push({ whole, update: parsed });
    }
    return { label, fullMs: median(full), fullJson, deltaMs: median(delta), deltaJson, base, steps };
}

/**
 * The heap of a plan's document (and its model), as it grows while they are built, and what `views`
 * keeps for it after one edit answered as patches, as what is freed when it is let go.
 */
async function keptHeapOf(text: string): Promise<{ documentHeap: number; keptHeap: number }> {
    // The services' first use (grammar, caches) is not the document's.
    const warm = new PreviewSession(generatePlan(2).text);
    await warm.start();
    warm.services.Plan.plan.Models.get(warm.document!);
    const session = new PreviewSession(text);
    const before = heap();
    await session.start();
    session.services.Plan.plan.Models.get(session.document!);
    const documentHeap = heap() - before;
    const views = new PreviewViews();
    const answerNow = (since?: string) => views.answer(session.services.Plan.plan.Models.get(session.document!), (session.document!.diagnostics ?? []).map(locatedFinding), since);
    const stamp = answerNow().stamp;
    const at = cellAt(text);
    await session.change(text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1));
    if (!('patches' in answerNow(stamp))) throw new Error('the edit was answered with a whole view');
    const withKept = heap();
    views.forget(session.uri.toString());
    return { documentHeap, keptHeap: withKept - heap() };
}

// ---- The webview in Chromium ----

async function servedWebview(): Promise<{ origin: string; dir: string; close(): Promise<void> }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-webview-'));
    // Loaded at run time: bundled, the module would not know where it stands (import.meta in CommonJS).
    const { webviewBuild } = await import(pathToFileURL(path.resolve('extension/webview/build.mjs')).href) as typeof import('../../extension/webview/build.mjs');
    await esbuild.build({ ...webviewBuild(dir), logLevel: 'error' });
    const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
    let page = '';
    const server = http.createServer((req, res) => {
        const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname);
        if (name === 'page.html') return void res.writeHead(200, { 'content-type': types['.html'] }).end(page);
        const file = path.join(dir, name);
        if (!fs.existsSync(file)) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    page = previewHtml({ cspSource: origin, scriptUri: `${origin}/main.js`, styleUri: `${origin}/preview.css`, nonce: makeNonce(), boot: { locale: 'vi', state: {} } })
        .replace('<body>', '<body class="vscode-light">');
    return { origin, dir, close: () => new Promise<void>(resolve => server.close(() => { fs.rmSync(dir, { recursive: true, force: true }); resolve(); })) };
}

const STUB = `window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState() {} });`;

/**
 * Milliseconds to handle a host message in the page, style and layout included (the message is in
 * the page, parsed, before the clock starts). `view`: the view of a 'view' message, as JSON.
 */
async function timeMessage(page: Page, message: Record<string, unknown>, view?: string): Promise<number> {
    await page.evaluate(([m, v]) => {
        (globalThis as { __next?: unknown }).__next = v === undefined ? m : { ...m, view: JSON.parse(v) as unknown };
    }, [message, view] as const);
    return page.evaluate(() => {
        const w = globalThis as unknown as { __next: unknown; dispatchEvent(e: unknown): void; document: { body: { offsetHeight: number } } };
        const t = performance.now();
        w.dispatchEvent(new MessageEvent('message', { data: w.__next }));
        void w.document.body.offsetHeight;
        return performance.now() - t;
    });
}

async function benchWebview(results: PlanResult[]): Promise<void> {
    if (!fs.existsSync(CHROMIUM)) {
        console.log(`\nThe webview's update: not measured (no Chromium at ${CHROMIUM}).`);
        return;
    }
    const served = await servedWebview();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu'] });
    try {
        console.log('\nThe webview updated in Chromium (message handled, style and layout; median of the edits):');
        console.log(`  ${'plan'.padEnd(28)} ${'whole render'.padStart(13)} ${'patched'.padStart(10)}   ratio`);
        const resource = 'file:///ws/plan.plan';
        for (const r of results) {
            const open = async () => {
                const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
                await page.addInitScript(STUB);
                await page.goto(`${served.origin}/page.html`);
                await timeMessage(page, { type: 'view', resource, locked: false }, r.base);
                return page;
            };
            const [whole, patched] = [await open(), await open()];
            const wholeMs: number[] = [], patchMs: number[] = [];
            for (const [i, step] of r.steps.entries()) {
                const w = await timeMessage(whole, { type: 'view', resource, locked: false }, step.whole);
                if (!('patches' in step.update)) throw new Error('a whole view among the steps');
                const p = await timeMessage(patched, { type: 'patch', patches: step.update.patches as unknown as Record<string, unknown>, resource, locked: false });
                if (i > 0) { wholeMs.push(w); patchMs.push(p); }
            }
            const [a, b] = [median(wholeMs), median(patchMs)];
            console.log(`  ${r.label.padEnd(28)} ${a.toFixed(1).padStart(10)} ms ${b.toFixed(1).padStart(7)} ms   ${(a / b).toFixed(0)}× faster`);
            await whole.close();
            await patched.close();
        }
    } finally {
        await browser.close();
        await served.close();
    }
}

export async function benchPreview(): Promise<void> {
    const runs = Number(process.env.BENCH_PREVIEW_RUNS ?? 7);
    const seed = fs.readFileSync(path.resolve('examples/hung-yen-giam-ngheo-2023-2025.plan'), 'utf8');
    const plans: [string, string, number][] = [
        ['seed (557 lines)', seed, runs],
        ['700 districts × 8 years', generatePlan(700).text, runs],
        ['7.000 districts × 8 years', generatePlan(7000).text, Math.max(3, Math.ceil(runs / 2))]
    ];
    console.log('\nThe preview after one digit typed in a year line: the server\'s answer built and serialised (median of the edits; in-process)');
    console.log(`  ${'plan'.padEnd(28)} ${'whole view'.padStart(22)} ${'what changed'.padStart(22)}   time, size ratio`);
    const results: PlanResult[] = [];
    for (const [label, text, n] of process.env.BENCH_PREVIEW_PARTS === 'heap' ? [] : plans) {
        const r = await measurePlan(label, text, n);
        results.push(r);
        console.log(`  ${label.padEnd(28)} ${`${r.fullMs.toFixed(1)} ms ${kb(r.fullJson).padStart(9)}`.padStart(22)} ${`${r.deltaMs.toFixed(1)} ms ${kb(r.deltaJson).padStart(9)}`.padStart(22)}   ${(r.fullMs / r.deltaMs).toFixed(1)}×, ${(r.fullJson / r.deltaJson).toFixed(0)}×`);
    }
    console.log('\nHeap per byte of plan: the document and its model, and what the preview\'s answers keep for it (the server kept no view before):');
    for (const [label, text] of plans) {
        const m = await keptHeapOf(text);
        const bytes = Buffer.byteLength(text);
        console.log(`  ${label.padEnd(28)} document ${(m.documentHeap / bytes).toFixed(1).padStart(6)} B/B   kept for the preview ${(m.keptHeap / bytes).toFixed(2).padStart(6)} B/B (${kb(m.keptHeap)}, ${(100 * m.keptHeap / m.documentHeap).toFixed(1)}% of the document's)`);
    }
    if (process.env.BENCH_PREVIEW_PARTS !== 'heap') await benchWebview(results);
}
