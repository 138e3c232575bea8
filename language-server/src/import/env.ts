// What the readers of one import share: its context, the comments' language, the ids taken, the
// agencies met, and the problems found.
import { AgencyBook } from './agencies.js';
import { IdMaker, Notes } from './plan-writing.js';
import type { ImportContext, ImportProblem } from './table.js';

export interface ImportEnv {
    context: ImportContext;
    notes: Notes;
    ids: IdMaker;
    agencies: AgencyBook;
    problems: ImportProblem[];
}

/** A fresh environment; the context's used ids are copied, never changed. */
export function importEnv(context: ImportContext): ImportEnv {
    const notes = new Notes(context.locale);
    const ids = new IdMaker(new Set(context.usedIds));
    return { context, notes, ids, agencies: new AgencyBook(context, ids, notes), problems: [] };
}

/**
 * What one grid's import declared, handed on to the next grid of the same file: its agencies (named
 * again, they are the same ones, not a second declaration) and every id it took.
 */
export function handOn(env: ImportEnv, context: ImportContext): void {
    context.agencies.push(...env.agencies.declared());
    for (const id of env.ids.usedIds()) context.usedIds.add(id);
}
