// The registry of rules and the entry point that checks a plan model.
import type { PlanModel } from '../model/types.js';
import type { Locale } from '../../../common/findings.js';
import { DEFAULT_OPTIONS, type CheckOptions } from '../language/settings.js';
import { RuleContext, type Finding, type Rule, type RowFindings } from './rule.js';
import { agencyUsed, agencyWordings, leadAssigned, uniqueIds } from './rules/assignment.js';
import { invisibleCharacters } from './rules/characters.js';
import { columnsDefinedThroughOthers, partOfAbove } from './rules/definitions.js';
import { contentShown, noPlaceholders } from './rules/content.js';
import { notesInChecks } from './rules/notes.js';
import { continuousNumbering } from './rules/numbering.js';
import { cellValues, numberStyle, percentValues, wholeIndicatorValues, yearFormat } from './rules/numbers.js';
import {
    flowsAcrossYears, partsWithinTotal, rateMatchesCounts, sumsMatchParts, tableChecks, tableColumns, tableShape, totalsMatchRows
} from './rules/tables.js';
import { impliedDenominators } from './rules/implied-base.js';
import { movesInDirection, targetsHold } from './rules/targets.js';
import { linkedFigures } from './rules/links.js';
import { namesAsDeclared } from './rules/names.js';
import { changesBetweenYears, flowsWithinStandard, startOfYear, yearGroupsNamed } from './rules/years-printed-twice.js';
import { indicatorYears, periodForward, targetYears, taskDeadlines } from './rules/years.js';

export const RULES: Record<string, Rule> = {
    numberStyle, yearFormat, cellValues, percentValues, wholeIndicatorValues,
    rateMatchesCounts, impliedDenominators, sumsMatchParts, flowsAcrossYears, totalsMatchRows, partsWithinTotal, notesInChecks,
    tableColumns, tableChecks, tableShape,
    yearGroupsNamed, startOfYear, flowsWithinStandard, changesBetweenYears,
    periodForward, indicatorYears, targetYears, taskDeadlines,
    leadAssigned, agencyUsed, agencyWordings, uniqueIds, continuousNumbering,
    movesInDirection, targetsHold,
    invisibleCharacters, contentShown, noPlaceholders,
    columnsDefinedThroughOthers, partOfAbove,
    linkedFigures, namesAsDeclared
};

/**
 * Runs every rule over a plan model. Linear in the size of the plan; with `rows`, the findings of the
 * previous check of the same document for the unit rows the model kept (rule.ts RowFindings).
 */
export function checkPlan(model: PlanModel, locale: Locale = 'vi', options: Partial<CheckOptions> = {}, rows?: RowFindings): Finding[] {
    const ctx = contextOf(model, locale, options, rows);
    for (const rule of Object.values(RULES)) rule(ctx);
    return ctx.findings;
}

function contextOf(model: PlanModel, locale: Locale, options: Partial<CheckOptions>, rows: RowFindings | undefined): RuleContext {
    const all = { ...DEFAULT_OPTIONS, ...options };
    return new RuleContext(model, locale, all, rows?.under(locale, all));
}

/**
 * checkPlan that can be stopped: `between` is awaited before each rule, and what it throws ends the
 * check there (the language server's cancellation when a newer change made the check stale).
 */
export async function checkPlanStoppable(
    model: PlanModel, locale: Locale, options: Partial<CheckOptions>, between: () => Promise<void> | void, rows?: RowFindings
): Promise<Finding[]> {
    const ctx = contextOf(model, locale, options, rows);
    for (const rule of Object.values(RULES)) {
        await between();
        rule(ctx);
    }
    return ctx.findings;
}
