// The review sheet: the plan's findings exported with the annexes (a CSV file, a sheet of the
// workbook, a DOCX and an HTML page) numbered, each at its place as a reader of the document finds it
// (whole: two places never read the same), its agency or district, an empty reply column and the
// .plan line last, read back and compared with what the checker reported; the printed forms' page
// set-up (A4 landscape, headings repeated, page numbers) read back from the files; off unless asked for.
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../language-server/src/export/index.js';
import { reviewSheet, type ReviewRow } from '../../language-server/src/export/review.js';
import type { PlanView } from '../../common/view.js';
import { EXAMPLES_DIR, planFilesUnder } from '../helpers/plan.js';
import { generatePlan } from '../bench/generate.js';
import { descendants, parseXml, readCsv, seedView, viewOfText, wordText } from './export-support.js';

let view: PlanView;

async function readWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
    return wb;
}

const csvRows = async (data: Uint8Array, separator = ',') => readCsv(new TextDecoder().decode(data).replace(/^\uFEFF/, ''), separator);

beforeAll(async () => {
    view = await seedView();
});

const HEADINGS = ['STT', 'Mức độ', 'Mã quy tắc', 'Nội dung', 'Vị trí trong văn bản', 'Đơn vị/địa bàn', 'Ý kiến giải trình', 'Dòng trong tệp .plan'];

/** A place by what it is: an annex cell, a paragraph of the text, or nowhere the document prints. */
const placeKey = (r: ReviewRow) => r.at ? `cell ${r.at.annex}/${r.at.row}/${r.at.column}` : r.paragraph !== undefined ? `text ${r.paragraph}` : `none ${r.line}`;

/** Labels read by two different places (none expected); a finding the document places has a label. */
function sameLabels(rows: ReviewRow[]): string[] {
    const keys = new Map<string, Set<string>>();
    for (const r of rows) {
        if (r.at || r.paragraph !== undefined) expect(r.place, `finding at line ${r.line}`).not.toBe('');
        if (r.place === '') continue;
        const set = keys.get(r.place) ?? new Set();
        set.add(placeKey(r));
        keys.set(r.place, set);
    }
    return [...keys].filter(([, set]) => set.size > 1).map(([label]) => label);
}

/** The sheet's invariants, for any plan: STT 1..n, the .plan lines, the district of every district-table finding, whole places that never read alike. */
function checkRows(view: PlanView, rows: ReviewRow[]): void {
    expect(rows.map(r => r.stt)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map(r => r.line)).toEqual((view.findingList ?? []).map(f => f.range.start.line + 1));
    for (const r of rows.filter(r => r.at)) {
        // A district table's finding names its district (a total row itself); an indicator's or task's, its agency when it has one.
        if (view.annexes[r.at!.annex].source.kind === 'district-table') expect(r.unit, r.place).not.toBe('');
        // Whole: the row's name as the annex prints it (one line), never cut.
        const cells = view.annexes[r.at!.annex].body[r.at!.row].cells.map(c => c.text.replace(/\s+/g, ' ').trim().replace(/^[-+]\s+/, ''));
        expect(cells.some(text => text.length > 0 && r.place.includes(text)), r.place).toBe(true);
        expect(r.place).not.toContain('…');
    }
    expect(sameLabels(rows)).toEqual([]);
}

/** A generated plan of `n` districts with a misprinted rate on every district's first year: n findings in one table. */
function generatedWithFindings(n: number): string {
    return generatePlan(n).text.replace(/^( {8}2018: \S+ \S+ )\S+$/gm, '$19,99');
}

describe('the review sheet', () => {
    it('places every finding of the seed, every example and a generated plan with many findings where no other place reads the same', async () => {
        const seed = reviewSheet(view, 'vi').rows;
        checkRows(view, seed);
        // The two indicators of Annex 02 whose names begin alike (the sheet cut them at 60 characters, the same label).
        const workers = seed.filter(r => r.place.includes('Tỷ lệ người lao động thuộc hộ nghèo'));
        expect(workers).toHaveLength(2);
        expect(new Set(workers.map(r => r.place)).size).toBe(2);
        const files = planFilesUnder(EXAMPLES_DIR);
        expect(files.length).toBeGreaterThan(15);
        let placed = 0;
        for (const file of files) {
            const example = await viewOfText(fs.readFileSync(file, 'utf-8'));
            for (const locale of ['vi', 'en'] as const) {
                const rows = reviewSheet(example, locale).rows;
                checkRows(example, rows);
                placed += rows.filter(r => r.place !== '').length;
            }
        }
        expect(placed).toBeGreaterThan(40);
        const generated = await viewOfText(generatedWithFindings(300));
        const rows = reviewSheet(generated, 'vi').rows;
        expect(rows.filter(r => r.finding.code === 'rate-mismatch').length).toBeGreaterThanOrEqual(300);
        checkRows(generated, rows);
        expect(rows.find(r => r.finding.code === 'rate-mismatch')!.unit).toBe('Huyện số 1');
    }, 120_000);

    it('tells apart two rows of one name: by their section, else by their place in the table', async () => {
        const twice = await viewOfText('plan p "P"\nnumber-style vi\ndistrict A "A" huyen\ntable t "T" { annex "01" years { 2023 result } columns households poor poor-rate\n'
            + ' row 1 A { 2023: 100 5 4,00 }\n row 2 A { 2023: 100 5 3,00 }\n}\n');
        const rows = reviewSheet(twice, 'vi').rows.filter(r => r.at);
        expect(rows.length).toBeGreaterThanOrEqual(2);
        expect(sameLabels(rows)).toEqual([]);
    });

    it('has the plan\'s number and name on top and the headings in the language asked', () => {
        const sheet = reviewSheet(view, 'vi');
        expect([sheet.title, sheet.plan, sheet.name]).toEqual(['BẢNG TỔNG HỢP PHÁT HIỆN', 'Kế hoạch số …/KH-UBND', view.header.title]);
        expect(sheet.headings).toEqual(HEADINGS);
        const english = reviewSheet(view, 'en');
        expect([english.title, english.plan]).toEqual(['REVIEW SHEET', 'Kế hoạch No. …/KH-UBND']);
        expect(english.headings.at(-1)).toBe('Line in the .plan file');
    });

    it('is not written unless asked for', async () => {
        expect((await renderExport(view, 'csv')).files.map(f => f.name)).not.toContain('hung_yen_giam_ngheo_2023-phat-hien.csv');
        const workbook = await readWorkbook((await renderExport(view, 'xlsx')).files[0].data);
        expect(workbook.worksheets.map(s => s.name)).toEqual(['Phụ lục 01', 'Phụ lục 02', 'Phụ lục 03']);
    });

    it('lists every finding of the seed as a CSV beside the annexes: STT, severity, rule, message, place, agency, reply, line', async () => {
        const { files } = await renderExport(view, 'csv', { findings: true });
        const review = files.find(f => f.name === 'hung_yen_giam_ngheo_2023-phat-hien.csv')!;
        expect(review).toBeDefined();
        const [header, ...rows] = await csvRows(review.data);
        expect(header).toEqual(HEADINGS);
        const findings = view.findingList!;
        expect(rows).toHaveLength(19);
        expect(rows.map(r => [r[0], r[2], r[3], r.at(-1)])).toEqual(
            findings.map((f, i) => [String(i + 1), f.code, f.message, String(f.range.start.line + 1)]));
        // The reply column is there, empty, for the reviewer.
        expect(rows.map(r => r[6])).toEqual(Array(19).fill(''));
        // In the order of the plan file.
        expect(rows.map(r => Number(r[7]))).toEqual([...rows.map(r => Number(r[7]))].sort((a, b) => a - b));
        // The misprinted total of Annex 01, and the 2023 value of Annex 02 that moves the wrong way.
        const total = rows.find(r => r[2] === 'total-mismatch')!;
        expect(total[1]).toBe('Lỗi');
        expect(total.slice(4, 6)).toEqual(['Phụ lục 01 · Tổng cộng · Năm 2024 - Tổng số hộ nghèo', 'Tổng cộng']);
        const direction = rows.find(r => r[2] === 'wrong-direction')!;
        // The row is named without its list mark "+ ", which a spreadsheet would take for a formula, and with its unit.
        expect(direction.slice(4, 6)).toEqual(['Phụ lục 02 · Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi (%) · Năm 2023', 'Sở Y tế']);
        // A solution without a lead is found by its section and paragraph in the text; the numbering gap by its item.
        const lead = rows.find(r => r[2] === 'solution-without-lead')!;
        expect([lead[1], lead[4], lead[5]]).toEqual(['Thông tin',
            'III. NỘI DUNG THỰC HIỆN › 1. Tăng cường công tác lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền; phát huy vai trò Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội các cấp trong thực hiện công tác giảm nghèo bền vững › đoạn 1', '']);
        expect(rows.find(r => r[2] === 'numbering-gap')![4]).toBe('V. TỔ CHỨC THỰC HIỆN › điểm 11');
        // A strict target the 2025 figure only equals is at that figure's cell (the view maps targets to the values they check).
        expect(rows.filter(r => r[4].startsWith('Phụ lục')).map(r => r[2]).sort()).toEqual([...Array(5).fill('target-not-met'), 'total-mismatch', 'wrong-direction']);
        const weight = rows.find(r => r[2] === 'target-not-met' && r[3].includes('cân nặng'))!;
        expect(weight.slice(4, 6)).toEqual(['Phụ lục 02 · Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi (%) · Năm 2025', 'Sở Y tế']);
        // Every place is different but the two findings on one cell.
        expect(new Set(rows.map(r => r[4])).size).toBe(19);
    });

    it('follows the CSV separator and the export\'s language', async () => {
        const english = await viewOfText('plan p "P"\nnumber-style vi\ndistrict A "A; B" huyen\ntable t "T" { annex "01" years { 2023 result } columns households poor poor-rate\n row 1 A { 2023: 100 5 4,00 }\n}\n');
        const { files } = await renderExport(english, 'csv', { findings: true, locale: 'en', csv: { separator: ';' } });
        const [header, ...rows] = await csvRows(files.at(-1)!.data, ';');
        expect(header).toEqual(['No.', 'Severity', 'Rule', 'Message', 'Place in the document', 'Agency/district', 'Reply', 'Line in the .plan file']);
        const rate = rows.find(r => r[2] === 'rate-mismatch')!;
        expect(rate[1]).toBe('Error');
        expect(rate.slice(4, 8)).toEqual(['Phụ lục 01 · No. 1 A; B · Kết quả năm 2023 - Tỷ lệ hộ nghèo (%)', 'A; B', '', '5']);
    });

    it('is a sheet of the workbook after the annexes: the plan on top, A4 landscape one page wide, headings repeated, pages numbered, annex findings linked to their cells', async () => {
        const { files } = await renderExport(view, 'xlsx', { findings: true });
        const workbook = await readWorkbook(files[0].data);
        expect(workbook.worksheets.map(s => s.name)).toEqual(['Phụ lục 01', 'Phụ lục 02', 'Phụ lục 03', 'Phát hiện']);
        const sheet = workbook.getWorksheet('Phát hiện')!;
        const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
        expect([1, 2, 3].map(r => sheet.getCell(r, 1).value)).toEqual(['BẢNG TỔNG HỢP PHÁT HIỆN', 'Kế hoạch số …/KH-UBND', view.header.title]);
        expect(values(4)).toEqual(HEADINGS);
        expect(sheet.rowCount).toBe(4 + 19);
        expect(Array.from({ length: 19 }, (_, i) => sheet.getCell(5 + i, 1).value)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
        // The reply column empty, the .plan line the last column.
        expect(Array.from({ length: 19 }, (_, i) => sheet.getCell(5 + i, 7).value ?? '')).toEqual(Array(19).fill(''));
        expect(Array.from({ length: 19 }, (_, i) => sheet.getCell(5 + i, 8).value)).toEqual(view.findingList!.map(f => f.range.start.line + 1));
        expect(sheet.actualColumnCount).toBe(8);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
        expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
        expect(sheet.headerFooter.oddFooter).toBe('&CTrang &P/&N');
        const totalRow = Array.from({ length: 19 }, (_, i) => i + 5).find(r => (sheet.getCell(r, 3).value as { text?: string })?.text === 'total-mismatch')!;
        expect(sheet.getCell(totalRow, 5).value).toBe('Phụ lục 01 · Tổng cộng · Năm 2024 - Tổng số hộ nghèo');
        const link = sheet.getCell(totalRow, 3).value as { text: string; hyperlink: string };
        expect(link.text).toBe('total-mismatch');
        const [, target, address] = /^#'(.+)'!([A-Z]+\d+)$/.exec(link.hyperlink)!;
        // The link lands on the misprinted number itself.
        expect(workbook.getWorksheet(target)!.getCell(address).value).toBe(2954);
    });

    it('is a DOCX beside the annexes: A4 landscape, the plan on top, the heading row repeated, pages numbered in the footer', async () => {
        expect((await renderExport(view, 'docx')).files.map(f => f.name)).toEqual(['hung_yen_giam_ngheo_2023.docx']);
        const { files } = await renderExport(view, 'docx', { findings: true });
        expect(files.map(f => f.name)).toEqual(['hung_yen_giam_ngheo_2023.docx', 'hung_yen_giam_ngheo_2023-phat-hien.docx']);
        const zip = await JSZip.loadAsync(files[1].data);
        const body = parseXml(await zip.file('word/document.xml')!.async('string'));
        const [size] = descendants(body, 'w:pgSz');
        expect(size.attrs).toMatchObject({ 'w:orient': 'landscape', 'w:w': '16838', 'w:h': '11906' });
        const paragraphs = descendants(body, 'w:p').slice(0, 3).map(wordText);
        expect(paragraphs).toEqual(['BẢNG TỔNG HỢP PHÁT HIỆN', 'Kế hoạch số …/KH-UBND', view.header.title]);
        const rows = descendants(body, 'w:tr');
        expect(rows).toHaveLength(20);
        expect(rows.map(r => descendants(r, 'w:tblHeader').length)).toEqual([1, ...Array(19).fill(0)]);
        const cells = rows.map(r => descendants(r, 'w:tc').map(wordText));
        expect(cells[0]).toEqual(HEADINGS);
        expect(cells.slice(1).map(c => [c[0], c[6], c[7]])).toEqual(view.findingList!.map((f, i) => [String(i + 1), '', String(f.range.start.line + 1)]));
        const footers = await Promise.all(Object.keys(zip.files).filter(n => /^word\/footer\d*\.xml$/.test(n)).map(n => zip.file(n)!.async('string')));
        const instructions = footers.flatMap(xml => descendants(parseXml(xml), 'w:instrText').map(n => n.text.trim()));
        expect(instructions).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
        expect(footers.join('')).toContain('Trang ');
    });

    it('is an HTML page beside the annexes: @page A4 landscape, the headings in a thead, a page counter', async () => {
        const { files } = await renderExport(view, 'html', { findings: true, locale: 'en' });
        expect(files.map(f => f.name)).toEqual(['hung_yen_giam_ngheo_2023.html', 'hung_yen_giam_ngheo_2023-phat-hien.html']);
        const html = new TextDecoder().decode(files[1].data);
        expect(html).toMatch(/@page \{ size: A4 landscape;[^}]*@bottom-center \{ content: "Page " counter\(page\) " of " counter\(pages\)/);
        expect(html).toContain('thead { display: table-header-group; }');
        type Node = { nodeName: string; childNodes?: Node[]; value?: string };
        const all = (n: Node, name: string): Node[] => [...(n.nodeName === name ? [n] : []), ...(n.childNodes ?? []).flatMap(c => all(c, name))];
        const text = (n: Node): string => n.nodeName === '#text' ? n.value! : (n.childNodes ?? []).map(text).join('');
        const document = parse(html) as unknown as Node;
        const [thead] = all(document, 'thead');
        expect(all(thead, 'th').map(text)).toEqual(['No.', 'Severity', 'Rule', 'Message', 'Place in the document', 'Agency/district', 'Reply', 'Line in the .plan file']);
        const rows = all(all(document, 'tbody')[0], 'tr').map(r => all(r, 'td').map(text));
        expect(rows.map(r => [r[0], r[6], r[7]])).toEqual(view.findingList!.map((f, i) => [String(i + 1), '', String(f.range.start.line + 1)]));
        expect(all(document, 'p').slice(0, 3).map(text)).toEqual(['REVIEW SHEET', 'Kế hoạch No. …/KH-UBND', view.header.title]);
    });
});
