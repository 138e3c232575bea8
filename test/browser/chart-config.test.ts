// The charts' configuration, in Node: axes and tooltips print numbers in the plan's own style; no
// chart has two value axes; years stand on a linear axis; results are solid and plans dashed with
// hollow points; targets are drawn at their level or as a band and named in the legend; a line's
// axis starts at 0 unless its figures are far from 0, and then says where it starts; the palette
// keeps twelve series apart for colour-blind readers; and the SVG a chart is saved as.
// (That the charts actually paint is checked in Chromium, preview.test.ts and preview-charts.test.ts.)
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import {
    chartConfig, PALETTES, paletteFor, PLAN_DASH, POINT_STYLES, PRINT_THEME, rangeBands, standardBreaks, targetMarkers, valueAxis, wrongStepNotes, type ChartWords, type Theme
} from '../../extension/webview/chart-config.js';
import { chartSvg, wrapTitle } from '../../extension/webview/chart-export.js';
import { formatAuto, withUnit } from '../../extension/webview/format.js';
import { SvgContext } from '../../extension/webview/svg-context.js';
import type { ChartView } from '../../common/view.js';
import { stringsFor } from '../../common/preview-strings.js';

const theme: Theme = {
    foreground: 'rgb(0, 0, 0)', muted: 'rgb(1, 1, 1)', grid: 'rgb(2, 2, 2)', target: 'rgb(200, 0, 0)', background: 'rgb(255, 255, 255)',
    series: Array.from({ length: 12 }, (_, i) => `rgb(${i}, 100, 100)`), font: 'serif'
};
const vi = stringsFor('vi');
const words: ChartWords = { result: vi.chartResult, plan: vi.chartPlan, target: vi.chartTarget, axisFrom: vi.axisFrom };

type Callback = (...args: unknown[]) => string;
type Cfg = ReturnType<typeof chartConfig>;
const scales = (cfg: Cfg) => cfg.options!.scales as Record<string, Record<string, any>>;
const tick = (cfg: Cfg, axis: string, value: number) => (scales(cfg)[axis].ticks.callback as Callback)(value, 0, []);
const tooltipAt = (cfg: Cfg, datasetIndex: number, dataIndex: number) =>
    (cfg.options!.plugins!.tooltip!.callbacks!.label as unknown as Callback)({ dataset: cfg.data.datasets[datasetIndex], datasetIndex, dataIndex, parsed: { y: null } });
const tooltip = (cfg: Cfg, label: string, y: number | null) =>
    (cfg.options!.plugins!.tooltip!.callbacks!.label as unknown as Callback)({ dataset: { label }, parsed: { y } });

const rates: ChartView = {
    id: 'district-rates', type: 'line', unit: '%', title: 'Tỷ lệ', labels: ['2021', '2022', '2023', '2025'], axis: 'year',
    kinds: ['result', 'result', 'plan', 'plan'],
    series: [{ label: 'Phù Cừ', data: [3.17, 2.21, 1.5, 0.65] }, { label: 'Tiên Lữ', data: [2.39, null, 1.2, 0.55] }]
};
const poor: ChartView = {
    id: 'poor-households', type: 'bar', unit: 'hộ', title: 'Số hộ nghèo', labels: ['Phù Cừ', 'Tiên Lữ'],
    series: [{ label: 'Kết quả năm 2022', kind: 'result', data: [650, 679] }, { label: 'Kế hoạch năm 2025', kind: 'plan', data: [195, 183] }]
};
const schooling: ChartView = {
    id: 'indicator-gd_di_hoc', type: 'line', unit: '%', title: 'Đi học đúng độ tuổi', labels: ['2022', '2023', '2024', '2025'], axis: 'year',
    kinds: ['result', 'plan', 'plan', 'plan'], series: [{ label: 'Đi học', data: [93.9, 95, 97, 99] }],
    targets: [{ label: '2025', op: 'above', value: 98, text: 'trên 98%' }]
};

describe('chart numbers in the plan style', () => {
    it('prints as few decimals as a value needs', () => {
        expect(formatAuto(29822, 'vi')).toBe('29.822');
        expect(formatAuto(3.17, 'vi')).toBe('3,17');
        expect(formatAuto(0.5, 'vi')).toBe('0,5');
        expect(formatAuto(2.5000000001, 'vi')).toBe('2,5');
        expect(formatAuto(1234567.891, 'international')).toBe('1,234,567.89');
        expect(withUnit('3,17', '%')).toBe('3,17%');
        expect(withUnit('29.822', 'hộ')).toBe('29.822 hộ');
    });

    it('labels the value axis and tooltips in the plan\'s style; years are years, not 2.025', () => {
        const cfg = chartConfig(rates, 'vi', theme, words);
        expect(tick(cfg, 'y', 2.5)).toBe('2,5');
        expect(tick(cfg, 'x', 2025)).toBe('2025');
        expect(tooltip(cfg, 'Phù Cừ', 3.17)).toBe('Phù Cừ: 3,17%');
        expect(tooltip(cfg, 'Tiên Lữ', null)).toBe('Tiên Lữ: —');
        expect(tick(chartConfig(rates, 'international', theme, words), 'y', 2.5)).toBe('2.5');
        const bars = chartConfig(poor, 'vi', theme, words);
        expect(tick(bars, 'y', 30000)).toBe('30.000');
        // The tooltip's title says what the year's figures are.
        const title = cfg.options!.plugins!.tooltip!.callbacks!.title as unknown as (items: unknown[]) => string;
        expect(title([{ parsed: { x: 2023 } }])).toBe('2023 — Kế hoạch');
        expect(title([{ parsed: { x: 2021 } }])).toBe('2021 — Kết quả');
    });
});

describe('charts that do not mislead (issue 11)', () => {
    it('has one value axis, whatever the series (no second axis for a quantity a hundred times smaller)', () => {
        for (const c of [rates, poor, schooling, { ...poor, series: [{ label: 'Hộ', data: [50204, 68036] }, { label: 'Hộ nghèo', data: [365, 351] }] }]) {
            expect(Object.keys(scales(chartConfig(c, 'vi', theme, words)))).toEqual(['x', 'y']);
        }
    });

    it('puts years on a linear axis: 2025 → 2030 is five years wide, one tick a year', () => {
        const cfg = chartConfig({ ...rates, labels: ['2021', '2022', '2025', '2030'] }, 'vi', theme, words);
        const x = scales(cfg).x;
        expect(x.type).toBe('linear');
        expect(cfg.data.datasets[0].data.map(p => (p as { x: number }).x)).toEqual([2021, 2022, 2025, 2030]);
        const scale = { ticks: [] as { value: number }[] };
        x.afterBuildTicks(scale);
        expect(scale.ticks.map(t => t.value)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
        expect(x.min).toBeLessThan(2021);
        expect(x.max).toBeGreaterThan(2030);
        // Categories (districts) stay categories.
        expect(scales(chartConfig(poor, 'vi', theme, words)).x.type).toBeUndefined();
    });

    it('draws results solid with filled points and plans dashed with hollow points, segment by segment', () => {
        const [first] = chartConfig(rates, 'vi', theme, words).data.datasets as unknown as Record<string, any>[];
        const dash = (p1DataIndex: number) => first.segment.borderDash({ p1DataIndex });
        // 2021→2022 is a result; 2022→2023 and 2023→2025 lead to plans.
        expect([dash(1), dash(2), dash(3)]).toEqual([undefined, PLAN_DASH, PLAN_DASH]);
        const fill = (dataIndex: number) => first.pointBackgroundColor({ dataIndex });
        expect([fill(0), fill(1), fill(2)]).toEqual([theme.series[0], theme.series[0], theme.background]);
        // Plan bars are the result's colour, lighter and outlined.
        const [result, plan] = chartConfig(poor, 'vi', theme, words).data.datasets as unknown as Record<string, any>[];
        expect(result.backgroundColor).toBe(theme.series[0]);
        expect(plan.borderColor).toBe(theme.series[0]);
        expect(plan.backgroundColor).toBe('rgba(0, 100, 100, 0.3)');
        expect(plan.borderWidth).toBeGreaterThan(0);
    });

    it('gives each series its own colour and point shape, twelve apart', () => {
        const twelve: ChartView = { ...rates, series: Array.from({ length: 12 }, (_, i) => ({ label: `H${i}`, data: [1, 2, 3, i] })) };
        const ds = chartConfig(twelve, 'vi', theme, words).data.datasets as unknown as Record<string, any>[];
        expect(new Set(ds.map(d => d.borderColor)).size).toBe(12);
        expect(ds.slice(0, POINT_STYLES.length).map(d => d.pointStyle)).toEqual([...POINT_STYLES]);
    });

    it('starts a line\'s axis at 0 unless its figures are far from 0, and then says where it starts', () => {
        // 93,9 → 99 (and a target of 98): from 92, in steps of 2, to 100 (a percentage stops at 100).
        expect(valueAxis(schooling)).toEqual({ min: 92, max: 100, step: 2, fromZero: false });
        const cfg = chartConfig(schooling, 'vi', theme, words);
        expect(scales(cfg).y).toMatchObject({ min: 92, max: 100, beginAtZero: false });
        expect(cfg.options!.plugins!.subtitle).toMatchObject({ display: true, text: 'Trục tung bắt đầu từ 92%, không từ 0.' });
        expect(cfg.plugins!.map(p => p.id)).toContain('planAxisCut');
        // Rates near 0 keep 0; bars always start at 0.
        expect(valueAxis(rates)).toEqual({ min: 0, fromZero: true });
        expect(valueAxis({ ...poor, series: [{ label: 'x', data: [950, 990] }] })).toEqual({ min: 0, fromZero: true });
        expect(chartConfig(rates, 'vi', theme, words).options!.plugins!.subtitle!.display).toBe(false);
        // A flat 100 % line still shows where it stands, under 100.
        const flat = valueAxis({ ...schooling, series: [{ label: 'x', data: [100, 100, 100, 100] }], targets: [] });
        expect(flat.fromZero).toBe(false);
        expect(flat.max).toBe(100);
        expect(flat.min).toBeLessThan(100);
        // A target below the figures pulls the axis down to show it.
        expect(valueAxis({ ...schooling, targets: [{ label: '2025', op: 'between', low: 3, high: 4, text: '' }] }).fromZero).toBe(true);
    });

    it('draws a level target as a bar with an arrow to the side the figure must be on, and a range as a band', () => {
        const drawn: string[] = [];
        const ctx = {
            save() {}, restore() {}, beginPath() {}, stroke() { drawn.push('stroke'); }, setLineDash() {},
            moveTo(x: number, y: number) { drawn.push(`M${x},${y}`); }, lineTo(x: number, y: number) { drawn.push(`L${x},${y}`); },
            fillRect(x: number, y: number, w: number, h: number) { drawn.push(`rect ${x},${y},${w},${h}`); },
            fillText(t: string, x: number, y: number) { drawn.push(`text ${t} @${x},${y}`); }, measureText: (t: string) => ({ width: t.length * 6 }),
            strokeStyle: '', fillStyle: '', font: '', lineWidth: 0, textAlign: '', textBaseline: ''
        };
        const chart = {
            ctx, chartArea: { top: 10, bottom: 210, left: 40, right: 600 },
            scales: { x: { getPixelForValue: (v: number) => 100 + (v - 2022) * 100 }, y: { getPixelForValue: (v: number) => 210 - (v - 90) * 20 } }
        };
        const below: ChartView = { ...schooling, targets: [{ label: '2025', op: 'below', value: 95, text: 'dưới 95%' }] };
        (targetMarkers(below, theme).afterDatasetsDraw as unknown as (c: unknown) => void)(chart);
        // At 2025 (x 400), 95 (y 110): the level, then an arrow down.
        expect(drawn.slice(0, 6)).toEqual(['M391,110', 'L409,110', 'stroke', 'M400,110', 'L400,122', 'stroke']);
        expect(drawn.at(-1)).toBe('text dưới 95% @411,107');
        drawn.length = 0;
        const range: ChartView = { ...schooling, targets: [{ label: '2024', op: 'between', low: 96, high: 98, text: 'từ 96 đến 98%' }] };
        (targetMarkers(range, theme).afterDatasetsDraw as unknown as (c: unknown) => void)(chart);
        expect(drawn[0]).toBe('rect 291,50,18,40');
    });

    it('names the styles and the targets in the legend', () => {
        const cfg = chartConfig(schooling, 'vi', theme, words);
        const legend = cfg.options!.plugins!.legend!;
        expect(legend.display).toBe(true);
        const chart = { data: cfg.data, isDatasetVisible: () => true };
        const items = (legend.labels!.generateLabels as unknown as (c: unknown) => { text: string; lineDash?: number[]; datasetIndex?: number }[])(chart);
        expect(items.map(i => i.text)).toEqual(['Kết quả', 'Kế hoạch', 'Mục tiêu 2025: trên 98%']);
        expect(items[1].lineDash).toEqual(PLAN_DASH);
        // Several series: each is named (and can be hidden), then the keys.
        const many = (chartConfig(rates, 'vi', theme, words).options!.plugins!.legend!.labels!.generateLabels as unknown as (c: unknown) => { text: string; datasetIndex?: number }[])(
            { data: chartConfig(rates, 'vi', theme, words).data, isDatasetVisible: () => true });
        expect(many.map(i => [i.text, i.datasetIndex])).toEqual([['Phù Cừ', 0], ['Tiên Lữ', 1], ['Kết quả', undefined], ['Kế hoạch', undefined]]);
    });
});

/** sRGB hex → CIELAB, with the Machado et al. (2009) simulations of colour vision deficiency. */
const CVD: Record<string, number[][]> = {
    deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
};
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const linearOf = (hex: string) => [1, 3, 5].map(i => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255));
function lab(linear: number[]): number[] {
    const [r, g, b] = linear.map(c => Math.min(1, Math.max(0, c)));
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const seen = (hex: string, vision: string) => lab(vision === 'normal' ? linearOf(hex) : CVD[vision].map(row => row.reduce((s, m, j) => s + m * linearOf(hex)[j], 0)));
function closest(palette: readonly string[]): number {
    let worst = Infinity;
    for (const vision of ['normal', ...Object.keys(CVD)]) {
        const labs = palette.map(h => seen(h, vision));
        for (let i = 0; i < labs.length; i++) for (let j = i + 1; j < labs.length; j++) worst = Math.min(worst, Math.hypot(...labs[i].map((v, k) => v - labs[j][k])));
    }
    return worst;
}
const luminance = (hex: string) => linearOf(hex).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (a: string, b: string) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

describe('the palette (issue 11)', () => {
    it('keeps twelve series apart in normal vision and in the three kinds of colour blindness, and shows on its background', () => {
        for (const [name, palette, background] of [['light', PALETTES.light, '#ffffff'], ['dark', PALETTES.dark, '#1e1e1e']] as const) {
            expect(palette, name).toHaveLength(12);
            expect(closest(palette), name).toBeGreaterThanOrEqual(13);
            for (const c of palette) expect(contrast(c, background), `${name} ${c}`).toBeGreaterThanOrEqual(2);
        }
        // The palette before issue 11 had two oranges and two greens that collide.
        const before = ['#1a85ff', '#d18616', '#388a34', '#e51400', '#652d90', '#bf8803', '#00838f', '#c2185b', '#795548', '#5f6b00'];
        expect(closest(before)).toBeLessThan(5);
    });

    it('follows the theme kind', () => {
        expect(paletteFor('vscode-light')).toBe(PALETTES.light);
        expect(paletteFor('vscode-dark')).toBe(PALETTES.dark);
        expect(paletteFor('vscode-high-contrast')).toBe(PALETTES.dark);
        expect(paletteFor('vscode-high-contrast vscode-high-contrast-light')).toBe(PALETTES.light);
        expect(PRINT_THEME.series).toEqual([...PALETTES.light]);
    });
});

describe('a change of poverty standard (issue 10)', () => {
    it('draws a dashed line with its note halfway before the first year of the new standard', () => {
        const withBreak: ChartView = { ...rates, axis: undefined, kinds: undefined, labels: ['2015', '2016'], breaks: [{ label: '2016', note: 'Từ đây: đa chiều' }] };
        const cfg = chartConfig(withBreak, 'vi', theme, words);
        expect(cfg.plugins!.map(p => p.id)).toEqual(['planStandardBreaks']);
        const drawn: string[] = [];
        const ctx = {
            save() {}, restore() {}, beginPath() {}, stroke() { drawn.push('stroke'); }, setLineDash(d: number[]) { drawn.push(`dash ${d.join(',')}`); },
            moveTo(x: number, y: number) { drawn.push(`move ${x},${y}`); }, lineTo(x: number, y: number) { drawn.push(`line ${x},${y}`); },
            fillText(t: string, x: number) { drawn.push(`text ${t} @${x}`); }, strokeStyle: '', fillStyle: '', font: ''
        };
        const chart = { ctx, chartArea: { top: 10, bottom: 110 }, scales: { x: { getPixelForValue: (i: number) => 100 + 200 * i } } };
        (cfg.plugins![0].afterDatasetsDraw as unknown as (c: unknown) => void)(chart);
        expect(drawn).toEqual(['dash 4,4', 'move 200,10', 'line 200,110', 'stroke', 'dash ', 'text Từ đây: đa chiều @204']);
        expect(chartConfig(rates, 'vi', theme, words).plugins).toEqual([]);
        // On a year axis the break stands between the two years, wherever they are.
        const years: ChartView = { ...rates, labels: ['2015', '2020'], breaks: [{ label: '2020', note: 'x' }] };
        drawn.length = 0;
        const yearChart = { ctx, chartArea: { top: 10, bottom: 110 }, scales: { x: { getPixelForValue: (v: number) => (v - 2000) * 10 } } };
        (standardBreaks(years, theme).afterDatasetsDraw as unknown as (c: unknown) => void)(yearChart);
        expect(drawn[1]).toBe('move 175,10');
    });
});

describe('a chart that never misleads (issue 20)', () => {
    type Ctx = Record<string, unknown>;
    /** A 2D context that writes down what is drawn. */
    function recorder(drawn: string[]): Ctx {
        return {
            save() {}, restore() {}, beginPath() {}, stroke() { drawn.push('stroke'); }, setLineDash() {},
            moveTo(x: number, y: number) { drawn.push(`M${x},${y}`); }, lineTo(x: number, y: number) { drawn.push(`L${x},${y}`); },
            arc(x: number, y: number, r: number) { drawn.push(`arc ${x},${y},${r}`); }, closePath() {}, fill() {},
            fillRect(x: number, y: number, w: number, h: number) { drawn.push(`rect ${x},${y},${w},${h}`); },
            fillText(t: string, x: number, y: number) { drawn.push(`text ${t} @${x},${y}`); }, measureText: (t: string) => ({ width: t.length * 6 }),
            strokeStyle: '', fillStyle: '', font: '', lineWidth: 0, textAlign: '', textBaseline: ''
        };
    }
    const chartOf = (ctx: Ctx) => ({
        ctx, chartArea: { top: 10, bottom: 210, left: 40, right: 600 }, isDatasetVisible: () => true,
        scales: { x: { getPixelForValue: (v: number) => 100 + (v - 2022) * 100 }, y: { getPixelForValue: (v: number) => 210 - v * 20 } }
    });
    const draw = (plugin: { afterDatasetsDraw?: unknown }, ctx: Ctx) => (plugin.afterDatasetsDraw as (c: unknown) => void)(chartOf(ctx));
    const segment = (cfg: Cfg, series: number) => (cfg.data.datasets[series] as unknown as Record<string, any>).segment;

    it('does not draw the line across a change of poverty standard', () => {
        const withBreak: ChartView = { ...rates, breaks: [{ label: '2023', note: 'Từ đây: chuẩn mới' }] };
        const s = segment(chartConfig(withBreak, 'vi', theme, words), 0);
        const colour = (p0DataIndex: number, p1DataIndex: number) => s.borderColor({ p0DataIndex, p1DataIndex });
        // 2021→2022 drawn; 2022→2023 crosses the break; 2023→2025 drawn.
        expect([colour(0, 1), colour(1, 2), colour(2, 3)]).toEqual([undefined, 'transparent', undefined]);
        // A gap (Tiên Lữ has no 2022) spanned across the break is not drawn either.
        expect(segment(chartConfig(withBreak, 'vi', theme, words), 1).borderColor({ p0DataIndex: 0, p1DataIndex: 2 })).toBe('transparent');
        expect(segment(chartConfig(rates, 'vi', theme, words), 0).borderColor({ p0DataIndex: 1, p1DataIndex: 2 })).toBeUndefined();
    });

    it('draws a step in the wrong direction in the target colour, thicker, with what it is, and keys it in the legend', () => {
        const stepped: ChartView = {
            ...schooling, wrongSteps: [{ series: 0, to: '2024', note: 'giảm so với 2023 (càng cao càng tốt)' }], keys: { wrongStep: 'Đi ngược hướng của chỉ tiêu' }
        };
        const cfg = chartConfig(stepped, 'vi', theme, words);
        const s = segment(cfg, 0);
        const at = schooling.labels.indexOf('2024');
        expect(s.borderColor({ p0DataIndex: at - 1, p1DataIndex: at })).toBe(theme.target);
        expect(s.borderWidth({ p1DataIndex: at })).toBe(3);
        expect(s.borderColor({ p0DataIndex: at - 2, p1DataIndex: at - 1 })).toBeUndefined();
        expect(cfg.plugins!.map(p => p.id)).toContain('planWrongSteps');
        const drawn: string[] = [];
        draw(wrongStepNotes(stepped, theme), recorder(drawn));
        expect(drawn).toHaveLength(1);
        expect(drawn[0]).toMatch(/^text giảm so với 2023 \(càng cao càng tốt\) @\d+(\.\d+)?,/);
        const legend = (cfg.options!.plugins!.legend!.labels!.generateLabels as unknown as (c: unknown) => { text: string }[])({ isDatasetVisible: () => true });
        expect(legend.map(l => l.text)).toContain('Đi ngược hướng của chỉ tiêu');
        expect(cfg.options!.plugins!.legend!.display).toBe(true);
    });

    it('says a missed target under its text and rings the figure that misses it', () => {
        const missed: ChartView = {
            ...schooling, series: [{ label: 'x', data: schooling.labels.map(() => 9) }],
            targets: [{ label: '2025', op: 'below', value: 9, text: 'dưới 9%', missed: 'chưa đạt (9%)' }]
        };
        const drawn: string[] = [];
        draw(targetMarkers(missed, theme), recorder(drawn));
        expect(drawn.filter(d => d.startsWith('text'))).toEqual([expect.stringMatching(/^text dưới 9% @/), expect.stringMatching(/^text chưa đạt \(9%\) @/)]);
        expect(drawn).toContain('arc 400,30,8');
        const legend = (chartConfig(missed, 'vi', theme, words).options!.plugins!.legend!.labels!.generateLabels as unknown as (c: unknown) => { text: string }[])({ isDatasetVisible: () => true });
        expect(legend.map(l => l.text)).toContain('Mục tiêu 2025: dưới 9% — chưa đạt (9%)');
        // A met target has neither.
        drawn.length = 0;
        draw(targetMarkers({ ...missed, targets: [{ ...missed.targets![0], missed: undefined }] }, theme), recorder(drawn));
        expect(drawn.some(d => d.startsWith('arc'))).toBe(false);
    });

    it('draws a range of targets as a band in its series colour, on an axis that holds it', () => {
        const ranged: ChartView = {
            id: 'district-rates', type: 'line', unit: '%', title: 'Tỷ lệ hộ nghèo giảm (%)', labels: ['2025'], axis: 'year',
            series: [{ label: 'Phù Cừ', data: [null], ranges: [{ low: 3, high: 3.4 }] }, { label: 'Tiên Lữ', data: [null], ranges: [{ low: 2.5, high: 3.3 }] }]
        };
        // The axis holds the bands (a line chart of figures far from 0 starts below them).
        const axis = valueAxis(ranged);
        expect(axis.min).toBeLessThanOrEqual(2.5);
        if (axis.max !== undefined) expect(axis.max).toBeGreaterThanOrEqual(3.4);
        const cfg = chartConfig(ranged, 'vi', theme, words);
        expect(cfg.plugins!.map(p => p.id)).toContain('planRangeBands');
        const drawn: string[] = [];
        draw(rangeBands(ranged, theme), recorder(drawn));
        // Side by side at 2025 (x 400 ± 3,5): 3,0–3,4 and 2,5–3,3.
        expect(drawn.filter(d => d.startsWith('rect'))).toEqual(['rect 393.5,142,6,8', 'rect 400.5,144,6,16']);
        expect(tooltipAt(cfg, 0, 0)).toBe('Phù Cừ: 3–3,4%');
    });

    it('draws a point at the top of a 0–100 % axis whole', () => {
        const flat: ChartView = { ...schooling, series: [{ label: 'x', data: schooling.labels.map(() => 100) }] };
        // The axis stops at 100 (a percentage does not run past it): the points stand on its top edge.
        expect(valueAxis(flat).max).toBe(100);
        const [dataset] = chartConfig(flat, 'vi', theme, words).data.datasets as unknown as Record<string, any>[];
        expect(dataset.clip).toBeGreaterThanOrEqual(5);
    });
});

describe('a chart as SVG (issue 11)', () => {
    const measure = (font: string, text: string) => text.length * Number(/([\d.]+)px/.exec(font)?.[1] ?? 10) * 0.55;

    it('is a well-formed SVG document of the whole chart: title, axes, dashed plan, target, the axis note', () => {
        const svg = chartSvg({ ...schooling, title: 'Tỷ lệ trẻ em <đi học> & đúng tuổi: kết quả năm 2022 và kế hoạch 2023–2025' }, 'vi', words, measure);
        const texts: string[] = [];
        const elements: string[] = [];
        const parser = new SaxesParser({ xmlns: true });
        let inText = false;
        parser.on('opentag', t => { elements.push(t.local); inText = t.local === 'text' || t.local === 'title'; });
        parser.on('text', t => { if (inText && t.trim()) texts.push(t); });
        parser.on('closetag', () => { inText = false; });
        parser.write(svg).close();
        expect(elements[0]).toBe('svg');
        expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="960" height="560"/);
        // The title, escaped, as the image's title and drawn above the chart.
        expect(texts[0]).toBe('Tỷ lệ trẻ em <đi học> & đúng tuổi: kết quả năm 2022 và kế hoạch 2023–2025');
        expect(texts).toEqual(expect.arrayContaining(['2022', '2025', '92', '100', 'trên 98%', 'Trục tung bắt đầu từ 92%, không từ 0.', 'Kết quả', 'Kế hoạch', 'Mục tiêu 2025: trên 98%']));
        expect(texts.some(t => t.startsWith('Tỷ lệ trẻ em <đi học>'))).toBe(true);
        // The plan's segments dashed, the white page behind everything.
        expect(svg).toMatch(/stroke="#0072B2" stroke-width="2"[^>]*stroke-dasharray="6 4"/);
        expect(svg).toMatch(/<path d="M0 0L960 0L960 560L0 560Z" fill="#ffffff"/);
        expect(svg).not.toMatch(/NaN|undefined/);
    });

    it('wraps a long title to the image\'s width', () => {
        const lines = wrapTitle('một hai ba bốn năm sáu bảy tám chín mười', 75, t => t.length * 5);
        expect(lines).toEqual(['một hai ba bốn', 'năm sáu bảy tám', 'chín mười']);
    });

    it('draws arcs, dashes, clips and rotated text as SVG', () => {
        const ctx = new SvgContext(100, 50, (_f, t) => t.length * 5);
        ctx.fillStyle = 'rgba(10, 20, 30, 0.5)';
        ctx.beginPath();
        ctx.arc(10, 10, 5, 0, Math.PI * 2);
        ctx.fill();
        ctx.save();
        ctx.beginPath();
        ctx.rect(0, 0, 50, 50);
        ctx.clip();
        ctx.setLineDash([3, 2]);
        ctx.strokeStyle = '#123456';
        ctx.beginPath();
        ctx.moveTo(0, 0);
        ctx.lineTo(20, 20);
        ctx.stroke();
        ctx.translate(30, 30);
        ctx.rotate(-Math.PI / 2);
        ctx.font = 'bold 12px serif';
        ctx.textAlign = 'center';
        ctx.fillText('a<b', 0, 0);
        ctx.restore();
        const svg = ctx.toSvg();
        expect(svg).toContain('<path d="M15 10A5 5 0 0 1 5 10A5 5 0 0 1 15 10" fill="rgb(10, 20, 30)" fill-opacity="0.5"/>');
        expect(svg).toContain('<clipPath id="clip1"><path d="M0 0L50 0L50 50L0 50Z"/></clipPath>');
        expect(svg).toContain('stroke-dasharray="3 2" clip-path="url(#clip1)"/>');
        expect(svg).toMatch(/<g clip-path="url\(#clip1\)"><text x="0" y="0" text-anchor="middle"[^>]*font-weight="bold"[^>]*transform="matrix\(0 -1 1 0 30 30\)"[^>]*>a&lt;b<\/text><\/g>/);
    });
});
