// Inlay hints where they help: beside a printed rate that is not count/base, the computed rate;
// beside a total that is not the sum of its rows, the sum; beside a sum column (sum-of) that is not
// the sum of its parts, that sum; beside a flow column that is not last year's value and the year's
// flows, that value. Nothing where the printed value is right.
import type { LangiumDocument } from 'langium';
import type { InlayHintProvider, LangiumServices } from 'langium/lsp';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { formatNumber, roundTo } from '../../../common/numbers.js';
import type { PlanServices } from '../plan-module.js';
import { columnStyle } from '../model/types.js';
import { L, t } from './labels.js';
import { computeFlow, computeParts, computeRate, computeSum, tableRows } from './plan-index.js';

export class PlanInlayHintProvider implements InlayHintProvider {
    // plan.inlayHints.enabled reaches Settings through the settings service (lsp/settings.ts).
    constructor(private readonly services: PlanServices & LangiumServices) {}

    getInlayHints(document: LangiumDocument, params: InlayHintParams): InlayHint[] {
        const settings = this.services.plan.Settings;
        if (!settings.inlayHints) return [];
        const locale = settings.locale;
        const model = this.services.plan.Models.get(document);
        const planStyle = model.numberStyle;
        const { start, end } = params.range;
        const hints: InlayHint[] = [];
        for (const table of model.tables) {
            if (table.range.end.line < start.line || table.range.start.line > end.line) continue;
            for (const { row, section } of tableRows(table)) {
                for (const year of row.years) {
                    if (year.range.end.line < start.line || year.range.start.line > end.line) continue;
                    for (const cell of year.cells) {
                        const printed = cell.number;
                        if (printed?.value === undefined) continue;
                        // A figure the hint proposes for a cell is written as its column prints (a table's or column's own style).
                        const style = columnStyle(table.columnsById[cell.measure], planStyle);
                        const context = { table, section: row.kind === 'total' ? undefined : section, row, year, cell };
                        const rate = computeRate(context);
                        if (rate) {
                            const rounded = roundTo(rate.exact, printed.decimals);
                            if (Math.abs(rounded - printed.value) < 1e-9) continue;
                            const value = formatNumber(rounded, style, printed.decimals);
                            hints.push({
                                position: cell.range.end, label: `→ ${value}`, paddingLeft: true,
                                tooltip: `${t(L.computedRate, locale)}: ${formatNumber(rate.numerator, style)} / ${formatNumber(rate.households, style)} × 100 = ${formatNumber(rate.exact, style, printed.decimals + 2)}%`
                            });
                            continue;
                        }
                        const sum = computeSum(context);
                        if (sum) {
                            if (Math.abs(sum.sum - printed.value) >= 1e-9) {
                                hints.push({
                                    position: cell.range.end, label: `Σ ${formatNumber(sum.sum, style)}`, paddingLeft: true,
                                    tooltip: `${t(sum.of === 'subtotals' ? L.sumOfSubtotals : L.sumOfRows, locale)}: ${formatNumber(sum.sum, style)}`
                                });
                            }
                            continue;
                        }
                        const parts = computeParts(context);
                        if (parts) {
                            if (Math.abs(parts.sum - printed.value) >= 1e-9) {
                                hints.push({
                                    position: cell.range.end, label: `Σ ${formatNumber(parts.sum, style)}`, paddingLeft: true,
                                    tooltip: `${t(L.sumOfParts, locale)}: ${parts.terms.map(v => formatNumber(v, style)).join(' + ')} = ${formatNumber(parts.sum, style)}`
                                });
                            }
                            continue;
                        }
                        const flow = computeFlow(context);
                        if (flow && Math.abs(flow.value - printed.value) >= 1e-9) {
                            const terms = flow.terms.map(f => ` ${f.sign < 0 ? '−' : '+'} ${formatNumber(f.value, style)}`).join('');
                            hints.push({
                                position: cell.range.end, label: `→ ${formatNumber(flow.value, style)}`, paddingLeft: true,
                                tooltip: `${t(L.flowFromLastYear, locale)}: ${formatNumber(flow.previous, style)}${terms} = ${formatNumber(flow.value, style)}`
                            });
                        }
                    }
                }
            }
        }
        return hints;
    }
}
