// Notes in cells (issue 21): a cell of a year line holding text as printed ("Sáp nhập", "x"), and a
// note spanning several cells of its row ("Không có hộ nghèo"*2). Read by the lexer in one pass (no
// backtracking on a megabyte note), kept as printed in the model, read by no computation (a check
// that needed the cell says so, note-skips-check), counted as its span in a count of cells, shown
// in every export (a merged cell where the format has merges), and patched in place when a figure
// beside it is typed.
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { matchYearLine } from '../../language-server/src/language/token-builder.js';
import { cellEnd, noteEnd, noteParts, yearLineCells } from '../../language-server/src/language/year-line.js';
import { renderExport } from '../../language-server/src/export/index.js';
import { findYearLineEdit } from '../../language-server/src/language/cell-edit.js';
import { createTestServices, parsePlan, severityOf, validatePlan } from '../helpers/plan.js';
import { docxGrid, htmlTables, readDocx, viewOfText } from './export-support.js';

const MB = 1_000_000;

/** A table of communes, its rows' year lines as given; the households total as given. */
function plan(rows: string[], total = '2024: 9.100 127 1,40', columns = 'households poor poor-rate'): string {
    return `plan p "P" number-style vi
commune A "Xã A" xa
commune B "Xã B" xa
commune C "Xã C" xa
table t "Bảng" {
    annex "01"
    years { 2024 result }
    column ngheo_ca "Hộ nghèo và cận nghèo" households sum-of poor + near-poor
    columns ${columns}
${rows.map((r, i) => `    row ${i + 1} ${'ABC'[i]} { ${r} }`).join('\n')}
    total "Cộng" { ${total} }
}
`;
}

const services = createTestServices('vi');
const findings = async (text: string) => (await validatePlan(services, text)).diagnostics
    .map(d => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character} ${severityOf(d)}`);

describe('a note is one cell of the year line token', () => {
    test('quoted text, its escapes, a span after a star; not followed by a digit, colon, dot, comma or quote', () => {
        const line = '2024: 9.850 "Sáp nhập" "a \\" // b /* c" "Không có hộ nghèo"*2 40,00';
        const cells = yearLineCells(line, 0, line.length);
        const texts: string[] = [];
        for (let i = 0; i < cells.length; i += 2) texts.push(line.slice(cells[i], cells[i + 1]));
        expect(texts).toEqual(['9.850', '"Sáp nhập"', '"a \\" // b /* c"', '"Không có hộ nghèo"*2', '40,00']);
        expect(noteParts('"Không có hộ nghèo"*2')).toEqual({ literal: '"Không có hộ nghèo"', span: 2 });
        expect(noteParts('"x"')).toEqual({ literal: '"x"', span: 1 });
        for (const bad of ['"x"5', '"x":', '"x".', '"x",', '"x""y"', '"open', '"line\nbreak"', '"esc\\\nx"']) expect(noteEnd(bad, 0), bad).toBe(-1);
        // "*" with no count (or a count of 0) is no span: the note ends at its quote, and the star breaks the line.
        expect(cellEnd('"x"* 1', 0)).toBe(3);
        expect(cellEnd('"x"*0', 0)).toBe(3);
        expect(cellEnd('"x"*12.', 0)).toBe(3);
    });

    test('a megabyte note, and one left open, are scanned once: one token, or a line ending before it', () => {
        const long = 'Sáp nhập '.repeat(MB / 9);
        const text = `2024: 1 "${long}" 2`;
        expect(matchYearLine(text, 0, [], {})?.[0].length).toBe(text.length);
        const open = `2024: 1 "${long}\n2025: 3`;
        expect(matchYearLine(open, 0, [], {})?.[0]).toBe('2024: 1');
    });

    test('a note left open is one syntax error, from its quote to the end of its line', async () => {
        // A quote further on (the total's label) closes the string the lexer reads from the note's quote.
        const text = plan(['2024: 3.000 "Sáp nhập 40,00', '2024: 3.000 40 1,33', '2024: 3.100 44 1,42']);
        const { diagnostics } = await validatePlan(services, text);
        const syntax = diagnostics.filter(d => d.code === 'syntax-error');
        expect(syntax.map(d => [d.range.start, d.range.end, d.message])).toEqual([[
            { line: 9, character: 26 }, { line: 9, character: 43 },
            'Ghi chú trong ô thiếu dấu `"` đóng: một ghi chú kết thúc bằng `"` trên cùng dòng (ở đây nó kéo dài đến dòng 13).'
        ]]);
        // No quote after it at all: a megabyte of note, the same error, at once.
        const open = `plan p "P" number-style vi\ncommune A "A" xa\ntable t "T" {\n    years { 2024 result }\n    columns households\n    row 1 A { 2024: "${'x'.repeat(MB)}\n    }\n}\n`;
        const found = (await validatePlan(services, open)).diagnostics.filter(d => d.code === 'syntax-error');
        expect(found[0].range.start).toEqual({ line: 5, character: 20 });
        expect(found[0].message).toBe('Ghi chú trong ô thiếu dấu `"` đóng: một ghi chú kết thúc bằng `"` trên cùng dòng.');
    });

    test('a megabyte-long note in a plan is read as printed, in linear time', async () => {
        const long = 'x'.repeat(2 * MB);
        const { model, diagnostics } = await validatePlan(services, plan([`2024: 3.000 "${long}" 1,33`, '2024: 3.000 40 1,33', '2024: 3.100 44 1,42']));
        expect(diagnostics.filter(d => severityOf(d) === 'error')).toEqual([]);
        const cell = model.tables[0].sections[0].rows[0].years[0].cells[1];
        expect(cell.note?.text.length).toBe(2 * MB);
    });
});

describe('the model keeps notes as printed, one cell per column they span', () => {
    test('text unescaped, span, first cell, no number; the row lists its notes', async () => {
        const { model } = await validatePlan(services, plan(['2024: 3.000 "Sáp nhập" "x"', '2024: 3.000 "Không có \\"hộ\\" nghèo"*2', '2024: 3.100 44 1,42']));
        const [a, b] = model.tables[0].sections[0].rows;
        expect(a.years[0].cells.map(c => c.note?.text ?? c.number?.printed)).toEqual(['3.000', 'Sáp nhập', 'x']);
        expect(a.years[0].cells[1].number).toBeUndefined();
        expect(b.years[0].cells.map(c => [c.measure, c.note?.text, c.note?.span, c.note?.first])).toEqual([
            ['households', undefined, undefined, undefined], ['poor', 'Không có "hộ" nghèo', 2, true], ['poor-rate', 'Không có "hộ" nghèo', 2, false]
        ]);
        expect(b.notes?.map(c => c.measure)).toEqual(['poor']);
        expect(b.years[0].found).toBe(3);
    });

    test('a wrong count of cells counts a spanning note as its span', async () => {
        expect(await findings(plan(['2024: 3.000 "Không có hộ nghèo"*3', '2024: 3.000 40 1,33', '2024: 3.100 44 1,42'], '2024: 9.100 84 0,92')))
            .toContain('cell-count@10:26 error');
        const { diagnostics } = await validatePlan(services, plan(['2024: "Không có hộ nghèo"*2', '2024: 3.000 40 1,33', '2024: 3.100 44 1,42']));
        expect(diagnostics.find(d => d.code === 'cell-count')?.message).toContain('có 2 ô');
        // Exactly the columns: no finding about the count.
        expect(await findings(plan(['2024: "Không có hộ nghèo"*3', '2024: 3.000 40 1,33', '2024: 3.100 44 1,42'], '2024: "x"*3'))).toEqual([]);
    });
});

describe('the arithmetic skips notes, and says where a check needed one', () => {
    test('a total over a row holding a note is not checked: an info on the total, the note its related place', async () => {
        // 40 + 44 = 84, printed 127: with a figure instead of the note, this would be a total-mismatch.
        const { diagnostics } = await validatePlan(services, plan(['2024: 3.000 "Sáp nhập" "x"', '2024: 3.000 40 1,33', '2024: 3.100 44 1,42']));
        const codes = diagnostics.map(d => d.code);
        expect(codes).not.toContain('total-mismatch');
        expect(codes).not.toContain('unchecked-total');
        const info = diagnostics.find(d => d.code === 'note-skips-check')!;
        expect(severityOf(info)).toBe('info');
        expect(info.message).toBe('Không kiểm tra tổng cột Hộ nghèo của Cộng năm 2024: dòng Xã A ghi "Sáp nhập" ở cột Hộ nghèo thay cho số liệu.');
        expect(info.range.start).toEqual({ line: 12, character: 31 });
        expect(info.relatedInformation?.[0].location.range.start).toEqual({ line: 9, character: 26 });
        // The households column has no note: its total is still checked (9.100 ≠ 9.000 + … ).
        const wrong = await findings(plan(['2024: 3.000 "Sáp nhập" "x"', '2024: 3.000 40 1,33', '2024: 3.100 44 1,42'], '2024: 9.200 127 1,38'));
        expect(wrong).toContain('total-mismatch@13:25 error');
    });

    test('a rate whose count is a note, and a sum one of whose parts is, are not checked, each saying so', async () => {
        const text = plan(['2024: 3.000 "x" 1,33 20 999', '2024: 3.000 40 1,33 10 50', '2024: 3.100 44 1,42 6 50'], '2024: 9.100 84 0,92 36 120',
            'households poor poor-rate near-poor ngheo_ca');
        const { diagnostics } = await validatePlan(services, text);
        const infos = diagnostics.filter(d => d.code === 'note-skips-check').map(d => `${d.range.start.line + 1}:${d.range.start.character} ${d.message}`);
        expect(infos).toEqual([
            '10:30 Không kiểm tra tỷ lệ 1,33% (Xã A, năm 2024): dòng Xã A ghi "x" ở cột Hộ nghèo thay cho số liệu.',
            '10:38 Không kiểm tra cột Hộ nghèo và cận nghèo = Hộ nghèo + Hộ cận nghèo (Xã A, năm 2024): dòng Xã A ghi "x" ở cột Hộ nghèo thay cho số liệu.',
            '13:31 Không kiểm tra tổng cột Hộ nghèo của Cộng năm 2024: dòng Xã A ghi "x" ở cột Hộ nghèo thay cho số liệu.'
        ]);
        // 999 is not 20 + a note, nor 1,33 a rate of a note: neither is an error; the total of the sum
        // column adds the printed sums (999 + 50 + 50), and is right for its own parts (84 + 36).
        expect(diagnostics.filter(d => severityOf(d) === 'error')).toEqual([]);
    });

    test('in English', async () => {
        const { diagnostics } = await validatePlan(createTestServices('en'), plan(['2024: 3.000 "Sáp nhập" "x"', '2024: 3.000 40 1,33', '2024: 3.100 44 1,42']));
        expect(diagnostics.find(d => d.code === 'note-skips-check')?.message)
            .toBe('The total of column poor households (Cộng, 2024) is not checked: the row Xã A holds the note "Sáp nhập" in column poor households instead of a figure.');
    });
});

describe('a figure typed beside a note is patched in place', () => {
    test('the year line still lexes as one token over the same span', async () => {
        const text = plan(['2024: 3.000 "Sáp nhập // x" "x"', '2024: 3.000 40 1,33', '2024: 3.100 44 1,42']);
        const document = await parsePlan(services, text);
        const at = text.indexOf('3.000') + 1;
        expect(findYearLineEdit(document, text.slice(0, at) + '9' + text.slice(at))?.image).toBe('2024: 39.000 "Sáp nhập // x" "x"');
        const inNote = text.indexOf('Sáp') + 3;
        expect(findYearLineEdit(document, text.slice(0, inNote) + 'X' + text.slice(inNote))?.image).toBe('2024: 3.000 "SápX nhập // x" "x"');
        // A quote typed: the line no longer lexes over the same span, and the document is parsed again.
        expect(findYearLineEdit(document, text.slice(0, inNote) + '"' + text.slice(inNote))).toBeUndefined();
    });
});

describe('notes in every export', () => {
    const text = plan(['2024: 3.000 "Sáp nhập" "x"', '2024: 3.000 "Không có hộ nghèo"*2', '2024: 3.100 44 1,42'], '2024: 9.100 44 0,48');

    test('the view: a note as a text cell, a spanning note merged over its columns', async () => {
        const view = await viewOfText(text);
        const body = view.annexes[0].body;
        const cells = body.map(r => r.cells.map(c => `${c.text}${c.colSpan ? `/${c.colSpan}` : ''}`));
        expect(cells[0]).toEqual(['1', 'Xã A', '3.000', 'Sáp nhập', 'x']);
        expect(cells[1]).toEqual(['2', 'Xã B', '3.000', 'Không có hộ nghèo/2']);
        expect(body[1].cells[3].kind).toBe('text');
    });

    test('CSV, Markdown, HTML, XLSX and DOCX each print the notes; HTML, XLSX and DOCX merge the spanning one', async () => {
        const view = await viewOfText(text);
        const decode = (data: Uint8Array) => new TextDecoder().decode(data);
        const csv = decode((await renderExport(view, 'csv')).files[0].data);
        expect(csv).toContain('1,Xã A,3000,Sáp nhập,x');
        expect(csv).toContain('2,Xã B,3000,Không có hộ nghèo,');
        const md = decode((await renderExport(view, 'md')).files[0].data);
        expect(md).toContain('Sáp nhập');
        expect(md).toContain('Không có hộ nghèo');
        const html = decode((await renderExport(view, 'html')).files[0].data);
        const row = htmlTables(html)[0].find(r => r.cells.some(c => c.text === 'Không có hộ nghèo'))!;
        expect(row.cells.find(c => c.text === 'Không có hộ nghèo')?.colSpan).toBe(2);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from((await renderExport(view, 'xlsx')).files[0].data) as unknown as ExcelJS.Buffer);
        const sheet = workbook.worksheets[0];
        const found: string[] = [];
        sheet.eachRow(r => r.eachCell(c => { if (typeof c.value === 'string' && /Sáp nhập|Không có hộ nghèo/.test(c.value)) found.push(`${c.address} ${c.isMerged ? 'merged' : ''}`.trim()); }));
        // exceljs gives each cell of a merge its master's value.
        expect(found).toEqual(['D7', 'D8 merged', 'E8 merged']);
        const docx = await readDocx((await renderExport(view, 'docx')).files[0].data);
        const table = docx.sections.flatMap(s => s.tables)[0];
        const grid = docxGrid(table);
        expect(grid.some(r => r.includes('Sáp nhập') && r.includes('x'))).toBe(true);
        const spanning = table.rows.flatMap(r => r.cells).find(c => c.text === 'Không có hộ nghèo');
        expect(spanning?.gridSpan).toBe(2);
    });
});
