// The annex preview beside the editor: commands (open, open to the side, toggle lock, show source),
// the panel manager and its serializer, and the server's "documents validated" notice that drives
// live updates.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { DocumentsValidatedNotification, type DocumentsValidatedParams } from '../../../common/protocol.js';
import { planLocale } from '../client/server.js';
import { EXPORT_COMMAND, runExportCommand } from './export-command.js';
import type { RenderExport } from '../../../common/export.js';
import { exportPlanView, saveChartImage } from './export.js';
import { PreviewManager } from './manager.js';
import { PREVIEW_VIEW_TYPE } from './preview.js';
import { localeOf, stringsFor } from '../../../common/preview-strings.js';

export const PREVIEW_COMMANDS = {
    open: 'planPreview.open',
    openToSide: 'planPreview.openToSide',
    toggleLock: 'planPreview.toggleLock',
    showSource: 'planPreview.showSource'
} as const;

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
    const strings = stringsFor(localeOf(vscode.env.language));
    // The exporters are their own bundle (out/export.cjs, 3 MB of Office writers): loaded on the first
    // export, so activation does not pay for them.
    let exporter: Promise<RenderExport> | undefined;
    const loadExporter = () => exporter ??= Promise.resolve().then(() =>
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, found at run time
        (require(context.asAbsolutePath('out/export.cjs')) as { renderExport: RenderExport }).renderExport);
    const manager = new PreviewManager({
        client,
        extensionUri: context.extensionUri,
        webviewLocale: () => planLocale(),
        strings,
        exportView: (view, format, resource, withFindings) => exportPlanView(view, format, resource, strings, loadExporter, withFindings),
        saveChart: (planId, chart, format, data, resource) => saveChartImage(planId, chart, format, data, resource, strings)
    });

    /** The plan a command is about: the explorer/editor-title argument, else the active plan editor. */
    const target = (arg: unknown): vscode.Uri | undefined => {
        if (arg instanceof vscode.Uri) return arg;
        const editor = vscode.window.activeTextEditor;
        if (editor?.document.languageId === 'plan') return editor.document.uri;
        return manager.current?.resource;
    };
    const open = (toSide: boolean) => (arg: unknown) => {
        const uri = target(arg);
        if (uri) manager.open(uri, toSide);
        else void vscode.window.showInformationMessage(strings.noPlanEditor);
    };

    context.subscriptions.push(
        manager,
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
        vscode.commands.registerCommand(PREVIEW_COMMANDS.open, open(false)),
        vscode.commands.registerCommand(PREVIEW_COMMANDS.openToSide, open(true)),
        vscode.commands.registerCommand(PREVIEW_COMMANDS.toggleLock, () => manager.toggleLock()),
        vscode.commands.registerCommand(PREVIEW_COMMANDS.showSource, () => manager.current?.showSource()),
        vscode.commands.registerCommand(EXPORT_COMMAND, (plan: unknown, args: unknown) =>
            runExportCommand(client, target(plan), args, strings, loadExporter)),
        client.onNotification(DocumentsValidatedNotification, (params: DocumentsValidatedParams) => {
            if (Array.isArray(params?.uris)) manager.onValidated(params.uris.filter((u): u is string => typeof u === 'string'));
        }),
        vscode.workspace.onDidChangeConfiguration(e => {
            if (e.affectsConfiguration('plan.language')) manager.reloadAll();
        })
    );
}
