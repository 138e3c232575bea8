// The import's LSP commands with the built server, as Neovim or Emacs would call them
// (workspace/executeCommand plan.importTable / plan.importPlan): the server asks the client to apply
// the edit (workspace/applyEdit), says what it did or could not (window/showMessage), and the pasted
// table, once in the plan, is checked like any other (publishDiagnostics). The VS Code request
// plan/importClipboard returns the same edits without applying them. Bad input is an answer, never a
// crash: the server still answers afterwards and exits 0.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    ApplyWorkspaceEditRequest, DidChangeTextDocumentNotification, ExecuteCommandRequest, MessageType, ShowMessageNotification,
    type ApplyWorkspaceEditParams, type ShowMessageParams, type TextEdit
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ImportClipboardRequest, ImportCommands, type ImportClipboardResult, type ImportOutcome } from '../../common/protocol.js';
import { REPO_ROOT } from '../helpers/plan.js';
import { startClient, type TestClient } from './client.js';
import { PASTE_HTML, PASTE_PLAN, PASTE_ROWS, PASTE_TSV } from '../helpers/pasted-table.js';

const PLAN = PASTE_PLAN;
const TSV = PASTE_TSV;
const HTML = PASTE_HTML;
const ROWS = PASTE_ROWS;

let client: TestClient;
const applied: ApplyWorkspaceEditParams[] = [];
const messages: ShowMessageParams[] = [];
/** The editor's copy of each open document: edits the server asks for are applied here and sent back. */
const documents = new Map<string, TextDocument>();
let folder: string;

async function open(name: string, text: string): Promise<string> {
    const uri = pathToFileURL(path.join(folder, name)).toString();
    documents.set(uri, TextDocument.create(uri, 'plan', 1, text));
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    return uri;
}

/** Applies edits to the editor's copy and tells the server, as an editor does after workspace/applyEdit. */
async function edit(uri: string, edits: TextEdit[]): Promise<void> {
    const document = documents.get(uri)!;
    const text = TextDocument.applyEdits(document, edits);
    const next = TextDocument.create(uri, 'plan', document.version + 1, text);
    documents.set(uri, next);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: next.version }, contentChanges: [{ text }]
    });
}

function execute(command: string, args: object): Promise<ImportOutcome> {
    return client.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] }) as Promise<ImportOutcome>;
}

beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-import-lsp-'));
    client = await startClient({
        locale: 'en',
        settings: { plan: { language: 'en' } },
        configuration: true,
        capabilities: {
            workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, executeCommand: {} },
            window: { showDocument: { support: false } }
        }
    });
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, async params => {
        applied.push(params);
        for (const [uri, edits] of Object.entries(params.edit.changes ?? {})) await edit(uri, edits);
        // A new file, as an editor creates one: created empty (refused if it exists), then its text.
        for (const change of params.edit.documentChanges ?? []) {
            if ('kind' in change && change.kind === 'create') fs.writeFileSync(fileURLToPath(change.uri), '', { flag: 'wx' });
            else if ('textDocument' in change) {
                const file = fileURLToPath(change.textDocument.uri);
                const document = TextDocument.create(change.textDocument.uri, 'plan', 0, fs.readFileSync(file, 'utf8'));
                fs.writeFileSync(file, TextDocument.applyEdits(document, change.edits.filter((e): e is TextEdit => 'range' in e)));
            }
        }
        return { applied: true };
    });
    client.connection.onNotification(ShowMessageNotification.type, params => { messages.push(params); });
}, 180_000);

afterAll(async () => {
    expect(await client.stop()).toBe(0);
    fs.rmSync(folder, { recursive: true, force: true });
});

describe('plan.importTable through workspace/executeCommand', () => {
    test('the server advertises the commands', () => {
        expect(client.initializeResult.capabilities.executeCommandProvider?.commands).toEqual(
            expect.arrayContaining([ImportCommands.importTable, ImportCommands.importPlan]));
    });

    test('an Excel-like HTML table with its TSV: applied at the cursor, the new unit declared, the total off by 10 found', async () => {
        const uri = await open('html.plan', PLAN);
        const before = applied.length;
        const from = client.published.length;
        const end = documents.get(uri)!.positionAt(PLAN.length);
        const outcome = await execute(ImportCommands.importTable, { uri, position: end, html: HTML, text: TSV });
        expect(outcome.ok, outcome.message).toBe(true);
        expect(outcome.applied).toBe(true);
        expect(outcome.message).toMatch(/^Imported the table from the pasted data into html\.plan\./);
        expect(applied.length).toBe(before + 1);
        expect(applied[before].label).toBe(ImportCommands.importTable);
        const text = documents.get(uri)!.getText();
        expect(text.startsWith(PLAN.trimEnd())).toBe(true);
        expect(text).toMatch(/district HungYen "Thành phố Hưng Yên" thanh-pho/);
        expect(text).toMatch(/row 1 PhuCu/);
        expect(text).toMatch(/row 2 TienLu/);
        const published = await client.diagnosticsFor(uri, p => p.diagnostics.some(d => d.code === 'total-mismatch'), from);
        const errors = published.diagnostics.filter(d => d.severity === 1);
        expect(errors.map(d => d.code)).toEqual(['total-mismatch']);
        expect(errors[0].message).toMatch(/2\.098.*2\.088/);
        expect(messages.at(-1)?.type).toBe(outcome.problems.length > 0 ? MessageType.Warning : MessageType.Info);
        expect(messages.at(-1)?.message).toBe(outcome.message);
    });

    test('a TSV alone (no HTML): the same table, the same finding', async () => {
        const uri = await open('tsv.plan', PLAN);
        const from = client.published.length;
        const outcome = await execute(ImportCommands.importTable, { uri, text: TSV });
        expect(outcome.ok, outcome.message).toBe(true);
        expect(documents.get(uri)!.getText()).toMatch(/row 3 HungYen/);
        const published = await client.diagnosticsFor(uri, p => p.diagnostics.some(d => d.code === 'total-mismatch'), from);
        expect(published.diagnostics.filter(d => d.severity === 1).map(d => d.code)).toEqual(['total-mismatch']);
    });

    test('a .tsv file on the server\'s machine, and the same bytes sent in base64', async () => {
        const file = path.join(folder, 'bang.tsv');
        fs.writeFileSync(file, '\uFEFF' + TSV);
        const byPath = await execute(ImportCommands.importTable, { uri: await open('file.plan', PLAN), file, apply: false });
        expect(byPath.ok, byPath.message).toBe(true);
        expect(byPath.applied).toBeUndefined();
        const byData = await execute(ImportCommands.importTable, { uri: await open('data.plan', PLAN), data: fs.readFileSync(file).toString('base64'), name: 'bang.tsv', apply: false });
        expect(byData.edits).toEqual(byPath.edits);
        expect(byData.message).toMatch(/from bang\.tsv/);
    });

    test('a year no heading states is said as guessed; `years` decides it, and a malformed `years` is refused', async () => {
        const uri = await open('years.plan', PLAN);
        const guessed = await execute(ImportCommands.importTable, { uri, text: TSV, apply: false });
        expect(guessed.yearsGuessed).toEqual([{ year: 2024, kind: 'plan', heading: 'Tổng số hộ năm 2024' }]);
        const answered = await execute(ImportCommands.importTable, { uri, text: TSV, apply: false, years: { 2024: 'result' } });
        expect(answered.yearsGuessed).toBeUndefined();
        expect(answered.edits!.map(e => e.newText).join('')).toMatch(/years \{ 2024 result \}/);
        for (const years of [{ 2024: 'later' }, { 24: 'plan' }, ['plan']]) {
            const refused = await execute(ImportCommands.importTable, { uri, text: TSV, apply: false, years });
            expect(refused.ok).toBe(false);
            expect(refused.message).toMatch(/years/);
        }
    });

    test('plan/importClipboard returns the edits and applies nothing; a clipboard without a table is null', async () => {
        const uri = await open('request.plan', PLAN);
        const before = applied.length;
        const result = await client.connection.sendRequest<ImportClipboardResult>(ImportClipboardRequest, { uri, position: { line: 5, character: 0 }, html: HTML, text: TSV });
        expect(result?.ok).toBe(true);
        expect(result?.edits?.some(e => e.range.start.line === 5 && /row 1 PhuCu/.test(e.newText))).toBe(true);
        expect(applied.length).toBe(before);
        expect(documents.get(uri)!.getText()).toBe(PLAN);
        expect(await client.connection.sendRequest(ImportClipboardRequest, { uri, position: { line: 0, character: 0 }, text: 'just words' })).toBeNull();
    });
});

describe('office files', () => {
    const EXAMPLES = path.join(REPO_ROOT, 'examples', 'import');

    test('an Excel workbook on the server\'s machine: its table in the plan, its own slip found (1.810 printed, the rows add up to 1.800)', async () => {
        const uri = await open('xlsx.plan', 'plan tu_excel "Từ Excel"\nnumber-style vi\n');
        const from = client.published.length;
        const outcome = await execute(ImportCommands.importTable, { uri, file: path.join(EXAMPLES, '2-hai-tang-tieu-de.xlsx') });
        expect(outcome.ok, outcome.message).toBe(true);
        expect(outcome.message).toMatch(/from 2-hai-tang-tieu-de\.xlsx into xlsx\.plan/);
        const published = await client.diagnosticsFor(uri, p => p.diagnostics.some(d => d.code === 'total-mismatch'), from);
        expect(published.diagnostics.filter(d => d.code === 'total-mismatch').map(d => d.message).join('\n')).toMatch(/1\.810.*1\.800/);
    });

    test('a workbook of several sheets: the server names them to choose from, then imports the one chosen', async () => {
        const workbook = new ExcelJS.Workbook();
        for (const name of ['Huyện', 'Ghi chú']) workbook.addWorksheet(name).addRows(ROWS);
        const data = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
        const uri = await open('sheets.plan', PLAN);
        const asked = await execute(ImportCommands.importTable, { uri, data, name: 'hai-trang.xlsx', apply: false });
        expect(asked.ok).toBe(false);
        expect(asked.message).toMatch(/hai-trang\.xlsx has 2 tables; choose one with the argument sheet or table \(sheet "Huyện", sheet "Ghi chú"\)/);
        expect(asked.choices).toEqual([{ sheet: 'Huyện', label: 'Huyện' }, { sheet: 'Ghi chú', label: 'Ghi chú' }, { all: true, label: 'All tables (2)' }]);
        const chosen = await execute(ImportCommands.importTable, { uri, data, name: 'hai-trang.xlsx', sheet: 'Huyện', apply: false });
        expect(chosen.ok, chosen.message).toBe(true);
        expect(chosen.edits?.map(e => e.newText).join('')).toMatch(/row 3 HungYen/);
        const all = await execute(ImportCommands.importTable, { uri, data, name: 'hai-trang.xlsx', all: true, apply: false });
        expect(all.ok, all.message).toBe(true);
    });

    test('plan.importPlan: a new plan beside the Word document, created through the client, its slip found', async () => {
        // A Word document whose one table is the pasted one: its total off by 10.
        const docx = path.join(folder, 'bao-cao.docx');
        const table = new Table({ rows: ROWS.map(r => new TableRow({ children: r.map(c => new TableCell({ children: [new Paragraph(c)] })) })) });
        fs.writeFileSync(docx, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('PHỤ LỤC 01'), table] }] })));
        const outcome = await execute(ImportCommands.importPlan, { file: docx });
        expect(outcome.ok, outcome.message).toBe(true);
        const target = path.join(folder, 'bao-cao.plan');
        expect(outcome.target).toBe(pathToFileURL(target).toString());
        expect(outcome.message).toBe('Created the plan bao-cao.plan from bao-cao.docx.');
        const text = fs.readFileSync(target, 'utf8');
        expect(text).toBe(outcome.text);
        expect(text, 'the whole-plan import: a header, then the annex').toMatch(/^header \{[\s\S]*table phu_luc_01/m);
        const uri = pathToFileURL(target).toString();
        const from = client.published.length;
        await client.open(uri, text);
        const published = await client.diagnosticsFor(uri, () => true, from);
        expect(published.diagnostics.filter(d => d.severity === 1).map(d => d.code), text).toEqual(['total-mismatch']);
        // never over an existing file
        const again = await execute(ImportCommands.importPlan, { file: docx });
        expect(again.ok).toBe(false);
        expect(again.message).toMatch(/bao-cao\.plan already exists: it is not overwritten/);
        expect(fs.readFileSync(target, 'utf8')).toBe(text);
    });
});

describe('bad input is a clear message, never a crash', () => {
    test.each([
        ['text without a table', { text: 'một dòng chữ' }, /the pasted data holds no table/],
        ['no source at all', {}, /needs something to import: html, text, file/],
        ['a missing file', { file: '/nonexistent/bang.xlsx' }, /could not be read/],
        ['a file: URI of another machine', { file: 'file://may-chu/bang.xlsx' }, /argument file is not valid/],
        ['bytes without a name', { data: 'AAAA' }, /argument name is not valid/],
        ['not base64', { data: '%%%', name: 'x.csv' }, /argument data is not valid \(base64\)/],
        ['a corrupt workbook', { data: Buffer.from('PK\u0003\u0004 not a zip').toString('base64'), name: 'hong.xlsx' }, /hong\.xlsx/],
        ['a position of the wrong type', { text: TSV, position: 'end' }, /argument position is not valid/]
    ])('%s', async (_, args, message) => {
        const uri = await open('bad.plan', PLAN);
        const before = applied.length;
        const shown = messages.length;
        const outcome = await execute(ImportCommands.importTable, { uri, ...args });
        expect(outcome.ok).toBe(false);
        expect(outcome.message).toMatch(message);
        expect(applied.length).toBe(before);
        expect(messages.slice(shown).map(m => m.type)).toEqual([MessageType.Error]);
        expect(documents.get(uri)!.getText()).toBe(PLAN);
    });

    test('a command without arguments, and plan.importPlan without a file', async () => {
        const bare = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: ImportCommands.importTable }) as ImportOutcome;
        expect(bare.ok).toBe(false);
        expect(bare.message).toMatch(/argument uri is not valid/);
        const plan = await execute(ImportCommands.importPlan, { text: TSV });
        expect(plan.ok).toBe(false);
        expect(plan.message).toMatch(/needs something to import/);
    });
});
