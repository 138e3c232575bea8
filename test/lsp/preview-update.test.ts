// The preview's plan/viewUpdate over stdio with the built server: a first whole view with its stamp,
// then after a typed digit only what changed, which merged into the first view is plan/view's answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node.js';
import { PlanViewRequest, PlanViewUpdateRequest, type PlanViewResult, type PlanViewUpdateResult } from '../../common/protocol.js';
import { applyViewPatches } from '../../common/view-patch.js';
import { generatePlan } from '../bench/generate.js';
import { startClient, type TestClient } from './client.js';

const URI = 'file:///ws/preview-update.plan';
let client: TestClient;

beforeAll(async () => { client = await startClient(); }, 60_000);
afterAll(async () => { await client?.stop(); });

describe('plan/viewUpdate', () => {
    it('answers the whole view, then after a typed digit what changed since it', async () => {
        const text = generatePlan(60).text;
        await client.open(URI, text);
        await client.diagnosticsFor(URI);
        const first = await client.connection.sendRequest<PlanViewUpdateResult>(PlanViewUpdateRequest, { uri: URI });
        if (!first || !('view' in first)) throw new Error('no whole view first');
        const at = text.indexOf('2024: ', Math.floor(text.length / 2)) + 6;
        const edited = text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1);
        const from = client.published.length;
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: URI, version: 2 },
            contentChanges: [{ range: { start: posOf(text, at), end: posOf(text, at + 1) }, text: edited[at] }]
        });
        await client.diagnosticsFor(URI, p => p.version === 2 || p.version === undefined, from);
        const update = await client.connection.sendRequest<PlanViewUpdateResult>(PlanViewUpdateRequest, { uri: URI, since: first.stamp });
        if (!update || !('patches' in update)) throw new Error('no patches for a known stamp');
        expect(update.since).toBe(first.stamp);
        expect(update.stamp).not.toBe(first.stamp);
        expect(JSON.stringify(update).length).toBeLessThan(JSON.stringify(first).length / 10);
        const whole = await client.connection.sendRequest<PlanViewResult>(PlanViewRequest, { uri: URI });
        expect(applyViewPatches(first.view, update.patches)).toEqual(whole);
        // A stamp the server does not know: the whole view.
        const unknown = await client.connection.sendRequest<PlanViewUpdateResult>(PlanViewUpdateRequest, { uri: URI, since: 'old' });
        expect(unknown && 'view' in unknown ? unknown.view : undefined).toEqual(whole);
    }, 60_000);
});

function posOf(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before.at(-1)!.length };
}
