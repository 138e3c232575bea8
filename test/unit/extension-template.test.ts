// The "New plan from template" skeleton: it must parse with no syntax errors in every locale and
// period, and leave only findings that say "fill me in" (no error a user did not cause).
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { defaultFirstYear, periodEnd, planTemplate } from '../../extension/src/client/template.js';
import type { PlanDocument } from '../../language-server/src/generated/ast.js';
import { createPlanServices } from '../../language-server/src/plan-module.js';

const services = createPlanServices(EmptyFileSystem).Plan;
const parse = parseHelper<PlanDocument>(services);

async function build(text: string): Promise<LangiumDocument<PlanDocument>> {
    return parse(text, { validation: true });
}

describe('plan template', () => {
    test('periods follow the national five-year periods', () => {
        expect(periodEnd(2021)).toBe(2025);
        expect(periodEnd(2023)).toBe(2025);
        expect(periodEnd(2025)).toBe(2025);
        expect(periodEnd(2026)).toBe(2030);
        expect(periodEnd(2030)).toBe(2030);
        expect(defaultFirstYear(2025)).toBe(2026);
        expect(defaultFirstYear(2027)).toBe(2027);
    });

    for (const locale of ['vi', 'en'] as const) {
        for (const from of [2023, 2026]) {
            test(`parses and links without errors (${locale}, from ${from})`, async () => {
                const text = planTemplate({ locale, from });
                const document = await build(text);
                expect(document.parseResult.lexerErrors).toEqual([]);
                expect(document.parseResult.parserErrors).toEqual([]);
                const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
                expect(errors.map(e => `${e.code}: ${e.message}`)).toEqual([]);
                const model = document.parseResult.value;
                expect(model.numberStyle).toBe('vi');
                expect(model.elements.filter(e => e.$type === 'Dimension')).toHaveLength(6);
                expect(text).toContain(`period ${from} to ${periodEnd(from)}`);
                expect(text.split('\n')[0]).toMatch(/^plan ke_hoach_moi /);
            });
        }
    }

    test('guiding comments follow the locale, the plan text stays Vietnamese', () => {
        const vi = planTemplate({ locale: 'vi', from: 2026 });
        const en = planTemplate({ locale: 'en', from: 2026 });
        expect(vi).toContain('Kế hoạch mới tạo từ mẫu');
        expect(en).toContain('New plan created from the template');
        for (const t of [vi, en]) expect(t).toContain('dimension nuoc_ve_sinh "Nước sinh hoạt và vệ sinh"');
    });
});
