// Checks on the names of exported files before they are joined to a folder the user chose: the
// names may come from plan text (its id, its title), so a name must stay inside that folder; and on
// the chart images the webview sends to be saved.
import type { ChartImageFormat } from '../../../common/webview.js';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A plain file name: no folder part, no "." or "..", no control or Windows-reserved characters. */
export function isSafeFileName(name: string): boolean {
    return name.length > 0 && name.length <= 255
        && name !== '.' && name !== '..'
        && !/[/\\:*?"<>|\u0000-\u001f]/.test(name)
        && !RESERVED.test(name)
        && name.trim() === name && !name.endsWith('.');
}

/** The extension of a file name, lower case, without the dot ("" when none). */
export function extensionOf(name: string): string {
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** PNG's signature: the first eight bytes of every PNG file. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The bytes of a chart image the webview sent, or undefined when they are not the image they claim to be. */
export function chartImageBytes(format: ChartImageFormat, data: string): Uint8Array | undefined {
    if (format === 'png') {
        const bytes = new Uint8Array(Buffer.from(data, 'base64'));
        return PNG_SIGNATURE.every((b, i) => bytes[i] === b) ? bytes : undefined;
    }
    // An SVG document: no script, no external reference to fetch when it is opened.
    // (Text in the image is escaped: every "<" opens a tag.)
    if (!/^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data) || /<(script|foreignObject|iframe|image)\b|<[^>]*\s(on[a-z]+|href|xlink:href|src)\s*=\s*["'](?!#)/i.test(data)) return undefined;
    return new TextEncoder().encode(data);
}

/**
 * The name exports take from the plan file: "ke-hoach-giam-ngheo-hung-yen-2026-2030" for
 * .../ke-hoach-giam-ngheo-hung-yen-2026-2030.plan; undefined for a document that is no file yet
 * (untitled), whose exports keep the plan's id.
 */
export function exportBaseOf(resource: { scheme: string; path: string }): string | undefined {
    if (resource.scheme === 'untitled') return undefined;
    const name = resource.path.slice(resource.path.lastIndexOf('/') + 1).replace(/\.plan$/i, '');
    return name.trim() === '' ? undefined : name;
}
