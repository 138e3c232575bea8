// Names consistent with their declarations (issue 21): a unit or agency named in a title, a heading or
// the text with a spelling that differs from its declaration only in its accents ("TỈNH HUNG YÊN",
// "huyện Phù Cu") is a warning whose fix writes the declared spelling, in the text's own case.
//
// What keeps it from false alarms: only whole names (at word boundaries, as a whole declared name);
// names of two words or more (one-word names are ordinary words too: "Hoa", "Bình"); declarations that
// carry accents (a name declared without any is not the text's model); and a printed spelling that is
// another declared name, or the same letters with the tone mark placed the other way ("Hoà"/"Hòa"), is
// no slip.
import type { PlanText, SourceRange } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { rangeInText } from './text-places.js';
import { LINK_WORDS } from '../../../../common/words/links.js';

interface DeclaredName {
    declared: string;
    folded: string;
    kind: 'unit' | 'agency';
    id: string;
    range: () => SourceRange;
}

const MARKS = /\p{M}/gu;

/** One character without its accents and case: each character of NFC text folds to one or none (a combining mark). */
function foldChar(ch: string): string {
    // A d with a stroke (U+0111, U+0110) has no decomposition: it is folded to d by hand.
    if (ch.charCodeAt(0) === 0x111 || ch.charCodeAt(0) === 0x110) return 'd';
    return ch.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** A text folded, with where each folded character starts in the text (one entry more: the text's end). */
export function foldWithIndex(text: string): { folded: string; starts: number[] } {
    let folded = '';
    const starts: number[] = [];
    for (let i = 0; i < text.length; i++) {
        const f = foldChar(text[i]);
        for (const c of f) { folded += c; starts.push(i); }
    }
    starts.push(text.length);
    return { folded, starts };
}

export function fold(text: string): string {
    return foldWithIndex(text.normalize('NFC')).folded;
}

/** Each word as its base letters and its marks in order of code point: the same accents wherever the tone stands. */
function accentsOf(text: string): string {
    return text.normalize('NFD').toLowerCase().split(/\s+/).map(w => {
        const marks = [...w].filter(c => /\p{M}/u.test(c)).sort().join('');
        return `${w.replace(MARKS, '')}|${marks}`;
    }).join(' ');
}

const hasAccents = (name: string) => /[\u0110\u0111]/.test(name) || /\p{M}/u.test(name.normalize('NFD'));
const WORD = /[\p{L}\p{N}]/u;

function declaredNames(ctx: Parameters<Rule>[0]): DeclaredName[] {
    const out: DeclaredName[] = [];
    const add = (name: string | undefined, kind: DeclaredName['kind'], id: string, range: () => SourceRange) => {
        if (!name) return;
        const declared = name.normalize('NFC').trim();
        if (declared.split(/\s+/).length < 2 || !hasAccents(declared)) return;
        out.push({ declared, folded: fold(declared), kind, id, range });
    };
    for (const d of ctx.model.districts) { add(d.name, 'unit', d.id, () => d.range); add(d.fullName, 'unit', d.id, () => d.range); }
    for (const a of ctx.model.agencies) for (const n of [a.name, ...a.shortNames, ...a.aliases]) add(n, 'agency', a.id, () => a.range);
    return out;
}

/** The declared name in the printed text's case, letter by letter where the two have as many letters. */
function inCaseOf(printed: string, declared: string): string {
    const p = [...printed.normalize('NFC')];
    const d = [...declared];
    if (p.length !== d.length) return printed === printed.toUpperCase() ? declared.toUpperCase() : declared;
    return d.map((c, i) => (p[i] !== p[i].toLowerCase() ? c.toUpperCase() : p[i] !== p[i].toUpperCase() ? c.toLowerCase() : c)).join('');
}

export const namesAsDeclared: Rule = ctx => {
    const names = declaredNames(ctx);
    if (names.length === 0) return;
    // By the first word of the folded name, the longest first: "Thành phố Hưng Yên" before "Hưng Yên".
    const byFirstWord = new Map<string, DeclaredName[]>();
    for (const n of names) {
        const first = /^[\p{L}\p{N}]+/u.exec(n.folded)?.[0];
        if (!first) continue;
        const list = byFirstWord.get(first) ?? [];
        list.push(n);
        byFirstWord.set(first, list);
    }
    for (const list of byFirstWord.values()) list.sort((a, b) => b.folded.length - a.folded.length);
    const spellings = new Map<string, string[]>();
    for (const n of names) spellings.set(n.folded, [...(spellings.get(n.folded) ?? []), accentsOf(n.declared)]);
    for (const text of ctx.model.texts) checkText(ctx, text, byFirstWord, spellings);
};

function checkText(ctx: Parameters<Rule>[0], text: PlanText, byFirstWord: Map<string, DeclaredName[]>, spellings: Map<string, string[]>): void {
    const { folded, starts } = foldWithIndex(text.literal);
    const words = /[\p{L}\p{N}]+/gu;
    let match: RegExpExecArray | null;
    while ((match = words.exec(folded))) {
        const at = match.index;
        const candidates = byFirstWord.get(match[0]);
        if (!candidates) continue;
        for (const name of candidates) {
            const end = at + name.folded.length;
            if (!folded.startsWith(name.folded, at) || (end < folded.length && WORD.test(folded[end]))) continue;
            const from = starts[at];
            const to = starts[end];
            const printed = text.literal.slice(from, to);
            if (!spellings.get(name.folded)!.includes(accentsOf(printed))) {
                const replacement = inCaseOf(printed, name.declared);
                const f = ctx.report('name-misspelled', rangeInText(text, from, to), {
                    printed, where: text.where, declared: name.declared, kind: ctx.say(LINK_WORDS[name.kind]), id: name.id, replacement
                }, { replacement });
                f.related = [ctx.place(name.range(), LINK_WORDS.relatedDeclared, { declared: name.declared })];
            }
            // The words of a whole name are not read again as the start of a shorter one.
            words.lastIndex = end;
            break;
        }
    }
}
