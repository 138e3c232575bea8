// The VS Code extension: starts the plan language server and registers the preview.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { registerPreview } from './preview/index.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'plan' }, { scheme: 'untitled', language: 'plan' }],
        initializationOptions: { locale: vscode.env.language }
    };
    client = new LanguageClient('plan', 'Plan Language Server', serverOptions, clientOptions);
    await client.start();
    registerPreview(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
