// The preview panels, as the Markdown preview keeps them: at most one dynamic preview, which follows
// the active plan editor, and any number of locked previews, one per resource. Routes the server's
// "documents validated" notice to the previews of those documents, and restores panels after a reload.
import * as vscode from 'vscode';
import { parsePreviewState } from '../../../common/webview.js';
import { PlanPreview, PREVIEW_VIEW_TYPE, webviewOptions, type PreviewHost } from './preview.js';

const FOCUS_CONTEXT = 'planPreviewFocus';
const LOCKED_CONTEXT = 'planPreviewLocked';

export class PreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
    private readonly previews = new Set<PlanPreview>();
    private dynamic: PlanPreview | undefined;
    private active: PlanPreview | undefined;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly host: PreviewHost) {
        this.disposables.push(vscode.window.onDidChangeActiveTextEditor(editor => this.follow(editor)));
    }

    /** Opens (or reveals) the preview of a plan: beside the editor, or in the editor's own group. */
    open(resource: vscode.Uri, toSide: boolean): void {
        const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
        const locked = [...this.previews].find(p => p.locked && p.matches(resource));
        if (locked) {
            locked.panel.reveal(locked.panel.viewColumn, toSide);
            return;
        }
        if (this.dynamic) {
            this.dynamic.setResource(resource);
            this.dynamic.panel.reveal(column, toSide);
            return;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, '', { viewColumn: column, preserveFocus: toSide },
            webviewOptions(this.host.extensionUri));
        this.dynamic = this.register(new PlanPreview(panel, resource, false, this.host));
    }

    /** The preview a command applies to: the focused one, else the dynamic one. */
    get current(): PlanPreview | undefined {
        return this.active ?? this.dynamic;
    }

    toggleLock(preview = this.current): void {
        if (!preview) return;
        if (preview.locked) {
            // Only one preview follows the editor: unlocking this one retires the other.
            if (this.dynamic && this.dynamic !== preview) this.dynamic.dispose();
            this.dynamic = preview;
            preview.setLocked(false);
            this.follow(vscode.window.activeTextEditor);
        } else {
            if (this.dynamic === preview) this.dynamic = undefined;
            preview.setLocked(true);
        }
        this.updateContext();
    }

    /** The server validated these documents: their previews fetch the new view (throttled). */
    onValidated(uris: readonly string[]): void {
        const validated = new Set(uris.map(u => vscode.Uri.parse(u).toString()));
        for (const p of this.previews) if (validated.has(p.resource.toString())) p.refresh();
    }

    /** Rewrites every preview's page (the UI language changed). */
    reloadAll(): void {
        for (const p of this.previews) p.setHtml();
    }

    deserializeWebviewPanel(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
        this.restore(panel, raw);
        return Promise.resolve();
    }

    private restore(panel: vscode.WebviewPanel, raw: unknown): void {
        const state = parsePreviewState(raw);
        let resource: vscode.Uri | undefined;
        try {
            resource = state.resource ? vscode.Uri.parse(state.resource, true) : undefined;
        } catch {
            resource = undefined;
        }
        if (!resource) {
            panel.dispose(); // nothing to show: the state was lost or damaged
            return;
        }
        // Two restored dynamic previews cannot both follow the editor: the later ones stay locked.
        const locked = state.locked === true || this.dynamic !== undefined;
        const preview = this.register(new PlanPreview(panel, resource, locked, this.host, state));
        if (!locked) this.dynamic = preview;
    }

    private follow(editor: vscode.TextEditor | undefined): void {
        if (!this.dynamic || !editor || editor.document.languageId !== 'plan') return;
        this.dynamic.setResource(editor.document.uri);
    }

    private register(preview: PlanPreview): PlanPreview {
        this.previews.add(preview);
        preview.onDidDispose(() => {
            this.previews.delete(preview);
            if (this.dynamic === preview) this.dynamic = undefined;
            if (this.active === preview) this.active = undefined;
            this.updateContext();
        });
        preview.onDidChangeActive(active => {
            if (active) this.active = preview;
            else if (this.active === preview) this.active = undefined;
            this.updateContext();
        });
        if (preview.panel.active) this.active = preview;
        this.updateContext();
        return preview;
    }

    private updateContext(): void {
        void vscode.commands.executeCommand('setContext', FOCUS_CONTEXT, this.active !== undefined);
        void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, this.active?.locked ?? false);
    }

    dispose(): void {
        for (const p of [...this.previews]) p.dispose();
        for (const d of this.disposables) d.dispose();
    }
}
