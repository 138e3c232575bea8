// Assignment rules: every indicator, solution and task has a lead; every declared agency is given
// something; ids are unique within their kind. (Unknown ids are reported by the linker, at the id.)
import type { AssignmentModel, SolutionGroupModel, SolutionModel, SourceRange } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { KINDS } from '../../../../common/words/kinds.js';
import { FINDING_WORDS } from '../../../../common/words/rules.js';

function clip(text: string, max = 80): string {
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function eachSolution(groups: SolutionGroupModel[], visit: (s: SolutionModel) => void): void {
    for (const g of groups) {
        g.solutions.forEach(visit);
        eachSolution(g.groups, visit);
    }
}

export const leadAssigned: Rule = ctx => {
    for (const indicator of ctx.model.indicators) {
        if (indicator.assignment.leads.length === 0) {
            ctx.report('missing-lead', indicator.nameRange, { what: ctx.say(FINDING_WORDS.theIndicator), name: clip(indicator.name) });
        }
    }
    for (const section of ctx.model.solutionSections) {
        eachSolution(section.groups, s => {
            // Directions to all levels name no unit: an info, and a lead stated for the group holds.
            if (s.assignment.leads.length === 0 && !s.inherited?.leads.length) {
                ctx.report('solution-without-lead', s.range, { what: ctx.say(FINDING_WORDS.theSolution, { path: s.path.join('.') }), name: clip(s.heading) });
            }
        });
    }
    for (const list of ctx.model.taskLists) {
        for (const task of list.tasks) {
            if (task.assignment.leads.length === 0) {
                ctx.report('missing-lead', task.no.range, { what: ctx.say(FINDING_WORDS.theTask, { no: task.no.printed }), name: clip(task.text) });
            }
        }
    }
};

export const agencyUsed: Rule = ctx => {
    const used = new Set<string>();
    const mark = (a: AssignmentModel) => { for (const r of [...a.leads, ...a.coordinates]) used.add(r.id); };
    ctx.model.indicators.forEach(i => mark(i.assignment));
    ctx.model.taskLists.forEach(l => l.tasks.forEach(t => mark(t.assignment)));
    ctx.model.solutionSections.forEach(s => eachSolution(s.groups, x => { mark(x.assignment); if (x.inherited) mark(x.inherited); }));
    ctx.model.dutyLists.forEach(l => l.items.forEach(i => used.add(i.agency.id)));
    ctx.model.funding?.sources.forEach(s => { if (s.via) used.add(s.via.id); });
    for (const agency of ctx.model.agencies) {
        if (!used.has(agency.id)) ctx.report('unused-agency', agency.nameRange, { name: agency.name });
    }
};

/**
 * A wording printed for an agency (`lead NNPTNT as "Sở Nông nghiệp và PTNT"`) is one of its declared
 * names, compared in Unicode's composed form (a paste may decompose "ệ"): an annex never prints a name
 * the plan does not give the agency.
 */
export const agencyWordings: Rule = ctx => {
    const check = (a: AssignmentModel) => {
        for (const r of [...a.leads, ...a.coordinates]) {
            const wording = r.printedAs;
            if (!wording?.names) continue;
            const names = wording.names.map(n => n.normalize('NFC'));
            if (!names.includes(wording.text.normalize('NFC'))) {
                ctx.report('agency-name-unknown', wording.range, { id: r.id, printed: wording.text, names: names.map(n => `"${n}"`).join('; ') }, { names });
            }
        }
    };
    ctx.model.indicators.forEach(i => check(i.assignment));
    ctx.model.taskLists.forEach(l => l.tasks.forEach(t => check(t.assignment)));
    ctx.model.solutionSections.forEach(s => eachGroup(s.groups, g => check(g.assignment), x => check(x.assignment)));
};

function eachGroup(groups: SolutionGroupModel[], group: (g: SolutionGroupModel) => void, solution: (s: SolutionModel) => void): void {
    for (const g of groups) {
        group(g);
        g.solutions.forEach(solution);
        eachGroup(g.groups, group, solution);
    }
}

export const uniqueIds: Rule = ctx => {
    const m = ctx.model;
    const kinds: [string, { id?: string; range: SourceRange; nameRange?: SourceRange }[]][] = [
        [ctx.say(KINDS.Agency), m.agencies],
        [ctx.say(KINDS.District), m.districts],
        [ctx.say(KINDS.Indicator), m.indicators],
        [ctx.say(KINDS.Dimension), m.dimensions],
        [ctx.say(KINDS.Target), m.targets],
        [ctx.say(KINDS.DistrictTable), m.tables],
        [ctx.say(KINDS.Standard), m.standards]
    ];
    for (const [kind, elements] of kinds) {
        // The first of each id, not its range: units compute theirs when asked, and only a duplicate asks.
        const first = new Map<string, { range: SourceRange; nameRange?: SourceRange }>();
        for (const e of elements) {
            if (!e.id) continue;
            const seen = first.get(e.id);
            if (seen) {
                ctx.report('duplicate-id', e.nameRange ?? e.range, { id: e.id, kind, line: seen.range.start.line + 1 })
                    .related = [ctx.place(seen.nameRange ?? seen.range, FINDING_WORDS.relatedFirstDeclared, { id: e.id })];
            } else first.set(e.id, e);
        }
    }
};
