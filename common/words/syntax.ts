// Syntax errors as a user reads them (language-server/src/validation/syntax-errors.ts): the message of
// each kind of mistake, the names of tokens, the quick-fix titles. A backquoted `}` or `"` is text.

import type { Words } from '../catalogue.js';

/** Terminals and the end of the file, as a user reads them: expected here, or found. */
export const TOKEN_NAMES: Record<string, Words> = {
    ID: { vi: 'tên (id)', en: 'a name (id)' },
    STRING: { vi: 'chuỗi trong dấu ngoặc kép', en: 'a string in double quotes' },
    NUMBER: { vi: 'số', en: 'a number' },
    YEAR_LINE: { vi: 'năm và dấu hai chấm (2025:)', en: 'a year and a colon (2025:)' },
    /** Not a terminal: a year line's cell (the line is one token), expected after its cells. */
    CELL: { vi: 'một ô (số như 1.234 hoặc 3,17, khoảng 410..460, `-`, hoặc ghi chú như "Sáp nhập")', en: 'a cell (a number such as 1.234 or 3,17, a range 410..460, `-`, or a note such as "Sáp nhập")' },
    EOF: { vi: 'cuối tệp', en: 'the end of the file' }
};

export const SYNTAX_WORDS = {
    /** The last two of a list of expected tokens. */
    or: { vi: '{first} hoặc {last}', en: '{first} or {last}' },
    punctuation: { vi: 'dấu {mark}', en: '{mark}' },
    foundString: { vi: 'chuỗi {text}', en: 'the string {text}' },
    foundNumber: { vi: 'số {text}', en: 'the number {text}' }
} as const satisfies Record<string, Words>;

/** One message per kind of mistake (SyntaxErrorKind). */
export const SYNTAX_MESSAGES = {
    unknownKeyword: { vi: 'Từ khóa {found} không có ở đây: có phải ý bạn là {suggestion}?', en: '{found} is not a keyword here: did you mean {suggestion}?' },
    missingClose: {
        vi: 'Thiếu dấu `}` để đóng {block} (mở ở dòng {blockLine}){found, select, none {} other {, trước {found} ở dòng {foundLine}}}.',
        en: 'Missing `}` to close {block} (opened on line {blockLine}){found, select, none {} other {, before {found} on line {foundLine}}}.'
    },
    unclosedString: { vi: 'Chuỗi này thiếu dấu `"` đóng: nó kéo dài đến dòng {endLine}.', en: 'This string has no closing `"`: it runs on to line {endLine}.' },
    unclosedNote: { vi: 'Ghi chú trong ô thiếu dấu `"` đóng: một ghi chú kết thúc bằng `"` trên cùng dòng{endLine, select, none {} other { (ở đây nó kéo dài đến dòng {endLine})}}.', en: 'This note in a cell has no closing `"`: a note ends with `"` on its own line{endLine, select, none {} other { (here it runs on to line {endLine})}}.' },
    extraClose: { vi: 'Dấu `}` thừa: không có khối nào đang mở ở đây.', en: 'An extra `}`: no block is open here.' },
    unquotedText: {
        vi: '{sentence, select, yes {Câu mục tiêu} other {Đoạn văn}} phải nằm trong dấu ngoặc kép: "{text}".',
        en: '{sentence, select, yes {The target sentence} other {The text}} must be in double quotes: "{text}".'
    },
    accentedLetters: {
        vi: 'Chữ có dấu {chars} chỉ dùng được trong chuỗi trong dấu ngoặc kép; tên (id) chỉ gồm chữ không dấu, chữ số và `_`.',
        en: 'Accented letters ({chars}) can only be written inside a string in double quotes; names (ids) use unaccented letters, digits and `_`.'
    },
    unexpectedCharacters: { vi: 'Ký tự không hợp lệ: {chars}.', en: 'Unexpected {count, plural, one {character} other {characters}}: {chars}.' },
    unreadable: { vi: 'Không đọc được {found} ở đây.', en: 'Unexpected {found}.' },
    expectedAfter: {
        vi: 'Sau {after} cần {expected} nhưng dòng {foundLine} bắt đầu bằng {found}.',
        en: 'Expected {expected} after {after} but line {foundLine} starts with {found}.'
    },
    expected: { vi: 'Cần {expected} nhưng gặp {found}.', en: 'Expected {expected} but found {found}.' },
    /** A parser error the analysis did not rewrite (Chevrotain's English). */
    raw: { vi: 'Lỗi cú pháp: {message}', en: '{message}' }
} as const satisfies Record<string, Words>;

export const SYNTAX_FIX_TITLES = {
    keyword: { vi: 'Sửa thành `{keyword}`', en: 'Change to `{keyword}`' },
    quote: { vi: 'Đặt đoạn văn trong dấu ngoặc kép', en: 'Put the text in double quotes' },
    close: { vi: 'Thêm dấu `}`', en: 'Add `}`' },
    colon: { vi: 'Thêm dấu hai chấm: `{text}`', en: 'Add the colon: `{text}`' },
    closeString: { vi: 'Đóng chuỗi ở cuối dòng', en: 'Close the string at the end of the line' }
} as const satisfies Record<string, Words>;
