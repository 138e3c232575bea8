// Turns LSP diagnostics into the CLI's report: 1-based positions, named severities, stable codes.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Locale, Severity } from '../validation/codes.js';

export interface CliFinding {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

export function toCliFinding(file: string, d: Diagnostic): CliFinding {
    return {
        file,
        line: d.range.start.line + 1, column: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
        severity: SEVERITIES[(d.severity ?? 1) - 1] ?? 'error',
        code: String(d.code ?? 'syntax-error'),
        message: d.message
    };
}

export function formatLine(f: CliFinding): string {
    return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`;
}

const LABELS: Record<Locale, Record<Severity, string>> = {
    vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin', hint: 'gợi ý' },
    en: { error: 'errors', warning: 'warnings', info: 'info', hint: 'hints' }
};

export function summary(findings: CliFinding[], files: number, locale: Locale): string {
    const counts = SEVERITIES.map(s => `${findings.filter(f => f.severity === s).length} ${LABELS[locale][s]}`).join(', ');
    return locale === 'vi' ? `${files} tệp: ${counts}.` : `${files} file(s): ${counts}.`;
}
