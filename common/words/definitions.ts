// The findings about declarations that cannot mean anything (issue 21): a column defined through
// itself, a plan part of itself, and the note that the checks they would feed are skipped. Kept apart
// from words/findings.ts, which spreads them into its ISSUES (one catalogue of codes).

import type { IssueSpec } from './findings.js';

export const DEFINITION_ISSUES = {
    'column-defined-through-itself': {
        severity: 'error',
        vi: 'Cột {column} được định nghĩa qua chính nó ({cycle}): định nghĩa này không tính ra được gì. Hãy sửa để mỗi cột chỉ dựa vào các cột khác.',
        en: 'The column {column} is defined through itself ({cycle}): the definition computes nothing. Make each column rest on other columns only.',
        rule: { vi: 'Định nghĩa của một cột (tỷ lệ, tổng, số cuối kỳ) không dẫn trở lại chính cột đó, trực tiếp hay qua các cột khác.', en: "A column's definition (a rate, a sum, an end-of-year figure) does not lead back to the column itself, directly or through other columns." }
    },
    'part-of-itself': {
        severity: 'error',
        vi: '{length, plural, one {Kế hoạch {plan} là phần của chính nó} other {Kế hoạch {plan} là phần của chính nó qua các kế hoạch khác ({cycle})}}: `part-of` phải chỉ tới một kế hoạch cấp trên.',
        en: '{length, plural, one {The plan {plan} is part of itself} other {The plan {plan} is part of itself through other plans ({cycle})}}: `part-of` names a plan above it.',
        rule: { vi: 'Một kế hoạch là phần của các kế hoạch cấp trên, không quay lại kế hoạch đã đi qua.', en: 'A plan is part of the plans above it, never back to one it passed.' }
    },
    'unchecked-definition': {
        severity: 'info',
        vi: 'Không kiểm tra cột {column} của bảng {table} theo định nghĩa của nó: định nghĩa vòng lại chính nó ({cycle}).',
        en: 'The column {column} of the table {table} is not checked against its definition: the definition comes back to the column itself ({cycle}).',
        rule: { vi: 'Một kiểm tra bị bỏ qua vì định nghĩa cột không có nghĩa thì được nói rõ.', en: 'A check skipped because a column definition means nothing says so.' }
    }
} satisfies Record<string, IssueSpec>;
