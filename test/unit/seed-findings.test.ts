// The seed plan's findings, exactly: each one is a real inconsistency or gap of the published
// document, checked here against the document itself, and nothing else is reported.
import * as fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { loadPlans } from '../../language-server/src/cli/workspace.js';
import { lineMatching, SEED_PLAN, severityOf, PUBLISHED_SEED_TEXT } from '../helpers/plan.js';

const planText = fs.readFileSync(SEED_PLAN, 'utf-8');
const planLines = planText.split(/\r?\n/);
const publishedText = fs.readFileSync(PUBLISHED_SEED_TEXT, 'utf-8');

/** Sections III.1–III.4 of the published plan list these measures with no lead unit. */
const SOLUTIONS_WITHOUT_LEAD = [
    'Các cấp ủy Đảng, chính quyền tập trung lãnh đạo, chỉ đạo',
    'Chính quyền các cấp xây dựng, điều chỉnh mục tiêu',
    'Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội các cấp tăng cường vận động',
    'Tiếp tục đẩy mạnh công tác tuyên truyền, phổ biến kịp thời',
    'Tuyên truyền, cổ vũ, động viên hộ nghèo',
    'Nghiên cứu, xây dựng, nhân rộng các mô hình giảm nghèo bền vững',
    'Ưu tiên đầu tư phát triển hạ tầng kinh tế, xã hội',
    'Tiếp tục ưu tiên bố trí nguồn vốn ngân sách địa phương',
    'Thường xuyên rà soát, kiện toàn tổ chức bộ máy',
    'Đẩy mạnh công tác đào tạo, bồi dưỡng, nâng cao năng lực',
    'Tăng cường kiểm tra, giám sát, đánh giá hiệu quả'
];

/** "dưới 9%" … "Trên 98%": the comparison lines of the targets that the Annex 02 figures do not meet. */
const TARGETS_NOT_MET = ['below 9', 'below 15', 'above 68', 'above 29', 'above 98'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Expected { code: string; line: number; column?: number; endColumn?: number }

function expected(): Expected[] {
    const totalLine = lineMatching(planText, /^\s*2024:\s+414\.847\s+2\.954\s+0,71\s*$/);
    const directionLine = lineMatching(planText, /^\s*plan 2023 = 9,8\s*$/);
    const gapLine = lineMatching(planText, /^\s*11 SO_NGANH_LIEN_QUAN\b/);
    const col = (line: number, token: string) => planLines[line - 1].indexOf(token) + 1;
    return [
        { code: 'total-mismatch', line: totalLine, column: col(totalLine, '2.954'), endColumn: col(totalLine, '2.954') + 5 },
        { code: 'wrong-direction', line: directionLine, column: col(directionLine, '9,8'), endColumn: col(directionLine, '9,8') + 3 },
        ...TARGETS_NOT_MET.map(c => {
            const line = lineMatching(planText, new RegExp(`^\\s*${c}\\s*$`));
            return { code: 'target-not-met', line, column: col(line, c), endColumn: col(line, c) + c.length };
        }),
        ...SOLUTIONS_WITHOUT_LEAD.map(s => ({ code: 'solution-without-lead', line: lineMatching(planText, new RegExp(`^\\s*solution "${escape(s)}`)) })),
        { code: 'numbering-gap', line: gapLine, column: col(gapLine, '11'), endColumn: col(gapLine, '11') + 2 }
    ];
}

let diagnostics: Diagnostic[];

beforeAll(async () => {
    const { documents } = await loadPlans([SEED_PLAN], 'vi');
    diagnostics = [...(documents[0].diagnostics ?? [])];
});

describe('the seed plan\'s findings', () => {
    test('are exactly the expected (code, line) pairs', () => {
        const got = diagnostics.map(d => `${d.code}:${d.range.start.line + 1}`).sort();
        const want = expected().map(e => `${e.code}:${e.line}`).sort();
        expect(got).toEqual(want);
        expect(got).toHaveLength(19);
    });

    test('stand on the offending token', () => {
        for (const e of expected().filter(x => x.column !== undefined)) {
            const d = diagnostics.find(x => x.code === e.code && x.range.start.line + 1 === e.line)!;
            expect([d.range.start.character + 1, d.range.end.character + 1], `${e.code} line ${e.line}`).toEqual([e.column, e.endColumn]);
        }
    });

    test('have the severities of their rules: one error, seven warnings, the solutions without a lead as infos', () => {
        const bySeverity = (s: string) => diagnostics.filter(d => severityOf(d) === s).map(d => d.code);
        expect(bySeverity('error')).toEqual(['total-mismatch']);
        expect(bySeverity('warning').sort()).toEqual(['numbering-gap', ...Array(5).fill('target-not-met'), 'wrong-direction']);
        // Directions to all levels (section III) name no unit: infos, not warnings (issue 10).
        expect(bySeverity('info')).toEqual(Array(11).fill('solution-without-lead'));
    });

    test('say what is wrong, with the printed numbers', () => {
        const message = (code: string) => diagnostics.filter(d => d.code === code).map(d => d.message);
        expect(message('total-mismatch')).toEqual(['Tổng cộng năm 2024, cột Hộ nghèo: in 2.954 nhưng tổng các dòng là 2.963 (chênh -9).']);
        expect(message('wrong-direction')).toEqual([
            'Chỉ tiêu "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi" đi ngược hướng (càng thấp càng tốt): 9,7 năm 2022 → 9,8 năm 2023.'
        ]);
        expect(message('numbering-gap')).toEqual(['Đánh số không liên tục: sau 9 là 11 (thiếu 10).']);
        expect(message('target-not-met').map(m => m.replace(/^.* giá trị là /, ''))).toEqual(['9.', '15.', '68.', '29.', '98.']);
        expect(message('solution-without-lead').every(m => /^Giải pháp [1-4] chưa nêu đơn vị chủ trì \(cũng không có ở nhóm chứa nó\): /.test(m))).toBe(true);
    });
});

describe('each finding is true of the published document', () => {
    test('Annex 01, 2024: the districts\' poor households add up to 2.963, the total row prints 2.954', () => {
        const row = publishedText.split('\n').find(l => l.includes('<b>Tổng cộng</b>'))!;
        expect(row).toContain('<b>2.954</b>');
        const poor2024 = publishedText.split('\n').filter(l => /^\d+\t/.test(l) && l.split('\t').length === 17).map(l => Number(l.split('\t')[12].replace('.', '')));
        expect(poor2024).toHaveLength(10);
        expect(poor2024.reduce((a, b) => a + b, 0)).toBe(2963);
    });

    test('Annex 02: underweight children under 5 rise from 9,7 (2022) to 9,8 (2023) in a "reduce" indicator', () => {
        expect(publishedText).toMatch(/\+ Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi\t%\t9,7\t9,8\t9,6\t9\t/);
        expect(publishedText).toContain('giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi');
    });

    test('II.2 promises "dưới 9%", "dưới 15%", "trên 68%", "trên 29%", "trên 98%", and Annex 02 plans exactly 9, 15, 68, 29, 98 for 2025', () => {
        for (const phrase of ['xuống còn dưới 9%', 'xuống còn dưới 15%', 'đạt trên 68%', 'đạt trên 29%', 'Trên 98%']) expect(publishedText).toContain(phrase);
        expect(publishedText).toMatch(/cân nặng theo tuổi\t%\t[^\t]+\t[^\t]+\t[^\t]+\t9\t/);
        expect(publishedText).toMatch(/chiều cao theo tuổi\t%\t[^\t]+\t[^\t]+\t[^\t]+\t15\t/);
        expect(publishedText).toMatch(/hộ mới thoát nghèo qua đào tạo\t%\t[^\t]+\t[^\t]+\t[^\t]+\t68\t/);
        expect(publishedText).toMatch(/có bằng cấp chứng chỉ\t%\t[^\t]+\t[^\t]+\t[^\t]+\t29\t/);
        expect(publishedText).toMatch(/dịch vụ viễn thông, internet\.\t%\t[^\t]+\t[^\t]+\t[^\t]+\t98\t/);
        // "trên 86%" is met by 86,74: not a finding
        expect(publishedText).toMatch(/nhà tiêu hợp vệ sinh\.\t%\t[^\t]+\t[^\t]+\t[^\t]+\t86,74\t/);
    });

    test('III.1–III.4 name no lead unit; every measure of III.5 does', () => {
        const start = publishedText.indexOf('III. NỘI DUNG THỰC HIỆN');
        const five = publishedText.indexOf('5. Thực hiện đồng bộ các chính sách giảm nghèo');
        const four = publishedText.indexOf('IV. KINH PHÍ THỰC HIỆN');
        expect(start).toBeGreaterThan(0);
        expect(publishedText.slice(start, five)).not.toContain('Đơn vị chủ trì');
        for (const s of SOLUTIONS_WITHOUT_LEAD) expect(publishedText.slice(start, five)).toContain(s);
        const leadsInFive = publishedText.slice(five, four).match(/Đơn vị chủ trì thực hiện/g) ?? [];
        const solutionsInFive = planText.slice(planText.indexOf('group 5 '), planText.indexOf('// IV.')).match(/^\s*solution "/gm) ?? [];
        expect(leadsInFive).toHaveLength(10);
        expect(solutionsInFive).toHaveLength(10);
    });

    test('V. numbers its agencies 1–9, then 11, 12, 13: there is no 10', () => {
        const five = publishedText.slice(publishedText.indexOf('V. TỔ CHỨC THỰC HIỆN'), publishedText.indexOf('Nơi nhận'));
        const numbers = [...five.matchAll(/\*\*(\d+)\. /g)].map(m => Number(m[1]));
        expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13]);
    });
});
