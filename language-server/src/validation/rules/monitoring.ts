// Monitoring rules: a report (a file `report … of <plan> year …`) against the plan it reports on.
// What it reports must be the plan's (its years, indicators, tables and units) and be reported once;
// each target and each planned figure of the reported year is met or not, and before a target's year
// the reported value is on track or off track (model/monitoring.ts). Findings stand at the report's
// figure; each points at the plan's figure it is compared with.
import { compareReport, unitRows, type PlannedComparison, type TargetComparison } from '../../model/monitoring.js';
import type { PlanModel, SourceRange } from '../../model/types.js';
import type { Rule, RuleContext } from '../rule.js';
import { holds } from './targets.js';
import { FINDING_WORDS } from '../../../../common/words/rules.js';

/** The years a plan covers: its period (and orientation year), else every year its tables, indicators and targets name. */
export function planYears(plan: PlanModel): number[] {
    const { period, orientationYear } = plan.header;
    const years = new Set<number>();
    if (period && period.to >= period.from && period.to - period.from <= 50) {
        for (let y = period.from; y <= period.to; y++) years.add(y);
        if (orientationYear) years.add(orientationYear.year);
    } else {
        for (const t of plan.tables) for (const y of t.years) years.add(y.year);
        for (const i of plan.indicators) for (const v of i.values) years.add(v.year);
        for (const t of plan.targets) years.add(t.year);
    }
    return [...years].filter(y => !Number.isNaN(y)).sort((a, b) => a - b);
}

function shown(years: number[]): string {
    if (years.length === 0) return '—';
    const contiguous = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
    return contiguous && years.length > 2 ? `${years[0]}–${years.at(-1)}` : years.join(', ');
}

const short = (name: string) => (name.length > 70 ? name.slice(0, 69) + '…' : name);

/**
 * What a report gives must be the plan's: its year and its tables' actual years among the plan's
 * years, its indicators the plan's own, its tables and their units the plan's; and once.
 */
export const reportCovered: Rule = ctx => {
    const report = ctx.model.report;
    const plan = report?.planModel;
    if (!report || !plan) return;
    const planName = plan.title ?? plan.id;
    const years = planYears(plan);
    const covered = (year: number | undefined, range: SourceRange) => {
        if (year === undefined || Number.isNaN(year) || years.length === 0 || years.includes(year)) return;
        ctx.report('report-year-not-covered', range, { plan: planName, year, years: shown(years) });
    };
    covered(report.year, report.yearRange);
    for (const table of ctx.model.tables) for (const y of table.years) if (y.kind === 'actual') covered(y.year, y.range);

    const own = new Map(plan.indicators.map(i => [i.id, i]));
    const first = new Map<string, SourceRange>();
    for (const a of report.actuals) {
        if (!a.indicator.resolved) continue;   // an unknown id: the linker has said so
        const indicator = own.get(a.indicator.id);
        if (!indicator) {
            ctx.report('report-unknown-indicator', a.indicator.range, { plan: planName, id: a.indicator.id });
            continue;
        }
        const earlier = first.get(indicator.id);
        const twice = (where: string, related?: SourceRange) => {
            const f = ctx.report('report-duplicate-value', a.value.range, { name: short(indicator.name), year: report.year ?? '', where });
            if (related) f.related = [ctx.place(related, FINDING_WORDS.relatedFirstReported)];
        };
        if (earlier) twice(ctx.say(FINDING_WORDS.inActualLines), earlier);
        else first.set(indicator.id, a.value.range);
        // A computed indicator whose table the report also gives, with a figure for the year.
        const table = indicator.computed && ctx.model.tables.find(t => t.id === indicator.computed!.tableId);
        if (!earlier && table && report.year !== undefined) {
            const total = table.total?.years.find(y => y.year === report.year)?.cells.find(c => c.measure === indicator.computed!.measure);
            if (total?.number) twice(ctx.say(FINDING_WORDS.inActualAndTable, { table: table.id }), total.range);
        }
    }

    for (const table of ctx.model.tables) {
        const planTable = plan.tables.find(t => t.id === table.id);
        if (!planTable) {
            ctx.report('report-unknown-table', table.nameRange, { plan: planName, id: table.id });
            continue;
        }
        const units = new Set(unitRows(planTable).map(r => r.district?.id));
        for (const row of unitRows(table)) {
            if (row.district && !units.has(row.district.id)) ctx.report('report-unplanned-unit', row.district.range, { table: planTable.id, unit: row.district.name ?? row.district.id });
        }
    }
};

function plannedFinding(ctx: RuleContext, c: PlannedComparison, planUri: string): void {
    const what = c.tableId
        ? ctx.say(FINDING_WORDS.theCell, { measure: ctx.measure(c.measure ?? ''), unit: c.label, table: c.tableId })
        : ctx.say(FINDING_WORDS.theIndicatorNamed, { name: short(c.label) });
    const f = ctx.report(c.status === 'met' ? 'report-plan-met' : 'report-plan-not-met', c.actual.range,
        { what, year: c.year, actual: c.actual.printed, planned: c.planned.printed }, { status: c.status });
    f.related = [{ ...ctx.place(c.planned.range, FINDING_WORDS.relatedPlanned, { value: c.planned.printed }), uri: planUri }];
}

function targetFinding(ctx: RuleContext, t: TargetComparison, planUri: string): void {
    const target = t.target.text ?? t.target.id;
    const args = { target: short(target), year: t.year, actual: t.actual.printed };
    let f;
    if (t.status === 'met' || t.status === 'not-met') {
        f = ctx.report(t.status === 'met' ? 'report-target-met' : 'report-target-not-met', t.actual.range, args, { status: t.status });
    } else {
        const p = t.path!;
        const decimals = Math.max(t.actual.decimals, p.baseline.decimals);
        f = ctx.report(t.status === 'on-track' ? 'report-on-track' : 'report-off-track', t.actual.range, {
            ...args, targetYear: t.target.year, expected: ctx.fmt(p.expected, decimals),
            baseline: p.baseline.printed, baselineYear: p.baselineYear, goal: ctx.fmtUpTo(p.goal, decimals)
        }, { status: t.status });
    }
    f.related = [{ ...ctx.place(t.target.range, FINDING_WORDS.relatedTarget, { id: t.target.id }), uri: planUri }];
}

/** Each planned figure of the reported year met or not; each target met or not, or on or off track. */
export const reportAgainstPlan: Rule = ctx => {
    const plan = ctx.model.report?.planModel;
    if (!plan) return;
    const comparison = compareReport(ctx.model, plan, (c, actual, base) => holds(ctx, c, actual, base));
    if (!comparison) return;
    for (const c of comparison.planned) plannedFinding(ctx, c, plan.uri);
    for (const t of comparison.targets) targetFinding(ctx, t, plan.uri);
};
