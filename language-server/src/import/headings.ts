// The headings of published tables: which year a column belongs to and what kind of figure that year
// holds, and which measure the column is. Words are compared folded (no accents, lower case), so
// "Tỷ lệ hộ nghèo (%)", "TY LE HO NGHEO" and "Tỉ lệ hộ nghèo" read the same.
import { foldAccents } from '../lsp/fold.js';
import type { YearKind } from '../model/types.js';
import { oneLine } from './plan-text.js';

export function fold(text: string): string {
    // "tỉ lệ" is the other spelling of "tỷ lệ".
    return oneLine(foldAccents(text)).replace(/\bti le\b/g, 'ty le');
}

export interface YearHeading {
    year: number;
    /** What the words say, when they say it. */
    kind?: YearKind;
    /** "Đầu năm 2024": the stock at the start of the year, which is the end of the year before. */
    start?: boolean;
}

const YEAR = /(?:^|[^0-9])((?:19|20)[0-9]{2})(?![0-9])/;

/** The year of a heading and what its words say of it ("Kết quả năm 2022" → 2022, result). */
export function yearHeading(text: string): YearHeading | undefined {
    const folded = fold(text);
    const match = YEAR.exec(folded);
    if (!match) return undefined;
    // A period "2021-2025" or "giai đoạn 2021 - 2025" names no single year of a column.
    if (/(?:19|20)[0-9]{2}\s*[-–—]\s*(?:19|20)[0-9]{2}/.test(folded) || /giai doan/.test(folded)) return undefined;
    return { year: Number(match[1]), kind: yearKindOf(folded), start: /\bdau (nam|ky)\b/.test(folded) || undefined };
}

/** Result / plan / estimate / actual from a heading's words, when they say it. */
export function yearKindOf(folded: string): YearKind | undefined {
    if (/\buoc\b|uoc (tinh|thuc hien|th)\b/.test(folded)) return 'estimate';
    if (/ket qua|ra soat|thuc te|\bkq\b/.test(folded)) return 'result';
    if (/ke hoach|du kien|muc tieu|chi tieu|phan dau|dinh huong|\bkh\b/.test(folded)) return 'plan';
    if (/thuc hien|\bth\b/.test(folded)) return 'actual';
    if (/cuoi (nam|ky)|dau (nam|ky)/.test(folded)) return 'result';
    return undefined;
}

/** The heading without its year phrase ("Năm 2024 - Số hộ nghèo" → "Số hộ nghèo"). */
export function withoutYear(text: string): string {
    return oneLine(text
        .replace(/(kết quả|kết quả rà soát|kế hoạch|dự kiến|ước( thực hiện)?|thực hiện|mục tiêu|chỉ tiêu|đầu|cuối)?\s*(năm|kỳ)?\s*(19|20)[0-9]{2}\s*[-:–—]?/giu, ' '));
}

export type PredeclaredMeasure = 'households' | 'poor' | 'poor-rate' | 'near-poor' | 'near-poor-rate' | 'multidim' | 'multidim-rate';

export interface MeasureReading {
    /** A predeclared measure, or undefined for a column of its own. */
    measure?: PredeclaredMeasure;
    /** A rate heading that names no count ("Tỷ lệ (%)"): the rate of the count column before it. */
    rateOfPrevious?: boolean;
    /** The reading is a guess worth a comment (an ambiguous heading). */
    guessed?: boolean;
}

/** The predeclared measure a heading names, from the headings published tables use. */
export function measureOf(heading: string): MeasureReading {
    const h = fold(heading).replace(/\(.*?\)/g, ' ').replace(/[^a-z0-9%]+/g, ' ').trim();
    const rate = /\bty le\b|%/.test(fold(heading)) && !/\bso ho\b/.test(h.replace(/ty le.*/, ''));
    const nearPoor = /\bcan ngheo\b/.test(h);
    const poorWord = /\bngheo\b/.test(h.replace(/\bcan ngheo\b/g, ''));
    const flow = /thoat ngheo|phat sinh|tai ngheo|moi|giam|tang|thoat|muc song trung binh|trung binh/.test(h);
    if (flow) return {};
    if (rate) {
        if (poorWord && nearPoor) return { measure: 'multidim-rate' };
        // "Tỷ lệ (hộ) nghèo đa chiều": the project's heading of poor + near-poor (Quyết định 90's
        // multidimensional rate); "theo chuẩn nghèo đa chiều" names the standard of a poverty rate.
        if (/\bngheo da chieu\b/.test(h) && !/\bchuan ngheo\b/.test(h)) return { measure: 'multidim-rate', guessed: true };
        if (nearPoor) return { measure: 'near-poor-rate' };
        if (poorWord) return { measure: 'poor-rate' };
        if (/^(ty le|%|ty le %)$/.test(h) || h === '') return { rateOfPrevious: true };
        return {};
    }
    if (poorWord && nearPoor) return { measure: 'multidim' };
    if (nearPoor) return { measure: 'near-poor' };
    if (poorWord) return { measure: 'poor' };
    if (/^(tong so ho|tong ho|so ho|tong so ho dan cu|so ho dan cu|ho dan cu|tong so ho tren dia ban|tong so ho dan)\b/.test(h)) return { measure: 'households' };
    return {};
}

export type ColumnUnitGuess = 'households' | 'persons' | 'percent' | 'custom';

/** The unit of a column of its own, from its heading: "(hộ)", "người", "%"… */
export function unitOf(heading: string): { unit: ColumnUnitGuess; custom?: string; guessed: boolean } {
    const f = fold(heading);
    if (/%|\bty le\b/.test(f)) return { unit: 'percent', guessed: false };
    if (/\b(nguoi|nhan khau|lao dong)\b/.test(f)) return { unit: 'persons', guessed: false };
    if (/\bho\b/.test(f)) return { unit: 'households', guessed: false };
    const inParens = /\(([^)]+)\)/.exec(heading);
    if (inParens) return { unit: 'custom', custom: oneLine(inParens[1]), guessed: false };
    return { unit: 'households', guessed: true };
}

/** "Tỷ lệ hộ X (%)": the X a rate heading names, to find X's column. */
export function rateSubject(heading: string): string | undefined {
    const match = /^ty le (?:ho )?(.+?)\s*(?:%)?$/.exec(fold(heading).replace(/\(.*?\)/g, ' ').replace(/\s+/g, ' ').trim());
    return match?.[1];
}

/** The number column ("STT", "TT", "Số TT"). */
export function isNumberHeading(text: string): boolean {
    return /^(stt|tt|so tt|so thu tu|s tt)$/.test(fold(text).replace(/[^a-z ]/g, '').trim());
}

/** A total row: "Tổng cộng", "Toàn tỉnh", "Cộng", "Tổng số", "Cả nước", "Tổng cộng (I+II)". */
export function isTotalLabel(text: string): boolean {
    return /^(tong cong|tong so|tong|cong|toan tinh|toan thanh pho|toan huyen|toan xa|ca nuoc|toan quoc|chung toan tinh)\b/.test(fold(text));
}

/** A heading row of a section: Roman or letter numbering, or the words of a part of a table. */
export function isSectionNumber(text: string): boolean {
    return /^([ivxlc]+|[a-h])\.?$/i.test(oneLine(text)) && !/^[a-h]$/.test(oneLine(text));
}

export function isSectionLabel(text: string): boolean {
    return /^(khu vuc|vung|nhom|phan|thanh thi|nong thon|mien)\b/.test(fold(text));
}
