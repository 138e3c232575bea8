// The command line as users run it (issue 19): whole processes of the built CLI (bin/plan.cjs) side by
// side with their floor or peer, each ratio taken in the same run (A B A B …, medians):
//   the seed vs `node -e 0` (goal ≤ 2×); the seed beside an unrelated 7.000-district plan vs the seed
//   alone (≈ 1×); 700 districts vs JSON.parse + ajv of the same table as JSON with a JSON Schema (≤ 2×);
//   folders of 250 / 500 / 1.000 plans (goal 1.000 in ≤ 8 s, ≤ 400 MB, growing linearly).
// ajv is installed here from the npm registry into a cache folder, never as a project dependency.
// Run alone: BENCH_ONLY=cli npm run bench.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generatePlan } from './generate.js';

const PLAN = path.resolve('bin/plan.cjs');
const SEED = path.resolve('examples/hung-yen-giam-ngheo-2023-2025.plan');
const AJV_VERSION = '8.17.1';

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface Run { seconds: number; peakMb: number; status: number | null }

/** One whole process; its peak RSS (worker threads included: they share the process) read at exit by a preloaded hook. */
function runProcess(hook: string, args: string[]): Run {
    const start = performance.now();
    const child = spawnSync(process.execPath, ['-r', hook, ...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    const seconds = (performance.now() - start) / 1000;
    const peak = /peak-rss-kb (\d+)/.exec(child.stderr ?? '');
    if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (exit ${child.status}): ${child.stderr}`);
    return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN, status: child.status };
}

/** A and B in turn, `runs` times after a warm-up of each; the medians and the median of the ratios A/B, pair by pair. */
function sideBySide(hook: string, a: string[], b: string[], runs: number) {
    runProcess(hook, a);
    runProcess(hook, b);
    const as: number[] = [], bs: number[] = [], ratios: number[] = [];
    for (let i = 0; i < runs; i++) {
        const ra = runProcess(hook, a).seconds, rb = runProcess(hook, b).seconds;
        as.push(ra); bs.push(rb); ratios.push(ra / rb);
    }
    return { a: median(as), b: median(bs), ratio: median(ratios) };
}

const s = (seconds: number) => `${seconds.toFixed(3)} s`;
const line = (label: string, figures: string, goal: string) => console.log(`  ${label.padEnd(52)} ${figures.padEnd(44)} goal ${goal}`);

/** ajv from the npm registry into a cache folder (kept between runs); the reason when it cannot be had. */
function installAjv(): { dir: string } | { reason: string } {
    const prefix = path.join(os.tmpdir(), `plan-bench-ajv-${AJV_VERSION}`);
    const entry = path.join(prefix, 'node_modules', 'ajv', 'package.json');
    if (fs.existsSync(entry)) return { dir: prefix };
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `ajv@${AJV_VERSION}`], { encoding: 'utf8', timeout: 180_000 });
    if (install.error) return { reason: `npm could not be started (${install.error.message})` };
    if (install.status !== 0 || !fs.existsSync(entry)) return { reason: `npm install ajv@${AJV_VERSION} failed: ${(install.stderr || '').trim().split('\n').pop()}` };
    return { dir: prefix };
}

/** The generated plan's district table as JSON, and a JSON Schema of it: what a JSON-and-schema tool checks. */
function tableAsJson(districts: number): { data: unknown; schema: unknown } {
    const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
    const number = { type: 'number', minimum: 0 };
    const yearValues = { type: 'array', items: number, minItems: 3, maxItems: 3 };
    const values = { type: 'object', properties: Object.fromEntries(years.map(y => [String(y), yearValues])), required: years.map(String), additionalProperties: false };
    const rows = Array.from({ length: districts }, (_, d) => ({
        no: d + 1, district: `D${d}`, name: `Huyện số ${d + 1}`,
        values: Object.fromEntries(years.map((y, i) => {
            const households = 20_000 + ((d * 7919 + i * 104_729) % 50_000);
            const poor = Math.max(1, Math.round(households * (0.05 - i * 0.005) * (1 + (d % 7) / 10)));
            return [String(y), [households, poor, Math.round(poor / households * 10_000) / 100]];
        }))
    }));
    const data = { plan: `quoc_gia_${districts}`, table: { id: 'bang_ho_ngheo', title: 'TỶ LỆ HỘ NGHÈO', years, columns: ['households', 'poor', 'poor-rate'], rows } };
    const schema = {
        type: 'object', required: ['plan', 'table'],
        properties: {
            plan: { type: 'string', pattern: '^[_a-zA-Z]\\w*$' },
            table: {
                type: 'object', required: ['id', 'years', 'columns', 'rows'],
                properties: {
                    id: { type: 'string' }, title: { type: 'string' },
                    years: { type: 'array', items: { type: 'integer' } },
                    columns: { type: 'array', items: { enum: ['households', 'poor', 'poor-rate'] } },
                    rows: { type: 'array', items: { type: 'object', required: ['no', 'district', 'values'], additionalProperties: false,
                        properties: { no: { type: 'integer' }, district: { type: 'string', pattern: '^[_a-zA-Z]\\w*$' }, name: { type: 'string' }, values } } }
                }
            }
        }
    };
    return { data, schema };
}

/** A folder of `count` plans of `districts` districts each, with distinct plan ids; its line count. */
function planFolder(dir: string, count: number, districts: number): number {
    fs.mkdirSync(dir, { recursive: true });
    const plan = generatePlan(districts);
    for (let i = 0; i < count; i++) {
        fs.writeFileSync(path.join(dir, `ke-hoach-${String(i).padStart(4, '0')}.plan`), plan.text.replace(/^plan (\S+)/, `plan $1_${i}`));
    }
    return plan.lines * count;
}

export function cliBench(): void {
    if (!fs.existsSync(path.resolve('out/cli.cjs'))) throw new Error('out/cli.cjs is missing: npm run build first');
    const runs = Number(process.env.BENCH_CLI_RUNS ?? 7);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-cli-'));
    try {
        const hook = path.join(scratch, 'peak.cjs');
        fs.writeFileSync(hook, "process.on('exit', () => process.stderr.write('\\npeak-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));\n");
        console.log(`\nThe command line, whole processes (${os.availableParallelism()} cores; medians of ${runs} runs side by side, ratios pair by pair):`);
        // A first run writes the code cache (bin/plan.cjs); the warm-up of sideBySide is that run.
        const seed = sideBySide(hook, [PLAN, 'validate', SEED], ['-e', '0'], runs);
        line('`plan validate` seed vs `node -e 0`', `${s(seed.a)} vs ${s(seed.b)}: ${seed.ratio.toFixed(2)}×`, '≤ 2×');

        const beside = path.join(scratch, 'beside');
        fs.mkdirSync(beside);
        fs.copyFileSync(SEED, path.join(beside, path.basename(SEED)));
        fs.writeFileSync(path.join(beside, 'quoc-gia-7000.plan'), generatePlan(7000).text);
        const alone = sideBySide(hook, [PLAN, 'validate', path.join(beside, path.basename(SEED))], [PLAN, 'validate', SEED], runs);
        line('seed beside a 7.000-district plan vs seed alone', `${s(alone.a)} vs ${s(alone.b)}: ${alone.ratio.toFixed(2)}×`, '≈ 1×');

        const national = path.join(scratch, 'quoc-gia-700.plan');
        fs.writeFileSync(national, generatePlan(700).text);
        const ajv = installAjv();
        if ('reason' in ajv) {
            line('`plan validate` 700 districts vs JSON.parse + ajv', `not measured: ${ajv.reason}`, '≤ 2×');
        } else {
            const { data, schema } = tableAsJson(700);
            const json = path.join(scratch, 'quoc-gia-700.json');
            fs.writeFileSync(json, JSON.stringify(data, null, 2));
            fs.writeFileSync(path.join(scratch, 'schema.json'), JSON.stringify(schema));
            const checker = path.join(scratch, 'ajv-check.cjs');
            fs.writeFileSync(checker, [
                `const Ajv = require(${JSON.stringify(path.join(ajv.dir, 'node_modules', 'ajv'))});`,
                "const fs = require('node:fs');",
                `const schema = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(scratch, 'schema.json'))}, 'utf8'));`,
                'const data = JSON.parse(fs.readFileSync(process.argv[2], \'utf8\'));',
                'const validate = new Ajv({ allErrors: true }).compile(schema);',
                'if (!validate(data)) { console.error(validate.errors); process.exit(2); }'
            ].join('\n'));
            const peer = sideBySide(hook, [PLAN, 'validate', national], [checker, json], runs);
            line(`\`plan validate\` 700 districts vs JSON.parse + ajv ${AJV_VERSION}`, `${s(peer.a)} vs ${s(peer.b)}: ${peer.ratio.toFixed(2)}×`, '≤ 2×');
        }

        const districts = Number(process.env.BENCH_CLI_FOLDER_DISTRICTS ?? 20);
        const folderRuns = Number(process.env.BENCH_CLI_FOLDER_RUNS ?? 3);
        const sizes = (process.env.BENCH_CLI_FOLDERS ?? '250,500,1000').split(',').map(Number);
        console.log(`  folders of plans of ${districts} districts each (peak RSS of the process, its worker threads included; median of ${folderRuns}):`);
        const perPlan: number[] = [];
        for (const count of sizes) {
            const dir = path.join(scratch, `folder-${count}`);
            const lines = planFolder(dir, count, districts);
            const measured = Array.from({ length: folderRuns }, () => runProcess(hook, [PLAN, 'validate', dir]));
            const seconds = median(measured.map(r => r.seconds)), peak = Math.max(...measured.map(r => r.peakMb));
            perPlan.push(seconds / count);
            const goal = count === 1000 ? '≤ 8 s, ≤ 400 MB' : 'linear';
            line(`${count.toLocaleString('vi-VN')} plans (${(lines / 1e6).toFixed(2).replace('.', ',')}M lines)`, `${s(seconds)}, peak ${peak.toFixed(0)} MB, ${(seconds / count * 1000).toFixed(1)} ms a plan`, goal);
            fs.rmSync(dir, { recursive: true, force: true });
        }
        if (perPlan.length > 1) line('time a plan, largest folder vs smallest', `${(perPlan.at(-1)! / perPlan[0]).toFixed(2)}×`, '≈ 1× (linear)');
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}
