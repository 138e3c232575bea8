// The command line's words: help texts, the export command's messages, why a file cannot be read or
// written, the summary line. The CLI speaks Vietnamese unless `--lang en` is given.

import type { Words } from '../catalogue.js';

export const CLI_HELP = {
    program: { vi: 'Kế hoạch dạng mã: kiểm tra tệp kế hoạch và xuất các phụ lục.', en: 'Plan-as-code for provincial plans: check plan files and export their annexes.' },
    validate: { vi: 'Kiểm tra tệp hoặc thư mục kế hoạch và in các phát hiện (mã thoát 1 nếu có lỗi).', en: 'Check plan files or folders and print the findings (exit 1 if there is an error).' },
    paths: { vi: 'tệp kế hoạch (đuôi bất kỳ) hoặc thư mục (các tệp .plan trong đó)', en: 'plan files (any extension) or folders (their .plan files)' },
    file: { vi: 'tệp kế hoạch', en: 'plan file' },
    format: { vi: 'định dạng đầu ra', en: 'output format' },
    lang: { vi: 'ngôn ngữ thông báo', en: 'message language' },
    export: { vi: 'Xuất các phụ lục hoặc toàn văn bản của một tệp kế hoạch (vẫn xuất khi có phát hiện).', en: 'Export the annexes or the whole document of a plan file (exported even when it has findings).' },
    formats: { vi: 'docx, xlsx, csv, html, md (các phụ lục), document-docx, document-html (toàn văn bản kèm phụ lục): cách nhau bằng dấu phẩy hoặc lặp lại', en: 'docx, xlsx, csv, html, md (the annexes), document-docx, document-html (the whole document with its annexes): comma-separated or repeated' },
    out: { vi: 'thư mục đầu ra (tạo nếu chưa có)', en: 'output folder (created if missing)' },
    force: { vi: 'ghi đè tệp đã có', en: 'overwrite existing files' },
    findings: { vi: 'xuất kèm bảng tổng hợp phát hiện để rà soát: tệp <kế hoạch>-phat-hien.csv (với csv), .docx (với docx), .html (với html) và trang "Phát hiện" (với xlsx)', en: 'export the review sheet of findings too: a <plan>-phat-hien.csv file (with csv), .docx (with docx), .html (with html) and a "Findings" sheet (with xlsx)' },
    /** What `--findings [nơi]` takes besides the list above (`--findings` alone is `--findings sheet`). */
    findingsWhere: {
        vi: '{list}; --findings comments: mỗi phát hiện ngay tại đoạn văn của nó, thành nhận xét (comment) Word với document-docx, đánh dấu kèm nội dung với document-html; --findings sheet,comments: cả hai',
        en: '{list}; --findings comments: each finding at its paragraph of the text, as a Word comment with document-docx, a mark with its message with document-html; --findings sheet,comments: both'
    },
    badFindings: { vi: 'cần sheet, comments hoặc sheet,comments.', en: 'sheet, comments or sheet,comments is expected.' },
    csvNumbers: { vi: 'số trong CSV: plain (29822, 3.17, mặc định) hoặc printed (như phụ lục in: 29.822, 3,17)', en: 'numbers in CSV: plain (29822, 3.17, the default) or printed (as the annex prints them: 29.822, 3,17)' },
    csvSeparator: { vi: 'dấu phân cách trong CSV: "," (mặc định) hoặc ";" (Excel với thiết lập vùng Việt Nam)', en: 'CSV field separator: "," (the default) or ";" (Excel under Vietnamese regional settings)' },
    maxSize: { vi: 'không đọc tệp lớn hơn số MB này (mặc định {mb})', en: 'refuse files larger than this many MB (default {mb})' },
    badSize: { vi: 'cần một số MB lớn hơn 0, ví dụ 64.', en: 'a number of MB greater than 0 is needed, e.g. 64.' },
    cannotRead: { vi: 'không đọc được {file}: {why}', en: 'cannot read {file}: {why}' },
    noPlanFiles: { vi: 'Không tìm thấy tệp .plan nào trong: {list}', en: 'No .plan files found in: {list}' }
} as const satisfies Record<string, Words>;

export const CLI_EXPORT = {
    noFormat: { vi: 'Cần chọn ít nhất một định dạng, ví dụ --format docx,xlsx (có: {formats}).', en: 'Give at least one format, e.g. --format docx,xlsx (one of: {formats}).' },
    unknownFormat: { vi: 'Định dạng xuất không hỗ trợ: "{format}" (chọn trong: {formats}).', en: 'Unknown export format: "{format}" (one of: {formats}).' },
    unreadable: { vi: 'Không đọc được tệp kế hoạch {file}: {why}', en: 'Cannot read plan file {file}: {why}' },
    missing: { vi: 'không có tệp này.', en: 'no such file.' },
    denied: { vi: 'không có quyền đọc.', en: 'permission denied.' },
    noPlan: { vi: 'Tệp {file} không có kế hoạch nào để xuất.', en: '{file} holds no plan to export.' },
    noAnnex: { vi: 'Kế hoạch trong {file} chưa có phụ lục nào; tệp xuất không có bảng.', en: 'The plan in {file} has no annex yet; the export holds no table.' },
    exists: { vi: 'Tệp đã tồn tại: {file} (thêm --force để ghi đè). Chưa ghi tệp nào.', en: 'File already exists: {file} (add --force to overwrite). Nothing was written.' },
    cannotWrite: { vi: 'Không ghi được tệp xuất: {why}', en: 'Cannot write the export: {why}' },
    cannotMakeFolder: { vi: 'Không tạo được thư mục xuất {dir} ({why}). Chưa ghi tệp nào.', en: 'Cannot create the export folder {dir} ({why}). Nothing was written.' },
    writeFailed: { vi: 'Không ghi được {file} ({why}). Chưa ghi tệp nào trong {total} tệp xuất; các tệp đã có được giữ nguyên.', en: 'Cannot write {file} ({why}). None of the {total} export files was written; existing files are unchanged.' },
    writeFailedPartly: { vi: 'Không ghi được {file} ({why}) và không hoàn tác được hết. Vẫn còn tệp mới: {kept}. Chưa ghi: {notWritten}.', en: 'Cannot write {file} ({why}), and undoing failed too. New files left: {kept}. Not written: {notWritten}.' },
    notRestored: { vi: 'Không khôi phục được {file}; bản cũ nằm ở {backup}.', en: 'Could not restore {file}; its old version is in {backup}.' },
    exporting: { vi: '{summary} {anyway, select, yes {Vẫn xuất các phụ lục.} other {Xuất các phụ lục.}}', en: '{summary} {anyway, select, yes {Exporting the annexes anyway.} other {Exporting the annexes.}}' }
} as const satisfies Record<string, Words>;

/** Why a write failed, by errno code (shown as "<words>, <code>"). */
export const ERRNO_WORDS = {
    ENOSPC: { vi: 'hết chỗ trên đĩa', en: 'no space left on the disk' },
    ENAMETOOLONG: { vi: 'tên tệp quá dài', en: 'file name too long' },
    EACCES: { vi: 'không có quyền ghi', en: 'permission denied' },
    EPERM: { vi: 'không có quyền ghi', en: 'permission denied' },
    EROFS: { vi: 'ổ đĩa chỉ đọc', en: 'read-only file system' },
    ENOENT: { vi: 'không có đường dẫn này', en: 'no such path' },
    ENOTDIR: { vi: 'không phải là thư mục', en: 'not a folder' },
    EDQUOT: { vi: 'hết hạn mức đĩa', en: 'disk quota exceeded' },
    EEXIST: { vi: 'tệp vừa được tạo bởi chương trình khác', en: 'the file was just created by another program' },
    EISDIR: { vi: 'đã có một thư mục trùng tên', en: 'a folder has that name' },
    EIO: { vi: 'lỗi đọc ghi đĩa', en: 'disk input/output error' }
} as const satisfies Record<string, Words>;

/** Why a plan file cannot be read (no final period), for "cannot read <file>: <reason>". */
export const READ_FAILURE = {
    missing: { vi: 'không có tệp hoặc thư mục này', en: 'no such file or folder' },
    denied: { vi: 'không có quyền đọc', en: 'permission denied' },
    unreadable: { vi: 'lỗi khi đọc ({code})', en: 'read error ({code})' },
    notAFile: { vi: 'không phải là tệp thông thường ({kind})', en: 'not a regular file ({kind})' },
    grew: { vi: 'hơn {max} MB, tệp lớn lên trong khi đọc', en: 'over {max} MB, it grew while being read' },
    over: { vi: '{size} MB; giới hạn {max} MB', en: '{size} MB; the limit is {max} MB' },
    tooLarge: { vi: 'tệp quá lớn ({how}); dùng --max-size <MB> để nâng giới hạn', en: 'the file is too large ({how}); use --max-size <MB> to raise the limit' }
} as const satisfies Record<string, Words>;

/** What a path is when it is not a regular file. */
export const FILE_KINDS = {
    folder: { vi: 'thư mục', en: 'folder' },
    fifo: { vi: 'FIFO', en: 'FIFO' },
    'character-device': { vi: 'thiết bị ký tự', en: 'character device' },
    'block-device': { vi: 'thiết bị khối', en: 'block device' },
    socket: { vi: 'socket', en: 'socket' },
    other: { vi: 'tệp đặc biệt', en: 'special file' }
} as const satisfies Record<string, Words>;

/** The summary line after the findings: "2 tệp: 1 lỗi, 0 cảnh báo, …". */
export const SUMMARY = {
    line: { vi: '{files} tệp: {counts}.', en: '{files} file(s): {counts}.' },
    count: { vi: '{n} {severity}', en: '{n} {severity}' },
    error: { vi: 'lỗi', en: 'errors' },
    warning: { vi: 'cảnh báo', en: 'warnings' },
    info: { vi: 'thông tin', en: 'info' },
    hint: { vi: 'gợi ý', en: 'hints' }
} as const satisfies Record<string, Words>;

/** The last-resort line, for a bug: in both languages at once (the locale may be what failed). */
export const INTERNAL_ERROR = {
    short: { vi: 'lỗi nội bộ', en: 'internal error' },
    details: { vi: 'PLAN_DEBUG=1 để xem chi tiết', en: 'for details' }
} as const satisfies Record<string, Words>;

/** `plan import`: its help and its messages. */
export const CLI_IMPORT = {
    command: { vi: 'Nhập bảng từ tệp Excel (.xlsx), CSV/TSV hoặc Word (.docx) thành văn bản kế hoạch (in ra, hoặc thêm vào một kế hoạch với --into).', en: 'Import the tables of an Excel (.xlsx), CSV/TSV or Word (.docx) file as plan text (printed, or added to a plan with --into).' },
    file: { vi: 'tệp .xlsx, .csv, .tsv hoặc .docx', en: 'an .xlsx, .csv, .tsv or .docx file' },
    sheet: { vi: 'chỉ nhập trang có tên này (Excel)', en: 'import only the sheet of this name (Excel)' },
    table: { vi: 'chỉ nhập bảng số N (đếm từ 1: bảng trong văn bản Word, trang trong Excel)', en: 'import only table N (from 1: a table of a Word document, a sheet of a workbook)' },
    numberStyle: { vi: 'kiểu số của tệp và của văn bản nhập ra: vi (29.822 và 3,17, mặc định, hoặc kiểu của kế hoạch --into) hoặc international', en: 'the number style of the file and of the plan text: vi (29.822 and 3,17, the default, or the style of the --into plan) or international' },
    into: { vi: 'thêm các bảng và khai báo đơn vị còn thiếu vào tệp kế hoạch này (giữ nguyên mọi phần khác)', en: 'add the tables and the missing unit declarations to this plan file (everything else kept as it is)' },
    whole: { vi: 'nhập toàn bộ văn bản Word thành một kế hoạch (đầu văn bản, các mục, nhiệm vụ, phụ lục, nơi nhận, chữ ký)', en: 'import a whole Word document as a plan (header, sections, tasks, annexes, recipients, signature)' },
    years: { vi: 'loại của các năm mà tiêu đề không nói rõ, ví dụ 2023=result,2024=plan (result, plan, estimate, actual)', en: 'the kind of years the headings do not state, e.g. 2023=result,2024=plan (result, plan, estimate, actual)' },
    out: { vi: 'ghi văn bản kế hoạch vào tệp này thay vì in ra (không ghi đè tệp đã có nếu thiếu --force)', en: 'write the plan text to this file instead of printing it (an existing file only with --force)' },
    badTable: { vi: 'cần một số bảng từ 1 trở lên.', en: 'a table number of 1 or more is needed.' },
    badYears: { vi: 'cần dạng 2023=result,2024=plan (result, plan, estimate hoặc actual).', en: 'expected 2023=result,2024=plan (result, plan, estimate or actual).' },
    cannotImport: { vi: 'không nhập được {file}: {why}', en: 'cannot import {file}: {why}' },
    intoUnparsed: { vi: 'kế hoạch {file} có lỗi cú pháp ở dòng {line}; sửa trước khi thêm bảng vào.', en: 'the plan {file} has a syntax error at line {line}; fix it before adding tables to it.' },
    problem: { vi: '{file}: {severity, select, error {lỗi} other {cảnh báo}}: {message}', en: '{file}: {severity, select, error {error} other {warning}}: {message}' },
    added: { vi: 'Đã thêm vào {file}: {tables} bảng, {units} đơn vị mới.', en: 'Added to {file}: {tables, plural, one {{tables} table} other {{tables} tables}}, {units, plural, one {{units} new unit} other {{units} new units}}.' },
    written: { vi: 'Đã ghi {file}.', en: 'Wrote {file}.' },
    checked: { vi: 'Kiểm tra văn bản nhập được: {summary}', en: 'Checking the imported text: {summary}' }
} as const satisfies Record<string, Words>;
