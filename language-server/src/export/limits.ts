// The largest table each format holds, checked before anything is rendered: a plan may declare a
// table wider than Excel or Word can open (10.000 declared columns made `export` run 32 s, take
// 1,5 GB and then fail inside the spreadsheet library with "16385 is out of bounds"). Limits as
// their makers document them: an Excel worksheet has 1.048.576 rows by 16.384 columns ("Excel
// specifications and limits"); a Word table has at most 63 columns (Word's operating limits).
import type { AnnexTable, PlanView, SourceRange } from '../../../common/view.js';
import type { ExportFormat } from '../../../common/export.js';
import type { Locale } from '../../../common/locale.js';
import { say, type Words } from '../../../common/catalogue.js';
import { formatNumber } from '../../../common/numbers.js';
import { EXPORT_LIMIT_WORDS } from '../../../common/words/export-limits.js';
import { annexGrids } from './grid.js';
import { REVIEW_ROWS_ABOVE } from './review.js';

export interface FormatLimit { columns: number; rows?: number; name: Words }

const XLSX: FormatLimit = { columns: 16_384, rows: 1_048_576, name: EXPORT_LIMIT_WORDS.formatXlsx };
const WORD: FormatLimit = { columns: 63, name: EXPORT_LIMIT_WORDS.formatDocx };

/** Formats without an entry (CSV, HTML, Markdown) hold any table. */
export const FORMAT_LIMITS: Partial<Record<ExportFormat, FormatLimit>> = { xlsx: XLSX, docx: WORD, 'document-docx': WORD };

/** Rows of an annex's sheet above its table: the heading, title and subtitle lines and a blank one (xlsx.ts). */
const SHEET_ROWS_ABOVE = 5;

/** A table a format cannot hold. */
export interface TooLarge {
    /** The annex's label ("Phụ lục 01"), or the review sheet's name. */
    annex: string;
    /** The plan element's id, if it has one. */
    table?: string;
    range?: SourceRange;
    what: 'columns' | 'rows';
    count: number;
    limit: number;
}

function annexTooLarge(annex: AnnexTable, limit: FormatLimit): TooLarge[] {
    const { header, body, width } = annexGrids(annex);
    const at = { annex: annex.label, table: annex.source.id, range: annex.source.range };
    const out: TooLarge[] = [];
    if (width > limit.columns) out.push({ ...at, what: 'columns', count: width, limit: limit.columns });
    const rows = SHEET_ROWS_ABOVE + header.slots.length + body.slots.length;
    if (limit.rows !== undefined && rows > limit.rows) out.push({ ...at, what: 'rows', count: rows, limit: limit.rows });
    return out;
}

/** The tables of a view that a format cannot hold (none for CSV, HTML, Markdown); `findings`: the review sheet too. */
export function tooLargeFor(view: PlanView, format: ExportFormat, options: { findings?: boolean; locale?: Locale } = {}): TooLarge[] {
    const limit = FORMAT_LIMITS[format];
    if (!limit) return [];
    const out = view.annexes.flatMap(annex => annexTooLarge(annex, limit));
    const reviewRows = REVIEW_ROWS_ABOVE + 1 + (view.findingList?.length ?? 0);
    if (format === 'xlsx' && options.findings && limit.rows !== undefined && reviewRows > limit.rows) {
        out.push({ annex: say(EXPORT_LIMIT_WORDS.reviewSheet, options.locale ?? 'vi'), what: 'rows', count: reviewRows, limit: limit.rows });
    }
    return out;
}

/** One table too large, in words: where it is, its size, the format's limit, and that the other formats are written. */
export function tooLargeMessage(t: TooLarge, format: ExportFormat, locale: Locale): string {
    const n = (x: number) => formatNumber(x, locale === 'vi' ? 'vi' : 'international');
    return say(EXPORT_LIMIT_WORDS.tooLarge, locale, {
        annex: t.annex, table: t.table ?? '—', line: t.range ? t.range.start.line + 1 : '—', what: t.what,
        count: n(t.count), limit: n(t.limit), holder: FORMAT_LIMITS[format]!.name, format
    });
}

/** Thrown by renderExport, before any work, for a format that cannot hold one of the plan's tables. */
export class ExportTooLargeError extends Error {
    constructor(readonly format: ExportFormat, readonly tables: TooLarge[], locale: Locale) {
        super(tables.map(t => tooLargeMessage(t, format, locale)).join(' '));
        this.name = 'ExportTooLargeError';
    }
}
