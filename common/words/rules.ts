// Words the rules put into the findings' messages (the {what}, {where}, {part} of words/findings.ts).

import type { Words } from '../catalogue.js';

export const FINDING_WORDS = {
    // missing-lead {what}
    theIndicator: { vi: 'Chỉ tiêu', en: 'The indicator' },
    theSolution: { vi: 'Giải pháp {path}', en: 'The solution {path}' },
    theTask: { vi: 'Nhiệm vụ {no}', en: 'The task {no}' },
    // duplicate-year {where}
    inTableYears: { vi: 'trong danh sách năm của bảng', en: 'in the table years' },
    inRow: { vi: 'ở dòng {label}', en: 'in the row {label}' },
    inIndicator: { vi: 'trong chỉ tiêu {id}', en: 'in the indicator {id}' },
    // poor-exceeds-total {part}
    poor: { vi: 'nghèo', en: 'Poor' },
    nearPoor: { vi: 'cận nghèo', en: 'Near-poor' },
    poorAndNearPoor: { vi: 'nghèo và cận nghèo', en: 'Poor and near-poor' },
    lowerBound: { vi: 'dưới', en: 'lower' },
    upperBound: { vi: 'trên', en: 'upper' },
    // control-character {char}: the name of a character that has no Unicode name to show
    loneSurrogate: { vi: 'nửa cặp surrogate', en: 'lone surrogate' },
    noncharacter: { vi: 'ký tự không dùng', en: 'noncharacter' },
    // relatedInformation: the other places a finding is about (the editor lists them under it)
    relatedFirstDeclared: { vi: 'Khai báo đầu tiên của {id}', en: 'The first declaration of {id}' },
    relatedFirstTotal: { vi: 'Dòng tổng được kiểm tra: {label}', en: 'The total that is checked: {label}' },
    relatedFirstRow: { vi: 'Dòng {label} lần đầu', en: 'The row {label}, first written here' },
    relatedFirstYear: { vi: 'Năm {year} lần đầu', en: 'The year {year}, first written here' },
    relatedCount: { vi: 'Tử số: {measure} = {value}', en: 'The count: {measure} = {value}' },
    relatedBase: { vi: 'Mẫu số: {measure} = {value}', en: 'The base: {measure} = {value}' },
    relatedNote: { vi: 'Ghi chú "{note}" ({label}, năm {year})', en: 'The note "{note}" ({label}, {year})' },
    relatedSummedRow: { vi: 'Cộng vào tổng: {label} = {value}', en: 'Summed into the total: {label} = {value}' },
    // target-not-met {actual} for a change ("giảm 2,3 điểm"): the change the figures make
    changeFrom: {
        vi: '{value} ({change, select, down {giảm} other {tăng}} {by} so với năm {year})',
        en: '{value} ({change, select, down {down} other {up}} {by} from {year})'
    }
} as const satisfies Record<string, Words>;
