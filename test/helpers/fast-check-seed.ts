// Property-based tests run with a fixed seed, so the suite is the same on every run and CI never
// fails on an input no one has seen. To explore new inputs: FUZZ_SEED=random (or a number) and
// FUZZ_RUNS=400 npx vitest run …; a failure prints its seed and counterexample to reproduce.
// Every suite takes its number of runs from fuzzRuns(default), so FUZZ_RUNS reaches all of them.
// This file is vitest's setup file (vitest.config.ts): it fixes the seed before any test runs.
import fc from 'fast-check';

/** The seed of every ordinary run. */
export const DEFAULT_SEED = 20231129;

/**
 * The seed for this run: FUZZ_SEED as a whole number; for FUZZ_SEED=random a fresh one, chosen here
 * (not by fast-check) so that it can be printed before the tests and a passing run is reproducible too.
 */
export function chooseSeed(requested: string | undefined, random: () => number = Math.random): number {
    if (requested === undefined || requested.trim() === '') return DEFAULT_SEED;
    if (requested.trim() === 'random') return Math.floor(random() * 0x7fffffff);
    const seed = Number(requested);
    if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be a whole number or "random", not ${JSON.stringify(requested)}`);
    return seed;
}

/** FUZZ_RUNS if set (a positive whole number), else the suite's own default. */
export function fuzzRuns(defaultRuns: number, requested: string | undefined = process.env.FUZZ_RUNS): number {
    if (requested === undefined || requested.trim() === '') return defaultRuns;
    const runs = Number(requested);
    if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive whole number, not ${JSON.stringify(requested)}`);
    return runs;
}

/**
 * Fixes fast-check's seed for the test file. fast-check prints the seed and the counterexample's
 * path in a failure's message; a seed other than the default is printed at the start as well.
 */
export function configureFuzzing(env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log): number {
    const seed = chooseSeed(env.FUZZ_SEED);
    fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
    if (seed !== DEFAULT_SEED) log(`fast-check seed ${seed} (FUZZ_SEED=${env.FUZZ_SEED}); repeat with FUZZ_SEED=${seed}`);
    return seed;
}

// One seed per test file, even if a test imports this module again under another module id.
const chosen = Symbol.for('plan-as-code.fuzz-seed');
const global = globalThis as { [chosen]?: number };
if (global[chosen] === undefined) global[chosen] = configureFuzzing();
else fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: global[chosen] });
