// Numbered lists run without gaps: table rows (STT), policy tasks, section V duties, solution groups.
import type { PrintedNumber, SolutionGroupModel, SourceRange } from '../../model/types.js';
import type { Rule, RuleContext } from '../rule.js';

interface Numbered { label: string; range: SourceRange }

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Whether a label is digits only (a row's STT: thousands of them in a national table, checked on every keystroke). */
function isDigits(label: string): boolean {
    if (label.length === 0) return false;
    for (let i = 0; i < label.length; i++) {
        const c = label.charCodeAt(i);
        if (c < 0x30 || c > 0x39) return false;
    }
    return true;
}

/** The position of a list label in its own scheme: 1, a, I. */
function ordinal(label: string): { scheme: string; n: number } | undefined {
    if (isDigits(label)) return { scheme: 'arabic', n: Number(label) };
    const roman = ROMAN.indexOf(label);
    if (roman >= 0) return { scheme: 'roman', n: roman + 1 };
    if (/^[a-z]$/.test(label)) return { scheme: 'letter', n: LETTERS.indexOf(label) + 1 };
    return undefined;
}

function label(scheme: string, n: number): string {
    return scheme === 'arabic' ? String(n) : scheme === 'roman' ? ROMAN[n - 1] ?? String(n) : LETTERS[n - 1] ?? String(n);
}

/** The new labels of an item and the ones after it in the same scheme, for the renumbering quick fix. */
function renumbering(items: Numbered[], from: number, scheme: string, first: number): { range: SourceRange; label: string }[] {
    const out: { range: SourceRange; label: string }[] = [];
    for (let i = from, n = first; i < items.length && ordinal(items[i].label)?.scheme === scheme; i++, n++) {
        const wanted = label(scheme, n);
        if (wanted !== items[i].label) out.push({ range: items[i].range, label: wanted });
    }
    return out;
}

function checkList(ctx: RuleContext, items: Numbered[]): void {
    let previous: { scheme: string; n: number; label: string } | undefined;
    for (const [index, item] of items.entries()) {
        const o = ordinal(item.label);
        if (!o) { previous = undefined; continue; }
        if (previous && previous.scheme === o.scheme && o.n !== previous.n + 1) {
            ctx.report('numbering-gap', item.range, { previous: previous.label, found: item.label, expected: label(o.scheme, previous.n + 1) },
                { renumber: renumbering(items, index, o.scheme, previous.n + 1) });
        }
        previous = { ...o, label: item.label };
    }
}

// The range is made when a finding asks for it: a national table has thousands of numbered rows.
const fromNumber = (n: PrintedNumber | undefined): Numbered | undefined => (n ? { label: n.printed, get range() { return n.range; } } : undefined);

function groups(ctx: RuleContext, list: SolutionGroupModel[]): void {
    checkList(ctx, list.map(g => ({ label: g.label, range: g.labelRange })));
    for (const g of list) groups(ctx, g.groups);
}

export const continuousNumbering: Rule = ctx => {
    for (const table of ctx.model.tables) {
        for (const section of table.sections) checkList(ctx, section.rows.map(r => fromNumber(r.no)).filter((x): x is Numbered => !!x));
    }
    for (const list of ctx.model.taskLists) checkList(ctx, list.tasks.map(t => ({ label: t.no.printed, range: t.no.range })));
    for (const list of ctx.model.dutyLists) checkList(ctx, list.items.map(i => ({ label: i.no.printed, range: i.no.range })));
    for (const section of ctx.model.solutionSections) groups(ctx, section.groups);
};
