// A chart as an image to put in a report: drawn again off screen at a fixed size, with its title
// above it and on a white page whatever the editor's theme (PRINT_THEME), as SVG here (chart.js
// drawing into SvgContext; no DOM, so Node tests run it) and as PNG in charts.ts (a canvas, then
// toBlob). chart.js runs on its BasicPlatform there: no events, no resizing, no animation.
import {
    BarController, BarElement, BasicPlatform, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, SubTitle, Title,
    type ChartConfiguration, type Plugin
} from 'chart.js';
import type { NumberStyle } from '../../common/numbers.js';
import type { ChartView } from '../../common/view.js';
import { chartConfig, PRINT_THEME, type ChartWords, type PlanChartConfig, type Theme } from './chart-config.js';
import { SvgContext } from './svg-context.js';

// What an exported chart draws (the preview's own charts register the tooltip as well).
Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, SubTitle, Title);

export const EXPORT_WIDTH = 960;
export const EXPORT_HEIGHT = 560;

/** The title in lines that fit the image's width (chart.js does not wrap a title). */
export function wrapTitle(title: string, width: number, measure: (text: string) => number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of title.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (line && measure(next) > width) {
            lines.push(line);
            line = word;
        } else {
            line = next;
        }
    }
    if (line) lines.push(line);
    return lines;
}

/** Fills the page before anything is drawn (a canvas is transparent). */
function pageBackground(colour: string): Plugin<'line' | 'bar'> {
    return {
        id: 'planPage',
        beforeDraw(chart: Chart) {
            const ctx = chart.ctx;
            ctx.save();
            ctx.fillStyle = colour;
            ctx.fillRect(0, 0, chart.width, chart.height);
            ctx.restore();
        }
    };
}

const TITLE_FONT_SIZE = 15;

/** The chart's configuration for an image: fixed size, title drawn in, white page. */
export function exportConfig(c: ChartView, style: NumberStyle, words: ChartWords, measure: (font: string, text: string) => number, theme: Theme = PRINT_THEME, pixelRatio = 1): PlanChartConfig {
    const cfg = chartConfig(c, style, theme, words);
    const titleFont = `bold ${TITLE_FONT_SIZE}px ${theme.font}`;
    const title = wrapTitle(c.title, EXPORT_WIDTH - 32, text => measure(titleFont, text));
    const options = cfg.options!;
    return {
        ...cfg,
        plugins: [pageBackground(theme.background), ...(cfg.plugins ?? [])],
        platform: BasicPlatform,
        options: {
            ...options,
            responsive: false,
            animation: false,
            devicePixelRatio: pixelRatio,
            events: [],
            layout: { padding: 12 },
            plugins: {
                ...options.plugins,
                title: { display: true, text: title, align: 'start', color: theme.foreground, font: { size: TITLE_FONT_SIZE, weight: 'bold', family: theme.font }, padding: { top: 0, bottom: 10 } },
                tooltip: { enabled: false }
            }
        }
    } as PlanChartConfig;
}

/** The chart as an SVG document. */
export function chartSvg(c: ChartView, style: NumberStyle, words: ChartWords, measure: (font: string, text: string) => number): string {
    const ctx = new SvgContext(EXPORT_WIDTH, EXPORT_HEIGHT, measure);
    const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], exportConfig(c, style, words, measure) as ChartConfiguration);
    try {
        chart.draw();
        return ctx.toSvg(c.title);
    } finally {
        chart.destroy();
    }
}
