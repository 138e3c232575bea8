// Declarations that cannot mean anything (issue 21): a column defined through itself, directly
// (`rate-of r per r`) or through others (`a` the sum of `b` and `b` the sum of `a`, a flow whose
// year's terms come back to it), and a plan `part-of` itself or part of a cycle of plans. Found once
// when the model is built, so that no check, hover or export ever follows such a definition: the
// model keeps it apart (ColumnModel.circular), and nothing computes with it.
import type { ColumnDefinitionModel, ColumnModel, Measure } from './types.js';

/** The columns a definition reads in the same row and year (a flow's own last year is not one). */
export function definitionReads(d: ColumnDefinitionModel | undefined): Measure[] {
    if (!d) return [];
    switch (d.kind) {
        case 'rate': return [d.count, d.base];
        case 'sum': return d.parts.slice();
        case 'flow': return d.terms.map(t => t.column);
        // A change reads its column in another year: a change of itself would compare it with itself.
        case 'change': return [d.column];
    }
}

/**
 * For each column whose definition leads back to itself, one such way round, from the column to
 * itself ("r → r", "a → b → a"). Breadth first from each column over the definitions: a number of
 * steps bounded by the columns and their references, whatever the graph (no recursion, no loop
 * that a cycle could keep going).
 */
export function definitionCycles(columns: Record<Measure, ColumnModel>): Map<Measure, Measure[]> {
    const reads = new Map<Measure, Measure[]>();
    for (const [id, c] of Object.entries(columns)) reads.set(id, definitionReads(c.definition).filter(m => Object.hasOwn(columns, m)));
    const cycles = new Map<Measure, Measure[]>();
    for (const start of reads.keys()) {
        const cameFrom = new Map<Measure, Measure>();
        const queue: Measure[] = [];
        for (const next of reads.get(start)!) {
            if (!cameFrom.has(next)) { cameFrom.set(next, start); queue.push(next); }
        }
        for (let i = 0; i < queue.length && !cameFrom.has(start); i++) {
            for (const next of reads.get(queue[i]) ?? []) {
                if (cameFrom.has(next)) continue;
                cameFrom.set(next, queue[i]);
                queue.push(next);
            }
        }
        if (!cameFrom.has(start)) continue;
        // Back from start along the breadth-first tree (every step nearer its root, start), then turned round.
        const back: Measure[] = [start];
        for (let at = cameFrom.get(start)!; at !== start; at = cameFrom.get(at)!) back.push(at);
        back.push(start);
        cycles.set(start, back.reverse());
    }
    return cycles;
}

/**
 * The columns with every definition that runs through itself set apart: such a column keeps its
 * declaration and its way round (`circular`) but no `definition`. A predeclared column caught in
 * a table's cycle (multidim, through a declared `poor`) is copied, never changed in place.
 */
export function setCircularApart(columns: Record<Measure, ColumnModel>): void {
    const cycles = definitionCycles(columns);
    for (const [id, cycle] of cycles) {
        const c = columns[id];
        if (!c.definition) continue;
        columns[id] = { ...c, definition: undefined, circular: { definition: c.definition, cycle } };
    }
}

/** A plan node as far as `part-of` goes: its id and the plan it names, when that is found. */
export interface PartOfNode { readonly name?: string; readonly parent?: { readonly ref?: PartOfNode } }

/**
 * The ids of the plans from this one back to itself along `part-of` ("a → a", "a → b → a"), when
 * this plan is part of itself: the chain comes back to it, or to a plan of its own id (another file
 * declaring the same id is found first when both are open). Undefined otherwise, also when a plan it
 * is part of is caught in a cycle without it: that plan's own error says so. Each plan is visited once.
 */
export function partOfCycle(root: PartOfNode): string[] | undefined {
    const seen = new Set<PartOfNode>([root]);
    const ids = [root.name ?? ''];
    for (let at = root.parent?.ref; at; at = at.parent?.ref) {
        if (at === root || (root.name && at.name === root.name)) return [...ids, root.name ?? ''];
        if (seen.has(at)) return undefined;
        seen.add(at);
        ids.push(at.name ?? '');
    }
    return undefined;
}
