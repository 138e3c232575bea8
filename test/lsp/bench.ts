// Times each editor feature on generated national-scale plans of growing size and prints the median,
// the minimum and the ratio to the previous size: a linear feature roughly doubles when the plan doubles.
// Run with: node test/bench/run.mjs test/lsp/bench.ts   (after `npx langium generate`)
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseDocument, clearDocuments } from 'langium/test';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import { generatePlan } from '../bench/generate.js';

const SIZES = [250, 500, 1000, 2000];
const RUNS = 11;

const services = createPlanServices(EmptyFileSystem).Plan;
const lsp = services.lsp;

interface Timing { median: number; min: number }

async function time(run: () => unknown): Promise<Timing> {
    const samples: number[] = [];
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < RUNS; i++) {
        gc?.(); // a collection left over from the previous run must not be charged to this one
        const start = performance.now();
        await run();
        samples.push(performance.now() - start);
    }
    const sorted = samples.sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

type Feature = (document: LangiumDocument, text: string) => unknown;

const FEATURES: Record<string, Feature> = {
    'completion (district, "D1")': (document, text) => {
        const offset = text.lastIndexOf('    row ') + `    row ${text.slice(text.lastIndexOf('    row ') + 8).split(' ')[0]} D1`.length;
        return lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
    },
    'hover (total cell)': (document, text) => {
        const offset = text.indexOf('2018:', text.indexOf('total "Tổng cộng"')) + 7;
        return lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
    },
    'formatting': document => lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } }),
    'semantic tokens': document => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } }),
    'document symbols': document => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }),
    'workspace symbols ("so y te")': () => services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'so y te' }),
    'folding ranges': document => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } }),
    'inlay hints (whole plan)': document => lsp.InlayHintProvider!.getInlayHints(document, {
        textDocument: { uri: document.uri.toString() },
        range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) }
    }),
    'find references (agency)': (document, text) => lsp.ReferencesProvider!.findReferences(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.indexOf('agency LDTBXH') + 8), context: { includeDeclaration: true }
    }),
    'code actions (total)': (document) => {
        const diagnostic = (document.diagnostics ?? []).find(d => d.code === 'total-mismatch');
        if (!diagnostic) throw new Error('the generated plan has no misprinted total');
        return lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    }
};

async function main(): Promise<void> {
    const results: Record<string, Timing[]> = {};
    const lines: number[] = [];
    for (const size of SIZES) {
        const plan = generatePlan(size);
        // One misprinted total, so the quick fix has something to fix.
        const text = plan.text.replace(/(total "Tổng cộng" \{\n\s+2018: \S+ )(\S+)/, (_, head) => `${head}1`);
        lines.push(plan.lines);
        const document = await parseDocument(services, text, { validation: true });
        for (const [name, feature] of Object.entries(FEATURES)) {
            await feature(document, text); // warm-up: models and indexes are built once per version
            (results[name] ??= []).push(await time(() => feature(document, text)));
        }
        await clearDocuments(services);
    }
    console.log(`Editor features on generated plans of ${SIZES.join(' / ')} districts (${lines.join(' / ')} lines), ${RUNS} runs each`);
    console.log('cells: median ms / minimum ms (×ratio of the minimum to the previous size: ≈2 when linear;');
    console.log('the minimum is the least disturbed by other work on the machine)\n');
    const pad = (s: string, n: number) => s.padEnd(n);
    console.log(pad('feature', 30) + SIZES.map(s => pad(`${s}`, 24)).join(''));
    for (const [name, times] of Object.entries(results)) {
        const cells = times.map((t, i) => pad(`${t.median.toFixed(1)} / ${t.min.toFixed(1)}${i > 0 ? ` (×${(t.min / times[i - 1].min).toFixed(2)})` : ''}`, 24));
        console.log(pad(name, 30) + cells.join(''));
    }
}

void main();
