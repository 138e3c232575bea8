// The charts never mislead (issue 20): what the checker found is on the chart (a missed target, a
// step in the wrong direction), a range of targets is a band, a rate column with no figure is not
// drawn, and a line is not drawn across a change of poverty standard (test/browser/chart-config.test.ts
// checks how chart.js draws these; test/browser/preview-charts.test.ts takes their screenshots).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../helpers/plan.js';
import { seedView, viewOfText } from './export-support.js';

const example = (name: string) => fs.readFileSync(path.join(EXAMPLES_DIR, 'tables', name), 'utf-8');

describe('the charts say what the checker found', () => {
    it('marks each target of the seed the checker found not met, and only those', async () => {
        const view = await seedView();
        const missed = view.charts.flatMap(c => (c.targets ?? []).filter(t => t.missed).map(t => `${c.id} ${t.label}: ${t.text} — ${t.missed}`));
        const notMet = view.findingList!.filter(f => f.code === 'target-not-met');
        expect(notMet.length).toBe(5);
        // Each missed mark stands for a finding; a target of an indicator without a chart has none.
        expect(missed.length).toBeGreaterThan(0);
        expect(missed.length).toBeLessThanOrEqual(notMet.length);
        for (const m of missed) expect(m).toMatch(/chưa đạt \(.+\)/);
        const met = view.charts.flatMap(c => (c.targets ?? []).filter(t => !t.missed));
        expect(met.length).toBeGreaterThan(0);
    });

    it('marks a strict target met only at its value ("dưới 9" against 9), and not a target met', async () => {
        const plan = (figure: string) => `plan p "Kế hoạch"
dimension tn "Thu nhập" {
    indicator ngheo "Tỷ lệ hộ nghèo" { unit percent direction lower baseline 2022 = 12 plan 2024 = 10 plan 2025 = ${figure} }
}
target t1 { indicator ngheo year 2025 below 9 text "dưới 9%" }
`;
        const missed = await viewOfText(plan('9'));
        expect(missed.findingList!.map(f => f.code)).toContain('target-not-met');
        expect(missed.charts.find(c => c.id === 'indicator-ngheo')!.targets)
            .toEqual([expect.objectContaining({ label: '2025', op: 'below', value: 9, missed: 'chưa đạt (9%)' })]);
        const met = await viewOfText(plan('8,9'));
        expect(met.findingList!.map(f => f.code)).not.toContain('target-not-met');
        expect(met.charts.find(c => c.id === 'indicator-ngheo')!.targets![0].missed).toBeUndefined();
    });

    it('draws the step in the wrong direction, said from the year it is compared with', async () => {
        const view = await seedView();
        const finding = view.findingList!.find(f => f.code === 'wrong-direction')!;
        expect(finding).toBeDefined();
        const steps = view.charts.flatMap(c => (c.wrongSteps ?? []).map(s => ({ chart: c.id, ...s, key: c.keys?.wrongStep })));
        expect(steps).toHaveLength(1);
        expect(steps[0].note).toMatch(/^(tăng|giảm) so với \d{4} \(càng (thấp|cao) càng tốt\)$/);
        expect(steps[0].key).toBe('Đi ngược hướng của chỉ tiêu');
        // The step leads to the year of the figure the finding is on.
        expect(finding.message).toContain(steps[0].to);
    });
});

describe('a column that is not a level', () => {
    it('draws a range of targets as a band, titled by the column as printed', async () => {
        const view = await viewOfText(example('5-target-ranges.plan'));
        const chart = view.charts.find(c => c.id === 'district-rates')!;
        expect(chart.title).toMatch(/^Tỷ lệ hộ nghèo giảm \(%\)/);
        expect(chart.series.map(s => [s.label, s.data, s.ranges])).toEqual([
            ['Phù Cừ', [null], [{ low: 3, high: 3.4 }]],
            ['Tiên Lữ', [null], [{ low: 2.5, high: 3.3 }]]
        ]);
    });

    it('draws no chart of a rate column that holds no figure', async () => {
        const text = example('5-target-ranges.plan')
            .replace(/3,0\.\.3,4/, '-').replace(/2,5\.\.3,3/, '-').replace(/2,8\.\.3,2/, '-');
        const view = await viewOfText(text);
        expect(view.charts.map(c => c.id)).not.toContain('district-rates');
    });

    it('keeps the change of standard as a break of the district rates', async () => {
        const view = await viewOfText(example('7-standard-change.plan'));
        expect(view.charts.find(c => c.id === 'district-rates')!.breaks).toHaveLength(1);
    });
});
