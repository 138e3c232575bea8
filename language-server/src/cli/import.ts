// `plan import`: an office file's tables as plan text — printed, written to a file, or added to an
// existing plan (--into) with everything else in it kept byte for byte. The text is then checked as
// any plan is, so the import's findings are the table's own inconsistencies. A file that cannot be
// imported is one line on stderr and exit 2, and nothing is written.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'langium';
import { say, type Args, type Words } from '../../../common/catalogue.js';
import type { Locale } from '../../../common/locale.js';
import type { NumberStyle } from '../../../common/numbers.js';
import { CLI_EXPORT, CLI_IMPORT } from '../../../common/words/cli.js';
import type { YearKind } from '../model/types.js';
import { createPlanServices, type PlanServices } from '../plan-module.js';
import { importContextOf, importSource, importWhole } from '../import/index.js';
import { applyInsertions, insertImport } from '../import/insert.js';
import { ImportError } from '../import/limits.js';
import { readSource } from '../import/read/index.js';
import type { ImportResult } from '../import/table.js';
import { formatLine, printable, summary, toCliFinding } from './diagnostics.js';
import { loadPlans, readFileBytes } from './workspace.js';

export interface ImportCommandOptions {
    sheet?: string;
    table?: number;
    numberStyle?: NumberStyle;
    into?: string;
    whole?: boolean;
    years?: Record<number, YearKind>;
    out?: string;
    force?: boolean;
    maxBytes: number;
}

export type ImportOutcome = 'ok' | 'usage';

function shown(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export async function importCommand(file: string, options: ImportCommandOptions, locale: Locale): Promise<ImportOutcome> {
    const s = (words: Words, args?: Args) => say(words, locale, args);
    const fail = (message: string): ImportOutcome => {
        process.stderr.write(`plan: ${printable(message)}\n`);
        return 'usage';
    };
    const source = path.resolve(file);
    const services = createPlanServices(NodeFileSystem).Plan;
    services.plan.Settings.locale = locale;
    // The plan it goes into, read and parsed first: a plan that does not parse is not touched.
    let into: { file: string; text: string; services: PlanServices } | undefined;
    let context = importContextOf(undefined, undefined, locale, options.numberStyle);
    if (options.into) {
        const intoFile = path.resolve(options.into);
        const { documents, services: loaded } = await loadPlans([intoFile], locale, services, { maxBytes: options.maxBytes });
        const document = documents[0];
        const syntax = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
        if (syntax > 0) {
            const line = (document.diagnostics ?? []).find(d => d.severity === 1)?.range.start.line ?? 0;
            return fail(s(CLI_IMPORT.intoUnparsed, { file: shown(intoFile), line: line + 1 }));
        }
        const text = document.textDocument.getText();
        context = importContextOf(loaded.plan.Models.get(document as never), text, locale, options.numberStyle);
        into = { file: intoFile, text, services: loaded };
    }
    if (options.years) context.yearKinds = options.years;
    let result: ImportResult;
    try {
        const bytes = readFileBytes(source, { maxBytes: options.maxBytes });
        const document = await readSource(bytes, path.basename(source), { numberStyle: context.numberStyle, limits: { maxFileBytes: options.maxBytes } });
        result = options.whole
            ? await importWhole(services, document, context)
            : await importSource(services, document, context, { sheet: options.sheet, table: options.table, into: !!into });
    } catch (e) {
        if (e instanceof ImportError) return fail(s(CLI_IMPORT.cannotImport, { file: shown(source), why: say(e.said.words, locale, e.said.args) }));
        throw e;
    }
    for (const p of result.problems) {
        process.stderr.write(printable(s(CLI_IMPORT.problem, { file: shown(source), severity: p.severity, message: say(p.said.words, locale, p.said.args) })) + '\n');
    }
    let written: string;
    let text: string;
    if (into) {
        const document = services.shared.workspace.LangiumDocuments.getDocument(URI.file(into.file))!;
        text = applyInsertions(into.text, insertImport(document, result));
        written = into.file;
        writeAtomically(into.file, text);
        const tables = (result.tables?.match(/^table /gm) ?? []).length;
        const units = (result.declarations?.match(/^(district|commune|province|region) /gm) ?? []).length;
        process.stderr.write(printable(s(CLI_IMPORT.added, { file: shown(into.file), tables, units })) + '\n');
    } else {
        text = result.text;
        if (options.out) {
            written = path.resolve(options.out);
            if (fs.existsSync(written) && !options.force) return fail(s(CLI_EXPORT.exists, { file: shown(written) }));
            writeAtomically(written, text);
            process.stderr.write(printable(s(CLI_IMPORT.written, { file: shown(written) })) + '\n');
        } else {
            process.stdout.write(text);
            written = path.join(path.dirname(source), path.basename(source).replace(/\.[^.]*$/, '') + '.plan');
        }
    }
    await reportFindings(text, written, locale);
    return 'ok';
}

/** The import's findings: the produced text checked as a plan, on stderr (the text may be on stdout). */
async function reportFindings(text: string, file: string, locale: Locale): Promise<void> {
    const services = createPlanServices(NodeFileSystem).Plan;
    services.plan.Settings.locale = locale;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const findings = (document.diagnostics ?? []).map(d => toCliFinding(shown(file), d));
    for (const f of findings) process.stderr.write(formatLine(f) + '\n');
    process.stderr.write(printable(say(CLI_IMPORT.checked, locale, { summary: summary(findings, 1, locale) })) + '\n');
}


/** Written whole or not at all: a temporary file beside it, then renamed over it. */
function writeAtomically(file: string, text: string): void {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, text, { flag: 'wx' });
    try {
        fs.renameSync(temporary, file);
    } catch (e) {
        fs.rmSync(temporary, { force: true });
        throw e;
    }
}
