// HTML tables: what Excel, LibreOffice Calc and Word put on the clipboard (and saved .html pages),
// parsed by parse5 as a browser would. Every outermost <table> is a grid, rowspan/colspan laid out as
// merges; cell text as displayed (white space collapsed, <br> and blocks as line breaks, &nbsp; as a
// space); bold from <b>/<strong>/<th>, a font-weight in a style attribute, or a class rule of the
// page's <style> block (Excel writes `.xl65 {font-weight:700}`). Excel's clipboard carries the text
// as printed, so it is taken as printed. Scripts, styles and comments are skipped; nothing is fetched.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { said, say, type Said } from '../../../../common/catalogue.js';
import type { Locale } from '../../../../common/locale.js';
import { IMPORT_PLACES } from '../../../../common/words/import.js';
import type { Grid, GridCell, Merge } from '../grid.js';
import type { ImportLimits } from '../limits.js';
import { checkGridCount, checkGridSize } from './limits-check.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIPPED = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math']);
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'blockquote', 'pre', 'section', 'article', 'dl', 'dt', 'dd']);
/** HTML caps spans so (colspan 1000, rowspan 65534); more is a broken or hostile page. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

function isElement(node: Node): node is Element {
    return 'tagName' in node;
}

function attr(element: Element, name: string): string | undefined {
    return element.attrs.find(a => a.name === name)?.value;
}

/** Bold or not from a CSS declaration list; undefined when it says nothing of the weight. */
function weightOf(css: string): boolean | undefined {
    const m = /(?:^|[;{\s])font-weight\s*:\s*([\w-]+)/i.exec(css);
    if (!m) return undefined;
    const w = m[1].toLowerCase();
    return w === 'bold' || w === 'bolder' || (/^\d+$/.test(w) && Number(w) >= 600);
}

/** Bold by class, from the rules of the page's <style> blocks (".xl65 {font-weight:700}"). */
function classWeights(root: Node): Map<string, boolean> {
    const weights = new Map<string, boolean>();
    const visit = (node: Node) => {
        if (isElement(node) && node.tagName === 'style') {
            const css = node.childNodes.map(n => ('value' in n && typeof n.value === 'string' ? n.value : '')).join('');
            for (const rule of css.matchAll(/\.([A-Za-z_][\w-]*)\s*\{([^}]*)\}/g)) {
                const w = weightOf(rule[2]);
                if (w !== undefined) weights.set(rule[1], w);
            }
            return;
        }
        if ('childNodes' in node) for (const child of node.childNodes) visit(child);
        if (isElement(node) && node.tagName === 'template') visit((node as DefaultTreeAdapterMap['template']).content);
    };
    visit(root);
    return weights;
}

interface Segment { kind: 'text'; text: string; bold: boolean }
type Token = Segment | { kind: 'break' } | { kind: 'block' };

class CellText {
    readonly tokens: Token[] = [];

    constructor(private readonly weights: Map<string, boolean>) {}

    boldOf(element: Element, inherited: boolean): boolean {
        let bold = inherited || ['b', 'strong', 'th'].includes(element.tagName);
        for (const cls of (attr(element, 'class') ?? '').split(/\s+/)) {
            const w = this.weights.get(cls);
            if (w !== undefined) bold = w;
        }
        const own = weightOf(attr(element, 'style') ?? '');
        return own ?? bold;
    }

    collect(node: Node, bold: boolean): void {
        if (node.nodeName === '#text' && 'value' in node) {
            this.tokens.push({ kind: 'text', text: node.value, bold });
            return;
        }
        if (!isElement(node) || SKIPPED.has(node.tagName)) return;
        if (node.tagName === 'br') {
            this.tokens.push({ kind: 'break' });
            return;
        }
        const own = this.boldOf(node, bold);
        if (node.tagName === 'table') {
            this.flattenTable(node, own);
            return;
        }
        const block = BLOCKS.has(node.tagName);
        if (block) this.tokens.push({ kind: 'block' });
        for (const child of node.childNodes) this.collect(child, own);
        if (block) this.tokens.push({ kind: 'block' });
    }

    /** A table inside a cell: its rows as lines, its cells separated by tabs. */
    private flattenTable(table: Element, bold: boolean): void {
        this.tokens.push({ kind: 'block' });
        for (const row of rowsOf(table)) {
            cellsOf(row).forEach((cell, i) => {
                if (i > 0) this.tokens.push({ kind: 'text', text: '\t', bold });
                for (const child of cell.childNodes) this.collect(child, this.boldOf(cell, bold));
            });
            this.tokens.push({ kind: 'break' });
        }
        this.tokens.push({ kind: 'block' });
    }

    /** The displayed text, and whether all of its visible letters are bold. */
    finish(): { text: string; bold: boolean } {
        let out = '';
        let pendingBlock = false;
        let visible = 0;
        let boldVisible = 0;
        for (const token of this.tokens) {
            if (token.kind === 'block') pendingBlock = true;
            else if (token.kind === 'break') {
                out += '\n';
                pendingBlock = false;
            } else {
                const text = token.text === '\t' ? '\t' : token.text.replace(/[ \t\n\r\f]+/g, ' ');
                if (text.trim() !== '') {
                    visible++;
                    if (token.bold) boldVisible++;
                }
                if (pendingBlock && out !== '' && !out.endsWith('\n')) out += '\n';
                pendingBlock = false;
                out += text;
            }
        }
        const text = out.split('\n')
            .map(line => line.replace(/ {2,}/g, ' ').replace(/^ | $/g, '').replace(/\u00a0/g, ' '))
            .join('\n')
            .replace(/^[ \n]+|[ \n]+$/g, '');
        return { text, bold: visible > 0 && boldVisible === visible };
    }
}

/** The rows of a table, its sections' included, its nested tables' not. */
function rowsOf(table: Element): Element[] {
    const rows: Element[] = [];
    for (const child of table.childNodes) {
        if (!isElement(child)) continue;
        if (child.tagName === 'tr') rows.push(child);
        else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) rows.push(...child.childNodes.filter(isElement).filter(e => e.tagName === 'tr'));
    }
    return rows;
}

function cellsOf(row: Element): Element[] {
    return row.childNodes.filter(isElement).filter(e => e.tagName === 'td' || e.tagName === 'th');
}

function span(element: Element, name: string, max: number): number {
    const n = Number.parseInt(attr(element, name) ?? '1', 10);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/**
 * The number a spreadsheet wrote beside the printed text: Excel's `x:num="29822"`, LibreOffice's
 * `sdval="29822"`. The text stays as printed; this is only the value behind it.
 */
function storedValue(td: Element): number | undefined {
    const raw = attr(td, 'x:num') ?? attr(td, 'sdval');
    if (raw === undefined || raw.trim() === '') return undefined;
    const value = Number(raw);
    return Number.isFinite(value) ? value : undefined;
}

/** The outermost tables of the page, in document order. */
function outerTables(root: Node): Element[] {
    const tables: Element[] = [];
    const visit = (node: Node) => {
        if (isElement(node)) {
            if (SKIPPED.has(node.tagName)) return;
            if (node.tagName === 'table') {
                tables.push(node);
                return;
            }
        }
        if ('childNodes' in node) for (const child of node.childNodes) visit(child);
    };
    visit(root);
    return tables;
}

function tableGrid(table: Element, index: number, name: string, place: Said, file: string, weights: Map<string, boolean>, limits: ImportLimits): Grid {
    const rows: (GridCell | undefined)[][] = [];
    const taken: boolean[][] = [];
    const merges: Merge[] = [];
    let width = 0;
    const rowElements = rowsOf(table);
    checkGridSize(rowElements.length, 1, file, place, limits);
    rowElements.forEach((tr, r) => {
        taken[r] ??= [];
        rows[r] ??= [];
        let c = 0;
        for (const td of cellsOf(tr)) {
            while (taken[r][c]) c++;
            const colspan = span(td, 'colspan', MAX_COLSPAN);
            const rowspan = Math.min(span(td, 'rowspan', MAX_ROWSPAN), rowElements.length - r);
            width = Math.max(width, c + colspan);
            checkGridSize(rowElements.length, width, file, place, limits);
            const reader = new CellText(weights);
            for (const child of td.childNodes) reader.collect(child, reader.boldOf(td, false));
            const { text, bold } = reader.finish();
            const cell: GridCell = { text };
            if (bold) cell.bold = true;
            const value = storedValue(td);
            if (value !== undefined) cell.value = value;
            for (let dr = 0; dr < rowspan; dr++) {
                taken[r + dr] ??= [];
                rows[r + dr] ??= [];
                for (let dc = 0; dc < colspan; dc++) taken[r + dr][c + dc] = true;
            }
            rows[r][c] = cell;
            if (rowspan > 1 || colspan > 1) merges.push({ top: r, left: c, bottom: r + rowspan - 1, right: c + colspan - 1 });
            c += colspan;
        }
    });
    // Uncovered positions past a short row are blank cells; covered ones stay undefined.
    const grid = rows.map((row, r) => Array.from({ length: width }, (_, c) => row[c] ?? (taken[r]?.[c] ? undefined : { text: '' })));
    return { name, index, rows: grid, merges, addressing: 'table' };
}

/** Every outermost table of an HTML text as a grid (empty tables left out). */
export function readHtmlTables(html: string, file: string, limits: ImportLimits, locale: Locale = 'vi'): Grid[] {
    const document = parse(html);
    const weights = classWeights(document);
    const tables = outerTables(document).filter(t => rowsOf(t).some(r => cellsOf(r).length > 0));
    checkGridCount(tables.length, file, limits);
    return tables.map((table, i) => tableGrid(table, i + 1, say(IMPORT_PLACES.table, locale, { index: i + 1 }), said(IMPORT_PLACES.table, { index: i + 1 }), file, weights, limits));
}
