// The rules' page: every finding code with its name, severity and what the rule checks, in Vietnamese
// and English. Written at build time beside the server and the CLI (out/RULES.md), it is what each
// finding's codeDescription links to (`RULES.md#L<line>`: editors open a file at that line). Pure:
// built from the catalogue, so it cannot drift from the messages.
import { FILE_ISSUES, ISSUES, ruleName } from './findings.js';
import type { IssueSpec } from './words/findings.js';
import { RULES_PAGE } from './words/rule-names.js';

export interface RulesDocument {
    text: string;
    /** The 1-based line of each rule's heading. */
    lineOf: Record<string, number>;
}

export function rulesDocument(): RulesDocument {
    const lines: string[] = [RULES_PAGE.title, '', ...RULES_PAGE.lead, ''];
    const lineOf: Record<string, number> = {};
    const entries = [...Object.entries(ISSUES), ...Object.entries(FILE_ISSUES)] as [string, IssueSpec][];
    for (const [code, spec] of entries) {
        lines.push(`## ${ruleName(code, 'vi')} / ${ruleName(code, 'en')}`);
        lineOf[code] = lines.length;
        lines.push('', `<a id="${code}"></a>\`${code}\` — ${RULES_PAGE.severity[spec.severity]}`, '', `- ${spec.rule.vi}`, `- ${spec.rule.en}`, '');
    }
    return { text: lines.join('\n'), lineOf };
}
