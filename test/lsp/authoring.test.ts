// A newcomer types into a plan (issue 12): the real server over stdio gets each keystroke as a
// didChange, as an editor sends it, and is then asked for the findings and their fixes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CodeActionRequest, DidChangeTextDocumentNotification, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient, type TestClient } from './client.js';

let client: TestClient;

beforeAll(async () => {
    client = await startClient({ initializationOptions: { locale: 'vi' } });
});

afterAll(async () => {
    await client.stop();
});

const START = `plan ke_hoach_moi "Kế hoạch giảm nghèo năm 2026" number-style vi
agency LD "Sở Lao động - Thương binh và Xã hội" department
district A "Huyện A" huyen
dimension viec_lam "Việc làm" {
}
table t1 "TỶ LỆ HỘ NGHÈO" {
    years { 2026 plan }
    columns households poor poor-rate
    row 1 A { 2026: 30.000 900 3,00 }
}
`;

let documents = 0;

/**
 * Opens a new document with `text` and types `typed` after `after`, one character per didChange.
 * Langium publishes without a version: the findings of the final text are the last ones published
 * once `until` holds and the server has been quiet for a moment.
 */
async function typeInto(text: string, after: string, typed: string, until: (ds: Diagnostic[]) => boolean): Promise<{ uri: string; document: TextDocument; diagnostics: Diagnostic[] }> {
    const uri = `untitled:authoring-${++documents}.plan`;
    let document = TextDocument.create(uri, 'plan', 1, text);
    await client.open(uri, text);
    let at = document.positionAt(text.indexOf(after) + after.length);
    const from = client.published.length;
    for (const ch of typed) {
        const change = { range: { start: at, end: at }, text: ch };
        document = TextDocument.update(document, [change], document.version + 1);
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [change] });
        at = ch === '\n' ? { line: at.line + 1, character: 0 } : { line: at.line, character: at.character + 1 };
    }
    await client.diagnosticsFor(uri, p => until(p.diagnostics), from, 30_000);
    let count = -1;
    while (count !== client.published.length) {
        count = client.published.length;
        await new Promise(resolve => setTimeout(resolve, 400));
    }
    const last = client.published.filter(p => p.uri === uri).at(-1)!;
    return { uri, document, diagnostics: last.diagnostics };
}

async function fixesFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
}

function apply(document: TextDocument, action: CodeAction): string {
    return TextDocument.applyEdits(document, action.edit!.changes![document.uri] as TextEdit[]);
}

describe('typing a plan from zero, over stdio', () => {
    test('a target sentence typed outside its quotes: one finding, in Vietnamese, with the quoting fix', async () => {
        const { uri, document, diagnostics } = await typeInto(START, 'dimension viec_lam "Việc làm" {',
            '\n    indicator ld "Tỷ lệ lao động có việc làm" { unit percent lead LD baseline 2025 = 60 plan 2026 = 65 }\n}\ntarget mt { indicator ld year 2026 at-least 65 text Đạt ít nhất 65% }', ds => ds.some(d => d.message.includes('ngoặc kép')));
        const syntax = diagnostics.filter(d => d.code === 'syntax-error');
        expect(syntax).toHaveLength(1);
        expect(syntax[0].message).toMatch(/dấu ngoặc kép/);
        const [quote] = await fixesFor(uri, syntax[0]);
        expect(apply(document, quote)).toContain('text "Đạt ít nhất 65%" }');
    });

    test('a misspelled keyword: "did you mean", the fix, and no missing lead that only the mistake caused', async () => {
        const { uri, document, diagnostics } = await typeInto(START, 'dimension viec_lam "Việc làm" {',
            '\n    indicator ld "Tỷ lệ lao động có việc làm" {\n        unit percent\n        drection higher\n        lead LD\n    }', ds => ds.some(d => d.message.includes('`direction`')));
        expect(diagnostics.map(d => d.code)).toEqual(['syntax-error']);
        expect(diagnostics[0].message).toContain('`direction`');
        const [fix] = await fixesFor(uri, diagnostics[0]);
        expect(apply(document, fix)).toContain('        direction higher\n');
    });

    test('a count typed the international way in a vi plan: its thousands reading is the fix, never 28,7 households', async () => {
        const { uri, document, diagnostics } = await typeInto(START, '    row 1 A { 2026: 30.000 900 3,00 }', '\n    row 2 A { 2026: 28,700 861 3,00 }', ds => ds.some(d => d.message.includes('28.700')));
        const count = diagnostics.find(d => d.code === 'count-not-integer')!;
        expect(count.message).toContain('có lẽ là 28.700');
        const fixes = await fixesFor(uri, count);
        expect(fixes.map(f => f.title)).toEqual(['Đọc là 28.700 hộ (dấu ngăn cách hàng nghìn theo kiểu số của kế hoạch)']);
        expect(apply(document, fixes[0])).toContain('2026: 28.700 861 3,00');
    });

    test('a mistyped count that reads as no whole number in either style gets no fix', async () => {
        const { uri, diagnostics } = await typeInto(START, '    row 1 A { 2026: 30.000 900 3,00 }', '\n    row 2 A { 2026: 32.9095 987 3,00 }', ds => ds.some(d => d.code === 'count-unreadable'));
        const count = diagnostics.find(d => d.code === 'count-unreadable')!;
        expect(count).toBeDefined();
        expect(await fixesFor(uri, count)).toEqual([]);
    });

    test('an indicator typed at top level is said to appear nowhere, and the fix moves it into the dimension', async () => {
        const { uri, document, diagnostics } = await typeInto(START, '    row 1 A { 2026: 30.000 900 3,00 }\n}',
            '\nindicator ld "Tỷ lệ lao động có việc làm" {\n    unit percent\n    lead LD\n    baseline 2025 = 60\n}', ds => ds.some(d => d.code === 'not-shown'));
        const notShown = diagnostics.find(d => d.code === 'not-shown')!;
        expect(notShown.message).toMatch(/không có trong phụ lục hay biểu đồ nào/);
        const [move] = await fixesFor(uri, notShown);
        expect(move.title).toBe('Chuyển chỉ tiêu vào chiều "Việc làm"');
        expect(apply(document, move)).toContain('dimension viec_lam "Việc làm" {\n    indicator ld "Tỷ lệ lao động có việc làm" {\n        unit percent');
    });

    test('the "…" a declare-agency fix leaves is a finding until the real name is written', async () => {
        const { diagnostics } = await typeInto(START, 'agency LD "Sở Lao động - Thương binh và Xã hội" department', '\nagency YT "…"', ds => ds.some(d => d.code === 'placeholder-text'));
        expect(diagnostics.filter(d => d.code === 'placeholder-text').map(d => d.message))
            .toEqual(['Tên của cơ quan YT vẫn là chỗ trống "…": hãy viết tên thật, nó sẽ được in ra phụ lục.']);
    });
});
