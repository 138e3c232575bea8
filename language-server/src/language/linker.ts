// Unknown ids are reported at the id, in the plan's message language.
import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { issueMessage } from '../../../common/findings.js';
import { KINDS } from '../../../common/words/kinds.js';
import type { PlanSettings } from './settings.js';

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
}
