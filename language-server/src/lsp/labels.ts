// Words the editor features show (hovers, completion details, quick-fix titles, outline), in
// Vietnamese and English. Messages of findings live in validation/codes.ts.
import type { Locale } from '../validation/codes.js';

export type Text = { vi: string; en: string };

export function t(text: Text, locale: Locale): string {
    return text[locale];
}

/** What a declaration is, by its AST type. */
export const KIND_LABELS: Record<string, Text> = {
    Agency: { vi: 'Cơ quan, đơn vị', en: 'Agency' },
    District: { vi: 'Huyện, thị xã, thành phố', en: 'District' },
    Indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
    Dimension: { vi: 'Chiều thiếu hụt', en: 'Deprivation dimension' },
    Standard: { vi: 'Chuẩn nghèo', en: 'Poverty standard' },
    DistrictTable: { vi: 'Bảng theo huyện', en: 'District table' },
    Target: { vi: 'Mục tiêu', en: 'Target' },
    PlanDocument: { vi: 'Kế hoạch', en: 'Plan' },
    FundingSource: { vi: 'Nguồn kinh phí', en: 'Funding source' },
    Solution: { vi: 'Giải pháp', en: 'Solution' },
    Task: { vi: 'Nhiệm vụ', en: 'Task' }
};

export const AGENCY_KIND_LABELS: Record<string, Text> = {
    department: { vi: 'sở, ngành', en: 'provincial department' },
    bank: { vi: 'ngân hàng', en: 'bank' },
    committee: { vi: 'ủy ban nhân dân', en: "people's committee" },
    front: { vi: 'Mặt trận Tổ quốc, đoàn thể', en: 'Fatherland Front, mass organisation' },
    group: { vi: 'nhóm cơ quan', en: 'group of bodies' },
    other: { vi: 'khác', en: 'other' }
};

export const DISTRICT_KIND_LABELS: Record<string, Text> = {
    'huyen': { vi: 'huyện', en: 'rural district' },
    'thi-xa': { vi: 'thị xã', en: 'town' },
    'thanh-pho': { vi: 'thành phố', en: 'city' }
};

export const UNIT_LABELS: Record<string, Text> = {
    percent: { vi: 'phần trăm (%)', en: 'percent (%)' },
    households: { vi: 'hộ', en: 'households' },
    persons: { vi: 'người', en: 'persons' },
    points: { vi: 'điểm phần trăm', en: 'percentage points' }
};

export const DIRECTION_LABELS: Record<string, Text> = {
    lower: { vi: 'càng thấp càng tốt', en: 'lower is better' },
    higher: { vi: 'càng cao càng tốt', en: 'higher is better' }
};

export const VALUE_KIND_LABELS: Record<string, Text> = {
    baseline: { vi: 'năm gốc', en: 'baseline' },
    plan: { vi: 'kế hoạch', en: 'plan' },
    actual: { vi: 'thực hiện', en: 'actual' },
    result: { vi: 'kết quả', en: 'result' },
    estimate: { vi: 'ước thực hiện', en: 'estimate' }
};

/** Short explanations of keywords, shown beside keyword completions. */
export const KEYWORD_DOCS: Record<string, Text> = {
    ...UNIT_LABELS,
    ...DIRECTION_LABELS,
    ...AGENCY_KIND_LABELS,
    ...DISTRICT_KIND_LABELS,
    'result': VALUE_KIND_LABELS.result,
    'plan': { vi: 'kế hoạch (năm kế hoạch, hoặc khai báo kế hoạch)', en: 'plan (a plan year, or the plan declaration)' },
    'estimate': VALUE_KIND_LABELS.estimate,
    'actual': VALUE_KIND_LABELS.actual,
    'baseline': VALUE_KIND_LABELS.baseline,
    'poor': { vi: 'số hộ nghèo', en: 'poor households' },
    'poor-rate': { vi: 'tỷ lệ hộ nghèo (%)', en: 'poverty rate (%)' },
    'near-poor': { vi: 'số hộ cận nghèo', en: 'near-poor households' },
    'near-poor-rate': { vi: 'tỷ lệ hộ cận nghèo (%)', en: 'near-poverty rate (%)' },
    'multidim': { vi: 'hộ nghèo và cận nghèo', en: 'poor and near-poor households' },
    'multidim-rate': { vi: 'tỷ lệ nghèo đa chiều (%)', en: 'multidimensional poverty rate (%)' },
    'below': { vi: 'dưới (không tính bằng)', en: 'below (strictly)' },
    'at-most': { vi: 'không quá', en: 'at most' },
    'about': { vi: 'khoảng (có dung sai)', en: 'about (with a tolerance)' },
    'at-least': { vi: 'tối thiểu', en: 'at least' },
    'above': { vi: 'trên (không tính bằng)', en: 'above (strictly)' },
    'equal': { vi: 'bằng', en: 'equal to' },
    'between': { vi: 'trong khoảng … đến …', en: 'between … and …' },
    'down-by': { vi: 'giảm … điểm (mức giảm, không phải mức đạt)', en: 'down by … points (a change, not a level)' },
    'up-by': { vi: 'tăng … điểm (mức tăng, không phải mức đạt)', en: 'up by … points (a change, not a level)' },
    'lead': { vi: 'đơn vị chủ trì', en: 'lead agencies' },
    'coordinate': { vi: 'cơ quan phối hợp', en: 'coordinating agencies' },
    'agency': { vi: 'khai báo cơ quan, đơn vị', en: 'declare an agency' },
    'district': { vi: 'khai báo huyện, thị xã, thành phố', en: 'declare a district' },
    'indicator': { vi: 'chỉ tiêu', en: 'indicator' },
    'dimension': { vi: 'chiều thiếu hụt', en: 'deprivation dimension' },
    'target': { vi: 'mục tiêu cụ thể', en: 'specific target' },
    'table': { vi: 'bảng số liệu theo huyện (phụ lục)', en: 'district table (annex)' },
    'standard': { vi: 'chuẩn nghèo', en: 'poverty standard' },
    'tasks': { vi: 'danh mục nhiệm vụ (phụ lục)', en: 'task list (annex)' },
    'duties': { vi: 'nhiệm vụ của các cơ quan (mục V)', en: 'duties of the agencies (section V)' },
    'solutions': { vi: 'nhiệm vụ, giải pháp (mục III)', en: 'tasks and solutions (section III)' },
    'funding': { vi: 'kinh phí thực hiện (mục IV)', en: 'funding (section IV)' },
    'row': { vi: 'dòng của một huyện', en: 'a district row' },
    'total': { vi: 'dòng tổng cộng', en: 'total row' },
    'subtotal': { vi: 'dòng cộng của một phần', en: 'section subtotal' },
    'section': { vi: 'phần của bảng (thành thị, nông thôn…)', en: 'table section (urban, rural…)' },
    'part-of': { vi: 'thuộc kế hoạch cấp trên', en: 'part of a parent plan' },
    'number-style': { vi: 'kiểu viết số (vi: 29.822 và 3,17)', en: 'number style (vi: 29.822 and 3,17)' },
    'orientation': { vi: 'năm định hướng', en: 'orientation year' },
    'period': { vi: 'giai đoạn', en: 'period' },
    'submit': { vi: 'năm trình', en: 'year to submit' }
};

export const L = {
    computedRate: { vi: 'Tỷ lệ tính từ số hộ', en: 'Rate computed from the counts' },
    sumOfRows: { vi: 'Tổng các dòng', en: 'Sum of the rows' },
    sumOfSubtotals: { vi: 'Tổng các dòng cộng', en: 'Sum of the subtotals' },
    printed: { vi: 'in', en: 'printed' },
    matches: { vi: 'khớp với số in', en: 'matches the printed value' },
    differs: { vi: 'khác số in', en: 'differs from the printed value' },
    rowsCount: { vi: 'dòng', en: 'rows' },
    rule: { vi: 'Quy tắc', en: 'Rule' },
    leads: { vi: 'Chủ trì', en: 'Leads' },
    coordinates: { vi: 'Phối hợp', en: 'Coordinates' },
    duties: { vi: 'Nhiệm vụ (mục Tổ chức thực hiện)', en: 'Duties (implementation section)' },
    fundingVia: { vi: 'Nguồn vốn qua', en: 'Funds channelled through' },
    noRole: { vi: 'Chưa được giao việc nào trong kế hoạch này.', en: 'Given nothing to do in this plan.' },
    unit: { vi: 'Đơn vị tính', en: 'Unit' },
    direction: { vi: 'Hướng', en: 'Direction' },
    lead: { vi: 'Chủ trì', en: 'Lead' },
    coordinate: { vi: 'Phối hợp', en: 'Coordinating' },
    values: { vi: 'Giá trị', en: 'Values' },
    computedFrom: { vi: 'Tính từ bảng', en: 'Computed from the table' },
    dimension: { vi: 'Thuộc chiều', en: 'Dimension' },
    shortNames: { vi: 'Tên viết tắt', en: 'Short names' },
    aliases: { vi: 'Tên khác', en: 'Other names' },
    fullName: { vi: 'Tên đầy đủ', en: 'Full name' },
    inTables: { vi: 'Có số liệu trong bảng', en: 'Has figures in the table' },
    basis: { vi: 'Căn cứ', en: 'Basis' },
    years: { vi: 'Các năm', en: 'Years' },
    columns: { vi: 'Các cột', en: 'Columns' },
    indicators: { vi: 'Chỉ tiêu', en: 'Indicators' },
    year: { vi: 'Năm', en: 'Year' },
    partOf: { vi: 'Thuộc kế hoạch', en: 'Part of the plan' },
    periodYear: { vi: 'năm của giai đoạn', en: 'year of the period' },
    orientationYear: { vi: 'năm định hướng', en: 'orientation year' },
    baselineYear: { vi: 'năm gốc (trước giai đoạn)', en: 'baseline year (before the period)' },
    tableYear: { vi: 'năm của bảng', en: 'year of the table' },
    more: { vi: 'và {n} mục khác', en: 'and {n} more' },
    // quick fixes
    fixRate: { vi: 'Thay tỷ lệ in bằng tỷ lệ tính được: {value}', en: 'Replace the printed rate with the computed one: {value}' },
    fixTotal: { vi: 'Thay số in bằng tổng các dòng: {value}', en: 'Replace the printed number with the sum of the rows: {value}' },
    fixNumberStyle: { vi: 'Viết lại số theo kiểu số của kế hoạch: {value}', en: "Rewrite the number in the plan's number style: {value}" },
    fixDeclareAgency: { vi: 'Khai báo cơ quan {id}', en: 'Declare the agency {id}' },
    fixDeclareDistrict: { vi: 'Khai báo huyện {id}', en: 'Declare the district {id}' },
    fixDidYouMean: { vi: 'Sửa thành {id} ({name})', en: 'Change to {id} ({name})' },
    fixAddYear: { vi: 'Thêm dòng năm {year} (ô để trống "-")', en: 'Add the year {year} line (blank "-" cells)' },
    renameInvalid: { vi: 'Mã "{name}" không hợp lệ: chỉ dùng chữ không dấu, chữ số và "_", không bắt đầu bằng chữ số.', en: 'The id "{name}" is not valid: use letters without accents, digits and "_", not starting with a digit.' },
    renameTaken: { vi: 'Mã "{name}" đã được dùng cho một khai báo khác.', en: 'The id "{name}" is already used by another declaration.' },
    // outline
    header: { vi: 'Thông tin văn bản', en: 'Document header' },
    solutions: { vi: 'Nội dung thực hiện', en: 'Tasks and solutions' },
    funding: { vi: 'Kinh phí', en: 'Funding' },
    dutyList: { vi: 'Tổ chức thực hiện', en: 'Implementation duties' },
    taskList: { vi: 'Nhiệm vụ', en: 'Tasks' },
    total: { vi: 'Tổng cộng', en: 'Total' }
} satisfies Record<string, Text>;

/** A label with {placeholders} filled in. */
export function fill(text: Text, locale: Locale, args: Record<string, string | number> = {}): string {
    return text[locale].replace(/\{(\w+)\}/g, (_, key: string) => String(args[key] ?? `{${key}}`));
}
