// Starting VS Code for the extension-host suite (suite.ts) with @vscode/test-electron: a local VS Code
// given by VSCODE_EXECUTABLE_PATH, or one that @vscode/test-electron downloads, when there is network.
import { spawn, type ChildProcess } from 'node:child_process';
import dns from 'node:dns/promises';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = path.join(ROOT, '.e2e', 'vscode-test');   // git-ignored
const DOWNLOAD_HOST = 'update.code.visualstudio.com';
export const SKIP_REASON = 'SKIPPED: VS Code is not available (no VSCODE_EXECUTABLE_PATH and no network to download it)';

export type Availability = { mode: 'local'; executable: string } | { mode: 'download' } | { mode: 'unavailable'; why: string };

/** Quick: a DNS lookup and an HTTPS HEAD with short timeouts, so that an offline machine skips at once. */
export async function availability(): Promise<Availability> {
    const local = process.env.VSCODE_EXECUTABLE_PATH;
    if (local) {
        if (!fs.existsSync(local)) throw new Error(`VSCODE_EXECUTABLE_PATH=${local} does not exist`);
        return { mode: 'local', executable: local };
    }
    try {
        await withTimeout(dns.lookup(DOWNLOAD_HOST), 3000, `DNS lookup of ${DOWNLOAD_HOST}`);
        await withTimeout(new Promise<void>((resolve, reject) => {
            const req = https.request({ host: DOWNLOAD_HOST, path: '/api/releases/stable', method: 'HEAD', timeout: 5000 }, res => { res.resume(); resolve(); });
            req.on('error', reject).on('timeout', () => req.destroy(new Error('timeout')));
            req.end();
        }), 6000, `HTTPS to ${DOWNLOAD_HOST}`);
        return { mode: 'download' };
    } catch (e) {
        return { mode: 'unavailable', why: (e as Error).message };
    }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
    return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
}

/** Bundles suite.ts (vscode stays external: the extension host provides it). */
export async function bundleSuite(outfile: string): Promise<string> {
    await esbuild.build({
        entryPoints: [path.join(ROOT, 'test/vscode/suite.ts')], outfile, bundle: true, platform: 'node',
        target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning', sourcemap: 'inline'
    });
    return outfile;
}

export interface SuiteResult { name: string; ok: boolean; ms: number; error?: string }

/**
 * Runs the suite in VS Code with the extension under development (extension/, as built) on a copy of
 * examples/. Returns the per-test results; `downloadFailed` when @vscode/test-electron could not fetch VS Code.
 */
export async function runSuite(a: Exclude<Availability, { mode: 'unavailable' }>): Promise<{ exitCode: number; results: SuiteResult[] } | { downloadFailed: string }> {
    const { runTests, downloadAndUnzipVSCode, TestRunFailedError } = await import('@vscode/test-electron');
    fs.rmSync(path.join(WORK, 'run'), { recursive: true, force: true });
    const run = path.join(WORK, 'run');
    const workspace = path.join(run, 'workspace');
    fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    fs.mkdirSync(path.join(run, 'user-data/User'), { recursive: true });
    fs.writeFileSync(path.join(run, 'user-data/User/settings.json'), JSON.stringify({
        'plan.language': 'vi', 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false,
        'extensions.autoUpdate': false, 'update.mode': 'none', 'telemetry.telemetryLevel': 'off', 'git.enabled': false
    }));
    const suite = await bundleSuite(path.join(WORK, 'suite.cjs'));
    const resultsFile = path.join(run, 'results.json');

    let executable: string;
    if (a.mode === 'local') executable = a.executable;
    else {
        try {
            executable = await downloadAndUnzipVSCode({ cachePath: path.join(WORK, 'cache'), version: '1.100.3' });
        } catch (e) {
            return { downloadFailed: (e as Error).message };
        }
    }
    const display = await ensureDisplay();
    try {
        const exitCode = await runTests({
            vscodeExecutablePath: executable,
            extensionDevelopmentPath: path.join(ROOT, 'extension'),
            extensionTestsPath: suite,
            extensionTestsEnv: { PLAN_SUITE_RESULTS: resultsFile, ...(display.env ?? {}) },
            // runTests adds --no-sandbox, --disable-updates, --skip-welcome and --disable-workspace-trust itself
            launchArgs: [workspace, '--disable-extensions',
                '--user-data-dir', path.join(run, 'user-data'), '--extensions-dir', path.join(run, 'extensions')]
        }).catch((e: unknown) => e instanceof TestRunFailedError ? (e.code ?? 1) : Promise.reject(e));
        const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResult[] : [];
        return { exitCode, results };
    } finally {
        display.stop();
    }
}

/** Electron needs an X display on Linux: use $DISPLAY, else start Xvfb if it is installed. */
async function ensureDisplay(): Promise<{ env?: Record<string, string>; stop(): void }> {
    if (process.platform !== 'linux' || process.env.DISPLAY) return { stop() {} };
    const xvfb = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].find(p => fs.existsSync(p));
    if (!xvfb) throw new Error('VS Code needs a display on Linux: set DISPLAY, or install Xvfb (apt-get install xvfb)');
    const display = ':97';
    const child: ChildProcess = spawn(xvfb, [display, '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], { detached: true, stdio: 'ignore' });
    await new Promise(r => setTimeout(r, 1000));
    process.env.DISPLAY = display;   // runTests starts VS Code with this process's environment
    return { env: { DISPLAY: display }, stop() { try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ } delete process.env.DISPLAY; } };
}
