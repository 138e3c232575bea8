// Settings the standard LSP way, as an editor other than VS Code sends them: the "plan" section
// answered to workspace/configuration at start, or pushed with workspace/didChangeConfiguration.
// Each test starts its own built server over stdio and speaks plain LSP to it.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { InlayHintRequest, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { SEED_PLAN, EXAMPLES_DIR } from '../helpers/plan.js';
import { startClient, type TestClient } from './client.js';
import { PROVINCE } from './fixtures.js';

const SEED_URI = pathToFileURL(SEED_PLAN).toString();
const SEED_TEXT = fs.readFileSync(SEED_PLAN, 'utf8');
// An in-memory plan: a client may open a file that is not on disk.
const PROVINCE_URI = pathToFileURL(`${EXAMPLES_DIR}/settings-test-province.plan`).toString();

const ENGLISH_GAP = 'Numbering is not continuous';
const VIETNAMESE_GAP = 'Đánh số không liên tục';
const gapMessage = (p: PublishDiagnosticsParams) => p.diagnostics.find(d => d.code === 'numbering-gap')?.message ?? '';
const rateFindings = (p: PublishDiagnosticsParams): Diagnostic[] => p.diagnostics.filter(d => d.code === 'rate-mismatch');

let client: TestClient | undefined;
afterEach(async () => {
    await client?.stop();
    client = undefined;
});

describe('plan.language from a plain LSP client', () => {
    test('read through workspace/configuration at start: the first diagnostics are in English', async () => {
        client = await startClient({ configuration: true, settings: { plan: { language: 'en' } } });
        await client.open(SEED_URI, SEED_TEXT);
        const first = await client.diagnosticsFor(SEED_URI);
        expect(client.configurationRequests.flatMap(r => r.items.map(i => i.section))).toContain('plan');
        expect(gapMessage(first)).toContain(ENGLISH_GAP);
        expect(first.diagnostics.find(d => d.code === 'total-mismatch')!.message)
            .toBe('Tổng cộng 2024, column poor households: printed 2.954 but the rows add up to 2.963 (off by -9).');
    });

    test('received through workspace/didChangeConfiguration (no configuration capability): republished in English', async () => {
        client = await startClient({ configuration: false });
        await client.open(SEED_URI, SEED_TEXT);
        expect(gapMessage(await client.diagnosticsFor(SEED_URI))).toContain(VIETNAMESE_GAP);
        const before = client.published.length;
        await client.changeSettings({ plan: { language: 'en' } });
        const english = await client.diagnosticsFor(SEED_URI, p => gapMessage(p).includes(ENGLISH_GAP), before);
        expect(english.diagnostics.map(d => d.code).sort()).toEqual(client.published[before - 1].diagnostics.map(d => d.code).sort());
    });

    test('settings: null (the pull model\'s "something changed"): the server asks again and republishes', async () => {
        client = await startClient({ configuration: true, settings: { plan: { language: 'vi' } } });
        await client.open(SEED_URI, SEED_TEXT);
        expect(gapMessage(await client.diagnosticsFor(SEED_URI))).toContain(VIETNAMESE_GAP);
        const before = client.published.length;
        await client.changeSettings({ plan: { language: 'en' } }, true);
        await client.diagnosticsFor(SEED_URI, p => gapMessage(p).includes(ENGLISH_GAP), before);
        expect(client.configurationRequests.length).toBe(2);
    });

    test('a setting that does not change findings does not revalidate; one that does, does', async () => {
        client = await startClient({ configuration: false });
        await client.open(SEED_URI, SEED_TEXT);
        await client.diagnosticsFor(SEED_URI);
        const before = client.published.length;
        await client.changeSettings({ plan: { inlayHints: { enabled: false } } });
        await client.changeSettings({ plan: { inlayHints: { enabled: false }, language: 'en' } });
        // The next publication after both changes is already the English one: the first change published nothing.
        await client.diagnosticsFor(SEED_URI, p => gapMessage(p).includes(ENGLISH_GAP), before);
        expect(client.published.slice(before).filter(p => p.uri === SEED_URI).map(gapMessage)[0]).toContain(ENGLISH_GAP);
    });

    test('"auto" follows the editor\'s display language; initializationOptions still work without any settings', async () => {
        client = await startClient({ configuration: true, settings: { plan: { language: 'auto' } }, locale: 'en-US' });
        await client.open(SEED_URI, SEED_TEXT);
        expect(gapMessage(await client.diagnosticsFor(SEED_URI))).toContain(ENGLISH_GAP);
        await client.stop();
        client = await startClient({ configuration: false, initializationOptions: { locale: 'en' } });
        await client.open(SEED_URI, SEED_TEXT);
        expect(gapMessage(await client.diagnosticsFor(SEED_URI))).toContain(ENGLISH_GAP);
    });
});

describe('plan.validation.* from a plain LSP client', () => {
    test('a rate tolerance read at start is applied, and a change back revalidates', async () => {
        client = await startClient({ configuration: true, settings: { plan: { validation: { rateTolerance: 1 } } } });
        await client.open(PROVINCE_URI, PROVINCE);
        // 3,18 for 650 / 29.409 (2,21 %) is within 1 point.
        const first = await client.diagnosticsFor(PROVINCE_URI);
        expect(first.diagnostics.map(d => d.code)).toContain('total-mismatch');
        expect(rateFindings(first)).toEqual([]);
        const before = client.published.length;
        await client.changeSettings({ plan: { validation: { rateTolerance: 0 } } });
        const strict = await client.diagnosticsFor(PROVINCE_URI, p => rateFindings(p).length > 0, before);
        expect(rateFindings(strict).map(d => d.message)).toEqual(['Tỷ lệ in 3,18% không bằng 650/29.409 = 2,2102% (Phù Cừ, năm 2022).']);
    });
});

describe('plan.inlayHints.enabled from a plain LSP client', () => {
    test('read at start: off means no hints; turned on, the client is asked to fetch them again and the computed rate is hinted', async () => {
        client = await startClient({
            configuration: true, settings: { plan: { inlayHints: { enabled: false } } },
            capabilities: { workspace: { inlayHint: { refreshSupport: true } } }
        });
        await client.open(PROVINCE_URI, PROVINCE);
        await client.diagnosticsFor(PROVINCE_URI);
        const range = { start: { line: 0, character: 0 }, end: { line: PROVINCE.split('\n').length, character: 0 } };
        const ask = () => client!.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: PROVINCE_URI }, range });
        expect(await ask()).toEqual([]);
        await client.changeSettings({ plan: { inlayHints: { enabled: true } } });
        await expect.poll(() => client!.inlayHintRefreshes).toBe(1);
        const hints = (await ask()) ?? [];
        expect(hints.length).toBeGreaterThan(0);
    });

    // code-server claims refresh support and answers "unhandled method": the server used to die of the
    // unhandled rejection on every change of language, and the extension's client to restart it in a loop.
    test('a client that refuses the refresh it claimed to support: the server lives on', async () => {
        client = await startClient({
            configuration: true, settings: { plan: { language: 'vi' } }, refuseInlayHintRefresh: true,
            capabilities: { workspace: { inlayHint: { refreshSupport: true } } }
        });
        await client.open(PROVINCE_URI, PROVINCE);
        await client.diagnosticsFor(PROVINCE_URI);
        const before = client.published.length;
        await client.changeSettings({ plan: { language: 'en' } });
        await expect.poll(() => client!.inlayHintRefreshes).toBe(1);
        const english = await client.diagnosticsFor(PROVINCE_URI, p => p.diagnostics.some(d => /printed rate/.test(d.message)), before);
        expect(english.diagnostics.length).toBeGreaterThan(0);
        await new Promise(resolve => setTimeout(resolve, 500));
        const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
        await expect(client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: PROVINCE_URI }, range })).resolves.toBeDefined();
    });
});
