// What the checker is told from outside the plan: the message language and the rule options. The
// language server fills it from the client's settings (lsp/settings.ts), the CLI from its flags.
import type { Locale } from '../../../common/locale.js';

export interface CheckOptions {
    /** Extra tolerance, in percentage points, when a printed rate is compared with poor/total. */
    rateTolerance: number;
    /** Tolerance of "khoảng" (about), relative to the target value, when the target gives none. */
    aboutRelativeTolerance: number;
}

export const DEFAULT_OPTIONS: CheckOptions = { rateTolerance: 0, aboutRelativeTolerance: 0.1 };

export class PlanSettings {
    locale: Locale = 'vi';
    options: CheckOptions = { ...DEFAULT_OPTIONS };
    /** Inlay hints: the computed rate or sum beside a printed one that differs (setting plan.inlayHints.enabled). */
    inlayHints = true;
    /**
     * The rules' page (a file: URI of RULES.md written beside the server at build time) that each
     * finding's codeDescription links to, at its rule's line; none when the page is not there.
     */
    rulesPage?: string;
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

