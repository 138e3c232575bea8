// The chart.js configuration of one chart of the plan view: colours from the theme, numbers on axes
// and in tooltips in the plan's number style. No DOM here (the browser tests check it in Node too).
//
// What keeps a chart from misleading:
// - one axis per chart: quantities of different magnitudes get charts of their own (the view builds them);
// - years on a linear axis, so that 2025 → 2030 is five years wide, not one;
// - results drawn solid with filled points, plans dashed with hollow points (per segment, by the
//   kind of the year it leads to), bars of a plan lighter with an outline;
// - the plan's targets drawn at their level (a marker with an arrow for "dưới"/"trên", a band for a
//   range), in the legend with their text;
// - a line chart's value axis starts at 0 unless the figures are far from 0, and then says where it
//   starts ("trục tung bắt đầu từ 90") and marks the cut on the axis; bars always start at 0;
// - a colour-blind-safe palette of 12 distinct colours (preview.css), each series with its own point shape;
// - a line is not drawn across a change of poverty standard (its points are not comparable);
// - a range of targets (410..460) is drawn as a band, never as a figure;
// - what the checker found is on the chart too: a missed target says "chưa đạt" and rings its figure,
//   a step in the wrong direction is drawn in the target colour with what it is;
// - points at the top of a 0–100 % axis are drawn whole (not clipped at the chart's edge).
import type { Chart, ChartConfiguration, ChartDataset, LegendItem, Plugin, Scale, ScriptableLineSegmentContext, Tick } from 'chart.js';
import type { NumberStyle } from '../../common/numbers.js';
import type { ChartFigureKind, ChartTarget, ChartView } from '../../common/view.js';
import { formatAuto, withUnit } from './format.js';

export interface Theme {
    foreground: string;
    muted: string;
    grid: string;
    target: string;
    background: string;
    series: string[];
    font: string;
}

/** The words a chart says itself (legend keys, the axis note), in the preview's language. */
export interface ChartWords {
    result: string;
    plan: string;
    target: string;
    /** "Trục tung bắt đầu từ {0}" */
    axisFrom: string;
}

export const SERIES_COUNT = 12;

/**
 * Twelve colours per theme kind that stay apart for every reader: the Okabe–Ito palette (made for
 * colour-blind readers) less the one that does not show on the theme's background (yellow on white,
 * black on dark), then colours from Paul Tol's schemes chosen so that no two of the twelve come
 * closer than ΔE 13 (CIELAB) in normal vision or in simulated deuteranopia, protanopia or tritanopia,
 * each with a contrast of at least 2:1 to the background (test/browser/chart-config.test.ts checks both).
 * The first colours are the most distinct: a chart with few series uses only those.
 */
export const PALETTES = {
    /** On a light background (light and high-contrast light themes). */
    light: ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#882255', '#999933', '#332288', '#117733', '#663333'],
    /** On a dark background (dark and high-contrast themes). */
    dark: ['#56B4E9', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#F0E442', '#0072B2', '#FFFFFF', '#AA3377', '#99DDFF', '#117733', '#BBBBBB']
} as const satisfies Record<string, readonly string[]>;

/** The palette for the body's theme class (VS Code sets vscode-light, vscode-dark, vscode-high-contrast[-light]). */
export function paletteFor(bodyClass: string): readonly string[] {
    const classes = bodyClass.split(/\s+/);
    const dark = classes.includes('vscode-dark') || (classes.includes('vscode-high-contrast') && !classes.includes('vscode-high-contrast-light'));
    return dark ? PALETTES.dark : PALETTES.light;
}

/** What an exported image is drawn with, whatever the editor's theme: a report's page is white. */
export const PRINT_THEME: Theme = {
    foreground: '#1f1f1f', muted: '#555555', grid: 'rgba(0, 0, 0, 0.12)', target: '#c8102e', background: '#ffffff',
    series: [...PALETTES.light], font: "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif"
};
/** With the colour, a second cue per series: its points' shape. */
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'] as const;
export const PLAN_DASH = [6, 4];

type Point = { x: number; y: number | null };
type Data = (number | null | Point)[];
export type PlanChartConfig = ChartConfiguration<'line' | 'bar', Data, string>;

/** A colour with its alpha replaced: rgb(1, 2, 3) or #rrggbb → rgba(…, a). */
export function withAlpha(colour: string, alpha: number): string {
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
    const parts = hex ? hex.slice(1).map(h => parseInt(h, 16)) : (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    return parts.length === 3 ? `rgba(${parts[0]}, ${parts[1]}, ${parts[2]}, ${alpha})` : colour;
}

/** A round step for about five ticks over a span: 1, 2, 2,5 or 5 × 10ⁿ. */
function niceStep(span: number): number {
    const raw = span / 5;
    const power = 10 ** Math.floor(Math.log10(raw));
    const f = raw / power;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

export interface ValueAxis { min: number; max?: number; step?: number; fromZero: boolean }

/**
 * Where a chart's value axis runs. Bars start at 0 (their length is the value). A line starts at 0
 * too, unless its figures (and targets) lie farther from 0 than they spread: then the axis starts
 * at a round number below them, so that 93,9 → 99 shows as the climb it is, and the chart says so.
 */
export function valueAxis(c: ChartView): ValueAxis {
    const values = [
        ...c.series.flatMap(s => s.data.filter((x): x is number => x !== null && Number.isFinite(x))),
        ...c.series.flatMap(s => (s.ranges ?? []).flatMap(r => (r ? [r.low, r.high] : []))),
        ...(c.targets ?? []).flatMap(t => [t.value, t.low, t.high].filter((x): x is number => x !== undefined))
    ];
    if (c.type === 'bar' || values.length === 0) return { min: 0, fromZero: true };
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    if (lo < 0 || lo <= hi - lo) return { min: Math.min(0, lo), fromZero: lo >= 0 };
    const span = hi - lo || Math.max(Math.abs(hi) * 0.05, 1);
    const step = niceStep(span);
    let min = Math.floor(lo / step) * step;
    if (lo - min < step * 0.25) min -= step;
    let max = Math.ceil(hi / step) * step;
    if (max - hi < step * 0.25) max += step;
    // A percentage does not run past 100.
    if (c.unit === '%' && hi <= 100) max = Math.min(max, 100);
    if (min <= 0) return { min: 0, fromZero: true };
    return { min: round(min), max: round(max), step, fromZero: false };
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

function kindAt(c: ChartView, i: number): ChartFigureKind {
    return c.kinds?.[i] ?? 'result';
}

/** Where a label stands on the x axis: its year on a year axis, else its index. */
export function xOf(c: ChartView, label: string): number {
    return c.axis === 'year' ? Number(label) : c.labels.indexOf(label);
}

function lineDataset(c: ChartView, i: number, theme: Theme): ChartDataset<'line', Data> {
    const s = c.series[i];
    const colour = theme.series[i % SERIES_COUNT];
    const pointStyle = POINT_STYLES[i % POINT_STYLES.length];
    const data: Data = c.axis === 'year' ? s.data.map((y, j) => ({ x: Number(c.labels[j]), y })) : s.data;
    return {
        label: s.label, data, borderColor: colour, backgroundColor: colour, borderWidth: 2, spanGaps: true, tension: 0,
        pointStyle, pointRadius: 3.5, pointHoverRadius: 5, pointBorderWidth: 1.5, pointBorderColor: colour,
        // A plan's point is hollow: a second cue beside the dashed line that leads to it.
        pointBackgroundColor: (ctx: { dataIndex: number }) => (kindAt(c, ctx.dataIndex) === 'plan' ? theme.background : colour),
        // Room beyond the chart's edge for a point on it (a flat 100 % series at the top of its axis).
        clip: 8,
        segment: {
            borderDash: (ctx: ScriptableLineSegmentContext) => (kindAt(c, ctx.p1DataIndex) === 'plan' ? PLAN_DASH : undefined),
            borderColor: (ctx: ScriptableLineSegmentContext) => segmentColour(c, i, ctx, theme),
            borderWidth: (ctx: ScriptableLineSegmentContext) => (isWrongStep(c, i, ctx.p1DataIndex) ? 3 : undefined)
        }
    };
}

/** Whether the segment that leads to label index `to` is a step the checker found in the wrong direction. */
function isWrongStep(c: ChartView, series: number, to: number): boolean {
    return (c.wrongSteps ?? []).some(w => w.series === series && w.to === c.labels[to]);
}

/** Whether a change of poverty standard stands between two labels: the line is not drawn across it. */
function crossesBreak(c: ChartView, from: number, to: number): boolean {
    return (c.breaks ?? []).some(b => {
        const at = c.labels.indexOf(b.label);
        return at > from && at <= to;
    });
}

function segmentColour(c: ChartView, series: number, ctx: ScriptableLineSegmentContext, theme: Theme): string | undefined {
    if (crossesBreak(c, ctx.p0DataIndex, ctx.p1DataIndex)) return 'transparent';
    return isWrongStep(c, series, ctx.p1DataIndex) ? theme.target : undefined;
}

/** A series' colour; a bar series of a plan is filled lighter. */
function seriesColour(c: ChartView, i: number, theme: Theme): { line: string; fill: string } {
    // A year's results and plans of the same quantity (bars) share a hue: a plan is lighter, outlined.
    const sameQuantity = c.type === 'bar' && c.series.every(x => x.kind !== undefined);
    const line = theme.series[(sameQuantity ? 0 : i) % SERIES_COUNT];
    return { line, fill: c.type === 'bar' && c.series[i].kind === 'plan' ? withAlpha(line, 0.3) : line };
}

function barDataset(c: ChartView, i: number, theme: Theme): ChartDataset<'bar', Data> {
    const s = c.series[i];
    const { line, fill } = seriesColour(c, i, theme);
    const plan = s.kind === 'plan';
    return {
        label: s.label, data: s.data, borderColor: line, backgroundColor: fill,
        borderWidth: plan ? 1.5 : 0, borderSkipped: plan ? 'bottom' : undefined
    } as ChartDataset<'bar', Data>;
}

/** A target as the legend and the tooltip name it: "Mục tiêu 2025: dưới 9%". */
export function targetLabel(t: ChartTarget, words: ChartWords): string {
    return `${words.target} ${t.label}: ${t.text}`;
}

/**
 * Draws the targets: for a level, a short bar at the level with an arrow towards where the figure
 * must be; for a range, a band from low to high with caps; the target's text beside it.
 */
export function targetMarkers(c: ChartView, theme: Theme): Plugin<'line' | 'bar'> {
    return {
        id: 'planTargets',
        afterDatasetsDraw(chart: Chart) {
            const x = chart.scales.x;
            const y = chart.scales.y;
            const area = chart.chartArea;
            if (!x || !y || !area) return;
            const ctx = chart.ctx;
            for (const t of c.targets ?? []) {
                const px = x.getPixelForValue(xOf(c, t.label));
                if (!Number.isFinite(px)) continue;
                ctx.save();
                ctx.strokeStyle = theme.target;
                ctx.fillStyle = theme.target;
                ctx.lineWidth = 2;
                ctx.setLineDash([]);
                const half = 9;
                let top: number;
                if (t.low !== undefined && t.high !== undefined) {
                    const [a, b] = [y.getPixelForValue(t.high), y.getPixelForValue(t.low)];
                    ctx.fillStyle = withAlpha(theme.target, 0.18);
                    ctx.fillRect(px - half, a, 2 * half, Math.max(b - a, 1));
                    ctx.beginPath();
                    ctx.moveTo(px - half, a); ctx.lineTo(px + half, a);
                    ctx.moveTo(px - half, b); ctx.lineTo(px + half, b);
                    ctx.moveTo(px, a); ctx.lineTo(px, b);
                    ctx.stroke();
                    top = a;
                } else if (t.value !== undefined) {
                    const py = y.getPixelForValue(t.value);
                    ctx.beginPath();
                    ctx.moveTo(px - half, py); ctx.lineTo(px + half, py);
                    ctx.stroke();
                    const dir = t.op === 'below' || t.op === 'at-most' ? 1 : t.op === 'above' || t.op === 'at-least' ? -1 : 0;
                    if (dir === 0) {
                        // A level to reach ("bằng", "khoảng"): a diamond on the bar, visible even on an axis line.
                        ctx.beginPath();
                        ctx.moveTo(px, py - 5); ctx.lineTo(px + 5, py); ctx.lineTo(px, py + 5); ctx.lineTo(px - 5, py);
                        ctx.closePath();
                        ctx.fill();
                    }
                    if (dir !== 0) {
                        // An arrow from the level towards the side the figure must be on.
                        const tip = py + dir * 12;
                        ctx.beginPath();
                        ctx.moveTo(px, py); ctx.lineTo(px, tip);
                        ctx.stroke();
                        ctx.beginPath();
                        ctx.moveTo(px - 4, tip - dir * 5); ctx.lineTo(px, tip); ctx.lineTo(px + 4, tip - dir * 5);
                        ctx.stroke();
                    }
                    top = dir < 0 ? py - 12 : py;
                } else {
                    ctx.restore();
                    continue;
                }
                // The text on the side with room, above the marker.
                ctx.fillStyle = theme.target;
                ctx.font = `bold 11px ${theme.font}`;
                const text = t.text;
                const width = ctx.measureText(text).width;
                const right = px + half + 4 + width <= area.right;
                ctx.textAlign = right ? 'left' : 'right';
                ctx.textBaseline = 'bottom';
                const ty = Math.max(area.top + 12, top - 3);
                ctx.fillText(text, right ? px + half + 2 : px - half - 2, ty);
                if (t.missed) {
                    // Said under the target's text, and the figure that misses it ringed.
                    ctx.fillText(t.missed, right ? px + half + 2 : px - half - 2, ty + 13);
                    const figure = c.series[0]?.data[c.labels.indexOf(t.label)];
                    if (figure !== null && figure !== undefined) {
                        ctx.lineWidth = 2;
                        ctx.beginPath();
                        ctx.arc(px, y.getPixelForValue(figure), 8, 0, 2 * Math.PI);
                        ctx.stroke();
                    }
                }
                ctx.restore();
            }
        }
    };
}

/**
 * A value axis that does not start at 0: a zig-zag on the axis just above the bottom, the usual
 * mark of a cut scale (the note under the chart says where it starts).
 */
export function axisCut(c: ChartView, theme: Theme): Plugin<'line' | 'bar'> {
    return {
        id: 'planAxisCut',
        afterDraw(chart: Chart) {
            const area = chart.chartArea;
            if (!area || valueAxis(c).fromZero) return;
            const ctx = chart.ctx;
            const x = area.left;
            const y = area.bottom - 6;
            ctx.save();
            ctx.fillStyle = theme.background;
            ctx.fillRect(x - 5, y - 5, 10, 8);
            ctx.strokeStyle = theme.foreground;
            ctx.lineWidth = 1.2;
            ctx.setLineDash([]);
            ctx.beginPath();
            ctx.moveTo(x - 5, y); ctx.lineTo(x + 5, y - 4);
            ctx.moveTo(x - 5, y + 3); ctx.lineTo(x + 5, y - 1);
            ctx.stroke();
            ctx.restore();
        }
    };
}

/**
 * A change of poverty standard: a dashed vertical line halfway before the first year of the new
 * standard, with its note, so that the jump there reads as a break in the series, not a move.
 */
export function standardBreaks(c: ChartView, theme: Theme): Plugin<'line' | 'bar'> {
    return {
        id: 'planStandardBreaks',
        afterDatasetsDraw(chart: Chart) {
            const x = chart.scales.x;
            const area = chart.chartArea;
            if (!x || !area) return;
            const ctx = chart.ctx;
            for (const b of c.breaks ?? []) {
                const i = c.labels.indexOf(b.label);
                if (i <= 0) continue;
                const at = (x.getPixelForValue(xOf(c, c.labels[i - 1])) + x.getPixelForValue(xOf(c, b.label))) / 2;
                ctx.save();
                ctx.strokeStyle = theme.muted;
                ctx.setLineDash([4, 4]);
                ctx.beginPath();
                ctx.moveTo(at, area.top);
                ctx.lineTo(at, area.bottom);
                ctx.stroke();
                ctx.setLineDash([]);
                ctx.fillStyle = theme.muted;
                ctx.font = `11px ${theme.font}`;
                ctx.fillText(b.note, at + 4, area.top + 12);
                ctx.restore();
            }
        }
    };
}

/** Ranges of targets (410..460): a band in the series' colour with caps, at the range's label. */
export function rangeBands(c: ChartView, theme: Theme): Plugin<'line' | 'bar'> {
    return {
        id: 'planRangeBands',
        afterDatasetsDraw(chart: Chart) {
            const x = chart.scales.x;
            const y = chart.scales.y;
            if (!x || !y) return;
            const ctx = chart.ctx;
            c.series.forEach((s, i) => {
                if (!chart.isDatasetVisible(i)) return;
                const colour = theme.series[i % SERIES_COUNT];
                // Bands of several series at one label stand side by side.
                const offset = (i - (c.series.length - 1) / 2) * 7;
                (s.ranges ?? []).forEach((r, j) => {
                    if (!r) return;
                    const px = x.getPixelForValue(xOf(c, c.labels[j])) + offset;
                    const [top, bottom] = [y.getPixelForValue(r.high), y.getPixelForValue(r.low)];
                    ctx.save();
                    ctx.fillStyle = withAlpha(colour, 0.35);
                    ctx.fillRect(px - 3, top, 6, Math.max(bottom - top, 1));
                    ctx.strokeStyle = colour;
                    ctx.lineWidth = 1.5;
                    ctx.beginPath();
                    ctx.moveTo(px - 4, top); ctx.lineTo(px + 4, top);
                    ctx.moveTo(px - 4, bottom); ctx.lineTo(px + 4, bottom);
                    ctx.stroke();
                    ctx.restore();
                });
            });
        }
    };
}

/** What a step in the wrong direction is, written beside the point it leads to. */
export function wrongStepNotes(c: ChartView, theme: Theme): Plugin<'line' | 'bar'> {
    return {
        id: 'planWrongSteps',
        afterDatasetsDraw(chart: Chart) {
            const x = chart.scales.x;
            const y = chart.scales.y;
            const area = chart.chartArea;
            if (!x || !y || !area) return;
            const ctx = chart.ctx;
            for (const step of c.wrongSteps ?? []) {
                const j = c.labels.indexOf(step.to);
                const figure = c.series[step.series]?.data[j];
                if (j < 0 || figure === null || figure === undefined || !chart.isDatasetVisible(step.series)) continue;
                const px = x.getPixelForValue(xOf(c, step.to));
                const py = y.getPixelForValue(figure);
                ctx.save();
                ctx.fillStyle = theme.target;
                ctx.font = `bold 11px ${theme.font}`;
                // Centred over the point it leads to, kept inside the plot, above the point (below it at the top).
                const width = ctx.measureText(step.note).width;
                const left = Math.max(area.left + 2, Math.min(px - width / 2, area.right - width - 2));
                ctx.textAlign = 'left';
                ctx.textBaseline = 'bottom';
                ctx.fillText(step.note, left, py - 10 < area.top + 12 ? py + 22 : py - 10);
                ctx.restore();
            }
        }
    };
}

/** The legend: the series (when more than one), then the keys of the styles and the targets. */
function legendItems(c: ChartView, theme: Theme, words: ChartWords, chart: Chart): LegendItem[] {
    const items: LegendItem[] = [];
    if (c.series.length > 1) {
        c.series.forEach((s, i) => {
            const { line, fill } = seriesColour(c, i, theme);
            items.push({
                text: s.label, datasetIndex: i, hidden: !chart.isDatasetVisible(i), fontColor: theme.foreground,
                strokeStyle: line, fillStyle: fill, lineWidth: c.type === 'bar' ? (s.kind === 'plan' ? 1.5 : 0) : 2,
                pointStyle: c.type === 'line' ? POINT_STYLES[i % POINT_STYLES.length] : 'rect'
            });
        });
    }
    const kinds = new Set(c.kinds ?? []);
    if (c.type === 'line' && kinds.size > 0) {
        // The style keys, in the neutral colour: they say what solid and dashed mean, for every series.
        const key = (text: string, dash: number[]): LegendItem => ({
            text, fontColor: theme.foreground, strokeStyle: theme.muted, fillStyle: theme.muted, lineWidth: 2, lineDash: dash, pointStyle: 'line'
        });
        if (kinds.has('result')) items.push(key(words.result, []));
        if (kinds.has('plan')) items.push(key(words.plan, PLAN_DASH));
    }
    if (c.wrongSteps?.length && c.keys?.wrongStep) {
        items.push({ text: c.keys.wrongStep, fontColor: theme.target, strokeStyle: theme.target, fillStyle: theme.target, lineWidth: 3, pointStyle: 'line' });
    }
    for (const t of c.targets ?? []) {
        items.push({ text: t.missed ? `${targetLabel(t, words)} — ${t.missed}` : targetLabel(t, words), fontColor: theme.target, strokeStyle: theme.target, fillStyle: withAlpha(theme.target, 0.18), lineWidth: 2, pointStyle: t.low !== undefined ? 'rect' : 'line' });
    }
    return items;
}

export function chartConfig(c: ChartView, style: NumberStyle, theme: Theme, words: ChartWords): PlanChartConfig {
    const fmt = (v: number) => formatAuto(v, style);
    const y = valueAxis(c);
    const years = c.axis === 'year' ? c.labels.map(Number).filter(Number.isFinite) : [];
    const first = Math.min(...years);
    const last = Math.max(...years);
    const datasets = c.series.map((_, i) => (c.type === 'bar' ? barDataset(c, i, theme) : lineDataset(c, i, theme)));
    const plugins: Plugin<'line' | 'bar'>[] = [];
    if (c.breaks?.length) plugins.push(standardBreaks(c, theme));
    if (c.targets?.length) plugins.push(targetMarkers(c, theme));
    if (c.series.some(s => s.ranges)) plugins.push(rangeBands(c, theme));
    if (c.wrongSteps?.length) plugins.push(wrongStepNotes(c, theme));
    if (!y.fromZero) plugins.push(axisCut(c, theme));
    const yearAxis = {
        type: 'linear' as const,
        // A little room beyond the first and last years, for their points and the targets' marks.
        min: first - 0.35, max: last + 0.35,
        afterBuildTicks: (scale: Scale) => {
            // One tick a year (chart.js thins the labels if they crowd), never at the padded ends.
            const ticks: Tick[] = [];
            for (let v = first; v <= last; v++) ticks.push({ value: v });
            scale.ticks = ticks;
        },
        ticks: { color: theme.foreground, callback: (v: string | number) => (Number.isInteger(Number(v)) ? String(v) : '') },
        grid: { color: theme.grid }, border: { color: theme.grid }
    };
    return {
        type: c.type,
        data: { labels: c.labels, datasets: datasets as ChartDataset<'line' | 'bar', Data>[] },
        plugins,
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            color: theme.foreground,
            font: { family: theme.font },
            interaction: { mode: 'index', intersect: false },
            plugins: {
                legend: {
                    display: c.series.length > 1 || (c.targets?.length ?? 0) > 0 || new Set(c.kinds ?? []).size > 1 || (c.wrongSteps?.length ?? 0) > 0,
                    position: 'bottom',
                    labels: { color: theme.foreground, boxWidth: 22, boxHeight: 12, usePointStyle: true, generateLabels: chart => legendItems(c, theme, words, chart) },
                    // Only a series can be hidden; the keys of styles and targets are not buttons.
                    onClick: (_e, item, legend) => {
                        if (item.datasetIndex === undefined) return;
                        const chart = legend.chart;
                        chart.setDatasetVisibility(item.datasetIndex, !chart.isDatasetVisible(item.datasetIndex));
                        chart.update();
                    }
                },
                subtitle: {
                    display: !y.fromZero, position: 'bottom', align: 'start', color: theme.muted,
                    font: { size: 11, style: 'italic', family: theme.font },
                    text: y.fromZero ? '' : words.axisFrom.replace('{0}', withUnit(fmt(y.min), c.unit)),
                    padding: { top: 2, bottom: 0 }
                },
                tooltip: {
                    callbacks: {
                        title: items => {
                            const item = items[0];
                            if (!item) return '';
                            if (c.axis !== 'year') return item.label;
                            const year = String(item.parsed.x);
                            const i = c.labels.indexOf(year);
                            return c.kinds && i >= 0 ? `${year} — ${kindAt(c, i) === 'plan' ? words.plan : words.result}` : year;
                        },
                        label: ctx => {
                            const range = c.series[ctx.datasetIndex]?.ranges?.[ctx.dataIndex];
                            const shown = ctx.parsed.y !== null ? withUnit(fmt(ctx.parsed.y), c.unit)
                                : range ? withUnit(`${fmt(range.low)}–${fmt(range.high)}`, c.unit) : '—';
                            return `${ctx.dataset.label ?? ''}: ${shown}`;
                        },
                        footer: items => {
                            const item = items[0];
                            if (!item || c.axis !== 'year') return '';
                            return (c.targets ?? []).filter(t => Number(t.label) === item.parsed.x).map(t => targetLabel(t, words)).join('\n');
                        }
                    }
                }
            },
            scales: {
                x: c.axis === 'year' ? yearAxis : { ticks: { color: theme.foreground }, grid: { color: theme.grid }, border: { color: theme.grid } },
                y: {
                    position: 'left', beginAtZero: y.fromZero,
                    ...(y.fromZero ? {} : { min: y.min, max: y.max }),
                    ticks: { color: theme.foreground, callback: (v: string | number) => fmt(Number(v)), ...(y.step ? { stepSize: y.step } : {}) },
                    grid: { color: theme.grid },
                    border: { color: theme.grid },
                    title: { display: Boolean(c.unit), text: c.unit ?? '', color: theme.muted }
                }
            }
        }
    };
}
