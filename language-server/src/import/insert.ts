// Where imported text goes into an existing plan: the new unit declarations after the plan's last
// unit declaration (or before its first table), the tables at the place of a paste or after the
// plan's last table (or at its end). Everything else stays byte for byte: the result is a list of
// insertions, never a rewrite.
import type { LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import type { ImportResult } from './table.js';

export interface TextInsertion { offset: number; length: number; newText: string }

function endOf(node: ast.Element): number {
    return node.$cstNode?.end ?? 0;
}

function startOf(node: ast.Element): number {
    return node.$cstNode?.offset ?? 0;
}

/** The end of the line an offset stands on (before its line break). */
function lineEnd(text: string, offset: number): number {
    const n = text.indexOf('\n', offset);
    return n < 0 ? text.length : (text[n - 1] === '\r' ? n - 1 : n);
}

/**
 * The insertions that put an import into a parsed plan. `offset`: where a paste puts the tables
 * (the declarations still go with the plan's other units).
 */
export function insertImport(document: LangiumDocument, result: ImportResult, offset?: number): TextInsertion[] {
    const text = document.textDocument.getText();
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const root = document.parseResult.value as ast.PlanDocument;
    const elements = root.elements ?? [];
    const units = elements.filter(ast.isDistrict);
    const tables = elements.filter(ast.isDistrictTable);
    const out: TextInsertion[] = [];
    const lines = (s: string) => s.replace(/\r?\n/g, eol);
    const declarations = result.declarations?.trim();
    const tableText = (result.tables ?? result.text).trim();
    if (declarations) {
        if (units.length > 0) {
            out.push({ offset: lineEnd(text, endOf(units[units.length - 1])), length: 0, newText: eol + lines(declarations) });
        } else if (tables.length > 0 && offset === undefined) {
            out.push({ offset: startOf(tables[0]), length: 0, newText: lines(declarations) + eol + eol });
        } else {
            const at = offset ?? text.length;
            // Before the pasted tables, in one insertion, so that they read in order.
            return [{ offset: at, length: 0, newText: separated(text, at, lines(declarations + '\n\n' + tableText), eol) }];
        }
    }
    const at = offset ?? (tables.length > 0 ? lineEnd(text, endOf(tables[tables.length - 1])) : text.length);
    out.push({ offset: at, length: 0, newText: separated(text, at, lines(tableText), eol) });
    return out;
}

/** The inserted block with a blank line from the text before it and a line break after. */
function separated(text: string, at: number, block: string, eol: string): string {
    const before = text.slice(0, at);
    const lead = before.length === 0 ? '' : before.endsWith(eol + eol) ? '' : before.endsWith(eol) ? eol : eol + eol;
    const after = text.slice(at);
    const trail = after.startsWith(eol) || after.length === 0 ? (after.length === 0 ? eol : '') : eol + eol;
    return lead + block + trail;
}

/** The text with the insertions made (last first, so the offsets hold). */
export function applyInsertions(text: string, insertions: readonly TextInsertion[]): string {
    let out = text;
    for (const i of [...insertions].sort((a, b) => b.offset - a.offset)) out = out.slice(0, i.offset) + i.newText + out.slice(i.offset + i.length);
    return out;
}
