// A number style per column (issue 21): tables that print rates with a decimal point ("4.54") and
// counts with a thousands point ("1.171"). A table line (`number-style international`, or `… for`
// some columns, predeclared ones too) or a column's own declaration sets the style its cells are read
// in; a cell that only fits the other style is an error whose fix is in the column's style, and the
// figures the checks propose for a cell are written in its column's style.
import { describe, expect, test } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import { createTestServices, validatePlan } from '../helpers/plan.js';

const services = createTestServices('vi');

/** A plan in vi style with one table: its style lines (then its declarations, after a blank line), its columns, one row and a total. */
function plan(head: string, columns: string, row: string, total?: string): string {
    const [styles, declarations = ''] = head.split('\n\n');
    return `plan p "P" number-style vi
district A "A" huyen
table t "T" {
${styles}
    years { 2024 result }
${declarations}
    columns ${columns}
    row 1 A { ${row} }
${total ? `    total "Tổng" { ${total} }\n` : ''}}
`;
}

async function findings(text: string, locale: 'vi' | 'en' = 'vi'): Promise<string[]> {
    const { diagnostics } = await validatePlan(locale === 'vi' ? services : createTestServices('en'), text, locale);
    return diagnostics.map(d => `${String(d.code)} ${d.message}${(d.data as { replacement?: string } | undefined)?.replacement ? ` → ${(d.data as { replacement: string }).replacement}` : ''}`);
}

describe('the style a cell is read in', () => {
    test('a line for named columns (predeclared ones too): rates with a decimal point, counts as the plan', async () => {
        expect(await findings(plan('    number-style international for poor-rate', 'households poor poor-rate', '2024: 25.800 1.171 4.54'))).toEqual([]);
        // The plan's own style in that column is now the other one.
        expect(await findings(plan('    number-style international for poor-rate', 'households poor poor-rate', '2024: 25.800 1.171 4,54'))).toEqual([
            'number-style Số "4,54" không viết theo kiểu số của cột (international); theo kiểu này phải viết "4.54". → 4.54'
        ]);
        // And the counts are still read as the plan's: "1,171" there is a decimal, not a count.
        expect((await findings(plan('    number-style international for poor-rate', 'households poor poor-rate', '2024: 25.800 1,171 4.54')))[0])
            .toBe('count-not-integer Số hộ "1,171" phải là số nguyên (cột Hộ nghèo): có lẽ là 1.171, viết dấu ngăn cách hàng nghìn theo kiểu kia. → 1.171');
    });

    test('a line for the whole table: every cell in that style, counts fixed to their thousands reading in it', async () => {
        expect(await findings(plan('    number-style international', 'households poor poor-rate', '2024: 25,800 1,171 4.54'))).toEqual([]);
        // "1.171" reads as a decimal there, no count: its likely reading is its thousands, in the table's style.
        expect(await findings(plan('    number-style international', 'households poor poor-rate', '2024: 25,800 1.171 4.54'))).toEqual([
            'count-not-integer Số hộ "1.171" phải là số nguyên (cột Hộ nghèo): có lẽ là 1,171, viết dấu ngăn cách hàng nghìn theo kiểu kia. → 1,171',
            'unchecked-rate Không kiểm tra được tỷ lệ 4.54% (A, năm 2024): ô Hộ nghèo "1.171" không đọc được thành số hộ.'
        ]);
        expect(await findings(plan('    number-style international', 'households poor poor-rate', '2024: 25,800 1,171 4,54'))).toEqual([
            'number-style Số "4,54" không viết theo kiểu số của cột (international); theo kiểu này phải viết "4.54". → 4.54'
        ]);
    });

    test('a column\'s own style wins over a line naming it, which wins over a line for the whole table', async () => {
        const head = `    number-style international
    number-style vi for households

    column ty_le "Tỷ lệ (%)" percent rate-of poor per households number-style vi`;
        expect(await findings(plan(head, 'households poor ty_le', '2024: 25.800 1,171 4,54'))).toEqual([]);
        const read = (await validatePlan(services, plan(head, 'households poor ty_le', '2024: 25.800 1,171 4,54'))).model.tables[0];
        expect(['households', 'poor', 'ty_le'].map(m => read.columnsById[m].numberStyle ?? 'plan')).toEqual(['plan', 'international', 'plan']);
        expect(read.sections[0].rows[0].years[0].cells.map(c => c.number?.value)).toEqual([25800, 1171, 4.54]);
    });

    test('a line naming a column the table does not know is an unknown column', async () => {
        expect((await findings(plan('    number-style international for poor_rat', 'households poor poor-rate', '2024: 25.800 1.171 4,54')))
            .map(f => f.split(' ')[0])).toEqual(['unknown-column']);
    });

    test('in English, the message says it is the column\'s style', async () => {
        expect(await findings(plan('    number-style international for poor-rate', 'households poor poor-rate', '2024: 25.800 1.171 4,54'), 'en')).toEqual([
            'number-style The number "4,54" is not written in its column\'s number style (international); in that style it reads "4.54". → 4.54'
        ]);
    });
});

describe('the checks propose figures in the column\'s style', () => {
    test('a wrong rate: its fix with a decimal point; a wrong total of counts in an international table: with a thousands comma', async () => {
        expect(await findings(plan('    number-style international for poor-rate', 'households poor poor-rate', '2024: 25.800 1.171 4.45'))).toEqual([
            'rate-mismatch Tỷ lệ in 4.45% không bằng 1.171/25.800 = 4,5388% (A, năm 2024). → 4.54'
        ]);
        const total = await findings(plan('    number-style international', 'households poor poor-rate', '2024: 25,800 1,171 4.54', '2024: 25,800 1,117 4.33'));
        expect(total).toContainEqual('total-mismatch Tổng năm 2024, cột Hộ nghèo: in 1,117 nhưng tổng các dòng là 1.171 (chênh -54). → 1,171');
    });

    test('the hover computes a rate in its column\'s style, and names a note for what it is', async () => {
        const text = plan('    number-style international for poor-rate', 'households poor poor-rate', '2024: 25.800 1.171 4.54');
        const { document } = await validatePlan(services, text);
        const line = text.split('\n').findIndex(l => l.includes('row 1 A'));
        const hover = await services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: { line, character: text.split('\n')[line].indexOf('4.54') + 1 }
        }) as Hover | undefined;
        const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        expect(value).toContain('1,171 / 25,800 × 100 = 4.538…% → 4.54');
    });

    test('the annexes print each cell as written', async () => {
        const { model } = await validatePlan(services, plan('    number-style international for poor-rate', 'households poor poor-rate', '2024: 25.800 1.171 4.54'));
        expect(model.tables[0].sections[0].rows[0].years[0].cells.map(c => c.printed)).toEqual(['25.800', '1.171', '4.54']);
    });
});
