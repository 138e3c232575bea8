// Findings for code review: `plan validate --format sarif` writes one SARIF 2.1.0 log (OASIS, "Static
// Analysis Results Interchange Format"), which code hosts show on the lines of a change;
// `--format github` prints GitHub Actions workflow commands (`::error file=…::…`), which a job's log
// turns into annotations without any upload. Both carry the same findings as the text output.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliFinding, CliPlace } from './diagnostics.js';
import { say, type Words } from '../../../common/catalogue.js';
import { FILE_ISSUES, ISSUES } from '../../../common/findings.js';
import { LOCALES, type Locale, type Severity } from '../../../common/locale.js';
import { CODE_REVIEW, OTHER_CODES } from '../../../common/words/code-review.js';
import type { IssueSpec } from '../../../common/words/findings.js';

/** The schema a log names (the OASIS errata 01 schema of SARIF 2.1.0). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A rule as SARIF describes it (reportingDescriptor). */
export interface SarifRule {
    id: string;
    name: string;
    shortDescription: { text: string };
    fullDescription: { text: string };
    help: { text: string };
    defaultConfiguration: { level: SarifLevel };
    /** Both languages' descriptions, whatever the log's language. */
    properties: { severity: Severity; description: Record<Locale, string>; help: Record<Locale, string> };
}

export type SarifLevel = 'error' | 'warning' | 'note';

/** A severity as SARIF and GitHub name it: infos and hints are notes (notices). */
export function sarifLevel(severity: Severity): SarifLevel {
    return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

interface CodeSpec { severity: Severity; rule: Words }

/** Every code the checker can report, in a stable order: the rules, the file issues, then the others. */
export function allCodes(): [string, CodeSpec][] {
    const fromIssues = (table: Record<string, IssueSpec>) => Object.entries(table).map(([code, spec]) => [code, { severity: spec.severity, rule: spec.rule }] as [string, CodeSpec]);
    const others = Object.entries(OTHER_CODES).map(([code, rule]) => [code, { severity: 'error', rule }] as [string, CodeSpec]);
    return [...fromIssues(ISSUES), ...fromIssues(FILE_ISSUES), ...others];
}

/** `rate-mismatch` → `RateMismatch`: SARIF's name of a rule is an identifier-like word. */
function ruleName(code: string): string {
    return code.split('-').map(p => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

/** The rule of a code, its descriptions in the log's language and both languages in its properties. */
export function sarifRule(code: string, spec: CodeSpec, locale: Locale): SarifRule {
    const help = (l: Locale) => say(CODE_REVIEW.help, l, { rule: spec.rule[l], code });
    return {
        id: code,
        name: ruleName(code),
        shortDescription: { text: spec.rule[locale] },
        fullDescription: { text: spec.rule[locale] },
        help: { text: help(locale) },
        defaultConfiguration: { level: sarifLevel(spec.severity) },
        properties: {
            severity: spec.severity,
            description: Object.fromEntries(LOCALES.map(l => [l, spec.rule[l]])) as Record<Locale, string>,
            help: Object.fromEntries(LOCALES.map(l => [l, help(l)])) as Record<Locale, string>
        }
    };
}

/** A file as a SARIF artifact location: relative to the working directory (%SRCROOT%) when below it, else a file URI. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
    const absolute = path.resolve(root, file);
    const relative = path.relative(root, absolute);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
        return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
    }
    return { uri: pathToFileURL(absolute).href };
}

/**
 * A region in SARIF's terms: 1-based lines and columns (UTF-16 code units, as LSP and the log's
 * columnKind say), the end column the one after the region, as the CLI's finding already has it.
 */
function physicalLocation(place: Pick<CliPlace, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>, root: string) {
    return {
        artifactLocation: artifactLocation(place.file, root),
        region: { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn }
    };
}

/**
 * The SARIF 2.1.0 log of a check: one run, the tool with every rule it has (not only those found, so
 * that a code host can describe a code it meets later), one result per finding. `root`: the folder
 * relative paths are read from (the working directory).
 */
export function sarifLog(findings: CliFinding[], locale: Locale, root: string = process.cwd()): object {
    const codes = allCodes();
    const known = new Set(codes.map(([code]) => code));
    // A code the catalogue does not know (none today) still gets a rule, so that every ruleId resolves.
    for (const f of findings) {
        if (!known.has(f.code)) {
            known.add(f.code);
            codes.push([f.code, { severity: f.severity, rule: { vi: f.code, en: f.code } }]);
        }
    }
    const index = new Map(codes.map(([code], i) => [code, i]));
    const results = findings.map(f => {
        const result: Record<string, unknown> = {
            ruleId: f.code,
            ruleIndex: index.get(f.code),
            level: sarifLevel(f.severity),
            message: { text: f.message },
            locations: [{ physicalLocation: physicalLocation(f, root) }]
        };
        if (f.related && f.related.length > 0) {
            result.relatedLocations = f.related.map((r, id) => ({ id, physicalLocation: physicalLocation(r, root), message: { text: r.message } }));
        }
        if (f.severity === 'info' || f.severity === 'hint') result.properties = { severity: f.severity };
        return result;
    });
    const rootUri = pathToFileURL(root.endsWith(path.sep) ? root : root + path.sep).href;
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'plan',
                    fullName: say(CODE_REVIEW.toolFullName, locale),
                    language: locale,
                    rules: codes.map(([code, spec]) => sarifRule(code, spec, locale))
                }
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
}

/** A workflow command's message: `%`, CR and LF escaped as GitHub's runner reads them. */
export function escapeAnnotationData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which end a value. */
export function escapeAnnotationProperty(text: string): string {
    return escapeAnnotationData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One GitHub Actions annotation per finding: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Infos and hints are notices. Paths with `/` whatever the system, as the repository names them.
 */
export function githubAnnotation(f: CliFinding, locale: Locale): string {
    const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    const properties = [
        ['file', slashes(f.file)], ['line', f.line], ['col', f.column],
        ['endLine', f.endLine], ['endColumn', f.endColumn], ['title', f.code]
    ].map(([key, value]) => `${key}=${escapeAnnotationProperty(String(value))}`).join(',');
    // An annotation has one place: the others follow the message, one a line, as file:line:column.
    const related = (f.related ?? []).map(r => '\n' + say(CODE_REVIEW.relatedLine, locale, { place: `${slashes(r.file)}:${r.line}:${r.column}`, message: r.message }));
    return `::${command} ${properties}::${escapeAnnotationData(f.message + related.join(''))}`;
}

function slashes(file: string): string {
    return file.split(path.sep).join('/');
}
