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

/** A table that declares its own columns: a count, a rate over the households, a sum and a flow; and a table of targets. */
const DECLARED = `plan t number-style vi
agency LD "Sở Lao động - Thương binh và Xã hội" department
agency YT "Sở Y tế" department
commune XaA "Xã An Viên" xa full-name "Xã An Viên, huyện Tiên Lữ"
table t1 "Hộ nghèo, hộ mức sống trung bình" {
    years { 2022 result 2023 plan }
    column tb "Hộ mức sống trung bình" households
    column ty_le_tb "Tỷ lệ hộ mức sống trung bình" percent rate-of tb per households
    column da_chieu "Hộ nghèo đa chiều" households sum-of poor + near-poor
    column thoat "Hộ thoát nghèo" households
    column poor "Hộ nghèo cuối năm" households flow - thoat
    columns households tb ty_le_tb poor near-poor da_chieu thoat
    row 1 XaA {
        2022: 1.000 40 4,00 100 20 120 -
        2023: 1.000 50 5,00 95 20 116 10
    }
}
table t2 "Mục tiêu" targets {
    years { 2025 plan }
    column ho_thoat "Hộ thoát nghèo" households
    columns households ho_thoat
    row 1 XaA { 2025: 1.000 410..460 }
}
solutions "S" {
    group 1 "Nhóm" {
        lead LD coordinate YT
        solution "Tuyên truyền"
        solution "Khám bệnh" { lead YT }
    }
}
`;

describe('declared tables', () => {
    test('a cell of a declared rate column: the label, the definition as written and in words, the computation', async () => {
        const value = await hoverText(vi, at('5,00', 0, DECLARED));
        expect(value).toContain('**Tỷ lệ hộ mức sống trung bình** — Xã An Viên, 2023');
        expect(value).toContain('phần trăm (%) · `rate-of tb per households` (tỷ lệ: Hộ mức sống trung bình / Tổng số hộ × 100)');
        expect(value).toContain('50 / 1.000 × 100 = 5,000% → 5,00');
        expect(value).toContain('khớp với số in');
    });

    test('the same in English', async () => {
        const value = await hoverText(en, at('5,00', 0, DECLARED));
        expect(value).toContain('percent (%) · `rate-of tb per households` (a rate: Hộ mức sống trung bình / total households × 100)');
    });

    test('a cell of a sum column shows its parts, a cell of a flow column last year\'s value and the flows', async () => {
        const sum = await hoverText(vi, at('116', 0, DECLARED));
        expect(sum).toContain('**Hộ nghèo đa chiều** — Xã An Viên, 2023');
        expect(sum).toContain('`sum-of poor + near-poor` (tổng: Hộ nghèo cuối năm + Hộ cận nghèo)');
        expect(sum).toContain('Tổng các cột: `95 + 20 = 115`');
        expect(sum).toContain('khác số in 116 (1)');
        const flow = await hoverText(vi, at('95 20', 0, DECLARED));
        expect(flow).toContain('**Hộ nghèo cuối năm** — Xã An Viên, 2023');
        expect(flow).toContain('`flow - thoat` (năm trước − Hộ thoát nghèo)');
        expect(flow).toContain('Tính từ năm trước: `100 − 10 = 90`');
        expect(flow).toContain('khác số in 95 (5)');
    });

    test('a plain cell of a declared column and a range cell show the column', async () => {
        const plain = await hoverText(vi, at('40 4,00', 0, DECLARED));
        expect(plain).toBe('**Hộ mức sống trung bình** — Xã An Viên, 2022 (kết quả)\n\nhộ');
        const range = await hoverText(vi, at('410..460', 0, DECLARED));
        expect(range).toBe('**Hộ thoát nghèo** — Xã An Viên, 2025 (kế hoạch)\n\nhộ\n\nKhoảng: `410..460`');
    });

    test('a blank cell and a plain cell of a predeclared column say what they are (once no hover at all)', async () => {
        expect(await hoverText(vi, at(' -\n', 0, DECLARED))).toBe('**Hộ thoát nghèo** — Xã An Viên, 2022 (kết quả)\n\nhộ\n\n_Ô để trống (`-`): không có số liệu_');
        expect(await hoverText(en, at(' -\n', 0, DECLARED))).toBe('**Hộ thoát nghèo** — Xã An Viên, 2022 (result)\n\nhouseholds\n\n_Left blank (`-`): no figure_');
        expect(await hoverText(vi, at('29.822'))).toBe('**Tổng số hộ** — Phù Cừ, 2021 (kết quả)\n\nhộ');
        expect(await hoverText(en, at('29.822'))).toBe('**total households** — Phù Cừ, 2021 (result)\n\nhouseholds');
    });

    test('on a misprinted figure, the figure the rule computed, as the rule wrote it', async () => {
        const rate = await hoverText(vi, at('3,18'), true);
        expect(rate).toContain('**Quy tắc** `rate-mismatch`');
        expect(rate).toContain('Quy tắc tính được: `2,21`');
        expect(await hoverText(en, at('1.400'), true)).toContain('The rule computed: `945`');
        // Not on a figure the rule only rewrites (number-style): that is no computation.
        expect(await hoverText(vi, at('99.5', 0, PROVINCE.replace('baseline 2022 = 100', 'baseline 2022 = 99.5')), true)).not.toContain('Quy tắc tính được');
    });

    test('a column name says what the table declares; a predeclared one keeps its keyword hover', async () => {
        const declared = await hoverText(vi, at('ty_le_tb poor', 0, DECLARED));
        expect(declared).toBe('`ty_le_tb` — Tỷ lệ hộ mức sống trung bình\n\n'
            + '_Cột khai báo trong bảng_ — phần trăm (%) · `rate-of tb per households` (tỷ lệ: Hộ mức sống trung bình / Tổng số hộ × 100)');
        // poor is redefined by this table: its own label, not the keyword's.
        expect(await hoverText(vi, at('poor near-poor da_chieu', 0, DECLARED))).toMatch(/^`poor` — Hộ nghèo cuối năm\n\n_Cột khai báo trong bảng_ — hộ · `flow - thoat`/);
        expect(await hoverText(vi, at('near-poor da_chieu', 0, DECLARED))).toBe('`near-poor` — số hộ cận nghèo');
        // In a definition too.
        expect(await hoverText(en, at('tb per', 0, DECLARED))).toBe('`tb` — Hộ mức sống trung bình\n\n_Column declared by the table_ — households');
    });

    test('a unit of another level is named by its level', async () => {
        const value = await hoverText(vi, at('XaA {', 0, DECLARED));
        expect(value).toContain('**XaA** · Xã An Viên');
        expect(value).toContain('_Xã, phường, thị trấn — xã_');
        expect(await hoverText(en, at('XaA {', 0, DECLARED))).toContain('_Commune — rural commune_');
    });

    test('an agency leads the solutions of the group that names it, but not one with a lead of its own', async () => {
        const ld = await hoverText(vi, at('LD "Sở', 0, DECLARED));
        expect(ld).toContain('Chủ trì (1): giải pháp “Tuyên truyền”');
        const yt = await hoverText(vi, at('YT "Sở', 0, DECLARED));
        expect(yt).toContain('Chủ trì (1): giải pháp “Khám bệnh”');
        expect(yt).toContain('Phối hợp (1): giải pháp “Tuyên truyền”');
    });
});
