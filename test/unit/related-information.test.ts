// Findings point to the other places they are about (issue 20): the editor lists them under the
// finding, each a link — a rate's count and base, the first of a duplicate, the total that counts.
// An agency no one names is tagged unnecessary (shown faded).
import { afterEach, describe, expect, test } from 'vitest';
import { clearDocuments } from 'langium/test';
import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { createTestServices, rangeOfText, validatePlan } from '../helpers/plan.js';

const services = createTestServices('vi');
afterEach(async () => { await clearDocuments(services); });

const PLAN = `plan lien_quan "Nơi liên quan" number-style vi
agency LD "Sở Lao động" department
agency YT "Sở Y tế" department
agency LD "Sở Lao động (lần hai)" department
district PhuCu "Phù Cừ" huyen
district KimDong "Kim Động" huyen

table phu_luc_01 "Dự kiến tỷ lệ hộ nghèo" {
    years { 2023 plan 2024 plan }
    columns households poor poor-rate
    row 1 PhuCu {
        2023: 29.609 448 1,51
        2024: 30.009 319 1,06
        2023: 29.609 448 1,51
    }
    row 2 KimDong {
        2023: 40.820 490 1,21
        2024: 40.820 490 1,20
    }
    row 3 PhuCu {
        2023: 1 0 0,00
        2024: 1 0 0,00
    }
    total "Tổng cộng" {
        2023: 70.430 938 1,33
        2024: 70.830 809 1,14
    }
    total "Tổng cộng lần hai" {
        2023: 70.430 938 1,33
        2024: 70.830 809 1,14
    }
}
`;

async function findings(): Promise<Diagnostic[]> {
    return (await validatePlan(services, PLAN)).diagnostics;
}

function related(d: Diagnostic | undefined): { line: number; character: number; message: string }[] {
    return (d?.relatedInformation ?? []).map(r => ({ line: r.location.range.start.line, character: r.location.range.start.character, message: r.message }));
}

describe('related places', () => {
    test('a rate that is not its count over its base points to the count and the base', async () => {
        const rate = (await findings()).find(d => d.code === 'rate-mismatch');
        const line = rangeOfText(PLAN, '2023: 40.820 490 1,21').start.line;
        expect(related(rate)).toEqual([
            { line, character: rangeOfText(PLAN, '490 1,21').start.character, message: expect.stringMatching(/^Tử số: .* = 490$/) },
            { line, character: rangeOfText(PLAN, '40.820 490 1,21').start.character, message: expect.stringMatching(/^Mẫu số: .* = 40\.820$/) }
        ]);
        expect(rate!.relatedInformation!.every(r => r.location.uri === rate!.relatedInformation![0].location.uri && r.location.uri.length > 0)).toBe(true);
    });

    test('a duplicate points to the first: an id, a row, a year; a second total to the total that counts', async () => {
        const all = await findings();
        expect(related(all.find(d => d.code === 'duplicate-id'))).toEqual([
            { line: rangeOfText(PLAN, 'agency LD').start.line, character: 7, message: 'Khai báo đầu tiên của LD' }
        ]);
        expect(related(all.find(d => d.code === 'duplicate-row'))).toEqual([
            { line: rangeOfText(PLAN, 'row 1 PhuCu').start.line, character: 10, message: 'Dòng Phù Cừ lần đầu' }
        ]);
        expect(related(all.find(d => d.code === 'duplicate-year'))).toEqual([
            { line: rangeOfText(PLAN, '2023: 29.609').start.line, character: 8, message: 'Năm 2023 lần đầu' }
        ]);
        expect(related(all.find(d => d.code === 'second-total'))).toEqual([
            { line: rangeOfText(PLAN, 'total "Tổng cộng"').start.line, character: 4, message: 'Dòng tổng được kiểm tra: Tổng cộng' }
        ]);
    });

    test('an unused agency is tagged unnecessary; other findings carry no tag', async () => {
        const all = await findings();
        const unused = all.filter(d => d.code === 'unused-agency');
        expect(unused.length).toBeGreaterThan(0);
        for (const d of unused) expect(d.tags).toEqual([DiagnosticTag.Unnecessary]);
        expect(all.filter(d => d.code !== 'unused-agency').every(d => d.tags === undefined)).toBe(true);
    });

    test('in English', async () => {
        const en = createTestServices('en');
        const rate = (await validatePlan(en, PLAN)).diagnostics.find(d => d.code === 'rate-mismatch');
        expect(related(rate).map(r => r.message)).toEqual([expect.stringMatching(/^The count: .* = 490$/), expect.stringMatching(/^The base: .* = 40\.820$/)]);
        await clearDocuments(en);
    });
});
