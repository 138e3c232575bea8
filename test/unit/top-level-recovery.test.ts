// A line the language does not know at the top of a plan (a header field written outside `header`, a
// keyword of another version) is one syntax error: the declarations after it are still read, so the
// plan keeps its findings, completion and preview. A grammar whose entry is an alternative of two
// documents lost them all (the reverted merge of reports, session 8): this guards against that.
import { describe, expect, it } from 'vitest';
import { createTestServices, parsePlan, validatePlan } from '../helpers/plan.js';

const PLAN = `plan ke_hoach_moi "Kế hoạch" number-style vi
period 2026 - 2026
agency YT "Sở Y tế" department
tasks "NHIỆM VỤ" {
    task 1 "Khám sức khỏe cho hộ nghèo" {
        lead YT
        submit 2026
    }
}
`;

describe('an unknown line at the top of a plan', () => {
    it('is one syntax error, and the declarations after it are read', async () => {
        const services = createTestServices();
        const document = await parsePlan(services, PLAN);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        expect(document.parseResult.value.elements.map(e => e.$type)).toEqual(['Agency', 'TaskList']);
        const { model } = await validatePlan(services, PLAN);
        expect(model.agencies.map(a => a.id)).toEqual(['YT']);
        expect(model.taskLists[0]?.tasks.map(t => t.no)).toHaveLength(1);
    });
});
