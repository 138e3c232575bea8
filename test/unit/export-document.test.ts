// The whole document exported (document-docx, document-html) and read back: its text compared
// paragraph by paragraph with the published plan (test/fixtures/hung-yen-2023-2025-published.txt),
// the layout of Nghị định 30/2020/NĐ-CP (motto and issuer side by side in a borderless table, number
// and date, kind and title, signature and recipients), and the HTML page escaping everything.
import * as fs from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentHtml, renderExport } from '../../language-server/src/export/index.js';
import { exportText } from '../../language-server/src/export/text.js';
import { joinClauses } from '../../language-server/src/view/document.js';
import type { PlanView } from '../../common/view.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { PUBLISHED_SEED_TEXT } from '../helpers/plan.js';
import {
    child, descendants, htmlTables, nastyText, parseXml, readDocx, seedView, viewOfText, wordText, XSS, xmlParts, type XmlNode
} from './export-support.js';

let view: PlanView;
let documentXml: XmlNode;

beforeAll(async () => {
    view = await seedView();
    const { files } = await renderExport(view, 'document-docx');
    expect(files.map(f => f.name)).toEqual(['hung_yen_giam_ngheo_2023-van-ban.docx']);
    const zip = await JSZip.loadAsync(files[0].data);
    documentXml = parseXml(await zip.file('word/document.xml')!.async('string'));
});

/** What the comparison ignores: runs of white space (line ends, tabs, no-break spaces) are one space. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Unit { text: string; table: boolean }

/**
 * The published text, one unit per paragraph or table row. It is an extraction of the printed
 * document (Markdown-like), so some of its characters are not the document's text and go:
 * - the extractor's markup: heading marks (`#### `), emphasis (`**`, `*`), HTML tags (`<b>`, `<sup>`);
 * - the rule line `---	---	…` under the last table (a table separator, not a row);
 * - page breaks inside a paragraph: a line that does not end a sentence or a clause, followed by one
 *   that starts in lower case or with an opening quote, is one paragraph cut by a page ("…nước sinh
 *   hoạt và vệ" / "sinh, thông tin)…"); the two are joined. A line starting "a) " is an item, never joined.
 * Everything else stays, page by page: the comparison is then word for word (white space aside).
 * The fixture starts at the number line: the national motto and the issuer are not in it.
 */
function publishedUnits(): { units: Unit[]; joined: string[] } {
    const raw = fs.readFileSync(PUBLISHED_SEED_TEXT, 'utf-8').split(/\r?\n/);
    const units: Unit[] = [];
    const joined: string[] = [];
    for (const line of raw) {
        if (line.trim() === '' || /^[-\t ]+$/.test(line)) continue;
        const text = line.replace(/^#+\s+/, '').replace(/\*+/g, '').replace(/<\/?(b|sup)>/g, '');
        const previous = units.at(-1);
        if (previous && !previous.table && !/[.:;!?)”"]\s*$/.test(previous.text) && /^[\p{Ll}“](?!\))/u.test(text)) {
            joined.push(`${previous.text.slice(-20)} / ${text.slice(0, 20)}`);
            previous.text = `${previous.text.trimEnd()} ${text}`;
            continue;
        }
        units.push({ text, table: line.includes('\t') });
    }
    return { units: units.map(u => ({ ...u, text: normal(u.text) })), joined };
}

/** A table without borders is a layout table (the header and closing blocks), not a table of figures. */
function isLayoutTable(tbl: XmlNode): boolean {
    const borders = child(child(tbl, 'w:tblPr'), 'w:tblBorders');
    return borders !== undefined && borders.children.every(b => ['none', 'nil'].includes(b.attrs['w:val']));
}

/**
 * The generated document's units in reading order: each paragraph (and each line of one broken by
 * w:br); in a layout table each paragraph of each cell, left to right, as the published text reads
 * them; in an annex table one unit per row, its cells' texts in order (a merged cell's text once).
 */
function generatedUnits(body: XmlNode): Unit[] {
    const units: Unit[] = [];
    const paragraph = (p: XmlNode) => {
        for (const line of wordText(p).split('\n')) if (normal(line) !== '') units.push({ text: normal(line), table: false });
    };
    for (const node of body.children) {
        if (node.name === 'w:p') paragraph(node);
        else if (node.name === 'w:tbl' && isLayoutTable(node)) {
            for (const tr of node.children.filter(c => c.name === 'w:tr')) {
                for (const tc of tr.children.filter(c => c.name === 'w:tc')) for (const p of descendants(tc, 'w:p')) paragraph(p);
            }
        } else if (node.name === 'w:tbl') {
            for (const tr of node.children.filter(c => c.name === 'w:tr')) {
                const text = normal(tr.children.filter(c => c.name === 'w:tc').map(tc => wordText(tc)).join(' '));
                if (text !== '') units.push({ text, table: true });
            }
        }
    }
    return units;
}

/** The published units found in the generated ones in the same order (longest common subsequence). */
function matched(published: Unit[], generated: Unit[]): boolean[] {
    const n = published.length;
    const m = generated.length;
    const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i][j] = published[i].text === generated[j].text ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const found = published.map(() => false);
    for (let i = 0, j = 0; i < n && j < m;) {
        if (published[i].text === generated[j].text) { found[i] = true; i++; j++; }
        else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
        else j++;
    }
    return found;
}

describe('the whole document as DOCX, against the published plan', () => {
    it('reproduces the published paragraphs word for word, in order (≥ 95 %)', () => {
        const { units: published, joined } = publishedUnits();
        // The page breaks the published text cuts paragraphs at: five, each joined once.
        expect(joined).toHaveLength(5);
        const generated = generatedUnits(descendants(documentXml, 'w:body')[0]);
        const found = matched(published, generated);
        const share = (table: boolean) => {
            const of = published.map((u, i) => ({ u, ok: found[i] })).filter(x => x.u.table === table);
            return { matched: of.filter(x => x.ok).length, total: of.length, missed: of.filter(x => !x.ok).map(x => x.u.text.slice(0, 100)) };
        };
        const paragraphs = share(false);
        const rows = share(true);
        const percent = (s: { matched: number; total: number }) => (100 * s.matched / s.total).toFixed(1);
        console.log([
            `Published paragraphs reproduced word for word: ${paragraphs.matched}/${paragraphs.total} (${percent(paragraphs)} %)`,
            `Annex table rows reproduced cell for cell: ${rows.matched}/${rows.total} (${percent(rows)} %)`,
            `Together: ${paragraphs.matched + rows.matched}/${paragraphs.total + rows.total} (${percent({ matched: paragraphs.matched + rows.matched, total: paragraphs.total + rows.total })} %)`,
            'Paragraphs not reproduced:', ...paragraphs.missed.map(t => `  - ${t}`),
            'Rows not reproduced:', ...rows.missed.map(t => `  - ${t}`)
        ].join('\n'));
        expect(paragraphs.matched / paragraphs.total).toBeGreaterThanOrEqual(0.95);
        // Every row, agencies included: rows 1–4 of Annex 03 print "Sở Lao động – Thương binh và Xã hội"
        // with an en dash and Annex 02 "Sở Nông nghiệp và PTNT", as the seed asks with `lead … as "…"`.
        expect(rows.missed).toEqual([]);
    });
});

describe('the whole document as DOCX: the layout of Nghị định 30/2020/NĐ-CP', () => {
    const body = () => descendants(documentXml, 'w:body')[0];
    const cellTexts = (tbl: XmlNode) => tbl.children.filter(c => c.name === 'w:tr').map(tr =>
        tr.children.filter(c => c.name === 'w:tc').map(tc => descendants(tc, 'w:p').map(p => wordText(p)).filter(t => t.trim() !== '')));

    it('opens with the issuer and the national motto side by side, the number and the place and date under them, in a borderless table', () => {
        const first = body().children[0];
        expect(first.name).toBe('w:tbl');
        expect(isLayoutTable(first)).toBe(true);
        expect(cellTexts(first).map(row => row.map(cell => cell.map(normal)))).toEqual([
            [['ỦY BAN NHÂN DÂN', 'TỈNH HƯNG YÊN'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']],
            // The draft's blank number and day stay gaps to be written in at signing.
            [['Số: /KH-UBND'], ['Hưng Yên, ngày tháng 11 năm 2023']]
        ]);
        const [numberLine] = cellTexts(first)[1][0];
        expect(numberLine).toMatch(/^Số: \u00A0{6}\/KH-UBND$/);
    });

    it('prints the kind in bold capitals, then the title in bold, then the body; the sections numbered as the published text', () => {
        const paragraphs = body().children.filter(c => c.name === 'w:p').map(p => ({ text: normal(wordText(p)), bold: descendants(p, 'w:b').length > 0 }))
            .filter(p => p.text !== '');
        expect(paragraphs[0]).toEqual({ text: 'KẾ HOẠCH', bold: true });
        expect(paragraphs[1]).toEqual({ text: view.document!.title, bold: true });
        const headings = view.document!.body.filter(p => p.kind === 'heading' && p.level === 1).map(p => p.text);
        expect(headings).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. MỤC TIÊU', 'III. NỘI DUNG THỰC HIỆN', 'IV. KINH PHÍ THỰC HIỆN', 'V. TỔ CHỨC THỰC HIỆN']);
        const texts = paragraphs.map(p => p.text);
        for (const h of headings) expect(texts).toContain(h);
        // Run-in heads: an agency with one duty, who leads a measure.
        expect(texts).toContain('2. Sở Kế hoạch và Đầu tư: Chủ trì, phối hợp với các Sở, ban, ngành liên quan tổng hợp, dự kiến kinh phí trình Ủy ban nhân dân tỉnh bố trí đảm bảo nguồn lực triển khai thực hiện Kế hoạch.');
        expect(texts).toContain('Đơn vị chủ trì thực hiện: Sở Xây dựng; Đề nghị Ủy ban MTTQ Việt Nam tỉnh phối hợp thực hiện.');
    });

    it('closes with "Nơi nhận:" and its list on the left, the signature on the right, in a borderless table', () => {
        const tables = body().children.filter(c => c.name === 'w:tbl');
        const closing = tables.filter(isLayoutTable).at(-1)!;
        expect(closing).not.toBe(body().children[0]);
        const [[recipients, signature]] = cellTexts(closing);
        expect(recipients[0]).toBe('Nơi nhận:');
        expect(recipients.slice(1)).toEqual(view.document!.recipients.items);
        expect(recipients[1]).toBe('- Bộ Lao động - Thương binh và Xã hội;');
        expect(signature).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Duy Hưng']);
    });

    it('puts the document on portrait A4 with its pages numbered from the second, then each annex on its own section as the annex DOCX does', async () => {
        const docx = await readDocx((await renderExport(view, 'document-docx')).files[0].data);
        expect(docx.sections).toHaveLength(1 + view.annexes.length);
        const orientation = (i: number) => child(docx.sections[i].properties, 'w:pgSz')!.attrs['w:orient'] ?? 'portrait';
        expect(orientation(0)).toBe('portrait');
        expect(child(docx.sections[0].properties, 'w:titlePg')).toBeDefined();
        view.annexes.forEach((annex, i) => {
            expect(orientation(i + 1)).toBe(annex.orientation);
            expect(child(docx.sections[i + 1].properties, 'w:pgNumType')?.attrs['w:start']).toBe('1');
            expect(docx.sections[i + 1].paragraphs[0].text).toBe(annex.label);
        });
        // The annex tables are the annex export's, cell for cell.
        const annexes = await readDocx((await renderExport(view, 'docx')).files[0].data);
        expect(docx.sections.slice(1).map(s => s.tables)).toEqual(annexes.sections.map(s => s.tables));
    });
});

describe('the document\'s text', () => {
    it('joins the target sentences of one item as the plan\'s prose does', () => {
        expect(joinClauses(['A', 'b.', 'c'])).toBe('A; b; c.');
        expect(joinClauses(['Tỷ lệ trên 68%', 'trong đó có bằng cấp trên 29%', '100% hộ.'])).toBe('Tỷ lệ trên 68%, trong đó có bằng cấp trên 29%; 100% hộ.');
        expect(joinClauses(['giảm X dưới 9%', 'và Y dưới 15%'])).toBe('giảm X dưới 9% và Y dưới 15%.');
        expect(joinClauses([])).toBe('');
    });

    it('leaves out what a plan does not have, and makes a target\'s sentence when the plan gives none', async () => {
        const small = await viewOfText(`plan p "P"
number-style vi
header { number "12" code "QĐ-UBND"  kind "QUYẾT ĐỊNH"  date 3/2/2024  period 2023 to 2025 }
indicator i "Tỷ lệ hộ nghèo" { unit percent  direction lower }
target t { indicator i  year 2025  below 2,5 }
agency A "Sở A" department
duties { 1 A { "Làm việc một." "Làm việc hai." } }
`);
        const d = small.document!;
        expect(d.issuer).toEqual([]);
        expect(d.number).toBe('Số: 12/QĐ-UBND');
        // Days under 10 and the months January and February take a leading zero; no place, no "…, ".
        expect(d.placeDate).toBe('ngày 03 tháng 02 năm 2024');
        expect(d.kind).toBe('QUYẾT ĐỊNH');
        expect(d.recipients.items).toEqual([]);
        expect(d.signature).toBeUndefined();
        expect(d.body.map(p => [p.lead?.text, p.text].filter(Boolean).join(' '))).toEqual([
            'I. MỤC TIÊU', 'a) Mục tiêu đến năm 2025: Tỷ lệ hộ nghèo dưới 2,5%.',
            'II. TỔ CHỨC THỰC HIỆN', '1. Sở A', '- Làm việc một.', '- Làm việc hai.'
        ]);
        const docx = await readDocx((await renderExport(small, 'document-docx')).files[0].data);
        // No annex: the document alone, and no closing table without recipients or signature.
        expect(docx.sections).toHaveLength(1);
        expect(descendants(docx.document, 'w:tbl')).toHaveLength(1);
    });
});

type HtmlNode = DefaultTreeAdapterMap['node'];

function collectTags(node: HtmlNode, out = new Set<string>()): Set<string> {
    if ('tagName' in node) out.add(node.tagName);
    if ('childNodes' in node) for (const c of node.childNodes) collectTags(c, out);
    return out;
}

function htmlParagraphs(node: HtmlNode, out: { cls: string; text: string }[] = []): { cls: string; text: string }[] {
    if ('tagName' in node && node.tagName === 'p') {
        const text = (n: HtmlNode): string => n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in n ? n.childNodes.map(text).join('') : '';
        out.push({ cls: node.attrs.find(a => a.name === 'class')?.value ?? '', text: text(node) });
    }
    if ('childNodes' in node) for (const c of node.childNodes) htmlParagraphs(c, out);
    return out;
}

const OWN_TAGS = ['html', 'head', 'meta', 'title', 'style', 'body', 'article', 'section', 'p', 'span', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'br'];

describe('the whole document as HTML', () => {
    it('is a pure function of the view giving one standalone page: the same paragraphs as the DOCX, then the annexes', async () => {
        const { files } = await renderExport(view, 'document-html');
        expect(files.map(f => f.name)).toEqual(['hung_yen_giam_ngheo_2023-van-ban.html']);
        const html = new TextDecoder().decode(files[0].data);
        expect(html).toBe(documentHtml(view));
        const errors: string[] = [];
        const page = parseHtml(html, { onParseError: e => { errors.push(e.code); } });
        expect(errors).toEqual([]);
        expect([...collectTags(page)].filter(t => !OWN_TAGS.includes(t))).toEqual([]);
        expect(html).not.toMatch(/<script|<link|src=|href=/i);
        const body = htmlParagraphs(page).filter(p => p.cls.startsWith('d-para')).map(p => normal(p.text));
        expect(body).toEqual(view.document!.body.map(p => normal([p.lead?.text, p.text].filter(Boolean).join(' '))));
        const all = htmlParagraphs(page).map(p => normal(p.text));
        for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: /KH-UBND', 'KẾ HOẠCH', 'Nơi nhận:', 'Nguyễn Duy Hưng']) expect(all).toContain(line);
        // The annexes as the annex HTML prints them.
        expect(htmlTables(html).slice(-3).map(t => t.length)).toEqual(view.annexes.map(a => a.header.length + a.body.length));
    });

    it('escapes every text of the plan: a payload in the title, a solution and a recipient stays text', async () => {
        const payload = await viewOfText(`plan x "X"
number-style vi
header { title "${XSS.replace(/"/g, '\\"')}"  recipient "<b>Lưu</b>: VT" }
solutions { group 1 "Nhóm & <i>một</i>" { solution "A <script>alert(1)</script>" } }
`);
        const html = documentHtml(payload);
        const tags = collectTags(parseHtml(html));
        expect(tags.has('img') || tags.has('script') || tags.has('b') || tags.has('i')).toBe(false);
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('- &lt;b&gt;Lưu&lt;/b&gt;: VT');
        expect(html).toContain('1. Nhóm &amp; &lt;i&gt;một&lt;/i&gt;');
    });
});

describe('the whole document whatever the plan\'s strings hold', () => {
    const literal = (t: string) => `"${t.replace(/[\\"]/g, c => `\\${c}`)}"`;
    it('gives well-formed DOCX XML and an HTML page without parse errors, each text as exportText prints it', async () => {
        await fc.assert(fc.asyncProperty(fc.array(nastyText, { minLength: 8, maxLength: 8 }), async ([issuer, title, preamble, purpose, heading, text, duty, recipient]) => {
            const plan = `plan f "F"
number-style vi
header { issuer ${literal(issuer)}  title ${literal(title)}  preamble ${literal(preamble)}  recipient ${literal(recipient)}  signer ${literal(issuer)} }
purpose ${literal(purpose)}
agency A ${literal(issuer)} department
solutions { group 1 ${literal(heading)} { solution ${literal(heading)} { text ${literal(text)} lead A } } }
duties { 1 A { ${literal(duty)} } }
`;
            const fuzzed = await viewOfText(plan);
            const docx = (await renderExport(fuzzed, 'document-docx')).files[0].data;
            await expect(xmlParts(docx)).resolves.toBeDefined();
            const html = documentHtml(fuzzed);
            const errors: string[] = [];
            const page = parseHtml(html, { onParseError: e => { errors.push(e.code); } });
            expect(errors).toEqual([]);
            expect([...collectTags(page)].filter(t => !OWN_TAGS.includes(t))).toEqual([]);
            const paragraphs = htmlParagraphs(page).map(p => p.text);
            if (exportText(purpose).trim() !== '') expect(paragraphs).toContain(exportText(purpose));
        }), { numRuns: fuzzRuns(15) });
    }, 300_000);
});
