// Runs the bundled `plan` command as users do (node bin/plan.cjs), building the bundle first when it
// is missing or older than the sources.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './plan.js';

const CLI_BUNDLE = path.join(REPO_ROOT, 'out', 'cli.cjs');
const GENERATED = path.join(REPO_ROOT, 'language-server', 'src', 'generated', 'ast.ts');

function newestMtime(target: string): number {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    let newest = 0;
    for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
    return newest;
}

/** Generates the Langium sources and bundles the CLI when out/cli.cjs is missing or stale. */
export function ensureCliBuilt(): void {
    const grammar = path.join(REPO_ROOT, 'grammar');
    if (!fs.existsSync(GENERATED) || fs.statSync(GENERATED).mtimeMs < newestMtime(grammar)) {
        execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'langium'), ['generate'], { cwd: REPO_ROOT, stdio: 'pipe' });
    }
    const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'language-server', 'src')), newestMtime(path.join(REPO_ROOT, 'esbuild.mjs')));
    if (!fs.existsSync(CLI_BUNDLE) || fs.statSync(CLI_BUNDLE).mtimeMs < sources) {
        execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
    }
}

export interface CliRun { status: number | null; stdout: string; stderr: string }

/** `node bin/plan.cjs ...args` in the repository root (or cwd). */
export function runCli(args: string[], cwd = REPO_ROOT): CliRun {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'plan.cjs'), ...args], { cwd, encoding: 'utf-8', timeout: 120_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
