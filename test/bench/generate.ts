// Generates a national-scale plan: N districts × 8 years in a district table with a total row,
// agencies, dimensions with indicators, targets and tasks. Used by the benchmark and by tests
// that check the checker stays quiet on a consistent plan of that size.
import { formatNumber } from '../../common/numbers.js';

export interface GeneratedPlan { text: string; districts: number; lines: number; bytes: number }

export function generatePlan(districts: number): GeneratedPlan {
    const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
    const out: string[] = [];
    out.push(`plan quoc_gia_${districts} "Kế hoạch giảm nghèo (${districts} huyện)"`, 'number-style vi', '');
    out.push('header {', '    issuer "Ủy ban nhân dân"', '    period 2021 to 2025', '    orientation 2030', '}', '');
    const agencies = ['LDTBXH "Sở Lao động - Thương binh và Xã hội"', 'YT "Sở Y tế"', 'GDDT "Sở Giáo dục và Đào tạo"'];
    for (const a of agencies) out.push(`agency ${a} department`);
    out.push('');
    for (let d = 0; d < districts; d++) out.push(`district D${d} "Huyện số ${d + 1}" huyen`);
    out.push('');
    out.push('table bang_ho_ngheo "TỶ LỆ HỘ NGHÈO" {', '    annex "01"',
        `    years { ${years.map(y => `${y} ${y <= 2022 ? 'result' : 'plan'}`).join('  ')} }`,
        '    columns households poor poor-rate');
    const totals = years.map(() => ({ h: 0, p: 0 }));
    for (let d = 0; d < districts; d++) {
        out.push(`    row ${d + 1} D${d} {`);
        years.forEach((y, i) => {
            const households = 20_000 + ((d * 7919 + i * 104_729) % 50_000);
            const poor = Math.max(1, Math.round(households * (0.05 - i * 0.005) * (1 + (d % 7) / 10)));
            totals[i].h += households;
            totals[i].p += poor;
            const rate = formatNumber(poor / households * 100, 'vi', 2);
            out.push(`        ${y}: ${formatNumber(households, 'vi')} ${formatNumber(poor, 'vi')} ${rate}`);
        });
        out.push('    }');
    }
    out.push('    total "Tổng cộng" {');
    years.forEach((y, i) => out.push(`        ${y}: ${formatNumber(totals[i].h, 'vi')} ${formatNumber(totals[i].p, 'vi')} ${formatNumber(totals[i].p / totals[i].h * 100, 'vi', 2)}`));
    out.push('    }', '}', '');
    out.push('indicator ty_le "Tỷ lệ hộ nghèo" {', '    unit percent', '    direction lower', '    computed poor-rate of bang_ho_ngheo', '    lead LDTBXH', '}');
    out.push('dimension y_te "Y tế" {');
    out.push('    indicator bhyt "Tỷ lệ tham gia bảo hiểm y tế" {', '        unit percent', '        direction higher', '        lead YT',
        '        baseline 2022 = 90', '        plan 2023 = 92', '        plan 2024 = 95', '        plan 2025 = 98', '    }', '}');
    out.push('dimension giao_duc "Giáo dục" {');
    out.push('    indicator di_hoc "Tỷ lệ trẻ em đi học đúng độ tuổi" {', '        unit percent', '        direction higher', '        lead GDDT',
        '        baseline 2022 = 93,9', '        plan 2023 = 95', '        plan 2024 = 97', '        plan 2025 = 99', '    }', '}');
    out.push('target mt_bhyt {', '    indicator bhyt', '    year 2025', '    at-least 98', '    text "ít nhất 98%"', '}');
    out.push('tasks "NHIỆM VỤ" {', '    annex "03"', '    task 1 "Xây dựng chính sách" {', '        lead LDTBXH coordinate YT GDDT', '        submit 2025', '    }', '}');
    const text = out.join('\n') + '\n';
    return { text, districts, lines: out.length, bytes: Buffer.byteLength(text) };
}

/**
 * A plan of the other shape: text rather than tables. `items` indicators (ten a dimension) with their
 * targets, as many tasks and as many solutions, each with its sentence: ~730 bytes an item.
 */
export function generateTextPlan(items: number): GeneratedPlan {
    const out = ['plan van_ban "Kế hoạch"', 'number-style vi', 'header {', '    issuer "Ủy ban nhân dân"', '    period 2021 to 2025', '}'];
    out.push('agency YT "Sở Y tế" department', 'agency GD "Sở Giáo dục và Đào tạo" department');
    for (let d = 0; d < items / 10; d++) {
        out.push(`dimension dim${d} "Chiều ${d}" {`);
        for (let i = 0; i < 10; i++) {
            out.push(`    indicator ind${d}_${i} "Tỷ lệ chỉ số số ${d}.${i} của tỉnh" {`, '        unit percent', '        direction higher',
                '        lead YT coordinate GD', '        baseline 2022 = 90,5', '        plan 2023 = 91', '        plan 2024 = 92,5', '        plan 2025 = 94', '    }');
        }
        out.push('}');
    }
    for (let t = 0; t < items; t++) {
        out.push(`target mt${t} {`, `    indicator ind${Math.floor(t / 10)}_${t % 10}`, '    year 2025', '    at-least 94', '    text "đạt ít nhất 94% vào năm 2025"', '}');
    }
    out.push('tasks "NHIỆM VỤ" {', '    annex "03"');
    for (let t = 0; t < items; t++) {
        out.push(`    task ${t + 1} "Xây dựng và triển khai chính sách hỗ trợ số ${t + 1} cho người nghèo" {`, '        lead YT coordinate GD', '        submit 2024', '        note "Ghi chú"', '    }');
    }
    out.push('}', 'solutions "GIẢI PHÁP" {', '    group 1 "Nhóm" {', '        lead YT');
    for (let s = 0; s < items; s++) out.push(`        solution "Giải pháp số ${s + 1} về việc nâng cao chất lượng" { text "Nội dung chi tiết của giải pháp ${s + 1}, gồm nhiều câu chữ mô tả." }`);
    out.push('    }', '}');
    const text = out.join('\n') + '\n';
    return { text, districts: 0, lines: out.length, bytes: Buffer.byteLength(text) };
}
