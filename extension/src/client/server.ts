// The language client: starts the plan language server (Node, IPC), restarts it when it crashes and
// says so, and lets the user restart it by command. The server reads the "plan" settings itself, the
// standard LSP way (workspace/configuration, and workspace/didChangeConfiguration for the section it
// registers), as it does from any other editor.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
    CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State, TransportKind,
    type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node.js';
import { CrashPolicy, KEYS, SECTION, resolveLocale, type PlanLocale } from './settings.js';

/** The output channel's name: a product name, the same in every language. */
const OUTPUT_NAME = 'Plan';

export function planLocale(): PlanLocale {
    return resolveLocale(vscode.workspace.getConfiguration(SECTION).get(KEYS.language), vscode.env.language);
}

export interface PlanClient {
    client: LanguageClient;
    output: vscode.OutputChannel;
    restart(): Promise<void>;
}

export function createPlanClient(context: vscode.ExtensionContext): PlanClient {
    const output = vscode.window.createOutputChannel(OUTPUT_NAME);
    context.subscriptions.push(output);
    const policy = new CrashPolicy();

    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };

    const showLog = vscode.l10n.t('Show log');
    const restartLabel = vscode.l10n.t('Restart');
    const errorHandler: ErrorHandler = {
        error(_error, _message, count): ErrorHandlerResult {
            // As the library's default: a few transport errors are survivable, a stream of them is not.
            return count !== undefined && count <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown };
        },
        closed(): CloseHandlerResult {
            const decision = policy.onCrash(Date.now());
            const minutes = Math.round(policy.windowMs / 60000);
            if (decision.action === 'restart') {
                void vscode.window.showWarningMessage(
                    vscode.l10n.t('The plan language server stopped unexpectedly and is being restarted ({0} of {1} restarts allowed in {2} minutes).', decision.count, policy.max, minutes),
                    showLog
                ).then(choice => { if (choice === showLog) output.show(true); });
                return { action: CloseAction.Restart, handled: true };
            }
            void vscode.window.showErrorMessage(
                vscode.l10n.t('The plan language server stopped {0} times in {1} minutes and will not be restarted. Check the log, then restart it.', decision.count, minutes),
                restartLabel, showLog
            ).then(choice => {
                if (choice === restartLabel) void vscode.commands.executeCommand('plan.restartServer');
                else if (choice === showLog) output.show(true);
            });
            return { action: CloseAction.DoNotRestart, handled: true };
        }
    };

    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'plan' }, { scheme: 'untitled', language: 'plan' }],
        outputChannel: output,
        revealOutputChannelOn: RevealOutputChannelOn.Never,
        errorHandler
    };
    const client = new LanguageClient('plan', vscode.l10n.t('Plan language server'), serverOptions, clientOptions);

    const restart = async () => {
        policy.reset();
        try {
            if (client.state === State.Running) await client.restart();
            else await client.start();
            vscode.window.setStatusBarMessage(vscode.l10n.t('Plan language server restarted.'), 3000);
        } catch (e) {
            output.appendLine(String((e as Error)?.stack ?? e));
            const choice = await vscode.window.showErrorMessage(
                vscode.l10n.t('The plan language server could not be restarted: {0}', (e as Error)?.message ?? String(e)), showLog);
            if (choice === showLog) output.show(true);
        }
    };

    return { client, output, restart };
}
