// The extension-host suite: runs inside VS Code (loaded as --extensionTestsPath by @vscode/test-electron,
// and also inside code-server by the end-to-end test) against the real extension and its server.
// A tiny runner instead of mocha: tests in order, each with a timeout, a line per result, and run()
// rejects when any failed, which makes VS Code exit with a failure status.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'plan-as-code.plan-as-code';
const SEED = 'hung-yen-giam-ngheo-2023-2025.plan';
/** What the export command is planned to take: the plan, and where and what to write without asking. */
export interface ExportArgs { formats: string[]; folder: vscode.Uri }

interface Result { name: string; ok: boolean; ms: number; error?: string }
type Test = { name: string; fn: () => Promise<void>; timeout: number };

const tests: Test[] = [];
const test = (name: string, fn: () => Promise<void>, timeout = 90_000) => { tests.push({ name, fn, timeout }); };

function assert(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
        const value = await probe();
        if (value) return value;
        if (Date.now() > end) throw new Error(`timed out after ${ms / 1000}s waiting for ${what}`);
        await new Promise(r => setTimeout(r, 200));
    }
}

const codeOf = (d: vscode.Diagnostic) => typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');

async function seedUri(): Promise<vscode.Uri> {
    const [uri] = await vscode.workspace.findFiles(`**/${SEED}`, '**/node_modules/**', 1);
    assert(uri, `the workspace has no ${SEED} (open a copy of examples/ as the workspace)`);
    return uri;
}

async function openSeed(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(await seedUri());
    return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

/** The command the extension contributes for `id`, or a failure that says it is missing. */
async function contributed(id: string | RegExp, what: string): Promise<string> {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert(extension, `the extension ${EXTENSION_ID} is not installed`);
    const commands: { command: string }[] = extension.packageJSON?.contributes?.commands ?? [];
    const found = commands.find(c => typeof id === 'string' ? c.command === id : id.test(c.command));
    assert(found, `the extension contributes no ${what} command (${id} is not in its package.json contributes.commands)`);
    await extension.activate();
    const registered = await vscode.commands.getCommands(true);
    assert(registered.includes(found.command), `${found.command} is contributed but not registered by the extension`);
    return found.command;
}

test('the seed plan gets its findings, with codes and Vietnamese messages', async () => {
    await vscode.workspace.getConfiguration('plan').update('language', 'vi', vscode.ConfigurationTarget.Global);
    const editor = await openSeed();
    assert(editor.document.languageId === 'plan', `language of ${SEED} is "${editor.document.languageId}", not "plan"`);
    const diagnostics = await until('the total-mismatch finding on the seed plan', () => {
        const all = vscode.languages.getDiagnostics(editor.document.uri);
        return all.some(d => codeOf(d) === 'total-mismatch') && all.some(d => codeOf(d) === 'numbering-gap') ? all : undefined;
    });
    const codes = new Set(diagnostics.map(codeOf));
    for (const code of ['total-mismatch', 'wrong-direction', 'numbering-gap']) assert(codes.has(code), `no ${code} among ${[...codes].join(', ')}`);
    const total = diagnostics.find(d => codeOf(d) === 'total-mismatch')!;
    assert(total.severity === vscode.DiagnosticSeverity.Error, 'total-mismatch is not an error');
    // The total row of Annex 01 (the line that prints 2.954), wherever the example puts it.
    const lines = editor.document.getText().split('\n');
    const totalRow = lines.findIndex(l => l.includes('total "Tổng cộng"'));
    const totalLine = lines.findIndex((l, i) => i >= totalRow && l.includes('2.954'));
    assert(totalLine >= 0, 'the seed has no total row printing 2.954');
    assert(total.range.start.line === totalLine, `total-mismatch at line ${total.range.start.line + 1}, expected ${totalLine + 1}`);
    assert(total.message.includes('Tổng cộng năm 2024, cột Hộ nghèo: in 2.954 nhưng tổng các dòng là 2.963'),
        `total-mismatch message is not the Vietnamese one: ${total.message}`);
    const direction = diagnostics.find(d => codeOf(d) === 'wrong-direction')!;
    assert(/đi ngược hướng/.test(direction.message), `wrong-direction message is not Vietnamese: ${direction.message}`);
    const gap = diagnostics.find(d => codeOf(d) === 'numbering-gap')!;
    assert(/Đánh số không liên tục/.test(gap.message), `numbering-gap message is not Vietnamese: ${gap.message}`);
});

test('planPreview.openToSide opens the preview in a webview tab beside the plan', async () => {
    const command = await contributed('planPreview.openToSide', 'preview');
    await openSeed();
    await vscode.commands.executeCommand(command);
    const tab = await until('a preview tab', () => vscode.window.tabGroups.all.flatMap(g => g.tabs)
        .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('planPreview')), 30_000);
    assert(tab.label.includes(SEED.replace(/\.plan$/, '')), `the preview tab is titled "${tab.label}", not after the plan`);
    assert(/Preview|Xem trước/.test(tab.label), `the preview tab title "${tab.label}" does not say it is a preview`);
    assert(tab.group.viewColumn !== vscode.ViewColumn.One, 'the preview opened in the plan\'s own column, not beside it');
});

test('the export command writes DOCX and XLSX into a folder', async () => {
    const command = await contributed(/(^|\.)export/i, 'export');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-export-'));
    try {
        const args: ExportArgs = { formats: ['docx', 'xlsx'], folder: vscode.Uri.file(folder) };
        await vscode.commands.executeCommand(command, await seedUri(), args);
        const files = await until('the exported files', () => {
            const names = fs.readdirSync(folder);
            return names.some(n => n.endsWith('.docx')) && names.some(n => n.endsWith('.xlsx')) ? names : undefined;
        }, 30_000);
        for (const name of files.filter(n => /\.(docx|xlsx)$/.test(n))) {
            const head = fs.readFileSync(path.join(folder, name)).subarray(0, 2).toString('latin1');
            assert(head === 'PK' && fs.statSync(path.join(folder, name)).size > 2000, `${name} is not an Office file`);
        }
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
});

test('plan.newPlan with the answers writes the template under the given name; the server finds no error in it', async () => {
    const command = await contributed('plan.newPlan', 'new plan');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-new-'));
    try {
        const target = vscode.Uri.file(path.join(folder, 'ke-hoach-giam-ngheo-hung-yen-2026-2030.plan'));
        const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(command,
            { province: 'Hưng Yên', period: '2026-2030', units: 'Phù Cừ, Tiên Lữ, thị xã Mỹ Hào', uri: target });
        assert(uri?.toString() === target.toString(), `plan.newPlan returned ${uri?.toString()}, not ${target.toString()}`);
        const text = fs.readFileSync(target.fsPath, 'utf8');
        assert(text.includes('district MyHao "Mỹ Hào" thi-xa full-name "Thị xã Mỹ Hào"'), 'the template lacks the districts answered');
        assert(vscode.window.activeTextEditor?.document.uri.toString() === target.toString(), 'the new plan is not the active editor');
        // The template has no finding at all; to see that the server did check it, one unknown agency
        // is brought in (unsaved): it must then be the plan's only error.
        const editor = vscode.window.activeTextEditor!;
        const at = editor.document.getText().indexOf('coordinate UBND_HUYEN');
        assert(at >= 0, 'the template has no "coordinate UBND_HUYEN"');
        const range = new vscode.Range(editor.document.positionAt(at + 'coordinate '.length), editor.document.positionAt(at + 'coordinate UBND_HUYEN'.length));
        await editor.edit(e => e.replace(range, 'KHONG_CO'));
        const diagnostics = await until('the unknown agency to be reported', () => {
            const all = vscode.languages.getDiagnostics(target);
            return all.some(d => codeOf(d) === 'unknown-reference') ? all : undefined;
        });
        const errors = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error).map(d => `${codeOf(d)}: ${d.message}`);
        assert(errors.length === 1, `errors in the new plan besides the unknown agency: ${errors.join('; ')}`);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        fs.rmSync(folder, { recursive: true, force: true });
    }
});

export async function run(): Promise<void> {
    const results: Result[] = [];
    for (const t of tests) {
        const started = Date.now();
        let timer: NodeJS.Timeout | undefined;
        try {
            await Promise.race([t.fn(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${t.timeout / 1000}s`)), t.timeout); })]);
            results.push({ name: t.name, ok: true, ms: Date.now() - started });
        } catch (e) {
            results.push({ name: t.name, ok: false, ms: Date.now() - started, error: (e as Error)?.message ?? String(e) });
        } finally {
            clearTimeout(timer);
        }
        const r = results[results.length - 1];
        console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${r.ms} ms)${r.error ? `\n     ${r.error}` : ''}`);
    }
    // Whoever started VS Code (the vitest wrapper, the e2e) reads the results from this file.
    if (process.env.PLAN_SUITE_RESULTS) fs.writeFileSync(process.env.PLAN_SUITE_RESULTS, JSON.stringify(results, null, 2));
    const failed = results.filter(r => !r.ok);
    if (failed.length) throw new Error(`${failed.length} of ${results.length} extension-host tests failed: ${failed.map(f => f.name).join('; ')}`);
}
