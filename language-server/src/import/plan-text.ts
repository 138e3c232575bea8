// Pieces of plan text made from untrusted text: string literals, comments and ids that always parse,
// and that carry no control or bidi character (a plan holding one is an error of the checker: the
// import drops it and says where).
import { asciiWords, planString } from './plan-writing.js';

// C0/C1 controls but tab and line breaks, bidi embeddings/overrides/isolates and marks, BOM.
const INERT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The text without control and bidi characters, and the code points removed ("U+202E"). */
export function inert(text: string): { text: string; removed: string[] } {
    const removed = new Set<string>();
    const clean = text.replace(INERT, c => {
        removed.add('U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'));
        return '';
    });
    return { text: clean, removed: [...removed] };
}

/** Whitespace of any kind (non-breaking spaces, line breaks inside a cell) as single spaces. */
export function oneLine(text: string): string {
    return text.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

/** A STRING literal of the grammar, without control or bidi characters (a table's names and titles). */
export function quote(text: string): string {
    return planString(inert(text).text);
}

/** A line comment: one line, no control characters, nothing that ends it early. */
export function comment(text: string, indent = ''): string {
    return text.split(/\r\n?|\n/).map(line => `${indent}// ${oneLine(inert(line).text)}`.trimEnd()).join('\n');
}

/**
 * A fresh id for a name, unique against `used` (which it joins): PascalCase for units ("Phù Cừ" →
 * PhuCu), snake_case for tables and columns. Never starts with a digit; never a keyword.
 */
export function freshId(name: string, used: Set<string>, style: 'pascal' | 'snake', fallback: string): string {
    const words = asciiWords(name).map(w => w.toLowerCase()).slice(0, 8);
    let base = style === 'pascal'
        ? words.map(w => w[0].toUpperCase() + w.slice(1)).join('')
        : words.join('_');
    if (!base) base = fallback;
    if (/^[0-9]/.test(base)) base = (style === 'pascal' ? 'U' : 'c_') + base;
    if (KEYWORDS.has(base)) base += '_';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}${style === 'pascal' ? '' : '_'}${n}`;
    used.add(id);
    return id;
}

/** Words of the grammar that cannot be ids. */
const KEYWORDS = new Set(('plan part-of number-style vi international header number code issuer place kind title preamble recipient issuer-short date period to orientation implements dated by about signer position authority deputy purpose requirement objective closing standard basis from agency short alias department bank committee front group other district region province commune huyen thi-xa thanh-pho quan xa phuong thi-tran full-name dimension heading indicator unit direction computed of indicator-table annex percent households persons points lower higher baseline plan actual lead as coordinate target year tolerance below at-most at-least above equal between and down-by up-by table targets row-header years result estimate column columns rate-of per sum-of flow check rows units totals all severity error warning info message en previous section row subtotal total solutions solution text tasks task submit note funding source via duties poor poor-rate near-poor near-poor-rate multidim multidim-rate').split(' '));
