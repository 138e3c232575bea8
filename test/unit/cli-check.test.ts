// The CLI at scale (issue 19): `plan validate` loads neither the Word nor the Excel libraries; checking
// one plan reads only the plans of its `part-of` chain (a sibling for its head at most); a folder
// checked by workers gives the same findings, in the same order, with the same exit code, as one thread.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { partOfChains, scanPlanHead } from '../../language-server/src/cli/plan-head.js';
import { loadPlans } from '../../language-server/src/cli/workspace.js';
import { ensureCliBuilt } from '../helpers/cli.js';
import { EXAMPLES_DIR, REPO_ROOT, SEED_PLAN } from '../helpers/plan.js';
import { generatePlan } from '../bench/generate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cli-check-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function folder(name: string): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
}

const PROVINCE = path.join(EXAMPLES_DIR, 'multi-file', 'province.plan');
const DISTRICT = path.join(EXAMPLES_DIR, 'multi-file', 'phu-cu.plan');

describe("a plan's head", () => {
    test('the id and the parent, after comments, a title with escapes and lines, in any spacing', () => {
        expect(scanPlanHead('plan a')).toBe('more');
        // A part-of may follow on the next line: only the whole file's end ends the head.
        expect(scanPlanHead('plan a\n')).toBe('more');
        expect(scanPlanHead('plan a', true)).toEqual({ id: 'a' });
        expect(scanPlanHead('plan a part-of b', true)).toEqual({ id: 'a', parent: 'b' });
        expect(scanPlanHead('plan a "t"\n\n', true)).toEqual({ id: 'a' });
        expect(scanPlanHead('// c\n/* d\n e */ plan  tinh_1 "Kế \\"hoạch\\"\n(trích)"\n part-of  quoc_gia\nnumber-style vi\n'))
            .toEqual({ id: 'tinh_1', parent: 'quoc_gia' });
        expect(scanPlanHead('plan x part-of y ')).toEqual({ id: 'x', parent: 'y' });
        expect(scanPlanHead('plan x number-style vi\n')).toEqual({ id: 'x' });
    });

    test('a prefix that stops inside the head asks for more; text that is no plan has no id', () => {
        for (const cut of ['', '   ', '// only a comment', '/* open', 'pla', 'plan x "open title', 'plan x part-', 'plan x part-of']) {
            expect(scanPlanHead(cut), cut).toBe('more');
        }
        for (const other of ['agency A "x"\n', '\u0000\u0001binary', 'plan "no id"\n', 'plans x\n']) expect(scanPlanHead(other), other).toEqual({});
        for (const other of ['', '// nothing', 'pla', 'plan x "open title']) expect(scanPlanHead(other, true), other).toEqual(other.startsWith('plan x') ? { id: 'x' } : {});
        expect(scanPlanHead('plan x part-ofy z\n')).toEqual({ id: 'x' });
    });

    test('read from a file whose head is longer than the first bytes read', () => {
        const dir = folder('long-head');
        const file = path.join(dir, 'a.plan');
        fs.writeFileSync(file, `${'// chú thích\n'.repeat(3000)}plan dai "${'x'.repeat(20000)}" part-of cha\n`);
        fs.writeFileSync(path.join(dir, 'cha.plan'), 'plan cha\n');
        expect(partOfChains([file])).toEqual([[path.join(dir, 'cha.plan')]]);
    });
});

describe('checking one plan reads only its part-of chain', () => {
    test('a district plan finds the province beside it; unrelated, unparsable and unreadable siblings are not loaded', async () => {
        const dir = folder('chain');
        for (const f of [PROVINCE, DISTRICT]) fs.copyFileSync(f, path.join(dir, path.basename(f)));
        fs.writeFileSync(path.join(dir, 'garbage.plan'), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0xd8, 0x00, 0x22, 0x22]));
        fs.writeFileSync(path.join(dir, 'other.plan'), 'plan khac "Khác" part-of tinh_hung_yen\nagency {{{ broken\n');
        fs.mkdirSync(path.join(dir, 'folder.plan'));
        const district = path.join(dir, 'phu-cu.plan');
        const { services, documents } = await loadPlans([district], 'vi');
        const loaded = services.shared.workspace.LangiumDocuments.all.map(d => path.basename(d.uri.fsPath)).toArray().sort();
        expect(loaded).toEqual(['phu-cu.plan', 'province.plan']);
        expect(documents[0].diagnostics).toEqual([]);
    });

    test('a plan without part-of loads no sibling at all, whatever is beside it', async () => {
        const dir = folder('alone');
        fs.copyFileSync(SEED_PLAN, path.join(dir, 'seed.plan'));
        fs.writeFileSync(path.join(dir, 'broken.plan'), 'plan {{{');
        const alone = await loadPlans([SEED_PLAN], 'vi');
        const beside = await loadPlans([path.join(dir, 'seed.plan')], 'vi');
        expect(beside.services.shared.workspace.LangiumDocuments.all.count()).toBe(1);
        const key = (d: { range: { start: { line: number } }; code?: unknown; message: string }) => `${d.range.start.line} ${String(d.code)} ${d.message}`;
        expect(beside.documents[0].diagnostics!.map(key)).toEqual(alone.documents[0].diagnostics!.map(key));
    });

    test('the chain goes up: commune → district → province, each found by its id, cycles end', () => {
        const dir = folder('levels');
        const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
        write('xa.plan', 'plan xa part-of huyen\n');
        write('huyen.plan', 'plan huyen part-of tinh\n');
        write('tinh.plan', 'plan tinh part-of xa\n');    // a cycle: ends where it started
        write('khac.plan', 'plan khac\n');
        const at = (n: string) => path.join(dir, n);
        expect(partOfChains([at('xa.plan'), at('khac.plan')])).toEqual([[at('huyen.plan'), at('tinh.plan')], []]);
    });
});

describe('the built CLI', () => {
    beforeAll(() => ensureCliBuilt());

    function run(args: string[], env: Record<string, string> = {}, preload?: string) {
        const node = preload ? ['-r', preload] : [];
        return spawnSync(process.execPath, [...node, path.join(REPO_ROOT, 'bin', 'plan.cjs'), ...args], {
            cwd: REPO_ROOT, encoding: 'utf-8', env: { ...process.env, ...env }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024
        });
    }

    test('`plan validate` loads neither the office bundle nor a Word or Excel library; `plan export` does', () => {
        const bundle = fs.readFileSync(path.join(REPO_ROOT, 'out', 'cli.cjs'), 'utf-8');
        for (const library of ['node_modules/exceljs/', 'node_modules/docx/', 'node_modules/jszip/', 'node_modules/parse5/', 'node_modules/saxes/']) {
            expect(bundle.includes(library), library).toBe(false);
        }
        const hook = path.join(tmp, 'record-loads.cjs');
        fs.writeFileSync(hook, [
            "const Module = require('node:module');",
            'const load = Module._load;',
            'const seen = [];',
            'Module._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest); };',
            "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(seen) + '\\n'));"
        ].join('\n'));
        const loaded = (stderr: string) => JSON.parse(/LOADED (.*)/.exec(stderr)![1]) as string[];
        const validate = run(['validate', SEED_PLAN], {}, hook);
        expect(validate.status).toBe(1);
        expect(loaded(validate.stderr).filter(r => /cli-office|exceljs|docx|jszip/.test(r))).toEqual([]);
        const out = folder('export');
        const exported = run(['export', SEED_PLAN, '--format', 'md', '--out', out], {}, hook);
        expect(exported.status, exported.stderr).toBe(0);
        expect(loaded(exported.stderr).filter(r => /cli-office/.test(r))).toEqual(['./cli-office.cjs']);
    });

    test('a folder checked by workers: the same findings in the same order and exit code as in one thread', () => {
        const dir = folder('workers');
        const examples = ['broken', 'tables', 'clean', 'multi-file'].flatMap(d => fs.readdirSync(path.join(EXAMPLES_DIR, d)).map(f => path.join(EXAMPLES_DIR, d, f)));
        for (const f of examples) fs.copyFileSync(f, path.join(dir, `${path.basename(path.dirname(f))}-${path.basename(f)}`));
        const generated = generatePlan(3).text;
        for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(dir, `z-${i}.plan`), generated.replace(/^plan (\S+)/, `plan $1_${i}`));
        for (const format of ['text', 'json']) {
            const one = run(['validate', dir, '--format', format], { PLAN_WORKERS: '0' });
            const workers = run(['validate', dir, '--format', format], { PLAN_WORKERS: '3' });
            expect(one.status, one.stderr).toBe(1);
            expect(workers.status, workers.stderr).toBe(1);
            expect(workers.stdout).toBe(one.stdout);
            expect(one.stdout.split('\n').length).toBeGreaterThan(30);
        }
        // A district plan checked in a worker finds its province: no finding for either.
        const clean = run(['validate', path.join(dir, 'multi-file-phu-cu.plan'), path.join(dir, 'clean-small-clean.plan'), ...Array.from({ length: 12 }, (_, i) => path.join(dir, `z-${i}.plan`))], { PLAN_WORKERS: '2' });
        expect(clean.status, clean.stdout).toBe(0);
    });

    test('a file that cannot be read, asked for among many: exit 2 and its name, as in one thread', () => {
        const missing = path.join(tmp, 'missing.plan');
        const files = [SEED_PLAN, missing, ...Array.from({ length: 30 }, () => SEED_PLAN)];
        for (const workers of ['0', '2']) {
            const result = run(['validate', ...files], { PLAN_WORKERS: workers });
            expect(result.status).toBe(2);
            expect(result.stderr).toContain('missing.plan');
        }
    });
});
