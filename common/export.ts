// The export formats, named once: the CLI, the preview's buttons and the exporters all take these.
import type { Locale } from './locale.js';
import type { PlanView } from './view.js';

/**
 * docx … md: the annexes; document-docx and document-html: the whole document (header, sections,
 * signature, recipients) with its annexes after it.
 */
export const EXPORT_FORMATS = ['docx', 'xlsx', 'csv', 'html', 'md', 'document-docx', 'document-html'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

export function isExportFormat(v: unknown): v is ExportFormat {
    return typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);
}

/** How a number cell is written in a CSV file. */
export const CSV_NUMBER_STYLES = ['plain', 'printed'] as const;
export type CsvNumberStyle = typeof CSV_NUMBER_STYLES[number];

/** The field separators a CSV file may use. */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = typeof CSV_SEPARATORS[number];

export interface CsvOptions {
    /**
     * plain (the default): 29822, 3.17, 2025, read alike by every program whatever its locale;
     * printed: as the annex prints them, 29.822 and 3,17.
     */
    numbers?: CsvNumberStyle;
    /** ',' (RFC 4180, the default) or ';', the list separator Excel expects under Vietnamese regional settings. */
    separator?: CsvSeparator;
}

export interface ExportOptions {
    csv?: CsvOptions;
    /**
     * Export the plan's findings with the annexes (the review sheet): a `<plan>-phat-hien.csv` beside
     * the CSV files, a sheet of the workbook, `<plan>-phat-hien.docx` / `.html` beside the DOCX / HTML.
     * Off by default.
     */
    findings?: boolean;
    /**
     * The findings where they stand in the text (`plan export --findings comments`): the document-docx
     * export writes them as Word comments anchored on their paragraphs, the document-html export as
     * marks with the message. Off by default: the document is then clean.
     */
    findingsInText?: boolean;
    /** The language of the review sheet's headings (the findings' messages come as the checker said them). */
    locale?: Locale;
}

/** One file of an export: a plain file name (no folder) and its bytes. */
export interface ExportFile { name: string; data: Uint8Array }

/** How the files are named: after `baseName` (the plan file's name, without .plan), else the plan's id. */
export interface ExportOptions { baseName?: string }

/** The exporters' entry point (language-server/src/export), loaded by the extension from its own bundle. */
export type RenderExport = (view: PlanView, format: ExportFormat, options?: ExportOptions) => Promise<{ files: ExportFile[] }>;
