// A status bar item for the active plan: its error and warning counts (or the server's state when it
// is not running); clicking opens the Problems panel, or restarts a stopped server.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node.js';

export function registerStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
    const item = vscode.window.createStatusBarItem('plan.status', vscode.StatusBarAlignment.Left, 50);
    item.name = vscode.l10n.t('Plan problems');
    context.subscriptions.push(item);

    const update = () => {
        const editor = vscode.window.activeTextEditor;
        if (!editor || editor.document.languageId !== 'plan') {
            item.hide();
            return;
        }
        item.backgroundColor = undefined;
        item.accessibilityInformation = undefined;
        if (client.state === State.Starting) {
            item.text = `$(sync~spin) ${vscode.l10n.t('Plan')}`;
            item.tooltip = vscode.l10n.t('The plan language server is starting…');
            item.command = undefined;
        } else if (client.state === State.Stopped) {
            item.text = `$(debug-disconnect) ${vscode.l10n.t('Plan')}`;
            item.tooltip = vscode.l10n.t('The plan language server is not running: click to restart it.');
            item.command = 'plan.restartServer';
            item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        } else {
            let errors = 0;
            let warnings = 0;
            for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
                if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
                else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
            }
            item.text = errors === 0 && warnings === 0 ? `$(check) ${vscode.l10n.t('Plan')}` : `$(error) ${errors} $(warning) ${warnings}`;
            const summary = vscode.l10n.t('This plan: {0} errors, {1} warnings.', errors, warnings);
            item.tooltip = `${summary} ${vscode.l10n.t('Click to open the Problems panel.')}`;
            item.accessibilityInformation = { label: summary };
            item.command = 'workbench.actions.view.problems';
        }
        item.show();
    };

    context.subscriptions.push(
        vscode.languages.onDidChangeDiagnostics(event => {
            const active = vscode.window.activeTextEditor?.document.uri.toString();
            if (active && event.uris.some(u => u.toString() === active)) update();
        }),
        vscode.window.onDidChangeActiveTextEditor(update),
        // A document whose language is set after opening (untitled → plan) changes what the item shows.
        vscode.workspace.onDidOpenTextDocument(update),
        client.onDidChangeState(update)
    );
    update();
}
