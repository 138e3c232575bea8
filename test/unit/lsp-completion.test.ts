// Completion: declarations found by id or by Vietnamese name with or without accents, years of the
// plan where a year goes, keywords with their meaning.
import { expectCompletion } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { CompletionItemKind, SymbolKind, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver';
import { parseDocument } from 'langium/test';
import * as ast from '../../language-server/src/generated/ast.js';
import { clearDocuments } from 'langium/test';
import * as fs from 'node:fs';
import { createTestServices, SEED_PLAN } from '../helpers/plan.js';
import { PROVINCE } from '../lsp/fixtures.js';
import { generatePlan } from '../bench/generate.js';
import { MAX_REFERENCE_ITEMS } from '../../language-server/src/lsp/completion.js';

const services = createTestServices('vi');
const complete = expectCompletion(services);

afterEach(async () => {
    await clearDocuments(services);
});

/** The province plan with one more task whose lead is being typed: `lead <typed><|>`. */
function typingLead(typed: string): string {
    return PROVINCE.replace('    task 1 "Xây dựng', `    task 2 "Mới" {\n        lead ${typed}<|>\n    }\n    task 1 "Xây dựng`);
}

async function itemsFor(text: string): Promise<CompletionList> {
    let list: CompletionList | undefined;
    await complete({ text, index: 0, assert: l => { list = l; } });
    return list!;
}

function labels(list: CompletionList): string[] {
    return list.items.map(i => i.label);
}

function edit(item: CompletionItem): TextEdit {
    return item.textEdit as TextEdit;
}

describe('agency completion by name, accents or not', () => {
    for (const typed of ['so y te', 'yte', 'Sở Y tế', 'soyte', 'sở y', 'YT']) {
        test(`"${typed}" finds YT "Sở Y tế" first`, async () => {
            const list = await itemsFor(typingLead(typed));
            const first = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
            expect(first.label).toBe('YT');
            expect(first.detail).toBe('Sở Y tế');
            // The edit replaces every typed word, so the phrase with spaces becomes the id.
            const before = typingLead(typed).split('<|>')[0].split('\n');
            const line = before.length - 1;
            const column = before[line].length - typed.length;
            expect(edit(first).range).toEqual({ start: { line, character: column }, end: { line, character: column + typed.length } });
            expect(edit(first).newText).toBe('YT');
            // VS Code filters again with the typed text: the filter text carries the name without accents.
            expect(first.filterText).toContain('so y te');
            expect(first.filterText).toContain('Sở Y tế');
        });
    }

    test('"so y te" does not offer agencies whose names do not match', async () => {
        const list = await itemsFor(typingLead('so y te'));
        expect(labels(list)).toEqual(['YT']);
    });

    test('a short name finds its agency: "ld-tb" → LDTBXH', async () => {
        const list = await itemsFor(typingLead('ld-tb'));
        expect(labels(list)).toContain('LDTBXH');
        expect(labels(list)).not.toContain('YT');
    });

    test('after a declared lead, the next words start a new name', async () => {
        const list = await itemsFor(typingLead('LDTBXH so xay'));
        expect(labels(list)).toEqual(['XD']);
        const item = list.items[0];
        const text = typingLead('LDTBXH so xay').replace('<|>', '');
        const lineText = text.split('\n').find(l => l.includes('LDTBXH so xay'))!;
        expect(edit(item).range.start.character).toBe(lineText.indexOf('so xay'));
    });

    test('with the cursor inside an id, the edit replaces the whole id', async () => {
        const list = await itemsFor(PROVINCE.replace('lead YT coordinate LDTBXH', 'lead Y<|>T coordinate LDTBXH'));
        const yt = list.items.find(i => i.label === 'YT')!;
        const line = PROVINCE.split('\n').findIndex(l => l.includes('lead YT coordinate LDTBXH'));
        const column = PROVINCE.split('\n')[line].indexOf('YT coordinate');
        expect(edit(yt).range).toEqual({ start: { line, character: column }, end: { line, character: column + 2 } });
    });

    test('nothing typed: every agency, with the full name as detail', async () => {
        const list = await itemsFor(typingLead(''));
        const agencies = list.items.filter(i => i.textEdit && i.kind !== 14 /* keyword */);
        expect(agencies.map(i => i.label).sort()).toEqual(['KHDT', 'LDTBXH', 'XD', 'YT']);
        expect(agencies.find(i => i.label === 'KHDT')!.detail).toBe('Sở Kế hoạch và Đầu tư');
    });

    test('documentation tells what the agency leads', async () => {
        const list = await itemsFor(typingLead('yte'));
        const doc = list.items[0].documentation as { value: string };
        expect(doc.value).toContain('Sở Y tế');
        expect(doc.value).toMatch(/Chủ trì \(2\)/);
    });
});

describe('other references', () => {
    test('districts by name in a table row: "phu cu" → PhuCu', async () => {
        const text = PROVINCE.replace('    total "Tổng cộng"', '    row 3 phu cu<|>\n    total "Tổng cộng"');
        const list = await itemsFor(text);
        expect(labels(list)).toEqual(['PhuCu']);
        expect(list.items[0].detail).toBe('Phù Cừ');
    });

    test('a district by its full name: "thanh pho hung" → TPHungYen', async () => {
        const text = PROVINCE.replace('    total "Tổng cộng"', '    row 3 thanh pho hung<|>\n    total "Tổng cộng"');
        expect(labels(await itemsFor(text))).toEqual(['TPHungYen']);
    });

    test('indicators in a target, by name', async () => {
        const text = PROVINCE.replace('    indicator yt_bhyt\n    year 2025', '    indicator bao hiem<|>\n    year 2025');
        expect(labels(await itemsFor(text))).toEqual(['yt_bhyt']);
    });

    test('standards and tables where they are expected', async () => {
        const standard = PROVINCE.replace('    computed poor-rate of phu_luc_01', '    computed poor-rate of <|>');
        expect(labels(await itemsFor(standard))).toEqual(['phu_luc_01']);
    });
});

describe('years and keywords', () => {
    test('a target year: the years of the period and the orientation year', async () => {
        const text = PROVINCE.replace('    year 2025\n    equal 100', '    year <|>\n    equal 100');
        const years = (await itemsFor(text)).items.filter(i => /^\d{4}$/.test(i.label)).map(i => i.label);
        expect(years).toEqual(['2023', '2024', '2025', '2030']);
    });

    test('a year line in a row: the table years the row lacks', async () => {
        const text = PROVINCE.replace('        2023: 36.945 195 0,53\n', '        <|>\n');
        const items = (await itemsFor(text)).items.filter(i => i.label.endsWith(':'));
        expect(items.map(i => i.label)).toEqual(['2023:']);
    });

    test('units and directions are proposed with what they mean (vi)', async () => {
        const text = PROVINCE.replace('        unit percent\n        direction higher', '        unit <|>');
        const list = await itemsFor(text);
        const percent = list.items.find(i => i.label === 'percent');
        expect(percent?.detail).toBe('phần trăm (%)');
        expect(labels(list)).toEqual(expect.arrayContaining(['percent', 'households', 'persons', 'points']));
    });

    test('English details when the server speaks English', async () => {
        const en = createTestServices('en');
        let list: CompletionList | undefined;
        await expectCompletion(en)({ text: PROVINCE.replace('        direction higher', '        direction <|>'), index: 0, assert: l => { list = l; } });
        expect(list!.items.find(i => i.label === 'higher')?.detail).toBe('higher is better');
        await clearDocuments(en);
    });

    test('a long line of blanks and words before a quote answers at once', async () => {
        const line = 'lead ' + 'a  '.repeat(2000) + ' '.repeat(3000);
        const start = performance.now();
        await itemsFor(PROVINCE.replace('    task 1 "Xây dựng', `    task 2 "Mới" {\n        ${line}"x<|>\n    }\n    task 1 "Xây dựng`));
        expect(performance.now() - start).toBeLessThan(2000);
    });

    test('a keyword with "-" typed in part: "near-p" → near-poor, near-poor-rate', async () => {
        const text = PROVINCE.replace(/columns households poor poor-rate/, 'columns households poor near-p<|>');
        expect(labels(await itemsFor(text))).toEqual(expect.arrayContaining(['near-poor', 'near-poor-rate']));
    });

    test('the cursor after a string over several lines and a comment: the tokens around it are still found', async () => {
        const text = PROVINCE.replace('agency XD "Sở Xây dựng" department', 'agency XD "Sở Xây\ndựng" // y\n    dep<|>');
        const list = await itemsFor(text);
        expect(labels(list)).toEqual(['department']);
        expect(edit(list.items[0]).newText).toBe('department');
        // the cursor on the last line of the string itself
        const onStringLine = PROVINCE.replace('agency XD "Sở Xây dựng" department', 'agency XD "Sở Xây\ndựng" dep<|>');
        expect(labels(await itemsFor(onStringLine))).toEqual(['department']);
    });

    test('inside a string nothing is proposed', async () => {
        const text = PROVINCE.replace('"Sở Xây dựng"', '"Sở Xây<|> dựng"');
        expect((await itemsFor(text)).items).toEqual([]);
    });
});

/** A table that declares two columns of its own; `head` goes after them (more declarations, columns, checks). */
function declaredTable(head: string): string {
    return `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Bảng" {
    years { 2022 result 2023 plan }
    column tb "Hộ mức sống trung bình" households
    column ty_le_tb "Tỷ lệ hộ mức sống trung bình" percent rate-of tb per households
${head}
    row 1 A { 2023: 1.000 50 }
}
`;
}

const PREDECLARED = ['households', 'poor', 'poor-rate', 'near-poor', 'near-poor-rate', 'multidim', 'multidim-rate'];

describe('columns of a table', () => {
    test('after columns: the predeclared columns and the ones the table declares, with their label and definition', async () => {
        const list = await itemsFor(declaredTable('    columns households <|>'));
        expect(labels(list)).toEqual(expect.arrayContaining([...PREDECLARED, 'tb', 'ty_le_tb']));
        const rate = list.items.find(i => i.label === 'ty_le_tb')!;
        expect(rate.kind).toBe(CompletionItemKind.Field);
        expect(rate.detail).toBe('Tỷ lệ hộ mức sống trung bình');
        expect(rate.labelDetails?.description).toBe('rate-of tb per households');
        expect((rate.documentation as { value: string }).value).toContain('tỷ lệ: Hộ mức sống trung bình / Tổng số hộ × 100');
        expect(list.items.find(i => i.label === 'poor')?.detail).toBe('số hộ nghèo');
        // Typed in part: the declared columns whose id or label match.
        expect(labels(await itemsFor(declaredTable('    columns households t<|>')))).toEqual(expect.arrayContaining(['tb', 'ty_le_tb']));
        expect(labels(await itemsFor(declaredTable('    columns households trung<|>')))).toEqual(['tb', 'ty_le_tb']);
    });

    test.each([
        ['rate-of', '    column x "X" percent rate-of <|>\n    columns households tb'],
        ['per', '    column x "X" percent rate-of tb per <|>\n    columns households tb'],
        ['sum-of', '    column x "X" households sum-of <|>\n    columns households tb'],
        ['+ in a sum', '    column x "X" households sum-of tb + <|>\n    columns households tb'],
        ['- in a flow', '    column x "X" households flow - <|>\n    columns households tb'],
        ['+ in a flow', '    column x "X" households flow - tb + <|>\n    columns households tb']
    ])('after %s: every column, but not the one being declared', async (_where, head) => {
        const found = labels(await itemsFor(declaredTable(head)));
        expect(found).toEqual(expect.arrayContaining([...PREDECLARED, 'tb', 'ty_le_tb']));
        expect(found).not.toContain('x');
    });

    test.each([
        ['at the start', '    check c { <|> }'],
        ['after the comparison', '    check c { tb <= <|> message "x" }'],
        ['after +', '    check c { tb + <|> }'],
        ['after -', '    check c { poor(previous) - <|> }']
    ])('in a check, %s: the columns', async (_where, check) => {
        const found = labels(await itemsFor(declaredTable(`    columns households tb\n${check}`)));
        expect(found).toEqual(expect.arrayContaining([...PREDECLARED, 'tb', 'ty_le_tb']));
    });

    test('in a check: after "(" previous and the table\'s years, after "years" the table\'s years', async () => {
        const paren = await itemsFor(declaredTable('    columns households tb\n    check c { tb(<|> }'));
        expect(labels(paren)).toEqual(['previous', '2022', '2023']);
        expect(paren.items.find(i => i.label === 'previous')?.detail).toBe('giá trị của cột ở năm trước');
        expect(paren.items.find(i => i.label === '2022')?.detail).toBe('năm của bảng (result)');
        const years = await itemsFor(declaredTable('    columns households tb\n    check c { tb < 1 years 2022 <|> }'));
        expect(labels(years)).toEqual(expect.arrayContaining(['2022', '2023']));
    });

    test('a predeclared column the table redefines is proposed with the table\'s label', async () => {
        const list = await itemsFor(declaredTable('    column poor "Hộ nghèo cuối năm" households flow - tb\n    columns households po<|>'));
        expect(list.items.filter(i => i.label === 'poor').map(i => i.detail)).toEqual(['Hộ nghèo cuối năm']);
    });

    test('after column NAME "label": the units; after the unit, the definitions', async () => {
        const units = await itemsFor(declaredTable('    column x "X" <|>\n    columns households tb'));
        expect(labels(units)).toEqual(['percent', 'households', 'persons', 'points']);
        const definitions = await itemsFor(declaredTable('    column x "X" households <|>\n    columns households tb'));
        expect(labels(definitions)).toEqual(expect.arrayContaining(['rate-of', 'sum-of', 'flow']));
        expect(definitions.items.find(i => i.label === 'sum-of')?.detail).toBe('tổng của các cột (cột + cột …)');
    });

    test('a new column\'s name: the declared ones are not proposed', async () => {
        const found = labels(await itemsFor(declaredTable('    column <|>\n    columns households tb')));
        expect(found).not.toContain('tb');
        expect(found).not.toContain('ty_le_tb');
    });

    test('English details when the server speaks English', async () => {
        const en = createTestServices('en');
        let list: CompletionList | undefined;
        await expectCompletion(en)({ text: declaredTable('    columns households <|>'), index: 0, assert: l => { list = l; } });
        expect((list!.items.find(i => i.label === 'ty_le_tb')!.documentation as { value: string }).value)
            .toContain('_Column declared by the table_ — percent (%) · `rate-of tb per households` (a rate: Hộ mức sống trung bình / total households × 100)');
        expect(list!.items.find(i => i.label === 'near-poor')?.detail).toBe('near-poor households');
        await clearDocuments(en);
    });
});

describe("Langium's extension points carry the plan's knowledge", () => {
    test('one kind table (NodeKindProvider) for completion, outline and workspace symbols', () => {
        const kinds = services.shared.lsp.NodeKindProvider;
        expect(kinds.getCompletionItemKind({ type: 'Agency' } as never)).toBe(CompletionItemKind.Class);
        expect(kinds.getSymbolKind({ type: 'Agency' } as never)).toBe(SymbolKind.Class);
        expect(kinds.getSymbolKind({ type: 'District' } as never)).toBe(SymbolKind.EnumMember);
        expect(kinds.getCompletionItemKind({ type: 'Indicator' } as never)).toBe(CompletionItemKind.Variable);
        expect(kinds.getSymbolKind({ type: 'Target' } as never)).toBe(SymbolKind.Event);
    });

    test('the fuzzy matcher folds accents and spaces: "so y te", "yte", "Sở Y tế" all match "Sở Y tế"', () => {
        const matcher = services.shared.lsp.FuzzyMatcher;
        for (const query of ['so y te', 'yte', 'Sở Y tế', 'soyte', 'syt']) expect(matcher.match(query, 'Sở Y tế'), query).toBe(true);
        expect(matcher.match('xay', 'Sở Y tế')).toBe(false);
        expect(matcher.match('dir', 'direction')).toBe(true);
    });

    test('the documentation provider describes a declaration (full name and role)', async () => {
        const document = await parseDocument(services, PROVINCE);
        const yt = (document.parseResult.value as ast.PlanDocument).elements.find(e => ast.isAgency(e) && e.name === 'YT')!;
        const doc = services.documentation.DocumentationProvider.getDocumentation(yt);
        expect(doc).toContain('Sở Y tế');
        expect(doc).toMatch(/Chủ trì \(2\)/);
    });

    test('a keyword is explained by the rule it completes: group in solutions', async () => {
        const text = PROVINCE + '\nsolutions "S" {\n    gr<|>\n}\n';
        const group = (await itemsFor(text)).items.find(i => i.label === 'group');
        expect(group?.detail).toBe('nhóm nhiệm vụ, giải pháp (mục đánh số)');
        expect(group?.kind).toBe(CompletionItemKind.Keyword);
    });
});

describe('completion at national scale', () => {
    test('a unit typed in a table of 1.500 rows: the best matches, at most MAX_REFERENCE_ITEMS, marked incomplete', async () => {
        const plan = generatePlan(1500).text;
        const at = plan.indexOf('    row 742 D741 {') + '    row 742 D7'.length;
        const list = await itemsFor(plan.slice(0, at) + '<|>' + plan.slice(at));
        expect(list.isIncomplete).toBe(true);
        expect(list.items.length).toBe(MAX_REFERENCE_ITEMS);
        // "D7" matches D7, D70…D79, D700…D799 and more than the cap: the closest come first, D7 itself among them.
        const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
        expect(labels(list)).toContain('D7');
        expect(sorted[0].label).toBe('D7');
        // Typing on narrows the list below the cap: every match is there.
        const narrow = await itemsFor(plan.slice(0, at) + '41<|>' + plan.slice(at));
        expect(labels(narrow)).toContain('D741');
        expect(narrow.items.length).toBeLessThan(MAX_REFERENCE_ITEMS);
    });
});

describe('completion parses only the cursor\'s element (and row) before it', () => {
    test('the same proposals as a parse of the whole text before the cursor, at positions all over the seed and a generated plan', async () => {
        const provider = services.lsp.CompletionProvider!;
        // Langium's own findFeaturesAt: the whole text before the cursor.
        const whole = Object.getPrototypeOf(Object.getPrototypeOf(provider)).findFeaturesAt as (...a: unknown[]) => unknown;
        const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(provider), 'findFeaturesAt')!.value as (...a: unknown[]) => unknown;
        let compared = 0;
        for (const text of [fs.readFileSync(SEED_PLAN, 'utf8'), generatePlan(30).text]) {
            const document = await parseDocument(services, text);
            for (let offset = 50; offset < text.length; offset += 131) {
                const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) };
                const short: CompletionList | undefined = await provider.getCompletion(document, params);
                (provider as unknown as { findFeaturesAt: unknown }).findFeaturesAt = whole;
                let full: CompletionList | undefined;
                try {
                    full = await provider.getCompletion(document, params);
                } finally {
                    (provider as unknown as { findFeaturesAt: unknown }).findFeaturesAt = own;
                }
                expect((short?.items ?? []).map(i => i.label).sort(), `offset ${offset}`).toEqual((full?.items ?? []).map(i => i.label).sort());
                compared++;
            }
        }
        expect(compared).toBeGreaterThan(350);
    }, 120_000);
});
