// Writing plan text from what an import read: string literals the grammar's STRING terminal reads back
// as the same text, comments that cannot end early or hide code, ids that the ID terminal accepts and
// that collide with nothing the plan already uses, and the accent-insensitive form names are matched in.
import { say, type Args, type Words } from '../../../common/catalogue.js';
import type { Locale } from '../../../common/locale.js';
import { IMPORT_NOTES } from '../../../common/words/import-notes.js';

/** The escapes the plan's STRING terminal reads (language/value-converter.ts): `\n` is a line feed, … */
const ESCAPES: Record<string, string> = {
    '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\0'
};

/**
 * A string literal holding `text` exactly: quotes and backslashes escaped, and the control characters
 * the grammar has an escape for (a Word line break `\v`, a page break `\f`) written as that escape, so
 * that none stands raw in the file. Other control and bidi characters have no escape in the grammar:
 * they stay in the string, where the checker reports each at its place (control-character,
 * bidi-control) rather than the import hiding or losing them.
 */
export function planString(text: string): string {
    return `"${text.replace(/["\\\n\r\t\b\f\v\0]/g, c => ESCAPES[c])}"`;
}

const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

/**
 * Text made safe for a `//` comment: one line, and no control or bidi character (a bidi override in a
 * comment can make code look commented out), each written as `<U+202E>` instead.
 */
export function commentSafe(text: string): string {
    return text.replace(/\r\n?|\n/g, ' ').replace(INVISIBLE, c => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** A text clipped for a comment: long paragraphs are named by their start. */
export function clip(text: string, max = 60): string {
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** The comments of one import, in its locale, each starting with "nhập:" / "import:". */
export class Notes {
    constructor(readonly locale: Locale) {}

    say(words: Words, args?: Args): string {
        return say(words, this.locale, args);
    }

    /** `// nhập: …` with the given indentation. */
    line(words: Words, args: Args = {}, indent = ''): string {
        return `${indent}// ${this.say(IMPORT_NOTES.prefix)} ${commentSafe(this.say(words, args))}`;
    }
}

/**
 * The form names are compared in: decomposed and without accents, "đ" as "d", lower case, every dash
 * a hyphen, "&" spaced, punctuation at the ends gone, runs of spaces one. "Sở Lao động – Thương binh"
 * and "Sở lao dong - thuong binh" fold alike.
 */
export function fold(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
        .replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s*-\s*/g, ' - ').replace(/\s+/g, ' ')
        .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
}

/** The words of a name without accents, as ASCII letters and digits: "Sở Y tế" → ["So", "Y", "te"]. */
export function asciiWords(text: string): string[] {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
        .split(/[^A-Za-z0-9]+/).filter(w => w !== '');
}

/** Ids for new elements: valid for the ID terminal, never one the plan or this import already uses. */
export class IdMaker {
    constructor(private readonly used: Set<string>) {}

    /** An id taken elsewhere (a table another recogniser wrote): never made again. */
    reserve(id: string): void {
        this.used.add(id);
    }

    /** The ids taken so far (a copy). */
    usedIds(): Set<string> {
        return new Set(this.used);
    }

    /** `name` made unique: `yt_bhyt`, else `yt_bhyt_2`, `yt_bhyt_3`, … */
    unique(base: string): string {
        let id = /^[_a-zA-Z]/.test(base) ? base : `_${base}`;
        if (id === '_') id = '_x';
        let candidate = id;
        for (let n = 2; this.used.has(candidate); n++) candidate = `${id}_${n}`;
        this.used.add(candidate);
        return candidate;
    }

    /** snake_case from the first words of a name: "Tỷ lệ trẻ em dưới 5 tuổi" → "ty_le_tre_em_duoi". */
    snake(name: string, prefix = '', words = 6): string {
        const parts = asciiWords(name).slice(0, words).map(w => w.toLowerCase());
        return this.unique([prefix, ...parts].filter(p => p !== '').join('_') || 'x');
    }

    /**
     * An agency's id as offices abbreviate it: the initials of its words, "Sở" and "và" left out,
     * abbreviations kept whole: "Sở Lao động - Thương binh và Xã hội" → LDTBXH, "UBND huyện" → UBNDH.
     */
    acronym(name: string): string {
        const words = asciiWords(name);
        const kept = words.filter((w, i) => !(i === 0 && /^(So)$/.test(w)) && !/^(va)$/i.test(w));
        const letters = kept.map(w => (/^[A-Z0-9]{2,}$/.test(w) ? w : w[0].toUpperCase())).join('');
        return this.unique(letters.slice(0, 10) || 'COQUAN');
    }
}

/** A number as printed, for a NUMBER token: digits with "." or "," between them, an optional minus. */
export function printedNumber(text: string): string | undefined {
    const t = text.replace(/\s+/g, '').replace(/%$/, '');
    return /^-?[0-9]+([.,][0-9]+)*$/.test(t) ? t : undefined;
}
