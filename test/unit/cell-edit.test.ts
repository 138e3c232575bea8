// An edit inside a table's year line is patched into the parsed document (language/cell-edit.ts)
// instead of a full parse and link. The patched document must be the one a full rebuild of the same
// text gives: same syntax tree (every leaf's place and kind), same AST values, same findings (codes,
// ranges, messages, fix data) and the same plan model as the preview sees it. Random edits of every
// example and of a generated plan, each compared with a fresh build of the edited text.
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cancellation, CstUtils, DocumentState, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import { buildPlanView } from '../../language-server/src/view/build.js';
import type { PatchingDocumentBuilder } from '../../language-server/src/language/document-builder.js';
import { EXAMPLES_DIR } from '../helpers/plan.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { generatePlan } from '../bench/generate.js';
import { applyEdit, editArb, planTexts, yearLineSpots } from '../helpers/year-line-edits.js';
import { PreviewSession } from '../helpers/preview-session.js';

type Services = ReturnType<typeof createPlanServices>;

/** An editor's session (one open document, changed as a client changes it) that counts the patches. */
class Session extends PreviewSession {
    patched = 0;

    constructor(text: string) {
        super(text);
        (this.services.shared.workspace.DocumentBuilder as PatchingDocumentBuilder).onPatched(() => { this.patched++; });
    }
}

/** What a document is, as everything downstream sees it. */
function snapshot(services: Services, document: LangiumDocument) {
    const root = document.parseResult.value.$cstNode!;
    const leaves = CstUtils.streamCst(root).filter(n => !('content' in n)).map(n => `${n.offset}+${n.length}:${(n as unknown as { tokenType: { name: string } }).tokenType.name}:${JSON.stringify(n.range)}`).toArray();
    const composites = CstUtils.streamCst(root).filter(n => 'content' in n).map(n => JSON.stringify(n.range)).toArray();
    const diagnostics = (document.diagnostics ?? []).map(d => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, data: d.data }));
    const model = services.Plan.plan.Models.get(document);
    const view = JSON.stringify(buildPlanView(model, diagnostics.map(d => ({ code: String(d.code), severity: 'error', message: d.message, range: d.range })) as never));
    return { text: root.root.fullText, leaves, composites, diagnostics, view };
}

async function fresh(text: string) {
    const session = new Session(text);
    const document = await session.start();
    return snapshot(session.services, document);
}


describe('year-line edits patched in place equal a full rebuild', () => {
    it('the short way is taken for a typed figure, and not for a line break', async () => {
        const text = generatePlan(5).text;
        const at = text.indexOf('2025: ') + 6;
        const session = new Session(text);
        await session.start();
        const edited = text.slice(0, at) + '9' + text.slice(at);
        const document = await session.change(edited);
        expect(session.patched).toBe(1);
        expect(snapshot(session.services, document)).toEqual(await fresh(edited));
        const broken = edited.slice(0, at) + '\n' + edited.slice(at);
        await session.change(broken);
        expect(session.patched).toBe(1);
    });

    for (const [name, text] of planTexts) {
        const spots = yearLineSpots(text);
        if (spots.length === 0) continue;
        it(`${name}: a run of random edits in its year lines`, async () => {
            await fc.assert(fc.asyncProperty(fc.array(editArb(spots), { minLength: 1, maxLength: 4 }), async edits => {
                const session = new Session(text);
                await session.start();
                let current = text;
                let document: LangiumDocument | undefined;
                for (const e of edits) {
                    current = applyEdit(current, { ...e, at: Math.min(e.at, current.length) });
                    document = await session.change(current);
                }
                expect(snapshot(session.services, document!)).toEqual(await fresh(current));
            }), { numRuns: fuzzRuns(10) });
        }, 120_000);
    }

    it('a total is checked again when a row it sums changes (its findings are never kept)', async () => {
        // The total's poor count is off by 500, its rate right for the rows' sum: no rate finding there.
        // Changing a row's poor count moves the sum, and the total's rate is then wrong against both.
        const text = generatePlan(3).text;
        const totalLine = /( {8}2025: )([\d.]+) ([\d.]+) ([\d,]+)\n {4}\}\n\}/.exec(text)!;
        const poor = Number(totalLine[3].replace(/\./g, ''));
        const offBy500 = text.slice(0, totalLine.index) + totalLine[0].replace(` ${totalLine[3]} `, ` ${(poor + 500).toLocaleString('de-DE')} `) + text.slice(totalLine.index + totalLine[0].length);
        const session = new Session(offBy500);
        await session.start();
        const rowLine = /( {8}2025: [\d.]+ )(\d)/.exec(offBy500)!;
        const at = rowLine.index + rowLine[1].length;
        const edited = offBy500.slice(0, at) + (offBy500[at] === '9' ? '1' : '9') + offBy500.slice(at + 1);
        const document = await session.change(edited);
        expect(session.patched).toBe(1);
        const mine = snapshot(session.services, document);
        expect(mine).toEqual(await fresh(edited));
        expect(mine.diagnostics.map(d => d.code)).toContain('total-mismatch');
    });

    it('a hover right after a patched edit explains the cell as a fresh build of the text does', async () => {
        const text = generatePlan(40).text;
        const at = text.indexOf('2024: ', Math.floor(text.length / 2)) + 6;
        const session = new Session(text);
        await session.start();
        const edited = text.slice(0, at) + '9' + text.slice(at + 1);
        const document = await session.change(edited);
        expect(session.patched).toBe(1);
        const other = new Session(edited);
        const fresh = await other.start();
        // The fresh build answers through the plan's index of lines, not through the rows the model keeps.
        other.services.Plan.plan.Models.rowOf = () => undefined;
        // The edited line and the total's line of the same year (its sum explained from the rows).
        const totalAt = edited.indexOf('2024: ', edited.indexOf('total "')) + 6;
        const offsets: number[] = [];
        for (const from of [at, totalAt]) for (let o = from; o < edited.indexOf('\n', from); o += 2) offsets.push(o);
        let compared = 0;
        for (const offset of offsets) {
            const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) };
            const mine = await session.services.Plan.lsp.HoverProvider!.getHoverContent(document, params);
            const theirs = await other.services.Plan.lsp.HoverProvider!.getHoverContent(fresh, params);
            expect(mine).toEqual(theirs);
            if (mine) compared++;
        }
        expect(compared).toBeGreaterThan(3);
    });

    it('patches happen in the random runs (the property does not only test the full rebuild)', async () => {
        const text = fs.readFileSync(path.join(EXAMPLES_DIR, 'hung-yen-giam-ngheo-2023-2025.plan'), 'utf8');
        const session = new Session(text);
        await session.start();
        const spots = yearLineSpots(text);
        let current = text;
        for (let i = 0; i < 20; i++) {
            const at = spots[(i * 7919) % spots.length];
            if (!/\d/.test(current[at] ?? '')) continue;
            current = applyEdit(current, { at, remove: 1, insert: current[at] === '9' ? '8' : '9' });
            await session.change(current);
        }
        expect(session.patched).toBeGreaterThan(5);
    });
});

describe('requests asked while a typed figure is checked', () => {
    /** A session whose change is sent as an editor's: the document marked changed, the update with a token. */
    async function typedWithWaiter(): Promise<string[]> {
        const text = generatePlan(40).text;
        const at = text.indexOf('2025: ') + 6;
        const session = new Session(text);
        await session.start();
        const { DocumentBuilder, LangiumDocuments } = session.services.shared.workspace;
        const builder = DocumentBuilder as PatchingDocumentBuilder;
        const events: string[] = [];
        builder.onDocumentPhase(DocumentState.Validated, () => { events.push('validated'); });
        // As the language server marks a document at a didChange, before its build (lsp/document-lifecycle.ts).
        LangiumDocuments.getDocument(session.uri)!.state = DocumentState.Changed;
        (builder as unknown as { currentState: DocumentState }).currentState = DocumentState.Changed;
        const edited = text.slice(0, at) + '9' + text.slice(at);
        (session.services.shared.workspace.TextDocuments as unknown as { set(d: TextDocument): void }).set(TextDocument.create(session.uri.toString(), 'plan', 1, edited));
        // Asked on the new text, before its build starts.
        const token = new Cancellation.CancellationTokenSource().token;
        const waiting = builder.waitUntil(DocumentState.Linked, session.uri, token).then(() => { events.push('linked'); });
        await builder.update([session.uri], [], token);
        await waiting;
        expect(session.patched).toBe(1);
        return events;
    }

    it('a request waiting for the linked tree is answered after the patch and before the findings are made', async () => {
        // Without the patch waking it, the wait would last until the next full build (the patch runs no Linked phase).
        expect(await typedWithWaiter()).toEqual(['linked', 'validated']);
    });
});

describe('memory of a typing session', () => {
    it('typing figures into many rows keeps no copy of the text of each keystroke', async () => {
        // A line cut from the text keeps the whole text alive (V8 sliced strings): before the patched
        // line was copied, each row typed in held the plan's text of that keystroke.
        v8.setFlagsFromString('--expose-gc');
        const gc = vm.runInNewContext('gc') as () => void;
        const held = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
        const text = generatePlan(1500).text;
        const session = new Session(text);
        await session.start();
        const cells = [...text.matchAll(/^ {8}\d{4}: +(?=\d)/gm)].map(m => m.index + m[0].length);
        let current = text;
        const typeInto = async (i: number) => {
            const at = cells[Math.floor((i + 0.5) * cells.length / 30)];
            current = current.slice(0, at) + String((i % 9) + 1) + current.slice(at + 1);
            await session.change(current);
        };
        // A few keystrokes first: what the first ones make once (compiled code, caches) is not counted.
        for (let i = 0; i < 5; i++) await typeInto(i);
        const before = held();
        for (let i = 5; i < 30; i++) await typeInto(i);
        const grown = held() - before;
        expect(session.patched).toBeGreaterThan(20); // (a figure typed over the same digit changes nothing)
        // 25 keystrokes in 25 rows: less than two copies of the text (it was 25 copies).
        expect(grown).toBeLessThan(2 * text.length * 2);
    }, 60_000);
});
