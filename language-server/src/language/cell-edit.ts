// An edit inside one year line of a table ("2024: 1.233 75 6,08" → "…76…"), applied to the parsed
// document in place instead of parsing the whole text again. At national scale nearly every
// keystroke is one: a full parse of 7.000 districts costs hundreds of milliseconds, this costs the
// line. A year line is one token (YEAR_LINE), so when the edited text still lexes as one year line
// spanning the same place, the token stream is the old one with one token's image changed: the
// parser would build the same tree, with that leaf's text and the row's `years` entry changed and
// every leaf behind it moved by the change in length. Anything else (a line break typed, a token
// boundary moved, a document with syntax errors) is a full parse, as before.
import { type AstNode, type CstNode, type LangiumDocument, type RootCstNode } from 'langium';
import { moveLineIndex } from './line-index.js';
import { matchYearLine } from './token-builder.js';
import { isYearLine, YEAR_LABEL_LENGTH } from './year-line.js';

/** A year line's edit, found and checked, not yet applied. */
export interface YearLineEdit {
    readonly document: LangiumDocument;
    readonly text: string;
    readonly leaf: CstNode;
    /** The row (or total row) whose line it is, and the line's index among its year lines. */
    readonly row: AstNode & { years: string[] };
    readonly index: number;
    readonly image: string;
    readonly delta: number;
}

interface MutableLeaf { _offset: number; _length: number }
interface CompositeLike { content: CstNode[]; _rangeCache?: unknown }

const isLineBreak = (c: number) => c === 10 || c === 13;

function hasLineBreak(text: string, from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (isLineBreak(text.charCodeAt(i))) return true;
    return false;
}

const BLOCK = 4096;

/** How many characters two texts share from their start (block by block, compared natively, then by character). */
function commonStart(a: string, b: string, max: number): number {
    let i = 0;
    while (i + BLOCK <= max && a.substring(i, i + BLOCK) === b.substring(i, i + BLOCK)) i += BLOCK;
    while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    return i;
}

/** How many characters two texts share at their end, up to `max`. */
function commonEnd(a: string, b: string, max: number): number {
    let n = 0;
    while (n + BLOCK <= max && a.substring(a.length - n - BLOCK, a.length - n) === b.substring(b.length - n - BLOCK, b.length - n)) n += BLOCK;
    while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
    return n;
}

/**
 * Whether nothing but closing braces, blanks or a line comment follows a year line on its line: the
 * findings kept for other rows (validation/rule.ts RowFindings) keep their ranges, which would be
 * stale if another row stood on the same line, behind the edit.
 */
function endsItsLine(text: string, from: number): boolean {
    for (let i = from; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (isLineBreak(c)) return true;
        if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) return true;
        if (c !== 0x7d && c !== 0x20 && c !== 0x09) return false;
    }
    return true;
}

/** The leaf whose span [offset, end] holds `offset`, preferring a year line (an edit at a line's end touches both it and what follows). */
function yearLineLeafAt(root: CstNode, offset: number): CstNode | undefined {
    let node: CstNode = root;
    for (;;) {
        const content = (node as unknown as CompositeLike).content;
        if (!content) return node;
        // Children are in text order: the last one starting at or before the offset.
        let low = 0, high = content.length - 1, found = -1;
        while (low <= high) {
            const mid = (low + high) >> 1;
            if (content[mid].offset <= offset) { found = mid; low = mid + 1; } else high = mid - 1;
        }
        if (found < 0) return undefined;
        let child = content[found];
        // An edit right after a year line starts where the next token starts only when nothing is between.
        if (child.offset === offset && found > 0 && content[found - 1].end === offset) child = content[found - 1];
        if (offset > child.end) return undefined;
        node = child;
    }
}

/**
 * The year-line edit that turns the document's parsed text into `text`, when there is one: the
 * change lies inside one YEAR_LINE leaf after its year label, adds or removes no line break, and the
 * changed line still lexes as exactly one year line over the changed span.
 */
export function findYearLineEdit(document: LangiumDocument, text: string): YearLineEdit | undefined {
    const { parseResult } = document;
    const root = parseResult.value.$cstNode?.root;
    if (!root || parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return undefined;
    const old = root.fullText;
    if (old === text) return undefined;
    // The changed span: what lies between the common start and the common end.
    const shortest = Math.min(old.length, text.length);
    const start = commonStart(old, text, shortest);
    const tail = commonEnd(old, text, shortest - start);
    const oldEnd = old.length - tail, newEnd = text.length - tail;
    if (hasLineBreak(old, start, oldEnd) || hasLineBreak(text, start, newEnd)) return undefined;
    const leaf = yearLineLeafAt(root, start);
    if (!leaf || leaf.hidden || !isYearLine(leaf)) return undefined;
    if (start < leaf.offset + YEAR_LABEL_LENGTH || oldEnd > leaf.end || !endsItsLine(old, leaf.end)) return undefined;
    const delta = text.length - old.length;
    const matched = matchYearLine(text, leaf.offset, [], {});
    const image = matched?.[0];
    if (image === undefined || image.length !== leaf.length + delta) return undefined;
    const row = leaf.container?.astNode as (AstNode & { years?: unknown }) | undefined;
    if (!row || !Array.isArray(row.years) || row.$cstNode !== leaf.container) return undefined;
    const lines = leaf.container!.content.filter(n => !n.hidden && isYearLine(n));
    const index = lines.indexOf(leaf);
    if (index < 0 || row.years[index] !== leaf.text) return undefined;
    return { document, text, leaf, row: row as YearLineEdit['row'], index, image, delta };
}

/**
 * A string that holds its own characters. A line cut from the document's text (a substring, a match)
 * keeps the whole text alive in V8: a row edited once would keep the text of that keystroke, and a
 * session of edits one copy of the plan per row typed in (3 MB each at 5.000 districts).
 */
function ownCopy(line: string): string {
    return JSON.parse(JSON.stringify(line)) as string;
}

/**
 * Applies a year-line edit: the leaf's length and the row's `years` entry take the new line, the
 * leaves behind it move by the change in length, composite nodes forget the ranges they cached, and
 * the tree's text becomes the new text.
 */
export function applyYearLineEdit(edit: YearLineEdit): void {
    const { leaf, delta } = edit;
    const root = leaf.root as RootCstNode & { _text: string };
    const at = leaf.offset;
    (leaf as unknown as MutableLeaf)._length = edit.image.length;
    edit.row.years[edit.index] = ownCopy(edit.image);
    if (delta !== 0) shiftBehind(root, at, delta);
    root._text = edit.text;
    moveLineIndex(root, edit.text, at, delta);
}

/**
 * Moves every leaf that starts after `at` by `delta`, and drops the cached range of each composite
 * that holds or follows `at` (line numbers do not change; characters on the edited line may).
 */
function shiftBehind(node: CstNode, at: number, delta: number): void {
    const content = (node as unknown as CompositeLike).content;
    if (!content) {
        if (node.offset > at) (node as unknown as MutableLeaf)._offset += delta;
        return;
    }
    (node as unknown as CompositeLike)._rangeCache = undefined;
    for (const child of content) {
        if (child.end < at) continue;
        shiftBehind(child, at, delta);
    }
}
