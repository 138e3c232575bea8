// DOCX export: the annexes in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins top and
// bottom 20 mm, left 30 mm, right 15 mm, Times New Roman in black; each annex its own section on a new
// page (landscape when the view says so) numbering its own pages; "Phụ lục NN" on its own line, the
// title in capitals, the italic "(Kèm theo …)" line; table header rows repeated on every page.
import {
    AlignmentType, BorderStyle, convertMillimetersToTwip, Document, Header, HeightRule, Packer, PageNumber,
    PageOrientation, Paragraph, SectionType, Table, TableCell, TableLayoutType, TableRow, TextRun,
    VerticalAlign, WidthType, type ISectionOptions
} from 'docx';
import type { AnnexCell, AnnexRow, AnnexTable, PlanView } from '../../../common/view.js';
import { annexGrids, fitColumnWidths, layoutRows, minimumColumnEms, officialCaps } from './grid.js';
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

/** Table text size: 13 pt where the columns leave room, smaller for wide tables such as Annex 01. */
function tableFontSize(columns: number): number {
    return columns >= 12 ? 22 : columns >= 8 ? 24 : 26;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Left and right cell padding, 1 mm in twips. */
const CELL_MARGIN = 57;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: BLACK };

function centred(text: string, run: { bold?: boolean; italics?: boolean }, after = 0): Paragraph {
    return new Paragraph({
        alignment: AlignmentType.CENTER, spacing: { after },
        children: [new TextRun({ text, size: SIZE_ANNEX, ...run })]
    });
}

/**
 * A cell's text as runs, a bold part of it (the view's runs) in bold; line breaks in the text stay
 * line breaks in the cell.
 */
function cellParagraph(cell: AnnexCell, size: number, bold: boolean): Paragraph {
    const parts = cell.runs ?? [{ text: cell.text }];
    const children = parts.flatMap(part => part.text.split(/\r\n|\r|\n/).map((line, i) =>
        new TextRun({ text: line, size, bold: bold || part.bold === true, break: i > 0 ? 1 : undefined })));
    return new Paragraph({
        alignment: ALIGN[cell.align ?? 'left'],
        spacing: { before: 20, after: 20 },
        children: cell.text === '' ? [] : children
    });
}

function annexTable(annex: AnnexTable, contentWidth: number): Table {
    const { width } = annexGrids(annex);
    const weights = Array.from({ length: width }, (_, i) => Math.max(1, annex.columns[i]?.width ?? 8));
    const size = tableFontSize(width);
    // size is in half-points; an em is `size * 10` twips. Cell margins and a little slack on top.
    const minimums = minimumColumnEms(annex).map(ems => Math.ceil(ems * size * 10 * 1.08) + CELL_MARGIN * 2);
    const columnWidths = fitColumnWidths(weights, minimums, contentWidth).map(w => Math.floor(w));
    const makeRow = (row: AnnexRow, header: boolean, startColumns: number[]) => new TableRow({
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
                children: [cellParagraph(cell, size, header || cell.bold === true || row.kind === 'total')]
            });
        })
    });
    return new Table({
        width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths,
        layout: TableLayoutType.FIXED,
        alignment: AlignmentType.CENTER,
        margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
        borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
        rows: [
            ...gridStarts(annex.header, width).map(({ row, starts }) => makeRow(row, true, starts)),
            ...gridStarts(annex.body, width).map(({ row, starts }) => makeRow(row, false, starts))
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

/** An annex on its own section: a new page, landscape when the view says so, its pages numbered from 1. */
export function annexSection(annex: AnnexTable): ISectionOptions {
    const landscape = annex.orientation === 'landscape';
    const pageWidth = landscape ? A4.height : A4.width;
    const contentWidth = pageWidth - MARGIN.left - MARGIN.right;
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
            annexTable(annex, contentWidth),
            new Paragraph({})
        ]
    };
}

export async function renderDocx(plan: PlanView): Promise<Uint8Array> {
    // docx writes text into its XML as given: characters XML 1.0 forbids must go first.
    const view = exportView(plan);
    const sections = view.annexes.map(annexSection);
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
