// The `plan` command line: validate plan files and export their annexes.
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { expandPlanPaths, loadPlans, PlanFileError } from '../workspace.js';
import { toLocale } from '../settings.js';
import { formatLine, summary, toCliFinding, type CliFinding } from './diagnostics.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

async function validate(inputs: string[], opts: { format: 'text' | 'json'; lang: string }): Promise<number> {
    const locale = toLocale(opts.lang);
    const files = expandPlanPaths(inputs);
    if (files.length === 0) {
        process.stderr.write(locale === 'vi' ? `Không tìm thấy tệp .plan nào trong: ${inputs.join(', ')}\n` : `No .plan files found in: ${inputs.join(', ')}\n`);
        return EXIT_USAGE;
    }
    const { documents } = await loadPlans(files, locale);
    const findings: CliFinding[] = [];
    for (const document of documents) {
        const shown = path.relative(process.cwd(), document.uri.fsPath) || document.uri.fsPath;
        const diagnostics = [...(document.diagnostics ?? [])].sort((a, b) =>
            a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        findings.push(...diagnostics.map(d => toCliFinding(shown, d)));
    }
    if (opts.format === 'json') {
        process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
    } else {
        for (const f of findings) process.stdout.write(formatLine(f) + '\n');
        process.stdout.write(summary(findings, documents.length, locale) + '\n');
    }
    return findings.some(f => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

// Help texts in both languages; the CLI speaks Vietnamese unless `--lang en` is given.
const HELP = {
    vi: {
        program: 'Kế hoạch dạng mã: kiểm tra tệp kế hoạch và xuất các phụ lục.',
        validate: 'Kiểm tra tệp hoặc thư mục kế hoạch và in các phát hiện (mã thoát 1 nếu có lỗi).',
        paths: 'tệp .plan hoặc thư mục', file: 'tệp .plan', format: 'định dạng đầu ra', lang: 'ngôn ngữ thông báo',
        export: 'Xuất các phụ lục của một tệp kế hoạch (vẫn xuất khi có phát hiện).',
        formats: 'docx, xlsx, csv, html, md: cách nhau bằng dấu phẩy hoặc lặp lại', out: 'thư mục đầu ra (tạo nếu chưa có)',
        force: 'ghi đè tệp đã có',
        missing: (f: string) => `không đọc được ${f}: không có tệp hoặc thư mục này`,
        unreadable: (f: string, d: string) => `không đọc được ${f}: ${d}`
    },
    en: {
        program: 'Plan-as-code for provincial plans: check plan files and export their annexes.',
        validate: 'Check plan files or folders and print the findings (exit 1 if there is an error).',
        paths: '.plan files or folders', file: '.plan file', format: 'output format', lang: 'message language',
        export: 'Export the annexes of a plan file (exported even when it has findings).',
        formats: 'docx, xlsx, csv, html, md: comma-separated or repeated', out: 'output folder (created if missing)',
        force: 'overwrite existing files',
        missing: (f: string) => `cannot read ${f}: no such file or folder`,
        unreadable: (f: string, d: string) => `cannot read ${f}: ${d}`
    }
};

export async function main(argv: string[]): Promise<number> {
    let exitCode = EXIT_OK;
    const langAt = argv.findIndex(a => a === '--lang' || a.startsWith('--lang='));
    const requested = langAt < 0 ? undefined : argv[langAt].includes('=') ? argv[langAt].split('=')[1] : argv[langAt + 1];
    const h = HELP[toLocale(requested)];
    const program = new Command('plan')
        .description(h.program)
        .exitOverride()
        .configureOutput({ writeErr: s => process.stderr.write(s) });
    program.command('validate')
        .description(h.validate)
        .argument('<paths...>', h.paths)
        .addOption(new Option('--format <format>', h.format).choices(['text', 'json']).default('text'))
        .addOption(new Option('--lang <lang>', h.lang).choices(['vi', 'en']).default('vi'))
        .action(async (paths: string[], opts) => { exitCode = await validate(paths, opts); });
    program.command('export')
        .description(h.export)
        .argument('<file>', h.file)
        .option('--format <formats>', h.formats, (v: string, all: string[]) => [...all, v], [] as string[])
        .option('--out <dir>', h.out, '.')
        .option('--force', h.force)
        .addOption(new Option('--lang <lang>', h.lang).choices(['vi', 'en']).default('vi'))
        .action(async (file: string, opts) => {
            // Loaded on use: the DOCX and XLSX writers would otherwise slow every other command's start.
            const { exportCommand } = await import('../export/cli.js');
            exitCode = await exportCommand(file, opts, toLocale(opts.lang)) === 'ok' ? EXIT_OK : EXIT_USAGE;
        });
    try {
        await program.parseAsync(argv, { from: 'user' });
    } catch (e) {
        if (e instanceof CommanderError) {
            return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
        }
        if (e instanceof PlanFileError) {
            process.stderr.write(`plan: ${e.reason === 'missing' ? h.missing(e.file) : h.unreadable(e.file, e.detail)}\n`);
            return EXIT_USAGE;
        }
        throw e;
    }
    return exitCode;
}

main(process.argv.slice(2)).then(code => process.exit(code), (e: unknown) => {
    process.stderr.write(`plan: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(3);
});
