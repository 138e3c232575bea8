// The rules' page: every finding code with its name, severity and what the rule checks, in Vietnamese
// and English. Written at build time beside the server and the CLI (out/RULES.md), it is what each
// finding's codeDescription links to (`RULES.md#L<line>`: editors open a file at that line), and what
// SARIF's helpUri names. Pure: built from the catalogue, so it cannot drift from the messages.
import { FILE_ISSUES, ISSUES, ruleName } from './findings.js';
import type { IssueSpec } from './words/findings.js';

export interface RulesDocument {
    text: string;
    /** The 1-based line of each rule's heading. */
    lineOf: Record<string, number>;
}

const SEVERITY_WORDS = {
    error: 'lỗi / error', warning: 'cảnh báo / warning', info: 'thông tin / information', hint: 'gợi ý / hint'
} as const;

export function rulesDocument(): RulesDocument {
    const lines = [
        '# Quy tắc kiểm tra kế hoạch / The plan checker\'s rules',
        '',
        'Mỗi phát hiện của bộ kiểm tra mang một mã cố định (dùng trong bộ lọc, trong `plan validate --format json` và SARIF).',
        'Every finding carries a stable code (used by the filter, `plan validate --format json` and SARIF).',
        'Tệp này được tạo khi build từ danh mục quy tắc; đừng sửa tay. / Generated at build time from the rule catalogue; do not edit.',
        ''
    ];
    const lineOf: Record<string, number> = {};
    const entries = [...Object.entries(ISSUES), ...Object.entries(FILE_ISSUES)] as [string, IssueSpec][];
    for (const [code, spec] of entries) {
        lines.push(`## ${ruleName(code, 'vi')} / ${ruleName(code, 'en')}`);
        lineOf[code] = lines.length;
        lines.push('', `<a id="${code}"></a>\`${code}\` — ${SEVERITY_WORDS[spec.severity]}`, '', `- ${spec.rule.vi}`, `- ${spec.rule.en}`, '');
    }
    return { text: lines.join('\n'), lineOf };
}
