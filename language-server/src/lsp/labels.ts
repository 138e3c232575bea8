// Words the editor features show (hovers, completion details, quick-fix titles, outline), in
// Vietnamese and English: the words are in common/words (editor.ts, kinds.ts); this module gives
// them the names the editor features use.
import { AstUtils, GrammarAST } from 'langium';
import type { Locale } from '../../../common/findings.js';
import { say, type Words } from '../../../common/catalogue.js';
import { EDITOR_LABELS, KEYWORD_DOCS, KEYWORD_DOCS_BY_RULE } from '../../../common/words/editor.js';
import { AGENCY_KINDS, DIRECTIONS, DISTRICT_KINDS, KINDS, UNITS, YEAR_KINDS } from '../../../common/words/kinds.js';

export type Text = Words;
export { KEYWORD_DOCS, KEYWORD_DOCS_BY_RULE };
export const L = EDITOR_LABELS;
export const AGENCY_KIND_LABELS = AGENCY_KINDS;
export const DISTRICT_KIND_LABELS = DISTRICT_KINDS;
export const UNIT_LABELS = UNITS;
export const DIRECTION_LABELS = DIRECTIONS;
export const VALUE_KIND_LABELS = YEAR_KINDS;
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
