// Bridges the pure rules to Langium: one check on the plan root runs every rule over the cached
// model and reports each finding at its range, with its stable code and fix data.
import { DefaultDocumentValidator, DocumentValidator, type DiagnosticInfo, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
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

    protected override toDiagnostic<N extends AstNode>(severity: 'error' | 'warning' | 'info' | 'hint', message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        const diagnostic = super.toDiagnostic(severity, message, info);
        const internal = (info.data as { code?: string } | undefined)?.code;
        if (diagnostic.code === undefined && internal) {
            if (internal === DocumentValidator.LinkingError) diagnostic.code = 'unknown-reference';
            else if (internal === DocumentValidator.ParsingError || internal === DocumentValidator.LexingError) {
                diagnostic.code = 'syntax-error';
                if (this.services.plan.Settings.locale === 'vi') diagnostic.message = `Lỗi cú pháp: ${message}`;
            }
        }
        return diagnostic;
    }
}
