// Huge single tokens (a string literal, a number, a comment of megabytes) are read without
// exhausting a stack: V8's regular expressions keep one backtrack entry per repetition of a group,
// so `"(\\.|[^"\\])*"` overflowed on a 4,5 MB string and the language server died on didOpen.
import fc from 'fast-check';
import * as fs from 'node:fs';
import { DefaultLexer, DefaultTokenBuilder, EmptyFileSystem, URI, ValueConverter, type LangiumCoreServices, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { PlanDocument } from '../../language-server/src/generated/ast.js';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import { EXAMPLES_DIR, planFilesUnder } from '../helpers/plan.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { matchBlockComment, matchNumber, matchString, matchYearLine } from '../../language-server/src/language/token-builder.js';
import { unquote } from '../../language-server/src/language/value-converter.js';

const MB = 1_000_000;
const { shared, Plan } = createPlanServices(EmptyFileSystem);
let counter = 0;

/** Parses, links and validates a text through the services, as the CLI and the server do. */
async function build(text: string): Promise<LangiumDocument<PlanDocument>> {
    const uri = URI.parse(`memory:///huge-${counter++}.plan`);
    const document = shared.workspace.LangiumDocumentFactory.fromString<PlanDocument>(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    shared.workspace.LangiumDocuments.deleteDocument(uri);
    return document;
}

function syntaxErrors(document: LangiumDocument): string[] {
    return [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors].map(e => e.message);
}

const INDICATOR = (value: string) =>
    `plan p "P"\nnumber-style vi\nagency YT "Sở Y tế" department\n` +
    `indicator x "X" {\n    unit percent\n    direction lower\n    lead YT\n    baseline 2022 = ${value}\n}\n`;

describe('huge string literals', () => {
    test.each([5, 20])('a %i MB title is one STRING token', async size => {
        const title = 'Kế hoạch '.repeat(Math.ceil(size * MB / 9)).slice(0, size * MB);
        const document = await build(`plan p "${title}"\nnumber-style vi\n`);
        expect(syntaxErrors(document)).toEqual([]);
        expect(document.parseResult.value.title?.length).toBe(title.length);
    });

    test('a 20 MB string of escapes and line breaks is one STRING token', async () => {
        // (Even the unrolled `"[^"\\]*(?:\\.[^"\\]*)*"` overflows on this one.)
        const title = 'a\\"b\\\\\n'.repeat(MB / 7 * 20);
        const document = await build(`plan p "${title}"\nnumber-style vi\n`);
        expect(syntaxErrors(document)).toEqual([]);
        expect(document.parseResult.value.title).toBe(title.replace(/\\(.)/g, '$1'));
        // Positions after the string still count its line breaks.
        const style = document.parseResult.value.$cstNode!.text.indexOf('number-style');
        expect(document.textDocument.positionAt(style).line).toBe(title.split('\n').length - 1 + 1);
    });

    test('an unterminated 5 MB string is a lexer error, not a crash', async () => {
        const document = await build(`plan p "${'ab c\n'.repeat(MB)}`);
        expect(document.parseResult.lexerErrors.map(e => e.offset)).toEqual(['plan p '.length]);
    });

    // After an unterminated string (or comment) the lexer resumes inside it: every `\"` (or `/*`)
    // starts one again. Each scan to the end of the text made this quadratic (minutes for 300 KB).
    test.each([
        ['string of escaped quotes', `plan p "${'a\\"'.repeat(100_000)}\n`, 100_001],
        ['block comment', `plan p "P"\n${'/* x '.repeat(100_000)}`, 100_000]
    ])('an unterminated %s is lexed in linear time', (_kind, text, errorCount) => {
        const started = performance.now();
        const { errors } = Plan.parser.Lexer.tokenize(text);
        expect(errors.length).toBe(errorCount);
        expect(performance.now() - started).toBeLessThan(10_000);
    });
});

describe('huge numbers and comments', () => {
    test('5 MB of digits with separators is one NUMBER token, reported as malformed', async () => {
        const digits = '1.2,'.repeat(MB * 5 / 4) + '3';
        const document = await build(INDICATOR(digits));
        expect(syntaxErrors(document)).toEqual([]);
        expect(document.diagnostics?.map(d => d.code)).toContain('number-malformed');
        expect(document.diagnostics?.some(d => d.message.includes('An error occurred'))).toBe(false);
    });

    test.each([
        ['block comment', `/*${' chú thích\n'.repeat(MB / 2)}*/`],
        ['line comment', `//${' chú thích'.repeat(MB / 2)}`]
    ])('a 5 MB %s is skipped', async (_kind, comment) => {
        const document = await build(`${comment}\nplan p "P"\nnumber-style vi\n`);
        expect(syntaxErrors(document)).toEqual([]);
        expect(document.parseResult.value.name).toBe('p');
    });
});

describe('the hand-written matchers accept what the grammar\'s regular expressions accept', () => {
    // The grammar (grammar/plan.langium) stays the definition of each terminal.
    const TEXT = fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\r', '\u2028', ' ', 'a', '1', '.', ',', '-', '*', '/'), maxLength: 40 });
    test.each([
        ['STRING', matchString, /"(\\.|[^"\\])*"/y],
        ['NUMBER', matchNumber, /-?[0-9]+([.,][0-9]+)*/y],
        ['ML_COMMENT', matchBlockComment, /\/\*[\s\S]*?\*\//y]
    ])('%s', (_name, match, regex) => {
        fc.assert(fc.property(TEXT, fc.nat(40), (text, at) => {
            const offset = Math.min(at, text.length);
            regex.lastIndex = offset;
            // A fresh token array per call: the matchers remember failures per tokenize call.
            expect(match(text, offset, [], {})?.[0] ?? null).toBe(regex.exec(text)?.[0] ?? null);
        }), { numRuns: fuzzRuns(5000) });
    });
});

describe('string literals are read as Langium reads them, into flat strings (language/value-converter.ts)', () => {
    test('the same text as Langium\'s converter for any literal', () => {
        const LITERAL = fc.string({ unit: fc.constantFrom('a', 'ế', ' ', '\\', 'n', 't', '0', 'v', '"', '\n'), maxLength: 30 }).map(s => `"${s}"`);
        fc.assert(fc.property(LITERAL, literal => {
            expect(unquote(literal)).toBe(ValueConverter.convertString(literal));
        }), { numRuns: fuzzRuns(5000) });
    });

    test('a plan\'s strings come out of the parser unescaped', async () => {
        const document = await build('plan p "Kế hoạch \\"A\\" \\\\ \\n"\n');
        expect(document.parseResult.value.title).toBe('Kế hoạch "A" \\ \n');
    });
});

describe('a year line is matched as the grammar defines it', () => {
    // YEAR_LINE's regular expression (grammar/plan.langium), with a lookahead and comments inside,
    // written so that no comment can end early or late under backtracking.
    const YEAR_LINE = /[0-9]{4}:((\s|\/\*[^*]*\*+([^\/*][^*]*\*+)*\/|\/\/[^\n\r]*(?![^\n\r]))*((-?[0-9]+([.,][0-9]+)*(\.\.-?[0-9]+([.,][0-9]+)*)?|-)(?![0-9:.,])|"(\\[^\n\r\u2028\u2029]|[^"\\\n\r\u2028\u2029])*"(\*[1-9][0-9]*)?(?![0-9:.,"])))*/y;
    const LINE = fc.tuple(
        fc.constantFrom('2021:', '2021:', '202:', '20210:', ''),
        // Notes too: quotes, escapes, a span after a star, a line break inside a quote.
        fc.string({ unit: fc.constantFrom('1', '2', '0', ' ', '\n', '\t', '\u00a0', ':', '.', ',', '-', '/', '*', 'a', '}', '"', '"', '\\', '\u2028'), maxLength: 40 })
    ).map(([label, rest]) => label + rest);
    test('on lines of digits, separators, dashes and comments', () => {
        fc.assert(fc.property(LINE, fc.nat(3), (text, at) => {
            const offset = Math.min(at, text.length);
            YEAR_LINE.lastIndex = offset;
            expect(matchYearLine(text, offset, [], {})?.[0] ?? null).toBe(YEAR_LINE.exec(text)?.[0] ?? null);
        }), { numRuns: fuzzRuns(5000) });
    });

    test('a 5 MB year line is one token, each of its cells read', async () => {
        const cells = '1.234 -  '.repeat(MB * 5 / 9);
        const text = `plan p "P"\nnumber-style vi\ndistrict A "A"\ntable t "T" {\n    years { 2021 result }\n    columns households\n    row 1 A {\n        2021: ${cells}\n    }\n}\n`;
        const document = await build(text);
        expect(syntaxErrors(document)).toEqual([]);
        // One column declared: the other cells are reported as too many, at the line.
        expect(document.diagnostics?.some(d => d.message.includes('An error occurred'))).toBe(false);
        expect(document.diagnostics?.length).toBeGreaterThan(0);
    });
});

describe('the plan lexer gives the same tokens as Langium\'s lexer from the grammar alone', () => {
    const reference = new DefaultLexer({
        Grammar: Plan.Grammar, LanguageMetaData: Plan.LanguageMetaData,
        parser: { TokenBuilder: new DefaultTokenBuilder(), LexerErrorMessageProvider: Plan.parser.LexerErrorMessageProvider }
    } as unknown as LangiumCoreServices);
    const lexed = (lexer: { tokenize(text: string): ReturnType<DefaultLexer['tokenize']> }, text: string) => {
        const { tokens, hidden, errors } = lexer.tokenize(text);
        // Offsets only: the plan lexer tracks no lines and columns (language/lexer.ts); leaves get them from offsets.
        const show = (t: (typeof tokens)[number]) => `${t.tokenType.name}@${t.startOffset}-${t.endOffset} ${t.image}`;
        return { tokens: tokens.map(show), hidden: hidden.map(show), errors: errors.map(e => `${e.offset}+${e.length}`) };
    };
    const SNIPPETS = [
        'baseline 2022 = -3,5 plan 2023 = -3 x - 2 -', 'date ?/11/2023 date 05/11/2023', 'a /* b\n c */ d // e\n/**/ f /*/ g */',
        'text "a \\" b" "c\\\\" "d\n e" "f\\\n g"', '2021: 29.822 946 3,17 1.234,5 0.5. 1,', '2025: 410..460 3,0..3,4 -1..-2 1...2 1.. ..3', '"unterminated \\"', '/* unterminated',
        '2021: 1 /* a */ 2 // b\n 3\n2022: - -5 1:2 1.5: 7', '2021:\n}', '2021:- -- 1-2', '2021: 1 /* unterminated\n2022: 2', '2021: 1a 2', '12345: 1 2021:2021: 3',
        '2024: 9.850 "Sáp nhập" 40,00', '2024: 1 "Không có hộ nghèo"*2 "x"', '2024: "a \\" // b" /* c */ "d*/"*3', '2024: 1 "unterminated\n2025: 2 "x"',
        '2024: "a"*0 "b"*12. "c"5 "d""e" "f"*', '2024: "g\\\n h" 1'
    ];
    test.each([...planFilesUnder(EXAMPLES_DIR), ...SNIPPETS])('%s', source => {
        const text = SNIPPETS.includes(source) ? source : fs.readFileSync(source, 'utf8');
        expect(lexed(Plan.parser.Lexer, text)).toEqual(lexed(reference, text));
    });
});
