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
    // target-not-met {actual} for a change ("giảm 2,3 điểm"): the change the figures make
    changeFrom: {
        vi: '{value} ({change, select, down {giảm} other {tăng}} {by} so với năm {year})',
        en: '{value} ({change, select, down {down} other {up}} {by} from {year})'
    }
} as const satisfies Record<string, Words>;
