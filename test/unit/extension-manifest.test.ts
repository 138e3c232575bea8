// The extension's manifest and strings: every %key% of package.json is translated in both nls files,
// every vscode.l10n.t message in extension/src has a Vietnamese translation, the files the manifest
// names exist, and every snippet expands to text that parses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { KEYS, SECTION } from '../../extension/src/client/settings.js';
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
    const snippets = readJson('snippets/plan.json') as Record<string, { prefix: string[]; body: string[]; description: string }>;
    const parse = parseHelper<PlanDocument>(createPlanServices(EmptyFileSystem).Plan);

    /** The text a snippet inserts when every placeholder keeps its default (first choice). */
    function expand(body: string[]): string {
        let text = body.join('\n').replace(/\t/g, '    ');
        const defaults = new Map<string, string>();
        for (let i = 0; i < 10; i++) {
            const before = text;
            text = text.replace(/\$\{(\d+)\|([^,|]*)[^|]*\|\}/g, (_, n, first) => { defaults.set(n, first); return first; });
            text = text.replace(/\$\{(\d+):([^${}]*)\}/g, (_, n, value) => { defaults.set(n, value); return value; });
            if (text === before) break;
        }
        return text.replace(/\$\{(\d+)\}/g, (_, n) => defaults.get(n) ?? '').replace(/\$\d+/g, '');
    }

    // Where each snippet is inserted, with the ids its defaults refer to declared.
    const context = (name: string, text: string): string => {
        // Declares what the defaults refer to, unless the snippet declares it itself.
        const decl = ['plan t', 'agency MA_CO_QUAN "a" department', 'district ma_huyen "d" huyen', 'indicator ma_chi_tieu "i" { unit percent }']
            .filter(d => !text.includes(d.split(' "')[0] + ' "')).join('\n') + '\n';
        const table = (rows: string) => `table t1 "t" {\n years { 2025 result 2026 plan }\n columns households poor poor-rate\n${rows}\n}`;
        switch (name) {
            case 'Task': return `${decl}tasks "x" {\n${text}\n}`;
            case 'District row': return `${decl}${table(text)}`;
            case 'Year line': return `${decl}${table(`row 1 ma_huyen {\n${text}\n}`)}`;
            // A table's own columns come before its printed columns, its checks after them.
            case 'Column':
            case 'Rate column': return `${decl}table t1 "t" {\n years { 2025 result }\n${text}\n columns households poor\n}`;
            case 'Table check': return `${decl}${table(text)}`;
            default: return decl + text;
        }
    };

    test('each has prefixes, a bilingual description and a body', () => {
        expect(Object.keys(snippets)).toEqual(expect.arrayContaining(['Indicator', 'Task', 'District row', 'Year line', 'Agency', 'District', 'Target']));
        for (const [name, s] of Object.entries(snippets)) {
            expect(s.prefix.length, name).toBeGreaterThan(0);
            expect(s.description, name).toContain(' — ');
            expect(s.body.length, name).toBeGreaterThan(0);
        }
    });

    for (const name of Object.keys(snippets)) {
        test(`"${name}" expands to text that parses and links without errors`, async () => {
            const text = context(name, expand(snippets[name].body));
            expect(text).not.toMatch(/\$\{?\d/);
            const document = await parse(text, { validation: true });
            expect(document.parseResult.lexerErrors, text).toEqual([]);
            expect(document.parseResult.parserErrors.map(e => e.message), text).toEqual([]);
            const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => `${d.code}: ${d.message}`);
            expect(errors, text).toEqual([]);
        });
    }
});
