// The review sheet's words: the findings exported with the annexes (a CSV file and a sheet of the
// workbook), in the language of the export's messages, so that a reviewer can send them back.

import type { Words } from '../catalogue.js';

export const REVIEW = {
    /** The workbook sheet's name (at most 31 characters). */
    sheet: { vi: 'Phát hiện', en: 'Findings' },
    severity: { vi: 'Mức độ', en: 'Severity' },
    code: { vi: 'Mã quy tắc', en: 'Rule' },
    message: { vi: 'Nội dung', en: 'Message' },
    annex: { vi: 'Phụ lục', en: 'Annex' },
    cell: { vi: 'Ô', en: 'Cell' },
    line: { vi: 'Dòng', en: 'Line' },
    column: { vi: 'Cột', en: 'Column' },
    /** Where a finding stands in an annex: the row's name and the column's heading. */
    at: { vi: '{row} · {column}', en: '{row} · {column}' }
} as const satisfies Record<string, Words>;

export const REVIEW_SEVERITIES = {
    error: { vi: 'Lỗi', en: 'Error' },
    warning: { vi: 'Cảnh báo', en: 'Warning' },
    info: { vi: 'Thông tin', en: 'Info' },
    hint: { vi: 'Gợi ý', en: 'Hint' }
} as const satisfies Record<string, Words>;
