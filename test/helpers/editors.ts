// The editors outside VS Code (editors/vim, editors/emacs): the Langium grammar's keywords, the
// keyword lists of the Vim syntax file and of the Emacs mode as the files state them, and whether
// an editor is installed here.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, GrammarAST } from 'langium';
import { PlanGrammar } from '../../language-server/src/generated/grammar.js';
import { REPO_ROOT } from './plan.js';

export const VIM_DIR = path.join(REPO_ROOT, 'editors', 'vim');
export const VIM_SYNTAX = path.join(VIM_DIR, 'syntax', 'plan.vim');
export const EMACS_MODE = path.join(REPO_ROOT, 'editors', 'emacs', 'plan-mode.el');

/** Every keyword of the Langium grammar (as the generated grammar.ts holds it), sorted. */
export function grammarKeywords(): string[] {
    const keywords = AstUtils.streamAllContents(PlanGrammar()).filter(GrammarAST.isKeyword).map(k => k.value);
    return [...new Set(keywords)].sort();
}

/** The keywords that are words (part-of, poor-rate), as opposed to punctuation ({, <=, ?). */
export function isWordKeyword(keyword: string): boolean {
    return /^[a-z][a-z-]*$/.test(keyword);
}

/**
 * The `syn keyword` lists of a Vim syntax file, by group. A `contained` list only repeats a keyword
 * in a context (plan as the file's first word; TODO in a comment) and is left aside.
 */
export function vimKeywordLists(text: string): Map<string, string[]> {
    const lists = new Map<string, string[]>();
    for (const m of text.matchAll(/^syn(?:tax)?\s+keyword\s+(\w+)\s+(.*)$/gm)) {
        const [, group, rest] = m;
        if (/\scontained(\s|$)/.test(rest)) continue;
        // Options (nextgroup=planName skipwhite contained …) are not keywords.
        const words = rest.split(/\s+/).filter(w => w && !w.includes('=') && !/^(skipwhite|skipnl|skipempty|contained|transparent)$/.test(w));
        lists.set(group, [...(lists.get(group) ?? []), ...words]);
    }
    return lists;
}

/** The `plan-*-keywords` lists of the Emacs mode, by name. */
export function emacsKeywordLists(text: string): Map<string, string[]> {
    const lists = new Map<string, string[]>();
    for (const m of text.matchAll(/\(defconst\s+(plan-[a-z-]+-keywords)\s+'\(([^)]*)\)/g)) {
        lists.set(m[1], [...m[2].matchAll(/"([^"]*)"/g)].map(w => w[1]));
    }
    return lists;
}

/**
 * What a set of keyword lists says against the grammar: grammar keywords no list has, listed words
 * the grammar does not have, and words listed more than once (only one of which a Vim keyword keeps).
 */
export function compareWithGrammar(lists: Map<string, string[]>, keywords: string[]): { missing: string[]; unknown: string[]; twice: string[] } {
    const listed = [...lists.values()].flat();
    const seen = new Set<string>();
    const twice = listed.filter(w => seen.has(w) || !seen.add(w));
    const words = keywords.filter(isWordKeyword);
    return {
        missing: words.filter(k => !seen.has(k)),
        unknown: [...seen].filter(w => !words.includes(w)),
        twice
    };
}

/** Whether a program answers `--version` here. */
export function hasProgram(program: string, args: string[] = ['--version']): boolean {
    return spawnSync(program, args, { stdio: 'ignore' }).status === 0;
}

/** A line and a byte column (Vim's synID) or a character column (Emacs), both from 1, of a text's first `needle` after `after`. */
export function positionOf(text: string, needle: string, after = ''): { line: number; byteCol: number; charCol: number } {
    const start = after ? text.indexOf(after) : 0;
    if (start < 0) throw new Error(`not in the text: ${after}`);
    const at = text.indexOf(needle, start);
    if (at < 0) throw new Error(`not in the text: ${needle}`);
    const before = text.slice(0, at);
    const lineStart = before.lastIndexOf('\n') + 1;
    const prefix = before.slice(lineStart);
    return { line: before.split('\n').length, byteCol: Buffer.byteLength(prefix) + 1, charCol: [...prefix].length + 1 };
}

export function readText(file: string): string {
    return fs.readFileSync(file, 'utf8');
}
