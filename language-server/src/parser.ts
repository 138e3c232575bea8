// The plan parser: Langium's, except that it lets go of the token vector once a parse is done.
// Langium's parser keeps the last input's tokens (Chevrotain's `input`) until the next parse: for a
// national plan of 5 MB that is three quarters of a million token objects, each with six boxed
// numbers (Chevrotain's end-of-input token puts NaN in the same fields, so V8 stores all of them as
// doubles) — about 140 MB held for nothing after the syntax tree is built.
import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

export class PlanParser extends LangiumParser {
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            return super.parse<T>(input, options);
        } finally {
            // Resets Chevrotain's state too; the result keeps its own error list.
            this.wrapper.input = [];
        }
    }
}

/** As Langium's createLangiumParser, with the plan parser. */
export function createPlanParser(services: LangiumCoreServices): PlanParser {
    const parser = new PlanParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
