// The preview's export buttons: renders the plan view with the shared exporters, asks where to save
// (a file, or a folder when the format makes several files), confirms before overwriting anything,
// and writes the files all or none (temporary files beside them, then renames).
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

/** A name beside `uri` for a file of ours that is not yet (or no longer) the target: `.<name>.<hex>.tmp|bak`. */
function beside(uri: vscode.Uri, kind: 'tmp' | 'bak'): vscode.Uri {
    return vscode.Uri.joinPath(uri, '..', `.${path.posix.basename(uri.path)}.${randomBytes(6).toString('hex')}.${kind}`);
}

async function removeQuietly(uris: vscode.Uri[]): Promise<void> {
    for (const uri of uris) await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
}

/** Writes beside the target and renames over it, so a failed write never leaves half a file. */
export async function writeAtomically(uri: vscode.Uri, data: Uint8Array): Promise<void> {
    await writeAllOrNothing([{ uri, data }]);
}

/**
 * Every file or none, as the command line writes them (export/write.ts): each is written to a
 * temporary file beside its target first, and only when all are written are they put in place,
 * a file already there moved aside first. A write that fails leaves the targets as they were; a
 * placing that fails puts back what was there (a new file is removed) before the error goes on.
 */
export async function writeAllOrNothing(targets: Target[]): Promise<void> {
    const temps: vscode.Uri[] = [];
    try {
        for (const t of targets) {
            const temp = beside(t.uri, 'tmp');
            temps.push(temp);
            await vscode.workspace.fs.writeFile(temp, t.data);
        }
    } catch (e) {
        await removeQuietly(temps);
        throw e;
    }
    const placed: { target: vscode.Uri; backup?: vscode.Uri; done: boolean }[] = [];
    try {
        for (const [i, t] of targets.entries()) {
            const entry: { target: vscode.Uri; backup?: vscode.Uri; done: boolean } = { target: t.uri, done: false };
            placed.push(entry);
            if (await exists(t.uri)) {
                const backup = beside(t.uri, 'bak');
                await vscode.workspace.fs.rename(t.uri, backup, { overwrite: false });
                entry.backup = backup;
            }
            await vscode.workspace.fs.rename(temps[i], t.uri, { overwrite: false });
            entry.done = true;
        }
    } catch (e) {
        for (const entry of placed.reverse()) {
            if (entry.done && !entry.backup) await removeQuietly([entry.target]);
            if (entry.backup) await Promise.resolve(vscode.workspace.fs.rename(entry.backup, entry.target, { overwrite: true })).catch(() => undefined);
        }
        await removeQuietly(temps);
        throw e;
    }
    await removeQuietly(placed.flatMap(p => (p.backup ? [p.backup] : [])));
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
    await writeAllOrNothing(targets);
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


/**
 * Exports the view as the CLI's `plan export` does; `withFindings` as its `--findings sheet,comments`:
 * the review sheet beside the annexes, a findings sheet in XLSX, Word comments and HTML marks in the document.
 */
export async function exportPlanView(view: PlanView, exportFormat: ExportFormat, resource: vscode.Uri, s: Strings, render: () => Promise<RenderExport>, withFindings = false): Promise<void> {
    const label = formatLabel(exportFormat, s);
    try {
        const renderExport = await render();
        const { files } = await renderExport(view, exportFormat, { baseName: exportBaseOf(resource), ...(withFindings ? { findings: true, findingsInText: true } : {}) });
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
