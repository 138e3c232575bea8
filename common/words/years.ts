// The words of a year printed twice in one table: its start and its end ("Đầu năm 2024", "Cuối năm
// 2024"), or one year under two poverty standards ("Năm 2021 (chuẩn 2016–2020)"); and of a change
// between years. The annexes print the headings in Vietnamese (annex.ts ANNEX_LOCALE); findings say
// the group in the reader's language.

import type { Words } from '../catalogue.js';

export const YEAR_GROUP_WORDS = {
    /** A group's heading, when the plan writes none: the year, its part, its standard. */
    heading: {
        vi: '{phase, select, start {Đầu năm {year}} end {Cuối năm {year}} other {Năm {year}}}{standard, select, none {} other { ({standard})}}',
        en: '{phase, select, start {Start of {year}} end {End of {year}} other {{year}}}{standard, select, none {} other { ({standard})}}'
    },
    /** A standard in a heading: by its years where it has them ("chuẩn 2016–2020"), else by its name. */
    standardYears: { vi: 'chuẩn {from}–{to}', en: '{from}–{to} standard' },
    /** A group in a finding's "năm {year}". */
    inFinding: {
        vi: '{year}{phase, select, start { (đầu năm)} end { (cuối năm)} other {}}{standard, select, none {} other { theo {standard}}}',
        en: '{year}{phase, select, start { (start)} end { (end)} other {}}{standard, select, none {} other { under {standard}}}'
    },
    /** What a change claims, in a finding. */
    changeKind: {
        vi: '{direction, select, decrease {giảm} increase {tăng} other {thay đổi}} {unit, select, percent {tính bằng % của giá trị năm so sánh} points {tính bằng điểm %} other {tính bằng số đếm}}',
        en: '{direction, select, decrease {fall} increase {rise} other {change}} {unit, select, percent {in percent of the earlier value} points {in percentage points} other {as a count}}'
    },
    /** The checks that would need a figure under another standard. */
    acrossFlow: { vi: 'biến động (flow) của cột {measure}', en: 'the flow of column {measure}' },
    acrossStart: { vi: 'số đầu năm so với cuối năm trước', en: 'the start of the year against the end of the year before' },
    acrossChange: { vi: 'cột thay đổi {measure}', en: 'the change column {measure}' },
    relatedEarlier: { vi: '{measure} {group}: {value}', en: '{measure} {group}: {value}' }
} as const satisfies Record<string, Words>;
