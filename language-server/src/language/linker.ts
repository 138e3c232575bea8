// Unknown ids are reported at the id, in the plan's message language.
import { DefaultLinker, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LinkingError, type Reference, type ReferenceInfo } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { issueMessage } from '../../../common/findings.js';
import { KINDS } from '../../../common/words/kinds.js';
import type { PlanSettings } from './settings.js';
import { PlanReference, type ReferenceLinker } from './compact-links.js';

export class PlanLinker extends DefaultLinker {
    private readonly settings: PlanSettings;

    constructor(services: LangiumServices & { plan: { Settings: PlanSettings } }) {
        super(services);
        this.settings = services.plan.Settings;
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const type = this.reflection.getReferenceType(refInfo);
        const locale = this.settings.locale;
        const kind = KINDS[type]?.[locale] ?? type;
        return { info: refInfo, message: issueMessage('unknown-reference', { kind, id: refInfo.reference.$refText }, locale), targetDescription };
    }

    /** A reference of fixed shape (language/compact-links.ts): one per row of a national table. */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new PlanReference(refNode, refText, node, property, this as unknown as ReferenceLinker);
    }

    /** As Langium's, without `delete`, which would turn each reference into a dictionary. */
    override unlink(document: LangiumDocument): void {
        const compact = document.references.filter(ref => ref instanceof PlanReference);
        for (const ref of compact) {
            ref._ref = undefined;
            ref._nodeDescription = undefined;
        }
        document.references = document.references.filter(ref => !(ref instanceof PlanReference));
        super.unlink(document);
    }
}
