// While the user types: diagnostics carry the version of the text they were computed on, a burst of
// changes ends with the diagnostics of the last text (never a stale build's after it), and a request
// asked right after a change answers from the text it was asked on (or says that text has changed
// since). No timings: the order of messages only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import {
    DidChangeTextDocumentNotification, HoverRequest, LSPErrorCodes, ResponseError, type Hover, type TextDocumentContentChangeEvent
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generatePlan } from '../bench/generate.js';
import { SEED_PLAN } from '../helpers/plan.js';
import { startClient, type TestClient } from './client.js';

let client: TestClient | undefined;
afterEach(async () => {
    await client?.stop();
    client = undefined;
});

/** An editor's copy of a document: each change sent with a range, as VS Code sends it. */
function editor(c: TestClient, uri: string, text: string) {
    let doc = TextDocument.create(uri, 'plan', 1, text);
    return {
        get text() { return doc.getText(); },
        get version() { return doc.version; },
        positionAt: (offset: number) => doc.positionAt(offset),
        /** Replaces [offset, end) with `insert`, sent without waiting for anything; the new version. */
        async insert(offset: number, insert: string, end = offset): Promise<number> {
            const change: TextDocumentContentChangeEvent = { range: { start: doc.positionAt(offset), end: doc.positionAt(end) }, text: insert };
            doc = TextDocument.update(doc, [change], doc.version + 1);
            await c.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
            return doc.version;
        }
    };
}

/** The households cell of the middle district's first year line (its offset), in a plan's first table. */
function householdsCell(text: string): number {
    const starts = [...text.matchAll(/^ {8}\d{4}: +(?=\d)/gm)].map(m => m.index + m[0].length).filter(o => o < text.indexOf('    total '));
    return starts[Math.floor(starts.length / 2)];
}

const messagesOf = (p: { diagnostics: { message: string; range: unknown }[] }) => p.diagnostics.map(d => `${JSON.stringify(d.range)} ${d.message}`).sort();

test('a burst of changes ends with the diagnostics of the last text, and no older version is published after a newer one', async () => {
    client = await startClient();
    const uri = pathToFileURL(path.resolve('typing-burst.plan')).toString();
    const plan = generatePlan(150).text;
    await client.open(uri, plan);
    await client.diagnosticsFor(uri, p => p.version === 1);
    const from = client.published.length;
    const doc = editor(client, uri, plan);
    const at = householdsCell(plan);
    // Ten keys with nothing awaited between them: each makes the row's rate and the total disagree differently.
    for (const key of '1234567890') await doc.insert(at + doc.text.length - plan.length, key);
    const last = await client.diagnosticsFor(uri, p => p.version === doc.version, from);

    const burst = client.published.slice(from).filter(p => p.uri === uri);
    expect(burst.every(p => p.version !== undefined)).toBe(true);
    const versions = burst.map(p => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(burst[burst.length - 1]).toBe(last);
    // What the last text gives when it is opened afresh: the same findings.
    const fresh = pathToFileURL(path.resolve('typing-burst-fresh.plan')).toString();
    await client.open(fresh, doc.text);
    const reference = await client.diagnosticsFor(fresh);
    expect(messagesOf(last)).toEqual(messagesOf(reference));
    expect(last.diagnostics.some(d => d.range.start.line === doc.positionAt(at).line)).toBe(true);
});

test('a hover asked right after a change, before its diagnostics, explains the changed text', async () => {
    client = await startClient();
    for (const [name, plan] of [['seed', fs.readFileSync(SEED_PLAN, 'utf8')], ['generated', generatePlan(200).text]]) {
        const uri = pathToFileURL(path.resolve(`typing-hover-${name}.plan`)).toString();
        await client.open(uri, plan);
        await client.diagnosticsFor(uri, p => p.version === 1);
        const doc = editor(client, uri, plan);
        const at = householdsCell(plan);
        const lineEnd = plan.indexOf('\n', at);
        const rate = doc.positionAt(plan.lastIndexOf(' ', lineEnd - 1) + 2);
        const printed = /^\S+/.exec(plan.slice(at))![0];
        // Rounds of two keys (a digit typed, then typed over) and a hover at once, nothing awaited
        // between rounds: the builds of earlier keys may be running when a hover comes.
        const asked: Promise<[string, Hover | null | 'content modified']>[] = [];
        for (const digit of '1234') {
            await doc.insert(at, digit, doc.text.slice(at, at + printed.length + 1) === printed + ' ' ? at : at + 1);
            await doc.insert(at, String(Number(digit) + 4), at + 1);
            const households = /^\S+/.exec(doc.text.slice(at))![0];
            asked.push(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: rate }).then(
                h => [households, h],
                (e: unknown) => {
                    if (e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified) return [households, 'content modified'];
                    throw e;
                }));
        }
        // Each hover explains the text it was asked on, or says that text is gone; the last one's text is still there.
        const answers = await Promise.all(asked);
        expect(answers[answers.length - 1][1]).not.toBe('content modified');
        for (const [households, hover] of answers) {
            expect(households).toMatch(new RegExp(`^[5-8]${printed.replace('.', '\\.')}$`));
            if (hover !== 'content modified') expect(JSON.stringify(hover?.contents ?? ''), name).toContain(households);
        }
    }
});
