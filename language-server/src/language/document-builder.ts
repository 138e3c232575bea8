// Langium's document builder, with a short way for the commonest edit at national scale: a figure
// typed in a table's year line. Langium rebuilds a changed document from scratch (parse, symbols,
// scopes, links, reference index, validation); such an edit changes no name, no reference and no
// structure, so the document is patched in place (cell-edit.ts) and only validated again. The plan
// model is then rebuilt from the rows it kept (model/service.ts hears which row changed).
import {
    Cancellation, DefaultDocumentBuilder, delayNextTick, DocumentState, Emitter, interruptAndCheck, OperationCancelled, UriUtils,
    type AstNode, type Disposable, type LangiumDocument, type LangiumSharedCoreServices, type TextDocumentProvider, type URI
} from 'langium';
import { applyYearLineEdit, findYearLineEdit, type YearLineEdit } from './cell-edit.js';

/** A document patched in place, and the row whose year line changed. */
export interface PatchedDocument { document: LangiumDocument; row: AstNode }

export class PatchingDocumentBuilder extends DefaultDocumentBuilder {
    private readonly patchedEmitter = new Emitter<PatchedDocument>();
    private readonly openDocuments: TextDocumentProvider | undefined;
    /**
     * Documents whose tree is linked and its references indexed. Not the same as their state: the
     * editor marks a document changed as soon as its text changes (lsp/document-lifecycle.ts), and
     * its tree stays linked until the build that follows.
     */
    private readonly linked = new WeakSet<LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.openDocuments = services.workspace.TextDocuments;
        this.onDocumentPhase(DocumentState.IndexedReferences, document => { this.linked.add(document); });
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state < DocumentState.IndexedReferences) this.linked.delete(document);
        super.resetToState(document, state);
    }

    /**
     * Langium's wait for a document's state, also woken by a patch: a patched document reaches its
     * state without the phases whose events the wait listens to.
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        const document = this.langiumDocuments.getDocument(uri);
        if (!document || document.state >= state || cancelToken.isCancellationRequested || this.currentState >= state || state > DocumentState.IndexedReferences) {
            return super.awaitDocumentState(state, uri, cancelToken);
        }
        return new Promise<URI>((resolve, reject) => {
            const reached = (d: LangiumDocument) => {
                if (!UriUtils.equals(d.uri, uri) || d.state < state) return;
                listeners.forEach(l => l.dispose());
                resolve(d.uri);
            };
            const listeners = [
                this.onDocumentPhase(state, reached),
                this.onPatched(({ document: d }) => reached(d)),
                cancelToken.onCancellationRequested(() => {
                    listeners.forEach(l => l.dispose());
                    // Langium's own waits reject with this symbol: the request handlers recognise it.
                    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
                    reject(OperationCancelled);
                })
            ];
        });
    }

    /** Called when a document was patched in place, before it is validated again. */
    onPatched(listener: (patched: PatchedDocument) => void): Disposable {
        return this.patchedEmitter.event(listener);
    }

    /** Whether an update (an editor's change, a file watched, documents released) is under way, not a plain build. */
    get updating(): boolean {
        return this.updates > 0;
    }

    private updates = 0;

    override async update(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        this.updates++;
        try {
            await this.updateNow(changed, deleted, cancelToken);
        } finally {
            this.updates--;
        }
    }

    private async updateNow(changed: URI[], deleted: URI[], cancelToken: Cancellation.CancellationToken): Promise<void> {
        const edits = deleted.length === 0 && changed.length > 0 ? this.yearLineEdits(changed) : undefined;
        if (!edits) return super.update(changed, deleted, cancelToken);
        this.currentState = DocumentState.Changed;
        for (const edit of edits) {
            applyYearLineEdit(edit);
            const { document } = edit;
            const open = this.openDocuments?.get(document.uri.toString());
            if (open) Object.defineProperty(document, 'textDocument', { value: open, configurable: true });
            // Names, scopes, links and the reference index stand; the findings do not.
            this.resetToState(document, DocumentState.IndexedReferences);
            document.state = DocumentState.IndexedReferences;
            this.patchedEmitter.fire({ document, row: edit.row });
        }
        await this.emitUpdate(changed, []);
        if (cancelToken !== Cancellation.CancellationToken.None) {
            // The tree is linked: a request asked meanwhile (completion, hover, go to definition) is
            // answered now, before the findings are made, not after them; a newer change stops here.
            await delayNextTick();
            await interruptAndCheck(cancelToken);
            if (cancelToken.isCancellationRequested) return;
        }
        await interruptAndCheck(cancelToken);
        const rebuild = this.sortDocuments(this.langiumDocuments.all
            .filter(doc => doc.state < DocumentState.Validated || !this.buildState.get(doc.uri.toString())?.completed)
            .toArray());
        await this.buildDocuments(rebuild, this.updateBuildOptions, cancelToken);
    }

    /** One year-line edit per changed document, or undefined when any of them needs a full rebuild. */
    private yearLineEdits(changed: URI[]): YearLineEdit[] | undefined {
        const edits: YearLineEdit[] = [];
        for (const uri of changed) {
            const document = this.langiumDocuments.getDocument(uri);
            const open = this.openDocuments?.get(uri.toString());
            // Only an open document's text is at hand without reading; a document whose last full
            // build stopped before its references were indexed has no links to keep.
            if (!document || !open || !this.linked.has(document)) return undefined;
            const edit = findYearLineEdit(document, open.getText());
            if (!edit) return undefined;
            edits.push(edit);
        }
        return edits;
    }
}
