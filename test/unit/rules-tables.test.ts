// District tables in the shapes other provinces publish: urban/rural sections with subtotals and a
// grand total, near-poor columns, counts and rates without the households column, blank cells.
import { describe, expect, test } from 'vitest';
import { createTestServices, findingKeys, marked, showRange, validatePlan } from '../helpers/plan.js';

const services = createTestServices();
const en = createTestServices('en');

/** A table split into urban and rural sections; the same two districts appear in each. */
function sectioned(cells: { subI?: string; subII?: string; total?: string; ruralB?: string } = {}): string {
    return `plan t number-style vi
district A "Phù Cừ" huyen
district B "Tiên Lữ" huyen
table t1 "Tỷ lệ hộ nghèo, hộ cận nghèo theo khu vực" {
    years { 2024 plan }
    columns households poor near-poor poor-rate near-poor-rate
    section I "Khu vực thành thị" {
        row 1 A { 2024: 5.000 50 100 1,00 2,00 }
        row 2 B { 2024: 4.000 20 60 0,50 1,50 }
        subtotal "Cộng I" { 2024: ${cells.subI ?? '9.000 70 160 0,78 1,78'} }
    }
    section II "Khu vực nông thôn" {
        row 1 A { 2024: 25.000 400 600 1,60 2,40 }
        row 2 B { 2024: ${cells.ruralB ?? '28.000 280 500 1,00 1,79'} }
        subtotal "Cộng II" { 2024: ${cells.subII ?? '53.000 680 1.100 1,28 2,08'} }
    }
    total "Tổng cộng (I+II)" { 2024: ${cells.total ?? '62.000 750 1.260 1,21 2,03'} }
}
`;
}

describe('sections with subtotals and a grand total "Tổng cộng (I+II)"', () => {
    test('a consistent table gives no finding: a district may appear once in each section', async () => {
        const { diagnostics, model } = await validatePlan(services, sectioned());
        expect(findingKeys(diagnostics)).toEqual([]);
        const table = model.tables[0];
        expect(table.sections.map(s => [s.label, s.title, s.rows.length, s.subtotal?.label])).toEqual([
            ['I', 'Khu vực thành thị', 2, 'Cộng I'], ['II', 'Khu vực nông thôn', 2, 'Cộng II']
        ]);
        expect(table.sections[0].sums.values[2024]).toMatchObject({ households: 9000, poor: 70, 'near-poor': 160 });
        expect(table.sections[1].sums.values[2024]).toMatchObject({ households: 53000, poor: 680, 'near-poor': 1100 });
        expect(table.expectedTotal.values[2024]).toMatchObject({ households: 62000, poor: 750, 'near-poor': 1260 });
        expect(table.expectedTotal.values[2024]['poor-rate']).toBeCloseTo(750 / 62000 * 100, 10);
        expect(table.total?.label).toBe('Tổng cộng (I+II)');
    });

    test('a subtotal that is not the sum of its rows is reported at its cell, and only there', async () => {
        const { text, ranges } = marked(sectioned({ subII: '53.000 «690» 1.100 1,28 2,08' }));
        const { diagnostics } = await validatePlan(services, text);
        // 690/53.000 = 1,30 %, but 1,28 is the rate of 680, what the rows add up to: only 690 is wrong (issue 10).
        expect(findingKeys(diagnostics)).toEqual([`total-mismatch@${showRange(ranges[0])}`]);
        expect(diagnostics.find(d => d.code === 'total-mismatch')!.message)
            .toBe('Cộng II năm 2024, cột Hộ nghèo: in 690 nhưng tổng các dòng là 680 (chênh 10).');
    });

    test('a grand total that is not I + II is reported at its cell', async () => {
        const { text, ranges } = marked(sectioned({ total: '62.000 750 «1.250» 1,21 2,03' }));
        const { diagnostics } = await validatePlan(services, text, 'en');
        // 1.250/62.000 = 2,016 % prints 2,02; 2,03 is the rate of 1.260, the rows' sum: one mistake, one finding.
        expect(findingKeys(diagnostics)).toEqual([`total-mismatch@${showRange(ranges[0])}`]);
        expect(diagnostics.find(d => d.code === 'total-mismatch')!.message)
            .toBe('Tổng cộng (I+II) 2024, column near-poor households: printed 1.250 but the rows add up to 1.260 (off by -10).');
    });

    test('a district row that is wrong shows in its section subtotal and in the grand total', async () => {
        // Tiên Lữ rural printed 290 poor instead of 280 (rate 1,04 kept consistent with it).
        const { text, ranges } = marked(sectioned({
            ruralB: '28.000 290 500 1,04 1,79', subII: '53.000 «680» 1.100 1,28 2,08', total: '62.000 «750» 1.260 1,21 2,03'
        }));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `total-mismatch@${showRange(r)}`).sort());
    });

    test('a section that prints only its subtotal counts by that subtotal in the grand total', async () => {
        const onlySubtotal = sectioned()
            .replace('        row 1 A { 2024: 5.000 50 100 1,00 2,00 }\n        row 2 B { 2024: 4.000 20 60 0,50 1,50 }\n', '');
        expect(onlySubtotal).not.toContain('5.000 50 100');
        const { diagnostics, model } = await validatePlan(services, onlySubtotal);
        expect(findingKeys(diagnostics)).toEqual([]);
        expect(model.tables[0].expectedTotal.values[2024]).toMatchObject({ households: 62000, poor: 750, 'near-poor': 1260 });
    });

    test('the same district twice in one section is a duplicate row', async () => {
        const text = sectioned().replace('row 2 B { 2024: 4.000 20 60 0,50 1,50 }', 'row 2 «A» { 2024: 4.000 20 60 0,50 1,50 }');
        const m = marked(text);
        const { diagnostics } = await validatePlan(services, m.text);
        // Phù Cừ now stands twice in section I, so Cộng I and the grand total still add up; only the duplicate is wrong.
        expect(findingKeys(diagnostics)).toEqual([`duplicate-row@${showRange(m.ranges[0])}`]);
    });

    test('row numbers run per section', async () => {
        const text = sectioned().replace('row 2 B { 2024: 28.000', 'row «3» B { 2024: 28.000');
        const m = marked(text);
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`numbering-gap@${showRange(m.ranges[0])}`]);
    });
});

describe('near-poor households beside the poor ones', () => {
    const plan = (cells: string, columns = 'households poor near-poor poor-rate near-poor-rate') => `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "T" {
    years { 2023 plan }
    columns ${columns}
    row 1 A { 2023: ${cells} }
}
`;

    test('poor + near-poor above the households is reported at the near-poor cell, though each is below', async () => {
        const { text, ranges } = marked(plan('1.000 600 «500» 60,00 50,00'));
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual([`poor-exceeds-total@${showRange(ranges[0])}`]);
        expect(diagnostics[0].message).toBe('Poor and near-poor households (1.100) exceed the total households (1.000) (Phù Cừ, 2023).');
    });

    test('near-poor alone above the households is reported as near-poor', async () => {
        const { text, ranges } = marked(plan('1.000 0 «1.001» 0,00 100,10', 'households poor near-poor poor-rate near-poor-rate'));
        const { diagnostics } = await validatePlan(services, text, 'en');
        const exceeds = diagnostics.filter(d => d.code === 'poor-exceeds-total');
        expect(exceeds.map(d => showRange(d.range))).toEqual([showRange(ranges[0])]);
        expect(exceeds[0].message).toMatch(/^Near-poor households \(1\.001\) exceed/);
    });

    test('the near-poor rate is near-poor / households, rounded as printed', async () => {
        expect(findingKeys((await validatePlan(services, plan('30.209 195 250 0,65 0,83'))).diagnostics)).toEqual([]);
        const { text, ranges } = marked(plan('30.209 195 250 0,65 «0,82»'));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([`rate-mismatch@${showRange(ranges[0])}`]);
        expect(diagnostics[0].data).toMatchObject({ replacement: '0,83' });
    });

    test('the multidimensional poverty rate is (poor + near-poor) / households', async () => {
        const cols = 'households poor near-poor multidim-rate';
        expect(findingKeys((await validatePlan(services, plan('30.209 195 250 1,47', cols))).diagnostics)).toEqual([]);
        const { text, ranges } = marked(plan('30.209 195 250 «0,65»', cols));
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual([`rate-mismatch@${showRange(ranges[0])}`]);
        expect(diagnostics[0].message).toBe('The printed rate 0,65% is not 445/30.209 = 1,4731% (Phù Cừ, 2023).');
    });
});

describe('counts and rates without the households column', () => {
    const plan = (a: string, b: string, total: string) => `plan t number-style vi
district A "Phù Cừ" huyen
district B "Tiên Lữ" huyen
table t1 "Số hộ nghèo và tỷ lệ hộ nghèo" {
    years { 2022 result 2023 plan }
    columns poor poor-rate
    row 1 A { ${a} }
    row 2 B { ${b} }
    total "Toàn tỉnh" { ${total} }
}
`;

    test('rates cannot be recomputed and are not reported; the model has no rate for the sums', async () => {
        const { diagnostics, model } = await validatePlan(services, plan('2022: 650 2,21 2023: 448 1,51', '2022: 679 2,09 2023: 405 1,24', '2022: 1.329 2,15 2023: 853 1,37'));
        expect(findingKeys(diagnostics)).toEqual([]);
        expect(model.tables[0].expectedTotal.values[2023]).toEqual({ poor: 853 });
    });

    test('the count total is still checked', async () => {
        const { text, ranges } = marked(plan('2022: 650 2,21 2023: 448 1,51', '2022: 679 2,09 2023: 405 1,24', '2022: «1.339» 2,15 2023: 853 1,37'));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([`total-mismatch@${showRange(ranges[0])}`]);
    });

    test('printed rates still lie in 0–100', async () => {
        const { text, ranges } = marked(plan('2022: 650 «102,21» 2023: 448 1,51', '2022: 679 2,09 2023: 405 1,24', '2022: 1.329 2,15 2023: 853 1,37'));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([`percent-out-of-range@${showRange(ranges[0])}`]);
    });
});

describe('table shape', () => {
    const plan = (row: string, years = '2023 plan') => `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "T" {
    years { ${years} }
    columns households poor poor-rate
    row 1 A { ${row} }
}
`;

    test('an extra cell is reported at that cell', async () => {
        const { text, ranges } = marked(plan('2023: 29.609 448 1,51 «1,50»'));
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual([`cell-count@${showRange(ranges[0])}`]);
        expect(diagnostics[0].message).toMatch(/^Year 2023 has 4 cells but the table declares 3 columns/);
    });

    test('a blank cell ("-") is a cell without a number: nothing to check, nothing to crash on', async () => {
        const { diagnostics, model } = await validatePlan(services, plan('2023: 29.609 - -'));
        expect(findingKeys(diagnostics)).toEqual([]);
        const cells = model.tables[0].sections[0].rows[0].years[0].cells;
        expect(cells.map(c => [c.measure, c.number?.value])).toEqual([['households', 29609], ['poor', undefined], ['poor-rate', undefined]]);
    });

    test('a year declared twice in the table years', async () => {
        const { text, ranges } = marked(plan('2023: 29.609 448 1,51', '2023 plan «2023 plan»'));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([`duplicate-year@${showRange(ranges[0])}`]);
    });

    test('a row without figures for two years gets one finding per missing year', async () => {
        const { diagnostics } = await validatePlan(services, plan('2023: 29.609 448 1,51', '2021 result 2022 result 2023 plan'), 'en');
        expect(diagnostics.map(d => [d.code, d.message])).toEqual([
            ['missing-district-year', 'Phù Cừ has no figures for 2021.'],
            ['missing-district-year', 'Phù Cừ has no figures for 2022.']
        ]);
    });
});

describe('a count that cannot be used is reported once, not again through the sums and rates it enters', () => {
    const plan = (b: string, total = '101.198 2.769 2,74') => `plan t number-style vi
district A "Phù Cừ" huyen
district B "Tiên Lữ" huyen
district C "Kim Động" huyen
table t1 "T" {
    years { 2021 result }
    columns households poor poor-rate
    row 1 A { 2021: 29.822 946 3,17 }
    row 2 B { 2021: ${b} }
    row 3 C { 2021: 41.011 1.097 2,67 }
    total "Tổng cộng" { 2021: ${total} }
}
`;

    test('the consistent table is quiet', async () => {
        expect(findingKeys((await validatePlan(services, plan('30.365 726 2,39'))).diagnostics)).toEqual([]);
    });

    test.each([
        ['a malformed count', '«30.36.5» 726 2,39', 'number-malformed'],
        ['a negative count', '30.365 «-726» 2,39', 'negative-count']
    ])('%s', async (_what, cells, code) => {
        const { text, ranges } = marked(plan(cells));
        const { diagnostics, model } = await validatePlan(services, text);
        expect(findingKeys(diagnostics.filter(d => d.severity !== 3))).toEqual([`${code}@${showRange(ranges[0])}`]);
        // No fix proposes a reading: the rate and the total it blocks say they could not be checked (infos).
        const infos = diagnostics.filter(d => d.severity === 3);
        expect(infos.map(d => d.code).sort()).toEqual(['unchecked-rate', 'unchecked-total']);
        expect(infos.find(d => d.code === 'unchecked-total')!.range.start.line).toBe(10);
        // The sum it enters is unknown, not a partial sum.
        const sums = model.tables[0].expectedTotal.values[2021];
        const measure = code === 'negative-count' ? 'poor' : 'households';
        expect(sums[measure]).toBeUndefined();
        expect(sums['poor-rate']).toBeUndefined();
    });

    // Issue 21: the checks that use a count typed the other way run as its fix reads it.
    test.each([
        ['an international-style count (30,365, read as 30.365 as its fix proposes)', '«30,365» 726 2,39', 'count-not-integer'],
        ['a count in the wrong style (30,365.0, read as 30.365,0)', '«30,365.0» 726 2,39', 'number-style']
    ])('%s: the rate and the total it enters are checked under that reading, and hold', async (_what, cells, code) => {
        const { text, ranges } = marked(plan(cells));
        const { diagnostics, model } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([`${code}@${showRange(ranges[0])}`]);
        // The model's sums assume nothing: only the checks read the cell as its fix does.
        expect(model.tables[0].expectedTotal.values[2021].households).toBeUndefined();
    });

    test('a total cell that is no whole number is checked as its fix reads it, and holds', async () => {
        const { text, ranges } = marked(plan('30.365 726 2,39', '«101,198» 2.769 2,74'));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([`count-not-integer@${showRange(ranges[0])}`]);
    });

    test('a total cell that is no whole number and off by 10 is a total mismatch under the reading its fix proposes', async () => {
        const { text, ranges } = marked(plan('30.365 726 2,39', '«101,208» 2.769 2,74'));
        const { diagnostics } = await validatePlan(en, text);
        const mismatch = diagnostics.find(d => d.code === 'total-mismatch')!;
        expect(findingKeys(diagnostics)).toEqual([`count-not-integer@${showRange(ranges[0])}`, `total-mismatch@${showRange(ranges[0])}`]);
        expect(mismatch.message).toBe('Tổng cộng 2021, column total households: printed 101,208 but the rows add up to 101.198 (off by 10; reading 101,208 as 101.208, as the fix proposes).');
    });

    test('a misstyled cell no longer hides a wrong total in the same column', async () => {
        const { diagnostics } = await validatePlan(services, plan('30,365 726 2,39', '101.198 2.770 2,74'), 'vi');
        const keys = diagnostics.map(d => `${d.code}@${d.range.start.line}`);
        // households add up as the fix reads 30,365; the poor column's total is wrong.
        expect(keys).toEqual(['count-not-integer@8', 'total-mismatch@10']);
    });

    test('a total off by 10 beside a misstyled cell is the total mismatch, saying how the cell was read (not an unchecked total)', async () => {
        const m = marked(plan('«30,365» 726 2,39', '«101.208» 2.769 2,74'));
        const { diagnostics } = await validatePlan(services, m.text, 'vi');
        expect(findingKeys(diagnostics)).toEqual([`count-not-integer@${showRange(m.ranges[0])}`, `total-mismatch@${showRange(m.ranges[1])}`]);
        const mismatch = diagnostics.find(d => d.code === 'total-mismatch')!;
        expect(mismatch.message).toBe('Tổng cộng năm 2021, cột Tổng số hộ: in 101.208 nhưng tổng các dòng là 101.198 (chênh 10; đọc 30,365 là 30.365 như cách sửa đề xuất).');
        expect(mismatch.data).toMatchObject({ replacement: '101.198' });
    });

    test('a rate wrong beside a misstyled base is a rate mismatch under the reading, saying so', async () => {
        const m = marked(plan('30,365 726 «2,93»'));
        const { diagnostics } = await validatePlan(en, m.text);
        const mismatch = diagnostics.find(d => d.code === 'rate-mismatch')!;
        expect(mismatch.range.start).toEqual(m.ranges[0].start);
        expect(mismatch.message).toBe('The printed rate 2,93% is not 726/30.365 = 2,3909% (Tiên Lữ, 2021; reading 30,365 as 30.365, as the fix proposes).');
        expect(mismatch.data).toMatchObject({ replacement: '2,39' });
    });

    test('a blank cell adds nothing to the sum', async () => {
        const { diagnostics, model } = await validatePlan(services, plan('30.365 - -', '101.198 2.043 2,02'));
        expect(findingKeys(diagnostics)).toEqual([]);
        expect(model.tables[0].expectedTotal.values[2021]).toMatchObject({ households: 101198, poor: 2043 });
    });
});
