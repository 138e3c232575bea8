// Checks on the names of exported files before they are joined to a folder the user chose: the
// names may come from plan text (its id, its title), so a name must stay inside that folder.
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
