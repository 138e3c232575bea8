// The plan model of a document, computed once per document version and shared by the validator,
// the language features, the preview and the exporters.
import { DocumentCache, DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { PlanDocument } from '../generated/ast.js';
import { buildPlanModel } from './build.js';
import type { PlanModel } from './types.js';

export class PlanModelService {
    private readonly cache: DocumentCache<string, PlanModel>;

    constructor(shared: LangiumSharedCoreServices) {
        // Evicted whenever the document is linked anew, not only when its own text changes: a district
        // plan is relinked when the province plan it is part of changes, and its model (agency names,
        // resolved ids) must follow.
        this.cache = new DocumentCache(shared, DocumentState.Linked);
    }

    /** The model of a linked document (built on first use after each change). */
    get(document: LangiumDocument): PlanModel {
        return this.cache.get(document.uri, 'model', () =>
            buildPlanModel(document.parseResult.value as PlanDocument, document.uri.toString()));
    }
}
