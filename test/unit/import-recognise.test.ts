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

describe('into a plan: rows matched to its declared units', () => {
    const seedLike = `plan p "P"
number-style vi
district PhuCu "Phù Cừ" huyen
district TPHungYen "TP Hưng Yên" thanh-pho full-name "Thành phố Hưng Yên"
district MyHao "Mỹ Hào" thi-xa full-name "Thị xã Mỹ Hào"
`;

    it('matches prefixed, abbreviated, unaccented and misspelt names, and says so', async () => {
        const { model } = await validatePlan(services, seedLike);
        const context = importContextOf(model, seedLike, 'vi');
        const grid = gridOf([
            ['Đơn vị', 'Năm 2024 - Tổng số hộ', 'Năm 2024 - Số hộ nghèo'],
            ['Huyện Phù Cừ', '30.009', '319'],
            ['Thành phố Hưng Yên', '37.345', '161'],
            ['Thi xa My Hao', '36.457', '189'],
            ['Phù Cử', '1', '1'],
            ['Huyện Tiên Lữ', '33.029', '303']
        ]);
        const result = await importSource(services, { format: 'csv', name: 'x.csv', grids: [grid] }, context, { into: true });
        const rows = [...result.tables!.matchAll(/row (\d+) (\w+)/g)].map(m => m[2]);
        expect(rows).toEqual(['PhuCu', 'TPHungYen', 'MyHao', 'PhuCu', 'TienLu']);
        expect(result.tables).toMatch(/"Huyện Phù Cừ" khớp với PhuCu/);
        expect(result.tables).toMatch(/"Thi xa My Hao" khớp với MyHao/);
        expect(result.tables).toMatch(/"Phù Cử" khớp với PhuCu/);
        expect(result.tables).not.toMatch(/"Thành phố Hưng Yên" khớp/);   // its declared full name
        expect(result.declarations?.trim()).toBe('district TienLu "Huyện Tiên Lữ" huyen');
        expect(result.tables).toMatch(/Năm 2024: tiêu đề "Năm 2024" không nói kết quả hay kế hoạch; coi là kế hoạch/);
        // Laid out as the formatter lays out a plan (columns aligned), though a fragment has no plan line.
        const { formatPlanFragment } = await import('../../language-server/src/import/format.js');
        expect(await formatPlanFragment(services, result.tables!)).toBe(result.tables);
        expect(result.tables).toMatch(/2024: 30\.009 +319\n/);
    });
});

describe('a commune table: the total above the rows, sections whose subtotal heads them', () => {
    const grid = gridOf([
        ['Biểu số 05'],
        ['KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2024'],
        ['TT', 'Xã, phường', 'Tổng số hộ', 'Hộ nghèo', 'Tỷ lệ hộ nghèo (%)', 'Hộ cận nghèo', 'Tỷ lệ hộ cận nghèo (%)', 'Ghi chú'],
        ['', 'Toàn huyện', '3.000', '90', '3,00', '150', '5,00', ''],
        ['I', 'Khu vực thành thị', '1.000', '20', '2,00', '50', '5,00', ''],
        ['1', 'Thị trấn Trần Cao', '1.000', '20', '2,00', '50', '5,00', ''],
        ['II', 'Khu vực nông thôn', '2.000', '70', '3,50', '100', '5,00', ''],
        ['1', 'Xã Tống Phan', '1.200', '40', '3,33', '60', '5,00', 'Sáp nhập 2025'],
        ['2', 'Xã Đoàn Đào', '800', '30', '3,75', '40', '-', ''],
        ['', 'Người lập biểu', '', '', '', '', '', '']
    ]);

    it('keeps the total and the subtotals where they are printed, with the level from the prefix', async () => {
        const result = await importOne(grid);
        const text = result.text;
        expect(text).toMatch(/annex "05"/);
        expect(text).toMatch(/years \{ 2024 result \}/);
        expect(text).toMatch(/Năm 2024 lấy từ tiêu đề bảng/);
        expect(text).toMatch(/columns households poor poor-rate near-poor near-poor-rate/);
        expect(text).toMatch(/commune TranCao "Thị trấn Trần Cao" thi-tran/);
        expect(text).toMatch(/commune TongPhan "Xã Tống Phan" xa/);
        expect(text.indexOf('total "Toàn huyện"')).toBeLessThan(text.indexOf('section I'));
        expect(text).toMatch(/section I "Khu vực thành thị" \{\s+subtotal "Khu vực thành thị"/);
        expect(text).toMatch(/Ghi chú: Sáp nhập 2025\n\s+row 1 TongPhan/);
        expect(text).toMatch(/Ghi chú dưới bảng: Người lập biểu/);
        expect(text).toMatch(/2024: +800 +30 +3,75 +40 +-/);
    });
});

describe('figures', () => {
    it('prints Excel values in the plan\'s style with their own decimals, and notes formulas and links', async () => {
        const grid = gridOf([
            ['STT', 'Huyện', 'Kết quả 2023 - Tổng số hộ', 'Kết quả 2023 - Số hộ nghèo', 'Kết quả 2023 - Tỷ lệ hộ nghèo (%)'],
            ['1', 'Phù Cừ', { text: '29,609', value: 29609, decimals: 0, grouped: true }, { text: '448', value: 448 }, { text: '1.5', value: 1.513, decimals: 1 }],
            ['2', 'Ân Thi', { text: '48959', value: 48959, decimals: 0, grouped: false }, { text: '936', value: 936, formula: 'SUM(X1:X3)' }, { text: '1,91%', value: 0.0191, decimals: 2 }],
            ['3', 'Kim Động', { text: '40820', value: 40820, hyperlink: 'http://example.invalid/' }, '490', '1,20']
        ]);
        const result = await importOne(grid);
        expect(result.text).toMatch(/2023: 29\.609 +448 +1,5\n/);
        expect(result.text).toMatch(/2023: +48959 +936 +1,91\n/);
        expect(result.text).toMatch(/Sheet1!D3: ô có công thức SUM\(X1:X3\); giữ giá trị 936/);
        expect(result.text).toMatch(/Sheet1!E3: ô định dạng phần trăm \(1,91%\): ghi 1,91/);
        expect(result.text).toMatch(/Sheet1!C4: ô có liên kết http:\/\/example.invalid\/; chỉ giữ chữ/);
        expect(result.problems).toEqual([]);
    });

    it('reports a figure that only fits the other number style, with its address, and keeps it as printed', async () => {
        const grid = gridOf([
            ['Huyện', 'Năm 2023 - Số hộ nghèo', 'Năm 2023 - Tỷ lệ hộ nghèo (%)'],
            ['Phù Cừ', '1,171', '1.27'],
            ['Ân Thi', 'Không có hộ nghèo', '0,5']
        ]);
        const result = await importOne(grid);
        expect(result.problems.map(p => p.at)).toEqual(['Sheet1!C2']);
        expect(result.text).toMatch(/2023: 1,171 +1\.27/);
        expect(result.text).toMatch(/Sheet1!B3: ô ghi "Không có hộ nghèo", không phải số: để trống \(-\)/);
        // 1,171 under vi reads 1,171 households: the checker says it is no whole count.
        const { diagnostics } = await validatePlan(services, result.text);
        expect(diagnostics.map(d => String(d.code))).toContain('count-not-integer');
    });

    it('reads a plain machine CSV (decimal point, no grouping) and prints it the Vietnamese way', async () => {
        const grid = gridOf([
            ['STT', 'Huyện/TX/TP', 'Kết quả năm 2021 - Tổng số hộ dân cư', 'Kết quả năm 2021 - Tổng số hộ nghèo', 'Kết quả năm 2021 - Tỷ lệ hộ nghèo (%)'],
            ['1', 'Phù Cừ', '29822', '946', '3.17'],
            ['Tổng cộng', '', '29822', '946', '3.17']
        ]);
        const context = importContextOf(undefined, undefined, 'vi');
        const result = await importSource(services, { format: 'csv', name: 'a.csv', grids: [grid] }, context);
        expect(result.text).toMatch(/2021: 29\.822 +946 +3,17/);
        expect(result.text).toMatch(/viết kiểu máy/);
    });
});

describe('insertImport', () => {
    it('adds the units after the last unit and the table after the last table, keeping every other byte', async () => {
        const { readFileSync } = await import('node:fs');
        const { SEED_PLAN } = await import('../helpers/plan.js');
        const { insertImport, applyInsertions } = await import('../../language-server/src/import/insert.js');
        const seed = readFileSync(SEED_PLAN, 'utf8');
        const { document, model } = await validatePlan(services, seed);
        const context = importContextOf(model, seed, 'vi');
        const grid = gridOf([
            ['Huyện', 'Năm 2025 - Hộ cận nghèo'],
            ['Phù Cừ', '500'],
            ['Huyện Lạc Sơn', '120']
        ]);
        const result = await importSource(services, { format: 'csv', name: 'can-ngheo.csv', grids: [grid] }, context, { into: true });
        const insertions = insertImport(document, result);
        const merged = applyInsertions(seed, insertions);
        // Every byte of the seed is still there, in order: only insertions were made.
        let rest = merged;
        for (const i of [...insertions].sort((a, b) => a.offset - b.offset)) rest = rest.replace(i.newText, '');
        expect(rest).toBe(seed);
        expect(merged.indexOf('district LacSon "Huyện Lạc Sơn" huyen')).toBeGreaterThan(merged.indexOf('district VanGiang'));
        expect(merged.indexOf('district LacSon')).toBeLessThan(merged.indexOf('table phu_luc_01'));
        expect(merged.indexOf('table can_ngheo')).toBeGreaterThan(merged.indexOf('total "Tổng cộng"'));
        const after = await validatePlan(services, merged);
        const before = await validatePlan(services, seed);
        expect(after.diagnostics.length).toBe(before.diagnostics.length);
    });
});

describe('years from the headings', () => {
    it('reads "Đầu năm 2024" as the end of 2023 and "Cuối năm 2024" as 2024, both results, and says so', async () => {
        const grid = gridOf([
            ['TT', 'Huyện', 'Đầu năm 2024', '', 'Cuối năm 2024', ''],
            ['', '', 'Tổng số hộ', 'Số hộ nghèo', 'Tổng số hộ', 'Số hộ nghèo'],
            ['1', 'Phù Cừ', '29.609', '448', '30.009', '319']
        ], [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 0, 3], [0, 4, 0, 5]]);
        const result = await importOne(grid);
        expect(result.text).toMatch(/years \{ 2023 result +2024 result \}/);
        expect(result.text).toMatch(/"Đầu năm 2024 - Tổng số hộ" \(đầu năm 2024\) đọc là số cuối năm 2023/);
        expect(result.text).toMatch(/2023: 29\.609 +448\n\s+2024: 30\.009 +319/);
    });

    it('says where the year is missing everywhere', async () => {
        const grid = gridOf([['Huyện', 'Tổng số hộ', 'Số hộ nghèo'], ['Phù Cừ', '29.609', '448']]);
        await expect(importOne(grid)).rejects.toThrow(/no year/);
    });
});

describe('untrusted text in cells', () => {
    it('removes control and bidi characters from names and figures and says where, and keeps quotes inert', async () => {
        const grid = gridOf([
            ['Huyện', 'Năm 2024 - Số hộ nghèo'],
            ['Phù Cừ\u202e"; x', '44\u00078'],
            ['An "Thi" \\', '12']
        ]);
        const result = await importOne(grid);
        expect(result.text).toMatch(/Sheet1!A2: bỏ ký tự điều khiển U\+202E khỏi chữ/);
        expect(result.text).toMatch(/Sheet1!B2: bỏ ký tự điều khiển U\+0007 khỏi chữ/);
        expect(result.text).toContain('district PhuCuX "Phù Cừ\\"; x"');
        expect(result.text).toContain('"An \\"Thi\\" \\\\"');
        expect(result.text).toMatch(/2024: 448\n/);
        const { diagnostics } = await validatePlan(services, result.text);
        expect(diagnostics.map(d => String(d.code))).toEqual([]);
    });
});

describe('a column that repeats a year and measure', () => {
    it('is reported at its heading with the one it repeats, and skipped', async () => {
        const grid = gridOf([
            ['Huyện', 'Năm 2024 - Số hộ nghèo', 'Năm 2024 - Hộ nghèo'],
            ['Phù Cừ', '448', '449']
        ]);
        const result = await importOne(grid);
        expect(result.problems.map(p => p.at)).toEqual(['Sheet1!C1']);
        expect(result.problems[0].said.args).toMatchObject({ first: 'Sheet1!B1', year: 2024, column: 'poor' });
        expect(result.text).toMatch(/2024: 448\n/);
    });
});
