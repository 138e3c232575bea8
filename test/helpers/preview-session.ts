// An editor's session with a preview, in process: one open document changed as a client changes it
// (DocumentBuilder.update, so that year-line edits are patched in), and a preview that asks for the
// view since the one it holds and merges the answer as the extension does (view/keeper.ts,
// common/view-patch.ts). Shared by the view-update tests, the browser tests and the benchmark.
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import { buildPlanView, locatedFinding } from '../../language-server/src/view/build.js';
import { PreviewViews } from '../../language-server/src/view/keeper.js';
import { applyViewPatches, type PlanViewUpdate } from '../../common/view-patch.js';
import type { PlanView } from '../../common/view.js';

type Services = ReturnType<typeof createPlanServices>;

export class PreviewSession {
    readonly services: Services = createPlanServices(EmptyFileSystem);
    readonly uri = URI.parse('memory:///plan.plan');
    readonly views = new PreviewViews();
    /** What the preview holds. */
    view: PlanView | undefined;
    stamp: string | undefined;
    document: LangiumDocument | undefined;
    private version = 0;

    constructor(text: string) {
        this.open(text);
    }

    private open(text: string): void {
        const td = TextDocument.create(this.uri.toString(), 'plan', this.version, text);
        (this.services.shared.workspace.TextDocuments as unknown as { set(d: TextDocument): void }).set(td);
    }

    async start(): Promise<LangiumDocument> {
        const td = this.services.shared.workspace.TextDocuments!.get(this.uri.toString())!;
        const document = this.services.shared.workspace.LangiumDocumentFactory.fromTextDocument(td, this.uri);
        this.services.shared.workspace.LangiumDocuments.addDocument(document);
        await this.services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return this.document = document;
    }

    async change(text: string): Promise<LangiumDocument> {
        this.version++;
        this.open(text);
        await this.services.shared.workspace.DocumentBuilder.update([this.uri], []);
        return this.document = this.services.shared.workspace.LangiumDocuments.getDocument(this.uri)!;
    }

    /** The answer the server gives the preview now, as it travels (JSON). */
    answer(since = this.stamp): PlanViewUpdate {
        const document = this.document!;
        const model = this.services.Plan.plan.Models.get(document);
        return JSON.parse(JSON.stringify(this.views.answer(model, (document.diagnostics ?? []).map(locatedFinding), since))) as PlanViewUpdate;
    }

    /** The preview asks for the view since the one it holds and merges the answer, as the extension does. */
    refresh(): PlanViewUpdate {
        const update = this.answer();
        this.view = 'view' in update ? update.view : applyViewPatches(this.view!, update.patches);
        this.stamp = update.stamp;
        return update;
    }

    /** The whole view of the current document, as `plan/view` answers it. */
    wholeView(): PlanView {
        const document = this.document!;
        return buildPlanView(this.services.Plan.plan.Models.get(document), (document.diagnostics ?? []).map(locatedFinding));
    }
}

/** The view of a fresh build of the text, as it travels (JSON). */
export async function freshView(text: string): Promise<PlanView> {
    const session = new PreviewSession(text);
    await session.start();
    return JSON.parse(JSON.stringify(session.wholeView())) as PlanView;
}
