// Reports (issue 22, monitoring): a file `report … of <plan> year … date …` with actual values and
// tables of actual rows, checked as a plan's tables are and compared with its plan: met / not met,
// on track / off track on the straight path from the baseline to the target, and what it reports
// must be the plan's, once. Each rule here with a small plan; the example report with its announced
// findings; plans read as before.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { loadPlans } from '../../language-server/src/cli/workspace.js';
import { scanPlanHead } from '../../language-server/src/cli/plan-head.js';
import { monitoringSummary, type CliFinding } from '../../language-server/src/cli/diagnostics.js';
import { compareReport } from '../../language-server/src/model/monitoring.js';
import { planYears } from '../../language-server/src/validation/rules/monitoring.js';
import { createTestServices, EXAMPLES_DIR, marked, parsePlan, SEED_PLAN, showRange } from '../helpers/plan.js';
import { PreviewSession } from '../helpers/preview-session.js';
import type { PatchingDocumentBuilder } from '../../language-server/src/language/document-builder.js';
import type { Locale } from '../../common/findings.js';

const REPORT_EXAMPLE = path.join(EXAMPLES_DIR, 'hung-yen-bao-cao-2024.plan');

/** A plan of one unit X: a rate from 10 (2022) planned to 6 in 2024 and below 4 in 2025. */
const plan = (head = '') => `plan p "Kế hoạch P" ${head}
header { period 2023 to 2025 }
agency A "Sở A" department
district X "Xã X" xa
district Y "Xã Y" xa
table t "T" {
    years { 2022 result 2023 plan 2024 plan 2025 plan }
    columns households poor poor-rate
    row 1 X {
        2022: 1.000 100 10,00
        2023: 1.000  80  8,00
        2024: 1.000  60  6,00
        2025: 1.000  40  4,00
    }
}
indicator i "Tỷ lệ i" { unit percent direction lower lead A baseline 2022 = 10 plan 2023 = 8 plan 2024 = 6 plan 2025 = 4 }
indicator k "Tỷ lệ k" { unit percent direction higher lead A baseline 2022 = 50 plan 2024 = 60 }
indicator r "Tỷ lệ nghèo" { unit percent direction lower computed poor-rate of t lead A }
target g { indicator i year 2025 below 4 text "dưới 4%" }
`;

interface Checked { diagnostics: Diagnostic[]; text: string; ranges: ReturnType<typeof marked>['ranges']; report: LangiumDocument; services: ReturnType<typeof createTestServices> }

/** Builds the plan texts and the report (with «…» markers) together, in memory; the report's diagnostics. */
async function checkReport(reportText: string, plans: string[] = [plan()], locale: Locale = 'vi'): Promise<Checked> {
    const services = createTestServices(locale);
    const { text, ranges } = marked(reportText);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = [...plans.map((p, i) => factory.fromString(p, URI.parse(`memory:///plan-${i}.plan`))), factory.fromString(text, URI.parse('memory:///report.plan'))];
    for (const d of documents) services.shared.workspace.LangiumDocuments.addDocument(d);
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const report = documents.at(-1)!;
    return { diagnostics: [...(report.diagnostics ?? [])], text, ranges, report, services };
}

const HEAD = 'report b of p year 2024 date 15/12/2024 source "Báo cáo số 1"\n';

/** The findings of a code, as code@range. */
function at(checked: Checked, ...codes: string[]): string[] {
    return checked.diagnostics.filter(d => codes.includes(String(d.code))).map(d => `${String(d.code)}@${showRange(d.range)}`);
}

describe('a report parses, links to its plan and is read as a model', () => {
    test('its head, actual values and tables; its ids resolve in the plan', async () => {
        const c = await checkReport(`${HEAD}actual i = 5,9\ntable t "T 2024" { years { 2024 actual } columns households poor poor-rate row 1 X { 2024: 1.000 50 5,00 } }\n`);
        expect(c.report.parseResult.parserErrors).toEqual([]);
        const model = c.services.plan.Models.get(c.report);
        expect(model.report).toMatchObject({ plan: { id: 'p', resolved: true }, year: 2024, source: 'Báo cáo số 1', date: { day: 15, month: 12, year: 2024 } });
        expect(model.report!.actuals.map(a => [a.indicator.id, a.indicator.resolved, a.value.value])).toEqual([['i', true, 5.9]]);
        expect(model.tables[0].sections[0].rows[0].district).toMatchObject({ id: 'X', resolved: true, name: 'Xã X' });
        expect(model.report!.planModel?.id).toBe('p');
        expect(c.diagnostics.filter(d => d.severity === 1)).toEqual([]);
    });

    test('a report without its plan: the plan and its ids are unknown references, nothing else fails', async () => {
        const services = createTestServices();
        const document = await parsePlan(services, `${HEAD}actual i = 5,9\n`);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect([...new Set(document.diagnostics!.map(d => d.code))]).toEqual(['unknown-reference']);
    });

    test('an empty text, or one starting with neither word, is still read as an empty plan', async () => {
        const services = createTestServices();
        for (const text of ['', '// nothing yet\n', 'agency A "x"']) {
            const document = await parsePlan(services, text);
            const root = document.parseResult.value as { $type: string; elements?: unknown[] };
            expect(root.$type).toBe('PlanDocument');
            expect(Array.isArray(root.elements)).toBe(true);
            expect(services.plan.Models.get(document).report).toBeUndefined();
        }
    });

    test('a plan states its on-track tolerance on its first lines', async () => {
        const services = createTestServices();
        const document = await parsePlan(services, plan('on-track-tolerance 0,2'));
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(services.plan.Models.get(document).onTrackTolerance?.value).toBe(0.2);
    });

    test('the command line finds the plan of a report by its head, as a part-of parent', () => {
        expect(scanPlanHead('report bao_cao "Báo cáo" of huyen_phu_cu year 2024', true)).toEqual({ id: 'bao_cao', parent: 'huyen_phu_cu' });
        expect(scanPlanHead('report bao_cao of', false)).toBe('more');
        expect(scanPlanHead('plan a part-of b', true)).toEqual({ id: 'a', parent: 'b' });
    });
});

describe('report-plan-met / report-plan-not-met: a planned figure of the reported year', () => {
    test("an indicator's plan value, in its direction, at the report's figure, pointing at the plan's", async () => {
        const c = await checkReport(`${HEAD}actual i = «5,9»\nactual k = «58»\n`);
        expect(at(c, 'report-plan-met', 'report-plan-not-met')).toEqual([
            `report-plan-met@${showRange(c.ranges[0])}`, `report-plan-not-met@${showRange(c.ranges[1])}`
        ]);
        const notMet = c.diagnostics.find(d => d.code === 'report-plan-not-met')!;
        expect(notMet.severity).toBe(2);
        expect(notMet.message).toBe('Chỉ tiêu "Tỷ lệ k" năm 2024: thực hiện 58, kế hoạch 60: không đạt.');
        expect(notMet.relatedInformation?.[0]).toMatchObject({ location: { uri: 'memory:/plan-0.plan' }, message: 'Kế hoạch: 60' });
    });

    test("a table cell against the plan table's cell of the same id, unit and column; households are not judged", async () => {
        const c = await checkReport(`${HEAD}table t "T 2024" { years { 2024 actual } columns households poor poor-rate row 1 X { 2024: 1.000 «61» «6,10» } }\n`);
        expect(at(c, 'report-plan-met', 'report-plan-not-met')).toEqual([
            `report-plan-not-met@${showRange(c.ranges[0])}`, `report-plan-not-met@${showRange(c.ranges[1])}`
        ]);
        const better = await checkReport(`${HEAD}table t "T 2024" { years { 2024 actual } columns households poor poor-rate row 1 X { 2024: 1.000 60 6,00 } }\n`);
        expect(better.diagnostics.map(d => d.code)).toEqual(['report-plan-met', 'report-plan-met']);
    });

    test('in English', async () => {
        const c = await checkReport(`${HEAD}actual k = 61\n`, [plan()], 'en');
        expect(c.diagnostics.map(d => d.message)).toEqual(['The indicator "Tỷ lệ k" in 2024: actual 61, planned 60: met.']);
    });
});

describe('report-on-track / report-off-track: before the target year, the straight path', () => {
    // Path of i: 10 (2022) → 4 (2025); in 2024: 6. With on-track-tolerance 0,2: 0,2 × 6 = 1,2 more.
    test('without a tolerance, a value worse than the path is off track; as good as it, on track', async () => {
        const off = await checkReport(`${HEAD}actual i = «6,5»\n`);
        expect(at(off, 'report-off-track')).toEqual([`report-off-track@${showRange(off.ranges[0])}`]);
        expect(off.diagnostics.find(d => d.code === 'report-off-track')!.message)
            .toBe('Chậm tiến độ tới mục tiêu "dưới 4%" năm 2025: thực hiện 6,5 năm 2024, lộ trình 6,0 (từ 10 năm 2022 đến 4 năm 2025).');
        const on = await checkReport(`${HEAD}actual i = 6,0\n`);
        expect(at(on, 'report-on-track', 'report-off-track')).toHaveLength(1);
        expect(at(on, 'report-on-track')).toHaveLength(1);
    });

    test("the plan's on-track-tolerance, a share of the planned change, lets a value be that much behind", async () => {
        const within = await checkReport(`${HEAD}actual i = 7,2\n`, [plan('on-track-tolerance 0,2')]);
        expect(at(within, 'report-on-track')).toHaveLength(1);
        const beyond = await checkReport(`${HEAD}actual i = 7,3\n`, [plan('on-track-tolerance 0,2')]);
        expect(at(beyond, 'report-off-track')).toHaveLength(1);
    });

    test('an indicator computed from a table is read from the report table of that id', async () => {
        const c = await checkReport(`${HEAD}table t "T 2024" { years { 2024 actual } columns households poor poor-rate row 1 X { 2024: 1.000 50 5,00 } }\n`,
            [plan() + 'target g2 { indicator r year 2025 at-most 4 }\n']);
        const comparison = compareReport(c.services.plan.Models.get(c.report), c.services.plan.Models.get(c.report).report!.planModel!, () => undefined)!;
        expect(comparison.targets.map(t => [t.target.id, t.status, t.path?.baselineYear, t.path?.expected])).toEqual([['g2', 'on-track', 2022, 6]]);
    });
});

describe('report-target-met / report-target-not-met: a target of the reported year', () => {
    test('its sentence holds for the actual value (below is strict)', async () => {
        const met = await checkReport(`report b of p year 2025 date 1/12/2025\nactual i = «3,9»\n`);
        expect(at(met, 'report-target-met')).toEqual([`report-target-met@${showRange(met.ranges[0])}`]);
        const notMet = await checkReport(`report b of p year 2025 date 1/12/2025\nactual i = «4»\n`);
        expect(at(notMet, 'report-target-not-met')).toEqual([`report-target-not-met@${showRange(notMet.ranges[0])}`]);
        expect(notMet.diagnostics.find(d => d.code === 'report-target-not-met')!.message).toBe('Không đạt mục tiêu "dưới 4%" năm 2025: thực hiện 4.');
    });
});

describe('what a report gives must be the plan\'s, once', () => {
    test('report-duplicate-value: a second actual line, and an actual line for a figure its table gives', async () => {
        const c = await checkReport(`${HEAD}actual i = 5,9\nactual i = «5,8»\n`);
        expect(at(c, 'report-duplicate-value')).toEqual([`report-duplicate-value@${showRange(c.ranges[0])}`]);
        const both = await checkReport(`${HEAD}actual r = «5,00»\ntable t "T" { years { 2024 actual } columns households poor poor-rate row 1 X { 2024: 1.000 50 5,00 } total "Cộng" { 2024: 1.000 50 5,00 } }\n`);
        expect(at(both, 'report-duplicate-value')).toEqual([`report-duplicate-value@${showRange(both.ranges[0])}`]);
    });

    test('report-year-not-covered: the report\'s year, and an actual year of its tables', async () => {
        const c = await checkReport(`report b of p year «2027» date 1/12/2027\ntable t "T" { years { «2026 actual» } columns households poor row 1 X { 2026: 1.000 50 } }\n`);
        expect(at(c, 'report-year-not-covered')).toEqual([`report-year-not-covered@${showRange(c.ranges[0])}`, `report-year-not-covered@${showRange(c.ranges[1])}`]);
        expect(c.diagnostics.find(d => d.code === 'report-year-not-covered')!.message).toBe('Kế hoạch "Kế hoạch P" không có năm 2027 (kế hoạch: 2023–2025).');
    });

    test('report-unknown-indicator: an indicator of the province, not of the district plan reported on', async () => {
        const province = 'plan tinh "Tỉnh"\nagency A "Sở A" department\nindicator z "Chỉ tiêu tỉnh" { unit percent lead A }\n';
        const district = 'plan p "Huyện" part-of tinh\nheader { period 2023 to 2025 }\nindicator i "Tỷ lệ i" { unit percent direction lower lead A }\n';
        const c = await checkReport(`${HEAD}actual «z» = 1\nactual i = 2\n`, [province, district]);
        expect(at(c, 'report-unknown-indicator')).toEqual([`report-unknown-indicator@${showRange(c.ranges[0])}`]);
    });

    test('report-unknown-table and report-unplanned-unit', async () => {
        const c = await checkReport(`${HEAD}table «u» "U" { years { 2024 actual } columns households poor row 1 X { 2024: 1.000 50 } }
table t "T" { years { 2024 actual } columns households poor row 1 X { 2024: 1.000 50 } row 2 «Y» { 2024: 500 20 } }\n`);
        expect(at(c, 'report-unknown-table', 'report-unplanned-unit')).toEqual([
            `report-unknown-table@${showRange(c.ranges[0])}`, `report-unplanned-unit@${showRange(c.ranges[1])}`
        ]);
    });

    test("a report's table is checked as any table: its rates, its total", async () => {
        const c = await checkReport(`${HEAD}table t "T" { years { 2024 actual } columns households poor poor-rate
    row 1 X { 2024: 1.000 50 «6,00» }
    total "Cộng" { 2024: «1.100» 50 5,00 }
}\n`);
        expect(at(c, 'rate-mismatch', 'total-mismatch')).toEqual([`rate-mismatch@${showRange(c.ranges[0])}`, `total-mismatch@${showRange(c.ranges[1])}`]);
    });

    test('planYears: the period and the orientation year, else the years the plan names', async () => {
        const services = createTestServices();
        const withPeriod = services.plan.Models.get(await parsePlan(services, 'plan a header { period 2023 to 2025 orientation 2030 }'));
        expect(planYears(withPeriod)).toEqual([2023, 2024, 2025, 2030]);
        const without = services.plan.Models.get(await parsePlan(services, 'plan b indicator i "I" { plan 2024 = 1 baseline 2021 = 2 }'));
        expect(planYears(without)).toEqual([2021, 2024]);
    });
});

describe('the example report of the seed and the summary of plan validate', () => {
    test('examples/hung-yen-bao-cao-2024.plan gives exactly the findings its // expect: comments announce', async () => {
        const { services, documents } = await loadPlans([REPORT_EXAMPLE], 'vi');
        // Loaded alone, it finds the seed beside it, as `plan validate` does.
        expect(services.shared.workspace.LangiumDocuments.all.toArray().map(d => d.uri.fsPath)).toContain(SEED_PLAN);
        const text = fs.readFileSync(REPORT_EXAMPLE, 'utf8');
        const lines = text.split('\n');
        const expected: string[] = [];
        lines.forEach((line, i) => {
            const m = /\/\/\s*expect:\s*(.*)$/.exec(line);
            if (m) for (const item of m[1].matchAll(/([a-z][a-z-]*)\s+"([^"]*)"/g)) expected.push(`${item[1]}@${i + 1} "${item[2]}"`);
        });
        const actual = documents[0].diagnostics!.map(d => `${String(d.code)}@${d.range.start.line + 1} "${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}"`);
        expect(actual.sort()).toEqual(expected.sort());
        // One target off track and one arithmetic error in the report's table, as the issue asks.
        expect(actual.filter(a => a.startsWith('report-off-track'))).toHaveLength(1);
        expect(actual.filter(a => a.startsWith('rate-mismatch'))).toHaveLength(1);
    });

    test('monitoringSummary counts the statuses, and says nothing without a report', () => {
        const f = (code: string): CliFinding => ({ file: 'r.plan', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'info', code, message: '' });
        const findings = ['report-plan-met', 'report-target-met', 'report-plan-not-met', 'report-on-track', 'report-off-track', 'report-off-track', 'rate-mismatch'].map(f);
        expect(monitoringSummary(findings, 'vi')).toBe('Kết quả thực hiện: 2 đạt, 1 không đạt, 1 đúng tiến độ, 2 chậm tiến độ.');
        expect(monitoringSummary(findings, 'en')).toBe('Achieved against planned: 2 met, 1 not met, 1 on track, 2 off track.');
        expect(monitoringSummary([f('rate-mismatch')], 'vi')).toBeUndefined();
    });
});

describe('a report follows its plan as the plan is edited', () => {
    test("a figure typed in the plan's table (patched in, not linked again) re-checks the report against it", async () => {
        const session = new PreviewSession(plan());
        const patched: string[] = [];
        (session.services.shared.workspace.DocumentBuilder as PatchingDocumentBuilder).onPatched(p => patched.push(p.document.uri.toString()));
        await session.start();
        const workspace = session.services.shared.workspace;
        const report = workspace.LangiumDocumentFactory.fromString(`report b of p year 2024 date 1/12/2024
table t "T" { years { 2024 actual } columns households poor row 1 X { 2024: 1.000 55 } }
`, URI.parse('memory:///report.plan'));
        workspace.LangiumDocuments.addDocument(report);
        await workspace.DocumentBuilder.build([report], { validation: true });
        const codes = () => (report.diagnostics ?? []).filter(d => String(d.code).startsWith('report-')).map(d => `${String(d.code)}: ${d.message}`);
        expect(codes()).toEqual(['report-plan-met: Hộ nghèo của Xã X (bảng t) năm 2024: thực hiện 55, kế hoạch 60: đạt.']);
        // The plan's 2024 figure lowered to 50: the report's 55 no longer meets it.
        await session.change(plan().replace('2024: 1.000  60  6,00', '2024: 1.000  50  5,00'));
        expect(patched).toEqual([session.uri.toString()]);
        expect(codes()).toEqual(['report-plan-not-met: Hộ nghèo của Xã X (bảng t) năm 2024: thực hiện 55, kế hoạch 50: không đạt.']);
    });
});
