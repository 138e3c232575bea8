// Hover on every figure (issue 20): every cell of every table of the examples — found through the
// model, which keeps each year line's cells with their ranges — has a hover that names the cell's
// column, its year and its unit, in Vietnamese and in English; and where a rule computed a figure
// for a cell (a rate, a total's sum, a sum column, a flow), the hover shows it as the rule wrote it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import type { Locale } from '../../common/findings.js';
import { columnUnit } from '../../language-server/src/lsp/describe.js';
import { tableRows } from '../../language-server/src/lsp/plan-index.js';
import { columnName } from '../../language-server/src/validation/rule.js';
import { createTestServices, EXAMPLES_DIR, planFilesUnder, REPO_ROOT, validatePlan, type Validated } from '../helpers/plan.js';

const SERVICES = { vi: createTestServices('vi'), en: createTestServices('en') };

afterEach(async () => {
    await clearDocuments(SERVICES.vi);
    await clearDocuments(SERVICES.en);
});

const EXAMPLES = planFilesUnder(EXAMPLES_DIR);

function hoverText(hover: Hover | undefined): string {
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
}

/** Every cell of every table of a validated plan, with what its hover must name. */
function cellsOf({ model }: Validated, locale: Locale) {
    // A note spanning cells is one place in the text: its hover names the column it starts in.
    return model.tables.flatMap(table => tableRows(table).flatMap(({ row }) => row.years.flatMap(year => year.cells.filter(c => !c.note || c.note.first).map(cell => {
        const column = table.columnsById[cell.measure];
        return {
            where: `${table.id} ${row.label} ${year.year} ${cell.measure} "${cell.printed}"`,
            range: cell.range, year: String(year.year),
            label: columnName(cell.measure, locale, table), unit: column ? columnUnit(column, locale) : ''
        };
    }))));
}

async function hoverAt(locale: Locale, validated: Validated, position: { line: number; character: number }): Promise<string> {
    const hover = await SERVICES[locale].lsp.HoverProvider!.getHoverContent(validated.document, {
        textDocument: { uri: validated.document.uri.toString() }, position
    });
    return hoverText(hover);
}

describe('every cell of the examples has a hover naming its column, year and unit', () => {
    test('the examples have table cells to hover (the test is not empty)', async () => {
        let cells = 0;
        for (const file of EXAMPLES) cells += cellsOf(await validatePlan(SERVICES.vi, fs.readFileSync(file, 'utf8'), 'vi'), 'vi').length;
        expect(cells).toBeGreaterThan(150);
    });

    for (const locale of ['vi', 'en'] as const) {
        for (const file of EXAMPLES) {
            test(`${locale}: ${path.relative(REPO_ROOT, file)}`, async () => {
                const validated = await validatePlan(SERVICES[locale], fs.readFileSync(file, 'utf8'), locale);
                const missing: string[] = [];
                for (const cell of cellsOf(validated, locale)) {
                    // The first character of the cell and its last: both are the cell.
                    for (const position of [cell.range.start, { line: cell.range.end.line, character: cell.range.end.character - 1 }]) {
                        const text = await hoverAt(locale, validated, position);
                        const lacks = [cell.label, cell.year, cell.unit].filter(word => !word || !text.includes(word));
                        if (lacks.length) missing.push(`${cell.where} at ${position.character}: lacks ${JSON.stringify(lacks)} in ${JSON.stringify(text)}`);
                    }
                }
                expect(missing).toEqual([]);
            });
        }
    }
});

describe('a figure a rule computed is shown as the rule computed it', () => {
    const COMPUTING = ['rate-mismatch', 'total-mismatch', 'sum-mismatch', 'flow-mismatch'];
    test('every rate, total, sum and flow finding of the examples: its figure in the hover of its cell, in both languages', async () => {
        let shown = 0;
        for (const locale of ['vi', 'en'] as const) {
            const label = locale === 'vi' ? 'Quy tắc tính được' : 'The rule computed';
            for (const file of EXAMPLES) {
                const validated = await validatePlan(SERVICES[locale], fs.readFileSync(file, 'utf8'), locale);
                for (const d of validated.diagnostics.filter(d => COMPUTING.includes(String(d.code)))) {
                    const replacement = (d.data as { replacement?: string }).replacement;
                    expect(replacement, `${file}: ${d.code} carries its figure`).toBeDefined();
                    expect(await hoverAt(locale, validated, d.range.start)).toContain(`${label}: \`${replacement}\``);
                    shown++;
                }
            }
        }
        expect(shown).toBeGreaterThan(4);
    });
});
