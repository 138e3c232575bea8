// Settings that change what the server reports: the message language and rule options.
import type { Locale } from './validation/codes.js';
import { DEFAULT_OPTIONS, type CheckOptions } from './validation/rule.js';

export class PlanSettings {
    locale: Locale = 'vi';
    options: CheckOptions = { ...DEFAULT_OPTIONS };
    /** Inlay hints: the computed rate or sum beside a printed one that differs (setting plan.inlayHints.enabled). */
    inlayHints = true;
}

/** Maps a VS Code display language (vi, en-US, …) or a setting value to a message language. */
export function toLocale(value: string | undefined, fallback: Locale = 'vi'): Locale {
    if (!value) return fallback;
    const v = value.toLowerCase();
    if (v.startsWith('vi')) return 'vi';
    if (v.startsWith('en')) return 'en';
    return fallback;
}

/**
 * The check options after a client's settings (plan.validation.*): a value that is not a finite,
 * non-negative number keeps the current one, so a typo in settings.json cannot disable a check.
 */
export function mergeOptions(current: CheckOptions, params: { rateTolerance?: unknown; aboutTolerance?: unknown } | undefined): CheckOptions {
    const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    return {
        rateTolerance: ok(params?.rateTolerance) ? params.rateTolerance : current.rateTolerance,
        aboutRelativeTolerance: ok(params?.aboutTolerance) ? params.aboutTolerance : current.aboutRelativeTolerance
    };
}
