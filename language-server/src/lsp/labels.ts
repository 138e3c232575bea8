// Words the editor features show (hovers, completion details, quick-fix titles, outline), in
// Vietnamese and English: the words are in common/words (editor.ts, kinds.ts); this module gives
// them the names the editor features use.
import { AstUtils, GrammarAST } from 'langium';
import type { Locale } from '../../../common/findings.js';
import { say, type Words } from '../../../common/catalogue.js';
import { EDITOR_LABELS, KEYWORD_DOCS, KEYWORD_DOCS_BY_RULE } from '../../../common/words/editor.js';
import { KINDS } from '../../../common/words/kinds.js';

export type Text = Words;
export { KEYWORD_DOCS, KEYWORD_DOCS_BY_RULE };
export const L = EDITOR_LABELS;
/** What a declaration is, by its AST type, as a title. */
export const KIND_LABELS: Record<string, Text> = Object.fromEntries(Object.entries(KINDS).map(([type, kind]) => [type, kind.title]));

export function t(text: Text, locale: Locale): string {
    return text[locale];
}

/** What a keyword of the grammar means where it stands (its rule), or undefined for punctuation. */
export function keywordDoc(keyword: GrammarAST.Keyword): Text | undefined {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
    return (rule ? KEYWORD_DOCS_BY_RULE[rule]?.[keyword.value] : undefined) ?? KEYWORD_DOCS[keyword.value];
}

/** A label with {placeholders} filled in. */
export function fill(text: Text, locale: Locale, args: Record<string, string | number> = {}): string {
    return say(text, locale, args);
}
