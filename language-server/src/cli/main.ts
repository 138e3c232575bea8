// The `plan` command line: validate plan files and export their annexes.
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_BYTES, expandPlanPaths, isPlanFileError } from './workspace.js';
import { checkPlans, runCheckWorker, type CheckWorkerData } from './check.js';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { toLocale } from '../language/settings.js';
import { say, type Args } from '../../../common/catalogue.js';
import { CLI_HELP, CLI_IMPORT } from '../../../common/words/cli.js';
import { CSV_NUMBER_STYLES, CSV_SEPARATORS } from '../../../common/export.js';
import { parseYearKinds } from './year-kinds.js';
import { findingsWhere } from './findings-option.js';
import { formatLine, internalErrorLine, jsonFindings, jsonText, planFileReason, printable, summary } from './diagnostics.js';
import { githubAnnotation, sarifLog } from './sarif.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** `plan validate --format`: lines for a person, JSON for a program, SARIF and GitHub annotations for code review (sarif.ts). */
const VALIDATE_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

async function validate(inputs: string[], opts: { format: typeof VALIDATE_FORMATS[number]; lang: string; maxSize?: number }): Promise<number> {
    const locale = toLocale(opts.lang);
    const files = expandPlanPaths(inputs);
    if (files.length === 0) {
        const list = printable(inputs.join(', '));
        process.stderr.write(say(CLI_HELP.noPlanFiles, locale, { list }) + '\n');
        return EXIT_USAGE;
    }
    // Many files are checked on every core by workers running this bundle (check.ts).
    const script = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;
    const findings = (await checkPlans(files, locale, { maxBytes: maxBytes(opts.maxSize) }, script)).flat();
    if (opts.format === 'json') {
        process.stdout.write(jsonText(jsonFindings(findings)) + '\n');
    } else if (opts.format === 'sarif') {
        // Over 100 KB (every rule in both languages): written out before the process exits, into a pipe too.
        await new Promise<void>((resolve, reject) => process.stdout.write(jsonText(sarifLog(findings, locale)) + '\n', e => (e ? reject(e) : resolve())));
    } else if (opts.format === 'github') {
        // The summary too, as a plain line of the log; the annotations carry the findings.
        for (let i = 0; i < findings.length; i += 1000) process.stdout.write(findings.slice(i, i + 1000).map(f => printable(githubAnnotation(f, locale)) + '\n').join(''));
        process.stdout.write(summary(findings, files.length, locale) + '\n');
    } else {
        // In chunks: a write per finding was a system call each (36.000 findings: a third of a second).
        for (let i = 0; i < findings.length; i += 1000) process.stdout.write(findings.slice(i, i + 1000).map(f => formatLine(f) + '\n').join(''));
        process.stdout.write(summary(findings, files.length, locale) + '\n');
    }
    return findings.some(f => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
function shownPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** --max-size in megabytes (MiB) to bytes. */
function maxBytes(megabytes: number | undefined): number {
    return megabytes === undefined ? DEFAULT_MAX_BYTES : Math.floor(megabytes * 1024 * 1024);
}

/**
 * `--findings` alone kept as it always was, whatever follows it: a bare `--findings` before the plan
 * file (`plan export --findings plan.plan`) must not take the file for its value.
 */
function bareFindings(argv: string[]): string[] {
    return argv.map((a, i) => (a === '--findings' && (i + 1 >= argv.length || !findingsWhere(argv[i + 1])) ? '--findings=sheet' : a));
}

export async function main(argv: string[]): Promise<number> {
    argv = argv[0] === 'export' ? bareFindings(argv) : argv;
    let exitCode = EXIT_OK;
    const langAt = argv.findIndex(a => a === '--lang' || a.startsWith('--lang='));
    const requested = langAt < 0 ? undefined : argv[langAt].includes('=') ? argv[langAt].split('=')[1] : argv[langAt + 1];
    const locale = toLocale(requested);
    // Help texts in both languages; the CLI speaks Vietnamese unless `--lang en` is given.
    const h = (key: keyof typeof CLI_HELP, args?: Args) => say(CLI_HELP[key], locale, args);
    const sizeOption = () => new Option('--max-size <MB>', h('maxSize', { mb: DEFAULT_MAX_BYTES / 1024 / 1024 })).argParser((v: string) => {
        const mb = Number(v);
        if (v.trim() === '' || !Number.isFinite(mb) || mb <= 0) throw new InvalidArgumentError(h('badSize'));
        return mb;
    });
    const program = new Command('plan')
        .description(h('program'))
        .exitOverride()
        // Commander quotes what was typed (an unknown command, a bad value): no raw control characters.
        .configureOutput({ writeErr: s => process.stderr.write(printable(s, { keepNewlines: true })) });
    program.command('validate')
        .description(h('validate'))
        .argument('<paths...>', h('paths'))
        .addOption(new Option('--format <format>', h('format')).choices([...VALIDATE_FORMATS]).default('text'))
        .addOption(new Option('--lang <lang>', h('lang')).choices(['vi', 'en']).default('vi'))
        .addOption(sizeOption())
        .action(async (paths: string[], opts) => { exitCode = await validate(paths, opts); });
    program.command('export')
        .description(h('export'))
        .argument('<file>', h('file'))
        .option('--format <formats>', h('formats'), (v: string, all: string[]) => [...all, v], [] as string[])
        .option('--out <dir>', h('out'), '.')
        .option('--force', h('force'))
        .option('--findings [where]', h('findingsWhere', { list: h('findings') }), (v: string) => {
            const where = findingsWhere(v);
            if (!where) throw new InvalidArgumentError(h('badFindings'));
            return where;
        })
        .addOption(new Option('--csv-numbers <style>', h('csvNumbers')).choices(CSV_NUMBER_STYLES).default('plain'))
        .addOption(new Option('--csv-separator <separator>', h('csvSeparator')).choices(CSV_SEPARATORS).default(','))
        .addOption(new Option('--lang <lang>', h('lang')).choices(['vi', 'en']).default('vi'))
        .addOption(sizeOption())
        .action(async (file: string, opts) => {
            // Loaded on use: the DOCX and XLSX writers would otherwise slow every other command's start.
            const { exportCommand } = await import('./export.js');
            const outcome = await exportCommand(file, { ...opts, maxBytes: maxBytes(opts.maxSize) }, toLocale(opts.lang));
            // A format refused for a table too large for it: the others were written, the plan is at fault.
            exitCode = outcome === 'ok' ? EXIT_OK : outcome === 'partial' ? EXIT_FINDINGS : EXIT_USAGE;
        });
    const hi = (key: keyof typeof CLI_IMPORT) => say(CLI_IMPORT[key], locale);
    program.command('import')
        .description(hi('command'))
        .argument('<file>', hi('file'))
        .option('--sheet <name>', hi('sheet'))
        .option('--table <n>', hi('table'), (v: string) => {
            if (!/^[1-9][0-9]*$/.test(v.trim())) throw new InvalidArgumentError(hi('badTable'));
            return Number(v);
        })
        .addOption(new Option('--number-style <style>', hi('numberStyle')).choices(['vi', 'international']))
        .option('--into <plan>', hi('into'))
        .option('--whole', hi('whole'))
        .option('--years <kinds>', hi('years'), (v: string) => {
            const kinds = parseYearKinds(v);
            if (!kinds) throw new InvalidArgumentError(hi('badYears'));
            return kinds;
        })
        .option('--out <file>', hi('out'))
        .option('--force', h('force'))
        .addOption(new Option('--lang <lang>', h('lang')).choices(['vi', 'en']).default('vi'))
        .addOption(sizeOption())
        .action(async (file: string, opts) => {
            // Loaded on use, as export: the office readers would slow every other command's start.
            const { importCommand } = await import('./import.js');
            exitCode = await importCommand(file, { ...opts, maxBytes: maxBytes(opts.maxSize) }, toLocale(opts.lang)) === 'ok' ? EXIT_OK : EXIT_USAGE;
        });
    try {
        await program.parseAsync(argv, { from: 'user' });
    } catch (e) {
        if (e instanceof CommanderError) {
            return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
        }
        if (isPlanFileError(e)) {
            process.stderr.write(`plan: ${printable(h('cannotRead', { file: shownPath(e.file), why: planFileReason(e, locale) }))}\n`);
            return EXIT_USAGE;
        }
        throw e;
    }
    return exitCode;
}

const checkWorker = isMainThread ? undefined : (workerData as Partial<CheckWorkerData> | undefined)?.planCheck;
if (checkWorker && parentPort) {
    // This bundle started as a worker of a folder check (check.ts).
    runCheckWorker(parentPort, { planCheck: checkWorker });
} else {
    // Last resort, for a bug: no input is meant to get here (unreadable, special, huge or garbled files
    // are exit 2 or findings).
    main(process.argv.slice(2)).then(code => process.exit(code), (e: unknown) => {
        process.stderr.write(internalErrorLine(e, process.env.PLAN_DEBUG === '1'));
        process.exit(3);
    });
}
