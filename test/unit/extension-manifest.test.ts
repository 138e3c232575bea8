// The extension's manifest and strings: every %key% of package.json is translated in both nls files,
// every vscode.l10n.t message in extension/src has a Vietnamese translation, the files the manifest
// names exist, and every snippet expands to text that parses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { KEYS, SECTION } from '../../extension/src/client/settings.js';
import { SNIPPETS, expandSnippet, pieces, tabStops } from '../helpers/snippets.js';
import type { PlanDocument } from '../../language-server/src/generated/ast.js';
import { createPlanServices } from '../../language-server/src/plan-module.js';

const ext = path.resolve(__dirname, '../../extension');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ext, file), 'utf-8'));
const manifestText = fs.readFileSync(path.join(ext, 'package.json'), 'utf-8');
const manifest = JSON.parse(manifestText);

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
    });
}
const sources = sourceFiles(path.join(ext, 'src')).map(f => ({ file: path.relative(ext, f), text: fs.readFileSync(f, 'utf-8') }));

/** The first argument of every vscode.l10n.t call, or undefined where it is not a string literal. */
function l10nMessages(): Array<{ file: string; message: string | undefined }> {
    const out: Array<{ file: string; message: string | undefined }> = [];
    for (const { file, text } of sources) {
        for (const m of text.matchAll(/\bl10n\.t\(\s*/g)) {
            const rest = text.slice(m.index! + m[0].length);
            const literal = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1\s*[,)]/.exec(rest);
            out.push({ file, message: literal ? literal[2].replace(/\\(['"\\])/g, '$1') : undefined });
        }
    }
    return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map(m => m[1]).sort();

describe('manifest strings', () => {
    const en = readJson('package.nls.json');
    const vi = readJson('package.nls.vi.json');

    test('every %key% in package.json exists in package.nls.json and package.nls.vi.json', () => {
        const keys = [...new Set([...manifestText.matchAll(/"%([^%"]+)%"/g)].map(m => m[1]))];
        expect(keys.length).toBeGreaterThan(10);
        expect(keys.filter(k => typeof en[k] !== 'string')).toEqual([]);
        expect(keys.filter(k => typeof vi[k] !== 'string')).toEqual([]);
    });

    test('both nls files have the same keys and no empty value', () => {
        expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
        expect(Object.entries({ ...en, ...vi }).filter(([, v]) => !String(v).trim())).toEqual([]);
    });
});

describe('vscode.l10n messages', () => {
    const bundleVi = readJson('l10n/bundle.l10n.vi.json');
    const bundleEn = readJson('l10n/bundle.l10n.json');
    const used = l10nMessages();

    test('the manifest points vscode.l10n at the bundles', () => {
        expect(manifest.l10n).toBe('./l10n');
    });

    test('every call passes a string literal, so that it can be translated', () => {
        expect(used.length).toBeGreaterThan(10);
        expect(used.filter(u => u.message === undefined).map(u => u.file)).toEqual([]);
    });

    test('every message has a Vietnamese translation with the same placeholders', () => {
        const messages = [...new Set(used.map(u => u.message!))];
        expect(messages.filter(m => typeof bundleVi[m] !== 'string' || !bundleVi[m].trim())).toEqual([]);
        expect(messages.filter(m => typeof bundleEn[m] !== 'string')).toEqual([]);
        for (const m of messages) expect(placeholders(bundleVi[m]), m).toEqual(placeholders(m));
    });
});

describe('manifest contributions', () => {
    test('the files it names exist', () => {
        const c = manifest.contributes;
        const language = c.languages.find((l: { id: string }) => l.id === 'plan');
        const files = [
            language.configuration, language.icon.light, language.icon.dark,
            ...c.grammars.map((g: { path: string }) => g.path),
            ...c.snippets.map((s: { path: string }) => s.path)
        ];
        for (const f of files) expect(fs.existsSync(path.join(ext, f)), f).toBe(true);
        expect(c.grammars.find((g: { language: string }) => g.language === 'plan').scopeName).toBe('source.plan');
    });

    test('every contributed command is registered by the sources and activates the extension', () => {
        const all = sources.map(s => s.text).join('\n');
        for (const { command } of manifest.contributes.commands as Array<{ command: string }>) {
            expect(all, command).toContain(`'${command}'`);
        }
        expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:plan', 'onCommand:plan.newPlan', 'onCommand:plan.restartServer']));
    });

    test('the settings the client reads are the ones the manifest declares', () => {
        const declared = Object.keys(manifest.contributes.configuration.properties);
        for (const key of Object.values(KEYS)) expect(declared).toContain(`${SECTION}.${key}`);
        // vscode-languageclient reads <client id>.trace.server itself.
        expect(declared).toContain('plan.trace.server');
        expect(manifest.contributes.configuration.properties['plan.validation.aboutTolerance'].default).toBe(0.1);
    });
});

describe('snippets', () => {
    const parse = parseHelper<PlanDocument>(createPlanServices(EmptyFileSystem).Plan);

    // Where each snippet is inserted, with the ids its defaults refer to declared.
    const context = (name: string, text: string): string => {
        // Declares what the defaults refer to, unless the snippet declares it itself.
        const decl = ['plan t', 'agency MA_CO_QUAN "a" department', 'district ma_huyen "d" huyen', 'indicator ma_chi_tieu "i" { unit percent }']
            .filter(d => !text.includes(d.split(' "')[0] + ' "')).join('\n') + '\n';
        const table = (declarations: string, rows: string, checks = '') =>
            `table t1 "t" {\n years { 2025 result 2026 plan }\n${declarations}\n columns households poor\n${checks}\n${rows}\n}`;
        const row = 'row 1 ma_huyen {\n 2025: 100 5\n 2026: 100 4\n}';
        switch (name) {
            case 'Task': return `${decl}tasks "x" {\n${text}\n}`;
            case 'Coordinate': return `${decl}tasks "x" {\n task 1 "a" {\n  lead MA_CO_QUAN\n  ${text}\n }\n}`;
            case 'District row': return `${decl}table t1 "t" {\n years { 2025 result 2026 plan }\n columns households poor poor-rate\n${text}\n}`;
            case 'Year line': return `${decl}table t1 "t" {\n years { 2025 result 2026 plan }\n columns households poor poor-rate\nrow 1 ma_huyen {\n${text}\n}\n}`;
            case 'Column': case 'Rate column': case 'Sum column':
                return `${decl}${table(text, row)}`;
            case 'Flow column':
                return `${decl}${table(` column thoat_ngheo "a" households\n column phat_sinh "b" households\n${text}`, row)}`;
            case 'Check': return `${decl}${table('', row, text)}`;
            case 'Group': return `${decl}solutions "s" {\n${text}\n}`;
            default: return decl + text;
        }
    };

    /** Lexer and parser errors only: what a snippet must never leave. */
    const syntaxErrors = async (text: string) => {
        const document = await parse(text);
        return [...document.parseResult.lexerErrors.map(e => e.message), ...document.parseResult.parserErrors.map(e => e.message)];
    };

    test('each has prefixes, a bilingual description and a body; the new forms of tables and units have theirs', () => {
        expect(Object.keys(SNIPPETS)).toEqual(expect.arrayContaining([
            'Indicator', 'Task', 'Coordinate', 'District row', 'Year line', 'Agency', 'District', 'Target',
            'Commune', 'Region', 'Column', 'Rate column', 'Sum column', 'Flow column', 'Check', 'Targets table', 'Group'
        ]));
        for (const [name, s] of Object.entries(SNIPPETS)) {
            expect(s.prefix.length, name).toBeGreaterThan(0);
            expect(s.description, name).toContain(' — ');
            expect(s.body.length, name).toBeGreaterThan(0);
        }
    });

    test('no field holds another (typing over an optional part, or Tab into it, took the next field\'s value)', () => {
        for (const [name, s] of Object.entries(SNIPPETS)) {
            expect(pieces(s.body).filter(p => p.kind === 'field' && p.nested).map(p => p.kind === 'field' && p.default), name).toEqual([]);
        }
    });

    for (const name of Object.keys(SNIPPETS)) {
        test(`"${name}" expands to text that parses and links without errors`, async () => {
            const text = context(name, expandSnippet(SNIPPETS[name].body));
            expect(text).not.toMatch(/\$\{?\d/);
            const document = await parse(text, { validation: true });
            expect(document.parseResult.lexerErrors, text).toEqual([]);
            expect(document.parseResult.parserErrors.map(e => e.message), text).toEqual([]);
            const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.code}: ${d.message}`);
            expect(errors, text).toEqual([]);
        });

        test(`"${name}": every option of every choice parses`, async () => {
            for (const stop of tabStops(SNIPPETS[name].body).filter(s => s.choices)) {
                for (const option of stop.choices!) {
                    const text = context(name, expandSnippet(SNIPPETS[name].body, { [stop.index]: option }));
                    expect(await syntaxErrors(text), text).toEqual([]);
                }
            }
        });

        test(`"${name}": a free field takes what a user types there (a keyword's place is a choice)`, async () => {
            const body = SNIPPETS[name].body;
            for (const stop of tabStops(body).filter(s => !s.choices)) {
                // what goes there: words inside quotes, a year or a figure where the default is one, else an id
                const marker = '\u0000';
                const around = expandSnippet(body, { [stop.index]: marker });
                const inString = (around.slice(0, around.indexOf(marker)).match(/"/g) ?? []).length % 2 === 1;
                const typed = inString ? 'Nội dung mới' : /^\d{4}$/.test(stop.default ?? '') ? '2031' : /^-?\d|^-$/.test(stop.default ?? '') ? '12' : 'ten_moi';
                const text = context(name, expandSnippet(body, { [stop.index]: typed }));
                expect(await syntaxErrors(text), `field ${stop.index} (${stop.default ?? ''}) typed "${typed}":\n${text}`).toEqual([]);
            }
        });
    }
});

describe('editor defaults for plan files', () => {
    const defaults = manifest.contributes.configurationDefaults?.['[plan]'] ?? {};

    test('no word-based suggestions, and no suggestions popping up while a snippet\'s fields are filled (Tab would accept one instead of moving on)', () => {
        expect(defaults['editor.wordBasedSuggestions']).toBe('off');
        expect(defaults['editor.suggest.snippetsPreventQuickSuggestions']).toBe(true);
    });
});
