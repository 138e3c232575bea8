// Tens of thousands of comment lines in a row (a commented-out annex, a generated log pasted in) used to
// overflow Langium's syntax-tree builder: it spreads the whole run of hidden tokens as call arguments.
// Each place a run can stand — before the first token, between two tokens, at the end — is parsed, and
// the comments keep their order in the syntax tree.
import { CstUtils, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createTestServices } from '../helpers/plan.js';

const services = createTestServices('en');
const RUN = 150_000;
const comments = (tag: string) => Array.from({ length: RUN }, (_, i) => `// ${tag} ${i}`).join('\n');

async function parse(text: string) {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/ws/comments-${Math.random()}.plan`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    services.shared.workspace.LangiumDocuments.deleteDocument(document.uri);
    return document;
}

describe('long runs of comments', () => {
    test.each([
        ['before the first token', `${comments('a')}\nplan p "P"\nagency YT "Sở Y tế"\n`],
        ['between two tokens', `plan p "P"\n${comments('b')}\nagency YT "Sở Y tế"\n`],
        ['at the end', `plan p "P"\nagency YT "Sở Y tế"\n${comments('c')}\n`]
    ])('%s: parsed, every comment in the tree in order', async (_where, text) => {
        const document = await parse(text);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
        const offsets = CstUtils.streamCst(document.parseResult.value.$cstNode!)
            .filter(n => n.hidden && n.text.startsWith('//')).map(n => n.offset).toArray();
        expect(offsets).toHaveLength(RUN);
        expect(offsets.every((o, i) => i === 0 || o > offsets[i - 1])).toBe(true);
    });
});
