// Targets and trajectories: "dưới"/"trên" are strict, "khoảng" has a tolerance, ranges in percent
// and in households, a change ("giảm 2,3%" as points) against a level, values under named standards.
import { describe, expect, test } from 'vitest';
import { createTestServices, findingKeys, marked, showRange, validatePlan } from '../helpers/plan.js';

const services = createTestServices();

/** A plan with one percent indicator and one household indicator, and the given targets. */
function plan(rateValues: string, targets: string, householdValues = ''): string {
    return `plan t number-style vi
agency LD "Sở Lao động - Thương binh và Xã hội" department
dimension thu_nhap "Thu nhập" {
indicator rate "Tỷ lệ hộ nghèo" {
    unit percent
    direction lower
    lead LD
${rateValues}
}
indicator ho "Số hộ nghèo" {
    unit households
    direction lower
    lead LD
${householdValues}
}
}
${targets}
`;
}

const target = (comparison: string, year = 2025, indicator = 'rate', extra = '') =>
    `target m${Math.abs(hash(comparison + year + indicator + extra))} {\n    indicator ${indicator}\n    year ${year}\n    ${comparison}\n${extra}}\n`;

function hash(s: string): number {
    let h = 0;
    for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) | 0;
    return h;
}

/** The codes reported for one target over the given values (other findings would fail the test). */
async function verdict(values: string, comparison: string, opts: { year?: number; indicator?: string; households?: string; extra?: string } = {}): Promise<string[]> {
    const { diagnostics } = await validatePlan(services, plan(values, target(comparison, opts.year, opts.indicator, opts.extra), opts.households ?? ''));
    return diagnostics.map(d => String(d.code));
}

describe('levels: strict and tolerant comparisons', () => {
    test.each([
        // comparison, value for 2025, met?
        ['below 9', '9', false], ['below 9', '8,99', true], ['below 9', '9,01', false],
        ['at-most 9', '9', true], ['at-most 9', '9,01', false],
        ['above 68', '68', false], ['above 68', '68,1', true],
        ['at-least 68', '68', true], ['at-least 68', '67,9', false],
        ['equal 100', '100', true], ['equal 100', '99,9', false],
        // khoảng 0,5: 10 % of the value unless a tolerance is given
        ['about 0,5', '0,49', true], ['about 0,5', '0,55', true], ['about 0,5', '0,45', true],
        ['about 0,5', '0,56', false], ['about 0,5', '0,44', false],
        ['about 0,5 tolerance 0,1', '0,58', true], ['about 0,5 tolerance 0,1', '0,61', false],
        // a range of levels
        ['between 2,2 and 2,5', '2,2', true], ['between 2,2 and 2,5', '2,5', true], ['between 2,2 and 2,5', '2,3', true],
        ['between 2,2 and 2,5', '2,51', false], ['between 2,2 and 2,5', '2,19', false]
    ] as [string, string, boolean][])('%s with %s: met = %s', async (comparison, value, met) => {
        const codes = await verdict(`    plan 2025 = ${value}`, comparison);
        expect(codes).toEqual(met ? [] : ['target-not-met']);
    });

    test('the finding stands on the comparison and says the value', async () => {
        const { text, ranges } = marked(plan('    plan 2025 = 9', 'target m {\n    indicator rate\n    year 2025\n    «below 9»\n    text "xuống còn dưới 9%"\n}\n'));
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual([`target-not-met@${showRange(ranges[0])}`]);
        expect(diagnostics[0].message).toBe('The target "xuống còn dưới 9%" for 2025 does not hold for the figures: the value is 9.');
    });

    test('a target stated in words only is not compared', async () => {
        expect(await verdict('    plan 2025 = 9', 'text "Trẻ em thuộc hộ nghèo đi học đúng độ tuổi"')).toEqual([]);
    });

    test('a target for a year without figures is not compared', async () => {
        expect(await verdict('    plan 2024 = 9', 'below 1')).toEqual([]);
    });
});

describe('changes: "giảm 2,3%" as points, distinct from a level', () => {
    const values = '    plan 2023 = 5,0\n    plan 2024 = 2,7';

    test('down-by 2,3 holds for 5,0 → 2,7 while the level "below 2,3" does not', async () => {
        expect(await verdict(values, 'down-by 2,3', { year: 2024 })).toEqual([]);
        expect(await verdict(values, 'below 2,3', { year: 2024 })).toEqual(['target-not-met']);
    });

    test('down-by fails when the drop is smaller than stated, beyond rounding', async () => {
        expect(await verdict('    plan 2023 = 5,0\n    plan 2024 = 3,0', 'down-by 2,3', { year: 2024 })).toEqual(['target-not-met']);
        const { diagnostics } = await validatePlan(services, plan('    plan 2023 = 5,0\n    plan 2024 = 3,0', target('down-by 2,3', 2024)));
        expect(diagnostics.map(d => d.message.replace(/^.* the value is /, ''))).toEqual(['3,0 (down 2 from 2023).']);
        // 2,26 points prints as 2,3 with one decimal
        expect(await verdict('    plan 2023 = 5,0\n    plan 2024 = 2,74', 'down-by 2,3', { year: 2024 })).toEqual([]);
    });

    test('down-by counts from the year before unless a year is given', async () => {
        const v = '    baseline 2022 = 6,8\n    plan 2024 = 4,5\n    plan 2025 = 2,7';
        expect(await verdict(v, 'down-by 4 from 2022')).toEqual([]);
        expect(await verdict(v, 'down-by 4')).toEqual(['target-not-met']);
    });

    test('up-by counts an increase', async () => {
        const codes = await verdict('    plan 2024 = 5\n    plan 2025 = 3', 'up-by 1');
        // the indicator is "lower is better": 5 → 3 is right, and a rise of 1 is not met
        expect(codes).toEqual(['target-not-met']);
    });

    test('ranged change in percent and in households ("giảm 2,2–2,5%, tương ứng 660–750 hộ")', async () => {
        const households = '    plan 2023 = 3.000\n    plan 2024 = 2.300';
        const rates = '    plan 2023 = 10,0\n    plan 2024 = 7,7';
        const both = `${target('down-by between 2,2 and 2,5', 2024, 'rate', '    text "giảm 2,2–2,5%"\n')}${target('down-by between 660 and 750', 2024, 'ho', '    text "tương ứng 660–750 hộ"\n')}`;
        expect(findingKeys((await validatePlan(services, plan(rates, both, households))).diagnostics)).toEqual([]);

        const off = plan('    plan 2023 = 10,0\n    plan 2024 = 7,0', both, '    plan 2023 = 3.000\n    plan 2024 = 2.200');
        const { diagnostics } = await validatePlan(services, off);
        expect(diagnostics.map(d => d.code)).toEqual(['target-not-met', 'target-not-met']);
    });

    test('a change may exceed 100 points of a percent indicator without a unit finding', async () => {
        expect(await verdict('    plan 2024 = 5\n    plan 2025 = 3', 'down-by 2')).toEqual([]);
    });
});

describe('values under named poverty standards', () => {
    const standards = `standard cu "Chuẩn nghèo giai đoạn 2016-2020" from 2016 to 2020
standard md "Chuẩn nghèo đa chiều giai đoạn 2022-2025" basis "Nghị định số 07/2021/NĐ-CP" from 2022 to 2025
`;
    const values = '    baseline 2021 = 1,8 standard cu\n    baseline 2021 = 3,2 standard md\n    plan 2023 = 2,5 standard md\n    plan 2025 = 0,5 standard md';
    const withStandards = (targets: string) => plan(values, targets).replace('agency LD', `${standards}agency LD`);

    test('two standards give two values for the same year: no duplicate, and the trajectory follows each standard', async () => {
        // Mixed together, 1,8 (old standard) → 2,5 would look like poverty rising.
        const { diagnostics, model } = await validatePlan(services, withStandards(''));
        expect(findingKeys(diagnostics)).toEqual([]);
        const rate = model.indicators.find(i => i.id === 'rate')!;
        expect(rate.values.filter(v => v.year === 2021).map(v => [v.standardId, v.value.value])).toEqual([['cu', 1.8], ['md', 3.2]]);
    });

    test('a target names the standard its value is read under', async () => {
        const met = await validatePlan(services, withStandards('target a {\n    indicator rate\n    year 2021\n    below 2\n    standard cu\n}\n'));
        expect(findingKeys(met.diagnostics)).toEqual([]);
        const notMet = await validatePlan(services, withStandards('target a {\n    indicator rate\n    year 2021\n    below 2\n    standard md\n}\n'), 'en');
        expect(notMet.diagnostics.map(d => [d.code, d.message])).toEqual([
            ['target-not-met', 'The target "a" for 2021 does not hold for the figures: the value is 3,2.']
        ]);
    });

    test('the same year twice under the same standard is a duplicate', async () => {
        const { text, ranges } = marked(withStandards('').replace('plan 2023 = 2,5 standard md', 'plan 2023 = 2,5 standard md\n    baseline «2021» = 3,3 standard md'));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([`duplicate-year@${showRange(ranges[0])}`]);
    });
});

describe('the target sentence and the declared value', () => {
    test.each([
        ['below 9', 'xuống còn dưới 9%', true], ['about 0,5', 'giảm về mức khoảng 0,5%', true],
        ['equal 100', '100% hộ nghèo', true], ['below 20', 'dưới 20% vào năm 2025', true],
        // "15" is not "5", "99" is not "9", "2025" is not "25"
        ['below 5', 'xuống dưới 15%', false], ['above 9', 'đạt 99%', false], ['below 25', 'đến năm 2025', false],
        ['below 0,5', 'dưới 0,55%', false], ['below 1.234', 'dưới 1.234,5 hộ', false]
    ] as [string, string, boolean][])('%s with "%s": mentioned = %s', async (comparison, text, mentioned) => {
        const codes = await verdict('    plan 2025 = 0', comparison, { extra: `    text "${text}"\n` });
        expect(codes.filter(c => c === 'target-text-differs')).toEqual(mentioned ? [] : ['target-text-differs']);
    });

    test('both ends of a range must be in the sentence', async () => {
        const codes = await verdict('    plan 2025 = 2,3', 'between 2,2 and 2,5', { extra: '    text "từ 2,2 đến 2,6%"\n' });
        expect(codes).toEqual(['target-text-differs']);
    });
});

describe('percent targets stay within 0–100', () => {
    test('each end of a range out of 0–100 is reported at that number', async () => {
        const { text, ranges } = marked(plan('    plan 2025 = 50', 'target m {\n    indicator rate\n    year 2025\n    between «-5» and «120»\n}\n'));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `target-unit-mismatch@${showRange(r)}`).sort());
    });

    test('a household target above 100 is fine', async () => {
        expect(await verdict('', 'below 2.000', { indicator: 'ho', households: '    plan 2025 = 1.500' })).toEqual([]);
    });
});

describe('trajectories', () => {
    test('a plan value worse than the year before, or than the baseline, is reported', async () => {
        const { text, ranges } = marked(plan('    baseline 2022 = 9,7\n    plan 2023 = «9,9»\n    plan 2024 = «9,8»\n    plan 2025 = 9', ''));
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `wrong-direction@${showRange(r)}`).sort());
        expect(diagnostics.map(d => d.message)).toEqual([
            'The indicator "Tỷ lệ hộ nghèo" moves the wrong way (lower is better): 9,7 in 2022 → 9,9 in 2023.',
            'The indicator "Tỷ lệ hộ nghèo" moves the wrong way (lower is better): 9,7 in 2022 → 9,8 in 2024.'
        ]);
    });

    test('"higher is better" indicators may stay level but not fall', async () => {
        const higher = (values: string) => `plan t number-style vi
agency YT "Sở Y tế" department
dimension y_te "Y tế" {
indicator bhyt "Tỷ lệ người thuộc hộ nghèo được hỗ trợ tham gia bảo hiểm y tế" {
    unit percent
    direction higher
    lead YT
${values}
}
}
`;
        expect(findingKeys((await validatePlan(services, higher('    baseline 2022 = 100\n    plan 2023 = 100\n    plan 2025 = 100'))).diagnostics)).toEqual([]);
        const { text, ranges } = marked(higher('    baseline 2022 = 100\n    plan 2023 = «99»'));
        expect(findingKeys((await validatePlan(services, text)).diagnostics)).toEqual([`wrong-direction@${showRange(ranges[0])}`]);
    });

    test('monitoring values (actual) are not part of the planned trajectory', async () => {
        expect(findingKeys((await validatePlan(services, plan('    baseline 2022 = 9,7\n    actual 2023 = 10,5\n    plan 2023 = 9,5', ''))).diagnostics)).toEqual([]);
    });
});

describe('indicators computed from a district table', () => {
    const computed = (total: string, targets: string) => `plan t number-style vi
agency LD "Sở Lao động - Thương binh và Xã hội" department
district X "Phù Cừ" huyen
district Y "Tiên Lữ" huyen
table t1 "Dự kiến tỷ lệ hộ nghèo" {
    years { 2024 plan 2025 plan }
    columns households poor poor-rate
    row 1 X { 2024: 30.009 319 1,06 2025: 30.209 195 0,65 }
    row 2 Y { 2024: 33.029 303 0,92 2025: 33.329 183 0,55 }
${total}
}
indicator r "Tỷ lệ hộ nghèo" {
    unit percent
    direction lower
    computed poor-rate of t1
    lead LD
}
${targets}
`;

    test('the value of a year is the printed total rate', async () => {
        const { model, diagnostics } = await validatePlan(services,
            computed('    total "Tổng cộng" { 2024: 63.038 622 0,99 2025: 63.538 378 0,59 }', 'target m {\n    indicator r\n    year 2025\n    about 0,6\n}\n'));
        expect(findingKeys(diagnostics)).toEqual([]);
        const r = model.indicators[0];
        expect(r.values.map(v => [v.year, v.kind, v.value.printed, v.fromTable])).toEqual([[2024, 'plan', '0,99', 't1'], [2025, 'plan', '0,59', 't1']]);
    });

    test('without a total row the value is computed from the rows and printed in the plan style', async () => {
        const { model, diagnostics } = await validatePlan(services, computed('', 'target m {\n    indicator r\n    year 2025\n    about 0,5\n}\n'), 'en');
        const v2025 = model.indicators[0].values.find(v => v.year === 2025)!;
        // 378 / 63.538 = 0,5949 %, as an annex prints it: 0,59
        expect(v2025.value.value).toBe(0.59);
        expect(v2025.value.printed).toBe('0,59');
        expect(diagnostics.map(d => [d.code, d.message])).toEqual([
            ['target-not-met', 'The target "m" for 2025 does not hold for the figures: the value is 0,59.']
        ]);
    });
});

describe('a value whose year cannot be read', () => {
    test('is reported as a malformed year and takes no part in the trajectory or the targets', async () => {
        const { text, ranges } = marked(plan('    baseline 2022 = 9,7\n    plan «2.023» = 9,9\n    plan 2024 = 9,5\n    plan 2025 = 9',
            'target m {\n    indicator rate\n    year 2025\n    below 9,5\n}\n'));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([`year-malformed@${showRange(ranges[0])}`]);
    });

    test('goes last in the model, the others stay in year order', async () => {
        const { model } = await validatePlan(services, plan('    plan 2.023 = 9,9\n    plan 2025 = 9\n    baseline 2022 = 9,7\n    plan 2024 = 9,5', ''));
        expect(model.indicators[0].values.map(v => v.value.printed)).toEqual(['9,7', '9,5', '9', '9,9']);
    });
});
