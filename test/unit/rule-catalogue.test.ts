// One case per finding code: a small plan where the rule fires (with «» around the exact token it
// must point at, and nothing else reported) and one where it stays quiet (nothing reported at all).
// Severities and message contents are written out here, not read from codes.ts. A case whose offending
// plan must also give another finding (an unreadable cell, and the info that its total or rate cannot
// be checked) lists it in `besides`, asserted on its own.
import { describe, expect, test } from 'vitest';
import { FILE_ISSUES, ISSUES, ruleName } from '../../common/findings.js';
import { checkPlan } from '../../language-server/src/validation/rules.js';
import { createTestServices, findingKeys, marked, severityOf, showRange, validatePlan } from '../helpers/plan.js';
import { CASES, inDimensions, SEVERAL_FILES_CODES } from '../helpers/rule-cases.js';

describe('rule catalogue', () => {
    test('every finding code of codes.ts has a case here', () => {
        const covered = new Set([...CASES.map(c => c.code), ...SEVERAL_FILES_CODES]);
        expect(Object.keys(ISSUES).filter(code => !covered.has(code))).toEqual([]);
    });

    test('every finding code has a name in both languages, unlike any other rule\'s, with no syntax in it', () => {
        const codes = [...Object.keys(ISSUES), ...Object.keys(FILE_ISSUES)];
        for (const locale of ['vi', 'en'] as const) {
            const names = codes.map(code => ruleName(code, locale));
            for (const [i, name] of names.entries()) {
                expect(name, codes[i]).not.toBe(codes[i]);
                expect(name, codes[i]).not.toMatch(/[`{}]/);
            }
            expect(new Set(names).size).toBe(codes.length);
        }
        expect(ruleName('no-such-rule', 'vi')).toBe('no-such-rule');
    });

    const services = createTestServices();
    for (const raw of CASES) {
        const c = raw.code === 'not-shown' ? raw : { ...raw, fires: inDimensions(raw.fires), quiet: inDimensions(raw.quiet) };
        describe(c.code, () => {
            const { text, ranges } = marked(c.fires);
            const besides = (c.besides ?? []).map(b => {
                const start = text.indexOf(b.at);
                if (start < 0) throw new Error(`no ${b.at} in the plan of ${c.code}`);
                const lines = text.slice(0, start).split('\n');
                const at = { line: lines.length - 1, character: lines.at(-1)!.length };
                return { ...b, key: `${b.code}@${showRange({ start: at, end: { line: at.line, character: at.character + b.at.length } })}` };
            });
            const other = (d: { code?: unknown }) => besides.some(b => b.code === d.code);

            test('fires at the marked token, with its severity, and nothing else', async () => {
                expect(ranges.length).toBeGreaterThan(0);
                const { diagnostics: all } = await validatePlan(services, text, 'vi');
                const diagnostics = all.filter(d => !other(d));
                expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `${c.code}@${showRange(r)}`).sort());
                // The findings it comes with, each where it belongs, with its own severity.
                expect(findingKeys(all, other)).toEqual(besides.map(b => b.key).sort());
                for (const d of all.filter(other)) expect(severityOf(d)).toBe(besides.find(b => b.code === d.code)!.severity);
                for (const d of diagnostics) {
                    expect(severityOf(d)).toBe(c.severity);
                    expect(d.message).toMatch(c.vi);
                    if (c.data) expect(d.data).toMatchObject(c.data);
                }
            });

            test('speaks English when the locale is en', async () => {
                const { diagnostics } = await validatePlan(services, text, 'en');
                expect(diagnostics.filter(d => !other(d)).map(d => d.code)).toEqual(ranges.map(() => c.code));
                for (const d of diagnostics.filter(d => !other(d))) expect(d.message).toMatch(c.en);
            });

            test('stays quiet on the corrected plan', async () => {
                const { diagnostics } = await validatePlan(services, c.quiet, 'vi');
                expect(findingKeys(diagnostics)).toEqual([]);
            });
        });
    }
});

describe('checkPlan, the pure entry point', () => {
    test('gives the same findings in both languages, with the messages of each', async () => {
        const services = createTestServices();
        const { model } = await validatePlan(services, CASES.find(c => c.code === 'rate-mismatch')!.fires.replace(/[«»]/g, ''));
        const vi = checkPlan(model, 'vi');
        const en = checkPlan(model, 'en');
        expect(vi.map(f => [f.code, f.severity, f.range])).toEqual(en.map(f => [f.code, f.severity, f.range]));
        expect(vi.map(f => f.message)).toEqual(['Tỷ lệ in 1,21% không bằng 490/40.820 = 1,2004% (Kim Động, năm 2023).']);
        expect(en.map(f => f.message)).toEqual(['The printed rate 1,21% is not 490/40.820 = 1,2004% (Kim Động, 2023).']);
        expect(checkPlan(model).map(f => f.message)).toEqual(vi.map(f => f.message));
    });

    test('a rate tolerance option lets a rate one hundredth off pass', async () => {
        const services = createTestServices();
        const { model } = await validatePlan(services, CASES.find(c => c.code === 'rate-mismatch')!.fires.replace(/[«»]/g, ''));
        expect(checkPlan(model, 'vi', { rateTolerance: 0.01 })).toEqual([]);
    });
});
