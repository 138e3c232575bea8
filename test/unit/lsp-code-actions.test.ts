// Quick fixes keyed on the finding's code: each one is applied and the plan re-validated, so a fix
// is shown to remove its finding (and not to add another).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearDocuments, testCodeAction } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { CodeActionKind, type CodeAction, type Diagnostic, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NO_QUICK_FIX, QUICK_FIXES } from '../../language-server/src/lsp/code-actions.js';
import { ISSUES, type Locale } from '../../common/findings.js';
import { createTestServices, EXAMPLES_DIR, parsePlan, validatePlan } from '../helpers/plan.js';
import { DISTRICT, PROVINCE } from '../lsp/fixtures.js';

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

    test('a range of rates whose bound is not its count over the households: the range with that bound computed', async () => {
        const text = fs.readFileSync(path.join(EXAMPLES_DIR, 'tables', '5-target-ranges.plan'), 'utf8');
        const r = await fix(text, 'rate-mismatch');
        expect(r.actions.map(a => a.title)).toEqual(['Thay tỷ lệ in bằng tỷ lệ tính được: 2,5..3,0']);
        expect(r.after).toContain('2,5..3,0 }');
        expect(codes(r.diagnostics)).not.toContain('rate-mismatch');
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

describe('a year line short of cells', () => {
    test('is padded with blank "-" cells at its end (before its comment); every short line of the table at once', async () => {
        const text = PROVINCE.replace('        2021: 29.822 946 3,17\n', '        2021: 29.822   // chưa có số hộ nghèo\n')
            .replace('        2022: 36.645 295 0,81\n', '        2022: 36.645 295\n');
        const one = await fix(text, 'cell-count');
        expect(one.actions.map(a => a.title)).toEqual([
            'Thêm 2 ô trống "-" vào cuối dòng năm 2021',
            'Thêm ô trống "-" vào mọi dòng năm thiếu ô của bảng phu_luc_01 (2 dòng)'
        ]);
        expect(one.after).toContain('        2021: 29.822 - -   // chưa có số hộ nghèo\n');
        expect(codes(one.diagnostics).filter(c => c === 'cell-count')).toHaveLength(1);
        const all = await fix(text, 'cell-count', 1);
        expect(all.after).toContain('        2021: 29.822 - -   // chưa có số hộ nghèo\n');
        expect(all.after).toContain('        2022: 36.645 295 -\n');
        expect(codes(all.diagnostics)).not.toContain('cell-count');
        expect(codes(all.diagnostics)).toEqual(codes(all.before.filter(d => d.code !== 'cell-count')));
    });

    test('a line with a cell too many gets no fix: which one is extra is not known', async () => {
        const text = PROVINCE.replace('        2021: 29.822 946 3,17\n', '        2021: 29.822 946 3,17 5\n');
        const { document, diagnostics } = await validatePlan(services, text);
        const diagnostic = diagnostics.find(d => d.code === 'cell-count')!;
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        expect(actions).toEqual([]);
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

// --- every finding with one obvious repair (issue 9) ---------------------------------------------

/** The edit of an action applied to a text (the action's own document only). */
function applyAction(text: string, uri: string, action: CodeAction): string {
    const document = TextDocument.create(uri, 'plan', 1, text);
    return TextDocument.applyEdits(document, action.edit!.changes![uri]);
}

const TASKS = `tasks "Nhiệm vụ" {
    task 1 "Xây dựng chính sách hỗ trợ bảo hiểm y tế" {
        lead YT coordinate LDTBXH
        submit 2025
    }
}
`;

describe('numbering', () => {
    test('a gap is closed by renumbering the item and the ones after it', async () => {
        const text = PROVINCE.replace(TASKS, `tasks "Nhiệm vụ" {
    task 1 "A" { lead YT }
    task 3 "B" { lead YT }
    task 4 "C" { lead LDTBXH }
    task 5 "D" { lead LDTBXH }
}
`);
        const r = await fix(text, 'numbering-gap');
        expect(r.actions.map(a => a.title)).toEqual(['Đánh số lại: 3 → 2 và các mục sau']);
        expect(r.actions[0].isPreferred).toBe(true);
        expect(r.after).toContain('task 1 "A" { lead YT }\n    task 2 "B" { lead YT }\n    task 3 "C" { lead LDTBXH }\n    task 4 "D" { lead LDTBXH }');
        expect(codes(r.diagnostics)).not.toContain('numbering-gap');
    });

    test('table rows are renumbered in their own list only', async () => {
        const r = await fix(PROVINCE.replace('row 2 TPHungYen', 'row 4 TPHungYen'), 'numbering-gap', 0, 'en');
        expect(r.actions[0].title).toBe('Renumber: 4 → 2');
        expect(r.after).toContain('row 2 TPHungYen {');
        expect(codes(r.diagnostics)).not.toContain('numbering-gap');
    });
});

describe('missing lead agency', () => {
    test('a task whose siblings all have the same lead gets that lead, and the completion fix after it', async () => {
        const text = PROVINCE.replace(TASKS, `tasks "Nhiệm vụ" {
    task 1 "A" { lead YT }
    task 2 "B" {
        submit 2025
    }
    task 3 "C" { lead YT coordinate LDTBXH }
}
`);
        const r = await fix(text, 'missing-lead');
        expect(r.actions.map(a => a.title)).toEqual(['Thêm đơn vị chủ trì YT (như các mục cùng cấp)',
            'Thêm đơn vị chủ trì LDTBXH (Sở Lao động - Thương binh và Xã hội)', 'Thêm đơn vị chủ trì XD (Sở Xây dựng)', 'Thêm đơn vị chủ trì KHDT (Sở Kế hoạch và Đầu tư)']);
        expect(r.actions[0].isPreferred).toBe(true);
        expect(r.actions.slice(1).some(a => a.isPreferred)).toBe(false);
        expect(r.after).toContain('    task 2 "B" {\n        lead YT\n        submit 2025\n    }');
        expect(codes(r.diagnostics)).not.toContain('missing-lead');
    });

    test('without one lead shared by the siblings, each declared agency is one fix (no client command), none preferred', async () => {
        const text = PROVINCE.replace('        lead YT\n        baseline 2022 = 100', '        baseline 2022 = 100');
        const { document, diagnostics } = await validatePlan(services, text);
        const diagnostic = diagnostics.find(d => d.code === 'missing-lead')!;
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(['Thêm đơn vị chủ trì LDTBXH (Sở Lao động - Thương binh và Xã hội)',
            'Thêm đơn vị chủ trì YT (Sở Y tế)', 'Thêm đơn vị chủ trì XD (Sở Xây dựng)', 'Thêm đơn vị chủ trì KHDT (Sở Kế hoạch và Đầu tư)']);
        expect(actions.filter(a => a.command || a.isPreferred)).toEqual([]);
        const after = applyAction(text, document.uri.toString(), actions[1]);
        expect(after).toContain('        direction higher\n        lead YT\n        baseline 2022 = 100');
        await clearDocuments(services);
        const fixed = await validatePlan(services, after);
        expect(codes(fixed.diagnostics)).not.toContain('missing-lead');
    });

    test('a solution without braces gets them with its lead', async () => {
        const text = PROVINCE + `
solutions "Giải pháp" {
    group 1 "Nhóm" {
        solution "Có chủ trì" { lead LDTBXH }
        solution "Chưa có chủ trì"
    }
}
`;
        // A solution without a lead is an info (solution-without-lead): the same fixes as missing-lead.
        const r = await fix(text, 'solution-without-lead');
        expect(r.actions.map(a => a.title)).toEqual(['Thêm đơn vị chủ trì LDTBXH (như các mục cùng cấp)',
            'Thêm đơn vị chủ trì YT (Sở Y tế)', 'Thêm đơn vị chủ trì XD (Sở Xây dựng)', 'Thêm đơn vị chủ trì KHDT (Sở Kế hoạch và Đầu tư)']);
        expect(r.after).toContain('        solution "Chưa có chủ trì" { lead LDTBXH }\n');
        expect(codes(r.diagnostics)).not.toContain('solution-without-lead');
    });
});

/** A table of one district with its own columns (`head`) and one row, and a targets flag when asked. */
function declaredTable(head: string, row: string, opts: { years?: string; targets?: boolean } = {}): string {
    return `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Bảng"${opts.targets ? ' targets' : ''} {
    years { ${opts.years ?? '2023 plan'} }
${head}
    row 1 A { ${row} }
}
`;
}

describe('declared columns and ranges', () => {
    const FLOW = '    column thoat "Hộ thoát nghèo" households\n    column moi "Hộ nghèo phát sinh" households\n'
        + '    column poor "Hộ nghèo cuối năm" households flow - thoat + moi\n    columns poor thoat moi';

    test('a sum column that is not the sum of its parts gets the sum', async () => {
        const text = declaredTable('    column da_chieu "Hộ nghèo đa chiều" households sum-of poor + near-poor\n    columns households poor near-poor da_chieu', '2023: 1.000 10 20 31');
        const r = await fix(text, 'sum-mismatch');
        expect(r.actions.map(a => [a.title, a.isPreferred])).toEqual([['Thay số in bằng tổng các cột thành phần: 30', true]]);
        expect(r.after).toContain('2023: 1.000 10 20 30 }');
        expect(codes(r.diagnostics)).toEqual([]);
    });

    test('a flow column gets last year\'s value and the year\'s flows (English title)', async () => {
        const r = await fix(declaredTable(FLOW, '2022: 100 - - 2023: 95 10 3', { years: '2022 result 2023 plan' }), 'flow-mismatch', 0, 'en');
        expect(r.actions.map(a => a.title)).toEqual(["Replace the printed number with last year's value and the year's flows: 93"]);
        expect(r.after).toContain('2023: 93 10 3 }');
        expect(codes(r.diagnostics)).toEqual([]);
    });

    test('a reversed range has its bounds swapped, decimals and all', async () => {
        const text = declaredTable('    columns households poor-rate', '2025: 1.000 3,4..3,0', { years: '2025 plan', targets: true });
        const r = await fix(text, 'range-reversed');
        expect(r.actions.map(a => [a.title, a.isPreferred])).toEqual([['Đổi thứ tự hai cận: 3,0..3,4', true]]);
        expect(r.after).toContain('2025: 1.000 3,0..3,4 }');
        expect(codes(r.diagnostics)).toEqual([]);
    });

    test('a range in a table not declared of targets: the table is declared so', async () => {
        const text = declaredTable('    columns households poor', '2025: 1.000 10..20', { years: '2025 plan' });
        const r = await fix(text, 'range-outside-targets');
        expect(r.actions.map(a => a.title)).toEqual(['Khai báo bảng t1 là bảng chỉ tiêu (`targets`)']);
        expect(r.after).toContain('table t1 "Bảng" targets {');
        expect(codes(r.diagnostics)).toEqual([]);
    });

    test('an unknown column a keystroke or two from a known one: the known one, closest first', async () => {
        const text = declaredTable('    column thoat "Hộ thoát nghèo" households\n    columns households poor_rate thoatt', '2023: 1.000 1,00 10');
        const r = await fix(text, 'unknown-column');
        expect(r.actions.map(a => [a.title, a.isPreferred])).toEqual([['Sửa thành cột poor-rate (Tỷ lệ hộ nghèo (%))', true]]);
        expect(r.after).toContain('columns households poor-rate thoatt');
        const second = await fix(r.after, 'unknown-column');
        expect(second.actions.map(a => a.title)).toEqual(['Sửa thành cột thoat (Hộ thoát nghèo)']);
        expect(second.after).toContain('columns households poor-rate thoat\n');
        expect(codes(second.diagnostics)).not.toContain('unknown-column');
    });

    test('an unknown column close to no known one gets no fix', async () => {
        const { document, diagnostics } = await validatePlan(services, declaredTable('    columns households ho_trung_binh', '2023: 1.000 10'));
        const diagnostic = diagnostics.find(d => d.code === 'unknown-column')!;
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        expect(actions).toEqual([]);
    });
});

describe('targets', () => {
    const strict = PROVINCE.replace('year 2025\n    equal 100', 'year 2025\n    below 100');

    test('a strict target the figure only equals: the comparison becomes inclusive, or the figure moves', async () => {
        const r = await fix(strict, 'target-not-met');
        expect(r.actions.map(a => a.title)).toEqual([
            'Đổi "below" thành "at-most" (cho phép bằng 100)',
            'Sửa giá trị năm 2025 thành 99,9 để đạt mục tiêu'
        ]);
        expect(r.after).toContain('year 2025\n    at-most 100');
        expect(codes(r.diagnostics)).not.toContain('target-not-met');
        const second = await fix(strict, 'target-not-met', 1);
        expect(second.after).toContain('plan 2025 = 99,9');
        expect(codes(second.diagnostics)).not.toContain('target-not-met');
    });

    test('a figure read from a table is not moved by a quick fix: only the comparison changes', async () => {
        const text = PROVINCE.replace('target mt_bhyt {', `target mt_ngheo {
    indicator ty_le_ho_ngheo
    year 2023
    above 0,97
}

target mt_bhyt {`);
        const r = await fix(text, 'target-not-met', 0, 'en');
        expect(r.actions.map(a => a.title)).toEqual(['Change "above" to "at-least" (allow 0,97 itself)']);
        expect(r.after).toContain('year 2023\n    at-least 0,97');
        expect(codes(r.diagnostics)).not.toContain('target-not-met');
    });

    test('a target the figure misses by more than equality gets no fix', async () => {
        const { document, diagnostics } = await validatePlan(services, PROVINCE.replace('year 2025\n    equal 100', 'year 2025\n    below 90'));
        const diagnostic = diagnostics.find(d => d.code === 'target-not-met')!;
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        expect(actions).toEqual([]);
    });

    test('a sentence with one other number: take the value from the sentence, or write the value into it', async () => {
        const text = PROVINCE.replace('year 2025\n    equal 100\n', 'year 2025\n    equal 100\n    text "Đến năm 2025, 99% người thuộc hộ nghèo được hỗ trợ"\n');
        const r = await fix(text, 'target-text-differs');
        expect(r.actions.map(a => a.title)).toEqual(['Lấy giá trị trong câu mục tiêu: 99', 'Sửa số trong câu mục tiêu thành 100']);
        expect(r.actions[0].isPreferred).toBe(true);
        expect(r.after).toContain('equal 99\n');
        expect(codes(r.diagnostics)).not.toContain('target-text-differs');
        const second = await fix(text, 'target-text-differs', 1);
        expect(second.after).toContain('text "Đến năm 2025, 100% người thuộc hộ nghèo được hỗ trợ"');
        expect(codes(second.diagnostics)).not.toContain('target-text-differs');
    });
});

describe('tables and years', () => {
    test('a row year the table does not declare is added to years { } in order', async () => {
        const text = PROVINCE.replace('        2023: 29.609 448 1,51\n', '        2023: 29.609 448 1,51\n        2024: 29.700 400 1,35\n');
        const r = await fix(text, 'undeclared-table-year');
        expect(r.actions.map(a => a.title)).toEqual(['Thêm năm 2024 (plan) vào danh sách năm của bảng']);
        expect(r.after).toContain('years { 2021 result  2022 result  2023 plan  2024 plan }');
        expect(codes(r.diagnostics)).not.toContain('undeclared-table-year');
    });

    test('a year declared twice in the table years is removed', async () => {
        const r = await fix(PROVINCE.replace('2023 plan }', '2023 plan  2023 plan }'), 'duplicate-year');
        expect(r.actions.map(a => a.title)).toEqual(['Xóa năm 2023 bị trùng']);
        expect(r.after).toContain('years { 2021 result  2022 result  2023 plan }');
        expect(codes(r.diagnostics)).not.toContain('duplicate-year');
    });

    test('a year line given twice in a row is removed (the second one)', async () => {
        const text = PROVINCE.replace('        2022: 29.409 650 3,18\n', '        2022: 29.409 650 3,18\n        2022: 29.409 650 3,19\n');
        const r = await fix(text, 'duplicate-year');
        expect(r.after).toContain('        2022: 29.409 650 3,18\n        2023: 29.609 448 1,51\n');
        expect(codes(r.diagnostics)).not.toContain('duplicate-year');
    });

    test('an indicator value given twice is removed', async () => {
        const r = await fix(PROVINCE.replace('        plan 2025 = 100\n', '        plan 2025 = 100\n        plan 2025 = 100\n'), 'duplicate-year', 0, 'en');
        expect(r.actions[0].title).toBe('Remove the duplicate 2025');
        expect(r.after).toContain('        baseline 2022 = 100\n        plan 2025 = 100\n    }');
        expect(codes(r.diagnostics)).not.toContain('duplicate-year');
    });

    test('a district that appears twice in a table: its second row is removed', async () => {
        const text = PROVINCE.replace('    total "Tổng cộng" {', '    row 3 PhuCu {\n        2021: 1 1 100\n    }\n    total "Tổng cộng" {');
        const r = await fix(text, 'duplicate-row');
        expect(r.actions.map(a => a.title)).toEqual(['Xóa dòng Phù Cừ bị trùng']);
        expect(r.after).toBe(PROVINCE);
        expect(codes(r.diagnostics)).not.toContain('duplicate-row');
    });

    test('a reversed period is swapped', async () => {
        const r = await fix(PROVINCE.replace('period 2023 to 2025', 'period 2025 to 2023'), 'period-reversed');
        expect(r.actions.map(a => a.title)).toEqual(['Đổi thứ tự: giai đoạn 2023 đến 2025']);
        expect(r.actions[0].isPreferred).toBe(true);
        expect(r.after).toContain('period 2023 to 2025');
        expect(codes(r.diagnostics)).not.toContain('period-reversed');
    });

    test('a year printed with a thousands separator loses it', async () => {
        const r = await fix(PROVINCE.replace('submit 2025', 'submit 2.025'), 'year-malformed');
        expect(r.actions.map(a => a.title)).toEqual(['Viết năm không có dấu phân cách: 2025']);
        expect(r.after).toContain('submit 2025');
        expect(codes(r.diagnostics)).not.toContain('year-malformed');
    });
});

describe('agencies', () => {
    test('an agency given nothing to do can be removed', async () => {
        const r = await fix(PROVINCE, 'unused-agency');
        expect(r.actions.map(a => a.title)).toEqual(['Xóa khai báo cơ quan XD']);
        expect(r.actions[0].isPreferred).toBeFalsy();
        expect(r.after).toContain('agency YT "Sở Y tế" department\nagency KHDT');
        expect(codes(r.diagnostics)).not.toContain('unused-agency');
    });

    test('an agency a district plan refers to is not offered for removal', async () => {
        const { document, diagnostics } = await validatePlan(services, PROVINCE);
        await parsePlan(services, DISTRICT.replace('coordinate YT', 'coordinate XD'), 'file:///huyen.plan');
        const diagnostic = diagnostics.find(d => d.code === 'unused-agency')!;
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        expect(actions).toEqual([]);
    });
});

describe('source.fixAll', () => {
    test('applies the safe fixes only: number style, a year separator, an exact duplicate line', async () => {
        const text = PROVINCE
            .replace('baseline 2022 = 100', 'baseline 2022 = 99.5')
            .replace('submit 2025', 'submit 2.025')
            .replace('        2021: 37.278 416 1,12\n', '        2021: 37.278 416 1,12\n        2021: 37.278 416 1,12\n');
        const { document, diagnostics } = await validatePlan(services, text);
        expect(codes(diagnostics)).toEqual(expect.arrayContaining(['duplicate-year', 'number-style', 'rate-mismatch', 'total-mismatch', 'year-malformed']));
        const uri = document.uri.toString();
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] }
        }) as CodeAction[];
        expect(actions.map(a => [a.kind, a.title])).toEqual([[CodeActionKind.SourceFixAll, 'Sửa tất cả lỗi sửa được an toàn (3)']]);
        const after = applyAction(text, uri, actions[0]);
        await clearDocuments(services);
        const revalidated = await validatePlan(services, after);
        expect(codes(revalidated.diagnostics).filter(c => ['duplicate-year', 'number-style', 'year-malformed'].includes(c))).toEqual([]);
        // A misprinted rate or total is a question of which figure is wrong: never fixed silently.
        expect(codes(revalidated.diagnostics)).toEqual(expect.arrayContaining(['rate-mismatch', 'total-mismatch']));
        expect(after).toContain('baseline 2022 = 99,5');
        expect(after).toContain('submit 2025');
        expect(after).toContain('        2021: 37.278 416 1,12\n        2022: 36.645 295 0,81\n');
    });

    test('fixes that touch the same text: the larger one wins (a copied line is removed, not also restyled)', async () => {
        const text = PROVINCE.replace('        2021: 37.278 416 1,12\n', '        2021: 37.278 416 1.12\n        2021: 37.278 416 1.12\n');
        const { document } = await validatePlan(services, text);
        const uri = document.uri.toString();
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] }
        }) as CodeAction[];
        const after = applyAction(text, uri, actions[0]);
        expect(after).toContain('        2021: 37.278 416 1,12\n        2022: 36.645 295 0,81\n');
        await clearDocuments(services);
        const revalidated = await validatePlan(services, after);
        expect(codes(revalidated.diagnostics).filter(c => c === 'duplicate-year' || c === 'number-style')).toEqual([]);
    });

    test('a quick-fix request does not get the fixAll action, and a plan without safe fixes gets none', async () => {
        const { document } = await validatePlan(services, PROVINCE);
        const uri = document.uri.toString();
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const all = await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri }, range, context: { diagnostics: [], only: [CodeActionKind.Source] } });
        expect(all).toEqual([]);
        const quick = await services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri }, range, context: { diagnostics: document.diagnostics ?? [], only: [CodeActionKind.QuickFix] } }) as CodeAction[];
        expect(quick.length).toBeGreaterThan(0);
        expect(quick.every(a => a.kind === CodeActionKind.QuickFix)).toBe(true);
    });

    test('the server advertises quick fixes and source.fixAll', () => {
        const shared = services.shared;
        const server = shared.lsp.LanguageServer as unknown as { buildInitializeResult(p: unknown): InitializeResult };
        const result = server.buildInitializeResult({ capabilities: {}, processId: null, rootUri: null });
        expect(result.capabilities.codeActionProvider).toEqual({ codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] });
    });
});

test('every finding code either has a quick fix or is on the documented no-fix list', () => {
    const listed = new Set([...Object.keys(QUICK_FIXES), ...Object.keys(NO_QUICK_FIX)]);
    const missing = Object.keys(ISSUES).filter(code => !listed.has(code));
    expect(missing).toEqual([]);
    expect(Object.keys(QUICK_FIXES).filter(code => code in NO_QUICK_FIX)).toEqual([]);
    expect([...listed].filter(code => !(code in ISSUES))).toEqual([]);
    for (const reason of Object.values(NO_QUICK_FIX)) expect(reason.length).toBeGreaterThan(10);
    // A safe fix applies on save (source.fixAll): the list is short on purpose.
    expect(Object.entries(QUICK_FIXES).filter(([, f]) => f.fixAll).map(([code]) => code).sort())
        .toEqual(['bidi-control', 'control-character', 'duplicate-row', 'duplicate-year', 'number-style', 'year-malformed']);
});

describe('invisible characters', () => {
    const PLAN = 'plan t "Kế hoạch"\nagency YT "Sở Y\vtế" department // chủ trì\u202E y tế\n';

    test('a vertical tab pasted from Word becomes a space', async () => {
        const r = await fix(PLAN, 'control-character');
        expect(r.actions.map(a => [a.title, a.isPreferred])).toEqual([['Thay ký tự vô hình U+000B bằng dấu cách', true]]);
        expect(r.after).toContain('agency YT "Sở Y tế" department');
        expect(codes(r.diagnostics)).not.toContain('control-character');
    });

    test('a right-to-left override is removed (English title)', async () => {
        const r = await fix(PLAN, 'bidi-control', 0, 'en');
        expect(r.actions.map(a => a.title)).toEqual(['Remove the bidirectional control character U+202E']);
        expect(r.after).toContain('// chủ trì y tế\n');
        expect(codes(r.diagnostics)).not.toContain('bidi-control');
    });

    test('a control character other than \\v and \\f is removed; a surrogate pair around it is left whole', async () => {
        const r = await fix('plan t "Kế hoạch 😀\x1B[0m😀"\n', 'control-character');
        expect(r.actions.map(a => a.title)).toEqual(['Xóa ký tự vô hình U+001B']);
        expect(r.after).toBe('plan t "Kế hoạch 😀[0m😀"\n');
        expect(codes(r.diagnostics)).toEqual([]);
    });

    test('no fix when the text at the finding is no longer the character (a stale diagnostic)', async () => {
        const { document, diagnostics } = await validatePlan(services, PLAN);
        const diagnostic = diagnostics.find(d => d.code === 'control-character')!;
        const shifted = { ...diagnostic, range: { start: { ...diagnostic.range.start, character: diagnostic.range.start.character - 1 }, end: { ...diagnostic.range.end, character: diagnostic.range.end.character - 1 } } };
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: shifted.range, context: { diagnostics: [shifted] }
        });
        expect(actions).toEqual([]);
    });

    test('source.fixAll removes every one of them, runs of them included', async () => {
        const text = 'plan t "Kế\fhoạch\x01"\n// ghi chú \u202E\u2066ẩn\u2069\u202C\nagency YT "Sở Y tế" department\n';
        const { document, diagnostics } = await validatePlan(services, text);
        expect(codes(diagnostics)).toEqual(['bidi-control', 'bidi-control', 'bidi-control', 'bidi-control', 'control-character', 'control-character', 'unused-agency']);
        const uri = document.uri.toString();
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(['Sửa tất cả lỗi sửa được an toàn (6)']);
        const after = applyAction(text, uri, actions[0]);
        expect(after).toBe('plan t "Kế hoạch"\n// ghi chú ẩn\nagency YT "Sở Y tế" department\n');
        await clearDocuments(services);
        expect(codes((await validatePlan(services, after)).diagnostics)).toEqual(['unused-agency']);
    });
});

describe('authoring from zero (issue 12)', () => {
    test('a count typed the other way ("28,700" under vi) is read as 28.700 households', async () => {
        const text = `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "T" {
    years { 2024 result }
    columns households poor poor-rate
    row 1 A { 2024: 28,700 946 3,30 }
}
`;
        const { actions, after, diagnostics } = await fix(text, 'count-not-integer');
        expect(actions.map(a => a.title)).toEqual(['Đọc là 28.700 hộ (dấu ngăn cách hàng nghìn theo kiểu số của kế hoạch)']);
        expect(after).toContain('2024: 28.700 946 3,30');
        expect(codes(diagnostics)).toEqual([]);
    });

    test('an indicator no output shows moves into a dimension, one fix per dimension', async () => {
        const text = `plan t number-style vi
agency L "Sở Lao động - Thương binh và Xã hội" department
dimension viec_lam "Việc làm" {
    indicator trong "Tỷ lệ lao động qua đào tạo" { unit percent lead L baseline 2023 = 60 }
}
dimension thu_nhap "Thu nhập" {
}
// Written by a newcomer at top level.
indicator ngoai "Tỷ lệ lao động có việc làm" {
    unit percent
    lead L
    baseline 2023 = 65
}
`;
        const { actions, after, diagnostics } = await fix(text, 'not-shown', 1);
        expect(actions.map(a => a.title)).toEqual(['Chuyển chỉ tiêu vào chiều "Việc làm"', 'Chuyển chỉ tiêu vào chiều "Thu nhập"']);
        expect(codes(diagnostics)).toEqual([]);
        expect(after).toBe(`plan t number-style vi
agency L "Sở Lao động - Thương binh và Xã hội" department
dimension viec_lam "Việc làm" {
    indicator trong "Tỷ lệ lao động qua đào tạo" { unit percent lead L baseline 2023 = 60 }
}
dimension thu_nhap "Thu nhập" {
    indicator ngoai "Tỷ lệ lao động có việc làm" {
        unit percent
        lead L
        baseline 2023 = 65
    }
}
// Written by a newcomer at top level.
`);
    });
});

describe('an agency printed under a name it was not given (issue 11)', () => {
    test('the declared name a dash or an accent apart is the preferred fix, then the others', async () => {
        const text = `plan t number-style vi
agency LD "Sở Lao động - Thương binh và Xã hội" department { short "Sở LĐTBXH" alias "Sở Lao động – Thương binh và Xã hội" }
tasks "NHIỆM VỤ" { task 1 "Xây dựng chính sách" { lead LD as "Sở Lao động — Thương binh và Xã hội" submit 2025 } }
`;
        const { actions, after, diagnostics } = await fix(text, 'agency-name-unknown');
        expect(actions.map(a => a.title)).toEqual([
            'In tên đã khai báo: "Sở Lao động - Thương binh và Xã hội"',
            'In tên đã khai báo: "Sở Lao động – Thương binh và Xã hội"',
            'In tên đã khai báo: "Sở LĐTBXH"'
        ]);
        expect(actions[0].isPreferred).toBe(true);
        expect(after).toContain('lead LD as "Sở Lao động - Thương binh và Xã hội"');
        expect(codes(diagnostics)).toEqual([]);
    });
});
