// Invisible characters in strings and comments. Control characters come from pastes (Word hands over
// Shift+Enter as \v and a page break as \f; a terminal leaves ESC sequences) and make no text:
// control-character, a warning. Bidirectional overrides and isolates make the text display otherwise
// than it reads — in the editor, the preview and every export — and in a comment can make code look
// commented out ("Trojan Source"): bidi-control, an error. Comments are checked too for that reason,
// although they are never exported. LRM/RLM (U+200E/U+200F) only mark a direction and stay allowed.
// Outside strings and comments such a character is whitespace or a syntax error already.
import type { Position, SourceRange } from '../../model/types.js';
import type { Rule, RuleContext } from '../rule.js';
import { FINDING_WORDS } from '../../../../common/words/rules.js';

/** So that a file of pasted binary does not flood the editor; the rest show once these are fixed. */
const MAX_FINDINGS = 500;

const NAMES: Record<number, string> = {
    0x00: 'NULL', 0x07: 'BELL', 0x08: 'BACKSPACE', 0x0B: 'LINE TABULATION', 0x0C: 'FORM FEED', 0x1B: 'ESCAPE',
    0x7F: 'DELETE', 0x85: 'NEXT LINE',
    0x202A: 'LEFT-TO-RIGHT EMBEDDING', 0x202B: 'RIGHT-TO-LEFT EMBEDDING', 0x202C: 'POP DIRECTIONAL FORMATTING',
    0x202D: 'LEFT-TO-RIGHT OVERRIDE', 0x202E: 'RIGHT-TO-LEFT OVERRIDE',
    0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE'
};

/** Line breaks in the middle of a text (Word's line and page break, NEL) become a space; the rest go. */
const BECOMES_SPACE = new Set([0x0B, 0x0C, 0x85]);

type Kind = 'control' | 'bidi' | 'noncharacter' | 'surrogate';

const isBidi = (c: number) => (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
const isControl = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0A && c !== 0x0D) || (c >= 0x7F && c <= 0x9F);
const isNoncharacter = (cp: number) => (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) === 0xFFFE;

export const invisibleCharacters: Rule = ctx => {
    let count = 0;
    // The model keeps the strings and comments with such a character (UNUSUAL_CHARACTER): usually none.
    for (const t of ctx.model.unusualTexts) {
        count = scan(ctx, t.text, t.range.start, t.kind, count);
        if (count >= MAX_FINDINGS) return;
    }
};

function scan(ctx: RuleContext, text: string, start: Position, where: 'string' | 'comment', count: number): number {
    let line = start.line;
    let character = start.character;
    for (let i = 0; i < text.length && count < MAX_FINDINGS; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0A || c === 0x0D) {
            // Line ends as the editor counts them: LF, CR LF, lone CR.
            if (c === 0x0D && text.charCodeAt(i + 1) === 0x0A) i++;
            line++;
            character = 0;
            continue;
        }
        let width = 1;
        let codePoint = c;
        let kind: Kind | undefined;
        if (c >= 0xD800 && c <= 0xDBFF) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                width = 2;
                codePoint = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
                if (isNoncharacter(codePoint)) kind = 'noncharacter';
            } else kind = 'surrogate';
        } else if (c >= 0xDC00 && c <= 0xDFFF) kind = 'surrogate';
        else if (isBidi(c)) kind = 'bidi';
        else if (isControl(c)) kind = 'control';
        else if (isNoncharacter(c)) kind = 'noncharacter';
        if (kind) {
            const range: SourceRange = { start: { line, character }, end: { line, character: character + width } };
            const hex = 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0');
            const name = NAMES[codePoint] ?? (kind === 'surrogate' ? ctx.say(FINDING_WORDS.loneSurrogate)
                : kind === 'noncharacter' ? ctx.say(FINDING_WORDS.noncharacter) : undefined);
            ctx.report(kind === 'bidi' ? 'bidi-control' : 'control-character', range,
                { char: name ? `${hex} (${name})` : hex, where },
                { replacement: BECOMES_SPACE.has(codePoint) ? ' ' : '', char: hex });
            count++;
        }
        character += width;
        i += width - 1;
    }
    return count;
}
