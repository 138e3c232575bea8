// Escaping for the two markup languages the tool writes (HTML in the preview page and the HTML
// export, Markdown in the Markdown export and in hovers): one function each, used everywhere.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ENTITIES[c]);
}

/**
 * Escapes text so that Markdown shows it as written: backslash-escapes the characters that would
 * start emphasis, code, links, raw HTML or an entity, and the table's `|`; line breaks become
 * spaces outside tables and `<br>` inside them (a GFM cell is one line).
 */
export function escapeMarkdown(text: string, inTable = false): string {
    const escaped = text
        .replace(/[\\`*_[\]<>|#~]/g, c => `\\${c}`)
        .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
    return escaped.replace(/\r\n|\r|\n/g, inTable ? '<br>' : ' ');
}
