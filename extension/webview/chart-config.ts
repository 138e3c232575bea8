// The chart.js configuration of one chart of the plan view: colours from the theme, numbers on axes
// and in tooltips in the plan's number style. No DOM here (the browser tests check it in Node too).
import type { Chart, ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import type { NumberStyle } from '../../common/numbers.js';
import type { ChartSeries, ChartView } from '../../common/view.js';
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

export const SERIES_COUNT = 10;
/** Beyond the palette, lines are told apart by their dash. */
const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

/** A bar chart whose series differ by an order of magnitude (households vs poor households) gets a second axis. */
function needsSecondAxis(c: ChartView): boolean {
    if (c.type !== 'bar' || c.series.length !== 2) return false;
    const max = (s: ChartSeries) => Math.max(0, ...s.data.filter((x): x is number => x !== null));
    const [a, b] = c.series.map(max);
    return a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) >= 10;
}

function dataset(c: ChartView, series: ChartSeries, i: number, theme: Theme, secondAxis: boolean): ChartDataset<'line' | 'bar', (number | null)[]> {
    const colour = series.kind === 'target' ? theme.target : theme.series[i % SERIES_COUNT];
    const base = { label: series.label, data: series.data, borderColor: colour, backgroundColor: colour, yAxisID: secondAxis && i === 1 ? 'y1' : 'y' };
    if (c.type === 'bar') return { ...base, borderWidth: 0 } as ChartDataset<'bar', (number | null)[]>;
    if (series.kind === 'target') {
        // Targets are points to aim at, not a path.
        return { ...base, showLine: false, pointStyle: 'rectRot', pointRadius: 7, pointHoverRadius: 9 } as ChartDataset<'line', (number | null)[]>;
    }
    const dash = series.kind === 'plan' ? [6, 4] : DASHES[Math.floor(i / SERIES_COUNT) % DASHES.length];
    return { ...base, borderDash: dash, borderWidth: 2, pointRadius: 3, spanGaps: true, tension: 0 } as ChartDataset<'line', (number | null)[]>;
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
                const at = (x.getPixelForValue(i - 1) + x.getPixelForValue(i)) / 2;
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

export function chartConfig(c: ChartView, style: NumberStyle, theme: Theme): ChartConfiguration<'line' | 'bar', (number | null)[], string> {
    const secondAxis = needsSecondAxis(c);
    const fmt = (v: number) => formatAuto(v, style);
    // With two axes each is titled by its series, so a reader knows which scale a bar is read on.
    const axisTitle = (position: 'left' | 'right') =>
        secondAxis ? `${c.series[position === 'left' ? 0 : 1].label}${c.unit ? ` (${c.unit})` : ''}` : c.unit ?? '';
    const axis = (position: 'left' | 'right', grid: boolean) => ({
        position, beginAtZero: true,
        ticks: { color: theme.foreground, callback: (v: string | number) => fmt(Number(v)) },
        grid: { color: theme.grid, display: grid },
        border: { color: theme.grid },
        title: { display: axisTitle(position) !== '', text: axisTitle(position), color: theme.muted }
    });
    return {
        type: c.type,
        data: { labels: c.labels, datasets: c.series.map((s, i) => dataset(c, s, i, theme, secondAxis)) },
        plugins: c.breaks?.length ? [standardBreaks(c, theme)] : [],
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            color: theme.foreground,
            font: { family: theme.font },
            interaction: { mode: 'index', intersect: false },
            plugins: {
                // A single series is named by the chart's caption already.
                legend: { display: c.series.length > 1, position: 'bottom', labels: { color: theme.foreground, boxWidth: 14, usePointStyle: c.type === 'line' } },
                tooltip: {
                    callbacks: {
                        label: ctx => `${ctx.dataset.label ?? ''}: ${ctx.parsed.y === null ? '—' : withUnit(fmt(ctx.parsed.y), c.unit)}`
                    }
                }
            },
            scales: {
                x: { ticks: { color: theme.foreground }, grid: { color: theme.grid }, border: { color: theme.grid } },
                y: axis('left', true),
                ...(secondAxis ? { y1: axis('right', false) } : {})
            }
        }
    };
}

