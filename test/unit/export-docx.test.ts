// The DOCX export read back: the seed's annexes unzipped and parsed, cell by cell against the view
// (and Annex 01 against the seed's own transcription), and the layout of Nghị định 30/2020/NĐ-CP.
import * as fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../language-server/src/export/index.js';
import type { AnnexTable, PlanView } from '../../common/view.js';
import { TAIL_ROWS } from '../../language-server/src/export/docx.js';
import { PUBLISHED_ANNEXES } from '../helpers/plan.js';
import {
    child, descendants, docxGrid, parseXml, readDocx, seedView, viewOfText, XSS, XSS_PLAN,
    type DocxDocument, type DocxTable, type XmlNode
} from './export-support.js';

let view: PlanView;
let docx: DocxDocument;

beforeAll(async () => {
    view = await seedView();
    const { files } = await renderExport(view, 'docx');
    expect(files.map(f => f.name)).toEqual(['hung_yen_giam_ngheo_2023.docx']);
    docx = await readDocx(files[0].data);
});

/** The view's rows as a text grid, spans resolved the way Word lays them out. */
function viewGrid(annex: AnnexTable, rows = [...annex.header, ...annex.body]): string[][] {
    const width = annex.columns.length;
    const grid: (string | undefined)[][] = rows.map(() => Array.from({ length: width }, () => undefined));
    rows.forEach((row, r) => {
        let c = 0;
        for (const cell of row.cells) {
            while (grid[r][c] !== undefined) c++;
            for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
                for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell.text : '';
            }
            c += cell.colSpan ?? 1;
        }
    });
    return grid.map(row => row.map(t => t ?? ''));
}

function annexTable(i: number): DocxTable {
    expect(docx.sections[i].tables).toHaveLength(1);
    return docx.sections[i].tables[0];
}

describe('DOCX export of the seed plan', () => {
    it('has one section per annex, each on a new page with its own page numbers from 1', () => {
        expect(view.annexes.map(a => a.number)).toEqual(['01', '02', '03']);
        expect(docx.sections).toHaveLength(3);
        for (const section of docx.sections) {
            const p = section.properties;
            const type = child(p, 'w:type')?.attrs['w:val'];
            expect(type === undefined || type === 'nextPage').toBe(true);
            expect(child(p, 'w:pgNumType')?.attrs['w:start']).toBe('1');
            // The first page of an annex carries no number (titlePg with an empty first-page header).
            expect(child(p, 'w:titlePg')).toBeDefined();
        }
    });

    it('numbers pages with a PAGE field in the default header of each section', async () => {
        for (const section of docx.sections) {
            const refs = section.properties.children.filter(c => c.name === 'w:headerReference');
            const byType = new Map(refs.map(r => [r.attrs['w:type'], r.attrs['r:id']]));
            const part = docx.relationships.get(byType.get('default')!);
            expect(part).toBeDefined();
            const header = parseXml(await docx.zip.file(part!)!.async('string'));
            expect(descendants(header, 'w:instrText').map(n => n.text).join('')).toMatch(/\bPAGE\b/);
            const first = parseXml(await docx.zip.file(docx.relationships.get(byType.get('first')!)!)!.async('string'));
            expect(descendants(first, 'w:instrText')).toHaveLength(0);
        }
    });

    it('is A4 with margins 20/20/30/15 mm, landscape where the view says so (Annex 01)', () => {
        expect(view.annexes[0].orientation).toBe('landscape');
        docx.sections.forEach((section, i) => {
            const size = child(section.properties, 'w:pgSz')!.attrs;
            const landscape = view.annexes[i].orientation === 'landscape';
            expect(size['w:orient'] ?? 'portrait').toBe(landscape ? 'landscape' : 'portrait');
            // A4 is 210 × 297 mm = 11906 × 16838 twips; landscape swaps the sides.
            expect([Number(size['w:w']), Number(size['w:h'])]).toEqual(landscape ? [16838, 11906] : [11906, 16838]);
            const margin = child(section.properties, 'w:pgMar')!.attrs;
            const mm = (twips: string) => Math.round(Number(twips) / 1440 * 25.4);
            expect([mm(margin['w:top']), mm(margin['w:bottom']), mm(margin['w:left']), mm(margin['w:right'])]).toEqual([20, 20, 30, 15]);
        });
    });

    it('uses Times New Roman in black throughout', () => {
        const defaults = descendants(descendants(docx.styles, 'w:rPrDefault')[0], 'w:rFonts')[0].attrs;
        expect(defaults['w:ascii']).toBe('Times New Roman');
        expect(defaults['w:hAnsi']).toBe('Times New Roman');
        expect(descendants(descendants(docx.styles, 'w:rPrDefault')[0], 'w:color')[0].attrs['w:val']).toBe('000000');
        // No run or style names another font or colour.
        for (const root of [docx.document, docx.styles]) {
            for (const fonts of descendants(root, 'w:rFonts')) {
                for (const [key, value] of Object.entries(fonts.attrs)) {
                    if (/^w:(ascii|hAnsi|cs|eastAsia)$/.test(key)) expect(value).toBe('Times New Roman');
                }
            }
        }
        for (const color of descendants(docx.document, 'w:color')) expect(['000000', 'auto']).toContain(color.attrs['w:val']);
    });

    it('prints "Phụ lục NN" centred 14 pt bold, the title in capitals bold, the italic "(Kèm theo …)" line', () => {
        docx.sections.forEach((section, i) => {
            const annex = view.annexes[i];
            const [label, ...rest] = section.paragraphs;
            expect(label).toMatchObject({ text: `Phụ lục ${annex.number}`, align: 'center', bold: true, size: '28' });
            const title = rest.find(p => p.text === annex.title.toLocaleUpperCase('vi'));
            expect(title).toMatchObject({ align: 'center', bold: true });
            expect(Number(title!.size)).toBeGreaterThanOrEqual(26);
            expect(title!.text).toBe(title!.text.toLocaleUpperCase('vi'));
            const subtitle = rest.at(-1)!;
            expect(subtitle).toMatchObject({ text: annex.subtitle, align: 'center', italic: true });
            expect(subtitle.text).toBe('(Kèm theo Kế hoạch số /KH-UBND ngày /11/2023 của UBND tỉnh)');
        });
        // Annex 01's heading "DỰ KIẾN" on its own line above the title, as the published annex prints it.
        expect(docx.sections[0].paragraphs.slice(1, 3).map(p => p.text)).toEqual(['DỰ KIẾN', 'TỶ LỆ HỘ NGHÈO TỈNH HUNG YÊN GIAI ĐOẠN 2023-2025']);
        expect(docx.sections[1].paragraphs[1].text).toMatch(/^BẢNG DỰ KIẾN CHỈ TIÊU GIẢI QUYẾT/);
    });

    it('repeats the header rows on each page and only them', () => {
        docx.sections.forEach((_, i) => {
            const table = annexTable(i);
            const headerRows = view.annexes[i].header.length;
            expect(table.rows.map(r => r.header)).toEqual(table.rows.map((_, r) => r < headerRows));
        });
        expect(annexTable(0).rows.filter(r => r.header)).toHaveLength(2);
    });

    it('merges the group headers of Annex 01: STT and district down two rows, each year across three columns', () => {
        const table = annexTable(0);
        expect(table.grid).toHaveLength(17);
        const [top, second] = table.rows;
        expect(top.cells.map(c => [c.text, c.gridSpan, c.vMerge])).toEqual([
            ['STT', 1, 'restart'], ['Huyện/TX/TP', 1, 'restart'],
            ['Kết quả năm 2021', 3, undefined], ['Kết quả năm 2022', 3, undefined],
            ['Năm 2023', 3, undefined], ['Năm 2024', 3, undefined], ['Năm 2025', 3, undefined]
        ]);
        expect(second.cells.slice(0, 2).map(c => [c.column, c.vMerge])).toEqual([[0, 'continue'], [1, 'continue']]);
        expect(second.cells.slice(2).map(c => c.text)).toEqual(
            Array.from({ length: 5 }, () => ['Tổng số hộ dân cư', 'Tổng số hộ nghèo', 'Tỷ lệ hộ nghèo (%)']).flat());
        // The total row's label spans the STT and district columns.
        const total = table.rows.at(-1)!;
        expect(total.cells[0]).toMatchObject({ text: 'Tổng cộng', gridSpan: 2 });
    });

    it('holds every cell of every annex as the view prints it', () => {
        view.annexes.forEach((annex, i) => {
            expect(docxGrid(annexTable(i))).toEqual(viewGrid(annex));
        });
    });

    it('prints Annex 01 as the seed document does (the transcription, cell by cell)', () => {
        const seed = JSON.parse(fs.readFileSync(PUBLISHED_ANNEXES, 'utf-8'));
        const years = Object.keys(seed.annex01.years);
        const printed = (y: Record<string, { households: { printed: string }; poor: { printed: string }; rate: { printed: string } }>) =>
            years.flatMap(year => [y[year].households.printed, y[year].poor.printed, y[year].rate.printed]);
        const expected = [
            ...seed.annex01.rows.map((r: { no: number; district: string; years: never }) => [String(r.no), r.district, ...printed(r.years)]),
            [seed.annex01.total.label, '', ...printed(seed.annex01.total.years)]
        ];
        expect(docxGrid(annexTable(0)).slice(2)).toEqual(expected);
    });

    it('right-aligns the numbers and sets the total row in bold', () => {
        const table = annexTable(0);
        const annex = view.annexes[0];
        annex.body.forEach((row, r) => {
            const cells = table.rows[annex.header.length + r].cells;
            row.cells.forEach((cell, c) => {
                if (cell.kind === 'count' || cell.kind === 'rate') expect(cells[c].align, `${row.kind} ${c}`).toBe('right');
                if (row.kind === 'total' && cell.text !== '') expect(cells[c].bold).toBe(true);
                if (row.kind === 'row' && cell.text !== '') expect(cells[c].bold).toBe(false);
            });
        });
    });

    it('sets Annex 02\'s dimension labels in bold as published ("- Chiều thiếu hụt về việc làm:"), the indicators\' names plain', () => {
        const annex = view.annexes[1];
        const rows = annexTable(1).rows.slice(annex.header.length);
        const labels = rows.map(r => r.cells[1].boldRuns);
        expect(labels.flat()).toEqual([
            'việc làm', 'y tế', 'giáo dục, đào tạo', 'nhà ở', 'nước sinh hoạt và vệ sinh', 'thông tin'
        ].map(d => `- Chiều thiếu hụt về ${d}:`));
        // The label opens the row of its dimension's first indicator; the other rows have no bold at all.
        expect(labels.map(l => l.length)).toEqual(annex.body.map(r => (r.cells[0].text !== '' ? 1 : 0)));
        expect(rows[1].cells[1].text).toBe('- Chiều thiếu hụt về y tế: + Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế');
    });

    it('gives every column room for its longest number: no "407.045" split over two lines', () => {
        const table = annexTable(0);
        const [, second] = table.rows;
        // The numeric columns of the landscape page share 252 mm; a households column gets at least 14 mm.
        const twipsPerMm = 1440 / 25.4;
        for (const cell of second.cells) {
            if (cell.text === 'Tổng số hộ dân cư') expect(table.grid[cell.column] / twipsPerMm).toBeGreaterThan(14);
        }
        expect(table.grid.reduce((a, b) => a + b, 0) / twipsPerMm).toBeLessThanOrEqual(252.1);
    });
});

describe('DOCX tables of the seed plan', () => {
    const tables = () => descendants(docx.document, 'w:tbl');
    const bodyRows = (tbl: XmlNode) => tbl.children.filter(c => c.name === 'w:tr' && !child(child(c, 'w:trPr'), 'w:tblHeader'));

    it('set every annex\'s table in one text size (11 pt here: Annex 01\'s seventeen columns hold their numbers at it)', () => {
        const sizes = tables().map(tbl => new Set(descendants(tbl, 'w:sz').map(n => n.attrs['w:val'])));
        expect(sizes.map(s => [...s])).toEqual([['22'], ['22'], ['22']]);
    });

    it('pad every cell on all four sides', () => {
        for (const tbl of tables()) {
            const margins = child(child(tbl, 'w:tblPr'), 'w:tblCellMar')!;
            for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right']) {
                expect(Number(child(margins, side)?.attrs['w:w']), side).toBeGreaterThan(0);
            }
        }
    });

    it('keep a table\'s last rows together, so that a page break leaves no short tail, and the annex lines with the table', () => {
        for (const tbl of tables()) {
            const keeps = bodyRows(tbl).map(tr => descendants(tr, 'w:p').every(p => child(child(p, 'w:pPr'), 'w:keepNext') !== undefined));
            expect(keeps.slice(-TAIL_ROWS)).toEqual([...Array.from({ length: TAIL_ROWS - 1 }, () => true), false]);
            expect(keeps.slice(0, -TAIL_ROWS).some(Boolean)).toBe(false);
        }
        const body = descendants(docx.document, 'w:body')[0].children;
        const before = body.slice(0, body.indexOf(tables()[0])).filter(n => n.name === 'w:p');
        expect(before.every(p => child(child(p, 'w:pPr'), 'w:keepNext') !== undefined)).toBe(true);
    });
});

describe('DOCX export of other plans', () => {
    it('keeps an HTML payload as literal text in a cell', async () => {
        const xssView = await viewOfText(XSS_PLAN);
        const doc = await readDocx((await renderExport(xssView, 'docx')).files[0].data);
        const grid = docxGrid(doc.sections[0].tables[0]);
        expect(grid.map(r => r[1])).toContain(XSS);
        expect(grid.map(r => r[1])).toContain('Quận "Tốt", mới');
        // The heading line stands between the label and the title, in capitals too.
        expect(doc.sections[0].paragraphs.map(p => p.text)).toEqual([
            'Phụ lục 01', 'DỰ KIẾN', 'BẢNG <B>THỬ</B> & KIỂM', '(Kèm theo Kế hoạch số 12/KH-UBND ngày 3/4/2024 của UBND tỉnh)'
        ]);
        // Eight columns fit a portrait page.
        expect(child(doc.sections[0].properties, 'w:pgSz')!.attrs['w:orient'] ?? 'portrait').toBe('portrait');
    });

    it('gives a valid document for a plan without annexes', async () => {
        const empty = await viewOfText('plan empty "Trống"\nnumber-style vi\n');
        expect(empty.annexes).toHaveLength(0);
        const doc = await readDocx((await renderExport(empty, 'docx')).files[0].data);
        expect(doc.sections).toHaveLength(1);
    });
});
