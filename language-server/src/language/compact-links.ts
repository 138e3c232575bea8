// Cross-references and the descriptions of named nodes, as small objects. Langium makes each
// reference an object literal with three getters (three closures) that grows a property when it is
// linked, which turns it into a dictionary (~700 bytes); and each description (a district, an agency)
// computes its node's range when it is made, kept on the syntax tree (~1 KB with its segment). A
// national plan has a district and a reference to it per row: ~30 MB of a 5 MB plan (issue 8). These
// behave as Langium's (DefaultLinker.buildReference, DefaultAstNodeDescriptionProvider,
// DefaultReferenceDescriptionProvider) with their fields declared up front and ranges made on demand.
import {
    AstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, DocumentState, isAstNode, isAstNodeDescription,
    isLinkingError, RefResolving, UriUtils,
    type AstNode, type AstNodeDescription, type CstNode, type DocumentSegment, type LangiumDocument, type LinkingError, type NameProvider,
    type Reference, type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';
import { rangeOfNode } from './line-index.js';

/** What a reference asks of its linker (DefaultLinker's protected methods). */
export interface ReferenceLinker {
    loadAstNode(description: AstNodeDescription): AstNode | undefined;
    createLinkingError(info: ReferenceInfo, description?: AstNodeDescription): LinkingError;
    getLinkedNode(info: ReferenceInfo): { node?: AstNode; descr?: AstNodeDescription; error?: LinkingError };
    throwCyclicReferenceError(node: AstNode, property: string, refText: string): never;
}

/** A reference that is linked when first read, as Langium's, in a class of fixed shape. */
export class PlanReference implements Reference {
    _ref: AstNode | LinkingError | typeof RefResolving | undefined = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;

    constructor(
        readonly $refNode: CstNode | undefined, readonly $refText: string,
        private readonly _container: AstNode, private readonly _property: string, private readonly _linker: ReferenceLinker
    ) {}

    get ref(): AstNode | undefined {
        const linker = this._linker;
        if (isAstNode(this._ref)) return this._ref;
        if (isAstNodeDescription(this._nodeDescription)) {
            // Found before, not loaded then.
            this._ref = linker.loadAstNode(this._nodeDescription) ?? linker.createLinkingError(this.info(), this._nodeDescription);
        } else if (this._ref === undefined) {
            this._ref = RefResolving;
            const document = AstUtils.findRootNode(this._container).$document;
            const found = linker.getLinkedNode(this.info());
            if (found.error && document && document.state < DocumentState.ComputedScopes) {
                // The scopes are not ready: linked again later.
                this._ref = undefined;
                return undefined;
            }
            this._ref = found.node ?? found.error;
            this._nodeDescription = found.descr;
            document?.references.push(this);
        } else if (this._ref === RefResolving) {
            linker.throwCyclicReferenceError(this._container, this._property, this.$refText);
        }
        return isAstNode(this._ref) ? this._ref : undefined;
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }

    private info(): ReferenceInfo {
        return { reference: this, container: this._container, property: this._property };
    }
}

/** Where a syntax node stands; its range made when asked, not kept on the node. */
class NodeSegment implements DocumentSegment {
    constructor(private readonly node: CstNode) {}
    get offset(): number { return this.node.offset; }
    get end(): number { return this.node.end; }
    get length(): number { return this.node.end - this.node.offset; }
    get range(): DocumentSegment['range'] { return rangeOfNode(this.node); }
}

function segmentOf(node: CstNode | undefined): DocumentSegment | undefined {
    return node ? new NodeSegment(node) : undefined;
}

class PlanNodeDescription implements AstNodeDescription {
    private segment: DocumentSegment | undefined = undefined;

    constructor(
        readonly node: AstNode, readonly name: string, readonly type: string, readonly documentUri: URI, readonly path: string,
        private readonly names: NameProvider
    ) {}

    get nameSegment(): DocumentSegment | undefined {
        return this.segment ??= segmentOf(this.names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return segmentOf(this.node.$cstNode);
    }
}

export class PlanAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const uri = (document ?? AstUtils.getDocument(node)).uri;
        const path = this.astNodeLocator.getAstNodePath(node);
        const named = name ?? this.nameProvider.getName(node);
        if (!named) throw new Error(`Node at path ${path} has no name.`);
        return new PlanNodeDescription(node, named, node.$type, uri, path, this.nameProvider);
    }
}

export class PlanReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    protected override createInfoDescriptions(info: ReferenceInfo): ReferenceDescription[] {
        const reference = info.reference;
        if (reference.error || !reference.$refNode || !('ref' in reference) || !reference.$nodeDescription) {
            return super.createInfoDescriptions(info);
        }
        const target = reference.$nodeDescription;
        const sourceUri = AstUtils.getDocument(info.container).uri;
        return [{
            sourceUri, sourcePath: this.nodeLocator.getAstNodePath(info.container),
            targetUri: target.documentUri, targetPath: target.path,
            segment: new NodeSegment(reference.$refNode), local: UriUtils.equals(target.documentUri, sourceUri)
        }];
    }
}
