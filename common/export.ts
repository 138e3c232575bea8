// The export formats, named once: the CLI, the preview's buttons and the exporters all take these.
import type { PlanView } from './view.js';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'csv', 'html', 'md'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

export function isExportFormat(v: unknown): v is ExportFormat {
    return typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);
}

/** One file of an export: a plain file name (no folder) and its bytes. */
export interface ExportFile { name: string; data: Uint8Array }

/** How the files are named: after `baseName` (the plan file's name, without .plan), else the plan's id. */
export interface ExportOptions { baseName?: string }

/** The exporters' entry point (language-server/src/export), loaded by the extension from its own bundle. */
export type RenderExport = (view: PlanView, format: ExportFormat, options?: ExportOptions) => Promise<{ files: ExportFile[] }>;
