// Lexer and parser errors as a user reads them. Chevrotain reports one error per skipped character
// and per recovery step, in English and in token-type names ("Expecting token of type '}' but found
// `unti`"); here they become one finding per mistake — per line at most — at the mistake, with what
// the grammar expects at that point (Langium's completion parser and follow computation, so it is
// the full set, not only the one token Chevrotain tried), the nearest expected keyword for a
// misspelling, and an edit when one repair is obvious (the keyword, quotes, a closing brace, a year's
// colon). The findings keep the code `syntax-error` (CLI output, examples); what the mistake is goes
// in `data.kind`, and the message is built from the data in the current locale, so a change of
// language re-renders it when the document is validated again.
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode, type LeafCstNode, type ParseResult } from 'langium';
import { findFirstFeatures, findNextFeatures } from 'langium/lsp';
import type { Range } from 'vscode-languageserver';
import type { PlanServices } from '../plan-module.js';
import { isNestingError } from '../language/lexer.js';
import { isParseFailedError } from '../language/parser.js';
import type { Locale } from '../../../common/findings.js';
import { say } from '../../../common/catalogue.js';
import { SYNTAX_FIX_TITLES, SYNTAX_MESSAGES, SYNTAX_WORDS, TOKEN_NAMES } from '../../../common/words/syntax.js';

export const SYNTAX_ERROR_CODE = 'syntax-error';

export type SyntaxErrorKind =
    | 'unknown-keyword'      // a word one or two keystrokes from a keyword expected here
    | 'unexpected-token'     // anything else the grammar does not allow here
    | 'extra-close'          // a `}` with no block open
    | 'missing-close'        // the file ends inside a block
    | 'unquoted-text'        // a sentence where a string is expected, without its quotes
    | 'unclosed-string'      // a string without its closing quote, which ran on into the next lines
    | 'unclosed-note'        // a note in a year line ("Sáp nhập) without its closing quote on its line
    | 'unexpected-character';// characters no token starts with (accented letters outside strings, #, @…)

/** What a token is, for messages: a keyword, punctuation, or a terminal (ID, STRING, NUMBER, YEAR_LINE), or EOF. */
export interface TokenText { type: string; image: string }

/** The diagnostic's data: everything the message and the quick fix need. JSON only (it crosses LSP). */
export interface SyntaxErrorData {
    code: typeof SYNTAX_ERROR_CODE;
    kind: SyntaxErrorKind;
    found?: TokenText;
    /** What may come at that point, as token names: keyword values or terminal names. */
    expected?: string[];
    suggestion?: string;
    /** unexpected-character: the characters, each once, in order. */
    chars?: string[];
    /** unquoted-text: the text as written, and whether it is a target's sentence. */
    text?: string;
    sentence?: boolean;
    /** The mistake is before a statement on a later line: the token it follows, and that line (1-based). */
    after?: string;
    foundLine?: number;
    /** unclosed-string: the line (1-based) of the quote that was read as the string's end. */
    endLine?: number;
    /** missing-close: the start of the block still open and its line (1-based). */
    block?: string;
    blockLine?: number;
    /** The obvious repair: `replaced` is the text the range held, so a stale fix is never applied. */
    edit?: { range: Range; newText: string; replaced: string };
}

export interface SyntaxError { range: Range; data: SyntaxErrorData }

// Chevrotain's types through Langium's, so that chevrotain need not be a declared dependency.
type IRecognitionException = ParseResult['parserErrors'][number];
type IToken = IRecognitionException['token'];

const PUNCTUATION = /^[^\p{L}\p{N}_]+$/u;
const TERMINALS = new Set(['ID', 'STRING', 'NUMBER', 'YEAR_LINE']);
/** Expected tokens listed in a message; more are cut with "…". */
const MAX_LISTED = 8;
/** Only the first errors of a file ask the completion parser what was expected (a parse of the text before each). */
const MAX_ANALYSED = 20;
/** Nor in a text longer than this (a pasted blob): its errors get the short messages. */
const MAX_ANALYSED_LENGTH = 2_000_000;

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';
const list = (items: string[], locale: Locale) => {
    if (items.length > MAX_LISTED) return items.slice(0, MAX_LISTED).join(', ') + ', …';
    if (items.length < 2) return items.join('');
    return say(SYNTAX_WORDS.or, locale, { first: items.slice(0, -1).join(', '), last: items[items.length - 1] });
};

/** An expected token as a user reads it: `unit`, dấu `}`, chuỗi trong dấu ngoặc kép, … */
function expectedName(name: string, locale: Locale): string {
    if (TOKEN_NAMES[name]) return TOKEN_NAMES[name][locale];
    if (PUNCTUATION.test(name)) return say(SYNTAX_WORDS.punctuation, locale, { mark: code(name) });
    return code(name);
}

/** The token found, as a user reads it. */
function foundName(found: TokenText, locale: Locale): string {
    switch (found.type) {
        case 'EOF': return say(TOKEN_NAMES.EOF, locale);
        case 'STRING': {
            const s = found.image.length > 32 ? found.image.slice(0, 30) + '…"' : found.image;
            return say(SYNTAX_WORDS.foundString, locale, { text: s });
        }
        case 'NUMBER': return say(SYNTAX_WORDS.foundNumber, locale, { text: code(found.image) });
        default: return PUNCTUATION.test(found.image) ? say(SYNTAX_WORDS.punctuation, locale, { mark: code(found.image) }) : code(found.image);
    }
}

/** The message of a syntax error in the given language. */
export function syntaxMessage(data: SyntaxErrorData, locale: Locale): string {
    const found = data.found ? foundName(data.found, locale) : '';
    const m = SYNTAX_MESSAGES;
    switch (data.kind) {
        case 'unknown-keyword':
            return say(m.unknownKeyword, locale, { found: code(data.found!.image), suggestion: code(data.suggestion!) });
        case 'missing-close':
            return say(m.missingClose, locale, {
                block: code(data.block!), blockLine: data.blockLine, found: data.found && data.found.type !== 'EOF' ? found : '', foundLine: data.foundLine
            });
        case 'unclosed-string':
            return say(m.unclosedString, locale, { endLine: data.endLine });
        case 'unclosed-note':
            return say(m.unclosedNote, locale, { endLine: data.endLine ?? 'none' });
        case 'extra-close':
            return say(m.extraClose, locale);
        case 'unquoted-text':
            return say(m.unquotedText, locale, { sentence: data.sentence ? 'yes' : 'no', text: data.text });
        case 'unexpected-character': {
            const chars = (data.chars ?? []).map(c => code(c)).join(', ');
            if ((data.chars ?? []).every(c => /\p{L}/u.test(c))) return say(m.accentedLetters, locale, { chars });
            return say(m.unexpectedCharacters, locale, { chars, count: (data.chars ?? []).length });
        }
        case 'unexpected-token':
        default: {
            const expected = (data.expected ?? []).map(e => expectedName(e, locale));
            if (expected.length === 0) return say(m.unreadable, locale, { found });
            if (data.after !== undefined) {
                return say(m.expectedAfter, locale, { after: code(data.after), expected: list(expected, locale), foundLine: data.foundLine, found });
            }
            return say(m.expected, locale, { expected: list(expected, locale), found });
        }
    }
}

/** The quick fix of a syntax error: title and edit, when the text at the range is still what it was. */
export function syntaxFix(data: SyntaxErrorData | undefined, textAt: (range: Range) => string, locale: Locale): { title: string; edit: { range: Range; newText: string } } | undefined {
    const edit = data?.edit;
    if (!edit || textAt(edit.range) !== edit.replaced) return undefined;
    const title = data.kind === 'unknown-keyword' ? say(SYNTAX_FIX_TITLES.keyword, locale, { keyword: data.suggestion! })
        : data.kind === 'unquoted-text' ? say(SYNTAX_FIX_TITLES.quote, locale)
        : data.kind === 'missing-close' ? say(SYNTAX_FIX_TITLES.close, locale)
        : data.kind === 'unclosed-string' ? say(SYNTAX_FIX_TITLES.closeString, locale)
        : say(SYNTAX_FIX_TITLES.colon, locale, { text: edit.newText });
    return { title, edit: { range: edit.range, newText: edit.newText } };
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions: `unti` is
 * one step from `unit`). Gives up above `limit`.
 */
export function editDistance(a: string, b: string, limit = 2): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}

/** The expected keyword nearest a word, within 1 edit for short words and 2 for longer ones. */
export function nearestKeyword(word: string, expected: readonly string[]): string | undefined {
    const typed = word.toLowerCase();
    const limit = typed.length <= 2 ? 0 : typed.length <= 5 ? 1 : 2;
    let best: { keyword: string; distance: number } | undefined;
    for (const keyword of expected) {
        if (TERMINALS.has(keyword) || !/^[a-z][a-z-]*$/.test(keyword) || keyword === word) continue;
        const distance = editDistance(typed, keyword, limit);
        if (distance <= limit && (!best || distance < best.distance)) best = { keyword, distance };
    }
    return best?.keyword;
}

/** Positions in a text, by offset. */
class Lines {
    private readonly starts: number[] = [0];
    constructor(readonly text: string) {
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
    }
    line(offset: number): number {
        let lo = 0, hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
    position(offset: number) {
        const line = this.line(offset);
        return { line, character: offset - this.starts[line] };
    }
    range(start: number, end: number): Range {
        return { start: this.position(start), end: this.position(end) };
    }
    lineEnd(line: number): number {
        const next = this.starts[line + 1];
        if (next === undefined) return this.text.length;
        return this.text[next - 2] === '\r' ? next - 2 : next - 1;
    }
    lineStart(line: number): number {
        return this.starts[line];
    }
}

/**
 * The tokens the parser saw: the CST's leaves and the ones recovery skipped, by offset. Not lexed
 * again: lexing is the slow part of a text with many errors (a pasted binary, an unclosed string).
 */
function tokensOf(parseResult: ParseResult): IToken[] {
    const tokens: IToken[] = [];
    const root = parseResult.value.$cstNode;
    if (root) {
        for (const node of CstUtils.streamCst(root)) {
            if (!isLeafCstNode(node) || node.hidden) continue;
            const leaf: LeafCstNode = node;
            tokens.push({ image: leaf.text, startOffset: leaf.offset, endOffset: leaf.end - 1, tokenType: leaf.tokenType } as IToken);
        }
    }
    for (const e of parseResult.parserErrors) {
        for (const t of [e.token, ...(e.resyncedTokens ?? [])]) if (!isNaN(t.startOffset) && t.tokenType?.name !== 'EOF') tokens.push(t);
    }
    tokens.sort((a, b) => a.startOffset - b.startOffset);
    return tokens.filter((t, i) => i === 0 || t.startOffset !== tokens[i - 1].startOffset);
}

/** The file's tokens with what the messages ask of them: the one before an offset, the braces open there. */
class TokenIndex {
    /** For each token, the `{` tokens open after it (indices), computed once. */
    private openAfter?: number[][];
    constructor(private readonly tokens: IToken[]) {}

    /** Index of the last token starting before the offset, or -1. */
    private indexBefore(offset: number): number {
        let lo = 0, hi = this.tokens.length - 1, found = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (this.tokens[mid].startOffset < offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found;
    }

    before(offset: number): IToken | undefined {
        const i = this.indexBefore(offset);
        return i < 0 ? undefined : this.tokens[i];
    }

    private openStack(offset: number): number[] {
        if (!this.openAfter) {
            // Each token refers to the stack in force after it: a new array only at a brace.
            const stacks: number[][] = [];
            let stack: number[] = [];
            this.tokens.forEach((t, i) => {
                if (t.image === '{') stack = [...stack, i];
                else if (t.image === '}' && stack.length) stack = stack.slice(0, -1);
                stacks.push(stack);
            });
            this.openAfter = stacks;
        }
        const i = this.indexBefore(offset);
        return i < 0 ? [] : this.openAfter[i];
    }

    depthBefore(offset: number): number {
        return this.openStack(offset).length;
    }

    openBraceBefore(offset: number): IToken | undefined {
        const stack = this.openStack(offset);
        return stack.length ? this.tokens[stack[stack.length - 1]] : undefined;
    }
}

interface RawError { start: number; end: number; line: number; lexer: boolean; token?: IToken }

/** Turns a parse's lexer and parser errors into the findings a user reads (one analyzer per validator). */
export class SyntaxErrorAnalyzer {
    private readonly keywords: Set<string>;
    /** The keywords a top-level element starts with (`agency`, `indicator`, `target`, …). */
    private readonly statementStarts: Set<string>;

    constructor(private readonly services: PlanServices) {
        const grammar = services.Grammar;
        this.keywords = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(k => k.value));
        const elementRule = grammar.rules.find(r => r.name === 'Element');
        this.statementStarts = new Set(elementRule && GrammarAST.isParserRule(elementRule)
            ? findFirstFeatures(elementRule.definition).flat().map(f => f.feature).filter(GrammarAST.isKeyword).map(k => k.value)
            : []);
    }

    /** One syntax error per line that has any, follow-ons of the same mistake left out. */
    analyse(text: string, parseResult: ParseResult): SyntaxError[] {
        // Blocks nested too deep are reported on their own (nesting-too-deep, validator.ts).
        const lexerErrors = parseResult.lexerErrors.filter(e => !isNestingError(e) && !isParseFailedError(e));
        const parserErrors = parseResult.parserErrors;
        if (lexerErrors.length === 0 && parserErrors.length === 0) return [];
        const lines = new Lines(text);
        const tokens = tokensOf(parseResult);
        const raw: RawError[] = [];
        for (const e of lexerErrors) {
            raw.push({ start: e.offset, end: e.offset + e.length, line: lines.line(e.offset), lexer: true });
        }
        for (const e of parserErrors) {
            const token = e.token;
            const atEnd = isNaN(token.startOffset) || token.tokenType?.name === 'EOF';
            const start = atEnd ? text.length : token.startOffset;
            const end = atEnd ? text.length : token.endOffset! + 1;
            raw.push({ start, end, line: lines.line(start), lexer: false, token: atEnd ? undefined : token });
        }
        const byLine = new Map<number, RawError[]>();
        for (const r of raw) {
            const group = byLine.get(r.line) ?? [];
            group.push(r);
            byLine.set(r.line, group);
        }
        const out: SyntaxError[] = [...this.unclosedNotes(text, lines, tokens, raw, byLine), ...this.unclosedStrings(text, lines, tokens, raw, byLine)];
        const index = new TokenIndex(tokens);
        let analysed = 0;
        for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
            const group = byLine.get(line)!;
            if (group.some((r, i) => i > 0 && r.start < group[i - 1].start)) group.sort((a, b) => a.start - b.start);
            const deep = analysed++ < MAX_ANALYSED && text.length <= MAX_ANALYSED_LENGTH;
            out.push(this.lineError(text, lines, index, group, deep));
        }
        return out;
    }

    /**
     * A note of a year line left open (`2024: 3.000 "Sáp nhập 40,00 }`): a note ends on its line, so
     * the year line ends before the quote, which the lexer then reads as a string running on over the
     * next lines. Reported once, from the quote to the end of its line; the errors on the lines the
     * string ran over are its follow-ons. No edit: where the note was meant to end is not known.
     */
    private unclosedNotes(text: string, lines: Lines, tokens: IToken[], raw: RawError[], byLine: Map<number, RawError[]>): SyntaxError[] {
        const out: SyntaxError[] = [];
        // No quote after it at all: the quote is a lexer error, right after its year line.
        const index = new TokenIndex(tokens);
        for (const r of raw) {
            if (!r.lexer || text.charCodeAt(r.start) !== 0x22 || !byLine.has(r.line)) continue;
            const before = index.before(r.start);
            if (before?.tokenType.name !== 'YEAR_LINE' || lines.line(before.endOffset!) !== r.line) continue;
            byLine.delete(r.line);
            const end = r.start + text.slice(r.start, lines.lineEnd(r.line)).trimEnd().length;
            out.push({ range: lines.range(r.start, end), data: { code: SYNTAX_ERROR_CODE, kind: 'unclosed-note' } });
        }
        for (let i = 1; i < tokens.length; i++) {
            const string = tokens[i], before = tokens[i - 1];
            if (string.tokenType.name !== 'STRING' || before.tokenType.name !== 'YEAR_LINE') continue;
            const line = lines.line(string.startOffset);
            const last = lines.line(string.endOffset!);
            if (last === line || lines.line(before.endOffset!) !== line || !byLine.has(line)) continue;
            for (let l = line; l <= last; l++) byLine.delete(l);
            const end = string.startOffset + text.slice(string.startOffset, lines.lineEnd(line)).trimEnd().length;
            out.push({ range: lines.range(string.startOffset, end), data: { code: SYNTAX_ERROR_CODE, kind: 'unclosed-note', endLine: last + 1 } });
        }
        return out;
    }

    /**
     * A quote no string closes (a lexer error) after a string that runs over a line break into what
     * reads as the next statement (`"Kim⏎district TienLu "`): that string lacks its closing quote.
     * Reported once, on the string's line; the errors up to the stray quote are its follow-ons.
     */
    private unclosedStrings(text: string, lines: Lines, tokens: IToken[], raw: RawError[], byLine: Map<number, RawError[]>): SyntaxError[] {
        const out: SyntaxError[] = [];
        const statement = new RegExp(`\\n[ \\t]*(?:${[...this.statementStarts].map(k => k.replace(/[-]/g, '\\$&')).join('|')})\\b`);
        // Strings that run into a statement, in order; each explains the first stray quote after it.
        const candidates = tokens.filter(t => t.tokenType.name === 'STRING' && statement.test(t.image));
        if (candidates.length === 0) return out;
        let next = 0;
        for (const stray of raw.filter(r => r.lexer && text.slice(r.start, r.end).includes('"')).sort((a, b) => a.start - b.start)) {
            if (next >= candidates.length || candidates[next].startOffset > stray.start || !byLine.has(stray.line)) continue;
            const string = candidates[next++];
            while (next < candidates.length && candidates[next].startOffset < stray.start) next++;
            const line = lines.line(string.startOffset);
            const end = string.startOffset + text.slice(string.startOffset, lines.lineEnd(line)).trimEnd().length;
            for (let l = line; l <= stray.line; l++) byLine.delete(l);
            const at = lines.range(end, end);
            out.push({
                range: lines.range(string.startOffset, end),
                data: { code: SYNTAX_ERROR_CODE, kind: 'unclosed-string', endLine: stray.line + 1, edit: { range: at, newText: '"', replaced: '' } }
            });
        }
        return out;
    }

    /** The one error of a line: unquoted text, a run of stray characters, or its first parser error. */
    private lineError(text: string, lines: Lines, tokens: TokenIndex, group: RawError[], deep: boolean): SyntaxError {
        const lexer = group.filter(r => r.lexer);
        const first = group[0];
        const parser = group.find(r => !r.lexer);
        if (deep && first.start < text.length) {
            const unquoted = this.unquotedText(text, lines, first, parser);
            if (unquoted) return unquoted;
        }
        if (lexer.length > 0) {
            const start = lexer[0].start, end = lexer[lexer.length - 1].end;
            // The characters named in the message: the first few distinct ones are enough.
            const chars: string[] = [];
            for (const r of lexer) {
                for (const c of text.slice(r.start, Math.min(r.end, r.start + 16))) if (!/\s/.test(c) && !chars.includes(c)) chars.push(c);
                if (chars.length >= 8) break;
            }
            return { range: lines.range(start, end), data: { code: SYNTAX_ERROR_CODE, kind: 'unexpected-character', chars } };
        }
        return this.parserError(text, lines, tokens, parser!, deep);
    }

    private parserError(text: string, lines: Lines, tokens: TokenIndex, error: RawError, deep: boolean): SyntaxError {
        const token = error.token;
        const found: TokenText = token ? { type: this.typeOf(token), image: token.image } : { type: 'EOF', image: '' };
        const expected = deep ? this.expectedAt(text.slice(0, error.start)) : [];
        // Within a year line (one token, YEAR_LINE, up to its last cell): a cell could come here too.
        const before = tokens.before(error.start);
        if (expected.includes('YEAR_LINE') && before?.tokenType.name === 'YEAR_LINE' && lines.line(before.endOffset!) === lines.line(error.start)) {
            expected.unshift('CELL');
        }
        const range = lines.range(error.start, error.end);
        const data: SyntaxErrorData = { code: SYNTAX_ERROR_CODE, kind: 'unexpected-token', found, expected };
        if (!token) {
            // The end of the file: at the end of the last token, as Langium places it.
            const last = tokens.before(text.length);
            const at = last ? last.endOffset! + 1 : 0;
            const open = expected.includes('}') ? this.openBlock(text, lines, tokens, text.length) : undefined;
            if (open) {
                const insert = (text.length > 0 && !text.endsWith('\n') ? '\n' : '') + open.indent + '}\n';
                const end = lines.range(text.length, text.length);
                return {
                    range: lines.range(at, at),
                    data: { ...data, kind: 'missing-close', block: open.block, blockLine: open.line + 1, edit: { range: end, newText: insert, replaced: '' } }
                };
            }
            return { range: lines.range(at, at), data };
        }
        if (token.image === '}' && !expected.includes('}') && tokens.depthBefore(error.start) === 0) {
            return { range, data: { ...data, kind: 'extra-close' } };
        }
        if (found.type === 'ID' || (found.type === 'keyword' && /^[a-z]/.test(token.image) && !this.statementStarts.has(token.image))) {
            const suggestion = nearestKeyword(token.image, expected);
            if (suggestion) return { range, data: { ...data, kind: 'unknown-keyword', suggestion, edit: { range, newText: suggestion, replaced: token.image } } };
        }
        // A statement (`district`, `target`, …) on a later line where something else was expected:
        // the mistake is at the end of the line before (a label not written, a block not closed).
        const previous = tokens.before(error.start);
        if (previous && found.type === 'keyword' && this.statementStarts.has(token.image) && lines.line(previous.endOffset!) < lines.line(error.start)) {
            const at = lines.range(previous.endOffset! + 1, previous.endOffset! + 1);
            const foundLine = lines.line(error.start) + 1;
            const open = expected.includes('}') ? this.openBlock(text, lines, tokens, error.start) : undefined;
            if (open) {
                const edit = { range: at, newText: '\n' + open.indent + '}', replaced: '' };
                return { range: at, data: { ...data, kind: 'missing-close', block: open.block, blockLine: open.line + 1, foundLine, edit } };
            }
            return { range: at, data: { ...data, after: previous.image, foundLine } };
        }
        if (found.type === 'NUMBER' && /^\d{4}$/.test(token.image) && expected.includes('YEAR_LINE')) {
            return { range, data: { ...data, edit: { range, newText: token.image + ':', replaced: token.image } } };
        }
        return { range, data };
    }

    /**
     * A sentence where a string is expected: from the first error of the line to its end (before a
     * comment and closing braces), when it reads as words — accented letters, or two words the
     * second of which is no keyword.
     */
    private unquotedText(text: string, lines: Lines, first: RawError, parser: RawError | undefined): SyntaxError | undefined {
        if (!parser) return undefined;
        const start = first.start;
        let end = lines.lineEnd(first.line);
        const rest = text.slice(start, end);
        const comment = rest.indexOf('//');
        let body = comment >= 0 ? rest.slice(0, comment) : rest;
        body = body.replace(/[\s}]+$/, '');
        end = start + body.length;
        if (!body || /["{}]/.test(body) || !/\p{L}/u.test(body)) return undefined;
        const words = body.split(/\s+/);
        const accented = /[^\x00-\x7f]/.test(body);
        if (!accented && !(words.length >= 2 && !this.keywords.has(words[1]))) return undefined;
        const features = this.followAt(text.slice(0, start));
        const names = features.map(f => f.name);
        if (!names.includes('STRING')) return undefined;
        const sentence = features.some(f => f.name === 'STRING' && f.rule === 'Target');
        const range = lines.range(start, end);
        return {
            range,
            data: { code: SYNTAX_ERROR_CODE, kind: 'unquoted-text', text: body, sentence, edit: { range, newText: JSON.stringify(body), replaced: body } }
        };
    }

    /** The innermost `{` not closed before the end of the file: the words before it and its line. */
    private openBlock(text: string, lines: Lines, tokens: TokenIndex, offset: number): { block: string; line: number; indent: string } | undefined {
        const brace = tokens.openBraceBefore(offset);
        if (!brace) return undefined;
        const line = lines.line(brace.startOffset);
        const lineText = text.slice(lines.lineStart(line), brace.startOffset);
        const indent = /^[ \t]*/.exec(lineText)![0];
        let block = lineText.trim();
        // Several blocks on one line (`target t { … { `): the words after the last `}` or `{`.
        block = block.split(/[{}]/).pop()!.trim() || block;
        if (block.length > 60) block = block.slice(0, 59) + '…';
        return { block: block || '{', line, indent };
    }

    private typeOf(token: IToken): string {
        const name = token.tokenType.name;
        if (TERMINALS.has(name) || name === 'EOF') return name;
        return this.keywords.has(token.image) ? 'keyword' : name;
    }

    /** What may come after a text: keyword values and terminal names, each once, in grammar order. */
    expectedAt(prefix: string): string[] {
        return [...new Set(this.followAt(prefix).map(f => f.name))];
    }

    private followAt(prefix: string): { name: string; rule?: string }[] {
        try {
            const parsed = this.services.parser.CompletionParser.parse(prefix);
            if (parsed.tokenIndex === 0 && parsed.tokens.length === 0) {
                // Nothing read yet: the entry rule's first keyword.
                const entry = GrammarUtils.getEntryRule(this.services.Grammar);
                const firstKeyword = entry && AstUtils.streamAllContents(entry).find(GrammarAST.isKeyword);
                return firstKeyword ? [{ name: firstKeyword.value, rule: entry.name }] : [];
            }
            const leftover = parsed.tokens.slice(parsed.tokenIndex);
            const features = findNextFeatures([parsed.elementStack.map(feature => ({ feature }))], leftover);
            return features.flatMap(f => {
                const rule = AstUtils.getContainerOfType(f.feature, GrammarAST.isParserRule)?.name;
                if (GrammarAST.isKeyword(f.feature)) return [{ name: f.feature.value, rule }];
                if (GrammarAST.isCrossReference(f.feature)) return [{ name: 'ID', rule }];
                if (GrammarAST.isRuleCall(f.feature) && GrammarAST.isTerminalRule(f.feature.rule.ref)) return [{ name: f.feature.rule.ref.name, rule }];
                return [];
            });
        } catch {
            return [];
        }
    }
}

/**
 * Text ranges (offsets) a syntax error damaged: each lexer error's characters, and each parser
 * error's token up to the last token recovery skipped. Rule findings on a node that holds one are
 * the recovery's, not the plan's (the skipped `lead YT` of a misspelled `drection` line).
 */
export function damagedSpans(parseResult: ParseResult, textLength: number): { start: number; end: number; skipped: string[] }[] {
    const spans: { start: number; end: number; skipped: string[] }[] = [];
    for (const e of parseResult.lexerErrors) spans.push({ start: e.offset, end: e.offset + e.length, skipped: isNestingError(e) ? e.nesting.ids : [] });
    for (const e of parseResult.parserErrors) {
        const start = isNaN(e.token.startOffset) ? textLength : e.token.startOffset;
        const resynced = e.resyncedTokens ?? [];
        const last = resynced[resynced.length - 1];
        const end = last && !isNaN(last.startOffset) ? last.endOffset! + 1 : isNaN(e.token.startOffset) ? textLength : e.token.endOffset! + 1;
        spans.push({ start, end, skipped: [e.token, ...resynced].map(t => t.image).filter(Boolean) });
        // Where the parser stood when it failed: the element it was reading ends there, unfinished
        // (a brace closed early leaves `standard md2022` of a table's head read as a declaration
        // without its name, whose id then "duplicates" the real one).
        const before = (e as { previousToken?: { endOffset?: number } }).previousToken?.endOffset;
        if (before !== undefined && !isNaN(before) && before >= 0) spans.push({ start: before, end: before + 1, skipped: [] });
    }
    return spans;
}
