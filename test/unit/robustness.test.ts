// Bad input never crashes the checker: random damage to the seed plan (deleted, duplicated or
// swapped slices, stray characters) must still give ordinary diagnostics with positions, never an
// exception from the model or the rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import { buildPlanView } from '../../language-server/src/view/build.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';

const SEED = fs.readFileSync(path.resolve(__dirname, '../../examples/hung-yen-giam-ngheo-2023-2025.plan'), 'utf-8');
const { shared, Plan } = createPlanServices(EmptyFileSystem);
let counter = 0;

async function check(text: string) {
    const uri = URI.parse(`memory:///fuzz-${counter++}.plan`);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const diagnostics = document.diagnostics ?? [];
        // Langium turns an exception inside a check into this diagnostic: it must never appear.
        const crashes = diagnostics.filter(d => d.message.includes('An error occurred'));
        expect(crashes.map(d => d.message)).toEqual([]);
        for (const d of diagnostics) {
            expect(d.range.start.line).toBeGreaterThanOrEqual(0);
            expect(d.code, d.message).toBeDefined();
        }
        // The view (preview, exporters) is built from whatever the model holds.
        const model = Plan.plan.Models.get(document);
        expect(() => JSON.stringify(buildPlanView(model, []))).not.toThrow();
    } finally {
        shared.workspace.LangiumDocuments.deleteDocument(uri);
    }
}

const damage = fc.oneof(
    // delete a slice
    fc.tuple(fc.nat(SEED.length - 1), fc.integer({ min: 1, max: 400 })).map(([at, n]) => (s: string) => s.slice(0, at) + s.slice(at + n)),
    // duplicate a slice
    fc.tuple(fc.nat(SEED.length - 1), fc.integer({ min: 1, max: 400 })).map(([at, n]) => (s: string) => s.slice(0, at + n) + s.slice(at, at + n) + s.slice(at + n)),
    // insert stray characters
    fc.tuple(fc.nat(SEED.length - 1), fc.constantFrom('{', '}', '"', ':', '-', '2021:', '1.2.3', '3.17', 'row', '?', '/', ' 0 ', '\n'))
        .map(([at, t]) => (s: string) => s.slice(0, at) + t + s.slice(at)),
    // cut the file short
    fc.nat(SEED.length - 1).map(at => (s: string) => s.slice(0, at))
);

describe('robustness', () => {
    it('the checker survives random damage to the seed plan', async () => {
        await fc.assert(fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 4 }), async edits => {
            await check(edits.reduce((text, edit) => edit(text), SEED));
        }), { numRuns: fuzzRuns(60) });
    }, 180_000);

    it('the checker survives an empty file and a file of noise', async () => {
        await check('');
        await check('plan');
        await check('plan x number-style vi table t "T" { years { 2021 result } columns poor-rate row 1 X { 2021: 101 } }');
    });
});
