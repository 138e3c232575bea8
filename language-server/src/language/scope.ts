// Scoping by index: every declaration of a plan is visible in the whole file, looked up in a map
// built once per document version. The default provider searches a stream per reference, which
// makes linking quadratic on national-scale plans.
import {
    DefaultScopeComputation, DefaultScopeProvider, DocumentCache, MapScope, AstUtils, type MultiMap,
    type AstNode, type AstNodeDescription, type LangiumDocument, type ReferenceInfo, type Scope, type Stream, stream
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { isPlanDocument, type PlanDocument } from '../generated/ast.js';

export class PlanScopeComputation extends DefaultScopeComputation {
    /** Only the plan itself is exported: other files reach its declarations through `part-of`. */
    override collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value as PlanDocument;
        return Promise.resolve(root.name ? [this.descriptions.createDescription(root, root.name, document)] : []);
    }

    /** Every named declaration, however deeply nested (indicators in dimensions), belongs to the root. */
    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const name = this.nameProvider.getName(node);
        if (name && node.$container) symbols.add(document.parseResult.value, this.descriptions.createDescription(node, name, document));
    }
}

/** Looks a name up in each scope in turn: the file's own declarations, then its parent plans'. */
class ChainScope implements Scope {
    constructor(private readonly scopes: Scope[]) {}
    getElement(name: string): AstNodeDescription | undefined {
        for (const s of this.scopes) {
            const found = s.getElement(name);
            if (found) return found;
        }
        return undefined;
    }
    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.scopes).flatMap(s => s.getElements(name));
    }
    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.scopes).flatMap(s => s.getAllElements());
    }
}

export class PlanScopeProvider extends DefaultScopeProvider {
    /** Per document and reference type: a map scope of the declarations, built once per version. */
    private readonly index: DocumentCache<string, Scope>;

    constructor(services: LangiumServices) {
        super(services);
        this.index = new DocumentCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        if (referenceType === 'PlanDocument') return this.getGlobalScope(referenceType, context);
        const document = AstUtils.getDocument(context.container);
        const own = this.declarations(document, referenceType);
        const root: AstNode = document.parseResult.value;
        if (!isPlanDocument(root) || !root.parent || context.container === root) return own;
        // A district plan also sees the declarations of the plans it is part of.
        const scopes = [own];
        const seen = new Set([document.uri.toString()]);
        let parent = root.parent.ref;
        while (parent) {
            const parentDoc = AstUtils.getDocument(parent);
            if (seen.has(parentDoc.uri.toString())) break;
            seen.add(parentDoc.uri.toString());
            scopes.push(this.declarations(parentDoc, referenceType));
            parent = parent.parent?.ref;
        }
        return new ChainScope(scopes);
    }

    private declarations(document: LangiumDocument, referenceType: string): Scope {
        // Asked before the document's symbols are computed (an editor request while the document is
        // rebuilt, e.g. after a settings change): answer empty, but do not keep that answer, or the
        // linker would later read it and report every id of the plan as unknown.
        if (!document.localSymbols) return new MapScope([]);
        return this.index.get(document.uri, referenceType, () => {
            const all = document.localSymbols!.getStream(document.parseResult.value);
            return new MapScope(all.filter(d => this.reflection.isSubtype(d.type, referenceType)));
        });
    }
}
