// The import in the editor (issue 18): a pasted table or an office file into an open plan, a whole
// plan from a Word document. One service behind the LSP command `plan.importTable`/`plan.importPlan`
// (any LSP client: the change applied through workspace/applyEdit, the problems said through
// window/showMessage) and behind the VS Code requests plan/importClipboard and plan/importFile (the
// edits returned, nothing applied). Untrusted input: whatever it holds, the answer is an outcome with
// a message, never an exception out of here.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DocumentState, TextDocument, URI, type LangiumDocument } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import { MessageType, ShowMessageNotification, type ClientCapabilities, type Connection, type WorkspaceEdit } from 'vscode-languageserver';
import { said, say, type Said } from '../../../common/catalogue.js';
import type { Locale } from '../../../common/locale.js';
import {
    ImportCommands,
    type ImportChoice, type ImportOutcome, type ImportPlanArgs, type ImportProblemReport, type ImportSourceArgs, type ImportTableArgs,
    type PlainTextEdit, type TextPosition
} from '../../../common/protocol.js';
import { IMPORT_EDITOR_WORDS as W } from '../../../common/words/import-editor.js';
import type { PlanServices } from '../plan-module.js';
import type * as EditorSourcesModule from './editor-sources.js';
import { importContextOf, importContextOfDocument } from './index.js';
import { insertImport } from './insert.js';
import { DEFAULT_IMPORT_LIMITS, ImportError } from './limits.js';
import type { ImportContext, ImportProblem, ImportResult } from './table.js';

type EditorSources = typeof EditorSourcesModule;

/**
 * The office readers (exceljs, jszip, saxes, parse5…), loaded on the first import: every server and
 * CLI start would otherwise load and compile them for a command that most runs never give.
 */
function readers(): Promise<EditorSources> {
    return import('./editor-sources.js');
}

/** How many problems a message lists before "… and N more" (the outcome carries them all). */
const LISTED_PROBLEMS = 8;

/** A message that ends the import: said to the user as it is, in their language. */
class ImportStop extends Error {
    constructor(readonly said: Said, readonly choices?: ImportChoice[], readonly noTable = false) {
        super(said.words.en);
    }
}

/** Where the bytes of a file import come from, once read. */
interface FileSource { kind: 'file'; bytes: Uint8Array; name: string; path?: string }
interface ClipSource { kind: 'clipboard'; html?: string; text?: string }
type Source = FileSource | ClipSource;

export class PlanImportService {
    private capabilities: ClientCapabilities = {};

    constructor(private readonly plan: PlanServices) {
        plan.shared.lsp.LanguageServer.onInitialize(params => { this.capabilities = params.capabilities; });
    }

    private get locale(): Locale {
        return this.plan.plan.Settings.locale;
    }

    private get connection(): Connection | undefined {
        return this.plan.shared.lsp.Connection;
    }

    private say(s: Said): string {
        return say(s.words, this.locale, s.args);
    }

    /** A table into the plan at `args.uri`: the edits, applied when `apply` (the command's default). */
    async importTable(args: ImportTableArgs, apply: boolean, command: string = ImportCommands.importTable): Promise<ImportOutcome> {
        let source = this.say(said(W.clipboard));
        try {
            checkArgs(command, args, { uri: 'string', position: 'position?' });
            const read = await this.readSource(command, args);
            if (read.kind === 'file') source = read.name;
            const uri = URI.parse(args.uri);
            const { text, document, parsed } = await this.planText(uri);
            const context = document ? importContextOfDocument(this.plan, document, this.locale) : importContextOf(undefined, text, this.locale);
            context.yearKinds = yearKindsOf(command, args.years);
            const result = read.kind === 'clipboard'
                ? await (await readers()).importClipboard(this.plan, { html: read.html, text: read.text }, context)
                : await (await readers()).importFile(this.plan, read.bytes, read.name, context, { sheet: args.sheet, table: args.table, all: args.all });
            if (!result) throw new ImportStop(said(W.noTable, { source }), undefined, true);
            const offset = args.position ? offsetAt(text, args.position) : undefined;
            const edits = insertImport(parsed, result, offset).map(e => toTextEdit(text, e));
            const guessed = result.guessedYears?.length ? { yearsGuessed: result.guessedYears } : {};
            const outcome = this.outcome(said(W.tableImported, { source, plan: baseName(uri) }), result.problems, { edits, ...guessed });
            if (apply) await this.apply(outcome, { changes: { [args.uri]: edits } }, command);
            return outcome;
        } catch (error) {
            return this.failure(error, source, apply);
        }
    }

    /** A whole plan from a Word document: its text, written to `target` (a new file) when `apply`. */
    async importPlan(args: ImportPlanArgs, apply: boolean, command: string = ImportCommands.importPlan): Promise<ImportOutcome> {
        let source = '';
        try {
            checkArgs(command, args, { target: 'string?' });
            const read = await this.readSource(command, args);
            if (read.kind !== 'file') throw new ImportStop(said(W.noSource, { command }));
            source = read.name;
            const target = args.target ?? (read.path ? pathToFileURL(withExtension(read.path, '.plan')).toString() : undefined);
            if (!target) throw new ImportStop(said(W.noTarget, { command }));
            const result = await (await readers()).importFile(this.plan, read.bytes, read.name, importContextOfDocument(this.plan, undefined, this.locale), { sheet: args.sheet, table: args.table, whole: true });
            const headline = apply ? said(W.planImported, { target: baseName(URI.parse(target)), source }) : said(W.planText, { source });
            const outcome = this.outcome(headline, result.problems, { target, text: result.text });
            if (apply) await this.writePlan(outcome, target, result, command);
            return outcome;
        } catch (error) {
            return this.failure(error, source || this.say(said(W.clipboard)), apply);
        }
    }

    /** The clipboard's flavours, a file on this machine, or bytes sent in base64. */
    private async readSource(command: string, args: ImportSourceArgs): Promise<Source> {
        checkArgs(command, args, { html: 'string?', text: 'string?', file: 'string?', data: 'string?', name: 'string?', sheet: 'string?', table: 'number?', all: 'boolean?' });
        if (args.file !== undefined) {
            const file = args.file.startsWith('file:') ? pathOfFileUri(command, args.file) : args.file;
            const name = args.name ?? path.basename(file);
            return { kind: 'file', bytes: await readBounded(file, name), name, path: file };
        }
        if (args.data !== undefined) {
            if (!args.name) throw new ImportStop(said(W.badArgument, { command, name: 'name', expected: 'bang.xlsx' }));
            checkSize(args.name, Math.floor(args.data.length * 3 / 4));
            if (!/^[A-Za-z0-9+/]*={0,2}$/.test(args.data.replace(/\s+/g, ''))) {
                throw new ImportStop(said(W.badArgument, { command, name: 'data', expected: 'base64' }));
            }
            return { kind: 'file', bytes: new Uint8Array(Buffer.from(args.data, 'base64')), name: args.name };
        }
        if (args.html !== undefined || args.text !== undefined) return { kind: 'clipboard', html: args.html, text: args.text };
        throw new ImportStop(said(W.noSource, { command }));
    }

    /**
     * The plan's current text (the editor's, when it is open); its workspace document once linked (what
     * it declares, for matching); and that very text parsed, where the insertions are placed (the
     * workspace document may still be a keystroke behind).
     */
    private async planText(uri: URI): Promise<{ text: string; document: LangiumDocument | undefined; parsed: LangiumDocument }> {
        const shared = this.plan.shared;
        const open = shared.workspace.TextDocuments?.get(uri.toString());
        let document = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!open && !document) {
            try {
                document = await shared.workspace.LangiumDocuments.getOrCreateDocument(uri);
                await shared.workspace.DocumentBuilder.build([document]);
            } catch (error) {
                throw new ImportStop(said(W.noPlan, { plan: uri.toString(), reason: reasonOf(error) }));
            }
        } else {
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri).catch(() => undefined);
            document = shared.workspace.LangiumDocuments.getDocument(uri);
            if (!document || document.state < DocumentState.Linked) {
                // Created by an editor's request after the workspace was built, and not built since
                // (the wait then fails at once): built now, as an edit would, so its units are known.
                await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([uri], [], token));
                document = shared.workspace.LangiumDocuments.getDocument(uri);
                if (document && document.state < DocumentState.Linked) document = undefined;
            }
        }
        const text = open?.getText() ?? document?.textDocument.getText() ?? '';
        return { text, document, parsed: shared.workspace.LangiumDocumentFactory.fromString(text, uri) };
    }

    private outcome(headline: Said, problems: ImportProblem[], rest: Partial<ImportOutcome>): ImportOutcome {
        const reports = problems.map(p => this.report(p));
        return { ok: true, message: this.summary(headline, reports), problems: reports, ...rest };
    }

    private report(problem: ImportProblem): ImportProblemReport {
        return { at: problem.at, message: this.say(problem.said), severity: problem.severity };
    }

    /** The headline, and the problems listed after it with their addresses. */
    private summary(headline: Said, problems: ImportProblemReport[]): string {
        const head = this.say(headline);
        if (problems.length === 0) return head;
        const listed = problems.slice(0, LISTED_PROBLEMS).map(p => this.say(said(W.problemAt, { at: p.at, message: p.message })));
        if (problems.length > LISTED_PROBLEMS) listed.push(this.say(said(W.more, { count: problems.length - LISTED_PROBLEMS })));
        return `${head} ${this.say(said(W.problems, { count: problems.length, list: listed.join('; ') }))}`;
    }

    private async apply(outcome: ImportOutcome, edit: WorkspaceEdit, label: string): Promise<void> {
        const connection = this.connection;
        if (!connection) return;
        const answer = await connection.workspace.applyEdit({ label, edit });
        outcome.applied = answer.applied;
        if (!answer.applied) {
            outcome.ok = false;
            outcome.message = this.say(said(W.notApplied, { reason: answer.failureReason ?? '' }));
        }
        this.show(outcome);
    }

    /**
     * A new plan file: created through the client when it can create files (so that it is open,
     * unsaved changes and all, in the editor), else written here, never over an existing file.
     */
    private async writePlan(outcome: ImportOutcome, target: string, result: ImportResult, label: string): Promise<void> {
        const uri = URI.parse(target);
        if (uri.scheme === 'file' && await exists(uri.fsPath)) throw new ImportStop(said(W.targetExists, { target: uri.fsPath }));
        const connection = this.connection;
        const canCreate = this.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true
            && this.capabilities.workspace.workspaceEdit.documentChanges === true;
        if (connection && canCreate) {
            await this.apply(outcome, {
                documentChanges: [
                    { kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: false } },
                    { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: result.text }] }
                ]
            }, label);
            if (!outcome.applied) return;
        } else {
            if (uri.scheme !== 'file') throw new ImportStop(said(W.cannotWrite, { target, reason: uri.scheme }));
            try {
                await fs.writeFile(uri.fsPath, result.text, { encoding: 'utf8', flag: 'wx' });
            } catch (error) {
                throw new ImportStop(said(W.cannotWrite, { target: uri.fsPath, reason: reasonOf(error) }));
            }
            outcome.applied = true;
            this.show(outcome);
        }
        if (connection && this.capabilities.window?.showDocument?.support) {
            await connection.window.showDocument({ uri: target, takeFocus: true }).catch(() => undefined);
        }
    }

    /**
     * window/showMessage (a notification: nothing to answer): information when all was placed, a
     * warning listing what was not, an error when nothing was imported.
     */
    private show(outcome: ImportOutcome): void {
        const type = !outcome.ok ? MessageType.Error : outcome.problems.length > 0 ? MessageType.Warning : MessageType.Info;
        void this.connection?.sendNotification(ShowMessageNotification.type, { type, message: outcome.message });
    }

    private failure(error: unknown, source: string, notify: boolean): ImportOutcome {
        const outcome: ImportOutcome = { ok: false, message: '', problems: [] };
        if (error instanceof ImportStop) {
            outcome.message = this.say(error.said);
            if (error.choices) outcome.choices = error.choices;
            if (error.noTable) outcome.noTable = true;
        } else if (error instanceof ImportError) {
            // The importer's words name the file and the place themselves.
            outcome.message = this.say(error.said);
            const choices = choicesOf(error);
            if (choices) outcome.choices = choices;
        } else {
            // The importer's own fault: said and logged, the server goes on.
            console.error(`import of ${source} failed:`, error);
            outcome.message = this.say(said(W.internal, { source, reason: reasonOf(error) }));
        }
        if (notify) this.show(outcome);
        return outcome;
    }
}

/**
 * The LSP commands, for every client (workspace/executeCommand). Langium advertises the names in
 * `executeCommandProvider` and routes the calls here; the first argument is the arguments object.
 */
export class PlanExecuteCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly services: () => PlanImportService) {
        super();
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(ImportCommands.importTable, args => this.services().importTable(argumentObject(args) as unknown as ImportTableArgs, applyOf(args)));
        accept(ImportCommands.importPlan, args => this.services().importPlan(argumentObject(args) as unknown as ImportPlanArgs, applyOf(args)));
    }
}

/** The first argument as an object (Neovim and eglot pass one table/plist), {} when there is none. */
function argumentObject(args: unknown[]): Record<string, unknown> {
    const first = args[0];
    return first && typeof first === 'object' && !Array.isArray(first) ? first as Record<string, unknown> : {};
}

function applyOf(args: unknown[]): boolean {
    return argumentObject(args).apply !== false;
}

type Expected = 'string' | 'string?' | 'number?' | 'boolean?' | 'position?';

/** A wrong argument's type is said, with the argument's name, before anything is read. */
function checkArgs(command: string, args: object, expected: Record<string, Expected>): void {
    const record = args as Record<string, unknown>;
    for (const [name, type] of Object.entries(expected)) {
        const value = record[name];
        const absent = value === undefined || value === null;
        const ok = type === 'string' ? typeof value === 'string'
            : type === 'string?' ? absent || typeof value === 'string'
                : type === 'number?' ? absent || (typeof value === 'number' && Number.isInteger(value) && value > 0)
                    : type === 'boolean?' ? absent || typeof value === 'boolean'
                    : absent || isPosition(value);
        if (!ok) throw new ImportStop(said(W.badArgument, { command, name, expected: EXPECTED[type] }));
        if (value === null) delete record[name];
    }
}

const YEAR_KINDS = ['result', 'plan', 'estimate', 'actual'] as const;

/** `years` as sent (`{ "2024": "result" }`): checked, since a client is not trusted to send it right. */
function yearKindsOf(command: string, years: unknown): ImportContext['yearKinds'] {
    if (years === undefined || years === null) return undefined;
    const bad = () => new ImportStop(said(W.badArgument, { command, name: 'years', expected: '{ "2024": "result" | "plan" | "estimate" | "actual" }' }));
    if (typeof years !== 'object' || Array.isArray(years)) throw bad();
    const out: NonNullable<ImportContext['yearKinds']> = {};
    for (const [year, kind] of Object.entries(years as Record<string, unknown>)) {
        if (!/^(19|20)\d{2}$/.test(year) || !YEAR_KINDS.includes(kind as typeof YEAR_KINDS[number])) throw bad();
        out[Number(year)] = kind as typeof YEAR_KINDS[number];
    }
    return out;
}

const EXPECTED: Record<Expected, string> = {
    'string': 'string', 'string?': 'string', 'number?': 'number ≥ 1', 'boolean?': 'true or false', 'position?': '{ line, character }'
};

function isPosition(value: unknown): boolean {
    const p = value as { line?: unknown; character?: unknown };
    return typeof value === 'object' && [p.line, p.character].every(n => typeof n === 'number' && Number.isInteger(n) && n >= 0);
}

/** A file of at most the import's size limit, read whole; its name says its format. */
async function readBounded(file: string, name: string): Promise<Uint8Array> {
    let size: number;
    try {
        size = (await fs.stat(file)).size;
    } catch (error) {
        throw new ImportStop(said(W.cannotRead, { file, reason: reasonOf(error) }));
    }
    checkSize(name, size);
    try {
        return new Uint8Array(await fs.readFile(file));
    } catch (error) {
        throw new ImportStop(said(W.cannotRead, { file, reason: reasonOf(error) }));
    }
}

/** A `file:` URI's path; one that names another host or is malformed is a wrong argument. */
function pathOfFileUri(command: string, uri: string): string {
    try {
        return fileURLToPath(uri);
    } catch {
        throw new ImportStop(said(W.badArgument, { command, name: 'file', expected: 'file:///…' }));
    }
}

function checkSize(name: string, size: number): void {
    const max = DEFAULT_IMPORT_LIMITS.maxFileBytes;
    if (size > max) throw new ImportStop(said(W.tooLarge, { file: name, size: (size / 1048576).toFixed(1), max: max / 1048576 }));
}

async function exists(file: string): Promise<boolean> {
    return fs.stat(file).then(() => true, () => false);
}

/** The sheets or tables an ImportError offers to choose from, when the importer gives them. */
function choicesOf(error: ImportError): ImportChoice[] | undefined {
    const choices = error.choices;
    return Array.isArray(choices) && choices.length > 0 ? choices : undefined;
}

function reasonOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

function baseName(uri: URI): string {
    return path.posix.basename(uri.path) || uri.toString();
}

function withExtension(file: string, extension: string): string {
    return file.slice(0, file.length - path.extname(file).length) + extension;
}

/** The offset of an LSP position in the text (clamped to the text, as LSP says). */
export function offsetAt(text: string, position: TextPosition): number {
    return TextDocument.create('untitled:plan', 'plan', 0, text).offsetAt(position);
}

/** An importer's edit (offsets into the text) as an LSP TextEdit. */
export function toTextEdit(text: string, edit: { offset: number; length: number; newText: string }): PlainTextEdit {
    const document = TextDocument.create('untitled:plan', 'plan', 0, text);
    return { range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) }, newText: edit.newText };
}

