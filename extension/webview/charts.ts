// The plan's charts with chart.js (bundled; only the parts used are registered). Colours come from
// the theme's CSS variables and are read again whenever the theme changes; numbers on axes and in
// tooltips are printed in the plan's number style.
import {
    BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip
} from 'chart.js';
import type { NumberStyle } from '../../common/numbers.js';
import type { ChartView } from '../../common/view.js';
import { chartConfig, SERIES_COUNT, type Theme } from './chart-config.js';
import { el } from './dom.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

/** Resolves a CSS colour (a variable's value may be a name, hex or rgb()) to rgb()/rgba() via the engine. */
function resolveColour(probe: HTMLElement, value: string, fallback: string): string {
    probe.style.color = '';
    probe.style.color = value.trim() || fallback;
    return getComputedStyle(probe).color || fallback;
}

/** The theme's colours as the stylesheet sets them on body (see --pv-* in preview.css). */
export function readTheme(): Theme {
    const body = document.body;
    const css = getComputedStyle(body);
    const probe = el('span', { className: 'colour-probe', attrs: { 'aria-hidden': 'true' } });
    body.append(probe);
    try {
        const v = (name: string, fallback: string) => resolveColour(probe, css.getPropertyValue(name), fallback);
        return {
            foreground: v('--pv-chart-foreground', '#333'),
            muted: v('--pv-muted', '#777'),
            grid: v('--pv-chart-grid', 'rgba(128,128,128,0.3)'),
            target: v('--pv-chart-target', '#c00'),
            background: v('--pv-background', '#fff'),
            series: Array.from({ length: SERIES_COUNT }, (_, i) => v(`--pv-series-${i + 1}`, '#1a85ff')),
            font: css.fontFamily || 'sans-serif'
        };
    } finally {
        probe.remove();
    }
}

interface Entry { chart: Chart<'line' | 'bar', (number | null)[], string>; view: ChartView; card: HTMLElement }

/** The charts panel: one card per chart, kept across updates (data replaced in place, no flicker). */
export class ChartBoard {
    private readonly entries = new Map<string, Entry>();
    private charts: ChartView[] = [];
    private style: NumberStyle = 'vi';
    private theme: Theme | undefined;

    constructor(private readonly container: HTMLElement, private readonly emptyText: string) {}

    render(charts: ChartView[], style: NumberStyle): void {
        this.charts = charts;
        const styleChanged = style !== this.style;
        this.style = style;
        this.theme ??= readTheme();
        const sameLayout = charts.length === this.entries.size
            && charts.every(c => this.entries.get(c.id)?.view.type === c.type);
        if (!sameLayout) {
            this.destroy();
            this.container.replaceChildren();
            if (charts.length === 0) this.container.append(el('p', { className: 'empty', text: this.emptyText }));
            for (const c of charts) this.create(c);
            return;
        }
        for (const c of charts) {
            const entry = this.entries.get(c.id)!;
            // Most edits leave most charts as they were: repaint only those whose data changed.
            if (!styleChanged && JSON.stringify(c) === JSON.stringify(entry.view)) continue;
            entry.view = c;
            entry.card.querySelector('figcaption')!.textContent = c.title;
            entry.card.querySelector('canvas')!.setAttribute('aria-label', c.title);
            this.apply(entry);
        }
    }

    private create(c: ChartView): void {
        const canvas = el('canvas', { attrs: { role: 'img', 'aria-label': c.title } });
        const wide = c.id === 'district-rates' || c.id === 'households' || c.id === 'province-rate';
        const card = el('figure', { className: `chart-card${wide ? ' wide' : ''}`, data: { chartId: c.id, chartType: c.type } },
            el('figcaption', { text: c.title }),
            el('div', { className: 'chart-box' }, canvas));
        this.container.append(card);
        const chart = new Chart(canvas, chartConfig(c, this.style, this.theme!));
        this.entries.set(c.id, { chart, view: c, card });
    }

    private apply(entry: Entry): void {
        const cfg = chartConfig(entry.view, this.style, this.theme!);
        entry.chart.data.labels = cfg.data.labels;
        entry.chart.data.datasets = cfg.data.datasets;
        entry.chart.options = cfg.options!;
        entry.chart.update('none');
    }

    /** Re-reads the theme's colours (after the body's theme class changed) and repaints. */
    applyTheme(): void {
        if (this.entries.size === 0) {
            this.theme = undefined;
            return;
        }
        this.theme = readTheme();
        for (const entry of this.entries.values()) this.apply(entry);
    }

    get size(): number {
        return this.charts.length;
    }

    destroy(): void {
        for (const e of this.entries.values()) e.chart.destroy();
        this.entries.clear();
    }
}
