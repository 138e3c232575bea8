// What the extension's settings mean, kept free of vscode so that tests can check it: the message
// language (of new templates and the preview; the server resolves its own from the same setting) and
// when to stop restarting a crashing server.
import { SETTING_KEYS, SETTINGS_SECTION } from '../../../common/protocol.js';

export type PlanLocale = 'vi' | 'en';

/** Section and keys of the settings in package.json (contributes.configuration), as the server reads them. */
export const SECTION = SETTINGS_SECTION;
export const KEYS = SETTING_KEYS;

/**
 * The language of the server's messages and of new templates: "vi" or "en" as set, or with "auto"
 * VS Code's display language — Vietnamese for vi*, English for any other, as VS Code's own menus
 * fall back to English for languages the extension does not speak.
 */
export function resolveLocale(setting: unknown, displayLanguage: string | undefined): PlanLocale {
    if (setting === 'vi' || setting === 'en') return setting;
    return (displayLanguage ?? '').toLowerCase().startsWith('vi') ? 'vi' : 'en';
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
