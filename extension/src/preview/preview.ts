// One preview panel: shows the plan view of one resource, pulls it from the language server when the
// server says the document was validated (first at once, then at most every 300 ms), sends it to the
// webview by postMessage, and acts on the webview's checked requests (reveal, export). After the
// first view the server answers what changed since the view the panel holds (a table row, a
// figure); the panel merges it into its view and passes the same patches on to the webview.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import type { PlanView } from '../../../common/view.js';
import { PlanViewUpdateRequest, type PlanViewUpdateParams, type PlanViewUpdateResult } from '../../../common/protocol.js';
import { applyViewPatches, ViewPatchError, type ViewPatch } from '../../../common/view-patch.js';
import { makeNonce, previewHtml } from './html.js';
import type { ExportFormat } from '../../../common/export.js';
import { parseWebviewMessage, revealTarget, type ChartImageFormat, type HostMessage, type PreviewState } from '../../../common/webview.js';
import { format, type Locale, type Strings } from '../../../common/preview-strings.js';
import { Throttle } from './throttle.js';

export const PREVIEW_VIEW_TYPE = 'planPreview';

/** What a preview needs from the extension. */
export interface PreviewHost {
    client: LanguageClient;
    extensionUri: vscode.Uri;
    /** The webview's language (follows the plan.language setting, like the findings it shows). */
    webviewLocale(): Locale;
    /** Host strings (dialogs, titles): VS Code's display language. */
    strings: Strings;
    exportView(view: PlanView, format: ExportFormat, resource: vscode.Uri, withFindings?: boolean): Promise<void>;
    /** Saves a chart image the webview drew (PNG bytes in base64, or SVG text). */
    saveChart(planId: string, chart: string, format: ChartImageFormat, data: string, resource: vscode.Uri): Promise<void>;
}

function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(extensionUri, 'out', 'webview');
}

/** Scripts on, forms and command links off, local files only from the built webview folder. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
        enableScripts: true,
        enableForms: false,
        enableCommandUris: false,
        localResourceRoots: [webviewRoot(extensionUri)],
        enableFindWidget: true
    };
}

export class PlanPreview implements vscode.Disposable {
    private view: PlanView | null | undefined;
    /** The server's stamp of `view` (none for no view, or one the server did not stamp). */
    private stamp: string | undefined;
    /** The stamp of the view the webview holds: patches go to it only from that view. */
    private webviewStamp: string | undefined;
    private ready = false;
    private exporting = false;
    private disposed = false;
    private requestSeq = 0;
    private readonly throttle: Throttle;
    private readonly disposables: vscode.Disposable[] = [];
    private readonly disposeEmitter = new vscode.EventEmitter<void>();
    private readonly activeEmitter = new vscode.EventEmitter<boolean>();
    readonly onDidDispose = this.disposeEmitter.event;
    /** Fires when the panel becomes (true) or stops being (false) the active editor. */
    readonly onDidChangeActive = this.activeEmitter.event;

    constructor(readonly panel: vscode.WebviewPanel, private resourceUri: vscode.Uri, private isLocked: boolean, private readonly host: PreviewHost, state: PreviewState = {}) {
        panel.webview.options = webviewOptions(host.extensionUri);
        panel.iconPath = {
            light: vscode.Uri.joinPath(host.extensionUri, 'icons', 'plan-file.svg'),
            dark: vscode.Uri.joinPath(host.extensionUri, 'icons', 'plan-file-dark.svg')
        };
        this.throttle = new Throttle(() => this.update(), 300);
        this.disposables.push(
            panel.webview.onDidReceiveMessage(m => this.onMessage(m)),
            panel.onDidDispose(() => this.dispose()),
            panel.onDidChangeViewState(e => {
                // A hidden webview loses its page; it says 'ready' again when shown.
                if (!e.webviewPanel.visible) {
                    this.ready = false;
                    this.webviewStamp = undefined;
                }
                this.activeEmitter.fire(e.webviewPanel.active);
            })
        );
        this.setHtml(state);
        this.updateTitle();
        this.throttle.trigger(true);
    }

    get resource(): vscode.Uri {
        return this.resourceUri;
    }

    get locked(): boolean {
        return this.isLocked;
    }

    matches(uri: vscode.Uri): boolean {
        return this.resourceUri.toString() === uri.toString();
    }

    /** Rewrites the page (first show, or the UI language changed); the webview restores its own place. */
    setHtml(state: PreviewState = {}): void {
        const webview = this.panel.webview;
        const root = webviewRoot(this.host.extensionUri);
        this.ready = false;
        this.webviewStamp = undefined;
        webview.html = previewHtml({
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.css')).toString(),
            nonce: makeNonce(),
            boot: { locale: this.host.webviewLocale(), state: { ...state, resource: this.resourceUri.toString(), locked: this.isLocked } }
        });
    }

    /** The document was validated anew: fetch its view (throttled). */
    refresh(immediate = false): void {
        this.throttle.trigger(immediate);
    }

    /** A dynamic preview follows another document. */
    setResource(uri: vscode.Uri): void {
        if (this.matches(uri)) return;
        this.resourceUri = uri;
        this.view = undefined;
        this.stamp = undefined;
        this.updateTitle();
        this.refresh(true);
    }

    setLocked(locked: boolean): void {
        this.isLocked = locked;
        this.updateTitle();
        this.post();
    }

    private updateTitle(): void {
        const name = path.posix.basename(this.resourceUri.path);
        this.panel.title = format(this.isLocked ? this.host.strings.lockedTitle : this.host.strings.previewTitle, name);
    }

    /**
     * The resource's current view merged into the held one: true when it was taken, false when a
     * newer request or another resource overtook it. The patches merged, when the answer was patches.
     */
    private async fetchView(whole = false): Promise<{ taken: boolean; patches?: ViewPatch[] }> {
        const seq = ++this.requestSeq;
        const uri = this.resourceUri;
        const params: PlanViewUpdateParams = { uri: uri.toString(), ...(this.view && this.stamp && !whole ? { since: this.stamp } : {}) };
        const update = await this.host.client.sendRequest<PlanViewUpdateResult>(PlanViewUpdateRequest, params);
        // An answer overtaken by a newer request, or for a resource left behind, is dropped.
        if (this.disposed || seq !== this.requestSeq || !this.matches(uri)) return { taken: false };
        if (!update) {
            this.view = null;
            this.stamp = undefined;
            return { taken: true };
        }
        if ('view' in update) {
            this.view = update.view;
            this.stamp = update.stamp;
            return { taken: true };
        }
        // Patches to a view not held (or that do not fit it): the whole view, asked once.
        if (!this.view || update.since !== this.stamp) return whole ? { taken: false } : this.fetchView(true);
        try {
            this.view = applyViewPatches(this.view, update.patches);
        } catch (error) {
            if (error instanceof ViewPatchError && !whole) return this.fetchView(true);
            throw error;
        }
        const since = this.stamp;
        this.stamp = update.stamp;
        return { taken: true, patches: this.webviewStamp === since ? update.patches : undefined };
    }

    private async update(): Promise<void> {
        let result: Awaited<ReturnType<PlanPreview['fetchView']>>;
        try {
            result = await this.fetchView();
        } catch {
            // Server not running or restarting: keep what is shown; the next validation brings a view.
            if (this.view === undefined) {
                this.view = null;
                this.post();
            }
            return;
        }
        if (result.taken) this.post(result.patches);
    }

    /**
     * Shows the view in the webview: as the patches that lead to it when the webview holds the view
     * they apply to (none when it holds this very view), else whole.
     */
    private post(patches?: ViewPatch[]): void {
        if (!this.ready || this.view === undefined || this.disposed) return;
        const resource = this.resourceUri.toString();
        const holds = this.view !== null && this.stamp !== undefined && this.webviewStamp === this.stamp;
        const message: HostMessage = patches || holds
            ? { type: 'patch', patches: patches ?? [], resource, locked: this.isLocked }
            : { type: 'view', view: this.view, resource, locked: this.isLocked };
        this.webviewStamp = this.view === null ? undefined : this.stamp;
        void this.panel.webview.postMessage(message);
    }

    private onMessage(raw: unknown): void {
        const message = parseWebviewMessage(raw);
        if (!message) return; // unknown or ill-formed: ignored
        switch (message.type) {
            case 'ready':
                // A new page holds no view.
                this.webviewStamp = undefined;
                this.ready = true;
                this.post();
                this.refresh(true);
                break;
            case 'reveal':
                void this.reveal(message.line, message.character);
                break;
            case 'export':
                void this.export(message.format, message.findings === true);
                break;
            case 'saveChart':
                void this.host.saveChart(this.view?.id ?? path.posix.basename(this.resourceUri.path).replace(/\.[^.]*$/, ''), message.chart, message.format, message.data, this.resourceUri);
                break;
        }
    }

    /** Shows the position in the plan's editor (an editor already showing it, else a new one). */
    async reveal(line: number, character: number): Promise<void> {
        const document = await vscode.workspace.openTextDocument(this.resourceUri);
        const target = revealTarget(line, character, document.lineCount, l => document.lineAt(l).text.length);
        if (!target) return;
        const position = new vscode.Position(target.line, target.character);
        const range = new vscode.Range(position, position);
        const shown = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.resourceUri.toString());
        const column = shown?.viewColumn
            ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection: range });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    /** Shows the plan's source editor. */
    async showSource(): Promise<void> {
        const document = await vscode.workspace.openTextDocument(this.resourceUri);
        const shown = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.resourceUri.toString());
        await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One });
    }

    private async export(exportFormat: ExportFormat, withFindings = false): Promise<void> {
        if (this.exporting) return;
        this.exporting = true;
        this.postBusy(exportFormat);
        try {
            // The freshest view (the shown one may be up to one throttle interval old).
            let view = this.view;
            try {
                const fresh = await this.fetchView();
                if (fresh.taken) {
                    view = this.view;
                    this.post(fresh.patches);
                }
            } catch {
                // Use the view on screen.
            }
            if (!view) {
                void vscode.window.showWarningMessage(this.host.strings.exportNoView);
                return;
            }
            await this.host.exportView(view, exportFormat, this.resourceUri, withFindings);
        } finally {
            this.exporting = false;
            this.postBusy(null);
        }
    }

    private postBusy(busy: ExportFormat | null): void {
        if (this.ready && !this.disposed) void this.panel.webview.postMessage({ type: 'busy', format: busy } satisfies HostMessage);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.throttle.dispose();
        this.disposeEmitter.fire();
        for (const d of this.disposables) d.dispose();
        this.disposeEmitter.dispose();
        this.activeEmitter.dispose();
        this.panel.dispose();
    }
}
