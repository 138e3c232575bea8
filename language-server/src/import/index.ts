// The import's entry points: a source document (read at the edge by read/) or a grid becomes plan
// text — a whole plan, or declarations and tables to put into one — with what could not be placed.
import type { LangiumDocument } from 'langium';
import { said, say, type Said } from '../../../common/catalogue.js';
import type { Locale } from '../../../common/locale.js';
import type { NumberStyle } from '../../../common/numbers.js';
import { IMPORT_NOTES, IMPORT_PROBLEMS } from '../../../common/words/import-table.js';
import type { PlanServices } from '../plan-module.js';
import type { PlanModel } from '../model/types.js';
import { formatPlanFragment, formatPlanText } from './format.js';
import type { Grid, SourceDocument } from './grid.js';
import { ImportError } from './limits.js';
import { comment, freshId, quote } from './plan-text.js';
import { printTable, printUnits } from './print.js';
import { importEnv, type ImportEnv } from './env.js';
import { looksLikeIndicatorTable, printIndicatorTable, readIndicatorGrid } from './indicator-table.js';
import { captionOf, captionOfTitleRows, recogniseGrid, writesPlainNumbers, type AroundTable } from './recognise.js';
import { looksLikeTaskTable, printTaskTable, readTaskGrid } from './task-table.js';
import { importWholeDocument } from './whole.js';
import type { GuessedYear, ImportContext, ImportProblem, ImportResult } from './table.js';

/** What a plan declares, for matching the imported rows and making ids that do not collide. */
export function importContextOf(model: PlanModel | undefined, text: string | undefined, locale: Locale, numberStyle?: NumberStyle): ImportContext {
    const usedIds = new Set<string>(text ? text.match(/[_a-zA-Z][\w-]*/g) ?? [] : []);
    return {
        numberStyle: numberStyle ?? model?.numberStyle ?? 'vi',
        locale,
        units: (model?.districts ?? []).map(d => ({ id: d.id, label: d.name, fullName: d.fullName, level: d.level, kind: d.kind })),
        agencies: (model?.agencies ?? []).map(a => ({ id: a.id, names: [a.name, ...a.shortNames, ...a.aliases] })),
        usedIds
    };
}

/** The context of an open plan document, from its model. */
export function importContextOfDocument(services: PlanServices, document: LangiumDocument | undefined, locale: Locale, numberStyle?: NumberStyle): ImportContext {
    if (!document) return importContextOf(undefined, undefined, locale, numberStyle);
    return importContextOf(services.plan.Models.get(document as never), document.textDocument.getText(), locale, numberStyle);
}

/** One grid of figures by unit as plan text: the new units' declarations and the table. */
export function importGrid(
    grid: Grid, context: ImportContext, plainNumbers = false, fallbackTitle = grid.name, around?: AroundTable
): { declarations: string; tables: string; problems: ImportProblem[]; guessedYears?: GuessedYear[] } | { failure: Said } {
    const table = recogniseGrid(grid, context, plainNumbers, around);
    if ('failure' in table) return { failure: table.failure };
    table.title ??= fallbackTitle;
    const id = freshId(table.annex ? `phu luc ${table.annex}` : table.title, context.usedIds, 'snake', 'bang');
    return { declarations: printUnits(table.newUnits, context.locale), tables: printTable(table, id, context.locale), problems: table.problems, guessedYears: table.guessedYears };
}

/** A grid's plan text: now (a table of units), or once every grid is read (annexes naming agencies). */
type Imported = { declarations: string; tables: string | (() => string); problems: ImportProblem[]; guessedYears?: GuessedYear[] };

/**
 * A grid of any shape the language has: the indicators of the deprivation dimensions (Annex 02's
 * shape), policy tasks (Annex 03's), else figures by unit (Annex 01's). The annexes that name agencies
 * share one book of them (`env`), so that an agency met in two annexes under two wordings is declared
 * once with both; their text is printed when the book is complete.
 */
function importAnyGrid(
    grid: Grid, context: ImportContext, env: ImportEnv, plainNumbers: boolean, fallbackTitle: string, around?: AroundTable
): Imported | { failure: Said } {
    // A sheet prints its annex and title in rows of its own above the table; a Word table has them in paragraphs.
    const captioned: Grid = grid.caption ? grid : { ...grid, caption: captionOfTitleRows(grid) ?? captionOfParagraphs(around) };
    if (looksLikeIndicatorTable(captioned)) {
        const read = readIndicatorGrid(captioned, env);
        if (read) return { declarations: '', tables: () => printIndicatorTable(read, env), problems: [] };
    }
    if (looksLikeTaskTable(captioned)) {
        const read = readTaskGrid(captioned, env);
        if (read) return { declarations: '', tables: () => printTaskTable(read, env), problems: [] };
    }
    const imported = importGrid(grid, context, plainNumbers, fallbackTitle, around);
    for (const id of context.usedIds) env.ids.reserve(id);
    return imported;
}

function captionOfParagraphs(around: AroundTable | undefined): Grid['caption'] {
    if (!around) return undefined;
    const { annex, heading, title } = captionOf(around.above);
    return annex || title ? { annex, heading, title } : undefined;
}

/**
 * A whole plan from a Word document: its header, sections, tasks and annexes, the tables of units
 * through the recogniser above; laid out by the formatter.
 */
export async function importWhole(services: PlanServices, source: SourceDocument, context: ImportContext): Promise<ImportResult> {
    const result = importWholeDocument(source, context, {
        unitGrid: (grid, ctx) => {
            const imported = importGrid(grid, ctx, false, grid.caption?.title ?? grid.name);
            return 'failure' in imported ? undefined : imported;
        }
    });
    return { ...result, text: await formatPlanText(services, result.text) };
}

export interface ImportOptions {
    /** Only the sheet of this name (XLSX). */
    sheet?: string;
    /** Only the table with this index, from 1 (DOCX, or a sheet's index). */
    table?: number;
}

/** The grids an import takes: all, the named sheet, or the numbered table. */
function chosenGrids(source: SourceDocument, options: ImportOptions): Grid[] {
    if (options.sheet !== undefined) {
        const grid = source.grids.find(g => g.name === options.sheet);
        if (!grid) throw new ImportError(said(IMPORT_PROBLEMS.noSuchSheet, { name: options.sheet, sheets: source.grids.map(g => `"${g.name}"`).join(', ') }));
        return [grid];
    }
    if (options.table !== undefined) {
        const grid = source.grids.find(g => g.index === options.table);
        if (!grid) throw new ImportError(said(IMPORT_PROBLEMS.noSuchGrid, { index: options.table, count: source.grids.length }));
        return [grid];
    }
    return source.grids;
}

/**
 * The tables of a source document as plan text. Stand-alone (`into` false): a whole plan with its
 * `plan` line and number style; otherwise the declarations and tables apart, for insertImport.
 * Throws ImportError when no grid holds a table of figures by unit.
 */
export async function importSource(services: PlanServices, source: SourceDocument, context: ImportContext, options: ImportOptions & { into?: boolean } = {}): Promise<ImportResult> {
    const grids = chosenGrids(source, options);
    // The plan's own id first, so that a table named after the file does not take it.
    const planId = options.into ? '' : freshId(stem(source.name), context.usedIds, 'snake', 'ke_hoach');
    const plain = (source.format === 'csv' || source.format === 'tsv') && context.numberStyle === 'vi' && writesPlainNumbers(grids);
    const declarations: string[] = [];
    const printed: (string | (() => string))[] = [];
    const problems: ImportProblem[] = [];
    const guessedYears: GuessedYear[] = [];
    const env = importEnv(context);
    for (const grid of grids) {
        // A lone CSV or Word table without a title is named after its file; a sheet after itself.
        const fallback = grid.addressing === 'sheet' && source.format === 'xlsx' ? grid.name : stem(source.name) + (grids.length > 1 ? ` ${grid.index}` : '');
        const imported = importAnyGrid(grid, context, env, plain, fallback, aroundTable(source, grid));
        if ('failure' in imported) {
            if (grids.length === 1) throw new ImportError(imported.failure);
            problems.push({ at: grid.name, said: said(IMPORT_PROBLEMS.gridSkipped, { grid: grid.name }), severity: 'warning' });
            continue;
        }
        if (imported.declarations) declarations.push(imported.declarations);
        printed.push(imported.tables);
        problems.push(...imported.problems);
        for (const g of imported.guessedYears ?? []) if (!guessedYears.some(x => x.year === g.year)) guessedYears.push(g);
    }
    if (printed.length === 0) throw new ImportError(said(IMPORT_PROBLEMS.noTable, { grid: source.name }));
    env.agencies.finish();
    const tables = printed.map(t => (typeof t === 'string' ? t : t()));
    if (env.agencies.newCount > 0) declarations.unshift(env.agencies.declarations());
    problems.push(...env.problems);
    for (const id of env.ids.usedIds()) context.usedIds.add(id);
    const where = grids.length === 1
        ? say(source.format === 'xlsx' ? IMPORT_NOTES.sheet : IMPORT_NOTES.table, context.locale, { name: grids[0].name, index: grids[0].index })
        : source.format;
    const header = [comment(say(IMPORT_NOTES.source, context.locale, { file: source.name, where }))];
    if (plain) header.push(comment(say(IMPORT_NOTES.plainNumbers, context.locale, { style: context.numberStyle })));
    const declarationText = declarations.join('\n');
    const tableText = [...header, ...tables].join('\n\n');
    if (options.into) {
        // Laid out apart: the plan they go into keeps its own bytes.
        const [laidDeclarations, laidTables] = await Promise.all([declarationText, tableText].map(async t => t ? formatPlanFragment(services, t) : ''));
        return { text: [laidDeclarations, laidTables].filter(Boolean).join('\n'), declarations: laidDeclarations, tables: laidTables, problems, guessedYears };
    }
    const title = stem(source.name);
    const text = [
        ...header,
        `plan ${planId} ${quote(title)}`,
        `number-style ${context.numberStyle}`,
        declarationText,
        tables.join('\n\n')
    ].filter(Boolean).join('\n\n') + '\n';
    return { text: await formatPlanText(services, text), problems, guessedYears };
}

/** A file's name without its folder and extension. */
function stem(name: string): string {
    return name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/**
 * The paragraphs of a Word document around one of its tables: up to four short ones above it since
 * the table before (its "Phụ lục", title, unit line), and the notes right below it.
 */
function aroundTable(source: SourceDocument, grid: Grid): AroundTable | undefined {
    const blocks = source.blocks;
    if (!blocks) return undefined;
    const at = blocks.findIndex(b => b.kind === 'table' && b.grid === grid.index);
    if (at < 0) return undefined;
    const above: string[] = [];
    for (let i = at - 1; i >= 0 && above.length < 4; i--) {
        const b = blocks[i];
        if (b.kind === 'table') break;
        if (b.text.trim() === '') continue;
        if (b.text.length > 200) break;
        above.unshift(b.text);
    }
    const below: string[] = [];
    for (let i = at + 1; i < blocks.length; i++) {
        const b = blocks[i];
        if (b.kind === 'table' || !/^\s*(ghi chú|nguồn|\*)/iu.test(b.text)) break;
        below.push(b.text);
    }
    return { above, below };
}
