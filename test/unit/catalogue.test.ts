/// <reference types="vite/client" />
// The one catalogue of words (common/words): every entry in both languages with the same
// placeholders, the placeholder syntax itself, and a scan of the sources for Vietnamese text outside
// the catalogue — how "one catalogue holds every user-facing sentence" is checked.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { fill, placeholders, said, say, type Words } from '../../common/catalogue.js';

const ROOT = join(__dirname, '../..');

// Every module of common/words, found by listing the folder: a new area is checked without listing it here.
const modules = import.meta.glob<Record<string, unknown>>('../../common/words/*.ts', { eager: true });

/** Every entry ({ vi, en }) reachable from the catalogue's exports, named by its path. */
function entries(): Array<[string, Words]> {
    const found: Array<[string, Words]> = [];
    const walk = (value: unknown, path: string) => {
        if (value === null || typeof value !== 'object') return;
        const v = value as Record<string, unknown>;
        // An entry has a text in at least one language; a table may have keys `vi` and `en` (keyword docs).
        const entry = typeof v.vi === 'string' || typeof v.en === 'string';
        if (entry) found.push([path, v as unknown as Words]);
        for (const [k, child] of Object.entries(v)) if (!entry || (k !== 'vi' && k !== 'en')) walk(child, `${path}.${k}`);
    };
    for (const [file, exports] of Object.entries(modules)) walk(exports, file.replace('../../common/words/', '').replace('.ts', ''));
    return found;
}

describe('catalogue entries', () => {
    test('the catalogue is found and large', () => {
        expect(Object.keys(modules).length).toBeGreaterThan(0);
        expect(entries().length).toBeGreaterThan(60);
    });

    test('every entry has a non-empty Vietnamese and English text', () => {
        const missing = entries().filter(([, w]) => typeof w.vi !== 'string' || typeof w.en !== 'string' || !w.vi.trim() || !w.en.trim())
            .map(([path]) => path);
        expect(missing).toEqual([]);
    });

    test('Vietnamese and English take the same placeholders (and the same select branches)', () => {
        const differ = entries().filter(([, w]) => typeof w.vi === 'string' && typeof w.en === 'string')
            .filter(([, w]) => placeholders(w.vi).join() !== placeholders(w.en).join())
            .map(([path, w]) => `${path}: vi {${placeholders(w.vi).join(', ')}} en {${placeholders(w.en).join(', ')}}`);
        expect(differ).toEqual([]);
    });
});

describe('placeholders', () => {
    const w = { vi: 'Năm {year} trong {where, select, comment {chú thích} other {chuỗi}}{x, select, none {} other { ({x})}}', en: 'Year {year} in {where, select, comment {a comment} other {a string}}{x, select, none {} other { ({x})}}' };

    test('fills values, selects a branch, drops an empty optional part', () => {
        expect(say(w, 'vi', { year: 2025, where: 'comment', x: '' })).toBe('Năm 2025 trong chú thích');
        expect(say(w, 'en', { year: 2025, where: 'string', x: 'A' })).toBe('Year 2025 in a string (A)');
    });

    test('plural by count; an entry as an argument is said in the same locale', () => {
        const n = { vi: '{n} chỗ', en: '{n} {n, plural, one {place} other {places}}' };
        expect(say(n, 'en', { n: 1 })).toBe('1 place');
        expect(say(n, 'en', { n: 2 })).toBe('2 places');
        expect(say({ vi: 'ở {k}', en: 'in {k}' }, 'en', { k: said({ vi: 'dòng {r}', en: 'row {r}' }, { r: 'A' }) })).toBe('in row A');
        expect(say({ vi: 'ở {k}', en: 'in {k}' }, 'vi', { k: { vi: 'huyện', en: 'district' } })).toBe('ở huyện');
    });

    test('a brace that opens no placeholder is text; a missing argument shows', () => {
        expect(fill("thiếu '}' hoặc `{ ... }`", 'vi', {})).toBe("thiếu '}' hoặc `{ ... }`");
        expect(fill('a {b} c', 'vi', {})).toBe('a {b} c');
    });

    test('placeholders lists names and select branches, not plural branches', () => {
        expect(placeholders(w.vi)).toEqual(placeholders(w.en));
        expect(placeholders('{n} {n, plural, one {a} other {b}}')).toEqual(['n']);
        expect(placeholders('{w, select, comment {a} other {b}}')).toEqual(['w:select(comment|other)']);
    });
});

// --- Vietnamese text outside the catalogue ------------------------------------------------------------

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/**
 * Files whose Vietnamese string literals stay, with the reason. Regular-expression literals are never
 * flagged: they recognise what the user wrote ("dưới|trên" in a target sentence), they say nothing.
 */
const ALLOWED: Record<string, string> = {
    'extension/src/client/template.ts': 'the skeleton of a new plan: its labels and sample lines are the document\'s own (Vietnamese) text, not UI; its guiding comments are in common/words/template.ts'
};

function sources(dir: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === 'generated' || name === 'node_modules' || name === 'out') continue;
        if (statSync(path).isDirectory()) out.push(...sources(path));
        else if (/\.m?ts$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts')) out.push(path);
    }
    return out;
}

/** String literals and template texts holding a Vietnamese letter, as "line: text". */
function vietnameseLiterals(file: string, text = readFileSync(file, 'utf8')): string[] {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)
            || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
            if (VIETNAMESE.test(node.text)) {
                const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
                found.push(`${line}: ${node.text.slice(0, 60)}`);
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

describe('one catalogue holds every user-facing sentence', () => {
    const files = ['language-server/src', 'extension/src', 'extension/webview', 'common']
        .flatMap(dir => sources(join(ROOT, dir)))
        .map(file => relative(ROOT, file).split('\\').join('/'));

    test('no Vietnamese string literal outside common/words (and the allowed files)', () => {
        const offenders = files
            .filter(file => !file.startsWith('common/words/') && !(file in ALLOWED))
            .map(file => [file, vietnameseLiterals(join(ROOT, file))] as const)
            .filter(([, found]) => found.length > 0)
            .map(([file, found]) => `${file}\n  ${found.join('\n  ')}`);
        expect(offenders).toEqual([]);
    });

    test('the scan finds strings and template texts, not comments or regular expressions', () => {
        const sample = [
            "// Lỗi: a comment",
            "const a = 'Lỗi';",
            "const b = `Năm ${2025}: ${'x'} tổng`;",
            "const c = /dưới|trên/;",
            "const d = 'plain';"
        ].join('\n');
        expect(vietnameseLiterals('sample.ts', sample)).toEqual(['2: Lỗi', '3: Năm ', '3:  tổng']);
    });

    test('the allow-list names only files that exist and still hold Vietnamese text', () => {
        const stale = Object.keys(ALLOWED)
            .filter(file => !files.includes(file) || vietnameseLiterals(join(ROOT, file)).length === 0);
        expect(stale).toEqual([]);
    });
});
