// A real LSP conversation with the built language server (extension/out/server.cjs --stdio), spoken
// with vscode-languageserver-protocol's own client side: no mocks. The server is started as the
// editor starts it, given the seed plan, asked for each feature, then shut down and must exit 0.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, CompletionRequest, DefinitionRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    DocumentFormattingRequest, ExitNotification, HoverRequest, InitializeRequest, InitializedNotification,
    PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter, createProtocolConnection,
    type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type Location, type LocationLink,
    type MarkupContent, type ProtocolConnection, type PublishDiagnosticsParams, type TextEdit
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO_ROOT, SEED_PLAN, rangeOfText } from '../helpers/plan.js';
import { ensureBundle } from '../helpers/bundles.js';

const SERVER = path.join(REPO_ROOT, 'extension', 'out', 'server.cjs');
const SEED_URI = pathToFileURL(SEED_PLAN).toString();
const SEED_TEXT = fs.readFileSync(SEED_PLAN, 'utf8');

let server: ChildProcessWithoutNullStreams;
let connection: ProtocolConnection;
let stderr = '';
let resolveExit: (code: number | null) => void = () => undefined;
const exited = new Promise<number | null>(resolve => { resolveExit = resolve; });
/** Every publishDiagnostics the server sent, oldest first. */
const published: PublishDiagnosticsParams[] = [];
const waiters: { uri: string; from: number; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];

/** The first diagnostics for the uri, published at or after the `from`-th publication, that `accept` takes. */
function diagnosticsFor(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, from = 0): Promise<PublishDiagnosticsParams> {
    const already = published.slice(from).find(p => p.uri === uri && accept(p));
    if (already) return Promise.resolve(already);
    return new Promise(resolve => waiters.push({ uri, from, accept, resolve }));
}

beforeAll(async () => {
    ensureBundle(path.join(REPO_ROOT, 'extension', 'out', 'server.cjs'));
    server = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
    server.stderr.on('data', chunk => { stderr += String(chunk); });
    server.on('exit', code => resolveExit(code));
    connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        published.push(params);
        for (const w of waiters.splice(0)) {
            if (w.uri === params.uri && w.accept(params)) w.resolve(params);
            else waiters.push(w);
        }
    });
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        initializationOptions: { locale: 'vi' },
        capabilities: {
            textDocument: {
                publishDiagnostics: { relatedInformation: true },
                completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
                hover: { contentFormat: ['markdown', 'plaintext'] },
                codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
            }
        }
    });
    expect(init.capabilities.completionProvider).toBeDefined();
    expect(init.capabilities.hoverProvider).toBeTruthy();
    expect(init.capabilities.documentFormattingProvider).toBeTruthy();
    expect(init.capabilities.renameProvider).toBeTruthy();
    expect(init.capabilities.inlayHintProvider).toBeTruthy();
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: SEED_URI, languageId: 'plan', version: 1, text: SEED_TEXT }
    });
}, 180_000);

afterAll(async () => {
    if (server.exitCode === null) server.kill();
});

describe('the built server over stdio', () => {
    let diagnostics: Diagnostic[] = [];

    test('publishes the seed plan\'s findings with codes and Vietnamese messages', async () => {
        diagnostics = (await diagnosticsFor(SEED_URI)).diagnostics;
        const codes = new Set(diagnostics.map(d => d.code));
        // The seed's solutions without a lead are infos (solution-without-lead), not missing-lead warnings.
        expect(codes).toEqual(new Set(['total-mismatch', 'wrong-direction', 'target-not-met', 'solution-without-lead', 'numbering-gap']));
        const total = diagnostics.find(d => d.code === 'total-mismatch')!;
        expect(total.message).toBe('Tổng cộng năm 2024, cột Hộ nghèo: in 2.954 nhưng tổng các dòng là 2.963 (chênh -9).');
        expect(total.range).toEqual(rangeOfText(SEED_TEXT, '2.954'));
        expect(total.data).toMatchObject({ code: 'total-mismatch', replacement: '2.963' });
        expect(diagnostics.find(d => d.code === 'numbering-gap')!.message).toContain('Đánh số không liên tục');
    });

    test('links each finding to its rule in the rules\' page shipped beside the server (codeDescription)', () => {
        for (const d of diagnostics) {
            const href = d.codeDescription?.href;
            expect(href, String(d.code)).toMatch(/^file:\/\/.*\/extension\/out\/RULES\.md#L\d+$/);
            const [file, line] = href!.split('#L');
            const lines = fs.readFileSync(new URL(file), 'utf-8').split('\n');
            // The line is the rule's heading, and its code follows it.
            expect(lines[Number(line) - 1], String(d.code)).toMatch(/^## /);
            expect(lines[Number(line) + 1], String(d.code)).toContain(`\`${String(d.code)}\``);
        }
    });

    test('hover on a printed rate shows how it is computed', async () => {
        const hover = await connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: SEED_URI }, position: rangeOfText(SEED_TEXT, '3,17').start
        });
        expect((hover?.contents as MarkupContent).value).toContain('946 / 29.822 × 100 = 3,172…% → 3,17');
    });

    test('hover on the misprinted total explains the rule in Vietnamese', async () => {
        const hover = await connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: SEED_URI }, position: rangeOfText(SEED_TEXT, '2.954').start
        });
        const value = (hover?.contents as MarkupContent).value;
        expect(value).toContain('Tổng các dòng (10)');
        expect(value).toContain('Dòng tổng (hoặc cộng từng phần) bằng tổng các dòng của nó');
    });

    test('go to definition from a lead reaches the agency declaration', async () => {
        const at = rangeOfText(SEED_TEXT, 'lead YT').start;
        const result = await connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: SEED_URI }, position: { line: at.line, character: at.character + 6 }
        });
        const first = (Array.isArray(result) ? result[0] : result) as Location | LocationLink;
        const range = 'targetSelectionRange' in first ? first.targetSelectionRange : first.range;
        const uri = 'targetUri' in first ? first.targetUri : first.uri;
        expect(uri).toBe(SEED_URI);
        const declared = rangeOfText(SEED_TEXT, 'agency YT ').start.line;
        expect(range).toEqual({ start: { line: declared, character: 7 }, end: { line: declared, character: 9 } });
    });

    test('the quick fix for the misprinted total puts the sum in its place', async () => {
        const total = diagnostics.find(d => d.code === 'total-mismatch')!;
        const actions = await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: SEED_URI }, range: total.range, context: { diagnostics: [total] }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(['Thay số in bằng tổng các dòng: 2.963']);
        expect(actions[0].edit!.changes![SEED_URI]).toEqual([{ range: total.range, newText: '2.963' }]);
    });

    test('formatting aligns the annex table and only touches whitespace', async () => {
        const edits = await connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri: SEED_URI }, options: { tabSize: 4, insertSpaces: true }
        }) as TextEdit[];
        const formatted = TextDocument.applyEdits(TextDocument.create(SEED_URI, 'plan', 1, SEED_TEXT), edits);
        expect(formatted.replace(/\s+/g, '')).toBe(SEED_TEXT.replace(/\s+/g, ''));
        expect(formatted).toContain('        2021: 407.045  10.368  2,55\n');
    });

    test('completion finds the health department from "so y te" typed without accents', async () => {
        // Type a new lead in task 1 of Annex 03: "lead so y te".
        const at = rangeOfText(SEED_TEXT, 'lead LDTBXH as "Sở Lao động – Thương binh và Xã hội" coordinate SO_NGANH_DIA_PHUONG\n        submit 2025', 0);
        const publishedBefore = published.length;
        const replaced = { start: { line: at.start.line, character: at.start.character + 5 }, end: { line: at.start.line, character: at.start.character + 11 } };
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: SEED_URI, version: 2 }, contentChanges: [{ range: replaced, text: 'so y te' }]
        });
        const cursor = { line: replaced.start.line, character: replaced.start.character + 'so y te'.length };
        const result = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: SEED_URI }, position: cursor });
        const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList).items;
        expect(items.map(i => i.label)).toEqual(['YT']);
        expect(items[0].detail).toBe('Sở Y tế');
        expect(items[0].textEdit).toEqual({ range: { start: replaced.start, end: cursor }, newText: 'YT' });
        // The changed text links "so", "y", "te" as unknown agencies: reported in Vietnamese, at the words.
        const after = await diagnosticsFor(SEED_URI, p => p.diagnostics.some(d => d.code === 'unknown-reference'), publishedBefore);
        const unknown = after.diagnostics.filter(d => d.code === 'unknown-reference');
        expect(unknown.map(d => d.message)).toContain('Không có cơ quan nào mang mã "so".');
    });

    test('plan.language en (workspace/didChangeConfiguration): findings are republished and hovers answered in English', async () => {
        const before = published.length;
        await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { plan: { language: 'en' } } });
        const english = await diagnosticsFor(SEED_URI, p => p.diagnostics.some(d => d.message === 'No agency is declared with the id "so".'), before);
        expect(english.diagnostics.find(d => d.code === 'numbering-gap')!.message).toContain('Numbering is not continuous');
        const hover = await connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: SEED_URI }, position: rangeOfText(SEED_TEXT, '2.954').start
        });
        expect((hover?.contents as MarkupContent).value).toContain('A total or subtotal equals the sum of its rows');
    });

    test('shutdown and exit end the process with code 0', async () => {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        const code = await exited;
        expect(code, stderr).toBe(0);
        connection.dispose();
    });
});
