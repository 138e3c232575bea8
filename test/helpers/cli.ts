// Runs the bundled `plan` command as users do (node bin/plan.cjs), building the bundle first when it
// is missing or older than the sources.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBundle } from './bundles.js';
import { REPO_ROOT } from './plan.js';

const CLI_BUNDLE = path.join(REPO_ROOT, 'out', 'cli.cjs');

/** Generates the Langium sources and bundles the CLI when out/cli.cjs is missing or stale. */
export function ensureCliBuilt(): void {
    ensureBundle(CLI_BUNDLE);
}

export interface CliRun { status: number | null; stdout: string; stderr: string }

export interface CliRunOptions {
    /** Milliseconds before the run is killed (status null): a hang fails the test instead of stalling it. */
    timeout?: number;
    /** Prefix of the command line, e.g. setpriv … to run as another user. */
    wrapper?: string[];
}

/** `node bin/plan.cjs ...args` in the repository root (or cwd). */
export function runCli(args: string[], cwd = REPO_ROOT, options: CliRunOptions = {}): CliRun {
    const command = [...(options.wrapper ?? []), process.execPath, path.join(REPO_ROOT, 'bin', 'plan.cjs'), ...args];
    const result = spawnSync(command[0], command.slice(1), {
        cwd, encoding: 'utf-8', timeout: options.timeout ?? 120_000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SETPRIV = '/usr/bin/setpriv';
const NOBODY = 65534;

/**
 * How to run the CLI so that file permissions apply: as is when the tests do not run as root; as
 * the user nobody through setpriv when they do (root reads a chmod 000 folder); undefined when
 * neither works, and the caller skips.
 */
export function unprivilegedWrapper(): string[] | undefined {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) return [];
    if (!fs.existsSync(SETPRIV)) return undefined;
    const wrapper = [SETPRIV, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];
    const probe = spawnSync(wrapper[0], [...wrapper.slice(1), process.execPath, '-e', 'process.exit(process.getuid() === 0 ? 1 : 0)']);
    return probe.status === 0 ? wrapper : undefined;
}

/**
 * runCli without blocking the test worker while the command runs (vitest's worker must keep
 * answering its runner during long series of runs).
 */
export function runCliAsync(args: string[], cwd = REPO_ROOT, options: CliRunOptions = {}): Promise<CliRun> {
    const command = [...(options.wrapper ?? []), process.execPath, path.join(REPO_ROOT, 'bin', 'plan.cjs'), ...args];
    return new Promise((resolve, reject) => {
        const child = spawn(command[0], command.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => stdout.push(b));
        child.stderr.on('data', (b: Buffer) => stderr.push(b));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 120_000);
        child.on('error', reject);
        child.on('close', (status, signal) => {
            clearTimeout(timer);
            resolve({ status: signal ? null : status, stdout: Buffer.concat(stdout).toString('utf-8'), stderr: Buffer.concat(stderr).toString('utf-8') });
        });
    });
}
