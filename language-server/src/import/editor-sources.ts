// The editor's two ways in, on the readers (read/) and the recogniser (index.ts): an office file's
// bytes, and a clipboard's flavours, to plan text. A file with several tables, none of them named, is
// a choice the editor asks the user for (an ImportError carrying the choices) rather than a guess.
import { said, say } from '../../../common/catalogue.js';
import type { Locale } from '../../../common/locale.js';
import { IMPORT_EDITOR_WORDS as W } from '../../../common/words/import-editor.js';
import { IMPORT_PLACES } from '../../../common/words/import.js';
import type { PlanServices } from '../plan-module.js';
import type { SourceDocument } from './grid.js';
import { importSource, importWhole } from './index.js';
import { ImportError } from './limits.js';
import { readClipboard, readSource } from './read/index.js';
import type { ImportContext, ImportResult } from './table.js';

export interface EditorImportOptions {
    /** The sheet (XLSX) or the table (from 1) to import. */
    sheet?: string;
    table?: number;
    /** Every table of the file, without asking. */
    all?: boolean;
    /**
     * A plan of its own rather than tables to put into one: for a Word document the whole plan (its
     * header, sections, tasks and annexes), for another file a plan of its tables.
     */
    whole?: boolean;
}

/** An office file's bytes (xlsx, csv, tsv, docx, html) → plan text. Throws ImportError for a file that cannot be imported. */
export async function importFile(services: PlanServices, bytes: Uint8Array, name: string, context: ImportContext, options: EditorImportOptions = {}): Promise<ImportResult> {
    const source = await readSource(bytes, name, { numberStyle: context.numberStyle, sheet: options.sheet, locale: context.locale });
    if (options.whole && source.format === 'docx') return importWhole(services, source, context);
    if (!options.all && !options.whole && options.sheet === undefined && options.table === undefined) askWhenSeveral(source, context.locale);
    return importSource(services, source, context, { into: !options.whole, sheet: options.sheet, table: options.table });
}

/** A clipboard's HTML and/or text flavours → plan text to paste; undefined when they hold no table. */
export async function importClipboard(services: PlanServices, clip: { html?: string; text?: string }, context: ImportContext): Promise<ImportResult | undefined> {
    const source = readClipboard(clip, context.numberStyle, context.locale);
    if (!source) return undefined;
    return importSource(services, source, context, { into: true });
}

/** Several sheets or tables and none named: which one is the user's to say (or all of them). */
function askWhenSeveral(source: SourceDocument, locale: Locale): void {
    if (source.grids.length < 2) return;
    const choices = source.grids.map(g => (g.addressing === 'sheet' ? { sheet: g.name, label: g.name } : { table: g.index, label: g.name }));
    const error = new ImportError(said(W.chooseOne, { file: source.name, count: choices.length, choices: choices.map(c => c.sheet !== undefined ? say(IMPORT_PLACES.sheet, locale, { sheet: c.label }) : say(IMPORT_PLACES.table, locale, { index: c.table })).join(', ') }));
    error.choices = [...choices, { all: true, label: say(W.allTables, locale, { count: choices.length }) }];
    throw error;
}
