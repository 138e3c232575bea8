// The plan lexer: Langium's, with tokens that carry offsets only. Langium asks Chevrotain for full
// positions (line and column of each token's start and end): four more fields per token, which V8
// stores as boxed doubles because the end-of-input token holds NaN in them. For a 5 MB plan
// (740.000 tokens) that is ~100 MB more at the parse's peak, for positions nothing reads: the syntax
// tree's leaves compute their ranges from offsets (parser.ts) and syntax errors are placed by offset
// (validation/syntax-errors.ts).
import { Lexer as ChevrotainLexer, type IToken, type TokenType } from 'chevrotain';
import { DefaultLexer, type LangiumCoreServices } from 'langium';

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
}
