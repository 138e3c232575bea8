// The property tests' seed and run count: FUZZ_RUNS reaches every suite, FUZZ_SEED=random picks a
// seed that is printed before the tests (so that a run that fails only later can be repeated), and
// a failure's message names the seed and the counterexample's path.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseSeed, configureFuzzing, DEFAULT_SEED, fuzzRuns } from '../helpers/fast-check-seed.js';
import { REPO_ROOT } from '../helpers/plan.js';

describe('fuzzRuns', () => {
    it('is the suite\'s default unless FUZZ_RUNS is set', () => {
        expect(fuzzRuns(60, undefined)).toBe(60);
        expect(fuzzRuns(60, '')).toBe(60);
        expect(fuzzRuns(60, '400')).toBe(400);
        expect(fuzzRuns(2000, ' 3 ')).toBe(3);
    });

    it('refuses a FUZZ_RUNS that is not a positive whole number rather than running nothing', () => {
        for (const bad of ['0', '-5', '1.5', 'many', 'NaN']) expect(() => fuzzRuns(60, bad)).toThrow(/FUZZ_RUNS/);
    });

    it('is what every property test in the suite takes its run count from', () => {
        const dir = path.join(REPO_ROOT, 'test');
        // This file's own property exists to fail; it is not a fuzz suite.
        const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
            .filter(f => f.endsWith('.test.ts') && path.basename(f) !== 'fast-check-seed.test.ts');
        const offenders: string[] = [];
        for (const file of files) {
            const text = fs.readFileSync(path.join(dir, file), 'utf8');
            if (!/\bfc\.assert\(/.test(text)) continue;
            const asserts = text.match(/\bfc\.assert\(/g)!.length;
            const counted = text.match(/numRuns:\s*fuzzRuns\(/g)?.length ?? 0;
            if (counted < asserts || /numRuns:(?!\s*fuzzRuns\()/.test(text)) offenders.push(file);
        }
        expect(offenders).toEqual([]);
    });
});

describe('chooseSeed', () => {
    it('is the fixed seed unless FUZZ_SEED says otherwise', () => {
        expect(chooseSeed(undefined)).toBe(DEFAULT_SEED);
        expect(chooseSeed('')).toBe(DEFAULT_SEED);
        expect(chooseSeed('12345')).toBe(12345);
        expect(chooseSeed('-7')).toBe(-7);
    });

    it('picks its own seed for FUZZ_SEED=random', () => {
        expect(chooseSeed('random', () => 0.5)).toBe(Math.floor(0.5 * 0x7fffffff));
        expect(Number.isSafeInteger(chooseSeed('random'))).toBe(true);
    });

    it('refuses a FUZZ_SEED that is neither a whole number nor "random"', () => {
        for (const bad of ['abc', '1.5', 'randm']) expect(() => chooseSeed(bad)).toThrow(/FUZZ_SEED/);
    });
});

describe('configureFuzzing', () => {
    const saved = fc.readConfigureGlobal();
    afterEach(() => { fc.configureGlobal(saved); });

    it('with FUZZ_SEED=random prints the seed it chose, and a failure names the same seed and a path', () => {
        const lines: string[] = [];
        const seed = configureFuzzing({ FUZZ_SEED: 'random' }, line => lines.push(line));
        expect(fc.readConfigureGlobal().seed).toBe(seed);
        expect(lines).toEqual([expect.stringContaining(`FUZZ_SEED=${seed}`)]);
        let message = '';
        try {
            fc.assert(fc.property(fc.nat(), n => n < 0), { numRuns: 5 });
        } catch (error) {
            message = (error as Error).message;
        }
        expect(message).toContain(`seed: ${seed}`);
        expect(message).toMatch(/path: "\d+(:\d+)*"/);
    });

    it('prints nothing on an ordinary run, which uses the fixed seed', () => {
        const lines: string[] = [];
        expect(configureFuzzing({}, line => lines.push(line))).toBe(DEFAULT_SEED);
        expect(lines).toEqual([]);
        expect(fc.readConfigureGlobal().seed).toBe(DEFAULT_SEED);
    });

    it('the setup file has configured this test file with the seed FUZZ_SEED asks for', () => {
        const requested = process.env.FUZZ_SEED;
        if (requested === 'random') expect(Number.isSafeInteger(saved.seed)).toBe(true);
        else expect(saved.seed).toBe(requested ? Number(requested) : DEFAULT_SEED);
    });
});
