// Roll-up in the real server (issue 22): a disagreement between a district plan and its province is
// published on both files, and a change in either republishes the other's findings — a figure typed in
// the open district (patched in, the province not open), and a district changed on disk while only the
// province is open (didChangeWatchedFiles).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { EXAMPLES_DIR } from '../helpers/plan.js';
import { startClient, type TestClient } from './client.js';

let client: TestClient | undefined;
const dirs: string[] = [];
afterEach(async () => {
    await client?.stop();
    client = undefined;
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A copy of examples/province-with-districts in a fresh folder, and the URIs of its plans. */
function exampleFolder(): { dir: string; uri: (name: string) => string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-roll-up-'));
    dirs.push(dir);
    const from = path.join(EXAMPLES_DIR, 'province-with-districts');
    for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(dir, f));
    return { dir, uri: name => pathToFileURL(path.join(dir, name)).toString() };
}

const mismatch = (p: PublishDiagnosticsParams) => p.diagnostics.some(d => d.code === 'roll-up-mismatch');

test('a figure typed in a district plan: the province\'s findings are published again (it is not open)', async () => {
    const { dir, uri } = exampleFolder();
    client = await startClient({ workspaceFolder: dir });
    const c = client;
    const kimDong = uri('kim-dong.plan');
    const text = fs.readFileSync(path.join(dir, 'kim-dong.plan'), 'utf8');
    await c.open(kimDong, text);
    const district = await c.diagnosticsFor(kimDong, mismatch, 0, 60_000);
    const at = district.diagnostics.find(d => d.code === 'roll-up-mismatch')!;
    expect(at.relatedInformation?.[0].location.uri).toBe(uri('province.plan'));
    // The province, validated with the first build after the open, shows the same disagreement.
    await c.diagnosticsFor(uri('province.plan'), mismatch, 0, 60_000);

    // 410 → 409: the plans agree; the province's findings are published without the mismatch.
    const from = c.published.length;
    await c.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: kimDong, version: 2 },
        contentChanges: [{ range: { start: at.range.start, end: at.range.end }, text: '409' }]
    });
    const province = await c.diagnosticsFor(uri('province.plan'), p => !mismatch(p), from);
    expect(province.diagnostics.map(d => d.code)).toEqual(['roll-up-no-plan']);
    expect((await c.diagnosticsFor(kimDong, p => !mismatch(p), from)).diagnostics).toEqual([]);

    // 409 → 411: they disagree again, on both sides.
    const again = c.published.length;
    await c.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: kimDong, version: 3 },
        contentChanges: [{ range: { start: at.range.start, end: at.range.end }, text: '411' }]
    });
    const back = await c.diagnosticsFor(uri('province.plan'), mismatch, again);
    expect(back.diagnostics.find(d => d.code === 'roll-up-mismatch')!.message).toContain('411');
}, 120_000);

test('a district plan changed on disk while only the province is open: the province\'s findings follow', async () => {
    const { dir, uri } = exampleFolder();
    client = await startClient({ workspaceFolder: dir, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    const c = client;
    const provinceUri = uri('province.plan');
    await c.open(provinceUri, fs.readFileSync(path.join(dir, 'province.plan'), 'utf8'));
    await c.diagnosticsFor(provinceUri, mismatch, 0, 60_000);
    const from = c.published.length;
    const file = path.join(dir, 'kim-dong.plan');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('2024: 31.800 410', '2024: 31.800 409'));
    await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('kim-dong.plan'), type: FileChangeType.Changed }] });
    const after = await c.diagnosticsFor(provinceUri, p => !mismatch(p), from);
    expect(after.diagnostics.map(d => d.code)).toEqual(['roll-up-no-plan']);
}, 120_000);
