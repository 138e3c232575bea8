// Requests and notifications between the extension and the language server, named once and shared
// by both sides. Payloads are plain JSON (the plan view), so the webview never sees Langium.
import type { PlanView } from './view.js';
import type { PlanViewUpdate } from './view-patch.js';

/** Client → server: the view (annexes, charts, findings) of one plan document. */
export const PlanViewRequest = 'plan/view';
export interface PlanViewParams { uri: string }
export type PlanViewResult = PlanView | null;

/**
 * Client → server (the preview, after each validation): the view of one plan document as what
 * changed since the view the client holds, named by the stamp of the answer that brought it. A
 * client without one, or whose stamp the server does not know (another client asked since, the
 * server restarted), gets the whole view. Merge with applyViewPatches (common/view-patch.ts).
 */
export const PlanViewUpdateRequest = 'plan/viewUpdate';
export interface PlanViewUpdateParams { uri: string; since?: string }
export type PlanViewUpdateResult = PlanViewUpdate | null;

/** Server → client: these documents were validated anew (their views may have changed). */
export const DocumentsValidatedNotification = 'plan/documentsValidated';
export interface DocumentsValidatedParams { uris: string[] }

/**
 * The client's settings section, read the standard LSP way (workspace/configuration, pushed with
 * workspace/didChangeConfiguration), and its keys; nested objects as VS Code and Neovim send them.
 */
export const SETTINGS_SECTION = 'plan';
export const SETTING_KEYS = {
    /** vi | en | auto (the editor's display language: InitializeParams.locale). */
    language: 'language',
    /** Extra tolerance in percentage points when a printed rate is compared with poor/total. */
    rateTolerance: 'validation.rateTolerance',
    /** Relative tolerance of "khoảng" (about) when a target gives none. */
    aboutTolerance: 'validation.aboutTolerance',
    inlayHints: 'inlayHints.enabled'
} as const;

/** initializationOptions a client may still send (older route, kept as the fallback under the settings). */
export interface PlanInitializationOptions {
    locale?: string;
    options?: { rateTolerance?: number; aboutTolerance?: number };
}

// ── Import (issue 18): tables from Excel, CSV, Word and the clipboard, as plan text ─────────────────

/** A position and a range in a document, as LSP counts them (0-based lines, UTF-16 characters). */
export interface TextPosition { line: number; character: number }
export interface TextRange { start: TextPosition; end: TextPosition }
/** One replacement in a document: LSP's TextEdit. */
export interface PlainTextEdit { range: TextRange; newText: string }

/**
 * The `workspace/executeCommand` commands of the import, for every LSP client (Neovim's
 * `vim.lsp.buf.execute_command`, Emacs's `eglot-execute-command`): each applies its change through
 * `workspace/applyEdit`, reports what it could not place with `window/showMessage`, and returns an
 * {@link ImportOutcome}. The VS Code extension uses the requests below instead, which apply nothing.
 */
export const ImportCommands = {
    /** A table (pasted HTML or text, or an office file) into a plan: arguments {@link ImportTableArgs}. */
    importTable: 'plan.importTable',
    /** A whole plan from a Word document, as a new plan file: arguments {@link ImportPlanArgs}. */
    importPlan: 'plan.importPlan'
} as const;

/** Where an import reads from: pasted flavours, a file on the server's machine, or a file's bytes. */
export interface ImportSourceArgs {
    /** A clipboard's HTML flavour (Excel, Calc and Word put the table there). */
    html?: string;
    /** A clipboard's or a file's text: tab-separated (or CSV) rows. */
    text?: string;
    /** A path (or file: URI) on the server's machine: .xlsx, .csv, .tsv, .docx. */
    file?: string;
    /** The file's bytes in base64 (a client whose files the server cannot read). */
    data?: string;
    /** The file's name, which says its format (`bang.xlsx`); the path's name when `file` is given. */
    name?: string;
    /** The sheet of a workbook to import (by name), or the table of a Word document (from 1). */
    sheet?: string;
    table?: number;
    /** Every table of a file that has several (without it, the server asks for `sheet` or `table`). */
    all?: boolean;
    /** The kinds of years whose headings do not say (`{ "2024": "result" }`), as the user answered. */
    years?: Record<string, 'result' | 'plan' | 'estimate' | 'actual'>;
}

export interface ImportTableArgs extends ImportSourceArgs {
    /** The plan the table goes into (its units are matched, its ids not reused). */
    uri: string;
    /** Where a pasted table goes (the cursor); without it, after the plan's last table. */
    position?: TextPosition;
    /** false: compute the edit and return it, apply and show nothing (default true). */
    apply?: boolean;
}

export interface ImportPlanArgs extends ImportSourceArgs {
    /** The new plan's URI; default: the Word document's path with `.plan` (only with `file`). */
    target?: string;
    /** false: return the plan text, write and show nothing (default true). */
    apply?: boolean;
}

/** A cell or table the import could not place, said in the server's language. */
export interface ImportProblemReport {
    /** `Sheet1!D14`, or the table, row and column of a Word or pasted table. */
    at: string;
    message: string;
    severity: 'error' | 'warning';
}

/** What an import did, or why it could not. */
export interface ImportOutcome {
    ok: boolean;
    /** The pasted data or the file holds no table (nothing to import; the plain paste is what is left). */
    noTable?: boolean;
    /** One line for the user in the server's language: what was imported, or why nothing was. */
    message: string;
    /** The edits into the plan (importTable), in the plan's coordinates before the import. */
    edits?: PlainTextEdit[];
    /** The new plan's URI and text (importPlan). */
    target?: string;
    text?: string;
    /** Whether the client applied the change (only with `apply`). */
    applied?: boolean;
    /** Years whose kind no heading stated and `years` did not give: the guess the text holds, to ask about. */
    yearsGuessed?: { year: number; kind: 'result' | 'plan' | 'estimate' | 'actual'; heading: string }[];
    problems: ImportProblemReport[];
    /** The sheets or tables to choose from, when the file has several and none was named. */
    choices?: ImportChoice[];
}

/** A sheet of a workbook or a table of a Word document that can be named in `sheet`/`table`. */
export interface ImportChoice { sheet?: string; table?: number; all?: boolean; label: string }

/**
 * Client → server (VS Code's paste): the edits that put a pasted table into the plan, applying
 * nothing. `null` when the clipboard holds no table (the plain paste is then the only one offered).
 */
export const ImportClipboardRequest = 'plan/importClipboard';
export interface ImportClipboardParams { uri: string; position: TextPosition; html?: string; text?: string }
export type ImportClipboardResult = ImportOutcome | null;

/** Client → server (VS Code's import commands): as the commands, applying nothing. */
export const ImportFileRequest = 'plan/importFile';
export type ImportFileParams = ({ kind: 'table' } & ImportTableArgs) | ({ kind: 'plan' } & ImportPlanArgs);
