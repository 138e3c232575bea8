// The comments an import writes into the plan text it produces, for every choice the source did not
// state: a printed section read as one of the plan's parts, an agency matched at a distance, a
// sentence read as a target, a paragraph kept where it could not be placed. Written in the import's
// locale (ImportContext.locale); the reader of the plan confirms or corrects each.

import type { Words } from '../catalogue.js';

export const IMPORT_NOTES = {
    /** Above the produced plan. */
    importedFrom: { vi: 'Nhập từ "{name}": kiểm tra lại các ghi chú "nhập:" dưới đây.', en: 'Imported from "{name}": check the "import:" notes below.' },
    /** The marker every note starts with, so that they can be found and removed once checked. */
    prefix: { vi: 'nhập:', en: 'import:' },
    section: {
        vi: 'mục "{title}" đọc là {part}',
        en: 'section "{title}" read as {part}'
    },
    parts: {
        vi: '{part, select, purpose {mục đích, yêu cầu} objective {mục tiêu} solutions {nhiệm vụ, giải pháp} funding {kinh phí} duties {tổ chức thực hiện} other {văn bản}}',
        en: '{part, select, purpose {purposes and requirements} objective {objectives} solutions {tasks and solutions} funding {funding} duties {duties of the agencies} other {text}}'
    },
    sectionTitleNotKept: {
        vi: 'tiêu đề in "{title}"; bản xuất in tiêu đề chuẩn "{standard}"',
        en: 'printed title "{title}"; the export prints the standard title "{standard}"'
    },
    unmappedSection: {
        vi: 'mục "{title}" không ứng với phần nào của kế hoạch: giữ các đoạn của nó làm đoạn kết (closing)',
        en: 'section "{title}" matches no part of a plan: its paragraphs are kept as closing text'
    },
    unmappedParagraph: {
        vi: 'đoạn không xếp được vào phần nào, giữ nguyên văn',
        en: 'a paragraph that fits no part, kept as written'
    },
    regenerated: {
        vi: 'dòng "{text}" được bản xuất tự in lại từ các mục tiêu, không cần nhập',
        en: 'the line "{text}" is printed again by the export from the targets; not imported'
    },
    headerGuess: {
        vi: '{field} đọc từ "{text}"',
        en: '{field} read from "{text}"'
    },
    newAgency: {
        vi: 'cơ quan mới, khai báo từ tên in "{printed}"',
        en: 'new agency, declared from the printed name "{printed}"'
    },
    agencyAtDistance: {
        vi: '"{printed}" khớp gần đúng với cơ quan {id} ("{name}")',
        en: '"{printed}" matched at a distance to agency {id} ("{name}")'
    },
    agencyInHeading: {
        vi: 'đơn vị của mục {no} là {id}, tìm thấy trong tiêu đề "{heading}"',
        en: 'item {no} is taken as agency {id}, found in its heading "{heading}"'
    },
    targetRead: {
        vi: 'câu được đọc thành chỉ tiêu: {indicator} năm {year} {comparison}; xác nhận hoặc sửa',
        en: 'sentence read as a target: {indicator} in {year} {comparison}; confirm or correct'
    },
    targetProposed: {
        vi: 'chưa có chỉ tiêu nào khớp với câu này; đề xuất: {proposal}',
        en: 'no indicator matches this sentence; proposed: {proposal}'
    },
    targetWordsOnly: {
        vi: 'câu không nêu con số so sánh được: giữ làm chỉ tiêu bằng lời',
        en: 'the sentence states no figure to compare: kept as a target in words'
    },
    indicatorFromSentence: {
        vi: 'chỉ tiêu mới từ câu "{text}"',
        en: 'new indicator from the sentence "{text}"'
    },
    computedFromAnnex: {
        vi: 'chỉ tiêu tính từ bảng {table} ({annex}), theo dòng "(Chi tiết tại …)" dưới câu mục tiêu',
        en: 'indicator computed from table {table} ({annex}), by the line "(Details in …)" under the target'
    },
    leadFromDuties: {
        vi: 'đơn vị chủ trì lấy từ mục tổ chức thực hiện: {id} theo dõi, tổng hợp',
        en: 'lead taken from the duties: {id} follows up and reports'
    },
    directionGuess: {
        vi: 'hướng "{direction}" suy ra từ {from}',
        en: 'direction "{direction}" inferred from {from}'
    },
    directionSources: {
        vi: '{from, select, target {câu mục tiêu} values {chiều các số liệu} other {}}',
        en: '{from, select, target {the target sentence} values {the trend of the figures} other {}}'
    },
    periodGuess: {
        vi: 'giai đoạn {from}–{to} đọc từ "{text}"',
        en: 'period {from}–{to} read from "{text}"'
    },
    dimensionFromHeading: {
        vi: 'chiều "{name}" lấy từ dòng "{heading}"',
        en: 'dimension "{name}" taken from the row "{heading}"'
    },
    unitGuess: {
        vi: 'đơn vị tính "{printed}" đọc là {unit}',
        en: 'unit "{printed}" read as {unit}'
    },
    yearKindGuess: {
        vi: 'cột "{heading}" đọc là {kind, select, baseline {kết quả (baseline)} other {kế hoạch (plan)}} năm {year}',
        en: 'column "{heading}" read as the {kind, select, baseline {result (baseline)} other {plan}} of {year}'
    },
    mergedAgency: {
        vi: 'ô đơn vị thực hiện gộp với dòng trên',
        en: 'the agency cell is merged with the row above'
    },
    agencyFromAbove: {
        vi: 'ô đơn vị thực hiện để trống: lấy đơn vị của dòng trên',
        en: 'empty agency cell: the agency of the row above is taken'
    },
    submitText: {
        vi: 'thời gian in "{printed}": lấy năm {year}',
        en: 'time printed as "{printed}": year {year} taken'
    },
    cellNotPlaced: {
        vi: 'ô "{text}" không đặt được',
        en: 'cell "{text}" could not be placed'
    },
    tableKept: {
        vi: 'bảng {index} ("{name}") chưa nhận dạng được: giữ nguyên các dòng của nó dưới đây làm ghi chú',
        en: 'table {index} ("{name}") not recognised: its rows are kept below as comments'
    },
    leadLine: {
        vi: 'dòng đơn vị chủ trì không có giải pháp đứng trước: giữ nguyên văn',
        en: 'a lead line with no solution before it: kept as written'
    }
} as const satisfies Record<string, Words>;

/** What an import reports (ImportProblem.said) beyond the comments in the text. */
export const IMPORT_WHOLE_PROBLEMS = {
    noBlocks: {
        vi: '{name}: không phải văn bản Word (không có đoạn văn nào để nhập cả văn bản)',
        en: '{name}: not a Word document (no paragraphs to import as a whole plan)'
    },
    tableNotRecognised: {
        vi: 'Bảng {index}: không nhận dạng được (không phải bảng đơn vị, chỉ tiêu hay nhiệm vụ); các dòng được giữ làm ghi chú',
        en: 'Table {index}: not recognised (not a table of units, indicators or tasks); its rows are kept as comments'
    },
    rowNotPlaced: {
        vi: '{at}: dòng "{text}" không có số liệu hay tên chỉ tiêu, bỏ qua',
        en: '{at}: row "{text}" has neither figures nor an indicator name, left out'
    },
    valueNotNumber: {
        vi: '{at}: "{text}" không phải là số',
        en: '{at}: "{text}" is not a number'
    }
} as const satisfies Record<string, Words>;

/** Names an import gives what it declares (printed in the annexes' language, ANNEX_LOCALE). */
export const IMPORT_LABELS = {
    povertyRate: { vi: 'Tỷ lệ hộ nghèo', en: 'Poverty rate' },
    poorHouseholds: { vi: 'Số hộ nghèo', en: 'Poor households' }
} as const satisfies Record<string, Words>;
