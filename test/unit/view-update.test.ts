// The preview's view after an edit is answered as what changed (view/keeper.ts) and merged by the
// preview into the view it holds (common/view-patch.ts). The merged view must be the view a fresh
// build of the same text gives, exactly: random edits typed into the year lines of every example
// and of a generated plan (patched in place by the language layer, or rebuilt), each run compared
// with buildPlanView of a fresh build, through JSON as the answers travel.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyViewPatches, diffInto, ViewPatchError, type ViewPatch } from '../../common/view-patch.js';
import type { PlanView } from '../../common/view.js';
import { freshView, PreviewSession as Session } from '../helpers/preview-session.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { generatePlan } from '../bench/generate.js';
import { applyEdit, editArb, planTexts, yearLineSpots } from '../helpers/year-line-edits.js';

/** The body rows a set of patches replaces, as "annex:row". */
function rowsPatched(patches: ViewPatch[]): string[] {
    return patches.filter(p => p.at[0] === 'annexes' && p.at[2] === 'body' && p.at.length >= 4).map(p => `${p.at[1]}:${p.at[3]}`);
}

describe('the preview view answered as what changed equals a fresh build', () => {
    for (const [name, text] of planTexts) {
        const spots = yearLineSpots(text);
        if (spots.length === 0) continue;
        it(`${name}: the merged view after each of a run of random edits`, async () => {
            await fc.assert(fc.asyncProperty(fc.array(editArb(spots), { minLength: 1, maxLength: 4 }), async edits => {
                const session = new Session(text);
                await session.start();
                session.refresh();
                let current = text;
                for (const e of edits) {
                    current = applyEdit(current, { ...e, at: Math.min(e.at, current.length) });
                    await session.change(current);
                    const update = session.refresh();
                    expect('patches' in update).toBe(true);
                    expect(session.view).toEqual(await freshView(current));
                }
            }), { numRuns: fuzzRuns(10) });
        }, 180_000);
    }

    it('one digit typed sends its row and the figures that follow it, not the table', async () => {
        const text = generatePlan(40).text;
        const at = text.indexOf('2024: ', Math.floor(text.length / 2)) + 6;
        const session = new Session(text);
        await session.start();
        const first = session.refresh();
        expect('view' in first).toBe(true);
        const edited = text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1);
        await session.change(edited);
        const update = session.refresh();
        if (!('patches' in update)) throw new Error('a whole view answered for a known stamp');
        const line = edited.slice(0, at).split('\n').length - 1;
        const body = session.view!.annexes[0].body;
        const rows = rowsPatched(update.patches);
        // The edited row, and the total row whose sum now differs from it (a finding on it).
        expect(rows.map(r => body[Number(r.split(':')[1])].line)).toContain(body.find(r => r.line !== undefined && r.line <= line && line - r.line < 9)!.line);
        expect(rows.length).toBeLessThanOrEqual(3);
        expect(JSON.stringify(update).length).toBeLessThan(JSON.stringify(first).length / 10);
        expect(session.view).toEqual(await freshView(edited));
    });

    it('nothing changed: no patches; an unknown or missing stamp: the whole view', async () => {
        const session = new Session(generatePlan(5).text);
        await session.start();
        session.refresh();
        expect(session.refresh()).toMatchObject({ patches: [] });
        session.stamp = 'not-a-stamp';
        expect('view' in session.refresh()).toBe(true);
        session.stamp = undefined;
        expect('view' in session.refresh()).toBe(true);
    });
});

describe('view patches', () => {
    const base = { uri: 'u', id: 'p', numberStyle: 'vi', header: { number: '1/KH' }, annexes: [], charts: [], findings: { error: 0, warning: 0, info: 0, hint: 0 } } as unknown as PlanView;

    it('diffInto and applyViewPatches round-trip, sharing what did not change', () => {
        const a = { ...base, charts: [{ id: 'c', title: 't', type: 'bar', labels: ['x', 'y'], series: [{ label: 's', data: [1, 2] }] }], document: { kind: 'K' } } as unknown as PlanView;
        const b = { ...base, charts: [{ id: 'c', title: 't', type: 'bar', labels: ['x', 'y'], series: [{ label: 's', data: [1, 3] }] }], header: { number: '2/KH', place: 'HY' } } as unknown as PlanView;
        const patches: ViewPatch[] = [];
        diffInto(a, b, [], patches);
        expect(patches).toEqual([
            { at: ['document'] },
            { at: ['header', 'number'], value: '2/KH' }, { at: ['header', 'place'], value: 'HY' },
            { at: ['charts', 0, 'series', 0, 'data', 1], value: 3 }
        ]);
        const merged = applyViewPatches(a, JSON.parse(JSON.stringify(patches)) as ViewPatch[]);
        expect(merged).toEqual(b);
        expect(a.charts[0].series[0].data[1]).toBe(2);
        expect(merged.findings).toBe(a.findings);
    });

    it('a path the view does not have is refused, never followed', () => {
        expect(() => applyViewPatches(base, [{ at: ['annexes', 3, 'body'], value: [] }])).toThrow(ViewPatchError);
        expect(() => applyViewPatches(base, [{ at: ['__proto__', 'x'], value: 1 }])).toThrow(ViewPatchError);
        expect(() => applyViewPatches(base, [{ at: [] }])).toThrow(ViewPatchError);
        expect(() => applyViewPatches(base, [{ at: ['uri', 'x'], value: 1 }])).toThrow(ViewPatchError);
    });
});
