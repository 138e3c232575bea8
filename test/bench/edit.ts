// One figure typed in a table's year line, as the editor applies it (the open document's text
// changed, DocumentBuilder.update): the time until its findings are ready, at the seed's size, 700
// and 7.000 districts, beside a full rebuild of the same text (what every keystroke cost before
// year-line edits were patched in: language/cell-edit.ts). Issue 19's goals: 700 ≤ 3× the seed's
// time for the same edit, 7.000 ≤ 5×. The whole language server over stdio against
// yaml-language-server is measured apart (bench:lsp).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import type { PatchingDocumentBuilder } from '../../language-server/src/language/document-builder.js';
import { generatePlan } from './generate.js';

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Where a figure is typed: a cell of a year line a third into the plan (its first big table). */
export function cellAt(text: string): number {
    const line = /\b20\d\d:\s+\d/g;
    line.lastIndex = Math.floor(text.length / 3);
    const found = line.exec(text) ?? (line.lastIndex = 0, line.exec(text));
    if (!found) throw new Error('no year line to edit');
    return found.index + found[0].length - 1;
}

/** Median milliseconds of `runs` single-digit edits, through the patch or (full = true) a full rebuild. */
async function editTimes(text: string, runs: number, full: boolean): Promise<{ ms: number; patched: number }> {
    const { shared, Plan } = createPlanServices(EmptyFileSystem);
    const uri = URI.parse('memory:///bench-plan.plan');
    const documents = shared.workspace.TextDocuments as unknown as { set(d: TextDocument): void };
    let version = 0;
    documents.set(TextDocument.create(uri.toString(), 'plan', version, text));
    const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(shared.workspace.TextDocuments!.get(uri.toString())!, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    let patched = 0;
    (shared.workspace.DocumentBuilder as PatchingDocumentBuilder).onPatched(() => { patched++; });
    const at = cellAt(text);
    let current = text;
    const samples: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
        current = current.slice(0, at) + (current[at] === '9' ? '8' : '9') + current.slice(at + 1);
        documents.set(TextDocument.create(uri.toString(), 'plan', ++version, current));
        gc();
        const t = performance.now();
        if (full) {
            // The path every edit took before: a changed document rebuilt from its text.
            shared.workspace.LangiumDocuments.deleteDocument(uri);
            const next = shared.workspace.LangiumDocumentFactory.fromTextDocument(shared.workspace.TextDocuments!.get(uri.toString())!, uri);
            shared.workspace.LangiumDocuments.addDocument(next);
            await shared.workspace.DocumentBuilder.build([next], { validation: true });
            Plan.plan.Models.get(next);
        } else {
            await shared.workspace.DocumentBuilder.update([uri], []);
            Plan.plan.Models.get(shared.workspace.LangiumDocuments.getDocument(uri)!);
        }
        if (i > 0) samples.push(performance.now() - t); // the first warms the path up
    }
    return { ms: median(samples), patched };
}

export async function benchEdits(): Promise<void> {
    const runs = Number(process.env.BENCH_EDIT_RUNS ?? 9);
    const seed = fs.readFileSync(path.resolve('examples/hung-yen-giam-ngheo-2023-2025.plan'), 'utf8');
    const plans: [string, string, number | undefined][] = [
        ['seed (557 lines)', seed, undefined],
        ['700 districts × 8 years', generatePlan(700).text, 3],
        ['7.000 districts × 8 years', generatePlan(7000).text, 5]
    ];
    console.log('\nOne figure typed in a year line → findings and model ready (median of', runs, 'edits; in-process):');
    console.log(`  ${'plan'.padEnd(28)} ${'patched'.padStart(10)} ${'full rebuild'.padStart(13)}   ratio to the seed (goal)`);
    let seedMs = NaN;
    for (const [label, text, goal] of plans) {
        const patched = await editTimes(text, runs, false);
        const full = await editTimes(text, runs, true);
        if (patched.patched === 0) throw new Error(`${label}: the edit was not patched in`);
        if (goal === undefined) seedMs = patched.ms;
        const ratio = patched.ms / seedMs;
        const verdict = goal === undefined ? '' : `${ratio.toFixed(1)}× (≤ ${goal}×: ${ratio <= goal ? 'met' : 'NOT met'})`;
        console.log(`  ${label.padEnd(28)} ${patched.ms.toFixed(1).padStart(8)} ms ${full.ms.toFixed(1).padStart(10)} ms   ${verdict}`);
    }
}
