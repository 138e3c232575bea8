// A table's year line, "2021: 29.822 946 3,17", is one token (YEAR_LINE in grammar/plan.langium):
// the lexer matches it here, and the model, the formatter, hovers and semantic tokens split it here
// into its year, its cells and the comments between them. One definition of where a cell starts and
// ends, in constant stack and linear time (a line may be megabytes long).
const DIGIT_0 = 0x30, DIGIT_9 = 0x39, COLON = 0x3a, MINUS = 0x2d, DOT = 0x2e, COMMA = 0x2c, SLASH = 0x2f, STAR = 0x2a;
const QUOTE = 0x22, BACKSLASH = 0x5c, DIGIT_1 = 0x31;

const isDigit = (c: number) => c >= DIGIT_0 && c <= DIGIT_9;

/** The characters a regular expression's `.` does not match: a note ends on its line. */
const isLineTerminator = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/** JavaScript's `\s`, which the grammar's WS terminal skips. */
export function isWhitespace(c: number): boolean {
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
        || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Where `-?[0-9]+([.,][0-9]+)*` starting at `i` ends (the longest match), or -1. */
export function numberEnd(text: string, i: number): number {
    if (text.charCodeAt(i) === MINUS) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
    for (;;) {
        const c = text.charCodeAt(i);
        if ((c !== DOT && c !== COMMA) || !isDigit(text.charCodeAt(i + 1))) return i;
        i += 2;
        while (isDigit(text.charCodeAt(i))) i++;
    }
}

/**
 * Where a note starting at `i` ends, or -1: `"(\\[^\n\r]|[^"\\\n\r])*"(\*[1-9][0-9]*)?`, a quoted text
 * on one line (escapes as in a STRING), then the number of cells it spans ("Sáp nhập"*3); not
 * followed by a digit, a colon, a dot, a comma or another quote. One pass: a note of megabytes, or
 * one left open, costs its length and no stack.
 */
export function noteEnd(text: string, i: number): number {
    if (text.charCodeAt(i) !== QUOTE) return -1;
    const length = text.length;
    let end = -1;
    for (let j = i + 1; j < length; j++) {
        const c = text.charCodeAt(j);
        if (c === QUOTE) { end = j + 1; break; }
        if (isLineTerminator(c)) return -1;
        if (c === BACKSLASH) {
            if (j + 1 >= length || isLineTerminator(text.charCodeAt(j + 1))) return -1;
            j++;
        }
    }
    if (end < 0) return -1;
    if (text.charCodeAt(end) === STAR && text.charCodeAt(end + 1) >= DIGIT_1 && isDigit(text.charCodeAt(end + 1))) {
        let spanEnd = end + 2;
        while (isDigit(text.charCodeAt(spanEnd))) spanEnd++;
        // As the grammar's expression, which backtracks to the note without its span ("*" may follow a cell).
        if (!endsNote(text.charCodeAt(spanEnd))) return end;
        return spanEnd;
    }
    return endsNote(text.charCodeAt(end)) ? end : -1;
}

/** The grammar's lookahead after a note: no digit, colon, dot, comma or quote. */
const endsNote = (next: number) => !(isDigit(next) || next === COLON || next === DOT || next === COMMA || next === QUOTE);

/** Whether the cell text (as cut from its line) is a note: it starts with a quote. */
export function isNoteText(cell: string): boolean {
    return cell.charCodeAt(0) === QUOTE;
}

/**
 * A note cell's parts: its quoted text (with the quotes, as a STRING literal) and the cells it spans
 * (1 when it names none). The span as printed may be any length of digits: it is read as a number,
 * and one larger than the table is reported as a wrong count of cells.
 */
export function noteParts(cell: string): { literal: string; span: number } {
    const close = cell.lastIndexOf('"');
    const span = close < cell.length - 1 ? Number(cell.slice(close + 2)) : 1;
    return { literal: cell.slice(0, close + 1), span: Number.isFinite(span) && span >= 1 ? span : 1 };
}

/**
 * Where a cell starting at `i` ends, or -1: a number, two numbers joined by "..", "-", or a note
 * (noteEnd); not followed by a digit, a colon, a dot or a comma (the grammar's lookahead), so that
 * every cell is the longest match and a year label ("2022:") is never a cell.
 */
export function cellEnd(text: string, i: number): number {
    if (text.charCodeAt(i) === QUOTE) return noteEnd(text, i);
    let end = numberEnd(text, i);
    if (end >= 0) {
        if (text.charCodeAt(end) === DOT && text.charCodeAt(end + 1) === DOT) {
            const high = numberEnd(text, end + 2);
            if (high >= 0) end = high;
        }
    } else if (text.charCodeAt(i) === MINUS) {
        end = i + 1;
    } else {
        return -1;
    }
    const next = text.charCodeAt(end);
    return isDigit(next) || next === COLON || next === DOT || next === COMMA ? -1 : end;
}

/**
 * Where the comment starting at `i` ends, or -1 when there is none: `/* … *\/` up to the first
 * closing pair (`blockEnd` finds it: the lexer's, which remembers a failed search), `//` up to the
 * line's end.
 */
function commentEnd(text: string, i: number, blockEnd: (text: string, i: number) => number): number {
    if (text.charCodeAt(i) !== SLASH) return -1;
    const second = text.charCodeAt(i + 1);
    if (second === STAR) return blockEnd(text, i);
    if (second !== SLASH) return -1;
    let j = i + 2;
    for (let c = text.charCodeAt(j); j < text.length && c !== 0x0a && c !== 0x0d; c = text.charCodeAt(++j));
    return j;
}

const plainBlockEnd = (text: string, i: number) => {
    const close = text.indexOf('*/', i + 2);
    return close < 0 ? -1 : close + 2;
};

/** The whitespace and comments from `i` on: where they end. */
function skipHidden(text: string, i: number, blockEnd: (text: string, i: number) => number): number {
    for (;;) {
        while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
        const end = commentEnd(text, i, blockEnd);
        if (end < 0) return i;
        i = end;
    }
}

/** `[0-9]{4}:`. */
export function isYearLabel(text: string, i: number): boolean {
    return isDigit(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2))
        && isDigit(text.charCodeAt(i + 3)) && text.charCodeAt(i + 4) === COLON;
}

export const YEAR_LABEL_LENGTH = 5;

/** The year of a year line's text ("2021: …" → "2021"): its first four characters. */
export function yearOfLine(text: string): string {
    return text.slice(0, YEAR_LABEL_LENGTH - 1);
}

/** Where the year line starting at `offset` ends, or -1 when none starts there. */
export function yearLineEnd(text: string, offset: number, blockEnd = plainBlockEnd): number {
    if (!isYearLabel(text, offset)) return -1;
    let end = offset + YEAR_LABEL_LENGTH;
    for (;;) {
        const next = cellEnd(text, skipHidden(text, end, blockEnd));
        if (next < 0) return end;
        end = next;
    }
}

/** A note is a cell too: `cell` is a number, a range or a blank. */
export type YearLinePart = 'year' | 'cell' | 'note' | 'comment';

/**
 * The parts of the year line token that stands in `text` from `start` to `end`, in order: its year
 * label, then each cell and each comment between them.
 */
export function forEachYearLinePart(text: string, start: number, end: number, visit: (part: YearLinePart, from: number, to: number) => void): void {
    visit('year', start, start + YEAR_LABEL_LENGTH);
    let i = start + YEAR_LABEL_LENGTH;
    while (i < end) {
        while (i < end && isWhitespace(text.charCodeAt(i))) i++;
        if (i >= end) return;
        const comment = commentEnd(text, i, plainBlockEnd);
        const to = comment >= 0 ? comment : cellEnd(text, i);
        // The token was matched by yearLineEnd: anything else means `text` is not that token's.
        if (to <= i) return;
        visit(comment >= 0 ? 'comment' : text.charCodeAt(i) === QUOTE ? 'note' : 'cell', i, Math.min(to, end));
        i = to;
    }
}

/** The cells of a year line token (notes among them): start and end offsets, in pairs. */
export function yearLineCells(text: string, start: number, end: number): number[] {
    const cells: number[] = [];
    forEachYearLinePart(text, start, end, (part, from, to) => { if (part === 'cell' || part === 'note') cells.push(from, to); });
    return cells;
}

/** Whether a syntax-tree node is a year line's leaf. */
export function isYearLine(node: object | undefined): boolean {
    return (node as { tokenType?: { name?: string } } | undefined)?.tokenType?.name === 'YEAR_LINE';
}
