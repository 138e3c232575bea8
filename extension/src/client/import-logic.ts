// The import's decisions that need no editor: whether a clipboard may hold a table (so that a plain
// paste never waits for the server), how the server's edits become one paste edit, the files that
// can be imported, and a free name for a plan made from a Word document. No vscode import: tested in Node.
import type { ImportChoice, PlainTextEdit, TextPosition } from '../../../common/protocol.js';

/** The files the import reads (the open dialog's filter). */
export const IMPORT_EXTENSIONS = ['xlsx', 'csv', 'tsv', 'docx'] as const;

/** What the client sends at most: the importer's own limit on a file (32 MB, import/limits.ts). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/**
 * Whether the clipboard may hold a table: an HTML table (Excel, Calc and Word put one there), or text
 * with a tab (tab-separated cells, the text flavour of the same copy or a TSV). Anything else is a
 * plain paste, decided without asking the server.
 */
export function clipboardMayHoldTable(html: string | undefined, text: string | undefined): boolean {
    return /<table[\s>]/i.test(html ?? '') || /\t/.test(text ?? '');
}

/** A paste as VS Code applies it: text at the cursor, and other edits (unit declarations) elsewhere. */
export interface PastePlan {
    insertText: string;
    additional: PlainTextEdit[];
}

/**
 * The server's edits as one paste: the edit that inserts at the cursor becomes the pasted text (it
 * replaces the selection, as a paste does), the others go beside it. VS Code applies both in one
 * step, in the coordinates before the paste. When no edit is at the cursor (the importer moved the
 * table out of a block), everything is an additional edit and the selection stays.
 */
export function pastePlanOf(edits: readonly PlainTextEdit[], cursor: TextPosition): PastePlan {
    const atCursor = edits.findIndex(e => samePosition(e.range.start, cursor) && samePosition(e.range.end, cursor));
    if (atCursor < 0) return { insertText: '', additional: [...edits] };
    return { insertText: edits[atCursor].newText, additional: edits.filter((_, i) => i !== atCursor) };
}

function samePosition(a: TextPosition, b: TextPosition): boolean {
    return a.line === b.line && a.character === b.character;
}

/** The largest edit: the tables, where the editor goes after an import. */
export function mainEdit(edits: readonly PlainTextEdit[]): PlainTextEdit | undefined {
    return edits.reduce<PlainTextEdit | undefined>((best, e) => (!best || e.newText.length > best.newText.length ? e : best), undefined);
}

/**
 * The name of a plan made from a Word document, beside it: `bao-cao.docx` → `bao-cao.plan`, else
 * `bao-cao-2.plan`, `bao-cao-3.plan`… (never over an existing file).
 */
export function freePlanName(docxName: string, taken: (name: string) => boolean): string {
    const stem = docxName.replace(/\.[^.]*$/, '') || 'ke-hoach';
    for (let n = 1; ; n++) {
        const name = n === 1 ? `${stem}.plan` : `${stem}-${n}.plan`;
        if (!taken(name)) return name;
    }
}

/** Base64 of a file's bytes (the extension host is Node: its Buffer encodes 32 MB at once). */
export function toBase64(bytes: Uint8Array): string {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The label of a sheet or table to choose, as the server gave it. */
export function choiceLabel(choice: ImportChoice): string {
    return choice.label || choice.sheet || String(choice.table ?? '');
}
