// Annex export: renders the plan view (never the syntax tree) to DOCX, XLSX, CSV, HTML or Markdown.
// renderExport is pure (no file system, no vscode) so the CLI and the preview both use it; writing
// the files is writeExportFiles' job.
import type { PlanView } from '../../../common/view.js';
import { renderCsv } from './csv.js';
import { renderDocx } from './docx.js';
import { renderDocumentDocx } from './document-docx.js';
import { documentHtml } from './document-html.js';
import { exportBaseName } from './grid.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderXlsx } from './xlsx.js';
import { renderReviewCsv, reviewFileName } from './review.js';
import { renderReviewDocx, renderReviewHtml } from './review-print.js';
import { ANNEX_LOCALE } from '../../../common/words/annex.js';
import { ExportTooLargeError, tooLargeFor } from './limits.js';

import type { ExportFile, ExportFormat, ExportOptions, RenderExport } from '../../../common/export.js';

export { documentArticle, documentHtml } from './document-html.js';
export { ExportTooLargeError, FORMAT_LIMITS, tooLargeFor, tooLargeMessage, type TooLarge } from './limits.js';
export { ExportFileNameError, ExportFolderError, ExportTargetExistsError, ExportWriteError, writeExportFiles } from './write.js';
export {
    CSV_NUMBER_STYLES, CSV_SEPARATORS, EXPORT_FORMATS, isExportFormat, type CsvOptions, type ExportFile, type ExportFormat, type ExportOptions
} from '../../../common/export.js';

/**
 * Renders a plan's annexes: one file `<name>.<format>`, or for CSV one file per annex (and with
 * `findings`, the review list `<name>-phat-hien.csv`; DOCX and HTML: the review sheet
 * `<name>-phat-hien.docx` / `.html` beside the annexes' file); `<name>` is the options' base name (the editor
 * passes the plan file's), else the plan's id. A table the format cannot hold (FORMAT_LIMITS) throws
 * ExportTooLargeError before any work is done.
 */
export const renderExport: RenderExport = async (view: PlanView, format: ExportFormat, options: ExportOptions = {}): Promise<{ files: ExportFile[] }> => {
    const tooLarge = tooLargeFor(view, format, options);
    if (tooLarge.length > 0) throw new ExportTooLargeError(format, tooLarge, options.locale ?? ANNEX_LOCALE);
    const planName = options.baseName?.trim() || view.id;
    const base = exportBaseName(planName);
    switch (format) {
        case 'docx': return {
            files: [{ name: `${base}.docx`, data: await renderDocx(view) },
                ...(options.findings ? [{ name: reviewFileName(planName, 'docx'), data: await renderReviewDocx(view, options.locale ?? ANNEX_LOCALE) }] : [])]
        };
        case 'xlsx': return { files: [{ name: `${base}.xlsx`, data: await renderXlsx(view, { findings: options.findings, locale: options.locale }) }] };
        case 'html': return {
            files: [{ name: `${base}.html`, data: renderHtml(view) },
                ...(options.findings ? [{ name: reviewFileName(planName, 'html'), data: renderReviewHtml(view, options.locale ?? ANNEX_LOCALE) }] : [])]
        };
        case 'md': return { files: [{ name: `${base}.md`, data: renderMarkdown(view) }] };
        // "văn bản": the document itself, beside the annexes' files of the same plan.
        // With findingsInText, the findings where they stand in the text: Word comments, marks with the message.
        case 'document-docx': return { files: [{ name: `${base}-van-ban.docx`, data: await renderDocumentDocx(view, { comments: options.findingsInText, locale: options.locale }) }] };
        case 'document-html': return {
            files: [{ name: `${base}-van-ban.html`, data: new TextEncoder().encode(documentHtml(view, { marks: options.findingsInText, locale: options.locale })) }]
        };
        case 'csv': {
            const used = new Set<string>();
            const files = view.annexes.map((annex, i) => {
                const stem = exportBaseName(planName, annex, i);
                let name = `${stem}.csv`;
                // Two annexes printed with the same number still get a file each.
                for (let n = 2; used.has(name); n++) name = `${stem}-${n}.csv`;
                used.add(name);
                return { name, data: renderCsv(annex, options.csv) };
            });
            if (options.findings) files.push({ name: reviewFileName(planName), data: renderReviewCsv(view, options.locale ?? ANNEX_LOCALE, options.csv?.separator) });
            return { files };
        }
        default: {
            const unknown: never = format;
            throw new Error(`unknown export format: ${String(unknown)}`);
        }
    }
};
