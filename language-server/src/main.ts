// The language server process: Langium's LSP services for .plan files, plus the plan view request
// the preview uses.
import { DocumentState, URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { buildPlanView, type LocatedFinding } from './model/view.js';
import { createPlanServices } from './plan-module.js';
import {
    DocumentsValidatedNotification, PlanViewRequest, SetLocaleNotification, SetOptionsNotification,
    type DocumentsValidatedParams, type PlanViewParams, type PlanViewResult, type SetLocaleParams, type SetOptionsParams
} from './protocol.js';
import { mergeOptions, toLocale } from './settings.js';

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

const connection = createConnection(ProposedFeatures.all);
const { shared, Plan } = createPlanServices({ connection, ...NodeFileSystem });

shared.lsp.LanguageServer.onInitialize(params => {
    // Diagnostics follow the client's display language unless the client says otherwise.
    const init = params.initializationOptions as { locale?: string; options?: SetOptionsParams } | undefined;
    Plan.plan.Settings.locale = toLocale(init?.locale ?? params.locale, 'vi');
    Plan.plan.Settings.options = mergeOptions(Plan.plan.Settings.options, init?.options);
});

connection.onNotification(SetLocaleNotification, async (params: SetLocaleParams) => {
    const locale = toLocale(params.locale, Plan.plan.Settings.locale);
    if (locale === Plan.plan.Settings.locale) return;
    Plan.plan.Settings.locale = locale;
    // Messages are made while linking and validating: rebuild every document in the new language.
    const documents = shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
    await shared.workspace.DocumentBuilder.update(documents, []);
});

connection.onNotification(SetOptionsNotification, async (params: SetOptionsParams) => {
    const before = Plan.plan.Settings.options;
    const after = mergeOptions(before, params);
    if (after.rateTolerance === before.rateTolerance && after.aboutRelativeTolerance === before.aboutRelativeTolerance) return;
    Plan.plan.Settings.options = after;
    // Findings depend on the tolerances: revalidate every document.
    const documents = shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
    await shared.workspace.DocumentBuilder.update(documents, []);
});

connection.onRequest(PlanViewRequest, async (params: PlanViewParams): Promise<PlanViewResult> => {
    const uri = URI.parse(params.uri);
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    if (!document) return null;
    const findings: LocatedFinding[] = (document.diagnostics ?? []).map(d => ({
        severity: SEVERITIES[(d.severity ?? 1) - 1] ?? 'error', code: String(d.code ?? ''), message: d.message, range: d.range
    }));
    return buildPlanView(Plan.plan.Models.get(document), findings);
});

shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
    const params: DocumentsValidatedParams = { uris: documents.map(d => d.uri.toString()) };
    void connection.sendNotification(DocumentsValidatedNotification, params);
});

startLanguageServer(shared);
