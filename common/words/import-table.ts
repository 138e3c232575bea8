// The words of a table import: the comments it writes into the plan text (every choice the source
// did not state), and what it reports about cells it could not place. The comments are written in
// the import's language (the CLI's --lang, the editor's); the plan text itself is the source's.

import type { Words } from '../catalogue.js';

/** Comments written into the imported plan text. */
export const IMPORT_NOTES = {
    source: { vi: 'Nhập từ {file}, {where} (plan import). Mọi lựa chọn mà tệp gốc không ghi rõ được ghi chú bên dưới.', en: 'Imported from {file}, {where} (plan import). Every choice the source did not state is noted below.' },
    sheet: { vi: 'trang "{name}"', en: 'sheet "{name}"' },
    table: { vi: 'bảng {index}', en: 'table {index}' },
    titleLine: { vi: 'Dòng tiêu đề: {text}', en: 'Title line: {text}' },
    noteLine: { vi: 'Ghi chú dưới bảng: {text}', en: 'Note below the table: {text}' },
    numberingRow: { vi: 'Dòng đánh số cột ({text}) ở dòng {row}: bỏ qua.', en: 'Column numbering row ({text}) at row {row}: skipped.' },
    yearGuessed: { vi: 'Năm {year}: tiêu đề "{heading}" không nói kết quả hay kế hoạch; coi là {kind}.', en: 'Year {year}: the heading "{heading}" does not say result or plan; taken as {kind}.' },
    yearGiven: { vi: 'Năm {year}: coi là {kind} theo lựa chọn khi nhập.', en: 'Year {year}: taken as {kind}, as chosen when importing.' },
    yearStart: { vi: '"{heading}" (đầu năm {next}) đọc là số cuối năm {year}.', en: '"{heading}" (start of {next}) read as the end of {year}.' },
    yearFromTitle: { vi: 'Năm {year} lấy từ tiêu đề bảng (các cột không ghi năm).', en: 'Year {year} taken from the table title (the columns give none).' },
    measure: { vi: 'Cột "{heading}" hiểu là {column}.', en: 'Column "{heading}" read as {column}.' },
    declaredColumn: { vi: 'Cột "{heading}" không phải cột có sẵn: khai báo cột {column} ({unit}).', en: 'Column "{heading}" is no predeclared column: declared as {column} ({unit}).' },
    rateOf: { vi: 'Cột "{heading}" hiểu là tỷ lệ của cột {count} trên tổng số hộ.', en: 'Column "{heading}" read as the rate of column {count} per total households.' },
    unitGuessed: { vi: 'Cột "{heading}": đơn vị đoán là {unit}.', en: 'Column "{heading}": unit guessed as {unit}.' },
    ignoredColumn: { vi: 'Cột {column} "{heading}" không thuộc năm nào: nội dung giữ thành ghi chú của dòng.', en: 'Column {column} "{heading}" belongs to no year: its cells are kept as notes of their rows.' },
    rowNote: { vi: '{heading}: {text}', en: '{heading}: {text}' },
    unitMatched: { vi: '"{label}" khớp với {id} ("{known}").', en: '"{label}" matched to {id} ("{known}").' },
    unitNew: { vi: '"{label}": đơn vị mới, cấp {level} (từ {why}).', en: '"{label}": a new unit, level {level} (from {why}).' },
    unitNewDefault: { vi: '"{label}": đơn vị mới; tên không cho biết cấp, coi là {level}.', en: '"{label}": a new unit; its name gives no level, taken as {level}.' },
    levelFromPrefix: { vi: 'tiền tố "{prefix}"', en: 'the prefix "{prefix}"' },
    levelFromHeader: { vi: 'tiêu đề cột "{header}"', en: 'the column heading "{header}"' },
    numberedRows: { vi: 'Bảng không in STT: các dòng được đánh số 1, 2, 3…', en: 'The table prints no row numbers: rows are numbered 1, 2, 3…' },
    totalFirst: { vi: 'Dòng tổng in trên các dòng đơn vị: giữ nguyên vị trí.', en: 'The total is printed above the unit rows: kept where it is printed.' },
    sectionGuessed: { vi: 'Dòng "{label}" không có số liệu: coi là tiêu đề nhóm.', en: 'Row "{label}" has no figures: taken as a section heading.' },
    formula: { vi: '{at}: ô có công thức {formula}; giữ giá trị {value}.', en: '{at}: the cell holds the formula {formula}; its value {value} is kept.' },
    hyperlink: { vi: '{at}: ô có liên kết {link}; chỉ giữ chữ.', en: '{at}: the cell holds a link {link}; only its text is kept.' },
    noteCell: { vi: '{at}: ô ghi "{text}", không phải số: để trống (-).', en: '{at}: the cell reads "{text}", not a figure: left blank (-).' },
    plainNumbers: { vi: 'Số trong tệp viết kiểu máy (dấu chấm thập phân, không phân nhóm nghìn): đọc theo kiểu đó và in theo kiểu {style}.', en: 'The file writes numbers the machine way (decimal point, no thousands grouping): read so, and printed in the {style} style.' },
    percentValue: { vi: '{at}: ô định dạng phần trăm ({text}): ghi {printed}.', en: '{at}: a percent-formatted cell ({text}): written {printed}.' },
    characters: { vi: '{at}: bỏ ký tự điều khiển {codes} khỏi chữ.', en: '{at}: control characters {codes} removed from the text.' },
    mergedNote: { vi: '{at}: ô gộp "{text}" trên nhiều cột số liệu: bỏ, các ô để trống (-).', en: '{at}: a merged cell "{text}" across figure columns: dropped, the cells left blank (-).' }
} as const satisfies Record<string, Words>;

/** What an import reports: cells and tables it could not place (shown with their address). */
export const IMPORT_PROBLEMS = {
    otherStyle: { vi: '{at}: "{text}" chỉ đọc được theo kiểu số {other} (theo kiểu {style} phải viết {suggestion}); giữ nguyên như in để trình kiểm tra báo.', en: '{at}: "{text}" reads only in the {other} number style (in the {style} style: {suggestion}); kept as printed for the checker to report.' },
    unreadable: { vi: '{at}: "{text}" không phải là số; để trống (-).', en: '{at}: "{text}" is not a number; left blank (-).' },
    noYear: { vi: '{grid}: không tìm thấy năm nào trong tiêu đề cột hay tiêu đề bảng; hãy ghi năm vào tiêu đề.', en: '{grid}: no year in the column headings or the title; put the year in the headings.' },
    noTable: { vi: '{grid}: không nhận ra bảng số liệu (cần một cột tên đơn vị và các cột số theo năm).', en: '{grid}: no table of figures recognised (a column of unit names and columns of figures by year are needed).' },
    duplicateColumn: { vi: '{at}: cột "{heading}" trùng năm {year} và cột {column} với cột {first}; bỏ qua.', en: '{at}: column "{heading}" repeats year {year} and column {column} of {first}; skipped.' },
    unknownHeading: { vi: '{at}: cột "{heading}" có năm nhưng không rõ là số liệu gì; khai báo thành cột riêng.', en: '{at}: column "{heading}" has a year but no recognisable measure; declared as a column of its own.' },
    rowWithoutUnit: { vi: '{at}: dòng có số liệu nhưng không có tên đơn vị; bỏ qua.', en: '{at}: a row with figures but no unit name; skipped.' },
    noSuchGrid: { vi: 'Không có bảng số {index} (tệp có {count} bảng).', en: 'There is no table {index} (the file has {count}).' },
    noSuchSheet: { vi: 'Không có trang "{name}" (có: {sheets}).', en: 'There is no sheet "{name}" (there are: {sheets}).' },
    gridSkipped: { vi: '{grid}: không phải bảng số liệu theo đơn vị; bỏ qua.', en: '{grid}: not a table of figures by unit; skipped.' }
} as const satisfies Record<string, Words>;

/** The heading of a rate column the import declares for a count column's "Tỷ lệ (%)" (plan text: Vietnamese). */
export const IMPORT_HEADINGS = {
    rateOf: { vi: 'Tỷ lệ {count}', en: 'Rate of {count}' }
} as const satisfies Record<string, Words>;

/** The administrative prefixes of unit names, written out (a unit's full name: "TX. Mỹ Hào" → "Thị xã Mỹ Hào"). */
export const UNIT_PREFIXES = {
    'thanh-pho': { vi: 'Thành phố', en: 'City' },
    'thi-xa': { vi: 'Thị xã', en: 'Town' },
    'thi-tran': { vi: 'Thị trấn', en: 'Township' },
    huyen: { vi: 'Huyện', en: 'District' },
    quan: { vi: 'Quận', en: 'Urban district' },
    phuong: { vi: 'Phường', en: 'Ward' },
    xa: { vi: 'Xã', en: 'Commune' },
    'dac-khu': { vi: 'Đặc khu', en: 'Special zone' },
    vung: { vi: 'Vùng', en: 'Region' },
    tinh: { vi: 'Tỉnh', en: 'Province' }
} as const satisfies Record<string, Words>;

/** Names used inside the notes. */
export const IMPORT_NAMES = {
    result: { vi: 'kết quả', en: 'a result' },
    plan: { vi: 'kế hoạch', en: 'a plan' },
    estimate: { vi: 'ước tính', en: 'an estimate' },
    actual: { vi: 'thực hiện', en: 'an actual' },
    region: { vi: 'vùng', en: 'region' },
    province: { vi: 'tỉnh', en: 'province' },
    district: { vi: 'huyện', en: 'district' },
    commune: { vi: 'xã', en: 'commune' },
    households: { vi: 'hộ', en: 'households' },
    persons: { vi: 'người', en: 'persons' },
    percent: { vi: 'phần trăm', en: 'percent' },
    custom: { vi: 'đơn vị riêng', en: 'a unit of its own' }
} as const satisfies Record<string, Words>;
