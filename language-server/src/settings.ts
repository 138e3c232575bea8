// Settings that change what the server reports: the message language and rule options.
import type { Locale } from './validation/codes.js';
import { DEFAULT_OPTIONS, type CheckOptions } from './validation/rule.js';

export class PlanSettings {
    locale: Locale = 'vi';
    options: CheckOptions = { ...DEFAULT_OPTIONS };
}

/** Maps a VS Code display language (vi, en-US, …) or a setting value to a message language. */
export function toLocale(value: string | undefined, fallback: Locale = 'vi'): Locale {
    if (!value) return fallback;
    const v = value.toLowerCase();
    if (v.startsWith('vi')) return 'vi';
    if (v.startsWith('en')) return 'en';
    return fallback;
}
