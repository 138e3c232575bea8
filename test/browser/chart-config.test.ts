// The charts' configuration, in Node: axes and tooltips print numbers in the plan's own style, the
// households chart reads its two series on two titled axes, targets are points, a lone series has no
// legend. (That the charts actually paint is checked in Chromium, preview.test.ts.)
import { describe, expect, it } from 'vitest';
import { chartConfig, type Theme } from '../../extension/webview/chart-config.js';
import { formatAuto, withUnit } from '../../extension/webview/format.js';
import type { ChartView } from '../../common/view.js';

const theme: Theme = {
    foreground: 'rgb(0, 0, 0)', muted: 'rgb(1, 1, 1)', grid: 'rgb(2, 2, 2)', target: 'rgb(200, 0, 0)', background: 'rgb(255, 255, 255)',
    series: Array.from({ length: 10 }, (_, i) => `rgb(${i}, 100, 100)`), font: 'serif'
};

type Callback = (...args: unknown[]) => string;
const tick = (cfg: ReturnType<typeof chartConfig>, axis: string, value: number) =>
    ((cfg.options!.scales as Record<string, { ticks: { callback: Callback } }>)[axis].ticks.callback)(value, 0, []);
const tooltip = (cfg: ReturnType<typeof chartConfig>, label: string, y: number | null) =>
    (cfg.options!.plugins!.tooltip!.callbacks!.label as unknown as Callback)({ dataset: { label }, parsed: { y } });

const rates: ChartView = {
    id: 'district-rates', type: 'line', unit: '%', title: 'Tỷ lệ', labels: ['2021', '2022'],
    series: [{ label: 'Phù Cừ', data: [3.17, 2.21] }, { label: 'Tiên Lữ', data: [2.39, null] }]
};
const households: ChartView = {
    id: 'households', type: 'bar', unit: 'hộ', title: 'Hộ', labels: ['Phù Cừ', 'Tiên Lữ'],
    series: [{ label: 'Tổng số hộ dân cư', data: [30209, 33329] }, { label: 'Tổng số hộ nghèo', data: [195, 183] }]
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

    it('labels the axes and tooltips in the Vietnamese style for a vi plan, and the other way for an international one', () => {
        const vi = chartConfig(rates, 'vi', theme);
        expect(tick(vi, 'y', 2.5)).toBe('2,5');
        expect(tooltip(vi, 'Phù Cừ', 3.17)).toBe('Phù Cừ: 3,17%');
        expect(tooltip(vi, 'Tiên Lữ', null)).toBe('Tiên Lữ: —');
        const intl = chartConfig(rates, 'international', theme);
        expect(tick(intl, 'y', 2.5)).toBe('2.5');
        const bars = chartConfig(households, 'vi', theme);
        expect(tick(bars, 'y', 30000)).toBe('30.000');
        expect(tooltip(bars, 'Tổng số hộ dân cư', 29822)).toBe('Tổng số hộ dân cư: 29.822 hộ');
    });
});

describe('chart layout', () => {
    it('puts households and poor households on two titled axes', () => {
        const cfg = chartConfig(households, 'vi', theme);
        const scales = cfg.options!.scales as Record<string, { position?: string; title?: { text: string } }>;
        expect(Object.keys(scales)).toEqual(['x', 'y', 'y1']);
        expect(scales.y.title?.text).toBe('Tổng số hộ dân cư (hộ)');
        expect(scales.y1.position).toBe('right');
        expect(scales.y1.title?.text).toBe('Tổng số hộ nghèo (hộ)');
        expect(cfg.data.datasets.map(d => (d as { yAxisID?: string }).yAxisID)).toEqual(['y', 'y1']);
        // Series of one magnitude share one axis.
        expect(Object.keys(chartConfig(rates, 'vi', theme).options!.scales!)).toEqual(['x', 'y']);
    });

    it('draws targets as points in the target colour, plans dashed, and colours series from the theme', () => {
        const province: ChartView = {
            id: 'province-rate', type: 'line', unit: '%', title: 'Toàn tỉnh', labels: ['2022', '2025', '2030'],
            series: [{ label: 'Kết quả', kind: 'result', data: [1.93, null, null] }, { label: 'Kế hoạch', kind: 'plan', data: [null, 0.49, null] },
                { label: 'Mục tiêu', kind: 'target', data: [null, 0.5, 0] }]
        };
        const [result, plan, target] = chartConfig(province, 'vi', theme).data.datasets as unknown as Record<string, unknown>[];
        expect(result.borderColor).toBe(theme.series[0]);
        expect(result.borderDash).toEqual([]);
        expect(plan.borderDash).toEqual([6, 4]);
        expect(target).toMatchObject({ showLine: false, borderColor: theme.target });
    });

    it('shows a legend only when there is more than one series', () => {
        const one: ChartView = { ...rates, series: [rates.series[0]] };
        expect(chartConfig(one, 'vi', theme).options!.plugins!.legend!.display).toBe(false);
        expect(chartConfig(rates, 'vi', theme).options!.plugins!.legend!.display).toBe(true);
    });
});

describe('a change of poverty standard (issue 10)', () => {
    it('draws a dashed line with its note halfway before the first year of the new standard', () => {
        const withBreak: ChartView = { ...rates, labels: ['2015', '2016'], breaks: [{ label: '2016', note: 'Từ đây: đa chiều' }] };
        const cfg = chartConfig(withBreak, 'vi', theme);
        expect(cfg.plugins).toHaveLength(1);
        const drawn: string[] = [];
        const ctx = {
            save() {}, restore() {}, beginPath() {}, stroke() { drawn.push('stroke'); }, setLineDash(d: number[]) { drawn.push(`dash ${d.join(',')}`); },
            moveTo(x: number, y: number) { drawn.push(`move ${x},${y}`); }, lineTo(x: number, y: number) { drawn.push(`line ${x},${y}`); },
            fillText(t: string, x: number) { drawn.push(`text ${t} @${x}`); }, strokeStyle: '', fillStyle: '', font: ''
        };
        const chart = { ctx, chartArea: { top: 10, bottom: 110 }, scales: { x: { getPixelForValue: (i: number) => 100 + 200 * i } } };
        (cfg.plugins![0].afterDatasetsDraw as unknown as (c: unknown) => void)(chart);
        expect(drawn).toEqual(['dash 4,4', 'move 200,10', 'line 200,110', 'stroke', 'dash ', 'text Từ đây: đa chiều @204']);
        expect(chartConfig(rates, 'vi', theme).plugins).toEqual([]);
    });
});
