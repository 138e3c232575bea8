// Text from the plan on its way into an exported file. A plan string may hold anything its editor or
// a paste from Word put there, but XML 1.0 (DOCX, XLSX) cannot carry C0 controls other than tab, LF
// and CR, nor U+FFFE/U+FFFF or a lone surrogate — Word and LibreOffice refuse such a file, Excel
// "repairs" it — and HTML reports controls and noncharacters as parse errors. Every exporter passes
// the whole view through exportView first, so the five formats show the same text.
import type { AnnexTable, PlanView } from '../../../common/view.js';

/**
 * What each character that no format should carry becomes:
 * - \v and \f are how Word hands over a manual line break (Shift+Enter) and a page or section break
 *   in copied text; NEL, U+2028 and U+2029 are Unicode's own line and paragraph separators. All
 *   become a line break, which every exporter prints as one (a new line in a cell, <br>, …).
 *   CR LF and a lone CR become LF too, so that exporters deal with a single line break.
 * - Other C0 controls (NUL, ESC, …), DEL and the C1 controls are no text at all: a terminal's colour
 *   codes, a byte misread as Latin-1. Nothing would show them; they are dropped.
 * - Noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their twins in every plane) are reserved for a
 *   program's internal use, U+FFFE usually a byte-swapped byte order mark; dropped.
 * - A lone surrogate is damaged text: it becomes U+FFFD, the mark a UTF-8 encoder writes in its place,
 *   so that the reader sees something was lost there.
 * Tab stays. Bidi controls stay (the checker warns about them in the plan), but one left open is
 * closed at the end of the text, so that it cannot reorder the next cell, field or table column.
 */
export function exportText(text: string): string {
    // Fast path: most texts hold nothing to change.
    if (!/[\0-\x08\x0B-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/.test(text)) return text;
    const cleaned = text
        .replace(/\r\n?|[\v\f\x85\u2028\u2029]/g, '\n')
        .replace(/[\0-\x08\x0E-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]/g, '')
        // Astral noncharacters U+1FFFE…U+10FFFF (as surrogate pairs), then lone surrogates.
        .replace(/[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g, '')
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    return closeBidi(cleaned);
}

const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']);

/** Appends a PDF for every embedding or override and a PDI for every isolate still open (UAX #9's pairing). */
function closeBidi(text: string): string {
    const open: string[] = [];
    for (const ch of text) {
        if (EMBEDDINGS.has(ch) || ISOLATES.has(ch)) open.push(ch);
        else if (ch === '\u202C') {
            // A PDF closes the innermost embedding, never across an isolate.
            if (open.length > 0 && EMBEDDINGS.has(open[open.length - 1])) open.pop();
        } else if (ch === '\u2069') {
            // A PDI closes the innermost isolate and every embedding opened inside it.
            let at = open.length - 1;
            while (at >= 0 && !ISOLATES.has(open[at])) at--;
            if (at >= 0) open.length = at;
        }
    }
    return open.length === 0 ? text : text + open.reverse().map(c => (ISOLATES.has(c) ? '\u2069' : '\u202C')).join('');
}

/**
 * Every string passed through exportText. Objects and arrays in which nothing changes are returned
 * as they are (most plans hold nothing to change, and a big annex has hundreds of thousands of cells);
 * the others are copied along the path to the changed string.
 */
function mapStrings<T>(value: T): T {
    if (typeof value === 'string') return exportText(value) as T;
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
            const mapped = mapStrings(value[i]);
            if (mapped !== value[i]) (copy ??= value.slice())[i] = mapped;
        }
        return (copy ?? value) as T;
    }
    let copy: Record<string, unknown> | undefined;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
        // Source positions and the checker's findings are never printed.
        if (key === 'range' || key === 'findings') continue;
        const mapped = mapStrings(record[key]);
        if (mapped !== record[key]) (copy ??= { ...record })[key] = mapped;
    }
    // A cell in runs (a bold part of its text): each run is cleaned on its own, so that a bidi
    // control opened in one is closed there; the cell's text is then the runs joined, the same in
    // every format.
    if (copy && Array.isArray(copy.runs) && copy.runs !== record.runs && typeof copy.text === 'string') {
        copy.text = (copy.runs as { text: string }[]).map(run => run.text).join('');
    }
    return (copy ?? value) as T;
}

/** The view as exporters print it (see exportText). */
export function exportView(view: PlanView): PlanView {
    return mapStrings(view);
}

/** One annex as exporters print it (see exportText). */
export function exportAnnex(annex: AnnexTable): AnnexTable {
    return mapStrings(annex);
}
