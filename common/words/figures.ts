// Words of the findings that point at the wrong figure (issue 21): where the base a rate is checked
// against came from (the {evidence} of implied-denominator), the note that a check ran under the
// reading a fix proposes (the {reading} of rate-mismatch, total-mismatch and implied-denominator),
// and the fix that puts the decided figure in place.

import type { Words } from '../catalogue.js';

export const FIGURE_WORDS = {
    // implied-denominator {evidence}
    fromTotal: { vi: 'dòng {total} trừ các dòng còn lại', en: '{total} less the other rows' },
    fromRows: { vi: 'tổng các dòng', en: 'the rows it adds up' },
    fromOthers: { vi: 'các tỷ lệ còn lại của dòng', en: "the row's other rates" },
    fromYear: { vi: 'năm {year} của cùng đơn vị ({span}, sai khác dưới {spread}%)', en: "the same unit's {year} ({span}, within {spread}%)" },
    // {reading}: one cell read as its fix proposes; several are joined with "; "
    readingAsFixed: { vi: 'đọc {printed} là {reading} như cách sửa đề xuất', en: 'reading {printed} as {reading}, as the fix proposes' },
    // the quick fix of a decided implied-denominator
    fixImplied: { vi: 'Thay số in bằng số phần còn lại của bảng cho thấy: {value}', en: 'Replace the printed figure with what the rest of the table implies: {value}' }
} as const satisfies Record<string, Words>;
