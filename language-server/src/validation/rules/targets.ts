// Trajectory and target rules: plan values move in the indicator's direction; each target sentence
// holds for the value the plan gives that year.
import type { ComparisonModel, IndicatorModel, IndicatorValueModel } from '../../model/types.js';
import type { Rule, RuleContext } from '../rule.js';
import { DIRECTIONS } from '../../../../common/words/kinds.js';
import { FINDING_WORDS } from '../../../../common/words/rules.js';

/** The values that describe where the indicator is planned to go: baseline/results, then plans. */
function trajectory(indicator: IndicatorModel, standardId: string | undefined): IndicatorValueModel[] {
    return indicator.values
        // A value whose year cannot be read (year-malformed) has no place on the path.
        .filter(v => v.kind !== 'actual' && !Number.isNaN(v.year) && v.value.value !== undefined && (v.standardId ?? undefined) === standardId)
        .sort((a, b) => a.year - b.year);
}

function worse(direction: 'lower' | 'higher', from: number, to: number): boolean {
    return direction === 'lower' ? to > from + 1e-9 : to < from - 1e-9;
}

export const movesInDirection: Rule = ctx => {
    for (const indicator of ctx.model.indicators) {
        const direction = indicator.direction;
        if (!direction) continue;
        const standards = new Set(indicator.values.map(v => v.standardId));
        for (const standard of standards) {
            const path = trajectory(indicator, standard);
            const baseline = path.find(v => v.kind === 'baseline') ?? path.find(v => v.kind === 'result');
            for (let i = 1; i < path.length; i++) {
                const to = path[i];
                if (to.kind !== 'plan') continue;
                const prev = path[i - 1];
                const from = worse(direction, prev.value.value!, to.value.value!) ? prev
                    : baseline && baseline !== prev && baseline.year < to.year && worse(direction, baseline.value.value!, to.value.value!) ? baseline
                    : undefined;
                if (!from) continue;
                ctx.report('wrong-direction', to.value.range, {
                    name: indicator.name.length > 70 ? indicator.name.slice(0, 69) + '…' : indicator.name,
                    direction: ctx.say(direction === 'lower' ? DIRECTIONS.lower : DIRECTIONS.higher),
                    fromValue: from.value.printed, fromYear: from.year, toValue: to.value.printed, toYear: to.year
                });
            }
        }
    }
};

function valueFor(indicator: IndicatorModel, year: number, standardId: string | undefined): IndicatorValueModel | undefined {
    const candidates = indicator.values.filter(v => v.year === year && v.value.value !== undefined
        && (standardId === undefined || v.standardId === undefined || v.standardId === standardId));
    return candidates.find(v => v.kind === 'plan') ?? candidates.find(v => v.kind === 'result' || v.kind === 'baseline') ?? candidates[0];
}

/** Half a unit of the last printed decimal: what rounding alone can explain. */
function roundingSlack(decimals: number): number {
    return 0.5 * 10 ** -decimals + 1e-9;
}

function holds(ctx: RuleContext, c: ComparisonModel, actual: number, base: number | undefined): boolean | undefined {
    const x = c.value?.value;
    if (c.change) {
        if (base === undefined) return undefined;
        const delta = c.change === 'down-by' ? base - actual : actual - base;
        if (c.low?.value !== undefined && c.high?.value !== undefined) {
            const slack = roundingSlack(Math.max(c.low.decimals, c.high.decimals));
            return delta >= c.low.value - slack && delta <= c.high.value + slack;
        }
        return x === undefined ? undefined : delta >= x - roundingSlack(c.value!.decimals);
    }
    switch (c.op) {
        case 'below': return x === undefined ? undefined : actual < x;
        case 'at-most': return x === undefined ? undefined : actual <= x + 1e-9;
        case 'above': return x === undefined ? undefined : actual > x;
        case 'at-least': return x === undefined ? undefined : actual >= x - 1e-9;
        case 'equal': return x === undefined ? undefined : Math.abs(actual - x) < 1e-9;
        case 'about': {
            if (x === undefined) return undefined;
            const tolerance = c.tolerance?.value ?? Math.max(Math.abs(x) * ctx.options.aboutRelativeTolerance, roundingSlack(c.value!.decimals));
            return Math.abs(actual - x) <= tolerance + 1e-9;
        }
        case 'between':
            return c.low?.value === undefined || c.high?.value === undefined ? undefined
                : actual >= c.low.value - 1e-9 && actual <= c.high.value + 1e-9;
    }
}

/** Whether a sentence prints a number as a whole: "dưới 15%" does not mention 5, nor "năm 2025" 25. */
function mentions(text: string, printed: string): boolean {
    const escaped = printed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\d.,])${escaped}(?![\\d]|[.,]\\d)`).test(text);
}

/**
 * A strict target ("dưới 9") that the figure only equals: the quick fixes make the comparison
 * inclusive or move the figure one unit of its last decimal (0,1 for a whole percentage). A figure
 * read from a table is not offered: moving it would break the table's own sums.
 */
function strictMiss(ctx: RuleContext, indicator: IndicatorModel, c: ComparisonModel, actual: IndicatorValueModel): Record<string, unknown> | undefined {
    const x = c.value?.value;
    if (c.change || (c.op !== 'below' && c.op !== 'above') || x === undefined || Math.abs(actual.value.value! - x) >= 1e-9) return undefined;
    const percent = indicator.unitKind === 'percent' || indicator.unitKind === 'points';
    const decimals = Math.max(c.value!.decimals, actual.value.decimals, percent ? 1 : 0);
    const moved = x + (c.op === 'below' ? -1 : 1) * 10 ** -decimals;
    const fits = !actual.fromTable && !(indicator.unitKind === 'percent' && (moved < 0 || moved > 100));
    return { strictEqual: true, figure: fits ? { range: actual.value.range, replacement: ctx.fmt(moved, decimals), year: actual.year } : undefined };
}

export const targetsHold: Rule = ctx => {
    const indicators = new Map(ctx.model.indicators.map(i => [i.id, i]));
    for (const target of ctx.model.targets) {
        const indicator = indicators.get(target.indicator.id);
        const c = target.comparison;
        if (!indicator || !c || Number.isNaN(target.year)) continue;
        const actual = valueFor(indicator, target.year, target.standardId);
        if (actual?.value.value === undefined) continue;
        const baseYear = c.fromYear ?? target.year - 1;
        const base = c.change ? valueFor(indicator, baseYear, target.standardId)?.value.value : undefined;
        const ok = holds(ctx, c, actual.value.value, base);
        if (ok === false) {
            // For a change ("giảm 2,3 điểm") the reviewer needs the change the figures make, not the level.
            const shown = c.change && base !== undefined
                ? ctx.say(FINDING_WORDS.changeFrom, {
                    value: actual.value.printed, change: actual.value.value < base ? 'down' : 'up', by: ctx.fmtUpTo(Math.abs(base - actual.value.value), 2), year: baseYear
                })
                : actual.value.printed;
            ctx.report('target-not-met', c.range, { target: target.text ?? target.id, year: target.year, actual: shown }, strictMiss(ctx, indicator, c, actual));
        }
        if (target.text) {
            const printed = [c.value, c.low, c.high].filter(n => n !== undefined).map(n => n.printed);
            const missing = printed.find(p => !mentions(target.text!, p));
            if (missing) ctx.report('target-text-differs', c.range, { value: missing });
        }
        if (indicator.unitKind === 'percent' && !c.change) {
            for (const n of [c.value, c.low, c.high]) {
                if (n?.value !== undefined && (n.value < 0 || n.value > 100)) {
                    ctx.report('target-unit-mismatch', n.range, { name: indicator.name, value: n.printed });
                }
            }
        }
    }
};
