// Numbers as documents print them: read under the declared style only, never silently in the other.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatNumber, matchesRounded, otherStyle, readNumber, readYear, roundTo, type NumberStyle } from '../../common/numbers.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { createTestServices, findingKeys, marked, showRange, validatePlan } from '../helpers/plan.js';

const STYLES: NumberStyle[] = ['vi', 'international'];

describe('readNumber', () => {
    test.each([
        ['29.822', 29822, 0], ['3,17', 3.17, 2], ['1.234,5', 1234.5, 1], ['0,65', 0.65, 2], ['1,2', 1.2, 1],
        ['407.045', 407045, 0], ['1.234.567,89', 1234567.89, 2], ['29822', 29822, 0], ['-3', -3, 0], ['100', 100, 0]
    ])('vi reads %s as %d with %d decimals', (text, value, decimals) => {
        expect(readNumber(text, 'vi')).toEqual({ value, decimals });
    });

    test.each([
        ['29,822', 29822, 0], ['3.17', 3.17, 2], ['1,234.5', 1234.5, 1], ['0.65', 0.65, 2], ['1,234,567.89', 1234567.89, 2], ['-3', -3, 0]
    ])('international reads %s as %d with %d decimals', (text, value, decimals) => {
        expect(readNumber(text, 'international')).toEqual({ value, decimals });
    });

    test.each([
        // text, declared style, suggestion in the declared style
        ['3.17', 'vi', '3,17'], ['0.5', 'vi', '0,5'], ['1,234.5', 'vi', '1.234,5'], ['29.82', 'vi', '29,82'], ['1234.567', 'vi', '1.234,567'],
        ['3,17', 'international', '3.17'], ['1.234,5', 'international', '1,234.5'], ['0,65', 'international', '0.65']
    ] as [string, NumberStyle, string][])('%s fits only the other style of %s: wrong-style, suggest %s', (text, style, suggestion) => {
        const read = readNumber(text, style);
        expect(read.value).toBeUndefined();
        expect(read.problem).toBe('wrong-style');
        expect(read.suggestion).toBe(suggestion);
    });

    test.each(['1.23.4', '12.34.567', '1,2,3', '1.234.56', '1,23,456.7', '1.2,3.4'])('%s is malformed in both styles', text => {
        for (const style of STYLES) {
            const read = readNumber(text, style);
            expect(read.value).toBeUndefined();
            expect(read.problem).toBe('malformed');
            expect(read.suggestion).toBeUndefined();
        }
    });

    test('the same text means different numbers under the two declared styles', () => {
        expect(readNumber('29.822', 'vi').value).toBe(29822);
        expect(readNumber('29.822', 'international').value).toBe(29.822);
        expect(readNumber('1,234', 'vi').value).toBe(1.234);
        expect(readNumber('1,234', 'international').value).toBe(1234);
        expect(readNumber('1.000', 'vi')).toEqual({ value: 1000, decimals: 0 });
        expect(readNumber('1.000', 'international')).toEqual({ value: 1, decimals: 3 });
    });

    test('years are four plain digits', () => {
        expect(readYear('2025')).toBe(2025);
        for (const bad of ['2.025', '25', '20255', '2025,0', '-2025']) expect(readYear(bad)).toBeUndefined();
    });
});

describe('formatNumber', () => {
    test('groups thousands and prints the decimal mark of the style', () => {
        expect(formatNumber(407045, 'vi')).toBe('407.045');
        expect(formatNumber(407045, 'international')).toBe('407,045');
        expect(formatNumber(1234567.891, 'vi', 2)).toBe('1.234.567,89');
        expect(formatNumber(1234567.891, 'international', 2)).toBe('1,234,567.89');
        expect(formatNumber(-9, 'vi')).toBe('-9');
        expect(formatNumber(1.2, 'vi', 2)).toBe('1,20');
        expect(formatNumber(29822, 'vi', 0, false)).toBe('29822');
    });
});

describe('rounding as printed tables round', () => {
    test('490 / 40.820 = 1,2004 %: "1,2" is right, "1,21" is wrong', () => {
        const exact = 490 / 40820 * 100;
        expect(matchesRounded(1.2, 1, exact)).toBe(true);
        expect(matchesRounded(1.20, 2, exact)).toBe(true);
        expect(matchesRounded(1.21, 2, exact)).toBe(false);
        expect(matchesRounded(1.3, 1, exact)).toBe(false);
    });

    test('half rounds away from zero (195 / 30.209 = 0,6455 % prints 0,65)', () => {
        expect(matchesRounded(0.65, 2, 195 / 30209 * 100)).toBe(true);
        expect(roundTo(1.005, 2)).toBe(1.01);
        expect(roundTo(2.5, 0)).toBe(3);
        expect(roundTo(-2.5, 0)).toBe(-3);
    });

    test('a tolerance widens the match', () => {
        expect(matchesRounded(1.21, 2, 490 / 40820 * 100, 0.01)).toBe(true);
        expect(matchesRounded(1.22, 2, 490 / 40820 * 100, 0.01)).toBe(false);
    });
});

describe('properties (fast-check)', () => {
    const style = fc.constantFrom<NumberStyle>('vi', 'international');
    // A value with a given number of decimals, as n / 10^d, within what plans print.
    const printed = fc.record({
        n: fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        d: fc.integer({ min: 0, max: 4 }),
        style,
        grouping: fc.boolean()
    });

    test('formatNumber then readNumber gives back the value and its decimals, in both styles', () => {
        fc.assert(fc.property(printed, ({ n, d, style, grouping }) => {
            const value = n / 10 ** d;
            const text = formatNumber(value, style, d, grouping);
            const read = readNumber(text, style);
            expect(read.problem).toBeUndefined();
            expect(read.value).toBe(value === 0 ? read.value : value);
            if (value === 0) expect(Math.abs(read.value!)).toBe(0);
            expect(read.decimals).toBe(d);
        }), { numRuns: fuzzRuns(2000) });
    });

    test('read in the other style, a printed number is never malformed; with both marks it is wrong-style and the suggestion is the number in that style', () => {
        fc.assert(fc.property(printed, ({ n, d, style }) => {
            const value = n / 10 ** d;
            const text = formatNumber(value, style, d);
            const other = otherStyle(style);
            const read = readNumber(text, other);
            expect(read.problem).not.toBe('malformed');
            if (text.includes('.') && text.includes(',')) {
                expect(read.problem).toBe('wrong-style');
                expect(read.value).toBeUndefined();
                expect(read.suggestion).toBe(formatNumber(value, other, d));
            }
            if (read.problem === 'wrong-style') expect(read.suggestion).toBe(formatNumber(value, other, d));
        }), { numRuns: fuzzRuns(2000) });
    });

    test('any text the NUMBER terminal accepts is read or rejected, never half-read', () => {
        // At most 15 significant digits: what a double holds exactly (printed plans stay far below).
        const texts = fc.stringMatching(/^-?[0-9]{1,7}([.,][0-9]{1,4}){0,4}$/).filter(t => t.replace(/[^0-9]/g, '').replace(/^0+/, '').length <= 15);
        fc.assert(fc.property(texts, style, (text, s) => {
            const read = readNumber(text, s);
            if (read.problem) expect(read.value).toBeUndefined();
            else {
                expect(Number.isFinite(read.value)).toBe(true);
                // Reprinting without grouping gives the digits back (leading zeros aside).
                // "-0" reprints as "0": a sign on zero carries nothing.
                const digits = (t: string) => t.replace(/[.,]/g, '').replace(/^(-?)0+(?=\d)/, '$1').replace(/^-0$/, '0');
                expect(digits(formatNumber(read.value!, s, read.decimals, false))).toBe(digits(text));
            }
        }), { numRuns: fuzzRuns(2000) });
    });

    test('a printed rate rounded from poor / households always matches, one unit off never does', () => {
        fc.assert(fc.property(fc.integer({ min: 1, max: 500_000 }), fc.nat(), fc.integer({ min: 0, max: 3 }), (households, p, d) => {
            const poor = p % (households + 1);
            const exact = poor / households * 100;
            const rate = roundTo(exact, d);
            expect(matchesRounded(rate, d, exact)).toBe(true);
            expect(matchesRounded(rate + 10 ** -d, d, exact)).toBe(false);
            expect(matchesRounded(rate - 10 ** -d, d, exact)).toBe(false);
        }), { numRuns: fuzzRuns(2000) });
    });
});

describe('number style in a plan', () => {
    const services = createTestServices();
    const plan = (style: NumberStyle, cells: string) => `plan t number-style ${style}
district A "Phù Cừ" huyen
table t1 "T" {
    years { 2021 result }
    columns households poor poor-rate
    row 1 A { 2021: ${cells} }
}
`;

    test('each style reads its own printing of the Phù Cừ 2021 row without a finding', async () => {
        const vi = await validatePlan(services, plan('vi', '29.822 946 3,17'));
        const intl = await validatePlan(services, plan('international', '29,822 946 3.17'));
        expect(findingKeys(vi.diagnostics)).toEqual([]);
        expect(findingKeys(intl.diagnostics)).toEqual([]);
        for (const { model } of [vi, intl]) {
            const cells = model.tables[0].sections[0].rows[0].years[0].cells;
            expect(cells.map(c => c.number?.value)).toEqual([29822, 946, 3.17]);
        }
    });

    // 29.822 read as 29,822 households is reported once: not again as fewer households than poor ones.
    test('a vi row pasted into an international plan is caught, not misread: 29.822 is no count, 3,17 is the wrong style', async () => {
        const { text, ranges } = marked(plan('international', '«29.822» 946 «3,17»'));
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual([`count-not-integer@${showRange(ranges[0])}`, `number-style@${showRange(ranges[1])}`].sort());
        const style = diagnostics.find(d => d.code === 'number-style')!;
        expect(style.message).toBe('The number "3,17" is not written in the plan\'s number style (international); in that style it reads "3.17".');
        expect(style.data).toMatchObject({ replacement: '3.17' });
        // 1-based line 6, column 32 in the CLI's terms: `    row 1 A { 2021: 29.822 946 ` is 31 characters.
        expect(style.range.start).toEqual({ line: 5, character: 31 });
    });

    test('an international row pasted into a vi plan: 29,822 is no count, 3.17 is the wrong style', async () => {
        const { text, ranges } = marked(plan('vi', '«29,822» 946 «3.17»'));
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(findingKeys(diagnostics)).toEqual([`count-not-integer@${showRange(ranges[0])}`, `number-style@${showRange(ranges[1])}`].sort());
        expect(diagnostics.find(d => d.code === 'number-style')!.data).toMatchObject({ replacement: '3,17' });
    });

    test('the plan style defaults to vi', async () => {
        const { model, diagnostics } = await validatePlan(services, plan('vi', '29.822 946 3,17').replace(' number-style vi', ''));
        expect(model.numberStyle).toBe('vi');
        expect(findingKeys(diagnostics)).toEqual([]);
    });

    test.each(['1.23.4', '12.34.567'])('%s is malformed at its position in either style', async bad => {
        for (const style of STYLES) {
            const { text, ranges } = marked(plan(style, `«${bad}» 946 ${style === 'vi' ? '3,17' : '3.17'}`));
            const { diagnostics } = await validatePlan(services, text);
            expect(findingKeys(diagnostics.filter(d => d.severity !== 3))).toEqual([`number-malformed@${showRange(ranges[0])}`]);
            // The rate beside it cannot be checked: one info at the rate.
            expect(diagnostics.filter(d => d.severity === 3).map(d => d.code)).toEqual(['unchecked-rate']);
        }
    });
});
