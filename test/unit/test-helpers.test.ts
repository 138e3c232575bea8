// The helpers the rule tests rely on must themselves be right: a wrong marker would make every
// position check vacuous.
import { describe, expect, test } from 'vitest';
import { lineMatching, marked, rangeOfText, sharedDir } from '../helpers/plan.js';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('test helpers', () => {
    test('marked() strips «» and gives 0-based ranges in the cleaned text', () => {
        const { text, ranges } = marked('ab\n  «Tỷ» x «1,21»\n«z»');
        expect(text).toBe('ab\n  Tỷ x 1,21\nz');
        expect(ranges).toEqual([
            { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } },
            { start: { line: 1, character: 7 }, end: { line: 1, character: 11 } },
            { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }
        ]);
        expect(() => marked('«a')).toThrow();
        expect(() => marked('a»')).toThrow();
    });

    test('rangeOfText() and lineMatching() find the n-th occurrence and the only matching line', () => {
        expect(rangeOfText('x 12\ny 12', '12', 1)).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 4 } });
        expect(lineMatching('a\nbb\nc', /^bb$/)).toBe(2);
        expect(() => lineMatching('a\na', /a/)).toThrow();
    });

    test('sharedDir() finds the seed transcription beside the checkout', () => {
        expect(fs.existsSync(path.join(sharedDir(), 'seeds', 'hung-yen-annexes.json'))).toBe(true);
    });
});
