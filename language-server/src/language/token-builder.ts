// The lexer's long terminals, matched by hand. V8's regular expressions keep one backtrack entry per
// repetition of a group, and throw "Maximum call stack size exceeded" when a single token is a few
// megabytes long: `"(\\.|[^"\\])*"` on a 4,5 MB string, `-?[0-9]+([.,][0-9]+)*` on 5 MB of grouped
// digits (even the unrolled `"[^"\\]*(?:\\.[^"\\]*)*"` overflows on 20 MB of escapes). The loops
// below accept exactly the same text as the grammar's regular expressions (grammar/plan.langium,
// which stays the definition) in constant stack and linear time.
import type { CustomPatternMatcherFunc, TokenType } from 'chevrotain';
import { DefaultTokenBuilder, RegExpUtils, type GrammarAST } from 'langium';
import { numberEnd, yearLineEnd } from './year-line.js';

const QUOTE = 0x22, BACKSLASH = 0x5c, STAR = 0x2a, SLASH = 0x2f;

/** The characters a regular expression's `.` does not match. */
const isLineTerminator = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/**
 * Where a scan from `from` found no token, so that no start between `from` and `until` can find one
 * either, per tokenize call (keyed by the call's token array). Without it, the lexer's error recovery
 * would rescan to the end of the text from every quote inside an unterminated string of escaped
 * quotes (or every `/*` after an unterminated comment): quadratic time on a large file.
 */
type Failures = WeakMap<object, { from: number; until: number }>;

function failedBefore(failures: Failures, tokens: object | undefined, offset: number): boolean {
    const failed = tokens ? failures.get(tokens) : undefined;
    return failed !== undefined && failed.from < offset && offset < failed.until;
}

function remember(failures: Failures, tokens: object | undefined, from: number, until: number): void {
    if (tokens) failures.set(tokens, { from, until });
}

const stringFailures: Failures = new WeakMap();

/** `"(\\.|[^"\\])*"`: a quote, then escape pairs or other characters, then a quote. */
export const matchString: CustomPatternMatcherFunc = (text, offset, tokens) => {
    if (text.charCodeAt(offset) !== QUOTE || failedBefore(stringFailures, tokens, offset)) return null;
    const length = text.length;
    let until = length;
    for (let i = offset + 1; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) return [text.substring(offset, i + 1)];
        if (c === BACKSLASH) {
            // `\\.`: the escaped character must exist and not end a line.
            if (i + 1 >= length || isLineTerminator(text.charCodeAt(i + 1))) {
                until = i;
                break;
            }
            i++;
        }
    }
    // Every quote between `offset` and where this scan failed was the second half of an escape
    // pair, so a scan from one runs in step with this one and fails at the same place.
    remember(stringFailures, tokens, offset, until);
    return null;
};

/** `-?[0-9]+([.,][0-9]+)*`: digits, and groups of digits after a dot or a comma. */
export const matchNumber: CustomPatternMatcherFunc = (text, offset) => {
    const end = numberEnd(text, offset);
    return end < 0 ? null : [text.substring(offset, end)];
};

const commentFailures: Failures = new WeakMap();

/** `\/\*[\s\S]*?\*\/`: up to the first `*` `/` after the opening pair. */
export const matchBlockComment: CustomPatternMatcherFunc = (text, offset, tokens) => {
    if (text.charCodeAt(offset) !== SLASH || text.charCodeAt(offset + 1) !== STAR) return null;
    if (failedBefore(commentFailures, tokens, offset)) return null;
    const end = text.indexOf('*/', offset + 2);
    if (end >= 0) return [text.substring(offset, end + 2)];
    // No closing pair after this opening: none after a later one either.
    remember(commentFailures, tokens, offset, text.length);
    return null;
};

/**
 * A table's year line: the year and a colon, then cells apart by whitespace or comments
 * (language/year-line.ts). Comments inside are found by matchBlockComment, which remembers where
 * one has no end.
 */
export const matchYearLine: CustomPatternMatcherFunc = (text, offset, tokens, groups) => {
    const blockEnd = (t: string, i: number) => {
        const comment = matchBlockComment(t, i, tokens, groups);
        return comment ? i + comment[0].length : -1;
    };
    const end = yearLineEnd(text, offset, blockEnd);
    return end < 0 ? null : [text.substring(offset, end)];
};

const HAND_MATCHED: Record<string, { match: CustomPatternMatcherFunc; start: string[]; lineBreaks: boolean }> = {
    STRING: { match: matchString, start: ['"'], lineBreaks: true },
    NUMBER: { match: matchNumber, start: ['-', ...'0123456789'], lineBreaks: false },
    YEAR_LINE: { match: matchYearLine, start: [...'0123456789'], lineBreaks: true },
    ML_COMMENT: { match: matchBlockComment, start: ['/'], lineBreaks: true }
};

export class PlanTokenBuilder extends DefaultTokenBuilder {
    /** The grammar's regular expression of each hand-matched token. */
    private readonly grammarRegex = new Map<TokenType, RegExp>();

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const hand = HAND_MATCHED[terminal.name];
        if (hand && token.PATTERN instanceof RegExp) {
            this.grammarRegex.set(token, token.PATTERN);
            token.PATTERN = hand.match;
            // The first characters keep Chevrotain's per-character dispatch (it is lost for a custom
            // pattern without them); LINE_BREAKS makes it count lines inside the token.
            token.START_CHARS_HINT = hand.start;
            token.LINE_BREAKS = hand.lineBreaks;
        }
        return token;
    }

    /** Each terminal's partial expression (RegExpUtils.partialRegExp), made once for all keywords. */
    private readonly partials = new Map<TokenType, RegExp | undefined>();

    /**
     * A keyword's longer alternatives: the terminals whose expression matches a non-empty prefix of
     * the keyword (what Langium's findLongerAlt decides), from the grammar's expression for
     * hand-matched ones, so that `-3` stays a NUMBER (not `-` and 3) and `/*` a comment (not the date
     * separator `/`). Langium builds the partial expression anew for every keyword and terminal: for
     * this grammar's 120 keywords that was a fifth of a small plan's `plan validate`.
     */
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const partial = this.partialOf(token);
            const match = partial ? keyword.value.match(partial) : null;
            return match !== null && match[0].length > 0;
        });
    }

    private partialOf(token: TokenType): RegExp | undefined {
        if (!this.partials.has(token)) {
            const pattern = this.grammarRegex.get(token) ?? token.PATTERN;
            this.partials.set(token, pattern instanceof RegExp
                ? RegExpUtils.partialRegExp(new RegExp('^' + pattern.source + '$'))
                : undefined);
        }
        return this.partials.get(token);
    }
}
