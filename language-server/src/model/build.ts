// Builds the pure plan model from a linked syntax tree. This is the one bridge between Langium and
// the model: everything downstream (validator, preview, CLI, exporters) reads the model.
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type Reference, type RootCstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { formatNumber, readNumber, readYear, roundTo, type NumberStyle } from '../../../common/numbers.js';
import { rangeOfNode } from '../language/line-index.js';
import { totalPrintedFirst } from '../language/total-place.js';
import { unquote } from '../language/value-converter.js';
import { isNoteText, noteParts, yearLineCells, yearOfLine } from '../language/year-line.js';
import { expectedTotal, sumRowsKept, type KeptSums } from './arithmetic.js';
import { partOfCycle, setCircularApart } from './definitions.js';
import { keyYearGroups, lineIn, lineKey } from './series.js';
import { DistrictEntry, LocatedNumber, Ref, RowEntry, TableCell, YearLine } from './cells.js';
import {
    PREDECLARED_COLUMNS, UNUSUAL_CHARACTER, columnStyle, isRateColumn,
    type AssignmentModel, type CellModel, type CheckTermModel, type ColumnDefinitionModel, type ColumnModel, type DistrictTableModel, type ExtraTotalModel, type IdRef, type IndicatorModel,
    type PrintedBound, type TableCheckModel,
    type IndicatorValueModel, type LinkEndModel, type LinkModel, type Measure, type PlanDate, type PlanModel, type PlanText, type PrintedNumber,
    type SolutionGroupModel, type SourceRange, type TableRowModel, type TableSectionModel, type TableYearModel, type YearPhase, type YearRole
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

    constructor(private readonly root: ast.PlanDocument, uri: string, private readonly memo?: ModelMemo) {
        this.style = (root.numberStyle) ?? 'vi';
        this.model = {
            uri, id: root.name ?? '', title: root.title,
            parent: root.parent ? this.ref(root.parent, root, 'parent') : undefined,
            numberStyle: this.style,
            header: { recipients: [] },
            prose: [], standards: [], agencies: [], districts: [], dimensions: [], indicatorTables: [], indicators: [], targets: [],
            tables: [], solutionSections: [], taskLists: [], dutyLists: [], links: [], texts: [], numbers: [], years: [], unusualTexts: []
        };
        const cycle = root.parent ? partOfCycle(root) : undefined;
        if (cycle) this.model.partOfCycle = cycle;
    }

    build(): PlanModel {
        // Tables first: computed indicators read their values from them.
        for (const element of this.root.elements) {
            if (ast.isDistrictTable(element)) this.model.tables.push(this.table(element));
        }
        for (const element of this.root.elements) this.element(element);
        this.printedTexts();
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

    /**
     * The strings printed as titles, headings and text (model.texts), in document order. A table gives
     * its title, headings, column labels, section titles and total labels, read by property: its rows
     * (thousands in a national plan) are never walked. Declarations of names (units, agencies,
     * standards), the wordings of references and a check's messages are not text of the plan.
     */
    private printedTexts(): void {
        const texts = this.model.texts;
        const add = (where: PlanText['where'], leaf: CstNode | undefined) => {
            if (leaf) texts.push({ where, literal: leaf.text, get range() { return rangeOf(leaf); } });
        };
        const rootCst = this.root.$cstNode;
        if (rootCst) add('title', GrammarUtils.findNodeForProperty(rootCst, 'title'));
        for (const e of this.root.elements) {
            if (ast.isDistrict(e) || ast.isAgency(e) || ast.isStandard(e) || ast.isLink(e) || !e.$cstNode) continue;
            if (ast.isDistrictTable(e)) {
                const cst = e.$cstNode;
                add('title', GrammarUtils.findNodeForProperty(cst, 'title'));
                add('heading', GrammarUtils.findNodeForProperty(cst, 'heading'));
                add('heading', GrammarUtils.findNodeForProperty(cst, 'rowHeader'));
                for (const d of e.declarations) if (d.$cstNode) add('heading', GrammarUtils.findNodeForProperty(d.$cstNode, 'label'));
                for (const s of e.sections) {
                    if (s.$cstNode) add('heading', GrammarUtils.findNodeForProperty(s.$cstNode, 'title'));
                    if (s.subtotal?.$cstNode) add('heading', GrammarUtils.findNodeForProperty(s.subtotal.$cstNode, 'label'));
                }
                if (e.total?.$cstNode) add('heading', GrammarUtils.findNodeForProperty(e.total.$cstNode, 'label'));
                continue;
            }
            for (const leaf of CstUtils.flattenCst(e.$cstNode)) {
                if (leaf.tokenType.name !== 'STRING') continue;
                const assignment = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment);
                const node = leaf.astNode;
                const where = textKind(ast.isTextField(node) ? `TextField:${node.key}` : `${node.$type}.${assignment?.feature ?? ''}`);
                if (where) add(where, leaf);
            }
        }
    }

    private link(e: ast.Link): LinkModel {
        const end = (x: ast.LinkEnd | undefined): LinkEndModel => {
            const range = nodeRange(x ?? e);
            if (x?.indicator) return { kind: 'indicator', indicatorId: x.indicator.$refText ?? '', range };
            if (x?.quote !== undefined) return { kind: 'quote', quote: x.quote, range };
            return { kind: 'table', tableId: x?.table?.$refText ?? '', unitId: x?.unit?.$refText, section: x?.section, column: x?.column, range };
        };
        const years = e.years.map(y => readYear(y)).filter((y): y is number => y !== undefined);
        return { left: end(e.left), right: end(e.right), years: years.length > 0 ? years : undefined, range: nodeRange(e) };
    }

    private element(e: ast.Element): void {
        const m = this.model;
        if (ast.isHeader(e)) this.header(e);
        else if (ast.isLink(e)) m.links.push(this.link(e));
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
                definition: this.definition(d.definition), predeclared: false, range: nodeRange(d),
                ...(ast.isChangeDefinition(d.definition) && d.unit ? { unitRange: nodeRange(d.unit) } : {})
            };
        }
        setCircularApart(columnsById);
        this.columnStyles(e, columnsById);
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
            else if (ast.isChangeDefinition(def)) known(def.column, def, 'column');
        }
        for (const line of e.numberStyles) line.columns.forEach((c, i) => known(c, line, 'columns', i));
        const checks = e.checks.map(c => this.check(c, known));
        const columns = e.columns.slice();
        this.tableStyles.set(columns, columns.map(m => columnStyle(columnsById[m], this.style)));
        const years: TableYearModel[] = e.years.map(y => ({
            year: this.year(y, 'year', y.year, 'table') ?? NaN, kind: y.kind ?? 'plan', standardId: y.standard?.$refText, range: nodeRange(y),
            ...(y.phase ? { phase: y.phase as YearPhase } : {}), ...(y.heading !== undefined ? { heading: y.heading } : {})
        }));
        keyYearGroups(years);
        this.groups = years;
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
            id: e.name ?? '', title: e.title ?? '', annex: e.annex, heading: e.heading, rowHeader: e.rowHeader, targets: e.targets, plansPerUnit: e.plansPerUnit || undefined,
            standardId: e.standard?.$refText, years, columns, columnsById, unknownColumns, checks, sections, total, totalFirst: totalPrintedFirst(e), extraTotals,
            // One section of rows (a national table): its grand total is its rows' sum, kept as that is.
            expectedTotal: sections.length === 1 && sections[0].rows.length > 0 ? this.sums(e, sections[0].rows, columnsById) : expectedTotal(sections, columnsById),
            range: nodeRange(e), nameRange: propertyRange(e, 'name')
        };
    }

    /** The printed columns' styles of each table, by its columns' array (a table's rows are read with them). */
    private readonly tableStyles = new WeakMap<Measure[], NumberStyle[]>();

    /**
     * The number style of each column where the table or the column declares one other than the
     * plan's: a column's own `number-style` first, then a table line naming it (`for`), then a line
     * for the whole table. A predeclared column given a style is copied (the predeclared ones are shared).
     */
    private columnStyles(e: ast.DistrictTable, columnsById: Record<string, ColumnModel>): void {
        const whole = e.numberStyles.filter(l => l.columns.length === 0).at(-1)?.style as NumberStyle | undefined;
        const named = new Map<string, NumberStyle>();
        for (const line of e.numberStyles) for (const c of line.columns) if (line.style) named.set(c, line.style as NumberStyle);
        const own = new Map<string, NumberStyle>();
        for (const d of e.declarations) if (d.name && d.numberStyle) own.set(d.name, d.numberStyle as NumberStyle);
        if (!whole && named.size === 0 && own.size === 0) return;
        for (const [id, column] of Object.entries(columnsById)) {
            const style = own.get(id) ?? named.get(id) ?? whole;
            if (style && style !== this.style) columnsById[id] = { ...column, numberStyle: style };
        }
    }

    private definition(d: ast.ColumnDefinition | undefined): ColumnDefinitionModel | undefined {
        if (ast.isRateDefinition(d)) return { kind: 'rate', count: d.count ?? '', base: d.base ?? '' };
        if (ast.isSumDefinition(d)) return { kind: 'sum', parts: d.parts.slice() };
        if (ast.isFlowDefinition(d)) return { kind: 'flow', terms: d.terms.map(t => ({ sign: t.sign === '-' ? -1 : 1, column: t.column ?? '' })) };
        if (ast.isChangeDefinition(d)) {
            const direction = d.direction === 'decrease-of' ? 'decrease' : d.direction === 'increase-of' ? 'increase' : 'change';
            return {
                kind: 'change', direction, column: d.column ?? '',
                ...(d.fromYear !== undefined ? { fromYear: this.year(d, 'fromYear', d.fromYear, 'table') } : {}),
                ...(d.fromPhase ? { fromPhase: d.fromPhase as YearPhase } : {})
            };
        }
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
    /** The year groups of the table being built: a line that names its group is keyed by them (model/series.ts). */
    private groups: TableYearModel[] = [];

    /**
     * What a kept row was built for: the number styles, the table's columns and its groups of a year
     * printed twice, which key the lines that name them (one key per table, not per row).
     */
    private memoKey(columns: Measure[]): string {
        if (columns !== this.lastColumns) {
            this.lastColumns = columns;
            const groups = this.groups.filter(y => y.key !== undefined || y.phase !== undefined).map(y => `${y.year} ${y.phase ?? ''} ${y.standardId ?? ''}`);
            this.lastKey = `${this.style}\u0000${columns.join('\u0000')}\u0000${this.stylesOf(columns).join('\u0000')}\u0000${groups.join('\u0000')}`;
        }
        return this.lastKey;
    }

    /** The styles of a table's printed columns, in order (the plan's where the table declares none). */
    private stylesOf(columns: Measure[]): NumberStyle[] {
        return this.tableStyles.get(columns) ?? columns.map(() => this.style);
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
        this.rowNotes = undefined;
        const row = build();
        row.numbers = this.model.numbers.slice(from);
        row.notes = this.rowNotes;
        this.model.numbers.length = from;
        this.memo?.set(node, { kind: 'row', key, row });
        return row;
    }

    /** A row's year lines: each is one token (YEAR_LINE), its leaf in the syntax tree. */
    private yearLines(r: ast.TableRow | ast.TotalRow, columns: Measure[]): YearLine[] {
        const leaves = r.$cstNode ? GrammarUtils.findNodesForProperty(r.$cstNode, 'years') : [];
        const lines = new Array<YearLine>(leaves.length);
        for (let i = 0; i < leaves.length; i++) lines[i] = this.yearLine(r.years[i] ?? leaves[i].text, leaves[i], columns);
        if (r.tags.length > 0) this.tagLines(r, leaves, lines);
        if (this.groups.some(y => y.key !== undefined)) this.untaggedLines(lines);
        return lines;
    }

    /** A line that names no group, of a year whose one group has a key (only `end 2024`): that group's. */
    private untaggedLines(lines: YearLine[]): void {
        for (const line of lines) {
            if (line.key !== undefined || line.phase || line.standardId !== undefined) continue;
            const groups = this.groups.filter(y => y.year === line.year);
            if (groups.length === 1 && groups[0].key !== undefined) line.key = groups[0].key;
        }
    }

    /**
     * Gives the year group a line names (`end 2024:`, `standard moi 2021:`) to that line: a tag
     * belongs to the first line after it. A tag followed by no line names nothing.
     */
    private tagLines(r: ast.TableRow | ast.TotalRow, leaves: CstNode[], lines: YearLine[]): void {
        const tagNodes = r.$cstNode ? GrammarUtils.findNodesForProperty(r.$cstNode, 'tags') : [];
        tagNodes.forEach((node, i) => {
            const tag = r.tags[i];
            const at = leaves.findIndex(leaf => leaf.offset >= node.end);
            const line = lines[at];
            if (!tag || !line) return;
            if (tag.phase) line.phase = tag.phase as YearPhase;
            if (tag.standard) line.standardId = tag.standard.$refText;
            const key = lineKey(this.groups, line.year, line.phase, line.standardId);
            if (key !== undefined) line.key = key;
        });
    }

    /** The first cells of the notes of the row being built (`remembered`). */
    private rowNotes: CellModel[] | undefined = undefined;

    private yearLine(text: string, leaf: CstNode, columns: Measure[]): YearLine {
        // Hot path on national-scale tables: the line is one token, split here into its cells; cells
        // and the line keep offsets, not ranges (model/cells.ts).
        const offsets = yearLineCells(text, 0, text.length);
        const styles = this.stylesOf(columns);
        // Sized up front: an array grown by push keeps room for 17 cells (most of a line's memory at national scale).
        const cells = new Array<CellModel>(Math.min(columns.length, offsets.length / 2));
        let n = 0;
        let extra: number[] | undefined;
        // Columns the line's cells cover: one per cell, a note's span for a note.
        let covered = 0;
        let spans = false;
        for (let i = 0; i < offsets.length; i += 2) {
            const from = offsets[i], to = offsets[i + 1];
            if (covered >= columns.length) {
                (extra ??= []).push(from, to);
                const span = text.charCodeAt(from) === 0x22 ? noteParts(text.slice(from, to)).span : 1;
                if (span > 1) spans = true;
                covered += span;
                continue;
            }
            const printed = text.slice(from, to);
            if (isNoteText(printed)) {
                const { literal, span } = noteParts(printed);
                if (span > 1) spans = true;
                const note = unquote(literal);
                // A cell per column the note covers, up to the table's last: the same text and place.
                const fits = Math.min(span, columns.length - covered);
                for (let k = 0; k < fits; k++) {
                    const cell = new TableCell(columns[covered + k], leaf, from, to - from);
                    cell.note = { text: note, span, first: k === 0 };
                    cells[n++] = cell;
                    if (k === 0) (this.rowNotes ??= []).push(cell);
                }
                // Cells spanned past the table's last column count toward a wrong count of cells.
                if (span > fits) (extra ??= []).push(from, to);
                covered += span;
                continue;
            }
            const cell = new TableCell(columns[covered], leaf, from, printed.length);
            this.readCell(cell, printed, styles[covered]);
            cells[n++] = cell;
            covered++;
        }
        // A line with fewer cells than its offsets (a note spanning past the table's last column).
        if (n < cells.length) cells.length = n;
        // A year label ("2021:") is four digits by the lexer: always a year, never a year-malformed
        // finding, so it is not listed in model.years (one entry per line of a national table).
        const line = new YearLine(readYear(yearOfLine(text)) ?? NaN, leaf, extra, spans ? covered : undefined);
        line.cells = cells;
        return line;
    }

    /** A number, range or blank cell read under its column's style. */
    private readCell(cell: TableCell, printed: string, style: NumberStyle): void {
        if (printed.includes('..')) {
            const [low, high] = printed.split('..');
            const bound = (part: string): PrintedBound => {
                const read = readNumber(part, style);
                // A misstyled bound is reported as any number is (number-style), at its cell.
                if (read.problem) {
                    this.model.numbers.push({
                        printed: part, value: read.value, decimals: read.decimals, problem: read.problem, suggestion: read.suggestion,
                        style: style !== this.style ? style : undefined,
                        get range() { return cell.range; }
                    });
                }
                return { printed: part, value: read.value, decimals: read.decimals };
            };
            cell.bounds = [bound(low), bound(high)];
        } else if (printed !== '-') {
            this.read(cell, printed, style);
            this.model.numbers.push(cell);
        }
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

    /** Reads a cell's text under its column's style into it. */
    private read(cell: TableCell, text: string, style: NumberStyle): void {
        const read = readNumber(text, style);
        cell.value = read.value;
        cell.decimals = read.decimals;
        if (read.problem) {
            cell.problem = read.problem;
            cell.suggestion = read.suggestion;
            if (style !== this.style) cell.style = style;
        }
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

/** Strings that name something (its declaration, a reference's wording, a check's message) are not text of the plan. */
const NOT_TEXT = new Set([
    'Assignment.leadsAs', 'Assignment.coordinatesAs', 'TableCheck.message', 'TableCheck.messageEn',
    'DocNumberField.number', 'DocNumberField.code', 'ResolutionField.number', 'SignerField.name', 'LinkEnd.quote'
]);
const TITLES = new Set(['TextField:title', 'TextField:kind', 'IndicatorTable.title', 'TaskList.title', 'SolutionSection.title', 'DutyList.title']);
const HEADINGS = new Set(['Dimension.label', 'Dimension.heading', 'Indicator.label', 'SolutionGroup.title', 'Solution.heading', 'DutyItem.heading', 'FundingSource.label']);

/** What a string of a plan element is printed as, or undefined for one that is no text of the plan. */
function textKind(key: string): PlanText['where'] | undefined {
    if (NOT_TEXT.has(key)) return undefined;
    if (TITLES.has(key)) return 'title';
    if (HEADINGS.has(key)) return 'heading';
    return 'text';
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
        // A year's start is not its figure: its end is (printed as its own group).
        if (y.phase === 'start' && table.years.some(x => x.year === y.year && x.phase === 'end')) continue;
        const key = y.key ?? y.year;
        const totalCells = table.total ? lineIn(table.total, key) : undefined;
        const cell = totalCells?.cells.find(c => c.measure === measure);
        let value: PrintedNumber | undefined = cell?.number;
        if (!value) {
            const computed = table.expectedTotal.values[key]?.[measure];
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
export function buildPlanModel(root: ast.PlanDocument, uri: string, memo?: ModelMemo): PlanModel {
    return new ModelBuilder(root, uri, memo).build();
}
