// The preview's export buttons: renders the plan view with the shared exporters, asks where to save
// (a file, or a folder when the format makes several files), confirms before overwriting anything,
// and writes each file atomically (a temporary file beside it, then a rename).
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PlanView } from '../../../common/view.js';
import { chartImageBytes, exportBaseOf, extensionOf, isSafeFileName } from './files.js';
import type { ExportFormat, RenderExport } from '../../../common/export.js';
import type { ChartImageFormat } from '../../../common/webview.js';
import { format, formatLabel, type Strings } from '../../../common/preview-strings.js';

export interface Target { uri: vscode.Uri; data: Uint8Array }

function filterName(f: ExportFormat, s: Strings): string {
    return {
        docx: s.filterWord, xlsx: s.filterExcel, csv: s.filterCsv, html: s.filterHtml, md: s.filterMarkdown,
        'document-docx': s.filterWord, 'document-html': s.filterHtml
    }[f];
}

/** Where the dialogs start: the plan's folder, else the first workspace folder. */
export function startFolder(resource: vscode.Uri): vscode.Uri | undefined {
    if (resource.scheme !== 'untitled') return vscode.Uri.joinPath(resource, '..');
    return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

/** Writes beside the target and renames over it, so a failed write never leaves half a file. */
export async function writeAtomically(uri: vscode.Uri, data: Uint8Array): Promise<void> {
    const name = path.posix.basename(uri.path);
    const temp = vscode.Uri.joinPath(uri, '..', `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    await vscode.workspace.fs.writeFile(temp, data);
    try {
        await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (e) {
        await Promise.resolve(vscode.workspace.fs.delete(temp)).catch(() => undefined);
        throw e;
    }
}

/**
 * Writes the files, never overwriting one without the user's agreement: `ask` asks (modal), `refuse`
 * (a command called by a program, with no one to ask) writes nothing when a file exists. Returns the
 * names written, or undefined when nothing was.
 */
export async function writeTargets(targets: Target[], s: Strings, existing: 'ask' | 'refuse' | 'overwrite'): Promise<string[] | undefined> {
    const taken = (await Promise.all(targets.map(async t => ((await exists(t.uri)) ? t : undefined)))).filter((t): t is Target => t !== undefined);
    if (taken.length > 0 && existing !== 'overwrite') {
        const names = taken.map(t => path.posix.basename(t.uri.path));
        if (existing === 'refuse') {
            void vscode.window.showErrorMessage(format(s.exportExists, names.join(', ')));
            return undefined;
        }
        const question = names.length === 1 ? format(s.overwriteOne, names[0]) : format(s.overwriteMany, names.join(', '));
        const answer = await vscode.window.showWarningMessage(question, { modal: true }, s.overwrite);
        if (answer !== s.overwrite) return undefined;
    }
    for (const t of targets) await writeAtomically(t.uri, t.data);
    const written = targets.map(t => path.posix.basename(t.uri.path));
    void vscode.window.showInformationMessage(format(s.exported, written.join(', ')), s.openExported, s.revealExported).then(choice => {
        if (choice === s.openExported) return openExported(targets.map(t => t.uri));
        if (choice === s.revealExported) return revealExported(targets[0].uri);
    });
    return written;
}

/** Where VS Code runs beside the user's own programs (Word, Excel, the file manager): desktop, not remote. */
function onUsersMachine(): boolean {
    return vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
}

/**
 * "Open": Word and Excel files in their programs on the user's machine; the rest (and everything in a
 * browser or remote window, where no such program is at hand) in VS Code.
 */
export async function openExported(uris: vscode.Uri[]): Promise<void> {
    for (const uri of uris) {
        const office = ['docx', 'xlsx'].includes(extensionOf(uri.path));
        if (office && onUsersMachine()) await vscode.env.openExternal(uri);
        else await vscode.commands.executeCommand('vscode.open', uri);
    }
}

/** "Reveal": the file in the system's file manager on the user's machine, else in VS Code's Explorer. */
export async function revealExported(uri: vscode.Uri): Promise<void> {
    await vscode.commands.executeCommand(onUsersMachine() ? 'revealFileInOS' : 'revealInExplorer', uri);
}


export async function exportPlanView(view: PlanView, exportFormat: ExportFormat, resource: vscode.Uri, s: Strings, render: () => Promise<RenderExport>): Promise<void> {
    const label = formatLabel(exportFormat, s);
    try {
        const renderExport = await render();
        const { files } = await renderExport(view, exportFormat, { baseName: exportBaseOf(resource) });
        const bad = files.find(f => !isSafeFileName(f.name));
        if (bad) throw new Error(format(s.badFileName, bad.name));
        if (files.length === 0) return;
        const folder = startFolder(resource);
        let targets: Target[];
        if (files.length === 1) {
            const [file] = files;
            const uri = await vscode.window.showSaveDialog({
                defaultUri: folder ? vscode.Uri.joinPath(folder, file.name) : undefined,
                filters: { [filterName(exportFormat, s)]: [extensionOf(file.name) || exportFormat] },
                title: format(s.exportSaveTitle, label),
                saveLabel: s.exportSaveLabel
            });
            if (!uri) return;
            targets = [{ uri, data: file.data }];
        } else {
            const picked = await vscode.window.showOpenDialog({
                canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: folder,
                title: format(s.exportFolderTitle, label), openLabel: s.exportFolderLabel
            });
            if (!picked?.[0]) return;
            targets = files.map(f => ({ uri: vscode.Uri.joinPath(picked[0], f.name), data: f.data }));
        }
        await writeTargets(targets, s, 'ask');
    } catch (e) {
        void vscode.window.showErrorMessage(format(s.exportFailed, label, (e as Error)?.message ?? String(e)));
    }
}

/** Saves a chart image (from the preview's chart buttons) where the user chooses, beside the plan by default. */
export async function saveChartImage(planId: string, chart: string, chartFormat: ChartImageFormat, data: string, resource: vscode.Uri, s: Strings): Promise<void> {
    const label = chartFormat.toUpperCase();
    try {
        const bytes = chartImageBytes(chartFormat, data);
        if (!bytes) throw new Error(s.chartBadImage);
        const name = `${planId}-${chart}.${chartFormat}`;
        if (!isSafeFileName(name)) throw new Error(format(s.badFileName, name));
        const folder = startFolder(resource);
        const uri = await vscode.window.showSaveDialog({
            defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
            filters: { [chartFormat === 'png' ? s.filterPng : s.filterSvg]: [chartFormat] },
            title: format(s.chartSaveTitle, label),
            saveLabel: s.exportSaveLabel
        });
        if (!uri) return;
        await writeTargets([{ uri, data: bytes }], s, 'ask');
    } catch (e) {
        void vscode.window.showErrorMessage(format(s.exportFailed, label, (e as Error)?.message ?? String(e)));
    }
}
