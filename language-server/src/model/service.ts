// The plan model of a document, computed once per document version and shared by the validator,
// the language features, the preview and the exporters.
import { DocumentCache, DocumentState, type AstNode, type LangiumDocument } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { PlanDocument } from '../generated/ast.js';
import { PatchingDocumentBuilder } from '../language/document-builder.js';
import { buildPlanModel, type ModelMemo } from './build.js';
import type { PlanModel, TableRowModel } from './types.js';

export class PlanModelService {
    private readonly cache: DocumentCache<string, PlanModel>;
    /**
     * Per document, the parts of its last model that an edit inside one year line leaves as they were
     * (rows, units): the next model is built from them and the changed row. Dropped with the model
     * whenever the document is linked anew.
     */
    private readonly memos = new Map<string, ModelMemo>();

    constructor(shared: LangiumSharedCoreServices) {
        // Evicted whenever the document is linked anew, not only when its own text changes: a district
        // plan is relinked when the province plan it is part of changes, and its model (agency names,
        // resolved ids) must follow.
        this.cache = new DocumentCache(shared, DocumentState.Linked);
        const builder = shared.workspace.DocumentBuilder;
        builder.onDocumentPhase(DocumentState.Linked, document => { this.memos.delete(document.uri.toString()); });
        builder.onUpdate((_changed, deleted) => { for (const uri of deleted) this.memos.delete(uri.toString()); });
        if (builder instanceof PatchingDocumentBuilder) {
            builder.onPatched(({ document, row }) => {
                this.cache.clear(document.uri);
                this.memos.get(document.uri.toString())?.delete(row);
            });
        }
    }

    /**
     * The model of a table row (or total row) of the document's current model, by its syntax node:
     * from the rows the model keeps, without searching the model. Undefined before the model is built.
     */
    rowOf(document: LangiumDocument, row: AstNode): TableRowModel | undefined {
        const kept = this.memos.get(document.uri.toString())?.get(row);
        return kept?.kind === 'row' ? kept.row : undefined;
    }

    /** The model of a linked document (built on first use after each change). */
    get(document: LangiumDocument): PlanModel {
        return this.cache.get(document.uri, 'model', () => {
            const key = document.uri.toString();
            let memo = this.memos.get(key);
            if (!memo) this.memos.set(key, memo = new WeakMap());
            return buildPlanModel(document.parseResult.value as PlanDocument, key, memo);
        });
    }
}
