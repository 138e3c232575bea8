// Annex export: renders the plan view (never the syntax tree) to DOCX, XLSX, CSV, HTML or Markdown.
// renderExport is pure (no file system, no vscode) so the CLI and the preview both use it; writing
// the files is writeExportFiles' job.
import type { PlanView } from '../model/view.js';
import { renderCsv } from './csv.js';
import { renderDocx } from './docx.js';
import { exportBaseName } from './grid.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { ExportFile } from './write.js';
import { renderXlsx } from './xlsx.js';

export { ExportFileNameError, ExportFolderError, ExportTargetExistsError, ExportWriteError, writeExportFiles, type ExportFile } from './write.js';

export type ExportFormat = 'docx' | 'xlsx' | 'csv' | 'html' | 'md';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'xlsx', 'csv', 'html', 'md'];

export function isExportFormat(value: string): value is ExportFormat {
    return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Renders a plan's annexes: one file `<plan-id>.<format>`, or for CSV one file per annex. */
export async function renderExport(view: PlanView, format: ExportFormat): Promise<{ files: ExportFile[] }> {
    const base = exportBaseName(view.id);
    switch (format) {
        case 'docx': return { files: [{ name: `${base}.docx`, data: await renderDocx(view) }] };
        case 'xlsx': return { files: [{ name: `${base}.xlsx`, data: await renderXlsx(view) }] };
        case 'html': return { files: [{ name: `${base}.html`, data: renderHtml(view) }] };
        case 'md': return { files: [{ name: `${base}.md`, data: renderMarkdown(view) }] };
        case 'csv': {
            const used = new Set<string>();
            const files = view.annexes.map((annex, i) => {
                const stem = exportBaseName(view.id, annex, i);
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
}
