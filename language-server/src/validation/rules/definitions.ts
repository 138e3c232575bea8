// Declarations that cannot mean anything (issue 21): a column defined through itself and a plan part
// of itself, each an error at its declaration. The model has already set such a definition apart
// (model/definitions.ts), so every check that would have used it is skipped: said once per table and
// column the table prints, as an info, instead of keeping quiet.
import type { Rule } from '../rule.js';

/** A column whose definition leads back to itself: an error at its declaration, and a note where the table prints it. */
export const columnsDefinedThroughOthers: Rule = ctx => {
    const declared = new Set<string>();
    for (const table of ctx.model.tables) {
        for (const column of Object.values(table.columnsById)) {
            const circular = column.circular;
            if (!circular) continue;
            const cycle = circular.cycle.join(' → ');
            // A declaration is reported once, however many columns' ways round pass through it.
            const at = column.range;
            const key = at ? `${at.start.line}:${at.start.character}` : undefined;
            if (!column.predeclared && at && key && !declared.has(key)) {
                declared.add(key);
                ctx.report('column-defined-through-itself', at, { column: ctx.measure(column.id, table), cycle });
            }
            if (table.columns.includes(column.id)) {
                ctx.report('unchecked-definition', table.nameRange, { column: ctx.measure(column.id, table), table: table.id, cycle });
            }
        }
    }
};

/** A plan part of itself, directly or through other plans: an error at its `part-of`. */
export const partOfAbove: Rule = ctx => {
    const cycle = ctx.model.partOfCycle;
    if (!cycle || !ctx.model.parent) return;
    ctx.report('part-of-itself', ctx.model.parent.range, { plan: ctx.model.id, cycle: cycle.join(' → '), length: cycle.length - 1 });
};
