// The helpers the rule tests rely on must themselves be right: a wrong marker would make every
// position check vacuous.
import { describe, expect, test } from 'vitest';
import { lineMatching, marked, PUBLISHED_ANNEXES, PUBLISHED_SEED_TEXT, rangeOfText, REPO_ROOT } from '../helpers/plan.js';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
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

    test('the published seed and its transcription are in the repository', () => {
        expect(fs.readFileSync(PUBLISHED_SEED_TEXT, 'utf-8')).toContain('KẾ HOẠCH');
        expect(JSON.parse(fs.readFileSync(PUBLISHED_ANNEXES, 'utf-8')).source).toBe('000_09fe389ab1a49770.txt');
    });

    // A clone has nothing beside it: the guard (test/helpers/repository-only.ts) makes such a read fail.
    test('a test that reads beside the checkout fails', async () => {
        const beside = path.join(path.dirname(REPO_ROOT), 'shared', 'seeds', 'hung-yen-annexes.json');
        expect(() => fs.readFileSync(beside)).toThrow(/outside the repository/);
        expect(() => fs.existsSync(beside)).toThrow(/outside the repository/);
        // Other folders beside the checkout too, unless the checkout itself sits in the temporary folder.
        const besideDir = path.resolve(path.dirname(REPO_ROOT));
        const tmp = path.resolve(os.tmpdir());
        const besideIsTemp = besideDir === tmp || besideDir.startsWith(tmp + path.sep);
        if (!besideIsTemp) expect(() => fs.statSync(path.join(path.dirname(REPO_ROOT), 'other-worktree'))).toThrow(/outside the repository/);
        await expect(fsp.readFile(beside)).rejects.toThrow(/outside the repository/);
        // Inside the repository and in the temporary folder reads go on as usual.
        expect(fs.existsSync(path.join(REPO_ROOT, 'package.json'))).toBe(true);
        expect(fs.existsSync(os.tmpdir())).toBe(true);
    });
});
