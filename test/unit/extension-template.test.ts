// The "New plan from template" skeleton: it must parse with no syntax errors in every locale and
// period, and leave only findings that say "fill me in" (no error a user did not cause).
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import {
    defaultFirstYear, parsePeriod, parseUnits, periodEnd, planFileName, planId, planTemplate, provinceOf, provinceProblem, provinceTitle
} from '../../extension/src/client/template.js';
import type { PlanDocument } from '../../language-server/src/generated/ast.js';
import { createPlanServices } from '../../language-server/src/plan-module.js';

const services = createPlanServices(EmptyFileSystem).Plan;
const parse = parseHelper<PlanDocument>(services);

async function build(text: string): Promise<LangiumDocument<PlanDocument>> {
    return parse(text, { validation: true });
}

describe('plan template', () => {
    test('periods follow the national five-year periods', () => {
        expect(periodEnd(2021)).toBe(2025);
        expect(periodEnd(2023)).toBe(2025);
        expect(periodEnd(2025)).toBe(2025);
        expect(periodEnd(2026)).toBe(2030);
        expect(periodEnd(2030)).toBe(2030);
        expect(defaultFirstYear(2025)).toBe(2026);
        expect(defaultFirstYear(2027)).toBe(2027);
    });

    for (const locale of ['vi', 'en'] as const) {
        for (const from of [2023, 2026]) {
            test(`parses and links without errors (${locale}, from ${from})`, async () => {
                const text = planTemplate({ locale, from });
                const document = await build(text);
                expect(document.parseResult.lexerErrors).toEqual([]);
                expect(document.parseResult.parserErrors).toEqual([]);
                const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
                expect(errors.map(e => `${e.code}: ${e.message}`)).toEqual([]);
                const model = document.parseResult.value;
                expect(model.numberStyle).toBe('vi');
                expect(model.elements.filter(e => e.$type === 'Dimension')).toHaveLength(6);
                expect(text).toContain(`period ${from} to ${periodEnd(from)}`);
                expect(text.split('\n')[0]).toMatch(/^plan ke_hoach_moi /);
            });
        }
    }

    test('guiding comments follow the locale, the plan text stays Vietnamese', () => {
        const vi = planTemplate({ locale: 'vi', from: 2026 });
        const en = planTemplate({ locale: 'en', from: 2026 });
        expect(vi).toContain('Kế hoạch mới tạo từ mẫu');
        expect(en).toContain('New plan created from the template');
        for (const t of [vi, en]) expect(t).toContain('dimension nuoc_ve_sinh "Nước sinh hoạt và vệ sinh"');
    });
});

describe('the answers of "New plan from template"', () => {
    test('a province, with or without its kind word; the centrally-run cities are cities', () => {
        expect(provinceOf('Hưng Yên')).toEqual({ name: 'Hưng Yên', city: false });
        expect(provinceOf('  tỉnh   Hưng Yên ')).toEqual({ name: 'Hưng Yên', city: false });
        expect(provinceOf('thành phố Hải Phòng')).toEqual({ name: 'Hải Phòng', city: true });
        expect(provinceOf('TP Hồ Chí Minh')).toEqual({ name: 'Hồ Chí Minh', city: true });
        expect(provinceOf('Ha Noi')).toEqual({ name: 'Ha Noi', city: true });
        expect(provinceOf('Huế').city).toBe(true);
        expect(provinceTitle(provinceOf('Hưng Yên'))).toBe('tỉnh Hưng Yên');
        expect(provinceTitle(provinceOf('Đà Nẵng'))).toBe('thành phố Đà Nẵng');
        expect(provinceProblem('Bà Rịa - Vũng Tàu')).toBeUndefined();
        expect(provinceProblem('   ')).toBe('empty');
        expect(provinceProblem('tỉnh')).toBe('empty');
        expect(provinceProblem('Hưng "Yên"')).toBe('characters');
        expect(provinceProblem('x'.repeat(41))).toBe('length');
    });

    test('a period from–to, written as people write it', () => {
        for (const text of ['2026-2030', '2026–2030', ' 2026 - 2030 ', '2026 đến 2030', '2026 to 2030', '2026..2030', '2026 2030']) {
            expect(parsePeriod(text), text).toEqual({ from: 2026, to: 2030 });
        }
        expect(parsePeriod('2026')).toEqual({ problem: 'format' });
        expect(parsePeriod('26-30')).toEqual({ problem: 'format' });
        expect(parsePeriod('2030-2026')).toEqual({ problem: 'order' });
        expect(parsePeriod('2026-2040')).toEqual({ problem: 'order' });
        expect(parsePeriod('1990-1995')).toEqual({ problem: 'range' });
    });

    test('districts and communes by their kind word, with ids of the language and full names where the kind is not the usual one', () => {
        const result = parseUnits('Phù Cừ, Tiên Lữ; thị xã Mỹ Hào, TP Hưng Yên, quận Ba Đình, xã Đoàn Đào, phường 1, thị trấn Trần Cao');
        expect('units' in result).toBe(true);
        const units = 'units' in result ? result.units : [];
        expect(units.map(u => [u.id, u.label, u.level, u.kind, u.fullName])).toEqual([
            ['PhuCu', 'Phù Cừ', 'district', 'huyen', undefined],
            ['TienLu', 'Tiên Lữ', 'district', 'huyen', undefined],
            ['MyHao', 'Mỹ Hào', 'district', 'thi-xa', 'Thị xã Mỹ Hào'],
            ['HungYen', 'Hưng Yên', 'district', 'thanh-pho', 'Thành phố Hưng Yên'],
            ['BaDinh', 'Ba Đình', 'district', 'quan', 'Quận Ba Đình'],
            ['DoanDao', 'Đoàn Đào', 'commune', 'xa', undefined],
            ['Phuong1', 'Phường 1', 'commune', 'phuong', undefined],
            ['TranCao', 'Trần Cao', 'commune', 'thi-tran', 'Thị trấn Trần Cao']
        ]);
        expect(parseUnits('')).toEqual({ units: [] });
        expect(parseUnits(' , ')).toEqual({ units: [] });
        // the same name under two kinds is two units, with two ids
        const twice = parseUnits('Mỹ Hào, thị xã Mỹ Hào');
        expect('units' in twice && twice.units.map(u => u.id)).toEqual(['MyHao', 'MyHao2']);
        expect(parseUnits('Phù Cừ, Phu Cu')).toEqual({ problem: 'duplicate', name: 'Phu Cu' });
        expect(parseUnits('Phù "Cừ"')).toEqual({ problem: 'characters', name: 'Phù "Cừ"' });
        expect(parseUnits('huyện')).toEqual({ problem: 'characters', name: 'huyện' });
        expect(parseUnits(Array.from({ length: 61 }, (_, i) => `Xã ${i + 1}`).join(','))).toEqual({ problem: 'count' });
    });

    test('the file name: ASCII, from the answers (not from the plan line)', () => {
        expect(planFileName({ province: provinceOf('Hưng Yên'), from: 2026, to: 2030 })).toBe('ke-hoach-giam-ngheo-hung-yen-2026-2030.plan');
        expect(planFileName({ province: provinceOf('thành phố Hồ Chí Minh'), from: 2026, to: 2030 })).toBe('ke-hoach-giam-ngheo-ho-chi-minh-2026-2030.plan');
        expect(planFileName({ province: provinceOf('Đắk Lắk'), from: 2021, to: 2025 })).toBe('ke-hoach-giam-ngheo-dak-lak-2021-2025.plan');
        expect(planFileName({ province: provinceOf('Bà Rịa - Vũng Tàu'), from: 2026, to: 2030 })).toBe('ke-hoach-giam-ngheo-ba-ria-vung-tau-2026-2030.plan');
        expect(planFileName({ from: 2026, to: 2030 })).toBe('ke-hoach-giam-ngheo-2026-2030.plan');
        expect(planFileName({ province: provinceOf('Hưng Yên'), from: 2026, to: 2030 })).toMatch(/^[a-z0-9-]+\.plan$/);
        expect(planId({ province: provinceOf('Hưng Yên'), from: 2026, to: 2030 })).toBe('giam_ngheo_hung_yen_2026_2030');
    });

    for (const locale of ['vi', 'en'] as const) {
        test(`a template from the answers parses and links without errors, with the answers in it (${locale})`, async () => {
            const units = parseUnits('Phù Cừ, thị xã Mỹ Hào, thành phố Hưng Yên');
            const text = planTemplate({ locale, from: 2026, to: 2030, province: provinceOf('Hưng Yên'), units: 'units' in units ? units.units : [] });
            const document = await build(text);
            expect(document.parseResult.lexerErrors).toEqual([]);
            expect(document.parseResult.parserErrors).toEqual([]);
            expect((document.diagnostics ?? []).filter(d => d.severity === 1).map(e => `${e.code}: ${e.message}`)).toEqual([]);
            expect(text.split('\n')[0]).toBe('plan giam_ngheo_hung_yen_2026_2030 "Kế hoạch giảm nghèo bền vững tỉnh Hưng Yên giai đoạn 2026-2030"');
            expect(text).toContain('issuer "Ủy ban nhân dân tỉnh Hưng Yên"');
            expect(text).toContain('period 2026 to 2030');
            expect(text).toContain('district PhuCu "Phù Cừ" huyen');
            expect(text).toContain('district MyHao "Mỹ Hào" thi-xa full-name "Thị xã Mỹ Hào"');
            expect(text).toContain('row 3 HungYen {');
            expect(text).not.toContain('huyen_a');
            expect(text).toContain(locale === 'vi' ? '// Kế hoạch mới tạo từ mẫu' : '// New plan created from the template');
            expect(text).not.toContain(locale === 'vi' ? 'New plan created' : 'Kế hoạch mới tạo từ mẫu');
        });
    }

    test('communes only: the local committee is the communes\'', async () => {
        const units = parseUnits('xã Đoàn Đào, thị trấn Trần Cao');
        const text = planTemplate({ locale: 'vi', from: 2026, province: provinceOf('Hưng Yên'), units: 'units' in units ? units.units : [] });
        expect(text).toContain('commune DoanDao "Đoàn Đào" xa');
        expect(text).toContain('lead NNMT coordinate UBND_XA');
        const document = await build(text);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect((document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
    });
});
