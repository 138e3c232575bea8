// "Export annexes" from the command palette or the explorer: asks for the formats and a folder, then
// writes every file atomically, asking before it overwrites one. Called by a program (tests, other
// extensions) with `(planUri, { formats, folder, overwrite? })`, it asks nothing and refuses to
// overwrite unless `overwrite` is true.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { PlanViewRequest, type PlanViewParams, type PlanViewResult } from '../../../common/protocol.js';
import { exportBaseOf, isSafeFileName } from './files.js';
import { startFolder, writeTargets, type Target } from './export.js';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat, type RenderExport } from '../../../common/export.js';
import { format, formatLabel, type Strings } from '../../../common/preview-strings.js';

export const EXPORT_COMMAND = 'plan.exportAnnexes';

export interface ExportCommandArgs { formats: ExportFormat[]; folder: vscode.Uri; overwrite?: boolean }

/** Checks what a caller passed; undefined when it is not a well-formed request. */
export function parseExportArgs(value: unknown): ExportCommandArgs | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as { formats?: unknown; folder?: unknown; overwrite?: unknown };
    if (!Array.isArray(v.formats) || v.formats.length === 0 || !v.formats.every(isExportFormat)) return undefined;
    if (!(v.folder instanceof vscode.Uri)) return undefined;
    return { formats: [...new Set(v.formats)], folder: v.folder, overwrite: v.overwrite === true };
}

export async function runExportCommand(
    client: LanguageClient, plan: vscode.Uri | undefined, rawArgs: unknown, s: Strings, render: () => Promise<RenderExport>
): Promise<string[] | undefined> {
    if (!plan) {
        void vscode.window.showInformationMessage(s.noPlanEditor);
        return undefined;
    }
    let request: ExportCommandArgs | undefined;
    if (rawArgs !== undefined) {
        request = parseExportArgs(rawArgs);
        if (!request) {
            void vscode.window.showErrorMessage(format(s.exportBadArgs, EXPORT_FORMATS.join(', ')));
            return undefined;
        }
    } else {
        const picked = await vscode.window.showQuickPick(
            EXPORT_FORMATS.map(f => ({ label: formatLabel(f, s), format: f, picked: f === 'docx' || f === 'xlsx' })),
            { canPickMany: true, title: s.exportPickFormats }
        );
        if (!picked || picked.length === 0) return undefined;
        const folder = await vscode.window.showOpenDialog({
            canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: startFolder(plan),
            title: s.exportPickFolder, openLabel: s.exportFolderLabel
        });
        if (!folder?.[0]) return undefined;
        request = { formats: picked.map(p => p.format), folder: folder[0] };
    }
    const label = request.formats.map(f => formatLabel(f, s)).join(', ');
    try {
        const params: PlanViewParams = { uri: plan.toString() };
        const view = await client.sendRequest<PlanViewResult>(PlanViewRequest, params);
        if (!view) {
            void vscode.window.showErrorMessage(s.exportNoView);
            return undefined;
        }
        const renderExport = await render();
        const targets: Target[] = [];
        for (const f of request.formats) {
            for (const file of (await renderExport(view, f, { baseName: exportBaseOf(plan) })).files) {
                if (!isSafeFileName(file.name)) throw new Error(format(s.badFileName, file.name));
                targets.push({ uri: vscode.Uri.joinPath(request.folder, file.name), data: file.data });
            }
        }
        const existing = rawArgs === undefined ? 'ask' : request.overwrite ? 'overwrite' : 'refuse';
        return await writeTargets(targets, s, existing);
    } catch (e) {
        void vscode.window.showErrorMessage(format(s.exportFailed, label, (e as Error)?.message ?? String(e)));
        return undefined;
    }
}
