// Who does what: leads, unknown ids, unused agencies, duplicate ids, numbered lists, years of the plan.
import { describe, expect, test } from 'vitest';
import { buildPlanView } from '../../language-server/src/view/build.js';
import { createTestServices, findingKeys, marked, severityOf, showRange, validatePlan as validateAll } from '../helpers/plan.js';

// These plans are fragments: an indicator outside every dimension (not-shown) is not their subject.
const validatePlan = async (...args: Parameters<typeof validateAll>) => {
    const validated = await validateAll(...args);
    return { ...validated, diagnostics: validated.diagnostics.filter(d => d.code !== 'not-shown') };
};

const services = createTestServices();

const AGENCIES = `agency LD "Sở Lao động - Thương binh và Xã hội" department
agency YT "Sở Y tế" department
agency MTTQ "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" front
`;

describe('lead agencies', () => {
    test('an indicator without a lead is reported at its id', async () => {
        const { text, ranges } = marked(`plan t
agency YT "Sở Y tế" department
dimension y_te "Y tế" {
    indicator «bhyt» "Tỷ lệ tham gia bảo hiểm y tế" { unit percent baseline 2022 = 100 }
    indicator sdd "Tỷ lệ suy dinh dưỡng" { unit percent lead YT baseline 2022 = 9,7 }
}
`);
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual([`missing-lead@${showRange(ranges[0])}`]);
        expect(diagnostics[0].message).toBe('The indicator has no lead agency: Tỷ lệ tham gia bảo hiểm y tế');
    });

    test('a solution with coordinating bodies only still has no lead (an info); the finding names its group path', async () => {
        const { text, ranges } = marked(`plan t
${AGENCIES}solutions {
    group 5 "Thực hiện đồng bộ các chính sách giảm nghèo" {
        group a "Về giải quyết các nguyên nhân dẫn đến nghèo" {
            solution "Đối với hộ không có đất sản xuất" { text "Rà soát, nâng mức hỗ trợ đào tạo." lead LD }
            «solution "Về nhà ở" { text "Hỗ trợ xây mới nhà Đại đoàn kết." lead coordinate MTTQ }»
        }
    }
}
duties { 1 YT { "Chủ trì." } }
`.replace('lead coordinate MTTQ', 'coordinate MTTQ'));
        // "coordinate" without "lead" does not parse: the assignment must start with a lead.
        const parsed = await validatePlan(services, text);
        expect(parsed.diagnostics.some(d => d.code === 'syntax-error')).toBe(true);

        const { text: withoutLead, ranges: at } = marked(`plan t
${AGENCIES}solutions {
    group 5 "Thực hiện đồng bộ các chính sách giảm nghèo" {
        group a "Về giải quyết các nguyên nhân dẫn đến nghèo" {
            solution "Đối với hộ không có đất sản xuất" { text "Rà soát, nâng mức hỗ trợ đào tạo." lead LD }
            «solution "Về nhà ở" { text "Hỗ trợ xây mới nhà Đại đoàn kết." }»
        }
    }
}
duties { 1 YT { "Chủ trì." } 2 MTTQ { "Vận động." } }
`);
        const vi = await validatePlan(services, withoutLead, 'vi');
        // Directions to all levels name no unit: a solution without a lead is information, not a warning.
        expect(findingKeys(vi.diagnostics)).toEqual([`solution-without-lead@${showRange(at[0])}`]);
        expect(severityOf(vi.diagnostics[0])).toBe('info');
        expect(vi.diagnostics[0].message).toBe('Giải pháp 5.a chưa nêu đơn vị chủ trì (cũng không có ở nhóm chứa nó): Về nhà ở');
        expect(ranges).toHaveLength(1);
    });

    test('a group\'s lead holds for its solutions and for the solutions of its subgroups', async () => {
        const text = `plan t
${AGENCIES}solutions {
    group 5 "Thực hiện đồng bộ các chính sách giảm nghèo" {
        lead LD coordinate MTTQ
        solution "Rà soát hộ nghèo" { text "Rà soát hằng năm." }
        group a "Về giải quyết các nguyên nhân dẫn đến nghèo" {
            solution "Về nhà ở" { text "Hỗ trợ xây mới nhà Đại đoàn kết." }
            solution "Về việc làm"
        }
    }
}
duties { 1 YT { "Chủ trì." } }
`;
        const { diagnostics, model } = await validatePlan(services, text, 'vi');
        // No solution-without-lead; LD and MTTQ, named only on the group, are used.
        expect(findingKeys(diagnostics)).toEqual([]);
        const group = model.solutionSections[0].groups[0];
        const inherited = [...group.solutions, ...group.groups[0].solutions].map(s => [s.heading, s.assignment.leads.length, s.inherited?.leads.map(r => r.id)]);
        expect(inherited).toEqual([['Rà soát hộ nghèo', 0, ['LD']], ['Về nhà ở', 0, ['LD']], ['Về việc làm', 0, ['LD']]]);
    });

    test('a solution\'s own lead wins over its group\'s, and the nearest group\'s lead over an outer one', async () => {
        const text = `plan t
${AGENCIES}solutions {
    group 5 "Thực hiện đồng bộ các chính sách giảm nghèo" {
        lead LD
        solution "Về y tế" { lead YT }
        group a "Về giải quyết các nguyên nhân dẫn đến nghèo" {
            lead MTTQ
            solution "Vận động hỗ trợ nhà ở"
        }
        group b "Về đào tạo nghề" {
            solution "Đào tạo nghề cho lao động nông thôn"
        }
    }
}
`;
        const { diagnostics, model } = await validatePlan(services, text, 'vi');
        expect(findingKeys(diagnostics)).toEqual([]);
        const outer = model.solutionSections[0].groups[0];
        expect(outer.solutions[0].assignment.leads.map(r => r.id)).toEqual(['YT']);
        expect(outer.groups.map(g => g.solutions[0].inherited?.leads.map(r => r.id))).toEqual([['MTTQ'], ['LD']]);
        // Taking the outer group's lead away leaves the solution of group b (only) without one, and LD unused.
        const { text: bare, ranges } = marked(text.replace('        lead LD\n', '').replace('agency LD', 'agency «LD»')
            .replace('            solution "Đào tạo', '            «solution "Đào tạo').replace('nông thôn"\n', 'nông thôn"»\n'));
        const { diagnostics: after } = await validatePlan(services, bare, 'vi');
        expect(findingKeys(after)).toEqual([`unused-agency@${showRange(ranges[0])}`, `solution-without-lead@${showRange(ranges[1])}`].sort());
    });

    test('a long name is clipped in the message', async () => {
        const long = 'Xây dựng chính sách hỗ trợ mức đóng bảo hiểm y tế hằng năm đối với người ốm đau dài hạn, người mắc bệnh hiểm nghèo';
        const { diagnostics } = await validatePlan(services, `plan t\ntasks "T" { task 1 "${long}" { submit 2025 } }\n`, 'vi');
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0].message).toBe(`Nhiệm vụ 1 chưa có đơn vị chủ trì: ${long.slice(0, 79)}…`);
    });
});

describe('the wording an annex prints for an agency (as "…")', () => {
    const DECLARED = `agency LD "Sở Lao động - Thương binh và Xã hội" department { short "Sở LĐ-TB&XH" alias "Sở Lao động – Thương binh và Xã hội" }
agency NN "Sở Nông nghiệp và Phát triển nông thôn" department { short "Sở Nông nghiệp và PTNT" }
agency YT "Sở Y tế" department
`;

    test('each wording goes to the reference it follows, among leads and coordinating bodies; the annex prints it', async () => {
        const { diagnostics, model } = await validatePlan(services, `plan t
${DECLARED}tasks "T" {
    annex "03"
    task 1 "Một" { lead YT LD as "Sở Lao động – Thương binh và Xã hội" NN coordinate NN as "Sở Nông nghiệp và PTNT" YT }
}
`);
        expect(diagnostics.filter(d => d.code === 'agency-name-unknown')).toEqual([]);
        const { leads, coordinates } = model.taskLists[0].tasks[0].assignment;
        expect(leads.map(r => [r.id, r.printedAs?.text])).toEqual([['YT', undefined], ['LD', 'Sở Lao động – Thương binh và Xã hội'], ['NN', undefined]]);
        expect(coordinates.map(r => [r.id, r.printedAs?.text])).toEqual([['NN', 'Sở Nông nghiệp và PTNT'], ['YT', undefined]]);
        const row = buildPlanView(model).annexes[0].body[0].cells.map(c => c.text);
        expect(row.slice(2, 4)).toEqual([
            'Sở Y tế; Sở Lao động – Thương binh và Xã hội; Sở Nông nghiệp và Phát triển nông thôn',
            'Sở Nông nghiệp và PTNT; Sở Y tế'
        ]);
    });

    test('a wording that is none of the agency\'s names is an error at the wording; the annex prints it all the same', async () => {
        const { text, ranges } = marked(`plan t
${DECLARED}dimension d "Nước" {
    indicator nuoc "Tỷ lệ hộ dùng nước sạch" { unit percent lead NN as «"Sở NN&PTNT"» baseline 2022 = 60 }
}
indicator-table "Bảng" annex "02"
solutions { group 1 "Nhóm" { lead YT as «"Sở Y Tế"» solution "Một" { lead LD as "Sở LĐ-TB&XH" } } }
`);
        const { diagnostics, model } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics).filter(k => k.startsWith('agency-name-unknown'))).toEqual(ranges.map(r => `agency-name-unknown@${showRange(r)}`));
        expect(diagnostics.find(d => d.code === 'agency-name-unknown')!.message)
            .toBe('The agency NN has no name "Sở NN&PTNT"; its declared names: "Sở Nông nghiệp và Phát triển nông thôn"; "Sở Nông nghiệp và PTNT".');
        const annex = buildPlanView(model).annexes[0];
        expect(annex.body[0].cells.at(-1)!.text).toBe('Sở NN&PTNT');
    });

    test('a wording is compared in composed form: a decomposed "ệ" pasted from elsewhere is the same name', async () => {
        const decomposed = 'Sở Nông nghiệp và PTNT'.normalize('NFD');
        const { diagnostics } = await validatePlan(services, `plan t
${DECLARED}tasks "T" { task 1 "Một" { lead NN as "${decomposed}" } }
`);
        expect(diagnostics.filter(d => d.code === 'agency-name-unknown')).toEqual([]);
    });

    test('a wording for an id that is not declared is not checked twice: the unknown id is the finding', async () => {
        const { diagnostics } = await validatePlan(services, `plan t
${DECLARED}tasks "T" { task 1 "Một" { lead ZZ as "Sở Z" } }
`);
        expect(diagnostics.map(d => d.code).filter(c => c === 'unknown-reference' || c === 'agency-name-unknown')).toEqual(['unknown-reference']);
    });

    test('the whole document names a coordinating body by its wording too', async () => {
        const { model } = await validatePlan(services, `plan t
${DECLARED}solutions { group 1 "Nhóm" { solution "Về nước" { text "Cấp nước." lead NN as "Sở Nông nghiệp và PTNT" coordinate LD as "Sở Lao động – Thương binh và Xã hội" } } }
`);
        const body = buildPlanView(model).document!.body.map(p => [p.lead?.text, p.text].filter(Boolean).join(' '));
        expect(body.find(p => p.startsWith('Đơn vị chủ trì'))).toMatch(/^Đơn vị chủ trì thực hiện: Sở Nông nghiệp và PTNT; .*Sở Lao động – Thương binh và Xã hội/);
    });
});

describe('unknown ids', () => {
    test.each([
        ['a lead agency', 'agency YT "Sở Y tế" department\ntasks "T" { task 1 "X" { lead «SYT» } }', 'cơ quan', 'agency', 'SYT'],
        ['a coordinating agency', 'agency YT "Sở Y tế" department\ntasks "T" { task 1 "X" { lead YT coordinate «MTQ» } }', 'cơ quan', 'agency', 'MTQ'],
        ['an indicator of a target', 'target m { indicator «ty_le» year 2025 below 1 }', 'chỉ tiêu', 'indicator', 'ty_le'],
        ['a table of a computed indicator', 'agency YT "Sở Y tế" department\nindicator r "Tỷ lệ" { computed poor-rate of «phu_luc_9» lead YT }', 'bảng', 'table', 'phu_luc_9'],
        ['a standard', 'table t1 "T" { standard «md2022» years { 2023 plan } columns poor }', 'chuẩn nghèo', 'poverty standard', 'md2022'],
        ['a duty agency', 'duties { 1 «SXD» { "Chủ trì." } }', 'cơ quan', 'agency', 'SXD'],
        ['the parent plan', 'plan_body_only', 'kế hoạch', 'plan', 'tinh_hung_yen']
    ])('%s is reported at the id, in both languages', async (_what, body, kindVi, kindEn, id) => {
        const source = body === 'plan_body_only' ? 'plan t part-of «tinh_hung_yen»\n' : `plan t\n${body}\n`;
        const { text, ranges } = marked(source);
        const vi = await validatePlan(services, text, 'vi');
        const unknown = vi.diagnostics.filter(d => d.code === 'unknown-reference');
        expect(unknown.map(d => showRange(d.range))).toEqual([showRange(ranges[0])]);
        expect(unknown[0].severity).toBe(1);
        expect(unknown[0].message).toBe(`Không có ${kindVi} nào mang mã "${id}".`);
        const en = await validatePlan(services, text, 'en');
        expect(en.diagnostics.filter(d => d.code === 'unknown-reference').map(d => d.message)).toEqual([`No ${kindEn} is declared with the id "${id}".`]);
    });
});

describe('unused agencies', () => {
    test.each([
        ['a lead', 'tasks "T" { task 1 "X" { lead XD } }'],
        ['a coordinating body', 'agency YT "Sở Y tế" department\ntasks "T" { task 1 "X" { lead YT coordinate XD } }'],
        ['a duty in section V', 'duties { 1 XD { "Chủ trì." } }'],
        ['a funding channel', 'funding { source tin_dung "Vốn tín dụng chính sách" via XD }'],
        ['an indicator lead', 'indicator i "Tỷ lệ" { lead XD }']
    ])('an agency given %s is used', async (_what, body) => {
        const { diagnostics } = await validatePlan(services, `plan t\nagency XD "Sở Xây dựng" department\n${body}\n`);
        expect(diagnostics.filter(d => d.code === 'unused-agency')).toEqual([]);
    });
});

describe('duplicate ids', () => {
    test.each([
        ['agency', 'agency «YT» "Sở Y tế" department', 'agency YT "Sở Y tế" department\nduties { 1 YT { "x" } }\n', 'cơ quan', 'agency'],
        ['indicator', 'indicator «i» "B" { lead YT }', 'agency YT "Sở Y tế" department\nduties { 1 YT { "x" } }\nindicator i "A" { lead YT }\n', 'chỉ tiêu', 'indicator'],
        ['table', 'table «t1» "B" { years { 2023 plan } columns poor }', 'table t1 "A" { years { 2023 plan } columns poor }\n', 'bảng', 'table'],
        ['target', 'target «m» { indicator i year 2025 }', 'agency YT "Sở Y tế" department\nduties { 1 YT { "x" } }\nindicator i "A" { lead YT }\ntarget m { indicator i year 2025 }\n', 'mục tiêu', 'target'],
        ['dimension', 'dimension «d» "Y tế"', 'dimension d "Việc làm"\n', 'chiều', 'dimension'],
        ['standard', 'standard «s» "Chuẩn mới"', 'standard s "Chuẩn cũ"\n', 'chuẩn nghèo', 'poverty standard']
    ])('a second %s with the same id is reported at its id', async (_kind, second, first, kindVi, kindEn) => {
        const { text, ranges } = marked(`plan t\n${first}${second}\n`);
        const keyword = second.split(' ')[0];
        const firstLine = text.split('\n').findIndex(l => l.startsWith(keyword)) + 1;
        const vi = await validatePlan(services, text, 'vi');
        const dup = vi.diagnostics.filter(d => d.code === 'duplicate-id');
        expect(dup.map(d => showRange(d.range))).toEqual([showRange(ranges[0])]);
        expect(dup[0].message).toMatch(new RegExp(`^Mã "\\w+" đã được dùng cho ${kindVi} khác \\(dòng ${firstLine}\\)\\.$`));
        const en = await validatePlan(services, text, 'en');
        expect(en.diagnostics.filter(d => d.code === 'duplicate-id')[0].message).toMatch(new RegExp(`another ${kindEn} \\(line ${firstLine}\\)`));
    });

    test('the same id for an agency and a district is no clash: they are different kinds', async () => {
        const { diagnostics } = await validatePlan(services, 'plan t\nagency HY "Hưng Yên" committee\ndistrict HY "TP Hưng Yên" thanh-pho\nduties { 1 HY { "x" } }\n');
        expect(findingKeys(diagnostics)).toEqual([]);
    });
});

describe('numbered lists', () => {
    test('section V numbered 9 then 11 (the seed), at the 11', async () => {
        const { text, ranges } = marked(`plan t
agency A "Sở A" department
duties {
    8 A { "x" }
    9 A { "x" }
    «11» A { "x" }
    12 A { "x" }
}
`);
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(findingKeys(diagnostics)).toEqual([`numbering-gap@${showRange(ranges[0])}`]);
        expect(diagnostics[0].message).toBe('Đánh số không liên tục: sau 9 là 11 (thiếu 10).');
    });

    test('policy tasks, solution groups (1, 2, 3 and a, b, c) run without gaps', async () => {
        const { text, ranges } = marked(`plan t
agency A "Sở A" department
tasks "T" {
    task 1 "x" { lead A }
    task «3» "y" { lead A }
}
solutions {
    group 1 "Một" { }
    group 2 "Hai" { }
    group «4» "Bốn" {
        group a "a" { }
        group «c» "c" { }
    }
}
`);
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `numbering-gap@${showRange(r)}`).sort());
        expect(diagnostics.map(d => d.message)).toContain('Numbering is not continuous: c follows a (b is missing).');
    });

    test('roman numerals count too', async () => {
        const { text, ranges } = marked('plan t\nsolutions {\n    group I "Một" { }\n    group «III» "Ba" { }\n}\n');
        expect(findingKeys((await validatePlan(services, text)).diagnostics)).toEqual([`numbering-gap@${showRange(ranges[0])}`]);
    });
});

describe('years of the plan', () => {
    const head = 'plan t\nheader { period 2023 to 2025 orientation 2030 }\nagency A "Sở A" department\n';

    test('plan values and targets outside the period are reported at the year, the orientation year is allowed', async () => {
        const { text, ranges } = marked(`${head}indicator i "Tỷ lệ" {
    unit percent
    lead A
    baseline 2022 = 5
    plan 2025 = 3
    plan «2026» = 2
    plan 2030 = 0
}
target m { indicator i year «2027» below 1 }
target n { indicator i year 2030 equal 0 }
`);
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `year-outside-period@${showRange(r)}`).sort());
    });

    test('without a period nothing is outside it', async () => {
        const { diagnostics } = await validatePlan(services, 'plan t\nagency A "Sở A" department\nindicator i "Tỷ lệ" { lead A plan 2040 = 2 }\ntasks "T" { task 1 "x" { lead A submit 2040 } }\n');
        expect(findingKeys(diagnostics)).toEqual([]);
    });

    test('a deadline before the period is outside it too', async () => {
        const { text, ranges } = marked(`${head}tasks "T" { task 1 "x" { lead A submit «2022» } task 2 "y" { lead A submit 2023 } }\n`);
        expect(findingKeys((await validatePlan(services, text)).diagnostics)).toEqual([`deadline-outside-period@${showRange(ranges[0])}`]);
    });

    test('a baseline after a plan year', async () => {
        const { text, ranges } = marked(`${head}indicator i "Tỷ lệ" {\n    lead A\n    baseline «2024» = 5\n    plan 2023 = 4\n    plan 2025 = 3\n}\n`);
        const { diagnostics } = await validatePlan(services, text, 'vi');
        expect(findingKeys(diagnostics)).toEqual([`baseline-not-before-targets@${showRange(ranges[0])}`]);
        expect(diagnostics[0].message).toBe('Năm gốc 2024 phải trước các năm kế hoạch (năm 2023).');
    });

    test('malformed years anywhere are reported at their text', async () => {
        const { text, ranges } = marked(`plan t
header { date 5/11/«23» }
agency A "Sở A" department
indicator i "Tỷ lệ" { lead A plan «2.025» = 3 }
tasks "T" { task 1 "x" { lead A submit «20255» } }
`);
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `year-malformed@${showRange(r)}`).sort());
    });
});
