// The built server against plans an attacker would write (issue 19): 500 nested groups, and
// thousands of blocks left open. The parser overflowed its stack on both: the server logged a stack
// trace and published no diagnostic at all, so the editor showed the file as clean. Each must now
// publish the nesting finding (and the open block's syntax error), keep answering, and log nothing.
import { afterEach, describe, expect, test } from 'vitest';
import { CompletionRequest, HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { nestedGroups } from '../bench/hostile-generate.js';
import { startClient, type TestClient } from './client.js';

const clients: TestClient[] = [];
afterEach(async () => {
    for (const client of clients.splice(0)) await client.stop();
});

async function opened(name: string, text: string): Promise<{ client: TestClient; uri: string; diagnostics: Diagnostic[] }> {
    const client = await startClient({ initializationOptions: { locale: 'en' } });
    clients.push(client);
    const uri = `file:///ws/${name}.plan`;
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, undefined, 0, 60_000);
    return { client, uri, diagnostics };
}

/** Line (0-based) of `group <n>` in a nestedGroups plan: four lines of declarations, then `solutions {`. */
const groupLine = (n: number) => 4 + n;

describe('deep nesting in the language server', () => {
    test('500 nested groups: one nesting-too-deep error at the brace past the limit, the rest of the file checked', async () => {
        const text = nestedGroups(500).text + 'agency KHAC "Sở Khác" department\n';
        const { client, uri, diagnostics } = await opened('nested', text);
        const deep = diagnostics.filter(d => d.code === 'nesting-too-deep');
        expect(deep).toHaveLength(1);
        // `solutions {` is level 1: group 100's brace opens level 101.
        const line = groupLine(100);
        expect(deep[0].range.start).toEqual({ line, character: text.split('\n')[line].indexOf('{') });
        expect(deep[0].severity).toBe(1);
        expect(deep[0].message).toMatch(/limit of 100 levels/);
        expect(diagnostics.filter(d => d.code === 'syntax-error')).toEqual([]);
        // After the deep block: the agency declared last is checked (unused); YT, given the deep
        // solution that was not read, is not called unused.
        const unused = diagnostics.filter(d => d.code === 'unused-agency').map(d => d.range.start.line);
        expect(unused).toEqual([text.split('\n').length - 2]);
        // Still answering, on the deep part too, and nothing caught in its log.
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: groupLine(300), character: 1 } });
        expect(hover === null || typeof hover === 'object').toBe(true);
        const completion = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: groupLine(450), character: 0 } });
        expect(completion === null || typeof completion === 'object').toBe(true);
        expect(client.stderr).not.toMatch(/Maximum call stack|Parser stack|RangeError/);
    }, 120_000);

    test('5.000 blocks left open: the nesting finding and the missing `}` of the README', async () => {
        const { client, diagnostics } = await opened('unclosed', nestedGroups(5000, false).text);
        expect(diagnostics.filter(d => d.code === 'nesting-too-deep').map(d => d.range.start.line)).toEqual([groupLine(100)]);
        const syntax = diagnostics.filter(d => d.code === 'syntax-error');
        expect(syntax).toHaveLength(1);
        expect(syntax[0].message).toMatch(/Missing `}` to close `group 100/);
        expect(client.stderr).not.toMatch(/Maximum call stack|Parser stack|RangeError/);
    }, 120_000);
});
