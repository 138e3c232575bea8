// Imported files are untrusted: every reader stays within these bounds and refuses, with one clear
// ImportError, what goes past them (a zip bomb, a sheet of a million rows, an XML entity bomb).
import type { Said } from '../../../common/catalogue.js';

export interface ImportLimits {
    /** Bytes of the file itself (the CLI's --max-size; 32 MB by default). */
    maxFileBytes: number;
    /** Bytes of all parts of a zip (XLSX/DOCX) once inflated, and of any one part. */
    maxInflatedBytes: number;
    maxPartBytes: number;
    /** Entries of a zip. */
    maxZipEntries: number;
    /** Rows and cells of one grid (what a table may have), and the grids of one file. */
    maxRows: number;
    maxCells: number;
    maxGrids: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
    maxFileBytes: 32 * 1024 * 1024,
    maxInflatedBytes: 256 * 1024 * 1024,
    maxPartBytes: 128 * 1024 * 1024,
    maxZipEntries: 2_000,
    maxRows: 100_000,
    maxCells: 2_000_000,
    maxGrids: 500
};

/**
 * Why a file cannot be imported: one line for the user (both languages through the catalogue,
 * common/words/import.ts), with the place when there is one. Nothing is written when this is thrown.
 */
export class ImportError extends Error {
    /**
     * The sheets or tables to choose from, when the file has several and none was named: the editor
     * then asks which (the command's `sheet`/`table`, or `all`). Added for the editor's import.
     */
    choices?: { sheet?: string; table?: number; all?: boolean; label: string }[];

    constructor(readonly said: Said, message?: string) {
        super(message ?? said.words.en);
    }
}
