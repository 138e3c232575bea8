// Hovers: full name and role of declarations and references, the computation behind a printed
// rate or total, and the rule behind a finding, in Vietnamese or English.
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import { clearDocuments, expectHover, parseDocument } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestServices } from '../helpers/plan.js';
import { PROVINCE } from '../lsp/fixtures.js';
import { ALL_KEYWORDS_PLANS } from './lsp-all-keywords.js';

const vi = createTestServices('vi');
const en = createTestServices('en');

afterEach(async () => {
    await clearDocuments(vi);
    await clearDocuments(en);
});

/** Puts the hover marker just inside the n-th occurrence of a literal. */
function at(literal: string, occurrence = 0, text = PROVINCE): string {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(literal, index + 1);
    if (index < 0) throw new Error(`no ${literal}`);
    return text.slice(0, index + 1) + '<|>' + text.slice(index + 1);
}

async function hoverText(services: typeof vi, text: string, validation = false): Promise<string> {
    const document = await parseDocument(services, text.replace('<|>', ''), { validation });
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.indexOf('<|>'))
    });
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

describe('declarations and references', () => {
    test('an agency reference: full name, kind and what it leads and coordinates', async () => {
        const value = await hoverText(vi, at('YT coordinate'));
        expect(value).toContain('**YT** · Sở Y tế');
        expect(value).toContain('Cơ quan, đơn vị — sở, ngành');
        expect(value).toMatch(/Chủ trì \(2\): chỉ tiêu “Tỷ lệ người thuộc hộ nghèo/);
        expect(value).toMatch(/nhiệm vụ “1\. Xây dựng chính sách/);
    });

    test('the same hover in English', async () => {
        const value = await hoverText(en, at('YT coordinate'));
        expect(value).toContain('Agency — provincial department');
        expect(value).toMatch(/Leads \(2\)/);
    });

    test('an agency with nothing to do says so', async () => {
        const value = await hoverText(vi, at('XD "Sở'));
        expect(value).toContain('Chưa được giao việc nào');
    });

    test('a district in a row: kind and full name', async () => {
        const value = await hoverText(vi, at('TPHungYen {'));
        expect(value).toContain('**TPHungYen** · TP Hưng Yên');
        expect(value).toContain('thành phố');
        expect(value).toContain('Thành phố Hưng Yên');
    });

    test('an indicator: unit, direction, lead and values', async () => {
        const onRef = await hoverText(vi, at('yt_bhyt\n    year'));
        expect(onRef).toContain('phần trăm (%)');
        expect(onRef).toContain('càng cao càng tốt');
        expect(onRef).toContain('YT (Sở Y tế)');
        expect(onRef).toMatch(/2022 \(năm gốc\): 100 · 2025 \(kế hoạch\): 100/);
    });
});

describe('keywords', () => {
    test('a comparison keyword says what it means', async () => {
        expect(await hoverText(vi, at('equal 100'))).toBe('`equal` — bằng');
        expect(await hoverText(en, at('lower\n'))).toBe('`lower` — lower is better');
    });

    test('every keyword of the grammar, in every rule that has it, explains itself in vi and en', async () => {
        // (rule, keyword) pairs of the grammar: one word may mean different things in different rules.
        const wanted = new Set<string>();
        for (const keyword of AstUtils.streamAllContents(vi.Grammar).filter(GrammarAST.isKeyword)) {
            if (!/\p{L}/u.test(keyword.value)) continue;
            wanted.add(`${AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)!.name} ${keyword.value}`);
        }
        const seen = new Set<string>();
        const missing: string[] = [];
        for (const text of ALL_KEYWORDS_PLANS) {
            const document = await parseDocument(vi, text);
            expect(document.parseResult.parserErrors).toEqual([]);
            for (const leaf of CstUtils.flattenCst(document.parseResult.value.$cstNode!)) {
                const keyword = leaf.grammarSource;
                if (!GrammarAST.isKeyword(keyword) || !/\p{L}/u.test(keyword.value)) continue;
                const pair = `${AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)!.name} ${keyword.value}`;
                if (seen.has(pair)) continue;
                seen.add(pair);
                for (const services of [vi, en]) {
                    const hover = await services.lsp.HoverProvider!.getHoverContent(document, {
                        textDocument: { uri: document.uri.toString() }, position: leaf.range.start
                    });
                    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
                    if (!value.startsWith(`\`${keyword.value}\` — `)) missing.push(`${pair} (${services.plan.Settings.locale})`);
                }
            }
        }
        expect([...wanted].filter(p => !seen.has(p)), 'the fixture uses every keyword').toEqual([]);
        expect(missing).toEqual([]);
    });

    test('a word with several meanings is explained by the rule it stands in', async () => {
        const solutions = 'solutions "S" {\n    group 1 "Nhóm" {\n    }\n}\n';
        const text = PROVINCE + '\n' + solutions;
        const inSolutions = await hoverText(vi, at('group 1', 0, text));
        expect(inSolutions).toContain('nhóm nhiệm vụ, giải pháp');
        expect(inSolutions).not.toContain('nhóm cơ quan');
        expect(await hoverText(en, at('group 1', 0, text))).toContain('group of tasks and solutions');
        // The same word in an agency declaration is a kind of agency.
        const agency = PROVINCE.replace('agency XD "Sở Xây dựng" department', 'agency XD "Sở Xây dựng" group');
        expect(await hoverText(vi, at('group\n', 0, agency))).toBe('`group` — nhóm cơ quan');
    });
});

describe('computed cells', () => {
    test('a year of a row says whether it is a result or a plan year', async () => {
        expect(await hoverText(vi, at('2023: 29.609'))).toBe('**2023** — kế hoạch');
        expect(await hoverText(en, at('2021: 37.278'))).toBe('**2021** — result');
    });

    test('expectHover: the rate hover matches its pattern', async () => {
        await expectHover(vi)({ text: at('1,51'), index: 0, hover: /448 \/ 29\.609 × 100 = 1,513…% → 1,51/ });
    });

    test('a printed rate shows poor / total × 100 and its rounding', async () => {
        const value = await hoverText(vi, at('3,17'));
        expect(value).toContain('946 / 29.822 × 100 = 3,172…% → 3,17');
        expect(value).toContain('khớp với số in');
    });

    test('a misprinted rate says what it should be', async () => {
        const value = await hoverText(vi, at('3,18'));
        expect(value).toContain('650 / 29.409 × 100 = 2,210…% → 2,21');
        expect(value).toContain('khác số in 3,18');
    });

    test('a total shows the sum of its rows', async () => {
        const value = await hoverText(vi, at('1.400'));
        expect(value).toContain('Tổng các dòng (2): `650 + 295 = 945`');
        expect(value).toContain('khác số in 1.400 (455)');
    });

    test('international number style in English', async () => {
        const text = PROVINCE.replace('number-style vi', 'number-style international').replace(/(\d)\.(\d{3})/g, '$1#$2').replace(/(\d),(\d)/g, '$1.$2').replace(/#/g, ',');
        const value = await hoverText(en, at('3.17', 0, text));
        expect(value).toContain('946 / 29,822 × 100 = 3.172…% → 3.17');
        expect(value).toContain('matches the printed value');
    });
});

describe('findings', () => {
    test('on a finding, the hover says what the rule checks', async () => {
        const value = await hoverText(vi, at('3,18'), true);
        expect(value).toContain('`rate-mismatch`');
        expect(value).toContain('Tỷ lệ in bằng số đếm / mẫu số × 100 (hộ nghèo / tổng số hộ');
    });

    test('in English', async () => {
        const value = await hoverText(en, at('1.400'), true);
        expect(value).toContain('`total-mismatch`');
        expect(value).toContain('A total or subtotal equals the sum of its rows');
    });
});
