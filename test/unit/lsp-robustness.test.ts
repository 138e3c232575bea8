// Bad input never breaks the editor features: on damaged versions of the seed plan (cut short, a
// slice removed, stray characters typed in) every provider answers without throwing.
import * as fs from 'node:fs';
import * as fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { clearDocuments, parseDocument } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import type { CodeActionParams } from 'vscode-languageserver';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { createTestServices, SEED_PLAN } from '../helpers/plan.js';

const services = createTestServices('vi');
const seed = fs.readFileSync(SEED_PLAN, 'utf8');
const lsp = services.lsp;

afterEach(async () => {
    await clearDocuments(services);
});

/** Asks every feature about a document at a few offsets; any exception fails the test. */
async function exercise(document: LangiumDocument, offsets: number[]): Promise<void> {
    const textDocument = { uri: document.uri.toString() };
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
    for (const offset of offsets) {
        const position = document.textDocument.positionAt(offset);
        const list = await lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
        for (const item of list?.items ?? []) expect(item.label.length).toBeGreaterThan(0);
        await lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
        await lsp.DefinitionProvider!.getDefinition(document, { textDocument, position });
        await lsp.RenameProvider!.prepareRename(document, { textDocument, position });
    }
    await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } });
    await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
    await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    await lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: whole });
    for (const diagnostic of document.diagnostics ?? []) {
        const params: CodeActionParams = { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
        await lsp.CodeActionProvider!.getCodeActions(document, params);
    }
}

test('an empty document and a lone keyword', async () => {
    for (const text of ['', 'plan', 'plan p "P"\nagency', 'plan p "P"\nlead so y te', '"', '2021: 1 2 3', '{ } } {']) {
        const document = await parseDocument(services, text, { validation: true });
        await exercise(document, [0, text.length, Math.floor(text.length / 2)]);
        await clearDocuments(services);
    }
    const empty = await parseDocument(services, '');
    const list = await lsp.CompletionProvider!.getCompletion(empty, { textDocument: { uri: empty.uri.toString() }, position: { line: 0, character: 0 } });
    expect(list?.items.map(i => i.label)).toContain('plan');
});

test('damaged versions of the seed plan', async () => {
    const damage = fc.oneof(
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat(seed.length) }),
        fc.record({ kind: fc.constant('remove' as const), at: fc.nat(seed.length), length: fc.integer({ min: 1, max: 400 }) }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(seed.length), text: fc.constantFrom('{', '}', '"', 'ở', '2021:', ' - ', '\n', 'lead ', '3,1,7', '//', '/*') })
    );
    await fc.assert(fc.asyncProperty(damage, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), async (d, picks) => {
        const text = d.kind === 'cut' ? seed.slice(0, d.at)
            : d.kind === 'remove' ? seed.slice(0, d.at) + seed.slice(d.at + d.length)
            : seed.slice(0, d.at) + d.text + seed.slice(d.at);
        const document = await parseDocument(services, text, { validation: true });
        await exercise(document, [...picks.map(p => p % (text.length + 1)), Math.min(d.at, text.length)]);
        await clearDocuments(services);
    }), { numRuns: fuzzRuns(12) });
});
