// Year rules: the period runs forward, plan and target years lie in the period (or the orientation
// year), baselines come first, deadlines fall within the plan, no year is given twice.
import type { Rule, RuleContext } from '../rule.js';
import { FINDING_WORDS } from '../../../../common/words/rules.js';
import type { SourceRange } from '../../model/types.js';

function inPlanYears(ctx: RuleContext, year: number, range: SourceRange): void {
    const { period, orientationYear } = ctx.model.header;
    if (!period || Number.isNaN(year)) return;
    if (year >= period.from && year <= period.to) return;
    if (orientationYear && year === orientationYear.year) return;
    ctx.report('year-outside-period', range, { year, from: period.from, to: period.to, orientation: orientationYear?.year ?? '' });
}

export const periodForward: Rule = ctx => {
    const period = ctx.model.header.period;
    if (period && period.from > period.to) ctx.report('period-reversed', period.range, { from: period.from, to: period.to });
};

export const indicatorYears: Rule = ctx => {
    for (const indicator of ctx.model.indicators) {
        const seen = new Set<string>();
        const own = indicator.values.filter(v => !v.fromTable);
        const planYears = own.filter(v => v.kind === 'plan').map(v => v.year);
        for (const v of own) {
            const key = `${v.kind}|${v.year}|${v.standardId ?? ''}`;
            if (seen.has(key)) ctx.report('duplicate-year', v.yearRange, { year: v.year, where: ctx.say(FINDING_WORDS.inIndicator, { id: indicator.id }) });
            seen.add(key);
            if (v.kind === 'plan') inPlanYears(ctx, v.year, v.yearRange);
            if (v.kind === 'baseline') {
                const notAfter = planYears.find(y => y <= v.year);
                if (notAfter !== undefined) ctx.report('baseline-not-before-targets', v.yearRange, { baseline: v.year, year: notAfter });
            }
        }
    }
};

export const targetYears: Rule = ctx => {
    for (const target of ctx.model.targets) inPlanYears(ctx, target.year, target.yearRange);
    for (const table of ctx.model.tables) {
        for (const y of table.years) if (y.kind === 'plan') inPlanYears(ctx, y.year, y.range);
    }
};

export const taskDeadlines: Rule = ctx => {
    const period = ctx.model.header.period;
    if (!period) return;
    for (const list of ctx.model.taskLists) {
        for (const task of list.tasks) {
            if (task.submitYear === undefined || !task.submitRange) continue;
            if (task.submitYear < period.from || task.submitYear > period.to) {
                ctx.report('deadline-outside-period', task.submitRange, { year: task.submitYear, from: period.from, to: period.to });
            }
        }
    }
};
