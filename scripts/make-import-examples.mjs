// Writes the office files of examples/import/: five tables in the shapes offices keep them in, with
// invented figures, each with one slip of its own arithmetic for the checker to find once imported.
// Run once (`node scripts/make-import-examples.mjs`); the files are committed, and
// test/unit/import-examples.test.ts pins the plan text each imports to.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const OUT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'examples', 'import');
fs.mkdirSync(OUT, { recursive: true });

const round = (v, d) => Math.round(v * 10 ** d + 1e-9) / 10 ** d;
const rate = (poor, total) => round(poor / total * 100, 2);
const vi = (v, d = 0) => {
    const [i, f] = Math.abs(v).toFixed(d).split('.');
    return (v < 0 ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (f ? ',' + f : '');
};
// A fixed date, so that the files are the same bytes each time they are made.
const MADE = new Date(Date.UTC(2026, 11, 1));

async function saveWorkbook(workbook, name) {
    workbook.creator = 'plan-as-code examples';
    workbook.created = MADE;
    workbook.modified = MADE;
    await workbook.xlsx.writeFile(path.join(OUT, name));
}

// ---- 1. One header row, a year in each heading --------------------------------------------------
async function oneLevel() {
    const units = [['Huyện An Phú', 25410, 812, 25630, 640], ['Huyện Bình Sơn', 31205, 1045, 31480, 850],
        ['Thị xã Đông Hòa', 18760, 402, 18905, 310], ['Thành phố Tân An', 42118, 355, 42560, 270]];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bieu 1');
    ws.addRow(['STT', 'Huyện, thị xã, thành phố', 'Tổng số hộ năm 2023', 'Số hộ nghèo năm 2023', 'Tỷ lệ hộ nghèo năm 2023 (%)',
        'Tổng số hộ năm 2024', 'Số hộ nghèo năm 2024', 'Tỷ lệ hộ nghèo năm 2024 (%)']).font = { bold: true };
    units.forEach(([name, h23, p23, h24, p24], i) => {
        // The slip: Bình Sơn's 2024 rate typed 2,07 for 2,70.
        const r24 = name === 'Huyện Bình Sơn' ? 2.07 : rate(p24, h24);
        ws.addRow([i + 1, name, h23, p23, rate(p23, h23), h24, p24, r24]);
    });
    const sum = k => units.reduce((s, u) => s + u[k], 0);
    const total = ws.addRow(['Tổng cộng', '', sum(1), sum(2), rate(sum(2), sum(1)), sum(3), sum(4), rate(sum(4), sum(3))]);
    total.font = { bold: true };
    ws.mergeCells(`A${total.number}:B${total.number}`);
    for (const c of ['C', 'D', 'F', 'G']) ws.getColumn(c).numFmt = '#,##0';
    for (const c of ['E', 'H']) ws.getColumn(c).numFmt = '0.00';
    await saveWorkbook(wb, '1-mot-dong-tieu-de.xlsx');
}

// ---- 2. Two header levels, merged years, a numbering row, title rows, notes, formulas -------------
async function twoLevels() {
    const units = [['Huyện An Phú', [25210, 1020], [25410, 812], [25630, 640]], ['Huyện Bình Sơn', [31002, 1310], [31205, 1045], [31480, 850]],
        ['Thị xã Đông Hòa', [18602, 505], [18760, 402], [18905, 310]]];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phu luc 02');
    ws.addRow(['Phụ lục 02']);
    ws.addRow(['KẾT QUẢ VÀ KẾ HOẠCH GIẢM NGHÈO GIAI ĐOẠN 2022-2024']);
    ws.addRow(['(Kèm theo Báo cáo số 15/BC-UBND ngày 10/01/2024 của UBND tỉnh)']);
    ws.addRow(['', '', '', '', '', '', '', '', '', '', 'ĐVT: hộ, %']);
    for (const r of [1, 2, 3]) ws.mergeCells(r, 1, r, 11);
    ws.addRow(['STT', 'Đơn vị', 'Kết quả rà soát cuối năm 2022', '', '', 'Ước thực hiện năm 2023', '', '', 'Kế hoạch năm 2024', '', '']);
    ws.addRow(['', '', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ (%)']);
    ws.addRow([1, 2, 3, 4, '5=4/3', 6, 7, '8=7/6', 9, 10, '11=10/9']);
    ws.mergeCells('A5:A6'); ws.mergeCells('B5:B6'); ws.mergeCells('C5:E5'); ws.mergeCells('F5:H5'); ws.mergeCells('I5:K5');
    for (const r of [5, 6, 7]) ws.getRow(r).font = { bold: true };
    const first = 8;
    units.forEach(([name, ...years], i) => ws.addRow([i + 1, name, ...years.flatMap(([h, p]) => [h, p, rate(p, h)])]));
    const last = first + units.length - 1;
    const totalRow = ws.addRow(['Tổng cộng']);
    ws.mergeCells(`A${totalRow.number}:B${totalRow.number}`);
    totalRow.font = { bold: true };
    const columns = ['C', 'D', 'F', 'G', 'I', 'J'];
    columns.forEach((c, k) => {
        const y = Math.floor(k / 2), part = k % 2;
        const value = units.reduce((s, u) => s + u[1 + y][part], 0);
        const cell = totalRow.getCell(c);
        // The slip: the 2024 total of poor households typed 1.810 (the rows add up to 1.800); the other totals are SUM formulas.
        if (c === 'J') cell.value = value + 10;
        else cell.value = { formula: `SUM(${c}${first}:${c}${last})`, result: value };
    });
    for (const [count, base, r] of [['D', 'C', 'E'], ['G', 'F', 'H'], ['J', 'I', 'K']]) {
        const h = totalRow.getCell(base).value, p = totalRow.getCell(count).value;
        const hv = typeof h === 'object' ? h.result : h, pv = typeof p === 'object' ? p.result : p;
        totalRow.getCell(r).value = rate(pv, hv);
    }
    ws.addRow([]);
    ws.addRow(['Ghi chú: số liệu năm 2023 là số ước thực hiện đến 30/11/2023.']);
    ws.addRow(['Nguồn: Sở Lao động - Thương binh và Xã hội.']);
    for (const c of ['C', 'D', 'F', 'G', 'I', 'J']) ws.getColumn(c).numFmt = '#,##0';
    for (const c of ['E', 'H', 'K']) ws.getColumn(c).numFmt = '0.00';
    await saveWorkbook(wb, '2-hai-tang-tieu-de.xlsx');
}

// ---- 3. Communes in two sections, each headed by its subtotal, a grand total last -------------------
async function communes() {
    const sections = [
        ['I', 'Khu vực thành thị', [['Phường An Lạc', 4210, 38, 95], ['Thị trấn Phú Mỹ', 3105, 41, 88]]],
        ['II', 'Khu vực nông thôn', [['Xã Hòa Bình', 2870, 96, 150], ['Xã Tân Lập', 3320, 121, 176], ['Xã Đông Sơn', 2015, 88, 102]]]
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Xa');
    ws.addRow(['Biểu số 03']);
    ws.addRow(['KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO THEO XÃ NĂM 2025']);
    ws.mergeCells('A1:G1'); ws.mergeCells('A2:G2');
    ws.addRow(['TT', 'Xã, phường, thị trấn', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)', 'Số hộ cận nghèo', 'Tỷ lệ hộ cận nghèo (%)']).font = { bold: true };
    const line = (no, name, h, p, n) => [no, name, h, p, rate(p, h), n, rate(n, h)];
    const grand = [0, 0, 0];
    for (const [no, title, rows] of sections) {
        const sub = [0, 1, 2].map(k => rows.reduce((s, r) => s + r[1 + k], 0));
        sub.forEach((v, k) => { grand[k] += v; });
        // The slip: the rural subtotal of near-poor households printed 433 (the communes add up to 428).
        const printed = no === 'II' ? [sub[0], sub[1], sub[2] + 5] : sub;
        ws.addRow(line(no, title, ...printed)).font = { bold: true };
        rows.forEach((r, i) => ws.addRow(line(i + 1, ...r)));
    }
    const total = ws.addRow(line('', 'Tổng cộng (I+II)', ...grand));
    total.font = { bold: true };
    for (const c of ['C', 'D', 'F']) ws.getColumn(c).numFmt = '#,##0';
    for (const c of ['E', 'G']) ws.getColumn(c).numFmt = '0.00';
    await saveWorkbook(wb, '3-xa-theo-khu-vuc.xlsx');
}

// ---- 4. A CSV as Excel saves it under Vietnamese settings: ';' between fields, 29.822 and 3,17 -------
function csv() {
    const units = [['Huyện An Phú', 25410, 812, 25630, 640], ['Huyện Bình Sơn', 31205, 1045, 31480, 850], ['Thị xã Đông Hòa', 18760, 402, 18905, 310]];
    const lines = ['STT;Đơn vị;Kết quả năm 2023 - Tổng số hộ;Kết quả năm 2023 - Số hộ nghèo;Kết quả năm 2023 - Tỷ lệ hộ nghèo (%);Kế hoạch năm 2025 - Tổng số hộ;Kế hoạch năm 2025 - Số hộ nghèo;Kế hoạch năm 2025 - Tỷ lệ hộ nghèo (%)'];
    units.forEach(([name, h23, p23, h25, p25], i) => {
        // The slip: Đông Hòa's 2023 rate printed 2,41 (402 of 18.760 households is 2,14 %).
        const r23 = name === 'Thị xã Đông Hòa' ? 2.41 : rate(p23, h23);
        lines.push([i + 1, name, vi(h23), vi(p23), vi(r23, 2), vi(h25), vi(p25), vi(rate(p25, h25), 2)].join(';'));
    });
    const sum = k => units.reduce((s, u) => s + u[k], 0);
    lines.push(['', 'Tổng cộng', vi(sum(1)), vi(sum(2)), vi(rate(sum(2), sum(1)), 2), vi(sum(3)), vi(sum(4)), vi(rate(sum(4), sum(3)), 2)].join(';'));
    fs.writeFileSync(path.join(OUT, '4-dau-cham-phay.csv'), '\ufeff' + lines.join('\r\n') + '\r\n');
}

// ---- 5. A Word table with the province's total printed above its districts ------------------------
async function word() {
    const units = [['Huyện An Phú', [25630, 640], [25850, 505]], ['Huyện Bình Sơn', [31480, 850], [31760, 690]], ['Thành phố Tân An', [42560, 270], [42900, 210]]];
    const cell = (text, options = {}) => new TableCell({
        children: [new Paragraph({ alignment: options.align ?? AlignmentType.CENTER, children: [new TextRun({ text: String(text), bold: options.bold })] })],
        columnSpan: options.columnSpan, rowSpan: options.rowSpan
    });
    const header = [
        new TableRow({ tableHeader: true, children: [cell('TT', { bold: true, rowSpan: 2 }), cell('Đơn vị', { bold: true, rowSpan: 2 }),
            cell('Thực hiện năm 2024', { bold: true, columnSpan: 3 }), cell('Kế hoạch năm 2025', { bold: true, columnSpan: 3 })] }),
        new TableRow({ tableHeader: true, children: ['Tổng số hộ', 'Hộ nghèo', 'Tỷ lệ (%)', 'Tổng số hộ', 'Hộ nghèo', 'Tỷ lệ (%)'].map(t => cell(t, { bold: true })) })
    ];
    const figures = (years, bold) => years.flatMap(([h, p]) => [cell(vi(h), { bold, align: AlignmentType.RIGHT }), cell(vi(p), { bold, align: AlignmentType.RIGHT }), cell(vi(rate(p, h), 2), { bold, align: AlignmentType.RIGHT })]);
    const sums = [0, 1].map(y => [0, 1].map(k => units.reduce((s, u) => s + u[1 + y][k], 0)));
    // The slip: the province's 2025 households printed 100 more than its districts add up to.
    sums[1][0] += 100;
    const body = [
        new TableRow({ children: [cell('', { bold: true }), cell('Toàn tỉnh', { bold: true, align: AlignmentType.LEFT }), ...figures(sums, true)] }),
        ...units.map(([name, ...years], i) => new TableRow({ children: [cell(i + 1), cell(name, { align: AlignmentType.LEFT }), ...figures(years, false)] }))
    ];
    const document = new Document({
        creator: 'plan-as-code examples',
        sections: [{ children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Phụ lục 01', bold: true })] }),
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'TỶ LỆ HỘ NGHÈO THỰC HIỆN NĂM 2024 VÀ KẾ HOẠCH NĂM 2025', bold: true })] }),
            new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [...header, ...body] }),
            new Paragraph({ children: [new TextRun({ text: 'Ghi chú: tỷ lệ tính trên tổng số hộ dân cư.', italics: true })] })
        ] }]
    });
    const bytes = await Packer.toBuffer(document);
    fs.writeFileSync(path.join(OUT, '5-word-tong-tren.docx'), bytes);
}

await oneLevel();
await twoLevels();
await communes();
csv();
await word();
console.log(`written to ${OUT}`);
