// A total printed above the rows (issue 18): "Toàn tỉnh" first, then the districts, and a section's
// subtotal before its units. The plan writes `total` (`subtotal`) where the table prints it; the
// checks are the same in either place (a property over generated tables), the quick fix and hovers
// work on a first total, the preview and every export print the total where the plan writes it, the
// formatter keeps it there, and a total written twice is an error in both languages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { clearDocuments, parseDocument } from 'langium/test';
import { SemanticTokensDecoder } from 'langium/lsp';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { SemanticTokenTypes, type CodeAction, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as ast from '../../language-server/src/generated/ast.js';
import { renderExport } from '../../language-server/src/export/index.js';
import type { AnnexTable, PlanView } from '../../common/view.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { createTestServices, EXAMPLES_DIR, parsePlan, SEED_PLAN, validatePlan } from '../helpers/plan.js';
import { docxGrid, htmlTables, markdownCells, readCsv, readDocx, viewOfText } from './export-support.js';
import ExcelJS from 'exceljs';

const services = createTestServices('vi');

afterEach(async () => {
    await clearDocuments(services);
});

const EXAMPLE = path.join(EXAMPLES_DIR, 'tables', '9-total-first.plan');
const exampleText = () => fs.readFileSync(EXAMPLE, 'utf-8');

const HEAD = `plan t "T" number-style vi
district A "Phù Cừ" huyen
district B "Kim Động" huyen
district C "Ân Thi" huyen
`;

/** A table of A and B, with its total first or last. */
const flat = (totalFirst: boolean, total = '2024: 3.000 30 1,00') => {
    const rows = '    row 1 A { 2024: 1.000 20 2,00 }\n    row 2 B { 2024: 2.000 10 0,50 }\n';
    const totalLine = `    total "Toàn tỉnh" { ${total} }\n`;
    return `${HEAD}table t1 "Bảng" {
    annex "01"
    years { 2024 result }
    columns households poor poor-rate
${totalFirst ? totalLine + rows : rows + totalLine}}
`;
};

/** The same findings whichever line they are on: code, message, the text they point at, and the line's own text. */
function findingsModuloLines(text: string, diagnostics: Diagnostic[]): string[] {
    const lines = text.split('\n');
    return diagnostics.map(d => {
        const line = lines[d.range.start.line];
        const at = d.range.start.line === d.range.end.line ? line.slice(d.range.start.character, d.range.end.character) : '(several lines)';
        return `${String(d.code)} | ${d.message} | ${at} | ${line.trim()}`;
    }).sort();
}

describe('parsing: a total before or after the rows', () => {
    test('a table\'s total first or last is the same `total` of the tree; the model says where it is printed', async () => {
        for (const first of [true, false]) {
            const { document, model, diagnostics } = await validatePlan(services, flat(first));
            expect(document.parseResult.parserErrors).toEqual([]);
            expect(diagnostics).toEqual([]);
            const table = document.parseResult.value.elements.find(ast.isDistrictTable)!;
            expect(table.total?.label).toBe('Toàn tỉnh');
            expect(table.rows).toHaveLength(2);
            expect(model.tables[0].total?.label).toBe('Toàn tỉnh');
            expect(model.tables[0].totalFirst).toBe(first);
            await clearDocuments(services);
        }
    });

    test('the example: the total and both subtotals are read as printed first', async () => {
        const { document, model } = await validatePlan(services, exampleText());
        expect(document.parseResult.parserErrors).toEqual([]);
        const [byArea, nearPoor] = model.tables;
        expect(byArea.totalFirst).toBe(true);
        expect(byArea.sections.map(s => [s.label, s.subtotal?.label, s.subtotalFirst, s.rows.length])).toEqual([['I', 'Cộng', true, 3], ['II', 'Cộng', true, 3]]);
        expect(nearPoor.totalFirst).toBe(true);
        expect(nearPoor.sections[0].rows.map(r => r.no?.printed)).toEqual(['1', '2', '3', '4', '5', '6']);
    });

    test('a section\'s subtotal after its rows is read as last; a table with only a total prints it last', async () => {
        const text = `${HEAD}table t1 "Bảng" {
    years { 2024 result }
    columns households poor
    section I "Một" {
        row 1 A { 2024: 1.000 20 }
        subtotal "Cộng" { 2024: 1.000 20 }
    }
    total "Toàn tỉnh" { 2024: 1.000 20 }
}
table t2 "Chỉ có dòng tổng" {
    years { 2024 result }
    columns households poor
    total "Toàn tỉnh" { 2024: 1.000 20 }
}
`;
        const { model, diagnostics } = await validatePlan(services, text);
        expect(diagnostics).toEqual([]);
        expect(model.tables[0].sections[0].subtotalFirst).toBe(false);
        expect(model.tables[0].totalFirst).toBe(false);
        expect(model.tables[1].totalFirst).toBe(false);
    });

    test('a row after a total printed last is still a syntax error (a total stands first or last, not between rows)', async () => {
        const text = flat(false).replace('}\n', '}\n').replace(/(total "Toàn tỉnh" \{[^}]*\}\n)/, '$1    row 3 C { 2024: 1 0 0,00 }\n');
        const document = await parsePlan(services, text);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
    });
});

describe('two totals in one table or section', () => {
    const twice = (where: 'table' | 'section') => where === 'table'
        ? flat(true).replace('    row 2 B { 2024: 2.000 10 0,50 }\n', '    row 2 B { 2024: 2.000 10 0,50 }\n    total "Tổng cộng" { 2024: 3.000 30 1,00 }\n')
        : `${HEAD}table t1 "Bảng" {
    years { 2024 result }
    columns households poor
    section I "Một" {
        subtotal "Cộng" { 2024: 1.000 20 }
        row 1 A { 2024: 1.000 20 }
        subtotal "Cộng lại" { 2024: 1.000 20 }
    }
}
`;

    test('a second total is read whole (no syntax error, nothing lost) and reported at its label, in Vietnamese', async () => {
        const text = twice('table');
        const { document, diagnostics, model } = await validatePlan(services, text, 'vi');
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(model.tables[0].total?.label).toBe('Toàn tỉnh');
        expect(model.tables[0].extraTotals.map(x => x.row.label)).toEqual(['Tổng cộng']);
        expect(diagnostics.map(d => d.code)).toEqual(['second-total']);
        const d = diagnostics[0];
        expect(d.severity).toBe(1);
        expect(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toBe('"Tổng cộng"');
        expect(d.message).toBe('Bảng đã có dòng tổng "Toàn tỉnh" (dòng 9): dòng tổng chỉ in một lần, trước hoặc sau các dòng. Dòng "Tổng cộng" không được kiểm tra; hãy bỏ một trong hai.');
    });

    test('a second subtotal of a section, in English', async () => {
        const text = twice('section');
        const { document, diagnostics } = await validatePlan(services, text, 'en');
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(diagnostics.map(d => [d.code, d.range.start.line + 1])).toEqual([['second-total', 11]]);
        expect(diagnostics[0].message).toBe('Section I already has its subtotal "Cộng" (line 9): a total is printed once, before or after the rows. "Cộng lại" is not checked; remove one of the two.');
    });

    test('two totals after the rows, and a total written twice before them, are reported too', async () => {
        const last = flat(false).replace(/(total "Toàn tỉnh" \{[^}]*\}\n)/, '$1    total "Tổng" { 2024: 3.000 30 1,00 }\n');
        const first = flat(true).replace(/(total "Toàn tỉnh" \{[^}]*\}\n)/, '$1    total "Tổng" { 2024: 3.000 30 1,00 }\n');
        for (const text of [last, first]) {
            const { document, diagnostics } = await validatePlan(services, text, 'vi');
            expect(document.parseResult.parserErrors).toEqual([]);
            expect(diagnostics.map(d => d.code)).toEqual(['second-total']);
            await clearDocuments(services);
        }
    });

    test('the formatter lays out a second total on its own lines (it is never joined to the row before)', async () => {
        const formatted = await format(twice('table'));
        expect(formatted).toContain('        2024: 2.000  10  0,50\n    }\n    total "Tổng cộng" {\n        2024: 3.000  30  1,00\n    }\n}');
    });
});

/** One generated table: sections of rows, each count printed right or off by a little. */
interface Generated {
    sections: { rows: { households: number; poor: number; rateOff: boolean }[]; subtotalOff: number; subtotal: boolean }[];
    totalOff: number;
    total: boolean;
}

const generated: fc.Arbitrary<Generated> = fc.record({
    sections: fc.array(fc.record({
        rows: fc.array(fc.record({ households: fc.integer({ min: 100, max: 9_999 }), poor: fc.integer({ min: 0, max: 99 }), rateOff: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        subtotalOff: fc.constantFrom(0, 0, 10, -1),
        subtotal: fc.boolean()
    }), { minLength: 1, maxLength: 3 }),
    totalOff: fc.constantFrom(0, 0, 10, -7),
    total: fc.boolean()
});

const vi = (n: number) => n.toLocaleString('de-DE');
const rate = (poor: number, households: number) => (Math.round(poor / households * 10_000) / 100).toFixed(2).replace('.', ',');

/** The table as plan text, its totals before or after the rows as asked; one section is written without `section`. */
function tableText(g: Generated, totalFirst: boolean, subtotalFirst: boolean): string {
    const districts = g.sections.flatMap((s, i) => s.rows.map((_, j) => `district D${i}_${j} "Huyện ${i}.${j}" huyen`));
    const total = (keyword: string, label: string, households: number, poor: number, off: number) =>
        `${keyword} "${label}" { 2024: ${vi(households + off)} ${vi(poor)} ${rate(poor, households + off)} }`;
    const sum = (rows: { households: number; poor: number }[]) => rows.reduce((a, r) => ({ households: a.households + r.households, poor: a.poor + r.poor }), { households: 0, poor: 0 });
    const rowLines = (rows: Generated['sections'][number]['rows'], i: number, indent: string) => rows.map((r, j) =>
        `${indent}row ${j + 1} D${i}_${j} { 2024: ${vi(r.households)} ${vi(r.poor)} ${r.rateOff ? '99,99' : rate(r.poor, r.households)} }`);
    const body: string[] = [];
    const sectioned = g.sections.length > 1;
    g.sections.forEach((s, i) => {
        if (!sectioned) { body.push(...rowLines(s.rows, i, '    ')); return; }
        const all = sum(s.rows);
        const subtotal = s.subtotal ? [`        ${total('subtotal', 'Cộng', all.households, all.poor, s.subtotalOff)}`] : [];
        const rows = rowLines(s.rows, i, '        ');
        body.push(`    section ${i + 1} "Phần ${i + 1}" {`, ...(subtotalFirst ? [...subtotal, ...rows] : [...rows, ...subtotal]), '    }');
    });
    const all = sum(g.sections.flatMap(s => s.rows));
    const totalLines = g.total ? [`    ${total('total', 'Toàn tỉnh', all.households, all.poor, g.totalOff)}`] : [];
    return `plan t "T" number-style vi
${districts.join('\n')}
table t1 "Bảng" {
    years { 2024 result }
    columns households poor poor-rate
${(totalFirst ? [...totalLines, ...body] : [...body, ...totalLines]).join('\n')}
}
`;
}

describe('the same findings whichever place the total is printed in', () => {
    test('property: moving the total and the subtotals changes the findings\' lines only', async () => {
        await fc.assert(fc.asyncProperty(generated, fc.boolean(), async (g, subtotalFirst) => {
            const last = tableText(g, false, false);
            const first = tableText(g, true, subtotalFirst);
            const a = await validatePlan(services, last);
            await clearDocuments(services);
            const b = await validatePlan(services, first);
            await clearDocuments(services);
            expect(b.document.parseResult.parserErrors).toEqual([]);
            expect(findingsModuloLines(first, b.diagnostics)).toEqual(findingsModuloLines(last, a.diagnostics));
            expect(b.model.tables[0].totalFirst).toBe(g.total && true);
        }), { numRuns: fuzzRuns(30) });
    });

    test('the example with its totals moved last gives the same findings; the seed with its total moved first too', async () => {
        const text = exampleText();
        const moved = moveTotalsLast(text);
        expect(moved).not.toBe(text);
        const a = await validatePlan(services, text);
        await clearDocuments(services);
        const b = await validatePlan(services, moved);
        await clearDocuments(services);
        expect(b.model.tables[0].totalFirst).toBe(false);
        expect(findingsModuloLines(moved, b.diagnostics)).toEqual(findingsModuloLines(text, a.diagnostics));
        expect(a.diagnostics.map(d => d.code)).toEqual(['total-mismatch']);

        const seed = fs.readFileSync(SEED_PLAN, 'utf-8');
        const seedFirst = moveTotalFirst(seed);
        const c = await validatePlan(services, seed);
        await clearDocuments(services);
        const d = await validatePlan(services, seedFirst);
        expect(d.model.tables[0].totalFirst).toBe(true);
        expect(findingsModuloLines(seedFirst, d.diagnostics)).toEqual(findingsModuloLines(seed, c.diagnostics));
        // The poverty-rate indicator computed from the table reads the same total.
        expect(d.model.indicators.filter(i => i.computed).map(i => i.values.map(v => v.value.value)))
            .toEqual(c.model.indicators.filter(i => i.computed).map(i => i.values.map(v => v.value.value)));
    });
});

/** The example with each `total`/`subtotal` line moved after the rows of its block. */
function moveTotalsLast(text: string): string {
    const lines = text.split('\n');
    const out: string[] = [];
    const pending: (string | undefined)[] = [];
    for (const line of lines) {
        const opens = /\{\s*(\/\/.*)?$/.test(line);
        if (/^\s*(sub)?total "/.test(line)) { pending[pending.length - 1] = line; continue; }
        if (/^\s*\}\s*$/.test(line)) {
            const held = pending.pop();
            if (held) out.push(held);
            out.push(line);
            continue;
        }
        out.push(line);
        if (opens) pending.push(undefined);
    }
    return out.join('\n');
}

/** The seed with its table's multi-line total block moved before its first row. */
function moveTotalFirst(text: string): string {
    const start = text.indexOf('    total "');
    const end = text.indexOf('    }\n', start) + '    }\n'.length;
    const block = text.slice(start, end);
    const without = text.slice(0, start) + text.slice(end);
    const firstRow = without.indexOf('    row 1 ');
    return without.slice(0, firstRow) + block + without.slice(firstRow);
}

describe('the total-mismatch quick fix and the hover on a total printed first', () => {
    test('the fix puts the sum of the rows in the first total, and the finding goes', async () => {
        const { document, diagnostics } = await validatePlan(services, exampleText());
        const diagnostic = diagnostics.find(d => d.code === 'total-mismatch')!;
        expect(diagnostic.range.start.line + 1).toBe(18);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) as CodeAction[];
        expect(actions[0].title).toBe('Thay số in bằng tổng các dòng: 231.950');
        const after = TextDocument.applyEdits(document.textDocument as TextDocument, actions[0].edit!.changes![document.uri.toString()]);
        expect(after.split('\n')[17]).toContain('total "Toàn tỉnh" { 2024: 231.950 16.030 6,91 }');
        await clearDocuments(services);
        expect((await validatePlan(services, after)).diagnostics).toEqual([]);
    });

    test('the hover on a first total\'s cell shows the sum of the rows (or of the subtotals); on a first subtotal the sum of its section', async () => {
        const text = exampleText();
        // Every section has its subtotal: the total is the sum of the subtotals, printed after it.
        const total = await hoverAt(text, text.indexOf('16.030') + 1);
        expect(total).toContain('Tổng các dòng cộng (2): `10.750 + 5.280 = 16.030`');
        const flatTotal = await hoverAt(text, text.indexOf('11.460') + 1);
        expect(flatTotal).toContain('Tổng các dòng (6): `1.970 + 1.530 + 2.840 + 2.175 + 1.525 + 1.420 = 11.460`');
        const subtotal = await hoverAt(text, text.indexOf('10.750') + 1);
        expect(subtotal).toContain('(3): `3.940 + 2.550 + 4.260 = 10.750`');
    });

    test('the outline lists a first total first, and a first subtotal first in its section', async () => {
        const document = await parseDocument(services, exampleText());
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
        const table = symbols.find(s => s.name === 'theo_khu_vuc')!;
        expect(table.children!.map(c => c.name)).toEqual(['Toàn tỉnh', 'I. Các huyện miền núi', 'II. Các huyện đồng bằng']);
        expect(table.children![1].children!.map(c => c.name)).toEqual(['Cộng', '1. Mường Lát', '2. Quan Sơn', '3. Bá Thước']);
    });
});

async function hoverAt(text: string, offset: number): Promise<string> {
    const document = await parseDocument(services, text, { validation: true });
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

describe('the preview and every export print the total where the plan writes it', () => {
    let view: PlanView;
    let annex01: AnnexTable;
    /** The label column of Annex 01's body, as the view lays it out. */
    const EXPECTED = ['Toàn tỉnh', 'Các huyện miền núi', 'Cộng', 'Mường Lát', 'Quan Sơn', 'Bá Thước', 'Các huyện đồng bằng', 'Cộng', 'Hoằng Hóa', 'Quảng Xương', 'Nông Cống'];

    beforeAll(async () => {
        view = await viewOfText(exampleText());
        annex01 = view.annexes.find(a => a.number === '01')!;
    });

    const bodyLabels = (annex: AnnexTable) => annex.body.map(r => r.kind === 'row' ? r.cells[1].text : r.cells[r.kind === 'section' ? 1 : 0].text);

    test('the view: the first row of Annex 01 is the total; each section\'s subtotal comes before its units; the STT of units is kept', () => {
        expect(annex01.body[0].kind).toBe('total');
        expect(annex01.body.map(r => r.kind)).toEqual(['total', 'section', 'subtotal', 'row', 'row', 'row', 'section', 'subtotal', 'row', 'row', 'row']);
        expect(bodyLabels(annex01)).toEqual(EXPECTED);
        expect(annex01.body.filter(r => r.kind === 'row').map(r => r.cells[0].text)).toEqual(['1', '2', '3', '1', '2', '3']);
        const annex02 = view.annexes.find(a => a.number === '02')!;
        expect(annex02.body[0].kind).toBe('total');
        expect(annex02.body.slice(1).map(r => r.cells[0].text)).toEqual(['1', '2', '3', '4', '5', '6']);
        // The finding stands on the total's cell, first row.
        expect(annex01.body[0].cells[1].findings?.map(f => f.code)).toEqual(['total-mismatch']);
    });

    test('CSV: the first data row is the total', async () => {
        const { files } = await renderExport(view, 'csv');
        const rows = await readCsv(new TextDecoder().decode(files[0].data));
        const labels = rows.map(r => r[1] || r[0]);
        const first = labels.findIndex(l => l === 'Toàn tỉnh');
        expect(first).toBeGreaterThan(0);
        expect(labels.slice(first, first + EXPECTED.length)).toEqual(EXPECTED);
    });

    test('Markdown and HTML: the total row before the districts', async () => {
        const md = new TextDecoder().decode((await renderExport(view, 'md')).files[0].data);
        const mdLabels = md.split('\n').filter(l => l.startsWith('|')).map(markdownCells).map(c => c[1] || c[0]);
        const at = mdLabels.indexOf('Toàn tỉnh');
        expect(at).toBeGreaterThan(0);
        expect(mdLabels.slice(at, at + EXPECTED.length)).toEqual(EXPECTED);
        const html = new TextDecoder().decode((await renderExport(view, 'html')).files[0].data);
        const table = htmlTables(html)[0];
        const body = table.filter(r => !r.rowClass.includes('header'));
        expect(body[0].rowClass).toContain('total');
        expect(body[0].cells[0].text).toBe('Toàn tỉnh');
    });

    test('DOCX and XLSX: the total row right under the header', async () => {
        const docx = await readDocx((await renderExport(view, 'docx')).files[0].data);
        const grid = docxGrid(docx.sections[0].tables[0]);
        const header = docx.sections[0].tables[0].rows.filter(r => r.header).length;
        expect(grid[header][0]).toBe('Toàn tỉnh');
        expect(grid[header + 3][1]).toBe('Mường Lát');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from((await renderExport(view, 'xlsx')).files[0].data) as unknown as ExcelJS.Buffer);
        const sheet = wb.worksheets[0];
        const labels: string[] = [];
        sheet.eachRow(row => labels.push(String(row.getCell(2).value ?? '') || String(row.getCell(1).value ?? '')));
        const at = labels.indexOf('Toàn tỉnh');
        expect(at).toBeGreaterThan(0);
        expect(labels.slice(at, at + EXPECTED.length)).toEqual(EXPECTED);
    });

    test('the whole document (HTML and DOCX) prints the annex with its total first', async () => {
        const html = new TextDecoder().decode((await renderExport(view, 'document-html')).files[0].data);
        const table = htmlTables(html).find(t => t.some(r => r.cells.some(c => c.text === 'Mường Lát')))!;
        expect(table.filter(r => !r.rowClass.includes('header'))[0].cells[0].text).toBe('Toàn tỉnh');
        const docx = await readDocx((await renderExport(view, 'document-docx')).files[0].data);
        const grids = docx.sections.flatMap(s => s.tables).map(docxGrid);
        const annex = grids.find(g => g.some(r => r.includes('Mường Lát')))!;
        const total = annex.findIndex(r => r.includes('Toàn tỉnh'));
        const district = annex.findIndex(r => r.includes('Mường Lát'));
        expect(total).toBeGreaterThan(0);
        expect(total).toBeLessThan(district);
    });
});

async function format(text: string): Promise<string> {
    const document = await parseDocument(services, text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument as TextDocument, edits);
}

describe('semantic tokens and folding', () => {
    test('a first total\'s and a first subtotal\'s cells are numbers and their years years, as in a row', async () => {
        const text = exampleText();
        const document = await parseDocument(services, text);
        const provider = services.lsp.SemanticTokenProvider!;
        const decoded = SemanticTokensDecoder.decode(await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } }), provider.tokenTypes, document);
        const typeAt = (literal: string) => decoded.find(t => t.offset === text.indexOf(literal))?.tokenType;
        expect(typeAt('231.960')).toBe(SemanticTokenTypes.number);
        expect(typeAt('22,19')).toBe(SemanticTokenTypes.number);
        expect(typeAt('6,91')).toBe(SemanticTokenTypes.number);
        const year = decoded.find(t => t.offset === text.indexOf('2024: 231.960'))?.tokenType;
        expect(year).toBe(decoded.find(t => t.offset === text.indexOf('2024:  9.850'))?.tokenType);
    });

    test('a first total written over several lines folds like any row', async () => {
        const text = `${HEAD}table t1 "Bảng" {
    years { 2024 result }
    columns households poor
    total "Toàn tỉnh" {
        2024: 1.000 20
    }
    row 1 A {
        2024: 1.000 20
    }
}
`;
        const document = await parseDocument(services, text);
        const ranges = await services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const lines = text.split('\n');
        const line = (prefix: string) => lines.findIndex(l => l.startsWith(prefix));
        expect(ranges.map(r => `${r.startLine}-${r.endLine}`)).toEqual(expect.arrayContaining([
            `${line('    total "Toàn tỉnh"')}-${line('    total "Toàn tỉnh"') + 1}`, `${line('    row 1 A')}-${line('    row 1 A') + 1}`
        ]));
    });
});

describe('formatting', () => {
    test('a cramped table with its totals first is laid out with them first, and formatting again changes nothing', async () => {
        const cramped = `${HEAD}table t1 "Bảng" { years { 2024 result } columns households poor total "Toàn tỉnh" { 2024: 3.000 30 }
section I "Một" { subtotal "Cộng" { 2024: 3.000 30 } row 1 A { 2024: 1.000 20 } row 2 B { 2024: 2.000 10 } } }
`;
        const once = await format(cramped);
        await clearDocuments(services);
        expect(once).toContain(`table t1 "Bảng" {
    years { 2024 result }
    columns households poor
    total "Toàn tỉnh" {
        2024: 3.000  30
    }
    section I "Một" {
        subtotal "Cộng" {
            2024: 3.000  30
        }
        row 1 A {
            2024: 1.000  20
        }
        row 2 B {
            2024: 2.000  10
        }
    }
}`);
        expect(await format(once)).toBe(once);
    });

    test('the example is formatted and stays as it is on a second formatting, its totals first', async () => {
        const once = await format(exampleText());
        await clearDocuments(services);
        expect(await format(once)).toBe(once);
        expect(once.indexOf('total "Toàn tỉnh"')).toBeLessThan(once.indexOf('section I'));
    });
});

describe('completion of a total', () => {
    /** The completion items at `<|>`. */
    async function completions(marked: string) {
        const text = marked.replace('<|>', '');
        const document = await parseDocument(services, text);
        const list = await services.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(marked.indexOf('<|>'))
        });
        await clearDocuments(services);
        return list!.items;
    }
    const labels = async (marked: string) => (await completions(marked)).map(i => i.label);

    test('after `columns …`: `total` (with what it means) beside `row`, `section` and `check`', async () => {
        const items = await completions(`${HEAD}table t1 "Bảng" {\n    years { 2024 result }\n    columns households poor\n    <|>\n}\n`);
        expect(items.map(i => i.label)).toEqual(expect.arrayContaining(['total', 'row', 'section', 'check']));
        expect(items.find(i => i.label === 'total')?.detail).toBe('dòng tổng cộng, in trước hoặc sau các dòng');
    });

    test('after the rows of a table without a total, `total` is offered; with its total already first, it is not', async () => {
        const rows = '    row 1 A { 2024: 1.000 20 2,00 }\n';
        const none = `${HEAD}table t1 "Bảng" {\n    years { 2024 result }\n    columns households poor poor-rate\n${rows}    <|>\n}\n`;
        expect(await labels(none)).toContain('total');
        const first = none.replace(rows, `    total "Toàn tỉnh" { 2024: 1.000 20 2,00 }\n${rows}`);
        const found = await labels(first);
        expect(found).toContain('row');
        expect(found).not.toContain('total');
        expect(found).not.toContain('subtotal');
    });

    test('in a section whose subtotal is printed first, after its rows `subtotal` is not offered again', async () => {
        const text = `${HEAD}table t1 "Bảng" {
    years { 2024 result }
    columns households poor
    section I "Một" {
        subtotal "Cộng" { 2024: 1.000 20 }
        row 1 A { 2024: 1.000 20 }
        <|>
    }
}
`;
        const found = await labels(text);
        expect(found).toContain('row');
        expect(found).not.toContain('subtotal');
        expect(await labels(text.replace('        subtotal "Cộng" { 2024: 1.000 20 }\n', ''))).toContain('subtotal');
    });
});
