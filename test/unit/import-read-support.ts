// Shared by the import reader tests: office files made in the test (exceljs writes workbooks, jszip
// crafts Word documents and hostile zips), and grids shown as text for compact assertions.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Grid } from '../../language-server/src/import/grid.js';

/** A workbook made by exceljs, as bytes. */
export async function xlsxOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    build(workbook);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    + 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    + 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    + 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    + 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    + 'xmlns:v="urn:schemas-microsoft-com:vml"';

/** document.xml around a body. */
export function documentXml(body: string, prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'): string {
    return `${prolog}\n<w:document ${W_NS}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A minimal .docx (what Word needs to open it; the reader needs only word/document.xml). */
export async function docxOf(documentText: string, extra: Record<string, string | Uint8Array> = {}): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/>'
        + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/document.xml', documentText);
    for (const [name, data] of Object.entries(extra)) zip.file(name, data);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A paragraph of plain runs; `bold` wraps every run in <w:b/>. */
export function para(text: string, options: { bold?: boolean; pPr?: string } = {}): string {
    const rPr = options.bold ? '<w:rPr><w:b/></w:rPr>' : '';
    return `<w:p>${options.pPr ? `<w:pPr>${options.pPr}</w:pPr>` : ''}<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A table cell: its properties and paragraphs. */
export function tc(content: string, tcPr = ''): string {
    return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content}</w:tc>`;
}

export function tbl(rows: string[][]): string {
    return `<w:tbl><w:tblPr/>${rows.map(cells => `<w:tr>${cells.join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** Rewrites some parts of a zip (an exceljs workbook, say) and zips it again. */
export async function rezip(bytes: Uint8Array, parts: Record<string, string | Uint8Array>): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(bytes);
    for (const [name, data] of Object.entries(parts)) zip.file(name, data);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The grid as text: covered cells "·", each row joined by " | ". */
export function gridText(grid: Grid): string[] {
    return grid.rows.map(row => row.map(cell => (cell === undefined ? '·' : cell.text)).join(' | '));
}

/** The text of the cell at an Excel-like address, for compact assertions. */
export function at(grid: Grid, row: number, column: number): string | undefined {
    return grid.rows[row]?.[column]?.text;
}
