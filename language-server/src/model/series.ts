// A table's year groups as one series per poverty standard: which group a year line belongs to, which
// group a line follows (the year before, or the start of its own year), and which group a change
// compares with. A year printed twice, as its start and its end ("Đầu năm 2024", "Cuối năm 2024") or
// under two standards (a re-survey: 2021 under the 2016–2020 and the 2021–2025 standard), is two
// groups of one year, told apart by a key (types.ts yearKey); a table without such groups keys every
// line by its year alone, as before. Flows, ties and changes are made only within one standard.
import { said, type Arg } from '../../../common/catalogue.js';
import { YEAR_GROUP_WORDS } from '../../../common/words/years.js';
import {
    yearKey,
    type DistrictTableModel, type StandardModel, type TableRowModel, type TableYearModel, type YearCellsModel, type YearKey, type YearPhase
} from './types.js';

/** The key of a group that is one of several of its year: "2024 end", "2021 standard:moi", "2021 start standard:moi". */
export function groupKey(year: number, phase: YearPhase | undefined, standardId: string | undefined): string | undefined {
    if (!phase && standardId === undefined) return undefined;
    return `${year}${phase ? ` ${phase}` : ''}${standardId !== undefined ? ` standard:${standardId}` : ''}`;
}

/** Whether the groups of a year and phase differ in standard: then a line must name its standard. */
function standardsDiffer(years: readonly TableYearModel[], year: number, phase: YearPhase | undefined): boolean {
    const standards = new Set(years.filter(y => y.year === year && y.phase === phase).map(y => y.standardId ?? ''));
    return standards.size > 1;
}

/** Gives each group that is one of several of its year its key (in place); the others keep none. */
export function keyYearGroups(years: TableYearModel[]): void {
    for (const y of years) {
        const standard = standardsDiffer(years, y.year, y.phase) ? y.standardId ?? '' : undefined;
        const key = groupKey(y.year, y.phase, standard);
        if (key !== undefined) y.key = key;
    }
}

/**
 * The key of a line that names its group (`end 2024:`, `standard moi 2021:`): its standard counts only
 * where the year's groups differ in standard, or where it differs from the one group's standard (then
 * the line names a group the table does not have, and is reported so).
 */
export function lineKey(years: readonly TableYearModel[], year: number, phase: YearPhase | undefined, standardId: string | undefined): string | undefined {
    let standard: string | undefined;
    if (standardsDiffer(years, year, phase)) standard = standardId ?? '';
    else if (standardId !== undefined) {
        const only = years.find(y => y.year === year && y.phase === phase);
        if (only && (only.standardId ?? '') !== standardId) standard = standardId;
    }
    return groupKey(year, phase, standard);
}

/** The table's group a line belongs to. */
export function groupOf(table: DistrictTableModel, line: { year: number; key?: string }): TableYearModel | undefined {
    const key = yearKey(line);
    return table.years.find(y => yearKey(y) === key);
}

/** The standard a group's figures are under: its own, else the table's. */
export function standardOf(table: DistrictTableModel, group: TableYearModel | undefined): string | undefined {
    return group?.standardId ?? table.standardId;
}

/** The line of a row in a group. */
export function lineIn(row: TableRowModel, key: YearKey): YearCellsModel | undefined {
    return row.years.find(l => yearKey(l) === key);
}

/** Whether the table prints a year twice (a part of a year, or one year under two standards). */
export function hasYearGroups(table: DistrictTableModel): boolean {
    return table.years.some(y => y.key !== undefined || y.phase !== undefined);
}

/**
 * The group a given group follows in its series: for the end of a year, the start of that year; else
 * the year before (its end where it has one). Among several, the one under the same standard; if there
 * is none under it but one under another, that one is returned as `acrossStandards`: no figure is
 * compared across standards, and the rules say so where a check would need it.
 */
export function previousGroup(table: DistrictTableModel, group: TableYearModel): { group?: TableYearModel; acrossStandards?: TableYearModel } {
    const candidates = group.phase === 'end'
        ? table.years.filter(y => y.year === group.year && y.phase === 'start')
        : yearEnd(table, group.year - 1);
    return sameStandard(table, group, candidates);
}

/**
 * The group a change compares with: `fromYear` (its end, where it has one) or the start of `fromPhase`
 * of that year or the line's year; without either, the group the line follows.
 */
export function comparedGroup(
    table: DistrictTableModel, group: TableYearModel, fromYear: number | undefined, fromPhase: YearPhase | undefined
): { group?: TableYearModel; acrossStandards?: TableYearModel } {
    if (fromYear === undefined && fromPhase === undefined) return previousGroup(table, group);
    const year = fromYear ?? group.year;
    const candidates = fromPhase ? table.years.filter(y => y.year === year && y.phase === fromPhase) : yearEnd(table, year);
    return sameStandard(table, group, candidates.filter(y => y !== group));
}

/** A year's closing groups: its end where it has one, else its groups without a phase. */
function yearEnd(table: DistrictTableModel, year: number): TableYearModel[] {
    const ofYear = table.years.filter(y => y.year === year);
    const ends = ofYear.filter(y => y.phase === 'end');
    return ends.length > 0 ? ends : ofYear.filter(y => y.phase === undefined);
}

function sameStandard(table: DistrictTableModel, group: TableYearModel, candidates: TableYearModel[]): { group?: TableYearModel; acrossStandards?: TableYearModel } {
    const standard = standardOf(table, group);
    const same = candidates.find(y => standardOf(table, y) === standard);
    if (same) return { group: same };
    return { acrossStandards: candidates[0] };
}

/** Whether a group is told apart from the others of its year by its standard. */
export function keyedByStandard(group: TableYearModel): boolean {
    return group.key?.includes(' standard:') ?? false;
}

/** A standard as a heading names it: "chuẩn 2016–2020" where its years are declared, else its name (its id). */
export function standardPhrase(id: string | undefined, standards: readonly StandardModel[]): Arg {
    const standard = standards.find(s => s.id === id);
    if (standard?.from !== undefined && standard.to !== undefined) return said(YEAR_GROUP_WORDS.standardYears, { from: standard.from, to: standard.to });
    return standard?.name || id || '';
}

/**
 * A group as a finding names it: its year alone where the year is printed once, else with its part
 * and standard ("2024 (cuối năm)", "2021 theo chuẩn 2016–2020").
 */
export function yearLabel(table: DistrictTableModel, group: TableYearModel | YearCellsModel, standards: readonly StandardModel[] = []): Arg {
    const g = 'kind' in group ? group : groupOf(table, group);
    if (!g || (g.key === undefined && !g.phase)) return group.year;
    return said(YEAR_GROUP_WORDS.inFinding, {
        year: g.year, phase: g.phase ?? '', standard: keyedByStandard(g) ? standardPhrase(g.standardId, standards) : ''
    });
}

/** What a row's line of a group writes before its year: `end`, `standard moi`, `start standard moi`. */
export function yearTag(table: DistrictTableModel, group: TableYearModel): string {
    return [group.phase, keyedByStandard(group) && group.standardId ? `standard ${group.standardId}` : undefined].filter(Boolean).join(' ');
}

/**
 * The arguments of a group's generated heading (YEAR_GROUP_WORDS.heading): "Cuối năm 2024",
 * "Năm 2021 (chuẩn 2016–2020)". A heading the plan writes is printed instead.
 */
export function groupHeadingArgs(group: TableYearModel, standards: readonly StandardModel[]): Record<string, Arg> {
    return { year: group.year, phase: group.phase ?? '', standard: keyedByStandard(group) ? standardPhrase(group.standardId, standards) : '' };
}
