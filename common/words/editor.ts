// The editor's words: what each keyword means (beside completions and on hover), and the labels of
// hovers, inlay hints, the outline and quick fixes. Used through language-server/src/lsp/labels.ts.

import type { Words } from '../catalogue.js';
import { AGENCY_KINDS, DIRECTIONS, DISTRICT_KINDS, UNITS, YEAR_KINDS } from './kinds.js';

/** Short explanations of keywords, shown beside keyword completions. */
export const KEYWORD_DOCS: Record<string, Words> = {
    ...UNITS,
    ...DIRECTIONS,
    ...AGENCY_KINDS,
    ...DISTRICT_KINDS,
    'result': YEAR_KINDS.result,
    'plan': { vi: 'kế hoạch (năm kế hoạch, hoặc khai báo kế hoạch)', en: 'plan (a plan year, or the plan declaration)' },
    'estimate': YEAR_KINDS.estimate,
    'actual': YEAR_KINDS.actual,
    'baseline': YEAR_KINDS.baseline,
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
    'as': { vi: 'in tên cơ quan theo cách viết này (một trong các tên đã khai báo: tên đầy đủ, short, alias)', en: 'print the agency under this wording (one of its declared names: its name, a short or an alias)' },
    'coordinate': { vi: 'cơ quan phối hợp', en: 'coordinating agencies' },
    'agency': { vi: 'khai báo cơ quan, đơn vị', en: 'declare an agency' },
    'district': { vi: 'khai báo đơn vị cấp huyện (huyện, quận, thị xã, thành phố)', en: 'declare a district-level unit (district, town, city)' },
    'region': { vi: 'khai báo vùng (nhiều tỉnh)', en: 'declare a region (of several provinces)' },
    'province': { vi: 'khai báo tỉnh, thành phố trực thuộc trung ương', en: 'declare a province or centrally-run city' },
    'commune': { vi: 'khai báo đơn vị cấp xã (xã, phường, thị trấn)', en: 'declare a commune-level unit (commune, ward, township)' },
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
    'total': { vi: 'dòng tổng cộng, in trước hoặc sau các dòng', en: 'total row, printed before or after the rows' },
    'subtotal': { vi: 'dòng cộng của một phần, in trước hoặc sau các dòng của phần', en: 'section subtotal, printed before or after its rows' },
    'section': { vi: 'phần của bảng (thành thị, nông thôn…)', en: 'table section (urban, rural…)' },
    'part-of': { vi: 'thuộc kế hoạch cấp trên', en: 'part of a parent plan' },
    'number-style': { vi: 'kiểu viết số (vi: 29.822 và 3,17)', en: 'number style (vi: 29.822 and 3,17)' },
    'for': { vi: 'cho các cột được nêu', en: 'for the columns named' },
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
    'columns': { vi: 'các cột số liệu của bảng, theo thứ tự in', en: "the table's columns of figures, in printed order" },
    // declared tables
    'targets': { vi: 'bảng chỉ tiêu: ô có thể là một khoảng (410..460)', en: 'a table of targets: a cell may be a range (410..460)' },
    'row-header': { vi: 'tiêu đề cột tên đơn vị', en: 'heading of the column of unit names' },
    'plans-per-unit': { vi: 'mỗi đơn vị của bảng có một kế hoạch riêng (`part-of` kế hoạch này); đơn vị chưa có được nhắc', en: 'each unit of the table has a plan of its own (`part-of` this plan); a unit without one is said' },
    'column': { vi: 'khai báo một cột của bảng: mã, tên in, đơn vị tính và định nghĩa', en: 'declare a column of the table: id, printed name, unit and definition' },
    'rate-of': { vi: 'tỷ lệ: cột đếm … trên (per) cột mẫu số … × 100', en: 'a rate: count column … per base column … × 100' },
    'per': { vi: 'trên (cột mẫu số của tỷ lệ)', en: "per (the rate's base column)" },
    'sum-of': { vi: 'tổng của các cột (cột + cột …)', en: 'the sum of the columns (column + column …)' },
    'flow': { vi: 'biến động: bằng giá trị năm trước cộng, trừ các cột biến động của năm', en: "a flow: last year's value plus and minus the year's flow columns" },
    'change-of': { vi: 'mức thay đổi (có dấu) của một cột so với năm trước hoặc năm ghi sau from', en: 'the signed change of a column from the year before, or the year after from' },
    'decrease-of': { vi: 'mức giảm của một cột, ghi số dương (cột "Giảm")', en: 'the fall of a column, printed positive (a "Giảm" column)' },
    'increase-of': { vi: 'mức tăng của một cột, ghi số dương', en: 'the rise of a column, printed positive' },
    'start': { vi: 'đầu năm: nhóm cột "Đầu năm …" (dòng ghi `start 2024:`)', en: 'the start of the year: a group "Đầu năm …" (lines `start 2024:`)' },
    'end': { vi: 'cuối năm: nhóm cột "Cuối năm …" (dòng ghi `end 2024:`)', en: 'the end of the year: a group "Cuối năm …" (lines `end 2024:`)' },
    'check': { vi: 'một kiểm tra riêng của bảng: vế trái, phép so sánh, vế phải', en: 'a check of the table: left side, comparison, right side' },
    'rows': { vi: 'các dòng được kiểm tra', en: 'the rows checked' },
    'units': { vi: 'các dòng đơn vị (không gồm dòng cộng, dòng tổng)', en: 'the unit rows (not subtotals or totals)' },
    'totals': { vi: 'các dòng cộng và dòng tổng', en: 'the subtotal and total rows' },
    'all': { vi: 'mọi dòng', en: 'every row' },
    'severity': { vi: 'mức độ của phát hiện khi kiểm tra không đúng', en: 'the severity of the finding when the check fails' },
    'error': { vi: 'lỗi', en: 'error' },
    'warning': { vi: 'cảnh báo', en: 'warning' },
    'info': { vi: 'thông tin', en: 'information' },
    'message': { vi: 'thông báo khi kiểm tra không đúng (tiếng Việt)', en: 'the message when the check fails (in Vietnamese)' },
    'en': { vi: 'thông báo bằng tiếng Anh', en: 'the message in English' },
    'previous': { vi: 'giá trị của cột ở năm trước', en: "the column's value in the year before" },
    'solution': { vi: 'một giải pháp', en: 'a solution' },
    'task': { vi: 'một nhiệm vụ (dòng của phụ lục)', en: 'a task (a row of the annex)' },
    'note': { vi: 'ghi chú', en: 'note' },
    'source': { vi: 'một nguồn kinh phí', en: 'a funding source' },
    'via': { vi: 'nguồn vốn qua cơ quan', en: 'funds channelled through the agency' },
    'link': { vi: 'hai số liệu in ở hai nơi phải bằng nhau (bảng với bảng, chỉ tiêu hay đoạn trích trong văn bản)', en: 'two figures printed in two places are equal (table and table, an indicator, or a quote of the text)' }
};

/**
 * Keywords that mean something else in some rules: `group` of an agency is a group of bodies, in
 * `solutions` a numbered group of solutions. Looked up by the rule the keyword stands in first.
 */
export const KEYWORD_DOCS_BY_RULE: Record<string, Record<string, Words>> = {
    PlanDocument: { 'plan': { vi: 'khai báo kế hoạch: mã và tên văn bản', en: 'the plan declaration: its id and title' } },
    IndicatorValue: {
        'plan': { vi: 'giá trị kế hoạch của một năm', en: "a year's planned value" },
        'actual': { vi: 'giá trị thực hiện của một năm (theo dõi)', en: "a year's actual value (monitoring)" },
        'baseline': { vi: 'giá trị năm gốc', en: 'baseline value' },
        'standard': { vi: 'theo chuẩn nghèo (một chuẩn đã khai báo)', en: 'under the poverty standard (a declared one)' }
    },
    TableYear: {
        'plan': { vi: 'năm kế hoạch của bảng', en: 'a plan year of the table' },
        'standard': { vi: 'chuẩn nghèo của số liệu năm này (khi chuẩn đổi trong chuỗi năm)', en: "the poverty standard of this year's figures (when it changes within the series)" }
    },
    TableCheck: { 'years': { vi: 'chỉ kiểm tra các năm này', en: 'check these years only' } },
    YearTag: { 'standard': { vi: 'dòng của năm theo chuẩn nghèo này (năm in theo hai chuẩn)', en: "the line of the year under this standard (a year printed under two)" } },
    ChangeDefinition: { 'from': { vi: 'so với năm (hoặc đầu năm: from start)', en: 'compared with the year (or the start of the year: from start)' } },
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
    TableNumberStyle: {
        'number-style': { vi: 'kiểu viết số của bảng, hoặc của các cột nêu sau `for` (khi khác kiểu của kế hoạch)', en: "the table's number style, or that of the columns named after `for` (where it is not the plan's)" },
        'for': { vi: 'cho các cột được nêu (cả các cột định sẵn)', en: 'for the columns named (predeclared ones too)' }
    },
    ColumnDeclaration: {
        'number-style': { vi: 'kiểu viết số của cột này (khi khác kiểu của bảng hoặc kế hoạch)', en: "this column's number style (where it is not the table's or the plan's)" }
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
    Funding: { 'text': { vi: 'đoạn văn về kinh phí', en: 'a paragraph on funding' } },
    Link: { 'years': { vi: 'chỉ so các năm này (bắt buộc với đoạn trích)', en: 'compare these years only (needed for a quote)' } },
    LinkEnd: {
        'row': { vi: 'dòng của đơn vị này trong bảng', en: "the unit's row of the table" },
        'section': { vi: 'dòng cộng của phần này của bảng', en: "the subtotal of this section of the table" },
        'total': { vi: 'dòng tổng của bảng (mặc định)', en: "the table's total row (the default)" },
        'indicator': { vi: 'các giá trị theo năm của chỉ tiêu', en: "the indicator's values by year" },
        'text': { vi: 'đoạn trích trong văn bản của kế hoạch, có số được so', en: "a quote of the plan's text holding the figure compared" }
    }
};

/** The editor's labels: hovers, inlay hints, outline, quick-fix titles, rename refusals. */
export const EDITOR_LABELS = {
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
    // columns a table declares (hover on a column name or a cell, completion)
    declaredColumn: { vi: 'Cột khai báo trong bảng', en: 'Column declared by the table' },
    predeclaredColumn: { vi: 'Cột định sẵn', en: 'Predeclared column' },
    columnRate: { vi: 'tỷ lệ: {count} / {base} × 100', en: 'a rate: {count} / {base} × 100' },
    columnSum: { vi: 'tổng: {parts}', en: 'a sum: {parts}' },
    columnFlow: { vi: 'năm trước{terms}', en: "last year's value{terms}" },
    columnChange: {
        vi: '{direction, select, decrease {mức giảm} increase {mức tăng} other {mức thay đổi (có dấu)}} của {column} so với {from, select, none {năm trước} other {{from}}}',
        en: '{direction, select, decrease {the fall} increase {the rise} other {the signed change}} of {column} from {from, select, none {the year before} other {{from}}}'
    },
    sumOfParts: { vi: 'Tổng các cột', en: 'Sum of the parts' },
    flowFromLastYear: { vi: 'Tính từ năm trước', en: "From last year's value" },
    range: { vi: 'Khoảng', en: 'Range' },
    blankCell: { vi: 'Ô để trống (`-`): không có số liệu', en: 'Left blank (`-`): no figure' },
    noteCell: { vi: 'Ghi chú thay cho số liệu{span, select, 1 {} other {, gộp {span} ô}}: không tham gia phép tính', en: 'A note instead of a figure{span, select, 1 {} other {, merged over {span} cells}}: no computation reads it' },
    unreadableCell: { vi: 'Không đọc được theo kiểu số của cột', en: "Not readable in its column's number style" },
    ruleComputed: { vi: 'Quy tắc tính được', en: 'The rule computed' },
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
} satisfies Record<string, Words>;

/** Quick-fix titles (lsp/code-actions.ts). */
export const FIX_LABELS = {
    fixYear: { vi: 'Viết năm không có dấu phân cách: {value}', en: 'Write the year without a separator: {value}' },
    fixRemoveDuplicateYear: { vi: 'Xóa năm {year} bị trùng', en: 'Remove the duplicate {year}' },
    fixRemoveDuplicateRow: { vi: 'Xóa dòng {label} bị trùng', en: 'Remove the duplicate row {label}' },
    fixDeclareTableYear: { vi: 'Thêm năm {year} ({kind}) vào danh sách năm của bảng', en: "Add {year} ({kind}) to the table's years" },
    fixSwapPeriod: { vi: 'Đổi thứ tự: giai đoạn {from} đến {to}', en: 'Swap: period {from} to {to}' },
    fixCountThousands: { vi: 'Đọc là {value} hộ (dấu ngăn cách hàng nghìn theo kiểu số của kế hoạch)', en: "Read it as {value} households (thousands written in the plan's style)" },
    moveIntoDimension: { vi: 'Chuyển chỉ tiêu vào chiều "{name}"', en: 'Move the indicator into the dimension "{name}"' },
    fixSum: { vi: 'Thay số in bằng tổng các cột thành phần: {value}', en: 'Replace the printed number with the sum of its parts: {value}' },
    fixFlow: { vi: 'Thay số in bằng số tính từ năm trước và các cột biến động: {value}', en: "Replace the printed number with last year's value and the year's flows: {value}" },
    fixStartOfYear: { vi: 'Thay số đầu năm bằng số cuối năm trước: {value}', en: 'Replace the start of the year with the end of the year before: {value}' },
    fixChange: { vi: 'Thay mức thay đổi in bằng mức tính từ hai năm: {value}', en: 'Replace the printed change with the one computed from the two years: {value}' },
    useAgencyName: { vi: 'In tên đã khai báo: "{value}"', en: 'Print the declared name: "{value}"' },
    fixSwapRange: { vi: 'Đổi thứ tự hai cận: {value}', en: 'Swap the bounds: {value}' },
    fixTargetsTable: { vi: 'Khai báo bảng {id} là bảng chỉ tiêu (`targets`)', en: 'Declare the table {id} a table of targets (`targets`)' },
    fixColumn: { vi: 'Sửa thành cột {id} ({name})', en: 'Change to the column {id} ({name})' },
    fixLeadOfSiblings: { vi: 'Thêm đơn vị chủ trì {id} (như các mục cùng cấp)', en: 'Add the lead agency {id} (as the sibling items have)' },
    fixLeadAgency: { vi: 'Thêm đơn vị chủ trì {id} ({name})', en: 'Add the lead agency {id} ({name})' },
    fixRemoveAgency: { vi: 'Xóa khai báo cơ quan {id}', en: 'Remove the declaration of {id}' },
    fixRenumber: { vi: 'Đánh số lại: {found} → {expected} và các mục sau', en: 'Renumber: {found} → {expected} and the items after it' },
    fixRenumberOne: { vi: 'Đánh số lại: {found} → {expected}', en: 'Renumber: {found} → {expected}' },
    fixInclusive: { vi: 'Đổi "{from}" thành "{to}" (cho phép bằng {value})', en: 'Change "{from}" to "{to}" (allow {value} itself)' },
    fixFigure: { vi: 'Sửa giá trị năm {year} thành {value} để đạt mục tiêu', en: 'Change the {year} value to {value} to meet the target' },
    fixValueFromText: { vi: 'Lấy giá trị trong câu mục tiêu: {value}', en: 'Take the value from the target sentence: {value}' },
    fixTextFromValue: { vi: 'Sửa số trong câu mục tiêu thành {value}', en: 'Change the number in the target sentence to {value}' },
    fixPadLine: { vi: 'Thêm {n} ô trống "-" vào cuối dòng năm {year}', en: 'Add {n} blank "-" cells at the end of the {year} line' },
    fixPadTable: { vi: 'Thêm ô trống "-" vào mọi dòng năm thiếu ô của bảng {table} ({n} dòng)', en: 'Add blank "-" cells to every short year line of the table {table} ({n} lines)' },
    fixAll: { vi: 'Sửa tất cả lỗi sửa được an toàn ({n})', en: 'Fix all safe findings ({n})' }
} as const satisfies Record<string, Words>;

/** Quick-fix titles for an invisible or reordering character. */
export const CHARACTER_FIX_LABELS = {
    space: { vi: 'Thay ký tự vô hình {char} bằng dấu cách', en: 'Replace the invisible character {char} with a space' },
    remove: { vi: 'Xóa ký tự vô hình {char}', en: 'Remove the invisible character {char}' },
    removeBidi: { vi: 'Xóa ký tự đảo hướng chữ {char}', en: 'Remove the bidirectional control character {char}' }
} as const satisfies Record<string, Words>;

/** The language server's own messages (not findings). */
export const SERVER_MESSAGES = {
    misframed: {
        vi: 'Máy chủ ngôn ngữ plan: thông điệp LSP từ trình soạn thảo bị sai khung ({problem}); dừng để trình soạn thảo khởi động lại máy chủ.',
        en: 'plan language server: misframed LSP message from the client ({problem}); exiting so that the client restarts the server.'
    },
    /** The annex number of a table, in its hover: both languages, as the annex is titled in the plan. */
    annex: { vi: 'Phụ lục / Annex {annex}', en: 'Phụ lục / Annex {annex}' }
} as const satisfies Record<string, Words>;
