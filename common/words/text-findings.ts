// The findings as the document exports carry them when asked (`plan export --findings comments`):
// Word comments anchored on the paragraph a finding stands in, marks with the message in the HTML.

import type { Words } from '../catalogue.js';

export const TEXT_FINDINGS = {
    /** Who wrote a Word comment: the checker, not a person. */
    author: { vi: 'Kiểm tra kế hoạch', en: 'Plan checker' },
    initials: { vi: 'KTKH', en: 'PC' },
    /** A comment's or a mark's text: "Cảnh báo [numbering-gap]: Đánh số không liên tục: …". */
    comment: { vi: '{severity} [{code}]: {message}', en: '{severity} [{code}]: {message}' }
} as const satisfies Record<string, Words>;
