// editors/emacs/plan-mode.el in Debian's Emacs, in batch mode: `emacs --batch -Q -l plan-mode.el`
// opens the seed in plan-mode and font-lock gives the faces under its keywords, strings, numbers and
// comments, under what the seed lacks and under every keyword of the grammar; indentation by braces;
// then the README's Emacs configuration, run as written, connects eglot to the built server and
// receives the seed's findings in English. Skipped, and said so, where Emacs (apt-get install
// emacs-nox) or, for the last test, eglot (Emacs 29, or Debian's elpa-eglot) is absent.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { EMACS_MODE, emacsKeywordLists, hasProgram, readText } from '../helpers/editors.js';
import { ensureBundle } from '../helpers/bundles.js';
import { REPO_ROOT, SEED_PLAN } from '../helpers/plan.js';
import { SERVER } from '../lsp/client.js';
import { EXTRA_TEXT, KEYWORDS, KEYWORDS_TEXT, SEED_TEXT, type Kind, type Probe, extraProbes, seedProbes } from './fixtures.js';

const hasEmacs = hasProgram('emacs');
// -q, not -Q: Debian's elpa-eglot is on the load-path through the site start files, as in a user's Emacs.
const hasEglot = hasEmacs && hasProgram('emacs', ['--batch', '-q', '--eval', '(require (quote eglot))']);
if (!hasEmacs) console.warn('test/editors/emacs.test.ts: skipped, Emacs is not installed (apt-get install emacs-nox elpa-eglot)');
else if (!hasEglot) console.warn('test/editors/emacs.test.ts: eglot test skipped, eglot is not installed (Emacs 29, or apt-get install elpa-eglot)');

/** The faces each kind of place may have (Emacs has no face for escapes, blanks and operators). */
const FACES: Record<Kind, string[]> = {
    declaration: ['font-lock-keyword-face'], name: ['font-lock-function-name-face'], field: ['font-lock-builtin-face'],
    comparison: ['font-lock-keyword-face'], type: ['font-lock-type-face'], constant: ['font-lock-constant-face'],
    reference: ['font-lock-variable-name-face'], string: ['font-lock-string-face'], escape: ['font-lock-string-face'],
    number: ['plan-number-face'], 'year-label': ['plan-year-label-face'],
    comment: ['font-lock-comment-face', 'font-lock-comment-delimiter-face'], blank: ['nil'], operator: ['nil']
};
const LIST_FACE: Record<string, string> = {
    'plan-declaration-keywords': 'font-lock-keyword-face', 'plan-field-keywords': 'font-lock-builtin-face',
    'plan-comparison-keywords': 'font-lock-keyword-face', 'plan-type-keywords': 'font-lock-type-face',
    'plan-constant-keywords': 'font-lock-constant-face'
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-emacs-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const lisp = (text: string) => JSON.stringify(text); // an Emacs string literal for a path or text without control characters

/** Runs Emacs in batch mode with `args`, the output of `princ` lines back. */
function emacs(args: string[], timeout = 30_000): string {
    const run = spawnSync('emacs', ['--batch', ...args], { encoding: 'utf8', timeout, env: { ...process.env, HOME: tmp } });
    if (run.status !== 0) throw new Error(`emacs exited with ${run.status}: ${run.stdout}${run.stderr}`);
    return run.stdout;
}

interface Answer { mode: string; commentStart: string; faces: string[] }

/** Opens `file` with plan-mode.el loaded, fontifies it and asks the face at each place. */
function facesIn(file: string, places: Array<{ line: number; charCol: number }>): Answer {
    const script = path.join(tmp, 'faces.el');
    fs.writeFileSync(script, `
        (find-file ${lisp(file)})
        (font-lock-ensure)
        (princ (format "mode %s\\n" major-mode))
        (princ (format "comment-start %S\\n" comment-start))
        (dolist (p '(${places.map(p => `(${p.line} . ${p.charCol})`).join(' ')}))
          (goto-char (point-min))
          (forward-line (1- (car p)))
          (forward-char (1- (cdr p)))
          (princ (format "face %S\\n" (get-text-property (point) 'face))))
    `);
    const out = emacs(['-Q', '-l', EMACS_MODE, '-l', script]);
    return {
        mode: /^mode (.*)$/m.exec(out)?.[1] ?? '',
        commentStart: /^comment-start (.*)$/m.exec(out)?.[1] ?? '',
        faces: [...out.matchAll(/^face (.*)$/gm)].map(m => m[1])
    };
}

function wrongFaces(probes: Probe[], faces: string[]): string[] {
    return probes.flatMap((p, i) => FACES[p.kind].includes(faces[i]) ? [] : [`${p.what} at ${p.line}:${p.charCol}: ${p.kind} wanted, ${faces[i]} found`]);
}

describe.skipIf(!hasEmacs)('Emacs with editors/emacs/plan-mode.el', () => {
    test('the seed opens in plan-mode, its keywords, strings, numbers and comments in their faces', () => {
        const probes = seedProbes();
        const answer = facesIn(SEED_PLAN, probes);
        expect(answer.mode).toBe('plan-mode');
        expect(answer.commentStart).toBe('"// "');
        console.log('Emacs, seed:', probes.map((p, i) => `${p.what} → ${answer.faces[i]}`).join('; '));
        expect(answer.faces).toHaveLength(probes.length);
        expect(wrongFaces(probes, answer.faces)).toEqual([]);
    });

    test('a block comment over two lines, an escape, a range, a blank cell and a check\'s operators', () => {
        const file = path.join(tmp, 'extra.plan');
        fs.writeFileSync(file, EXTRA_TEXT);
        const probes = extraProbes();
        expect(wrongFaces(probes, facesIn(file, probes).faces)).toEqual([]);
    });

    test('every keyword of the grammar has the face of its list in plan-mode.el', () => {
        const file = path.join(tmp, 'keywords.plan');
        fs.writeFileSync(file, `// keywords\nstandard s "s"\n${KEYWORDS_TEXT}`);
        const answer = facesIn(file, KEYWORDS.map((_, i) => ({ line: i + 3, charCol: 1 })));
        const listed = new Map([...emacsKeywordLists(readText(EMACS_MODE))].flatMap(([list, words]) => words.map(w => [w, LIST_FACE[list]] as const)));
        const wrong = KEYWORDS.flatMap((k, i) => answer.faces[i] === listed.get(k) ? [] : [`${k}: ${listed.get(k)} wanted, ${answer.faces[i]} found`]);
        expect(wrong).toEqual([]);
    });

    test('indent-region indents Annex 01 of the seed as it is written, by its braces', () => {
        const start = SEED_TEXT.indexOf('table phu_luc_01');
        const table = SEED_TEXT.slice(start, SEED_TEXT.indexOf('\n}\n', start) + 3);
        const file = path.join(tmp, 'flat.plan');
        fs.writeFileSync(file, table.replace(/^[ \t]+/gm, ''));
        const out = path.join(tmp, 'indented.plan');
        emacs(['-Q', '-l', EMACS_MODE, '--eval', `(progn (find-file ${lisp(file)}) (indent-region (point-min) (point-max)) (write-region nil nil ${lisp(out)}))`]);
        expect(table.split('\n').length).toBeGreaterThan(60);
        expect(fs.readFileSync(out, 'utf8')).toBe(table);
    });

    /** The README's Emacs set-up: the ```elisp block of "Using the server from other editors" that loads plan-mode. */
    function readmeConfig(): string {
        const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
        const start = readme.indexOf('## Using the server from other editors');
        const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
        const block = [...section.matchAll(/```elisp\n([\s\S]*?)```/g)].map(m => m[1]).find(b => b.includes('(require \'plan-mode)'));
        if (!block) throw new Error('no ```elisp block with (require \'plan-mode) in the README section "Using the server from other editors"');
        return block;
    }

    test.skipIf(!hasEglot)('the README\'s Emacs configuration: eglot connects to the server and gets the seed\'s findings in English', () => {
        if (!process.env.PLAN_LSP_SERVER) ensureBundle(SERVER);
        const config = readmeConfig()
            .replace('"~/plan-as-code/editors/emacs"', lisp(path.join(REPO_ROOT, 'editors', 'emacs')))
            .replace('"~/plan-as-code/extension/out/server.cjs"', lisp(SERVER));
        expect(config).toContain(lisp(SERVER));
        fs.writeFileSync(path.join(tmp, 'init.el'), config);
        // The seed alone in a folder of its own (a project of one file, not the repository's examples).
        const folder = path.join(tmp, 'project');
        fs.mkdirSync(folder, { recursive: true });
        const plan = path.join(folder, path.basename(SEED_PLAN));
        fs.copyFileSync(SEED_PLAN, plan);
        // find-file runs plan-mode-hook, whose eglot-ensure connects after the command (post-command-hook,
        // run here by hand: batch mode has no command loop); then Flymake's diagnostics are awaited.
        const script = path.join(tmp, 'eglot.el');
        fs.writeFileSync(script, `
            (find-file ${lisp(plan)})
            (princ (format "mode %s\\n" major-mode))
            (run-hooks 'post-command-hook)
            (with-timeout (40 (princ "timeout\\n"))
              (while (not (seq-find (lambda (d) (string-match-p "numbering-gap" (flymake-diagnostic-text d))) (flymake-diagnostics)))
                (accept-process-output nil 0.1)))
            (let ((server (eglot-current-server)))
              (princ (format "server %S\\n" (and server (process-command (jsonrpc--process server))))))
            (dolist (d (flymake-diagnostics))
              (princ (format "diagnostic %d %s\\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))
            (kill-emacs 0)
        `);
        const out = emacs(['-q', '-l', path.join(tmp, 'init.el'), '-l', script], 60_000);
        console.log('Emacs with eglot:\n' + out);
        expect(out).toContain('mode plan-mode');
        expect(out).toContain(`server ("node" ${lisp(SERVER)} "--stdio")`);
        expect(out).not.toContain('timeout');
        expect(out).toMatch(/^diagnostic 511 .*numbering-gap.*Numbering is not continuous: 11 follows 9 \(10 is missing\)\.$/m);
        expect(out).toMatch(/^diagnostic \d+ .*total-mismatch.*Tổng cộng 2024, column poor households: printed 2\.954 but the rows add up to 2\.963 \(off by -9\)\.$/m);
        expect(out).not.toContain('Đánh số không liên tục');
    }, 90_000);
});
