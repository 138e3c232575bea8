// Declarations that cannot mean anything (issue 21): a column defined through itself, directly or
// through others, and a plan part of itself. Each is an error at its declaration; the checks that
// would use it are skipped with an info, and nothing loops, whatever the definitions are.
import fc from 'fast-check';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { definitionCycles, partOfCycle, type PartOfNode } from '../../language-server/src/model/definitions.js';
import type { ColumnModel } from '../../language-server/src/model/types.js';
import { checkPlan } from '../../language-server/src/validation/rules.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { createTestServices, findingKeys, marked, showRange, validatePlan } from '../helpers/plan.js';

const services = createTestServices();
const en = createTestServices('en');

const plan = (declarations: string, columns: string, row: string) => `plan t "T" number-style vi
district A "Phù Cừ" huyen
table t1 "T" {
    years { 2023 result 2024 result }
${declarations}
    columns ${columns}
${row}
}
`;

describe('a column defined through itself', () => {
    test('a correct table of declared rates and sums is quiet', async () => {
        const text = plan(`    column tb "Hộ trung bình" households
    column ty_le "Tỷ lệ" percent rate-of tb per households
    column tong "Tổng nghèo và trung bình" households sum-of poor + tb`,
        'households poor tb ty_le tong', '    row 1 A { 2023: 10.000 100 250 2,50 350  2024: 10.000 90 240 2,40 330 }');
        expect(findingKeys((await validatePlan(services, text)).diagnostics)).toEqual([]);
    });

    test('rate-of r per r: an error at the declaration, and the rate is not checked (an info), not a rate mismatch', async () => {
        const m = marked(plan('    «column r "Tỷ lệ vòng" percent rate-of r per r»', '«»households r', '    row 1 A { 2023: 10.000 2,50  2024: 10.000 2,40 }'));
        const { diagnostics } = await validatePlan(services, m.text);
        const errors = diagnostics.filter(d => d.severity === 1);
        expect(findingKeys(errors)).toEqual([`column-defined-through-itself@${showRange(m.ranges[0])}`]);
        expect(errors[0].message).toBe('Cột Tỷ lệ vòng được định nghĩa qua chính nó (r → r): định nghĩa này không tính ra được gì. Hãy sửa để mỗi cột chỉ dựa vào các cột khác.');
        const infos = diagnostics.filter(d => d.severity === 3);
        expect(infos.map(d => d.code)).toEqual(['unchecked-definition']);
        expect(infos[0].message).toBe('Không kiểm tra cột Tỷ lệ vòng của bảng t1 theo định nghĩa của nó: định nghĩa vòng lại chính nó (r → r).');
    });

    test('a the sum of b and b the sum of a: both declarations are errors, naming the way round; no sum mismatch', async () => {
        const m = marked(plan(`    «column a "A" households sum-of b + poor»
    «column b "B" households sum-of a + near-poor»`, 'poor near-poor a b', '    row 1 A { 2023: 10 20 40 50  2024: 10 20 40 50 }'));
        const { diagnostics } = await validatePlan(en, m.text);
        const errors = diagnostics.filter(d => d.severity === 1);
        expect(findingKeys(errors)).toEqual(m.ranges.map(r => `column-defined-through-itself@${showRange(r)}`));
        expect(errors.map(d => d.message)).toEqual([
            'The column A is defined through itself (a → b → a): the definition computes nothing. Make each column rest on other columns only.',
            'The column B is defined through itself (b → a → b): the definition computes nothing. Make each column rest on other columns only.'
        ]);
        expect(diagnostics.filter(d => d.severity === 3).map(d => d.code)).toEqual(['unchecked-definition', 'unchecked-definition']);
        expect(diagnostics.some(d => d.code === 'sum-mismatch')).toBe(false);
    });

    test('through a predeclared column: poor declared the sum of multidim and another', async () => {
        const m = marked(plan('    «column poor "Hộ nghèo" households sum-of multidim + near-poor»', 'households poor near-poor multidim',
            '    row 1 A { 2023: 10.000 100 200 300  2024: 10.000 90 200 290 }'));
        const { diagnostics, model } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics.filter(d => d.severity === 1))).toEqual([`column-defined-through-itself@${showRange(m.ranges[0])}`]);
        // The predeclared multidim of other tables keeps its definition: the table's copy is set apart.
        expect(model.tables[0].columnsById.multidim.circular?.cycle).toEqual(['multidim', 'poor', 'multidim']);
        expect(model.tables[0].columnsById.multidim.definition).toBeUndefined();
        const fresh = await validatePlan(services, plan('', 'households poor near-poor multidim', '    row 1 A { 2023: 10.000 100 200 300  2024: 10.000 90 200 290 }'));
        expect(fresh.model.tables[0].columnsById.multidim.definition).toEqual({ kind: 'sum', parts: ['poor', 'near-poor'] });
        expect(findingKeys(fresh.diagnostics)).toEqual([]);
    });

    test('a flow whose year comes back to it: an error, and no flow mismatch', async () => {
        const m = marked(plan('    «column cuoi "Hộ nghèo cuối năm" households flow - cuoi + near-poor»', 'cuoi near-poor',
            '    row 1 A { 2023: 100 5  2024: 97 3 }'));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics.filter(d => d.severity !== 3))).toEqual([`column-defined-through-itself@${showRange(m.ranges[0])}`]);
        expect(diagnostics.some(d => d.code === 'flow-mismatch')).toBe(false);
    });

    test('a column not printed: the error, but no note on a check that would not run anyway', async () => {
        const text = plan('    column r "Tỷ lệ vòng" percent rate-of r per r', 'households poor', '    row 1 A { 2023: 10.000 100  2024: 10.000 90 }');
        const { diagnostics } = await validatePlan(services, text);
        expect(diagnostics.map(d => d.code)).toEqual(['column-defined-through-itself']);
    });

    test('the ways round of random definition graphs: found exactly, and found in bounded time', () => {
        const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
        const definition = fc.oneof(
            fc.constant(undefined),
            fc.record({ kind: fc.constant('rate' as const), count: fc.constantFrom(...ids), base: fc.constantFrom(...ids) }),
            fc.record({ kind: fc.constant('sum' as const), parts: fc.array(fc.constantFrom(...ids, 'unknown'), { minLength: 2, maxLength: 4 }) }),
            fc.record({ kind: fc.constant('flow' as const), terms: fc.array(fc.record({ sign: fc.constantFrom(1 as const, -1 as const), column: fc.constantFrom(...ids) }), { minLength: 1, maxLength: 3 }) })
        );
        fc.assert(fc.property(fc.array(definition, { minLength: ids.length, maxLength: ids.length }), defs => {
            const columns: Record<string, ColumnModel> = {};
            ids.forEach((id, i) => { columns[id] = { id, unit: 'households', definition: defs[i], predeclared: false }; });
            const cycles = definitionCycles(columns);
            // Reachability the slow way: a column is on a cycle iff it reaches itself.
            const reads = (id: string) => { const d = columns[id]?.definition; return !d ? [] : d.kind === 'rate' ? [d.count, d.base] : d.kind === 'sum' ? d.parts : d.kind === 'flow' ? d.terms.map(t => t.column) : []; };
            for (const id of ids) {
                const reached = new Set<string>();
                const stack = [...reads(id)];
                while (stack.length > 0) { const x = stack.pop()!; if (reached.has(x) || !columns[x]) continue; reached.add(x); stack.push(...reads(x)); }
                expect(cycles.has(id)).toBe(reached.has(id));
                const cycle = cycles.get(id);
                if (!cycle) continue;
                // A real way round: from the column, each step a column the one before reads, back to it.
                expect(cycle[0]).toBe(id);
                expect(cycle.at(-1)).toBe(id);
                for (let i = 1; i < cycle.length; i++) expect(reads(cycle[i - 1])).toContain(cycle[i]);
            }
        }), { numRuns: fuzzRuns(300) });
    });
});

describe('a plan part of itself', () => {
    test('part-of itself: an error at the part-of, in both languages', async () => {
        const m = marked('plan vong "Vòng" part-of «vong»\n');
        const { diagnostics, model } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`part-of-itself@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toBe('Kế hoạch vong là phần của chính nó: `part-of` phải chỉ tới một kế hoạch cấp trên.');
        expect(model.partOfCycle).toEqual(['vong', 'vong']);
        const english = await validatePlan(en, m.text);
        expect(english.diagnostics[0].message).toBe('The plan vong is part of itself: `part-of` names a plan above it.');
    });

    test('a cycle across files: each plan of it has the error; a plan part of the cycle without being in it has none', async () => {
        const shared = createTestServices();
        const texts: Record<string, string> = {
            'a.plan': 'plan pa "A" part-of «pb»\n',
            'b.plan': 'plan pb "B" part-of «pa»\n',
            'c.plan': 'plan pc "C" part-of pa\n'
        };
        const documents = Object.entries(texts).map(([name, source]) => {
            const doc = shared.shared.workspace.LangiumDocumentFactory.fromString(marked(source).text, URI.file(`/tmp/part-of-cycle/${name}`));
            shared.shared.workspace.LangiumDocuments.addDocument(doc);
            return doc;
        });
        await shared.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const [a, b, c] = documents;
        expect(findingKeys(a.diagnostics ?? [])).toEqual([`part-of-itself@${showRange(marked(texts['a.plan']).ranges[0])}`]);
        expect(a.diagnostics![0].message).toBe('Kế hoạch pa là phần của chính nó qua các kế hoạch khác (pa → pb → pa): `part-of` phải chỉ tới một kế hoạch cấp trên.');
        expect(findingKeys(b.diagnostics ?? [])).toEqual([`part-of-itself@${showRange(marked(texts['b.plan']).ranges[0])}`]);
        expect(findingKeys(c.diagnostics ?? [])).toEqual([]);
    });

    test('partOfCycle ends on every chain, a cycle or not', () => {
        fc.assert(fc.property(fc.array(fc.option(fc.nat(7), { nil: undefined }), { minLength: 8, maxLength: 8 }), parents => {
            const nodes: { name: string; parent?: { ref?: PartOfNode } }[] = parents.map((_, i) => ({ name: `p${i}` }));
            parents.forEach((p, i) => { if (p !== undefined) nodes[i].parent = { ref: nodes[p] }; });
            for (const [i, node] of nodes.entries()) {
                const cycle = partOfCycle(node);
                // In a cycle iff following parents from it comes back to it.
                let at = parents[i], steps = 0, back = false;
                while (at !== undefined && steps++ <= nodes.length) { if (at === i) { back = true; break; } at = parents[at]; }
                expect(cycle !== undefined).toBe(back);
                if (cycle) expect(cycle[0]).toBe(node.name);
            }
        }), { numRuns: fuzzRuns(300) });
    });

    test('the pure checker reports a cycle the model carries', async () => {
        // Fresh services: a plan of the same id left by a test above would be the one found.
        const { model } = await validatePlan(createTestServices(), 'plan vong "Vòng" part-of vong\n');
        expect(checkPlan(model, 'en').map(f => f.code)).toEqual(['part-of-itself']);
    });
});
