// Random edits typed into the year lines of plans, for the property tests of the incremental paths
// (the patched tree: cell-edit.test.ts; the preview's patches: view-update.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { EXAMPLES_DIR, planFilesUnder } from './plan.js';
import { generatePlan } from '../bench/generate.js';

/** The offsets of characters inside year lines (after the year label), where cell edits happen. */
export function yearLineSpots(text: string): number[] {
    const spots: number[] = [];
    const re = /^\s*\d{4}:([^\n]*)$/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        const from = m.index + m[0].indexOf(':') + 1;
        for (let i = from; i <= m.index + m[0].length; i++) spots.push(i);
    }
    return spots;
}

/** What is typed: figures, marks, blanks, notes, and what breaks a year line (a line break, a comment, a colon, a letter, a lone quote). */
const EDIT_TEXTS = ['1', '9', '0', ',', '.', ' ', '12', '-', '..', '/* x */', '\n', ':', 'a', '"', ' "x"*2 ', '*3'];

export const editArb = (spots: number[]) => fc.record({
    at: fc.integer({ min: 0, max: spots.length - 1 }).map(i => spots[i]),
    remove: fc.integer({ min: 0, max: 3 }),
    insert: fc.constantFrom(...EDIT_TEXTS)
});

export function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
    return text.slice(0, e.at) + e.insert + text.slice(Math.min(text.length, e.at + e.remove));
}

/** Every example, and a generated plan of 12 districts, by name. */
export const planTexts: [string, string][] = [
    ...planFilesUnder(EXAMPLES_DIR).map(f => [path.relative(EXAMPLES_DIR, f), fs.readFileSync(f, 'utf8')] as [string, string]),
    ['generated 12 districts', generatePlan(12).text]
];
