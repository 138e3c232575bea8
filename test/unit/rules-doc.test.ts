// The rules' page (common/rules-doc.ts): every code has its entry at the line its findings link to.
import { describe, expect, it } from 'vitest';
import { FILE_ISSUES, ISSUES, ruleName } from '../../common/findings.js';
import { rulesDocument } from '../../common/rules-doc.js';
import { ruleLink } from '../../language-server/src/validation/validator.js';
import { createTestServices, validatePlan } from '../helpers/plan.js';

describe('the rules\' page', () => {
    const { text, lineOf } = rulesDocument();
    const lines = text.split('\n');

    it('has each rule under its names, with its code, severity and both descriptions', () => {
        for (const code of [...Object.keys(ISSUES), ...Object.keys(FILE_ISSUES)]) {
            const at = lineOf[code];
            expect(lines[at - 1], code).toBe(`## ${ruleName(code, 'vi')} / ${ruleName(code, 'en')}`);
            expect(lines[at + 1], code).toContain(`\`${code}\``);
            const spec = (ISSUES as Record<string, { rule: { vi: string; en: string } }>)[code] ?? (FILE_ISSUES as Record<string, { rule: { vi: string; en: string } }>)[code];
            expect(lines.slice(at, at + 6), code).toEqual(expect.arrayContaining([`- ${spec.rule.vi}`, `- ${spec.rule.en}`]));
        }
    });

    it('is linked from each finding when the server knows where it is, and not otherwise', async () => {
        const services = createTestServices();
        const plan = `plan p "P"\nagency A "Sở A"\n`;
        expect((await validatePlan(services, plan)).diagnostics.every(d => d.codeDescription === undefined)).toBe(true);
        services.plan.Settings.rulesPage = 'file:///opt/plan/RULES.md';
        const { diagnostics } = await validatePlan(services, plan);
        const unused = diagnostics.find(d => d.code === 'unused-agency')!;
        expect(unused.codeDescription).toEqual({ href: `file:///opt/plan/RULES.md#L${lineOf['unused-agency']}` });
        expect(ruleLink('file:///x/RULES.md', 'no-such-rule')).toBe('file:///x/RULES.md');
    });
});
