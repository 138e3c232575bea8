// The rule engine: each rule is a small named function over the plan model that reports findings.
// It is pure (no Langium, no LSP), so the language server, the CLI and tests run the same rules.
import { formatNumber } from '../../../common/numbers.js';
import { columnStyle, type DistrictTableModel, type Measure, type PlanModel, type PredeclaredMeasure, type SourceRange, type TableRowModel } from '../model/types.js';
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
    /** The other places the finding is about (the first declaration of a duplicate, a rate's count and base). */
    related?: RelatedPlace[];
}

/** A place a finding points to besides its own, with what it is there. */
export interface RelatedPlace {
    range: SourceRange;
    message: string;
    /** The document it stands in, when not the finding's own (a roll-up finding names the other plan's cell). */
    uri?: string;
}

const NONE: Finding[] = [];

/**
 * What the row-level part of each rule found for each unit row, kept from one check of a document to
 * the next. The model keeps a row object while only other rows' year lines change (model/build.ts
 * ModelMemo), and then nothing a unit row's findings depend on has changed: its own cells, the
 * table's declarations, the locale and the options (the key). A typed figure re-checks its row and
 * the totals, not the 7.000 others. Totals and subtotals depend on every row: never kept.
 */
export class RowFindings {
    private key = '';
    private byRow = new WeakMap<TableRowModel, Finding[][]>();

    /** The cache for checks under this locale and these options (dropped when they change). */
    under(locale: Locale, options: CheckOptions): this {
        const key = `${locale}\u0000${JSON.stringify(options)}`;
        if (key !== this.key) {
            this.key = key;
            this.byRow = new WeakMap();
        }
        return this;
    }

    get(row: TableRowModel, rule: number): Finding[] | undefined {
        return this.byRow.get(row)?.[rule];
    }

    set(row: TableRowModel, rule: number, findings: Finding[]): void {
        let kept = this.byRow.get(row);
        if (!kept) this.byRow.set(row, kept = []);
        kept[rule] = findings.length === 0 ? NONE : findings;
    }
}

/** The rules that check unit rows one by one, numbered for RowFindings. */
export const ROW_RULES = {
    cellValues: 0, rateMatchesCounts: 1, impliedDenominators: 2, sumsMatchParts: 3, flowsAcrossYears: 4,
    partsWithinTotal: 5, tableColumns: 6, tableChecks: 7, tableShape: 8, numberStyle: 9,
    startOfYear: 10, changesBetweenYears: 11
} as const;

export class RuleContext {
    readonly findings: Finding[] = [];
    constructor(readonly model: PlanModel, readonly locale: Locale, readonly options: CheckOptions, private readonly rows?: RowFindings) {}

    /**
     * A rule's check of one row: for a unit row seen by the previous check of the same document, what
     * it found then; else checked (and kept). Total and subtotal rows are always checked.
     * `part`: a rule that checks a row more than once (one check of the table per declared check) names each.
     */
    eachRow(rule: keyof typeof ROW_RULES, row: TableRowModel, check: () => void, part = 0): void {
        const rows = this.rows;
        if (!rows || row.kind !== 'row') return check();
        const id = ROW_RULES[rule] + part * 16;
        const kept = rows.get(row, id);
        if (kept) {
            for (const f of kept) this.findings.push(f);
            return;
        }
        const from = this.findings.length;
        check();
        rows.set(row, id, this.findings.slice(from));
    }

    /** `severity`: for a finding whose severity its declaration states (a table's own `check`). The finding made. */
    report(code: IssueCode, range: SourceRange, args: Args, data?: Record<string, unknown>, severity?: Severity): Finding {
        const finding: Finding = { code, severity: severity ?? issueSeverity(code), range, message: issueMessage(code, args, this.locale), data };
        this.findings.push(finding);
        return finding;
    }

    /** A related place of a finding, its message from the catalogue in the plan's language. */
    place(range: SourceRange, words: Words, args?: Args): RelatedPlace {
        return { range, message: say(words, this.locale, args) };
    }

    /** A value printed in the plan's own number style. */
    fmt(value: number, decimals = 0): string {
        return formatNumber(value, this.model.numberStyle, decimals);
    }

    /** A value printed in the style of a table's column (a replacement for one of its cells). */
    fmtIn(table: DistrictTableModel, m: Measure, value: number, decimals = 0): string {
        return formatNumber(value, columnStyle(table.columnsById[m], this.model.numberStyle), decimals);
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
