// The lexer's keyword tokens and their longer alternatives. PlanTokenBuilder finds a keyword's longer
// alternatives with each terminal's partial expression made once (language/token-builder.ts); this
// compares every keyword's alternatives with Langium's own test, RegExpUtils.partialMatches, run on
// the grammar's expressions of the terminals, so the shortcut decides exactly as Langium would.
import { GrammarUtils, RegExpUtils, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { createTestServices } from '../helpers/plan.js';

describe('the keyword tokens', () => {
    const services = createTestServices();
    const tokens = services.parser.Lexer.definition as Record<string, TokenType>;
    const terminals = services.Grammar.rules.filter((r): r is GrammarAST.TerminalRule => r.$type === 'TerminalRule' && !r.fragment);

    it('each has the longer alternatives Langium would give it', () => {
        const keywords = Object.values(tokens).filter(t => typeof t.PATTERN === 'string');
        expect(keywords.length).toBeGreaterThan(80);
        for (const keyword of keywords) {
            const expected = terminals
                .filter(t => RegExpUtils.partialMatches('^' + GrammarUtils.terminalRegex(t).source + '$', keyword.PATTERN as string))
                .map(t => t.name).sort();
            const actual = ((keyword.LONGER_ALT ?? []) as TokenType[]).map(t => t.name).sort();
            expect([keyword.name, actual]).toEqual([keyword.name, expected]);
        }
    });

    it('keeps `-3` a number, `/*` a comment and `plan` the start of a longer name', () => {
        const alternatives = (name: string) => ((tokens[name].LONGER_ALT ?? []) as TokenType[]).map(t => t.name);
        expect(alternatives('-')).toContain('NUMBER');
        expect(alternatives('/')).toEqual(expect.arrayContaining(['ML_COMMENT', 'SL_COMMENT']));
        expect(alternatives('plan')).toContain('ID');
    });
});
