// A plan's head — `plan <id> ["title"] [part-of <parent>]` — read from the first bytes of its file,
// so that checking one plan reads only the plans of its `part-of` chain, not every plan beside it:
// a sibling is opened for its first kilobytes, never parsed whole. The scan follows the grammar's
// terminals (grammar/plan.langium: ID, STRING, the two comments, white space) as far as the head goes.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { decodePlanBytes } from '../language/text-encoding.js';
import { readFileBytes, type ReadOptions } from './workspace.js';

export interface PlanHead {
    /** The plan's id; undefined when the file does not start as a plan does. */
    id?: string;
    /** The id after `part-of`. */
    parent?: string;
}

const ID = /[_a-zA-Z]\w*/y;
const SPACE = /\s+/y;
const LINE_COMMENT = /\/\/[^\n\r]*/y;
/** A word cut by the end of the text (no identifier has a space in it). */
const MORE = ' more';

/**
 * The head of a plan's text, or 'more' when the text ends before the head does (a prefix of a
 * longer file; `whole`: the text is the whole file, its end ends the head). Anything else than a
 * plan's first line ends the scan with what was found.
 */
export function scanPlanHead(text: string, whole = false): PlanHead | 'more' {
    // The end of a whole file as a character no head has: the scan stops there.
    if (whole) text += '\n\u0000';
    let at = 0;
    /** Skips white space and comments; false when the text ends inside them or right after. */
    const skip = (): boolean => {
        for (;;) {
            SPACE.lastIndex = at;
            if (SPACE.exec(text)) at = SPACE.lastIndex;
            if (text.startsWith('//', at)) {
                LINE_COMMENT.lastIndex = at;
                LINE_COMMENT.exec(text);
                at = LINE_COMMENT.lastIndex;
                if (at >= text.length) return false;
            } else if (text.startsWith('/*', at)) {
                const end = text.indexOf('*/', at + 2);
                if (end < 0) return false;
                at = end + 2;
            } else {
                return at < text.length;
            }
        }
    };
    /** The identifier (or keyword) at `at`; MORE when it may go on past the end of the text. */
    const word = (): string | undefined => {
        ID.lastIndex = at;
        const m = ID.exec(text);
        if (!m) return undefined;
        if (ID.lastIndex >= text.length) return MORE;
        // `part-of`: a keyword with a hyphen, as the lexer reads it.
        if (m[0] === 'part' && '-of'.startsWith(text.slice(ID.lastIndex, ID.lastIndex + 3)) && ID.lastIndex + 3 > text.length) return MORE;
        if (m[0] === 'part' && text.startsWith('-of', ID.lastIndex)) {
            at = ID.lastIndex + 3;
            return at >= text.length ? MORE : /\w/.test(text[at]) ? undefined : 'part-of';
        }
        at = ID.lastIndex;
        return m[0];
    };
    if (!skip()) return 'more';
    const first = word();
    if (first === MORE) return 'more';
    if (first !== 'plan') return {};
    if (!skip()) return 'more';
    const id = word();
    if (id === MORE) return 'more';
    if (id === undefined) return {};
    if (!skip()) return 'more';
    if (text[at] === '"') {
        // STRING: "(\\.|[^"\\])*"
        let i = at + 1;
        for (; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
        if (i >= text.length) return whole ? { id } : 'more';
        at = i + 1;
        if (!skip()) return 'more';
    }
    const next = word();
    if (next === MORE) return 'more';
    if (next !== 'part-of') return { id };
    if (!skip()) return 'more';
    const parent = word();
    if (parent === MORE) return 'more';
    return parent === undefined ? { id } : { id, parent };
}

/** The first bytes read for a head; a longer head (a long title, many comments first) reads more. */
const FIRST_BYTES = 8 * 1024;

/**
 * A plan file's head, read from as few bytes as it takes. The file goes through readFileBytes's door
 * (regular files only, the size limit): a file that cannot be read throws PlanFileError.
 */
export function readPlanHead(file: string, options: ReadOptions = {}): PlanHead {
    for (let bytes = FIRST_BYTES; ; bytes *= 8) {
        const prefix = readFileBytes(file, { ...options, prefix: bytes });
        // A prefix may end inside a character: decoded as best it can be, the head is before it.
        const head = scanPlanHead(decodePlanBytes(prefix).text);
        if (head !== 'more') return head;
        if (prefix.length < bytes) {
            // The whole file was read and it ends inside the head, or right after it.
            const whole = scanPlanHead(decodePlanBytes(prefix).text, true);
            return whole === 'more' ? {} : whole;
        }
    }
}

/**
 * For each file asked for, the other files its `part-of` chain needs, nearest first: the plans
 * declaring its parent's id, then theirs, and so on. They are looked for among the files asked for
 * and the other .plan files of their folders (the plans a district plan is part of sit beside it),
 * and only when some file has a parent: a sibling is read for its head only. A sibling that cannot
 * be read is left out, as it would be left out of the check; a file asked for that cannot be read
 * throws PlanFileError, in the order given.
 */
export function partOfChains(files: string[], options: ReadOptions = {}): string[][] {
    return partOfFamilies(files, options).chains;
}

/**
 * For each file asked for, its `part-of` chain (partOfChains) and its children: the plans beside it
 * (or asked for) that are `part-of` it, which its roll-up findings compare it with (a province plan
 * checked with its district plans). Siblings are read for their heads only, here whenever a file asked
 * for has an id.
 */
export function partOfFamilies(files: string[], options: ReadOptions = {}): { chains: string[][]; children: string[][] } {
    const heads = new Map<string, PlanHead>();
    for (const file of files) heads.set(file, readPlanHead(file, options));
    if (![...heads.values()].some(h => h.parent !== undefined || h.id !== undefined)) return { chains: files.map(() => []), children: files.map(() => []) };
    for (const dir of new Set(files.map(f => path.dirname(f)))) {
        let entries: string[];
        try {
            entries = fs.readdirSync(dir).sort();
        } catch {
            continue;   // a folder that cannot be listed: the files asked for are read all the same
        }
        for (const entry of entries) {
            const file = path.join(dir, entry);
            if (!entry.endsWith('.plan') || heads.has(file)) continue;
            try {
                heads.set(file, readPlanHead(file, options));
            } catch { /* a sibling that cannot be read is not asked for */ }
        }
    }
    const declaring = new Map<string, string[]>();
    for (const [file, head] of heads) {
        if (head.id !== undefined) declaring.set(head.id, [...(declaring.get(head.id) ?? []), file]);
    }
    const childrenOf = new Map<string, string[]>();
    for (const [file, head] of heads) {
        if (head.parent !== undefined) childrenOf.set(head.parent, [...(childrenOf.get(head.parent) ?? []), file]);
    }
    const chains = files.map(file => {
        const chain: string[] = [];
        const seen = new Set([file]);
        let layer = [file];
        while (layer.length > 0) {
            const next: string[] = [];
            for (const member of layer) {
                const parent = heads.get(member)?.parent;
                for (const candidate of parent === undefined ? [] : declaring.get(parent) ?? []) {
                    if (seen.has(candidate)) continue;
                    seen.add(candidate);
                    chain.push(candidate);
                    next.push(candidate);
                }
            }
            layer = next;
        }
        return chain;
    });
    const children = files.map(file => {
        const id = heads.get(file)?.id;
        return id === undefined ? [] : (childrenOf.get(id) ?? []).filter(child => child !== file);
    });
    return { chains, children };
}
