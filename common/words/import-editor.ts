// What the editor's import says: the `plan.importTable` / `plan.importPlan` commands and the paste, in
// the server's language (what could not be placed comes from the importer's own words, import.ts).

import type { Words } from '../catalogue.js';

export const IMPORT_EDITOR_WORDS = {
    /** The source named in messages: a file's name, or the clipboard. */
    clipboard: { vi: 'dữ liệu dán', en: 'the pasted data' },
    tableImported: { vi: 'Đã nhập bảng từ {source} vào {plan}.', en: 'Imported the table from {source} into {plan}.' },
    planImported: { vi: 'Đã tạo kế hoạch {target} từ {source}.', en: 'Created the plan {target} from {source}.' },
    planText: { vi: 'Đã đọc kế hoạch từ {source}.', en: 'Read the plan from {source}.' },
    /** Appended to the line above when some cells could not be placed; the list follows. */
    problems: {
        vi: '{count, plural, one {1 ô không đặt được} other {{count} ô không đặt được}}: {list}',
        en: '{count, plural, one {1 cell could not be placed} other {{count} cells could not be placed}}: {list}'
    },
    /** One problem in the list: where, and what. */
    problemAt: { vi: '{at}: {message}', en: '{at}: {message}' },
    more: { vi: '… và {count} chỗ khác', en: '… and {count} more' },
    noTable: {
        vi: '{source} không có bảng: cần một bảng HTML (chép từ Excel, Calc, Word) hoặc các dòng có cột cách nhau bằng tab.',
        en: '{source} holds no table: an HTML table (copied from Excel, Calc, Word) or lines of tab-separated columns is needed.'
    },
    noSource: {
        vi: 'Lệnh {command} cần nguồn để nhập: html, text, file (đường dẫn) hoặc data (base64) kèm name.',
        en: 'The command {command} needs something to import: html, text, file (a path) or data (base64) with name.'
    },
    badArgument: {
        vi: 'Lệnh {command}: tham số {name} không hợp lệ ({expected}).',
        en: 'The command {command}: the argument {name} is not valid ({expected}).'
    },
    noPlan: {
        vi: 'Không mở được kế hoạch {plan}: {reason}',
        en: 'The plan {plan} could not be opened: {reason}'
    },
    cannotRead: { vi: 'Không đọc được tệp {file}: {reason}', en: 'The file {file} could not be read: {reason}' },
    tooLarge: {
        vi: 'Tệp {file} quá lớn ({size} MB; tối đa {max} MB).',
        en: 'The file {file} is too large ({size} MB; at most {max} MB).'
    },
    /** A fault of the importer itself (a bug), never a crash of the server. */
    internal: {
        vi: 'Lỗi khi nhập {source} (lỗi của chương trình, xin báo lại): {reason}',
        en: 'Importing {source} failed (a fault of the program, please report it): {reason}'
    },
    chooseOne: {
        vi: '{file} có {count} bảng; chọn một bằng tham số sheet hoặc table ({choices}), hoặc nhập tất cả với all: true.',
        en: '{file} has {count} tables; choose one with the argument sheet or table ({choices}), or import them all with all: true.'
    },
    /** The choice of every table, in the editor's list of a file's tables. */
    allTables: { vi: 'Tất cả các bảng ({count})', en: 'All tables ({count})' },
    noTarget: {
        vi: 'Lệnh {command} cần target (URI của kế hoạch mới) khi nguồn không phải là một tệp.',
        en: 'The command {command} needs target (the new plan\'s URI) when the source is not a file.'
    },
    targetExists: { vi: '{target} đã có: không ghi đè.', en: '{target} already exists: it is not overwritten.' },
    notApplied: {
        vi: 'Trình soạn thảo không áp dụng thay đổi{reason, select, none {} other {: {reason}}}.',
        en: 'The editor did not apply the change{reason, select, none {} other {: {reason}}}.'
    },
    cannotWrite: { vi: 'Không ghi được {target}: {reason}', en: '{target} could not be written: {reason}' }
} as const satisfies Record<string, Words>;
