// Hovers: what a reference or declaration is (full name and role); on every cell of a table, what
// the cell is (column, row, year and its kind, unit, definition) and how a printed rate or total is
// computed from the other cells; and what the rule behind a finding at this place checks, with the
// figure the rule computed (an editor other than VS Code has no inlay hints to show it).
import { AstUtils, CstUtils, GrammarAST, type CstNode, type LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import type { LangiumServices } from 'langium/lsp';
import type { Diagnostic, Hover, HoverParams } from 'vscode-languageserver';
import { formatNumber, roundTo, type NumberStyle } from '../../../common/numbers.js';
import type { PlanServices } from '../plan-module.js';
import { columnStyle, type PlanModel, type PrintedNumber } from '../model/types.js';
import { ruleDescription, type Locale } from '../../../common/findings.js';
import { columnName } from '../validation/rule.js';
import { L, keywordDoc, t } from './labels.js';
import { say } from '../../../common/catalogue.js';
import { YEAR_KINDS } from '../../../common/words/kinds.js';
import { cellAt, cellOfRow, computeFlow, computeParts, computeRate, computeSum, planIndex, type CellContext } from './plan-index.js';
import { isYearLine, YEAR_LABEL_LENGTH, yearOfLine } from '../language/year-line.js';
import { columnLine, describeColumn } from './describe.js';

const MAX_TERMS = 12;

export class PlanHoverProvider {
    constructor(private readonly services: PlanServices & LangiumServices) {}

    /**
     * The cell hovered in a year line: through its row, which the model keeps by its syntax node
     * (right after a keystroke the model is new, and indexing every line of a national plan costs
     * more than the keystroke did); through the plan's index of lines where the row is not found.
     */
    private cellOf(document: LangiumDocument, model: PlanModel, leaf: CstNode, offset: number): CellContext | undefined {
        const rowNode = leaf.container?.astNode;
        const row = rowNode ? this.services.plan.Models.rowOf(document, rowNode) : undefined;
        const tableNode = rowNode ? AstUtils.getContainerOfType(rowNode, ast.isDistrictTable) : undefined;
        const table = row && tableNode ? model.tables.find(t => t.id === tableNode.name
            && (t.total === row || t.sections.some(s => s.subtotal === row || s.rows.includes(row)))) : undefined;
        if (row && table) {
            const lines = leaf.container!.content.filter(n => !n.hidden && isYearLine(n));
            return cellOfRow(table, row, lines.indexOf(leaf), offset);
        }
        return cellAt(planIndex(model), leaf.offset, offset);
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const locale = this.services.plan.Settings.locale;
        const parts: string[] = [];
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        let range = leaf && !leaf.hidden ? leaf.range : undefined;
        if (leaf && !leaf.hidden && isYearLine(leaf)) {
            // A year line is one token: its year label, or one of its cells, is what is hovered.
            const model = this.services.plan.Models.get(document);
            if (offset < leaf.offset + YEAR_LABEL_LENGTH) {
                const yearKind = this.tableYearKind(document, leaf);
                if (yearKind) parts.push(`**${yearOfLine(leaf.text)}** — ${yearKind}`);
                range = { start: leaf.range.start, end: document.textDocument.positionAt(leaf.offset + YEAR_LABEL_LENGTH) };
            } else {
                const cell = this.cellOf(document, model, leaf, offset);
                if (cell) parts.push(this.describeCell(cell, model.numberStyle, locale));
                range = cell?.cell.range;
            }
        } else if (leaf && !leaf.hidden) {
            const declaration = this.services.references.References.findDeclarations(leaf)[0];
            const described = declaration ? this.services.documentation.DocumentationProvider.getDocumentation(declaration) : undefined;
            const keyword = GrammarAST.isKeyword(leaf.grammarSource) ? keywordDoc(leaf.grammarSource) : undefined;
            const column = described ? undefined : this.columnAt(document, leaf);
            if (described) parts.push(described);
            else if (column) parts.push(column);
            else if (keyword) parts.push(`\`${leaf.text}\` — ${t(keyword, locale)}`);
        }
        const rules = new Set<string>();
        for (const d of document.diagnostics ?? []) {
            if (!contains(d.range, params.position)) continue;
            const description = ruleDescription(String(d.code ?? ''), locale);
            if (description && !rules.has(description)) {
                rules.add(description);
                const computed = ruleComputed(d);
                parts.push(`**${t(L.rule, locale)}** \`${d.code}\`: ${description}`
                    + (computed !== undefined ? `\n\n${t(L.ruleComputed, locale)}: \`${computed}\`` : ''));
            }
        }
        if (parts.length === 0) return undefined;
        return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range };
    }

    /**
     * A column name (in `columns`, a declaration, a definition, a check, `computed … of`): what the
     * table declares it to be. A predeclared name the table does not redefine keeps its keyword hover.
     */
    private columnAt(document: LangiumDocument, leaf: CstNode): string | undefined {
        const source = leaf.grammarSource;
        const rule = source && AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name;
        if (rule !== 'ColumnName' && rule !== 'Measure') return undefined;
        const node = leaf.astNode;
        const index = planIndex(this.services.plan.Models.get(document));
        const tableNode = AstUtils.getContainerOfType(node, ast.isDistrictTable);
        const table = tableNode ? index.tables.get(tableNode.name) : ast.isComputedFrom(node) ? index.tables.get(node.table?.$refText ?? '') : undefined;
        const column = table?.columnsById[leaf.text];
        if (!table || !column || (column.predeclared && GrammarAST.isKeyword(source))) return undefined;
        return describeColumn(column, table, this.services.plan.Settings.locale);
    }

    /** What a year line's year is in its table: a result, a plan year, an estimate. */
    private tableYearKind(document: LangiumDocument, line: CstNode): string | undefined {
        const table = AstUtils.getContainerOfType(line.astNode, ast.isDistrictTable);
        const year = Number(yearOfLine(line.text));
        const kind = table && planIndex(this.services.plan.Models.get(document)).tables.get(table.name)?.years.find(y => y.year === year)?.kind;
        return kind ? YEAR_KINDS[kind]?.[this.services.plan.Settings.locale] : undefined;
    }

    /**
     * Every cell says what it is: its column, row, year and the year's kind, the column's unit and
     * definition; then, for a printed figure, what it is computed from — "946 / 29.822 × 100 =
     * 3,1721…% → 3,17" for a rate, "Σ 10 rows = 407.045" for a total, the parts of a sum column,
     * last year's value and the flows of a flow column; a range its bounds, a blank cell that it is blank.
     */
    private describeCell(context: CellContext, style: NumberStyle, locale: Locale): string {
        const { cell, table } = context;
        const column = table.columnsById[cell.measure];
        const lines = [cellHeading(context, locale)];
        const unitAndDefinition = column ? columnLine(column, table, locale) : '';
        if (unitAndDefinition) lines.push('', unitAndDefinition);
        const printed = cell.number;
        if (cell.note) {
            lines.push('', `${say(L.noteCell, locale, { span: cell.note.span })}: \`${cell.note.text}\``);
            return lines.join('\n');
        }
        if (!printed) {
            lines.push('', cell.bounds ? `${t(L.range, locale)}: \`${cell.printed}\`` : `_${t(L.blankCell, locale)}_`);
            return lines.join('\n');
        }
        if (printed.value === undefined) lines.push('', `_${t(L.unreadableCell, locale)}: \`${printed.printed}\`_`);
        // Computed in the style the column is printed in (a table or column may declare its own).
        const computed = computation(context, printed, columnStyle(column, style), locale);
        if (computed) lines.push('', ...computed);
        return lines.join('\n');
    }
}

/** "**Tỷ lệ hộ nghèo** — Phù Cừ, 2023 (kế hoạch)": the column's label, the row, the year and its kind. */
function cellHeading(context: CellContext, locale: Locale): string {
    const kind = context.table.years.find(y => y.year === context.year.year)?.kind;
    const kindWords = kind ? YEAR_KINDS[kind]?.[locale] : undefined;
    const year = kindWords ? `${context.year.year} (${kindWords})` : String(context.year.year);
    return `**${columnName(context.cell.measure, locale, context.table)}** — ${context.row.label}, ${year}`;
}

/** What a printed figure is computed from, and whether it matches: the lines of a hover, or undefined for a figure nothing computes. */
function computation(context: CellContext, printed: PrintedNumber, style: NumberStyle, locale: Locale): string[] | undefined {
    const verdict = (value: number, withDiff = false) => printed.value !== undefined && Math.abs(value - printed.value) < 1e-9
        ? t(L.matches, locale)
        : `${t(L.differs, locale)} ${printed.printed}${withDiff ? ` (${formatNumber((printed.value ?? 0) - value, style)})` : ''}`;
    const rate = computeRate(context);
    if (rate) {
        const rounded = roundTo(rate.exact, printed.decimals);
        const exact = exactText(rate.exact, style, printed.decimals);
        return [
            `${t(L.computedRate, locale)}: \`${formatNumber(rate.numerator, style)} / ${formatNumber(rate.households, style)} × 100 = ${exact}% → ${formatNumber(rounded, style, printed.decimals)}\``,
            '', `_${verdict(rounded)}_`
        ];
    }
    const sum = computeSum(context, true);
    if (sum) {
        const terms = sum.terms.length > MAX_TERMS
            ? [...sum.terms.slice(0, MAX_TERMS - 1).map(v => formatNumber(v, style)), '…']
            : sum.terms.map(v => formatNumber(v, style));
        return [
            `${t(sum.of === 'subtotals' ? L.sumOfSubtotals : L.sumOfRows, locale)} (${sum.terms.length}): \`${terms.join(' + ')} = ${formatNumber(sum.sum, style)}\``,
            '', `_${verdict(sum.sum, true)}_`
        ];
    }
    const parts = computeParts(context);
    if (parts) {
        return [
            `${t(L.sumOfParts, locale)}: \`${parts.terms.map(v => formatNumber(v, style)).join(' + ')} = ${formatNumber(parts.sum, style)}\``,
            '', `_${verdict(parts.sum, true)}_`
        ];
    }
    const flow = computeFlow(context);
    if (flow) {
        const terms = flow.terms.map(f => ` ${f.sign < 0 ? '−' : '+'} ${formatNumber(f.value, style)}`).join('');
        return [
            `${t(L.flowFromLastYear, locale)}: \`${formatNumber(flow.previous, style)}${terms} = ${formatNumber(flow.value, style)}\``,
            '', `_${verdict(flow.value, true)}_`
        ];
    }
    return undefined;
}

/** A computed value cut one decimal beyond the printed ones, marked "…" when it goes on. */
function exactText(value: number, style: NumberStyle, printedDecimals: number): string {
    const decimals = printedDecimals + 1;
    const factor = 10 ** decimals;
    const cut = Math.trunc(value * factor + Math.sign(value) * 1e-9) / factor;
    const shown = formatNumber(cut, style, decimals);
    return Math.abs(cut - value) > 1e-9 ? `${shown}…` : shown;
}

/** The findings whose data.replacement is the figure the rule computed for the cell (not a rewriting of the printed one). */
const COMPUTING_RULES = new Set(['rate-mismatch', 'total-mismatch', 'sum-mismatch', 'flow-mismatch']);

/** The figure a rule computed for the place of its finding, as the rule wrote it (the hover's own arithmetic may round otherwise). */
function ruleComputed(d: Diagnostic): string | undefined {
    const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
    return COMPUTING_RULES.has(String(d.code)) && typeof replacement === 'string' ? replacement : undefined;
}

function contains(range: { start: { line: number; character: number }; end: { line: number; character: number } }, p: { line: number; character: number }): boolean {
    const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return after && before;
}
