// The one way a sentence reaches a user: an entry of the catalogue (common/words) in both languages,
// filled in the user's locale. One placeholder syntax everywhere, a subset of ICU MessageFormat:
//   {name}                                        the argument's value
//   {name, select, comment {…} none {…} other {…}}  a branch by value ('none' matches '' or no value)
//   {name, plural, one {…} other {…}}             a branch by count (1 or not)
// Branch texts may hold placeholders themselves. A brace not followed by a name and `}` or `,` is
// text (syntax errors name the `{` and `}` of the language). No dependency: the webview bundles this too.

import type { Locale } from './locale.js';

/** A catalogue entry: the same sentence in Vietnamese and English, with the same placeholders. */
export interface Words { readonly vi: string; readonly en: string }

/** An argument: a value, or another entry (said in the same locale: a kind name, a place in the plan). */
export type Arg = string | number | Words | Said;
export type Args = Record<string, Arg | undefined>;

/** An entry with its arguments, to be said later in whatever locale the reader has. */
export interface Said { readonly words: Words; readonly args?: Args }

export function said(words: Words, args?: Args): Said {
    return { words, args };
}

/** The entry in the locale, its placeholders filled. */
export function say(words: Words, locale: Locale, args: Args = {}): string {
    return fill(words[locale], locale, args);
}

function value(arg: Arg | undefined, locale: Locale): string {
    if (arg === undefined) return '';
    if (typeof arg === 'string' || typeof arg === 'number') return String(arg);
    if ('words' in arg) return say(arg.words, locale, arg.args);
    return arg[locale];
}

/** Fills a template; a placeholder without an argument stays as written, so a missing one shows. */
export function fill(template: string, locale: Locale, args: Args): string {
    let out = '';
    let i = 0;
    while (i < template.length) {
        const open = nextPlaceholder(template, i);
        if (open < 0) break;
        out += template.slice(i, open);
        const end = closing(template, open);
        const inner = template.slice(open + 1, end);
        const branchy = /^\s*(\w+)\s*,\s*(select|plural)\s*,([\s\S]*)$/.exec(inner);
        if (branchy) {
            const [, name, kind, rest] = branchy;
            const branches = parseBranches(rest);
            const arg = args[name];
            const key = kind === 'plural' ? (Number(value(arg, locale)) === 1 ? 'one' : 'other')
                : arg === undefined || arg === '' ? 'none' : value(arg, locale);
            const chosen = branches.get(key) ?? branches.get('other') ?? '';
            out += fill(chosen, locale, args);
        } else {
            const name = inner.trim();
            out += name in args ? value(args[name], locale) : `{${inner}}`;
        }
        i = end + 1;
    }
    return out + template.slice(i);
}

function nextPlaceholder(text: string, from: number): number {
    const re = /\{\s*\w+\s*[,}]/g;
    re.lastIndex = from;
    return re.exec(text)?.index ?? -1;
}

/** Index of the brace that closes the one at `open` (nesting counted). */
function closing(text: string, open: number): number {
    let depth = 0;
    for (let j = open; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) return j;
    }
    throw new Error(`Unclosed placeholder in "${text}"`);
}

function parseBranches(text: string): Map<string, string> {
    const branches = new Map<string, string>();
    let i = 0;
    while (i < text.length) {
        const m = /^\s*(\w+)\s*\{/.exec(text.slice(i));
        if (!m) break;
        const open = i + m[0].length - 1;
        const end = closing(text, open);
        branches.set(m[1], text.slice(open + 1, end));
        i = end + 1;
    }
    return branches;
}

/**
 * The argument names a template uses, with the branch keys of each select or plural (for the test
 * that vi and en of an entry take the same arguments).
 */
export function placeholders(template: string): string[] {
    const names = new Set<string>();
    let i = 0;
    while (i < template.length) {
        const open = nextPlaceholder(template, i);
        if (open < 0) break;
        const end = closing(template, open);
        const inner = template.slice(open + 1, end);
        const branchy = /^\s*(\w+)\s*,\s*(select|plural)\s*,([\s\S]*)$/.exec(inner);
        if (branchy) {
            const branches = parseBranches(branchy[3]);
            // Plural branches differ by language, and Vietnamese needs no count to choose one: a
            // plural's count is compared only where it is printed. Select branches do not differ.
            if (branchy[2] === 'select') names.add(`${branchy[1]}:select(${[...branches.keys()].sort().join('|')})`);
            for (const text of branches.values()) for (const n of placeholders(text)) names.add(n);
        } else names.add(inner.trim());
        i = end + 1;
    }
    return [...names].sort();
}
