// Every finding where the reviewer reads it (issue 20): a finding that stands in what the document
// prints is marked on that paragraph of the Văn bản tab (the solution without a lead, the target
// sentence of a target not met, the duty item numbered after a gap); one that no printed element
// holds and no annex cell marks, on the heading of the section it falls in, else on the head.
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlanView, type LocatedFinding } from '../../language-server/src/view/build.js';
import type { PlanView } from '../../common/view.js';
import { SEED_PLAN, createTestServices, severityOf, validatePlan } from '../helpers/plan.js';

const services = createTestServices('vi');

async function viewOf(text: string): Promise<PlanView> {
    const { model, diagnostics } = await validatePlan(services, text);
    const findings: LocatedFinding[] = diagnostics.map(d => ({ severity: severityOf(d), code: String(d.code), message: d.message, range: d.range }));
    return buildPlanView(model, findings);
}

const seedText = fs.readFileSync(SEED_PLAN, 'utf-8');
const seedLines = seedText.split(/\r?\n/);

describe('findings in the document text', () => {
    it('puts every one of the seed\'s 19 findings on a cell or in the document, and each paragraph mark is the finding\'s own', async () => {
        const view = await viewOf(seedText);
        const list = view.findingList!;
        expect(list).toHaveLength(19);
        const body = view.document!.body;
        for (const f of list) {
            const where = [...(f.cells ?? []).map(c => `cell ${c.annex}/${c.row}/${c.cell}`), ...(f.paragraphs ?? []).map(i => `paragraph ${i}`), ...(f.head ? ['head'] : [])];
            expect(where, `${f.code} at line ${f.range.start.line + 1} is marked nowhere`).not.toEqual([]);
            for (const i of f.paragraphs ?? []) {
                expect(body[i].findings).toContainEqual({ severity: f.severity, code: f.code, message: f.message });
            }
        }
        // No paragraph carries a finding the list does not place there.
        const placed = body.flatMap((p, i) => (p.findings ?? []).map(x => `${i}:${x.code}:${x.message}`));
        expect(placed.sort()).toEqual(list.flatMap(f => (f.paragraphs ?? []).map(i => `${i}:${f.code}:${f.message}`)).sort());
    });

    it('marks each solution without a lead on the paragraph that prints it', async () => {
        const view = await viewOf(seedText);
        const body = view.document!.body;
        const without = view.findingList!.filter(f => f.code === 'solution-without-lead');
        expect(without).toHaveLength(11);
        for (const f of without) {
            expect(f.paragraphs).toHaveLength(1);
            const p = body[f.paragraphs![0]];
            // The solution's own sentence, as the plan writes it ("solution \"Các cấp ủy Đảng, …\"").
            const written = /solution "([^"]{30})/.exec(seedLines[f.range.start.line])![1];
            expect(p.text.startsWith(`- ${written}`), `${p.text} for line ${f.range.start.line + 1}`).toBe(true);
            expect(p.line).toBe(f.range.start.line);
            expect(f.cells).toBeUndefined();
        }
        // Eleven paragraphs, one each.
        expect(new Set(without.map(f => f.paragraphs![0])).size).toBe(11);
    });

    it('marks each target not met on the target sentence, as well as on its Annex 02 cell', async () => {
        const view = await viewOf(seedText);
        const body = view.document!.body;
        const notMet = view.findingList!.filter(f => f.code === 'target-not-met');
        expect(notMet).toHaveLength(5);
        for (const f of notMet) {
            expect(f.cells).toHaveLength(1);
            const sentence = /"(.+)"/.exec(f.message)![1].replace(/^(và |trong đó )/, '').replace(/\.$/, '');
            const p = body[f.paragraphs![0]];
            expect(p.text.toLowerCase(), f.message).toContain(sentence.toLowerCase());
        }
    });

    it('marks the duty item numbered after a gap ("11." after "9.") on its paragraph', async () => {
        const view = await viewOf(seedText);
        const gap = view.findingList!.find(f => f.code === 'numbering-gap')!;
        const p = view.document!.body[gap.paragraphs![0]];
        expect(`${p.lead?.text ?? ''} ${p.text}`.trim()).toMatch(/^11\. Các sở, ban, ngành/);
    });

    it('leaves the total and the value going the wrong way on their cells alone: they stand in no printed paragraph', async () => {
        const view = await viewOf(seedText);
        for (const code of ['total-mismatch', 'wrong-direction']) {
            const f = view.findingList!.find(x => x.code === code)!;
            expect(f.cells).toHaveLength(1);
            expect(f.paragraphs).toBeUndefined();
        }
    });

    it('puts a finding that no paragraph prints and no cell marks on the heading of its section, and one before any section on the head', async () => {
        // A group numbered 3 after 1 (the gap is on the group: its heading), an agency declared in the
        // middle of the measures' section (held by no printed element), an unknown standard at the top.
        const text = `plan p "Kế hoạch thử"
header {
    number "1" code "KH-UBND"
    title "Thử"
    period 2023 to 2025
}
agency SXD "Sở Xây dựng" department
agency KHONG_DUNG "Sở Không dùng" department
solutions "NỘI DUNG" {
    group 1 "Một" {
        solution "Làm việc một." { lead SXD }
    }
    group 3 "Ba" {
        solution "Làm việc ba." { lead SXD }
    }
}
agency CUNG_KHONG_DUNG "Sở Cũng không dùng" department
`;
        const view = await viewOf(text);
        const body = view.document!.body;
        const gap = view.findingList!.find(f => f.code === 'numbering-gap');
        expect(gap, JSON.stringify(view.findingList)).toBeDefined();
        expect(body[gap!.paragraphs![0]].text).toBe('3. Ba');
        const unused = view.findingList!.filter(f => f.code === 'unused-agency');
        expect(unused.map(f => f.message)).toEqual([expect.stringContaining('Sở Không dùng'), expect.stringContaining('Sở Cũng không dùng')]);
        // Before the first section: the head (the title block).
        expect(unused[0].head).toBe(true);
        expect(view.document!.findings).toEqual([{ severity: unused[0].severity, code: 'unused-agency', message: unused[0].message }]);
        // After the measures: on their section's heading.
        expect(body[unused[1].paragraphs![0]].text).toBe('I. NỘI DUNG');
        for (const f of view.findingList!) expect(f.paragraphs ?? f.head ?? f.cells, f.code).toBeDefined();
    });

    it('builds the same document without findings as before: no marks anywhere', async () => {
        const { model } = await validatePlan(services, seedText);
        const view = buildPlanView(model, []);
        expect(view.document!.body.some(p => p.findings)).toBe(false);
        expect(view.document!.findings).toBeUndefined();
    });
});
