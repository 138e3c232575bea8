// An editor request may ask for a scope while a document is being rebuilt, before its symbols are
// computed (in VS Code this happened after a settings change: every district and agency of the seed
// plan became "unknown"). Such an early answer must not be kept for the linker.
import { DocumentState, URI, type ReferenceInfo } from 'langium';
import { describe, expect, test } from 'vitest';
import * as ast from '../../language-server/src/generated/ast.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { createPlanServices } from '../../language-server/src/plan-module.js';

const PLAN = `plan p "P"
number-style vi
agency YT "Sở Y tế" department
district PhuCu "Phù Cừ" huyen
table t "T" {
    years { 2023 plan }
    columns households poor poor-rate
    row 1 PhuCu { 2023: 1.000 10 1,00 }
}
indicator i "I" { unit percent lead YT }
`;

describe('scopes asked for early', () => {
    test('a scope requested while the document is rebuilt does not make the linker miss its ids', async () => {
        // A rebuild reads the text again: from a real file.
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-scope-')), 'early.plan');
        fs.writeFileSync(file, PLAN);
        const services = createPlanServices(NodeFileSystem).Plan;
        const builder = services.shared.workspace.DocumentBuilder;
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(PLAN, URI.file(file));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await builder.build([document], { validation: true });
        expect(document.diagnostics?.filter(d => d.code === 'unknown-reference')).toEqual([]);
        // A revalidation (as after a change of plan.language): between the reset and the new scopes,
        // a hover or semantic-tokens request asks for the scopes, as VS Code's requests do.
        let early: boolean | undefined;
        builder.onUpdate(() => {
            const root = document.parseResult.value as ast.PlanDocument;
            const row = root.elements.find(ast.isDistrictTable)!.rows[0];
            early = services.references.ScopeProvider
                .getScope({ container: row, property: 'district', reference: row.district } as ReferenceInfo).getElement('PhuCu') !== undefined;
        });
        await builder.update([document.uri], []);
        expect(early).toBe(false);
        expect(document.state).toBe(DocumentState.Validated);
        expect(document.diagnostics?.filter(d => d.code === 'unknown-reference')).toEqual([]);
    });
});
