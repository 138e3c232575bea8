// The language server process: Langium's LSP services for .plan files (with the import's
// workspace/executeCommand commands), plus the plan view request the preview uses and the import
// requests of the VS Code extension's paste and commands.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentState, URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { FramingGuard } from './lsp/framing.js';
import { say } from '../../common/catalogue.js';
import { SERVER_MESSAGES } from '../../common/words/editor.js';
import { buildPlanView, locatedFinding } from './view/build.js';
import { PreviewViews } from './view/keeper.js';
import { PlanFileSystemProvider } from './language/file-system.js';
import { createPlanServices } from './plan-module.js';
import type { PlanCompletionProvider } from './lsp/completion.js';
import {
    DocumentsValidatedNotification, ImportClipboardRequest, ImportFileRequest, PlanViewRequest, PlanViewUpdateRequest,
    type DocumentsValidatedParams, type ImportClipboardParams, type ImportClipboardResult, type ImportFileParams, type ImportOutcome,
    type PlanViewParams, type PlanViewResult, type PlanViewUpdateParams, type PlanViewUpdateResult
} from '../../common/protocol.js';

const connection = createConnection(ProposedFeatures.all);
// A promise that fails unhandled (a refused request to the client, a feature's bug) is logged, not
// fatal: Node would end the process, the client would restart it, and it would fail the same way again.
process.on('unhandledRejection', reason => {
    connection.console.error(`unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
});
const { shared, Plan } = createPlanServices({ connection, fileSystemProvider: () => new PlanFileSystemProvider() });
// The rules' page, written beside this bundle at build time (esbuild.mjs): each finding links to its rule there.
const rulesPage = path.join(__dirname, 'RULES.md');
if (fs.existsSync(rulesPage)) Plan.plan.Settings.rulesPage = pathToFileURL(rulesPage).href;

// Settings (plan.language, plan.validation.*, plan.inlayHints.enabled) come the standard LSP way,
// workspace/configuration and workspace/didChangeConfiguration, with initializationOptions as the
// fallback: see PlanSettingsService (settings.ts).

connection.onRequest(PlanViewRequest, async (params: PlanViewParams): Promise<PlanViewResult> => {
    const uri = URI.parse(params.uri);
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    if (!document) return null;
    return buildPlanView(Plan.plan.Models.get(document), (document.diagnostics ?? []).map(locatedFinding));
});

// The preview's view after each validation, as what changed since the view it holds (view/keeper.ts).
const previewViews = new PreviewViews();
connection.onRequest(PlanViewUpdateRequest, async (params: PlanViewUpdateParams): Promise<PlanViewUpdateResult> => {
    const uri = URI.parse(params.uri);
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    if (!document) return null;
    return previewViews.answer(Plan.plan.Models.get(document), (document.diagnostics ?? []).map(locatedFinding),
        typeof params.since === 'string' ? params.since : undefined);
});
shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => { for (const uri of deleted) previewViews.forget(uri.toString()); });

// The VS Code extension's paste and import commands: the same import as the LSP commands
// plan.importTable / plan.importPlan (import/editor.ts), returned without being applied.
connection.onRequest(ImportClipboardRequest, async (params: ImportClipboardParams): Promise<ImportClipboardResult> => {
    const outcome = await Plan.plan.Import.importTable({ uri: params.uri, position: params.position, html: params.html, text: params.text }, false, ImportClipboardRequest);
    return outcome.noTable ? null : outcome;
});
connection.onRequest(ImportFileRequest, (params: ImportFileParams): Promise<ImportOutcome> => params.kind === 'plan'
    ? Plan.plan.Import.importPlan({ ...params, apply: false }, false, ImportFileRequest)
    : Plan.plan.Import.importTable({ ...params, apply: false }, false, ImportFileRequest));

shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
    const params: DocumentsValidatedParams = { uris: documents.map(d => d.uri.toString()) };
    void connection.sendNotification(DocumentsValidatedNotification, params);
});

// Describes a completion item when the client shows it (the list itself carries no descriptions).
connection.onCompletionResolve(item => (Plan.lsp.CompletionProvider as PlanCompletionProvider).resolveCompletionItem(item));

startLanguageServer(shared);
if (process.argv.includes('--stdio')) exitOnMisframedInput();

/**
 * Over stdio a misframed message would leave the server deaf for good (see framing.ts): exit with
 * an error instead, so that the client restarts it. The guard reads the same bytes as the
 * connection's reader, beside it.
 */
function exitOnMisframedInput(): void {
    const guard = new FramingGuard();
    process.stdin.on('data', (chunk: Buffer) => {
        const problem = guard.push(chunk);
        if (problem === undefined) return;
        process.stderr.write(say(SERVER_MESSAGES.misframed, Plan.plan.Settings.locale, { problem }) + '\n');
        process.exit(1);
    });
}
