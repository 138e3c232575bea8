// A file is a plan or a report of a plan (grammar/plan.langium, `Document`). The readers that walk a
// file's top-level declarations or follow it to the plan it belongs to ask here, so that a plan is
// read as before and a report's entries (its tables and actual values) are read as a plan's elements.
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';

/** A file's top-level entries: a plan's elements, a report's tables and actual values. */
export function rootElements(root: AstNode | undefined): readonly (ast.Element | ast.ActualValue)[] {
    if (ast.isPlanDocument(root)) return root.elements ?? [];
    if (ast.isReportDocument(root)) return root.entries ?? [];
    return [];
}

/**
 * The plan whose declarations a file also sees: a plan's `part-of` parent, the plan a report is of.
 * Undefined when there is none or it is not found.
 */
export function outerPlan(root: AstNode | undefined): ast.PlanDocument | undefined {
    if (ast.isPlanDocument(root)) return root.parent?.ref;
    if (ast.isReportDocument(root)) return root.plan?.ref;
    return undefined;
}

/**
 * The reports of a plan among the documents: read against its figures, they are checked again when
 * its figures change, also when a typed figure is patched in without a new link (document-builder.ts).
 */
export function reportsOf(documents: Iterable<LangiumDocument>, plan: LangiumDocument): LangiumDocument[] {
    const out: LangiumDocument[] = [];
    for (const d of documents) {
        const root = d.parseResult.value;
        const target = ast.isReportDocument(root) ? root.plan?.ref : undefined;
        if (target && d !== plan && AstUtils.getDocument(target) === plan) out.push(d);
    }
    return out;
}
