// A range copied from Excel, as the editor tests paste it: the plan it goes into (two of its three
// districts declared), the cells, and the clipboard's two flavours — tab-separated text, and the HTML
// page Excel writes (a fragment in a page of its own styles). The printed total of poor households
// is off by 10 (946 + 726 + 416 = 2.088, printed 2.098): the finding the paste must bring.
export const PASTE_PLAN = `plan dan_bang "Kế hoạch dán bảng"
number-style vi

district PhuCu "Phù Cừ" huyen
district TienLu "Tiên Lữ" huyen

`;

export const PASTE_ROWS = [
    ['STT', 'Đơn vị', 'Tổng số hộ năm 2024', 'Số hộ nghèo năm 2024'],
    ['1', 'Huyện Phù Cừ', '29.822', '946'],
    ['2', 'Huyện Tiên Lữ', '30.365', '726'],
    ['3', 'Thành phố Hưng Yên', '37.278', '416'],
    ['', 'Tổng cộng', '97.465', '2.098']
];

export const PASTE_TSV = PASTE_ROWS.map(r => r.join('\t')).join('\r\n') + '\r\n';

export const PASTE_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><style>.xl65{mso-number-format:"\\#\\,\\#\\#0"}</style></head>
<body link="#0563C1" vlink="#954F72"><table border=0 cellpadding=0 cellspacing=0 width=400 style='border-collapse:collapse;width:300pt'>
<!--StartFragment-->
${PASTE_ROWS.map(r => ` <tr height=20 style='height:15.0pt'>\n${r.map(c => `  <td${/^[\d.]+$/.test(c) ? ' class=xl65 align=right' : ''}>${c}</td>`).join('\n')}\n </tr>`).join('\n')}
<!--EndFragment-->
</table></body></html>`;
