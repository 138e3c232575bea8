// The review sheet's words: the findings exported with the annexes (a CSV file, a sheet of the
// workbook, a DOCX and an HTML page), in the language of the export's messages, so that a reviewer
// can send them back with a reply on each row.

import type { Words } from '../catalogue.js';

export const REVIEW = {
    /** The workbook sheet's name (at most 31 characters). */
    sheet: { vi: 'Phát hiện', en: 'Findings' },
    /** The sheet's title, above the plan's number and name. */
    title: { vi: 'BẢNG TỔNG HỢP PHÁT HIỆN', en: 'REVIEW SHEET' },
    /** The plan the sheet is about: its kind and number ("Kế hoạch số …/KH-UBND"); no number, the kind alone. */
    plan: { vi: '{kind}{number, select, none {} other { số {number}}}', en: '{kind}{number, select, none {} other { No. {number}}}' },
    /** The plan's kind when its header names none. */
    planKind: { vi: 'Kế hoạch', en: 'Plan' },
    stt: { vi: 'STT', en: 'No.' },
    severity: { vi: 'Mức độ', en: 'Severity' },
    code: { vi: 'Mã quy tắc', en: 'Rule' },
    message: { vi: 'Nội dung', en: 'Message' },
    place: { vi: 'Vị trí trong văn bản', en: 'Place in the document' },
    unit: { vi: 'Đơn vị/địa bàn', en: 'Agency/district' },
    reply: { vi: 'Ý kiến giải trình', en: 'Reply' },
    line: { vi: 'Dòng trong tệp .plan', en: 'Line in the .plan file' },
    /** Where a finding stands in an annex: the annex, the row (with its unit of measure), the column. */
    at: { vi: '{annex} · {row} · {column}', en: '{annex} · {row} · {column}' },
    /** The row as the annex prints it: its number ("STT 4") and its name, with the unit of measure when the annex has one. */
    row: {
        vi: '{no, select, none {} other {STT {no} }}{name}{unit, select, none {} other { ({unit})}}',
        en: '{no, select, none {} other {No. {no} }}{name}{unit, select, none {} other { ({unit})}}'
    },
    /** A row whose name and number read like another's: its place among the table's rows. */
    rowAt: { vi: 'hàng thứ {n} của bảng', en: 'table row {n}' },
    /** Where a finding stands in the text: the headings above it, then the paragraph under the last. */
    paragraph: { vi: 'đoạn {n}', en: 'paragraph {n}' },
    /** A numbered item of a section, by its number ("11. Các sở, ban, ngành …"). */
    item: { vi: 'điểm {n}', en: 'item {n}' },
    /** Between the headings of a place in the text. */
    within: { vi: ' › ', en: ' › ' },
    /** The page number in the printed sheet's footer: "Trang 2/5". */
    page: { vi: 'Trang {page}/{pages}', en: 'Page {page} of {pages}' }
} as const satisfies Record<string, Words>;

export const REVIEW_SEVERITIES = {
    error: { vi: 'Lỗi', en: 'Error' },
    warning: { vi: 'Cảnh báo', en: 'Warning' },
    info: { vi: 'Thông tin', en: 'Info' },
    hint: { vi: 'Gợi ý', en: 'Hint' }
} as const satisfies Record<string, Words>;
