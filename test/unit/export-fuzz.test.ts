// Every exporter writes a well-formed file whatever the plan's strings hold: text pasted from Word
// (\v, \f), NUL and other controls, U+FFFE/U+FFFF, lone surrogates, bidi controls, markup and CSV
// syntax. Plans are generated with arbitrary text in every label and exported to all five formats;
// each file is read back by an independent reader (saxes for every DOCX/XLSX part, exceljs, fast-csv,
// parse5 with its parse errors, GFM table splitting) and the labels must come out as exportText
// prints them, in the right cell. FUZZ_RUNS / FUZZ_SEED as for every property test.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { guardFormula } from '../../language-server/src/export/csv.js';
import { exportBaseName } from '../../language-server/src/export/grid.js';
import { renderExport } from '../../language-server/src/export/index.js';
import { exportText, exportView } from '../../language-server/src/export/text.js';
import type { AnnexCell, AnnexTable, PlanView } from '../../common/view.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import {
    descendants, docxGrid, markdownCells, nastyLabels, nastyText, ORDINARY_LABELS, planWithLabels, readCsv, readDocx, viewOfText, xmlParts
} from './export-support.js';

// ---- readers ----------------------------------------------------------------------------------


type HtmlNode = DefaultTreeAdapterMap['node'];
type HtmlElement = DefaultTreeAdapterMap['element'];

function htmlElements(node: HtmlNode, names: string[], out: HtmlElement[] = []): HtmlElement[] {
    if ('tagName' in node && names.includes(node.tagName)) out.push(node);
    if ('childNodes' in node) for (const c of node.childNodes) htmlElements(c, names, out);
    if (node.nodeName === 'template') htmlElements((node as DefaultTreeAdapterMap['template']).content, names, out);
    return out;
}

/** An element's text as a browser keeps it, <br> as a line break. */
function htmlText(node: HtmlNode): string {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
    if (node.nodeName === 'br') return '\n';
    return 'childNodes' in node ? node.childNodes.map(htmlText).join('') : '';
}

// ---- expectations -----------------------------------------------------------------------------

/** A text as a cell of the exported file shows it: the export's sanitising, one kind of line break. */
const shown = (text: string) => exportText(text).replace(/\r\n|\r/g, '\n');

/** The body rows of an annex as cells per grid column (null where a span covers or no cell is), as flat files lay them out. */
function bodyCells(annex: AnnexTable): (AnnexCell | null)[][] {
    const width = annex.columns.length;
    const grid: (AnnexCell | null | undefined)[][] = annex.body.map(() => Array.from({ length: width }, () => undefined));
    annex.body.forEach((row, r) => {
        let c = 0;
        for (const cell of row.cells) {
            while (grid[r][c] !== undefined) c++;
            for (let dr = 0; dr < (cell.rowSpan ?? 1) && r + dr < grid.length; dr++) {
                for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell : null;
            }
            c += cell.colSpan ?? 1;
        }
    });
    return grid.map(row => row.map(t => t ?? null));
}

/** A cell's text as exported: a cell in runs is cleaned run by run (a bidi control closed in its own run). */
const shownCell = (cell: AnnexCell) => (cell.runs ? cell.runs.map(run => shown(run.text)).join('') : shown(cell.text));

const bodyTexts = (annex: AnnexTable) => bodyCells(annex).map(row => row.map(cell => (cell ? shownCell(cell) : '')));

/** Excel's rules for a sheet name, which exceljs only partly enforces. */
function expectValidSheetName(name: string): void {
    expect(name.length).toBeGreaterThan(0);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    expect(name).not.toMatch(/^'|'$/);
    expect(name.toLowerCase()).not.toBe('history');
}

// ---- one plan through every exporter ------------------------------------------------------------

async function checkDocx(view: PlanView, data: Uint8Array): Promise<void> {
    const parts = await xmlParts(data);
    expect(parts.has('word/document.xml')).toBe(true);
    const docx = await readDocx(data);
    const tables = docx.sections.flatMap(s => s.tables);
    expect(tables).toHaveLength(view.annexes.length);
    view.annexes.forEach((annex, i) => {
        // Word keeps a cell's line breaks and its text; the body grid holds the view's texts in place.
        const body = docxGrid(tables[i]).slice(annex.header.length);
        expect(body).toEqual(bodyTexts(annex));
    });
    const core = parts.get('docProps/core.xml')!;
    expect(descendants(core, 'dc:title')[0]?.text ?? '').toBe(shown(view.header.title ?? view.id));
    expect(descendants(core, 'dc:creator')[0]?.text ?? '').toBe(shown(view.header.issuer ?? 'plan'));
}

async function checkXlsx(view: PlanView, data: Uint8Array): Promise<void> {
    const parts = await xmlParts(data);
    const sheets = descendants(parts.get('xl/workbook.xml')!, 'sheet').map(s => s.attrs.name);
    expect(sheets).toHaveLength(Math.max(1, view.annexes.length));
    sheets.forEach(expectValidSheetName);
    expect(new Set(sheets.map(s => s.toLowerCase())).size).toBe(sheets.length);
    // A sheet named in a formula (the repeated header rows) is quoted, its quotes doubled.
    for (const definedName of descendants(parts.get('xl/workbook.xml')!, 'definedName')) {
        expect(definedName.text).toMatch(/^'(?:[^']|'')+'!\$\d+:\$\d+$/);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
    view.annexes.forEach((annex, i) => {
        const sheet = workbook.worksheets[i];
        // The annex lines (label, heading, title, subtitle), a blank row, then the header rows.
        const firstBodyRow = 3 + (exportText(annex.heading ?? '') ? 1 : 0) + 2 + annex.header.length;
        bodyCells(annex).forEach((row, r) => row.forEach((cell, c) => {
            if (cell?.kind !== 'text' || cell.text === '') return;
            const value = sheet.getCell(firstBodyRow + r, c + 1).value ?? '';
            // A cell with a bold part (Annex 02's dimension label) is rich text: its runs joined are the text.
            const text = typeof value === 'object' && 'richText' in value ? value.richText.map(x => x.text).join('') : value;
            expect(text).toBe(shownCell(cell));
        }));
    });
}

async function checkCsv(view: PlanView, files: { name: string; data: Uint8Array }[]): Promise<void> {
    expect(files).toHaveLength(view.annexes.length);
    for (const file of files) expect(file.name).toMatch(/^[\p{L}\p{N}._-]{1,120}$/u);
    for (const [i, annex] of view.annexes.entries()) {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(files[i].data);
        const rows = await readCsv(text.replace(/^\uFEFF/, ''));
        expect(rows).toHaveLength(1 + annex.body.length);
        for (const row of rows) expect(row).toHaveLength(annex.columns.length);
        // Numbers plain (the default): the value with the printed decimals; a year as its number.
        const expected = bodyCells(annex).map(row => row.map(cell => !cell ? ''
            : cell.kind === 'year' && typeof cell.value === 'number' ? String(cell.value)
            : cell.kind !== 'text' && typeof cell.value === 'number' ? cell.value.toFixed(cell.decimals ?? 0) : guardFormula(shownCell(cell))));
        expect(rows.slice(1)).toEqual(expected);
    }
}

function checkHtml(view: PlanView, data: Uint8Array): void {
    const html = new TextDecoder('utf-8', { fatal: true }).decode(data);
    const errors: string[] = [];
    const document = parseHtml(html, { onParseError: e => { errors.push(`${e.code} at ${e.startLine}:${e.startCol}`); } });
    expect(errors).toEqual([]);
    // Only the exporter's own elements: no tag came from the plan.
    const allowed = ['html', 'head', 'meta', 'title', 'style', 'body', 'section', 'p', 'span', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'br'];
    expect([...collectTags(document)].filter(t => !allowed.includes(t))).toEqual([]);
    const titles = htmlElements(document, ['title']);
    expect(titles.map(htmlText)).toEqual([shown([view.header.kind, view.header.title ?? view.id].map(t => t && exportText(t)).filter(Boolean).join(' '))]);
    const tables = htmlElements(document, ['table']);
    expect(tables).toHaveLength(view.annexes.length);
    view.annexes.forEach((annex, i) => {
        const rows = htmlElements(tables[i], ['tr']).slice(annex.header.length);
        expect(rows.map(tr => htmlElements(tr, ['td']).map(htmlText))).toEqual(annex.body.map(r => r.cells.map(shownCell)));
    });
}

function collectTags(node: HtmlNode, out = new Set<string>()): Set<string> {
    if ('tagName' in node) out.add(node.tagName);
    if ('childNodes' in node) for (const c of node.childNodes) collectTags(c, out);
    return out;
}

function checkMarkdown(view: PlanView, data: Uint8Array): void {
    const md = new TextDecoder('utf-8', { fatal: true }).decode(data);
    const lines = md.split('\n');
    // Every table is the header line, the delimiter line, then one line per body row, all of its width.
    const delimiters = lines.flatMap((l, i) => (/^\| :?-{3}/.test(l) ? [i] : []));
    expect(delimiters).toHaveLength(view.annexes.length);
    view.annexes.forEach((annex, i) => {
        const at = delimiters[i];
        const width = annex.columns.length;
        const table = lines.slice(at - 1, at + 1 + annex.body.length);
        for (const line of table) expect(markdownCells(line)).toHaveLength(width);
        expect(lines[at + 1 + annex.body.length] ?? '').toBe('');
        const body = table.slice(2).map(markdownCells);
        // A bold part of a cell (Annex 02's dimension label) stands between its own asterisks.
        const markdownText = (cell: AnnexCell | null) => !cell ? ''
            : cell.runs && !cell.bold ? cell.runs.map(run => {
                const t = shown(run.text);
                return run.bold && t.trim() !== '' ? t.replace(/^(\s*)([\s\S]*?)(\s*)$/, '$1**$2**$3') : t;
            }).join('').trim()
            : shownCell(cell).trim();
        expect(body).toEqual(bodyCells(annex).map(row => row.map(markdownText)));
    });
    // Outside tables no line may look like a table row, a heading or a rule that the plan's text made.
    const tableLines = new Set(delimiters.flatMap((at, i) => Array.from({ length: view.annexes[i].body.length + 2 }, (_, k) => at - 1 + k)));
    for (const [n, line] of lines.entries()) {
        if (tableLines.has(n)) continue;
        expect(line).not.toMatch(/^\|/);
        // "****" from an empty bold title would print as a horizontal rule.
        expect(line).not.toMatch(/^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/);
    }
}

async function exportAll(view: PlanView): Promise<void> {
    const [docx, xlsx, csv, html, md] = await Promise.all((['docx', 'xlsx', 'csv', 'html', 'md'] as const).map(f => renderExport(view, f)));
    await checkDocx(view, docx.files[0].data);
    await checkXlsx(view, xlsx.files[0].data);
    await checkCsv(view, csv.files);
    checkHtml(view, html.files[0].data);
    checkMarkdown(view, md.files[0].data);
}

describe('exportText', () => {
    it('turns Word\'s line and page breaks and Unicode\'s separators into line breaks', () => {
        expect(exportText('a\vb\fc\r\nd\re\u0085f\u2028g\u2029h')).toBe('a\nb\nc\nd\ne\nf\ng\nh');
    });

    it('drops controls and noncharacters, marks a lone surrogate with U+FFFD, keeps tab and real pairs', () => {
        expect(exportText('\0a\x01\x1b[31mb\x7f\x9b\tc\uFFFE\uFFFF\uFDD0\u{1FFFF}\u{10FFFE}')).toBe('a[31mb\tc');
        expect(exportText('x\uD800y\uDC00z\uD83D')).toBe('x\uFFFDy\uFFFDz\uFFFD');
        expect(exportText('Phù Cừ 𝐀 \uD83D\uDE00 \uFEFF')).toBe('Phù Cừ 𝐀 \uD83D\uDE00 \uFEFF');
    });

    it('keeps bidi controls but closes those left open, so they cannot reorder what follows', () => {
        expect(exportText('a\u202Eb')).toBe('a\u202Eb\u202C');
        expect(exportText('a\u2067b\u202Bc')).toBe('a\u2067b\u202Bc\u202C\u2069');
        // A PDI closes its isolate and the embeddings opened inside it; a stray PDF closes nothing.
        expect(exportText('\u2066\u202Ax\u2069\u202C')).toBe('\u2066\u202Ax\u2069\u202C');
        expect(exportText('\u202Ax\u202C')).toBe('\u202Ax\u202C');
    });

    it('gives only characters XML 1.0 allows, and changes nothing a second time', () => {
        const xmlChar = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
        fc.assert(fc.property(nastyText, s => {
            const out = exportText(s);
            expect(out).toMatch(xmlChar);
            expect(out).not.toMatch(/[\0-\x08\x0B-\x1F\x7F-\x9F\r]/);
            expect(exportText(out)).toBe(out);
        }), { numRuns: fuzzRuns(2000) });
    });
});

describe('exportView', () => {
    it('returns a clean view as it is (no copy of a big annex) and never changes the view it is given', async () => {
        const clean = await viewOfText(planWithLabels(ORDINARY_LABELS));
        expect(exportView(clean)).toBe(clean);
        const dirty = await viewOfText(planWithLabels({ ...ORDINARY_LABELS, district1: 'Phù\vCừ' }));
        const before = JSON.stringify(dirty);
        const exported = exportView(dirty);
        expect(JSON.stringify(dirty)).toBe(before);
        expect(exported.annexes[0].body.flatMap(r => r.cells.map(c => c.text))).toContain('Phù\nCừ');
        // Untouched parts are shared, not copied.
        expect(exported.annexes[1]).toBe(dirty.annexes[1]);
    });
});

describe('exports of plans with arbitrary text', () => {
    it('the generator reaches the annexes: an ordinary plan exports with its labels in place', async () => {
        const view = await viewOfText(planWithLabels(ORDINARY_LABELS));
        expect(view.annexes.map(a => a.number)).toEqual(['01', '02', '03']);
        expect(JSON.stringify(view.annexes)).toContain('Phù Cừ');
        await exportAll(view);
    });

    it('a district name pasted from Word (\\v, \\f) still gives well-formed DOCX XML, the break kept as a line break', async () => {
        const view = await viewOfText(planWithLabels({ ...ORDINARY_LABELS, district1: 'Phù\vCừ\fmới' }));
        const { files } = await renderExport(view, 'docx');
        await expect(xmlParts(files[0].data)).resolves.toBeDefined();
        const docx = await readDocx(files[0].data);
        const cell = docx.sections[0].tables[0].rows.find(r => r.cells.some(c => c.text.startsWith('Phù')))!;
        expect(cell.cells.map(c => c.text)).toContain('Phù\nCừ\nmới');
    });

    it('U+FFFE and U+FFFF in an agency name still give well-formed XLSX XML', async () => {
        const view = await viewOfText(planWithLabels({ ...ORDINARY_LABELS, agencyA: 'Sở\uFFFE Y tế\uFFFF' }));
        const { files } = await renderExport(view, 'xlsx');
        await expect(xmlParts(files[0].data)).resolves.toBeDefined();
    });

    it('an annex number with an apostrophe gives a valid sheet name and print-titles reference', async () => {
        for (const annex1 of ["01'", "0'1", "'"]) {
            const view = await viewOfText(planWithLabels({ ...ORDINARY_LABELS, annex1 }));
            await checkXlsx(view, (await renderExport(view, 'xlsx')).files[0].data);
        }
    });

    it('every label arbitrary: all five formats are well-formed and show the labels in place', async () => {
        await fc.assert(fc.asyncProperty(nastyLabels, async l => {
            const view = await viewOfText(planWithLabels(l));
            // The plan's strings reach the view unchanged, so the exporters are the ones being tested.
            expect(view.header.title).toBe(l.headerTitle);
            expect(view.annexes).toHaveLength(3);
            await exportAll(view);
        }), { numRuns: fuzzRuns(25) });
    }, 300_000);

    it('HTML attributes take only the exporter\'s own values, even from a malformed view', async () => {
        const view = exportView(await viewOfText(planWithLabels(ORDINARY_LABELS)));
        const row = view.annexes[0].body[0];
        (row as { kind: string }).kind = '"><script>alert(1)</script>';
        (row.cells[0] as { align: string }).align = '"><img src=x onerror=alert(1)>';
        const html = new TextDecoder().decode((await renderExport(view, 'html')).files[0].data);
        const tags = collectTags(parseHtml(html));
        expect(tags.has('script') || tags.has('img')).toBe(false);
    });

    it('file names stay plain and within a file system\'s 255 bytes whatever the plan id and annex number', () => {
        for (const number of [`${'x'.repeat(300)}\u0000/..\\`, 'ệ'.repeat(200), `01${'\uD800'.repeat(50)}`]) {
            const name = exportBaseName(`p${'l'.repeat(300)}`, { number } as AnnexTable);
            expect(name).toMatch(/^p+l*-phu-luc-[\p{L}\p{N}._-]+$/u);
            expect(Buffer.byteLength(name)).toBeLessThanOrEqual(140);
        }
        expect(exportBaseName('plan', { number: 'ệ'.repeat(200) } as AnnexTable)).toBe(`plan-phu-luc-${'ệ'.repeat(13)}`);
    });
});
