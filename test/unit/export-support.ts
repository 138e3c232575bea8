// Shared by the export tests: the seed plan's view, a plan whose district name is an XSS payload,
// plans with arbitrary text in every label, and readers that take the exported files apart again
// (DOCX and XLSX by unzipping and parsing their XML).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseString } from '@fast-csv/parse';
import fc from 'fast-check';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { buildPlanView, type LocatedFinding } from '../../language-server/src/view/build.js';
import type { PlanView } from '../../common/view.js';
import { createTestServices, SEED_PLAN, severityOf, validatePlan } from '../helpers/plan.js';

export const XSS = '<img src=x onerror=alert(1)>';

/** A small plan whose district is named with an HTML payload; everything else is ordinary. */
export const XSS_PLAN = `plan xss_plan "Kế hoạch thử"
number-style vi
header {
    number "12" code "KH-UBND"
    issuer "Ủy ban nhân dân tỉnh Thử"
    issuer-short "UBND tỉnh"
    date 3/4/2024
}
district Bad "${XSS.replace(/"/g, '\\"')}" huyen
district Good "Quận \\"Tốt\\", mới" huyen
table t "Bảng <b>thử</b> & kiểm" {
    annex "01"
    heading "Dự kiến"
    years { 2023 result  2024 plan }
    columns households poor poor-rate
    row 1 Bad {
        2023: 1.000 20 2,00
        2024: 1.000 10 1,00
    }
    row 2 Good {
        2023: 2.000 10 0,50
        2024: 2.000 10 0,50
    }
    total "Tổng cộng" {
        2023: 3.000 30 1,00
        2024: 3.000 20 0,67
    }
}
`;

/** The rows of a CSV as an independent parser (fast-csv) reads them. */
export function readCsv(text: string, delimiter = ','): Promise<string[][]> {
    return new Promise((resolve, reject) => {
        const rows: string[][] = [];
        parseString(text, { headers: false, delimiter })
            .on('data', (row: string[]) => rows.push(row))
            .on('error', reject)
            .on('end', () => resolve(rows));
    });
}

export async function viewOfText(text: string): Promise<PlanView> {
    const services = createTestServices('vi');
    const { diagnostics, model } = await validatePlan(services, text);
    const findings: LocatedFinding[] = diagnostics.map(d => ({
        severity: severityOf(d), code: String(d.code ?? ''), message: d.message, range: d.range
    }));
    return buildPlanView(model, findings);
}

export async function seedView(): Promise<PlanView> {
    return viewOfText(fs.readFileSync(SEED_PLAN, 'utf-8'));
}

export function tempDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `plan-export-${prefix}-`));
}

// ---- XML --------------------------------------------------------------------------------------

export interface XmlNode { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string }

export function parseXml(xml: string): XmlNode {
    const parser = new SaxesParser();
    const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
    const stack = [root];
    parser.on('opentag', tag => {
        const node: XmlNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
        stack.at(-1)!.children.push(node);
        stack.push(node);
    });
    parser.on('text', t => { stack.at(-1)!.text += t; });
    parser.on('closetag', () => { stack.pop(); });
    parser.write(xml).close();
    return root;
}

export function descendants(node: XmlNode, name: string): XmlNode[] {
    const out: XmlNode[] = [];
    const walk = (n: XmlNode) => {
        for (const c of n.children) {
            if (c.name === name) out.push(c);
            walk(c);
        }
    };
    walk(node);
    return out;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
    return node?.children.find(c => c.name === name);
}

/** The text of a paragraph or cell as Word shows it: w:t runs, w:br as a line break. */
export function wordText(node: XmlNode): string {
    let out = '';
    const walk = (n: XmlNode) => {
        if (n.name === 'w:t') out += n.text;
        else if (n.name === 'w:br') out += '\n';
        else if (n.name === 'w:p' && out !== '' && n !== node) out += '\n';
        for (const c of n.children) walk(c);
    };
    walk(node);
    return out;
}

// ---- DOCX -------------------------------------------------------------------------------------

export interface DocxCell {
    text: string;
    gridSpan: number;
    vMerge?: 'restart' | 'continue';
    /** The grid column the cell starts in. */
    column: number;
    align?: string;
    /** Every run in the cell is bold (w:b without w:val="false"). */
    bold: boolean;
    /** The text of the cell's bold runs, run by run. */
    boldRuns: string[];
}

export interface DocxRow { header: boolean; cantSplit: boolean; cells: DocxCell[] }

export interface DocxTable { grid: number[]; rows: DocxRow[] }

export interface DocxSection {
    /** Paragraph texts before the table, in order. */
    paragraphs: { text: string; align?: string; bold: boolean; italic: boolean; size?: string }[];
    tables: DocxTable[];
    properties: XmlNode;
}

export interface DocxDocument {
    zip: JSZip;
    document: XmlNode;
    styles: XmlNode;
    sections: DocxSection[];
    /** Part names by relationship id (word/_rels/document.xml.rels). */
    relationships: Map<string, string>;
}

/** An OOXML on/off property: present and not switched off with w:val. */
function isOn(node: XmlNode | undefined): boolean {
    return node !== undefined && !['false', '0', 'off'].includes(node.attrs['w:val']);
}

function runsBold(runs: XmlNode[], prop: 'w:b' | 'w:i'): boolean {
    const texts = runs.filter(r => descendants(r, 'w:t').some(t => t.text !== ''));
    return texts.length > 0 && texts.every(r => {
        return isOn(child(child(r, 'w:rPr'), prop));
    });
}

function readTable(tbl: XmlNode): DocxTable {
    const grid = descendants(child(tbl, 'w:tblGrid')!, 'w:gridCol').map(c => Number(c.attrs['w:w']));
    const rows = tbl.children.filter(c => c.name === 'w:tr').map(tr => {
        const trPr = child(tr, 'w:trPr');
        let column = 0;
        const cells = tr.children.filter(c => c.name === 'w:tc').map(tc => {
            const tcPr = child(tc, 'w:tcPr');
            const gridSpan = Number(child(tcPr, 'w:gridSpan')?.attrs['w:val'] ?? 1);
            const vMergeNode = child(tcPr, 'w:vMerge');
            const vMerge: DocxCell['vMerge'] = vMergeNode ? (vMergeNode.attrs['w:val'] === 'restart' ? 'restart' : 'continue') : undefined;
            const paragraphs = tc.children.filter(c => c.name === 'w:p');
            const cell: DocxCell = {
                text: wordText(tc), gridSpan, vMerge, column,
                align: child(child(paragraphs[0], 'w:pPr'), 'w:jc')?.attrs['w:val'],
                bold: runsBold(descendants(tc, 'w:r'), 'w:b'),
                boldRuns: descendants(tc, 'w:r').filter(r => isOn(child(child(r, 'w:rPr'), 'w:b')))
                    .map(r => descendants(r, 'w:t').map(t => t.text).join('')).filter(t => t !== '')
            };
            column += gridSpan;
            return cell;
        });
        return { header: isOn(child(trPr, 'w:tblHeader')), cantSplit: isOn(child(trPr, 'w:cantSplit')), cells };
    });
    return { grid, rows };
}

export async function readDocx(data: Uint8Array): Promise<DocxDocument> {
    const zip = await JSZip.loadAsync(data);
    const document = parseXml(await zip.file('word/document.xml')!.async('string'));
    const styles = parseXml(await zip.file('word/styles.xml')!.async('string'));
    const rels = parseXml(await zip.file('word/_rels/document.xml.rels')!.async('string'));
    const relationships = new Map(descendants(rels, 'Relationship').map(r => [r.attrs.Id, `word/${r.attrs.Target}`]));
    const body = descendants(document, 'w:body')[0];
    const sections: DocxSection[] = [];
    let current: Omit<DocxSection, 'properties'> = { paragraphs: [], tables: [] };
    for (const node of body.children) {
        if (node.name === 'w:tbl') current.tables.push(readTable(node));
        else if (node.name === 'w:p') {
            const pPr = child(node, 'w:pPr');
            const text = wordText(node);
            if (text !== '' && current.tables.length === 0) {
                const runs = descendants(node, 'w:r');
                current.paragraphs.push({
                    text, align: child(pPr, 'w:jc')?.attrs['w:val'], bold: runsBold(runs, 'w:b'), italic: runsBold(runs, 'w:i'),
                    size: child(child(runs[0], 'w:rPr'), 'w:sz')?.attrs['w:val']
                });
            }
            // A section ends with the paragraph that carries its properties…
            const sectPr = child(pPr, 'w:sectPr');
            if (sectPr) {
                sections.push({ ...current, properties: sectPr });
                current = { paragraphs: [], tables: [] };
            }
        } else if (node.name === 'w:sectPr') {
            // …except the last, whose properties close the body.
            sections.push({ ...current, properties: node });
        }
    }
    return { zip, document, styles, sections, relationships };
}

/** The texts of a DOCX table as a grid: a merged cell's text in its first position, '' where covered. */
export function docxGrid(table: DocxTable): string[][] {
    return table.rows.map(row => {
        const out: string[] = Array.from({ length: table.grid.length }, () => '');
        for (const cell of row.cells) if (cell.vMerge !== 'continue') out[cell.column] = cell.text;
        return out;
    });
}

// ---- Markdown and HTML ------------------------------------------------------------------------

/** Splits a GFM table line on unescaped pipes and undoes the exporter's escapes. */
export function markdownCells(line: string): string[] {
    const cells: string[] = [];
    let current = '';
    const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch === '\\' && i + 1 < body.length) {
            current += ch + body[++i];
        } else if (ch === '|') {
            cells.push(current);
            current = '';
        } else current += ch;
    }
    cells.push(current);
    return cells.map(c => {
        let t = c.trim();
        if (/^\*\*.*\*\*$/.test(t) && t.length >= 4) t = t.slice(2, -2);
        return t.replace(/<br>/g, '\n').replace(/\\(.)/g, '$1');
    });
}

const HTML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function decodeHtml(text: string): string {
    return text.replace(/<br>/g, '\n').replace(/&(?:amp|lt|gt|quot|#39);/g, e => HTML_ENTITIES[e]);
}

export interface HtmlCell {
    tag: 'th' | 'td';
    text: string;
    colSpan: number;
    rowSpan: number;
    classes: string[];
    /** The texts of the cell's bold spans (a bold part of its text). */
    boldRuns: string[];
}

/** The rows of each <table> in the exporter's HTML (a page of known shape, so a pattern reader suffices). */
export function htmlTables(html: string): { rowClass: string; cells: HtmlCell[] }[][] {
    return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map(([, table]) =>
        [...table.matchAll(/<tr class="([^"]*)">([\s\S]*?)<\/tr>/g)].map(([, rowClass, row]) => ({
            rowClass,
            cells: [...row.matchAll(/<(th|td)([^>]*)>([\s\S]*?)<\/\1>/g)].map(([, tag, attrs, content]) => ({
                tag: tag as 'th' | 'td',
                text: decodeHtml(content.replace(/<\/?span[^>]*>/g, '')),
                boldRuns: [...content.matchAll(/<span class="bold">([\s\S]*?)<\/span>/g)].map(m => decodeHtml(m[1])),
                colSpan: Number(/colspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
                rowSpan: Number(/rowspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
                classes: (/class="([^"]*)"/.exec(attrs)?.[1] ?? '').split(' ')
            }))
        })));
}

// ---- Zip parts ------------------------------------------------------------------------------------

/**
 * Every XML part of a DOCX or XLSX, decoded as strict UTF-8 (a lone surrogate that an encoder wrote
 * as CESU bytes fails here) and parsed by saxes, which checks XML 1.0's character ranges; a part
 * that fails names itself in the error.
 */
export async function xmlParts(data: Uint8Array): Promise<Map<string, XmlNode>> {
    const zip = await JSZip.loadAsync(data);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const parts = new Map<string, XmlNode>();
    for (const name of Object.keys(zip.files).sort()) {
        if (zip.files[name].dir || !/\.(xml|rels)$/.test(name)) continue;
        try {
            parts.set(name, parseXml(decoder.decode(await zip.files[name].async('uint8array'))));
        } catch (error) {
            throw new Error(`${name}: ${(error as Error).message}`);
        }
    }
    return parts;
}

// ---- Plans with arbitrary labels (export-fuzz.test.ts) ---------------------------------------------

/** A plan string literal: the grammar's STRING takes any character but `"` and `\` raw. */
const literal = (s: string) => `"${s.replace(/[\\"]/g, c => `\\${c}`)}"`;

/** Every label of a plan that can reach an annex, the file's properties or its name. */
export interface Labels {
    planTitle: string; number: string; code: string; issuer: string; issuerShort: string; place: string; kind: string;
    headerTitle: string; agencyA: string; agencyB: string; district1: string; district2: string;
    tableTitle: string; annex1: string; heading: string; sectionTitle: string; subtotal: string; total: string;
    dimension: string; dimensionHeading: string; indicator1: string; indicator2: string; unit: string;
    indicatorTable: string; annex2: string; target: string; tasks: string; annex3: string; task: string; note: string;
}

export function planWithLabels(l: Labels): string {
    const q = literal;
    return `plan fuzz_plan ${q(l.planTitle)}
number-style vi
header {
    number ${q(l.number)} code ${q(l.code)}
    issuer ${q(l.issuer)}
    issuer-short ${q(l.issuerShort)}
    place ${q(l.place)}
    kind ${q(l.kind)}
    title ${q(l.headerTitle)}
    date 3/4/2024
    period 2023 to 2025
}
agency A ${q(l.agencyA)} department
agency B ${q(l.agencyB)} department
district D1 ${q(l.district1)} huyen
district D2 ${q(l.district2)} huyen
table t ${q(l.tableTitle)} {
    annex ${q(l.annex1)}
    heading ${q(l.heading)}
    years { 2023 result  2024 plan }
    columns households poor poor-rate
    section I ${q(l.sectionTitle)} {
        row 1 D1 {
            2023: 1.000 20 2,00
            2024: 1.000 10 1,00
        }
        subtotal ${q(l.subtotal)} {
            2023: 1.000 20 2,00
            2024: 1.000 10 1,00
        }
    }
    row 2 D2 {
        2023: 2.000 10 0,50
        2024: 2.000 10 0,50
    }
    total ${q(l.total)} {
        2023: 3.000 30 1,00
        2024: 3.000 20 0,67
    }
}
dimension dim ${q(l.dimension)} {
    heading ${q(l.dimensionHeading)}
    indicator ind1 ${q(l.indicator1)} {
        unit percent  direction lower  lead A
        baseline 2023 = 9,7   plan 2024 = 9
    }
    indicator ind2 ${q(l.indicator2)} {
        unit ${q(l.unit)}  lead B coordinate A
        baseline 2023 = 12   plan 2024 = 14
    }
}
indicator-table ${q(l.indicatorTable)} annex ${q(l.annex2)}
target tg { indicator ind1 year 2024 below 10 text ${q(l.target)} }
tasks ${q(l.tasks)} {
    annex ${q(l.annex3)}
    task 1 ${q(l.task)} { lead A coordinate B submit 2024 note ${q(l.note)} }
}
`;
}

export const ORDINARY_LABELS: Labels = {
    planTitle: 'Kế hoạch thử', number: '12', code: 'KH-UBND', issuer: 'Ủy ban nhân dân tỉnh Thử', issuerShort: 'UBND tỉnh',
    place: 'Thử', kind: 'KẾ HOẠCH', headerTitle: 'Giảm nghèo', agencyA: 'Sở Y tế', agencyB: 'Sở Giáo dục',
    district1: 'Phù Cừ', district2: 'Kim Động', tableTitle: 'Dự kiến tỷ lệ hộ nghèo', annex1: '01', heading: 'Dự kiến',
    sectionTitle: 'Khu vực nông thôn', subtotal: 'Cộng', total: 'Tổng cộng', dimension: 'Y tế', dimensionHeading: 'Y tế',
    indicator1: 'Tỷ lệ trẻ em suy dinh dưỡng', indicator2: 'Số hộ', unit: 'Hộ', indicatorTable: 'Các chỉ tiêu', annex2: '02',
    target: 'dưới 10%', tasks: 'Nhiệm vụ', annex3: '03', task: 'Xây dựng đề án', note: 'Ghi chú'
};

/** Characters a file format may choke on, and the syntax of every format, often. */
const NASTY = [
    '\v', '\f', '\0', '\x1b', '\x01', '\x08', '\x7f', '\x85', '\x9b', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029',
    '\uFFFE', '\uFFFF', '\uFDD0', '\u{1FFFF}', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF', '\u00A0',
    '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
    '<', '>', '&', '"', "'", '&amp;', '<br>', ']]>', '|', '\\', '*', '_', '`', '[', ']', '#', '~', ',', ';',
    '=', '+', '-', '@', ':', '/', '?', ' ', '  ', '𝐀', 'ệ', 'ẽ', 'Phụ lục', 'History'
];
const unit = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xD800, max: 0xDFFF }).map(c => String.fromCharCode(c)) }
);
export const nastyText = fc.string({ unit, maxLength: 12 });
export const nastyLabels: fc.Arbitrary<Labels> = fc.record(
    Object.fromEntries(Object.keys(ORDINARY_LABELS).map(k => [k, nastyText])) as { [K in keyof Labels]: fc.Arbitrary<string> }
);
