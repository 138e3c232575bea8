// Builds the bundles (node esbuild.mjs) when the language server bundle is missing or older than the
// sources, so the LSP test talks to the server as it ships.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/plan.js';

const SERVER_BUNDLE = path.join(REPO_ROOT, 'extension', 'out', 'server.cjs');
const GENERATED = path.join(REPO_ROOT, 'language-server', 'src', 'generated', 'ast.ts');

function newestMtime(target: string): number {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    let newest = 0;
    for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
    return newest;
}

export function ensureServerBuilt(): void {
    if (!fs.existsSync(GENERATED) || fs.statSync(GENERATED).mtimeMs < newestMtime(path.join(REPO_ROOT, 'grammar'))) {
        execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'langium'), ['generate'], { cwd: REPO_ROOT, stdio: 'pipe' });
    }
    const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'language-server', 'src')), newestMtime(path.join(REPO_ROOT, 'esbuild.mjs')));
    if (!fs.existsSync(SERVER_BUNDLE) || fs.statSync(SERVER_BUNDLE).mtimeMs < sources) {
        execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
    }
}
