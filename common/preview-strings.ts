// The preview's own words in Vietnamese and English, for the host (titles, dialogs) and the webview
// (labels, tabs): the words are in common/words/preview.ts; this gives them by locale. The plan's
// own content (annex titles, headings) stays as the plan writes it.
import type { Locale } from './locale.js';
import { fill } from './catalogue.js';
import { PREVIEW } from './words/preview.js';
import type { ExportFormat } from './export.js';

export type { Locale } from './locale.js';

export type Strings = { readonly [K in keyof typeof PREVIEW]: string };

function inLocale(locale: Locale): Strings {
    return Object.fromEntries(Object.entries(PREVIEW).map(([key, words]) => [key, words[locale]])) as Strings;
}

const CATALOGUE: Record<Locale, Strings> = { vi: inLocale('vi'), en: inLocale('en') };

export function stringsFor(locale: Locale): Strings {
    return CATALOGUE[locale];
}

/** "Lỗi: {0}" with its arguments: the catalogue's placeholders, named by position. */
export function format(template: string, ...args: (string | number)[]): string {
    return fill(template, 'en', Object.fromEntries(args.map((arg, i) => [String(i), arg])));
}

/** The UI language from a VS Code display language (vi, en-US, …); other languages get English. */
export function localeOf(language: string | undefined): Locale {
    return language?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** An export format as buttons and lists name it: "DOCX", "Văn bản DOCX". */
export function formatLabel(f: ExportFormat, s: Strings): string {
    return f === 'document-docx' ? s.formatDocumentDocx : f === 'document-html' ? s.formatDocumentHtml : f.toUpperCase();
}
