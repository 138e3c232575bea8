// Numbers on chart axes and tooltips, printed in the plan's own style (vi: 29.822 and 3,17).
import { formatNumber, type NumberStyle } from '../../common/numbers.js';

/** The value with as many decimals as it needs, up to `maxDecimals` (3,17 · 0,5 · 29.822). */
export function formatAuto(value: number, style: NumberStyle, maxDecimals = 2): string {
    const factor = 10 ** maxDecimals;
    const rounded = Math.round(value * factor) / factor;
    let decimals = 0;
    while (decimals < maxDecimals && Math.abs(rounded * 10 ** decimals - Math.round(rounded * 10 ** decimals)) > 1e-6) decimals++;
    return formatNumber(rounded, style, decimals);
}

/** " %" is printed tight to the number ("3,17%"); other units after a space ("29.822 hộ"). */
export function withUnit(text: string, unit: string | undefined): string {
    if (!unit) return text;
    return unit === '%' ? `${text}%` : `${text} ${unit}`;
}
