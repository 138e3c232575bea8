// Quick fixes keyed on the finding's code: each one is applied and the plan re-validated, so a fix
// is shown to remove its finding (and not to add another).
import { clearDocuments, testCodeAction } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../../language-server/src/validation/codes.js';
import { createTestServices, validatePlan } from '../helpers/plan.js';
import { PROVINCE } from '../lsp/fixtures.js';

const services = createTestServices('vi');

afterEach(async () => {
    await clearDocuments(services);
});

interface Fixed { actions: CodeAction[]; after: string; diagnostics: Diagnostic[]; before: Diagnostic[] }

/** Validates, asks for the fixes of the first finding with the code, applies the chosen one, re-validates. */
async function fix(text: string, code: string, choose = 0, locale: Locale = 'vi'): Promise<Fixed> {
    const { document, diagnostics } = await validatePlan(services, text, locale);
    const diagnostic = diagnostics.find(d => d.code === code);
    if (!diagnostic) throw new Error(`no ${code} in ${diagnostics.map(d => d.code).join(', ')}`);
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
    const action = actions[choose];
    if (!action) throw new Error(`no fix ${choose} for ${code}`);
    const edits = action.edit!.changes![document.uri.toString()];
    const after = TextDocument.applyEdits(document.textDocument as TextDocument, edits);
    await clearDocuments(services);
    const revalidated = await validatePlan(services, after, locale);
    return { actions, after, diagnostics: revalidated.diagnostics, before: diagnostics };
}

const codes = (ds: Diagnostic[]) => ds.map(d => String(d.code)).sort();

describe('numbers', () => {
    test('testCodeAction: the single fix of a misprinted rate gives the computed rate', async () => {
        const result = await testCodeAction(services)(PROVINCE, 'rate-mismatch', PROVINCE.replace('2022: 29.409 650 3,18', '2022: 29.409 650 2,21'));
        expect(result.action?.title).toBe('Thay tỷ lệ in bằng tỷ lệ tính được: 2,21');
    });

    test('a misprinted rate is replaced with the computed one', async () => {
        const r = await fix(PROVINCE, 'rate-mismatch');
        expect(r.actions[0].title).toBe('Thay tỷ lệ in bằng tỷ lệ tính được: 2,21');
        expect(r.actions[0].isPreferred).toBe(true);
        expect(r.after).toContain('2022: 29.409 650 2,21');
        expect(codes(r.diagnostics)).not.toContain('rate-mismatch');
    });

    test('a total that is not the sum of its rows is replaced with the sum (English title)', async () => {
        const r = await fix(PROVINCE, 'total-mismatch', 0, 'en');
        expect(r.actions[0].title).toBe('Replace the printed number with the sum of the rows: 945');
        expect(r.after).toContain('2022: 66.054 945 2,12');
        expect(codes(r.diagnostics)).not.toContain('total-mismatch');
    });

    test('a number in the other style is rewritten in the declared style', async () => {
        const text = PROVINCE.replace('baseline 2022 = 100', 'baseline 2022 = 99.5');
        const r = await fix(text, 'number-style');
        expect(r.actions[0].title).toBe('Viết lại số theo kiểu số của kế hoạch: 99,5');
        expect(r.after).toContain('baseline 2022 = 99,5');
        expect(codes(r.diagnostics)).not.toContain('number-style');
    });
});

describe('unknown references', () => {
    test('an undeclared agency can be declared after the last agency', async () => {
        const text = PROVINCE.replace('lead YT coordinate LDTBXH', 'lead YT coordinate TTTT');
        const r = await fix(text, 'unknown-reference', 0);
        expect(r.actions.map(a => a.title)).toEqual(['Khai báo cơ quan TTTT']);
        expect(r.after).toContain('agency KHDT "Sở Kế hoạch và Đầu tư" department\nagency TTTT "…" department\n');
        expect(codes(r.diagnostics)).not.toContain('unknown-reference');
    });

    test('a misspelt id offers the declared one first: YTE → YT', async () => {
        const text = PROVINCE.replace('lead YT coordinate LDTBXH', 'lead YTE coordinate LDTBXH');
        const r = await fix(text, 'unknown-reference', 0);
        expect(r.actions[0].title).toBe('Sửa thành YT (Sở Y tế)');
        expect(r.actions[0].isPreferred).toBe(true);
        expect(r.actions.at(-1)!.title).toBe('Khai báo cơ quan YTE');
        expect(r.after).toContain('lead YT coordinate LDTBXH');
        expect(codes(r.diagnostics)).not.toContain('unknown-reference');
    });

    test('an id typed from the name finds the agency: SoXayDung → XD', async () => {
        const text = PROVINCE.replace('lead YT coordinate LDTBXH', 'lead YT coordinate SoXayDung');
        const r = await fix(text, 'unknown-reference', 0, 'en');
        expect(r.actions[0].title).toBe('Change to XD (Sở Xây dựng)');
    });

    test('an undeclared district in a row can be declared after the last district', async () => {
        const text = PROVINCE.replace('row 2 TPHungYen', 'row 2 AnThi');
        const r = await fix(text, 'unknown-reference');
        expect(r.actions.map(a => a.title)).toEqual(['Khai báo huyện AnThi']);
        expect(r.after).toContain('full-name "Thành phố Hưng Yên"\ndistrict AnThi "…" huyen\n');
        expect(codes(r.diagnostics)).not.toContain('unknown-reference');
    });
});

describe('missing year line', () => {
    test('a row without a year gets the line in year order, with blank cells', async () => {
        const text = PROVINCE.replace('        2022: 29.409 650 3,18\n', '');
        const r = await fix(text, 'missing-district-year');
        expect(r.actions[0].title).toBe('Thêm dòng năm 2022 (ô để trống "-")');
        expect(r.after).toContain('        2021: 29.822 946 3,17\n        2022: - - -\n        2023: 29.609 448 1,51\n');
        expect(codes(r.diagnostics)).not.toContain('missing-district-year');
    });

    test('the last year goes after the others', async () => {
        const text = PROVINCE.replace('        2023: 36.945 195 0,53\n', '');
        const r = await fix(text, 'missing-district-year');
        expect(r.after).toContain('        2022: 36.645 295 0,81\n        2023: - - -\n    }');
    });

    test('a row with no year line at all opens its braces', async () => {
        const text = PROVINCE.replace(/row 2 TPHungYen \{[^}]*\}/, 'row 2 TPHungYen { }');
        const r = await fix(text, 'missing-district-year');
        expect(r.after).toContain('    row 2 TPHungYen {\n        2021: - - -\n    }');
    });
});

test('a finding without a fix gets no action', async () => {
    const { document, diagnostics } = await validatePlan(services, PROVINCE.replace('year 2025\n    equal 100', 'year 2040\n    equal 100'));
    const diagnostic = diagnostics.find(d => d.code === 'year-outside-period')!;
    expect(diagnostic).toBeDefined();
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    });
    expect(actions).toEqual([]);
});
