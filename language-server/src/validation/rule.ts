// The rule engine: each rule is a small named function over the plan model that reports findings.
// It is pure (no Langium, no LSP), so the language server, the CLI and tests run the same rules.
import { formatNumber } from '../../../common/numbers.js';
import type { Measure, PlanModel, SourceRange } from '../model/types.js';
import type { CheckOptions } from '../language/settings.js';
import { issueMessage, issueSeverity, type Args, type IssueCode, type Locale, type Severity } from '../../../common/findings.js';

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

    report(code: IssueCode, range: SourceRange, args: Args, data?: Record<string, unknown>): void {
        this.findings.push({ code, severity: issueSeverity(code), range, message: issueMessage(code, args, this.locale), data });
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

    t(vi: string, en: string): string {
        return this.locale === 'vi' ? vi : en;
    }

    measure(m: Measure): string {
        return MEASURE_LABELS[m][this.locale];
    }
}

export const MEASURE_LABELS: Record<Measure, { vi: string; en: string }> = {
    'households': { vi: 'Tổng số hộ', en: 'total households' },
    'poor': { vi: 'Hộ nghèo', en: 'poor households' },
    'poor-rate': { vi: 'Tỷ lệ hộ nghèo (%)', en: 'poverty rate (%)' },
    'near-poor': { vi: 'Hộ cận nghèo', en: 'near-poor households' },
    'near-poor-rate': { vi: 'Tỷ lệ hộ cận nghèo (%)', en: 'near-poverty rate (%)' },
    'multidim': { vi: 'Hộ nghèo và cận nghèo', en: 'poor and near-poor households' },
    'multidim-rate': { vi: 'Tỷ lệ nghèo đa chiều (%)', en: 'multidimensional poverty rate (%)' }
};

export type Rule = (ctx: RuleContext) => void;
