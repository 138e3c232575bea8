// Accent-insensitive matching of Vietnamese names: staff type "so y te", "yte" or "soyte" for
// "Sở Y tế", so names are compared without diacritics, case or spaces.
import type { FuzzyMatcher } from 'langium/lsp';

/** Lower case without Vietnamese diacritics: "Sở Y tế" → "so y te", "Đầu tư" → "dau tu". */
export function foldAccents(text: string): string {
    return text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .toLowerCase();
}

/** The folded text reduced to letters and digits: "Sở LĐ-TB&XH" → "soldtbxh". */
export function compactFold(text: string): string {
    return foldAccents(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * How well what was typed finds a candidate known by several names (id, full name, short names),
 * or undefined when it does not. Lower is better: 0 a prefix of a name, 1 a prefix of a word in a
 * name, 2 the letters in order (a subsequence starting at a word start).
 */
export function matchScore(typed: string, names: readonly string[]): number | undefined {
    return scoreFolded(compactFold(typed), names);
}

/** matchScore with the query already folded (compactFold), for one query against many candidates. */
export function scoreFolded(query: string, names: readonly string[]): number | undefined {
    if (query.length === 0) return 3;
    let best: number | undefined;
    for (const name of names) {
        const score = scoreOne(query, name);
        if (score !== undefined && (best === undefined || score < best)) best = score;
        if (best === 0) break;
    }
    return best;
}

/**
 * The folded words of names seen lately: completion and workspace symbols score the same few
 * thousand names on every keystroke, and folding (Unicode normalisation) is most of the cost.
 */
const foldedWords = new Map<string, string[]>();
const FOLDED_WORDS_KEPT = 50_000;

function wordsOf(name: string): string[] {
    let words = foldedWords.get(name);
    if (!words) {
        if (foldedWords.size >= FOLDED_WORDS_KEPT) foldedWords.clear();
        words = foldAccents(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        foldedWords.set(name, words);
    }
    return words;
}

function scoreOne(query: string, name: string): number | undefined {
    const words = wordsOf(name);
    const compact = words.join('');
    if (compact.startsWith(query)) return 0;
    // "yte" finds "so y te": the query starts at a word and runs on through the following words.
    let offset = 0;
    for (const word of words) {
        if (compact.startsWith(query, offset)) return 1;
        offset += word.length;
    }
    // "skhdt" (initials) or "ldtbxh": the letters in order, the first one at a word start.
    const starts = new Set<number>();
    offset = 0;
    for (const word of words) { starts.add(offset); offset += word.length; }
    for (const start of starts) {
        if (compact[start] !== query[0]) continue;
        let i = 1;
        for (let j = start + 1; j < compact.length && i < query.length; j++) if (compact[j] === query[i]) i++;
        if (i === query.length) return 2;
    }
    return undefined;
}

/**
 * Langium's FuzzyMatcher (used by completion and workspace symbols) with the plan's matching: accents,
 * case and blanks folded, a name found from a word inside it or by its initials.
 */
export class AccentFoldingFuzzyMatcher implements FuzzyMatcher {
    match(query: string, text: string): boolean {
        return matchScore(query, [text]) !== undefined;
    }

    /** How well the query finds something known by several names (lower is better), or undefined. */
    score(query: string, names: readonly string[]): number | undefined {
        return matchScore(query, names);
    }

    /** A scorer for one query against many candidates (the query folded once). */
    scorer(query: string): (names: readonly string[]) => number | undefined {
        const folded = compactFold(query);
        return names => scoreFolded(folded, names);
    }
}
