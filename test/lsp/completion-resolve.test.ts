// Completion in a national plan proposes hundreds of declarations on every keystroke: a client that
// resolves items (completionItem/resolve with `documentation`, as VS Code, Neovim and Emacs do) gets
// each declaration's description when it shows the item, not 200 descriptions per list; a client
// that does not resolve gets them in the list, as before.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CompletionRequest, CompletionResolveRequest, type CompletionItem, type CompletionList, type MarkupContent
} from 'vscode-languageserver-protocol/node.js';
import { startClient, type TestClient } from './client.js';

const PLAN = `plan ke_hoach_moi "Kế hoạch giảm nghèo năm 2026" number-style vi
period 2026 - 2026
agency YT "Sở Y tế" department
agency LD "Sở Lao động - Thương binh và Xã hội" department
tasks "NHIỆM VỤ" {
    task 1 "Khám sức khỏe cho hộ nghèo" {
        lead YT
        submit 2026
    }
    task 2 "Dạy nghề" {
        lead so y
        submit 2026
    }
}
`;

/** The position right after `lead so y`. */
function cursor(): { line: number; character: number } {
    const lines = PLAN.split('\n');
    const line = lines.findIndex(l => l.includes('lead so y'));
    return { line, character: lines[line].indexOf('so y') + 'so y'.length };
}

async function items(client: TestClient, uri: string): Promise<CompletionItem[]> {
    await client.open(uri, PLAN);
    const list = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: cursor() });
    return Array.isArray(list) ? list : (list as CompletionList).items;
}

describe('a client that resolves completion items', () => {
    let client: TestClient;
    beforeAll(async () => {
        client = await startClient({
            initializationOptions: { locale: 'vi' },
            capabilities: { textDocument: { completion: { completionItem: { resolveSupport: { properties: ['documentation', 'detail'] } } } } }
        });
    });
    afterAll(async () => { await client.stop(); });

    test('the server says it resolves items', () => {
        expect(client.initializeResult.capabilities.completionProvider?.resolveProvider).toBe(true);
    });

    test('the list carries no description; resolving the item gives the declaration\'s', async () => {
        const found = await items(client, 'untitled:resolve-1.plan');
        const yt = found.find(i => i.label === 'YT')!;
        expect(yt.detail).toBe('Sở Y tế');
        expect(yt.documentation).toBeUndefined();
        const resolved = await client.connection.sendRequest(CompletionResolveRequest.type, yt);
        expect((resolved.documentation as MarkupContent).value).toContain('Sở Y tế');
        expect((resolved.documentation as MarkupContent).value).toMatch(/Chủ trì \(1\)/);
        // Everything else of the item is as the list gave it.
        expect({ ...resolved, documentation: undefined }).toEqual({ ...yt, documentation: undefined });
    });

    test('an item whose declaration is gone comes back as it was', async () => {
        const gone = { label: 'XX', data: { planDeclaration: { uri: 'untitled:nowhere.plan', path: '/elements@0' } } };
        expect(await client.connection.sendRequest(CompletionResolveRequest.type, gone)).toEqual(gone);
        // A path the client made up that walks out of the plan's tree (to an object's constructor).
        const outside = { label: 'ZZ', data: { planDeclaration: { uri: 'untitled:resolve-1.plan', path: '/constructor' } } };
        expect(await client.connection.sendRequest(CompletionResolveRequest.type, outside)).toEqual(outside);
        const odd = { label: 'YY', data: { something: 'else' } };
        expect(await client.connection.sendRequest(CompletionResolveRequest.type, odd)).toEqual(odd);
    });
});

describe('a client that does not resolve items', () => {
    let client: TestClient;
    beforeAll(async () => { client = await startClient({ initializationOptions: { locale: 'vi' } }); });
    afterAll(async () => { await client.stop(); });

    test('the descriptions are in the list', async () => {
        const yt = (await items(client, 'untitled:resolve-2.plan')).find(i => i.label === 'YT')!;
        expect((yt.documentation as MarkupContent).value).toMatch(/Chủ trì \(1\)/);
        expect(yt.data).toBeUndefined();
    });
});
