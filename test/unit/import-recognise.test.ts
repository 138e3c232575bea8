// The recogniser on grids shaped as published tables: one- and two-level headers, a numbering row,
// title rows and notes, sections with subtotals, a total above or below the rows, units matched to a
// plan's declared units or declared anew — and the plan text it writes parses and is checked.
import { describe, expect, it } from 'vitest';
import type { Grid, GridCell, Merge } from '../../language-server/src/import/grid.js';
import { importContextOf, importSource } from '../../language-server/src/import/index.js';
import { createTestServices, validatePlan } from '../helpers/plan.js';

const services = createTestServices();

/** A grid from rows of texts ('' empty); merges as [top, left, bottom, right]. */
export function gridOf(rows: (string | GridCell)[][], merges: [number, number, number, number][] = [], name = 'Sheet1'): Grid {
    const width = Math.max(...rows.map(r => r.length));
    const covered = new Set<string>();
    for (const [t, l, b, r] of merges) for (let i = t; i <= b; i++) for (let j = l; j <= r; j++) if (i !== t || j !== l) covered.add(`${i}:${j}`);
    return {
        name, index: 1, addressing: 'sheet',
        merges: merges.map(([top, left, bottom, right]): Merge => ({ top, left, bottom, right })),
        rows: rows.map((r, i) => Array.from({ length: width }, (_, j) => {
            if (covered.has(`${i}:${j}`)) return undefined;
            const c = r[j] ?? '';
            return typeof c === 'string' ? (c === '' ? undefined : { text: c }) : c;
        }))
    };
}

async function importOne(grid: Grid, planText?: string) {
    const context = importContextOf(undefined, planText, 'vi');
    return importSource(services, { format: 'xlsx', name: 'bang.xlsx', grids: [grid] }, context);
}

describe('a two-level header with merged years and a numbering row', () => {
    const grid = gridOf([
        ['PHỤ LỤC 01'],
        ['TỶ LỆ HỘ NGHÈO GIAI ĐOẠN 2023-2025'],
        ['ĐVT: hộ, %'],
        ['STT', 'Huyện/TX/TP', 'Kết quả năm 2022', '', '', 'Kế hoạch năm 2023', '', ''],
        ['', '', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)'],
        ['1', '2', '3', '4', '5=4/3', '6', '7', '8=7/6'],
        ['1', 'Huyện Phù Cừ', '29.409', '650', '2,21', '29.609', '448', '1,51'],
        ['2', 'TX. Mỹ Hào', '35.957', '457', '1,27', '36.257', '298', '0,82'],
        ['Tổng cộng', '', '65.366', '1.107', '1,69', '65.866', '756', '1,15'],
        ['Ghi chú: số liệu rà soát cuối năm']
    ], [[0, 0, 0, 7], [1, 0, 1, 7], [3, 0, 4, 0], [3, 1, 4, 1], [3, 2, 3, 4], [3, 5, 3, 7], [8, 0, 8, 1]]);

    it('writes a plan with the years, columns, units and total', async () => {
        const result = await importOne(grid);
        expect(result.text).toMatch(/years \{ 2022 result +2023 plan \}/);
        expect(result.text).toMatch(/columns households poor poor-rate/);
        expect(result.text).toMatch(/district PhuCu "Huyện Phù Cừ" huyen/);
        expect(result.text).toMatch(/district MyHao "TX. Mỹ Hào" thi-xa full-name "Thị xã Mỹ Hào"/);
        expect(result.text).toMatch(/annex "01"/);
        expect(result.text).toMatch(/Dòng đánh số cột \(1 \| 2 \| 3 \| 4 \| 5=4\/3/);
        expect(result.text).toMatch(/\/\/ Ghi chú dưới bảng: Ghi chú: số liệu rà soát cuối năm\n\}/);
        // The source's own slip: 448 + 298 = 746, printed 756.
        const { diagnostics } = await validatePlan(services, result.text);
        expect(diagnostics.filter(d => d.severity === 1).map(d => `${String(d.code)} ${d.data?.replacement}`)).toEqual(['total-mismatch 746']);
    });
});
