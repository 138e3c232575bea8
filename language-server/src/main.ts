// The language server process: Langium's LSP services for .plan files, plus the plan view request
// the preview uses.
import { DocumentState, URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { buildPlanView, type LocatedFinding } from './view/build.js';
import { createPlanServices } from './plan-module.js';
import {
    DocumentsValidatedNotification, PlanViewRequest, type DocumentsValidatedParams, type PlanViewParams, type PlanViewResult
} from '../../common/protocol.js';

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

const connection = createConnection(ProposedFeatures.all);
const { shared, Plan } = createPlanServices({ connection, ...NodeFileSystem });

// Settings (plan.language, plan.validation.*, plan.inlayHints.enabled) come the standard LSP way,
// workspace/configuration and workspace/didChangeConfiguration, with initializationOptions as the
// fallback: see PlanSettingsService (settings.ts).

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
