// The extension's snippets (extension/snippets/plan.json) read as VS Code reads them, for the tests:
// their fields in Tab order, and the text a snippet leaves once each field has its value.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './plan.js';

export interface Snippet { prefix: string[]; body: string[]; description: string }

export const SNIPPETS = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'extension/snippets/plan.json'), 'utf8')) as Record<string, Snippet>;

/** A piece of a snippet body: text, or a field (placeholder, choice, tab stop or mirror of one). */
export type Piece =
    | { kind: 'text'; text: string }
    | { kind: 'field'; index: number; default?: string; choices?: string[]; nested: boolean };

/**
 * The body's pieces. `nested` marks a field whose default holds another field: in VS Code, typing over
 * the outer field deletes the inner one, and Tab from the outer goes into the inner — a field that
 * swallows the next one.
 */
export function pieces(body: string[]): Piece[] {
    const text = body.join('\n');
    const out: Piece[] = [];
    let plain = '';
    const flush = () => { if (plain) out.push({ kind: 'text', text: plain }); plain = ''; };
    let i = 0;
    while (i < text.length) {
        const rest = text.slice(i);
        let m: RegExpExecArray | null;
        if ((m = /^\$(\d+)/.exec(rest))) {
            flush();
            out.push({ kind: 'field', index: Number(m[1]), nested: false });
            i += m[0].length;
        } else if ((m = /^\$\{(\d+)\|((?:\\.|[^|\\])*)\|\}/.exec(rest))) {
            flush();
            out.push({ kind: 'field', index: Number(m[1]), choices: m[2].split(/(?<!\\),/).map(c => c.replace(/\\(.)/g, '$1')), nested: false });
            i += m[0].length;
        } else if ((m = /^\$\{(\d+)\}/.exec(rest))) {
            flush();
            out.push({ kind: 'field', index: Number(m[1]), nested: false });
            i += m[0].length;
        } else if ((m = /^\$\{(\d+):/.exec(rest))) {
            flush();
            // the default runs to the matching brace
            let depth = 1;
            let j = m[0].length;
            for (; j < rest.length && depth > 0; j++) {
                if (rest[j] === '\\') { j++; continue; }
                if (rest.startsWith('${', j)) { depth++; j++; } else if (rest[j] === '}') depth--;
            }
            const inner = rest.slice(m[0].length, j - 1);
            out.push({ kind: 'field', index: Number(m[1]), default: inner, nested: /\$\{?\d/.test(inner) });
            i += j;
        } else {
            plain += text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i];
            i++;
        }
    }
    flush();
    return out;
}

/** The fields a user visits with Tab, in order (each index once; $0, the end, left out). */
export function tabStops(body: string[]): Array<{ index: number; default?: string; choices?: string[] }> {
    const seen = new Map<number, { index: number; default?: string; choices?: string[] }>();
    for (const p of pieces(body)) {
        if (p.kind !== 'field' || p.index === 0) continue;
        const known = seen.get(p.index);
        if (!known) seen.set(p.index, { index: p.index, default: p.default, choices: p.choices });
        else if (known.default === undefined && known.choices === undefined) Object.assign(known, { default: p.default, choices: p.choices });
    }
    return [...seen.values()].sort((a, b) => a.index - b.index);
}

/**
 * The text once the fields have values: `values` by field index, else the field's default (a choice's
 * first option). Tabs become four spaces, as the editor inserts them with its default settings.
 */
export function expandSnippet(body: string[], values: Record<number, string> = {}): string {
    const stops = new Map(tabStops(body).map(s => [s.index, s]));
    return pieces(body).map(p => {
        if (p.kind === 'text') return p.text;
        if (p.index === 0) return '';
        if (p.index in values) return values[p.index];
        const stop = stops.get(p.index);
        return stop?.choices?.[0] ?? stop?.default ?? '';
    }).join('').replace(/\t/g, '    ');
}
