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

// VS Code's command palette keeps a command when the typed text matches its label ("Category: Title")
// by prefix, by words (each typed character continuing the match or starting a later word) or as a
// contiguous substring, case-insensitively and without folding accents (src/vs/base/common/filters.ts,
// matchesPrefix / matchesWords / matchesContiguousSubString, as code-server 4.100 ships them). So a
// title findable by "xuat phu luc" has to carry those words.
const SEPARATORS = new Set([...' -_/\\\'":$<>()[]{}.,…—']);
function nextWord(target: string, start: number): number {
    for (let i = start; i < target.length; i++) if (SEPARATORS.has(target[i]) || (i > 0 && SEPARATORS.has(target[i - 1]))) return i;
    return target.length;
}
function wordsFrom(word: string, target: string, wi: number, ti: number): boolean {
    if (wi === word.length) return true;
    if (ti === target.length) return false;
    if (word[wi] !== target[ti] && !(SEPARATORS.has(word[wi]) && SEPARATORS.has(target[ti]))) return false;
    let next = ti + 1;
    if (wordsFrom(word, target, wi + 1, next)) return true;
    while ((next = nextWord(target, next)) < target.length) {
        if (wordsFrom(word, target, wi + 1, next)) return true;
        next++;
    }
    return false;
}
function paletteMatches(query: string, label: string): boolean {
    const q = query.toLowerCase();
    const t = label.toLowerCase();
    if (t.startsWith(q) || t.includes(q)) return true;
    for (let i = 0; i < t.length; i = nextWord(t, i + 1)) if (wordsFrom(q, t, 0, i)) return true;
    return false;
}

describe('commands in the palette', () => {
    const nls = { en: readJson('package.nls.json') as Record<string, string>, vi: readJson('package.nls.vi.json') as Record<string, string> };
    const commands = manifest.contributes.commands as Array<{ command: string; title: string; shortTitle?: string; category?: string }>;
    const label = (locale: 'en' | 'vi', id: string) => {
        const c = commands.find(x => x.command === id)!;
        const t = (s: string | undefined) => s?.replace(/^%(.+)%$/, (_, k: string) => nls[locale][k]);
        return `${t(c.category)}: ${t(c.title)}`;
    };
    // What people type, with accents, without, and in English where the palette is English.
    const QUERIES: Record<string, { vi: string[]; en: string[] }> = {
        'plan.newPlan': { vi: ['tạo kế hoạch mới', 'tao ke hoach moi', 'ke hoach moi', 'kế hoạch'], en: ['new plan', 'template'] },
        'plan.exportAnnexes': { vi: ['xuất phụ lục', 'xuat phu luc', 'phu luc', 'xuat'], en: ['export', 'word'] },
        'planPreview.openToSide': { vi: ['xem trước bên cạnh', 'xem truoc ben canh', 'xem truoc'], en: ['preview to the side', 'preview'] },
        'planPreview.open': { vi: ['xem trước', 'xem truoc'], en: ['open preview'] },
        'planPreview.toggleLock': { vi: ['khóa xem trước', 'khoa xem truoc'], en: ['preview lock'] },
        'planPreview.showSource': { vi: ['tệp nguồn', 'tep nguon'], en: ['plan source'] },
        'plan.restartServer': { vi: ['khởi động lại', 'khoi dong lai'], en: ['restart'] },
        'plan.importTableFromFile': { vi: ['nhập bảng', 'nhap bang', 'nhập bảng từ tệp', 'nhap bang tu tep', 'excel'], en: ['import table', 'import', 'excel', 'csv'] },
        'plan.importPlanFromWord': { vi: ['nhập kế hoạch', 'nhap ke hoach', 'nhap ke hoach tu van ban word', 'word'], en: ['import plan', 'word document'] }
    };

    test('the matcher is VS Code\'s: words in order, no accent folding', () => {
        expect(paletteMatches('xem truoc', 'Kế hoạch: Mở bản xem trước')).toBe(false);
        expect(paletteMatches('xem trước', 'Kế hoạch: Mở bản xem trước')).toBe(true);
        expect(paletteMatches('ke moi', 'Plan: New plan (ke hoach: tao moi)')).toBe(true);
        expect(paletteMatches('open side', 'Plan: Open Preview to the Side')).toBe(true);
        expect(paletteMatches('side open', 'Plan: Open Preview to the Side')).toBe(false);
    });

    test('every command is found by Vietnamese words with and without accents, in both display languages', () => {
        expect(Object.keys(QUERIES).sort()).toEqual(commands.map(c => c.command).sort());
        const missed: string[] = [];
        for (const [id, q] of Object.entries(QUERIES)) {
            for (const locale of ['vi', 'en'] as const) {
                for (const query of q.vi) if (!paletteMatches(query, label(locale, id))) missed.push(`${locale} "${query}" ✗ ${label(locale, id)}`);
            }
            for (const query of q.en) if (!paletteMatches(query, label('en', id))) missed.push(`en "${query}" ✗ ${label('en', id)}`);
        }
        expect(missed).toEqual([]);
    });

    test('menus show the short title, without the search words', () => {
        for (const c of commands) {
            expect(c.shortTitle, c.command).toMatch(/^%.+\.short%$/);
            for (const locale of ['en', 'vi'] as const) {
                expect(nls[locale][c.shortTitle!.slice(1, -1)], `${locale} ${c.command}`).not.toMatch(/ke hoach:/);
            }
        }
    });
});

describe('the getting-started walkthrough', () => {
    const nls = { en: readJson('package.nls.json') as Record<string, string>, vi: readJson('package.nls.vi.json') as Record<string, string> };
    const walkthroughs = manifest.contributes.walkthroughs as Array<{
        id: string; title: string; steps: Array<{ id: string; title: string; description: string; media: { markdown?: string; image?: string; altText?: string }; completionEvents?: string[] }>
    }>;
    const key = (s: string) => s.replace(/^%(.+)%$/, '$1');
    const BUILT_IN = ['workbench.action.files.openFolder', 'editor.action.insertSnippet', 'editor.action.formatDocument', 'workbench.actions.view.problems'];
    const ours = (manifest.contributes.commands as Array<{ command: string }>).map(c => c.command);

    test('goes from an empty folder to an exported annex, in Vietnamese and English', () => {
        expect(walkthroughs.map(w => w.id)).toEqual(['planGettingStarted']);
        const [w] = walkthroughs;
        expect(w.steps.map(s => s.id)).toEqual(['newPlan', 'declare', 'table', 'findings', 'preview', 'export']);
        expect(nls.vi[key(w.title)]).toMatch(/kế hoạch/);
        for (const step of w.steps) {
            for (const locale of ['en', 'vi'] as const) {
                expect(nls[locale][key(step.title)], `${locale} ${step.id}`).toBeTruthy();
                expect(nls[locale][key(step.description)], `${locale} ${step.id}`).toMatch(/\[[^\]]+\]\(command:[\w.]+\)/);
            }
        }
        expect(nls.vi[key(w.steps[0].description)]).toContain('ke-hoach-giam-ngheo-');
    });

    test('each step\'s buttons run commands that exist, the same in both languages, and the step completes on its command', () => {
        for (const step of walkthroughs[0].steps) {
            const links = (locale: 'en' | 'vi') => [...nls[locale][key(step.description)].matchAll(/\(command:([\w.]+)\)/g)].map(m => m[1]);
            expect(links('vi'), step.id).toEqual(links('en'));
            for (const command of links('en')) expect([...ours, ...BUILT_IN], `${step.id}: ${command}`).toContain(command);
            const last = links('en').at(-1)!;
            expect(step.completionEvents, step.id).toContain(`onCommand:${last}`);
        }
    });

    test('its pictures are in the package, and the plan code it shows parses', async () => {
        const parse = parseHelper<PlanDocument>(createPlanServices(EmptyFileSystem).Plan);
        for (const step of walkthroughs[0].steps) {
            const file = step.media.markdown ?? step.media.image!;
            expect(fs.existsSync(path.join(ext, file)), file).toBe(true);
            if (step.media.image) expect(nls.vi[key(step.media.altText!)], step.id).toBeTruthy();
            if (!step.media.markdown) continue;
            const markdown = fs.readFileSync(path.join(ext, step.media.markdown), 'utf8');
            const blocks = [...markdown.matchAll(/```plan\n([\s\S]*?)```/g)].map(m => m[1]);
            expect(blocks.length, file).toBeGreaterThan(0);
            for (const block of blocks) {
                const text = /^plan /.test(block) ? block : `plan t\n${block}`;
                const document = await parse(text);
                expect(document.parseResult.parserErrors.map(e => e.message), `${file}:\n${text}`).toEqual([]);
            }
        }
        const ignored = fs.readFileSync(path.join(ext, '.vscodeignore'), 'utf8');
        expect(ignored).not.toMatch(/^walkthrough/m);
    });
});
