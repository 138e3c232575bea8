// Runs the extension-host suite (suite.ts) in VS Code through @vscode/test-electron. Without a local VS
// Code (VSCODE_EXECUTABLE_PATH) and without network to download one, the test is reported as SKIPPED
// with the reason in its name — never as passed.
import { expect, it } from 'vitest';
import { SKIP_REASON, availability, runSuite } from './launch.js';

const found = await availability();   // decided before collecting, so that vitest counts the file as skipped
if (found.mode === 'unavailable') console.log(`${SKIP_REASON} [${found.why}]`);
const name = 'extension-host suite in VS Code (diagnostics, preview, export)';

it.skipIf(found.mode === 'unavailable')(found.mode === 'unavailable' ? `${name} — ${SKIP_REASON}` : name, async ctx => {
    if (found.mode === 'unavailable') return;
    console.log(found.mode === 'local' ? `VS Code: ${found.executable}` : 'VS Code: downloading 1.100.3 with @vscode/test-electron');
    const outcome = await runSuite(found);
    if ('downloadFailed' in outcome) {
        console.log(`${SKIP_REASON} [download failed: ${outcome.downloadFailed}]`);
        ctx.skip(SKIP_REASON);
        return;
    }
    for (const r of outcome.results) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.name}${r.error ? ` — ${r.error}` : ''}`);
    expect(outcome.results.filter(r => !r.ok).map(r => `${r.name}: ${r.error}`)).toEqual([]);
    expect(outcome.results.length, 'the suite reported its results').toBeGreaterThan(0);
    expect(outcome.exitCode, 'VS Code exit code').toBe(0);
});
