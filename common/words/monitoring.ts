// The monitoring view's and annex's words: a report's figures against its plan ("Kết quả thực hiện …").
// Printed in the annexes' language (ANNEX_LOCALE) as the other annexes are; the English texts are glosses.

import type { Words } from '../catalogue.js';

export const MONITORING = {
    /** The monitoring annexes' label (they are not numbered as the plan's annexes are). */
    label: { vi: 'Kết quả thực hiện', en: 'Achieved' },
    /** A table's monitoring annex: by the plan table's annex ("Phụ lục 01"), else its id. */
    tableLabel: { vi: 'Kết quả thực hiện – {what}', en: 'Achieved – {what}' },
    /** The annex of the indicators and targets. */
    indicatorsTitle: { vi: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, MỤC TIÊU NĂM {year}', en: 'INDICATORS AND TARGETS ACHIEVED IN {year}' },
    /** The annex of a table: the plan table's title after it. */
    tableTitle: { vi: 'KẾT QUẢ THỰC HIỆN NĂM {year}: {title}', en: 'ACHIEVED IN {year}: {title}' },
    /** Under the title: the report and its source. */
    attachedTo: {
        vi: '(Kèm theo {title}{source, select, none {} other {, {source}}}{date, select, none {} other {, ngày {date}}})',
        en: '(Attached to {title}{source, select, none {} other {, {source}}}{date, select, none {} other {, dated {date}}})'
    },
    report: { vi: 'báo cáo {id}', en: 'the report {id}' },
    no: { vi: 'STT', en: 'No.' },
    indicator: { vi: 'Chỉ tiêu, mục tiêu', en: 'Indicator, target' },
    unit: { vi: 'Đơn vị', en: 'Unit' },
    planned: { vi: 'Kế hoạch năm {year}', en: 'Planned {year}' },
    actual: { vi: 'Thực hiện năm {year}', en: 'Actual {year}' },
    path: { vi: 'Lộ trình năm {year}', en: 'Path {year}' },
    assessment: { vi: 'Đánh giá', en: 'Assessment' },
    /** A target's row: its sentence (or id) and its year. */
    targetRow: { vi: 'Mục tiêu năm {year}: {text}', en: 'Target for {year}: {text}' },
    met: { vi: 'Đạt', en: 'Met' },
    notMet: { vi: 'Không đạt', en: 'Not met' },
    onTrack: { vi: 'Đúng tiến độ', en: 'On track' },
    offTrack: { vi: 'Chậm tiến độ', en: 'Off track' },
    /** Chart: an indicator's plan, the straight path to its target, what was achieved. */
    chartTitle: { vi: '{name}: kế hoạch, lộ trình đến mục tiêu năm {targetYear} và thực hiện năm {year}', en: '{name}: plan, path to the {targetYear} target and actual {year}' },
    seriesPlan: { vi: 'Kế hoạch', en: 'Plan' },
    seriesPath: { vi: 'Lộ trình đến mục tiêu', en: 'Path to the target' },
    seriesActual: { vi: 'Thực hiện', en: 'Actual' },
    /** Chart of a table's column: planned and actual by unit. */
    tableChartTitle: { vi: '{measure}: kế hoạch và thực hiện năm {year} theo đơn vị', en: '{measure}: planned and actual {year} by unit' }
} as const satisfies Record<string, Words>;
