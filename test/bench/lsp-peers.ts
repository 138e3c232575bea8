// The language server against yaml-language-server, as an editor drives both: the built server
// (extension/out/server.cjs --stdio) and yaml-language-server 1.25 (installed by this benchmark
// from the npm registry into a cache folder, never a project dependency) with the same district
// table written as YAML and checked against a JSON Schema. Over stdio, incremental changes with a
// range as VS Code sends them, on the seed plan, 700 and 7.000 districts × 8 years.
//   (a) one digit typed in a table cell → the diagnostics of that version
//   (b) 10 keys typed 30 ms apart → the diagnostics of the last version
//   (c) open → first diagnostics
//   (d) hover, completion and code actions asked right after a keystroke: time to answer, and
//       whether the answer was computed on the text it was asked on
// Each figure is a median over runs; each ratio is taken run by run (the two servers, or the seed
// and the larger plan, one after the other in the same run) and its median printed beside its goal.
// Run: npm run bench:lsp   (BENCH_LSP_SIZES=700 BENCH_LSP_RUNS=3 for a shorter run)
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    CodeActionRequest, CompletionRequest, ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification,
    HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter, type ClientCapabilities, type Diagnostic, type Hover, type ProtocolConnection,
    type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generatePlan } from './generate.js';

const YAML_LS_VERSION = '1.25.0';
const PEERS = path.join(os.tmpdir(), 'plan-bench-peers');
/** PLAN_LSP_SERVER=<file>: another build of the server (an older one, for a before/after). */
const SERVER_BUNDLE = path.resolve(process.env.PLAN_LSP_SERVER ?? 'extension/out/server.cjs');
const SEED = path.resolve('examples/hung-yen-giam-ngheo-2023-2025.plan');
const KEY_GAP_MS = 30;
const BURST_KEYS = '1234567890';

// ---------------------------------------------------------------- the peer

/** yaml-language-server's entry, installed into the cache folder if it is not there; or why it cannot be. */
function installYamlServer(): { entry: string } | { reason: string } {
    const entry = path.join(PEERS, 'node_modules', 'yaml-language-server', 'out', 'server', 'src', 'server.js');
    const manifest = path.join(PEERS, 'node_modules', 'yaml-language-server', 'package.json');
    const installed = fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
    if (installed === YAML_LS_VERSION && fs.existsSync(entry)) return { entry };
    fs.mkdirSync(PEERS, { recursive: true });
    // From the folder itself, so that the project's .npmrc and package.json play no part.
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', PEERS, `yaml-language-server@${YAML_LS_VERSION}`],
        { cwd: PEERS, encoding: 'utf8', timeout: 300_000 });
    if (run.error) return { reason: `npm could not be run (${run.error.message})` };
    if (run.status !== 0) return { reason: `npm install yaml-language-server@${YAML_LS_VERSION} failed: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ')}` };
    return fs.existsSync(entry) ? { entry } : { reason: `yaml-language-server ${YAML_LS_VERSION} was installed without ${entry}` };
}

// ---------------------------------------------------------------- the data

interface YearLine { year: number; households: string; poor: string; rate: string }
interface DistrictRows { id: string; years: YearLine[] }

/** The first table's district rows of a plan (`row N ID {` and its `YEAR: households poor rate` lines). */
function districtRows(plan: string): DistrictRows[] {
    const rows: DistrictRows[] = [];
    let current: DistrictRows | undefined;
    for (const line of plan.split('\n')) {
        const row = /^\s+row \S+ (\S+) \{/.exec(line);
        if (row) { current = { id: row[1], years: [] }; rows.push(current); continue; }
        if (/^\s+(total|\})/.test(line)) { current = undefined; continue; }
        const cells = /^\s+(\d{4}):\s+(\S+)\s+(\S+)\s+(\S+)\s*$/.exec(line);
        if (current && cells) current.years.push({ year: Number(cells[1]), households: cells[2], poor: cells[3], rate: cells[4] });
    }
    return rows;
}

/** A number written in the plan's vi style (29.822, 3,17) as JSON writes it. */
const plain = (vi: string) => vi.replace(/\./g, '').replace(',', '.');

/** The same table as YAML, one flow mapping per year line, as the plan has one line per year. */
function tableAsYaml(plan: string): string {
    const out = ['# Tỷ lệ hộ nghèo', 'table: bang_ho_ngheo', 'districts:'];
    for (const d of districtRows(plan)) {
        out.push(`  - id: ${d.id}`, '    years:');
        for (const y of d.years) out.push(`      - { year: ${y.year}, households: ${plain(y.households)}, poor: ${plain(y.poor)}, rate: ${plain(y.rate)} }`);
    }
    return out.join('\n') + '\n';
}

/** The JSON Schema the YAML is checked against: the fields a district's year needs, within ranges. */
const DISTRICT_SCHEMA = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Tỷ lệ hộ nghèo theo huyện',
    type: 'object',
    required: ['table', 'districts'],
    additionalProperties: false,
    properties: {
        table: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        districts: {
            type: 'array', minItems: 1,
            items: {
                type: 'object', required: ['id', 'years'], additionalProperties: false,
                properties: {
                    id: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
                    years: {
                        type: 'array', minItems: 1,
                        items: {
                            type: 'object', required: ['year', 'households', 'poor', 'rate'], additionalProperties: false,
                            properties: {
                                year: { type: 'integer', minimum: 2000, maximum: 2100 },
                                households: { type: 'integer', minimum: 0, maximum: 100000 },
                                poor: { type: 'integer', minimum: 0, maximum: 100000 },
                                rate: { type: 'number', minimum: 0, maximum: 100 }
                            }
                        }
                    }
                }
            }
        }
    }
};

interface Subject {
    label: string;
    plan: string;
    yaml: string;
}

// ---------------------------------------------------------------- a client

interface Server {
    name: string;
    connection: ProtocolConnection;
    child: ChildProcessWithoutNullStreams;
    /** Every publishDiagnostics, with the time it arrived. */
    published: { at: number; params: PublishDiagnosticsParams }[];
    /** Whether any publishDiagnostics carried a version. */
    sendsVersion: boolean;
    stderr: () => string;
}

const CAPABILITIES: ClientCapabilities = {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    textDocument: {
        synchronization: { didSave: false, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        // As VS Code announces it: descriptions are asked when an item is shown (completionItem/resolve).
        completion: { completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } } }
    }
};

async function startServer(name: string, entry: string, settings: Record<string, unknown>): Promise<Server> {
    const child = spawn(process.execPath, [...(process.env.BENCH_LSP_NODE_ARGS ?? '').split(' ').filter(Boolean), entry, '--stdio'], { stdio: 'pipe', cwd: os.tmpdir() });
    let stderr = '';
    child.stderr.on('data', chunk => { stderr = (stderr + String(chunk)).slice(-4000); });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server: Server = { name, connection, child, published: [], sendsVersion: false, stderr: () => stderr };
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        server.published.push({ at: performance.now(), params });
        if (params.version !== undefined) server.sendsVersion = true;
        for (const w of waiters.splice(0)) if (!w(params)) waiters.push(w);
    });
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => (item.section ? settings[item.section] ?? null : settings)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('telemetry/event', () => undefined);
    const waiters: ((p: PublishDiagnosticsParams) => boolean)[] = [];
    serverWaiters.set(server, waiters);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: CAPABILITIES });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    return server;
}

const serverWaiters = new Map<Server, ((p: PublishDiagnosticsParams) => boolean)[]>();

/**
 * The diagnostics of `uri` at `version`: by the version the server sends, or, from a server that
 * sends none (yaml-language-server debounces 200 ms and then checks the text it holds), the first
 * published after `after` (the time the last change was sent).
 */
function diagnosticsOf(server: Server, uri: string, version: number, after: number, timeoutMs = 120_000): Promise<{ at: number; params: PublishDiagnosticsParams }> {
    const matches = (p: PublishDiagnosticsParams) => p.uri === uri && (p.version !== undefined ? p.version === version : true);
    const already = server.published.find(e => e.at >= after && matches(e.params));
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${server.name}: no diagnostics for version ${version} of ${uri} in ${timeoutMs} ms\n${server.stderr()}`)), timeoutMs);
        serverWaiters.get(server)!.push(p => {
            if (!matches(p)) return false;
            clearTimeout(timer);
            resolve(server.published[server.published.length - 1]);
            return true;
        });
    });
}

async function stopServer(server: Server): Promise<void> {
    try {
        await Promise.race([server.connection.sendRequest(ShutdownRequest.type), new Promise(r => setTimeout(r, 5000))]);
        await server.connection.sendNotification(ExitNotification.type);
    } catch { /* gone already */ }
    server.connection.dispose();
    server.child.kill();
}

/** A document open in one server: the client's copy, changed as VS Code changes it (a range and its new text). */
class OpenDocument {
    text: TextDocument;

    constructor(readonly server: Server, readonly uri: string, languageId: string, content: string) {
        this.text = TextDocument.create(uri, languageId, 1, content);
    }

    get version(): number { return this.text.version; }

    async open(): Promise<void> {
        await this.server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: this.uri, languageId: this.text.languageId, version: 1, text: this.text.getText() }
        });
    }

    async close(): Promise<void> {
        await this.server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri } });
    }

    /** Replaces [from, to) with `insert`; the sent version. */
    async edit(from: number, to: number, insert: string): Promise<number> {
        const range = { start: this.text.positionAt(from), end: this.text.positionAt(to) };
        const version = this.text.version + 1;
        this.text = TextDocument.update(this.text, [{ range, text: insert }], version);
        await this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: this.uri, version }, contentChanges: [{ range, text: insert }]
        });
        return version;
    }
}

// ---------------------------------------------------------------- the measures

const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The offset of the households cell typed into: the middle district's middle year line. */
function plannedCell(text: string, kind: 'plan' | 'yaml'): { offset: number; line: number } {
    const pattern = kind === 'plan' ? /^ +\d{4}: +(?=\d)/gm : /households: (?=\d)/g;
    const starts: number[] = [];
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) starts.push(m.index + m[0].length);
    if (kind === 'plan') {
        // The district rows only, not the total row at the end.
        const total = text.indexOf('    total ');
        starts.splice(0, starts.length, ...starts.filter(s => total < 0 || s < total));
    }
    const offset = starts[Math.floor(starts.length / 2)];
    return { offset, line: text.slice(0, offset).split('\n').length - 1 };
}

const onLine = (diagnostics: Diagnostic[], line: number) => diagnostics.some(d => d.range.start.line <= line && d.range.end.line >= line);

interface EditTiming { ms: number; found: boolean }

/** One digit typed at the start of the cell, its diagnostics awaited; then removed again (not timed). */
async function oneEdit(doc: OpenDocument, kind: 'plan' | 'yaml'): Promise<EditTiming> {
    const cell = plannedCell(doc.text.getText(), kind);
    const sent = performance.now();
    const version = await doc.edit(cell.offset, cell.offset, '1');
    const got = await diagnosticsOf(doc.server, doc.uri, version, sent);
    const result = { ms: got.at - sent, found: onLine(got.params.diagnostics, cell.line) };
    const back = performance.now();
    await diagnosticsOf(doc.server, doc.uri, await doc.edit(cell.offset, cell.offset + 1, ''), back);
    return result;
}

/** Ten keys, 30 ms apart, in one cell: from the last key to the diagnostics of the last version. */
async function burst(doc: OpenDocument, kind: 'plan' | 'yaml'): Promise<EditTiming> {
    const cell = plannedCell(doc.text.getText(), kind);
    let version = doc.version;
    let last = 0;
    for (let k = 0; k < BURST_KEYS.length; k++) {
        if (k > 0) await new Promise(r => setTimeout(r, KEY_GAP_MS));
        last = performance.now();
        version = await doc.edit(cell.offset + k, cell.offset + k, BURST_KEYS[k]);
    }
    const got = await diagnosticsOf(doc.server, doc.uri, version, last);
    const result = { ms: got.at - last, found: onLine(got.params.diagnostics, cell.line) };
    const back = performance.now();
    await diagnosticsOf(doc.server, doc.uri, await doc.edit(cell.offset, cell.offset + BURST_KEYS.length, ''), back);
    return result;
}

/** Open → first diagnostics, under a new name each time (closed after). */
async function openTime(server: Server, name: string, languageId: string, text: string): Promise<number> {
    const doc = new OpenDocument(server, pathToFileURL(path.join(os.tmpdir(), 'plan-bench-open', name)).toString(), languageId, text);
    const sent = performance.now();
    await doc.open();
    const got = await diagnosticsOf(server, doc.uri, 1, sent);
    await doc.close();
    return got.at - sent;
}

type Feature = 'hover' | 'completion' | 'code actions';

interface FeatureTiming { ms: number; current: boolean | undefined }

/**
 * A digit typed in a cell, and right after it (before its diagnostics) a request on that line:
 * hover on the rate cell (its explanation names the households just typed), completion at the
 * district of the row (not checked beyond a non-empty answer), code actions on the rate cell with the
 * findings of that digit (the fix is the rate computed from the new text). Then the digit is removed.
 */
async function afterKeystroke(doc: OpenDocument, feature: Feature): Promise<FeatureTiming> {
    const text = doc.text.getText();
    const cell = plannedCell(text, 'plan');
    const lineEnd = text.indexOf('\n', cell.offset);
    const rateAt = text.lastIndexOf(' ', lineEnd - 1) + 1;
    const uri = doc.uri;
    // Code actions are asked with the findings the editor holds: those of this same digit, typed once before.
    let known: Diagnostic[] = [];
    if (feature === 'code actions') {
        const before = performance.now();
        const seen = await diagnosticsOf(doc.server, uri, await doc.edit(cell.offset, cell.offset, '1'), before);
        known = seen.params.diagnostics.filter(d => d.range.start.line === doc.text.positionAt(rateAt).line);
        const back = performance.now();
        await diagnosticsOf(doc.server, uri, await doc.edit(cell.offset, cell.offset + 1, ''), back);
    }
    const sent = performance.now();
    const version = await doc.edit(cell.offset, cell.offset, '1');
    const typed = doc.text.getText();
    const [households, poor, rate] = typed.slice(cell.offset, typed.indexOf('\n', cell.offset)).trim().split(/\s+/);
    const ratePosition = doc.text.positionAt(rateAt + 1);
    let current: boolean | undefined;
    if (feature === 'hover') {
        const hover: Hover | null = await doc.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: ratePosition });
        current = (hover ? JSON.stringify(hover.contents) : '').includes(households);
    } else if (feature === 'completion') {
        const rowStart = typed.lastIndexOf('    row ', cell.offset);
        const idAt = typed.indexOf(' ', rowStart + 8) + 1;
        const list = await doc.server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: doc.text.positionAt(idAt + 1) });
        const items = Array.isArray(list) ? list : list?.items ?? [];
        current = items.length > 0 ? undefined : false;
    } else {
        const range = { start: ratePosition, end: ratePosition };
        const actions = await doc.server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: known } });
        // The rate fix computes the rate from the cells of the text it is asked on: the typed households.
        const decimals = (rate.split(',')[1] ?? '').length;
        const computed = (Number(plain(poor)) / Number(plain(households)) * 100).toFixed(decimals).replace('.', ',');
        current = known.length === 0 ? undefined : JSON.stringify(actions ?? []).includes(`"newText":"${computed}"`);
    }
    const ms = performance.now() - sent;
    await diagnosticsOf(doc.server, uri, version, sent);
    const back = performance.now();
    await diagnosticsOf(doc.server, uri, await doc.edit(cell.offset, cell.offset + 1, ''), back);
    return { ms, current };
}

// ---------------------------------------------------------------- printing

const ms = (x: number) => x >= 1000 ? `${(x / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} s` : `${x.toLocaleString('vi-VN', { maximumFractionDigits: 0 })} ms`;
const ratio = (x: number) => `${x.toLocaleString('vi-VN', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}×`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');

interface Row { figure: string; plan: string; peer: string; ratio: string; goal: string; met: string }

function printTable(rows: Row[]): void {
    const heads: Row = { figure: 'figure', plan: 'this server', peer: 'yaml-ls', ratio: 'ratio (median of runs)', goal: 'goal', met: '' };
    const all = [heads, ...rows];
    const width = (k: keyof Row) => Math.max(...all.map(r => r[k].length));
    const keys: (keyof Row)[] = ['figure', 'plan', 'peer', 'ratio', 'goal', 'met'];
    for (const r of all) console.log('  ' + keys.map(k => r[k].padEnd(width(k))).join('  ').trimEnd());
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
    if (!fs.existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is not built: npm run build`);
    const peer = installYamlServer();
    const sizes = (process.env.BENCH_LSP_SIZES ?? '700,7000').split(',').map(Number);
    const runs = Number(process.env.BENCH_LSP_RUNS ?? 5);
    const seedPlan = fs.readFileSync(SEED, 'utf8');
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-lsp-'));
    const schemaFile = path.join(scratch, 'districts.schema.json');
    fs.writeFileSync(schemaFile, JSON.stringify(DISTRICT_SCHEMA, null, 2));
    const yamlSettings = {
        yaml: {
            validate: true, hover: true, completion: true, format: { enable: false },
            schemaStore: { enable: false }, schemas: { [pathToFileURL(schemaFile).toString()]: '*.yaml' }
        },
        http: { proxy: '', proxyStrictSSL: false },
        '[yaml]': {}, editor: {}, files: {}
    };
    console.log(`Language server against yaml-language-server ${YAML_LS_VERSION} (JSON Schema: ${Object.keys(DISTRICT_SCHEMA.properties).join(', ')}; households/poor 0..100.000, rate 0..100)`);
    console.log(`${runs} runs (3 at 7.000 districts); keys ${KEY_GAP_MS} ms apart; incremental changes with a range, as VS Code sends them.`);
    if ('reason' in peer) console.log(`yaml-language-server: not measured: ${peer.reason}`);

    const seedServer = await startServer('plan (seed)', SERVER_BUNDLE, {});
    const seedDoc = new OpenDocument(seedServer, pathToFileURL(path.join(scratch, 'seed.plan')).toString(), 'plan', seedPlan);
    let sent = performance.now();
    await seedDoc.open();
    await diagnosticsOf(seedServer, seedDoc.uri, 1, sent);
    await oneEdit(seedDoc, 'plan'); // warm-up

    const subjects: Subject[] = [{ label: 'seed', plan: seedPlan, yaml: tableAsYaml(seedPlan) }];
    for (const n of sizes) {
        const plan = generatePlan(n).text;
        subjects.push({ label: `${n.toLocaleString('vi-VN')} districts`, plan, yaml: tableAsYaml(plan) });
    }
    try {
        for (const subject of subjects) {
            const isSeed = subject.label === 'seed';
            const n = isSeed ? runs : subject.plan.length > 2_000_000 ? Math.min(3, runs) : runs;
            const planLines = subject.plan.split('\n').length - 1;
            const yamlLines = subject.yaml.split('\n').length - 1;
            console.log(`\n${subject.label}: plan ${planLines.toLocaleString('vi-VN')} lines, YAML ${yamlLines.toLocaleString('vi-VN')} lines, ${n} runs`);
            const planServer = isSeed ? seedServer : await startServer('plan', SERVER_BUNDLE, {});
            const yamlServer = 'entry' in peer ? await startServer('yaml-language-server', peer.entry, yamlSettings) : undefined;
            const planDoc = isSeed ? seedDoc : new OpenDocument(planServer, pathToFileURL(path.join(scratch, `bench-${subject.label.replace(/\D/g, '')}.plan`)).toString(), 'plan', subject.plan);
            const yamlDoc = yamlServer ? new OpenDocument(yamlServer, pathToFileURL(path.join(scratch, `bench-${subject.label.replace(/\D/g, '') || 'seed'}.yaml`)).toString(), 'yaml', subject.yaml) : undefined;
            if (!isSeed) { sent = performance.now(); await planDoc.open(); await diagnosticsOf(planServer, planDoc.uri, 1, sent); }
            if (yamlDoc) { sent = performance.now(); await yamlDoc.open(); await diagnosticsOf(yamlDoc.server, yamlDoc.uri, 1, sent); }
            // Warm-up: the first edit of a server pays for compiling its code paths.
            if (!isSeed) await oneEdit(planDoc, 'plan');
            if (yamlDoc) await oneEdit(yamlDoc, 'yaml');
            const s = { edit: [] as number[], seedEdit: [] as number[], yamlEdit: [] as number[], burst: [] as number[], yamlBurst: [] as number[], open: [] as number[], yamlOpen: [] as number[] };
            const r = { vsSeed: [] as number[], vsYaml: [] as number[], burstVsYaml: [] as number[], openVsYaml: [] as number[] };
            const features: Record<Feature, { ms: number[]; vsEdit: number[]; current: (boolean | undefined)[] }> = {
                hover: { ms: [], vsEdit: [], current: [] }, completion: { ms: [], vsEdit: [], current: [] }, 'code actions': { ms: [], vsEdit: [], current: [] }
            };
            const found = { plan: true, yaml: true };
            for (let run = 0; run < n; run++) {
                (globalThis as { gc?: () => void }).gc?.();
                const seedEdit = isSeed ? undefined : await oneEdit(seedDoc, 'plan');
                const edit = await oneEdit(planDoc, 'plan');
                found.plan &&= edit.found;
                s.edit.push(edit.ms);
                if (seedEdit) { s.seedEdit.push(seedEdit.ms); r.vsSeed.push(edit.ms / seedEdit.ms); }
                const yEdit = yamlDoc ? await oneEdit(yamlDoc, 'yaml') : undefined;
                if (yEdit) { s.yamlEdit.push(yEdit.ms); r.vsYaml.push(edit.ms / yEdit.ms); found.yaml &&= yEdit.found; }
                const b = await burst(planDoc, 'plan');
                s.burst.push(b.ms);
                const yb = yamlDoc ? await burst(yamlDoc, 'yaml') : undefined;
                if (yb) { s.yamlBurst.push(yb.ms); r.burstVsYaml.push(b.ms / yb.ms); }
                for (const feature of Object.keys(features) as Feature[]) {
                    const f = await afterKeystroke(planDoc, feature);
                    features[feature].ms.push(f.ms);
                    features[feature].vsEdit.push(f.ms / edit.ms);
                    features[feature].current.push(f.current);
                }
                const o = await openTime(planServer, `open-${run}.plan`, 'plan', subject.plan);
                s.open.push(o);
                if (yamlServer) {
                    const yo = await openTime(yamlServer, `open-${run}.yaml`, 'yaml', subject.yaml);
                    s.yamlOpen.push(yo);
                    r.openVsYaml.push(o / yo);
                }
            }
            const rows: Row[] = [];
            const peerCell = (xs: number[]) => (yamlDoc ? ms(median(xs)) : 'not measured');
            const vsYaml = (xs: number[], limit: number | undefined) => {
                if (!yamlDoc) return { ratio: '—', met: limit === undefined ? '' : 'not measured' };
                return { ratio: ratio(median(xs)), met: limit === undefined ? '' : verdict(median(xs) <= limit) };
            };
            const editGoal = vsYaml(r.vsYaml, 0.25);
            rows.push({ figure: 'one digit typed → its diagnostics', plan: ms(median(s.edit)), peer: peerCell(s.yamlEdit), ratio: editGoal.ratio, goal: '≤ 0,25× yaml-ls', met: editGoal.met });
            if (!isSeed) {
                const limit = subject.plan.length > 2_000_000 ? 5 : 3;
                rows.push({ figure: '  same, against the seed’s same edit', plan: ms(median(s.edit)), peer: `seed ${ms(median(s.seedEdit))}`, ratio: ratio(median(r.vsSeed)), goal: `≤ ${limit}× the seed`, met: verdict(median(r.vsSeed) <= limit) });
            }
            const burstGoal = vsYaml(r.burstVsYaml, isSeed ? undefined : 0.5);
            rows.push({ figure: '10 keys 30 ms apart → last diagnostics', plan: ms(median(s.burst)), peer: peerCell(s.yamlBurst), ratio: burstGoal.ratio, goal: isSeed ? '—' : '≤ 0,5× yaml-ls', met: burstGoal.met });
            const openGoal = vsYaml(r.openVsYaml, undefined);
            rows.push({ figure: 'open → first diagnostics', plan: ms(median(s.open)), peer: peerCell(s.yamlOpen), ratio: openGoal.ratio, goal: '—', met: '' });
            for (const [feature, f] of Object.entries(features)) {
                const checked = f.current.filter(c => c !== undefined);
                const against = checked.length === 0 ? 'answer not checked' : checked.every(Boolean) ? 'on the typed text' : `STALE in ${checked.filter(c => !c).length}/${checked.length}`;
                rows.push({ figure: `${feature} right after a keystroke`, plan: ms(median(f.ms)), peer: against, ratio: ratio(median(f.vsEdit)) + ' of the edit', goal: '≤ 1× the single edit', met: verdict(median(f.vsEdit) <= 1) });
            }
            printTable(rows);
            if (!found.plan) console.log('  note: the plan server\'s diagnostics of the edit had none on the edited line');
            if (yamlDoc && !found.yaml) console.log('  note: yaml-language-server reported nothing on the edited line: is the schema applied?');
            console.log(`  publishDiagnostics with a version: this server ${planServer.sendsVersion ? 'yes' : 'no (matched by arrival)'}${yamlServer ? `, yaml-ls ${yamlServer.sendsVersion ? 'yes' : 'no (it debounces 200 ms and checks the text it holds: its first publication after the last change is matched)'}` : ''}`);
            if (!isSeed) await stopServer(planServer);
            if (yamlServer) await stopServer(yamlServer);
        }
    } finally {
        await stopServer(seedServer);
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

main().then(() => process.exit(0), e => { console.error(e); process.exit(1); });
