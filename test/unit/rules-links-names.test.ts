// Issue 21: links between figures (a table's total and another table's, an indicator's values, a quote
// of the text), names consistent with their declarations, and the merged province's plan of 2026–2030.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTestServices, EXAMPLES_DIR, findingKeys, marked, showRange, validatePlan } from '../helpers/plan.js';

const services = createTestServices('vi');
afterEach(async () => { await clearDocuments(services); });

const codes = (ds: Diagnostic[]) => ds.map(d => String(d.code)).sort();

/** Two tables of one year each; `head2` declares the second table's own columns. */
function twoTables(opts: { total1?: string; total2?: string; year1?: string; year2?: string; head2?: string; columns2?: string; rest?: string } = {}): string {
    return `plan t number-style vi
standard cu "Chuẩn cũ"
standard moi "Chuẩn mới"
district A "Phù Cừ" huyen
district B "Kim Động" huyen
table chi_tiet "Chi tiết" {
    years { ${opts.year1 ?? '2024 result'} }
    columns households poor poor-rate
    row 1 A { 2024: 1.000 10 1,00 }
    row 2 B { 2024: 3.000 20 0,67 }
    total "Toàn tỉnh" { 2024: ${opts.total1 ?? '4.000 30 0,75'} }
}
table tong_hop "Tổng hợp" {
    years { ${opts.year2 ?? '2024 result'} }
${opts.head2 ?? ''}
    columns ${opts.columns2 ?? 'households poor poor-rate'}
    row 1 A { 2024: 1.000 10 1,00 }
    row 2 B { 2024: 3.000 20 0,67 }
    total "Toàn tỉnh" { 2024: ${opts.total2 ?? '4.000 30 0,75'} }
}
${opts.rest ?? 'link tong_hop total = chi_tiet total'}
`;
}

describe('links between tables', () => {
    test('two totals that agree: nothing reported', async () => {
        expect(codes((await validatePlan(services, twoTables())).diagnostics)).toEqual([]);
    });

    test('a figure one table prints differently: a finding on both figures, each pointing at the other', async () => {
        // The summary's rows are right and its total is their sum: only the link tells (the detail's total).
        const text = twoTables({ total1: '4.000 31 0,78' });
        const { diagnostics } = await validatePlan(services, text);
        // chi_tiet's 31 disagrees with its own rows (total-mismatch, which names 30): that is where the mistake is told, once.
        expect(codes(diagnostics)).toEqual(['total-mismatch']);
        // Both tables' rows add up, and the detail total says 31: the figures disagree across the tables only.
        const both = twoTables({ total1: '4.000 31 0,78', rest: 'link tong_hop total = chi_tiet total' }).replace('row 2 B { 2024: 3.000 20 0,67 }\n    total "Toàn tỉnh" { 2024: 4.000 31', 'row 2 B { 2024: 3.000 21 0,70 }\n    total "Toàn tỉnh" { 2024: 4.000 31');
        const found = (await validatePlan(services, both)).diagnostics.filter(d => d.code === 'link-mismatch');
        expect(found).toHaveLength(2);
        const [a, b] = found;
        expect(a.relatedInformation?.[0].location.range).toEqual(b.range);
        expect(b.relatedInformation?.[0].location.range).toEqual(a.range);
        expect(found.map(d => d.message).join('\n')).toMatch(/in 31, nhưng tong_hop \(Toàn tỉnh\) in 30/);
    });

    test('columns are matched by their definitions, not their headings or ids', async () => {
        const head2 = '    column ty_le "Tỷ lệ (%)" percent rate-of poor per households';
        const ok = twoTables({ head2, columns2: 'households poor ty_le' });
        expect(codes((await validatePlan(services, ok)).diagnostics)).toEqual([]);
        // The declared rate printed wrong in the summary (and its own rate-mismatch): the link adds nothing to it.
        const wrong = twoTables({ head2, columns2: 'households poor ty_le', total2: '4.000 30 0,57' });
        expect(codes((await validatePlan(services, wrong)).diagnostics)).toEqual(['rate-mismatch']);
        // A column with the same heading but another definition is another measure: not compared.
        const other = twoTables({ head2: '    column ty_le "Tỷ lệ hộ nghèo (%)" percent rate-of poor per poor', columns2: 'households poor ty_le', total2: '4.000 30 100,00' });
        const ds = (await validatePlan(services, other)).diagnostics;
        expect(ds.filter(d => String(d.code).startsWith('link'))).toEqual([]);
    });

    test('figures of another kind of year or another standard are not compared', async () => {
        const plan = twoTables({ year2: '2024 plan', total2: '4.000 30 0,75' }).replace(/row 1 A \{ 2024: 1\.000 10 1,00 \}\n    row 2 B \{ 2024: 3\.000 20 0,67 \}\n    total "Toàn tỉnh" \{ 2024: 4\.000 30 0,75 \}\n\}\nlink/, 'row 1 A { 2024: 1.000 12 1,20 }\n    row 2 B { 2024: 3.000 20 0,67 }\n    total "Toàn tỉnh" { 2024: 4.000 32 0,80 }\n}\nlink');
        expect(codes((await validatePlan(services, plan)).diagnostics)).toEqual(['link-incomplete']);
        const standards = twoTables({ year1: '2024 result standard cu', year2: '2024 result standard moi' })
            .replace('total "Toàn tỉnh" { 2024: 4.000 30 0,75 }\n}\nlink', 'total "Toàn tỉnh" { 2024: 4.000 30 0,75 }\n}\nlink');
        const ds = (await validatePlan(services, standards)).diagnostics;
        expect(codes(ds)).toEqual(['link-incomplete']);
        expect(ds[0].message).toMatch(/không có cột nào cùng định nghĩa, cùng năm và cùng chuẩn nghèo/);
    });

    test('a row or section the table does not have is said at the link', async () => {
        const { text, ranges } = marked(twoTables({ rest: '«link tong_hop section IX = chi_tiet total»' }));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual([`link-incomplete@${showRange(ranges[0])}`]);
        expect(diagnostics[0].message).toBe('Liên kết không so được: bảng tong_hop không có phần IX có dòng cộng.');
    });
});

describe('links to an indicator and to a quote of the text', () => {
    const indicator = (baseline: string) => `dimension d "Chiều" {
    indicator ty_le "Tỷ lệ hộ nghèo" { unit percent direction lower lead L baseline 2024 = ${baseline} }
}
agency L "Sở Lao động - Thương binh và Xã hội" department
link indicator ty_le = chi_tiet total poor-rate`;

    test("an indicator's baseline equal to the table's total: quiet; another figure: both reported", async () => {
        expect(codes((await validatePlan(services, twoTables({ rest: indicator('0,75') }))).diagnostics)).toEqual([]);
        const { text, ranges } = marked(twoTables({ rest: indicator('«0,9»') }).replace('total "Toàn tỉnh" { 2024: 4.000 30 0,75 }\n}\ntable', 'total "Toàn tỉnh" { 2024: 4.000 30 «0,75» }\n}\ntable'));
        const { diagnostics } = await validatePlan(services, text);
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `link-mismatch@${showRange(r)}`).sort());
    });

    test('a quote of the objective: its number is compared, and the finding stands on the number in the sentence', async () => {
        const quote = (rate: string) => `objective "Năm 2024, tỷ lệ hộ nghèo toàn tỉnh còn ${rate}%."
link chi_tiet total poor-rate = text "toàn tỉnh còn ${rate}%" years 2024`;
        expect(codes((await validatePlan(services, twoTables({ rest: quote('0,75') }))).diagnostics)).toEqual([]);
        // 0,8 is 0,75 at one decimal: the same figure, rounded.
        expect(codes((await validatePlan(services, twoTables({ rest: quote('0,8') }))).diagnostics)).toEqual([]);
        const { text, ranges } = marked(twoTables({ rest: quote('«0,9»').replace('còn «0,9»%" years', 'còn 0,9%" years') })
            .replace('total "Toàn tỉnh" { 2024: 4.000 30 0,75 }\n}\ntable', 'total "Toàn tỉnh" { 2024: 4.000 30 «0,75» }\n}\ntable'));
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `link-mismatch@${showRange(r)}`).sort());
        expect(diagnostics.map(d => d.message).join('\n')).toMatch(/"toàn tỉnh còn 0,9%" 2024, poverty rate \(%\): printed 0,9, but chi_tiet \(Toàn tỉnh\) prints 0,75/);
    });

    test('a quote found in no text, a quote without years, a table end without a column: link-incomplete', async () => {
        const messages = async (rest: string) => (await validatePlan(services, twoTables({ rest }), 'vi')).diagnostics.map(d => `${String(d.code)}: ${d.message}`);
        expect(await messages('link chi_tiet total poor-rate = text "còn 0,75%" years 2024')).toEqual(['link-incomplete: Liên kết không so được: không tìm thấy đoạn trích "còn 0,75%" trong văn bản của kế hoạch.']);
        expect(await messages('objective "còn 0,75%"\nlink chi_tiet total poor-rate = text "còn 0,75%"')).toEqual(['link-incomplete: Liên kết không so được: hãy nêu năm được so (years …).']);
        expect(await messages('objective "còn 0,75%"\nlink chi_tiet total = text "còn 0,75%" years 2024')).toEqual(['link-incomplete: Liên kết không so được: hãy nêu cột của bảng chi_tiet được so với "còn 0,75%".']);
    });
});

describe('names consistent with their declarations', () => {
    const plan = (title: string, text = 'Giảm nghèo bền vững.') => `plan t number-style vi
agency NNMT "Sở Nông nghiệp và Môi trường" department
province HY "Hưng Yên"
district A "Phù Cừ" huyen
district H "Hoà An" huyen
district D "Dong Hai" huyen
commune X "Xã Đoàn Đào" xa
objective "${text}"
duties { 1 NNMT { "Chủ trì." } }
table t1 "${title}" {
    years { 2024 result }
    columns households poor poor-rate
    row 1 A { 2024: 1.000 10 1,00 }
}
`;

    test('a name in a capitalised title without its accents: a warning at the name, the fix writes it as declared in capitals', async () => {
        const { text, ranges } = marked(plan('TỶ LỆ HỘ NGHÈO TỈNH «HUNG YÊN»'));
        const { document, diagnostics } = await validatePlan(services, text, 'vi');
        expect(findingKeys(diagnostics)).toEqual([`name-misspelled@${showRange(ranges[0])}`]);
        expect(diagnostics[0].message).toBe('"HUNG YÊN" (trong tiêu đề) khác tên đã khai báo "Hưng Yên" của đơn vị HY ở dấu: nên viết "HƯNG YÊN".');
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(['Viết đúng tên đã khai báo: HƯNG YÊN']);
        const after = TextDocument.applyEdits(document.textDocument as TextDocument, actions[0].edit!.changes![document.uri.toString()]);
        expect(after).toContain('"TỶ LỆ HỘ NGHÈO TỈNH HƯNG YÊN"');
        await clearDocuments(services);
        expect(codes((await validatePlan(services, after)).diagnostics)).toEqual([]);
    });

    test('in the text: an agency with a wrong accent, a commune without its d stroke, each in the case of the text', async () => {
        const { text, ranges } = marked(plan('Bảng', '«Sở Nông nghiệp và Môi truờng» chủ trì, «xã Doàn Đào» phối hợp.'));
        const { diagnostics } = await validatePlan(services, text, 'en');
        expect(findingKeys(diagnostics)).toEqual(ranges.map(r => `name-misspelled@${showRange(r)}`).sort());
        expect(diagnostics.map(d => d.message)).toContain('"xã Doàn Đào" (in the text) differs from the declared name "Xã Đoàn Đào" of unit X in its accents: write "xã Đoàn Đào".');
    });

    test('no false alarm: the declared spelling in any case, the tone mark placed the other way, words inside longer words, a declaration without accents, other words', async () => {
        const quiet = [
            plan('TỶ LỆ HỘ NGHÈO TỈNH HƯNG YÊN, HUYỆN PHÙ CỪ'),
            plan('Bảng', 'Huyện Hòa An và huyện HOÀ AN'),
            plan('Bảng', 'Phù Cừu và Hưng Yênh không phải tên đơn vị'),
            plan('Bảng', 'Huyện Đông Hải viết có dấu'),
            plan('Bảng', 'Phu Cu Lam la mot ten khac; hung yen')
        ];
        for (const text of quiet.slice(0, 4)) expect(codes((await validatePlan(services, text, 'vi')).diagnostics), text).toEqual([]);
        // A whole name without its accents is a slip; a longer word run that starts with it is not the name.
        const last = (await validatePlan(services, quiet[4])).diagnostics;
        expect(last.map(d => String(d.code))).toEqual(['name-misspelled', 'name-misspelled']);
    });
});

describe('the plan of 2026–2030 of a merged province (examples/tables/16)', () => {
    const file = path.join(EXAMPLES_DIR, 'tables', '16-province-2026-2030.plan');
    const source = fs.readFileSync(file, 'utf-8');

    test('communes and wards as rows, the former provinces beside the new one, per-year standards', async () => {
        const { model } = await validatePlan(services, source);
        const communes = model.districts.filter(d => d.level === 'commune');
        expect(communes.length).toBeGreaterThanOrEqual(95);
        expect(new Set(communes.map(c => c.kind))).toEqual(new Set(['xa', 'phuong']));
        const detail = model.tables.find(t => t.id === 'theo_xa')!;
        expect(detail.sections.flatMap(s => s.rows)).toHaveLength(communes.length);
        expect(detail.years.map(y => `${y.year} ${y.standardId}`)).toEqual(['2026 md2022', '2027 qg2027', '2028 qg2027', '2029 qg2027', '2030 qg2027']);
        const compare = model.tables.find(t => t.id === 'so_sanh')!;
        expect(compare.sections[0].rows.map(r => r.district?.id)).toEqual(['HungYenCu', 'ThaiBinhCu']);
        expect(model.tables.find(t => t.id === 'chuan_tinh')!.standardId).toBe('tinh2027');
        expect(model.links).toHaveLength(4);
    });

    test('with its slip corrected it checks clean; a copy with another slip is found', async () => {
        const clean = source.replaceAll('2,15%', '2,11%');
        expect(codes((await validatePlan(services, clean)).diagnostics)).toEqual([]);
        await clearDocuments(services);
        // The comparison table's former Thái Bình row, 2028: poor households one too many.
        const line = /( {8}2028: )([\d.]+) ([\d.]+) ([\d,]+)/;
        const at = clean.indexOf('row 2 ThaiBinhCu');
        const m = line.exec(clean.slice(at))!;
        const slipped = clean.slice(0, at) + clean.slice(at).replace(m[0], `${m[1]}${m[2]} ${Number(m[3].replace('.', '')) + 1 >= 1000 ? (Number(m[3].replace('.', '')) + 1).toLocaleString('de-DE') : Number(m[3]) + 1} ${m[4]}`);
        const found = codes((await validatePlan(services, slipped)).diagnostics);
        expect(found).toContain('link-mismatch');
        expect(found).toContain('total-mismatch');
    });
});
