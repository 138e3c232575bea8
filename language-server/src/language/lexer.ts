// The plan lexer: Langium's, with tokens that carry offsets only. Langium asks Chevrotain for full
// positions (line and column of each token's start and end): four more fields per token, which V8
// stores as boxed doubles because the end-of-input token holds NaN in them. For a 5 MB plan
// (740.000 tokens) that is ~100 MB more at the parse's peak, for positions nothing reads: the syntax
// tree's leaves compute their ranges from offsets (parser.ts) and syntax errors are placed by offset
// (validation/syntax-errors.ts).
// It also keeps blocks from nesting deeper than the parser can recurse (limitNesting).
import { Lexer as ChevrotainLexer, type ILexingError, type IToken, type TokenType } from 'chevrotain';
import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';

/**
 * Chevrotain's offset-only tokens have no end offset, and Langium's parser drops every token without
 * one (it takes them for recovery tokens): the end is added back, as a small integer.
 */
class OffsetLexer extends ChevrotainLexer {
    createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken {
        return { image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx, tokenType } as IToken;
    }
}

export class PlanLexer extends DefaultLexer {
    constructor(services: LangiumCoreServices) {
        super(services);
        this.chevrotainLexer = new OffsetLexer(Object.values(this.tokenTypes), {
            positionTracking: 'onlyOffset',
            skipValidations: services.LanguageMetaData.mode === 'production',
            errorMessageProvider: this.errorMessageProvider
        });
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        return limitNesting(super.tokenize(text, options), text.length);
    }
}

/**
 * The deepest nesting of blocks `{ … }` read. The parser descends once per block, about 25 stack
 * frames a level, and overflowed the stack past ~350 nested `group`s: the file was not checked at
 * all, and the parser was left unusable for the next file. A plan nests four or five levels (a
 * solutions section, group 1, group a, a solution); a hundred leaves the stack far from its end
 * wherever the parse is called from (the language server's completion parses from deeper).
 */
export const MAX_NESTING = 100;

/** A block opened past MAX_NESTING: its contents were not read (see limitNesting). */
export interface NestingError extends ILexingError {
    nesting: {
        /** The level the block's `{` opens, MAX_NESTING + 1. */
        depth: number;
        limit: number;
        /** Offset of the block's `{`; of its closing `}`, or undefined when the file ends first. */
        open: number;
        close?: number;
        /** The ids the dropped tokens name, each once: a declaration used only in there is not "unused". */
        ids: string[];
    };
}

export function isNestingError(e: ILexingError): e is NestingError {
    return (e as Partial<NestingError>).nesting !== undefined;
}

/**
 * Drops the contents of every block opened past MAX_NESTING (its tokens and comments, up to its
 * closing brace or the end of the file), keeping the braces, and reports each such block as a lexer
 * error over the span it dropped. The parser then reads a plan of bounded depth, and the rest of the
 * file is parsed and checked as usual; a block left open at the end still is the parser's "missing
 * `}`". One pass over the tokens; a new array only when something is dropped.
 */
export function limitNesting(result: LexerResult, textLength: number, limit = MAX_NESTING): LexerResult {
    const tokens = result.tokens;
    let kept: IToken[] | undefined;
    const dropped: { from: number; to: number }[] = [];
    const errors: NestingError[] = [];
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
        const name = tokens[i].tokenType.name;
        if (name === '}') depth = Math.max(0, depth - 1);
        if (name !== '{' || ++depth <= limit) {
            kept?.push(tokens[i]);
            continue;
        }
        kept ??= tokens.slice(0, i);
        kept.push(tokens[i]);
        let j = i + 1;
        const ids = new Set<string>();
        for (let inner = 1; j < tokens.length; j++) {
            const n = tokens[j].tokenType.name;
            if (n === '{') inner++;
            else if (n === '}' && --inner === 0) break;
            else if (n === 'ID') ids.add(tokens[j].image);
        }
        const open = tokens[i].startOffset;
        const close = j < tokens.length ? tokens[j].startOffset : undefined;
        dropped.push({ from: open + 1, to: close ?? textLength });
        errors.push({
            offset: open + 1, length: (close ?? textLength) - open - 1, line: undefined, column: undefined,
            message: `Blocks nested deeper than ${limit} levels: the contents of this block are not read.`,
            nesting: { depth, limit, open, close, ids: [...ids] }
        });
        // The closing brace, if any, is read next and closes this level.
        i = j - 1;
    }
    if (!kept) return result;
    return { ...result, tokens: kept, hidden: outside(result.hidden, dropped), errors: [...result.errors, ...errors] };
}

/** The tokens (in order) outside the spans (in order, apart). */
function outside(tokens: IToken[], spans: { from: number; to: number }[]): IToken[] {
    const out: IToken[] = [];
    let s = 0;
    for (const t of tokens) {
        while (s < spans.length && spans[s].to <= t.startOffset) s++;
        if (s < spans.length && spans[s].from <= t.startOffset) continue;
        out.push(t);
    }
    return out;
}
