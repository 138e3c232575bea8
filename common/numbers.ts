// Numbers as a document prints them. A plan declares its number style; every printed number is read
// under that style only. A number that fits only the other style is an error, never a silent misread.

export type NumberStyle = 'vi' | 'international';

export interface ReadNumber {
    /** The value, when the printed text fits the declared style. */
    value?: number;
    /** Digits after the decimal separator as printed ("1,2" has 1, "0,65" has 2). */
    decimals: number;
    /** Why the text could not be read: it fits the other style only, or no style at all. */
    problem?: 'wrong-style' | 'malformed';
    /** The same number rewritten in the declared style, when the other style could read it. */
    suggestion?: string;
}

interface StyleMarks { group: string; decimal: string }

const MARKS: Record<NumberStyle, StyleMarks> = {
    vi: { group: '.', decimal: ',' },
    international: { group: ',', decimal: '.' }
};

const PATTERNS: Record<NumberStyle, RegExp> = {
    // 29.822 · 1.234,5 · 3,17 · 29822 (thousands groups of exactly three digits)
    vi: /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/,
    international: /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/
};

export function otherStyle(style: NumberStyle): NumberStyle {
    return style === 'vi' ? 'international' : 'vi';
}

function readIn(text: string, style: NumberStyle): { value: number; decimals: number } | undefined {
    const match = PATTERNS[style].exec(text);
    if (!match) return undefined;
    const { group, decimal } = MARKS[style];
    const canonical = text.split(group).join('').replace(decimal, '.');
    return { value: Number(canonical), decimals: match[1]?.length ?? 0 };
}

/** Reads a printed number under the declared style. */
export function readNumber(text: string, style: NumberStyle): ReadNumber {
    const own = readIn(text, style);
    if (own) return own;
    const other = readIn(text, otherStyle(style));
    if (other) {
        return {
            decimals: other.decimals,
            problem: 'wrong-style',
            suggestion: formatNumber(other.value, style, other.decimals)
        };
    }
    return { decimals: 0, problem: 'malformed' };
}

/**
 * A whole number written with the other style's thousands separators ("28,700" under `vi`), as this
 * style prints it ("28.700"); undefined when the text is no such number. The likely reading of a
 * count typed the other way, which a count column should offer before any decimal reading.
 */
export function thousandsReading(text: string, style: NumberStyle): string | undefined {
    const group = MARKS[otherStyle(style)].group === '.' ? '\\.' : ',';
    if (!new RegExp(`^-?\\d{1,3}(${group}\\d{3})+$`).test(text)) return undefined;
    return formatNumber(Number(text.replace(/[.,]/g, '')), style);
}

/** Prints a value in a style with a fixed number of decimals, grouping thousands. */
export function formatNumber(value: number, style: NumberStyle, decimals = 0, grouping = true): string {
    const { group, decimal } = MARKS[style];
    const negative = value < 0;
    const fixed = Math.abs(value).toFixed(decimals);
    const [intPart, fracPart] = fixed.split('.');
    const grouped = grouping ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group) : intPart;
    return (negative ? '-' : '') + grouped + (fracPart ? decimal + fracPart : '');
}

/** Rounds half away from zero at a number of decimals, as printed tables do. */
export function roundTo(value: number, decimals: number): number {
    const factor = 10 ** decimals;
    // The small nudge keeps 1.005-style binary artefacts from rounding down.
    return Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9) / factor;
}

/**
 * Whether a printed value is the exact value rounded to the printed decimals ("1,2" for 1,2004…),
 * allowing an extra tolerance in the value's own unit.
 */
export function matchesRounded(printed: number, decimals: number, exact: number, tolerance = 0): boolean {
    return Math.abs(roundTo(exact, decimals) - printed) <= tolerance + 1e-9;
}

/** A year is printed as plain digits (2025), never grouped. */
export function readYear(text: string): number | undefined {
    return /^\d{4}$/.test(text) ? Number(text) : undefined;
}
