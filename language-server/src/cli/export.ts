// `plan export`: validates a plan, reports its findings count, then writes its annexes in the asked
// formats. A plan with findings is still exported (a draft is reviewed in its exported form); an
// unreadable file, an unknown format or an existing target without --force is refused.
import * as path from 'node:path';
import { planFileReason, printable, toCliFinding, summary } from './diagnostics.js';
import { buildPlanView, locatedFinding } from '../view/build.js';
import type { Locale } from '../../../common/findings.js';
import { loadPlans, PlanFileError } from './workspace.js';
import {
    EXPORT_FORMATS, ExportFolderError, ExportTargetExistsError, ExportWriteError, isExportFormat, renderExport, writeExportFiles,
    type ExportFile, type ExportFormat
} from '../export/index.js';

export interface ExportCommandOptions {
    /** As given: repeated options and comma-separated lists ("docx,xlsx"). */
    format: string[];
    out?: string;
    force?: boolean;
    /** Refuse a plan file larger than this (see readPlanFile). */
    maxBytes?: number;
}

/** ok: files written; usage: refused, with the reason on stderr. */
export type ExportOutcome = 'ok' | 'usage';


const MESSAGES = {
    vi: {
        noFormat: () => `Cần chọn ít nhất một định dạng, ví dụ --format docx,xlsx (có: ${EXPORT_FORMATS.join(', ')}).`,
        unknownFormat: (f: string) => `Định dạng xuất không hỗ trợ: "${f}" (chọn trong: ${EXPORT_FORMATS.join(', ')}).`,
        unreadable: (f: string, why: string) => `Không đọc được tệp kế hoạch ${f}: ${why}`,
        missing: () => 'không có tệp này.',
        denied: () => 'không có quyền đọc.',
        noPlan: (f: string) => `Tệp ${f} không có kế hoạch nào để xuất.`,
        noAnnex: (f: string) => `Kế hoạch trong ${f} chưa có phụ lục nào; tệp xuất không có bảng.`,
        exists: (f: string) => `Tệp đã tồn tại: ${f} (thêm --force để ghi đè). Chưa ghi tệp nào.`,
        cannotWrite: (why: string) => `Không ghi được tệp xuất: ${why}`,
        cannotMakeFolder: (dir: string, why: string) => `Không tạo được thư mục xuất ${dir} (${why}). Chưa ghi tệp nào.`,
        writeFailed: (file: string, why: string, total: number) => `Không ghi được ${file} (${why}). Chưa ghi tệp nào trong ${total} tệp xuất; các tệp đã có được giữ nguyên.`,
        writeFailedPartly: (file: string, why: string, kept: string, notWritten: string) => `Không ghi được ${file} (${why}) và không hoàn tác được hết. Vẫn còn tệp mới: ${kept}. Chưa ghi: ${notWritten}.`,
        notRestored: (file: string, backup: string) => `Không khôi phục được ${file}; bản cũ nằm ở ${backup}.`,
        exporting: (s: string, anyway: boolean) => anyway ? `${s} Vẫn xuất các phụ lục.` : `${s} Xuất các phụ lục.`
    },
    en: {
        noFormat: () => `Give at least one format, e.g. --format docx,xlsx (one of: ${EXPORT_FORMATS.join(', ')}).`,
        unknownFormat: (f: string) => `Unknown export format: "${f}" (one of: ${EXPORT_FORMATS.join(', ')}).`,
        unreadable: (f: string, why: string) => `Cannot read plan file ${f}: ${why}`,
        missing: () => 'no such file.',
        denied: () => 'permission denied.',
        noPlan: (f: string) => `${f} holds no plan to export.`,
        noAnnex: (f: string) => `The plan in ${f} has no annex yet; the export holds no table.`,
        exists: (f: string) => `File already exists: ${f} (add --force to overwrite). Nothing was written.`,
        cannotWrite: (why: string) => `Cannot write the export: ${why}`,
        cannotMakeFolder: (dir: string, why: string) => `Cannot create the export folder ${dir} (${why}). Nothing was written.`,
        writeFailed: (file: string, why: string, total: number) => `Cannot write ${file} (${why}). None of the ${total} export files was written; existing files are unchanged.`,
        writeFailedPartly: (file: string, why: string, kept: string, notWritten: string) => `Cannot write ${file} (${why}), and undoing failed too. New files left: ${kept}. Not written: ${notWritten}.`,
        notRestored: (file: string, backup: string) => `Could not restore ${file}; its old version is in ${backup}.`,
        exporting: (s: string, anyway: boolean) => anyway ? `${s} Exporting the annexes anyway.` : `${s} Exporting the annexes.`
    }
} satisfies Record<Locale, Record<string, (...args: never[]) => string>>;

/** Why a write failed, in words, by errno code. */
const ERRNO_WORDS: Record<Locale, Record<string, string>> = {
    vi: {
        ENOSPC: 'hết chỗ trên đĩa', ENAMETOOLONG: 'tên tệp quá dài', EACCES: 'không có quyền ghi', EPERM: 'không có quyền ghi',
        EROFS: 'ổ đĩa chỉ đọc', ENOENT: 'không có đường dẫn này', ENOTDIR: 'không phải là thư mục', EDQUOT: 'hết hạn mức đĩa',
        EEXIST: 'tệp vừa được tạo bởi chương trình khác', EISDIR: 'đã có một thư mục trùng tên', EIO: 'lỗi đọc ghi đĩa'
    },
    en: {
        ENOSPC: 'no space left on the disk', ENAMETOOLONG: 'file name too long', EACCES: 'permission denied', EPERM: 'permission denied',
        EROFS: 'read-only file system', ENOENT: 'no such path', ENOTDIR: 'not a folder', EDQUOT: 'disk quota exceeded',
        EEXIST: 'the file was just created by another program', EISDIR: 'a folder has that name', EIO: 'disk input/output error'
    }
};

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
    const m = MESSAGES[locale];
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
    for (const format of formats) files.push(...(await renderExport(view, format)).files);
    let written: string[];
    try {
        written = await writeExportFiles(options.out ?? '.', files, { force: options.force === true });
    } catch (e) {
        if (e instanceof ExportTargetExistsError) return fail(m.exists(shown(e.file)));
        const why = (code: string) => ERRNO_WORDS[locale][code] ? `${ERRNO_WORDS[locale][code]}, ${code}` : code;
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
    return 'ok';
}
