// The plan model of a document, computed once per document version and shared by the validator,
// the language features, the preview and the exporters.
import { DocumentCache, type LangiumDocument } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { PlanDocument } from '../generated/ast.js';
import { buildPlanModel } from './build.js';
import type { PlanModel } from './types.js';

export class PlanModelService {
    private readonly cache: DocumentCache<string, PlanModel>;

    constructor(shared: LangiumSharedCoreServices) {
        this.cache = new DocumentCache(shared);
    }

    /** The model of a linked document (built on first use after each change). */
    get(document: LangiumDocument): PlanModel {
        return this.cache.get(document.uri, 'model', () =>
            buildPlanModel(document.parseResult.value as PlanDocument, document.uri.toString()));
    }
}
