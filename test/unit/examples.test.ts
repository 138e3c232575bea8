// The example plans: every file under examples/ parses (the deliberately broken ones give their
// expected errors), the clean example is complete and has no finding at all, and each broken example
// gives exactly the findings its "// expect:" comments announce, on those lines and tokens.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { loadPlans } from '../../language-server/src/cli/workspace.js';
import { createTestServices, EXAMPLES_DIR, parsePlan, planFilesUnder, validatePlan } from '../helpers/plan.js';

const validateText = (text: string) => validatePlan(createTestServices(), text);

const ALL = planFilesUnder(EXAMPLES_DIR);
const BROKEN_DIR = path.join(EXAMPLES_DIR, 'broken');
const CLEAN = path.join(EXAMPLES_DIR, 'clean', 'small-clean.plan');
const rel = (f: string) => path.relative(EXAMPLES_DIR, f);

interface Expectation { code: string; line: number; token?: string }
interface Fix { line: number; from: string; to: string }

/**
 * `// expect: total-mismatch "855", missing-district-year` → one expectation per item, on that line.
 * `… "855" → "845"` also says what the figure should be; `fix "a b" → "c d"` only that (a fix that
 * changes more than the token pointed at). With every fix made, the example has no finding at all.
 */
function commentsOf(text: string): { expectations: Expectation[]; fixes: Fix[] } {
    const expectations: Expectation[] = [];
    const fixes: Fix[] = [];
    text.split(/\r?\n/).forEach((line, i) => {
        const m = /(?:^|\s)\/\/\s*expect:\s*(.*)$/.exec(line);
        if (!m) return;
        for (const item of m[1].matchAll(/([a-z][a-z-]*)(?:\s+"((?:[^"\\]|\\.)*)")?(?:\s*→\s*"((?:[^"\\]|\\.)*)")?/g)) {
            if (item[3] !== undefined) fixes.push({ line: i + 1, from: item[2], to: item[3] });
            if (item[1] !== 'fix') expectations.push({ code: item[1], line: i + 1, token: item[2] });
        }
    });
    return { expectations, fixes };
}

function expectationsOf(text: string): Expectation[] {
    return commentsOf(text).expectations;
}

/** The example with every announced fix made (each on its line, once). */
function fixed(text: string): string {
    const lines = text.split('\n');
    for (const f of commentsOf(text).fixes) {
        const code = lines[f.line - 1].replace(/\/\/.*$/, '');
        if (!code.includes(f.from)) throw new Error(`line ${f.line} has no "${f.from}"`);
        lines[f.line - 1] = code.replace(f.from, f.to);
    }
    return lines.join('\n');
}

function textAt(text: string, d: Diagnostic): string {
    const lines = text.split(/\r?\n/);
    if (d.range.start.line !== d.range.end.line) return lines.slice(d.range.start.line, d.range.end.line + 1).join('\n');
    return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

describe('every example parses', () => {
    test('the examples folder holds the seed, the clean example, broken examples and a multi-file plan', () => {
        const names = ALL.map(rel);
        expect(names).toContain('hung-yen-giam-ngheo-2023-2025.plan');
        expect(names).toContain(path.join('clean', 'small-clean.plan'));
        expect(names.filter(n => n.startsWith(`broken${path.sep}`)).length).toBeGreaterThanOrEqual(5);
        expect(names.filter(n => n.startsWith(`multi-file${path.sep}`)).length).toBeGreaterThanOrEqual(2);
    });

    const services = createTestServices();
    for (const file of ALL) {
        test(rel(file), async () => {
            const text = fs.readFileSync(file, 'utf-8');
            const document = await parsePlan(services, text);
            const { lexerErrors, parserErrors } = document.parseResult;
            const syntax = expectationsOf(text).filter(e => e.code === 'syntax-error');
            if (syntax.length === 0) {
                expect(lexerErrors.map(e => e.message), 'lexer errors').toEqual([]);
                expect(parserErrors.map(e => e.message), 'parser errors').toEqual([]);
            } else {
                // Deliberately broken: exactly the announced lines have lexer or parser errors.
                // Lines from offsets: the plan lexer tracks offsets only (language/lexer.ts).
                const lineAt = (offset: number) => isNaN(offset) ? 0 : text.slice(0, offset).split('\n').length;
                const lines = [...lexerErrors.map(e => lineAt(e.offset)), ...parserErrors.map(e => lineAt(e.token.startOffset))];
                expect([...new Set(lines)].sort((a, b) => a - b)).toEqual([...new Set(syntax.map(e => e.line))].sort((a, b) => a - b));
            }
        });
    }
});

describe('the clean example', () => {
    test('is complete: header, agencies, districts, a district table with total, dimensions, targets, solutions, tasks, funding, duties', async () => {
        const { services, documents } = await loadPlans([CLEAN], 'vi');
        const m = services.plan.Models.get(documents[0]);
        expect(m.header.period).toMatchObject({ from: 2023, to: 2025 });
        expect(m.header.title).toBeTruthy();
        expect(m.header.signer?.name).toBeTruthy();
        expect(m.agencies.length).toBeGreaterThanOrEqual(2);
        expect(m.districts).toHaveLength(3);
        const table = m.tables[0];
        expect(table.columns).toEqual(['households', 'poor', 'poor-rate']);
        expect(table.sections[0].rows).toHaveLength(3);
        expect(table.total).toBeDefined();
        expect(m.dimensions).toHaveLength(2);
        expect(m.indicators.filter(i => i.dimensionId).length).toBeGreaterThanOrEqual(2);
        expect(m.targets.length).toBeGreaterThanOrEqual(2);
        const solutions = m.solutionSections.flatMap(s => s.groups.flatMap(g => g.solutions));
        expect(solutions.length).toBeGreaterThan(0);
        expect(solutions.every(s => s.assignment.leads.length > 0)).toBe(true);
        expect(m.taskLists[0].tasks.length).toBeGreaterThan(0);
        expect(m.funding?.sources.length).toBeGreaterThan(0);
        expect(m.dutyLists[0].items.length).toBe(m.agencies.length);
    });

    test('has no finding at all, in either language', async () => {
        for (const locale of ['vi', 'en'] as const) {
            const { documents } = await loadPlans([CLEAN], locale);
            expect(documents[0].diagnostics).toEqual([]);
        }
    });
});

const TABLES_DIR = path.join(EXAMPLES_DIR, 'tables');

describe('the examples of table shapes (issue 10): one per shape, each with the inconsistency it can have', () => {
    const files = planFilesUnder(TABLES_DIR);

    test('there is one example per shape, each announcing its inconsistency and its fix', () => {
        const shapes = files.map(f => path.basename(f).split('-')[0]);
        // Issue 10's nine shapes; issue 21's notes in cells (11), number style per column (12), years printed
        // twice and changes between years (13–15), the plan of 2026–2030 (16), links between tables (17) and
        // names as declared (18).
        expect(shapes).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5', '6', '7', '8', '9', '11', '12', '13', '14', '15', '16', '17', '18']));
        expect(new Set(shapes).size).toBe(shapes.length);
        for (const file of files) {
            const { expectations, fixes } = commentsOf(fs.readFileSync(file, 'utf-8'));
            expect(expectations.length, rel(file)).toBeGreaterThan(0);
            expect(fixes.length, rel(file)).toBeGreaterThan(0);
        }
    });

    for (const file of files) {
        test(`${rel(file)}: with the announced fixes made, no finding at all (but the infos it announces)`, async () => {
            const original = fs.readFileSync(file, 'utf-8');
            const { diagnostics } = await validateText(fixed(original));
            // An info a shape always has (a check its notes leave undone) stays where it is announced: fixes move no line.
            const infos = new Set(expectationsOf(original).map(e => `${e.code}@${e.line}`));
            const left = diagnostics.filter(d => d.severity !== 3 || !infos.has(`${String(d.code)}@${d.range.start.line + 1}`));
            expect(left.map(d => `${String(d.code)}@${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
        });
    }
});

describe('the broken examples give exactly their announced findings', () => {
    const files = [...planFilesUnder(BROKEN_DIR), ...planFilesUnder(TABLES_DIR)];
    let diagnostics: Map<string, Diagnostic[]>;

    beforeAll(async () => {
        const { documents } = await loadPlans(files, 'vi');
        diagnostics = new Map(documents.map(d => [d.uri.fsPath, [...(d.diagnostics ?? [])]]));
    });

    test('there are broken examples, each announcing at least one finding', () => {
        expect(files.length).toBeGreaterThanOrEqual(13);
        for (const file of files) expect(expectationsOf(fs.readFileSync(file, 'utf-8')).length, rel(file)).toBeGreaterThan(0);
    });

    for (const file of files) {
        test(rel(file), () => {
            const text = fs.readFileSync(file, 'utf-8');
            const expected = expectationsOf(text);
            const actual = diagnostics.get(path.resolve(file)) ?? [];
            const show = (d: Diagnostic) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1} "${textAt(text, d)}"`;
            const unmatched = [...actual];
            const missing: Expectation[] = [];
            for (const e of expected) {
                const i = unmatched.findIndex(d => d.code === e.code && d.range.start.line + 1 === e.line && (e.token === undefined || textAt(text, d) === e.token));
                if (i >= 0) unmatched.splice(i, 1);
                else missing.push(e);
            }
            expect({ missing, unexpected: unmatched.map(show) }).toEqual({ missing: [], unexpected: [] });
        });
    }
});

describe('the province with its district plans (issue 22): the roll-up findings, on both sides', () => {
    const dir = path.join(EXAMPLES_DIR, 'province-with-districts');
    const files = planFilesUnder(dir);

    test('a province plan and three district plans part of it', () => {
        expect(files.map(f => path.basename(f)).sort()).toEqual(['kim-dong.plan', 'phu-cu.plan', 'province.plan', 'tien-lu.plan']);
    });

    test('checked together, each file gives exactly its announced findings; with the fix made, none', async () => {
        const { documents } = await loadPlans(files, 'vi');
        for (const [i, file] of files.entries()) {
            const text = fs.readFileSync(file, 'utf-8');
            const found = (documents[i].diagnostics ?? []).map(d => `${String(d.code)}@${d.range.start.line + 1} "${textAt(text, d)}"`).sort();
            const expected = expectationsOf(text).map(e => `${e.code}@${e.line} "${e.token}"`).sort();
            expect(found, rel(file)).toEqual(expected);
        }
        expect(files.some(f => commentsOf(fs.readFileSync(f, 'utf-8')).fixes.length > 0)).toBe(true);
    });
});
