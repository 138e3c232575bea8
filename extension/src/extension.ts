// The VS Code extension: starts the plan language server, registers the editor's client-side
// features (commands, status bar) and the preview.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { registerCommands } from './client/commands.js';
import { registerImport } from './client/import.js';
import { createPlanClient, planLocale } from './client/server.js';
import { registerStatus } from './client/status.js';
import { registerPreview } from './preview/index.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const plan = createPlanClient(context);
    client = plan.client;
    // Commands first: "Restart language server" must exist even when the first start fails.
    registerCommands(context, planLocale, () => plan.restart());
    // Paste as plan table, import from a file: the server does the import once it runs.
    registerImport(context, plan.client, plan.output);
    registerStatus(context, plan.client);
    try {
        await plan.client.start();
    } catch (e) {
        // The client has logged the cause to the "Plan" output channel; the status bar offers a restart.
        const showLog = vscode.l10n.t('Show log');
        void vscode.window.showErrorMessage(
            vscode.l10n.t('The plan language server could not be started: {0}', (e as Error)?.message ?? String(e)), showLog
        ).then(choice => { if (choice === showLog) plan.output.show(true); });
    }
    registerPreview(context, plan.client);
}

export async function deactivate(): Promise<void> {
    if (client?.needsStop()) await client.stop();
}
