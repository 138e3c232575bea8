// What a validated plan keeps in memory, checked by structure rather than by size (sizes belong to
// the benchmark: `npm run bench` prints the peak memory of validating a 5 MB plan). A national plan
// has hundreds of thousands of cells: anything held per cell or per token counts.
import { AstUtils, EmptyFileSystem, GrammarUtils, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import * as ast from '../../language-server/src/generated/ast.js';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import { SEED_PLAN } from '../helpers/plan.js';
import * as fs from 'node:fs';

const { shared, Plan } = createPlanServices(EmptyFileSystem);

async function validated(text: string) {
    const document = shared.workspace.LangiumDocumentFactory.fromString<ast.PlanDocument>(text, URI.parse('memory:///memory.plan'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    shared.workspace.LangiumDocuments.deleteDocument(document.uri);
    return document;
}

describe('memory held after validating a plan', () => {
    test('the parser lets go of the token vector of the text it parsed last', async () => {
        await validated(fs.readFileSync(SEED_PLAN, 'utf8'));
        // Chevrotain's input: what the parser would otherwise hold until the next parse.
        const parser = Plan.parser.LangiumParser as unknown as { wrapper: { input: unknown[] } };
        expect(parser.wrapper.input).toHaveLength(0);
    });

    test('a year line is one leaf of the syntax tree, and no model cell holds a range until one is asked for', async () => {
        const document = await validated(fs.readFileSync(SEED_PLAN, 'utf8'));
        const model = Plan.plan.Models.get(document);
        const rows = AstUtils.streamAst(document.parseResult.value).filter(n => ast.isTableRow(n) || ast.isTotalRow(n)).toArray();
        const leaves = rows.flatMap(r => GrammarUtils.findNodesForProperty(r.$cstNode, 'years'));
        const lines = model.tables.flatMap(t => [...t.sections.flatMap(s => [...s.rows, ...(s.subtotal ? [s.subtotal] : [])]), ...(t.total ? [t.total] : [])])
            .flatMap(r => r.years);
        const cells = lines.flatMap(y => y.cells);
        expect(cells.length).toBeGreaterThan(100);
        expect(leaves.length).toBe(lines.length);
        expect(leaves.every(l => !('content' in l) && (l as unknown as { tokenType: { name: string } }).tokenType.name === 'YEAR_LINE')).toBe(true);
        expect(lines.map(l => l.offset)).toEqual(leaves.map(l => l.offset));
        // No cell of a unit's row made its range (the total row's cells are the computed indicator's values).
        const held = (o: object) => Object.values(o).filter(v => v && typeof v === 'object' && 'start' in v && 'end' in v).length;
        const unitCells = model.tables.flatMap(t => t.sections.flatMap(s => s.rows)).flatMap(r => r.years).flatMap(y => y.cells);
        expect(unitCells.length).toBeGreaterThan(100);
        expect(unitCells.filter(c => held(c) > 0)).toEqual([]);
        expect(leaves.filter(l => (l as unknown as { _range?: unknown })._range !== undefined)).toEqual([]);
        // Asked for, a cell's range is where its text stands (made for the asker, not kept).
        for (const cell of cells) expect(document.textDocument.getText(cell.range)).toBe(cell.printed);
        const cell = cells[0];
        expect(cell.range).toEqual({ start: document.textDocument.positionAt(cell.offset), end: document.textDocument.positionAt(cell.offset + cell.printed.length) });
        expect(cell.number!.range).toEqual(cell.range);
        expect(held(cell)).toBe(0);
    });

    test('the rows\' arrays copied at their size (language/parser.ts) still behave as Langium\'s', async () => {
        // The saving itself is measured by `npm run bench` (memory line); here: nothing broke.
        const document = await validated(fs.readFileSync(SEED_PLAN, 'utf8'));
        const rows = AstUtils.streamAst(document.parseResult.value).filter(n => ast.isTableRow(n) || ast.isTotalRow(n)).toArray() as (ast.TableRow | ast.TotalRow)[];
        expect(rows.length).toBeGreaterThan(10);
        for (const row of rows) {
            expect(Object.getPrototypeOf(row.years)).toBe(Array.prototype);
            const content = (row.$cstNode as unknown as { content: unknown[] & { parent: unknown; push: unknown } }).content;
            expect(content.parent).toBe(row.$cstNode);
            expect(content.push).not.toBe(Array.prototype.push);   // still Langium's container (sets parents)
            expect(content.every(leaf => (leaf as { container: unknown }).container === row.$cstNode)).toBe(true);
            expect(Array.from(GrammarUtils.findNodesForProperty(row.$cstNode, 'years'), l => l.text)).toEqual(row.years);
        }
    });
});
