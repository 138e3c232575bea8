// The import's words: why an office file or a pasted table cannot be read. Each names its place (the
// file, and the sheet, part or byte where there is one) so one line tells the user what to fix.

import type { Words } from '../catalogue.js';

export const IMPORT_ERRORS = {
    tooLarge: { vi: '{file}: tệp quá lớn ({size} byte; giới hạn {limit} byte).', en: '{file}: the file is too large ({size} bytes; the limit is {limit} bytes).' },
    unknownFormat: { vi: '{file}: không nhận ra định dạng tệp; cần .xlsx, .csv, .tsv, .docx hoặc .html.', en: '{file}: unknown file format; expected .xlsx, .csv, .tsv, .docx or .html.' },
    encryptedOrLegacy: { vi: '{file}: tệp được mã hoá bằng mật khẩu hoặc là định dạng Excel/Word cũ (.xls/.doc); hãy mở bằng Excel hoặc Word và lưu lại thành .xlsx/.docx không đặt mật khẩu.', en: '{file}: the file is password-protected or an old Excel/Word file (.xls/.doc); open it in Excel or Word and save it as .xlsx/.docx without a password.' },
    notZip: { vi: '{file}: không phải tệp {format} hợp lệ (không đọc được tệp nén: {why}).', en: '{file}: not a valid {format} file (the zip cannot be read: {why}).' },
    zipEntries: { vi: '{file}: tệp nén có quá nhiều phần ({count}; giới hạn {limit}).', en: '{file}: the zip holds too many entries ({count}; the limit is {limit}).' },
    partTooLarge: { vi: '{file}: phần {part} khi giải nén vượt quá {limit} byte; tệp bị từ chối (có thể là "bom nén").', en: '{file}: part {part} inflates past {limit} bytes; the file is refused (it may be a zip bomb).' },
    inflatedTooLarge: { vi: '{file}: các phần khi giải nén vượt quá {limit} byte tổng cộng; tệp bị từ chối (có thể là "bom nén").', en: '{file}: its parts inflate past {limit} bytes in all; the file is refused (it may be a zip bomb).' },
    partCorrupt: { vi: '{file}: phần {part} bị hỏng ({why}).', en: '{file}: part {part} is corrupt ({why}).' },
    partMissing: { vi: '{file}: thiếu phần {part}; không phải tệp {format} hợp lệ.', en: '{file}: part {part} is missing; not a valid {format} file.' },
    doctype: { vi: '{file}: phần {part} có khai báo <!DOCTYPE> (có thể mở rộng thực thể hoặc đọc tệp bên ngoài); tệp Office không bao giờ có khai báo này nên tệp bị từ chối.', en: '{file}: part {part} holds a <!DOCTYPE> declaration (entity expansion or external entities); Office files never carry one, so the file is refused.' },
    xmlMalformed: { vi: '{file}: phần {part} có XML lỗi ở dòng {line}, cột {column}: {why}', en: '{file}: part {part} holds malformed XML at line {line}, column {column}: {why}' },
    tooManyRows: { vi: '{file}, {place}: bảng quá lớn: {rows} dòng (giới hạn {limit}).', en: '{file}, {place}: the table is too large: {rows} rows (the limit is {limit}).' },
    tooManyCells: { vi: '{file}, {place}: bảng quá lớn: {cells} ô (giới hạn {limit}).', en: '{file}, {place}: the table is too large: {cells} cells (the limit is {limit}).' },
    tooManyGrids: { vi: '{file}: quá nhiều bảng ({count}; giới hạn {limit}).', en: '{file}: too many tables ({count}; the limit is {limit}).' },
    noSheet: { vi: '{file}: không có trang tính "{sheet}"; các trang tính có: {sheets}.', en: '{file}: there is no sheet "{sheet}"; the sheets are: {sheets}.' },
    workbookUnreadable: { vi: '{file}: không đọc được bảng tính ({why}).', en: '{file}: the workbook cannot be read ({why}).' },
    encoding: { vi: '{file}: dòng {line}, cột {column}: byte {byte} không đọc được theo {encoding}; hãy lưu lại tệp dạng UTF-8.', en: '{file}: line {line}, column {column}: byte {byte} is not valid {encoding}; save the file as UTF-8.' },
    binaryText: { vi: '{file}: tệp có byte NUL, không phải tệp văn bản CSV/TSV.', en: '{file}: the file holds NUL bytes; it is not a CSV/TSV text file.' },
    unreadable: { vi: '{file}: không đọc được tệp {format} ({why}).', en: '{file}: the {format} file cannot be read ({why}).' },
    csvMalformed: { vi: '{file}: dòng {line}: CSV lỗi ({why}).', en: '{file}: line {line}: malformed CSV ({why}).' }
} as const satisfies Record<string, Words>;

/** How a table of a Word document or a pasted page is named in messages. */
export const IMPORT_PLACES = {
    table: { vi: 'Bảng {index}', en: 'Table {index}' },
    sheet: { vi: 'trang tính "{sheet}"', en: 'sheet "{sheet}"' },
    clipboard: { vi: 'bảng dán', en: 'pasted table' },
    /** A cell of a Word or pasted table: there are no column letters. */
    cell: { vi: '{table}, dòng {row}, cột {column}', en: '{table}, row {row}, column {column}' }
} as const satisfies Record<string, Words>;
