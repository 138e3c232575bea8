// Invisible characters in strings and comments: control characters pasted from Word or a terminal
// (control-character, a warning) and bidirectional overrides and isolates that make text display
// differently from what it says (bidi-control, an error: "Trojan Source"). Each is reported at its
// exact position, with the character named, and carries the text its quick fix puts in its place.
import { describe, expect, it } from 'vitest';
import { createTestServices, findingKeys, marked, severityOf, showRange, validatePlan } from '../helpers/plan.js';

const services = createTestServices();

/** The findings of one of the two codes, as code@range, sorted. */
async function found(text: string, locale: 'vi' | 'en' = 'vi') {
    const { diagnostics } = await validatePlan(services, text, locale);
    const ours = diagnostics.filter(d => d.code === 'control-character' || d.code === 'bidi-control');
    return { keys: findingKeys(ours), diagnostics: ours, all: diagnostics };
}

const plan = (body: string) => `plan t "Kế hoạch"\n${body}\n`;

describe('control characters and bidi controls in strings and comments', () => {
    const kinds: [string, string, 'control-character' | 'bidi-control', string][] = [
        // [what, character, code, name in the message]
        ['a vertical tab (Word\'s Shift+Enter)', '\v', 'control-character', 'U+000B'],
        ['a form feed (Word\'s page break)', '\f', 'control-character', 'U+000C'],
        ['NUL', '\0', 'control-character', 'U+0000'],
        ['ESC', '\x1B', 'control-character', 'U+001B'],
        ['DEL', '\x7F', 'control-character', 'U+007F'],
        ['a C1 control (NEL)', '\x85', 'control-character', 'U+0085'],
        ['a C1 control (CSI)', '\x9B', 'control-character', 'U+009B'],
        ['U+FFFE', '\uFFFE', 'control-character', 'U+FFFE'],
        ['U+FFFF', '\uFFFF', 'control-character', 'U+FFFF'],
        ['a noncharacter outside the BMP', '\u{10FFFE}', 'control-character', 'U+10FFFE'],
        ['a lone high surrogate', '\uD83D', 'control-character', 'U+D83D'],
        ['a lone low surrogate', '\uDE00', 'control-character', 'U+DE00'],
        ['RIGHT-TO-LEFT OVERRIDE', '\u202E', 'bidi-control', 'U+202E'],
        ['LEFT-TO-RIGHT EMBEDDING', '\u202A', 'bidi-control', 'U+202A'],
        ['POP DIRECTIONAL FORMATTING', '\u202C', 'bidi-control', 'U+202C'],
        ['RIGHT-TO-LEFT ISOLATE', '\u2067', 'bidi-control', 'U+2067'],
        ['POP DIRECTIONAL ISOLATE', '\u2069', 'bidi-control', 'U+2069']
    ];
    for (const [what, ch, code, name] of kinds) {
        it(`reports ${what} in a string, a line comment and a block comment, at the character`, async () => {
            const source = plan([
                `agency YT "Sở Y «${ch}»tế" department`,
                `// ghi chú «${ch}» ở đây`,
                `/* khối\n   chú «${ch}»thích */`,
                `district A "Phù Cừ" huyen`
            ].join('\n'));
            const { text, ranges } = marked(source);
            const { keys, diagnostics } = await found(text);
            expect(keys).toEqual(ranges.map(r => `${code}@${showRange(r)}`).sort());
            for (const d of diagnostics) {
                expect(severityOf(d)).toBe(code === 'bidi-control' ? 'error' : 'warning');
                expect(d.message).toContain(name);
            }
        });
    }

    it('names the character and where it is, in Vietnamese and in English', async () => {
        const text = plan('agency YT "Sở Y\vtế" department\n// x\u202Ey');
        const vi = await found(text, 'vi');
        expect(vi.diagnostics.map(d => d.message)).toEqual([
            'Ký tự điều khiển vô hình U+000B (LINE TABULATION) trong chuỗi (thường do dán từ Word): không hiện ra nhưng vẫn nằm trong văn bản.',
            'Ký tự đảo hướng chữ U+202E (RIGHT-TO-LEFT OVERRIDE) trong chú thích: văn bản hiện ra khác với nội dung thật (có thể dùng để che giấu nội dung).'
        ]);
        const en = await found(text, 'en');
        expect(en.diagnostics.map(d => d.message)).toEqual([
            'Invisible control character U+000B (LINE TABULATION) in a string (often pasted from Word): it does not show, but it is in the text.',
            'Bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE) in a comment: the text is displayed differently from what it says (it can disguise content).'
        ]);
    });

    it('carries the replacement its quick fix puts in place: a space for \\v and \\f, nothing for the others', async () => {
        const { diagnostics } = await found(plan('agency YT "a\vb\fc\x01d\u202Ee" department'));
        expect(diagnostics.map(d => (d.data as { replacement?: string }).replacement)).toEqual([' ', ' ', '', '']);
    });

    it('reports each character of a run, and positions after a character outside the BMP and after CR LF', async () => {
        const source = `plan t "Kế hoạch 😀«\u202E»«\u2066»"\r\n// 😀 «\x01»\r\nagency YT "x" department\r\n`;
        const { text, ranges } = marked(source);
        const { keys } = await found(text);
        expect(keys).toEqual([
            `bidi-control@${showRange(ranges[0])}`, `bidi-control@${showRange(ranges[1])}`, `control-character@${showRange(ranges[2])}`
        ].sort());
    });

    it('stays quiet on ordinary Vietnamese text, tabs, line breaks in strings, emoji and LRM/RLM marks', async () => {
        const text = plan([
            'header { number "" code "KH-UBND" }',
            'agency LDTBXH "Sở Lao động - Thương binh và Xã hội" department',
            'agency YT "Sở Y tế\tTỉnh Hưng Yên" department',
            'district PhuCu "Phù Cừ\r\n(huyện)" huyen',
            '// Ghi chú: Ưu tiên hộ nghèo ở Phù Cừ, Tiên Lữ — «đặc biệt khó khăn» ✓ 😀',
            '/* Dấu LRM \u200E và RLM \u200F không đổi thứ tự hiển thị;\n   khoảng trắng không ngắt \u00A0 cũng vậy. */'
        ].join('\n'));
        const { keys } = await found(text);
        expect(keys).toEqual([]);
    });

    it('does not report a control character outside strings and comments twice (it is a syntax error or whitespace there)', async () => {
        const { keys } = await found(plan('agency YT "x"\vdepartment'));
        expect(keys).toEqual([]);
    });
});
