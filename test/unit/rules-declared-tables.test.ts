// Tables that declare what they are (issue 10): columns with units and definitions, ranges, units of
// any level, per-year standards, checks of their own. Each check follows from a declaration; each
// mistake is one finding, at the wrong figure. (The eight published shapes are in examples/tables,
// pinned by examples.test.ts; these are the edges.)
import { describe, expect, test } from 'vitest';
import { createTestServices, findingKeys, marked, showRange, validatePlan } from '../helpers/plan.js';

const services = createTestServices();
const en = createTestServices('en');

const districts = `district A "Phù Cừ" huyen
district B "Tiên Lữ" huyen
district C "Kim Động" huyen`;

describe('a copied row', () => {
    const table = (rowB2: string) => `plan t number-style vi
${districts}
table t1 "T" {
    years { 2024 plan }
    columns households poor poor-rate
    row 1 A { 2024: 5.000 50 1,00 }
    row 2 B { 2024: 4.000 20 0,50 }
    ${rowB2}
    row 4 C { 2024: 3.000 30 1,00 }
    total "Tổng" { 2024: 12.000 100 0,83 }
}
`;

    test('is reported once, and not added into the sums again', async () => {
        const m = marked(table('row 3 «B» { 2024: 4.000 20 0,50 }'));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`duplicate-row@${showRange(m.ranges[0])}`]);
    });

    test('a total that does count it (a row under the wrong unit) is not wrong either', async () => {
        const m = marked(table('row 3 «B» { 2024: 4.000 20 0,50 }').replace('12.000 100 0,83', '16.000 120 0,75'));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`duplicate-row@${showRange(m.ranges[0])}`]);
    });
});

describe('declared columns', () => {
    const plan = (body: string, columns = 'households trung_binh ty_le') => `plan t number-style vi
${districts}
table t1 "T" {
    years { 2023 result 2024 result }
    column trung_binh "Hộ có mức sống trung bình" households
    column ty_le "Tỷ lệ hộ có mức sống trung bình" percent rate-of trung_binh per households
    columns ${columns}
${body}
}
`;

    test('a declared rate is checked against its declared count and base, rounding as printed', async () => {
        const m = marked(plan(`    row 1 A { 2023: 10.000 250 2,50  2024: 10.000 240 «2,50» }`));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`rate-mismatch@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toBe('Tỷ lệ in 2,50% không bằng 240/10.000 = 2,4% (Phù Cừ, năm 2024).');
    });

    test('a declared count is summed into totals, and must be whole', async () => {
        const m = marked(plan(`    row 1 A { 2023: 10.000 «2,5» 0,03  2024: 10.000 240 2,40 }
    row 2 B { 2023: 10.000 300 3,00  2024: 10.000 200 2,00 }
    total "Tổng" { 2023: 20.000 300 1,50  2024: 20.000 «450» 2,25 }`));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics, d => d.severity !== 3)).toEqual([
            `count-not-integer@${showRange(m.ranges[0])}`, `total-mismatch@${showRange(m.ranges[1])}`
        ]);
        // The 2023 total cannot be checked with 2,5 in it: said once, at the total.
        expect(diagnostics.filter(d => d.severity === 3).map(d => `${d.code}@${d.range.start.line}`)).toEqual(['unchecked-rate@9', 'unchecked-total@11']);
    });

    test('a count above its base is reported for declared rates too', async () => {
        const m = marked(plan(`    row 1 A { 2023: 100 «250» «250,00»  2024: 100 50 50,00 }`));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([
            `part-exceeds-base@${showRange(m.ranges[0])}`, `percent-out-of-range@${showRange(m.ranges[1])}`
        ]);
    });

    test('an unknown column is reported where it is named, with the known ones', async () => {
        const m = marked(plan(`    row 1 A { 2023: 10.000 250 2,50 1  2024: 10.000 240 2,40 1 }`, 'households trung_binh ty_le «trung_bnh»'));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`unknown-column@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toContain('trung_binh, ty_le');
    });

    test('a predeclared column may be redeclared with the table\'s own heading; it keeps its meaning unless redefined', async () => {
        const text = `plan t number-style vi
${districts}
table t1 "T" {
    years { 2024 result }
    column poor "Số hộ nghèo theo chuẩn đa chiều" households
    columns households poor poor-rate
    row 1 A { 2024: 10.000 250 «2,40» }
}
`;
        const m = marked(text);
        const { diagnostics, model } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`rate-mismatch@${showRange(m.ranges[0])}`]);
        expect(model.tables[0].columnsById.poor.label).toBe('Số hộ nghèo theo chuẩn đa chiều');
    });
});

describe('ranges', () => {
    const plan = (flag: string, cells: string) => `plan t number-style vi
${districts}
table t1 "T"${flag} {
    years { 2025 plan }
    column giam "Số hộ giảm" households
    columns households giam
    row 1 A { 2025: ${cells} }
}
`;

    test('stand only in a table declared `targets`', async () => {
        const m = marked(plan('', '10.000 «410..460»'));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`range-outside-targets@${showRange(m.ranges[0])}`]);
        expect(findingKeys((await validatePlan(services, plan(' targets', '10.000 410..460'))).diagnostics)).toEqual([]);
    });

    test('run from low to high', async () => {
        const m = marked(plan(' targets', '10.000 «460..410»'));
        expect(findingKeys((await validatePlan(services, m.text)).diagnostics)).toEqual([`range-reversed@${showRange(m.ranges[0])}`]);
    });

    test('each bound is read in the plan\'s number style', async () => {
        const m = marked(plan(' targets', '10.000 «410..1,460.5»'));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`number-style@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toContain('"1,460.5"');
    });
});

describe('a table\'s own checks', () => {
    const plan = (check: string) => `plan t number-style vi
${districts}
table t1 "T" {
    years { 2023 result 2024 plan 2025 plan }
    columns households poor near-poor
    ${check}
    row 1 A { 2023: 10.000 300 200  2024: 10.000 250 260  2025: 10.000 200 150 }
    row 2 B { 2023: 10.000 100 50  2024: 10.000 120 40  2025: 10.000 90 30 }
    total "Tổng" { 2023: 20.000 400 250  2024: 20.000 370 300  2025: 20.000 290 180 }
}
`;

    test('over the unit rows and the years named, with their severity, in the plan\'s language', async () => {
        const text = plan('check can_ngheo { near-poor <= poor rows units years 2024 2025 severity error message "Hộ cận nghèo nhiều hơn hộ nghèo" en "More near-poor than poor" }');
        const vi = await validatePlan(services, text);
        expect(vi.diagnostics.map(d => `${d.code}@${d.range.start.line}:${d.severity}`)).toEqual(['table-check@8:1']);
        expect(vi.diagnostics[0].message).toBe('Hộ cận nghèo nhiều hơn hộ nghèo (Phù Cừ, năm 2024: 260 <= 250 không đúng).');
        const english = await validatePlan(en, text, 'en');
        expect(english.diagnostics[0].message).toBe('More near-poor than poor (Phù Cừ, 2024: 260 <= 250 does not hold).');
    });

    test('over totals only, with sums, the year before and numbers', async () => {
        const text = plan('check giam { poor + near-poor <= poor(previous) + near-poor(previous) - 10 rows totals severity info message "Tổng hộ nghèo và cận nghèo không giảm" }');
        const { diagnostics } = await validatePlan(services, text);
        // 2024: 370 + 300 = 670 > 400 + 250 − 10 = 640; 2025: 470 <= 660. 2023 has no year before: not checked.
        expect(diagnostics.map(d => `${d.code}@${d.range.start.line}:${d.severity}`)).toEqual(['table-check@10:3']);
        expect(diagnostics[0].message).toContain('670 <= 640');
    });

    test('a fixed year on one side compares every year with it', async () => {
        const text = plan('check duoi_2023 { poor <= poor(2023) rows all years 2024 2025 message "Hộ nghèo vượt năm 2023" }');
        const { diagnostics } = await validatePlan(services, text);
        expect(diagnostics.map(d => `${d.range.start.line}:${d.range.start.character}`)).toEqual(['9:48']);
    });
});

describe('a change of poverty standard', () => {
    const plan = (standards: boolean) => `plan t number-style vi
standard thu_nhap "Thu nhập" from 2011 to 2015
standard da_chieu "Đa chiều" from 2016 to 2020
agency L "Sở Lao động - Thương binh và Xã hội" department
${districts}
table t1 "T" {
    years { 2015 result${standards ? ' standard thu_nhap' : ''}  2016 plan${standards ? ' standard da_chieu' : ''}  2017 plan${standards ? ' standard da_chieu' : ''} }
    columns households poor poor-rate
    row 1 A { 2015: 10.000 300 3,00  2016: 10.000 800 8,00  2017: 10.000 700 7,00 }
    total "Tổng" { 2015: 10.000 300 3,00  2016: 10.000 800 8,00  2017: 10.000 700 7,00 }
}
indicator ty_le "Tỷ lệ hộ nghèo" { unit percent direction lower computed poor-rate of t1 lead L }
`;

    test('the jump at the break is not a regression', async () => {
        expect(findingKeys((await validatePlan(services, plan(true))).diagnostics)).toEqual([]);
    });

    test('without the standards the same series moves the wrong way', async () => {
        // 3,00 → 8,00 in 2016; 2017's 7,00 is still above the 2015 result.
        expect((await validatePlan(services, plan(false))).diagnostics.map(d => `${d.code}@${d.range.start.line}`)).toEqual(['wrong-direction@11', 'wrong-direction@11']);
    });
});

describe('units of any level', () => {
    test('regions, a province and communes stand in rows like districts', async () => {
        const text = `plan t number-style vi
region DBSH "Đồng bằng sông Hồng"
province HY "Tỉnh Hưng Yên"
commune X "Xã Đoàn Đào" xa
commune P "Phường Hiến Nam" phuong
commune T "Thị trấn Trần Cao" thi-tran
table t1 "T" {
    years { 2024 result }
    columns households poor poor-rate
    row 1 DBSH { 2024: 6.400.000 64.000 1,00 }
    row 2 HY { 2024: 400.000 4.000 1,00 }
    row 3 X { 2024: 2.000 20 1,00 }
    row 4 P { 2024: 3.000 30 1,00 }
    row 5 T { 2024: 1.000 10 1,00 }
}
`;
        const { diagnostics, model } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([]);
        expect(model.districts.map(d => `${d.level}:${d.kind ?? ''}`)).toEqual(['region:', 'province:', 'commune:xa', 'commune:phuong', 'commune:thi-tran']);
    });
});

describe('solutions', () => {
    test('a lead stated for a group holds for its solutions and subgroups; without any, an info', async () => {
        const text = `plan t number-style vi
agency L "Sở Lao động - Thương binh và Xã hội" department
solutions "GIẢI PHÁP" {
    group 1 "Lãnh đạo" {
        lead L
        solution "Các cấp ủy tập trung lãnh đạo"
        group a "Ở cơ sở" {
            solution "Xã, phường tổ chức thực hiện"
        }
    }
    group 2 "Tuyên truyền" {
        solution "Đẩy mạnh tuyên truyền"
    }
}
`;
        const { diagnostics } = await validatePlan(services, text);
        expect(diagnostics.map(d => `${d.code}@${d.range.start.line}:${d.severity}`)).toEqual(['solution-without-lead@11:3']);
    });
});

describe('indicators counted in households or persons', () => {
    test('take whole numbers outside tables too', async () => {
        const m = marked(`plan t number-style vi
agency L "Sở Lao động - Thương binh và Xã hội" department
dimension d "Việc làm" {
    indicator n "Số người được đào tạo nghề" { unit persons lead L baseline 2023 = 1.200 plan 2024 = «1.250,5» }
    indicator r "Tỷ lệ" { unit percent lead L baseline 2023 = 12,5 }
}
`);
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`indicator-not-whole@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toBe('Chỉ tiêu tính bằng người phải là số nguyên: "1.250,5".');
    });
});
