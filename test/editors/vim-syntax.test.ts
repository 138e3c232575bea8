// editors/vim in Debian's Neovim, headless and without any configuration (nvim --clean -u NONE,
// runtimepath ^= editors/vim): ftdetect gives *.plan the filetype, the syntax file the groups under
// the seed's keywords, strings, numbers and comments, under what the seed lacks, and under every
// keyword of the grammar. Skipped, and said so, where Neovim is not installed (apt-get install neovim).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { VIM_DIR, VIM_SYNTAX, hasProgram, readText, vimKeywordLists } from '../helpers/editors.js';
import { SEED_PLAN } from '../helpers/plan.js';
import { EXTRA_TEXT, KEYWORDS, KEYWORDS_TEXT, type Kind, type Probe, extraProbes, seedProbes } from './fixtures.js';

const hasNeovim = hasProgram('nvim');
if (!hasNeovim) console.warn('test/editors/vim-syntax.test.ts: skipped, Neovim is not installed (apt-get install neovim)');

/** The syntax groups each kind of place may have. */
const GROUPS: Record<Kind, string[]> = {
    declaration: ['planDeclaration'], name: ['planName'], field: ['planField'], comparison: ['planComparison'],
    type: ['planMeasure', 'planUnit'], constant: ['planYearKind', 'planEnum'], reference: ['planReference'],
    string: ['planString'], escape: ['planEscape'], number: ['planNumber', 'planRange', 'planDate'],
    'year-label': ['planYearLabel'], comment: ['planComment'], blank: ['planBlank'], operator: ['planOperator']
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-vim-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Answer { filetype: string; syntax: string; commentstring: string; groups: string[] }

/** Opens `file` in a headless Neovim with editors/vim on the runtimepath and asks the syntax group at each place. */
function groupsIn(file: string, places: Array<{ line: number; byteCol: number }>): Answer {
    const query = path.join(tmp, `query-${path.basename(file)}.json`);
    const answer = path.join(tmp, `answer-${path.basename(file)}.json`);
    fs.writeFileSync(query, JSON.stringify(places));
    const script = path.join(tmp, 'ask.lua');
    fs.writeFileSync(script, `
        local places = vim.fn.json_decode(table.concat(vim.fn.readfile(${JSON.stringify(query)}), '\\n'))
        local groups = {}
        for _, p in ipairs(places) do
            table.insert(groups, vim.fn.synIDattr(vim.fn.synID(p.line, p.byteCol, 1), 'name'))
        end
        vim.fn.writefile({ vim.fn.json_encode({ filetype = vim.bo.filetype, syntax = vim.bo.syntax,
            commentstring = vim.bo.commentstring, groups = groups }) }, ${JSON.stringify(answer)})
        vim.cmd('qa!')
    `);
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n',
        '--cmd', `set runtimepath^=${VIM_DIR.replace(/[ ,\\]/g, '\\$&')}`, '--cmd', 'filetype plugin on', '--cmd', 'syntax on',
        file, '-c', `luafile ${script}`], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, XDG_STATE_HOME: tmp, XDG_DATA_HOME: tmp } });
    if (!fs.existsSync(answer)) throw new Error(`Neovim gave no answer (status ${run.status}): ${run.stdout}${run.stderr}`);
    return JSON.parse(fs.readFileSync(answer, 'utf8')) as Answer;
}

function wrongGroups(probes: Probe[], groups: string[]): string[] {
    return probes.flatMap((p, i) => GROUPS[p.kind].includes(groups[i]) ? [] : [`${p.what} at ${p.line}:${p.byteCol}: ${p.kind} wanted, ${groups[i] || 'no group'} found`]);
}

describe.skipIf(!hasNeovim)('Neovim with editors/vim', () => {
    test('the seed is a plan, its keywords, strings, numbers and comments in their groups', () => {
        const probes = seedProbes();
        const answer = groupsIn(SEED_PLAN, probes);
        expect(answer.filetype).toBe('plan');
        expect(answer.syntax).toBe('plan');
        expect(answer.commentstring).toBe('// %s');
        console.log('Neovim, seed:', probes.map((p, i) => `${p.what} → ${answer.groups[i]}`).join('; '));
        expect(wrongGroups(probes, answer.groups)).toEqual([]);
        // The first word "plan" declares; later "plan" (plan 2023 = 100) is a kind of year.
        expect(answer.groups[probes.findIndex(p => p.what.startsWith('plan') && p.kind === 'declaration')]).toBe('planDeclaration');
    });

    test('a block comment over two lines, an escape, a range, a blank cell and a check\'s operators', () => {
        const file = path.join(tmp, 'extra.plan');
        fs.writeFileSync(file, EXTRA_TEXT);
        const probes = extraProbes();
        const answer = groupsIn(file, probes);
        expect(wrongGroups(probes, answer.groups)).toEqual([]);
    });

    test('every keyword of the grammar is in the group its list in plan.vim names', () => {
        const file = path.join(tmp, 'keywords.plan');
        // A first line that is not "plan NAME", so that every line is read as the rest of a file is.
        fs.writeFileSync(file, `// keywords\nstandard s "s"\n${KEYWORDS_TEXT}`);
        const answer = groupsIn(file, KEYWORDS.map((_, i) => ({ line: i + 3, byteCol: 1 })));
        const listed = new Map([...vimKeywordLists(readText(VIM_SYNTAX))].flatMap(([group, words]) => words.map(w => [w, group] as const)));
        const wrong = KEYWORDS.flatMap((k, i) => answer.groups[i] === listed.get(k) ? [] : [`${k}: ${listed.get(k)} wanted, ${answer.groups[i] || 'no group'} found`]);
        expect(wrong).toEqual([]);
    });
});
