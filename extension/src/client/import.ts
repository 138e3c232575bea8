// The import in VS Code (issue 18): "Paste as plan table" when the clipboard holds a table copied from
// Excel, Calc or Word (VS Code's document paste edit API: the plain paste stays one choice away in
// the paste widget), and the commands "Import table from file…" and "Import plan from Word
// document…". The server does the import (plan/importClipboard, plan/importFile) and returns edits;
// the extension applies them, so they are undone with one Ctrl+Z, and lists what could not be placed.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import {
    ImportClipboardRequest, ImportFileRequest,
    type ImportClipboardParams, type ImportClipboardResult, type ImportFileParams, type ImportOutcome, type PlainTextEdit
} from '../../../common/protocol.js';
import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES, choiceLabel, clipboardMayHoldTable, freePlanName, mainEdit, pastePlanOf, toBase64 } from './import-logic.js';

export const ImportCommandIds = {
    importTableFromFile: 'plan.importTableFromFile',
    importPlanFromWord: 'plan.importPlanFromWord'
} as const;

/** The kind of the paste edit: a refinement of text, so `editor.pasteAs.preferences` can name it. */
export const PLAN_TABLE_PASTE_KIND = 'text.plan.table';

/** How long after offering a paste its application is recognised, to list its problems. */
const PASTE_WINDOW_MS = 60_000;

/** The plan language server, as the import needs it: requests only (a LanguageClient in the extension). */
export type ImportServer = Pick<LanguageClient, 'sendRequest'>;

/**
 * Offers "Paste as plan table" when the clipboard holds a table. VS Code orders the providers by how
 * closely their selector matches the document, so this `plan` provider comes before the built-in
 * "Insert Plain Text" (selector `*`) and is the paste's default; the paste widget (and Ctrl+. after
 * the paste) offers the plain text. A clipboard without a table offers nothing here, and pastes as ever.
 */
export class PlanTablePasteProvider implements vscode.DocumentPasteEditProvider {
    static readonly kind = vscode.DocumentDropOrPasteEditKind.Text.append('plan', 'table');
    /** The last paste offered: when it is applied, its problems are shown. */
    private offered: { uri: string; text: string; outcome: ImportOutcome; at: number } | undefined;

    constructor(private readonly server: ImportServer, private readonly report: (outcome: ImportOutcome) => void) {}

    async provideDocumentPasteEdits(
        document: vscode.TextDocument, ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer,
        _context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken
    ): Promise<vscode.DocumentPasteEdit[] | undefined> {
        if (ranges.length !== 1) return undefined;   // one table, not one per cursor
        const html = await dataTransfer.get('text/html')?.asString();
        const text = await dataTransfer.get('text/plain')?.asString();
        if (!clipboardMayHoldTable(html, text) || token.isCancellationRequested) return undefined;
        const position = { line: ranges[0].start.line, character: ranges[0].start.character };
        const params: ImportClipboardParams = { uri: document.uri.toString(), position, html, text };
        let outcome: ImportClipboardResult;
        try {
            outcome = await this.server.sendRequest<ImportClipboardResult>(ImportClipboardRequest, params, token);
        } catch {
            return undefined;   // the server is not running: the plain paste is all there is
        }
        if (!outcome?.ok || !outcome.edits || token.isCancellationRequested) return undefined;
        const plan = pastePlanOf(outcome.edits, position);
        const edit = new vscode.DocumentPasteEdit(plan.insertText, vscode.l10n.t('Paste as plan table'), PlanTablePasteProvider.kind);
        if (plan.additional.length > 0) {
            edit.additionalEdit = new vscode.WorkspaceEdit();
            edit.additionalEdit.set(document.uri, plan.additional.map(toVscodeEdit));
        }
        this.offered = { uri: document.uri.toString(), text: mainEdit(outcome.edits)?.newText ?? '', outcome, at: Date.now() };
        return [edit];
    }

    /** A change that inserted the offered table: the paste was taken, its problems are listed. */
    noticeChange(event: vscode.TextDocumentChangeEvent): void {
        const offered = this.offered;
        if (!offered || event.document.uri.toString() !== offered.uri || Date.now() - offered.at > PASTE_WINDOW_MS) return;
        if (!offered.text || !event.contentChanges.some(c => c.text === offered.text)) return;
        this.offered = undefined;
        if (offered.outcome.problems.length > 0) this.report(offered.outcome);
    }
}

function toVscodeEdit(edit: PlainTextEdit): vscode.TextEdit {
    const { start, end } = edit.range;
    return new vscode.TextEdit(new vscode.Range(new vscode.Position(start.line, start.character), new vscode.Position(end.line, end.character)), edit.newText);
}

/**
 * What could not be placed, after an import: the server's message (which lists the first problems
 * with their addresses) in a notification, and every problem in the output channel on request.
 */
export function reportProblems(output: vscode.OutputChannel, outcome: ImportOutcome): void {
    if (outcome.problems.length === 0) {
        vscode.window.setStatusBarMessage(outcome.message, 5000);
        return;
    }
    output.appendLine(outcome.message);
    for (const p of outcome.problems) output.appendLine(`  ${p.severity === 'error' ? '✗' : '!'} ${p.at}: ${p.message}`);
    const showAll = vscode.l10n.t('Show all');
    void vscode.window.showWarningMessage(outcome.message, showAll).then(choice => {
        if (choice === showAll) output.show(true);
    });
}

/** The file to import, from an open dialog (the plan's folder first). */
async function pickFile(title: string, extensions: readonly string[], near?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({
        title,
        canSelectMany: false,
        defaultUri: near ? vscode.Uri.joinPath(near, '..') : vscode.workspace.workspaceFolders?.[0]?.uri,
        filters: { [vscode.l10n.t('Excel, CSV and Word files')]: [...extensions] }
    });
    return picked?.[0];
}

/** A file's bytes in base64, or undefined (said) when it cannot be read or is too large. */
async function readForImport(file: vscode.Uri): Promise<string | undefined> {
    try {
        const { size } = await vscode.workspace.fs.stat(file);
        if (size > MAX_IMPORT_BYTES) {
            void vscode.window.showErrorMessage(vscode.l10n.t('{0} is too large to import ({1} MB; at most {2} MB).', baseName(file), (size / 1048576).toFixed(1), MAX_IMPORT_BYTES / 1048576));
            return undefined;
        }
        return toBase64(await vscode.workspace.fs.readFile(file));
    } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be read: {1}', file.fsPath, (e as Error)?.message ?? String(e)));
        return undefined;
    }
}

function baseName(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * Sends the import to the server; when the file has several sheets or tables and none was named,
 * asks which one and sends it again. Undefined when cancelled or failed (the failure said).
 */
async function requestImport(server: ImportServer, params: ImportFileParams): Promise<ImportOutcome | undefined> {
    let outcome: ImportOutcome;
    try {
        outcome = await server.sendRequest<ImportOutcome>(ImportFileRequest, params);
        if (!outcome.ok && outcome.choices && params.sheet === undefined && params.table === undefined) {
            const picked = await vscode.window.showQuickPick(
                outcome.choices.map(c => ({ label: choiceLabel(c), choice: c })),
                { title: vscode.l10n.t('Which table to import?'), placeHolder: outcome.message }
            );
            if (!picked) return undefined;
            outcome = await server.sendRequest<ImportOutcome>(ImportFileRequest, { ...params, sheet: picked.choice.sheet, table: picked.choice.table, all: picked.choice.all });
        }
    } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The plan language server could not import the file: {0}', (e as Error)?.message ?? String(e)));
        return undefined;
    }
    if (!outcome.ok) {
        void vscode.window.showErrorMessage(outcome.message);
        return undefined;
    }
    return askYearKinds(server, params, outcome);
}

/**
 * The kinds of the years no heading stated ("Năm 2024": a result or a plan?), asked one by one with the
 * importer's guess first; the import is made again with the answers when one differs. Dismissing a
 * question keeps the guess, which the imported text says in a comment.
 */
async function askYearKinds(server: ImportServer, params: ImportFileParams, outcome: ImportOutcome): Promise<ImportOutcome> {
    const guessed = outcome.yearsGuessed ?? [];
    if (guessed.length === 0 || params.kind !== 'table' || params.years) return outcome;
    const names: Record<YearKind, string> = {
        result: vscode.l10n.t('a result'), plan: vscode.l10n.t('a plan (target)'), estimate: vscode.l10n.t('an estimate'), actual: vscode.l10n.t('an actual (monitoring)')
    };
    const years: Record<string, YearKind> = {};
    for (const g of guessed) {
        const order: YearKind[] = [g.kind, ...YEAR_KINDS.filter(k => k !== g.kind)];
        const picked = await vscode.window.showQuickPick(
            order.map((kind, i) => ({ label: names[kind], ...(i === 0 ? { description: vscode.l10n.t('the importer\'s guess') } : {}), yearKind: kind })),
            { title: vscode.l10n.t('Year {0}: the heading "{1}" does not say', g.year, g.heading), placeHolder: vscode.l10n.t('What are the figures of {0}?', g.year) }
        );
        years[g.year] = picked?.yearKind ?? g.kind;
    }
    if (guessed.every(g => years[g.year] === g.kind)) return outcome;
    try {
        const again = await server.sendRequest<ImportOutcome>(ImportFileRequest, { ...params, years });
        return again.ok ? again : outcome;
    } catch {
        return outcome;
    }
}

type YearKind = 'result' | 'plan' | 'estimate' | 'actual';
const YEAR_KINDS: readonly YearKind[] = ['result', 'plan', 'estimate', 'actual'];

/**
 * "Import table from file…": a table of an Excel, CSV or Word file into the active plan, after its
 * last table, with the unit declarations it needs. Returns whether the plan was changed.
 */
export async function importTableFromFile(server: ImportServer, output: vscode.OutputChannel, file?: vscode.Uri): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'plan') {
        void vscode.window.showErrorMessage(vscode.l10n.t('Open the plan the table goes into first.'));
        return false;
    }
    const document = editor.document;
    file ??= await pickFile(vscode.l10n.t('Import table from file'), IMPORT_EXTENSIONS, document.uri.scheme === 'file' ? document.uri : undefined);
    if (!file) return false;
    const data = await readForImport(file);
    if (data === undefined) return false;
    const outcome = await requestImport(server, { kind: 'table', uri: document.uri.toString(), data, name: baseName(file) });
    if (!outcome?.edits) return false;
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, outcome.edits.map(toVscodeEdit));
    if (!await vscode.workspace.applyEdit(edit)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The imported table could not be put into the plan (it changed meanwhile?): try again.'));
        return false;
    }
    const main = mainEdit(outcome.edits);
    if (main && vscode.window.activeTextEditor?.document === document) {
        const at = new vscode.Position(main.range.start.line, main.range.start.character);
        vscode.window.activeTextEditor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    }
    reportProblems(output, outcome);
    return true;
}

/**
 * "Import plan from Word document…": the whole plan of a .docx, written beside it as a new .plan
 * (`bao-cao.plan`, or `bao-cao-2.plan` when that exists) and opened. Returns the new plan's uri.
 */
export async function importPlanFromWord(server: ImportServer, output: vscode.OutputChannel, file?: vscode.Uri): Promise<vscode.Uri | undefined> {
    file ??= await pickFile(vscode.l10n.t('Import plan from Word document'), ['docx'], vscode.window.activeTextEditor?.document.uri);
    if (!file) return undefined;
    const data = await readForImport(file);
    if (data === undefined) return undefined;
    const folder = vscode.Uri.joinPath(file, '..');
    const names = new Set((await Promise.resolve(vscode.workspace.fs.readDirectory(folder)).catch(() => [])).map(([name]) => name));
    const target = vscode.Uri.joinPath(folder, freePlanName(baseName(file), name => names.has(name)));
    const outcome = await requestImport(server, { kind: 'plan', data, name: baseName(file), target: target.toString() });
    if (outcome?.text === undefined) return undefined;
    try {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(outcome.text));
    } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The new plan could not be written: {0}', (e as Error)?.message ?? String(e)));
        return undefined;
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
    reportProblems(output, outcome);
    return target;
}

export function registerImport(context: vscode.ExtensionContext, server: ImportServer, output: vscode.OutputChannel): PlanTablePasteProvider {
    const paste = new PlanTablePasteProvider(server, outcome => reportProblems(output, outcome));
    context.subscriptions.push(
        vscode.languages.registerDocumentPasteEditProvider({ language: 'plan' }, paste, {
            providedPasteEditKinds: [PlanTablePasteProvider.kind],
            pasteMimeTypes: ['text/html', 'text/plain']
        }),
        vscode.workspace.onDidChangeTextDocument(e => paste.noticeChange(e)),
        vscode.commands.registerCommand(ImportCommandIds.importTableFromFile, (file?: unknown) =>
            importTableFromFile(server, output, file instanceof vscode.Uri ? file : undefined)),
        vscode.commands.registerCommand(ImportCommandIds.importPlanFromWord, (file?: unknown) =>
            importPlanFromWord(server, output, file instanceof vscode.Uri ? file : undefined))
    );
    return paste;
}
