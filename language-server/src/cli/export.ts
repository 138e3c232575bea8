// `plan export`: validates a plan, reports its findings count, then writes its annexes in the asked
// formats. A plan with findings is still exported (a draft is reviewed in its exported form); an
// unreadable file, an unknown format or an existing target without --force is refused.
import * as path from 'node:path';
import { planFileReason, printable, toCliFinding, summary } from './diagnostics.js';
import { buildPlanView, locatedFinding } from '../view/build.js';
import type { Locale } from '../../../common/findings.js';
import { say, type Args, type Words } from '../../../common/catalogue.js';
import { CLI_EXPORT, ERRNO_WORDS } from '../../../common/words/cli.js';
import { loadPlans, PlanFileError } from './workspace.js';
import {
    EXPORT_FORMATS, ExportFolderError, ExportTargetExistsError, ExportTooLargeError, ExportWriteError, isExportFormat, renderExport, tooLargeMessage, writeExportFiles,
    type ExportFile, type ExportFormat, type ExportOptions
} from '../export/index.js';
import type { CsvNumberStyle, CsvSeparator } from '../../../common/export.js';

export interface ExportCommandOptions {
    /** As given: repeated options and comma-separated lists ("docx,xlsx"). */
    format: string[];
    out?: string;
    force?: boolean;
    /** Refuse a plan file larger than this (see readPlanFile). */
    maxBytes?: number;
    /**
     * Export the findings too: true or 'sheet', the review sheet (as `--findings` always did);
     * 'comments', in the text of the document formats (Word comments, HTML marks).
     */
    findings?: boolean | ('sheet' | 'comments')[];
    csvNumbers?: CsvNumberStyle;
    csvSeparator?: CsvSeparator;
}

/**
 * ok: files written; partial: the formats that could hold the plan written, the others refused with
 * the reason on stderr (a table too large for them); usage: refused, with the reason on stderr.
 */
export type ExportOutcome = 'ok' | 'partial' | 'usage';


/** The export command's messages (words in common/words/cli.ts), by what each one takes. */
function messages(locale: Locale) {
    const s = (words: Words, args?: Args) => say(words, locale, args);
    const formats = EXPORT_FORMATS.join(', ');
    return {
        noFormat: () => s(CLI_EXPORT.noFormat, { formats }),
        unknownFormat: (format: string) => s(CLI_EXPORT.unknownFormat, { format, formats }),
        unreadable: (file: string, why: string) => s(CLI_EXPORT.unreadable, { file, why }),
        missing: () => s(CLI_EXPORT.missing),
        denied: () => s(CLI_EXPORT.denied),
        noPlan: (file: string) => s(CLI_EXPORT.noPlan, { file }),
        noAnnex: (file: string) => s(CLI_EXPORT.noAnnex, { file }),
        exists: (file: string) => s(CLI_EXPORT.exists, { file }),
        cannotWrite: (why: string) => s(CLI_EXPORT.cannotWrite, { why }),
        cannotMakeFolder: (dir: string, why: string) => s(CLI_EXPORT.cannotMakeFolder, { dir, why }),
        writeFailed: (file: string, why: string, total: number) => s(CLI_EXPORT.writeFailed, { file, why, total }),
        writeFailedPartly: (file: string, why: string, kept: string, notWritten: string) => s(CLI_EXPORT.writeFailedPartly, { file, why, kept, notWritten }),
        notRestored: (file: string, backup: string) => s(CLI_EXPORT.notRestored, { file, backup }),
        exporting: (summary: string, anyway: boolean) => s(CLI_EXPORT.exporting, { summary, anyway: anyway ? 'yes' : 'no' }),
        /** Why a write failed: the errno code, with words when it is a known one. */
        errno: (code: string) => code in ERRNO_WORDS ? `${s(ERRNO_WORDS[code as keyof typeof ERRNO_WORDS])}, ${code}` : code
    };
}

function shown(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** "docx,xlsx" and repeated options to a list of formats without repeats; undefined names the bad one. */
export function parseFormats(values: string[]): { formats: ExportFormat[]; unknown?: string } {
    const formats: ExportFormat[] = [];
    for (const value of values.flatMap(v => v.split(',')).map(v => v.trim().toLowerCase()).filter(v => v !== '')) {
        if (!isExportFormat(value)) return { formats, unknown: value };
        if (!formats.includes(value)) formats.push(value);
    }
    return { formats };
}

export async function exportCommand(file: string, options: ExportCommandOptions, locale: Locale): Promise<ExportOutcome> {
    const m = messages(locale);
    const fail = (message: string): ExportOutcome => {
        process.stderr.write(`plan: ${printable(message)}\n`);
        return 'usage';
    };
    const { formats, unknown } = parseFormats(options.format);
    if (unknown !== undefined) return fail(m.unknownFormat(unknown));
    if (formats.length === 0) return fail(m.noFormat());

    // Read as `plan validate` reads: regular files only, within the size limit, decoded by the BOM.
    const planFile = path.resolve(file);
    let loaded: Awaited<ReturnType<typeof loadPlans>>;
    try {
        loaded = await loadPlans([planFile], locale, undefined, { maxBytes: options.maxBytes });
    } catch (e) {
        if (!(e instanceof PlanFileError)) throw e;
        const why = e.reason === 'missing' ? m.missing() : e.reason === 'denied' ? m.denied() : `${planFileReason(e, locale)}.`;
        return fail(m.unreadable(file, why));
    }
    const { documents, services } = loaded;
    const document = documents[0];
    const diagnostics = document.diagnostics ?? [];
    const cliFindings = diagnostics.map(d => toCliFinding(shown(planFile), d));
    process.stderr.write(m.exporting(summary(cliFindings, 1, locale), cliFindings.some(f => f.severity === 'error' || f.severity === 'warning')) + '\n');
    const model = services.plan.Models.get(document);
    if (!model.id) return fail(m.noPlan(file));
    const view = buildPlanView(model, diagnostics.map(locatedFinding));
    if (view.annexes.length === 0) process.stderr.write(`plan: ${printable(m.noAnnex(file))}\n`);

    const files: ExportFile[] = [];
    const where = options.findings === true ? ['sheet'] : options.findings || [];
    const exportOptions: ExportOptions = {
        csv: { numbers: options.csvNumbers, separator: options.csvSeparator }, findings: where.includes('sheet'), locale,
        ...(where.includes('comments') ? { findingsInText: true } : {})
    };
    let refused = false;
    for (const format of formats) {
        try {
            files.push(...(await renderExport(view, format, exportOptions)).files);
        } catch (e) {
            if (!(e instanceof ExportTooLargeError)) throw e;
            // That format is left out, each table it cannot hold said at its place; the others are written.
            refused = true;
            for (const t of e.tables) {
                const at = t.range ? `${shown(planFile)}:${t.range.start.line + 1}:${t.range.start.character + 1}: ` : '';
                process.stderr.write(`plan: ${printable(at + tooLargeMessage(t, format, locale))}\n`);
            }
        }
    }
    let written: string[];
    try {
        written = await writeExportFiles(options.out ?? '.', files, { force: options.force === true });
    } catch (e) {
        if (e instanceof ExportTargetExistsError) return fail(m.exists(shown(e.file)));
        const why = m.errno;
        if (e instanceof ExportFolderError) return fail(m.cannotMakeFolder(shown(e.folder), why(e.reason)));
        if (e instanceof ExportWriteError) {
            const list = (files: string[]) => files.map(shown).join(', ') || '—';
            const left = [...e.kept, ...e.notRestored.map(r => r.target)];
            if (left.length === 0) return fail(m.writeFailed(shown(e.file), why(e.reason), e.targets.length));
            return fail([
                m.writeFailedPartly(shown(e.file), why(e.reason), list(left), list(e.notWritten.filter(t => !left.includes(t)))),
                ...e.notRestored.map(r => m.notRestored(shown(r.target), shown(r.backup)))
            ].join(' '));
        }
        const err = e as NodeJS.ErrnoException;
        if (err.code) return fail(m.cannotWrite(`${err.code} ${err.path ?? ''}`.trim()));
        throw e;
    }
    for (const target of written) process.stdout.write(printable(shown(target)) + '\n');
    return refused ? 'partial' : 'ok';
}
