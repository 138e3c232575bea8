// The plans a plan must agree with, found in the Langium workspace, and the re-check they need.
// Langium re-checks a document when one it refers to changes: a district plan (it names its province
// with `part-of`) when the province changes, in a full rebuild. It does not re-check the province when a
// district changes (the province names none of them), nor a district when a figure typed in the
// province is patched in (language/document-builder.ts: only the patched document is validated). Both
// sides of a roll-up finding must follow either file, open or not: on every update the plans related by
// `part-of` to a changed one are set back to be validated again (not parsed or linked: their text has
// not changed). Nothing is read from disk for it: the family is among the documents already loaded.
import { DocumentState, type LangiumDocument, type URI } from 'langium';
import type { PlanDocument } from '../generated/ast.js';
import { PatchingDocumentBuilder } from '../language/document-builder.js';
import type { PlanServices } from '../plan-module.js';
import type { Family, FamilyPlan } from './rules/roll-up.js';

/** A plan's id and the id it is part of, as its last linked tree said. */
interface Head { id?: string; parent?: string }

/** The roll-up family of a validated document: its parent plan's and its children's models. */
export function familyOf(services: PlanServices, document: LangiumDocument): Family {
    const root = document.parseResult.value as PlanDocument;
    const models = services.plan.Models;
    const linked = (d: LangiumDocument | undefined) => d !== undefined && d !== document && d.state >= DocumentState.Linked;
    const planOf = (d: LangiumDocument): FamilyPlan => ({ model: models.get(d), uri: d.uri.toString() });
    const parentDocument = root.parent?.ref?.$document;
    const parent = linked(parentDocument) ? planOf(parentDocument!) : undefined;
    const children: FamilyPlan[] = [];
    if (root.name) {
        for (const d of services.shared.workspace.LangiumDocuments.all) {
            if (!linked(d)) continue;
            const other = d.parseResult.value as PlanDocument;
            // The id first (no link is resolved for a plan part of another), then that it names this one.
            if (other.parent?.$refText === root.name && other.parent.ref === root) children.push(planOf(d));
        }
    }
    return { parent, children };
}

/**
 * Re-validates the plans related by `part-of` to the documents an update changes (see above). The
 * heads are kept from each link: a changed document's tree is gone by the time the update is heard.
 * A document whose head changes (a new district plan, an edited `part-of`) has new relatives: they are
 * set back when its new tree is indexed, and `recheck` runs a build for them after the current one.
 */
export function watchRollUpFamilies(services: PlanServices, recheck?: () => void): void {
    const shared = services.shared;
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    const heads = new Map<string, Head>();
    let pending = false;
    /**
     * Whether the build under way is an update's (the editor's, a file watched): only then are the new
     * relatives of a document set back. A plain build (the CLI's batches, a test's) loads its documents
     * together, and setting back a plan it does not build would leave it without findings.
     */
    const updating = () => builder instanceof PatchingDocumentBuilder && builder.updating;

    /** Sets back the validated documents that are the parent of `parents` or part of `ids`. */
    const setBack = (ids: Set<string>, parents: Set<string>, except: Set<string>): boolean => {
        if (ids.size === 0 && parents.size === 0) return false;
        let any = false;
        for (const d of documents.all) {
            const uri = d.uri.toString();
            if (except.has(uri) || d.state < DocumentState.Validated) continue;
            const head = heads.get(uri);
            if (!head) continue;
            if ((head.id !== undefined && parents.has(head.id)) || (head.parent !== undefined && ids.has(head.parent))) {
                builder.resetToState(d, DocumentState.IndexedReferences);
                any = true;
            }
        }
        return any;
    };

    builder.onUpdate((changed: URI[], deleted: URI[]) => {
        const ids = new Set<string>();
        const parents = new Set<string>();
        const except = new Set(changed.map(u => u.toString()));
        for (const uri of [...changed, ...deleted]) {
            const head = heads.get(uri.toString());
            if (head?.id !== undefined) ids.add(head.id);
            if (head?.parent !== undefined) parents.add(head.parent);
        }
        for (const uri of deleted) heads.delete(uri.toString());
        setBack(ids, parents, except);
    });

    builder.onDocumentPhase(DocumentState.IndexedReferences, document => {
        const root = document.parseResult.value as Partial<PlanDocument>;
        const uri = document.uri.toString();
        const head: Head = { id: root.name, parent: root.parent?.$refText };
        const before = heads.get(uri);
        heads.set(uri, head);
        if (!updating() || (before && before.id === head.id && before.parent === head.parent)) return;
        // New relatives, already validated (they are not in this build): checked in the next one.
        const ids = new Set(head.id === undefined || head.id === before?.id ? [] : [head.id]);
        const parents = new Set(head.parent === undefined || head.parent === before?.parent ? [] : [head.parent]);
        if (setBack(ids, parents, new Set([uri]))) pending = true;
    });

    builder.onBuildPhase(DocumentState.Validated, () => {
        if (!pending) return;
        pending = false;
        recheck?.();
    });
}
