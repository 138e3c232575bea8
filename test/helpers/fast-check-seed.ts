// Property-based tests run with a fixed seed, so the suite is the same on every run and CI never
// fails on an input no one has seen. To explore new inputs: FUZZ_SEED=random (or a number) and
// FUZZ_RUNS=400 npx vitest run …; a failure prints its seed and counterexample to reproduce.
import fc from 'fast-check';

const requested = process.env.FUZZ_SEED;
if (requested !== 'random') fc.configureGlobal({ seed: requested ? Number(requested) : 20231129 });
