// Code actions as Neovim gets them (issue 20): the plain test client, no VS Code-only capability.
// For every finding code the rules can raise (ISSUES), plans that raise it — the examples and one
// small plan per code (test/helpers/rule-cases.ts) — are opened; the server is asked for the code
// actions of each finding, and every action must either carry a workspace edit that applies to the
// text as it is, or a command the server itself lists in executeCommandProvider.commands. The first
// finding of each code in each plan has each of its fixes applied and the text checked again: the
// fix must remove one finding of that code (it fixes what it says, not something beside it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, DidCloseTextDocumentNotification,
    type ClientCapabilities, type CodeAction, type Command, type Diagnostic, type TextEdit, type WorkspaceEdit
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ISSUES } from '../../common/findings.js';
import { EXAMPLES_DIR, planFilesUnder, REPO_ROOT } from '../helpers/plan.js';
import { CASES, inDimensions, SEVERAL_FILES_CODES } from '../helpers/rule-cases.js';
import { startClient, type TestClient } from './client.js';

/** What Neovim 0.10 declares for code actions: literals, kinds, preferred fixes; no command of its own. */
const NEOVIM_CODE_ACTIONS: ClientCapabilities = {
    textDocument: {
        codeAction: {
            dynamicRegistration: false, isPreferredSupport: true, dataSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
            resolveSupport: { properties: ['edit'] }
        }
    },
    workspace: { applyEdit: true, workspaceEdit: { resourceOperations: ['rename', 'create', 'delete'] } }
};

interface Plan { name: string; text: string }

/** The examples, then one plan per finding code, written as the rule catalogue writes it. */
function plans(): Plan[] {
    const examples = planFilesUnder(EXAMPLES_DIR).map(file => ({ name: path.relative(REPO_ROOT, file), text: fs.readFileSync(file, 'utf8') }));
    const cases = CASES.map(c => ({ name: `case ${c.code}`, text: (c.code === 'not-shown' ? c.fires : inDimensions(c.fires)).replace(/[«»]/g, '') }));
    return [...examples, ...cases];
}

let client: TestClient;
let commands: string[];
let opened = 0;

beforeAll(async () => {
    client = await startClient({ capabilities: NEOVIM_CODE_ACTIONS });
    commands = client.initializeResult.capabilities.executeCommandProvider?.commands ?? [];
}, 60_000);

afterAll(async () => {
    await client?.stop();
});

/** Opens a text under a new uri, waits for its findings, closes it again (each plan is alone in the server). */
async function findingsOf(text: string): Promise<{ uri: string; diagnostics: Diagnostic[]; close: () => Promise<void> }> {
    const uri = pathToFileURL(path.resolve(`code-actions-${opened++}.plan`)).toString();
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, p => p.version === 1);
    const close = () => client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return { uri, diagnostics, close };
}

/** A finding's code: a linking error's is `unknown-reference` (its data says Langium's `linking-error`). */
const codeOf = (d: Diagnostic) => String(d.code ?? (d.data as { code?: string } | undefined)?.code ?? '');

/** The edits of a workspace edit on one document, whether sent as `changes` or `documentChanges`. */
function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
    const changed = [
        ...Object.keys(edit.changes ?? {}),
        ...(edit.documentChanges ?? []).map(c => ('textDocument' in c ? c.textDocument.uri : `(${c.kind})`))
    ];
    expect(changed.filter(u => u !== uri)).toEqual([]);
    return [...(edit.changes?.[uri] ?? []), ...(edit.documentChanges ?? []).flatMap(c => ('edits' in c ? c.edits.filter((e): e is TextEdit => 'range' in e) : []))];
}

/**
 * The text after the edits, checked first to apply cleanly: each range inside the text (a line that
 * exists, a character on it) and no two edits overlapping, as a client requires.
 */
function applied(text: string, edits: TextEdit[]): string {
    const document = TextDocument.create('file:///check.plan', 'plan', 1, text);
    const lines = text.split(/\r\n|\r|\n/);
    const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    for (const e of edits) expect(inside(e.range.start) && inside(e.range.end), `edit range ${JSON.stringify(e.range)}`).toBe(true);
    const spans = edits.map(e => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0] >= spans[i - 1][1], 'overlapping edits').toBe(true);
    const after = TextDocument.applyEdits(document, edits);
    expect(after).not.toBe(text);
    return after;
}

const isCommand = (a: Command | CodeAction): a is Command => typeof (a as Command).command === 'string';

/** Every code raised, for the coverage check at the end. */
const raised = new Set<string>();
/** Each fix applied and checked, as "code: title" — what a reader of a failure needs. */
const checked: string[] = [];

describe('code actions in a client without VS Code commands', () => {
    for (const plan of plans()) {
        test(`${plan.name}: every action is an edit that applies or a command the server handles`, async () => {
            const { uri, diagnostics, close } = await findingsOf(plan.text);
            const firstOfCode = new Set<string>();
            for (const diagnostic of diagnostics) {
                const code = codeOf(diagnostic);
                raised.add(code);
                const actions = await client.connection.sendRequest(CodeActionRequest.type, {
                    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] }
                }) ?? [];
                const verify = !firstOfCode.has(code);
                firstOfCode.add(code);
                for (const action of actions) {
                    const command = isCommand(action) ? action.command : action.command?.command;
                    if (command !== undefined) expect(commands, `${code}: "${action.title}" sends ${command}`).toContain(command);
                    if (isCommand(action)) continue;
                    expect(action.edit ?? action.command, `${code}: "${action.title}" does nothing`).toBeDefined();
                    if (!action.edit) continue;
                    const after = applied(plan.text, editsOf(action.edit, uri));
                    if (!verify) continue;
                    const fixed = await findingsOf(after);
                    await fixed.close();
                    const count = (ds: Diagnostic[]) => ds.filter(d => codeOf(d) === code).length;
                    expect(count(fixed.diagnostics), `${plan.name}, ${code}: "${action.title}" leaves its finding`).toBeLessThan(count(diagnostics));
                    checked.push(`${code}: ${action.title}`);
                }
            }
            await close();
        }, 60_000);
    }

    test('the plans raise every code of the rules, and fixes of many codes were applied', () => {
        // Each plan is alone in the server: a code only two plans raise together (a plan part of another) is checked elsewhere.
        expect(Object.keys(ISSUES).filter(code => !raised.has(code) && !SEVERAL_FILES_CODES.includes(code))).toEqual([]);
        expect(new Set(checked.map(c => c.split(':')[0])).size).toBeGreaterThan(20);
    });
});
