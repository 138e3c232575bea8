// The two languages every message, label and heading comes in, and the severities of findings.
export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** LSP's DiagnosticSeverity numbers (1–4) in order. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** The name of an LSP severity number; a diagnostic without one is an error, as LSP says. */
export function severityName(level: number | undefined): Severity {
    return SEVERITIES[(level ?? 1) - 1] ?? 'error';
}
