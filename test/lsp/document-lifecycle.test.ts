// Findings of documents the editor no longer has: a closed untitled plan (the template before it was
// saved under a name), a file renamed or deleted, a file closed with its changes discarded. Each must
// leave the Problems panel (empty diagnostics for its uri), and the server must go on checking the other
// plans, in the language the settings say — a closed untitled plan once broke every later build.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import {
    DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidDeleteFilesNotification, DidRenameFilesNotification,
    type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js';
import { startClient, type TestClient } from './client.js';

let client: TestClient | undefined;
const dirs: string[] = [];
afterEach(async () => {
    await client?.stop();
    client = undefined;
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lifecycle-'));
    dirs.push(dir);
    return dir;
}

/** A plan whose task names an agency nobody declared: one error, whose message depends on the language. */
const planWith = (lead: string) => `plan moi "Kế hoạch mới"\nagency YT "Sở Y tế" department\ntasks "Nhiệm vụ" {\n    task 1 "Xây dựng đề án" {\n        lead ${lead}\n    }\n}\n`;
const UNKNOWN_EN = /No agency has the id "XX"|XX/;
const UNKNOWN_VI = 'Không có cơ quan nào mang mã "XX".';

const empty = (p: PublishDiagnosticsParams) => p.diagnostics.length === 0;
const errors = (p: PublishDiagnosticsParams) => p.diagnostics.filter(d => d.severity === 1).map(d => d.message);
const close = (uri: string) => client!.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });

test('the server tells the client which file operations it wants to hear about', async () => {
    client = await startClient();
    const ops = client.initializeResult.capabilities.workspace?.fileOperations;
    expect(ops?.didRename?.filters.map(f => f.pattern.glob)).toContain('**/*.plan');
    expect(ops?.didDelete?.filters.map(f => f.pattern.glob)).toContain('**/*.plan');
});

test('a closed untitled plan drops its findings; the plan saved from it is checked, in the language of the settings', async () => {
    const dir = tempDir();
    client = await startClient({ workspaceFolder: dir, configuration: true, settings: { plan: { language: 'en' } }, locale: 'en' });
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, planWith('XX'));
    const first = await client.diagnosticsFor(untitled, p => errors(p).length > 0);
    expect(errors(first).join('\n')).toMatch(UNKNOWN_EN);

    // Save as: VS Code closes the untitled document and opens the file it was saved to.
    const mark = client.published.length;
    await close(untitled);
    const file = path.join(dir, 'ke-hoach-moi.plan');
    fs.writeFileSync(file, planWith('XX'));
    const fileUri = pathToFileURL(file).toString();
    await client.open(fileUri, planWith('XX'));
    await client.diagnosticsFor(untitled, empty, mark);
    expect(errors(await client.diagnosticsFor(fileUri, p => errors(p).length > 0, mark)).join('\n')).toMatch(UNKNOWN_EN);

    // The language changes: the saved plan's findings follow; the untitled one stays gone.
    const beforeVi = client.published.length;
    await client.changeSettings({ plan: { language: 'vi' } });
    const vi = await client.diagnosticsFor(fileUri, p => errors(p).includes(UNKNOWN_VI), beforeVi);
    expect(errors(vi)).toContain(UNKNOWN_VI);
    await new Promise(r => setTimeout(r, 500));
    expect(client.published.slice(mark).filter(p => p.uri === untitled && !empty(p))).toEqual([]);
}, 60_000);

test('an untitled plan open while the language changes gets its findings in the new language', async () => {
    client = await startClient({ configuration: true, settings: { plan: { language: 'en' } }, locale: 'en' });
    const untitled = 'untitled:Untitled-2';
    await client.open(untitled, planWith('XX'));
    await client.diagnosticsFor(untitled, p => errors(p).length > 0);
    const mark = client.published.length;
    await client.changeSettings({ plan: { language: 'vi' } });
    expect(errors(await client.diagnosticsFor(untitled, p => errors(p).includes(UNKNOWN_VI), mark))).toContain(UNKNOWN_VI);
}, 60_000);

test('a plan renamed while open: the old name\'s findings go when its editor closes', async () => {
    const dir = tempDir();
    const oldFile = path.join(dir, 'cu.plan');
    const newFile = path.join(dir, 'moi.plan');
    fs.writeFileSync(oldFile, planWith('XX'));
    client = await startClient({ workspaceFolder: dir });
    const oldUri = pathToFileURL(oldFile).toString();
    const newUri = pathToFileURL(newFile).toString();
    await client.open(oldUri, planWith('XX'));
    await client.diagnosticsFor(oldUri, p => errors(p).length > 0);
    const mark = client.published.length;
    // What VS Code does: the file is renamed on disk, then the old editor closes and the new one opens.
    fs.renameSync(oldFile, newFile);
    await close(oldUri);
    await client.open(newUri, planWith('XX'));
    await client.diagnosticsFor(oldUri, empty, mark);
    expect(errors(await client.diagnosticsFor(newUri, p => errors(p).length > 0, mark)).length).toBe(1);
}, 60_000);

test('workspace/didRenameFiles and didDeleteFiles drop the findings of a plan that is not open', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.plan');
    const b = path.join(dir, 'b.plan');
    fs.writeFileSync(a, planWith('XX'));
    fs.writeFileSync(b, planWith('XX'));
    client = await startClient({ workspaceFolder: dir });
    const [aUri, bUri] = [a, b].map(f => pathToFileURL(f).toString());
    // Opened and closed unchanged: a file on disk keeps its findings (it is still part of the workspace).
    for (const uri of [aUri, bUri]) {
        await client.open(uri, planWith('XX'));
        await client.diagnosticsFor(uri, p => errors(p).length > 0);
        await close(uri);
    }
    await new Promise(r => setTimeout(r, 300));
    const mark = client.published.length;
    const renamed = path.join(dir, 'a-moi.plan');
    fs.renameSync(a, renamed);
    await client.connection.sendNotification(DidRenameFilesNotification.type, { files: [{ oldUri: aUri, newUri: pathToFileURL(renamed).toString() }] });
    await client.diagnosticsFor(aUri, empty, mark);
    fs.rmSync(b);
    await client.connection.sendNotification(DidDeleteFilesNotification.type, { files: [{ uri: bUri }] });
    await client.diagnosticsFor(bUri, empty, mark);
}, 60_000);

test('a file closed with its changes discarded is checked as it is on disk again', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.plan');
    fs.writeFileSync(file, planWith('YT'));
    client = await startClient({ workspaceFolder: dir });
    const uri = pathToFileURL(file).toString();
    await client.open(uri, planWith('YT'));
    await client.diagnosticsFor(uri, p => errors(p).length === 0);
    // An edit that is never saved brings an error…
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 }, contentChanges: [{ text: planWith('XX') }]
    });
    await client.diagnosticsFor(uri, p => errors(p).length > 0);
    // …and closing without saving takes it away.
    const mark = client.published.length;
    await close(uri);
    await client.diagnosticsFor(uri, p => errors(p).length === 0, mark);
}, 60_000);
