// Roll-up (issue 22): a plan part-of another states the same figures; each rule on small plans built
// together in one workspace, and the re-check of the other side when either plan changes (a full
// rebuild and a figure patched in).
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, runCli } from '../helpers/cli.js';
import { TextDocument, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createTestServices } from '../helpers/plan.js';
import type { PlanServices } from '../../language-server/src/plan-module.js';
import { columnIdentity, figuresAgree } from '../../language-server/src/validation/rules/roll-up.js';
import type { PatchingDocumentBuilder } from '../../language-server/src/language/document-builder.js';

const PROVINCE = `plan tinh "Tỉnh"
number-style vi
header { period 2023 to 2025 }
district A "Huyện A" huyen
district B "Huyện B" huyen
table pl01 "Phụ lục 01" {
    PLANS
    years { 2023 plan 2024 plan }
    columns households poor poor-rate
    row 1 A {
        2023: 100.000 200 0,20
        2024: 100.000 100 0,10
    }
    row 2 B {
        2023: 20.000 300 1,50
        2024: 20.000 200 1,00
    }
    total "Toàn tỉnh" {
        2023: 120.000 500 0,42
        2024: 120.000 300 0,25
    }
}
`;

const district = (unit: string, lines: string, head = 'columns households poor poor-rate', extra = '') => `plan huyen_${unit} "Huyện ${unit}"
part-of tinh
number-style vi
header { period 2023 to 2025 }
${extra}
table t "Bảng" {
    years { 2023 plan 2024 plan }
    ${head}
    row 1 ${unit} {
${lines}
    }
}
`;

const A_OK = district('A', '        2023: 100.000 200 0,20\n        2024: 100.000 100 0,10');
const B_OK = district('B', '        2023: 20.000 300 1,50\n        2024: 20.000 200 1,00');

interface Workspace { services: PlanServices; documents: Map<string, LangiumDocument> }

/** Plans as open documents of one workspace (file:///w/<name>.plan), built with validation. */
async function workspace(plans: Record<string, string>): Promise<Workspace> {
    const services = createTestServices('en');
    const { shared } = services;
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(plans)) {
        const uri = URI.file(`/w/${name}.plan`);
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'plan', 1, text));
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return { services, documents };
}

/** The editor changes a plan's text: the new version is set and the workspace updated. */
async function change(ws: Workspace, name: string, text: string): Promise<void> {
    const { shared } = ws.services;
    const document = ws.documents.get(name)!;
    const old = shared.workspace.TextDocuments.get(document.uri.toString())!;
    shared.workspace.TextDocuments.set(TextDocument.create(old.uri, 'plan', old.version + 1, text));
    await shared.workspace.DocumentBuilder.update([document.uri], []);
}

const rollUp = (ws: Workspace, name: string): Diagnostic[] =>
    (ws.documents.get(name)!.diagnostics ?? []).filter(d => String(d.code).startsWith('roll-up'));

function textAt(ws: Workspace, uri: string, d: { range: Diagnostic['range'] }): string {
    const document = [...ws.documents.values()].find(x => x.uri.toString() === uri)!;
    return document.textDocument.getText(d.range);
}

const show = (ws: Workspace, name: string) => rollUp(ws, name).map(d => `${String(d.code)} ${textAt(ws, ws.documents.get(name)!.uri.toString(), d)}`);

describe('figures that must agree', () => {
    test('plans that agree have no roll-up finding', async () => {
        const ws = await workspace({ tinh: PROVINCE.replace('PLANS', 'plans-per-unit'), a: A_OK, b: B_OK });
        for (const name of ['tinh', 'a', 'b']) expect(ws.documents.get(name)!.diagnostics, name).toEqual([]);
    });

    test('one disagreement is one finding in each plan, each naming the other plan\'s cell', async () => {
        const ws = await workspace({ tinh: PROVINCE.replace('PLANS', ''), a: district('A', '        2023: 100.000 201 0,20\n        2024: 100.000 100 0,10'), b: B_OK });
        const [atDistrict] = rollUp(ws, 'a');
        const [atProvince, ...rest] = rollUp(ws, 'tinh');
        expect(show(ws, 'a')).toEqual(['roll-up-mismatch 201']);
        expect(atDistrict.message).toBe('Huyện A 2023, column poor households: this plan says 201, but the plan above it, tinh, says 200 (Phụ lục 01).');
        expect(atDistrict.relatedInformation).toHaveLength(1);
        const toProvince = atDistrict.relatedInformation![0].location;
        expect(toProvince.uri).toBe(ws.documents.get('tinh')!.uri.toString());
        expect(textAt(ws, toProvince.uri, toProvince)).toBe('200');
        expect(show(ws, 'tinh')[0]).toBe('roll-up-mismatch 200');
        expect(atProvince.message).toBe('Huyện A 2023, column poor households: this plan says 200, but the unit\'s own plan huyen_A says 201.');
        const toDistrict = atProvince.relatedInformation![0].location;
        expect(toDistrict.uri).toBe(ws.documents.get('a')!.uri.toString());
        expect(textAt(ws, toDistrict.uri, toDistrict)).toBe('201');
        // Every unit has a plan: the total is also checked against their sum (501 ≠ 500).
        expect(rest.map(d => `${String(d.code)} ${textAt(ws, ws.documents.get('tinh')!.uri.toString(), d)}`)).toEqual(['roll-up-total-mismatch 500']);
        expect(rest[0].relatedInformation!.map(r => textAt(ws, r.location.uri, r.location))).toEqual(['201', '300']);
    });

    test('columns are matched by what they are, not by their headings or ids', async () => {
        const head = 'column poor "Số hộ nghèo cuối năm" households\n    column ty_le "Tỷ lệ nghèo" percent rate-of poor per households\n    columns households poor ty_le';
        const ws = await workspace({ tinh: PROVINCE.replace('PLANS', ''), a: district('A', '        2023: 100.000 200 0,20\n        2024: 100.000 100 0,11', head), b: B_OK });
        expect(show(ws, 'a')).toEqual(['roll-up-mismatch 0,11']);
        expect(rollUp(ws, 'a')[0].message).toContain('column Tỷ lệ nghèo');
        // But the district's 0,11 disagrees with its own counts too: that is its own rule's finding.
        expect(ws.documents.get('a')!.diagnostics!.map(d => d.code)).toContain('rate-mismatch');
    });

    test('a rate printed with fewer decimals agrees when it rounds the same', () => {
        expect(figuresAgree(1.51, 2, 1.5, 1)).toBe(true);
        expect(figuresAgree(1.51, 2, 1.52, 2)).toBe(false);
        expect(figuresAgree(1.51, 2, 1.6, 1)).toBe(false);
        expect(figuresAgree(448, 0, 449, 0)).toBe(false);
    });

    test('a column\'s identity: rates by count and base, sums by their parts in any order, others by id and unit', () => {
        const columnsById = {
            households: { id: 'households', unit: 'households', predeclared: true },
            poor: { id: 'poor', unit: 'households', predeclared: true },
            r: { id: 'r', unit: 'percent', definition: { kind: 'rate', count: 'poor', base: 'households' }, predeclared: false },
            s: { id: 's', unit: 'households', definition: { kind: 'sum', parts: ['poor', 'households'] }, predeclared: false },
            loop: { id: 'loop', unit: 'percent', definition: { kind: 'rate', count: 'loop', base: 'loop' }, predeclared: false }
        };
        const table = { columnsById } as never;
        expect(columnIdentity(table, 'r')).toBe('rate(households:poor/households:households)');
        expect(columnIdentity(table, 's')).toBe('sum(households:households+households:poor)');
        expect(columnIdentity(table, 'loop')).toContain('?loop');   // a definition that loops ends
    });
});

describe('units and years', () => {
    test('a unit of a table that asks for plans per unit and has none is an info at the province only', async () => {
        const asks = await workspace({ tinh: PROVINCE.replace('PLANS', 'plans-per-unit'), a: A_OK });
        expect(show(asks, 'tinh')).toEqual(['roll-up-no-plan B']);
        expect(rollUp(asks, 'tinh')[0].severity).toBe(3);
        expect(show(asks, 'a')).toEqual([]);
        const doesNotAsk = await workspace({ tinh: PROVINCE.replace('PLANS', ''), a: A_OK });
        expect(show(doesNotAsk, 'tinh')).toEqual([]);
    });

    test('a unit of the province absent from its tables, or a year it does not have, is a warning in the district plan', async () => {
        const province = PROVINCE.replace('PLANS', '').replace('district B "Huyện B" huyen', 'district B "Huyện B" huyen\ndistrict C "Huyện C" huyen');
        const c = district('C', '        2023: 1.000 10 1,00\n        2024: 1.000 10 1,00');
        const lateYear = district('A', '        2023: 100.000 200 0,20\n        2024: 100.000 100 0,10\n        2025: 100.000 50 0,05').replace('2024 plan }', '2024 plan 2025 plan }');
        const ws = await workspace({ tinh: province, c, a: lateYear });
        expect(show(ws, 'c')).toEqual(['roll-up-unknown-unit C']);
        expect(rollUp(ws, 'c')[0].severity).toBe(2);
        expect(show(ws, 'a')).toEqual(['roll-up-unknown-year 2025:']);
    });

    test('a unit the district plan declares itself (its communes) is its own breakdown: no finding', async () => {
        const communes = district('X1', '        2023: 100 1 1,00\n        2024: 100 1 1,00', undefined, 'commune X1 "Xã 1" xa');
        const ws = await workspace({ tinh: PROVINCE.replace('PLANS', ''), a: communes });
        expect(show(ws, 'a')).toEqual([]);
    });
});

describe('the other side follows a change', () => {
    test('a district changed (full rebuild): the province\'s findings follow', async () => {
        const ws = await workspace({ tinh: PROVINCE.replace('PLANS', ''), a: A_OK, b: B_OK });
        expect(show(ws, 'tinh')).toEqual([]);
        await change(ws, 'a', A_OK.replace('plan huyen_A', 'plan huyen_A  ').replace('2023: 100.000 200 0,20', '2023: 100.000 201 0,20'));
        expect(show(ws, 'tinh')).toEqual(['roll-up-mismatch 200', 'roll-up-total-mismatch 500']);
        await change(ws, 'a', A_OK);
        expect(show(ws, 'tinh')).toEqual([]);
    });

    test('a figure typed in the province (patched in, no rebuild): the district\'s findings follow', async () => {
        const province = PROVINCE.replace('PLANS', '');
        const ws = await workspace({ tinh: province, a: A_OK, b: B_OK });
        // One year line changed: the edit is patched into the tree (language/cell-edit.ts), the province
        // alone validated by Langium; the district is validated again by the roll-up's watch.
        let patched = 0;
        (ws.services.shared.workspace.DocumentBuilder as PatchingDocumentBuilder).onPatched(() => { patched++; });
        await change(ws, 'tinh', province.replace('2024: 100.000 100 0,10', '2024: 100.000 101 0,10'));
        expect(patched).toBe(1);
        expect(show(ws, 'a')).toEqual(['roll-up-mismatch 100']);
        expect(show(ws, 'b')).toEqual([]);
    });

    test('a new district plan, and one whose part-of changes, are compared from their first check', async () => {
        const ws = await workspace({ tinh: PROVINCE.replace('PLANS', 'plans-per-unit'), a: A_OK, b: B_OK.replace('part-of tinh', '') });
        expect(show(ws, 'tinh')).toEqual(['roll-up-no-plan B']);
        await change(ws, 'b', B_OK);
        expect(show(ws, 'tinh')).toEqual([]);
    });
});

describe('plan validate FOLDER and one file of it', () => {
    beforeAll(() => ensureCliBuilt(), 300_000);
    const dir = path.join('examples', 'province-with-districts');

    test('the folder: the disagreement at both cells, the unit without a plan at the province', () => {
        const run = runCli(['validate', dir, '--format', 'json']);
        expect(run.status).toBe(1);
        const findings = (JSON.parse(run.stdout) as { file: string; line: number; code: string }[]).map(f => `${path.basename(f.file)}:${f.line} ${f.code}`);
        expect(findings).toEqual(['kim-dong.plan:18 roll-up-mismatch', 'province.plan:36 roll-up-mismatch', 'province.plan:39 roll-up-no-plan']);
    });

    test('the province alone is checked with the district plans beside it; a district alone with its province', () => {
        const province = runCli(['validate', path.join(dir, 'province.plan'), '--format', 'json']);
        expect((JSON.parse(province.stdout) as { code: string }[]).map(f => f.code)).toEqual(['roll-up-mismatch', 'roll-up-no-plan']);
        const kimDong = runCli(['validate', path.join(dir, 'kim-dong.plan'), '--format', 'sarif']);
        const log = JSON.parse(kimDong.stdout) as { runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
        const [result] = log.runs[0].results;
        expect(result.ruleId).toBe('roll-up-mismatch');
        expect(result.relatedLocations?.[0].physicalLocation.artifactLocation.uri).toBe(`${dir}/province.plan`);
        expect(result.relatedLocations?.[0].physicalLocation.region.startLine).toBe(36);
    });
});
