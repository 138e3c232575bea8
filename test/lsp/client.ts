// A plain LSP client for tests: starts the built server (extension/out/server.cjs --stdio) as an
// editor other than VS Code would (Neovim, Helix), with the capabilities and settings a test gives,
// answers workspace/configuration from those settings and records every publishDiagnostics.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    ConfigurationRequest, DidChangeConfigurationNotification, DidOpenTextDocumentNotification, ExitNotification,
    InitializeRequest, InitializedNotification, InlayHintRefreshRequest, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter, createProtocolConnection, ErrorCodes, ResponseError,
    type ClientCapabilities, type ConfigurationParams, type Registration, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js';
import { ensureBundle } from '../helpers/bundles.js';
import { REPO_ROOT } from '../helpers/plan.js';

/** The bundle under test; PLAN_LSP_SERVER=<file> runs these tests against another build (an older one, to see them fail). */
export const SERVER = process.env.PLAN_LSP_SERVER ? path.resolve(process.env.PLAN_LSP_SERVER) : path.join(REPO_ROOT, 'extension', 'out', 'server.cjs');

export interface ClientOptions {
    /** Settings by section, as a client keeps them: `{ plan: { language: 'en' } }`. */
    settings?: Record<string, unknown>;
    /** Whether the client declares workspace.configuration (answers workspace/configuration). */
    configuration?: boolean;
    capabilities?: ClientCapabilities;
    initializationOptions?: unknown;
    /** InitializeParams.locale: the editor's display language. */
    locale?: string;
    /** Answer workspace/inlayHint/refresh with "unhandled method", as code-server does while claiming support. */
    refuseInlayHintRefresh?: boolean;
    /** A folder opened as the workspace: the server reads the plan files in it. */
    workspaceFolder?: string;
}

export interface TestClient {
    connection: ProtocolConnection;
    /** The server's answer to initialize (its capabilities). */
    initializeResult: InitializeResult;
    /** Every publishDiagnostics the server sent, oldest first. */
    published: PublishDiagnosticsParams[];
    /** Every capability the server registered with the client (client/registerCapability). */
    registrations: Registration[];
    /** Every workspace/configuration request the server made. */
    configurationRequests: ConfigurationParams[];
    /** How many times the server asked the client to fetch inlay hints again. */
    inlayHintRefreshes: number;
    /** What the server wrote to stderr so far (its log: stack traces of what it caught). */
    readonly stderr: string;
    /** The first diagnostics for the uri, published at or after the `from`-th publication, that `accept` takes. */
    diagnosticsFor(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, from?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
    open(uri: string, text: string): Promise<void>;
    /**
     * Changes the client's settings and tells the server, as plain-LSP clients do: the new settings in
     * the notification, or with `pull` `settings: null` (the server is to ask again).
     */
    changeSettings(settings: Record<string, unknown>, pull?: boolean): Promise<void>;
    stop(): Promise<number | null>;
}

export async function startClient(options: ClientOptions = {}): Promise<TestClient> {
    if (!process.env.PLAN_LSP_SERVER) ensureBundle(SERVER);
    let settings = options.settings ?? {};
    const server: ChildProcessWithoutNullStreams = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
    let stderr = '';
    server.stderr.on('data', chunk => { stderr += String(chunk); });
    const exited = new Promise<number | null>(resolve => server.on('exit', code => resolve(code)));
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));

    const published: PublishDiagnosticsParams[] = [];
    const configurationRequests: ConfigurationParams[] = [];
    const waiters: { uri: string; from: number; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        published.push(params);
        for (const w of waiters.splice(0)) {
            if (w.uri === params.uri && w.accept(params)) w.resolve(params);
            else waiters.push(w);
        }
    });
    // As Neovim does: each item's section looked up in the client's settings, null when absent.
    connection.onRequest(ConfigurationRequest.type, params => {
        configurationRequests.push(params);
        return params.items.map(item => (item.section ? settings[item.section] ?? null : settings));
    });
    const registrations: Registration[] = [];
    connection.onRequest(RegistrationRequest.type, params => { registrations.push(...params.registrations); });
    let inlayHintRefreshes = 0;
    connection.onRequest(InlayHintRefreshRequest.type, () => {
        inlayHintRefreshes++;
        if (options.refuseInlayHintRefresh) throw new ResponseError(ErrorCodes.MethodNotFound, 'Unhandled method workspace/inlayHint/refresh');
    });
    connection.listen();

    const capabilities: ClientCapabilities = {
        ...options.capabilities,
        workspace: { ...options.capabilities?.workspace, configuration: options.configuration ?? false },
        textDocument: { publishDiagnostics: { relatedInformation: true }, ...options.capabilities?.textDocument }
    };
    const initializeResult = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: options.workspaceFolder ? pathToFileURL(options.workspaceFolder).toString() : null,
        workspaceFolders: options.workspaceFolder ? [{ uri: pathToFileURL(options.workspaceFolder).toString(), name: 'workspace' }] : null,
        capabilities,
        initializationOptions: options.initializationOptions, locale: options.locale
    });
    await connection.sendNotification(InitializedNotification.type, {});

    return {
        connection, initializeResult, published, configurationRequests, registrations,
        get inlayHintRefreshes() { return inlayHintRefreshes; },
        get stderr() { return stderr; },
        diagnosticsFor(uri, accept = () => true, from = 0, timeoutMs = 20_000) {
            const already = published.slice(from).find(p => p.uri === uri && accept(p));
            if (already) return Promise.resolve(already);
            return new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(
                    `no matching diagnostics for ${uri} within ${timeoutMs} ms; published: ${JSON.stringify(published.slice(from).map(p => p.diagnostics.map(d => d.message)))}`
                )), timeoutMs);
                waiters.push({ uri, from, accept, resolve: p => { clearTimeout(timer); resolve(p); } });
            });
        },
        open: (uri, text) => connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'plan', version: 1, text }
        }),
        async changeSettings(next, pull = false) {
            settings = next;
            await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: pull ? null : next });
        },
        async stop() {
            await connection.sendRequest(ShutdownRequest.type);
            await connection.sendNotification(ExitNotification.type);
            const code = await exited;
            connection.dispose();
            if (code !== 0) throw new Error(`server exited with ${code}: ${stderr}`);
            return code;
        }
    };
}
