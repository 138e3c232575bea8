// The keyword lists of the editors outside VS Code against the Langium grammar: a keyword added to
// grammar/plan.langium fails here until editors/vim/syntax/plan.vim and editors/emacs/plan-mode.el
// know it. The editors themselves are run by test/editors/*.test.ts.
import { describe, expect, test } from 'vitest';
import {
    EMACS_MODE, VIM_SYNTAX, compareWithGrammar, emacsKeywordLists, grammarKeywords, isWordKeyword, readText, vimKeywordLists
} from '../helpers/editors.js';

const keywords = grammarKeywords();
const vim = vimKeywordLists(readText(VIM_SYNTAX));
const emacs = emacsKeywordLists(readText(EMACS_MODE));

describe('the grammar\'s keywords', () => {
    test('are read from the generated grammar', () => {
        expect(keywords.filter(isWordKeyword).length).toBeGreaterThan(100);
        expect(keywords).toContain('indicator-table');
        expect(keywords).toContain('poor-rate');
    });

    test('the punctuation keywords are the ones both editors colour by pattern', () => {
        // A new one ("..", "=>") needs a pattern in plan.vim (planOperator / planBlank) and in
        // plan-mode.el (its syntax table or font-lock), then its place here.
        expect(keywords.filter(k => !isWordKeyword(k))).toEqual(['!=', '(', ')', '+', '-', '/', '<', '<=', '=', '>', '>=', '?', '{', '}']);
    });
});

describe('editors/vim/syntax/plan.vim', () => {
    test('lists every word keyword of the grammar once, and nothing else', () => {
        expect([...vim.keys()].sort()).toEqual(['planComparison', 'planDeclaration', 'planEnum', 'planField', 'planMeasure', 'planUnit', 'planYearKind']);
        expect(compareWithGrammar(vim, keywords)).toEqual({ missing: [], unknown: [], twice: [] });
    });

    test('a keyword dropped from the file, or one it invents, is reported', () => {
        const text = readText(VIM_SYNTAX).replace(/ part-of /, ' ').replace(/(syn keyword planUnit\s+)/, '$1per-cent ');
        expect(compareWithGrammar(vimKeywordLists(text), keywords)).toEqual({ missing: ['part-of'], unknown: ['per-cent'], twice: [] });
    });
});

describe('editors/emacs/plan-mode.el', () => {
    test('lists every word keyword of the grammar once, and nothing else', () => {
        expect([...emacs.keys()].sort()).toEqual([
            'plan-comparison-keywords', 'plan-constant-keywords', 'plan-declaration-keywords', 'plan-field-keywords', 'plan-type-keywords'
        ]);
        expect(compareWithGrammar(emacs, keywords)).toEqual({ missing: [], unknown: [], twice: [] });
    });

    test('a keyword listed twice is reported', () => {
        const text = readText(EMACS_MODE).replace(/'\("below"/, '\'("below" "lead"');
        expect(compareWithGrammar(emacsKeywordLists(text), keywords).twice).toEqual(['lead']);
    });

    test('classifies every keyword as the Vim syntax file does', () => {
        const vimGroupOf = new Map([...vim].flatMap(([group, words]) => words.map(w => [w, group] as const)));
        const sameClass: Record<string, string[]> = {
            'plan-declaration-keywords': ['planDeclaration'], 'plan-field-keywords': ['planField'],
            'plan-comparison-keywords': ['planComparison'], 'plan-type-keywords': ['planMeasure', 'planUnit'],
            'plan-constant-keywords': ['planYearKind', 'planEnum']
        };
        const differing = [...emacs].flatMap(([list, words]) =>
            words.filter(w => !sameClass[list].includes(vimGroupOf.get(w) ?? '')).map(w => `${w}: ${list} / ${vimGroupOf.get(w)}`));
        expect(differing).toEqual([]);
    });
});
