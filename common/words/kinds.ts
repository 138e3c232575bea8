// Kind names, in one table each: what a declaration is, the kinds of agencies and districts, units,
// directions, what a year's figures are, the measures of table columns. Used by the findings (the
// linker's "unknown …", duplicate ids), the editor (hovers, completion, outline) and the view.

import type { Words } from '../catalogue.js';

/** What a declaration is, by its AST type: as a word inside a sentence ("no {kind} has the id …"), and as a title (hovers, outline). */
export const KINDS: Record<string, Words & { readonly title: Words }> = {
    Agency: { vi: 'cơ quan', en: 'agency', title: { vi: 'Cơ quan, đơn vị', en: 'Agency' } },
    District: { vi: 'huyện/thị xã/thành phố', en: 'district', title: { vi: 'Huyện, thị xã, thành phố', en: 'District' } },
    Indicator: { vi: 'chỉ tiêu', en: 'indicator', title: { vi: 'Chỉ tiêu', en: 'Indicator' } },
    Dimension: { vi: 'chiều', en: 'dimension', title: { vi: 'Chiều thiếu hụt', en: 'Deprivation dimension' } },
    Standard: { vi: 'chuẩn nghèo', en: 'poverty standard', title: { vi: 'Chuẩn nghèo', en: 'Poverty standard' } },
    DistrictTable: { vi: 'bảng', en: 'table', title: { vi: 'Bảng theo huyện', en: 'District table' } },
    Target: { vi: 'mục tiêu', en: 'target', title: { vi: 'Mục tiêu', en: 'Target' } },
    PlanDocument: { vi: 'kế hoạch', en: 'plan', title: { vi: 'Kế hoạch', en: 'Plan' } },
    FundingSource: { vi: 'nguồn kinh phí', en: 'funding source', title: { vi: 'Nguồn kinh phí', en: 'Funding source' } },
    Solution: { vi: 'giải pháp', en: 'solution', title: { vi: 'Giải pháp', en: 'Solution' } },
    Task: { vi: 'nhiệm vụ', en: 'task', title: { vi: 'Nhiệm vụ', en: 'Task' } }
};

/** An agency's kind (`agency X "…" department`). */
export const AGENCY_KINDS: Record<string, Words> = {
    department: { vi: 'sở, ngành', en: 'provincial department' },
    bank: { vi: 'ngân hàng', en: 'bank' },
    committee: { vi: 'ủy ban nhân dân', en: "people's committee" },
    front: { vi: 'Mặt trận Tổ quốc, đoàn thể', en: 'Fatherland Front, mass organisation' },
    group: { vi: 'nhóm cơ quan', en: 'group of bodies' },
    other: { vi: 'khác', en: 'other' }
};

/** A unit's kind: district-level (huyện, thị xã, thành phố, quận) and commune-level (xã, phường, thị trấn). */
export const DISTRICT_KINDS: Record<string, Words> = {
    'huyen': { vi: 'huyện', en: 'rural district' },
    'thi-xa': { vi: 'thị xã', en: 'town' },
    'thanh-pho': { vi: 'thành phố', en: 'city' },
    'quan': { vi: 'quận', en: 'urban district' },
    'xa': { vi: 'xã', en: 'rural commune' },
    'phuong': { vi: 'phường', en: 'ward' },
    'thi-tran': { vi: 'thị trấn', en: 'township' }
};

/** What a unit a table's rows stand for is, by its level (`district`, `region`, `province`, `commune`), as a title (hovers). */
export const UNIT_LEVELS: Record<string, Words> = {
    district: { vi: 'Huyện, quận, thị xã, thành phố', en: 'District' },
    region: { vi: 'Vùng', en: 'Region' },
    province: { vi: 'Tỉnh, thành phố trực thuộc trung ương', en: 'Province' },
    commune: { vi: 'Xã, phường, thị trấn', en: 'Commune' }
};

/** An indicator's unit. */
export const UNITS: Record<string, Words> = {
    percent: { vi: 'phần trăm (%)', en: 'percent (%)' },
    households: { vi: 'hộ', en: 'households' },
    persons: { vi: 'người', en: 'persons' },
    points: { vi: 'điểm phần trăm', en: 'percentage points' }
};

/** Which way an indicator should move. */
export const DIRECTIONS: Record<string, Words> = {
    lower: { vi: 'càng thấp càng tốt', en: 'lower is better' },
    higher: { vi: 'càng cao càng tốt', en: 'higher is better' }
};

/** What a year's figures are (table years, indicator values). */
export const YEAR_KINDS: Record<string, Words> = {
    baseline: { vi: 'năm gốc', en: 'baseline' },
    plan: { vi: 'kế hoạch', en: 'plan' },
    actual: { vi: 'thực hiện', en: 'actual' },
    result: { vi: 'kết quả', en: 'result' },
    estimate: { vi: 'ước thực hiện', en: 'estimate' }
};

/**
 * A table column's measure: its name in a sentence or a hover (en lower case), and its heading as the
 * published annex prints it.
 */
export const MEASURES = {
    'households': { vi: 'Tổng số hộ', en: 'total households', heading: { vi: 'Tổng số hộ dân cư', en: 'Total households' } },
    'poor': { vi: 'Hộ nghèo', en: 'poor households', heading: { vi: 'Tổng số hộ nghèo', en: 'Poor households' } },
    'poor-rate': { vi: 'Tỷ lệ hộ nghèo (%)', en: 'poverty rate (%)', heading: { vi: 'Tỷ lệ hộ nghèo (%)', en: 'Poverty rate (%)' } },
    'near-poor': { vi: 'Hộ cận nghèo', en: 'near-poor households', heading: { vi: 'Tổng số hộ cận nghèo', en: 'Near-poor households' } },
    'near-poor-rate': { vi: 'Tỷ lệ hộ cận nghèo (%)', en: 'near-poverty rate (%)', heading: { vi: 'Tỷ lệ hộ cận nghèo (%)', en: 'Near-poverty rate (%)' } },
    'multidim': { vi: 'Hộ nghèo và cận nghèo', en: 'poor and near-poor households', heading: { vi: 'Tổng số hộ nghèo và cận nghèo', en: 'Poor and near-poor households' } },
    'multidim-rate': { vi: 'Tỷ lệ nghèo đa chiều (%)', en: 'multidimensional poverty rate (%)', heading: { vi: 'Tỷ lệ hộ nghèo đa chiều (%)', en: 'Multidimensional poverty rate (%)' } }
} as const satisfies Record<string, Words & { readonly heading: Words }>;
