// The monitoring view of a report: what was achieved against what was planned, as annexes ("Kết quả
// thực hiện …") that the preview shows and every exporter writes through the same grid, and charts
// that draw each target's straight path with the plan and the reported value. Built from the report's
// model and the model of its plan (model/monitoring.ts compares them, as the monitoring rules do).
import type { AnnexCell, AnnexColumn, AnnexRow, AnnexTable, ChartTarget, ChartView, ViewFinding } from '../../../common/view.js';
import { compareReport, type PlannedComparison, type ReportComparison, type TargetComparison } from '../model/monitoring.js';
import type { IndicatorModel, Measure, PlanModel, PredeclaredMeasure, SourceRange } from '../model/types.js';
import { holds } from '../validation/rules/targets.js';
import { DEFAULT_OPTIONS } from '../language/settings.js';
import { formatNumber } from '../../../common/numbers.js';
import { say, type Args, type Words } from '../../../common/catalogue.js';
import { ANNEX, ANNEX_LOCALE } from '../../../common/words/annex.js';
import { MEASURES } from '../../../common/words/kinds.js';
import { MONITORING } from '../../../common/words/monitoring.js';

const w = (words: Words, args?: Args) => say(words, ANNEX_LOCALE, args);

/** The findings that stand at a place of the report (the view builder's, so that cells carry them as other cells do). */
export type FindingsAt = (range: SourceRange) => ViewFinding[] | undefined;

/** The report compared with its plan, as the monitoring rules compare it (with the default options). */
export function reportComparison(model: PlanModel): ReportComparison | undefined {
    const plan = model.report?.planModel;
    return plan ? compareReport(model, plan, (c, actual, base) => holds({ options: DEFAULT_OPTIONS }, c, actual, base)) : undefined;
}

const STATUS_WORDS = { 'met': MONITORING.met, 'not-met': MONITORING.notMet, 'on-track': MONITORING.onTrack, 'off-track': MONITORING.offTrack } as const;
const PLAN_CODES = ['report-plan-met', 'report-plan-not-met'];
const TARGET_CODES = ['report-target-met', 'report-target-not-met', 'report-on-track', 'report-off-track'];

function head(text: string, extra: Partial<AnnexCell> = {}): AnnexCell {
    return { text, kind: 'text', bold: true, align: 'center', ...extra };
}

function textCell(text: string, extra: Partial<AnnexCell> = {}): AnnexCell {
    return { text, kind: 'text', ...extra };
}

function numberCell(printed: string, value: number | undefined, decimals: number, extra: Partial<AnnexCell> = {}): AnnexCell {
    return value === undefined ? textCell(printed, { align: 'right', ...extra }) : { text: printed, kind: 'number', value, decimals, align: 'right', ...extra };
}

function decimalsOf(printed: string): number {
    const m = /[.,](\d+)$/.exec(printed);
    return m && !/^\d{1,3}([.,]\d{3})+$/.test(printed) ? m[1].length : 0;
}

/** The findings of some codes at a figure: the plan's or the target's assessment. */
function only(findings: ViewFinding[] | undefined, codes: string[]): ViewFinding[] | undefined {
    const kept = findings?.filter(f => codes.includes(f.code));
    return kept && kept.length > 0 ? kept : undefined;
}

/** The line under a report's annexes: the report, its source and its date. */
export function reportSubtitle(model: PlanModel): string {
    const r = model.report!;
    const date = r.date?.day !== undefined && r.date.month !== undefined && r.date.year !== undefined ? `${r.date.day}/${r.date.month}/${r.date.year}` : 'none';
    return w(MONITORING.attachedTo, { title: model.title ?? w(MONITORING.report, { id: model.id }), source: r.source ?? 'none', date });
}

/** The annex of the indicators: a row per indicator reported, a row under it per target it is compared with. */
function indicatorAnnex(model: PlanModel, c: ReportComparison, findingsAt: FindingsAt): AnnexTable | undefined {
    const plan = model.report!.planModel!;
    const byIndicator = new Map<string, { planned?: PlannedComparison; targets: TargetComparison[] }>();
    const entry = (id: string) => byIndicator.get(id) ?? byIndicator.set(id, { targets: [] }).get(id)!;
    for (const p of c.planned) if (p.indicatorId) entry(p.indicatorId).planned = p;
    for (const t of c.targets) entry(t.indicator.id).targets.push(t);
    if (byIndicator.size === 0) return undefined;
    const year = c.year;
    const columns: AnnexColumn[] = [
        { key: 'no', kind: 'text', width: 4 }, { key: 'indicator', kind: 'text', width: 40 }, { key: 'planned', kind: 'number', width: 10 },
        { key: 'actual', kind: 'number', width: 10 }, { key: 'path', kind: 'number', width: 10 }, { key: 'assessment', kind: 'text', width: 12 }
    ];
    const header: AnnexRow[] = [{ kind: 'header', cells: [
        head(w(MONITORING.no)), head(w(MONITORING.indicator)), head(w(MONITORING.planned, { year })), head(w(MONITORING.actual, { year })),
        head(w(MONITORING.path, { year })), head(w(MONITORING.assessment))
    ] }];
    const body: AnnexRow[] = [];
    let no = 0;
    // In the plan's order of indicators.
    for (const indicator of plan.indicators) {
        const e = byIndicator.get(indicator.id);
        if (!e) continue;
        const actual = e.planned?.actual ?? e.targets[0].actual;
        const found = findingsAt(actual.range);
        const planFindings = only(found, PLAN_CODES);
        // A computed indicator's plan of the year, shown (its cells are assessed in the table's annex).
        const shownPlan = e.planned ? undefined : indicator.values.find(v => v.kind === 'plan' && v.year === year && v.value.value !== undefined)?.value;
        body.push({ kind: 'row', line: actual.range.start.line, cells: [
            { text: String(++no), kind: 'number', value: no, decimals: 0, align: 'center' },
            textCell(indicator.name),
            e.planned ? numberCell(e.planned.planned.printed, e.planned.planned.value, decimalsOf(e.planned.planned.printed), { range: e.planned.planned.range })
                : shownPlan ? numberCell(shownPlan.printed, shownPlan.value, shownPlan.decimals, { range: shownPlan.range }) : textCell(''),
            numberCell(actual.printed, actual.value, actual.decimals, { range: actual.range, findings: planFindings }),
            textCell(''),
            e.planned ? textCell(w(STATUS_WORDS[e.planned.status]), { align: 'center', findings: planFindings }) : textCell('')
        ] });
        for (const t of e.targets) {
            const targetFindings = only(found, TARGET_CODES);
            const decimals = Math.max(actual.decimals, t.path?.baseline.decimals ?? 0);
            body.push({ kind: 'row', line: actual.range.start.line, cells: [
                textCell(''),
                textCell(w(MONITORING.targetRow, { year: t.target.year, text: t.target.text ?? t.target.id }), { range: t.target.range }),
                textCell(''),
                numberCell(actual.printed, actual.value, actual.decimals, { range: actual.range, findings: targetFindings }),
                t.path ? numberCell(formatNumber(t.path.expected, model.numberStyle, decimals), t.path.expected, decimals) : textCell(''),
                textCell(w(STATUS_WORDS[t.status]), { align: 'center', findings: targetFindings })
            ] });
        }
    }
    return {
        number: '', label: w(MONITORING.label), title: w(MONITORING.indicatorsTitle, { year }), subtitle: reportSubtitle(model), orientation: 'portrait',
        columns, header, body, source: { kind: 'monitoring', id: 'indicators', range: model.report!.yearRange }
    };
}

function measureName(m: Measure, label: string | undefined): string {
    return label ?? (m in MEASURES ? w(MEASURES[m as PredeclaredMeasure].heading) : m);
}

/** The annex of a report's table: per unit (and the total), each judged column's plan and actual of the year, and whether it was met. */
function tableAnnex(model: PlanModel, c: ReportComparison, tableId: string, findingsAt: FindingsAt): AnnexTable | undefined {
    const rows = c.planned.filter(p => p.tableId === tableId);
    if (rows.length === 0) return undefined;
    const plan = model.report!.planModel!;
    const planTable = plan.tables.find(t => t.id === tableId)!;
    const measures = [...new Set(rows.map(r => r.measure!))];
    const year = c.year;
    const columns: AnnexColumn[] = [
        { key: 'no', kind: 'text', width: 4 }, { key: 'unit', kind: 'text', width: 16 },
        ...measures.flatMap(m => [
            { key: `${m}:planned`, kind: 'number' as const, width: 9 }, { key: `${m}:actual`, kind: 'number' as const, width: 9 }, { key: `${m}:assessment`, kind: 'text' as const, width: 10 }
        ])
    ];
    const header: AnnexRow[] = [
        { kind: 'header', cells: [head(w(MONITORING.no), { rowSpan: 2 }), head(w(MONITORING.unit), { rowSpan: 2 }),
            ...measures.map(m => head(measureName(m, planTable.columnsById[m]?.label), { colSpan: 3 }))] },
        { kind: 'header', cells: measures.flatMap(() => [head(w(MONITORING.planned, { year })), head(w(MONITORING.actual, { year })), head(w(MONITORING.assessment))]) }
    ];
    // A row per unit (in the report's order), the total last.
    const byRow = new Map<string, PlannedComparison[]>();
    for (const r of rows) {
        const key = r.unitId ?? '\u0000total';
        byRow.set(key, [...byRow.get(key) ?? [], r]);
    }
    const body: AnnexRow[] = [];
    let no = 0;
    for (const [key, list] of byRow) {
        const total = key === '\u0000total';
        const cells: AnnexCell[] = [
            total ? textCell('') : { text: String(++no), kind: 'number', value: no, decimals: 0, align: 'center' },
            textCell(list[0].label, total ? { bold: true } : {})
        ];
        for (const m of measures) {
            const p = list.find(x => x.measure === m);
            if (!p) { cells.push(textCell(''), textCell(''), textCell('')); continue; }
            const found = only(findingsAt(p.actual.range), PLAN_CODES);
            cells.push(
                numberCell(p.planned.printed, p.planned.value, decimalsOf(p.planned.printed), { range: p.planned.range }),
                numberCell(p.actual.printed, p.actual.value, p.actual.decimals, { range: p.actual.range, findings: found }),
                textCell(w(STATUS_WORDS[p.status]), { align: 'center', findings: found })
            );
        }
        body.push({ kind: total ? 'total' : 'row', line: list[0].actual.range.start.line, cells });
    }
    const reportTable = model.tables.find(t => t.id === tableId);
    return {
        number: '', label: w(MONITORING.tableLabel, { what: planTable.annex ? w(ANNEX.label, { annex: planTable.annex }) : tableId }), title: w(MONITORING.tableTitle, { year, title: planTable.title }), subtitle: reportSubtitle(model),
        orientation: measures.length > 2 ? 'landscape' : 'portrait', columns, header, body,
        source: { kind: 'monitoring', id: tableId, range: reportTable?.nameRange ?? model.report!.yearRange }
    };
}

/** The monitoring annexes of a report: its indicators and targets, then each of its tables; none for a plan. */
export function monitoringAnnexes(model: PlanModel, findingsAt: FindingsAt, comparison = reportComparison(model)): AnnexTable[] {
    if (!comparison) return [];
    const out: AnnexTable[] = [];
    const indicators = indicatorAnnex(model, comparison, findingsAt);
    if (indicators) out.push(indicators);
    for (const t of model.tables) {
        const annex = tableAnnex(model, comparison, t.id, findingsAt);
        if (annex) out.push(annex);
    }
    return out;
}

/**
 * The monitoring charts: per target compared on its path, the indicator's plan by year, the straight
 * path from its baseline to the target (drawn as a line between the two) and the reported value;
 * per judged column of a report's table, planned and actual by unit.
 */
export function monitoringCharts(model: PlanModel, targetsOf: (plan: PlanModel, indicator: IndicatorModel) => ChartTarget[], comparison = reportComparison(model)): ChartView[] {
    const plan = model.report?.planModel;
    if (!comparison || !plan) return [];
    const charts: ChartView[] = [];
    const year = comparison.year;
    for (const t of comparison.targets) {
        const i = t.indicator;
        const years = [...new Set([...i.values.filter(v => v.kind !== 'actual').map(v => v.year), year, t.target.year])].filter(y => !Number.isNaN(y)).sort((a, b) => a - b);
        const planned = years.map(y => (i.values.find(v => v.year === y && v.kind !== 'plan' && v.kind !== 'actual') ?? i.values.find(v => v.year === y && v.kind === 'plan'))?.value.value ?? null);
        const path = years.map(y => (t.path && y === t.path.baselineYear ? t.path.baseline.value ?? null : t.path && y === t.target.year ? t.path.goal : null));
        const actual = years.map(y => (y === year ? t.actual.value : null));
        charts.push({
            id: `monitoring-${t.target.id}`, type: 'line', axis: 'year', unit: i.unit === 'percent' ? '%' : i.unit, labels: years.map(String),
            // The reported year is a result now; the years after it are still plans.
            kinds: years.map(y => (y <= year && (y === year || i.values.some(v => v.year === y && v.kind !== 'plan')) ? 'result' : 'plan')),
            title: w(MONITORING.chartTitle, { name: i.name.replace(/\.\s*$/, ''), targetYear: t.target.year, year }),
            series: [
                { label: w(MONITORING.seriesPlan), data: planned },
                ...(t.path ? [{ label: w(MONITORING.seriesPath), data: path }] : []),
                { label: w(MONITORING.seriesActual), data: actual }
            ],
            targets: targetsOf(plan, i).filter(x => x.label === String(t.target.year))
        });
    }
    for (const table of model.tables) {
        const rows = comparison.planned.filter(p => p.tableId === table.id && p.unitId !== undefined);
        for (const m of [...new Set(rows.map(r => r.measure!))]) {
            const cells = rows.filter(r => r.measure === m);
            const planTable = plan.tables.find(x => x.id === table.id);
            charts.push({
                id: `monitoring-${table.id}-${m}`, type: 'bar', labels: cells.map(r => r.label),
                unit: planTable?.columnsById[m]?.unit === 'percent' ? '%' : undefined,
                title: w(MONITORING.tableChartTitle, { measure: measureName(m, planTable?.columnsById[m]?.label), year }),
                series: [
                    { label: w(MONITORING.seriesPlan), kind: 'plan', data: cells.map(r => r.planned.value ?? null) },
                    { label: w(MONITORING.seriesActual), kind: 'result', data: cells.map(r => r.actual.value) }
                ]
            });
        }
    }
    return charts;
}
