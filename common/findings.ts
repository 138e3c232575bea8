// Every finding the plan checker can report: a stable code, a severity, a message in Vietnamese and
// English, and what the rule checks (shown on hover). Codes are part of the CLI's JSON output: never rename.

import type { Locale, Severity } from './locale.js';

export type { Locale, Severity } from './locale.js';
export type Args = Record<string, string | number>;

interface IssueSpec {
    severity: Severity;
    vi: (a: Args) => string;
    en: (a: Args) => string;
    /** What the rule checks, for hovers and documentation. */
    rule: { vi: string; en: string };
}

export const ISSUES = {
    // --- numbers ---------------------------------------------------------------------------------
    'number-style': {
        severity: 'error',
        vi: a => `Số "${a.printed}" không viết theo kiểu số của kế hoạch (${a.style}); theo kiểu này phải viết "${a.suggestion}".`,
        en: a => `The number "${a.printed}" is not written in the plan's number style (${a.style}); in that style it reads "${a.suggestion}".`,
        rule: { vi: 'Mọi số được đọc theo kiểu số khai báo (vi: 29.822 và 3,17; international: 29,822 và 3.17).', en: 'Every number is read in the declared number style (vi: 29.822 and 3,17; international: 29,822 and 3.17).' }
    },
    'number-malformed': {
        severity: 'error',
        vi: a => `Không đọc được số "${a.printed}": nhóm hàng nghìn phải có đúng 3 chữ số và chỉ có một dấu thập phân.`,
        en: a => `Cannot read the number "${a.printed}": thousands groups need exactly 3 digits and there is one decimal mark at most.`,
        rule: { vi: 'Số phải có nhóm hàng nghìn 3 chữ số và tối đa một dấu thập phân.', en: 'Numbers have 3-digit thousands groups and at most one decimal mark.' }
    },
    'count-not-integer': {
        severity: 'error',
        vi: a => `Số hộ "${a.printed}" phải là số nguyên (cột ${a.measure}).`,
        en: a => `The household count "${a.printed}" must be a whole number (column ${a.measure}).`,
        rule: { vi: 'Số hộ là số nguyên.', en: 'Household counts are whole numbers.' }
    },
    'year-malformed': {
        severity: 'error',
        vi: a => `"${a.printed}" không phải là một năm (cần 4 chữ số, ví dụ 2025).`,
        en: a => `"${a.printed}" is not a year (4 digits expected, e.g. 2025).`,
        rule: { vi: 'Năm viết bằng 4 chữ số, không có dấu phân cách.', en: 'Years are written as 4 digits without separators.' }
    },
    // --- tables -------------------------------------------------------------------------------------
    'rate-mismatch': {
        severity: 'error',
        vi: a => `Tỷ lệ in ${a.printed}% không bằng ${a.numerator}/${a.denominator} = ${a.computed}% (${a.label}, năm ${a.year}).`,
        en: a => `The printed rate ${a.printed}% is not ${a.numerator}/${a.denominator} = ${a.computed}% (${a.label}, ${a.year}).`,
        rule: { vi: 'Tỷ lệ in bằng số hộ nghèo / tổng số hộ × 100, làm tròn đến số chữ số thập phân đã in.', en: 'A printed rate equals poor / total households × 100, rounded to the printed decimals.' }
    },
    'total-mismatch': {
        severity: 'error',
        vi: a => `${a.label} năm ${a.year}, cột ${a.measure}: in ${a.printed} nhưng tổng các dòng là ${a.sum} (chênh ${a.diff}).`,
        en: a => `${a.label} ${a.year}, column ${a.measure}: printed ${a.printed} but the rows add up to ${a.sum} (off by ${a.diff}).`,
        rule: { vi: 'Dòng tổng (hoặc cộng từng phần) bằng tổng các dòng của nó, ở mọi cột số hộ.', en: 'A total or subtotal equals the sum of its rows in every count column.' }
    },
    'poor-exceeds-total': {
        severity: 'error',
        vi: a => `Số hộ ${a.part} (${a.value}) lớn hơn tổng số hộ (${a.total}) (${a.label}, năm ${a.year}).`,
        en: a => `${a.part} households (${a.value}) exceed the total households (${a.total}) (${a.label}, ${a.year}).`,
        rule: { vi: 'Hộ nghèo (và hộ nghèo + cận nghèo) không vượt tổng số hộ.', en: 'Poor (and poor + near-poor) households do not exceed the total.' }
    },
    'negative-count': {
        severity: 'error',
        vi: a => `Số hộ không thể âm: ${a.printed}.`,
        en: a => `A household count cannot be negative: ${a.printed}.`,
        rule: { vi: 'Số hộ không âm.', en: 'Counts are not negative.' }
    },
    'percent-out-of-range': {
        severity: 'error',
        vi: a => `Tỷ lệ ${a.printed}% nằm ngoài khoảng 0–100%.`,
        en: a => `The percentage ${a.printed}% is outside 0–100%.`,
        rule: { vi: 'Tỷ lệ phần trăm nằm trong 0–100.', en: 'Percentages lie within 0–100.' }
    },
    'cell-count': {
        severity: 'error',
        vi: a => `Năm ${a.year} có ${a.found} ô nhưng bảng khai báo ${a.expected} cột (${a.columns}).`,
        en: a => `Year ${a.year} has ${a.found} cells but the table declares ${a.expected} columns (${a.columns}).`,
        rule: { vi: 'Mỗi năm của một dòng có đúng số ô bằng số cột của bảng.', en: 'Each year of a row has one cell per declared column.' }
    },
    'missing-district-year': {
        severity: 'warning',
        vi: a => `${a.label} thiếu số liệu năm ${a.year}.`,
        en: a => `${a.label} has no figures for ${a.year}.`,
        rule: { vi: 'Mỗi dòng của bảng có số liệu cho mọi năm của bảng.', en: 'Every table row has figures for every year of the table.' }
    },
    'undeclared-table-year': {
        severity: 'error',
        vi: a => `Năm ${a.year} không có trong danh sách năm của bảng (${a.years}).`,
        en: a => `Year ${a.year} is not one of the table's years (${a.years}).`,
        rule: { vi: 'Dòng chỉ dùng các năm mà bảng khai báo.', en: 'Rows use only the years the table declares.' }
    },
    'duplicate-row': {
        severity: 'error',
        vi: a => `Đơn vị ${a.label} xuất hiện hai lần trong cùng một phần của bảng.`,
        en: a => `${a.label} appears twice in the same part of the table.`,
        rule: { vi: 'Mỗi huyện xuất hiện một lần trong mỗi phần của bảng.', en: 'Each district appears once per table section.' }
    },
    // --- years -----------------------------------------------------------------------------------------
    'duplicate-year': {
        severity: 'error',
        vi: a => `Năm ${a.year} được khai báo hai lần${a.where ? ' ' + a.where : ''}.`,
        en: a => `Year ${a.year} is given twice${a.where ? ' ' + a.where : ''}.`,
        rule: { vi: 'Một năm chỉ có một giá trị.', en: 'A year has one value only.' }
    },
    'baseline-not-before-targets': {
        severity: 'warning',
        vi: a => `Năm gốc ${a.baseline} phải trước các năm kế hoạch (năm ${a.year}).`,
        en: a => `The baseline year ${a.baseline} must come before the plan years (${a.year}).`,
        rule: { vi: 'Năm gốc trước mọi năm kế hoạch của chỉ tiêu.', en: "The baseline year precedes every plan year of the indicator." }
    },
    'year-outside-period': {
        severity: 'warning',
        vi: a => `Năm ${a.year} nằm ngoài giai đoạn ${a.from}–${a.to} và không phải năm định hướng${a.orientation ? ' ' + a.orientation : ''}.`,
        en: a => `Year ${a.year} is outside the period ${a.from}–${a.to} and is not the orientation year${a.orientation ? ' ' + a.orientation : ''}.`,
        rule: { vi: 'Năm mục tiêu nằm trong giai đoạn của kế hoạch hoặc là năm định hướng.', en: 'Target years lie inside the period or are the orientation year.' }
    },
    'deadline-outside-period': {
        severity: 'warning',
        vi: a => `Thời hạn năm ${a.year} nằm ngoài giai đoạn của kế hoạch ${a.from}–${a.to}.`,
        en: a => `The deadline ${a.year} is outside the plan's period ${a.from}–${a.to}.`,
        rule: { vi: 'Thời hạn của nhiệm vụ nằm trong các năm của kế hoạch.', en: "Task deadlines lie within the plan's years." }
    },
    'period-reversed': {
        severity: 'error',
        vi: a => `Giai đoạn ${a.from}–${a.to} có năm bắt đầu sau năm kết thúc.`,
        en: a => `The period ${a.from}–${a.to} starts after it ends.`,
        rule: { vi: 'Giai đoạn bắt đầu trước khi kết thúc.', en: 'A period starts before it ends.' }
    },
    // --- assignment ------------------------------------------------------------------------------------
    'unknown-reference': {
        severity: 'error',
        vi: a => `Không có ${a.kind} nào mang mã "${a.id}".`,
        en: a => `No ${a.kind} is declared with the id "${a.id}".`,
        rule: { vi: 'Mọi mã được tham chiếu đều đã khai báo.', en: 'Every referenced id is declared.' }
    },
    'missing-lead': {
        severity: 'warning',
        vi: a => `${a.what} chưa có đơn vị chủ trì: ${a.name}`,
        en: a => `${a.what} has no lead agency: ${a.name}`,
        rule: { vi: 'Mỗi chỉ tiêu, giải pháp và nhiệm vụ có đơn vị chủ trì.', en: 'Every indicator, solution and task has a lead agency.' }
    },
    'unused-agency': {
        severity: 'hint',
        vi: a => `Cơ quan ${a.name} được khai báo nhưng không được giao việc gì.`,
        en: a => `The agency ${a.name} is declared but given nothing to do.`,
        rule: { vi: 'Cơ quan được khai báo thì được giao chủ trì, phối hợp hoặc nhiệm vụ.', en: 'A declared agency leads, coordinates or has duties.' }
    },
    'duplicate-id': {
        severity: 'error',
        vi: a => `Mã "${a.id}" đã được dùng cho ${a.kind} khác (dòng ${a.line}).`,
        en: a => `The id "${a.id}" is already used by another ${a.kind} (line ${a.line}).`,
        rule: { vi: 'Mỗi mã chỉ khai báo một lần.', en: 'Each id is declared once.' }
    },
    'numbering-gap': {
        severity: 'warning',
        vi: a => `Đánh số không liên tục: sau ${a.previous} là ${a.found} (thiếu ${a.expected}).`,
        en: a => `Numbering is not continuous: ${a.found} follows ${a.previous} (${a.expected} is missing).`,
        rule: { vi: 'Danh sách đánh số liên tục 1, 2, 3… (a, b, c…).', en: 'Numbered lists run 1, 2, 3… (a, b, c…) without gaps.' }
    },
    // --- trajectories and targets ------------------------------------------------------------------
    'wrong-direction': {
        severity: 'warning',
        vi: a => `Chỉ tiêu "${a.name}" đi ngược hướng (${a.direction}): ${a.fromValue} năm ${a.fromYear} → ${a.toValue} năm ${a.toYear}.`,
        en: a => `The indicator "${a.name}" moves the wrong way (${a.direction}): ${a.fromValue} in ${a.fromYear} → ${a.toValue} in ${a.toYear}.`,
        rule: { vi: 'Giá trị kế hoạch của chỉ tiêu đi theo hướng tốt lên so với năm trước và năm gốc.', en: "An indicator's plan values move in its direction, year on year and against the baseline." }
    },
    'target-not-met': {
        severity: 'warning',
        vi: a => `Mục tiêu "${a.target}" năm ${a.year} không khớp với số liệu: giá trị là ${a.actual}.`,
        en: a => `The target "${a.target}" for ${a.year} does not hold for the figures: the value is ${a.actual}.`,
        rule: { vi: 'Câu mục tiêu ("dưới 9%", "trên 68%", "khoảng 0,5%") đúng với giá trị của năm đó ("dưới"/"trên" là chặt, "khoảng" có dung sai).', en: 'A target sentence ("dưới 9%", "trên 68%", "khoảng 0,5%") holds for that year\'s value ("dưới"/"trên" are strict, "khoảng" has a tolerance).' }
    },
    'target-text-differs': {
        severity: 'info',
        vi: a => `Câu mục tiêu không chứa giá trị ${a.value} đã khai báo.`,
        en: a => `The target sentence does not contain the declared value ${a.value}.`,
        rule: { vi: 'Câu mục tiêu gốc nhắc đúng giá trị khai báo.', en: 'The original target sentence mentions the declared value.' }
    },
    'target-unit-mismatch': {
        severity: 'warning',
        vi: a => `Mục tiêu cho chỉ tiêu "${a.name}" dùng giá trị ${a.value} ngoài khoảng 0–100 của đơn vị %.`,
        en: a => `The target for "${a.name}" uses ${a.value}, outside 0–100 for a % unit.`,
        rule: { vi: 'Giá trị mục tiêu phù hợp với đơn vị của chỉ tiêu.', en: "Target values fit the indicator's unit." }
    },
    // --- characters ----------------------------------------------------------------------------------
    // A warning: exporters drop or convert such characters; the plan text should still not hold them.
    'control-character': {
        severity: 'warning',
        vi: a => `Ký tự điều khiển vô hình ${a.char} trong ${a.where === 'comment' ? 'chú thích' : 'chuỗi'} (thường do dán từ Word): không hiện ra nhưng vẫn nằm trong văn bản.`,
        en: a => `Invisible control character ${a.char} in ${a.where === 'comment' ? 'a comment' : 'a string'} (often pasted from Word): it does not show, but it is in the text.`,
        rule: { vi: 'Chuỗi và chú thích không chứa ký tự điều khiển (trừ tab và xuống dòng), ký tự không dùng như U+FFFE, U+FFFF hay nửa cặp surrogate.', en: 'Strings and comments hold no control characters (except tab and line breaks), noncharacters such as U+FFFE and U+FFFF, or lone surrogates.' }
    },
    // An error: the text shows otherwise than it reads, in the editor and in every export ("Trojan Source").
    'bidi-control': {
        severity: 'error',
        vi: a => `Ký tự đảo hướng chữ ${a.char} trong ${a.where === 'comment' ? 'chú thích' : 'chuỗi'}: văn bản hiện ra khác với nội dung thật (có thể dùng để che giấu nội dung).`,
        en: a => `Bidirectional control character ${a.char} in ${a.where === 'comment' ? 'a comment' : 'a string'}: the text is displayed differently from what it says (it can disguise content).`,
        rule: { vi: 'Chuỗi và chú thích không chứa ký tự đảo hướng chữ (U+202A–U+202E, U+2066–U+2069), vốn làm văn bản hiện ra khác nội dung thật.', en: 'Strings and comments hold no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), which make text display otherwise than it reads.' }
    }
} satisfies Record<string, IssueSpec>;

/**
 * Findings about the file rather than the plan: reported by the command line, which reads the bytes
 * (the editor decodes files itself). Kept apart from ISSUES, whose codes are rules over plan text.
 */
export const FILE_ISSUES = {
    'encoding-invalid': {
        severity: 'error',
        vi: a => `Tệp không phải là ${a.encoding} hợp lệ: ${a.count} chỗ không đọc được, chỗ đầu tiên ở đây (byte ${a.byte}); các chỗ này được đọc thành "\uFFFD". Hãy lưu tệp dưới dạng UTF-8.`,
        en: a => `The file is not valid ${a.encoding}: ${a.count} unreadable ${a.count === 1 ? 'sequence' : 'sequences'}, the first here (byte ${a.byte}); they are read as "\uFFFD". Save the file as UTF-8.`,
        rule: { vi: 'Tệp kế hoạch được lưu dưới dạng UTF-8 (hoặc UTF-16 có dấu BOM).', en: 'A plan file is saved as UTF-8 (or UTF-16 with a byte-order mark).' }
    },
    'encoding-utf16-no-bom': {
        severity: 'error',
        vi: a => `Tệp có vẻ là ${a.encoding} không có dấu thứ tự byte (BOM); đã đọc theo ${a.encoding}. Hãy lưu tệp dưới dạng UTF-8.`,
        en: a => `This looks like ${a.encoding} without a byte-order mark (BOM); it was read as ${a.encoding}. Save the file as UTF-8.`,
        rule: { vi: 'Tệp UTF-16 có dấu BOM để biết thứ tự byte.', en: 'A UTF-16 file starts with a byte-order mark.' }
    },
    'encoding-binary': {
        severity: 'error',
        vi: () => 'Tệp có byte NUL: đây không phải là tệp văn bản (có thể là ảnh, tệp nén hoặc UTF-32), nên không được kiểm tra.',
        en: () => 'The file holds NUL bytes: it is not a text file (perhaps an image, an archive or UTF-32), so it was not checked.',
        rule: { vi: 'Tệp kế hoạch là tệp văn bản.', en: 'A plan file is a text file.' }
    },
    'parse-failed': {
        severity: 'error',
        vi: a => `Không phân tích được tệp (${a.reason}), nên tệp không được kiểm tra. Đây là lỗi của công cụ; xin báo lại kèm tệp.`,
        en: a => `The file could not be parsed (${a.reason}), so it was not checked. This is a bug in the tool; please report it with the file.`,
        rule: { vi: 'Bộ phân tích đọc được mọi tệp văn bản.', en: 'The parser reads any text file.' }
    }
} satisfies Record<string, IssueSpec>;

export type FileIssueCode = keyof typeof FILE_ISSUES;

export type IssueCode = keyof typeof ISSUES;

export function issueSeverity(code: IssueCode): Severity {
    return ISSUES[code].severity;
}

export function issueMessage(code: IssueCode, args: Args, locale: Locale): string {
    return ISSUES[code][locale](args);
}

export function ruleDescription(code: string, locale: Locale): string | undefined {
    return ((ISSUES as Record<string, IssueSpec>)[code] ?? (FILE_ISSUES as Record<string, IssueSpec>)[code])?.rule[locale];
}
