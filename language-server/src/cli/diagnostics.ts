// Turns LSP diagnostics into the CLI's report: 1-based positions, named severities, stable codes.
import type { Diagnostic } from 'vscode-languageserver';
import { SEVERITIES, severityName, type Locale, type Severity } from '../../../common/locale.js';
import type { PlanFileError } from './workspace.js';
import { say, type Args, type Words } from '../../../common/catalogue.js';
import { FILE_KINDS, INTERNAL_ERROR, READ_FAILURE, SUMMARY } from '../../../common/words/cli.js';

export interface CliFinding {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
    /** The other places the finding is about (LSP relatedInformation), 1-based as the finding; absent when none. */
    related?: CliPlace[];
}

/** A place a finding points to besides its own: its file as shown, 1-based positions, what it is there. */
export interface CliPlace {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    message: string;
}

/**
 * A diagnostic as the CLI reports it. `fileOf`: how a related place's URI is shown (the file of the
 * finding when not given, for places in the same document); related places are kept only with it.
 */
export function toCliFinding(file: string, d: Diagnostic, fileOf?: (uri: string) => string): CliFinding {
    const finding: CliFinding = {
        file,
        line: d.range.start.line + 1, column: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        severity: severityName(d.severity),
        code: String(d.code ?? 'syntax-error'),
        message: d.message
    };
    if (fileOf && d.relatedInformation && d.relatedInformation.length > 0) {
        finding.related = d.relatedInformation.map(r => ({
            file: fileOf(r.location.uri),
            line: r.location.range.start.line + 1, column: r.location.range.start.character + 1,
            endLine: r.location.range.end.line + 1, endColumn: r.location.range.end.character + 1,
            message: r.message
        }));
    }
    return finding;
}

/** The findings as `--format json` prints them: the fields it has always had (related places are SARIF's). */
export function jsonFindings(findings: CliFinding[]): Omit<CliFinding, 'related'>[] {
    return findings.map(({ related: _related, ...f }) => f);
}

export function summary(findings: CliFinding[], files: number, locale: Locale): string {
    const counts = SEVERITIES.map(s => say(SUMMARY.count, locale, { n: findings.filter(f => f.severity === s).length, severity: SUMMARY[s] })).join(', ');
    return say(SUMMARY.line, locale, { files, counts });
}

// C0 controls (ESC starts terminal escape sequences), DEL, C1 controls (U+009B is a one-character
// CSI), line and paragraph separators and the bidi controls that reorder what follows them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_NOT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeControl(c: string): string {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/**
 * A line as it may reach a terminal: control and bidi characters of a plan (or of a file name) are
 * shown as \x1b, \u202e… instead of acting on the terminal or reordering the line.
 */
export function printable(text: string, options: { keepNewlines?: boolean } = {}): string {
    return text.replace(options.keepNewlines ? CONTROL_NOT_NEWLINE : CONTROL, escapeControl);
}

/** JSON.stringify escapes C0 controls but not C1 and bidi controls; these only occur inside strings. */
export function jsonText(value: unknown): string {
    return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
        c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatLine(f: CliFinding): string {
    return printable(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
}

/** Megabytes (MiB) in the locale's decimal mark, with the decimals that tell `bytes` from `limit`. */
function megabytes(bytes: number, locale: Locale, above?: number): string {
    const mb = bytes / (1024 * 1024);
    let digits = 1;
    while (above !== undefined && digits < 6 && Number(mb.toFixed(digits)) <= above / (1024 * 1024)) digits++;
    // A limit as given (32, 0.5); a size with the decimals that show it is above the limit.
    const text = above === undefined ? String(Number(mb.toPrecision(3))) : mb.toFixed(digits);
    return locale === 'vi' ? text.replace('.', ',') : text;
}

/** Why a plan file cannot be read, in words (no final period), for "cannot read <file>: <reason>". */
export function planFileReason(e: PlanFileError, locale: Locale): string {
    const { code, kind, size, limit = 0 } = e.detail;
    const s = (words: Words, args?: Args) => say(words, locale, args);
    switch (e.reason) {
        case 'missing': return s(READ_FAILURE.missing);
        case 'denied': return s(READ_FAILURE.denied);
        case 'unreadable': return s(READ_FAILURE.unreadable, { code });
        case 'not-a-file': return s(READ_FAILURE.notAFile, { kind: FILE_KINDS[kind ?? 'other'] });
        case 'too-large': {
            const max = megabytes(limit, locale);
            const how = size === undefined ? s(READ_FAILURE.grew, { max }) : s(READ_FAILURE.over, { size: megabytes(size, locale, limit), max });
            return s(READ_FAILURE.tooLarge, { how });
        }
    }
}

/**
 * The last-resort message, for a bug rather than an input: one line in both languages, the stack
 * only with PLAN_DEBUG=1.
 */
export function internalErrorLine(e: unknown, debug: boolean): string {
    const error = e instanceof Error ? e : new Error(String(e));
    const both = (words: Words) => `${words.vi} / ${words.en}`;
    if (debug) return `plan: ${both(INTERNAL_ERROR.short)}: ${printable(error.stack ?? error.message, { keepNewlines: true })}\n`;
    return `plan: ${both(INTERNAL_ERROR.short)}: ${printable(error.message)} (${both(INTERNAL_ERROR.details)})\n`;
}
