// The plan files of a workspace folder that are not open in the editor are read by the server itself:
// a FIFO, an endless link (/dev/zero) or a file over the size limit named *.plan must not hang it or
// fill its memory, and a UTF-16 file is read as text, not as thousands of syntax errors.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node.js';
import { EXAMPLES_DIR } from '../helpers/plan.js';
import { startClient, type TestClient } from './client.js';

let client: TestClient | undefined;
const dirs: string[] = [];
afterEach(async () => {
    await client?.stop();
    client = undefined;
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const PLAN = 'plan ws "Workspace"\nagency YT "Sở Y tế" department\n';

test('special, huge and UTF-16 plan files in the workspace: the server starts, answers and reads what it can', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-ws-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'a.plan'), PLAN);
    execFileSync('mkfifo', [path.join(dir, 'fifo.plan')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.plan'));
    // Just over the 32 MB limit: a plan of comments.
    const huge = fs.openSync(path.join(dir, 'huge.plan'), 'w');
    fs.writeSync(huge, 'plan huge "Huge"\nagency BIG "Sở quá lớn" department\n');
    const line = Buffer.from('// ' + 'x'.repeat(1020) + '\n');
    for (let i = 0; i < 33 * 1024; i++) fs.writeSync(huge, line);
    fs.closeSync(huge);
    fs.writeFileSync(path.join(dir, 'utf16.plan'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('plan u16 "Kế hoạch UTF-16"\n', 'utf16le')]));

    client = await startClient({ workspaceFolder: dir });
    // Workspace files are indexed, not validated: what the server read shows in workspace symbols.
    const names = async (query: string) => JSON.stringify(await client!.connection.sendRequest(WorkspaceSymbolRequest.type, { query }));
    let found = '';
    for (let i = 0; i < 100 && !found.includes('YT'); i++) {
        found = await names('YT');
        if (!found.includes('YT')) await new Promise(r => setTimeout(r, 200));
    }
    expect(found).toContain('YT');
    expect(await names('u16')).toContain('u16');        // the UTF-16 plan, decoded by its BOM
    expect(await names('BIG')).not.toContain('BIG');     // the file over the limit, left out
}, 90_000);

test('a plan that is not open changes on disk: the open plans that are part of it are checked again (didChangeWatchedFiles)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-watch-'));
    dirs.push(dir);
    const province = path.join(dir, 'province.plan');
    const district = path.join(dir, 'phu-cu.plan');
    fs.copyFileSync(path.join(EXAMPLES_DIR, 'multi-file', 'province.plan'), province);
    fs.copyFileSync(path.join(EXAMPLES_DIR, 'multi-file', 'phu-cu.plan'), district);
    client = await startClient({ workspaceFolder: dir, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    const c = client;
    const districtUri = pathToFileURL(district).toString();
    await c.open(districtUri, fs.readFileSync(district, 'utf8'));
    const before = await c.diagnosticsFor(districtUri);
    expect(before.diagnostics.filter(d => d.code === 'unknown-reference')).toEqual([]);
    // The server asks to hear of plan files only, not of every file of the workspace.
    const watching = c.registrations.find(r => r.method === DidChangeWatchedFilesNotification.type.method);
    expect((watching?.registerOptions as { watchers: { globPattern: unknown }[] } | undefined)?.watchers).toEqual([{ globPattern: '**/*.plan' }]);
    // The province's health department is renamed on disk; the district plan still names YT.
    const from = c.published.length;
    fs.writeFileSync(province, fs.readFileSync(province, 'utf8').replace('agency YT "Sở Y tế"', 'agency SYT "Sở Y tế"'));
    await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(province).toString(), type: FileChangeType.Changed }] });
    const after = await c.diagnosticsFor(districtUri, p => p.diagnostics.some(d => d.code === 'unknown-reference'), from);
    expect(after.diagnostics.find(d => d.code === 'unknown-reference')!.message).toContain('"YT"');
}, 60_000);
