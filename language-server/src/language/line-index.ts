// Where each line of a text starts, to turn offsets into LSP positions when one is asked for. The
// syntax tree's leaves and the model's cells keep offsets (small integers) and compute their range
// on demand: a national plan has hundreds of thousands of them, and a range held for each (three
// objects) was a third of the memory of validating one (issue 8).
import type { CstNode } from 'langium';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export class LineIndex {
    /** `text`: the text indexed, from which cells take their printed text when asked (model/cells.ts). */
    private constructor(private readonly starts: Int32Array, readonly text: string) {}

    static of(text: string): LineIndex {
        const found = [0];
        // Chevrotain's line terminators: \n, \r\n and a lone \r.
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) found.push(i + 1);
        }
        return new LineIndex(Int32Array.from(found), text);
    }

    /** This index for `text`, the same lines with those starting after `at` moved by `delta`. */
    moved(text: string, at: number, delta: number): LineIndex {
        const starts = this.starts.slice();
        if (delta !== 0) for (let i = 0; i < starts.length; i++) if (starts[i] > at) starts[i] += delta;
        return new LineIndex(starts, text);
    }

    position(offset: number): Position {
        const starts = this.starts;
        let low = 0, high = starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (starts[mid] <= offset) low = mid; else high = mid - 1;
        }
        return { line: low, character: offset - starts[low] };
    }

    range(start: number, end: number): Range {
        return { start: this.position(start), end: this.position(end) };
    }
}

const indexOfRoot = new WeakMap<object, LineIndex>();

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The range of a syntax node, made from its offsets and not kept on the node (Langium keeps a
 * composite node's); the start of the text for a node missing after a syntax error.
 */
export function rangeOfNode(node: CstNode | undefined): Range {
    return node ? lineIndexOf(node).range(node.offset, node.end) : NOWHERE;
}

/** The line index of a syntax tree's text, made once per tree. */
export function lineIndexOf(node: CstNode): LineIndex {
    const root = node.root;
    let index = indexOfRoot.get(root);
    if (!index) {
        index = LineIndex.of((root as unknown as { fullText: string }).fullText);
        indexOfRoot.set(root, index);
    }
    return index;
}

/**
 * The line index of a tree whose text was changed in place without a line break added or removed
 * (language/cell-edit.ts): the lines behind `at` start `delta` characters later. Made from the old
 * index, not by scanning the text again.
 */
export function moveLineIndex(root: CstNode, text: string, at: number, delta: number): void {
    const old = indexOfRoot.get(root);
    if (!old) return;
    indexOfRoot.set(root, old.moved(text, at, delta));
}
