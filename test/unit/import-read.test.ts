// The import readers (issue 18): office files and clipboard contents into neutral grids of cells as
// printed. Every input is made here: workbooks by exceljs, Word documents by jszip, CSV and HTML as
// strings shaped like what Excel, LibreOffice and Word write; and the seed's annexes exported by the
// project's own exporters and read back.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../language-server/src/export/index.js';
import type { Grid, SourceDocument } from '../../language-server/src/import/grid.js';
import { readClipboard, readSource } from '../../language-server/src/import/read/index.js';
import { sniffSeparator } from '../../language-server/src/import/read/csv.js';
import type { PlanView } from '../../common/view.js';
import { seedView } from './export-support.js';
import { at, documentXml, docxOf, gridText, para, tbl, tc, xlsxOf } from './import-read-support.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** A two-level header with a merged year over three columns, one row, one total. */
async function twoLevelWorkbook(): Promise<Uint8Array> {
    return xlsxOf(workbook => {
        const sheet = workbook.addWorksheet('Biểu 01');
        sheet.getCell('A1').value = 'STT';
        sheet.getCell('B1').value = 'Đơn vị';
        sheet.getCell('C1').value = 'Năm 2024';
        sheet.mergeCells('A1:A2');
        sheet.mergeCells('B1:B2');
        sheet.mergeCells('C1:E1');
        sheet.getCell('C2').value = 'Tổng số hộ';
        sheet.getCell('D2').value = 'Số hộ nghèo';
        sheet.getCell('E2').value = 'Tỷ lệ (%)';
        for (const a of ['A1', 'B1', 'C1', 'C2', 'D2', 'E2']) sheet.getCell(a).font = { bold: true };
        sheet.getRow(3).values = [1, 'Phù Cừ', 29822, 946, 3.1688];
        sheet.getCell('C3').numFmt = '#,##0';
        sheet.getCell('D3').numFmt = '#,##0';
        sheet.getCell('E3').numFmt = '0.00';
        sheet.getCell('A4').value = 'Tổng cộng';
        sheet.mergeCells('A4:B4');
        sheet.getCell('C4').value = { formula: 'SUM(C3:C3)', result: 29822 };
        sheet.getCell('C4').numFmt = '#,##0';
        sheet.getCell('D4').value = { formula: 'SUM(D3:D3)', result: 946 };
        sheet.getCell('E4').value = { formula: 'D4/C4*100', result: 3.1721547850580108 };
        sheet.getCell('E4').numFmt = '0.00';
        workbook.addWorksheet('Ghi chú').getCell('A1').value = 'Số liệu mẫu';
    });
}

describe('XLSX', () => {
    let vi: SourceDocument;

    beforeAll(async () => {
        vi = await readSource(await twoLevelWorkbook(), 'bieu-01.xlsx', { numberStyle: 'vi' });
    });

    it('gives one grid per sheet, named as the sheet, from A1', () => {
        expect(vi.format).toBe('xlsx');
        expect(vi.grids.map(g => [g.name, g.index, g.addressing])).toEqual([['Biểu 01', 1, 'sheet'], ['Ghi chú', 2, 'sheet']]);
        expect(gridText(vi.grids[1])).toEqual(['Số liệu mẫu']);
    });

    it('keeps a two-level header with its merged year cell, covered cells undefined', () => {
        const grid = vi.grids[0];
        expect(gridText(grid)).toEqual([
            'STT | Đơn vị | Năm 2024 | · | ·',
            '· | · | Tổng số hộ | Số hộ nghèo | Tỷ lệ (%)',
            '1 | Phù Cừ | 29.822 | 946 | 3,17',
            'Tổng cộng | · | 29.822 | 946 | 3,17'
        ]);
        expect(grid.merges).toEqual(expect.arrayContaining([
            { top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 },
            { top: 0, left: 2, bottom: 0, right: 4 }, { top: 3, left: 0, bottom: 3, right: 1 }
        ]));
        expect(grid.merges).toHaveLength(4);
        expect(grid.rows[0][2]?.bold).toBe(true);
        expect(grid.rows[2][1]?.bold).toBeUndefined();
    });

    it('prints numbers with their own format, keeping value, decimals and grouping', () => {
        const row = vi.grids[0].rows[2];
        expect(row[2]).toEqual({ text: '29.822', value: 29822, decimals: 0, grouped: true });
        expect(row[4]).toEqual({ text: '3,17', value: 3.1688, decimals: 2, grouped: false });
        // General: the shortest exact digits.
        expect(row[0]).toEqual({ text: '1', value: 1, decimals: 0, grouped: false });
    });

    it('prints the same numbers in the international style when asked', async () => {
        const doc = await readSource(await twoLevelWorkbook(), 'bieu-01.xlsx', { numberStyle: 'international' });
        expect(gridText(doc.grids[0])[2]).toBe('1 | Phù Cừ | 29,822 | 946 | 3.17');
    });

    it('keeps a formula cell inert: its cached result as value and text, the formula as text', () => {
        const total = vi.grids[0].rows[3];
        expect(total[2]).toEqual({ text: '29.822', value: 29822, decimals: 0, grouped: true, formula: 'SUM(C3:C3)' });
        expect(total[4]).toMatchObject({ text: '3,17', value: 3.1721547850580108, decimals: 2, formula: 'D4/C4*100' });
    });

    it('reads one sheet by name', async () => {
        const doc = await readSource(await twoLevelWorkbook(), 'bieu-01.xlsx', { numberStyle: 'vi', sheet: 'Ghi chú' });
        expect(doc.grids.map(g => [g.name, g.index])).toEqual([['Ghi chú', 2]]);
    });

    it('prints percent, dates, General decimals, hyperlinks, rich text, text typed as numbers, hidden rows', async () => {
        const bytes = await xlsxOf(workbook => {
            const sheet = workbook.addWorksheet('Sheet1');
            sheet.getCell('A1').value = 0.0127;
            sheet.getCell('A1').numFmt = '0.00%';
            sheet.getCell('A2').value = new Date(Date.UTC(2024, 2, 15));
            sheet.getCell('A2').numFmt = 'dd/mm/yyyy';
            sheet.getCell('A3').value = 1234.5678;
            sheet.getCell('A4').value = { text: 'Phù Cừ', hyperlink: 'https://example.org/phu-cu' };
            sheet.getCell('A5').value = { richText: [{ text: 'Tổng ', font: { bold: true } }, { text: 'cộng', font: { bold: true } }] };
            sheet.getCell('A6').value = '29.822';
            sheet.getCell('A6').numFmt = '@';
            sheet.getCell('A7').value = 1234567.891;
            sheet.getCell('A7').numFmt = '#,##0.0_);(#,##0.0)';
            sheet.getCell('B7').value = -42;
            sheet.getCell('B7').numFmt = '#,##0_);(#,##0)';
            sheet.getRow(3).hidden = true;
            sheet.getColumn(2).hidden = true;
        });
        const vi = (await readSource(bytes, 'x.xlsx', { numberStyle: 'vi' })).grids[0];
        expect(vi.rows[0][0]).toEqual({ text: '1,27%', value: 0.0127, decimals: 2, grouped: false, percent: true });
        expect(vi.rows[1][0]?.text).toBe('15/03/2024');
        expect(vi.rows[2][0]).toEqual({ text: '1234,5678', value: 1234.5678, decimals: 4, grouped: false });
        expect(vi.rows[3][0]).toEqual({ text: 'Phù Cừ', hyperlink: 'https://example.org/phu-cu' });
        expect(vi.rows[4][0]).toEqual({ text: 'Tổng cộng', bold: true });
        expect(vi.rows[5][0]).toEqual({ text: '29.822', textTyped: true });
        expect(vi.rows[6][0]).toMatchObject({ text: '1.234.567,9', decimals: 1, grouped: true });
        expect(vi.rows[6][1]).toMatchObject({ text: '(42)', value: -42 });
        expect(vi.hiddenRows).toEqual([2]);
        expect(vi.hiddenColumns).toEqual([1]);
        const intl = (await readSource(bytes, 'x.xlsx', { numberStyle: 'international' })).grids[0];
        expect(intl.rows[0][0]?.text).toBe('1.27%');
        expect(intl.rows[6][0]?.text).toBe('1,234,567.9');
    });

    it('takes the format from the bytes when the name has no known extension', async () => {
        const doc = await readSource(await twoLevelWorkbook(), 'tai-ve', { numberStyle: 'vi' });
        expect(doc.format).toBe('xlsx');
    });
});

describe('CSV and TSV', () => {
    const semicolon = 'STT;Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ (%)\r\n1;Phù Cừ;29.822;946;3,17\r\n2;Tiên Lữ;30.365;726;2,39\r\n;Tổng cộng;60.187;1.672;2,78\r\n';
    const comma = 'STT,Đơn vị,Tổng số hộ,Số hộ nghèo,Tỷ lệ (%)\n1,Phù Cừ,29822,946,"3,17"\n2,"Huyện ""Tiên Lữ""",30365,726,"2,39"\n,Tổng cộng,60187,1672,"2,78"\n';

    it('sniffs ";" from a Vietnamese-settings CSV whose numbers hold dots and commas unquoted', async () => {
        expect(sniffSeparator(semicolon)).toBe(';');
        const doc = await readSource(encode(semicolon), 'bieu.csv', { numberStyle: 'vi' });
        expect(doc.format).toBe('csv');
        expect(doc.grids[0].name).toBe('bieu');
        expect(gridText(doc.grids[0])).toEqual([
            'STT | Đơn vị | Tổng số hộ | Số hộ nghèo | Tỷ lệ (%)',
            '1 | Phù Cừ | 29.822 | 946 | 3,17',
            '2 | Tiên Lữ | 30.365 | 726 | 2,39',
            ' | Tổng cộng | 60.187 | 1.672 | 2,78'
        ]);
    });

    it('sniffs "," when the decimal commas are quoted, and unquotes as written', async () => {
        expect(sniffSeparator(comma)).toBe(',');
        const grid = (await readSource(encode(comma), 'bieu.csv', { numberStyle: 'vi' })).grids[0];
        expect(at(grid, 1, 4)).toBe('3,17');
        expect(at(grid, 2, 1)).toBe('Huyện "Tiên Lữ"');
        expect(grid.rows[1][2]).toEqual({ text: '29822' });
    });

    it('reads TSV by extension and by sniffing, padding ragged rows', async () => {
        const tsv = 'Đơn vị\tSố hộ\nPhù Cừ\t29.822\t(ghi chú)\nTiên Lữ\n';
        for (const name of ['bieu.tsv', 'bieu.txt']) {
            const grid = (await readSource(encode(tsv), name, { numberStyle: 'vi' })).grids[0];
            expect(gridText(grid)).toEqual(['Đơn vị | Số hộ | ', 'Phù Cừ | 29.822 | (ghi chú)', 'Tiên Lữ |  | ']);
        }
    });

    it('decodes UTF-8 with a BOM and UTF-16 LE and BE by their BOM', async () => {
        const expected = gridText((await readSource(encode(semicolon), 'a.csv', { numberStyle: 'vi' })).grids[0]);
        const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(semicolon)]);
        const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(semicolon, 'utf16le')]);
        const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(semicolon, 'utf16le').swap16()]);
        for (const bytes of [bom, le, be]) {
            const grid = (await readSource(bytes, 'a.csv', { numberStyle: 'vi' })).grids[0];
            expect(gridText(grid)).toEqual(expected);
            expect(at(grid, 0, 0)).toBe('STT');
        }
    });

    it('keeps a quoted field over several lines as one cell', async () => {
        const grid = (await readSource(encode('a;b\n"dòng 1\ndòng 2";3,5\n'), 'a.csv', { numberStyle: 'vi' })).grids[0];
        expect(gridText(grid)).toEqual(['a | b', 'dòng 1\ndòng 2 | 3,5']);
    });
});

describe('DOCX', () => {
    const header = tbl([
        [tc(para('STT', { bold: true }), '<w:vMerge w:val="restart"/>'), tc(para('Đơn vị', { bold: true }), '<w:vMerge w:val="restart"/>'),
            tc(para('Năm 2024', { bold: true }), '<w:gridSpan w:val="3"/>')],
        [tc(para(''), '<w:vMerge/>'), tc(para(''), '<w:vMerge/>'), tc(para('Tổng số hộ')), tc(para('Số hộ nghèo')), tc(para('Tỷ lệ (%)'))],
        [tc(para('1')), tc(para('Huyện') + para('Phù Cừ')), tc(para('29.822')), tc(para('946')), tc(para('3,17'))],
        [tc(para('Tổng cộng', { bold: true }), '<w:gridSpan w:val="2"/>'), tc(para('29.822')), tc(para('946')), tc(para('3,17'))]
    ]);
    const textBox = '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
        + `<w:txbxContent>${para('Trong hộp chữ')}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`
        + `<mc:Fallback><w:pict><v:textbox><w:txbxContent>${para('Trong hộp chữ')}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
        + '<w:r><w:t>Đoạn neo</w:t></w:r></w:p>';
    const body = [
        para('KẾ HOẠCH', { bold: true, pPr: '<w:pStyle w:val="Title"/><w:jc w:val="center"/>' }),
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:rPr><w:b/></w:rPr></w:pPr>'
            + '<w:r><w:t xml:space="preserve">Mục </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>một</w:t></w:r><w:r><w:tab/><w:t>sau</w:t></w:r>'
            + '<w:del><w:r><w:delText>đã xoá</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> thêm</w:t></w:r></w:ins></w:p>',
        header,
        para('Giữa hai bảng'),
        `<w:sdt><w:sdtPr/><w:sdtContent>${tbl([[tc(para('Trong điều khiển nội dung')), tc(tbl([[tc(para('a')), tc(para('b'))], [tc(para('c')), tc(para('d'))]]))]])}</w:sdtContent></w:sdt>`,
        textBox,
        para('Cuối')
    ].join('');
    let doc: SourceDocument;

    beforeAll(async () => {
        doc = await readSource(await docxOf(documentXml(body)), 'ke-hoach.docx', { numberStyle: 'vi' });
    });

    it('gives paragraphs and tables in document order', () => {
        expect(doc.format).toBe('docx');
        expect(doc.blocks?.map(b => (b.kind === 'table' ? `[${b.grid}]` : b.text))).toEqual([
            'KẾ HOẠCH', 'Mục một\tsau thêm', '[1]', 'Giữa hai bảng', '[2]', 'Trong hộp chữ', 'Đoạn neo', 'Cuối'
        ]);
        expect(doc.grids.map(g => [g.name, g.index, g.addressing])).toEqual([['Bảng 1', 1, 'table'], ['Bảng 2', 2, 'table']]);
    });

    it('keeps a paragraph\'s style, alignment, numbering and whole-paragraph bold', () => {
        const [title, item] = doc.blocks ?? [];
        expect(title).toEqual({ kind: 'paragraph', text: 'KẾ HOẠCH', bold: true, italic: false, align: 'center', style: 'Title' });
        // Mixed runs leave bold undefined; the paragraph mark's bold (pPr/rPr) is not a run's.
        expect(item).toEqual({ kind: 'paragraph', text: 'Mục một\tsau thêm', italic: false, numberingLevel: 1 });
    });

    it('lays out vMerge and gridSpan as merges, joins a cell\'s paragraphs by line breaks', () => {
        const grid = doc.grids[0];
        expect(gridText(grid)).toEqual([
            'STT | Đơn vị | Năm 2024 | · | ·',
            '· | · | Tổng số hộ | Số hộ nghèo | Tỷ lệ (%)',
            '1 | Huyện\nPhù Cừ | 29.822 | 946 | 3,17',
            'Tổng cộng | · | 29.822 | 946 | 3,17'
        ]);
        expect(grid.merges).toEqual([
            { top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 },
            { top: 0, left: 2, bottom: 0, right: 4 }, { top: 3, left: 0, bottom: 3, right: 1 }
        ]);
        expect(grid.rows[0][2]?.bold).toBe(true);
        expect(grid.rows[3][0]?.bold).toBe(true);
        expect(grid.rows[2][2]?.bold).toBeUndefined();
    });

    it('finds the main part where the package\'s relationships point', async () => {
        const moved = await docxOf('<x/>', {
            '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>',
            'word/document2.xml': documentXml(para('Ở phần khác'))
        });
        const blocks = (await readSource(moved, 'online.docx', { numberStyle: 'vi' })).blocks;
        expect(blocks?.map(b => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['Ở phần khác']);
    });

    it('finds a table inside a content control and flattens a nested table into its cell', () => {
        expect(gridText(doc.grids[1])).toEqual(['Trong điều khiển nội dung | a\tb\nc\td']);
    });
});

describe('HTML from the clipboard', () => {
    const excel = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15">
<style><!--table {mso-displayed-decimal-separator:"\\,"; mso-displayed-thousand-separator:"\\.";}
.xl65 {mso-style-parent:style0; font-weight:700; text-align:center; border:.5pt solid windowtext;}
.xl66 {mso-style-parent:style0; mso-number-format:"\\#\\,\\#\\#0"; border:.5pt solid windowtext;}
.xl67 {mso-style-parent:style0; mso-number-format:"0\\.00"; border:.5pt solid windowtext;}
--></style></head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=320 style='border-collapse:collapse;width:240pt'>
<!--StartFragment-->
 <col width=64 span=5 style='width:48pt'>
 <tr height=20 style='height:15.0pt'>
  <td rowspan=2 height=40 class=xl65 width=64 style='height:30.0pt;width:48pt'>STT</td>
  <td rowspan=2 class=xl65 width=64 style='width:48pt'>Đơn vị</td>
  <td colspan=3 class=xl65 width=192 style='border-left:none;width:144pt'>Năm 2024</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl65 style='height:15.0pt;border-top:none;border-left:none'>Tổng số hộ</td>
  <td class=xl65 style='border-top:none;border-left:none'>Số hộ nghèo</td>
  <td class=xl65 style='border-top:none;border-left:none'>Tỷ lệ (%)</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl66 align=right style='height:15.0pt;border-top:none' x:num>1</td>
  <td class=xl66 style='border-top:none;border-left:none'>Phù   Cừ</td>
  <td class=xl66 align=right style='border-top:none;border-left:none' x:num="29822">29.822</td>
  <td class=xl66 align=right style='border-top:none;border-left:none' x:num>946</td>
  <td class=xl67 align=right style='border-top:none;border-left:none' x:num="3.1688">3,17</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td colspan=2 height=20 class=xl65 style='height:15.0pt'>Tổng&nbsp;cộng</td>
  <td class=xl65 align=right x:num="29822">29.822</td>
  <td class=xl65 align=right x:num>946</td>
  <td class=xl65 align=right x:num="3.1688">3,17</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>`;

    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm; font-size:12.0pt; font-family:"Times New Roman",serif;} --></style></head>
<body lang=VI style='tab-interval:36.0pt'>
<!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=60 rowspan=2 valign=top style='width:45pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal align=center style='text-align:center'><b><span lang=VI>STT<o:p></o:p></span></b></p>
  </td>
  <td width=120 rowspan=2 valign=top style='width:90pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal align=center style='text-align:center'><b><span lang=VI>Đơn vị<o:p></o:p></span></b></p>
  </td>
  <td width=240 colspan=2 valign=top style='width:180pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal align=center style='text-align:center'><b><span lang=VI>Năm<br>2024<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td><p class=MsoNormal><span style='font-weight:bold'>Tổng số hộ</span></p></td>
  <td><p class=MsoNormal><strong>Số hộ nghèo</strong></p></td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td><p class=MsoNormal><span lang=VI>1<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=VI>Huyện<o:p></o:p></span></p><p class=MsoNormal><span lang=VI>Phù Cừ</span></p></td>
  <td><p class=MsoNormal align=right style='text-align:right'><span lang=VI>29.822<o:p></o:p></span></p></td>
  <td><p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p></td>
 </tr>
</table>
<script>document.title = 'không chạy'</script>
<!--EndFragment-->
</body></html>`;

    it('reads Excel\'s clipboard table: rowspan/colspan as merges, text as printed, bold from class rules', () => {
        const doc = readClipboard({ html: excel, text: 'ignored\twhen\nhtml\thas a table' }, 'vi');
        expect(doc?.format).toBe('html');
        const grid = doc!.grids[0];
        expect(gridText(grid)).toEqual([
            'STT | Đơn vị | Năm 2024 | · | ·',
            '· | · | Tổng số hộ | Số hộ nghèo | Tỷ lệ (%)',
            '1 | Phù Cừ | 29.822 | 946 | 3,17',
            'Tổng cộng | · | 29.822 | 946 | 3,17'
        ]);
        expect(grid.merges).toEqual([
            { top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 },
            { top: 0, left: 2, bottom: 0, right: 4 }, { top: 3, left: 0, bottom: 3, right: 1 }
        ]);
        expect(grid.rows[0][0]?.bold).toBe(true);
        expect(grid.rows[2][1]?.bold).toBeUndefined();
        expect(grid.rows[2][2]).toEqual({ text: '29.822', value: 29822 });
        expect(grid.addressing).toBe('table');
    });

    it('reads Word\'s clipboard table: paragraphs as lines, <br> as a line break, &nbsp; cell blank, scripts ignored', () => {
        const grid = readClipboard({ html: word }, 'vi')!.grids[0];
        expect(gridText(grid)).toEqual([
            'STT | Đơn vị | Năm\n2024 | ·',
            '· | · | Tổng số hộ | Số hộ nghèo',
            '1 | Huyện\nPhù Cừ | 29.822 | '
        ]);
        expect([grid.rows[0][2]?.bold, grid.rows[1][2]?.bold, grid.rows[1][3]?.bold, grid.rows[2][2]?.bold]).toEqual([true, true, true, undefined]);
    });

    it('reads LibreOffice Calc\'s clipboard table, its stored values beside the printed text', () => {
        const calc = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title><meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>
<style type="text/css">body,div,table,thead,tbody,tfoot,tr,th,td,p { font-family:"Liberation Sans"; font-size:x-small }</style></head>
<body><table cellspacing="0" border="0">
	<colgroup width="85"></colgroup><colgroup span="3" width="85"></colgroup>
	<tr>
		<td rowspan=2 height="34" align="center" valign=middle><b><font face="Times New Roman">STT</font></b></td>
		<td colspan=3 align="center" valign=middle><b><font face="Times New Roman">Năm 2024</font></b></td>
	</tr>
	<tr>
		<td align="left">Tổng số hộ</td><td align="left">Số hộ nghèo</td><td align="left">Tỷ lệ (%)</td>
	</tr>
	<tr>
		<td height="17" align="right" sdval="1" sdnum="1066;">1</td>
		<td align="right" sdval="29822" sdnum="1066;0;#.##0">29.822</td>
		<td align="right" sdval="946" sdnum="1066;0;#.##0">946</td>
		<td align="right" sdval="3.1688" sdnum="1066;0;0,00">3,17</td>
	</tr>
</table></body></html>`;
        const grid = readClipboard({ html: calc }, 'vi')!.grids[0];
        expect(gridText(grid)).toEqual(['STT | Năm 2024 | · | ·', '· | Tổng số hộ | Số hộ nghèo | Tỷ lệ (%)', '1 | 29.822 | 946 | 3,17']);
        expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 0, right: 3 }]);
        expect(grid.rows[0][1]?.bold).toBe(true);
        expect(grid.rows[2][3]).toEqual({ text: '3,17', value: 3.1688 });
    });

    it('reads an .html file the same way', async () => {
        const doc = await readSource(encode(excel), 'bang.htm', { numberStyle: 'vi' });
        expect(doc.format).toBe('html');
        expect(at(doc.grids[0], 3, 0)).toBe('Tổng cộng');
    });

    it('takes tab-separated text when there is no HTML table, and no table from ordinary text', () => {
        const tsv = readClipboard({ text: 'Đơn vị\tSố hộ\r\nPhù Cừ\t29.822\r\n"Tiên\nLữ"\t30.365\r\n' }, 'vi');
        expect(tsv?.format).toBe('tsv');
        expect(gridText(tsv!.grids[0])).toEqual(['Đơn vị | Số hộ', 'Phù Cừ | 29.822', 'Tiên\nLữ | 30.365']);
        expect(readClipboard({ text: 'Phù Cừ\t29.822' }, 'vi')?.grids[0].rows).toHaveLength(1);
        expect(readClipboard({ text: 'row 1 PhuCu {\n\t2023: 29.822 946 3,17\n\t2024: 30.009 319 1,06\n}' }, 'vi')).toBeUndefined();
        expect(readClipboard({ html: '<p>Không có bảng</p>', text: 'Không có bảng' }, 'vi')).toBeUndefined();
        expect(readClipboard({}, 'vi')).toBeUndefined();
    });
});

describe('the seed\'s annexes exported by the project and read back', () => {
    let view: PlanView;

    beforeAll(async () => {
        view = await seedView();
    });

    /** Annex 01's first district row and its total: where the printed figures must be. */
    function expectAnnex01(grid: Grid, top: number): void {
        const phuCu = grid.rows.findIndex(row => row.some(c => c?.text === 'Phù Cừ'));
        const total = grid.rows.findIndex(row => row[0]?.text === 'Tổng cộng');
        expect(phuCu).toBe(top);
        expect(grid.rows[phuCu].slice(2, 5).map(c => c?.text)).toEqual(['29.822', '946', '3,17']);
        expect(grid.rows[total].slice(11, 14).map(c => c?.text)).toEqual(['414.847', '2.954', '0,71']);
        expect(total).toBe(top + 10);
    }

    it('XLSX: the printed figures at their cells, the merged year headers and total label', async () => {
        const { files } = await renderExport(view, 'xlsx');
        const doc = await readSource(files[0].data, files[0].name, { numberStyle: 'vi' });
        expect(doc.grids.map(g => g.name)).toEqual(['Phụ lục 01', 'Phụ lục 02', 'Phụ lục 03']);
        const grid = doc.grids[0];
        // Label, heading, title, subtitle, a blank row, two header rows.
        expectAnnex01(grid, 7);
        expect(grid.rows[7][2]).toEqual({ text: '29.822', value: 29822, decimals: 0, grouped: true });
        expect(at(grid, 5, 2)).toBe('Kết quả năm 2021');
        expect(grid.merges).toEqual(expect.arrayContaining([
            { top: 5, left: 2, bottom: 5, right: 4 }, { top: 5, left: 0, bottom: 6, right: 0 }, { top: 17, left: 0, bottom: 17, right: 1 }
        ]));
        expect(grid.rows[5][3]).toBeUndefined();
    });

    it('DOCX: each annex a table after its title paragraphs, with merges', async () => {
        const { files } = await renderExport(view, 'docx');
        const doc = await readSource(files[0].data, files[0].name, { numberStyle: 'vi' });
        expect(doc.grids).toHaveLength(view.annexes.length);
        const blocks = doc.blocks ?? [];
        const first = blocks.findIndex(b => b.kind === 'table');
        expect(blocks.slice(0, first).map(b => (b.kind === 'paragraph' ? b.text : ''))).toEqual(expect.arrayContaining(['Phụ lục 01']));
        const grid = doc.grids[0];
        expectAnnex01(grid, 2);
        expect(at(grid, 0, 2)).toBe('Kết quả năm 2021');
        expect(grid.merges).toEqual(expect.arrayContaining([{ top: 0, left: 2, bottom: 0, right: 4 }, { top: 0, left: 0, bottom: 1, right: 0 }]));
    });

    it('CSV with printed numbers and ";": the figures as printed', async () => {
        const { files } = await renderExport(view, 'csv', { csv: { numbers: 'printed', separator: ';' } });
        const doc = await readSource(files[0].data, files[0].name, { numberStyle: 'vi' });
        expectAnnex01(doc.grids[0], 1);
        expect(at(doc.grids[0], 0, 2)).toBe('Kết quả năm 2021 - Tổng số hộ dân cư');
    });
});
