// The plan's charts with chart.js (bundled; only the parts used are registered). Colours come from
// the theme (its CSS variables, and the palette of its kind) and are read again whenever the theme
// changes; numbers on axes and in tooltips are printed in the plan's number style. Each chart can be
// saved as PNG or SVG (drawn again for a white page, chart-export.ts) and copied to the clipboard.
import {
    BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, SubTitle, Title, Tooltip,
    type ChartConfiguration
} from 'chart.js';
import type { NumberStyle } from '../../common/numbers.js';
import type { ChartView } from '../../common/view.js';
import type { Strings } from '../../common/preview-strings.js';
import { chartConfig, paletteFor, PRINT_THEME, type ChartWords, type PlanChartConfig, type Theme } from './chart-config.js';
import { chartSvg, EXPORT_HEIGHT, EXPORT_WIDTH, exportConfig } from './chart-export.js';
import { el } from './dom.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, SubTitle, Title, Tooltip);

/** Resolves a CSS colour (a variable's value may be a name, hex or rgb()) to rgb()/rgba() via the engine. */
function resolveColour(probe: HTMLElement, value: string, fallback: string): string {
    probe.style.color = '';
    probe.style.color = value.trim() || fallback;
    return getComputedStyle(probe).color || fallback;
}

/** The theme's colours as the stylesheet sets them on body (see --pv-* in preview.css), and its palette. */
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
            series: [...paletteFor(body.className)],
            font: css.fontFamily || 'sans-serif'
        };
    } finally {
        probe.remove();
    }
}

/** What a chart card's buttons do: save as PNG or SVG (through the host), copy as PNG. */
export interface ChartActions {
    save(chartId: string, format: 'png' | 'svg', data: string): void;
    /** Tells the reader how a copy went. */
    notify(text: string, ok: boolean): void;
}

interface Entry { chart: Chart<'line' | 'bar', PlanChartConfig['data']['datasets'][number]['data'], string>; view: ChartView; card: HTMLElement }

/** A text measurer from the browser's fonts. */
export function measurerFrom(ctx: CanvasRenderingContext2D): (font: string, text: string) => number {
    return (font, text) => {
        ctx.font = font;
        return ctx.measureText(text).width;
    };
}

/** The chart as a PNG image of the export's size, at twice its pixels for sharp printing. */
export async function chartPng(c: ChartView, style: NumberStyle, words: ChartWords): Promise<Blob> {
    const canvas = document.createElement('canvas');
    const measure = measurerFrom(document.createElement('canvas').getContext('2d')!);
    // BasicPlatform sizes the chart by the canvas: the size in CSS pixels; the ratio doubles the pixels.
    canvas.width = EXPORT_WIDTH;
    canvas.height = EXPORT_HEIGHT;
    const chart = new Chart(canvas, exportConfig(c, style, words, measure, PRINT_THEME, 2) as ChartConfiguration);
    try {
        chart.draw();
        return await new Promise<Blob>((resolve, reject) => canvas.toBlob(b => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));
    } finally {
        chart.destroy();
    }
}

/** Base64 of a blob's bytes (for the message to the host). */
async function base64Of(blob: Blob): Promise<string> {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
}

/** The charts panel: one card per chart, kept across updates (data replaced in place, no flicker). */
export class ChartBoard {
    private readonly entries = new Map<string, Entry>();
    private charts: ChartView[] = [];
    private style: NumberStyle = 'vi';
    private theme: Theme | undefined;
    private readonly words: ChartWords;

    constructor(private readonly container: HTMLElement, private readonly s: Strings, private readonly actions: ChartActions) {
        this.words = { result: s.chartResult, plan: s.chartPlan, target: s.chartTarget, axisFrom: s.axisFrom };
        container.addEventListener('click', event => {
            const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-chart-action]') : null;
            const id = button?.closest<HTMLElement>('.chart-card')?.dataset.chartId;
            if (!button || !id) return;
            void this.act(id, button.dataset.chartAction ?? '', button);
        });
    }

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
            if (charts.length === 0) this.container.append(el('p', { className: 'empty', text: this.s.noCharts }));
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
        const wide = c.id === 'district-rates' || c.id === 'province-rate';
        const button = (action: string, text: string, title: string) =>
            el('button', { className: 'chart-button', text, title, attrs: { type: 'button' }, data: { chartAction: action } });
        const card = el('figure', { className: `chart-card${wide ? ' wide' : ''}`, data: { chartId: c.id, chartType: c.type } },
            el('div', { className: 'chart-head' },
                el('figcaption', { text: c.title }),
                el('div', { className: 'chart-actions', attrs: { role: 'group', 'aria-label': this.s.chartActions } },
                    button('png', 'PNG', this.s.savePng), button('svg', 'SVG', this.s.saveSvg), button('copy', this.s.copyChart, this.s.copyChartTitle))),
            el('div', { className: 'chart-box' }, canvas));
        this.container.append(card);
        const chart = new Chart(canvas, chartConfig(c, this.style, this.theme!, this.words));
        this.entries.set(c.id, { chart, view: c, card });
    }

    private apply(entry: Entry): void {
        const cfg = chartConfig(entry.view, this.style, this.theme!, this.words);
        entry.chart.data.labels = cfg.data.labels;
        entry.chart.data.datasets = cfg.data.datasets;
        entry.chart.options = cfg.options!;
        // The chart's own plugins (targets, breaks, the axis cut) draw the view they were made for:
        // replaced in the chart's list, which the update reads again.
        const plugins = entry.chart.config.plugins as unknown[];
        plugins.splice(0, plugins.length, ...cfg.plugins ?? []);
        entry.chart.update('none');
    }

    /** The chart as PNG or SVG for the host to save, or as a PNG image on the clipboard. */
    private async act(id: string, action: string, button: HTMLButtonElement): Promise<void> {
        const view = this.charts.find(c => c.id === id);
        if (!view) return;
        button.disabled = true;
        try {
            if (action === 'svg') {
                const measure = measurerFrom(document.createElement('canvas').getContext('2d')!);
                this.actions.save(id, 'svg', chartSvg(view, this.style, this.words, measure));
            } else if (action === 'png') {
                this.actions.save(id, 'png', await base64Of(await chartPng(view, this.style, this.words)));
            } else if (action === 'copy') {
                try {
                    // The promise itself goes into the item, so that the copy keeps the click's permission.
                    await navigator.clipboard.write([new ClipboardItem({ 'image/png': chartPng(view, this.style, this.words) })]);
                    this.actions.notify(this.s.chartCopied, true);
                } catch (e) {
                    this.actions.notify(this.s.copyFailed.replace('{0}', (e as Error)?.message ?? String(e)), false);
                }
            }
        } finally {
            button.disabled = false;
        }
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
