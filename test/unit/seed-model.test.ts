// The seed plan's model against the published numbers: every cell of Annex 01, every indicator of
// Annex 02 and every task of Annex 03, compared with the independent JSON transcription in test/fixtures.
import * as fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { matchesRounded } from '../../common/numbers.js';
import type { AgencyModel, IdRef, Measure, PlanModel, TableRowModel } from '../../language-server/src/model/types.js';
import { loadPlans } from '../../language-server/src/cli/workspace.js';
import { SEED_PLAN, PUBLISHED_ANNEXES } from '../helpers/plan.js';

interface Printed { printed: string; value: number }
interface Annex01Cells { households: Printed; poor: Printed; rate: Printed }
interface Annexes {
    annex01: {
        title: string;
        years: Record<string, string>;
        rows: { no: number; district: string; years: Record<string, Annex01Cells> }[];
        total: { label: string; years: Record<string, Annex01Cells> };
    };
    annex02: {
        rows: { dimension: string; stt: string | null; indicator: string; unit: string; values: Record<string, string>; agency: string | null }[];
    };
    annex03: { rows: { no: number; task: string; lead: string; coordinating: string; year: number; note: string }[] };
}

const annexes = JSON.parse(fs.readFileSync(PUBLISHED_ANNEXES, 'utf-8')) as Annexes;
const MEASURE_OF: Record<keyof Annex01Cells, Measure> = { households: 'households', poor: 'poor', rate: 'poor-rate' };

let model: PlanModel;

beforeAll(async () => {
    const { services, documents } = await loadPlans([SEED_PLAN], 'vi');
    model = services.plan.Models.get(documents[0]);
});

function cellsOf(row: TableRowModel, year: number) {
    const y = row.years.find(c => c.year === year);
    expect(y, `${row.label} has year ${year}`).toBeDefined();
    return y!.cells;
}

function expectCells(row: TableRowModel, published: Record<string, Annex01Cells>): void {
    expect(row.years.map(y => y.year)).toEqual(Object.keys(published).map(Number));
    for (const [year, cells] of Object.entries(published)) {
        const ours = cellsOf(row, Number(year));
        for (const key of Object.keys(MEASURE_OF) as (keyof Annex01Cells)[]) {
            const cell = ours.find(c => c.measure === MEASURE_OF[key]);
            const where = `${row.label} ${year} ${key}`;
            expect(cell?.number?.printed, where).toBe(cells[key].printed);
            expect(cell?.number?.value, where).toBe(cells[key].value);
            expect(cell?.number?.problem, where).toBeUndefined();
        }
    }
}

/** Whether a published agency name is one of the names the plan gives the agency. */
function names(agency: AgencyModel | undefined): string[] {
    return agency ? [agency.name, ...agency.shortNames, ...agency.aliases] : [];
}

function agencyOf(ref: IdRef): AgencyModel | undefined {
    expect(ref.resolved, ref.id).toBe(true);
    return model.agencies.find(a => a.id === ref.id);
}

describe('Annex 01: poverty rate by district', () => {
    test('the years and their kinds', () => {
        const table = model.tables.find(t => t.annex === '01')!;
        expect(table.years.map(y => [String(y.year), y.kind])).toEqual(Object.entries(annexes.annex01.years));
        expect(table.columns).toEqual(['households', 'poor', 'poor-rate']);
        expect(table.standardId).toBe('md2022');
    });

    test('every district row: number, district, and each year\'s households, poor households and rate as printed and as values', () => {
        const table = model.tables.find(t => t.annex === '01')!;
        expect(table.sections).toHaveLength(1);
        const rows = table.sections[0].rows;
        expect(rows).toHaveLength(annexes.annex01.rows.length);
        annexes.annex01.rows.forEach((published, i) => {
            const row = rows[i];
            expect(row.no?.value).toBe(published.no);
            expect(row.district?.resolved).toBe(true);
            expect(row.label).toBe(published.district);
            expectCells(row, published.years);
        });
    });

    test('the total row as printed, including the 2024 poor households that do not add up', () => {
        const table = model.tables.find(t => t.annex === '01')!;
        expect(table.total?.label).toBe(annexes.annex01.total.label);
        expectCells(table.total!, annexes.annex01.total.years);
    });

    test('computed: the sum of the rows per year, and the rate of the sums', () => {
        const table = model.tables.find(t => t.annex === '01')!;
        for (const year of Object.keys(annexes.annex01.years).map(Number)) {
            const households = annexes.annex01.rows.reduce((s, r) => s + r.years[year].households.value, 0);
            const poor = annexes.annex01.rows.reduce((s, r) => s + r.years[year].poor.value, 0);
            for (const sums of [table.sections[0].sums.values[year], table.expectedTotal.values[year]]) {
                expect(sums.households).toBe(households);
                expect(sums.poor).toBe(poor);
                expect(sums['poor-rate']).toBeCloseTo(poor / households * 100, 12);
            }
            // Every printed total rate is its printed counts' rate, rounded to two decimals.
            const total = annexes.annex01.total.years[year];
            expect(matchesRounded(total.rate.value, 2, total.poor.value / total.households.value * 100), `total ${year}`).toBe(true);
        }
        // The one inconsistency of the published annex: 2024 poor households add up to 2.963, printed 2.954.
        expect(table.expectedTotal.values[2024].poor).toBe(2963);
        expect(annexes.annex01.total.years[2024].poor.value).toBe(2954);
    });

    test('computed: each row\'s rate is poor / households, rounded to the printed decimals', () => {
        const rows = model.tables.find(t => t.annex === '01')!.sections[0].rows;
        for (const row of rows) {
            for (const y of row.years) {
                const [households, poor, rate] = ['households', 'poor', 'poor-rate'].map(m => y.cells.find(c => c.measure === m)!.number!);
                const exact = poor.value! / households.value! * 100;
                expect(matchesRounded(rate.value!, rate.decimals, exact), `${row.label} ${y.year}: ${rate.printed} vs ${exact}`).toBe(true);
                // and not by luck of a coarse rounding: one unit off the printed value does not match
                expect(matchesRounded(rate.value! + 10 ** -rate.decimals, rate.decimals, exact)).toBe(false);
            }
        }
        // Kim Động 2023 prints one decimal: 490 / 40.820 = 1,2004 %.
        const kimDong = rows.find(r => r.label === 'Kim Động')!;
        const rate2023 = cellsOf(kimDong, 2023).find(c => c.measure === 'poor-rate')!.number!;
        expect([rate2023.printed, rate2023.decimals]).toEqual(['1,2', 1]);
    });

    test('the poverty-rate indicator reads its values from the total row', () => {
        const indicator = model.indicators.find(i => i.computed?.tableId === 'phu_luc_01' && i.computed.measure === 'poor-rate')!;
        expect(indicator.values.map(v => [v.year, v.kind, v.value.printed])).toEqual(
            Object.entries(annexes.annex01.total.years).map(([year, c]) => [Number(year), annexes.annex01.years[year] === 'plan' ? 'plan' : 'result', c.rate.printed]));
    });
});

describe('Annex 02: indicators of the deprivation dimensions', () => {
    test('every indicator: dimension, name, unit, the 2022 result and the 2023–2025 targets, and its agency', () => {
        const indicators = model.indicators.filter(i => i.dimensionId !== undefined);
        expect(indicators).toHaveLength(annexes.annex02.rows.length);
        let agency: string | null = null;
        annexes.annex02.rows.forEach((published, i) => {
            const ours = indicators[i];
            const dimension = model.dimensions.find(d => d.id === ours.dimensionId)!;
            expect(dimension.heading).toBe(published.dimension);
            if (published.stt !== null) {
                // A numbered row opens its dimension: the n-th dimension, first indicator.
                expect(model.dimensions.indexOf(dimension) + 1).toBe(Number(published.stt));
                expect(dimension.indicatorIds[0]).toBe(ours.id);
            }
            expect(ours.name).toBe(published.indicator);
            expect(published.unit).toBe('%');
            expect(ours.unitKind).toBe('percent');
            expect(ours.values.map(v => [String(v.year), v.kind, v.value.printed])).toEqual(
                Object.entries(published.values).map(([year, printed]) => [year, year === '2022' ? 'baseline' : 'plan', printed]));
            for (const v of ours.values) expect(v.value.problem).toBeUndefined();
            // An empty agency cell was merged with the one above in the original.
            agency = published.agency ?? agency;
            const publishedLeads = agency!.split('; ');
            expect(ours.assignment.leads).toHaveLength(publishedLeads.length);
            publishedLeads.forEach((name, k) => expect(names(agencyOf(ours.assignment.leads[k]))).toContain(name));
        });
    });
});

describe('Annex 03: policy tasks', () => {
    test('every task: number, text, lead, coordinating bodies, year to submit, note', () => {
        const list = model.taskLists.find(l => l.annex === '03')!;
        expect(list.tasks).toHaveLength(annexes.annex03.rows.length);
        annexes.annex03.rows.forEach((published, i) => {
            const task = list.tasks[i];
            expect(task.no.value).toBe(published.no);
            expect(task.text).toBe(published.task);
            expect(task.assignment.leads).toHaveLength(1);
            expect(names(agencyOf(task.assignment.leads[0]))).toContain(published.lead);
            expect(task.assignment.coordinates).toHaveLength(1);
            expect(names(agencyOf(task.assignment.coordinates[0]))).toContain(published.coordinating);
            expect(task.submitYear).toBe(published.year);
            expect(task.note ?? '').toBe(published.note);
        });
    });
});
