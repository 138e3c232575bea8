// Every finding the plan checker can report: a stable code, a severity, a message in Vietnamese and
// English, and what the rule checks (shown on hover). The words are in words/findings.ts; codes are
// part of the CLI's JSON output: never rename.

import { say, type Args, type Words } from './catalogue.js';
import type { Locale, Severity } from './locale.js';
import { FILE_ISSUES, ISSUES, type IssueSpec } from './words/findings.js';
import { RULE_NAMES } from './words/rule-names.js';

export type { Locale, Severity } from './locale.js';
export type { Args } from './catalogue.js';
export { FILE_ISSUES, ISSUES } from './words/findings.js';

export type FileIssueCode = keyof typeof FILE_ISSUES;

export type IssueCode = keyof typeof ISSUES;

export function issueSeverity(code: IssueCode): Severity {
    return ISSUES[code].severity;
}

export function issueMessage(code: IssueCode, args: Args, locale: Locale): string {
    return say(ISSUES[code], locale, args);
}

export function fileIssueMessage(code: FileIssueCode, args: Args, locale: Locale): string {
    return say(FILE_ISSUES[code], locale, args);
}

export function ruleDescription(code: string, locale: Locale): string | undefined {
    return ((ISSUES as Record<string, IssueSpec>)[code] ?? (FILE_ISSUES as Record<string, IssueSpec>)[code])?.rule[locale];
}

/** A rule's name, as the reviewer's list heads its group ("Dòng tổng không bằng tổng các dòng"); the code when it has none. */
export function ruleName(code: string, locale: Locale): string {
    const words = (RULE_NAMES as Record<string, Words | undefined>)[code];
    return words ? say(words, locale) : code;
}
