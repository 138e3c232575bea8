// The preview's own words in Vietnamese and English, for the host (titles, dialogs) and the webview
// (labels, tabs). The webview has no vscode.l10n, so both sides read this one catalogue; the plan's
// own content (annex titles, headings) stays as the plan writes it.
import type { Locale } from '../../../common/locale.js';

export type { Locale } from '../../../common/locale.js';

const vi = {
    previewTitle: 'Xem trước {0}',
    lockedTitle: '[Khóa] Xem trước {0}',
    noPlanEditor: 'Hãy mở một tệp .plan để xem trước.',
    exportSaveTitle: 'Lưu bản xuất {0}',
    exportSaveLabel: 'Xuất',
    exportFolderTitle: 'Chọn thư mục lưu các tệp {0}',
    exportFolderLabel: 'Lưu vào thư mục này',
    overwriteOne: 'Tệp {0} đã tồn tại. Ghi đè lên tệp này?',
    overwriteMany: 'Các tệp sau đã tồn tại: {0}. Ghi đè lên các tệp này?',
    overwrite: 'Ghi đè',
    exported: 'Đã xuất: {0}',
    exportFailed: 'Không xuất được ({0}): {1}',
    exportNoView: 'Chưa có nội dung kế hoạch để xuất (máy chủ ngôn ngữ chưa trả lời).',
    badFileName: 'Tên tệp xuất không hợp lệ: {0}',
    filterWord: 'Tài liệu Word',
    filterExcel: 'Bảng tính Excel',
    filterCsv: 'CSV',
    filterHtml: 'Trang HTML',
    filterMarkdown: 'Markdown',
    exportPickFormats: 'Chọn các định dạng để xuất các phụ lục',
    exportPickFolder: 'Chọn thư mục lưu các phụ lục',
    exportBadArgs: 'Lệnh xuất cần các định dạng trong {0} và một thư mục.',
    exportExists: 'Không ghi đè các tệp đã có: {0}.',
    // Webview
    loading: 'Đang tải bản xem trước…',
    noView: 'Chưa dựng được bản xem trước của tệp này: tệp không phải là kế hoạch, hoặc máy chủ ngôn ngữ chưa phân tích xong.',
    validation: 'Kiểm tra',
    error: 'Lỗi: {0}',
    warning: 'Cảnh báo: {0}',
    info: 'Thông tin: {0}',
    hint: 'Gợi ý: {0}',
    noFindings: 'Không có phát hiện nào.',
    severityError: 'Lỗi',
    severityWarning: 'Cảnh báo',
    severityInfo: 'Thông tin',
    severityHint: 'Gợi ý',
    numberLabel: 'Số: {0}',
    period: 'Giai đoạn {0}',
    orientation: 'Định hướng đến năm {0}',
    tabs: 'Phụ lục và biểu đồ',
    charts: 'Biểu đồ',
    noAnnexes: 'Kế hoạch chưa có phụ lục nào.',
    noCharts: 'Kế hoạch chưa có số liệu để vẽ biểu đồ.',
    exportLabel: 'Xuất:',
    exportAs: 'Xuất ra {0}',
    exporting: 'Đang xuất…',
    revealHint: 'Bấm để đến vị trí này trong tệp kế hoạch',
    locked: 'Đã khóa',
    unit: 'Đơn vị: {0}'
};

export type Strings = typeof vi;

const en: Strings = {
    previewTitle: 'Preview {0}',
    lockedTitle: '[Locked] Preview {0}',
    noPlanEditor: 'Open a .plan file to preview it.',
    exportSaveTitle: 'Save the {0} export',
    exportSaveLabel: 'Export',
    exportFolderTitle: 'Choose a folder for the {0} files',
    exportFolderLabel: 'Save in this folder',
    overwriteOne: '{0} already exists. Overwrite it?',
    overwriteMany: 'These files already exist: {0}. Overwrite them?',
    overwrite: 'Overwrite',
    exported: 'Exported: {0}',
    exportFailed: 'Export failed ({0}): {1}',
    exportNoView: 'There is no plan content to export yet (the language server has not answered).',
    badFileName: 'Invalid export file name: {0}',
    filterWord: 'Word document',
    filterExcel: 'Excel workbook',
    filterCsv: 'CSV',
    filterHtml: 'HTML page',
    filterMarkdown: 'Markdown',
    exportPickFormats: 'Choose the formats to export the annexes to',
    exportPickFolder: 'Choose a folder for the annexes',
    exportBadArgs: 'The export command needs formats among {0} and a folder.',
    exportExists: 'Existing files are not overwritten: {0}.',
    loading: 'Loading the preview…',
    noView: 'No preview for this file yet: it is not a plan, or the language server has not finished reading it.',
    validation: 'Validation',
    error: 'Errors: {0}',
    warning: 'Warnings: {0}',
    info: 'Info: {0}',
    hint: 'Hints: {0}',
    noFindings: 'No findings.',
    severityError: 'Error',
    severityWarning: 'Warning',
    severityInfo: 'Info',
    severityHint: 'Hint',
    numberLabel: 'No. {0}',
    period: 'Period {0}',
    orientation: 'Orientation to {0}',
    tabs: 'Annexes and charts',
    charts: 'Charts',
    noAnnexes: 'The plan has no annexes.',
    noCharts: 'The plan has no data to chart.',
    exportLabel: 'Export:',
    exportAs: 'Export as {0}',
    exporting: 'Exporting…',
    revealHint: 'Click to go to this place in the plan file',
    locked: 'Locked',
    unit: 'Unit: {0}'
};

const CATALOGUE: Record<Locale, Strings> = { vi, en };

export function stringsFor(locale: Locale): Strings {
    return CATALOGUE[locale];
}

/** "Lỗi: {0}" with its arguments. */
export function format(template: string, ...args: (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

/** The UI language from a VS Code display language (vi, en-US, …); other languages get English. */
export function localeOf(language: string | undefined): Locale {
    return language?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}
