// Words the editor features show (hovers, completion details, quick-fix titles, outline), in
// Vietnamese and English. Messages of findings live in validation/codes.ts.
import { AstUtils, GrammarAST } from 'langium';
import type { Locale } from '../../../common/findings.js';

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
    'submit': { vi: 'năm trình', en: 'year to submit' },
    // the plan and its header
    'vi': { vi: 'số kiểu Việt Nam: 29.822 và 3,17', en: 'Vietnamese style: 29.822 and 3,17' },
    'international': { vi: 'số kiểu quốc tế: 29,822 và 3.17', en: 'international style: 29,822 and 3.17' },
    'header': { vi: 'thông tin văn bản (số, ngày, cơ quan ban hành, người ký…)', en: 'document header (number, date, issuer, signer…)' },
    'number': { vi: 'số văn bản (để trống khi chưa cấp số)', en: 'document number (blank until numbered)' },
    'code': { vi: 'ký hiệu văn bản (KH-UBND)', en: 'document code (KH-UBND)' },
    'issuer': { vi: 'cơ quan ban hành', en: 'issuing body' },
    'issuer-short': { vi: 'tên viết tắt của cơ quan ban hành', en: 'short name of the issuing body' },
    'place': { vi: 'địa danh nơi ban hành', en: 'place of issue' },
    'kind': { vi: 'loại văn bản (KẾ HOẠCH)', en: 'document type (KẾ HOẠCH, plan)' },
    'title': { vi: 'trích yếu, tên văn bản', en: 'document title' },
    'preamble': { vi: 'đoạn mở đầu (căn cứ ban hành)', en: 'preamble (the legal bases)' },
    'recipient': { vi: 'nơi nhận', en: 'recipient' },
    'date': { vi: 'ngày ban hành (? cho phần để trống)', en: 'date of issue (? for a part left blank)' },
    'to': { vi: 'đến năm', en: 'to the year' },
    'implements': { vi: 'văn bản được thực hiện (nghị quyết, quyết định…)', en: 'the document this plan implements (resolution, decision…)' },
    'dated': { vi: 'ngày của văn bản được thực hiện', en: 'date of the implemented document' },
    'by': { vi: 'cơ quan ban hành văn bản được thực hiện', en: 'the body that issued the implemented document' },
    'signer': { vi: 'người ký', en: 'signer' },
    'position': { vi: 'chức vụ của người ký', en: "the signer's position" },
    'authority': { vi: 'thẩm quyền ký (TM. ỦY BAN NHÂN DÂN)', en: "signing authority (on behalf of the People's Committee)" },
    'deputy': { vi: 'ký thay (KT. CHỦ TỊCH)', en: 'signing for the chair (KT.)' },
    // prose sections
    'purpose': { vi: 'mục đích (mục I.1)', en: 'purpose (section I.1)' },
    'requirement': { vi: 'yêu cầu (mục I.2)', en: 'requirement (section I.2)' },
    'objective': { vi: 'mục tiêu tổng quát (mục II.1)', en: 'general objective (section II.1)' },
    'closing': { vi: 'đoạn kết của kế hoạch', en: 'closing paragraph' },
    // declarations
    'basis': { vi: 'căn cứ pháp lý của chuẩn nghèo', en: 'legal basis of the poverty standard' },
    'from': { vi: 'từ năm', en: 'from the year' },
    'short': { vi: 'tên viết tắt (để tìm và đối chiếu)', en: 'short name (to find and match the agency)' },
    'alias': { vi: 'tên gọi khác (để tìm và đối chiếu)', en: 'other name (to find and match the agency)' },
    'full-name': { vi: 'tên đầy đủ', en: 'full name' },
    'heading': { vi: 'tiêu đề in kèm', en: 'heading printed with it' },
    'unit': { vi: 'đơn vị tính', en: 'unit of measure' },
    'direction': { vi: 'hướng tốt của chỉ tiêu', en: 'which way the indicator should move' },
    'computed': { vi: 'tính từ dòng tổng của một bảng theo huyện', en: "computed from a district table's total row" },
    'of': { vi: 'của bảng', en: 'of the table' },
    'indicator-table': { vi: 'phụ lục danh mục chỉ tiêu các chiều thiếu hụt', en: 'annex listing the indicators of the dimensions' },
    'annex': { vi: 'số phụ lục', en: 'annex number' },
    'year': { vi: 'năm phải đạt mục tiêu', en: 'year the target is due' },
    'text': { vi: 'đoạn văn như văn bản in', en: 'a paragraph as printed' },
    'tolerance': { vi: 'dung sai của “khoảng”', en: 'tolerance of “about”' },
    'and': { vi: 'và (cận trên)', en: 'and (the upper bound)' },
    'years': { vi: 'các năm của bảng và loại số liệu của mỗi năm', en: "the table's years and what each year's figures are" },
    'columns': { vi: 'các cột số liệu của bảng', en: "the table's columns of figures" },
    'solution': { vi: 'một giải pháp', en: 'a solution' },
    'task': { vi: 'một nhiệm vụ (dòng của phụ lục)', en: 'a task (a row of the annex)' },
    'note': { vi: 'ghi chú', en: 'note' },
    'source': { vi: 'một nguồn kinh phí', en: 'a funding source' },
    'via': { vi: 'nguồn vốn qua cơ quan', en: 'funds channelled through the agency' }
};

/**
 * Keywords that mean something else in some rules: `group` of an agency is a group of bodies, in
 * `solutions` a numbered group of solutions. Looked up by the rule the keyword stands in first.
 */
export const KEYWORD_DOCS_BY_RULE: Record<string, Record<string, Text>> = {
    PlanDocument: { 'plan': { vi: 'khai báo kế hoạch: mã và tên văn bản', en: 'the plan declaration: its id and title' } },
    IndicatorValue: {
        'plan': { vi: 'giá trị kế hoạch của một năm', en: "a year's planned value" },
        'actual': { vi: 'giá trị thực hiện của một năm (theo dõi)', en: "a year's actual value (monitoring)" },
        'baseline': { vi: 'giá trị năm gốc', en: 'baseline value' },
        'standard': { vi: 'theo chuẩn nghèo (một chuẩn đã khai báo)', en: 'under the poverty standard (a declared one)' }
    },
    TableYear: { 'plan': { vi: 'năm kế hoạch của bảng', en: 'a plan year of the table' } },
    PeriodField: { 'to': { vi: 'đến năm (năm cuối của giai đoạn)', en: 'to (the last year of the period)' } },
    Standard: {
        'standard': { vi: 'khai báo chuẩn nghèo (mã, tên, căn cứ, năm áp dụng)', en: 'declare a poverty standard (id, name, basis, years)' },
        'from': { vi: 'áp dụng từ năm', en: 'applies from the year' },
        'to': { vi: 'áp dụng đến năm', en: 'applies until the year' }
    },
    Target: {
        'standard': { vi: 'theo chuẩn nghèo (một chuẩn đã khai báo)', en: 'under the poverty standard (a declared one)' },
        'indicator': { vi: 'chỉ tiêu dùng để đo mục tiêu', en: 'the indicator the target is measured by' },
        'text': { vi: 'câu mục tiêu như văn bản in', en: 'the target sentence as printed' }
    },
    DistrictTable: {
        'standard': { vi: 'theo chuẩn nghèo (một chuẩn đã khai báo)', en: 'under the poverty standard (a declared one)' },
        'heading': { vi: 'tiêu đề in trên bảng', en: 'heading printed above the table' }
    },
    Indicator: { 'indicator': { vi: 'khai báo chỉ tiêu (mã, tên, đơn vị, giá trị theo năm)', en: 'declare an indicator (id, name, unit, values by year)' } },
    Dimension: { 'heading': { vi: 'tiêu đề của chiều trong phụ lục', en: "the dimension's heading in the annex" } },
    Comparison: { 'from': { vi: 'so với năm (năm gốc của mức tăng, giảm)', en: 'from the year (the base of the change)' } },
    ResolutionField: { 'about': { vi: 'về việc (trích yếu của văn bản được thực hiện)', en: 'on (the subject of the implemented document)' } },
    Measure: { 'households': { vi: 'tổng số hộ', en: 'total households' } },
    SolutionGroup: { 'group': { vi: 'nhóm nhiệm vụ, giải pháp (mục đánh số)', en: 'a numbered group of tasks and solutions' } },
    Solution: { 'text': { vi: 'đoạn văn của giải pháp', en: 'a paragraph of the solution' } },
    Funding: { 'text': { vi: 'đoạn văn về kinh phí', en: 'a paragraph on funding' } }
};

/** What a keyword of the grammar means where it stands (its rule), or undefined for punctuation. */
export function keywordDoc(keyword: GrammarAST.Keyword): Text | undefined {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
    return (rule ? KEYWORD_DOCS_BY_RULE[rule]?.[keyword.value] : undefined) ?? KEYWORD_DOCS[keyword.value];
}

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
