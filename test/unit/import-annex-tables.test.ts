// The two non-unit annex shapes read from a grid: the INDICATOR table (the seed's Annex 02: dimension
// headings in bold, indicators with unit, result and plan years, the agency, merged agency cells)
// and the TASK table (Annex 03: STT, task, lead, coordinating agencies, year to submit, note). The
// grids are the seed's own annexes as the document-docx exporter lays them out; the plan text they
// import to must parse, and exported again print the same annex, cell for cell.
import * as fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../../common/view.js';
import type { Grid } from '../../language-server/src/import/grid.js';
import { importIndicatorGrid, looksLikeIndicatorTable } from '../../language-server/src/import/indicator-table.js';
import { importTaskGrid, looksLikeTaskTable } from '../../language-server/src/import/task-table.js';
import type { ImportContext, KnownAgency } from '../../language-server/src/import/table.js';
import { createTestServices, SEED_PLAN, validatePlan } from '../helpers/plan.js';
import { seedView, viewOfText } from './export-support.js';
import { annexGrid, standAlone } from './import-whole-support.js';

let view: PlanView;
let indicatorGrid: Grid;
let taskGrid: Grid;
let unitGrid: Grid;

beforeAll(async () => {
    view = await seedView();
    const annex = (kind: string) => view.annexes.findIndex(a => a.source.kind === kind);
    unitGrid = annexGrid(view.annexes[annex('district-table')], 1);
    indicatorGrid = { ...annexGrid(view.annexes[annex('indicators')], 2), caption: { annex: '02', title: view.annexes[annex('indicators')].title } };
    taskGrid = { ...annexGrid(view.annexes[annex('tasks')], 3), caption: { annex: '03', title: view.annexes[annex('tasks')].title } };
});

/** The seed's agencies as a plan declares them: name, short names and aliases. */
function seedAgencies(): KnownAgency[] {
    const text = fs.readFileSync(SEED_PLAN, 'utf-8');
    return [...text.matchAll(/^agency (\w+) "([^"]*)"[^\n{]*(?:\{([^}]*)\})?/gm)].map(m => ({
        id: m[1], names: [m[2], ...[...(m[3] ?? '').matchAll(/"([^"]*)"/g)].map(x => x[1])]
    }));
}

const withAgencies = (): ImportContext => ({ ...standAlone(), agencies: seedAgencies(), usedIds: new Set(seedAgencies().map(a => a.id)) });

async function parsed(text: string) {
    const result = await validatePlan(createTestServices('vi'), text);
    expect(result.document.parseResult.lexerErrors.map(e => e.message)).toEqual([]);
    expect(result.document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    return result;
}

const rowsOf = (v: PlanView, kind: string) => {
    const a = v.annexes.find(x => x.source.kind === kind)!;
    return [...a.header, ...a.body].map(r => r.cells.map(c => c.text));
};

describe('the shapes', () => {
    it('tells an indicator table, a task table and a table of units apart', () => {
        expect([looksLikeIndicatorTable(indicatorGrid), looksLikeTaskTable(indicatorGrid)]).toEqual([true, false]);
        expect([looksLikeIndicatorTable(taskGrid), looksLikeTaskTable(taskGrid)]).toEqual([false, true]);
        expect([looksLikeIndicatorTable(unitGrid), looksLikeTaskTable(unitGrid)]).toEqual([false, false]);
        expect(importIndicatorGrid(unitGrid, standAlone())).toBeUndefined();
        expect(importTaskGrid(unitGrid, standAlone())).toBeUndefined();
    });
});

describe('the INDICATOR table (Annex 02)', () => {
    it('reads the dimensions from the bold start of their first indicator, the values by year kind, the merged agency cells', async () => {
        const r = importIndicatorGrid(indicatorGrid, standAlone())!;
        expect(r.problems).toEqual([]);
        const text = `plan p "P"\nnumber-style vi\n${r.declarations}\n${r.text}\n`;
        const { model } = await parsed(text);
        expect(model.dimensions.map(d => d.name)).toEqual(['Việc làm', 'Y tế', 'Giáo dục, đào tạo', 'Nhà ở', 'Nước sinh hoạt và vệ sinh', 'Thông tin']);
        expect(model.indicators).toHaveLength(12);
        const underweight = model.indicators.find(i => i.name.includes('cân nặng'))!;
        expect(underweight.values.map(v => `${v.kind} ${v.year} = ${v.value.printed}`)).toEqual(['baseline 2022 = 9,7', 'plan 2023 = 9,8', 'plan 2024 = 9,6', 'plan 2025 = 9']);
        // "Sở Y tế" spans three rows of the Y tế dimension: each of them is led by it.
        const health = model.dimensions.find(d => d.name === 'Y tế')!;
        expect(health.indicatorIds.map(id => model.indicators.find(i => i.id === id)!.assignment.leads.map(l => l.id))).toEqual([['YT'], ['YT'], ['YT']]);
        // Two agencies in one cell; a year heading without "kết quả"/"kế hoạch" is a plan year, said so.
        expect(text).toMatch(/lead XD UBMTTQVNCC/);
        expect(text).toContain('// nhập: cột "Năm 2023" đọc là kế hoạch (plan) năm 2023');
        // Exported again: the same annex, cell for cell.
        expect(rowsOf(await viewOfText(text), 'indicators')).toEqual(rowsOf(view, 'indicators'));
    });

    it('matches the agencies to the declared ones by name, short name and alias, and declares none anew', () => {
        const r = importIndicatorGrid(indicatorGrid, withAgencies())!;
        expect(r.declarations).toBe('');
        expect(r.text).toContain('lead NNPTNT as "Sở Nông nghiệp và PTNT"');
        expect(r.text).toContain('lead XD MTTQ_CAC_CAP');
        expect(r.text).toContain('lead LDTBXH\n');
    });

    it('takes a bold heading row as a dimension, an empty agency cell from the row above (said so), and reports a figure that is no number', async () => {
        const cell = (text: string, bold?: boolean) => ({ text, ...(bold ? { bold } : {}) });
        const grid: Grid = {
            name: 'Sheet1', index: 1, addressing: 'sheet', merges: [],
            rows: [
                [cell('BẢNG CHỈ TIÊU "THỬ"'), cell(''), cell(''), cell(''), cell(''), cell('')],
                [cell('STT'), cell('Chỉ tiêu'), cell('ĐVT'), cell('Thực hiện năm 2023'), cell('Kế hoạch 2025'), cell('Đơn vị thực hiện')],
                [cell(''), cell('Chiều thiếu hụt về y tế', true), cell(''), cell(''), cell(''), cell('')],
                [cell('1'), cell('+ Tỷ lệ trẻ em suy dinh dưỡng'), cell('%'), cell('9,7'), cell('9'), cell('Sở Y Tế')],
                [cell('2'), cell('+ Số hộ được hỗ trợ'), cell('hộ'), cell('1.200'), cell('khoảng 2000'), cell('')]
            ]
        };
        expect(looksLikeIndicatorTable(grid)).toBe(true);
        const r = importIndicatorGrid(grid, withAgencies())!;
        expect(r.problems.map(p => p.at)).toEqual(['Sheet1!E5']);
        expect(r.text).toContain('indicator-table "BẢNG CHỈ TIÊU \\"THỬ\\""');
        expect(r.text).toContain('// nhập: ô đơn vị thực hiện để trống: lấy đơn vị của dòng trên');
        // "Sở Y Tế" is "Sở Y tế" but for the case: matched, and said to be matched at a distance.
        expect(r.text).toContain('// nhập: "Sở Y Tế" khớp gần đúng với cơ quan YT ("Sở Y tế")');
        const { model } = await parsed(`plan p "P"\nnumber-style vi\n${r.text}\n`);
        expect(model.dimensions.map(d => [d.name, d.heading])).toEqual([['Y tế', 'Chiều thiếu hụt về y tế']]);
        expect(model.indicators.map(i => [i.unitKind, i.values.map(v => `${v.kind} ${v.year}`).join(', ')])).toEqual([
            ['percent', 'actual 2023, plan 2025'], ['households', 'actual 2023']
        ]);
    });
});

describe('the TASK table (Annex 03)', () => {
    it('reads each task with its lead, coordinating agencies and year, the en dash wording kept as an alias', async () => {
        const r = importTaskGrid(taskGrid, standAlone())!;
        expect(r.problems).toEqual([]);
        expect(r.declarations).toContain('agency LDTBXH "Sở Lao động – Thương binh và Xã hội" department { alias "Sở Lao động - Thương binh và Xã hội" }');
        const text = `plan p "P"\nnumber-style vi\n${r.declarations}\n${r.text}\n`;
        const { model } = await parsed(text);
        const tasks = model.taskLists[0].tasks;
        expect(tasks.map(t => [t.no.printed, t.submitYear, t.assignment.leads.map(l => l.id).join(), t.assignment.coordinates.map(c => c.id).join()])).toEqual([
            ['1', 2025, 'LDTBXH', 'CSNDVLQDP'], ['2', 2025, 'LDTBXH', 'CSNDVLQDP'], ['3', 2025, 'LDTBXH', 'CSNDVLQDP'], ['4', 2025, 'LDTBXH', 'CSNDVLQDP'],
            ['5', 2025, 'YT', 'CSNDVLQDP'], ['6', 2025, 'NNPTNT', 'CSNDVLQDP'], ['7', 2024, 'LDTBXH', 'CSNDVLQDP']
        ]);
        expect(rowsOf(await viewOfText(text), 'tasks')).toEqual(rowsOf(view, 'tasks'));
    });

    it('matches the declared agencies, keeps a note, and reads a time that is more than a year', () => {
        const grid: Grid = { ...taskGrid, rows: taskGrid.rows.map(r => [...r]) };
        grid.rows[1] = grid.rows[1].map((c, i) => (i === 4 ? { text: 'Quý IV/2024' } : i === 5 ? { text: 'Trình HĐND' } : c));
        const r = importTaskGrid(grid, withAgencies())!;
        expect(r.declarations).toBe('');
        expect(r.text).toContain('lead LDTBXH as "Sở Lao động – Thương binh và Xã hội" coordinate SO_NGANH_DIA_PHUONG');
        expect(r.text).toContain('// nhập: thời gian in "Quý IV/2024": lấy năm 2024');
        expect(r.text).toMatch(/submit 2024\n\s+note "Trình HĐND"/);
    });
});
