// Which figure is wrong (issue 21): when the rates of a row cannot share the base the table does not
// print, the finding stands on the figure the rest of the table disagrees with and says what it
// should be; only when nothing tells are both rates marked. For each kind of evidence, a correct
// table (quiet) and an incorrect one (the finding on the wrong figure, with its value as printed).
import { describe, expect, test } from 'vitest';
import { createTestServices, findingKeys, marked, showRange, validatePlan } from '../helpers/plan.js';

const services = createTestServices();

const plan = (rows: string, opts: { years?: string; head?: string } = {}) => `plan t number-style vi
district A "Phù Cừ" huyen
district B "Tiên Lữ" huyen
district C "Kim Động" huyen
table t1 "T" {
    years { ${opts.years ?? '2023 result'} }
${opts.head ?? '    columns poor poor-rate near-poor near-poor-rate'}
${rows}
}
`;

const check = async (source: string, locale: 'vi' | 'en' = 'vi') => {
    const m = marked(source);
    const { diagnostics } = await validatePlan(services, m.text, locale);
    return { m, diagnostics };
};

describe('the total less the other rows', () => {
    const rows = (b: string, total = '1.672 2,78 2.205 3,66') => `    row 1 A { 2023: 946 3,17 1.205 4,04 }
    row 2 B { 2023: ${b} }
    total "Tổng cộng" { 2023: ${total} }`;

    test('a correct table is quiet', async () => {
        expect(findingKeys((await check(plan(rows('726 2,39 1.000 3,29')))).diagnostics)).toEqual([]);
    });

    test('a wrong rate: the finding is on that rate, with the rate it should have', async () => {
        const { m, diagnostics } = await check(plan(rows('726 2,39 1.000 «3,80»')));
        expect(findingKeys(diagnostics)).toEqual([`implied-denominator@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toBe('Tiên Lữ năm 2023: Tỷ lệ hộ cận nghèo (%) in 3,80% không khớp với phần còn lại của bảng: dòng Tổng cộng trừ các dòng còn lại cho Tổng số hộ trong khoảng 30.301–30.456, nên với Hộ cận nghèo 1.000 tỷ lệ phải là 3,29%.');
        expect(diagnostics[0].data).toMatchObject({ replacement: '3,29' });
    });

    test('the same with the first rate wrong: the finding moves to it', async () => {
        const { m, diagnostics } = await check(plan(rows('726 «2,93» 1.000 3,29')), 'en');
        expect(findingKeys(diagnostics)).toEqual([`implied-denominator@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toMatch(/^Tiên Lữ 2023: poverty rate \(%\) printed 2,93% does not fit the rest of the table: Tổng cộng less the other rows put total households at 30\.301–30\.456, so with poor households 726 the rate should be 2,39%\.$/);
    });

    test('a wrong count: the finding is on the count, with the count the total implies; the total is not blamed', async () => {
        const { m, diagnostics } = await check(plan(rows('«762» 2,39 1.000 3,29')));
        expect(findingKeys(diagnostics)).toEqual([`implied-denominator@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toContain('Hộ nghèo in 762 không khớp với phần còn lại của bảng');
        expect(diagnostics[0].message).toContain('số đúng là 726');
        expect(diagnostics[0].data).toMatchObject({ replacement: '726' });
    });

    test('a wrong rate of the total: the rows it adds up decide', async () => {
        const { m, diagnostics } = await check(plan(rows('726 2,39 1.000 3,29', '1.672 2,78 2.205 «3,96»')));
        expect(findingKeys(diagnostics)).toEqual([`implied-denominator@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toContain('tổng các dòng cho Tổng số hộ');
        expect(diagnostics[0].data).toMatchObject({ replacement: '3,66' });
    });
});

describe("the row's other rates", () => {
    const head = `    column tb "Hộ có mức sống trung bình" households
    column ty_le_tb "Tỷ lệ hộ có mức sống trung bình (%)" percent rate-of tb per households
    columns poor poor-rate near-poor near-poor-rate tb ty_le_tb`;

    test('a correct table is quiet', async () => {
        expect(findingKeys((await check(plan('    row 1 A { 2023: 946 3,17 1.205 4,04 2.500 8,38 }', { head }))).diagnostics)).toEqual([]);
    });

    test('one rate of three disagrees: it is the wrong one', async () => {
        const { m, diagnostics } = await check(plan('    row 1 A { 2023: 946 3,17 1.205 4,04 2.500 «9,38» }', { head }));
        expect(findingKeys(diagnostics)).toEqual([`implied-denominator@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toContain('các tỷ lệ còn lại của dòng');
        expect(diagnostics[0].data).toMatchObject({ replacement: '8,38' });
    });
});

describe("the same unit's year before", () => {
    const years = '2023 result 2024 result';

    test('a correct table is quiet', async () => {
        expect(findingKeys((await check(plan('    row 1 A { 2023: 946 3,17 1.205 4,04  2024: 900 3,00 1.150 3,83 }', { years }))).diagnostics)).toEqual([]);
    });

    test('the rate that puts the households far from the year before is the wrong one', async () => {
        const { m, diagnostics } = await check(plan('    row 1 A { 2023: 946 3,17 1.205 4,04  2024: 900 3,00 1.150 «4,50» }', { years }), 'en');
        expect(findingKeys(diagnostics)).toEqual([`implied-denominator@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toBe("Phù Cừ 2024: near-poverty rate (%) printed 4,50% does not fit the rest of the table: the same unit's 2023 (29.796–29.863, within 5%) put total households at 28.307–31.356, so with near-poor households 1.150 the rate should be 3,83%.");
    });

    test('when both rates stay within 5% of the year before, it cannot tell: both are marked', async () => {
        const { m, diagnostics } = await check(plan('    row 1 A { 2023: 946 3,17 1.205 4,04  2024: 900 «3,00» 1.150 «3,95» }', { years }));
        expect(findingKeys(diagnostics)).toEqual(m.ranges.map(r => `implied-denominator@${showRange(r)}`));
    });
});

describe('nothing tells', () => {
    test('one row, one year, two rates: both are marked, saying the table cannot tell', async () => {
        const { m, diagnostics } = await check(plan('    row 1 B { 2023: 726 «2,39» 1.000 «3,80» }'));
        expect(findingKeys(diagnostics)).toEqual(m.ranges.map(r => `implied-denominator@${showRange(r)}`));
        for (const d of diagnostics) {
            expect(d.message).toContain('Bảng không có số liệu nào khác cho biết số nào sai: hãy kiểm tra cả hai.');
            expect(d.data).not.toHaveProperty('replacement');
        }
    });

    test('a total whose other rows disagree among themselves gives no bound: both are marked', async () => {
        const { m, diagnostics } = await check(plan(`    row 1 A { 2023: 946 «3,17» 1.205 «4,40» }
    row 2 B { 2023: 726 «2,39» 1.000 «3,80» }
    total "Tổng cộng" { 2023: 1.672 2,78 2.205 3,66 }`));
        expect(findingKeys(diagnostics)).toEqual(m.ranges.map(r => `implied-denominator@${showRange(r)}`).sort());
    });
});

describe('a count off by one that the rounding of its rate still allows', () => {
    test('is no disagreement between the rates: only the total of its column is wrong', async () => {
        const { diagnostics } = await check(plan(`    row 1 A { 2023: 946 3,17 1.205 4,04 }
    row 2 B { 2023: 727 2,39 1.000 3,29 }
    total "Tổng cộng" { 2023: 1.672 2,78 2.205 3,66 }`));
        expect(diagnostics.map(d => d.code)).toEqual(['total-mismatch']);
    });
});
