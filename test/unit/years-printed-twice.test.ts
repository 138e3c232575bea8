// Issue 21: a year printed twice in one table (its start and end, or one year under two poverty
// standards) and changes between years. The keys of year groups (model/series.ts), the checks
// (validation/rules/years-printed-twice.ts, and flows and totals per group in rules/tables.ts), and
// the headings the preview and the exports print. Plans are small and invented.
import { describe, expect, test } from 'vitest';
import { renderCsv } from '../../language-server/src/export/csv.js';
import { renderMarkdown } from '../../language-server/src/export/markdown.js';
import { comparedGroup, groupKey, keyYearGroups, lineKey, previousGroup } from '../../language-server/src/model/series.js';
import type { DistrictTableModel, TableYearModel } from '../../language-server/src/model/types.js';
import { createTestServices, validatePlan } from '../helpers/plan.js';
import { readCsv, viewOfText } from './export-support.js';

const services = createTestServices('vi');
const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

async function findings(text: string): Promise<string[]> {
    const { diagnostics } = await validatePlan(services, text, 'vi');
    return diagnostics.map(d => `${String(d.code)}@${d.range.start.line + 1}`).sort();
}

async function messages(text: string, code: string): Promise<string[]> {
    const { diagnostics } = await validatePlan(services, text, 'vi');
    return diagnostics.filter(d => d.code === code).map(d => d.message);
}

const group = (year: number, extra: Partial<TableYearModel> = {}): TableYearModel => ({ year, kind: 'result', range: NO_RANGE, ...extra });
const tableOf = (years: TableYearModel[], standardId?: string) => {
    keyYearGroups(years);
    return { years, standardId } as unknown as DistrictTableModel;
};

describe('year groups and their keys', () => {
    test('a year printed once is keyed by the year alone; its start and end, or two standards, by a text', () => {
        expect(groupKey(2024, undefined, undefined)).toBeUndefined();
        expect(groupKey(2024, 'end', undefined)).toBe('2024 end');
        expect(groupKey(2021, undefined, 'moi')).toBe('2021 standard:moi');
        const years = [group(2020, { standardId: 'cu' }), group(2021, { standardId: 'cu' }), group(2021, { standardId: 'moi' }), group(2024, { phase: 'start' })];
        keyYearGroups(years);
        expect(years.map(y => y.key)).toEqual([undefined, '2021 standard:cu', '2021 standard:moi', '2024 start']);
    });

    test("a line's standard counts only where the year's groups differ in it, or where it names another", () => {
        const years = [group(2020, { standardId: 'cu' }), group(2021, { standardId: 'cu' }), group(2021, { standardId: 'moi' })];
        keyYearGroups(years);
        expect(lineKey(years, 2021, undefined, 'moi')).toBe('2021 standard:moi');
        expect(lineKey(years, 2021, undefined, undefined)).toBe('2021 standard:');
        expect(lineKey(years, 2020, undefined, 'cu')).toBeUndefined();
        expect(lineKey(years, 2020, undefined, 'moi')).toBe('2020 standard:moi');
    });

    test('the end of a year follows its start; the start follows the end of the year before; never across standards', () => {
        const t = tableOf([group(2023), group(2024, { phase: 'start' }), group(2024, { phase: 'end' })]);
        expect(previousGroup(t, t.years[2]).group).toBe(t.years[1]);
        expect(previousGroup(t, t.years[1]).group).toBe(t.years[0]);
        const s = tableOf([group(2020, { standardId: 'cu' }), group(2021, { standardId: 'cu' }), group(2021, { standardId: 'moi' }), group(2022, { standardId: 'moi' })]);
        expect(previousGroup(s, s.years[3]).group).toBe(s.years[2]);
        expect(previousGroup(s, s.years[1]).group).toBe(s.years[0]);
        expect(previousGroup(s, s.years[2])).toEqual({ acrossStandards: s.years[0] });
    });

    test('a change compares with the year it names (its end), or with the start of the same year', () => {
        const t = tableOf([group(2023, { phase: 'start' }), group(2023, { phase: 'end' }), group(2024, { phase: 'start' }), group(2024, { phase: 'end' })]);
        expect(comparedGroup(t, t.years[3], 2023, undefined).group).toBe(t.years[1]);
        expect(comparedGroup(t, t.years[3], undefined, 'start').group).toBe(t.years[2]);
        expect(comparedGroup(t, t.years[3], 2023, 'start').group).toBe(t.years[0]);
    });
});

const START_END = (rows: string, total = '') => `plan t number-style vi
district A "Phù Cừ" huyen
district B "Tiên Lữ" huyen
table t1 "Biến động" {
    years { 2023 result  2024 result start "Đầu năm 2024"  2024 result end "Cuối năm 2024" }
    column thoat "Hộ thoát nghèo" households
    column moi "Hộ nghèo phát sinh" households
    column poor "Số hộ nghèo" households flow - thoat + moi
    columns households poor poor-rate thoat moi
${rows}
${total}
}
`;

describe('start and end of one year', () => {
    const right = `    row 1 A {
        2023:       1.000 100 10,00 - -
        start 2024: 1.000 100 10,00 - -
        end 2024:   1.010  90  8,91 15 5
    }
    row 2 B {
        2023:       2.000 100 5,00 - -
        start 2024: 2.000 100 5,0  - -
        end 2024:   2.000  80 4,00 30 10
    }`;
    const total = `    total "Toàn tỉnh" {
        2023:       3.000 200 6,67 - -
        start 2024: 3.000 200 6,67 - -
        end 2024:   3.010 170 5,65 45 15
    }`;

    test('a right table gives no finding: the start is the end before (a rate printed to fewer decimals too), the end follows by the flows, totals per group', async () => {
        expect(await findings(START_END(right, total))).toEqual([]);
    });

    test('a start that is not the end of the year before is the wrong figure, with the value it should have; the end that follows from the right start is not blamed', async () => {
        const text = START_END(right.replace('start 2024: 1.000 100 10,00', 'start 2024: 1.000 110 10,00'));
        // The rate beside it fits the right count: only the count is the wrong figure.
        expect(await findings(text)).toEqual(['start-of-year-mismatch@12']);
        expect(await messages(text, 'start-of-year-mismatch')).toEqual([
            'Phù Cừ, cột Số hộ nghèo: năm 2024 (đầu năm) in 110 nhưng năm 2023 là 100; số đầu năm phải bằng số cuối năm trước.'
        ]);
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(diagnostics.find(d => d.code === 'start-of-year-mismatch')?.data).toMatchObject({ replacement: '100' });
    });

    test('an end that does not follow from its start by the flows is a flow-mismatch named by its group', async () => {
        const text = START_END(right.replace('end 2024:   1.010  90', 'end 2024:   1.010  95').replace('8,91', '9,41'));
        expect(await messages(text, 'flow-mismatch')).toEqual([
            'Phù Cừ năm 2024 (cuối năm), cột Số hộ nghèo: in 95 nhưng năm trước 100 − Hộ thoát nghèo 15 + Hộ nghèo phát sinh 5 = 90 (chênh 5).'
        ]);
    });

    test('a total is checked per group: a slip in the end group is not mixed with the start', async () => {
        const text = START_END(right, total.replace('end 2024:   3.010 170', 'end 2024:   3.010 171'));
        const found = await findings(text);
        // The end's figure is off from its rows and from its own flows; the start group is not touched.
        expect(found).toEqual(['flow-mismatch@23', 'total-mismatch@23']);
    });

    test('a line that does not name its group is reported, and the group it leaves out is missing, with a fix that names it', async () => {
        const text = START_END(right.replace('end 2024:   1.010', '2024:   1.010'));
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(diagnostics.map(d => String(d.code)).sort()).toEqual(['missing-district-year', 'year-group-unknown']);
        expect(diagnostics.find(d => d.code === 'missing-district-year')?.data).toMatchObject({ year: 2024, tag: 'end' });
    });

    test('a year with one group only (its end) takes a line that does not name it', async () => {
        const text = `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Bảng" {
    years { 2023 result  2024 result end "Cuối năm 2024" }
    columns households poor
    row 1 A { 2023: 100 5 2024: 100 4 }
}
`;
        expect(await findings(text)).toEqual([]);
    });
});

const CHANGES = (head: string, rows: string) => `plan t number-style vi
district A "Mường Lát" huyen
district B "Quan Sơn" huyen
table t1 "Giảm nghèo" {
    years { 2023 result  2024 result }
${head}
${rows}
}
`;

describe('changes between years', () => {
    const points = '    column giam "Giảm so với 2023 (điểm %)" points decrease-of poor-rate from 2023\n    columns households poor poor-rate giam';
    const relative = '    column giam "Tốc độ giảm (%)" percent decrease-of poor-rate from 2023\n    columns households poor poor-rate giam';
    const signed = '    column tang_giam "Tăng (+), giảm (−) (hộ)" households change-of poor\n    columns households poor poor-rate tang_giam';
    const rows = (a: string, b = '-') => `    row 1 A { 2023: 12.500 3.100 24,80 - 2024: 12.700 2.583 20,34 ${a} }\n    row 2 B { 2023: 10.400 1.560 15,00 - 2024: 10.500 1.302 12,40 ${b} }`;

    test('a fall in points is the difference of the two rates ("giảm 4,46 điểm %"), printed positive', async () => {
        expect(await findings(CHANGES(points, rows('4,46', '2,60')))).toEqual([]);
        // A difference of rounded rates may be one unit of their last decimal off the exact one.
        expect(await findings(CHANGES(points, rows('4,47', '2,59')))).toEqual([]);
        expect(await findings(CHANGES(points, rows('4,49', '2,60')))).toEqual(['change-mismatch@8']);
    });

    test('percent of the earlier rate is another claim than points: each column is checked by its unit', async () => {
        expect(await findings(CHANGES(relative, rows('17,98', '17,33')))).toEqual([]);
        expect(await messages(CHANGES(relative, rows('4,46', '17,33')), 'change-mismatch')).toEqual([
            'Mường Lát năm 2024, cột Tốc độ giảm (%): in 4,46 nhưng giảm tính bằng % của giá trị năm so sánh của Tỷ lệ hộ nghèo (%) từ 2023 (24,80) đến 2024 (20,34) là 17,98.'
        ]);
    });

    test('a signed change (change-of) prints a fall negative, not reported as a negative count; the sign the other way round is said', async () => {
        expect(await findings(CHANGES(signed, rows('-517', '-258')))).toEqual([]);
        const said = await messages(CHANGES(signed, rows('517', '-258')), 'change-mismatch');
        expect(said).toHaveLength(1);
        expect(said[0]).toContain('in 517 nhưng thay đổi tính bằng số đếm của Hộ nghèo từ 2023 (3.100) đến 2024 (2.583) là -517 (dấu ngược');
    });

    test('a change in households is a count: the total adds it up', async () => {
        const head = '    column giam "Giảm (hộ)" households decrease-of poor\n    columns poor giam';
        const body = '    row 1 A { 2023: 100 - 2024: 90 10 }\n    row 2 B { 2023: 50 - 2024: 45 5 }';
        expect(await findings(CHANGES(head, `${body}\n    total "Cộng" { 2023: 150 - 2024: 135 15 }`))).toEqual([]);
        expect(await findings(CHANGES(head, `${body}\n    total "Cộng" { 2023: 150 - 2024: 135 16 }`))).toEqual(['change-mismatch@10', 'total-mismatch@10']);
    });

    test('a change from the start of the same year (`from start`)', async () => {
        const text = `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Bảng" {
    years { 2024 result start  2024 result end }
    column giam "Giảm so với đầu năm (hộ)" households decrease-of poor from start
    columns poor giam
    row 1 A { start 2024: 100 - end 2024: 90 10 }
}
`;
        expect(await findings(text)).toEqual([]);
        expect(await findings(text.replace('end 2024: 90 10', 'end 2024: 90 11'))).toEqual(['change-mismatch@7']);
    });

    test("a change's unit must fit the column it compares", async () => {
        const head = '    column giam "Giảm (điểm %)" households decrease-of poor-rate\n    columns households poor poor-rate giam';
        expect(await findings(CHANGES(head, rows('4', '3')))).toEqual(['change-unit@6']);
    });
});

const TWO_STANDARDS = (rows: string, extra = '') => `plan t number-style vi
standard cu "Chuẩn nghèo đa chiều giai đoạn 2016–2020" from 2016 to 2020
standard moi "Chuẩn nghèo đa chiều giai đoạn 2021–2025" from 2021 to 2025
district A "Phù Cừ" huyen
table t1 "Hai chuẩn" {
    years { 2020 result standard cu  2021 result standard cu  2021 result standard moi  2022 result standard moi }
    column giam "Giảm so với năm trước (điểm %)" points decrease-of poor-rate
${extra}
    columns households poor poor-rate giam
${rows}
}
`;

describe('two standards in one year', () => {
    const rows = (moi2021 = '-', y2022 = '1,00') => `    row 1 A {
        2020: 20.000 700 3,50 -
        standard cu 2021: 20.100 603 3,00 0,50
        standard moi 2021: 20.100 1.407 7,00 ${moi2021}
        2022: 20.300 1.218 6,00 ${y2022}
    }`;

    test('each group is keyed by year and standard; changes are made within one standard', async () => {
        expect(await findings(TWO_STANDARDS(rows()))).toEqual([]);
        // From 2021 under the old standard: not the claim the table makes.
        expect(await findings(TWO_STANDARDS(rows('-', '-3,00')))).toEqual(['change-mismatch@14']);
    });

    test('a change that would compare across standards is not made: an info says so', async () => {
        expect(await messages(TWO_STANDARDS(rows('-3,50')), 'across-standards')).toEqual([
            'Không kiểm tra cột thay đổi Giảm so với năm trước (điểm %) của năm 2021 theo chuẩn 2021–2025 so với năm 2020: hai năm theo hai chuẩn nghèo khác nhau (chuẩn 2021–2025; chuẩn 2016–2020), số liệu không so sánh được.'
        ]);
    });

    test('a flow is not carried across standards: an info once per group says so', async () => {
        const flow = '    column thoat "Thoát nghèo" households\n    column poor "Số hộ nghèo" households flow - thoat';
        const text = `plan t number-style vi
standard cu "Chuẩn cũ" from 2016 to 2020
standard moi "Chuẩn mới" from 2021 to 2025
district A "Phù Cừ" huyen
table t1 "Bảng" {
    years { 2020 result standard cu  2021 result standard moi }
${flow}
    columns poor thoat
    row 1 A { 2020: 100 - 2021: 300 10 }
}
`;
        expect(await findings(text)).toEqual(['across-standards@6']);
    });
});

describe('the preview and the exports print the headings as printed', () => {
    test('start and end, two standards, a change column', async () => {
        const text = `plan t number-style vi
standard cu "Chuẩn nghèo đa chiều giai đoạn 2016–2020" from 2016 to 2020
standard moi "Chuẩn nghèo đa chiều giai đoạn 2021–2025" from 2021 to 2025
district A "Phù Cừ" huyen
table t1 "Đầu năm, cuối năm" {
    annex "01"
    years { 2024 result start  2024 result end }
    columns households poor
    row 1 A { start 2024: 100 10 end 2024: 100 8 }
}
table t2 "Hai chuẩn" {
    annex "02"
    years { 2021 result standard cu  2021 result standard moi }
    columns households poor
    row 1 A { standard cu 2021: 100 3 standard moi 2021: 100 7 }
}
table t3 "Giảm" {
    annex "03"
    years { 2023 result  2024 result }
    column giam "Giảm so với 2023 (điểm %)" points decrease-of poor-rate from 2023
    columns households poor poor-rate giam
    row 1 A { 2023: 100 10 10,00 - 2024: 100 8 8,00 2,00 }
}
`;
        const view = await viewOfText(text);
        const [t1, t2, t3] = view.annexes;
        expect(t1.header[0].cells.map(c => c.text)).toEqual(['STT', expect.any(String), 'Đầu năm 2024', 'Cuối năm 2024']);
        expect(t1.body[0].cells.map(c => c.text).slice(2)).toEqual(['100', '10', '100', '8']);
        expect(t2.header[0].cells.map(c => c.text).slice(2)).toEqual(['Năm 2021 (chuẩn 2016–2020)', 'Năm 2021 (chuẩn 2021–2025)']);
        expect(t2.body[0].cells.map(c => c.text).slice(2)).toEqual(['100', '3', '100', '7']);
        expect(t3.header[1].cells.map(c => c.text)).toContain('Giảm so với 2023 (điểm %)');
        expect(new Set(t1.columns.map(c => c.key)).size).toBe(t1.columns.length);

        const csv = (await readCsv(new TextDecoder().decode(renderCsv(t2)))).flat();
        expect(csv).toEqual(expect.arrayContaining(['Năm 2021 (chuẩn 2016–2020) - Tổng số hộ dân cư', 'Năm 2021 (chuẩn 2021–2025) - Tổng số hộ nghèo']));
        const markdown = new TextDecoder().decode(renderMarkdown(view));
        for (const heading of ['Đầu năm 2024', 'Cuối năm 2024', 'Năm 2021 (chuẩn 2016–2020)', 'Giảm so với 2023 (điểm %)']) expect(markdown).toContain(heading);
    });

    test('a heading the plan writes is printed as written', async () => {
        const view = await viewOfText(START_END(`    row 1 A {
        2023:       1.000 100 10,00 - -
        start 2024: 1.000 100 10,00 - -
        end 2024:   1.010  90  8,91 15 5
    }`));
        expect(view.annexes[0].header[0].cells.map(c => c.text).slice(2)).toEqual(['Kết quả năm 2023', 'Đầu năm 2024', 'Cuối năm 2024']);
    });
});
