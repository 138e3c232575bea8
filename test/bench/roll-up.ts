// Roll-up in the language server (issue 22): one keystroke in a district (commune) plan → the
// diagnostics of both files, the district's and its province's, at ~10 district plans (the pre-2025
// shape) and ~100 commune plans (a merged province). Over stdio against the built server
// (extension/out/server.cjs), a workspace folder of generated plans, the district plan open, the
// province not: each keystroke changes one figure of the district's row, by turns making it disagree
// with the province and agree again, and the time is until both files' findings say so.
// Medians over keystrokes; the ratio of the 100-plan workspace to the 10-plan one is taken keystroke by
// keystroke, alternating the two servers. Goal: the ratio stays near 1 (a keystroke re-checks the two
// plans concerned, not the 100 others; no file is read for it).
// Run: BENCH_ONLY=roll-up node test/bench/run.mjs   (after npm run build; BENCH_ROLL_UP_KEYS=10 for a shorter run)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import {
    createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification,
    InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js';

/** PLAN_LSP_SERVER=<file>: another build of the server (an older one, for a before/after). */
const SERVER_BUNDLE = path.resolve(process.env.PLAN_LSP_SERVER ?? 'extension/out/server.cjs');

/** The server over stdio with a workspace folder, and what it publishes. */
interface Client {
    connection: ProtocolConnection;
    published: PublishDiagnosticsParams[];
    diagnosticsFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, from: number, timeoutMs: number): Promise<PublishDiagnosticsParams>;
    open(uri: string, text: string): Promise<void>;
    stop(): Promise<void>;
}

async function startServer(folder: string): Promise<Client> {
    const server = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: 'pipe' });
    server.stderr.resume();
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published: PublishDiagnosticsParams[] = [];
    const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        published.push(params);
        for (const w of waiters.splice(0)) {
            if (w.uri === params.uri && w.accept(params)) w.resolve(params); else waiters.push(w);
        }
    });
    connection.listen();
    const uri = pathToFileURL(folder).toString();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    return {
        connection, published,
        diagnosticsFor: (u, accept, from, timeoutMs) => {
            const already = published.slice(from).find(p => p.uri === u && accept(p));
            if (already) return Promise.resolve(already);
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`no diagnostics for ${u} within ${timeoutMs} ms`)), timeoutMs);
                waiters.push({ uri: u, accept, resolve: p => { clearTimeout(timer); resolve(p); } });
            });
        },
        open: (u, text) => connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'plan', version: 1, text } }),
        async stop() {
            await connection.sendRequest(ShutdownRequest.type);
            await connection.sendNotification(ExitNotification.type);
            connection.dispose();
        }
    };
}

const SIZES = [10, 100];
const KEYS = Number(process.env.BENCH_ROLL_UP_KEYS ?? 30);
const YEARS = [2023, 2024, 2025];

const vi = (n: number) => n.toLocaleString('de-DE');
const rate = (poor: number, households: number) => (Math.round((poor / households) * 10_000) / 100).toFixed(2).replace('.', ',');

/** The figures of unit i in a year: households and poor. */
function figures(i: number, k: number): [number, number] {
    const households = 5_000 + 37 * i + 100 * k;
    return [households, 60 + (i % 50) - 10 * k];
}

/** A province plan with `units` units in one table (plans-per-unit) and one plan part of it per unit. */
function writeWorkspace(dir: string, units: number): void {
    const rows: string[] = [];
    const totals = YEARS.map(() => [0, 0]);
    for (let i = 1; i <= units; i++) {
        rows.push(`    row ${i} U${i} {`);
        YEARS.forEach((y, k) => {
            const [h, p] = figures(i, k);
            totals[k][0] += h;
            totals[k][1] += p;
            rows.push(`        ${y}: ${vi(h)} ${p} ${rate(p, h)}`);
        });
        rows.push('    }');
        const own = [
            `plan don_vi_${i} "Kế hoạch của đơn vị ${i}"`, 'part-of tinh', 'number-style vi', 'header { period 2023 to 2025 }',
            `table t "Bảng" {`, '    years { 2023 plan 2024 plan 2025 plan }', '    columns households poor poor-rate', `    row 1 U${i} {`,
            ...YEARS.map((y, k) => { const [h, p] = figures(i, k); return `        ${y}: ${vi(h)} ${p} ${rate(p, h)}`; }),
            '    }', '}', ''
        ];
        fs.writeFileSync(path.join(dir, `don-vi-${i}.plan`), own.join('\n'));
    }
    const province = [
        'plan tinh "Kế hoạch của tỉnh"', 'number-style vi', 'header { period 2023 to 2025 }',
        ...Array.from({ length: units }, (_, i) => `commune U${i + 1} "Đơn vị ${i + 1}" xa`),
        'table pl01 "Phụ lục 01" {', '    plans-per-unit', '    years { 2023 plan 2024 plan 2025 plan }', '    columns households poor poor-rate',
        ...rows, '    total "Toàn tỉnh" {', ...YEARS.map((y, k) => `        ${y}: ${vi(totals[k][0])} ${vi(totals[k][1])} ${rate(totals[k][1], totals[k][0])}`), '    }', '}', ''
    ];
    fs.writeFileSync(path.join(dir, 'province.plan'), province.join('\n'));
}

interface Session { client: Client; district: string; province: string; text: string; version: number; line: number; column: number; poor: string }

async function open(units: number): Promise<Session> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `plan-bench-roll-up-${units}-`));
    writeWorkspace(dir, units);
    const client = await startServer(dir);
    const district = pathToFileURL(path.join(dir, 'don-vi-1.plan')).toString();
    const province = pathToFileURL(path.join(dir, 'province.plan')).toString();
    const text = fs.readFileSync(path.join(dir, 'don-vi-1.plan'), 'utf8');
    await client.open(district, text);
    await client.diagnosticsFor(district, () => true, 0, 120_000);
    await client.diagnosticsFor(province, () => true, 0, 120_000);
    const lines = text.split('\n');
    const line = lines.findIndex(l => l.trimStart().startsWith('2024:'));
    const poor = lines[line].trim().split(/\s+/)[2];
    const column = lines[line].indexOf(` ${poor} `) + 1;
    return { client, district, province, text, version: 1, line, column, poor };
}

const mismatch = (p: PublishDiagnosticsParams) => p.diagnostics.some(d => d.code === 'roll-up-mismatch');

/** One keystroke: the 2024 poor figure replaced (by turns another figure, then the province's again); ms until both files say so. */
async function keystroke(s: Session, disagree: boolean): Promise<number> {
    const { client } = s;
    const from = client.published.length;
    const figure = disagree ? String(Number(s.poor) + 1) : s.poor;
    const current = disagree ? s.poor : String(Number(s.poor) + 1);
    s.version++;
    const started = performance.now();
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: s.district, version: s.version },
        contentChanges: [{ range: { start: { line: s.line, character: s.column }, end: { line: s.line, character: s.column + current.length } }, text: figure }]
    });
    await Promise.all([
        client.diagnosticsFor(s.district, p => mismatch(p) === disagree, from, 60_000),
        client.diagnosticsFor(s.province, p => mismatch(p) === disagree, from, 60_000)
    ]);
    return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
    const sessions = await Promise.all(SIZES.map(open));
    const times = SIZES.map(() => [] as number[]);
    const ratios: number[] = [];
    for (let k = 0; k < KEYS; k++) {
        const disagree = k % 2 === 0;
        const each = [];
        for (const [i, s] of sessions.entries()) {
            const ms = await keystroke(s, disagree);
            times[i].push(ms);
            each.push(ms);
        }
        ratios.push(each[1] / each[0]);
    }
    console.log(`roll-up: one keystroke in a district plan → diagnostics of the district and of its province (${KEYS} keystrokes, medians)`);
    SIZES.forEach((n, i) => console.log(`  ${String(n).padStart(3)} plans part of the province: ${median(times[i]).toFixed(1)} ms`));
    console.log(`  ratio ${SIZES[1]} / ${SIZES[0]} plans: ${median(ratios).toFixed(2)} (goal: ≤ 2)`);
    for (const s of sessions) await s.client.stop();
}

void main().catch((e: unknown) => { console.error(e); process.exit(1); });
