// The whole document's fixed words, in the layout of Nghị định 30/2020/NĐ-CP: the national motto, the
// number and date lines, the headings of the sections a provincial plan has, the lines that refer
// to the annexes, who leads a measure, the recipients. Printed in ANNEX_LOCALE like the annexes; the
// English texts are glosses.

import type { Words } from '../catalogue.js';

export const DOCUMENT = {
    motto: { vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', en: 'SOCIALIST REPUBLIC OF VIET NAM' },
    mottoLine: { vi: 'Độc lập - Tự do - Hạnh phúc', en: 'Independence - Freedom - Happiness' },
    /** The place and date line under the motto; a blank day or month is the gap a draft leaves. */
    placeDate: {
        vi: '{place, select, none {} other {{place}, }}ngày {day} tháng {month} năm {year}',
        en: '{place, select, none {} other {{place}, }}{day}/{month}/{year}'
    },
    // Section headings, numbered I., II., … in the order the plan has them.
    purposeAndRequirement: { vi: 'MỤC ĐÍCH, YÊU CẦU', en: 'PURPOSE AND REQUIREMENTS' },
    purposeOnly: { vi: 'MỤC ĐÍCH', en: 'PURPOSE' },
    requirementOnly: { vi: 'YÊU CẦU', en: 'REQUIREMENTS' },
    purpose: { vi: 'Mục đích', en: 'Purpose' },
    requirement: { vi: 'Yêu cầu', en: 'Requirements' },
    objectives: { vi: 'MỤC TIÊU', en: 'OBJECTIVES' },
    generalObjective: { vi: 'Mục tiêu tổng quát', en: 'General objective' },
    specificTargets: { vi: 'Mục tiêu cụ thể', en: 'Specific targets' },
    /** Before the targets of the period ("a) Mục tiêu đến năm 2025:"). */
    targetsBy: { vi: 'Mục tiêu đến năm {year}:', en: 'Targets by {year}:' },
    /** Before the targets beyond the period ("b) Định hướng đến năm 2030:"). */
    orientationTo: { vi: 'Định hướng đến năm {year}:', en: 'Orientation to {year}:' },
    /** Before the targets of the deprivation dimensions, one line per dimension. */
    dimensionTargets: { vi: 'Các chỉ tiêu mức độ tiếp cận các dịch vụ xã hội cơ bản đến năm {year}:', en: 'Targets of access to basic social services by {year}:' },
    dimension: { vi: 'Chiều {name}:', en: '{name}:' },
    /** Under the targets whose figures an annex details. */
    detailIn: { vi: '(Chi tiết tại {annex} kèm theo)', en: '(Details in {annex} attached)' },
    /** At the end of the measures, for an annex of tasks. */
    annexAttached: { vi: '(Có {annex}: {title} kèm theo)', en: '({annex}: {title}, attached)' },
    solutions: { vi: 'NHIỆM VỤ, GIẢI PHÁP', en: 'TASKS AND SOLUTIONS' },
    funding: { vi: 'KINH PHÍ THỰC HIỆN', en: 'FUNDING' },
    duties: { vi: 'TỔ CHỨC THỰC HIỆN', en: 'IMPLEMENTATION' },
    /** Under a measure: who leads it, then who coordinates. */
    lead: { vi: 'Đơn vị chủ trì thực hiện:', en: 'Lead:' },
    coordinate: { vi: '{agencies} phối hợp thực hiện', en: 'in coordination with {agencies}' },
    /** A body the committee cannot instruct (the Fatherland Front, mass organisations) is asked. */
    requestCoordinate: { vi: 'Đề nghị {agencies} phối hợp thực hiện', en: '{agencies} is asked to coordinate' },
    /** A funding source reached through an agency. */
    fundingVia: { vi: '{source} (thông qua {agency})', en: '{source} (through {agency})' },
    recipients: { vi: 'Nơi nhận:', en: 'Recipients:' },
    /** The letters of "a)", "b)", … items, in the alphabet's order (Vietnamese has đ and no f, j, w, z). */
    itemLetters: { vi: 'abcdđeghiklmnopqrstuvxy', en: 'abcdefghijklmnopqrstuvwxyz' }
} as const satisfies Record<string, Words>;

/** A target sentence for a target the plan states without one: the indicator, the comparison, the figure. */
export const TARGET_SENTENCES = {
    'below': { vi: '{name} dưới {value}', en: '{name} below {value}' },
    'at-most': { vi: '{name} không quá {value}', en: '{name} at most {value}' },
    'about': { vi: '{name} khoảng {value}', en: '{name} about {value}' },
    'at-least': { vi: '{name} đạt ít nhất {value}', en: '{name} at least {value}' },
    'above': { vi: '{name} trên {value}', en: '{name} above {value}' },
    'equal': { vi: '{name} đạt {value}', en: '{name} at {value}' },
    'between': { vi: '{name} từ {low} đến {high}', en: '{name} between {low} and {high}' },
    'down-by': { vi: '{name} giảm {value}', en: '{name} down by {value}' },
    'up-by': { vi: '{name} tăng {value}', en: '{name} up by {value}' },
    'none': { vi: '{name}', en: '{name}' }
} as const satisfies Record<string, Words>;
