// The fixed words of the annexes as the published plan prints them: column headings, the line under
// the title, chart titles and series. The annexes follow the official Vietnamese layout whatever the
// editor's language (language-server/src/view/build.ts says them in ANNEX_LOCALE); the English texts
// are glosses, for readers of the code and for an English rendering some day.

import type { Words } from '../catalogue.js';
import type { Locale } from '../locale.js';

/** The language the annexes are printed in. */
export const ANNEX_LOCALE: Locale = 'vi';

/** A year column's heading, by what the year's figures are (YearKind). */
export const YEAR_HEADINGS = {
    result: { vi: 'Kết quả năm {year}', en: 'Result {year}' },
    plan: { vi: 'Năm {year}', en: '{year}' },
    estimate: { vi: 'Ước năm {year}', en: 'Estimate {year}' },
    actual: { vi: 'Thực hiện năm {year}', en: 'Actual {year}' }
} as const satisfies Record<string, Words>;

/** The same, abbreviated for a narrow preview (compact tables); the full heading stays in the tooltip. */
export const YEAR_HEADINGS_SHORT = {
    result: { vi: 'KQ {year}', en: 'R {year}' },
    plan: { vi: '{year}', en: '{year}' },
    estimate: { vi: 'Ước {year}', en: 'Est. {year}' },
    actual: { vi: 'TH {year}', en: 'A {year}' }
} as const satisfies Record<string, Words>;

export const ANNEX = {
    label: { vi: 'Phụ lục {annex}', en: 'Annex {annex}' },
    /**
     * Under every annex title: the document the annex is attached to. A part the plan leaves out is
     * left out ("(Kèm theo Quyết định của UBND tỉnh)"); a draft's blank number before its code stays a
     * gap to be written in at signing ("số /KH-UBND", as drafts print it).
     */
    attachedTo: {
        vi: '(Kèm theo {kind}{ref, select, none {} other { số {ref}}}{date, select, none {} other { ngày {date}}}{issuer, select, none {} other { của {issuer}}})',
        en: '(Attached to {kind}{ref, select, none {} other { No. {ref}}}{date, select, none {} other { of {date}}}{issuer, select, none {} other { by {issuer}}})'
    },
    /** The plan's date in its header. */
    date: { vi: 'ngày {day} tháng {month} năm {year}', en: '{day}/{month}/{year}' },
    /** The document number line (Markdown export). */
    number: { vi: 'Số: {number}', en: 'No. {number}' },
    // district tables
    no: { vi: 'STT', en: 'No.' },
    district: { vi: 'Huyện/TX/TP', en: 'District/town/city' },
    unitRegion: { vi: 'Vùng', en: 'Region' },
    unitProvince: { vi: 'Tỉnh/thành phố', en: 'Province/city' },
    unitCommune: { vi: 'Xã/phường/thị trấn', en: 'Commune/ward/township' },
    unitMixed: { vi: 'Đơn vị', en: 'Unit' },
    // indicator and task tables (the published annexes write "Stt" there)
    noLower: { vi: 'Stt', en: 'No.' },
    indicators: { vi: 'Các chỉ tiêu', en: 'Indicators' },
    unit: { vi: 'ĐVT', en: 'Unit' },
    implementer: { vi: 'Đơn vị thực hiện', en: 'Implementing agency' },
    unitHouseholds: { vi: 'Hộ', en: 'Households' },
    unitPersons: { vi: 'Người', en: 'Persons' },
    task: { vi: 'Nhiệm vụ', en: 'Task' },
    lead: { vi: 'Cơ quan chủ trì thực hiện', en: 'Lead agency' },
    coordinate: { vi: 'Cơ quan phối hợp', en: 'Coordinating agencies' },
    submit: { vi: 'Thời gian trình cấp thẩm quyền ban hành', en: 'Submission to the competent authority' },
    note: { vi: 'Ghi chú', en: 'Note' },
    /** Excel's number format of a task's year cell, so that "Năm 2025" stays a number. */
    yearFormat: { vi: '"Năm "0', en: '0' }
} as const satisfies Record<string, Words>;

export const CHARTS = {
    /** A chart's title: what it shows, then what its figures are and their years ({years}: CHARTS.run, joined). */
    titled: { vi: '{what}: {years}', en: '{what}: {years}' },
    /** A run of years of one kind: "kết quả 2021–2022", "kế hoạch năm 2025". */
    run: {
        vi: '{kind, select, result {kết quả} estimate {ước thực hiện} actual {thực hiện} other {kế hoạch}} {to, select, none {năm {from}} other {{from}–{to}}}',
        en: '{kind, select, result {result} estimate {estimate} actual {actual} other {plan}} {to, select, none {{from}} other {{from}–{to}}}'
    },
    and: { vi: ' và ', en: ' and ' },
    districtRates: { vi: 'Tỷ lệ hộ nghèo theo huyện/thị xã/thành phố (%)', en: 'Poverty rate by district (%)' },
    households: { vi: 'Tổng số hộ dân cư theo huyện', en: 'Total households by district' },
    poorHouseholds: { vi: 'Số hộ nghèo theo huyện', en: 'Poor households by district' },
    householdsUnit: { vi: 'hộ', en: 'households' },
    provinceRate: { vi: '{name}, toàn tỉnh', en: '{name}, the whole province' },
    /** A series named by its kind and year: "Kết quả năm 2022". */
    seriesOf: {
        vi: '{kind, select, result {Kết quả} estimate {Ước thực hiện} actual {Thực hiện} other {Kế hoạch}} năm {year}',
        en: '{kind, select, result {Result} estimate {Estimate} actual {Actual} other {Plan}} {year}'
    },
    standardBreak: { vi: 'Từ đây: {standard}', en: 'From here: {standard}' },
    /** Beside a target the checker found not met: "chưa đạt (9%)". */
    targetMissed: { vi: 'chưa đạt ({actual})', en: 'not met ({actual})' },
    /** At a step in the wrong direction: "tăng so với 2023 (càng thấp càng tốt)". */
    wrongStep: {
        vi: '{change, select, up {tăng} other {giảm}} so với {year} ({direction})',
        en: '{change, select, up {up} other {down}} from {year} ({direction})'
    },
    /** The legend's key of a wrong step. */
    wrongStepKey: { vi: 'Đi ngược hướng của chỉ tiêu', en: 'Against the indicator\'s direction' },
    result: { vi: 'Kết quả', en: 'Result' },
    plan: { vi: 'Kế hoạch', en: 'Plan' },
    target: { vi: 'Mục tiêu', en: 'Target' },
    /** A target as the chart labels it, its figures printed as the plan prints them. */
    targetBelow: { vi: 'dưới {value}', en: 'below {value}' },
    targetAtMost: { vi: 'không quá {value}', en: 'at most {value}' },
    targetAbout: { vi: 'khoảng {value}', en: 'about {value}' },
    targetAtLeast: { vi: 'ít nhất {value}', en: 'at least {value}' },
    targetAbove: { vi: 'trên {value}', en: 'above {value}' },
    targetEqual: { vi: '{value}', en: '{value}' },
    targetBetween: { vi: 'từ {low} đến {high}', en: '{low} to {high}' },
    targetChange: {
        vi: '{change, select, down {giảm} other {tăng}} {by} so với năm {year}',
        en: '{change, select, down {down} other {up}} {by} from {year}'
    }
} as const satisfies Record<string, Words>;
