// Quick fixes, keyed on the finding's code (diagnostic data.code): put the computed rate or the sum
// in place of a misprinted one, rewrite a number in the declared style, declare a missing agency or
// district (or pick a declared one with a close name), add a missing year line with blank cells, …
// — every finding with one obvious repair has one (the two tables below), and `source.fixAll`
// applies the safe ones.
//
// Safe (fixAll, e.g. on save) means the fix changes how something is written, never what the plan
// says: it never picks which of two disagreeing figures is wrong (a rate or a total against its
// rows), never adds or removes content a reviewer should see (a blank year line, an agency), and
// never silences a finding that asks for work. fixAll applies the *preferred* fix of a code marked
// fixAll below; a fix that is safe only sometimes (removing an exact copy) is preferred only then.
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type ReferenceInfo } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { readNumber } from '../../../common/numbers.js';
import type { PlanServices } from '../plan-module.js';
import type { IssueCode } from '../../../common/findings.js';
import { syntaxFix, type SyntaxErrorData } from '../validation/syntax-errors.js';
import { compactFold, matchScore } from './fold.js';
import { L, fill } from './labels.js';
import { planIndex } from './plan-index.js';
import { isYearLine, yearOfLine } from '../language/year-line.js';
import { columnName } from '../validation/rule.js';
import type { Words } from '../../../common/catalogue.js';
import { CHARACTER_FIX_LABELS, FIX_LABELS } from '../../../common/words/editor.js';
import { FIGURE_WORDS } from '../../../common/words/figures.js';
import { LINK_WORDS } from '../../../common/words/links.js';

const MAX_SUGGESTIONS = 3;

/** Codes with a quick fix: what it does, and why it is safe for source.fixAll when it is. */
export const QUICK_FIXES: Partial<Record<IssueCode, { fix: string; fixAll?: string }>> = {
    'number-style': { fix: 'the number rewritten in the declared style', fixAll: 'only the writing changes; the other style could read nothing else' },
    'year-malformed': { fix: '2.025 → 2025 (a year with a thousands separator only)', fixAll: 'the same year, written without the separator' },
    'control-character': { fix: 'remove the invisible character (a space for \\v and \\f)', fixAll: 'an invisible character carries no meaning' },
    'bidi-control': { fix: 'remove the reordering character', fixAll: 'the text then shows what it says; what the checker reads is unchanged' },
    'duplicate-year': { fix: 'remove the second year (table years, year line, indicator value)', fixAll: 'only when it is an exact copy of the first' },
    'duplicate-row': { fix: 'remove the second row of the district', fixAll: 'only when it is an exact copy of the first' },
    'rate-mismatch': { fix: 'the computed rate in place of the printed one (a range of rates: each differing bound computed)' },
    'total-mismatch': { fix: 'the sum of the rows in place of the printed total' },
    'sum-mismatch': { fix: 'the sum of the parts (sum-of) in place of the printed number' },
    'flow-mismatch': { fix: "last year's value and the year's flows in place of the printed number" },
    'implied-denominator': { fix: 'the rate (or count) the rest of the table implies, in place of the figure it decided is wrong; none when the table cannot tell which' },
    'start-of-year-mismatch': { fix: "the end of the year before in place of the start's figure" },
    'change-mismatch': { fix: 'the change computed from the two years in place of the printed one' },
    'range-reversed': { fix: 'swap the two bounds (460..410 → 410..460)' },
    'range-outside-targets': { fix: 'declare the table a table of targets (`targets` after its title)' },
    'unknown-column': { fix: 'a known column a keystroke or two away (poor_rate → poor-rate); none when no column is that close: which column was meant is not known' },
    'missing-district-year': { fix: 'a year line with blank "-" cells' },
    'cell-count': { fix: 'a year line short of cells padded with blank "-" cells at its end; and every short line of the table at once (none for a line with too many cells: which one is extra is not known)' },
    'agency-name-unknown': { fix: "one of the agency's declared names, the one that differs only in accents, case, dashes or spaces first" },
    'count-not-integer': { fix: 'the thousands reading of a count typed the other way (28,700 → 28.700 under vi); none when it is no such number' },
    'not-shown': { fix: 'move the indicator into a dimension (one fix per dimension of the plan)' },
    'undeclared-table-year': { fix: 'add the year to years { }, with the kind of the year before it' },
    'period-reversed': { fix: 'swap the two years' },
    'unknown-reference': { fix: 'a declared id with a close spelling or name, or declare it' },
    'missing-lead': { fix: 'lead <the agency every sibling item has>, then one fix per agency it may name' },
    'solution-without-lead': { fix: 'as missing-lead: lead <the agency every sibling solution has>, then one fix per agency' },
    'unused-agency': { fix: 'remove the declaration (not offered when another plan refers to it)' },
    'numbering-gap': { fix: 'renumber the item and the ones after it' },
    'target-not-met': { fix: 'a strict target the figure only equals: below → at-most / above → at-least, or move the figure one unit' },
    'target-text-differs': { fix: 'the one other number of the sentence as the value, or the value into the sentence' },
    'name-misspelled': { fix: 'the declared spelling of the name, in the case of the text (a name in capitals stays in capitals)' }
};

/** Codes without a quick fix, and why: no repair is obvious from the plan alone. */
export const NO_QUICK_FIX: Partial<Record<IssueCode, string>> = {
    'year-group-unknown': 'which group of the year the line holds is not known',
    'change-unit': 'the unit or the compared column may be the slip; the plan does not say which',
    'across-standards': 'an info: figures under two standards are not compared, there is nothing to fix',
    'number-malformed': 'groups of 2 or 4 digits have several readings (29.82 may be 29,82 or 2.982)',
    'count-unreadable': 'read the other way it is no whole number; which digit or mark is wrong is not known',
    'placeholder-text': "the real name is the author's to write",
    'negative-count': 'the minus sign may be a stray mark or a change (a decrease) in the wrong table',
    'percent-out-of-range': 'which digit or decimal mark is wrong is not known',
    'poor-exceeds-total': 'either the part or the total is wrong; the plan does not say which',
    'baseline-not-before-targets': 'the baseline year or a plan year is wrong, or the value is not a baseline',
    'year-outside-period': 'the period comes from the published plan; the year is the likelier typo, and which year was meant is not known',
    'deadline-outside-period': 'as year-outside-period: the period is the published one, the meant deadline is not known',
    'duplicate-id': 'a new id is a naming decision (and rename, F2, already renames with its references)',
    'wrong-direction': 'either value may be wrong, or the direction',
    'roll-up-mismatch': 'either plan may hold the wrong figure; the two offices settle which',
    'roll-up-total-mismatch': 'a unit plan or the total may be wrong; the plans do not say which',
    'roll-up-no-plan': 'the unit office has a plan to write; nothing in this file to change',
    'roll-up-unknown-unit': 'the unit may be missing from the province tables or named wrongly here',
    'roll-up-unknown-year': 'the year may be missing from the province tables or be a typo here',
    'target-unit-mismatch': 'the value may be in another unit or misprinted; no single correction',
    'sum-rate-mismatch': 'the rate of the sum or the rate of any part may be misprinted, and rounding allows several values',
    'range-total-mismatch': "a bound of the total or a bound of any row may be wrong (and the finding carries no replacement, unlike total-mismatch)",
    'part-exceeds-base': 'either the count or its base is wrong; the plan does not say which',
    'unchecked-total': 'an information: the unreadable cell that blocks the sum has its own finding, fixed there',
    'note-skips-check': 'an information: a note in a cell is printed as the table prints it; nothing to fix',
    'unchecked-rate': 'an information: the unreadable count or base has its own finding, fixed there',
    'second-total': 'which of the two totals the table printed is not known; removing either loses figures',
    'table-check': "the plan's own check: which figure breaks it, or whether the check itself is wrong, is not known",
    'indicator-not-whole': 'a fraction may be a misprint or a rate given the wrong unit; no single correction',
    'column-defined-through-itself': 'which column of the way round was meant to rest on which is the author\'s to say',
    'part-of-itself': 'which plan is above which is the author\'s to say',
    'unchecked-definition': 'an information: the definition that means nothing has its own finding, fixed there',
    'link-mismatch': 'either of the two linked figures may be the wrong one; the finding stands on both',
    'link-incomplete': 'the figure, column or years the link means are the author\'s to name',
    'link-unit-mismatch': 'the link names the wrong column, or the quote its unit; which is not known'
};

/** The title of each fix that puts the figure the finding computed (data.replacement) in place of the printed one. */
const REPLACEMENT_TITLES: Record<string, Words> = {
    'rate-mismatch': L.fixRate, 'total-mismatch': L.fixTotal, 'number-style': L.fixNumberStyle,
    'sum-mismatch': FIX_LABELS.fixSum, 'flow-mismatch': FIX_LABELS.fixFlow, 'count-not-integer': FIX_LABELS.fixCountThousands,
    'implied-denominator': FIGURE_WORDS.fixImplied,
    'name-misspelled': LINK_WORDS.fixName,
    'start-of-year-mismatch': FIX_LABELS.fixStartOfYear, 'change-mismatch': FIX_LABELS.fixChange
};

/** The code action kinds the server offers, advertised in its capabilities. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll];

interface FixData {
    code?: string;
    replacement?: string;
    /** control-character, bidi-control: the character as U+XXXX. */
    char?: string;
    renumber?: { range: Range; label: string }[];
    strictEqual?: boolean;
    figure?: { range: Range; replacement: string; year: number };
    year?: number;
    columns?: number;
    insertAfterLine?: number;
    /** missing-district-year of a year the table prints twice: the group the line names (`end`, `standard moi`). */
    tag?: string;
    /** cell-count: how many cells a year line lacks, where it ends, and its table. */
    missing?: number;
    at?: Range['end'];
    table?: string;
    containerType?: string;
    property?: string;
    refText?: string;
}

export class PlanCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: PlanServices & LangiumServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const only = params.context.only;
        // A kind asked for matches itself and its sub-kinds ("source" asks for "source.fixAll").
        const wanted = (kind: string) => !only || only.some(k => k === '' || kind === k || kind.startsWith(k + '.'));
        const actions: CodeAction[] = [];
        if (wanted(CodeActionKind.QuickFix)) {
            for (const diagnostic of params.context.diagnostics) actions.push(...this.safeFixesFor(document, diagnostic));
        }
        // Source actions are asked for by kind (on save, or the Source Action menu), never unasked.
        if (only && wanted(CodeActionKind.SourceFixAll)) {
            const fixAll = this.fixAll(document);
            if (fixAll) actions.push(fixAll);
        }
        return actions;
    }

    private safeFixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        try {
            return this.fixesFor(document, diagnostic);
        } catch (error) {
            console.error('plan quick fix failed:', error);
            return [];
        }
    }

    /** One action with the preferred fix of every finding whose code is safe to fix unattended. */
    private fixAll(document: LangiumDocument): CodeAction | undefined {
        const uri = document.uri.toString();
        const offset = (p: Position) => document.textDocument.offsetAt(p);
        // Spans already edited, sorted by start: a new span is checked against the one before it and those starting inside it.
        const taken: [number, number][] = [];
        const firstAfter = (s: number) => {
            let lo = 0, hi = taken.length;
            while (lo < hi) { const mid = (lo + hi) >> 1; if (taken[mid][0] < s) lo = mid + 1; else hi = mid; }
            return lo;
        };
        const clash = ([s, e]: [number, number], [ts, te]: [number, number]) => (s < te && ts < e) || (s === ts && e === te);
        const overlaps = (span: [number, number]) => {
            let i = firstAfter(span[0]);
            if (i > 0 && clash(span, taken[i - 1])) return true;
            for (; i < taken.length && taken[i][0] <= span[1]; i++) if (clash(span, taken[i])) return true;
            return false;
        };
        const candidates: { diagnostic: Diagnostic; edits: TextEdit[]; spans: [number, number][]; size: number }[] = [];
        for (const diagnostic of document.diagnostics ?? []) {
            const code = (diagnostic.data as FixData | undefined)?.code ?? String(diagnostic.code ?? '');
            if (!QUICK_FIXES[code as IssueCode]?.fixAll) continue;
            const edits = this.safeFixesFor(document, diagnostic).find(a => a.isPreferred)?.edit?.changes?.[uri];
            if (!edits?.length) continue;
            const spans = edits.map(e => [offset(e.range.start), offset(e.range.end)] as [number, number]);
            candidates.push({ diagnostic, edits, spans, size: spans.reduce((n, [s, e]) => n + e - s, 0) });
        }
        // Two fixes touching the same text: the larger wins (a copied line is removed, the number in it not also restyled).
        candidates.sort((a, b) => b.size - a.size);
        const kept: TextEdit[] = [];
        const fixed: Diagnostic[] = [];
        for (const { diagnostic, edits, spans } of candidates) {
            if (spans.some(overlaps)) continue;
            for (const span of spans) taken.splice(firstAfter(span[0]), 0, span);
            kept.push(...edits);
            fixed.push(diagnostic);
        }
        if (!kept.length) return undefined;
        kept.sort((a, b) => offset(a.range.start) - offset(b.range.start));
        const title = fill(FIX_LABELS.fixAll, this.services.plan.Settings.locale, { n: fixed.length });
        return { title, kind: CodeActionKind.SourceFixAll, diagnostics: fixed, edit: { changes: { [uri]: kept } } };
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = (diagnostic.data ?? {}) as FixData;
        const code = diagnostic.code === 'unknown-reference' ? 'unknown-reference' : data.code ?? String(diagnostic.code ?? '');
        const locale = this.services.plan.Settings.locale;
        const uri = document.uri.toString();
        switch (code) {
            case 'rate-mismatch':
            case 'total-mismatch':
            case 'sum-mismatch':
            case 'flow-mismatch':
            case 'implied-denominator':
            case 'start-of-year-mismatch':
            case 'change-mismatch':
            case 'count-not-integer':
            case 'name-misspelled':
            case 'number-style': {
                if (!data.replacement) return [];
                const title = REPLACEMENT_TITLES[code];
                return [this.action(fill(title, locale, { value: data.replacement }), diagnostic, uri, [{ range: diagnostic.range, newText: data.replacement }], true)];
            }
            case 'range-reversed': {
                const printed = document.textDocument.getText(diagnostic.range);
                const bounds = /^(-?\d+(?:[.,]\d+)*)\.\.(-?\d+(?:[.,]\d+)*)$/.exec(printed);
                if (!bounds) return [];
                const swapped = `${bounds[2]}..${bounds[1]}`;
                return [this.action(fill(FIX_LABELS.fixSwapRange, locale, { value: swapped }), diagnostic, uri, [{ range: diagnostic.range, newText: swapped }], true)];
            }
            case 'range-outside-targets':
                return this.targetsTableFixes(document, diagnostic);
            case 'not-shown':
                return this.moveIntoDimensionFixes(document, diagnostic, data);
            case 'agency-name-unknown': {
                const names = (data as { names?: string[] }).names ?? [];
                const printed = document.textDocument.getText(diagnostic.range).replace(/^"|"$/g, '');
                const typed = compactFold(printed);
                // The same letters first (a dash, an accent or a space apart), then by the letters shared from the start.
                const shared = (name: string) => { const n = compactFold(name); let i = 0; while (i < n.length && n[i] === typed[i]) i++; return i; };
                const ranked = [...names].sort((a, b) => Number(compactFold(b) === typed) - Number(compactFold(a) === typed) || shared(b) - shared(a));
                return ranked.slice(0, MAX_SUGGESTIONS).map((name, i) => this.action(fill(FIX_LABELS.useAgencyName, locale, { value: name }), diagnostic, uri,
                    [{ range: diagnostic.range, newText: JSON.stringify(name) }], i === 0 && compactFold(name) === typed));
            }
            case 'unknown-column':
                return this.columnFixes(document, diagnostic);
            case 'unknown-reference':
            case 'linking-error':
                return this.referenceFixes(document, diagnostic, data);
            case 'cell-count':
                return this.padFixes(document, diagnostic, data);
            case 'missing-district-year': {
                const edit = this.missingYearEdit(document, diagnostic, data);
                return edit ? [this.action(fill(L.fixAddYear, locale, { year: data.year! }), diagnostic, uri, [edit], true)] : [];
            }
            case 'year-malformed': {
                // Only a year grouped like a number (2.025, 2,025): the same four digits without the mark.
                const printed = document.textDocument.getText(diagnostic.range);
                if (!/^\d[.,]\d{3}$/.test(printed)) return [];
                const year = printed.replace(/[.,]/, '');
                return [this.action(fill(FIX_LABELS.fixYear, locale, { value: year }), diagnostic, uri, [{ range: diagnostic.range, newText: year }], true)];
            }
            case 'duplicate-year':
            case 'duplicate-row':
                return this.duplicateFixes(document, diagnostic, code);
            case 'undeclared-table-year':
                return this.tableYearFixes(document, diagnostic);
            case 'period-reversed':
                return this.periodFixes(document, diagnostic);
            case 'missing-lead':
            case 'solution-without-lead':
                return this.leadFixes(document, diagnostic);
            case 'unused-agency':
                return this.unusedAgencyFixes(document, diagnostic);
            case 'numbering-gap': {
                const renumber = data.renumber ?? [];
                if (!renumber.length) return [];
                const args = { found: document.textDocument.getText(renumber[0].range), expected: renumber[0].label };
                const title = fill(renumber.length > 1 ? FIX_LABELS.fixRenumber : FIX_LABELS.fixRenumberOne, locale, args);
                return [this.action(title, diagnostic, uri, renumber.map(r => ({ range: r.range, newText: r.label })), true)];
            }
            case 'target-not-met':
                return this.strictTargetFixes(document, diagnostic, data);
            case 'target-text-differs':
                return this.targetTextFixes(document, diagnostic);
            case 'control-character':
            case 'bidi-control':
                return this.invisibleCharacterFixes(document, diagnostic, code, data);
            case 'syntax-error':
                return this.syntaxErrorFixes(document, diagnostic);
            default:
                return [];
        }
    }

    /** `targets` after the title of the table a range cell stands in: its cells may then be ranges. */
    private targetsTableFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const table = this.nodeAt(document, diagnostic.range.start, ast.isDistrictTable);
        const title = table?.$cstNode && !table.targets ? GrammarUtils.findNodeForProperty(table.$cstNode, 'title') : undefined;
        if (!table || !title) return [];
        const label = fill(FIX_LABELS.fixTargetsTable, this.services.plan.Settings.locale, { id: table.name ?? '' });
        return [this.action(label, diagnostic, document.uri.toString(), [{ range: this.emptyAt(document, title.end), newText: ' targets' }], true)];
    }

    /** The known columns of the table (predeclared or declared) a keystroke or two from the unknown name, closest first. */
    private columnFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const node = this.nodeAt(document, diagnostic.range.start, ast.isDistrictTable);
        const unknown = document.textDocument.getText(diagnostic.range);
        const table = node?.name !== undefined ? planIndex(this.services.plan.Models.get(document)).tables.get(node.name) : undefined;
        if (!table || !unknown) return [];
        const wanted = compactFold(unknown);
        const locale = this.services.plan.Settings.locale;
        return Object.keys(table.columnsById)
            .map(id => ({ id, distance: editDistance(wanted, compactFold(id)) }))
            // A short name is close only a keystroke away: "tb" is two from any two-letter id.
            .filter(c => c.id !== unknown && c.distance <= (wanted.length <= 3 ? 1 : 2))
            .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
            .slice(0, MAX_SUGGESTIONS)
            .map((c, i) => this.action(fill(FIX_LABELS.fixColumn, locale, { id: c.id, name: columnName(c.id, locale, table) }), diagnostic, document.uri.toString(),
                [{ range: diagnostic.range, newText: c.id }], i === 0));
    }

    /** The keyword for a misspelling, quotes around a sentence, a missing `}`, a year's colon (validation/syntax-errors.ts). */
    private syntaxErrorFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const fix = syntaxFix(diagnostic.data as SyntaxErrorData | undefined, r => document.textDocument.getText(r), this.services.plan.Settings.locale);
        return fix ? [this.action(fix.title, diagnostic, document.uri.toString(), [fix.edit], true)] : [];
    }

    /** Removes the character (\v, \f: a space), only if the text at the finding is still that character. */
    private invisibleCharacterFixes(document: LangiumDocument, diagnostic: Diagnostic, code: string, data: FixData): CodeAction[] {
        if (data.replacement === undefined || !data.char) return [];
        const found = document.textDocument.getText(diagnostic.range);
        if (found === '' || 'U+' + found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') !== data.char) return [];
        const title = data.replacement === ' ' ? CHARACTER_FIX_LABELS.space : code === 'bidi-control' ? CHARACTER_FIX_LABELS.removeBidi : CHARACTER_FIX_LABELS.remove;
        return [this.action(fill(title, this.services.plan.Settings.locale, { char: data.char }), diagnostic, document.uri.toString(),
            [{ range: diagnostic.range, newText: data.replacement }], true)];
    }

    /**
     * An indicator at top level goes into a dimension: its text (with the comments before it) is cut
     * and put before the dimension's closing brace, indented one level deeper.
     */
    private moveIntoDimensionFixes(document: LangiumDocument, diagnostic: Diagnostic, data: FixData & { indicator?: string }): CodeAction[] {
        const root = document.parseResult.value as ast.PlanDocument;
        const indicator = root.elements.find((e): e is ast.Indicator => ast.isIndicator(e) && e.name === data.indicator);
        const node = indicator?.$cstNode;
        if (!node) return [];
        const text = document.textDocument.getText();
        const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
        const from = lineStart(node.offset);
        const nextLine = text.indexOf('\n', node.end);
        const to = nextLine < 0 ? text.length : nextLine + 1;
        const moved = text.slice(from, to).replace(/\n?$/, '\n');
        const locale = this.services.plan.Settings.locale;
        const uri = document.uri.toString();
        const cut: TextEdit = { range: { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) }, newText: '' };
        return root.elements.filter(ast.isDimension).flatMap((dimension, i) => {
            const close = dimension.$cstNode ? CstUtils.findLeafNodeAtOffset(dimension.$cstNode, dimension.$cstNode.end - 1) : undefined;
            if (!close || close.text !== '}') return [];
            const body = moved.split('\n').map(l => (l.trim() ? `    ${l}` : l)).join('\n');
            // Before the closing brace's line when it stands alone on it; else before the brace, on a new line.
            const ownLine = /^\s*$/.test(text.slice(lineStart(close.offset), close.offset));
            const at = ownLine ? lineStart(close.offset) : close.offset;
            const insert: TextEdit = { range: { start: document.textDocument.positionAt(at), end: document.textDocument.positionAt(at) }, newText: ownLine ? body : `\n${body}` };
            return [this.action(fill(FIX_LABELS.moveIntoDimension, locale, { name: dimension.label ?? dimension.name }), diagnostic, uri, [cut, insert], i === 0)];
        });
    }

    /**
     * A year line short of cells: blanks ("-") at its end, this line, or every short line of its
     * table in one action (the lines that lack cells, as their findings say).
     */
    private padFixes(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        if (!data.missing || data.missing < 1 || !data.at || data.year === undefined) return [];
        const locale = this.services.plan.Settings.locale;
        const uri = document.uri.toString();
        const pad = (d: FixData): TextEdit => ({ range: { start: d.at!, end: d.at! }, newText: ' -'.repeat(d.missing!) });
        const actions = [this.action(fill(FIX_LABELS.fixPadLine, locale, { n: data.missing, year: data.year }), diagnostic, uri, [pad(data)])];
        const short = (document.diagnostics ?? []).filter(d => {
            const other = d.data as FixData | undefined;
            return other?.code === 'cell-count' && !!other.missing && !!other.at && other.table === data.table;
        });
        if (short.length > 1) {
            actions.push({
                title: fill(FIX_LABELS.fixPadTable, locale, { n: short.length, table: data.table ?? '' }), kind: CodeActionKind.QuickFix,
                diagnostics: short, edit: { changes: { [uri]: short.map(d => pad(d.data as FixData)) } }
            });
        }
        return actions;
    }

    private action(title: string, diagnostic: Diagnostic, uri: string, edits: TextEdit[], isPreferred = false): CodeAction {
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [uri]: edits } } };
    }

    /** The reference at a diagnostic: its container node, property and type (Agency, District, …). */
    private referenceAt(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): { refInfo: ReferenceInfo; type: string } | undefined {
        const leaf = this.leafAt(document, diagnostic.range.start);
        const container = leaf?.astNode;
        if (!container) return undefined;
        const property = data.property ?? GrammarUtils.findAssignment(leaf)?.feature;
        if (!property) return undefined;
        const refText = data.refText ?? leaf.text;
        const refInfo: ReferenceInfo = { reference: { $refText: refText, ref: undefined }, container, property };
        try {
            return { refInfo, type: this.services.shared.AstReflection.getReferenceType(refInfo) };
        } catch {
            return undefined;
        }
    }

    private referenceFixes(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        const found = this.referenceAt(document, diagnostic, data);
        if (!found) return [];
        const { refInfo, type } = found;
        const id = refInfo.reference.$refText;
        const locale = this.services.plan.Settings.locale;
        const uri = document.uri.toString();
        const actions: CodeAction[] = [];
        // A declared id with a close spelling or name: YTE → YT, SoYTe → YT ("Sở Y tế").
        for (const candidate of this.closeDeclarations(refInfo, id)) {
            actions.push(this.action(fill(L.fixDidYouMean, locale, { id: candidate.id, name: candidate.name }), diagnostic, uri,
                [{ range: diagnostic.range, newText: candidate.id }], actions.length === 0));
        }
        if (/^[_a-zA-Z]\w*$/.test(id)) {
            const root = document.parseResult.value as ast.PlanDocument;
            if (type === 'Agency') {
                const edit = this.declarationEdit(document, root, ast.isAgency, `agency ${id} "…" department`);
                if (edit) actions.push(this.action(fill(L.fixDeclareAgency, locale, { id }), diagnostic, uri, [edit]));
            } else if (type === 'District') {
                const edit = this.declarationEdit(document, root, ast.isDistrict, `district ${id} "…" huyen`);
                if (edit) actions.push(this.action(fill(L.fixDeclareDistrict, locale, { id }), diagnostic, uri, [edit]));
            }
        }
        return actions;
    }

    private closeDeclarations(refInfo: ReferenceInfo, id: string): { id: string; name: string }[] {
        let candidates;
        try {
            candidates = this.services.references.ScopeProvider.getScope(refInfo).getAllElements().toArray();
        } catch {
            return [];
        }
        const wanted = compactFold(id);
        const scored: { id: string; name: string; score: number }[] = [];
        for (const c of candidates) {
            const name = c.node && 'label' in c.node ? String((c.node as { label: unknown }).label) : c.name;
            const distance = editDistance(wanted, compactFold(c.name));
            const byName = wanted.length >= 3 ? matchScore(id, [name]) : undefined;
            const score = distance <= 2 ? distance : byName !== undefined && byName <= 1 ? 3 + byName : undefined;
            if (score !== undefined) scored.push({ id: c.name, name, score });
        }
        return scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id)).slice(0, MAX_SUGGESTIONS);
    }

    /** Inserts a declaration after the last one of its kind, or before the first element if there is none. */
    private declarationEdit(document: LangiumDocument, root: ast.PlanDocument, isKind: (e: AstNode) => boolean, declaration: string): TextEdit | undefined {
        const same = root.elements.filter(isKind);
        const last = same[same.length - 1]?.$cstNode;
        if (last) {
            const at = document.textDocument.positionAt(last.end);
            return { range: { start: at, end: at }, newText: `\n${declaration}` };
        }
        const first = root.elements.find(e => !ast.isHeader(e) && !ast.isProse(e) && !ast.isStandard(e) && !ast.isAgency(e))?.$cstNode;
        if (first) {
            const at: Position = { line: first.range.start.line, character: 0 };
            return { range: { start: at, end: at }, newText: `${declaration}\n\n` };
        }
        const end = document.textDocument.positionAt(document.textDocument.getText().length);
        return { range: { start: end, end }, newText: `\n${declaration}\n` };
    }

    /** A year line with blank cells, in year order among the row's lines. */
    private missingYearEdit(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): TextEdit | undefined {
        if (data.year === undefined) return undefined;
        const leaf = this.leafAt(document, diagnostic.range.start);
        const row = leaf && AstUtils.getContainerOfType(leaf.astNode, (n): n is ast.TableRow | ast.TotalRow => ast.isTableRow(n) || ast.isTotalRow(n));
        const table = row && AstUtils.getContainerOfType(row, ast.isDistrictTable);
        if (!row?.$cstNode || !table) return undefined;
        const columns = data.columns ?? table.columns.length;
        const cells = Array.from({ length: columns }, () => '-').join(' ');
        const text = document.textDocument.getText();
        const indentOf = (line: number) => /^[ \t]*/.exec(text.slice(document.textDocument.offsetAt({ line, character: 0 })))![0];
        const lineText = `${data.tag ? `${data.tag} ` : ''}${data.year}: ${cells}`;
        const lines = GrammarUtils.findNodesForProperty(row.$cstNode, 'years');
        const later = lines.find(y => Number(yearOfLine(y.text)) > data.year!);
        if (later) {
            const line = later.range.start.line;
            const at = { line, character: 0 };
            return { range: { start: at, end: at }, newText: `${indentOf(line)}${lineText}\n` };
        }
        const lastYear = lines.at(-1);
        if (lastYear) {
            const at = lastYear.range.end;
            return { range: { start: at, end: at }, newText: `\n${indentOf(lastYear.range.start.line)}${lineText}` };
        }
        // A row with no year line yet: open its braces onto their own lines.
        const open = GrammarUtils.findNodeForKeyword(row.$cstNode, '{');
        const close = GrammarUtils.findNodesForKeyword(row.$cstNode, '}').at(-1);
        if (!open || !close) return undefined;
        const rowIndent = indentOf(row.$cstNode.range.start.line);
        return { range: { start: open.range.end, end: close.range.start }, newText: `\n${rowIndent}    ${lineText}\n${rowIndent}` };
    }
    /** The innermost node of a kind at a position. */
    private nodeAt<T extends AstNode>(document: LangiumDocument, position: Position, guard: (n: AstNode) => n is T): T | undefined {
        const leaf = this.leafAt(document, position);
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, guard) : undefined;
    }

    private leafAt(document: LangiumDocument, position: Position): CstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        return root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position));
    }

    /** Removes a node: its whole lines when it stands alone on them, else the node and the blank before it. */
    private removal(document: LangiumDocument, cst: CstNode): TextEdit {
        const doc = document.textDocument;
        const text = doc.getText();
        const lineStart = doc.offsetAt({ line: cst.range.start.line, character: 0 });
        const nextLine = cst.range.end.line + 1 < doc.lineCount ? doc.offsetAt({ line: cst.range.end.line + 1, character: 0 }) : text.length;
        let start = cst.offset;
        let end = cst.end;
        const startsLine = /^[ \t]*$/.test(text.slice(lineStart, start));
        if (startsLine && /^[ \t]*(\r?\n)?$/.test(text.slice(end, nextLine))) {
            start = lineStart;
            end = nextLine;
        } else if (startsLine) {
            while (end < text.length && /[ \t]/.test(text[end])) end++;
        } else {
            while (start > lineStart && /[ \t]/.test(text[start - 1])) start--;
        }
        return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: '' };
    }

    /** The second of two years (table years, a row's year line, an indicator value) or rows; preferred when an exact copy. */
    private duplicateFixes(document: LangiumDocument, diagnostic: Diagnostic, code: string): CodeAction[] {
        const locale = this.services.plan.Settings.locale;
        const normal = (cst: CstNode | undefined) => cst?.text.replace(/\s+/g, ' ').trim();
        const line = code === 'duplicate-row' ? undefined : this.yearLineAt(document, diagnostic.range.start);
        if (line) {
            // A year line is one token of its row: its siblings are the row's other lines.
            const siblings = GrammarUtils.findNodesForProperty(line.container, 'years');
            const exactCopy = siblings.slice(0, siblings.indexOf(line)).some(s => normal(s) === normal(line));
            const title = fill(FIX_LABELS.fixRemoveDuplicateYear, locale, { year: yearOfLine(line.text) });
            return [this.action(title, diagnostic, document.uri.toString(), [this.removal(document, line)], exactCopy)];
        }
        const node = code === 'duplicate-row'
            ? this.nodeAt(document, diagnostic.range.start, ast.isTableRow)
            : this.nodeAt(document, diagnostic.range.start,
                (n): n is ast.TableYear | ast.IndicatorValue => ast.isTableYear(n) || ast.isIndicatorValue(n));
        if (!node?.$cstNode || !node.$container || !node.$containerProperty) return [];
        const siblings = (node.$container as unknown as Record<string, unknown>)[node.$containerProperty];
        const exactCopy = Array.isArray(siblings) && (siblings as AstNode[]).slice(0, node.$containerIndex).some(s => normal(s.$cstNode) === normal(node.$cstNode));
        const title = ast.isTableRow(node)
            ? fill(FIX_LABELS.fixRemoveDuplicateRow, locale, { label: node.district?.ref?.label ?? node.district?.$refText ?? '' })
            : fill(FIX_LABELS.fixRemoveDuplicateYear, locale, { year: String(node.year ?? '') });
        return [this.action(title, diagnostic, document.uri.toString(), [this.removal(document, node.$cstNode)], exactCopy)];
    }

    /** The year line (one token, YEAR_LINE) at a position. */
    private yearLineAt(document: LangiumDocument, position: Position): CstNode | undefined {
        const leaf = this.leafAt(document, position);
        return leaf && isYearLine(leaf) ? leaf : undefined;
    }

    /** Declares a row's year in the table's years { }, in year order, with the kind of the year before it. */
    private tableYearFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const line = this.yearLineAt(document, diagnostic.range.start);
        const table = line && AstUtils.getContainerOfType(line.astNode, ast.isDistrictTable);
        const year = line ? Number(yearOfLine(line.text)) : NaN;
        const declared = table?.years.filter(y => y.$cstNode) ?? [];
        if (!declared.length || !Number.isInteger(year)) return [];
        const before = declared.filter(y => Number(y.year) < year).at(-1);
        const kind = (before ?? declared[0]).kind ?? 'plan';
        const between = declared.length > 1 ? document.textDocument.getText().slice(declared[0].$cstNode!.end, declared[1].$cstNode!.offset) : ' ';
        const separator = /^\s+$/.test(between) ? between : ' ';
        const entry = `${year} ${kind}`;
        const edit: TextEdit = before
            ? { range: this.emptyAt(document, before.$cstNode!.end), newText: separator + entry }
            : { range: this.emptyAt(document, declared[0].$cstNode!.offset), newText: entry + separator };
        const title = fill(FIX_LABELS.fixDeclareTableYear, this.services.plan.Settings.locale, { year, kind });
        return [this.action(title, diagnostic, document.uri.toString(), [edit], true)];
    }

    private emptyAt(document: LangiumDocument, offset: number): Range {
        const at = document.textDocument.positionAt(offset);
        return { start: at, end: at };
    }

    private periodFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const period = this.nodeAt(document, diagnostic.range.start, ast.isPeriodField);
        const from = period?.$cstNode && GrammarUtils.findNodeForProperty(period.$cstNode, 'from');
        const to = period?.$cstNode && GrammarUtils.findNodeForProperty(period.$cstNode, 'to');
        if (!from || !to) return [];
        const title = fill(FIX_LABELS.fixSwapPeriod, this.services.plan.Settings.locale, { from: to.text, to: from.text });
        return [this.action(title, diagnostic, document.uri.toString(), [{ range: from.range, newText: to.text }, { range: to.range, newText: from.text }], true)];
    }

    /**
     * `lead X` when every sibling item that has a lead has X first (preferred); then one action per
     * agency the item may name, as a choice among declared agencies is offered in every client: a
     * command that opens completion exists only in VS Code (Neovim answers -32601 and is left with
     * `lead ` alone, which does not parse).
     */
    private leadFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const item = this.nodeAt(document, diagnostic.range.start,
            (n): n is ast.Indicator | ast.Solution | ast.Task => ast.isIndicator(n) || ast.isSolution(n) || ast.isTask(n));
        if (!item?.$cstNode || !item.$container || !item.$containerProperty) return [];
        const siblings = (item.$container as unknown as Record<string, unknown>)[item.$containerProperty];
        const siblingLeads = Array.isArray(siblings)
            ? (siblings as AstNode[]).filter(s => s !== item && s.$type === item.$type)
                .map(s => (s as ast.Indicator | ast.Solution | ast.Task).assignment?.leads[0]?.$refText).filter((id): id is string => !!id)
            : [];
        const distinct = new Set(siblingLeads);
        const shared = distinct.size === 1 ? [...distinct][0] : undefined;
        const locale = this.services.plan.Settings.locale;
        const uri = document.uri.toString();
        const actions: CodeAction[] = [];
        const sharedEdit = shared && this.leadEdit(document, item, `lead ${shared}`);
        if (sharedEdit) actions.push(this.action(fill(FIX_LABELS.fixLeadOfSiblings, locale, { id: shared }), diagnostic, uri, [sharedEdit], true));
        for (const agency of this.leadCandidates(item, siblingLeads)) {
            if (agency.id === shared) continue;
            const edit = this.leadEdit(document, item, `lead ${agency.id}`);
            if (edit) actions.push(this.action(fill(FIX_LABELS.fixLeadAgency, locale, agency), diagnostic, uri, [edit]));
        }
        return actions;
    }

    /**
     * The agencies an item may name as its lead (its plan's and the plans it is part of), the likelier
     * first: those its siblings name, most named first, then the others in declaration order (the
     * file is not searched for other leads: a national plan has hundreds of thousands of nodes).
     */
    private leadCandidates(item: ast.Indicator | ast.Solution | ast.Task, siblingLeads: string[]): { id: string; name: string }[] {
        // A lead is a reference of an Assignment: the scope of one under the item is the agencies it may name.
        const container = { $type: ast.Assignment.$type, $container: item } as unknown as AstNode;
        let agencies: { id: string; name: string; order: number }[];
        try {
            agencies = this.services.references.ScopeProvider.getScope({ reference: { $refText: '', ref: undefined }, container, property: 'leads' })
                .getAllElements().toArray()
                .map((d, order) => ({ id: d.name, name: d.node && ast.isAgency(d.node) ? d.node.label : d.name, order }));
        } catch {
            return [];
        }
        const bySiblings = new Map<string, number>();
        for (const id of siblingLeads) bySiblings.set(id, (bySiblings.get(id) ?? 0) + 1);
        const seen = new Set<string>();
        return agencies
            .filter(a => !seen.has(a.id) && !!seen.add(a.id))
            .sort((a, b) => (bySiblings.get(b.id) ?? 0) - (bySiblings.get(a.id) ?? 0) || a.order - b.order)
            .map(({ id, name }) => ({ id, name }));
    }

    /** Inserts a lead clause where the grammar wants it: after '{' (task), after unit/direction/computed (indicator), after the texts (solution). */
    private leadEdit(document: LangiumDocument, item: ast.Indicator | ast.Solution | ast.Task, clause: string): TextEdit | undefined {
        const cst = item.$cstNode!;
        const open = GrammarUtils.findNodeForKeyword(cst, '{');
        if (ast.isSolution(item) && !open) {
            const heading = GrammarUtils.findNodeForProperty(cst, 'heading');
            return heading && { range: this.emptyAt(document, heading.end), newText: ` { ${clause} }` };
        }
        const candidates = ast.isIndicator(item)
            ? [open, GrammarUtils.findNodeForProperty(cst, 'unit'), GrammarUtils.findNodeForProperty(cst, 'direction'), GrammarUtils.findNodeForProperty(cst, 'computed')]
            : ast.isSolution(item) ? [open, ...GrammarUtils.findNodesForProperty(cst, 'texts')] : [open];
        const anchor = candidates.filter((n): n is CstNode => !!n).sort((a, b) => b.end - a.end)[0];
        if (!anchor) return undefined;
        const text = document.textDocument.getText();
        const next = /\S/.exec(text.slice(anchor.end));
        const gap = next ? text.slice(anchor.end, anchor.end + next.index) : '';
        if (!gap.includes('\n')) return { range: this.emptyAt(document, anchor.end), newText: ` ${clause}` };
        // On its own line, indented as the next line (one step in when that line only closes the item).
        const nextLine = document.textDocument.positionAt(anchor.end + next!.index).line;
        const lineText = text.slice(document.textDocument.offsetAt({ line: nextLine, character: 0 }));
        const indent = /^[ \t]*/.exec(lineText)![0] + (next![0] === '}' ? '    ' : '');
        return { range: this.emptyAt(document, anchor.end), newText: `\n${indent}${clause}` };
    }

    /** Removes an agency no item uses, unless another plan (a district plan that is part of this one) refers to it. */
    private unusedAgencyFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const agency = this.nodeAt(document, diagnostic.range.start, ast.isAgency);
        if (!agency?.$cstNode || !agency.name) return [];
        if (!this.services.references.References.findReferences(agency, { includeDeclaration: false }).isEmpty()) return [];
        const title = fill(FIX_LABELS.fixRemoveAgency, this.services.plan.Settings.locale, { id: agency.name });
        return [this.action(title, diagnostic, document.uri.toString(), [this.removal(document, agency.$cstNode)])];
    }

    /** A strict target the figure only equals (the rule says so in data): make it inclusive, or move the figure. */
    private strictTargetFixes(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        if (!data.strictEqual) return [];
        const comparison = this.nodeAt(document, diagnostic.range.start, ast.isComparison);
        const op = comparison?.$cstNode && GrammarUtils.findNodeForProperty(comparison.$cstNode, 'op');
        if (!comparison || !op || (comparison.op !== 'below' && comparison.op !== 'above')) return [];
        const locale = this.services.plan.Settings.locale;
        const uri = document.uri.toString();
        const to = comparison.op === 'below' ? 'at-most' : 'at-least';
        const actions = [this.action(fill(FIX_LABELS.fixInclusive, locale, { from: comparison.op, to, value: comparison.value ?? '' }), diagnostic, uri,
            [{ range: op.range, newText: to }])];
        const figure = data.figure;
        if (figure) {
            actions.push(this.action(fill(FIX_LABELS.fixFigure, locale, { year: figure.year, value: figure.replacement }), diagnostic, uri,
                [{ range: figure.range, newText: figure.replacement }]));
        }
        return actions;
    }

    /**
     * A sentence with exactly one number other than years: that number as the declared value
     * (preferred: the sentence is the published text), or the declared value written into it.
     */
    private targetTextFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const target = this.nodeAt(document, diagnostic.range.start, ast.isTarget);
        const comparison = target?.comparison;
        const textNode = target?.$cstNode && GrammarUtils.findNodeForProperty(target.$cstNode, 'text');
        const valueNode = comparison?.$cstNode && GrammarUtils.findNodeForProperty(comparison.$cstNode, 'value');
        if (!textNode || !valueNode || comparison?.low !== undefined || comparison?.high !== undefined) return [];
        const numbers = [...textNode.text.matchAll(/(?<![\d.,])\d+(?:[.,]\d+)*(?!\d)/g)].filter(m => !/^(19|20)\d\d$/.test(m[0]));
        if (numbers.length !== 1) return [];
        const found = numbers[0];
        const style = (document.parseResult.value as ast.PlanDocument).numberStyle === 'international' ? 'international' : 'vi';
        const read = readNumber(found[0], style);
        const asValue = read.value !== undefined ? found[0] : read.suggestion;
        const locale = this.services.plan.Settings.locale;
        const uri = document.uri.toString();
        const actions: CodeAction[] = [];
        if (asValue) {
            actions.push(this.action(fill(FIX_LABELS.fixValueFromText, locale, { value: asValue }), diagnostic, uri, [{ range: valueNode.range, newText: asValue }], true));
        }
        const start = textNode.offset + found.index;
        const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(start + found[0].length) };
        actions.push(this.action(fill(FIX_LABELS.fixTextFromValue, locale, { value: valueNode.text }), diagnostic, uri, [{ range, newText: valueNode.text }], !asValue));
        return actions;
    }

}

/** Levenshtein distance, for ids a keystroke or two away ("YTE" for "YT"). Short ids only. */
function editDistance(a: string, b: string): number {
    if (Math.abs(a.length - b.length) > 2) return 3;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
