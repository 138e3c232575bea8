// What a newcomer types and what the checker then says (issue 12, points 4 and 5): counts typed in
// the other number style get their likely reading, never a fix that makes a count non-whole;
// content that no output shows, and placeholders left in, are findings.
import { describe, expect, test } from 'vitest';
import { createTestServices, findingKeys, marked, showRange, validatePlan } from '../helpers/plan.js';

const services = createTestServices();

const table = (cells: string, style = 'vi') => `plan t number-style ${style}
district A "Phù Cừ" huyen
table t1 "T" {
    years { 2024 result }
    columns households poor poor-rate
    row 1 A { 2024: ${cells} }
}
`;

describe('numbers typed the other way, in a count column', () => {
    test('"28,700" under vi: a whole count of 28.700 typed the international way, offered first', async () => {
        const m = marked(table('«28,700» 946 3,30'));
        const { diagnostics } = await validatePlan(services, m.text);
        const errors = diagnostics.filter(d => d.severity === 1);
        expect(findingKeys(errors)).toEqual([`count-not-integer@${showRange(m.ranges[0])}`]);
        expect(errors[0].message).toBe('Số hộ "28,700" phải là số nguyên (cột Tổng số hộ): có lẽ là 28.700, viết dấu ngăn cách hàng nghìn theo kiểu kia.');
        expect((errors[0].data as { replacement?: string }).replacement).toBe('28.700');
    });

    test('"28.700" under international style: the same, the other way round', async () => {
        const m = marked(table('«28.700» 946 3.30', 'international'));
        const { diagnostics } = await validatePlan(services, m.text);
        const errors = diagnostics.filter(d => d.severity === 1);
        expect(findingKeys(errors)).toEqual([`count-not-integer@${showRange(m.ranges[0])}`]);
        expect((errors[0].data as { replacement?: string }).replacement).toBe('28,700');
    });

    test('"32.9095" under vi: no fix that would make the count 32,9095 households', async () => {
        const m = marked(table('«32.9095» 946 2,87'));
        const { diagnostics } = await validatePlan(services, m.text);
        const errors = diagnostics.filter(d => d.severity === 1);
        expect(findingKeys(errors)).toEqual([`count-unreadable@${showRange(m.ranges[0])}`]);
        expect(errors[0].data).not.toHaveProperty('replacement');
    });

    test('a rate typed the other way keeps its decimal fix ("3.30" → "3,30")', async () => {
        const m = marked(table('28.700 946 «3.30»'));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`number-style@${showRange(m.ranges[0])}`]);
        expect((diagnostics[0].data as { replacement?: string }).replacement).toBe('3,30');
    });

    test('a count in the wrong style that reads whole keeps its fix ("1,234,567" → "1.234.567")', async () => {
        const m = marked(table('«1,234,567» 40.000 3,24'));
        const { diagnostics } = await validatePlan(services, m.text);
        const errors = diagnostics.filter(d => d.severity === 1);
        expect(findingKeys(errors)).toEqual([`number-style@${showRange(m.ranges[0])}`]);
        expect((errors[0].data as { replacement?: string }).replacement).toBe('1.234.567');
    });
});

describe('content that no output shows', () => {
    const plan = (indicator: string) => `plan t number-style vi
agency L "Sở Lao động - Thương binh và Xã hội" department
dimension d "Việc làm" {
    indicator trong "Tỷ lệ lao động qua đào tạo" { unit percent lead L baseline 2023 = 60 plan 2025 = 68 }
}
${indicator}
target mt { indicator ngoai year 2025 at-least 70 text "đạt ít nhất 70%" }
`;

    test('an indicator at top level, with values and a target, is said to appear nowhere', async () => {
        const m = marked(plan('indicator «ngoai» "Tỷ lệ lao động có việc làm" { unit percent lead L baseline 2023 = 65 plan 2025 = 70 }'));
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics)).toEqual([`not-shown@${showRange(m.ranges[0])}`]);
        expect(diagnostics[0].message).toBe('Chỉ tiêu "Tỷ lệ lao động có việc làm" nằm ngoài mọi chiều thiếu hụt (`dimension`) và không tính từ bảng nào: nó và mục tiêu của nó không có trong phụ lục hay biểu đồ nào.');
        // What a fix needs to move it where it belongs.
        expect(diagnostics[0].data).toMatchObject({ indicator: 'ngoai', dimensions: ['d'] });
    });

    test('inside a dimension it is shown: no finding', async () => {
        const text = plan('').replace('    indicator trong', '    indicator ngoai "Tỷ lệ lao động có việc làm" { unit percent lead L baseline 2023 = 65 plan 2025 = 70 }\n    indicator trong');
        expect(findingKeys((await validatePlan(services, text)).diagnostics)).toEqual([]);
    });
});

describe('placeholders left in', () => {
    test('the "…" a declare-agency fix writes, TODO and <…> are findings at their declaration', async () => {
        const m = marked(`plan t number-style vi
«agency SNN "…" department»
«district X "TODO" huyen»
«agency YT "<tên cơ quan>"»
agency L "Sở Lao động - Thương binh và Xã hội" department
`);
        const { diagnostics } = await validatePlan(services, m.text);
        expect(findingKeys(diagnostics, d => d.code === 'placeholder-text')).toEqual(m.ranges.map(r => `placeholder-text@${showRange(r)}`).sort());
        expect(diagnostics.find(d => d.code === 'placeholder-text')!.message).toBe('Tên của cơ quan SNN vẫn là chỗ trống "…": hãy viết tên thật, nó sẽ được in ra phụ lục.');
    });
});
