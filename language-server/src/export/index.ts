// Annex export: renders the plan view (never the syntax tree) to DOCX, XLSX, CSV, HTML or Markdown.
// renderExport is pure (no file system, no vscode) so the CLI and the preview both use it; writing
// the files is writeExportFiles' job.
import type { PlanView } from '../../../common/view.js';
import { renderCsv } from './csv.js';
import { renderDocx } from './docx.js';
import { exportBaseName } from './grid.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderXlsx } from './xlsx.js';

import type { ExportFile, ExportFormat, ExportOptions, RenderExport } from '../../../common/export.js';

export { ExportFileNameError, ExportFolderError, ExportTargetExistsError, ExportWriteError, writeExportFiles } from './write.js';
export { EXPORT_FORMATS, isExportFormat, type ExportFile, type ExportFormat } from '../../../common/export.js';

/**
 * Renders a plan's annexes: one file `<name>.<format>`, or for CSV one file per annex; `<name>` is the
 * options' base name (the editor passes the plan file's), else the plan's id.
 */
export const renderExport: RenderExport = async (view: PlanView, format: ExportFormat, options?: ExportOptions): Promise<{ files: ExportFile[] }> => {
    const planName = options?.baseName?.trim() || view.id;
    const base = exportBaseName(planName);
    switch (format) {
        case 'docx': return { files: [{ name: `${base}.docx`, data: await renderDocx(view) }] };
        case 'xlsx': return { files: [{ name: `${base}.xlsx`, data: await renderXlsx(view) }] };
        case 'html': return { files: [{ name: `${base}.html`, data: renderHtml(view) }] };
        case 'md': return { files: [{ name: `${base}.md`, data: renderMarkdown(view) }] };
        case 'csv': {
            const used = new Set<string>();
            const files = view.annexes.map((annex, i) => {
                const stem = exportBaseName(planName, annex, i);
                let name = `${stem}.csv`;
                // Two annexes printed with the same number still get a file each.
                for (let n = 2; used.has(name); n++) name = `${stem}-${n}.csv`;
                used.add(name);
                return { name, data: renderCsv(annex) };
            });
            return { files };
        }
        default: {
            const unknown: never = format;
            throw new Error(`unknown export format: ${String(unknown)}`);
        }
    }
};
