// Builds the bundles (langium generate, node esbuild.mjs) when one is missing or older than the
// sources, so tests that spawn the CLI or the server run them as they ship, never stale.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './plan.js';

const GENERATED = path.join(REPO_ROOT, 'language-server', 'src', 'generated', 'ast.ts');

function newestMtime(target: string): number {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    let newest = 0;
    for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
    return newest;
}

/** Makes sure `bundle` (a path below the repository) is built from the current sources. */
export function ensureBundle(bundle: string): void {
    if (!fs.existsSync(GENERATED) || fs.statSync(GENERATED).mtimeMs < newestMtime(path.join(REPO_ROOT, 'grammar'))) {
        execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'langium'), ['generate'], { cwd: REPO_ROOT, stdio: 'pipe' });
    }
    // common/ is bundled too (words, findings, protocol): a change there alone must rebuild.
    const sources = Math.max(newestMtime(path.join(REPO_ROOT, 'language-server', 'src')), newestMtime(path.join(REPO_ROOT, 'common')),
        newestMtime(path.join(REPO_ROOT, 'esbuild.mjs')));
    if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < sources) {
        execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
    }
}
