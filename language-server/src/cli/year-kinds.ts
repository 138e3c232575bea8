// `--years 2023=result,2024=plan`: the kinds of years a table's headings do not state.
import type { YearKind } from '../model/types.js';

/** "2023=result,2024=plan" → { 2023: 'result', 2024: 'plan' }; undefined when malformed. */
export function parseYearKinds(value: string): Record<number, YearKind> | undefined {
    const out: Record<number, YearKind> = {};
    for (const part of value.split(',').map(p => p.trim()).filter(Boolean)) {
        const m = /^((?:19|20)\d{2})\s*=\s*(result|plan|estimate|actual)$/.exec(part);
        if (!m) return undefined;
        out[Number(m[1])] = m[2] as YearKind;
    }
    return out;
}
