// Bridges the pure rules to Langium: one check on the plan root runs every rule over the cached
// model and reports each finding at its range, with its stable code and fix data.
import {
    DefaultDocumentValidator, DocumentValidator, type Cancellation, type LangiumDocument, type ValidationAcceptor,
    type ValidationChecks, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PlanAstType, PlanDocument } from '../generated/ast.js';
import type { PlanServices } from '../plan-module.js';
import { checkPlan } from './rules.js';

export function registerValidationChecks(services: PlanServices): void {
    const registry = services.validation.ValidationRegistry;
    const checks: ValidationChecks<PlanAstType> = {
        PlanDocument: (root: PlanDocument, accept: ValidationAcceptor) => {
            const document = root.$document;
            if (!document) return;
            const model = services.plan.Models.get(document);
            for (const f of checkPlan(model, services.plan.Settings.locale, services.plan.Settings.options)) {
                accept(f.severity, f.message, {
                    node: root, range: f.range, code: f.code,
                    data: { code: f.code, ...f.data }
                });
            }
        }
    };
    registry.register(checks);
}

/** Gives syntax and linking diagnostics stable codes and a Vietnamese lead-in. */
export class PlanDocumentValidator extends DefaultDocumentValidator {
    constructor(private readonly services: PlanServices) {
        super(services);
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const vi = this.services.plan.Settings.locale === 'vi';
        for (const d of diagnostics) {
            if (d.code !== undefined) continue;
            const internal = (d.data as { code?: string } | undefined)?.code;
            if (internal === DocumentValidator.LinkingError) d.code = 'unknown-reference';
            else if (internal?.startsWith('lexing-') || internal === DocumentValidator.ParsingError) {
                d.code = 'syntax-error';
                if (vi) d.message = `Lỗi cú pháp: ${d.message}`;
            } else {
                // A check that threw: reported, never swallowed, and never a crash of the server.
                d.code = 'internal-error';
            }
        }
        return diagnostics;
    }
}
