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

    test('the model\'s cells point at the syntax tree\'s ranges instead of holding copies', async () => {
        const document = await validated(fs.readFileSync(SEED_PLAN, 'utf8'));
        const model = Plan.plan.Models.get(document);
        const cellsInTree = AstUtils.streamAst(document.parseResult.value).filter(ast.isYearCells).flatMap(y => GrammarUtils.findNodesForProperty(y.$cstNode, 'cells')).toArray();
        const cellsInModel = model.tables.flatMap(t => [...t.sections.flatMap(s => [...s.rows, ...(s.subtotal ? [s.subtotal] : [])]), ...(t.total ? [t.total] : [])])
            .flatMap(r => r.years).flatMap(y => y.cells);
        expect(cellsInModel.length).toBeGreaterThan(100);
        const treeRanges = new Set(cellsInTree.map(c => c.range));
        for (const cell of cellsInModel) {
            expect(treeRanges.has(cell.range)).toBe(true);
            if (cell.number) expect(cell.number.range).toBe(cell.range);
        }
    });
});
