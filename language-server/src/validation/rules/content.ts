// Content rules: what a plan declares reaches an output, and no placeholder is left in. A newcomer's
// indicator written at top level, with values and a target, appeared in no annex and no chart and
// nothing said so; the "declare agency" fix's "…" was printed as the lead in the annex (issue 12).
import type { Rule } from '../rule.js';
import { KINDS } from '../../../../common/words/kinds.js';

/**
 * Text that stands for what is still to be written: "…", "...", "?", TODO, TBD, XXX, <…>. Not an
 * empty name: that is what a half-typed line leaves after a syntax error, reported there.
 */
export function isPlaceholder(text: string | undefined): boolean {
    if (text === undefined) return false;
    const t = text.trim();
    return t !== '' && (/^(…|\.{2,}|\?+|-+|_+)$/.test(t) || /^(todo|tbd|xxx|fixme)\b/i.test(t) || /^<[^>]*>$/.test(t));
}

/** An indicator outside every dimension, not computed from a table: no annex and no chart shows it. */
export const contentShown: Rule = ctx => {
    for (const indicator of ctx.model.indicators) {
        if (indicator.dimensionId || indicator.computed) continue;
        const targets = ctx.model.targets.some(t => t.indicator.id === indicator.id);
        ctx.report('not-shown', indicator.nameRange, { name: indicator.name, targets: targets ? 'some' : 'none' }, { indicator: indicator.id, dimensions: ctx.model.dimensions.map(d => d.id) });
    }
};

/**
 * Names and titles that are still placeholders: they are printed in the annexes. (A target's sentence
 * "…" is the template's guide to what is still to be written, and appears in no annex.)
 */
export const noPlaceholders: Rule = ctx => {
    const m = ctx.model;
    // The range is asked only of a placeholder: a unit computes its range when asked, and there are thousands.
    const check = (text: string | undefined, kind: keyof typeof KINDS, id: string, range: () => Parameters<typeof ctx.report>[1]) => {
        if (isPlaceholder(text)) ctx.report('placeholder-text', range(), { kind: ctx.say(KINDS[kind]), id, text: text ?? '' });
    };
    for (const a of m.agencies) check(a.name, 'Agency', a.id, () => a.range);
    for (const d of m.districts) check(d.name, 'District', d.id, () => d.range);
    for (const i of m.indicators) check(i.name, 'Indicator', i.id, () => i.range);
    for (const t of m.tables) check(t.title, 'DistrictTable', t.id, () => t.nameRange);
};
