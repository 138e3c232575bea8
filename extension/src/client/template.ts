// The skeleton of a new plan, shared by the "New plan from template" command and its test, so it
// imports nothing from vscode. Labels stay Vietnamese (they are the document's text); the guiding
// comments follow the editor's language (common/words/template.ts).
import { say, type Args } from '../../../common/catalogue.js';
import { TEMPLATE_COMMENTS } from '../../../common/words/template.js';

export type TemplateLocale = 'vi' | 'en';

export interface TemplateOptions {
    locale?: TemplateLocale;
    /** First year of the plan's period; defaults to {@link defaultFirstYear} of the current year. */
    from?: number;
    /** Last year; defaults to the end of the national five-year period containing `from` (…2025, …2030). */
    to?: number;
}

/** End of the national five-year period (2021–2025, 2026–2030, …) that contains `year`. */
export function periodEnd(year: number): number {
    return year + 4 - ((((year - 1) % 5) + 5) % 5);
}

/** A plan written in the last year of a national period is for the next period, otherwise for this one. */
export function defaultFirstYear(currentYear: number): number {
    return periodEnd(currentYear) === currentYear ? currentYear + 1 : currentYear;
}


// The six dimensions of the multidimensional poverty standard, each with one indicator to fill and
// the agency that usually leads it.
const DIMENSIONS: Array<{ id: string; label: string; indicator: string; text: string; lead: string }> = [
    { id: 'viec_lam', label: 'Việc làm', indicator: 'vl_chi_tieu', lead: 'NOI_VU',
        text: 'Tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo có nhu cầu được hỗ trợ tìm việc làm' },
    { id: 'y_te', label: 'Y tế', indicator: 'yt_chi_tieu', lead: 'YT',
        text: 'Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế' },
    { id: 'giao_duc', label: 'Giáo dục', indicator: 'gd_chi_tieu', lead: 'GDDT',
        text: 'Tỷ lệ trẻ em thuộc hộ nghèo, hộ cận nghèo đi học đúng độ tuổi' },
    { id: 'nha_o', label: 'Nhà ở', indicator: 'no_chi_tieu', lead: 'XD',
        text: 'Tỷ lệ hộ nghèo có khó khăn về nhà ở được hỗ trợ xây mới, sửa chữa nhà ở' },
    { id: 'nuoc_ve_sinh', label: 'Nước sinh hoạt và vệ sinh', indicator: 'nvs_chi_tieu', lead: 'NNMT',
        text: 'Tỷ lệ hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh' },
    { id: 'thong_tin', label: 'Thông tin', indicator: 'tt_chi_tieu', lead: 'KHCN',
        text: 'Tỷ lệ hộ nghèo, hộ cận nghèo được tiếp cận dịch vụ viễn thông, internet' }
];

const DISTRICTS = [
    { id: 'huyen_a', label: 'Huyện A', kind: 'huyen' },
    { id: 'huyen_b', label: 'Huyện B', kind: 'huyen' },
    { id: 'thanh_pho_c', label: 'Thành phố C', kind: 'thanh-pho' }
];

/** The text of a new plan: parses without syntax errors and leaves every figure to fill. */
export function planTemplate(options: TemplateOptions = {}): string {
    const locale = options.locale ?? 'vi';
    const c = (key: keyof typeof TEMPLATE_COMMENTS, args?: Args) => say(TEMPLATE_COMMENTS[key], locale, args);
    const from = options.from ?? defaultFirstYear(new Date().getFullYear());
    const to = options.to ?? periodEnd(from);
    const base = from - 1;
    const period = `${from}-${to}`;
    const planYears: number[] = [];
    for (let y = from; y <= to; y++) planYears.push(y);
    // Annex 01 shows the baseline year as a result, then every plan year.
    const tableYears = [`${base} result`, ...planYears.map(y => `${y} plan`)].join('  ');
    const blankYears = (indent: string) => [base, ...planYears].map(y => `${indent}${y}:  -  -  -`).join('\n');

    const lines: string[] = [];
    const push = (...l: string[]) => lines.push(...l);
    push(
        // The plan line first: VS Code names an untitled editor after its first line.
        `plan ke_hoach_moi "Kế hoạch … giai đoạn ${period}"`,
        'number-style vi',
        `// ${c('intro')}`,
        `// ${c('keys')}`,
        '',
        'header {',
        '    number "" code "KH-UBND"',
        '    issuer "Ủy ban nhân dân tỉnh …"',
        '    issuer-short "UBND tỉnh"',
        '    place "…"',
        `    date ?/?/${from}`,
        '    kind "KẾ HOẠCH"',
        '    title "…"',
        `    implements "…" dated ?/?/${from} by "…"`,
        `    period ${from} to ${to}`,
        '    signer "…" position "CHỦ TỊCH" authority "TM. ỦY BAN NHÂN DÂN"',
        '    recipient "…"',
        '}',
        '',
        `// ${c('purpose')}`,
        'purpose "…"',
        'requirement "…"',
        '',
        `// ${c('objective')}`,
        'objective "…"',
        '',
        `standard chuan_ngheo "Chuẩn nghèo đa chiều giai đoạn ${period}" basis "…"`,
        '',
        `// ${c('agencies')}`,
        'agency NNMT "Sở Nông nghiệp và Môi trường" department',
        'agency NOI_VU "Sở Nội vụ" department',
        'agency YT "Sở Y tế" department',
        'agency GDDT "Sở Giáo dục và Đào tạo" department',
        'agency XD "Sở Xây dựng" department',
        'agency KHCN "Sở Khoa học và Công nghệ" department',
        'agency TC "Sở Tài chính" department',
        'agency NHCSXH "Chi nhánh Ngân hàng Chính sách xã hội tỉnh" bank',
        'agency UBND_HUYEN "UBND huyện, thị xã, thành phố" committee',
        '',
        `// ${c('districts')}`,
        ...DISTRICTS.map(d => `district ${d.id} "${d.label}" ${d.kind}`),
        '',
        `// ${c('table')}`,
        `table phu_luc_01 "DỰ KIẾN TỶ LỆ HỘ NGHÈO GIAI ĐOẠN ${period}" {`,
        '    annex "01"',
        '    standard chuan_ngheo',
        `    years { ${tableYears} }`,
        '    columns households poor poor-rate'
    );
    DISTRICTS.forEach((d, i) => push(`    row ${i + 1} ${d.id} {`, blankYears('        '), '    }'));
    push(
        '    total "Tổng cộng" {',
        blankYears('        '),
        '    }',
        '}',
        '',
        'indicator ty_le_ho_ngheo "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều" {',
        '    unit percent',
        '    direction lower',
        '    computed poor-rate of phu_luc_01',
        '    lead NNMT coordinate UBND_HUYEN',
        '}',
        '',
        `// ${c('indicators')}`,
        `//     ${c('values', { base, from })}`,
        `indicator-table "Bảng dự kiến chỉ tiêu giải quyết mức độ thiếu hụt các dịch vụ xã hội cơ bản đến năm ${to}" annex "02"`
    );
    for (const d of DIMENSIONS) {
        push(
            `dimension ${d.id} "${d.label}" {`,
            `    heading "Chiều thiếu hụt về ${d.label.toLowerCase()}"`,
            `    indicator ${d.indicator} "${d.text}" {`,
            '        unit percent',
            '        direction higher',
            `        lead ${d.lead}`,
            '    }',
            '}'
        );
    }
    push(
        '',
        `// ${c('targets')}`,
        'target mt_ty_le_ho_ngheo {',
        '    indicator ty_le_ho_ngheo',
        `    year ${to}`,
        '    standard chuan_ngheo',
        '    text "…"',
        '}',
        '',
        `// ${c('solutions')}`,
        'solutions "NỘI DUNG THỰC HIỆN" {',
        '    group 1 "…" {',
        '        solution "…" {',
        '            text "…"',
        '            lead NNMT',
        '        }',
        '    }',
        '}',
        '',
        `// ${c('funding')}`,
        'funding {',
        '    source ngan_sach "Ngân sách nhà nước theo phân cấp hiện hành"',
        '    source tin_dung "Nguồn vốn tín dụng chính sách" via NHCSXH',
        '}',
        '',
        `// ${c('duties')}`,
        'duties "TỔ CHỨC THỰC HIỆN" {',
        '    1 NNMT {',
        '        "…"',
        '    }',
        '    2 TC {',
        '        "…"',
        '    }',
        '}',
        '',
        `// ${c('tasks')}`,
        'tasks "NHIỆM VỤ XÂY DỰNG CHÍNH SÁCH" {',
        '    annex "03"',
        '    task 1 "…" {',
        '        lead NNMT coordinate TC',
        `        submit ${to}`,
        '    }',
        '}',
        ''
    );
    return lines.join('\n');
}
