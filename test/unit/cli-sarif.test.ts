// `plan validate --format sarif` and `--format github`: the SARIF log validates against the published
// SARIF 2.1.0 schema (test/fixtures/sarif-schema-2.1.0.json, source in test/fixtures/README.md), its
// results are the findings of `--format json` at the same places, every rule has both languages; the
// GitHub annotations are one per finding, escaped as the runner reads them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import AjvFormats from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureCliBuilt, runCli } from '../helpers/cli.js';
import { REPO_ROOT, SEED_PLAN } from '../helpers/plan.js';
import {
    allCodes, escapeAnnotationData, escapeAnnotationProperty, githubAnnotation, sarifLog
} from '../../language-server/src/cli/sarif.js';
import type { CliFinding } from '../../language-server/src/cli/diagnostics.js';

const SEED = path.relative(REPO_ROOT, SEED_PLAN);
/** A plan whose wrong rates name their count and base as related places. */
const BAD_TOTALS = path.join('examples', 'broken', 'bad-totals.plan');
const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf-8')) as object;
/**
 * The schema is draft-04 (ajv-draft-04); its `language` pattern is not valid under the `u` flag (a lone
 * `]`), so patterns are read as plain regular expressions; `uri` formats are checked (ajv-formats).
 */
function sarifValidator() {
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    AjvFormats.default(ajv as unknown as Parameters<typeof AjvFormats.default>[0]);
    return ajv.compile(schema);
}
const validateSarif = sarifValidator();

interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface SarifLocation { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion }; message?: { text: string } }
interface SarifResult { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: SarifLocation[]; relatedLocations?: SarifLocation[] }
interface SarifRule { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; properties: { description: { vi: string; en: string } } }
interface SarifLog { version: string; runs: { tool: { driver: { rules: SarifRule[] } }; results: SarifResult[] }[] }
interface JsonFinding { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }

beforeAll(() => ensureCliBuilt(), 300_000);

const finding = (over: Partial<CliFinding> = {}): CliFinding => ({
    file: 'examples/a.plan', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'error', code: 'rate-mismatch', message: 'Tỷ lệ sai', ...over
});

describe('the SARIF log', () => {
    test('of the seed validates against the SARIF 2.1.0 schema, one result per finding at the same place', () => {
        const sarif = runCli(['validate', SEED, '--format', 'sarif']);
        const json = runCli(['validate', SEED, '--format', 'json']);
        expect(sarif.status).toBe(1);
        const log = JSON.parse(sarif.stdout) as SarifLog;
        const ok = validateSarif(log);
        expect(validateSarif.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
        const findings = JSON.parse(json.stdout) as JsonFinding[];
        const results = log.runs[0].results;
        expect(results).toHaveLength(findings.length);
        expect(findings.length).toBeGreaterThan(10);
        const rules = log.runs[0].tool.driver.rules;
        results.forEach((r, i) => {
            const f = findings[i];
            expect(r.ruleId).toBe(f.code);
            expect(rules[r.ruleIndex].id).toBe(f.code);
            expect(r.level).toBe(f.severity === 'info' || f.severity === 'hint' ? 'note' : f.severity);
            expect(r.message.text).toBe(f.message);
            expect(r.locations[0].physicalLocation.artifactLocation).toEqual({ uri: SEED, uriBaseId: '%SRCROOT%' });
            expect(r.locations[0].physicalLocation.region).toEqual({ startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
        });
    });

    test('a finding with related places has them as relatedLocations, each with its message', () => {
        const log = JSON.parse(runCli(['validate', BAD_TOTALS, '--format', 'sarif']).stdout) as SarifLog;
        expect(validateSarif(log)).toBe(true);
        const withRelated = log.runs[0].results.filter(r => r.relatedLocations);
        expect(withRelated.length).toBeGreaterThan(0);
        for (const r of withRelated) {
            for (const place of r.relatedLocations!) {
                expect(place.message?.text).toBeTruthy();
                expect(place.physicalLocation.region.startLine).toBeGreaterThan(0);
                expect(place.physicalLocation.artifactLocation.uri).toBe(BAD_TOTALS);
            }
        }
    });

    test('every rule has a stable id, descriptions in the language asked for and both languages in its properties', () => {
        const en = sarifLog([], 'en', REPO_ROOT) as SarifLog;
        const vi = sarifLog([], 'vi', REPO_ROOT) as SarifLog;
        const rulesEn = en.runs[0].tool.driver.rules;
        const rulesVi = vi.runs[0].tool.driver.rules;
        expect(rulesEn.map(r => r.id)).toEqual(rulesVi.map(r => r.id));
        expect(new Set(rulesEn.map(r => r.id)).size).toBe(rulesEn.length);
        expect(rulesEn.map(r => r.id)).toEqual(expect.arrayContaining(['rate-mismatch', 'syntax-error', 'encoding-invalid', 'unknown-reference']));
        for (const [i, rule] of rulesEn.entries()) {
            expect(rule.shortDescription.text).toBe(rule.properties.description.en);
            expect(rulesVi[i].fullDescription.text).toBe(rule.properties.description.vi);
            expect(rule.properties.description.vi).not.toBe(rule.properties.description.en);
            expect(rule.help.text).toContain(rule.id);
        }
        expect(rulesEn.length).toBe(allCodes().length);
        expect(validateSarif(en)).toBe(true);
    });

    test('a file outside the working directory is named by its file URI; relative paths are URI-encoded', () => {
        const log = sarifLog([finding({ file: '/elsewhere/kế hoạch.plan' }), finding({ file: 'a b/x.plan' })], 'vi', '/srv/plans') as SarifLog;
        const [outside, inside] = log.runs[0].results;
        expect(outside.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/k%E1%BA%BF%20ho%E1%BA%A1ch.plan' });
        expect(inside.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'a%20b/x.plan', uriBaseId: '%SRCROOT%' });
        expect(validateSarif(log)).toBe(true);
    });

    test('the schema check can fail: a result without a message is refused', () => {
        const log = sarifLog([finding()], 'vi', REPO_ROOT) as SarifLog;
        delete (log.runs[0].results[0] as Partial<SarifResult>).message;
        expect(validateSarif(log)).toBe(false);
    });
});

describe('GitHub annotations', () => {
    test('one workflow command per finding, with its place and code, then the summary', () => {
        const run = runCli(['validate', SEED, '--format', 'github', '--lang', 'en']);
        const findings = JSON.parse(runCli(['validate', SEED, '--format', 'json', '--lang', 'en']).stdout) as JsonFinding[];
        expect(run.status).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(findings.length + 1);
        expect(lines.at(-1)).toMatch(/^1 file\(s\): 1 errors/);
        findings.forEach((f, i) => {
            const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
            expect(lines[i].startsWith(`::${command} file=${SEED},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${f.code}::`)).toBe(true);
        });
    });

    test('messages escape %, CR and LF; properties also : and ,', () => {
        expect(escapeAnnotationData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
        expect(escapeAnnotationProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
        const line = githubAnnotation(finding({ file: 'x,y:z.plan', message: 'dòng 1\ndòng 2 (100%)', severity: 'info' }), 'vi');
        expect(line).toBe('::notice file=x%2Cy%3Az.plan,line=3,col=5,endLine=3,endColumn=9,title=rate-mismatch::dòng 1%0Adòng 2 (100%25)');
    });

    test('related places follow the message, one a line', () => {
        const line = githubAnnotation(finding({ related: [{ file: 'b.plan', line: 7, column: 2, endLine: 7, endColumn: 4, message: 'ô của tỉnh' }] }), 'vi');
        expect(line.endsWith('::Tỷ lệ sai%0A→ b.plan:7:2: ô của tỉnh')).toBe(true);
    });
});
