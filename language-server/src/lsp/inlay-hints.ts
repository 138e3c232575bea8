// Inlay hints where they help: beside a printed rate that is not poor/total, the computed rate;
// beside a total that is not the sum of its rows, the sum. Nothing where the printed value is right.
import type { LangiumDocument } from 'langium';
import type { InlayHintProvider, LangiumServices } from 'langium/lsp';
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { formatNumber, roundTo } from '../../../common/numbers.js';
import type { PlanServices } from '../plan-module.js';
import { L, t } from './labels.js';
import { computeRate, computeSum, tableRows } from './plan-index.js';

export class PlanInlayHintProvider implements InlayHintProvider {
    // plan.inlayHints.enabled reaches Settings through the settings service (lsp/settings.ts).
    constructor(private readonly services: PlanServices & LangiumServices) {}

    getInlayHints(document: LangiumDocument, params: InlayHintParams): InlayHint[] {
        const settings = this.services.plan.Settings;
        if (!settings.inlayHints) return [];
        const locale = settings.locale;
        const model = this.services.plan.Models.get(document);
        const style = model.numberStyle;
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
                        if (sum && Math.abs(sum.sum - printed.value) >= 1e-9) {
                            hints.push({
                                position: cell.range.end, label: `Σ ${formatNumber(sum.sum, style)}`, paddingLeft: true,
                                tooltip: `${t(sum.of === 'subtotals' ? L.sumOfSubtotals : L.sumOfRows, locale)}: ${formatNumber(sum.sum, style)}`
                            });
                        }
                    }
                }
            }
        }
        return hints;
    }
}
