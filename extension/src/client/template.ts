// The skeleton of a new plan, shared by the "New plan from template" command and its test, so it
// imports nothing from vscode. Labels stay Vietnamese (they are the document's text); the guiding
// comments follow the editor's language (common/words/template.ts). The command's answers (province,
// period, units) are read here too: what they may be, and the plan's file name made from them.
import { say, type Args } from '../../../common/catalogue.js';
import { TEMPLATE_COMMENTS } from '../../../common/words/template.js';

export type TemplateLocale = 'vi' | 'en';

/** A unit the plan's table has a row for: a district (huyện, thị xã, thành phố, quận) or a commune. */
export interface PlanUnit {
    id: string;
    /** The name as the annex prints it: "Phù Cừ". */
    label: string;
    level: 'district' | 'commune';
    kind: 'huyen' | 'thi-xa' | 'thanh-pho' | 'quan' | 'xa' | 'phuong' | 'thi-tran';
    /** "Thị xã Mỹ Hào", where the kind word was given and is not the level's usual one. */
    fullName?: string;
}

/** The province as answered: its name ("Hưng Yên") and whether it is a province or a centrally-run city. */
export interface Province { name: string; city: boolean }

export interface TemplateOptions {
    locale?: TemplateLocale;
    /** First year of the plan's period; defaults to {@link defaultFirstYear} of the current year. */
    from?: number;
    /** Last year; defaults to the end of the national five-year period containing `from` (…2025, …2030). */
    to?: number;
    province?: Province;
    /** The rows of Annex 01; three placeholders ("Huyện A"…) when none are given. */
    units?: PlanUnit[];
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

const PLACEHOLDER_UNITS: PlanUnit[] = [
    { id: 'huyen_a', label: 'Huyện A', level: 'district', kind: 'huyen' },
    { id: 'huyen_b', label: 'Huyện B', level: 'district', kind: 'huyen' },
    { id: 'thanh_pho_c', label: 'Thành phố C', level: 'district', kind: 'thanh-pho' }
];

// ---- The answers -----------------------------------------------------------------------------------

/** What the input boxes show as examples: Vietnamese names, as they are typed. */
export const EXAMPLE_PROVINCE = 'Hưng Yên';
export const EXAMPLE_UNITS = 'Phù Cừ, Tiên Lữ, thị xã Mỹ Hào, thành phố Hưng Yên';

/** Without accents, đ as d: "Hưng Yên" → "Hung Yen" (file names, ids, matching typed names). */
export function foldVietnamese(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** "Hưng Yên" → "hung-yen": ASCII, lower case, words joined by "-". */
export function slug(text: string): string {
    return foldVietnamese(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The centrally-run cities (thành phố trực thuộc trung ương), by their folded names. */
const CITIES = ['ha noi', 'ho chi minh', 'hai phong', 'da nang', 'can tho', 'hue'];

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}\p{N} .'-]*$/u;
/** A unit's name may be a number: "Phường 1". */
const UNIT_NAME = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .'-]*$/u;

/** Why a province's name cannot be used, or undefined when it can. */
export function provinceProblem(input: string): 'empty' | 'characters' | 'length' | undefined {
    const name = provinceOf(input).name;
    if (name === '') return 'empty';
    if (name.length > 40) return 'length';
    return NAME.test(name) ? undefined : 'characters';
}

/** "tỉnh Hưng Yên", "Hưng Yên", "TP Hà Nội", "thành phố Hồ Chí Minh" → the name and whether it is a city. */
export function provinceOf(input: string): Province {
    const trimmed = input.normalize('NFC').trim().replace(/\s+/g, ' ');
    const m = /^(t[iỉ]nh|th[aà]nh ph[oố]|tp\.?)(?:\s+|$)/i.exec(trimmed);
    const name = m ? trimmed.slice(m[0].length) : trimmed;
    const folded = foldVietnamese(name).toLowerCase().replace(/^tp\.?\s*/, '');
    return { name, city: (m !== null && !/^t[iỉ]nh/i.test(m[1])) || CITIES.includes(folded) };
}

/** "tỉnh Hưng Yên" / "thành phố Hà Nội": as the plan's sentences name it. */
export function provinceTitle(province: Province): string {
    return `${province.city ? 'thành phố' : 'tỉnh'} ${province.name}`;
}

/** "2026-2030", "2026–2030", "2026 đến 2030", "2026 to 2030" → the years, or why not. */
export function parsePeriod(input: string): { from: number; to: number } | { problem: 'format' | 'order' | 'range' } {
    const m = /^\s*(\d{4})\s*(?:-|–|—|\s|\.\.|đến|den|to)\s*(\d{4})\s*$/i.exec(input);
    if (!m) return { problem: 'format' };
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from < 2000 || to > 2100) return { problem: 'range' };
    if (to < from || to - from > 10) return { problem: 'order' };
    return { from, to };
}

/** A kind word at the start of a unit's name, in either spelling, and what it makes of the unit. */
const UNIT_KINDS: Array<{ word: RegExp; level: PlanUnit['level']; kind: PlanUnit['kind']; full?: string }> = [
    { word: /^huy[eệ]n(?:\s+|$)/i, level: 'district', kind: 'huyen' },
    { word: /^th[iị] x[aã](?:\s+|$)/i, level: 'district', kind: 'thi-xa', full: 'Thị xã' },
    { word: /^(th[aà]nh ph[oố]|tp\.?)\s*/i, level: 'district', kind: 'thanh-pho', full: 'Thành phố' },
    { word: /^qu[aậ]n(?:\s+|$)/i, level: 'district', kind: 'quan', full: 'Quận' },
    { word: /^th[iị] tr[aấ]n(?:\s+|$)/i, level: 'commune', kind: 'thi-tran', full: 'Thị trấn' },
    { word: /^ph[uư][oờ]ng(?:\s+|$)/i, level: 'commune', kind: 'phuong', full: 'Phường' },
    { word: /^x[aã](?:\s+|$)/i, level: 'commune', kind: 'xa' }
];

/** "PhuCu" from "Phù Cừ": an id of the plan language ([_a-zA-Z][_a-zA-Z0-9]*). */
function unitId(name: string, kind: PlanUnit['kind']): string {
    const camel = foldVietnamese(name).split(/[^A-Za-z0-9]+/).filter(Boolean)
        .map(w => w[0].toUpperCase() + w.slice(1)).join('');
    if (/^[A-Za-z]/.test(camel)) return camel;
    // "Phường 1": a name that starts with a digit takes its kind word first
    return kind.split('-').map(w => w[0].toUpperCase() + w.slice(1)).join('') + camel;
}

export type UnitsProblem = 'characters' | 'duplicate' | 'count' | 'length';

/**
 * The units typed in one line, separated by commas (or semicolons): "Phù Cừ, Tiên Lữ, thị xã Mỹ Hào,
 * thành phố Hưng Yên". A name without a kind word is a huyện. Nothing typed: no units (the template
 * then has its placeholders).
 */
export function parseUnits(input: string): { units: PlanUnit[] } | { problem: UnitsProblem; name?: string } {
    const names = input.normalize('NFC').split(/[,;\n]/).map(n => n.trim().replace(/\s+/g, ' ')).filter(Boolean);
    if (names.length > 60) return { problem: 'count' };
    const units: PlanUnit[] = [];
    const ids = new Set<string>();
    const seen = new Set<string>();
    for (const typed of names) {
        const kind = UNIT_KINDS.find(k => k.word.test(typed));
        const label = kind ? typed.replace(kind.word, '') : typed;
        if (label.length > 50) return { problem: 'length', name: typed };
        if (label === '' || !UNIT_NAME.test(label)) return { problem: 'characters', name: typed };
        // "Phường 1" is printed whole: a number alone names nothing
        const numbered = kind !== undefined && /^\p{N}/u.test(label);
        const unit: PlanUnit = {
            id: '', label: numbered ? typed[0].toUpperCase() + typed.slice(1) : label,
            level: kind?.level ?? 'district', kind: kind?.kind ?? 'huyen'
        };
        const key = `${unit.kind} ${foldVietnamese(label).toLowerCase()}`;
        if (seen.has(key)) return { problem: 'duplicate', name: typed };
        seen.add(key);
        let id = unitId(label, unit.kind);
        for (let n = 2; ids.has(id); n++) id = `${unitId(label, unit.kind)}${n}`;
        ids.add(id);
        unit.id = id;
        if (kind?.full && !numbered) unit.fullName = `${kind.full} ${label}`;
        units.push(unit);
    }
    return { units };
}

/** The new plan's file name: "ke-hoach-giam-ngheo-hung-yen-2026-2030.plan" (ASCII, from the answers). */
export function planFileName(options: { province?: Province; from: number; to: number }): string {
    const place = options.province ? slug(options.province.name) : '';
    return ['ke-hoach-giam-ngheo', place, String(options.from), String(options.to)].filter(Boolean).join('-') + '.plan';
}

/** The plan's id: "giam_ngheo_hung_yen_2026_2030". */
export function planId(options: { province?: Province; from: number; to: number }): string {
    const place = options.province ? slug(options.province.name).replace(/-/g, '_') : '';
    return ['giam_ngheo', place, String(options.from), String(options.to)].filter(Boolean).join('_');
}

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
    const province = options.province;
    const units = options.units && options.units.length > 0 ? options.units : PLACEHOLDER_UNITS;
    const communes = units.every(u => u.level === 'commune');
    const localCommittee = communes
        ? 'agency UBND_XA "UBND xã, phường, thị trấn" committee'
        : 'agency UBND_HUYEN "UBND huyện, thị xã, thành phố" committee';
    const localId = communes ? 'UBND_XA' : 'UBND_HUYEN';
    const where = province ? provinceTitle(province) : '';

    const lines: string[] = [];
    const push = (...l: string[]) => lines.push(...l);
    push(
        province
            ? `plan ${planId({ province, from, to })} "Kế hoạch giảm nghèo bền vững ${where} giai đoạn ${period}"`
            : `plan ke_hoach_moi "Kế hoạch … giai đoạn ${period}"`,
        'number-style vi',
        `// ${c('intro')}`,
        `// ${c('keys')}`,
        '',
        'header {',
        '    number "" code "KH-UBND"',
        `    issuer "Ủy ban nhân dân ${where || 'tỉnh …'}"`,
        `    issuer-short "UBND ${province?.city ? 'thành phố' : 'tỉnh'}"`,
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
        localCommittee,
        '',
        `// ${c('districts')}`,
        ...units.map(u => `${u.level} ${u.id} "${u.label}" ${u.kind}${u.fullName ? ` full-name "${u.fullName}"` : ''}`),
        '',
        `// ${c('table')}`,
        `table phu_luc_01 "DỰ KIẾN TỶ LỆ HỘ NGHÈO GIAI ĐOẠN ${period}" {`,
        '    annex "01"',
        '    standard chuan_ngheo',
        `    years { ${tableYears} }`,
        '    columns households poor poor-rate'
    );
    units.forEach((u, i) => push(`    row ${i + 1} ${u.id} {`, blankYears('        '), '    }'));
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
        `    lead NNMT coordinate ${localId}`,
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
