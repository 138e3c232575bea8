// A district plan that is part of the province plan refers to the province's agencies and districts
// by id across files; an id declared nowhere is reported; edits of the province reach the district.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AstUtils, URI } from 'langium';
import { afterAll, describe, expect, test } from 'vitest';
import { isTaskList, type PlanDocument } from '../../language-server/src/generated/ast.js';
import { loadPlans } from '../../language-server/src/cli/workspace.js';
import { EXAMPLES_DIR, findingKeys, marked, showRange } from '../helpers/plan.js';

const DIR = path.join(EXAMPLES_DIR, 'multi-file');
const PROVINCE = path.join(DIR, 'province.plan');
const DISTRICT = path.join(DIR, 'phu-cu.plan');

describe('a district plan part of the province plan', () => {
    test('loading the district plan alone finds the province beside it; nothing is reported in either', async () => {
        const { services, documents } = await loadPlans([DISTRICT], 'vi');
        expect(documents).toHaveLength(1);
        const all = services.shared.workspace.LangiumDocuments.all.toArray();
        expect(all.map(d => path.basename(d.uri.fsPath)).sort()).toEqual(['phu-cu.plan', 'province.plan']);
        for (const d of all) expect(d.diagnostics, d.uri.fsPath).toEqual([]);
    });

    test('its references resolve to declarations in province.plan', async () => {
        const { services, documents } = await loadPlans([DISTRICT], 'en');
        const district = documents[0];
        const root = district.parseResult.value as PlanDocument;
        expect(root.parent?.ref?.$document?.uri.fsPath).toBe(PROVINCE);

        const model = services.plan.Models.get(district);
        expect(model.parent).toMatchObject({ id: 'tinh_hung_yen', resolved: true });
        const row = model.tables[0].sections[0].rows[0];
        expect(row.district).toMatchObject({ id: 'PhuCu', resolved: true, name: 'Phù Cừ' });
        expect(row.label).toBe('Phù Cừ');
        const indicator = model.indicators[0];
        expect(indicator.assignment.leads.map(r => [r.id, r.resolved, r.name])).toEqual([
            ['PhongLDTBXH', true, 'Phòng Lao động - Thương binh và Xã hội huyện Phù Cừ']
        ]);
        expect(indicator.assignment.coordinates.map(r => [r.id, r.resolved, r.name])).toEqual([
            ['LDTBXH', true, 'Sở Lao động - Thương binh và Xã hội'],
            ['NHCSXH', true, 'Chi nhánh Ngân hàng Chính sách xã hội tỉnh']
        ]);
        // The linked agency is the one declared in the province file.
        const tasks = root.elements.find(isTaskList)!;
        const yt = tasks.tasks[1].assignment!.coordinates[0].ref!;
        expect(yt.name).toBe('YT');
        expect(AstUtils.getDocument(yt).uri.fsPath).toBe(PROVINCE);
    });

    test('an id declared in neither file is reported at the id; the province ids still resolve', async () => {
        const { services } = await loadPlans([DISTRICT], 'en');
        const { text, ranges } = marked(`plan huyen_tien_lu "Tiên Lữ" part-of tinh_hung_yen
agency PhongLD "Phòng Lao động - Thương binh và Xã hội huyện Tiên Lữ" department
tasks "T" { task 1 "Rà soát hộ nghèo" { lead PhongLD coordinate LDTBXH «SO_KHONG_CO» } }
table t "T" { years { 2023 plan } columns households poor row 1 TienLu { 2023: 32.629 405 } row 2 «AnThi» { 2023: 48.959 936 } }
`);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(DIR, 'tien-lu-in-memory.plan')));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const diagnostics = document.diagnostics ?? [];
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `unknown-reference@${showRange(r)}`).sort());
        expect(diagnostics.map(d => d.message).sort()).toEqual([
            'No agency is declared with the id "SO_KHONG_CO".',
            'No district is declared with the id "AnThi".'
        ]);
    });

    test('without part-of, the province declarations are out of reach', async () => {
        const { services } = await loadPlans([DISTRICT], 'vi');
        const { text, ranges } = marked('plan doc_lap "Độc lập"\ntasks "T" { task 1 "x" { lead «LDTBXH» } }\n');
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(DIR, 'standalone-in-memory.plan')));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(findingKeys(document.diagnostics ?? [])).toEqual([`unknown-reference@${showRange(ranges[0])}`]);
    });

    test('a parent plan that does not exist is reported at its id', async () => {
        const { services } = await loadPlans([DISTRICT], 'vi');
        const { text, ranges } = marked('plan con "Con" part-of «tinh_khong_co»\n');
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(DIR, 'orphan-in-memory.plan')));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(findingKeys(document.diagnostics ?? [])).toEqual([`unknown-reference@${showRange(ranges[0])}`]);
        expect(document.diagnostics![0].message).toBe('Không có kế hoạch nào mang mã "tinh_khong_co".');
    });
});

describe('editing the province plan', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-multi-'));
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

    test('reaches the district plan: renamed and removed agencies show in its model and findings', async () => {
        for (const f of [PROVINCE, DISTRICT]) fs.copyFileSync(f, path.join(tmp, path.basename(f)));
        const province = path.join(tmp, 'province.plan');
        const { services, documents } = await loadPlans([path.join(tmp, 'phu-cu.plan')], 'en');
        const district = documents[0];
        const coordinates = () => services.plan.Models.get(district).indicators[0].assignment.coordinates.map(r => [r.id, r.resolved, r.name]);
        expect(coordinates()).toContainEqual(['NHCSXH', true, 'Chi nhánh Ngân hàng Chính sách xã hội tỉnh']);

        // Rename the bank's label, then remove the Department of Health the district coordinates with.
        let text = fs.readFileSync(province, 'utf-8')
            .replace('"Chi nhánh Ngân hàng Chính sách xã hội tỉnh"', '"Ngân hàng Chính sách xã hội - Chi nhánh Hưng Yên"')
            .replace('agency YT "Sở Y tế" department\n', '')
            .replace('    2 YT { "Chủ trì chính sách hỗ trợ về y tế cho hộ nghèo, hộ cận nghèo." }\n', '');
        fs.writeFileSync(province, text);
        await services.shared.workspace.DocumentBuilder.update([URI.file(province)], []);

        expect(coordinates()).toContainEqual(['NHCSXH', true, 'Ngân hàng Chính sách xã hội - Chi nhánh Hưng Yên']);
        const task2 = services.plan.Models.get(district).taskLists[0].tasks[1];
        expect(task2.assignment.coordinates.map(r => [r.id, r.resolved])).toEqual([['YT', false]]);
        expect((district.diagnostics ?? []).map(d => [d.code, d.message])).toEqual([
            ['unknown-reference', 'No agency is declared with the id "YT".']
        ]);

        text = text.replace('agency NHCSXH', 'agency YT "Sở Y tế" department\nagency NHCSXH');
        fs.writeFileSync(province, text);
        await services.shared.workspace.DocumentBuilder.update([URI.file(province)], []);
        expect(services.plan.Models.get(district).taskLists[0].tasks[1].assignment.coordinates.map(r => [r.id, r.resolved, r.name]))
            .toEqual([['YT', true, 'Sở Y tế']]);
        expect(district.diagnostics).toEqual([]);
    });
});
