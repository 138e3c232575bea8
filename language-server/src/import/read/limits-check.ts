// The limits every reader applies to a grid before it builds it, with the place named; and the one
// way a reader makes its ImportError (the catalogue's entry, its message filled in English for logs).
import { said, say, type Args, type Said, type Words } from '../../../../common/catalogue.js';
import { IMPORT_ERRORS } from '../../../../common/words/import.js';
import { ImportError, type ImportLimits } from '../limits.js';

/** An ImportError saying an entry of IMPORT_ERRORS with its arguments (the place among them). */
export function importError(words: Words, args: Args): ImportError {
    return new ImportError(said(words, args), say(words, 'en', args));
}

/** Refuses a grid of more rows or cells than the limits allow (before its rows are allocated). */
export function checkGridSize(rows: number, columns: number, file: string, place: string | Said, limits: ImportLimits): void {
    if (rows > limits.maxRows) throw importError(IMPORT_ERRORS.tooManyRows, { file, place, rows, limit: limits.maxRows });
    const cells = rows * columns;
    if (cells > limits.maxCells) throw importError(IMPORT_ERRORS.tooManyCells, { file, place, cells, limit: limits.maxCells });
}

/** Refuses a file of more tables or sheets than the limits allow. */
export function checkGridCount(count: number, file: string, limits: ImportLimits): void {
    if (count > limits.maxGrids) throw importError(IMPORT_ERRORS.tooManyGrids, { file, count, limit: limits.maxGrids });
}
