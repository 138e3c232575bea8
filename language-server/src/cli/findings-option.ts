// `plan export --findings [where]`: where the findings go (the review sheet, the comments in the text).

/** `--findings`' places: the review sheet, the comments in the text; undefined for anything else. */
export function findingsWhere(value: string): ('sheet' | 'comments')[] | undefined {
    const parts = value.split(',').map(v => v.trim().toLowerCase());
    return parts.every(v => v === 'sheet' || v === 'comments') ? [...new Set(parts as ('sheet' | 'comments')[])] : undefined;
}
