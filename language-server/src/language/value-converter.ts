// String literals as flat strings. Langium unescapes a STRING by adding one character at a time to
// its result, which V8 keeps as a chain of concatenations (32 bytes a character) until something
// reads the string through: a text-heavy 5 MB plan (names, task texts, solutions) held ~30 MB of such
// chains (issue 8). The same result: the quotes dropped and `\b \f \n \r \t \v \0` read as those
// characters, any other escaped character as itself.
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

export function unquote(literal: string): string {
    const end = literal.length - 1;
    let slash = literal.indexOf('\\', 1);
    if (slash < 0 || slash >= end) return literal.slice(1, end);
    const parts: string[] = [];
    let from = 1;
    while (slash >= 0 && slash < end) {
        parts.push(literal.slice(from, slash));
        // As Langium's: the character after the backslash, even the closing quote of a literal cut short.
        const escaped = literal.charAt(slash + 1);
        parts.push(ESCAPES[escaped] ?? escaped);
        from = slash + 2;
        slash = literal.indexOf('\\', from);
    }
    if (from < end) parts.push(literal.slice(from, end));
    return parts.join('');
}

export class PlanValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'STRING' ? unquote(input) : super.runConverter(rule, input, cstNode);
    }
}
