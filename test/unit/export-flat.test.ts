// CSV, Markdown and HTML exports read back: CSV with an independent RFC 4180 reader (fast-csv, which
// exceljs brings), Markdown table lines split on unescaped pipes, HTML by its cells; every cell is
// compared with the view, and plan text never turns into markup, formulas or broken rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { csvLine, guardFormula, renderCsv } from '../../language-server/src/export/csv.js';
import { escapeHtml, escapeMarkdown } from '../../common/escape.js';
import { renderExport } from '../../language-server/src/export/index.js';
import { renderMarkdown } from '../../language-server/src/export/markdown.js';
import type { AnnexCell, AnnexTable, PlanView } from '../../common/view.js';
import { annexGrids } from '../../language-server/src/export/grid.js';
import { htmlTables, markdownCells, readCsv, seedView, viewOfText, XSS, XSS_PLAN } from './export-support.js';

let view: PlanView;

beforeAll(async () => {
    view = await seedView();
});


/** The view's body as flat rows: a spanned cell's text in its first column, '' where covered. */
/** The body as a flat file prints it: a spanned cell's text once, blanks where its span covers. */
function flatBody(annex: AnnexTable, textOf: (c: AnnexCell) => string = c => c.text): string[][] {
    const covered = new Map<number, number>(); // column → rows still covered by a cell above
    return annex.body.map(row => {
        const out: string[] = [];
        const cells = [...row.cells];
        while (cells.length > 0 || [...covered.keys()].some(col => col >= out.length)) {
            const left = covered.get(out.length);
            if (left) {
                out.push('');
                if (left === 1) covered.delete(out.length - 1); else covered.set(out.length - 1, left - 1);
                continue;
            }
            const c = cells.shift();
            if (!c) break;
            for (let k = 0; k < (c.colSpan ?? 1); k++) {
                if ((c.rowSpan ?? 1) > 1) covered.set(out.length, (c.rowSpan ?? 1) - 1);
                out.push(k === 0 ? textOf(c) : '');
            }
        }
        return out;
    });
}

/** The body's cells on the grid: a spanned cell in its first column, undefined where covered. */
function flatBodyCells(annex: AnnexTable): (AnnexCell | undefined)[][] {
    const { body } = annexGrids(annex);
    return body.slots.map(row => row.map(slot => (slot?.origin ? slot.cell : undefined)));
}

const ANNEX01_HEADER = [
    'STT', 'Huyện/TX/TP',
    ...['Kết quả năm 2021', 'Kết quả năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025'].flatMap(y =>
        ['Tổng số hộ dân cư', 'Tổng số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'].map(m => `${y} - ${m}`))
];

/** What the CSV guard does to a text cell (the test's own statement of the rule). */
const unguard = (t: string) => t.replace(/^'(?=[=+\-@\t\r])/, '');

describe('CSV export', () => {
    it('writes one file per annex, UTF-8 with a byte order mark', async () => {
        const { files } = await renderExport(view, 'csv');
        expect(files.map(f => f.name)).toEqual(['01', '02', '03'].map(n => `hung_yen_giam_ngheo_2023-phu-luc-${n}.csv`));
        for (const file of files) {
            expect([...file.data.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
            expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file.data)).not.toThrow();
        }
    });

    it('reads back as the annexes with numbers as printed: flattened group headers, then every body cell', async () => {
        const { files } = await renderExport(view, 'csv', { csv: { numbers: 'printed' } });
        for (const [i, annex] of view.annexes.entries()) {
            const text = new TextDecoder().decode(files[i].data).replace(/^\uFEFF/, '');
            expect(text.endsWith('\r\n')).toBe(true);
            const [header, ...body] = await readCsv(text);
            if (i === 0) expect(header).toEqual(ANNEX01_HEADER);
            else expect(header).toEqual(annex.header[0].cells.map(c => c.text));
            expect(body.map(r => r.map(unguard))).toEqual(flatBody(annex));
        }
        // Vietnamese decimals contain the delimiter, so they are quoted.
        const annex01 = new TextDecoder().decode(files[0].data);
        expect(annex01).toContain('1,Phù Cừ,29.822,946,"3,17",29.409');
    });

    it('writes plain numbers by default: 29822 and 3.17 with the printed decimals, a task\'s year as 2025', async () => {
        const { files } = await renderExport(view, 'csv');
        const [annex01, , annex03] = files.map(f => new TextDecoder().decode(f.data));
        expect(annex01).toContain('\r\n1,Phù Cừ,29822,946,3.17,29409,650,2.21,');
        // "3,30" keeps its printed precision; a misprinted total is written as printed, not corrected.
        expect(annex01).toContain(',66020,2180,3.30,');
        expect(annex01).toContain('\r\nTổng cộng,,407045,10368,2.55,');
        const [header, ...rows] = await readCsv(annex03.replace(/^\uFEFF/, ''));
        expect(header[4]).toBe('Thời gian trình cấp thẩm quyền ban hành');
        expect(rows.map(r => r[4])).toEqual(['2025', '2025', '2025', '2025', '2025', '2025', '2024']);
        // Every number cell reads back as the cell's value.
        for (const [i, annex] of view.annexes.entries()) {
            const [, ...body] = await readCsv(new TextDecoder().decode(files[i].data).replace(/^\uFEFF/, ''));
            const numbers = flatBodyCells(annex);
            body.forEach((row, r) => row.forEach((field, c) => {
                const cell = numbers[r][c];
                if (cell && cell.kind !== 'text' && typeof cell.value === 'number') expect(Number(field), `${annex.number} ${r}:${c}`).toBe(cell.value);
            }));
        }
    });

    it('writes the printed numbers and the ";" separator when asked (Excel under Vietnamese regional settings)', async () => {
        const { files } = await renderExport(view, 'csv', { csv: { numbers: 'printed', separator: ';' } });
        const annex01 = new TextDecoder().decode(files[0].data);
        // With ";" between fields the decimal comma needs no quotes.
        expect(annex01).toContain('\r\n1;Phù Cừ;29.822;946;3,17;29.409;');
        const semicolonPlain = new TextDecoder().decode((await renderExport(view, 'csv', { csv: { separator: ';' } })).files[0].data);
        expect(semicolonPlain).toContain('\r\n1;Phù Cừ;29822;946;3.17;29409;');
        // A field holding ";" is quoted, and one holding "," no longer is.
        expect(csvLine(['a;b', 'c,d', 'e'], ';')).toBe('"a;b";c,d;e');
        const [, first] = await readCsv(new TextDecoder().decode(files[1].data).replace(/^\uFEFF/, ''), ';');
        expect(first[1]).toMatch(/^'- Chiều thiếu hụt về việc làm: /);
        expect(first).toHaveLength(view.annexes[1].columns.length);
    });

    it('guards text that a spreadsheet would run as a formula, and only text', async () => {
        const { files } = await renderExport(view, 'csv');
        const [, first] = await readCsv(new TextDecoder().decode(files[1].data).replace(/^\uFEFF/, ''));
        expect(first[1]).toMatch(/^'- Chiều thiếu hụt về việc làm: /);
        expect(guardFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
        expect(guardFormula('Phù Cừ')).toBe('Phù Cừ');
        const negative: AnnexTable = {
            number: '09', label: 'Phụ lục 09', title: 'T', subtitle: '', orientation: 'portrait', source: { kind: 'tasks', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
            columns: [{ key: 'a', kind: 'number', width: 5 }], header: [{ kind: 'header', cells: [{ text: 'A', kind: 'text' }] }],
            body: [{ kind: 'row', cells: [{ text: '-1,5', value: -1.5, kind: 'number', decimals: 1 }] }]
        };
        expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(renderCsv(negative, { numbers: 'printed' }))).toBe('\uFEFFA\r\n"-1,5"\r\n');
        expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(renderCsv(negative))).toBe('\uFEFFA\r\n-1.5\r\n');
    });

    it('quotes commas, quotes and line breaks (RFC 4180)', async () => {
        const nasty = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', 'plain', ''];
        expect(csvLine(nasty)).toBe('"a,b","say ""hi""","two\nlines","cr\r\nlf",plain,');
        expect(await readCsv(csvLine(nasty) + '\r\n')).toEqual([nasty]);
        const xss = await viewOfText(XSS_PLAN);
        const [, ...body] = await readCsv(new TextDecoder().decode((await renderExport(xss, 'csv')).files[0].data).replace(/^\uFEFF/, ''));
        expect(body.map(r => r[1])).toEqual([XSS, 'Quận "Tốt", mới', '']);
    });
});

describe('Markdown export', () => {
    it('has a heading, the subtitle and a GFM table per annex, cells as printed', async () => {
        const { files } = await renderExport(view, 'md');
        expect(files.map(f => f.name)).toEqual(['hung_yen_giam_ngheo_2023.md']);
        const md = new TextDecoder().decode(files[0].data);
        const lines = md.split('\n');
        for (const annex of view.annexes) {
            const at = lines.indexOf(`## ${annex.label}`);
            expect(at).toBeGreaterThan(0);
            expect(lines).toContain(`**${escapeMarkdown(annex.title.toLocaleUpperCase('vi'))}**`);
            expect(lines).toContain(`*${escapeMarkdown(annex.subtitle)}*`);
            const tableStart = lines.findIndex((l, i) => i > at && l.startsWith('|'));
            const table: string[] = [];
            for (let i = tableStart; lines[i]?.startsWith('|'); i++) table.push(lines[i]);
            const [header, delimiter, ...body] = table;
            expect(markdownCells(delimiter).every(c => /^:?-{3,}:?$/.test(c))).toBe(true);
            expect(markdownCells(delimiter)).toHaveLength(annex.columns.length);
            if (annex.number === '01') {
                expect(markdownCells(header)).toEqual(ANNEX01_HEADER);
                // Numbers right-aligned, STT centred.
                expect(markdownCells(delimiter).slice(0, 3)).toEqual([':---:', ':---', '---:']);
            }
            // A bold part of a cell (Annex 02's dimension labels) between its own asterisks.
            expect(body.map(markdownCells)).toEqual(flatBody(annex, c => c.runs?.map(r => (r.bold ? `**${r.text}**` : r.text)).join('') ?? c.text));
        }
        expect(md).toContain('| **Tổng cộng** |  | **407.045** | **10.368** | **2,55** |');
        expect(md).toContain('| 2 | **- Chiều thiếu hụt về y tế:** + Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế | % |');
        expect(md).toContain('|  | + Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng theo tuổi | % |');
    });

    it('escapes pipes, line breaks and markup in cells', async () => {
        expect(escapeMarkdown('a | b', true)).toBe('a \\| b');
        expect(escapeMarkdown('x\ny', true)).toBe('x<br>y');
        expect(escapeMarkdown('*not bold* [no link](x) `no code` &amp;')).toBe('\\*not bold\\* \\[no link\\](x) \\`no code\\` \\&amp;');
        expect(markdownCells(`| ${escapeMarkdown('a | b\\c', true)} | x |`)).toEqual(['a | b\\c', 'x']);
        const md = new TextDecoder().decode(renderMarkdown(await viewOfText(XSS_PLAN)));
        // Every < from the plan is backslash-escaped, so no renderer sees a tag.
        expect(md).not.toMatch(/(^|[^\\])<[A-Za-z/]/m);
        expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
        expect(md).toContain('**BẢNG \\<B\\>THỬ\\</B\\> & KIỂM**');
    });
});

describe('HTML export', () => {
    it('is one standalone page with every annex table as the view has it', async () => {
        const { files } = await renderExport(view, 'html');
        expect(files.map(f => f.name)).toEqual(['hung_yen_giam_ngheo_2023.html']);
        const html = new TextDecoder().decode(files[0].data);
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).not.toMatch(/<script|<link|src=|href=/i);
        expect(html).toMatch(/@page\s*\{[^}]*size:\s*A4/);
        expect(html).toMatch(/@page landscape\s*\{[^}]*size:\s*A4 landscape/);
        // Printed pages numbered in the top margin, on portrait and landscape pages, none on the first
        // (test/browser/export-print.test.ts prints them with Chromium).
        expect(html.match(/@top-center \{ content: counter\(page\);/g)).toHaveLength(2);
        expect(html).toMatch(/@page :first \{ @top-center \{ content: none; \} \}/);
        expect(html).toMatch(/@page landscape:first \{ @top-center \{ content: none; \} \}/);
        expect(html).toContain('font-family: "Times New Roman"');
        // Where Times New Roman is missing (Linux, CI), Liberation Serif 2 has its metrics and the Vietnamese letters.
        expect(html).toContain('"Times New Roman", Times, "Liberation Serif", serif');
        const tables = htmlTables(html);
        expect(tables).toHaveLength(view.annexes.length);
        view.annexes.forEach((annex, i) => {
            const rows = tables[i];
            const expected = [...annex.header, ...annex.body];
            expect(rows.map(r => r.rowClass)).toEqual(expected.map(r => r.kind));
            rows.forEach((row, r) => {
                expect(row.cells.map(c => [c.text, c.colSpan, c.rowSpan])).toEqual(
                    expected[r].cells.map(c => [c.text, c.colSpan ?? 1, c.rowSpan ?? 1]));
                expect(row.cells.every(c => c.tag === (r < annex.header.length ? 'th' : 'td'))).toBe(true);
            });
            expect(html).toContain(`<section class="annex ${annex.orientation}">`);
        });
        // Header rows sit in <thead>, which browsers repeat on each printed page.
        expect(html.match(/<thead>/g)).toHaveLength(3);
        expect(tables[0][2].cells[2].classes).toContain('right');
        // Annex 02: each dimension's label in bold before its first indicator, the indicators' names plain.
        const annex02 = tables[1].slice(view.annexes[1].header.length);
        expect(annex02.map(r => r.cells[1].boldRuns)).toEqual(view.annexes[1].body.map(r => r.cells[1].runs?.filter(x => x.bold).map(x => x.text) ?? []));
        expect(annex02.map(r => r.cells[1].boldRuns).flat()).toEqual([
            'việc làm', 'y tế', 'giáo dục, đào tạo', 'nhà ở', 'nước sinh hoạt và vệ sinh', 'thông tin'
        ].map(d => `- Chiều thiếu hụt về ${d}:`));
    });

    it('shows an HTML payload as text: no tag or attribute from the plan reaches the page', async () => {
        const html = new TextDecoder().decode((await renderExport(await viewOfText(XSS_PLAN), 'html')).files[0].data);
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('BẢNG &lt;B&gt;THỬ&lt;/B&gt; &amp; KIỂM');
        expect(html).toContain('Quận &quot;Tốt&quot;, mới');
        const tags = new Set([...html.matchAll(/<\/?([A-Za-z!][A-Za-z0-9]*)/g)].map(m => m[1].toLowerCase()));
        // Only the exporter's own elements: the payload's <img> and the title's <b> stay text.
        const own = ['!doctype', 'body', 'br', 'col', 'colgroup', 'head', 'html', 'meta', 'p', 'section', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr'];
        for (const tag of tags) expect(own, tag).toContain(tag);
        expect(tags.has('img') || tags.has('b')).toBe(false);
        expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
        const cells = htmlTables(html)[0].flatMap(r => r.cells.map(c => c.text));
        expect(cells).toContain(XSS);
        expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    });
});
