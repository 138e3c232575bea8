// The rule engine: each rule is a small named function over the plan model that reports findings.
// It is pure (no Langium, no LSP), so the language server, the CLI and tests run the same rules.
import { formatNumber } from '../../../common/numbers.js';
import type { DistrictTableModel, Measure, PlanModel, PredeclaredMeasure, SourceRange } from '../model/types.js';
import type { CheckOptions } from '../language/settings.js';
import { issueMessage, issueSeverity, type Args, type IssueCode, type Locale, type Severity } from '../../../common/findings.js';
import { say, type Words } from '../../../common/catalogue.js';
import { MEASURES } from '../../../common/words/kinds.js';

export interface Finding {
    code: IssueCode;
    severity: Severity;
    range: SourceRange;
    message: string;
    /** What a quick fix needs, e.g. the replacement text. */
    data?: Record<string, unknown>;
}

export class RuleContext {
    readonly findings: Finding[] = [];
    constructor(readonly model: PlanModel, readonly locale: Locale, readonly options: CheckOptions) {}

    /** `severity`: for a finding whose severity its declaration states (a table's own `check`). */
    report(code: IssueCode, range: SourceRange, args: Args, data?: Record<string, unknown>, severity?: Severity): void {
        this.findings.push({ code, severity: severity ?? issueSeverity(code), range, message: issueMessage(code, args, this.locale), data });
    }

    /** A value printed in the plan's own number style. */
    fmt(value: number, decimals = 0): string {
        return formatNumber(value, this.model.numberStyle, decimals);
    }

    /** Up to `max` decimals, without trailing zeros (for computed values in messages). */
    fmtUpTo(value: number, max = 4): string {
        const decimals = Math.min(max, (value.toFixed(max).split('.')[1] ?? '').replace(/0+$/, '').length);
        return this.fmt(value, decimals);
    }

    /** A catalogue entry in the plan's message language. */
    say(words: Words, args?: Args): string {
        return say(words, this.locale, args);
    }

    /** A column's name: the table's declared label, else the predeclared measure's, else its id. */
    measure(m: Measure, table?: DistrictTableModel): string {
        return columnName(m, this.locale, table);
    }
}

/** The predeclared measures' names (common/words/kinds.ts). */
export const MEASURE_LABELS: Record<PredeclaredMeasure, Words> = MEASURES;

export function columnName(m: Measure, locale: Locale, table?: DistrictTableModel): string {
    const declared = table?.columnsById[m];
    if (declared?.label !== undefined) return declared.label;
    return m in MEASURE_LABELS ? MEASURE_LABELS[m as PredeclaredMeasure][locale] : m;
}

export type Rule = (ctx: RuleContext) => void;
