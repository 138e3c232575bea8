// What the extension's settings mean, kept free of vscode so that tests can check it: the message
// language, the validation options sent to the server and when to stop restarting a crashing server.
import type { SetOptionsParams } from '../../../language-server/src/protocol.js';

export type PlanLocale = 'vi' | 'en';

/** Section and keys of the settings in package.json (contributes.configuration). */
export const SECTION = 'plan';
export const KEYS = {
    language: 'language',
    rateTolerance: 'validation.rateTolerance',
    aboutTolerance: 'validation.aboutTolerance',
    inlayHints: 'inlayHints.enabled'
} as const;

/**
 * The language of the server's messages and of new templates: "vi" or "en" as set, or with "auto"
 * VS Code's display language — Vietnamese for vi*, English for any other, as VS Code's own menus
 * fall back to English for languages the extension does not speak.
 */
export function resolveLocale(setting: unknown, displayLanguage: string | undefined): PlanLocale {
    if (setting === 'vi' || setting === 'en') return setting;
    return (displayLanguage ?? '').toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** The validation options as the server takes them; values that are not numbers ≥ 0 are left out. */
export function validationOptions(get: (key: string) => unknown): SetOptionsParams {
    const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    const options: SetOptionsParams = {};
    const rate = get(KEYS.rateTolerance);
    const about = get(KEYS.aboutTolerance);
    if (ok(rate)) options.rateTolerance = rate;
    if (ok(about)) options.aboutTolerance = about;
    return options;
}

/**
 * Restart a server that stopped unexpectedly, unless it already did so `max` times within `windowMs`:
 * a server that crashes on every start (a broken file it cannot survive) must not loop forever.
 */
export class CrashPolicy {
    private crashes: number[] = [];
    constructor(readonly max = 4, readonly windowMs = 3 * 60 * 1000) {}

    /** Records a crash at `now` (ms) and says what to do. */
    onCrash(now: number): { action: 'restart'; count: number } | { action: 'stop'; count: number } {
        this.crashes = this.crashes.filter(t => now - t < this.windowMs);
        this.crashes.push(now);
        const count = this.crashes.length;
        return count <= this.max ? { action: 'restart', count } : { action: 'stop', count };
    }

    /** A restart asked for by the user starts counting afresh. */
    reset(): void {
        this.crashes = [];
    }
}
