// The words of `plan validate --format sarif` and `--format github` (language-server/src/cli/sarif.ts):
// what the codes that are not rules of the checker check, and the help text every rule carries.

import type { Words } from '../catalogue.js';

/** Codes a finding can have that are not in ISSUES or FILE_ISSUES (common/words/findings.ts). */
export const OTHER_CODES = {
    'syntax-error': {
        vi: 'Văn bản kế hoạch viết đúng ngữ pháp của ngôn ngữ kế hoạch (một phát hiện cho mỗi chỗ sai, tại chỗ sai).',
        en: 'The plan\'s text follows the grammar of the plan language (one finding per mistake, at the mistake).'
    },
    'internal-error': {
        vi: 'Một bước kiểm tra gặp lỗi của công cụ: được báo lại thay vì bỏ qua; xin báo lỗi kèm tệp.',
        en: 'A check failed inside the tool: it is reported rather than swallowed; please report it with the file.'
    }
} as const satisfies Record<string, Words>;

export const CODE_REVIEW = {
    /** The help text of a rule: what it checks, then where the codes are listed. */
    help: {
        vi: '{rule} Mã {code}; danh sách các mã và điều chúng kiểm tra: README, mục "What the checker reports".',
        en: '{rule} Code {code}; the codes and what they check are listed in the README, "What the checker reports".'
    },
    /** A related place under a GitHub annotation's message. */
    relatedLine: { vi: '→ {place}: {message}', en: '→ {place}: {message}' },
    /** The tool's full name in the SARIF log. */
    toolFullName: { vi: 'Kế hoạch dạng mã: kiểm tra kế hoạch', en: 'Plan as Code: plan checker' }
} as const satisfies Record<string, Words>;
