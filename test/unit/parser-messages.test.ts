// Syntax errors as a user reads them: one finding per mistake, at the mistake, in the user's
// language, naming what was expected ("dấu `}`", "chuỗi trong dấu ngoặc kép"), with the nearest
// keyword suggested and a quick fix where one is obvious; no follow-on errors of the same mistake
// and no rule finding that only the recovery from the mistake caused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../../common/findings.js';
import { createTestServices, EXAMPLES_DIR, SEED_PLAN, validatePlan as validateAll } from '../helpers/plan.js';

// These plans are fragments: an indicator outside every dimension (not-shown) is not their subject.
const validatePlan = async (...args: Parameters<typeof validateAll>) => {
    const validated = await validateAll(...args);
    return { ...validated, diagnostics: validated.diagnostics.filter(d => d.code !== 'not-shown') };
};

const services = createTestServices('vi');

afterEach(async () => {
    await clearDocuments(services);
});

const indicator = (body: string) => `plan t
agency YT "Sở Y tế" department
indicator sdd "Suy dinh dưỡng" {
${body}
}
`;

const INDICATOR_BODY = '    unit percent\n    direction lower\n    lead YT\n    baseline 2022 = 9,7';

const TARGET = (text: string) => `plan t
agency YT "Sở Y tế" department
indicator sdd "Suy dinh dưỡng" {
    unit percent
    direction lower
    lead YT
    plan 2025 = 8
}
target mt { indicator sdd  year 2025  below 9  text ${text} }
`;

const syntax = (ds: Diagnostic[]) => ds.filter(d => d.code === 'syntax-error');
const codes = (ds: Diagnostic[]) => ds.map(d => String(d.code)).sort();

function textAt(text: string, d: Diagnostic): string {
    const doc = TextDocument.create('memory:///x.plan', 'plan', 0, text);
    return doc.getText(d.range);
}

/** Validates, applies the first quick fix of the (only) syntax error, re-validates. */
async function fixSyntax(text: string, locale: Locale = 'vi'): Promise<{ action: CodeAction; after: string; diagnostics: Diagnostic[] }> {
    const { document, diagnostics } = await validatePlan(services, text, locale);
    const [diagnostic] = syntax(diagnostics);
    if (!diagnostic) throw new Error(`no syntax error in ${codes(diagnostics).join(', ')}`);
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
    const action = actions[0];
    if (!action) throw new Error('no quick fix for ' + diagnostic.message);
    const after = TextDocument.applyEdits(document.textDocument as TextDocument, action.edit!.changes![document.uri.toString()]);
    await clearDocuments(services);
    return { action, after, diagnostics: (await validatePlan(services, after, locale)).diagnostics };
}

describe('a misspelled keyword', () => {
    test.each([
        ['unti', 'unit', INDICATOR_BODY.replace('unit', 'unti')],
        ['drection', 'direction', INDICATOR_BODY.replace('direction', 'drection')]
    ])('`%s` in an indicator: one error at the word, "did you mean `%s`?", no missing-lead', async (typo, keyword, body) => {
        const text = indicator(body);
        const vi = await validatePlan(services, text, 'vi');
        expect(codes(vi.diagnostics)).toEqual(['syntax-error']);
        const [d] = vi.diagnostics;
        expect(textAt(text, d)).toBe(typo);
        expect(d.message).toBe(`Từ khóa \`${typo}\` không có ở đây: có phải ý bạn là \`${keyword}\`?`);
        expect(d.data).toMatchObject({ code: 'syntax-error', kind: 'unknown-keyword', suggestion: keyword });

        const en = await validatePlan(services, text, 'en');
        expect(codes(en.diagnostics)).toEqual(['syntax-error']);
        expect(en.diagnostics[0].message).toBe(`\`${typo}\` is not a keyword here: did you mean \`${keyword}\`?`);
    });

    test('the quick fix puts the keyword in its place, and the plan is clean', async () => {
        const r = await fixSyntax(indicator(INDICATOR_BODY.replace('direction', 'drection')));
        expect(r.action.title).toBe('Sửa thành `direction`');
        expect(r.action.isPreferred).toBe(true);
        expect(r.after).toBe(indicator(INDICATOR_BODY));
        expect(r.diagnostics).toEqual([]);
    });

    test('a word far from every expected keyword gets no suggestion, and says what was expected', async () => {
        const text = indicator(INDICATOR_BODY.replace('direction lower', 'xyzzy lower'));
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(codes(diagnostics)).toEqual(['syntax-error']);
        expect(diagnostics[0].message).toBe('Cần `direction`, `computed`, `lead`, `baseline`, `plan`, `actual` hoặc dấu `}` nhưng gặp `xyzzy`.');
        expect(diagnostics[0].data).not.toHaveProperty('suggestion');
        const en = await validatePlan(services, text, 'en');
        expect(en.diagnostics[0].message).toBe('Expected `direction`, `computed`, `lead`, `baseline`, `plan`, `actual` or `}` but found `xyzzy`.');
    });

    test('a keyword expected nowhere near is not suggested (only what may come at that point)', async () => {
        // `lea` is one letter from `lead`, but a label (a string) is expected after the id.
        const { diagnostics } = await validatePlan(services, 'plan t\nagency YT lea\n', 'vi');
        expect(syntax(diagnostics).map(d => d.message)).toEqual(['Cần chuỗi trong dấu ngoặc kép nhưng gặp `lea`.']);
    });
});

describe('text outside its quotes', () => {
    const SENTENCE = 'Giảm tỷ lệ suy dinh dưỡng xuống dưới 9%';

    test('an unquoted target sentence with accents is ONE error over the sentence, with the quote hint', async () => {
        const text = TARGET(SENTENCE);
        const vi = await validatePlan(services, text, 'vi');
        expect(codes(vi.diagnostics)).toEqual(['syntax-error']);
        expect(textAt(text, vi.diagnostics[0])).toBe(SENTENCE);
        expect(vi.diagnostics[0].message).toBe('Câu mục tiêu phải nằm trong dấu ngoặc kép: "Giảm tỷ lệ suy dinh dưỡng xuống dưới 9%".');
        expect(vi.diagnostics[0].data).toMatchObject({ kind: 'unquoted-text' });
        const en = await validatePlan(services, text, 'en');
        expect(en.diagnostics.map(d => d.message)).toEqual(['The target sentence must be in double quotes: "Giảm tỷ lệ suy dinh dưỡng xuống dưới 9%".']);
    });

    test('the quick fix quotes the text (up to the closing brace) and the plan is clean', async () => {
        const r = await fixSyntax(TARGET(SENTENCE));
        expect(r.action.title).toBe('Đặt đoạn văn trong dấu ngoặc kép');
        expect(r.after).toBe(TARGET(`"${SENTENCE}"`));
        expect(r.diagnostics).toEqual([]);
    });

    test('text without accents is the same mistake', async () => {
        const text = TARGET('Giam ty le xuong duoi 9');
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(codes(diagnostics)).toEqual(['syntax-error']);
        expect(textAt(text, diagnostics[0])).toBe('Giam ty le xuong duoi 9');
        expect(diagnostics[0].data).toMatchObject({ kind: 'unquoted-text' });
    });

    test('a solution text left unquoted is a text, not a target sentence', async () => {
        const text = 'plan t\nsolutions { group 1 "Nhóm" { solution "Giải pháp" { text Tăng cường tuyên truyền } } }\n';
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(syntax(diagnostics).map(d => d.message)).toEqual(['Đoạn văn phải nằm trong dấu ngoặc kép: "Tăng cường tuyên truyền".']);
    });
});

describe('unexpected characters', () => {
    test('a run of stray characters on one line is one error quoting them', async () => {
        const text = 'plan t\nagency LD "Sở Lao động" department # @\n';
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(codes(diagnostics)).toEqual(['syntax-error', 'unused-agency']);
        const [d] = syntax(diagnostics);
        expect(textAt(text, d)).toBe('# @');
        expect(d.message).toBe('Ký tự không hợp lệ: `#`, `@`.');
        expect(d.data).toMatchObject({ kind: 'unexpected-character' });
        const en = await validatePlan(services, text, 'en');
        expect(syntax(en.diagnostics).map(x => x.message)).toEqual(['Unexpected characters: `#`, `@`.']);
    });

    test('accented letters in an id say that ids are unaccented', async () => {
        const { diagnostics } = await validatePlan(services, 'plan t\ndistrict PhùCừ "Phù Cừ" huyen\n', 'vi');
        expect(syntax(diagnostics).map(d => d.message)).toEqual([
            'Chữ có dấu `ù`, `ừ` chỉ dùng được trong chuỗi trong dấu ngoặc kép; tên (id) chỉ gồm chữ không dấu, chữ số và `_`.'
        ]);
    });
});

describe('a missing closing brace', () => {
    const OPEN = 'plan t\nagency YT "Sở Y tế" department\nindicator sdd "Suy dinh dưỡng" {\n    unit percent\n    lead YT\n';

    test('at the end of the file: one error naming the block that is still open', async () => {
        const vi = await validatePlan(services, OPEN, 'vi');
        expect(codes(vi.diagnostics)).toEqual(['syntax-error']);
        expect(vi.diagnostics[0].message).toBe('Thiếu dấu `}` để đóng `indicator sdd "Suy dinh dưỡng"` (mở ở dòng 3).');
        expect(vi.diagnostics[0].data).toMatchObject({ kind: 'missing-close' });
        const en = await validatePlan(services, OPEN, 'en');
        expect(en.diagnostics[0].message).toBe('Missing `}` to close `indicator sdd "Suy dinh dưỡng"` (opened on line 3).');
    });

    test('the quick fix closes the block', async () => {
        const r = await fixSyntax(OPEN);
        expect(r.action.title).toBe('Thêm dấu `}`');
        expect(r.after).toBe(OPEN + '}\n');
        expect(r.diagnostics).toEqual([]);
    });
});

describe('a mistake before the next statement is reported where it is', () => {
    test('a half-typed district line: one error at its end, not at the next line, and no duplicate-id', async () => {
        const text = 'plan t\ndistrict PhuCu "Phù Cừ" huyen\ndistrict Kim\ndistrict TienLu "Tiên Lữ" huyen\n';
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(codes(diagnostics)).toEqual(['syntax-error']);
        expect(diagnostics[0].range.start).toEqual({ line: 2, character: 12 });
        expect(diagnostics[0].message).toBe('Sau `Kim` cần chuỗi trong dấu ngoặc kép nhưng dòng 4 bắt đầu bằng `district`.');
    });

    test('a block left open before the next statement: missing `}` there, and the fix closes it', async () => {
        const text = 'plan t\nagency YT "Sở Y tế" department\nindicator x "X" {\n    unit percent\n    lead YT\n\n' +
            'target mt { indicator x  year 2025  below 9  text "dưới 9%" }\n';
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(codes(diagnostics)).toEqual(['syntax-error']);
        expect(diagnostics[0].range.start).toEqual({ line: 4, character: 11 });
        expect(diagnostics[0].message).toBe('Thiếu dấu `}` để đóng `indicator x "X"` (mở ở dòng 3), trước `target` ở dòng 7.');
        const r = await fixSyntax(text);
        expect(r.after).toBe(text.replace('lead YT\n', 'lead YT\n}\n'));
        expect(codes(r.diagnostics)).not.toContain('syntax-error');
    });

    test('a string without its closing quote: one error on its line, not at the quote it paired with', async () => {
        const text = 'plan t\ndistrict PhuCu "Phù Cừ huyen\ndistrict TienLu "Tiên Lữ" huyen\n';
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(codes(diagnostics)).toEqual(['syntax-error']);
        expect(textAt(text, diagnostics[0])).toBe('"Phù Cừ huyen');
        expect(diagnostics[0].message).toBe('Chuỗi này thiếu dấu `"` đóng: nó kéo dài đến dòng 3.');
        const r = await fixSyntax(text);
        expect(r.after).toBe(text.replace('"Phù Cừ huyen', '"Phù Cừ huyen"'));
        expect(codes(r.diagnostics)).not.toContain('syntax-error');
    });

    test('a `}` where an id is expected is not "extra"', async () => {
        const { diagnostics } = await validatePlan(services, 'plan t\ntarget mt { indicator }\n', 'vi');
        expect(syntax(diagnostics).map(d => d.message)).toEqual(['Cần tên (id) nhưng gặp dấu `}`.']);
        const extra = await validatePlan(services, 'plan t\n}\n', 'vi');
        expect(syntax(extra.diagnostics).map(d => d.message)).toEqual(['Dấu `}` thừa: không có khối nào đang mở ở đây.']);
    });

    test('a word among a year line\'s cells: a cell is named among what may come (the line is one token)', async () => {
        const text = 'plan t\ndistrict A "A" huyen\ntable x "T" {\n    years { 2023 plan }\n    columns households poor\n    row 1 A {\n        2023: 1.000 abc\n    }\n}\n';
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(syntax(diagnostics).map(d => [textAt(text, d), d.message])).toEqual([
            ['abc', 'Cần một ô (số như 1.234 hoặc 3,17, khoảng 410..460, `-`, hoặc ghi chú như "Sáp nhập"), `start`, `end`, `standard`, năm và dấu hai chấm (2025:) hoặc dấu `}` nhưng gặp `abc`.']
        ]);
        // On the next line, what may come is a year line (after the group it names: `end 2024:`) or the
        // row's end (a cell there would still be read).
        const next = await validatePlan(services, text.replace('1.000 abc', '1.000 5\n        abc'), 'en');
        expect(syntax(next.diagnostics).map(d => d.message)).toEqual(['Expected `start`, `end`, `standard`, a year and a colon (2025:) or `}` but found `abc`.']);
    });

    test('a year without its colon: the colon as the fix', async () => {
        const r = await fixSyntax('plan t\ndistrict A "A" huyen\ntable x "T" {\n    years { 2023 plan }\n    columns poor\n    row 1 A { 2023 5 }\n}\n');
        expect(r.action.title).toBe('Thêm dấu hai chấm: `2023:`');
        expect(r.after).toContain('row 1 A { 2023: 5 }');
        expect(codes(r.diagnostics)).not.toContain('syntax-error');
    });
});

describe('the language follows the setting', () => {
    test('the same document validated again after a change of language gives the other language', async () => {
        const text = indicator(INDICATOR_BODY.replace('unit', 'unti'));
        const first = await validatePlan(services, text, 'vi');
        services.plan.Settings.locale = 'en';
        const again = await services.validation.DocumentValidator.validateDocument(first.document);
        expect(syntax(again).map(d => d.message)).toEqual(['`unti` is not a keyword here: did you mean `unit`?']);
    });
});

describe('every syntax message is in the user\'s language', () => {
    test.each([
        'plan t\nagency YT department\n',
        'plan t\n}\n',
        'plan t\ntable x "T" { years { 2023 plan } columns poor row 1 A { 2023 5 } }\n',
        'plan\n',
        'plan t\nheader { date 1/2 }\n'
    ])('%j', async text => {
        const vi = await validatePlan(services, text, 'vi');
        const en = await validatePlan(services, text, 'en');
        const [sv, se] = [syntax(vi.diagnostics), syntax(en.diagnostics)];
        expect(sv.length).toBe(1);
        expect(se.length).toBe(1);
        for (const d of sv) expect(d.message).not.toMatch(/Expecting|unexpected character|but found|Lỗi cú pháp/);
        for (const d of se) expect(d.message).not.toMatch(/Expecting|unexpected character|Cần|gặp/);
        expect(sv[0].range).toEqual(se[0].range);
    });
});

describe('plans without mistakes', () => {
    test.each([SEED_PLAN, path.join(EXAMPLES_DIR, 'clean', 'small-clean.plan')])('%s has no syntax error', async file => {
        const { diagnostics } = await validatePlan(services, fs.readFileSync(file, 'utf-8'), 'vi');
        expect(syntax(diagnostics)).toEqual([]);
    });
});

describe('a brace closed early in a table head (an editor closing the brace typed)', () => {
    const seed = fs.readFileSync(SEED_PLAN, 'utf8');
    const head = 'table phu_luc_01 "TỶ LỆ HỘ NGHÈO TỈNH HUNG YÊN GIAI ĐOẠN 2023-2025" {';
    const years = '    years { 2021 result  2022 result  2023 plan  2024 plan  2025 plan }';
    const errorsOf = async (text: string) => (await validatePlan(services, text, 'vi')).diagnostics.filter(d => d.severity === 1);

    test('after the head: no false duplicate of the table\'s standard read at top level', async () => {
        expect(seed).toContain(head);
        const errors = await errorsOf(seed.replace(head, head + '}'));
        expect(codes(errors)).not.toContain('duplicate-id');
        expect(codes(errors).filter(c => c !== 'syntax-error')).toEqual([]);
        expect(syntax(errors).length).toBeLessThanOrEqual(2);
    });

    test('inside the years: one syntax error, not a finding per row for every year left unread', async () => {
        expect(seed).toContain(years);
        const errors = await errorsOf(seed.replace(years, '    years { 2021 result }  2022 result  2023 plan  2024 plan  2025 plan }'));
        expect(codes(errors)).not.toContain('undeclared-table-year');
        expect(syntax(errors)).toHaveLength(1);
    });
});
