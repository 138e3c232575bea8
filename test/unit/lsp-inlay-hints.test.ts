// Inlay hints: the computed rate or sum only beside printed values that differ, and none when the
// setting turns them off.
import { clearDocuments, parseDocument } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { InlayHint } from 'vscode-languageserver';
import { createTestServices, rangeOfText } from '../helpers/plan.js';
import { PROVINCE } from '../lsp/fixtures.js';

const services = createTestServices('vi');

afterEach(async () => {
    await clearDocuments(services);
    services.plan.Settings.inlayHints = true;
});

async function hints(text: string, lines?: [number, number]): Promise<InlayHint[]> {
    const document = await parseDocument(services, text);
    const end = document.textDocument.positionAt(text.length);
    const range = lines ? { start: { line: lines[0], character: 0 }, end: { line: lines[1], character: 0 } } : { start: { line: 0, character: 0 }, end };
    return (await services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range })) ?? [];
}

describe('inlay hints', () => {
    test('only the misprinted rate and the misprinted total get a hint, at their end', async () => {
        const found = await hints(PROVINCE);
        expect(found.map(h => h.label)).toEqual(['→ 2,21', 'Σ 945']);
        expect(found[0].position).toEqual(rangeOfText(PROVINCE, '3,18').end);
        expect(found[1].position).toEqual(rangeOfText(PROVINCE, '1.400').end);
        expect(String(found[0].tooltip)).toContain('650 / 29.409 × 100 = 2,2102%');
    });

    test('a plan whose numbers are right has no hints', async () => {
        const right = PROVINCE.replace('2022: 29.409 650 3,18', '2022: 29.409 650 2,21').replace('2022: 66.054 1.400 2,12', '2022: 66.054 945 1,43');
        expect(await hints(right)).toEqual([]);
    });

    test('only the requested lines are hinted', async () => {
        const line = rangeOfText(PROVINCE, '1.400').start.line;
        expect((await hints(PROVINCE, [line, line + 1])).map(h => h.label)).toEqual(['Σ 945']);
    });

    test('a sum column off its parts and a flow column off last year\'s value get the computed value', async () => {
        const text = `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Bảng" {
    years { 2022 result 2023 plan }
    column da_chieu "Hộ nghèo đa chiều" households sum-of poor + near-poor
    column thoat "Hộ thoát nghèo" households
    column poor "Hộ nghèo cuối năm" households flow - thoat
    columns poor near-poor da_chieu thoat
    row 1 A {
        2022: 100 20 120 -
        2023: 95 20 116 10
    }
}
`;
        const found = await hints(text);
        expect(found.map(h => h.label)).toEqual(['→ 90', 'Σ 115']);
        expect(found[0].position).toEqual(rangeOfText(text, '95').end);
        expect(String(found[0].tooltip)).toBe('Tính từ năm trước: 100 − 10 = 90');
        expect(String(found[1].tooltip)).toBe('Tổng các cột: 95 + 20 = 115');
        const right = text.replace('2023: 95 20 116 10', '2023: 90 20 110 10');
        expect(await hints(right)).toEqual([]);
    });

    test('the setting turns them off, from the client configuration too', async () => {
        services.plan.Settings.inlayHints = false;
        expect(await hints(PROVINCE)).toEqual([]);
        void services.plan.SettingsService; // the language server creates it at start (plan-module.ts)
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { plan: { inlayHints: { enabled: true } } } });
        expect(services.plan.Settings.inlayHints).toBe(true);
        expect(await hints(PROVINCE)).toHaveLength(2);
    });
});
