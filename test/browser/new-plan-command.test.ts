// "New plan from template" against the stand-in vscode API: three input boxes checked while typed
// (province, period, districts), a save dialog proposing a file name made from the answers, the
// template written there with those values in the plan's language, and opened. Called by a program it
// asks nothing and never overwrites a file unless told to.
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { URI } from 'vscode-uri';
import { newPlanFromTemplate, periodMessage, provinceMessage, unitsMessage } from '../../extension/src/client/commands.js';
import { defaultFirstYear, periodEnd } from '../../extension/src/client/template.js';
import type { PlanDocument } from '../../language-server/src/generated/ast.js';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import * as vscode from './fake-vscode.js';
import { fake } from './fake-vscode.js';

vi.mock('vscode', async () => await import('./fake-vscode.js'));

const WS = URI.file('/ws');
const parse = parseHelper<PlanDocument>(createPlanServices(EmptyFileSystem).Plan);
const workspace = vscode.workspace as { workspaceFolders?: unknown };
const text = (uri: URI) => new TextDecoder().decode(fake.files.get(uri.toString()));

beforeEach(() => {
    fake.reset();
    workspace.workspaceFolders = [{ uri: WS }];
});

/** Answers the input boxes in turn, after checking that each one's default passes its own check. */
function answer(...values: Array<string | undefined>): void {
    fake.inputBox = async o => {
        if (o.value !== undefined) expect(o.validateInput?.(o.value)).toBeUndefined();
        return values.shift();
    };
}

describe('New plan from template', () => {
    it('asks for the province, the period and the districts, proposes a file name from them, writes the template there and opens it', async () => {
        answer('Hưng Yên', '2026–2030', 'Phù Cừ, Tiên Lữ, thị xã Mỹ Hào');
        let dialog: { defaultUri?: URI; filters?: Record<string, string[]> } = {};
        fake.saveDialog = async o => { dialog = o as typeof dialog; return dialog.defaultUri; };
        const uri = await newPlanFromTemplate('vi');
        expect(fake.inputBoxes.map(b => b.title)).toEqual(['New plan (1/3): province', 'New plan (2/3): period', 'New plan (3/3): districts']);
        const from = defaultFirstYear(new Date().getFullYear());
        expect(fake.inputBoxes[1].value).toBe(`${from}-${periodEnd(from)}`);
        expect(dialog.defaultUri?.path).toBe('/ws/ke-hoach-giam-ngheo-hung-yen-2026-2030.plan');
        expect(dialog.filters).toEqual({ Plan: ['plan'] });
        expect(uri?.toString()).toBe(dialog.defaultUri?.toString());
        const plan = text(uri as URI);
        expect(plan).toContain('plan giam_ngheo_hung_yen_2026_2030 "Kế hoạch giảm nghèo bền vững tỉnh Hưng Yên giai đoạn 2026-2030"');
        expect(plan).toContain('district MyHao "Mỹ Hào" thi-xa full-name "Thị xã Mỹ Hào"');
        expect(plan).toContain('// Kế hoạch mới tạo từ mẫu');
        expect(fake.shown.map(s => s.uri)).toEqual([uri?.toString()]);
        const document = await parse(plan);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    it('writes English guiding comments for an English plan language', async () => {
        answer('Đắk Lắk', '2026-2030', '');
        fake.saveDialog = async o => (o as { defaultUri: URI }).defaultUri;
        const uri = await newPlanFromTemplate('en');
        expect(uri?.path).toBe('/ws/ke-hoach-giam-ngheo-dak-lak-2026-2030.plan');
        expect(text(uri as URI)).toContain('// New plan created from the template');
        expect(text(uri as URI)).toContain('district huyen_a "Huyện A" huyen');   // no districts given: placeholders
    });

    it('checks each answer while it is typed', () => {
        expect(provinceMessage('')).toMatch(/Type the name of the province/);
        expect(provinceMessage('Hưng "Yên"')).toMatch(/letters, spaces and hyphens/);
        expect(provinceMessage('Hưng Yên')).toBeUndefined();
        expect(periodMessage('2026')).toBe('Write the first and the last year, e.g. 2026-2030.');
        expect(periodMessage('2030-2026')).toMatch(/last year comes after the first/);
        expect(periodMessage('2026-2030')).toBeUndefined();
        expect(unitsMessage('Phù Cừ, Phu Cu')).toBe('"Phu Cu" is named twice.');
        expect(unitsMessage('Phù Cừ, Tiên Lữ')).toBeUndefined();
        expect(unitsMessage('')).toBeUndefined();
    });

    it('writes nothing when a question or the save dialog is cancelled', async () => {
        for (const answers of [[undefined], ['Hưng Yên', undefined], ['Hưng Yên', '2026-2030', undefined]]) {
            answer(...answers);
            fake.saveDialog = async () => { throw new Error('the save dialog is not reached'); };
            expect(await newPlanFromTemplate('vi')).toBeUndefined();
        }
        answer('Hưng Yên', '2026-2030', 'Phù Cừ');
        fake.saveDialog = async () => undefined;
        expect(await newPlanFromTemplate('vi')).toBeUndefined();
        expect(fake.files.size).toBe(0);
    });

    it('called by a program: no questions, the proposed name in the workspace, never over an existing file', async () => {
        fake.inputBox = async () => { throw new Error('no question for a program'); };
        const uri = await newPlanFromTemplate('vi', { province: 'Hưng Yên', period: '2026-2030', units: 'Phù Cừ' });
        expect(uri?.path).toBe('/ws/ke-hoach-giam-ngheo-hung-yen-2026-2030.plan');
        expect(text(uri as URI)).toContain('district PhuCu "Phù Cừ" huyen');
        fake.files.set(uri!.toString(), new TextEncoder().encode('old'));
        expect(await newPlanFromTemplate('vi', { province: 'Hưng Yên', period: '2026-2030' })).toBeUndefined();
        expect(text(uri as URI)).toBe('old');
        expect(fake.messages.at(-1)).toMatchObject({ kind: 'error', text: expect.stringContaining('already exists') });
        await newPlanFromTemplate('vi', { province: 'Hưng Yên', period: '2026-2030', overwrite: true });
        expect(text(uri as URI)).toContain('plan giam_ngheo_hung_yen_2026_2030');
        const elsewhere = URI.file('/ws/khac/ke-hoach.plan');
        expect((await newPlanFromTemplate('en', { province: 'Huế', period: '2026-2030', uri: elsewhere }))?.toString()).toBe(elsewhere.toString());
        expect(text(elsewhere)).toContain('thành phố Huế');
        for (const bad of [{ province: '', period: '2026-2030' }, { province: 'Hưng Yên', period: '2026' }, { province: 'Hưng Yên', period: '2026-2030', units: 'A, A' }, 'x']) {
            expect(await newPlanFromTemplate('vi', bad)).toBeUndefined();
        }
        expect(fake.messages.at(-1)).toMatchObject({ kind: 'error' });
    });
});
