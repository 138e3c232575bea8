// Roll-up: plans that must agree. A plan `part-of` another (a district's plan, part of the province's)
// states figures the other states too: its row for a unit and a year equals the same unit, year and
// column in the tables of the plan above. Columns are matched by what they are (a predeclared measure,
// a declared column's unit and id, a rate's count and base, a sum's parts), never by their headings.
// One disagreement is one finding on each side: at the lower plan's cell and at the upper plan's cell,
// each naming the other as a related place. Pure: the two plans' models in, findings out; the
// validator finds the family (validation/roll-up-family.ts).
import { isCountColumn, type CellModel, type DistrictTableModel, type Measure, type PlanModel, type TableRowModel, type YearCellsModel } from '../../model/types.js';
import { RuleContext, type Finding, type RelatedPlace } from '../rule.js';
import { DEFAULT_OPTIONS } from '../../language/settings.js';
import { ROLL_UP_PLACES } from '../../../../common/words/roll-up.js';
import type { Locale } from '../../../../common/findings.js';

/** A plan of the family, with the document it stands in. */
export interface FamilyPlan { model: PlanModel; uri: string }

/** The plans a plan must agree with: the one it is `part-of`, and those that are `part-of` it. */
export interface Family { parent?: FamilyPlan; children: FamilyPlan[] }

/** A unit row's figure in one year and column. */
interface UnitCell {
    value: number;
    decimals: number;
    cell: CellModel;
    table: DistrictTableModel;
    row: TableRowModel;
    line: YearCellsModel;
    unitName: string;
}

/** A plan's unit-row figures by unit, year and column identity, and the years each unit has. */
interface PlanCells {
    byKey: Map<string, UnitCell[]>;
    years: Map<string, Set<number>>;
}

const SEP = '\u0000';
const cellKey = (unit: string, year: number, column: string) => `${unit}${SEP}${year}${SEP}${column}`;

/**
 * What a column is, for matching across plans: a rate by its count and base, a sum by its parts
 * (in any order), any other column by its id and unit. Headings play no part.
 */
export function columnIdentity(table: DistrictTableModel, id: Measure, depth = 0): string {
    const column = table.columnsById[id];
    if (!column || depth > 8) return `?${id}`;
    const d = column.definition;
    if (d?.kind === 'rate') return `rate(${columnIdentity(table, d.count, depth + 1)}/${columnIdentity(table, d.base, depth + 1)})`;
    if (d?.kind === 'sum') return `sum(${d.parts.map(p => columnIdentity(table, p, depth + 1)).sort().join('+')})`;
    const unit = column.unit === 'custom' ? `custom:${column.customUnit ?? ''}` : column.unit;
    return `${unit}:${id}`;
}

/** The unit rows of every table (sections included), the units resolved. */
function* unitRows(model: PlanModel): Generator<{ table: DistrictTableModel; row: TableRowModel; unit: string }> {
    for (const table of model.tables) {
        for (const section of table.sections) {
            for (const row of section.rows) {
                if (row.kind === 'row' && row.district?.resolved) yield { table, row, unit: row.district.id };
            }
        }
    }
}

const cellsByModel = new WeakMap<PlanModel, PlanCells>();

/** The plan's unit-row figures, made once per model (a model is remade when its document changes). */
function planCells(model: PlanModel): PlanCells {
    let cells = cellsByModel.get(model);
    if (cells) return cells;
    cells = { byKey: new Map(), years: new Map() };
    for (const { table, row, unit } of unitRows(model)) {
        const identities = new Map<Measure, string>();
        let years = cells.years.get(unit);
        if (!years) cells.years.set(unit, years = new Set());
        for (const line of row.years) {
            years.add(line.year);
            for (const cell of line.cells) {
                const value = cell.number?.value;
                if (value === undefined) continue;
                let identity = identities.get(cell.measure);
                if (identity === undefined) identities.set(cell.measure, identity = columnIdentity(table, cell.measure));
                const key = cellKey(unit, line.year, identity);
                const at: UnitCell = { value, decimals: cell.number!.decimals, cell, table, row, line, unitName: row.district?.name ?? unit };
                const list = cells.byKey.get(key);
                if (list) list.push(at); else cells.byKey.set(key, [at]);
            }
        }
    }
    cellsByModel.set(model, cells);
    return cells;
}

/** Two printed figures agree when they are equal at the fewer decimals either prints (1,51 and 1,5 do). */
export function figuresAgree(a: number, aDecimals: number, b: number, bDecimals: number): boolean {
    const decimals = Math.min(aDecimals, bDecimals);
    return Math.abs(Number(a.toFixed(decimals)) - Number(b.toFixed(decimals))) < 1e-9;
}

/** The name a finding gives another plan: its id, as `part-of` names it. */
const planName = (model: PlanModel) => model.id;

/**
 * The roll-up findings of one plan: against the plan it is part of (its rows), and against the plans
 * part of it (its cells, its totals, its units without a plan when a table asks for them).
 */
export function checkRollUp(model: PlanModel, family: Family, locale: Locale): Finding[] {
    const ctx = new RuleContext(model, locale, DEFAULT_OPTIONS);
    if (family.parent) againstParent(ctx, family.parent);
    if (family.children.length > 0 || model.tables.some(t => t.plansPerUnit)) againstChildren(ctx, family.children);
    return ctx.findings;
}

/** This plan's rows against the plan above: each figure equals the upper plan's, its units and years are there. */
function againstParent(ctx: RuleContext, parent: FamilyPlan): void {
    const upper = planCells(parent.model);
    if (upper.years.size === 0) return;     // the plan above has no unit rows: nothing to compare with
    const own = new Set(ctx.model.districts.map(d => d.id));
    const other = planName(parent.model);
    for (const { table, row, unit } of unitRows(ctx.model)) {
        const years = upper.years.get(unit);
        if (!years) {
            // A unit the plan declares itself is its own breakdown (the communes of a district).
            if (!own.has(unit)) ctx.report('roll-up-unknown-unit', row.district!.range, { unit: row.district!.name ?? unit, other });
            continue;
        }
        for (const line of row.years) {
            if (!years.has(line.year)) {
                ctx.report('roll-up-unknown-year', line.yearRange, { unit: row.district!.name ?? unit, year: line.year, other, years: [...years].sort().join(', ') });
                continue;
            }
            for (const cell of line.cells) {
                const value = cell.number?.value;
                if (value === undefined) continue;
                const there = upper.byKey.get(cellKey(unit, line.year, columnIdentity(table, cell.measure))) ?? [];
                for (const at of there) {
                    if (figuresAgree(value, cell.number!.decimals, at.value, at.decimals)) continue;
                    reportMismatch(ctx, { cell, table, line, unitName: row.district!.name ?? unit }, at, parent, 'parent');
                }
            }
        }
    }
}

/** This plan's unit cells against the plans part of it; its totals against their sum; units without a plan. */
function againstChildren(ctx: RuleContext, children: FamilyPlan[]): void {
    const lower = children.map(child => ({ child, cells: planCells(child.model) }));
    // The children's figures in one map: each child has a few rows, the province a row per child.
    const theirs = new Map<string, { child: FamilyPlan; at: UnitCell }[]>();
    const withPlans = new Set<string>();
    for (const { child, cells } of lower) {
        for (const unit of cells.years.keys()) withPlans.add(unit);
        for (const [key, list] of cells.byKey) {
            const entries = theirs.get(key) ?? [];
            for (const at of list) entries.push({ child, at });
            theirs.set(key, entries);
        }
    }
    const covered = (unit: string) => withPlans.has(unit);
    for (const { table, row, unit } of unitRows(ctx.model)) {
        if (!covered(unit)) continue;
        for (const line of row.years) {
            for (const cell of line.cells) {
                const value = cell.number?.value;
                if (value === undefined) continue;
                for (const { child, at } of theirs.get(cellKey(unit, line.year, columnIdentity(table, cell.measure))) ?? []) {
                    if (figuresAgree(value, cell.number!.decimals, at.value, at.decimals)) continue;
                    reportMismatch(ctx, { cell, table, line, unitName: row.district!.name ?? unit }, at, child, 'child');
                }
            }
        }
    }
    for (const table of ctx.model.tables) {
        const units = table.sections.flatMap(s => s.rows).filter(r => r.kind === 'row' && r.district?.resolved);
        if (units.length === 0) continue;
        if (table.plansPerUnit) {
            for (const row of units) {
                if (!covered(row.district!.id)) ctx.report('roll-up-no-plan', row.district!.range, { unit: row.district!.name ?? row.district!.id, plan: ctx.model.id });
            }
        }
        if (table.total && units.every(r => covered(r.district!.id))) totalAgainstChildren(ctx, table, table.total, units, theirs);
    }
}

/** Where every unit has a plan, the total of each count column equals the sum of their figures. */
function totalAgainstChildren(
    ctx: RuleContext, table: DistrictTableModel, total: TableRowModel, units: TableRowModel[], theirs: Map<string, { child: FamilyPlan; at: UnitCell }[]>
): void {
    for (const line of total.years) {
        for (const cell of line.cells) {
            const printed = cell.number?.value;
            if (printed === undefined || !isCountColumn(table.columnsById[cell.measure])) continue;
            const identity = columnIdentity(table, cell.measure);
            const parts: { at: UnitCell; uri: string; model: PlanModel }[] = [];
            for (const row of units) {
                const found = theirs.get(cellKey(row.district!.id, line.year, identity))?.[0];
                if (!found) break;
                parts.push({ at: found.at, uri: found.child.uri, model: found.child.model });
            }
            if (parts.length < units.length) continue;   // a unit's plan does not state this figure
            const sum = parts.reduce((s, p) => s + p.at.value, 0);
            if (Math.abs(sum - printed) < 1e-9) continue;
            const finding = ctx.report('roll-up-total-mismatch', cell.range, {
                label: total.label, year: line.year, measure: ctx.measure(cell.measure, table),
                printed: ctx.fmt(printed), sum: ctx.fmt(sum), diff: ctx.fmt(Math.abs(sum - printed)), count: units.length
            });
            finding.related = parts.slice(0, MAX_RELATED).map(p => ({
                ...ctx.place(p.at.cell.range, ROLL_UP_PLACES.unitCell, { unit: p.at.unitName, other: planName(p.model), value: ctx.fmt(p.at.value, p.at.decimals) }),
                uri: p.uri
            }));
        }
    }
}

/** A total's related places: the first units' cells (a province of 100 communes names 20 of them). */
const MAX_RELATED = 20;

/** One side of a disagreement, at this plan's cell, naming the other plan's cell. */
function reportMismatch(
    ctx: RuleContext, here: { cell: CellModel; table: DistrictTableModel; line: YearCellsModel; unitName: string },
    there: UnitCell, other: FamilyPlan, side: 'parent' | 'child'
): void {
    const finding = ctx.report('roll-up-mismatch', here.cell.range, {
        unit: here.unitName, year: here.line.year, measure: ctx.measure(here.cell.measure, here.table),
        here: here.cell.number!.printed, there: there.cell.number!.printed, other: planName(other.model), side,
        table: side === 'parent' ? there.table.title : 'none'
    });
    const related: RelatedPlace = {
        ...ctx.place(there.cell.range, ROLL_UP_PLACES.otherCell, { other: planName(other.model), value: there.cell.number!.printed, table: there.table.title }),
        uri: other.uri
    };
    finding.related = [related];
}
