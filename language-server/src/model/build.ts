// Builds the pure plan model from a linked syntax tree. This is the one bridge between Langium and
// the model: everything downstream (validator, preview, CLI, exporters) reads the model.
import { CstUtils, GrammarUtils, type AstNode, type CstNode, type Reference, type RootCstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { formatNumber, readNumber, readYear, roundTo, type NumberStyle } from '../../../common/numbers.js';
import { rangeOfNode } from '../language/line-index.js';
import { totalPrintedFirst } from '../language/total-place.js';
import { yearLineCells, yearOfLine } from '../language/year-line.js';
import { expectedTotal, sumRowsKept, type KeptSums } from './arithmetic.js';
import { DistrictEntry, LocatedNumber, Ref, RowEntry, TableCell, YearLine } from './cells.js';
import {
    PREDECLARED_COLUMNS, UNUSUAL_CHARACTER, isRateColumn,
    type AssignmentModel, type CellModel, type CheckTermModel, type ColumnDefinitionModel, type ColumnModel, type DistrictTableModel, type ExtraTotalModel, type IdRef, type IndicatorModel,
    type PrintedBound, type TableCheckModel,
    type IndicatorValueModel, type Measure, type PlanDate, type PlanModel, type PrintedNumber,
    type SolutionGroupModel, type SourceRange, type TableRowModel, type TableSectionModel, type YearRole
} from './types.js';

// A range made for the model from the node's offsets, not also kept on the syntax tree. What a
// national plan has hundreds of thousands of (cells, rows, districts) keeps no range (model/cells.ts).
const rangeOf = rangeOfNode;

export function nodeRange(node: AstNode | undefined): SourceRange {
    return rangeOf(node?.$cstNode);
}

export function propertyRange(node: AstNode, property: string, index?: number): SourceRange {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
    return cst ? rangeOf(cst) : nodeRange(node);
}

/**
 * A model's rows and units by their syntax node, kept from one model to the next of the same tree
 * while nothing but some rows' year lines changed (model/service.ts): a row is built again only when
 * its node is not found, or was built for other columns or another number style.
 */
export type ModelMemo = WeakMap<object, MemoEntry>;
export type MemoEntry = { kind: 'row'; key: string; row: TableRowModel } | { kind: 'unit'; unit: DistrictEntry } | { kind: 'sums'; sums: KeptSums }
    | { kind: 'texts'; texts: PlanModel['unusualTexts'] };

class ModelBuilder {
    readonly model: PlanModel;
    private readonly style: NumberStyle;

    constructor(private readonly root: ast.Document, uri: string, private readonly memo?: ModelMemo) {
        this.style = (root.numberStyle) ?? 'vi';
        this.model = {
            uri, id: root.name ?? '', title: root.title,
            parent: ast.isPlanDocument(root) && root.parent ? this.ref(root.parent, root, 'parent') : undefined,
            numberStyle: this.style,
            header: { recipients: [] },
            prose: [], standards: [], agencies: [], districts: [], dimensions: [], indicatorTables: [], indicators: [], targets: [],
            tables: [], solutionSections: [], taskLists: [], dutyLists: [], numbers: [], years: [], unusualTexts: []
        };
    }

    build(): PlanModel {
        const root = this.root;
        if (ast.isReportDocument(root)) return this.report(root);
        if (root.onTrackTolerance !== undefined) this.model.onTrackTolerance = this.number(root, 'onTrackTolerance', root.onTrackTolerance);
        // Tables first: computed indicators read their values from them.
        for (const element of root.elements) {
            if (ast.isDistrictTable(element)) this.model.tables.push(this.table(element));
        }
        for (const element of root.elements) this.element(element);
        this.unusualTexts();
        return this.model;
    }

    /** A report: its tables as a plan's (every table rule checks them), its actual values, its head. */
    private report(root: ast.ReportDocument): PlanModel {
        const report: PlanModel['report'] = {
            plan: this.ref(root.plan, root, 'plan'),
            year: this.year(root, 'year', root.year, 'actual'), yearRange: propertyRange(root, 'year'),
            date: root.date ? this.date(root.date) : undefined, source: root.source, actuals: []
        };
        this.model.report = report;
        for (const entry of root.entries) {
            if (ast.isDistrictTable(entry)) this.model.tables.push(this.table(entry));
            else if (ast.isActualValue(entry)) {
                report.actuals.push({ indicator: this.ref(entry.indicator, entry, 'indicator'), value: this.number(entry, 'value', entry.value), range: nodeRange(entry) });
            }
        }
        this.unusualTexts();
        return this.model;
    }

    /** String literals and comments (hidden tokens, kept in the syntax tree as hidden leaves) with an unusual character. */
    private unusualTexts(): void {
        const root = this.root.$cstNode as RootCstNode | undefined;
        if (!root) return;
        // A year-line edit changes no string and no comment: the texts found in the same tree before stand.
        const kept = this.memo?.get(root);
        if (kept?.kind === 'texts') {
            this.model.unusualTexts.push(...kept.texts);
            return;
        }
        if (UNUSUAL_CHARACTER.test(root.fullText)) {
            for (const leaf of CstUtils.flattenCst(root)) {
                const token = leaf.tokenType.name;
                const kind = token === 'STRING' ? 'string' : token === 'SL_COMMENT' || token === 'ML_COMMENT' ? 'comment' : undefined;
                // The range is made when asked: a comment behind an edited year line moves along its line.
                if (kind && UNUSUAL_CHARACTER.test(leaf.text)) this.model.unusualTexts.push({ kind, text: leaf.text, get range() { return rangeOf(leaf); } });
            }
        }
        this.memo?.set(root, { kind: 'texts', texts: this.model.unusualTexts.slice() });
    }

    private element(e: ast.Element): void {
        const m = this.model;
        if (ast.isHeader(e)) this.header(e);
        else if (ast.isProse(e)) m.prose.push({ kind: e.kind, text: e.text, range: nodeRange(e) });
        else if (ast.isStandard(e)) {
            m.standards.push({
                id: e.name ?? '', name: e.label ?? '', basis: e.basis, range: nodeRange(e), nameRange: propertyRange(e, 'name'),
                from: this.year(e, 'from', e.from, 'standard'), to: this.year(e, 'to', e.to, 'standard')
            });
        } else if (ast.isAgency(e)) {
            m.agencies.push({
                id: e.name ?? '', name: e.label ?? '', kind: e.kind, shortNames: e.shortNames, aliases: e.aliases,
                range: nodeRange(e), nameRange: propertyRange(e, 'name')
            });
        } else if (ast.isDistrict(e)) {
            m.districts.push(this.unit(e));
        } else if (ast.isDimension(e)) {
            m.dimensions.push({
                id: e.name ?? '', name: e.label ?? '', heading: e.heading, range: nodeRange(e), nameRange: propertyRange(e, 'name'),
                indicatorIds: e.indicators.map(i => i.name ?? '')
            });
            for (const indicator of e.indicators) m.indicators.push(this.indicator(indicator, e.name));
        } else if (ast.isIndicatorTable(e)) m.indicatorTables.push({ title: e.title ?? '', annex: e.annex, range: nodeRange(e) });
        else if (ast.isIndicator(e)) m.indicators.push(this.indicator(e));
        else if (ast.isTarget(e)) this.target(e);
        else if (ast.isSolutionSection(e)) {
            m.solutionSections.push({ title: e.title, groups: e.groups.map(g => this.solutionGroup(g, [])), range: nodeRange(e) });
        } else if (ast.isTaskList(e)) {
            m.taskLists.push({
                title: e.title ?? '', annex: e.annex, range: nodeRange(e),
                tasks: e.tasks.map(t => ({
                    no: this.number(t, 'no', t.no), id: t.name, text: t.text ?? '', note: t.note,
                    assignment: this.assignment(t.assignment),
                    submitYear: this.year(t, 'year', t.year, 'task'),
                    submitRange: t.year !== undefined ? propertyRange(t, 'year') : undefined,
                    range: nodeRange(t)
                }))
            });
        } else if (ast.isFunding(e)) {
            m.funding = {
                text: e.text, range: nodeRange(e),
                sources: e.sources.map(s => ({
                    id: s.name ?? '', name: s.label ?? '', range: nodeRange(s),
                    via: s.via ? this.ref(s.via, s, 'via') : undefined
                }))
            };
        } else if (ast.isDutyList(e)) {
            m.dutyLists.push({
                title: e.title, range: nodeRange(e),
                items: e.items.map(item => ({
                    no: this.number(item, 'no', item.no), agency: this.ref(item.agency, item, 'agency'),
                    heading: item.heading, duties: item.duties, range: nodeRange(item)
                }))
            });
        }
    }

    private header(e: ast.Header): void {
        const h = this.model.header;
        for (const f of e.fields) {
            if (ast.isDocNumberField(f)) { h.number = f.number ?? ''; h.code = f.code; }
            else if (ast.isTextField(f)) {
                switch (f.key) {
                    case 'issuer': h.issuer = f.value; break;
                    case 'issuer-short': h.issuerShort = f.value; break;
                    case 'place': h.place = f.value; break;
                    case 'kind': h.kind = f.value; break;
                    case 'title': h.title = f.value; break;
                    case 'preamble': h.preamble = f.value; break;
                    case 'recipient': h.recipients.push(f.value); break;
                }
            } else if (ast.isDateField(f)) { if (f.date) h.date = this.date(f.date); }
            else if (ast.isPeriodField(f)) {
                const from = this.year(f, 'from', f.from, 'period');
                const to = this.year(f, 'to', f.to, 'period');
                if (from !== undefined && to !== undefined) h.period = { from, to, range: nodeRange(f) };
            } else if (ast.isOrientationField(f)) {
                const year = this.year(f, 'year', f.year, 'orientation');
                if (year !== undefined) h.orientationYear = { year, range: nodeRange(f) };
            } else if (ast.isResolutionField(f)) {
                h.resolution = { number: f.number ?? '', date: f.date ? this.date(f.date) : undefined, body: f.body, about: f.about };
            } else if (ast.isSignerField(f)) {
                h.signer = { name: f.name ?? '', position: f.position, authority: f.authority, deputy: f.deputy };
            }
        }
    }

    private date(d: ast.DateLit): PlanDate {
        const part = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined);
        return {
            day: part(d.day), month: part(d.month), year: this.year(d, 'year', d.year, 'date'),
            printed: `${d.day ?? '…'}/${d.month ?? '…'}/${d.year ?? '…'}`, range: nodeRange(d)
        };
    }

    private indicator(e: ast.Indicator, dimensionId?: string): IndicatorModel {
        const values: IndicatorValueModel[] = e.values.map(v => ({
            kind: v.kind ?? 'plan', year: this.year(v, 'year', v.year, v.kind ?? 'plan') ?? NaN, yearRange: propertyRange(v, 'year'),
            value: this.number(v, 'value', v.value), standardId: v.standard?.$refText, range: nodeRange(v)
        }));
        const indicator: IndicatorModel = {
            id: e.name ?? '', name: e.label ?? '', dimensionId,
            unit: e.unit ? (e.unit.custom ?? e.unit.kind) : undefined,
            unitKind: e.unit ? (e.unit.custom !== undefined ? 'custom' : e.unit.kind) : undefined,
            direction: e.direction,
            assignment: this.assignment(e.assignment),
            values, range: nodeRange(e), nameRange: propertyRange(e, 'name')
        };
        if (e.computed) {
            const tableId = e.computed.table?.$refText ?? '';
            indicator.computed = { measure: e.computed.measure ?? 'poor-rate', tableId, tableRange: propertyRange(e.computed, 'table') };
            const table = this.model.tables.find(t => t.id === tableId);
            if (table) values.push(...valuesFromTable(table, indicator.computed.measure, this.style));
        }
        // By year; a value whose year cannot be read goes last (a NaN comparison would scramble the order).
        values.sort((a, b) => Number(Number.isNaN(a.year)) - Number(Number.isNaN(b.year)) || a.year - b.year);
        return indicator;
    }

    private target(e: ast.Target): void {
        const c = e.comparison;
        this.model.targets.push({
            comparison: c ? {
                op: c.op ?? 'between', change: c.change,
                fromYear: this.year(c, 'fromYear', c.fromYear, 'target'),
                value: c.value !== undefined ? this.number(c, 'value', c.value) : undefined,
                low: c.low !== undefined ? this.number(c, 'low', c.low) : undefined,
                high: c.high !== undefined ? this.number(c, 'high', c.high) : undefined,
                tolerance: c.tolerance !== undefined ? this.number(c, 'tolerance', c.tolerance) : undefined,
                range: nodeRange(c)
            } : undefined,
            id: e.name ?? '', indicator: this.ref(e.indicator, e, 'indicator'),
            year: this.year(e, 'year', e.year, 'target') ?? NaN, yearRange: propertyRange(e, 'year'),
            standardId: e.standard?.$refText, text: e.text, range: nodeRange(e), nameRange: propertyRange(e, 'name')
        });
    }

    private table(e: ast.DistrictTable): DistrictTableModel {
        const columnsById: Record<string, ColumnModel> = {};
        for (const c of PREDECLARED_COLUMNS) columnsById[c.id] = c;
        for (const d of e.declarations) {
            if (!d.name) continue;
            columnsById[d.name] = {
                id: d.name, label: d.label, unit: d.unit?.custom !== undefined ? 'custom' : d.unit?.kind ?? 'custom', customUnit: d.unit?.custom,
                definition: this.definition(d.definition), predeclared: false, range: nodeRange(d)
            };
        }
        const unknownColumns: { id: string; range: SourceRange }[] = [];
        const known = (id: string | undefined, node: AstNode, property: string, index?: number) => {
            if (id !== undefined && !columnsById[id]) unknownColumns.push({ id, range: propertyRange(node, property, index) });
        };
        e.columns.forEach((c, i) => known(c, e, 'columns', i));
        for (const d of e.declarations) {
            const def = d.definition;
            if (ast.isRateDefinition(def)) { known(def.count, def, 'count'); known(def.base, def, 'base'); }
            else if (ast.isSumDefinition(def)) def.parts.forEach((p, i) => known(p, def, 'parts', i));
            else if (ast.isFlowDefinition(def)) for (const t of def.terms) known(t.column, t, 'column');
        }
        const checks = e.checks.map(c => this.check(c, known));
        const columns = e.columns.slice();
        const years = e.years.map(y => ({ year: this.year(y, 'year', y.year, 'table') ?? NaN, kind: y.kind ?? 'plan', standardId: y.standard?.$refText, range: nodeRange(y) }));
        const sections: TableSectionModel[] = [];
        if (e.rows.length > 0 || e.sections.length === 0) {
            sections.push(this.section(undefined, e.rows.map(r => this.row(r, columns)), undefined, columnsById, e.rows));
        }
        const extraTotals: ExtraTotalModel[] = [];
        for (const s of e.sections) {
            const section = this.section(s, s.rows.map(r => this.row(r, columns)), s.subtotal ? this.totalRow(s.subtotal, columns) : undefined, columnsById, s.rows);
            sections.push(section);
            // The grammar reads an extra total only after a first one (a parse recovered from errors aside).
            const first = section.subtotal;
            if (first) for (const x of s.extraTotals) extraTotals.push({ row: this.totalRow(x, columns), labelRange: propertyRange(x, 'label'), first, section });
        }
        const total = e.total ? this.totalRow(e.total, columns) : undefined;
        if (total) for (const x of e.extraTotals) extraTotals.push({ row: this.totalRow(x, columns), labelRange: propertyRange(x, 'label'), first: total });
        return {
            id: e.name ?? '', title: e.title ?? '', annex: e.annex, heading: e.heading, rowHeader: e.rowHeader, targets: e.targets,
            standardId: e.standard?.$refText, years, columns, columnsById, unknownColumns, checks, sections, total, totalFirst: totalPrintedFirst(e), extraTotals,
            // One section of rows (a national table): its grand total is its rows' sum, kept as that is.
            expectedTotal: sections.length === 1 && sections[0].rows.length > 0 ? this.sums(e, sections[0].rows, columnsById) : expectedTotal(sections, columnsById),
            range: nodeRange(e), nameRange: propertyRange(e, 'name')
        };
    }

    private definition(d: ast.ColumnDefinition | undefined): ColumnDefinitionModel | undefined {
        if (ast.isRateDefinition(d)) return { kind: 'rate', count: d.count ?? '', base: d.base ?? '' };
        if (ast.isSumDefinition(d)) return { kind: 'sum', parts: d.parts.slice() };
        if (ast.isFlowDefinition(d)) return { kind: 'flow', terms: d.terms.map(t => ({ sign: t.sign === '-' ? -1 : 1, column: t.column ?? '' })) };
        return undefined;
    }

    private check(c: ast.TableCheck, known: (id: string | undefined, node: AstNode, property: string) => void): TableCheckModel {
        const side = (x: ast.CheckExpression | undefined): CheckTermModel[] => (x?.terms ?? []).map((t, i) => {
            known(t.column, t, 'column');
            const sign = i > 0 && x!.operators[i - 1] === '-' ? -1 : 1;
            const value = t.value !== undefined ? this.number(t, 'value', t.value).value : undefined;
            return { sign, column: t.column, previous: t.previous, year: t.year !== undefined ? readYear(t.year) : undefined, value };
        });
        return {
            id: c.name ?? '', left: side(c.left), op: (c.op ?? '=') as TableCheckModel['op'], right: side(c.right),
            rows: c.rows ?? 'all', years: c.years.length > 0 ? c.years.map(y => readYear(y)).filter((y): y is number => y !== undefined) : undefined,
            severity: c.severity ?? 'warning', message: c.message ?? '', messageEn: c.messageEn, range: nodeRange(c)
        };
    }

    private section(s: ast.TableSection | undefined, rows: TableRowModel[], subtotal: TableRowModel | undefined, columns: Record<string, ColumnModel>, rowsNode: object): TableSectionModel {
        return {
            label: s ? s.label ?? '' : undefined, title: s?.title, rows, subtotal, subtotalFirst: s ? totalPrintedFirst(s) : false,
            sums: this.sums(rowsNode, rows, columns), range: s ? nodeRange(s) : undefined
        };
    }

    /**
     * The sums of rows, from those of the previous model of the same tree when only a few rows changed
     * (arithmetic.ts sumRowsKept), kept by the syntax node the rows are listed under.
     */
    private sums(node: object, rows: TableRowModel[], columns: Record<string, ColumnModel>): TableSectionModel['sums'] {
        if (!this.memo) return sumRowsKept(rows, columns, undefined).sums;
        const kept = this.memo.get(node);
        const made = sumRowsKept(rows, columns, kept?.kind === 'sums' ? kept.sums : undefined);
        this.memo.set(node, { kind: 'sums', sums: made.kept });
        return made.sums;
    }

    private unit(e: ast.District): DistrictEntry {
        const kept = this.memo?.get(e);
        if (kept?.kind === 'unit') return kept.unit;
        const unit = new DistrictEntry(
            e.name ?? '', e.label ?? '', e.fullName, e.level ?? 'district', e.kind, e.$cstNode, GrammarUtils.findNodeForProperty(e.$cstNode, 'name')
        );
        this.memo?.set(e, { kind: 'unit', unit });
        return unit;
    }

    private row(r: ast.TableRow, columns: Measure[]): TableRowModel {
        return this.remembered(r, columns, () => {
            const district = this.ref(r.district, r, 'district');
            return new RowEntry('row', district.name ?? district.id, this.yearLines(r, columns), this.number(r, 'no', r.no), district, r.$cstNode);
        });
    }

    private totalRow(r: ast.TotalRow, columns: Measure[]): TableRowModel {
        return this.remembered(r, columns, () => new RowEntry(r.kind ?? 'total', r.label ?? '', this.yearLines(r, columns), undefined, undefined, r.$cstNode));
    }

    private lastColumns: Measure[] | undefined = undefined;
    private lastKey = '';

    /** What a kept row was built for: the number style and the table's columns (one key per table, not per row). */
    private memoKey(columns: Measure[]): string {
        if (columns !== this.lastColumns) {
            this.lastColumns = columns;
            this.lastKey = `${this.style}\u0000${columns.join('\u0000')}`;
        }
        return this.lastKey;
    }

    /**
     * A row from the memo when it was built for the same columns and style; else built (with the
     * numbers it printed moved from the plan's list to the row's) and kept.
     */
    private remembered(node: AstNode, columns: Measure[], build: () => RowEntry): TableRowModel {
        const key = this.memo ? this.memoKey(columns) : '';
        const kept = this.memo?.get(node);
        if (kept?.kind === 'row' && kept.key === key) return kept.row;
        const from = this.model.numbers.length;
        const row = build();
        row.numbers = this.model.numbers.slice(from);
        this.model.numbers.length = from;
        this.memo?.set(node, { kind: 'row', key, row });
        return row;
    }

    /** A row's year lines: each is one token (YEAR_LINE), its leaf in the syntax tree. */
    private yearLines(r: ast.TableRow | ast.TotalRow, columns: Measure[]): YearLine[] {
        const leaves = r.$cstNode ? GrammarUtils.findNodesForProperty(r.$cstNode, 'years') : [];
        const lines = new Array<YearLine>(leaves.length);
        for (let i = 0; i < leaves.length; i++) lines[i] = this.yearLine(r.years[i] ?? leaves[i].text, leaves[i], columns);
        return lines;
    }

    private yearLine(text: string, leaf: CstNode, columns: Measure[]): YearLine {
        // Hot path on national-scale tables: the line is one token, split here into its cells; cells
        // and the line keep offsets, not ranges (model/cells.ts).
        const offsets = yearLineCells(text, 0, text.length);
        let extra: number[] | undefined;
        for (let i = columns.length * 2; i < offsets.length; i += 2) (extra ??= []).push(offsets[i], offsets[i + 1]);
        // A year label ("2021:") is four digits by the lexer: always a year, never a year-malformed
        // finding, so it is not listed in model.years (one entry per line of a national table).
        const line = new YearLine(readYear(yearOfLine(text)) ?? NaN, leaf, extra);
        const count = Math.min(columns.length, offsets.length / 2);
        const cells: CellModel[] = new Array<CellModel>(count);
        for (let i = 0; i < count; i++) {
            const printed = text.slice(offsets[2 * i], offsets[2 * i + 1]);
            const cell = new TableCell(columns[i], leaf, offsets[2 * i], printed.length);
            if (printed.includes('..')) {
                const [low, high] = printed.split('..');
                const bound = (part: string): PrintedBound => {
                    const read = readNumber(part, this.style);
                    // A misstyled bound is reported as any number is (number-style), at its cell.
                    if (read.problem) {
                        this.model.numbers.push({
                            printed: part, value: read.value, decimals: read.decimals, problem: read.problem, suggestion: read.suggestion,
                            get range() { return cell.range; }
                        });
                    }
                    return { printed: part, value: read.value, decimals: read.decimals };
                };
                cell.bounds = [bound(low), bound(high)];
            } else if (printed !== '-') {
                this.read(cell, printed);
                this.model.numbers.push(cell);
            }
            cells[i] = cell;
        }
        line.cells = cells;
        return line;
    }

    /** `inherited`: the lead of the nearest enclosing group that states one. */
    private solutionGroup(g: ast.SolutionGroup, path: string[], inherited?: AssignmentModel): SolutionGroupModel {
        const here = [...path, g.label ?? ''];
        const assignment = this.assignment(g.assignment);
        const holds = assignment.leads.length > 0 ? assignment : inherited;
        return {
            label: g.label ?? '', title: g.title ?? '', assignment, labelRange: propertyRange(g, 'label'), range: nodeRange(g),
            groups: g.groups.map(sub => this.solutionGroup(sub, here, holds)),
            solutions: g.solutions.map(s => ({
                id: s.name, heading: s.heading ?? '', texts: s.texts, assignment: this.assignment(s.assignment),
                // Only where it holds: a solution's own lead wins.
                inherited: s.assignment?.leads.length ? undefined : holds, path: here, range: nodeRange(s)
            }))
        };
    }

    private assignment(a: ast.Assignment | undefined): AssignmentModel {
        if (!a) return { leads: [], coordinates: [] };
        const leads = a.leads.map((r, i) => this.ref(r, a, 'leads', i));
        const coordinates = a.coordinates.map((r, i) => this.ref(r, a, 'coordinates', i));
        this.printedAs(a, leads, a.leads, 'leads', 'leadsAs');
        this.printedAs(a, coordinates, a.coordinates, 'coordinates', 'coordinatesAs');
        return { leads, coordinates, range: nodeRange(a) };
    }

    /**
     * Gives each `as "…"` wording to the reference it follows. The grammar keeps the wordings in a list
     * of their own (the references stay one list, as the editor features read them): a wording belongs
     * to the last reference that starts before it.
     */
    private printedAs(a: ast.Assignment, refs: IdRef[], references: Reference<ast.Agency>[], property: string, asProperty: string): void {
        const wordings: string[] = asProperty === 'leadsAs' ? a.leadsAs : a.coordinatesAs;
        if (wordings.length === 0 || !a.$cstNode) return;
        const starts = GrammarUtils.findNodesForProperty(a.$cstNode, property).map(n => n.offset);
        GrammarUtils.findNodesForProperty(a.$cstNode, asProperty).forEach((node, i) => {
            let owner = -1;
            starts.forEach((start, r) => { if (start < node.offset) owner = r; });
            const ref = refs[owner];
            const text = wordings[i];
            if (!ref || text === undefined) return;
            const agency = references[owner]?.ref;
            ref.printedAs = { text, range: rangeOf(node), names: agency ? [agency.label ?? '', ...agency.shortNames, ...agency.aliases] : undefined };
        });
    }

    private ref(r: Reference<ast.Agency | ast.District | ast.Indicator | ast.PlanDocument | ast.DistrictTable> | undefined, node: AstNode, property: string, index?: number): IdRef {
        // Missing after a syntax error: the parser has reported it; the model keeps an empty reference.
        if (!r) return new Ref('', false, undefined, node.$cstNode);
        const target = r.ref;
        const name = target && 'label' in target ? target.label : target && 'title' in target ? target.title : undefined;
        return new Ref(r.$refText ?? '', target !== undefined, name, r.$refNode ?? GrammarUtils.findNodeForProperty(node.$cstNode, property, index) ?? node.$cstNode);
    }

    /** Reads a cell's text under the plan's style into it. */
    private read(cell: TableCell, text: string): void {
        const read = readNumber(text, this.style);
        cell.value = read.value;
        cell.decimals = read.decimals;
        if (read.problem) { cell.problem = read.problem; cell.suggestion = read.suggestion; }
    }

    private number(node: AstNode, property: string, text: string | undefined, range?: SourceRange): PrintedNumber {
        if (text === undefined) {
            // Missing after a syntax error (already reported by the parser): an empty, unreadable number.
            return { printed: '', decimals: 0, range: range ?? nodeRange(node) };
        }
        const read = readNumber(text, this.style);
        const n: PrintedNumber = range
            ? { printed: text, decimals: 0, range }
            : new LocatedNumber(text, GrammarUtils.findNodeForProperty(node.$cstNode, property) ?? node.$cstNode);
        n.value = read.value;
        n.decimals = read.decimals;
        if (read.problem) { n.problem = read.problem; n.suggestion = read.suggestion; }
        this.model.numbers.push(n);
        return n;
    }

    private year(node: AstNode, property: string, text: string | undefined, role: YearRole): number | undefined {
        if (text === undefined) return undefined;
        const year = readYear(text);
        this.model.years.push({ year, printed: text, role, range: propertyRange(node, property) });
        return year;
    }
}

function cellValue(row: TableRowModel, year: number, measure: Measure): number | undefined {
    for (const y of row.years) {
        if (y.year !== year) continue;
        for (const c of y.cells) if (c.measure === measure) return c.number?.value;
    }
    return undefined;
}

/**
 * A computed indicator's values: the table's total row per year, as printed; without a total row, the
 * sum of the rows, printed in the plan's style as an annex would print it (rates to 2 decimals).
 */
function valuesFromTable(table: DistrictTableModel, measure: Measure, style: NumberStyle): IndicatorValueModel[] {
    const out: IndicatorValueModel[] = [];
    for (const y of table.years) {
        const totalCells = table.total?.years.find(t => t.year === y.year);
        const cell = totalCells?.cells.find(c => c.measure === measure);
        let value: PrintedNumber | undefined = cell?.number;
        if (!value) {
            const computed = table.expectedTotal.values[y.year]?.[measure];
            if (computed === undefined) continue;
            const decimals = isRateColumn(table.columnsById[measure]) ? 2 : 0;
            value = { printed: formatNumber(computed, style, decimals), value: roundTo(computed, decimals), decimals, range: y.range };
        }
        out.push({
            kind: y.kind === 'plan' ? 'plan' : 'result', year: y.year, yearRange: y.range, value,
            // Per-year standards: a change of standard is a break in the series, not a move.
            standardId: y.standardId ?? (table.years.some(x => x.standardId) ? table.standardId : undefined),
            fromTable: table.id, range: cell?.range ?? y.range
        });
    }
    return out;
}

export { cellValue };

/** Builds the model of one plan document. */
export function buildPlanModel(root: ast.Document, uri: string, memo?: ModelMemo): PlanModel {
    return new ModelBuilder(root, uri, memo).build();
}
