// One case per finding code: a small plan where the rule fires (with «» around the exact token it
// must point at) and the same plan made right. The rule catalogue test checks each rule on them; the
// LSP code-action test asks for the fixes of every code on them.
import type { Severity } from '../../common/findings.js';

export interface Case {
    code: string;
    severity: Severity;
    /** Where the rule fires: every «marked» span is one finding of this code; nothing else is reported. */
    fires: string;
    /** The same plan made right: no finding at all. */
    quiet: string;
    vi: RegExp;
    en: RegExp;
    /** Fix data carried by the diagnostic (checked as a subset). */
    data?: Record<string, unknown>;
    /** Other findings the offending plan gives too, each at the first occurrence of `at` in the plan. */
    besides?: { code: string; severity: Severity; at: string }[];
}

const table = (rows: string, opts: { years?: string; columns?: string; districts?: string } = {}) => `plan t number-style vi
${opts.districts ?? 'district A "Phù Cừ" huyen\ndistrict B "Kim Động" huyen'}
table t1 "Dự kiến tỷ lệ hộ nghèo" {
    years { ${opts.years ?? '2023 plan'} }
    columns ${opts.columns ?? 'households poor poor-rate'}
${rows}
}
`;

/** A table that declares columns of its own (or checks) in `head`, before the rows. */
const declared = (rows: string, head: string, opts: { years?: string; targets?: boolean } = {}) => `plan t number-style vi
district A "Phù Cừ" huyen
district B "Kim Động" huyen
table t1 "Bảng"${opts.targets ? ' targets' : ''} {
    years { ${opts.years ?? '2023 plan'} }
${head}
${rows}
}
`;

const indicator = (values: string, target = '', head = 'header { period 2023 to 2025 orientation 2030 }') => `plan t
${head}
agency YT "Sở Y tế" department
indicator sdd "Suy dinh dưỡng" {
    unit percent
    direction lower
    lead YT
${values}
}
${target}`;

const FLOW = '    column thoat "Hộ thoát nghèo" households\n    column moi "Hộ nghèo phát sinh" households\n'
    + '    column poor "Hộ nghèo cuối năm" households flow - thoat + moi\n    columns poor thoat moi';
const CHECK = 'check it_hon { poor <= near-poor message "Hộ nghèo nhiều hơn hộ cận nghèo" en "More poor than near-poor households" }';

/** Issue 21: a year printed twice (its start and end, or under two standards) and changes between years. */
const STANDARDS = (rows: string) => `plan t number-style vi
standard cu "Chuẩn cũ" from 2016 to 2020
standard moi "Chuẩn mới" from 2021 to 2025
district A "Phù Cừ" huyen
table t1 "Bảng" {
    years { 2020 result standard cu 2021 result standard moi }
    column giam "Giảm (điểm %)" points decrease-of poor-rate
    columns households poor poor-rate giam
${rows}
}
`;
const CHANGE = (unit: string) => `    column giam "Giảm (hộ)" ${unit} decrease-of poor\n    columns poor giam`;

/**
 * Codes that only a plan and a plan part of it give together: they have no case of one plan here,
 * and test/unit/roll-up.test.ts checks each of them on plans built together.
 */
export const SEVERAL_FILES_CODES: readonly string[] = ['roll-up-mismatch', 'roll-up-total-mismatch', 'roll-up-unknown-unit', 'roll-up-unknown-year'];

export const CASES: Case[] = [
    {
        code: 'year-group-unknown', severity: 'error',
        fires: declared('    row 1 A { start 2024: 100 5 «2024:» 100 4 }', '    columns households poor', { years: '2024 result start 2024 result end' }),
        quiet: declared('    row 1 A { start 2024: 100 5 end 2024: 100 4 }', '    columns households poor', { years: '2024 result start 2024 result end' }),
        vi: /^Phù Cừ: dòng năm 2024 không thuộc nhóm cột nào của bảng\. Năm 2024 in thành các nhóm start \(Đầu năm 2024\), end \(Cuối năm 2024\): ghi nhóm trước năm, ví dụ `end 2024:`\.$/,
        en: /^Phù Cừ: the line of 2024 belongs to none of the table's groups\. 2024 is printed as the groups start \(Start of 2024\), end \(End of 2024\): name the group before the year, e\.g\. `end 2024:`\.$/,
        besides: [{ code: 'missing-district-year', severity: 'warning', at: 'row 1 A { start 2024: 100 5 2024: 100 4 }' }]
    },
    {
        code: 'start-of-year-mismatch', severity: 'error',
        fires: declared('    row 1 A { 2023: 100 5 start 2024: 100 «6» }', '    columns households poor', { years: '2023 result 2024 result start' }),
        quiet: declared('    row 1 A { 2023: 100 5 start 2024: 100 5 }', '    columns households poor', { years: '2023 result 2024 result start' }),
        vi: /^Phù Cừ, cột Hộ nghèo: năm 2024 \(đầu năm\) in 6 nhưng năm 2023 là 5; số đầu năm phải bằng số cuối năm trước\.$/,
        en: /^Phù Cừ, column poor households: 2024 \(start\) printed 6 but 2023 is 5; the start of a year is the end of the year before\.$/,
        data: { replacement: '5' }
    },
    {
        code: 'change-mismatch', severity: 'error',
        fires: declared('    row 1 A { 2023: 100 - 2024: 90 «12» }', CHANGE('households'), { years: '2023 result 2024 result' }),
        quiet: declared('    row 1 A { 2023: 100 - 2024: 90 10 }', CHANGE('households'), { years: '2023 result 2024 result' }),
        vi: /^Phù Cừ năm 2024, cột Giảm \(hộ\): in 12 nhưng giảm tính bằng số đếm của Hộ nghèo từ 2023 \(100\) đến 2024 \(90\) là 10\.$/,
        en: /^Phù Cừ 2024, column Giảm \(hộ\): printed 12 but the fall as a count of poor households from 2023 \(100\) to 2024 \(90\) is 10\.$/,
        data: { replacement: '10' }
    },
    {
        code: 'change-unit', severity: 'error',
        fires: declared('    row 1 A { 2023: 100 - 2024: 90 10 }', CHANGE('«points»'), { years: '2023 result 2024 result' }),
        quiet: declared('    row 1 A { 2023: 100 - 2024: 90 10 }', CHANGE('households'), { years: '2023 result 2024 result' }),
        vi: /^Cột Giảm \(hộ\) khai báo đơn vị điểm phần trăm cho mức thay đổi của cột Hộ nghèo \(hộ\): điểm % chỉ dùng cho tỷ lệ, số hộ \(người\) cho số hộ \(người\), % cho cả hai\.$/,
        en: /^Column Giảm \(hộ\) declares the unit percentage points for the change of column poor households \(households\): points are for rates, households \(persons\) for households \(persons\), percent for either\.$/
    },
    {
        code: 'across-standards', severity: 'info',
        fires: STANDARDS('    row 1 A { 2020: 100 5 5,00 - 2021: 100 8 8,00 «-3,00» }'),
        quiet: STANDARDS('    row 1 A { 2020: 100 5 5,00 - 2021: 100 8 8,00 - }'),
        vi: /^Không kiểm tra cột thay đổi Giảm \(điểm %\) của năm 2021 so với năm 2020: hai năm theo hai chuẩn nghèo khác nhau \(chuẩn 2021–2025; chuẩn 2016–2020\), số liệu không so sánh được\.$/,
        en: /^Not checked: the change column Giảm \(điểm %\) of 2021 against 2020: the two years are under different poverty standards \(2021–2025 standard; 2016–2020 standard\), their figures do not compare\.$/
    },
    {
        code: 'number-style', severity: 'error',
        fires: table('    row 1 A { 2023: 29.822 946 «3.17» }'),
        quiet: table('    row 1 A { 2023: 29.822 946 3,17 }'),
        vi: /^Số "3\.17" không viết theo kiểu số của kế hoạch \(vi\); theo kiểu này phải viết "3,17"\.$/,
        en: /^The number "3\.17" is not written in the plan's number style \(vi\); in that style it reads "3,17"\.$/,
        data: { code: 'number-style', replacement: '3,17' }
    },
    {
        code: 'number-malformed', severity: 'error',
        fires: table('    row 1 A { 2023: «12.34.567» 946 3,17 }'),
        quiet: table('    row 1 A { 2023: 29.822 946 3,17 }'),
        vi: /^Không đọc được số "12\.34\.567": nhóm hàng nghìn phải có đúng 3 chữ số/,
        en: /^Cannot read the number "12\.34\.567": thousands groups need exactly 3 digits/,
        // The rate over the unreadable households says it cannot be checked.
        besides: [{ code: 'unchecked-rate', severity: 'info', at: '3,17' }]
    },
    {
        code: 'count-not-integer', severity: 'error',
        fires: table('    row 1 A { 2023: 29.822 «946,5» }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 29.822 946 }', { columns: 'households poor' }),
        vi: /^Số hộ "946,5" phải là số nguyên \(cột Hộ nghèo\)\.$/,
        en: /^The household count "946,5" must be a whole number \(column poor households\)\.$/
    },
    {
        code: 'year-malformed', severity: 'error',
        fires: 'plan t\nheader { period 2023 to «2.025» }\n',
        quiet: 'plan t\nheader { period 2023 to 2025 }\n',
        vi: /^"2\.025" không phải là một năm \(cần 4 chữ số/,
        en: /^"2\.025" is not a year \(4 digits expected/
    },
    {
        // Kim Động 2023 in the seed: 490 / 40.820 = 1,2004 %, printed "1,2" (one decimal) is right.
        code: 'rate-mismatch', severity: 'error',
        fires: table('    row 1 B { 2023: 40.820 490 «1,21» }'),
        quiet: table('    row 1 B { 2023: 40.820 490 1,2 }'),
        vi: /^Tỷ lệ in 1,21% không bằng 490\/40\.820 = 1,2004% \(Kim Động, năm 2023\)\.$/,
        en: /^The printed rate 1,21% is not 490\/40\.820 = 1,2004% \(Kim Động, 2023\)\.$/,
        data: { replacement: '1,20' }
    },
    {
        code: 'total-mismatch', severity: 'error',
        fires: table('    row 1 A { 2024: 41.320 339 }\n    row 2 B { 2024: 49.649 525 }\n    total "Tổng cộng" { 2024: 90.969 «855» }',
            { years: '2024 plan', columns: 'households poor' }),
        quiet: table('    row 1 A { 2024: 41.320 339 }\n    row 2 B { 2024: 49.649 525 }\n    total "Tổng cộng" { 2024: 90.969 864 }',
            { years: '2024 plan', columns: 'households poor' }),
        vi: /^Tổng cộng năm 2024, cột Hộ nghèo: in 855 nhưng tổng các dòng là 864 \(chênh -9\)\.$/,
        en: /^Tổng cộng 2024, column poor households: printed 855 but the rows add up to 864 \(off by -9\)\.$/,
        data: { replacement: '864' }
    },
    {
        code: 'sum-mismatch', severity: 'error',
        fires: declared('    row 1 A { 2023: 1.000 10 20 «31» }', '    column da_chieu "Hộ nghèo đa chiều" households sum-of poor + near-poor\n    columns households poor near-poor da_chieu'),
        quiet: declared('    row 1 A { 2023: 1.000 10 20 30 }', '    column da_chieu "Hộ nghèo đa chiều" households sum-of poor + near-poor\n    columns households poor near-poor da_chieu'),
        vi: /^Phù Cừ năm 2023, cột Hộ nghèo đa chiều: in 31 nhưng Hộ nghèo \+ Hộ cận nghèo = 30 \(chênh 1\)\.$/,
        en: /^Phù Cừ 2023, column Hộ nghèo đa chiều: printed 31 but poor households \+ near-poor households = 30 \(off by 1\)\.$/,
        data: { code: 'sum-mismatch', replacement: '30' }
    },
    {
        code: 'sum-rate-mismatch', severity: 'error',
        fires: declared('    row 1 A { 2023: 1,00 2,00 «3,50» }', '    column ty_le_dc "Tỷ lệ nghèo đa chiều" percent sum-of poor-rate + near-poor-rate\n    columns poor-rate near-poor-rate ty_le_dc'),
        quiet: declared('    row 1 A { 2023: 1,00 2,00 3,01 }', '    column ty_le_dc "Tỷ lệ nghèo đa chiều" percent sum-of poor-rate + near-poor-rate\n    columns poor-rate near-poor-rate ty_le_dc'),
        vi: /^Phù Cừ năm 2023, cột Tỷ lệ nghèo đa chiều: tỷ lệ in 3,50% nhưng 1,00 \+ 2,00 = 3%, lệch quá mức làm tròn \(±0,015\)\.$/,
        en: /^Phù Cừ 2023, column Tỷ lệ nghèo đa chiều: the printed rate 3,50% but 1,00 \+ 2,00 = 3%, off by more than rounding \(±0,015\)\.$/
    },
    {
        // No households column: 10 poor at 1,00 % means about 1.000 households, 20 near-poor at 1,00 % about 2.000.
        // Nothing else in the table tells which is wrong: both are marked, saying so.
        code: 'implied-denominator', severity: 'error',
        fires: declared('    row 1 A { 2023: 10 «1,00» 20 «1,00» }', '    columns poor poor-rate near-poor near-poor-rate'),
        quiet: declared('    row 1 A { 2023: 10 1,00 20 2,00 }', '    columns poor poor-rate near-poor near-poor-rate'),
        vi: /^Phù Cừ năm 2023: các tỷ lệ không thể cùng tính trên một mẫu số \(Tổng số hộ\): Tỷ lệ hộ nghèo \(%\) 1,00% \(10\) cần 996–1\.005, còn Tỷ lệ hộ cận nghèo \(%\) 1,00% \(20\) cần 1\.991–2\.010\. Bảng không có số liệu nào khác cho biết số nào sai: hãy kiểm tra cả hai\.$/,
        en: /^Phù Cừ 2023: the rates cannot share one denominator \(total households\): poverty rate \(%\) 1,00% \(10\) needs 996–1\.005, but near-poverty rate \(%\) 1,00% \(20\) needs 1\.991–2\.010\. Nothing else in the table tells which figure is wrong: check both\.$/
    },
    {
        code: 'flow-mismatch', severity: 'error',
        fires: declared('    row 1 A { 2022: 100 - - 2023: «95» 10 3 }', FLOW, { years: '2022 result 2023 plan' }),
        quiet: declared('    row 1 A { 2022: 100 - - 2023: 93 10 3 }', FLOW, { years: '2022 result 2023 plan' }),
        vi: /^Phù Cừ năm 2023, cột Hộ nghèo cuối năm: in 95 nhưng năm trước 100 − Hộ thoát nghèo 10 \+ Hộ nghèo phát sinh 3 = 93 \(chênh 2\)\.$/,
        en: /^Phù Cừ 2023, column Hộ nghèo cuối năm: printed 95 but last year's 100 − Hộ thoát nghèo 10 \+ Hộ nghèo phát sinh 3 = 93 \(off by 2\)\.$/,
        data: { code: 'flow-mismatch', replacement: '93' }
    },
    {
        code: 'range-total-mismatch', severity: 'error',
        fires: declared('    row 1 A { 2025: 1.000 10..20 }\n    row 2 B { 2025: 1.000 5..10 }\n    total "Tổng cộng" { 2025: 2.000 «15..31» }', '    columns households poor', { years: '2025 plan', targets: true }),
        quiet: declared('    row 1 A { 2025: 1.000 10..20 }\n    row 2 B { 2025: 1.000 5..10 }\n    total "Tổng cộng" { 2025: 2.000 15..30 }', '    columns households poor', { years: '2025 plan', targets: true }),
        vi: /^Tổng cộng năm 2025, cột Hộ nghèo: cận trên in 31 nhưng tổng cận trên của các dòng là 30 \(chênh 1\)\.$/,
        en: /^Tổng cộng 2025, column poor households: the upper bound is printed 31 but the rows' upper bounds add up to 30 \(off by 1\)\.$/
    },
    {
        code: 'range-reversed', severity: 'error',
        fires: declared('    row 1 A { 2025: 1.000 «20..10» }', '    columns households poor', { years: '2025 plan', targets: true }),
        quiet: declared('    row 1 A { 2025: 1.000 10..20 }', '    columns households poor', { years: '2025 plan', targets: true }),
        vi: /^Khoảng 20\.\.10 có cận dưới lớn hơn cận trên\.$/,
        en: /^The range 20\.\.10 has its lower bound above its upper bound\.$/
    },
    {
        code: 'range-outside-targets', severity: 'error',
        fires: declared('    row 1 A { 2025: 1.000 «10..20» }', '    columns households poor', { years: '2025 plan' }),
        quiet: declared('    row 1 A { 2025: 1.000 10..20 }', '    columns households poor', { years: '2025 plan', targets: true }),
        vi: /^Ô 10\.\.20 là một khoảng, nhưng bảng không khai báo là bảng chỉ tiêu \(`targets`\)\.$/,
        en: /^The cell 10\.\.20 is a range, but the table is not declared a table of targets \(`targets`\)\.$/
    },
    {
        code: 'unknown-column', severity: 'error',
        fires: declared('    row 1 A { 2023: 1.000 10 }', '    columns households «ngheo»'),
        quiet: declared('    row 1 A { 2023: 1.000 10 }', '    column ngheo "Hộ nghèo" households\n    columns households ngheo'),
        vi: /^Bảng không có cột "ngheo"; các cột đã biết: households, poor, poor-rate, near-poor, near-poor-rate, multidim, multidim-rate\.$/,
        en: /^The table has no column "ngheo"; known columns: households, poor, poor-rate, near-poor, near-poor-rate, multidim, multidim-rate\.$/
    },
    {
        code: 'part-exceeds-base', severity: 'error',
        fires: declared('    row 1 A { 2023: 100 «120» }', '    column tb "Hộ mức sống trung bình" households\n    column ty_le "Tỷ lệ" percent rate-of poor per tb\n    columns tb poor'),
        quiet: declared('    row 1 A { 2023: 120 100 }', '    column tb "Hộ mức sống trung bình" households\n    column ty_le "Tỷ lệ" percent rate-of poor per tb\n    columns tb poor'),
        vi: /^Hộ nghèo \(120\) lớn hơn Hộ mức sống trung bình \(100\) \(Phù Cừ, năm 2023\)\.$/,
        en: /^The count of poor households \(120\) exceeds Hộ mức sống trung bình \(100\) \(Phù Cừ, 2023\)\.$/
    },
    {
        code: 'unchecked-total', severity: 'info',
        fires: table('    row 1 A { 2023: 1.000 10,5 }\n    row 2 B { 2023: 1.000 20 }\n    total "Tổng cộng" { 2023: 2.000 «30» }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 1.000 10 }\n    row 2 B { 2023: 1.000 20 }\n    total "Tổng cộng" { 2023: 2.000 30 }', { columns: 'households poor' }),
        vi: /^Không kiểm tra được Tổng cộng năm 2023, cột Hộ nghèo: ô "10,5" ở dòng 7 không đọc được thành số hộ\.$/,
        en: /^Tổng cộng 2023, column poor households cannot be checked: the cell "10,5" on line 7 does not read as a count\.$/,
        besides: [{ code: 'count-not-integer', severity: 'error', at: '10,5' }]
    },
    {
        // A note printed where a row's figure would stand: the total over it is not checked, and says so.
        code: 'note-skips-check', severity: 'info',
        fires: table('    row 1 A { 2023: 1.000 "Sáp nhập" }\n    row 2 B { 2023: 1.000 20 }\n    total "Tổng cộng" { 2023: 2.000 «30» }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 1.000 10 }\n    row 2 B { 2023: 1.000 20 }\n    total "Tổng cộng" { 2023: 2.000 30 }', { columns: 'households poor' }),
        vi: /^Không kiểm tra tổng cột Hộ nghèo của Tổng cộng năm 2023: dòng Phù Cừ ghi "Sáp nhập" ở cột Hộ nghèo thay cho số liệu\.$/,
        en: /^The total of column poor households \(Tổng cộng, 2023\) is not checked: the row Phù Cừ holds the note "Sáp nhập" in column poor households instead of a figure\.$/
    },
    {
        code: 'unchecked-rate', severity: 'info',
        fires: table('    row 1 A { 2023: 1.000,5 10 «1,00» }'),
        quiet: table('    row 1 A { 2023: 1.000 10 1,00 }'),
        vi: /^Không kiểm tra được tỷ lệ 1,00% \(Phù Cừ, năm 2023\): ô Tổng số hộ "1\.000,5" không đọc được thành số hộ\.$/,
        en: /^The rate 1,00% \(Phù Cừ, 2023\) cannot be checked: the total households cell "1\.000,5" does not read as a count\.$/,
        besides: [{ code: 'count-not-integer', severity: 'error', at: '1.000,5' }]
    },
    {
        // A check without a severity is a warning; the English message is the check's own `en`.
        code: 'table-check', severity: 'warning',
        fires: declared('    row 1 A { 2023: 1.000 «30» 20 }', `    columns households poor near-poor\n    ${CHECK}`),
        quiet: declared('    row 1 A { 2023: 1.000 20 30 }', `    columns households poor near-poor\n    ${CHECK}`),
        vi: /^Hộ nghèo nhiều hơn hộ cận nghèo \(Phù Cừ, năm 2023: 30 <= 20 không đúng\)\.$/,
        en: /^More poor than near-poor households \(Phù Cừ, 2023: 30 <= 20 does not hold\)\.$/,
        data: { code: 'table-check', check: 'it_hon' }
    },
    {
        // Quiet: the group's lead holds for its solutions.
        code: 'solution-without-lead', severity: 'info',
        fires: 'plan t\nsolutions "S" {\n    group 1 "Nhóm" {\n        «solution "Tuyên truyền"»\n    }\n}\n',
        quiet: 'plan t\nagency A "Sở Y tế" department\nsolutions "S" {\n    group 1 "Nhóm" {\n        lead A\n        solution "Tuyên truyền"\n    }\n}\n',
        vi: /^Giải pháp 1 chưa nêu đơn vị chủ trì \(cũng không có ở nhóm chứa nó\): Tuyên truyền$/,
        en: /^The solution 1 names no lead agency \(nor does its group\): Tuyên truyền$/
    },
    {
        code: 'indicator-not-whole', severity: 'error',
        fires: 'plan t\nagency A "Sở Y tế" department\nindicator h "Số hộ" {\n    unit households\n    lead A\n    plan 2025 = «10,5»\n}\n',
        quiet: 'plan t\nagency A "Sở Y tế" department\nindicator h "Số hộ" {\n    unit households\n    lead A\n    plan 2025 = 10\n}\n',
        vi: /^Chỉ tiêu tính bằng hộ phải là số nguyên: "10,5"\.$/,
        en: /^An indicator counted in households takes whole numbers: "10,5"\.$/
    },
    {
        code: 'count-unreadable', severity: 'error',
        fires: table('    row 1 A { 2023: «32.9095» 946 2,87 }'),
        quiet: table('    row 1 A { 2023: 32.909 946 2,87 }'),
        vi: /^Số hộ "32\.9095" không viết theo kiểu số của kế hoạch \(vi\), và đọc theo kiểu kia thì không phải số nguyên: hãy kiểm tra lại con số này\.$/,
        en: /^The household count "32\.9095" is not written in the plan's number style \(vi\), and read the other way it is no whole number: check this figure\.$/,
        besides: [{ code: 'unchecked-rate', severity: 'info', at: '2,87' }]
    },
    {
        code: 'not-shown', severity: 'warning',
        fires: 'plan t\nagency A "Sở Y tế" department\nindicator «bhyt» "Tỷ lệ tham gia bảo hiểm y tế" {\n    unit percent\n    lead A\n    plan 2025 = 95\n}\n',
        quiet: 'plan t\nagency A "Sở Y tế" department\ndimension y_te "Y tế" {\n    indicator bhyt "Tỷ lệ tham gia bảo hiểm y tế" {\n        unit percent\n        lead A\n        plan 2025 = 95\n    }\n}\n',
        vi: /^Chỉ tiêu "Tỷ lệ tham gia bảo hiểm y tế" nằm ngoài mọi chiều thiếu hụt \(`dimension`\) và không tính từ bảng nào: nó không có trong phụ lục hay biểu đồ nào\.$/,
        en: /^The indicator "Tỷ lệ tham gia bảo hiểm y tế" is in no deprivation dimension \(`dimension`\) and computed from no table: it appears in no annex and no chart\.$/,
        data: { indicator: 'bhyt' }
    },
    {
        code: 'placeholder-text', severity: 'warning',
        fires: 'plan t\n«agency SNN "…" department»\ntasks "NHIỆM VỤ" { task 1 "Xây dựng kế hoạch" { lead SNN } }\n',
        quiet: 'plan t\nagency SNN "Sở Nông nghiệp và Phát triển nông thôn" department\ntasks "NHIỆM VỤ" { task 1 "Xây dựng kế hoạch" { lead SNN } }\n',
        vi: /^Tên của cơ quan SNN vẫn là chỗ trống "…": hãy viết tên thật, nó sẽ được in ra phụ lục\.$/,
        en: /^The agency SNN still has the placeholder "…" for its name: write the real one, it is printed in the annexes\.$/
    },
    {
        code: 'poor-exceeds-total', severity: 'error',
        fires: table('    row 1 A { 2023: 1.000 «1.200» }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 1.200 1.000 }', { columns: 'households poor' }),
        vi: /^Số hộ nghèo \(1\.200\) lớn hơn tổng số hộ \(1\.000\) \(Phù Cừ, năm 2023\)\.$/,
        en: /^Poor households \(1\.200\) exceed the total households \(1\.000\) \(Phù Cừ, 2023\)\.$/
    },
    {
        code: 'negative-count', severity: 'error',
        fires: table('    row 1 A { 2023: 1.000 «-3» }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 1.000 3 }', { columns: 'households poor' }),
        vi: /^Số hộ không thể âm: -3\.$/,
        en: /^A household count cannot be negative: -3\.$/
    },
    {
        code: 'percent-out-of-range', severity: 'error',
        fires: table('    row 1 A { 2023: «101,5» }', { columns: 'poor-rate' }),
        quiet: table('    row 1 A { 2023: 100 }', { columns: 'poor-rate' }),
        vi: /^Tỷ lệ 101,5% nằm ngoài khoảng 0–100%\.$/,
        en: /^The percentage 101,5% is outside 0–100%\.$/
    },
    {
        code: 'cell-count', severity: 'error',
        fires: table('    row 1 A { «2023: 1.000 10» }'),
        quiet: table('    row 1 A { 2023: 1.000 10 1,00 }'),
        vi: /^Năm 2023 có 2 ô nhưng bảng khai báo 3 cột \(Tổng số hộ, Hộ nghèo, Tỷ lệ hộ nghèo \(%\)\)\.$/,
        en: /^Year 2023 has 2 cells but the table declares 3 columns \(total households, poor households, poverty rate \(%\)\)\.$/
    },
    {
        code: 'missing-district-year', severity: 'warning',
        fires: table('    «row 1 A { 2023: 1.000 10 }»', { years: '2022 result 2023 plan', columns: 'households poor' }),
        quiet: table('    row 1 A { 2022: 1.000 12 2023: 1.000 10 }', { years: '2022 result 2023 plan', columns: 'households poor' }),
        vi: /^Phù Cừ thiếu số liệu năm 2022\.$/,
        en: /^Phù Cừ has no figures for 2022\.$/,
        data: { year: 2022, columns: 2 }
    },
    {
        code: 'undeclared-table-year', severity: 'error',
        fires: table('    row 1 A { 2023: 1.000 10 «2024:» 1.000 9 }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 1.000 10 2024: 1.000 9 }', { years: '2023 plan 2024 plan', columns: 'households poor' }),
        vi: /^Năm 2024 không có trong danh sách năm của bảng \(2023\)\.$/,
        en: /^Year 2024 is not one of the table's years \(2023\)\.$/
    },
    {
        code: 'duplicate-row', severity: 'error',
        fires: table('    row 1 A { 2023: 1.000 10 }\n    row 2 «A» { 2023: 1.000 10 }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 1.000 10 }\n    row 2 B { 2023: 1.000 10 }', { columns: 'households poor' }),
        vi: /^Đơn vị Phù Cừ xuất hiện hai lần trong cùng một phần của bảng\.$/,
        en: /^Phù Cừ appears twice in the same part of the table\.$/
    },
    {
        // The one roll-up code a plan on its own can give: no plan part of it has a row for A.
        code: 'roll-up-no-plan', severity: 'info',
        fires: declared('    row 1 «A» { 2023: 1.000 10 }', '    columns households poor').replace('years {', 'plans-per-unit\n    years {'),
        quiet: declared('    row 1 A { 2023: 1.000 10 }', '    columns households poor'),
        vi: /^Phù Cừ chưa có kế hoạch riêng \(kế hoạch `part-of` t có dòng cho đơn vị này\), dù bảng yêu cầu mỗi đơn vị một kế hoạch \(`plans-per-unit`\)\.$/,
        en: /^Phù Cừ has no plan of its own yet \(a plan `part-of` t with a row for it\), though the table asks for one per unit \(`plans-per-unit`\)\.$/
    },
    {
        code: 'second-total', severity: 'error',
        fires: table('    total "Toàn tỉnh" { 2023: 1.000 10 }\n    row 1 A { 2023: 1.000 10 }\n    total «"Tổng cộng"» { 2023: 1.000 10 }', { columns: 'households poor' }),
        quiet: table('    total "Toàn tỉnh" { 2023: 1.000 10 }\n    row 1 A { 2023: 1.000 10 }', { columns: 'households poor' }),
        vi: /^Bảng đã có dòng tổng "Toàn tỉnh" \(dòng 7\): dòng tổng chỉ in một lần, trước hoặc sau các dòng\. Dòng "Tổng cộng" không được kiểm tra; hãy bỏ một trong hai\.$/,
        en: /^The table already has its total "Toàn tỉnh" \(line 7\): a total is printed once, before or after the rows\. "Tổng cộng" is not checked; remove one of the two\.$/
    },
    {
        code: 'duplicate-year', severity: 'error',
        fires: table('    row 1 A { 2023: 1.000 10 «2023:» 1.000 9 }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 1.000 10 }', { columns: 'households poor' }),
        vi: /^Năm 2023 được khai báo hai lần ở dòng Phù Cừ\.$/,
        en: /^Year 2023 is given twice in the row Phù Cừ\.$/
    },
    {
        code: 'baseline-not-before-targets', severity: 'warning',
        fires: indicator('    baseline «2024» = 10\n    plan 2024 = 9\n    plan 2025 = 8'),
        quiet: indicator('    baseline 2022 = 10\n    plan 2024 = 9\n    plan 2025 = 8'),
        vi: /^Năm gốc 2024 phải trước các năm kế hoạch \(năm 2024\)\.$/,
        en: /^The baseline year 2024 must come before the plan years \(2024\)\.$/
    },
    {
        // 2030 is the orientation year: allowed outside the period.
        code: 'year-outside-period', severity: 'warning',
        fires: 'plan t\nheader { period 2023 to 2025 orientation 2030 }\ntable t1 "T" {\n    years { 2025 plan «2027 plan» }\n    columns households poor\n}\n',
        quiet: 'plan t\nheader { period 2023 to 2025 orientation 2030 }\ntable t1 "T" {\n    years { 2025 plan 2030 plan }\n    columns households poor\n}\n',
        vi: /^Năm 2027 nằm ngoài giai đoạn 2023–2025 và không phải năm định hướng 2030\.$/,
        en: /^Year 2027 is outside the period 2023–2025 and is not the orientation year 2030\.$/
    },
    {
        code: 'deadline-outside-period', severity: 'warning',
        fires: 'plan t\nheader { period 2023 to 2025 }\nagency A "Sở Y tế" department\ntasks "T" {\n    task 1 "Xây dựng chính sách" { lead A submit «2026» }\n}\n',
        quiet: 'plan t\nheader { period 2023 to 2025 }\nagency A "Sở Y tế" department\ntasks "T" {\n    task 1 "Xây dựng chính sách" { lead A submit 2025 }\n}\n',
        vi: /^Thời hạn năm 2026 nằm ngoài giai đoạn của kế hoạch 2023–2025\.$/,
        en: /^The deadline 2026 is outside the plan's period 2023–2025\.$/
    },
    {
        code: 'period-reversed', severity: 'error',
        fires: 'plan t\nheader { «period 2025 to 2023» }\n',
        quiet: 'plan t\nheader { period 2023 to 2025 }\n',
        vi: /^Giai đoạn 2025–2023 có năm bắt đầu sau năm kết thúc\.$/,
        en: /^The period 2025–2023 starts after it ends\.$/
    },
    {
        code: 'unknown-reference', severity: 'error',
        fires: table('    row 1 «Z» { 2023: 1.000 10 }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 1.000 10 }', { columns: 'households poor' }),
        vi: /^Không có huyện\/thị xã\/thành phố nào mang mã "Z"\.$/,
        en: /^No district is declared with the id "Z"\.$/
    },
    {
        // The wording an annex prints for an agency must be one of the agency's declared names.
        code: 'agency-name-unknown', severity: 'error',
        fires: 'plan t\nagency NN "Sở Nông nghiệp và Phát triển nông thôn" department { short "Sở Nông nghiệp và PTNT" }\ntasks "T" {\n    task 1 "Cấp nước" { lead NN as «"Sở NN và PTNT"» }\n}\n',
        quiet: 'plan t\nagency NN "Sở Nông nghiệp và Phát triển nông thôn" department { short "Sở Nông nghiệp và PTNT" }\ntasks "T" {\n    task 1 "Cấp nước" { lead NN as "Sở Nông nghiệp và PTNT" }\n}\n',
        vi: /^Cơ quan NN không có tên "Sở NN và PTNT"; tên đã khai báo: "Sở Nông nghiệp và Phát triển nông thôn"; "Sở Nông nghiệp và PTNT"\.$/,
        en: /^The agency NN has no name "Sở NN và PTNT"; its declared names: "Sở Nông nghiệp và Phát triển nông thôn"; "Sở Nông nghiệp và PTNT"\.$/
    },
    {
        code: 'name-misspelled', severity: 'warning',
        fires: 'plan t\ndistrict A "Phù Cừ" huyen\ndistrict B "Kim Động" huyen\nobjective "Giảm nghèo ở hai huyện «Phu Cừ» và «KIM ĐONG»; huyện Phù Cừ đạt trước."\n',
        quiet: 'plan t\ndistrict A "Phù Cừ" huyen\ndistrict B "Kim Động" huyen\nobjective "Giảm nghèo ở hai huyện Phù Cừ và KIM ĐỘNG; huyện phù cừ đạt trước."\n',
        vi: /^"(Phu Cừ|KIM ĐONG)" \(trong văn bản\) khác tên đã khai báo "(Phù Cừ|Kim Động)" của đơn vị [AB] ở dấu: nên viết "(Phù Cừ|KIM ĐỘNG)"\.$/,
        en: /^"(Phu Cừ|KIM ĐONG)" \(in the text\) differs from the declared name "(Phù Cừ|Kim Động)" of unit [AB] in its accents: write "(Phù Cừ|KIM ĐỘNG)"\.$/
    },
    {
        code: 'link-mismatch', severity: 'error',
        fires: `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Chi tiết" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 «10» 1,00 }
}
table t2 "Tổng hợp" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 12 1,20 }
    total "Toàn tỉnh" { 2023: 1.000 «12» 1,20 }
}
link t2 total = t1 total
`,
        quiet: `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Chi tiết" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
table t2 "Tổng hợp" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
link t2 total = t1 total
`,
        vi: /^t[12] \(Toàn tỉnh\) năm 2023, Hộ nghèo: in 1[02], nhưng t[12] \(Toàn tỉnh\) in 1[02]; hai số này phải bằng nhau \(link\)\.$/,
        en: /^t[12] \(Toàn tỉnh\) 2023, poor households: printed 1[02], but t[12] \(Toàn tỉnh\) prints 1[02]; the two must be equal \(link\)\.$/
    },
    {
        code: 'link-incomplete', severity: 'warning',
        fires: `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Chi tiết" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
table t2 "Tổng hợp" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
«link t2 row B = t1 total»
district B "Kim Động" huyen
`,
        quiet: `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Chi tiết" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
table t2 "Tổng hợp" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
link t2 row A = t1 row A
`,
        vi: /^Liên kết không so được: bảng t2 không có dòng B\.$/,
        en: /^The link compares nothing: table t2 has no row for B\.$/
    },
    {
        code: 'link-unit-mismatch', severity: 'error',
        fires: `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Chi tiết" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
table t2 "Tổng hợp" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
objective "Năm 2023 toàn tỉnh còn 10 hộ nghèo."
«link t1 total poor-rate = text "còn 10 hộ" years 2023»
`,
        quiet: `plan t number-style vi
district A "Phù Cừ" huyen
table t1 "Chi tiết" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
table t2 "Tổng hợp" {
    years { 2023 result }
    columns households poor poor-rate
    row 1 A { 2023: 1.000 10 1,00 }
    total "Toàn tỉnh" { 2023: 1.000 10 1,00 }
}
objective "Năm 2023 toàn tỉnh còn 10 hộ nghèo."
link t1 total poor = text "còn 10 hộ" years 2023
`,
        vi: /^Liên kết so hai số khác đơn vị: t1 \(Toàn tỉnh\) \(percent\) và "còn 10 hộ" \(households\)\.$/,
        en: /^The link compares figures of different units: t1 \(Toàn tỉnh\) \(percent\) and "còn 10 hộ" \(households\)\.$/
    },
    {
        code: 'missing-lead', severity: 'warning',
        fires: 'plan t\nheader { period 2023 to 2025 }\ntasks "T" {\n    task «1» "Xây dựng chính sách" { submit 2025 }\n}\n',
        quiet: 'plan t\nheader { period 2023 to 2025 }\nagency A "Sở Y tế" department\ntasks "T" {\n    task 1 "Xây dựng chính sách" { lead A submit 2025 }\n}\n',
        vi: /^Nhiệm vụ 1 chưa có đơn vị chủ trì: Xây dựng chính sách$/,
        en: /^The task 1 has no lead agency: Xây dựng chính sách$/
    },
    {
        code: 'unused-agency', severity: 'hint',
        fires: 'plan t\nagency «XD» "Sở Xây dựng" department\n',
        quiet: 'plan t\nagency XD "Sở Xây dựng" department\nduties { 1 XD { "Chủ trì hỗ trợ nhà ở." } }\n',
        vi: /^Cơ quan Sở Xây dựng được khai báo nhưng không được giao việc gì\.$/,
        en: /^The agency Sở Xây dựng is declared but given nothing to do\.$/
    },
    {
        code: 'duplicate-id', severity: 'error',
        fires: 'plan t\ndistrict A "Phù Cừ" huyen\ndistrict «A» "Tiên Lữ" huyen\n',
        quiet: 'plan t\ndistrict A "Phù Cừ" huyen\ndistrict B "Tiên Lữ" huyen\n',
        vi: /^Mã "A" đã được dùng cho huyện\/thị xã\/thành phố khác \(dòng 2\)\.$/,
        en: /^The id "A" is already used by another district \(line 2\)\.$/
    },
    {
        code: 'numbering-gap', severity: 'warning',
        fires: table('    row 1 A { 2023: 1.000 10 }\n    row «3» B { 2023: 1.000 10 }', { columns: 'households poor' }),
        quiet: table('    row 1 A { 2023: 1.000 10 }\n    row 2 B { 2023: 1.000 10 }', { columns: 'households poor' }),
        vi: /^Đánh số không liên tục: sau 1 là 3 \(thiếu 2\)\.$/,
        en: /^Numbering is not continuous: 3 follows 1 \(2 is missing\)\.$/
    },
    {
        code: 'wrong-direction', severity: 'warning',
        fires: indicator('    baseline 2022 = 9,7\n    plan 2023 = «9,8»\n    plan 2024 = 9,6'),
        quiet: indicator('    baseline 2022 = 9,7\n    plan 2023 = 9,7\n    plan 2024 = 9,6'),
        vi: /^Chỉ tiêu "Suy dinh dưỡng" đi ngược hướng \(càng thấp càng tốt\): 9,7 năm 2022 → 9,8 năm 2023\.$/,
        en: /^The indicator "Suy dinh dưỡng" moves the wrong way \(lower is better\): 9,7 in 2022 → 9,8 in 2023\.$/
    },
    {
        // "dưới 9%" is strict: 9 is not below 9.
        code: 'target-not-met', severity: 'warning',
        fires: indicator('    baseline 2022 = 9,7\n    plan 2025 = 9', 'target m {\n    indicator sdd\n    year 2025\n    «below 9»\n    text "dưới 9%"\n}\n'),
        quiet: indicator('    baseline 2022 = 9,7\n    plan 2025 = 8,9', 'target m {\n    indicator sdd\n    year 2025\n    below 9\n    text "dưới 9%"\n}\n'),
        vi: /^Mục tiêu "dưới 9%" năm 2025 không khớp với số liệu: giá trị là 9\.$/,
        en: /^The target "dưới 9%" for 2025 does not hold for the figures: the value is 9\.$/
    },
    {
        code: 'target-text-differs', severity: 'info',
        fires: indicator('    baseline 2022 = 9,7\n    plan 2025 = 8,5', 'target m {\n    indicator sdd\n    year 2025\n    «below 9»\n    text "xuống còn dưới 8%"\n}\n'),
        quiet: indicator('    baseline 2022 = 9,7\n    plan 2025 = 8,5', 'target m {\n    indicator sdd\n    year 2025\n    below 9\n    text "xuống còn dưới 9%"\n}\n'),
        vi: /^Câu mục tiêu không chứa giá trị 9 đã khai báo\.$/,
        en: /^The target sentence does not contain the declared value 9\.$/
    },
    {
        code: 'target-unit-mismatch', severity: 'warning',
        fires: indicator('    baseline 2022 = 9,7\n    plan 2025 = 9', 'target m {\n    indicator sdd\n    year 2025\n    below «120»\n}\n'),
        quiet: indicator('    baseline 2022 = 9,7\n    plan 2025 = 9', 'target m {\n    indicator sdd\n    year 2025\n    below 12\n}\n'),
        vi: /^Mục tiêu cho chỉ tiêu "Suy dinh dưỡng" dùng giá trị 120 ngoài khoảng 0–100 của đơn vị %\.$/,
        en: /^The target for "Suy dinh dưỡng" uses 120, outside 0–100 for a % unit\.$/
    },
    {
        code: 'control-character', severity: 'warning',
        fires: 'plan t "Kế hoạch«\v»giảm nghèo"\n',
        quiet: 'plan t "Kế hoạch giảm nghèo"\n',
        vi: /^Ký tự điều khiển vô hình U\+000B \(LINE TABULATION\) trong chuỗi \(thường do dán từ Word\)/,
        en: /^Invisible control character U\+000B \(LINE TABULATION\) in a string \(often pasted from Word\)/,
        data: { code: 'control-character', replacement: ' ' }
    },
    {
        code: 'bidi-control', severity: 'error',
        fires: 'plan t "Kế hoạch" // ghi chú«\u202E»\n',
        quiet: 'plan t "Kế hoạch" // ghi chú\n',
        vi: /^Ký tự đảo hướng chữ U\+202E \(RIGHT-TO-LEFT OVERRIDE\) trong chú thích: văn bản hiện ra khác với nội dung thật/,
        en: /^Bidirectional control character U\+202E \(RIGHT-TO-LEFT OVERRIDE\) in a comment: the text is displayed differently/,
        data: { code: 'bidi-control', replacement: '' }
    },
    {
        // The declaration is the error; the rate it would check is skipped, said once as an info at the table.
        code: 'column-defined-through-itself', severity: 'error',
        fires: declared('    row 1 A { 2023: 1.000 2,00 }', '    «column r "Tỷ lệ vòng" percent rate-of r per r»\n    columns households r'),
        quiet: declared('    row 1 A { 2023: 1.000 20 2,00 }', '    column r "Tỷ lệ" percent rate-of poor per households\n    columns households poor r'),
        vi: /^Cột Tỷ lệ vòng được định nghĩa qua chính nó \(r → r\): định nghĩa này không tính ra được gì\./,
        en: /^The column Tỷ lệ vòng is defined through itself \(r → r\): the definition computes nothing\./,
        besides: [{ code: 'unchecked-definition', severity: 'info', at: 't1' }]
    },
    {
        code: 'unchecked-definition', severity: 'info',
        fires: declared('    row 1 A { 2023: 10 20 }', '    column a "A" households sum-of b + poor\n    column b "B" households sum-of a + poor\n    columns poor a')
            .replace('table t1', 'table «t1»'),
        quiet: declared('    row 1 A { 2023: 10 20 30 }', '    column a "A" households sum-of b + poor\n    column b "B" households\n    columns poor b a'),
        vi: /^Không kiểm tra cột A của bảng t1 theo định nghĩa của nó: định nghĩa vòng lại chính nó \(a → b → a\)\.$/,
        en: /^The column A of the table t1 is not checked against its definition: the definition comes back to the column itself \(a → b → a\)\.$/,
        besides: [{ code: 'column-defined-through-itself', severity: 'error', at: 'column a "A" households sum-of b + poor' }, { code: 'column-defined-through-itself', severity: 'error', at: 'column b "B" households sum-of a + poor' }]
    },
    {
        code: 'part-of-itself', severity: 'error',
        fires: 'plan vong "Vòng" part-of «vong»\n',
        quiet: 'plan vong "Vòng"\n',
        vi: /^Kế hoạch vong là phần của chính nó: `part-of` phải chỉ tới một kế hoạch cấp trên\.$/,
        en: /^The plan vong is part of itself: `part-of` names a plan above it\.$/
    }
];

/**
 * The cases write indicators at top level for brevity; there no output shows them (not-shown). Each
 * top-level indicator not computed from a table is put in a dimension of its own, except in the
 * not-shown case itself.
 */
export function inDimensions(text: string): string {
    let out = '';
    let i = 0;
    const start = /^indicator /gm;
    for (let m = start.exec(text); m; m = start.exec(text)) {
        let j = text.indexOf('{', m.index);
        let depth = 0;
        for (; j < text.length; j++) {
            const ch = text[j];
            if (ch === '"') { j++; while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1; }
            else if (ch === '{') depth++;
            else if (ch === '}' && --depth === 0) break;
        }
        const block = text.slice(m.index, j + 1);
        if (block.includes('computed')) continue;
        out += text.slice(i, m.index) + `dimension dim_${m.index} "Chiều" {\n${block}\n}`;
        i = j + 1;
        start.lastIndex = i;
    }
    return out + text.slice(i);
}
