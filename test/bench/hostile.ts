// Plans an attacker would write, each under 1 MB (issue 19, "Nothing a small file holds makes the
// tools fail at scale"): `plan validate` and `plan export` in every format, with and without
// --findings, as whole processes on the built CLI (out/cli.cjs), with their exit code, wall time and
// peak RSS. A plan of the same rows without findings stands beside the one with 36.000, so that the
// cost of the findings themselves shows.
//   BENCH_ONLY=hostile npm run bench          this section alone
//   BENCH_BASELINE_CLI=<other cli.cjs>       each command also on another build, side by side (A/B)
//   BENCH_HOSTILE_RUNS=3                     runs per command (median; default 1)
//   BENCH_HOSTILE_TIMEOUT=120                seconds before a run is killed (shown as "killed")
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanRows, manyFindings, nestedGroups, wideTable, type HostilePlan } from './hostile-generate.js';

const CLI = path.resolve('out/cli.cjs');
const FORMATS = ['csv', 'md', 'html', 'xlsx', 'docx', 'document-docx', 'document-html'];
/** The formats --findings changes (the review list beside the CSV files, a sheet of the workbook). */
const WITH_FINDINGS = ['csv', 'xlsx', 'md', 'html'];

interface Run { status: string; seconds: number; peakMb: number }

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** One whole process: its exit code (or "killed"), wall seconds and peak RSS read at exit by a preloaded hook. */
function runOnce(cli: string, args: string[], hook: string, timeoutSeconds: number): Run {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['-r', hook, cli, ...args], {
        encoding: 'utf8', maxBuffer: 256 * 2 ** 20, timeout: timeoutSeconds * 1000, killSignal: 'SIGKILL'
    });
    const seconds = (performance.now() - start) / 1000;
    const peak = /peak-rss-kb (\d+)/.exec(run.stderr ?? '');
    return { status: run.signal ? 'killed' : String(run.status), seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN };
}

function measure(cli: string, args: string[], hook: string, runs: number, timeoutSeconds: number): Run {
    const all: Run[] = [];
    for (let i = 0; i < runs; i++) {
        all.push(runOnce(cli, args, hook, timeoutSeconds));
        if (all[i].status === 'killed') break;   // no second wait for a run that does not finish
    }
    return { status: [...new Set(all.map(r => r.status))].join('/'), seconds: median(all.map(r => r.seconds)), peakMb: Math.max(...all.map(r => r.peakMb)) };
}

const show = (r: Run) => `exit ${r.status.padEnd(6)} ${r.seconds.toFixed(2).padStart(7)} s  peak ${Number.isNaN(r.peakMb) ? '     —' : r.peakMb.toFixed(0).padStart(6)} MB`;

export async function benchHostile(): Promise<void> {
    const runs = Number(process.env.BENCH_HOSTILE_RUNS ?? 1);
    const timeout = Number(process.env.BENCH_HOSTILE_TIMEOUT ?? 120);
    const baseline = process.env.BENCH_BASELINE_CLI ? path.resolve(process.env.BENCH_BASELINE_CLI) : undefined;
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-hostile-'));
    const hook = path.join(scratch, 'peak.cjs');
    fs.writeFileSync(hook, "process.on('exit', () => process.stderr.write('\\npeak-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));\n");
    const plans: HostilePlan[] = [nestedGroups(500), nestedGroups(5000, false), wideTable(10_000), manyFindings(12_000), cleanRows(12_000)];
    console.log(`\nHostile plans (whole processes on ${path.relative(process.cwd(), CLI)}${baseline ? `, B = ${baseline}` : ''}; median of ${runs}, killed after ${timeout} s):`);
    try {
        for (const plan of plans) {
            // Each in a folder of its own: the CLI reads the .plan files beside the one it is given.
            const folder = path.join(scratch, plan.name);
            fs.mkdirSync(folder);
            const file = path.join(folder, `${plan.name}.plan`);
            fs.writeFileSync(file, plan.text);
            console.log(`  ${plan.name} (${(plan.bytes / 1024).toFixed(0)} KB)`);
            const commands: [string, string[]][] = [['validate', ['validate', file]]];
            for (const format of FORMATS) {
                commands.push([`export ${format}`, ['export', file, '--format', format, '--out', path.join(folder, 'out'), '--force']]);
                if (WITH_FINDINGS.includes(format)) {
                    commands.push([`export ${format} --findings`, ['export', file, '--format', format, '--findings', '--out', path.join(folder, 'out'), '--force']]);
                }
            }
            for (const [label, args] of commands) {
                const a = measure(CLI, args, hook, runs, timeout);
                let line = `    ${label.padEnd(32)} ${show(a)}`;
                if (baseline) {
                    const b = measure(baseline, args, hook, runs, timeout);
                    line += `   | B ${show(b)}   A/B ${(a.seconds / b.seconds).toFixed(2)}× time, ${(a.peakMb / b.peakMb).toFixed(2)}× peak`;
                }
                console.log(line);
            }
            fs.rmSync(path.join(folder, 'out'), { recursive: true, force: true });
        }
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}
