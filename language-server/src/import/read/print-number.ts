// An Excel number as Excel prints it with the cell's own number format, in the plan's number style:
// numfmt (a kept implementation of Excel's format language) does the printing with the Vietnamese or
// English separators; its format info gives the printed decimals and whether thousands are grouped.
//
// Decisions: "General" prints the shortest digits of the value at Excel's 15 significant digits,
// ungrouped (29822 → "29822", 3.1688 → "3,1688"), rather than General's width-bound rounding; a
// percent format prints the value × 100 with "%" as Excel does ("1,27%"), with `percent` set and the
// stored fraction as `value`; padding and fill of accounting formats are trimmed from the ends; a
// format numfmt cannot read falls back to General.
import { format, getFormatInfo } from 'numfmt';
import { formatNumber, type NumberStyle } from '../../../../common/numbers.js';

export interface PrintedNumber {
    text: string;
    value: number;
    decimals: number;
    grouped: boolean;
    percent?: boolean;
}

const LOCALE: Record<NumberStyle, string> = { vi: 'vi', international: 'en' };

/** Digits after the point of a value at 15 significant digits, as Excel holds it. */
function generalDecimals(value: number): number {
    const digits = Number(value.toPrecision(15)).toString();
    if (/e/i.test(digits)) {
        const [mantissa, exponent] = digits.split(/e/i);
        return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
    }
    return digits.split('.')[1]?.length ?? 0;
}

function general(value: number, style: NumberStyle): PrintedNumber {
    // Whole numbers, nearly every cell of a table, need no rounding to 15 digits.
    if (Number.isSafeInteger(value)) return { text: String(value), value, decimals: 0, grouped: false };
    const decimals = Math.min(generalDecimals(value), 20);
    return { text: formatNumber(Number(value.toPrecision(15)), style, decimals, false), value, decimals, grouped: false };
}

/** The number printed with its format (undefined or "General": the shortest exact digits). */
export function printCellNumber(value: number, numFmt: string | undefined, style: NumberStyle): PrintedNumber {
    if (!Number.isFinite(value) || numFmt === undefined || /^general$/i.test(numFmt.trim())) return general(value, style);
    try {
        const info = getFormatInfo(numFmt);
        if (info.type === 'general' || info.type === 'text' || info.type === 'error') return general(value, style);
        const text = format(numFmt, value, { locale: LOCALE[style], throws: true }).replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
        const printed: PrintedNumber = { text, value, decimals: info.isDate ? 0 : info.maxDecimals, grouped: info.grouped === 1 };
        if (info.isPercent) printed.percent = true;
        return printed;
    } catch {
        return general(value, style);
    }
}

/** A date as dd/mm/yyyy (exceljs gives dates at UTC midnight of the day Excel shows). */
export function printDate(date: Date): string {
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}
