// Runs the bundled `plan` command as users do (node bin/plan.cjs), building the bundle first when it
// is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ensureBundle } from './bundles.js';
import { REPO_ROOT } from './plan.js';

const CLI_BUNDLE = path.join(REPO_ROOT, 'out', 'cli.cjs');

/** Generates the Langium sources and bundles the CLI when out/cli.cjs is missing or stale. */
export function ensureCliBuilt(): void {
    ensureBundle(CLI_BUNDLE);
}

export interface CliRun { status: number | null; stdout: string; stderr: string }

/** `node bin/plan.cjs ...args` in the repository root (or cwd). */
export function runCli(args: string[], cwd = REPO_ROOT): CliRun {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'plan.cjs'), ...args], { cwd, encoding: 'utf-8', timeout: 120_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
