// DOCX export: the annexes in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins top and
// bottom 20 mm, left 30 mm, right 15 mm, Times New Roman in black; each annex its own section on a new
// page (landscape when the view says so) numbering its own pages; "Phụ lục NN" on its own line, the
// title in capitals, the italic "(Kèm theo …)" line; table header rows repeated on every page.
import {
    AlignmentType, BorderStyle, convertMillimetersToTwip, Document, Header, HeightRule, LineRuleType, Packer, PageNumber,
    PageOrientation, Paragraph, SectionType, Table, TableCell, TableLayoutType, TableRow, TextRun,
    VerticalAlign, WidthType, type ISectionOptions, type ParagraphChild
} from 'docx';
import type { AnnexCell, AnnexRow, AnnexTable, PlanView } from '../../../common/view.js';
import { annexGrids, fitColumnWidths, layoutRows, minimumColumnEms, officialCaps, TAIL_ROWS } from './grid.js';
import { exportView } from './text.js';
import { say } from '../../../common/catalogue.js';
import { ANNEX_LOCALE } from '../../../common/words/annex.js';
import { KINDS } from '../../../common/words/kinds.js';

export const FONT = 'Times New Roman';
export const BLACK = '000000';
/** A4 in twentieths of a point, portrait; docx swaps the sides for a landscape section. */
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = {
    top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20),
    left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15)
};
/** Half-points: 14 pt for the annex lines, as the decree asks. */
const SIZE_ANNEX = 28;

/**
 * Table text sizes in half-points, largest first: 12 pt, the size of the published annexes, unless a
 * table's columns do not fit their longest words at that size.
 */
const TABLE_SIZES = [24, 22, 20, 18, 16];

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Cell padding in twips: 1 mm left and right, 0,5 mm above and below. */
const CELL_MARGIN = { left: 57, right: 57, top: 28, bottom: 28 };

export { TAIL_ROWS } from './grid.js';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: BLACK };

/** An annex line above the table, kept on the page of the table's first rows. */
function centred(text: string, run: { bold?: boolean; italics?: boolean }, after = 0): Paragraph {
    return new Paragraph({
        alignment: AlignmentType.CENTER, spacing: { after }, keepNext: true,
        children: [new TextRun({ text, size: SIZE_ANNEX, ...run })]
    });
}

/**
 * A cell's text as runs, a bold part of it (the view's runs) in bold; line breaks in the text stay
 * line breaks in the cell.
 */
/** Puts a cell's findings around its runs (Word comments: document-docx.ts with the findings in the text). */
export type CellAnchor = (findings: AnnexCell['findings'], runs: ParagraphChild[]) => ParagraphChild[];

function cellParagraph(cell: AnnexCell, size: number, bold: boolean, keepNext: boolean, anchor?: CellAnchor): Paragraph {
    const parts = cell.runs ?? [{ text: cell.text }];
    const children = parts.flatMap(part => part.text.split(/\r\n|\r|\n/).map((line, i) =>
        new TextRun({ text: line, size, bold: bold || part.bold === true, break: i > 0 ? 1 : undefined })));
    return new Paragraph({
        alignment: ALIGN[cell.align ?? 'left'],
        spacing: { before: 0, after: 0 },
        keepNext: keepNext || undefined,
        children: cell.text === '' ? [] : anchor ? anchor(cell.findings, children) : children
    });
}

/** The content width of an annex's page, in twips. */
function contentWidthOf(annex: AnnexTable): number {
    return (annex.orientation === 'landscape' ? A4.height : A4.width) - MARGIN.left - MARGIN.right;
}

/** The narrowest each column of an annex may be at a text size (half-points): its longest word, the padding, a little slack. */
function minimumWidths(annex: AnnexTable, size: number): number[] {
    // An em is `size * 10` twips.
    return minimumColumnEms(annex).map(ems => Math.ceil(ems * size * 10 * 1.08) + CELL_MARGIN.left + CELL_MARGIN.right);
}

/**
 * One text size for the tables of every annex, as a document sets them: 12 pt, or the largest size at
 * which the widest annex's columns still hold their longest words.
 */
export function annexTextSize(annexes: AnnexTable[]): number {
    return TABLE_SIZES.find(size => annexes.every(a => minimumWidths(a, size).reduce((x, y) => x + y, 0) <= contentWidthOf(a))) ?? TABLE_SIZES.at(-1)!;
}

function annexTable(annex: AnnexTable, size: number, anchor?: CellAnchor): Table {
    const { width } = annexGrids(annex);
    const weights = Array.from({ length: width }, (_, i) => Math.max(1, annex.columns[i]?.width ?? 8));
    const columnWidths = fitColumnWidths(weights, minimumWidths(annex, size), contentWidthOf(annex)).map(w => Math.floor(w));
    // The rows that keep with the next: the last TAIL_ROWS rows of the body go to a page together.
    const keepFrom = annex.body.length - TAIL_ROWS;
    const makeRow = (row: AnnexRow, header: boolean, startColumns: number[], index: number) => new TableRow({
        tableHeader: header ? true : undefined,
        cantSplit: true,
        height: header ? { value: 400, rule: HeightRule.ATLEAST } : undefined,
        children: row.cells.map((cell, i) => {
            const span = Math.max(1, cell.colSpan ?? 1);
            const start = startColumns[i];
            const cellWidth = columnWidths.slice(start, start + span).reduce((a, b) => a + b, 0);
            return new TableCell({
                columnSpan: span > 1 ? span : undefined,
                rowSpan: (cell.rowSpan ?? 1) > 1 ? cell.rowSpan : undefined,
                width: { size: cellWidth, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                children: [cellParagraph(cell, size, header || cell.bold === true || row.kind === 'total',
                    !header && index >= keepFrom && index < annex.body.length - 1, header ? undefined : anchor)]
            });
        })
    });
    return new Table({
        width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths,
        layout: TableLayoutType.FIXED,
        alignment: AlignmentType.CENTER,
        margins: CELL_MARGIN,
        borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
        rows: [
            ...gridStarts(annex.header, width).map(({ row, starts }, i) => makeRow(row, true, starts, i)),
            ...gridStarts(annex.body, width).map(({ row, starts }, i) => makeRow(row, false, starts, i))
        ]
    });
}

/** The grid column where each of a row's cells starts (row spans from above push cells right). */
function gridStarts(rows: AnnexRow[], width: number): { row: AnnexRow; starts: number[] }[] {
    const grid = layoutRows(rows, width);
    return rows.map((row, r) => {
        const startOf = new Map<AnnexCell, number>();
        grid.slots[r].forEach((slot, c) => { if (slot?.origin) startOf.set(slot.cell, c); });
        return { row, starts: row.cells.map(cell => startOf.get(cell) ?? 0) };
    });
}

/**
 * An annex on its own section: a new page, landscape when the view says so, its pages numbered from 1;
 * `size`: the text size of its table (annexTextSize), the same for every annex of a document.
 */
export function annexSection(annex: AnnexTable, size = annexTextSize([annex]), anchor?: CellAnchor): ISectionOptions {
    const landscape = annex.orientation === 'landscape';
    const pageNumber = new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE_ANNEX })]
    });
    return {
        properties: {
            type: SectionType.NEXT_PAGE,
            // The decree prints no number on an annex's first page and numbers each annex from 1.
            titlePage: true,
            page: {
                size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
                margin: { ...MARGIN, header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10) },
                pageNumbers: { start: 1 }
            }
        },
        headers: {
            default: new Header({ children: [pageNumber] }),
            first: new Header({ children: [new Paragraph({})] })
        },
        children: [
            centred(annex.label, { bold: true }),
            ...(annex.heading ? [centred(officialCaps(annex.heading), { bold: true })] : []),
            centred(officialCaps(annex.title), { bold: true }),
            centred(annex.subtitle, { italics: true }, 240),
            annexTable(annex, size, anchor),
            // The paragraph a section needs after its table, one point high: a table that fills the
            // page would otherwise push it onto a page of its own.
            new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] })
        ]
    };
}

export async function renderDocx(plan: PlanView): Promise<Uint8Array> {
    // docx writes text into its XML as given: characters XML 1.0 forbids must go first.
    const view = exportView(plan);
    const size = annexTextSize(view.annexes);
    const sections = view.annexes.map(annex => annexSection(annex, size));
    const document = new Document({
        creator: view.header.issuer ?? 'plan',
        title: view.header.title ?? view.id,
        description: `${view.header.kind ?? say(KINDS.PlanDocument.title, ANNEX_LOCALE)} ${view.header.number}`.trim(),
        styles: {
            default: {
                document: { run: { font: FONT, size: SIZE_ANNEX, color: BLACK } }
            }
        },
        // A plan with no annex still gives a valid (empty) document.
        sections: sections.length > 0 ? sections : [{ children: [new Paragraph({})] }]
    });
    return new Uint8Array(await Packer.toArrayBuffer(document));
}
