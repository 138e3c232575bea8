// A real VS Code for the end-to-end test, offline: code-server 4.100.3 (VS Code 1.100.3) installed from
// npm by setup-code-server.sh, the extension's .vsix installed into a fresh extensions folder, and
// Debian's Chromium driven by playwright-core as the user. Everything started here runs in its own
// process group and is killed by stop().
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const ROOT = path.resolve(HERE, '../..');
export const E2E = path.join(ROOT, '.e2e');                       // git-ignored
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(E2E, 'code-server');
export const SHOTS = path.join(ROOT, 'test-output', 'e2e');       // git-ignored
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ENTRY = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');

const t0 = Date.now();
export const log = (...a: unknown[]) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

/**
 * Runs a command to its end and returns its stdout (stderr passes through). Asynchronous on purpose:
 * a synchronous child blocks the vitest worker, whose reports to the runner then time out.
 */
function exec(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean } = {}): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', chunk => { out += String(chunk); if (options.echo) process.stdout.write(chunk); });
        child.on('error', reject);
        child.on('close', code => code === 0 ? resolve(out) : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}\n${out.slice(-2000)}`)));
    });
}

/** Installs code-server once (about 4 minutes on a fresh machine; a second call returns at once). */
export async function setupCodeServer(): Promise<void> {
    if (fs.existsSync(path.join(CODE_SERVER_DIR, '.ready'))) return;
    log('setting up code-server in', CODE_SERVER_DIR, '(apt + npm; a few minutes the first time)');
    await exec('bash', [path.join(HERE, 'setup-code-server.sh')], { env: { ...process.env, DIR: CODE_SERVER_DIR }, echo: true });
}

/** Builds the .vsix from the current build (scripts/package.mjs checks what goes in). */
export async function packageVsix(out: string): Promise<void> {
    await exec(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), '--out', out], { cwd: ROOT });
}

/** `code-server --install-extension`, the way a user installs the .vsix. */
export function installVsix(vsix: string, extensionsDir: string, env: NodeJS.ProcessEnv): Promise<string> {
    return exec(process.execPath, [ENTRY, '--extensions-dir', extensionsDir, '--install-extension', vsix], { env });
}

export interface Session {
    page: Page;
    context: BrowserContext;
    /** Requests the browser tried to send anywhere but the loopback (all refused). */
    blocked: string[];
    stop(): Promise<void>;
}

export interface StartOptions {
    run: string;               // fresh folder for this run: user data, HOME, logs, Chromium profile
    workspace: string;
    extensionsDir: string;
    settings: Record<string, unknown>;
    port?: number;
    env?: NodeJS.ProcessEnv;
}

/** HOME and XDG inside the run folder so that nothing is written to the real home. */
export function isolatedEnv(run: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
        ...process.env, HOME: path.join(run, 'home'), XDG_CONFIG_HOME: path.join(run, 'home/.config'),
        XDG_DATA_HOME: path.join(run, 'home/.local/share'), XDG_CACHE_HOME: path.join(run, 'home/.cache'),
        EXTENSIONS_GALLERY: '{}', ...extra   // empty gallery: no marketplace calls
    };
}

export async function start(o: StartOptions): Promise<Session> {
    const port = o.port ?? await freePort();
    fs.mkdirSync(path.join(o.run, 'data/User'), { recursive: true });
    fs.mkdirSync(path.join(o.run, 'home'), { recursive: true });
    fs.writeFileSync(path.join(o.run, 'data/User/settings.json'), JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'npm.fetchOnlinePackageInfo': false,
        'git.enabled': false,
        ...o.settings
    }, null, 2));
    const logFile = fs.openSync(path.join(o.run, 'server.log'), 'w');
    const server = spawn(process.execPath, [ENTRY,
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
        '--disable-getting-started-override', '--ignore-last-opened',
        '--user-data-dir', path.join(o.run, 'data'),
        '--extensions-dir', o.extensionsDir,
        '--config', path.join(o.run, 'config.yaml'),
        o.workspace
    ], { detached: true, stdio: ['ignore', logFile, logFile], env: isolatedEnv(o.run, o.env) });
    log('code-server pid', server.pid, 'port', port);
    const kill = killGroup(server);
    process.once('exit', () => kill('SIGKILL'));

    let context: BrowserContext | undefined;
    try {
        await waitPort(port, 60_000, server);
        context = await chromium.launchPersistentContext(path.join(o.run, 'chrome'), {
            executablePath: CHROMIUM,
            headless: true,
            viewport: { width: 1600, height: 1000 },
            acceptDownloads: false,
            env: isolatedEnv(o.run) as Record<string, string>,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']   // nothing but loopback resolves
        });
        const blocked: string[] = [];
        await context.route('**/*', r => {
            const u = new URL(r.request().url());
            if (['127.0.0.1', 'localhost'].includes(u.hostname) || ['data:', 'blob:'].includes(u.protocol)) return r.continue();
            blocked.push(u.href);
            return r.abort();
        });
        const page = context.pages()[0] ?? await context.newPage();
        page.on('pageerror', e => log('pageerror', e.message));
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(o.workspace)}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
        const ctx = context;
        return {
            page, context: ctx, blocked,
            async stop() {
                await ctx.close().catch(() => undefined);
                await stopGroup(server, kill);
            }
        };
    } catch (e) {
        await context?.close().catch(() => undefined);
        await stopGroup(server, kill);
        throw e;
    }
}

function killGroup(child: ChildProcess) {
    return (signal: NodeJS.Signals) => { try { process.kill(-child.pid!, signal); } catch { /* gone */ } };
}

async function stopGroup(child: ChildProcess, kill: (s: NodeJS.Signals) => void): Promise<void> {
    kill('SIGTERM');
    const alive = () => { try { process.kill(-child.pid!, 0); return true; } catch { return false; } };
    for (let i = 0; i < 50 && alive(); i++) await sleep(100);
    if (alive()) { kill('SIGKILL'); log('code-server process group needed SIGKILL'); }
    else log('code-server process group gone');
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); });
        s.on('error', reject);
    });
}

async function waitPort(port: number, ms: number, child: ChildProcess): Promise<void> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before listening (see server.log)`);
        const ok = await new Promise<boolean>(r => {
            const s = net.connect(port, '127.0.0.1', () => { s.end(); r(true); });
            s.on('error', () => r(false));
        });
        if (ok) return;
        await sleep(250);
    }
    throw new Error(`code-server did not listen on ${port} within ${ms / 1000}s`);
}

/** The content of the (last opened) webview: iframe.webview → iframe#active-frame. */
export function webview(page: Page): FrameLocator {
    return page.locator('iframe.webview').last().contentFrame().frameLocator('iframe#active-frame');
}

export const SUITE_RUNNER_COMMAND = 'Plan e2e: Run the extension-host suite';

/**
 * A helper extension whose command runs the @vscode/test-electron suite (test/vscode/suite.ts) inside
 * code-server's extension host and writes its results to `results`: the same suite as
 * `npm run test:vscode`, run here where no desktop VS Code can be downloaded. Returns its .vsix.
 */
export async function packageSuiteRunner(dir: string, suiteBundle: string, results: string): Promise<string> {
    fs.mkdirSync(dir, { recursive: true });
    // inside the runner's folder, so that the suite's require('vscode') gets this extension's API
    fs.copyFileSync(suiteBundle, path.join(dir, 'suite.cjs'));
    fs.writeFileSync(path.join(dir, 'README.md'), 'Runs the extension-host suite of the plan extension (end-to-end tests only).\n');
    fs.writeFileSync(path.join(dir, '.vscodeignore'), '*.vsix\n');
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
        name: 'suite-runner', publisher: 'plan-e2e', version: '0.0.1', engines: { vscode: '^1.100.0' },
        main: './runner.cjs', activationEvents: [],
        contributes: { commands: [{ command: 'planE2e.runSuite', title: SUITE_RUNNER_COMMAND.replace(/^Plan e2e: /, ''), category: 'Plan e2e' }] }
    }, null, 2));
    fs.writeFileSync(path.join(dir, 'runner.cjs'), `const vscode = require('vscode');
exports.activate = context => context.subscriptions.push(vscode.commands.registerCommand('planE2e.runSuite', async () => {
    process.env.PLAN_SUITE_RESULTS = ${JSON.stringify(results)};
    try { await require('./suite.cjs').run(); } catch (e) { console.error(String(e)); }
}));
`);
    const vsix = path.join(dir, '..', 'suite-runner.vsix');
    await exec(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies',
        '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: dir });
    return vsix;
}
