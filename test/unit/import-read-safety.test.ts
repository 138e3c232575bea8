// Imported files are untrusted: each hostile or broken input below is one clear ImportError naming
// its place (or is kept inert), never a crash, a hang or a silent loss. The inputs are crafted here:
// zip bombs and XML entity bombs with jszip, a sheet of a million rows by rewriting an exceljs
// workbook's sheet part, garbage and truncated bytes, an OLE compound file's signature.
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { say, type Words } from '../../common/catalogue.js';
import { IMPORT_ERRORS } from '../../common/words/import.js';
import { ImportError, type ImportLimits } from '../../language-server/src/import/limits.js';
import { readClipboard, readSource } from '../../language-server/src/import/read/index.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { documentXml, docxOf, para, rezip, tbl, tc, xlsxOf } from './import-read-support.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** The ImportError a read ends with, said in Vietnamese; fails when it ends otherwise. */
async function refusal(read: Promise<unknown>, words: Words): Promise<string> {
    const error = await read.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const said = (error as ImportError).said;
    expect(said.words).toBe(words);
    return say(said.words, 'vi', said.args);
}

const smallWorkbook = () => xlsxOf(workbook => {
    const sheet = workbook.addWorksheet('Biểu 01');
    sheet.getCell('A1').value = 'Đơn vị';
    sheet.getCell('B1').value = 29822;
    workbook.addWorksheet('Ghi chú');
});

const BILLION_LAUGHS = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n') + '\n]>';
const EXTERNAL_ENTITY = '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

describe('zip bombs', () => {
    it('refuses a part that inflates past the part limit from a few KB, naming the part', async () => {
        const bytes = await docxOf(documentXml(para('x')), { 'word/media/image1.bin': new Uint8Array(16 * 1024 * 1024) });
        expect(bytes.length).toBeLessThan(64 * 1024);
        const message = await refusal(readSource(bytes, 'bom.docx', { numberStyle: 'vi', limits: { maxPartBytes: 1024 * 1024 } }), IMPORT_ERRORS.partTooLarge);
        expect(message).toContain('bom.docx');
        expect(message).toContain('word/media/image1.bin');
    });

    it('refuses parts that inflate past the total limit together', async () => {
        const parts = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`word/media/image${i}.bin`, new Uint8Array(3 * 1024 * 1024)]));
        const bytes = await docxOf(documentXml(para('x')), parts);
        const limits: Partial<ImportLimits> = { maxPartBytes: 4 * 1024 * 1024, maxInflatedBytes: 8 * 1024 * 1024 };
        await refusal(readSource(bytes, 'bom.docx', { numberStyle: 'vi', limits }), IMPORT_ERRORS.inflatedTooLarge);
    });

    it('counts inflated bytes itself: sizes written small in the headers change nothing', async () => {
        const bytes = await docxOf(documentXml(para('x')), { 'word/media/image1.bin': new Uint8Array(16 * 1024 * 1024) });
        const lying = new Uint8Array(bytes);
        const view = new DataView(lying.buffer);
        // Every local header (PK\3\4, size at +22) and central directory entry (PK\1\2, size at +24) says 10 bytes.
        for (let i = 0; i + 30 < lying.length; i++) {
            if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 10, true);
            else if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
        }
        const error = await readSource(lying, 'bom.docx', { numberStyle: 'vi', limits: { maxPartBytes: 1024 * 1024 } }).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(ImportError);
        expect([IMPORT_ERRORS.partTooLarge, IMPORT_ERRORS.partCorrupt]).toContain((error as ImportError).said.words);
    });

    it('refuses a zip of too many entries', async () => {
        const parts = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`word/x${i}.xml`, '<x/>']));
        const bytes = await docxOf(documentXml(para('x')), parts);
        await refusal(readSource(bytes, 'nhieu.docx', { numberStyle: 'vi', limits: { maxZipEntries: 10 } }), IMPORT_ERRORS.zipEntries);
    });
});

describe('XML entities', () => {
    it('refuses a billion-laughs DTD and an external entity in a Word document', async () => {
        for (const prolog of [BILLION_LAUGHS, EXTERNAL_ENTITY]) {
            const bytes = await docxOf(documentXml(para('&lol9; &xxe;'), prolog));
            const message = await refusal(readSource(bytes, 'xxe.docx', { numberStyle: 'vi' }), IMPORT_ERRORS.doctype);
            expect(message).toContain('word/document.xml');
        }
    });

    it('refuses a DTD written in UTF-16, which a parser might be talked into reading', async () => {
        const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(`${EXTERNAL_ENTITY}<w:document/>`, 'utf16le')]);
        await refusal(readSource(await docxOf(documentXml(para('x')), { 'word/extra.xml': utf16 }), 'a.docx', { numberStyle: 'vi' }), IMPORT_ERRORS.doctype);
    });

    it('refuses a DTD in a workbook\'s sheet and shared strings, before exceljs reads them', async () => {
        const workbook = await smallWorkbook();
        const zip = await JSZip.loadAsync(workbook);
        const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
        const withDtd = await rezip(workbook, { 'xl/worksheets/sheet1.xml': sheet.replace(/^<\?xml[^>]*\?>/, BILLION_LAUGHS) });
        expect(await refusal(readSource(withDtd, 'a.xlsx', { numberStyle: 'vi' }), IMPORT_ERRORS.doctype)).toContain('xl/worksheets/sheet1.xml');
        const strings = `${EXTERNAL_ENTITY}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>`;
        const withXxe = await rezip(workbook, { 'xl/sharedStrings.xml': strings });
        expect(await refusal(readSource(withXxe, 'a.xlsx', { numberStyle: 'vi' }), IMPORT_ERRORS.doctype)).toContain('xl/sharedStrings.xml');
    });

    it('reports malformed XML with its line and column', async () => {
        const bytes = await docxOf(documentXml(`${para('a')}\n<w:p><w:r><w:t>mở mà không đóng</w:r></w:p>`));
        const message = await refusal(readSource(bytes, 'hong.docx', { numberStyle: 'vi' }), IMPORT_ERRORS.xmlMalformed);
        expect(message).toMatch(/word\/document\.xml có XML lỗi ở dòng 3, cột \d+/);
    });
});

describe('tables too large', () => {
    it('refuses a sheet of a million rows before exceljs builds it', async () => {
        const rows = '<row><c t="n"><v>1</v></c></row>'.repeat(1_000_000);
        const sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + `<sheetData>${rows}</sheetData></worksheet>`;
        const bytes = await rezip(await smallWorkbook(), { 'xl/worksheets/sheet1.xml': sheet });
        const message = await refusal(readSource(bytes, 'trieu-dong.xlsx', { numberStyle: 'vi' }), IMPORT_ERRORS.tooManyRows);
        expect(message).toBe('trieu-dong.xlsx, trang tính "Biểu 01": bảng quá lớn: > 100000 dòng (giới hạn 100000).');
    });

    it('refuses a merge over the whole sheet (exceljs would make every covered cell)', async () => {
        const workbook = await smallWorkbook();
        const zip = await JSZip.loadAsync(workbook);
        const sheet = (await zip.file('xl/worksheets/sheet1.xml')!.async('string'))
            .replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>');
        await refusal(readSource(await rezip(workbook, { 'xl/worksheets/sheet1.xml': sheet }), 'a.xlsx', { numberStyle: 'vi' }), IMPORT_ERRORS.tooManyRows);
    });

    it('refuses one cell far away, which would make a grid of a million rows', async () => {
        const bytes = await xlsxOf(workbook => { workbook.addWorksheet('Xa').getCell('C1000000').value = 1; });
        await refusal(readSource(bytes, 'xa.xlsx', { numberStyle: 'vi' }), IMPORT_ERRORS.tooManyRows);
    });

    it('refuses a CSV of more cells than the limit', async () => {
        const csv = 'a;b;c\n'.repeat(50);
        await refusal(readSource(encode(csv), 'a.csv', { numberStyle: 'vi', limits: { maxCells: 100 } }), IMPORT_ERRORS.tooManyCells);
    });

    it('refuses a file larger than the size limit', async () => {
        await refusal(readSource(encode('a;b\n'.repeat(100)), 'a.csv', { numberStyle: 'vi', limits: { maxFileBytes: 100 } }), IMPORT_ERRORS.tooLarge);
    });
});

describe('broken and unexpected files', () => {
    it('refuses garbage named .xlsx and a truncated workbook as not a valid zip', async () => {
        const garbage = new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251));
        expect(await refusal(readSource(garbage, 'rac.xlsx', { numberStyle: 'vi' }), IMPORT_ERRORS.notZip)).toContain('rac.xlsx');
        const workbook = await smallWorkbook();
        const truncated = workbook.subarray(0, Math.floor(workbook.length / 2));
        await refusal(readSource(truncated, 'cut.xlsx', { numberStyle: 'vi' }), IMPORT_ERRORS.notZip);
    });

    it('says an OLE file is password-protected or an old .xls/.doc, whatever its name', async () => {
        const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
        for (const name of ['mat-khau.xlsx', 'cu.xls', 'cu.doc', 'khong-duoi']) {
            const message = await refusal(readSource(ole, name, { numberStyle: 'vi' }), IMPORT_ERRORS.encryptedOrLegacy);
            expect(message).toContain('được mã hoá bằng mật khẩu hoặc là định dạng Excel/Word cũ (.xls/.doc)');
        }
    });

    it('names the sheets when the one asked for does not exist', async () => {
        const message = await refusal(readSource(await smallWorkbook(), 'a.xlsx', { numberStyle: 'vi', sheet: 'Biểu 02' }), IMPORT_ERRORS.noSheet);
        expect(message).toBe('a.xlsx: không có trang tính "Biểu 02"; các trang tính có: "Biểu 01", "Ghi chú".');
    });

    it('refuses a zip that is neither workbook nor Word document, and a Word document without its body', async () => {
        const zip = new JSZip();
        zip.file('hello.txt', 'xin chào');
        const other = await zip.generateAsync({ type: 'uint8array' });
        await refusal(readSource(other, 'tep-nen', { numberStyle: 'vi' }), IMPORT_ERRORS.unknownFormat);
        await refusal(readSource(other, 'a.docx', { numberStyle: 'vi' }), IMPORT_ERRORS.partMissing);
    });

    it('gives the position of bytes that are not UTF-8 in a CSV', async () => {
        const bytes = new Uint8Array([...encode('a;b\nPhù Cừ;'), 0xff, 0xfe, 0x41, ...encode('\n')]);
        expect(await refusal(readSource(bytes, 'a.csv', { numberStyle: 'vi' }), IMPORT_ERRORS.encoding)).toBe(
            'a.csv: dòng 2, cột 8: byte 0xFF không đọc được theo UTF-8; hãy lưu lại tệp dạng UTF-8.');
    });

    it('refuses an unclosed quote in a CSV with its line', async () => {
        await refusal(readSource(encode('a;b\n1;"không đóng\n2;3\n'), 'a.csv', { numberStyle: 'vi' }), IMPORT_ERRORS.csvMalformed);
    });
});

describe('content kept inert and verbatim', () => {
    const hostile = 'A\u202Eb\u200Fc\u0007d\u0000e';
    const bidi = 'Phù\u202E Cừ\u200F\u2066x\u2069';

    it('keeps control and bidi characters in XLSX, CSV, HTML and DOCX text as they are', async () => {
        const xlsx = await xlsxOf(workbook => { workbook.addWorksheet('S').getCell('A1').value = bidi; });
        expect((await readSource(xlsx, 'a.xlsx', { numberStyle: 'vi' })).grids[0].rows[0][0]?.text).toBe(bidi);
        const csv = (await readSource(encode(`x;"${hostile.replace('\u0000', '')}"\n`), 'a.csv', { numberStyle: 'vi' })).grids[0];
        expect(csv.rows[0][1]?.text).toBe(hostile.replace('\u0000', ''));
        const html = readClipboard({ html: `<table><tr><td>${bidi}\u0007</td></tr></table>` }, 'vi')!.grids[0];
        expect(html.rows[0][0]?.text).toBe(`${bidi}\u0007`);
        const docx = await readSource(await docxOf(documentXml(tbl([[tc(para(bidi))]]))), 'a.docx', { numberStyle: 'vi' });
        expect(docx.grids[0].rows[0][0]?.text).toBe(bidi);
    });

    it('keeps a formula as text and a hyperlink\'s target as data, never followed or run', async () => {
        const xlsx = await xlsxOf(workbook => {
            const sheet = workbook.addWorksheet('S');
            sheet.getCell('A1').value = { formula: 'WEBSERVICE("http://example.invalid/x")', result: 'kết quả cũ' };
            sheet.getCell('A2').value = { text: 'bấm vào', hyperlink: 'javascript:alert(1)' };
            sheet.getCell('A3').value = { formula: 'HYPERLINK("file:///etc/passwd","mở")', result: 'mở' };
        });
        const grid = (await readSource(xlsx, 'a.xlsx', { numberStyle: 'vi' })).grids[0];
        expect(grid.rows[0][0]).toEqual({ text: 'kết quả cũ', formula: 'WEBSERVICE("http://example.invalid/x")' });
        expect(grid.rows[1][0]).toEqual({ text: 'bấm vào', hyperlink: 'javascript:alert(1)' });
        expect(grid.rows[2][0]).toEqual({ text: 'mở', formula: 'HYPERLINK("file:///etc/passwd","mở")' });
    });

    it('ignores scripts, styles and comments of pasted HTML and fetches nothing', () => {
        const html = '<style>td{font-weight:bold}</style><script>fetch("http://example.invalid")</script>'
            + '<table><tr><td><img src="http://example.invalid/x.png">Ô<!-- ẩn --><script>x()</script></td></tr></table>';
        expect(readClipboard({ html }, 'vi')!.grids[0].rows).toEqual([[{ text: 'Ô' }]]);
    });
});

describe('mangled input', () => {
    /** The same zip with its parts stored, not deflated: mangled bytes then reach the XML parsers. */
    async function stored(bytes: Uint8Array): Promise<Uint8Array> {
        return (await JSZip.loadAsync(bytes)).generateAsync({ type: 'uint8array', compression: 'STORE' });
    }

    const outcome = (read: Promise<unknown>) => read.then(() => 'read', (e: unknown) => (e instanceof ImportError ? 'refused' : e));

    it('a workbook or Word document with bytes changed or cut is read or refused with an ImportError, nothing else', async () => {
        const originals: Record<string, Uint8Array> = {
            'a.xlsx': await stored(await smallWorkbook()),
            'a.docx': await stored(await docxOf(documentXml(para('Đầu') + tbl([[tc(para('1'), '<w:vMerge w:val="restart"/>'), tc(para('2'))], [tc(para(''), '<w:vMerge/>'), tc(para('3'))]]))))
        };
        // Unchanged they read; cut short they are refused: the property's two allowed outcomes.
        for (const [name, bytes] of Object.entries(originals)) {
            expect(await outcome(readSource(bytes, name, { numberStyle: 'vi' }))).toBe('read');
            expect(await outcome(readSource(bytes.subarray(0, bytes.length - 30), name, { numberStyle: 'vi' }))).toBe('refused');
        }
        await fc.assert(fc.asyncProperty(
            fc.constantFrom('a.xlsx', 'a.docx'),
            fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
            fc.option(fc.nat(), { nil: undefined }),
            async (name, changes, cut) => {
                const bytes = new Uint8Array(originals[name]);
                for (const [at, value] of changes) bytes[at % bytes.length] = value;
                const input = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
                expect(['read', 'refused']).toContain(await outcome(readSource(input, name, { numberStyle: 'vi' })));
            }
        ), { numRuns: fuzzRuns(80) });
    });

    it('any text as CSV, HTML or clipboard is read or refused with an ImportError', async () => {
        await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async text => {
            for (const name of ['a.csv', 'a.tsv', 'a.html']) {
                expect(['read', 'refused']).toContain(await outcome(readSource(encode(text), name, { numberStyle: 'vi' })));
            }
            expect(['read', 'refused']).toContain(await outcome(Promise.resolve().then(() => readClipboard({ html: `<table><tr><td>${text}`, text }, 'vi'))));
        }), { numRuns: fuzzRuns(150) });
    });
});
