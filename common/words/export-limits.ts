// What an export says when a table is larger than a format can hold (language-server/src/export/limits.ts).

import type { Words } from '../catalogue.js';

export const EXPORT_LIMIT_WORDS = {
    tooLarge: {
        vi: '{annex} (bảng {table}, dòng {line}) có {count} {what, select, rows {dòng} other {cột}}, quá giới hạn {limit} {what, select, rows {dòng} other {cột}} của {holder}: không xuất định dạng {format}; các định dạng khác vẫn được xuất.',
        en: '{annex} (table {table}, line {line}) has {count} {what, select, rows {rows} other {columns}}, past the {limit} {what, select, rows {rows} other {columns}} of {holder}: the {format} format is not written; the other formats are.'
    },
    /** The review sheet of findings, a sheet of the workbook. */
    reviewSheet: { vi: 'Danh sách phát hiện', en: 'The list of findings' },
    formatXlsx: { vi: 'một trang tính Excel (XLSX)', en: 'an Excel sheet (XLSX)' },
    formatDocx: { vi: 'một bảng Word (DOCX)', en: 'a Word table (DOCX)' }
} as const satisfies Record<string, Words>;
