// Shared test helpers: services without a file system, validation of a plan text, markers that say
// where a finding must stand, and robust lookups of the repository's examples and fixtures.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper, validationHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver';
import type { PlanDocument } from '../../language-server/src/generated/ast.js';
import type { PlanModel } from '../../language-server/src/model/types.js';
import { createPlanServices, type PlanServices } from '../../language-server/src/plan-module.js';
import type { Locale, Severity } from '../../common/findings.js';

/** The repository root (this file is test/helpers/plan.ts). */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
export const SEED_PLAN = path.join(EXAMPLES_DIR, 'hung-yen-giam-ngheo-2023-2025.plan');

/**
 * Data the tests compare against (the published seed text and its hand transcription), kept in the
 * repository: a clone has no ../shared beside it. See test/fixtures/README.md for their sources.
 */
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');
export const PUBLISHED_SEED_TEXT = path.join(FIXTURES_DIR, 'hung-yen-2023-2025-published.txt');
export const PUBLISHED_ANNEXES = path.join(FIXTURES_DIR, 'hung-yen-annexes.json');

/** Every .plan file below a folder, sorted, as absolute paths. */
export function planFilesUnder(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.isFile() && entry.name.endsWith('.plan')) out.push(full);
        }
    };
    walk(dir);
    return out;
}

/** Fresh plan services with no file system; each test file should make its own. */
export function createTestServices(locale: Locale = 'vi'): PlanServices {
    const services = createPlanServices(EmptyFileSystem).Plan;
    services.plan.Settings.locale = locale;
    return services;
}

export const SEVERITY_NAMES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function severityOf(d: Diagnostic): Severity {
    return SEVERITY_NAMES[d.severity ?? 1];
}

export interface Validated {
    document: LangiumDocument<PlanDocument>;
    diagnostics: Diagnostic[];
    model: PlanModel;
}

/** Parses, links and validates a plan text in the given services (with their locale). */
export async function validatePlan(services: PlanServices, text: string, locale?: Locale): Promise<Validated> {
    if (locale) services.plan.Settings.locale = locale;
    const result = await validationHelper<PlanDocument>(services)(text);
    return { document: result.document, diagnostics: result.diagnostics, model: services.plan.Models.get(result.document) };
}

/** Parses (and links) a plan text without validation. */
export async function parsePlan(services: PlanServices, text: string, uri?: string): Promise<LangiumDocument<PlanDocument>> {
    return parseHelper<PlanDocument>(services)(text, uri ? { documentUri: uri } : undefined);
}

/** A 0-based range, as LSP and the model count. */
export interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

/**
 * Removes «…» markers from a text and returns where each marked span stands in the cleaned text.
 * Tests mark the exact token a finding must point at: `row 2 B { 2023: 1.000 10 «1,21» }`.
 */
export function marked(source: string): { text: string; ranges: Range[] } {
    let text = '';
    const ranges: Range[] = [];
    const open: { line: number; character: number }[] = [];
    let line = 0;
    let character = 0;
    for (const ch of source) {
        if (ch === '«') { open.push({ line, character }); continue; }
        if (ch === '»') {
            const start = open.pop();
            if (!start) throw new Error('» without «');
            ranges.push({ start, end: { line, character } });
            continue;
        }
        text += ch;
        if (ch === '\n') { line++; character = 0; } else character += ch.length;
    }
    if (open.length) throw new Error('« without »');
    ranges.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
    return { text, ranges };
}

export function plainRange(r: Range): Range {
    return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** "12:5-12:9" with 1-based lines and columns, for readable assertion output. */
export function showRange(r: Range): string {
    return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** code@range for each diagnostic, sorted: compares findings as sets with readable failures. */
export function findingKeys(diagnostics: Diagnostic[], filter?: (d: Diagnostic) => boolean): string[] {
    return diagnostics.filter(d => !filter || filter(d)).map(d => `${String(d.code)}@${showRange(d.range)}`).sort();
}

/** The 1-based line of the only line of a text matching a pattern. */
export function lineMatching(text: string, pattern: RegExp): number {
    const lines = text.split(/\r?\n/);
    const found = lines.flatMap((l, i) => (pattern.test(l) ? [i + 1] : []));
    if (found.length !== 1) throw new Error(`${pattern} matches ${found.length} lines (${found.join(', ')}), expected exactly one`);
    return found[0];
}

/** The 0-based range of the n-th occurrence (0-based) of a literal in a text. */
export function rangeOfText(text: string, literal: string, occurrence = 0): Range {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(literal, index + 1);
        if (index < 0) throw new Error(`"${literal}" occurs fewer than ${occurrence + 1} times`);
    }
    const before = text.slice(0, index).split('\n');
    const line = before.length - 1;
    const character = before[line].length;
    return { start: { line, character }, end: { line, character: character + literal.length } };
}
