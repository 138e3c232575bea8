// The plan view: the annexes as tables ready to render (header rows with spans, body rows with
// printed text and values), chart series and a findings summary. Built from the plan model alone;
// the preview webview and every exporter (DOCX, XLSX, CSV, HTML, Markdown) read this, so they all
// show the same cells. Pure: no vscode, LSP, DOM or Langium imports; serialisable as JSON.
import type {
    AnnexCell, AnnexColumn, AnnexRow, AnnexTable, CellKind, CellRef, ChartFigureKind, ChartTarget, ChartView, ChartWrongStep, PlanView, ViewFinding
} from '../../../common/view.js';
import {
    isRateColumn, printedName, yearKey, type CellModel, type StandardModel, type TableYearModel, type DistrictTableModel, type IdRef, type IndicatorModel, type IndicatorValueModel, type Measure, type PlanModel,
    type PredeclaredMeasure, type SourceRange, type TableRowModel, type TargetModel, type UnitLevel, type YearKind
} from '../model/types.js';
import { severityName } from '../../../common/locale.js';
import { say, type Args, type Words } from '../../../common/catalogue.js';
import { ANNEX, ANNEX_LOCALE, CHARTS, YEAR_HEADINGS, YEAR_HEADINGS_SHORT } from '../../../common/words/annex.js';
import { DIRECTIONS, MEASURES } from '../../../common/words/kinds.js';
import { YEAR_GROUP_WORDS } from '../../../common/words/years.js';
import { groupHeadingArgs, lineIn } from '../model/series.js';
import { documentRef, kindInSentence, shortDate } from './header.js';
import { markedDocument, type AnnexRefs } from './document.js';


/** A finding with its place, as the view builder takes it (LSP diagnostics and CLI findings both fit). */
export interface LocatedFinding extends ViewFinding { range: SourceRange }

/** A diagnostic as the view takes it (LSP's shape, without depending on LSP). */
export function locatedFinding(d: { severity?: number; code?: string | number; message: string; range: SourceRange }): LocatedFinding {
    return { severity: severityName(d.severity), code: String(d.code ?? ''), message: d.message, range: d.range };
}

/** The annexes' fixed words (common/words/annex.ts), in the language they are printed in. */
const w = (words: Words, args?: Args) => say(words, ANNEX_LOCALE, args);
const yearHeading = (kind: YearKind, year: number) => w(YEAR_HEADINGS[kind], { year });
/** A year column's heading cell, with its abbreviation for narrow screens. */
const yearHead = (kind: YearKind, year: number, extra: Partial<AnnexCell> = {}) =>
    head(yearHeading(kind, year), { short: w(YEAR_HEADINGS_SHORT[kind], { year }), ...extra });
/**
 * A year group's heading cell: as the plan writes it; else for a year printed twice (its start and
 * end, or two standards) made from its part and standard ("Cuối năm 2024", "Năm 2021 (chuẩn 2016–2020)");
 * else by the year's kind.
 */
function groupHead(y: TableYearModel, standards: readonly StandardModel[], extra: Partial<AnnexCell> = {}): AnnexCell {
    if (y.heading !== undefined) return head(y.heading, extra);
    if (y.phase || y.key !== undefined) return head(w(YEAR_GROUP_WORDS.heading, groupHeadingArgs(y, standards)), extra);
    return yearHead(y.kind, y.year, extra);
}
/** The text of a group's heading, for a chart's axis: the year alone where it is printed once. */
function groupLabel(y: Pick<TableYearModel, 'year'> & Partial<TableYearModel>, standards: readonly StandardModel[]): string {
    return y.heading !== undefined || y.phase || y.key !== undefined ? groupHead(y as TableYearModel, standards).text : String(y.year);
}
/** A column's heading: its declared label, else the predeclared measure's heading, else its id. */
const measureHeading = (m: Measure, t?: DistrictTableModel) =>
    t?.columnsById[m]?.label ?? (m in MEASURES ? w(MEASURES[m as PredeclaredMeasure].heading) : m);
const isRate = (t: DistrictTableModel, m: Measure) => isRateColumn(t.columnsById[m]);
/** A range cell as documents print it: "410–460". */
const cellText = (c: CellModel | undefined) => c?.bounds ? `${c.bounds[0].printed}–${c.bounds[1].printed}` : c?.number?.printed ?? '';
/** How many columns from `i` on hold the note that starts at `i` (its span within the table's columns). */
function coveredBy(cell: CellModel, columns: Measure[], i: number, byMeasure: Map<Measure, CellModel>): number {
    let span = 1;
    while (i + span < columns.length && byMeasure.get(columns[i + span])?.note && byMeasure.get(columns[i + span])!.offset === cell.offset) span++;
    return span;
}

/** A note printed in a table's cell ("Sáp nhập"), centred as offices print it, merged over the cells it spans. */
function noteCell(cell: CellModel, span: number, bold: boolean, findings: ViewFinding[] | undefined): AnnexCell {
    return { text: cell.note!.text, kind: 'text', align: 'center', bold, range: cell.range, ...(span > 1 ? { colSpan: span } : {}), ...(findings ? { findings } : {}) };
}

const annexLabel = (annex: string | undefined) => w(ANNEX.label, { annex: annex ?? '' }).trim();

function text(t: string, extra: Partial<AnnexCell> = {}): AnnexCell {
    return { text: t, kind: 'text', ...extra };
}

/** An STT cell: a number when it is written as one ("1"; spreadsheets then sort it as a number), else its text ("a", "1.1"). */
function ordinal(t: string, extra: Partial<AnnexCell> = {}): AnnexCell {
    return /^\d{1,9}$/.test(t)
        ? { text: t, kind: 'number', value: Number(t), decimals: 0, align: 'center', ...extra }
        : { text: t, kind: 'text', align: 'center', ...extra };
}

function head(t: string, extra: Partial<AnnexCell> = {}): AnnexCell {
    return { text: t, kind: 'text', bold: true, align: 'center', ...extra };
}

/** The agencies as the annex names them: in the wording a reference asks for (`as "…"`), else by their names. */
function agencyNames(refs: IdRef[]): string {
    return refs.map(printedName).join('; ');
}

const positionKey = (p: { line: number; character: number }) => `${p.line}:${p.character}`;
const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * The value a target is checked against (validation/rules/targets.ts does the same): the plan's
 * figure for that year, else its result or baseline, under the target's standard when it names one.
 */
function targetValue(indicator: IndicatorModel, target: TargetModel): IndicatorValueModel | undefined {
    const candidates = indicator.values.filter(v => v.year === target.year && v.value.value !== undefined
        && (target.standardId === undefined || v.standardId === undefined || v.standardId === target.standardId));
    return candidates.find(v => v.kind === 'plan') ?? candidates.find(v => v.kind === 'result' || v.kind === 'baseline') ?? candidates[0];
}

/**
 * A district-table row that stands as a placeholder in a light view: no finding and no target
 * concerns its lines, so its AnnexRow is a function of the row's model and its table's years and
 * columns alone (see ViewBuilder.isPlain), and is built only when it is sent.
 */
const PLACEHOLDER: AnnexRow = Object.freeze({ kind: 'row', cells: [] as AnnexCell[] }) as AnnexRow;

/** The rows of one annex body left as placeholders, by their index in the body. */
export interface PlainRows { table: DistrictTableModel; rows: (TableRowModel | undefined)[] }

class ViewBuilder {
    private readonly findingsByLine = new Map<number, LocatedFinding[]>();
    /** The lines that hold an indicator value a target is checked against. */
    private readonly targetLines = new Set<number>();
    /** In a light view: each district-table body's rows left as placeholders. */
    readonly plainRows = new Map<AnnexRow[], PlainRows>();
    /** The target declarations checked against each indicator value, by the start of the value's place. */
    private readonly targetsByValue = new Map<string, SourceRange[]>();
    /** Each finding a cell carries, to the finding it was copied from (to list the cells of a finding). */
    readonly sourceOf = new Map<ViewFinding, LocatedFinding>();

    constructor(private readonly model: PlanModel, findings: LocatedFinding[], private readonly light = false) {
        for (const f of findings) {
            for (let line = f.range.start.line; line <= f.range.end.line; line++) {
                const list = this.findingsByLine.get(line) ?? [];
                list.push(f);
                this.findingsByLine.set(line, list);
            }
        }
        const indicators = new Map(model.indicators.map(i => [i.id, i]));
        for (const t of model.targets) {
            const indicator = indicators.get(t.indicator.id);
            const value = indicator && !Number.isNaN(t.year) ? targetValue(indicator, t) : undefined;
            if (!value) continue;
            const key = positionKey((value.value.range ?? value.range).start);
            this.targetsByValue.set(key, [...this.targetsByValue.get(key) ?? [], t.range]);
            this.targetLines.add((value.value.range ?? value.range).start.line);
        }
    }

    /** The finding of a rule that starts where `range` starts (a chart marks what the checker found, nothing else). */
    private findingFor(code: string, range: SourceRange | undefined): LocatedFinding | undefined {
        if (!range) return undefined;
        const key = positionKey(range.start);
        return this.findingsByLine.get(range.start.line)?.find(f => f.code === code && positionKey(f.range.start) === key);
    }

    /**
     * Whether no finding and no target concerns any line of the row: its cells then carry no finding
     * and no related place (findingsAt and targetsOf look only at the lines of the cells' own places,
     * which lie inside the row's), so the row's AnnexRow depends on its model and its table only.
     */
    private isPlain(row: TableRowModel): boolean {
        // A row's range is made when asked (model/cells.ts): once here, not once a line.
        const { start, end } = row.range;
        for (let line = start.line; line <= end.line; line++) {
            if (this.findingsByLine.has(line) || this.targetLines.has(line)) return false;
        }
        return true;
    }

    /** A district-table row into the annex body: built, or in a light view a placeholder when it is plain. */
    private pushRow(body: AnnexRow[], t: DistrictTableModel, row: TableRowModel): void {
        if (!this.light || !this.isPlain(row)) {
            body.push(this.tableRow(t, row));
            return;
        }
        let plain = this.plainRows.get(body);
        if (!plain) this.plainRows.set(body, plain = { table: t, rows: [] });
        plain.rows[body.length] = row;
        body.push(PLACEHOLDER);
    }

    /** The targets a printed indicator value (an Annex 02 cell, or a table cell an indicator is computed from) is checked against. */
    private targetsOf(range: SourceRange | undefined): SourceRange[] | undefined {
        return range ? this.targetsByValue.get(positionKey(range.start)) : undefined;
    }

    /**
     * The findings whose range overlaps a cell's range, or one of the other places the cell stands for
     * (the target declarations its figure is checked against: a target not met marks the figure).
     */
    private findingsAt(range: SourceRange | undefined, related: SourceRange[] = []): ViewFinding[] | undefined {
        if (!range) return undefined;
        const hits: ViewFinding[] = [];
        const seen = new Set<LocatedFinding>();
        for (const r of [range, ...related]) {
            // The cell's own place by its first line (a missing year line is marked by what is on its
            // row's first line, not by every finding in the row); a target by all of its lines.
            for (let line = r.start.line; line <= (r === range ? r.start.line : r.end.line); line++) {
                for (const f of this.findingsByLine.get(line) ?? []) {
                    if (seen.has(f) || before(f.range.end, r.start) || before(r.end, f.range.start)) continue;
                    seen.add(f);
                    const copy: ViewFinding = { severity: f.severity, code: f.code, message: f.message };
                    this.sourceOf.set(copy, f);
                    hits.push(copy);
                }
            }
        }
        return hits.length > 0 ? hits : undefined;
    }

    /** A cell that prints an indicator's figure: its own place, the targets checked against it, and the findings of both. */
    private valueCell(range: SourceRange | undefined): Pick<AnnexCell, 'range' | 'related' | 'findings'> {
        const related = this.targetsOf(range);
        return { range, ...(related ? { related } : {}), findings: this.findingsAt(range, related) };
    }

    private subtitle(): string {
        const h = this.model.header;
        return w(ANNEX.attachedTo, { kind: kindInSentence(h), ref: documentRef(h), date: shortDate(h.date), issuer: (h.issuerShort ?? h.issuer ?? '').trim() });
    }

    build(): AnnexTable[] {
        const annexes: AnnexTable[] = [];
        for (const t of this.model.tables) annexes.push(this.districtTable(t));
        for (const it of this.model.indicatorTables) annexes.push(this.indicatorTable(it.title, it.annex, it.range));
        for (const list of this.model.taskLists) annexes.push(this.taskTable(list));
        // Annexes in the order they are numbered; unnumbered ones keep document order at the end.
        return annexes.sort((a, b) => (Number(a.number) || 1e9) - (Number(b.number) || 1e9));
    }

    private districtTable(t: DistrictTableModel): AnnexTable {
        const years = t.years;
        const columns: AnnexColumn[] = [
            { key: 'no', kind: 'text', width: 4 }, { key: 'district', kind: 'text', width: 14 },
            ...years.flatMap(y => t.columns.map(m => ({ key: `${yearKey(y)}:${m}`, kind: (isRate(t, m) ? 'rate' : 'count') as CellKind, width: 8 })))
        ];
        const header: AnnexRow[] = [
            { kind: 'header', cells: [head(w(ANNEX.no), { rowSpan: 2 }), head(t.rowHeader ?? this.unitHeading(t), { rowSpan: 2 }),
                ...years.map(y => groupHead(y, this.model.standards, { colSpan: t.columns.length, range: y.range }))] },
            { kind: 'header', cells: years.flatMap(() => t.columns.map(m => head(measureHeading(m, t)))) }
        ];
        const body: AnnexRow[] = [];
        const span = columns.length;
        // Totals stand where the plan prints them: first ("Toàn tỉnh", then the districts) or last.
        if (t.total && t.totalFirst) this.pushRow(body, t, t.total);
        for (const section of t.sections) {
            if (section.label !== undefined) {
                body.push({ kind: 'section', line: section.range?.start.line, cells: [
                    head(section.label, { align: 'center', range: section.range }),
                    text(section.title ?? '', { bold: true, colSpan: span - 1 })
                ] });
            }
            if (section.subtotal && section.subtotalFirst) this.pushRow(body, t, section.subtotal);
            for (const row of section.rows) this.pushRow(body, t, row);
            if (section.subtotal && !section.subtotalFirst) this.pushRow(body, t, section.subtotal);
        }
        if (t.total && !t.totalFirst) this.pushRow(body, t, t.total);
        return {
            number: t.annex ?? '', label: annexLabel(t.annex), heading: t.heading, title: t.title,
            subtitle: this.subtitle(), orientation: columns.length > 8 ? 'landscape' : 'portrait',
            columns, header, body, source: { kind: 'district-table', id: t.id, range: t.range }
        };
    }

    /** The row-label heading follows the units the rows stand for (Huyện/TX/TP, Vùng, Xã/phường/thị trấn…). */
    private unitHeading(t: DistrictTableModel): string {
        const levels = new Set<UnitLevel>();
        const byId = new Map(this.model.districts.map(d => [d.id, d]));
        for (const s of t.sections) for (const r of s.rows) {
            const unit = r.district ? byId.get(r.district.id) : undefined;
            if (unit) levels.add(unit.level);
        }
        if (levels.size > 1) return w(ANNEX.unitMixed);
        const level = [...levels][0] ?? 'district';
        return w(level === 'district' ? ANNEX.district : level === 'region' ? ANNEX.unitRegion : level === 'province' ? ANNEX.unitProvince : ANNEX.unitCommune);
    }

    tableRow(t: DistrictTableModel, row: TableRowModel): AnnexRow {
        const bold = row.kind !== 'row';
        const cells: AnnexCell[] = row.kind === 'row'
            ? [ordinal(row.no?.printed ?? '', { range: row.no?.range }),
                text(row.label, { range: row.district?.range, findings: this.findingsAt(row.district?.range) })]
            : [text(row.label, { bold, colSpan: 2, align: 'center', range: row.range })];
        for (const y of t.years) {
            const line = lineIn(row, yearKey(y));
            // Each line's cells by column, once: a search per column was quadratic in a table's width.
            const byMeasure = new Map<Measure, CellModel>();
            for (const c of line?.cells ?? []) if (!byMeasure.has(c.measure)) byMeasure.set(c.measure, c);
            for (let i = 0; i < t.columns.length; i++) {
                const m = t.columns[i];
                const cell = byMeasure.get(m);
                if (cell?.note) {
                    // A note as printed, one merged cell over the columns it spans (the cells after its first are covered).
                    if (cell.note.first) cells.push(noteCell(cell, coveredBy(cell, t.columns, i, byMeasure), bold, this.findingsAt(cell.range)));
                    continue;
                }
                const n = cell?.number;
                const related = cell && n ? this.targetsOf(cell.range) : undefined;
                cells.push({
                    text: cellText(cell), value: n?.value, kind: isRate(t, m) ? 'rate' : 'count',
                    decimals: n?.decimals, align: 'right', bold,
                    range: cell?.range ?? line?.range, ...(related ? { related } : {}),
                    findings: this.findingsAt(cell && (n || cell.bounds) ? cell.range : line ? undefined : row.range, related)
                });
            }
        }
        return { kind: row.kind, cells, line: row.range.start.line };
    }

    private indicatorTable(title: string, annex: string | undefined, range: SourceRange): AnnexTable {
        const dims = this.model.dimensions;
        const byId = new Map(this.model.indicators.map(i => [i.id, i]));
        const indicators = dims.flatMap(d => d.indicatorIds.map(id => byId.get(id)!).filter(Boolean));
        const baselineYears = new Set<number>();
        const planYears = new Set<number>();
        for (const i of indicators) {
            for (const v of i.values) (v.kind === 'baseline' ? baselineYears : v.kind === 'plan' ? planYears : new Set<number>()).add(v.year);
        }
        const yearCols = [...[...baselineYears].sort().map(y => ({ y, kind: 'result' as const })),
            ...[...planYears].filter(y => !baselineYears.has(y)).sort().map(y => ({ y, kind: 'plan' as const }))];
        const columns: AnnexColumn[] = [
            // The agency column holds "Sở Lao động - Thương binh và Xã hội" on two lines.
            { key: 'no', kind: 'text', width: 3 }, { key: 'indicator', kind: 'text', width: 50 }, { key: 'unit', kind: 'text', width: 4 },
            ...yearCols.map(c => ({ key: String(c.y), kind: 'number' as CellKind, width: 8 })),
            { key: 'agency', kind: 'text', width: 19 }
        ];
        const header: AnnexRow[] = [{ kind: 'header', cells: [
            head(w(ANNEX.noLower)), head(w(ANNEX.indicators)), head(w(ANNEX.unit)),
            ...yearCols.map(c => yearHead(c.kind, c.y)), head(w(ANNEX.implementer))
        ] }];
        const body: AnnexRow[] = [];
        let agencyCell: AnnexCell | undefined;
        dims.forEach((d, di) => {
            d.indicatorIds.forEach((id, ii) => {
                const i = byId.get(id);
                if (!i) return;
                // The first indicator of a dimension runs on from the dimension's label, in bold as published.
                const label = ii === 0 ? `- ${d.heading ?? d.name}:` : undefined;
                const name = `${d.indicatorIds.length > 1 ? '+ ' : ''}${i.name}`;
                const cells: AnnexCell[] = [
                    ordinal(ii === 0 ? String(di + 1) : ''),
                    text(label ? `${label} ${name}` : name, {
                        runs: label ? [{ text: label, bold: true }, { text: ` ${name}` }] : undefined,
                        range: i.nameRange, findings: this.findingsAt(i.nameRange)
                    }),
                    text(i.unitKind === 'percent' ? '%' : i.unitKind === 'households' ? w(ANNEX.unitHouseholds) : i.unitKind === 'persons' ? w(ANNEX.unitPersons) : i.unit ?? '', { align: 'center' })
                ];
                for (const c of yearCols) {
                    const v = i.values.find(x => x.year === c.y && (c.kind === 'result' ? x.kind === 'baseline' : x.kind === 'plan'));
                    cells.push({ text: v?.value.printed ?? '', value: v?.value.value, kind: 'number', decimals: v?.value.decimals,
                        align: 'right', ...this.valueCell(v?.value.range) });
                }
                // As the published annex does, one agency cell spans the consecutive indicators of a
                // dimension that the same agency carries out.
                const agency = agencyNames(i.assignment.leads);
                const above = ii > 0 ? agencyCell : undefined;
                if (above && above.text === agency && agency !== '') {
                    above.rowSpan = (above.rowSpan ?? 1) + 1;
                } else {
                    agencyCell = text(agency, { range: i.assignment.range, findings: this.findingsAt(i.assignment.range) });
                    cells.push(agencyCell);
                }
                body.push({ kind: 'row', cells, line: i.range.start.line });
            });
        });
        return {
            number: annex ?? '', label: annexLabel(annex), title, subtitle: this.subtitle(),
            orientation: 'landscape', columns, header, body, source: { kind: 'indicators', range }
        };
    }

    private taskTable(list: PlanModel['taskLists'][number]): AnnexTable {
        const columns: AnnexColumn[] = [
            // The agency columns hold "Sở Lao động - Thương binh và Xã hội" on two lines.
            { key: 'no', kind: 'text', width: 4 }, { key: 'task', kind: 'text', width: 40 }, { key: 'lead', kind: 'text', width: 19 },
            { key: 'coordinate', kind: 'text', width: 19 }, { key: 'year', kind: 'year', width: 10 }, { key: 'note', kind: 'text', width: 6 }
        ];
        const header: AnnexRow[] = [{ kind: 'header', cells: [
            head(w(ANNEX.noLower)), head(w(ANNEX.task)), head(w(ANNEX.lead)), head(w(ANNEX.coordinate)),
            head(w(ANNEX.submit)), head(w(ANNEX.note))
        ] }];
        const body: AnnexRow[] = list.tasks.map(t => ({ kind: 'row' as const, line: t.range.start.line, cells: [
            ordinal(t.no.printed, { range: t.no.range, findings: this.findingsAt(t.no.range) }),
            text(t.text, { range: t.range }),
            text(agencyNames(t.assignment.leads), { range: t.assignment.range }),
            text(agencyNames(t.assignment.coordinates)),
            { text: t.submitYear !== undefined ? yearHeading('plan', t.submitYear) : '', value: t.submitYear, kind: 'year' as CellKind, align: 'center' as const,
                range: t.submitRange, findings: this.findingsAt(t.submitRange) },
            text(t.note ?? '')
        ] }));
        return {
            number: list.annex ?? '', label: annexLabel(list.annex), title: list.title, subtitle: this.subtitle(),
            orientation: 'landscape', columns, header, body, source: { kind: 'tasks', range: list.range }
        };
    }

    /** "kết quả 2021–2022, kế hoạch 2023–2025": the chart's years, run by run of one kind. */
    private yearsPhrase(years: { year: number; kind: YearKind }[]): string {
        const runs: { kind: YearKind; from: number; to: number }[] = [];
        for (const y of years) {
            const last = runs.at(-1);
            if (last && last.kind === y.kind) last.to = y.year;
            else runs.push({ kind: y.kind, from: y.year, to: y.year });
        }
        const said = runs.map(r => w(CHARTS.run, { kind: r.kind, from: r.from, to: r.to === r.from ? '' : r.to }));
        return said.length <= 1 ? said.join('') : `${said.slice(0, -1).join(', ')}${w(CHARTS.and)}${said.at(-1)!}`;
    }

    private titled(what: string, years: { year: number; kind: YearKind }[]): string {
        // An indicator named with a full stop ("… internet.") is not followed by ".:".
        const name = what.replace(/\.\s*$/, '');
        return years.length > 0 ? w(CHARTS.titled, { what: name, years: this.yearsPhrase(years) }) : name;
    }

    /** The plan's targets of an indicator, as a chart draws them (a change is drawn at the level it asks for). */
    private chartTargets(indicator: IndicatorModel, extra: TargetModel[] = []): ChartTarget[] {
        const out: ChartTarget[] = [];
        const printed = (n: { printed: string } | undefined) => (n ? (indicator.unitKind === 'percent' && !n.printed.endsWith('%') ? `${n.printed}%` : n.printed) : '');
        for (const t of [...this.model.targets.filter(x => x.indicator.id === indicator.id), ...extra]) {
            const c = t.comparison;
            if (!c || Number.isNaN(t.year)) continue;
            const label = String(t.year);
            if (c.change) {
                const baseYear = c.fromYear ?? t.year - 1;
                const base = indicator.values.find(v => v.year === baseYear && v.kind !== 'plan' && v.value.value !== undefined)
                    ?? indicator.values.find(v => v.year === baseYear && v.value.value !== undefined);
                const b = base?.value.value;
                if (b === undefined) continue;
                const sign = c.change === 'down-by' ? -1 : 1;
                const by = c.low && c.high ? `${c.low.printed}–${c.high.printed}` : c.value?.printed ?? '';
                const text = w(CHARTS.targetChange, { change: c.change === 'down-by' ? 'down' : 'up', by, year: baseYear });
                if (c.low?.value !== undefined && c.high?.value !== undefined) {
                    const [a, z] = [b + sign * c.low.value, b + sign * c.high.value];
                    out.push({ label, op: 'between', low: Math.min(a, z), high: Math.max(a, z), text });
                } else if (c.value?.value !== undefined) {
                    out.push({ label, op: c.change === 'down-by' ? 'at-most' : 'at-least', value: b + sign * c.value.value, text });
                }
                continue;
            }
            if (c.op === 'between') {
                if (c.low?.value === undefined || c.high?.value === undefined) continue;
                out.push({ label, op: 'between', low: c.low.value, high: c.high.value, text: w(CHARTS.targetBetween, { low: c.low.printed, high: printed(c.high) }) });
                continue;
            }
            const v = c.value?.value;
            if (v === undefined) continue;
            const words = { below: CHARTS.targetBelow, 'at-most': CHARTS.targetAtMost, about: CHARTS.targetAbout, 'at-least': CHARTS.targetAtLeast, above: CHARTS.targetAbove, equal: CHARTS.targetEqual }[c.op];
            const tolerance = c.op === 'about' ? c.tolerance?.value : undefined;
            out.push({ label, op: c.op, value: v, ...(tolerance !== undefined ? { low: v - tolerance, high: v + tolerance } : {}), text: w(words, { value: printed(c.value) }) });
        }
        return out;
    }

    /** A chart's wrong steps and their legend key, when it has any. */
    private stepsOf(indicator: IndicatorModel, path: { year: number; model?: IndicatorValueModel }[]): Pick<ChartView, 'wrongSteps' | 'keys'> {
        const steps = this.wrongSteps(indicator, path);
        return steps.length > 0 ? { wrongSteps: steps, keys: { wrongStep: w(CHARTS.wrongStepKey) } } : {};
    }

    /** The targets' marks, each with "chưa đạt" where the checker found it not met (a strict "dưới 9" met only at 9 too). */
    private markedTargets(indicator: IndicatorModel, extra: TargetModel[] = []): ChartTarget[] {
        const targets = [...this.model.targets.filter(x => x.indicator.id === indicator.id), ...extra];
        const marks = this.chartTargets(indicator, extra);
        for (const mark of marks) {
            const target = targets.find(t => String(t.year) === mark.label && t.comparison
                && this.findingFor('target-not-met', t.comparison.range) !== undefined);
            if (!target) continue;
            const owner = this.model.indicators.find(i => i.id === target.indicator.id);
            const actual = owner ? targetValue(owner, target) : undefined;
            const shown = actual ? (owner?.unitKind === 'percent' && !actual.value.printed.endsWith('%') ? `${actual.value.printed}%` : actual.value.printed) : '';
            mark.missed = w(CHARTS.targetMissed, { actual: shown });
        }
        return marks;
    }

    /**
     * The steps of an indicator's path the checker found in the wrong direction (wrong-direction is
     * reported at the figure the step leads to), each said from the year the rule compared it with.
     */
    private wrongSteps(indicator: IndicatorModel, path: { year: number; model?: IndicatorValueModel }[]): ChartWrongStep[] {
        if (!indicator.direction) return [];
        const steps: ChartWrongStep[] = [];
        path.forEach((p, i) => {
            if (!p.model || !this.findingFor('wrong-direction', p.model.value.range)) return;
            const before = path.slice(0, i).reverse().find(x => x.model?.value.value !== undefined);
            if (!before) return;
            steps.push({
                series: 0, to: String(p.year),
                note: w(CHARTS.wrongStep, {
                    change: p.model.value.value! > before.model!.value.value! ? 'up' : 'down', year: before.year,
                    direction: w(DIRECTIONS[indicator.direction!])
                })
            });
        });
        return steps;
    }

    charts(): ChartView[] {
        const charts: ChartView[] = [];
        const t = this.model.tables[0];
        const standardName = (id: string | undefined) => this.model.standards.find(s => s.id === id)?.name ?? id ?? '';
        /** A break where a year's standard differs from the year before's (both given). */
        const breaksOf = (years: (Pick<TableYearModel, 'year'> & Partial<TableYearModel>)[]) => years.flatMap((y, i) => {
            const before = years[i - 1];
            return before?.standardId && y.standardId && before.standardId !== y.standardId
                ? [{ label: groupLabel(y, this.model.standards), note: w(CHARTS.standardBreak, { standard: standardName(y.standardId) }) }] : [];
        });
        /** Estimates and actuals are not final results: drawn like plans only when planned. */
        const figureKind = (k: YearKind): ChartFigureKind => (k === 'plan' || k === 'estimate' ? 'plan' : 'result');
        if (t) {
            const labels = t.years.map(y => groupLabel(y, this.model.standards));
            const rowsOf = (): TableRowModel[] => t.sections.flatMap(s => s.rows);
            // A district listed in several sections (urban / rural) is named with its section in charts.
            const sectioned = t.sections.filter(s => s.rows.length > 0).length > 1;
            const labelOf = new Map(t.sections.flatMap(s => s.rows.map(r => [r, sectioned && s.title ? `${r.label} (${s.title})` : r.label] as const)));
            const valueOf = (row: TableRowModel, y: TableYearModel, m: Measure) =>
                lineIn(row, yearKey(y))?.cells.find(c => c.measure === m)?.number?.value ?? null;
            const rateMeasure: Measure | undefined = t.columns.find(m => m === 'poor-rate') ?? t.columns.find(m => isRate(t, m));
            const rangeOf = (row: TableRowModel, y: TableYearModel, m: Measure) => {
                const b = lineIn(row, yearKey(y))?.cells.find(c => c.measure === m)?.bounds;
                return b && b[0].value !== undefined && b[1].value !== undefined ? { low: Math.min(b[0].value, b[1].value), high: Math.max(b[0].value, b[1].value) } : null;
            };
            const rateSeries = rateMeasure ? rowsOf().map(r => {
                const ranges = t.years.map(y => rangeOf(r, y, rateMeasure));
                return { label: labelOf.get(r)!, data: t.years.map(y => valueOf(r, y, rateMeasure)), ...(ranges.some(x => x) ? { ranges } : {}) };
            }) : [];
            // A rate column with no figure and no range (all blank) is not drawn: an empty 0–1 chart says nothing.
            if (rateMeasure && rateSeries.some(s => s.data.some(v => v !== null) || s.ranges)) {
                // Another rate than the poverty rate (a reduction, "Tỷ lệ hộ nghèo giảm") is titled as printed.
                const column = t.columnsById[rateMeasure];
                const what = rateMeasure === 'poor-rate' || !column?.label ? w(CHARTS.districtRates) : column.label;
                charts.push({
                    id: 'district-rates', type: 'line', unit: '%', labels, axis: 'year', kinds: t.years.map(y => figureKind(y.kind)), breaks: breaksOf(t.years),
                    title: this.titled(what, t.years),
                    series: rateSeries
                });
            }
            // Households and poor households differ by two orders of magnitude: one chart each, never
            // two axes (which would draw 365 poor households taller than 50.204 households).
            const last = t.years.at(-1);
            if (last && t.columns.includes('households')) {
                charts.push({
                    id: 'households', type: 'bar', unit: w(CHARTS.householdsUnit), labels: rowsOf().map(r => labelOf.get(r)!),
                    title: this.titled(w(CHARTS.households), [last]),
                    series: [{ label: w(CHARTS.seriesOf, { kind: last.kind, year: last.year }), kind: figureKind(last.kind), data: rowsOf().map(r => valueOf(r, last, 'households')) }]
                });
            }
            if (last && t.columns.includes('poor')) {
                // The last result beside the last year, when that is a plan: where the plan starts from, on one scale.
                const lastResult = figureKind(last.kind) === 'plan' ? [...t.years].reverse().find(y => figureKind(y.kind) === 'result') : undefined;
                const years = lastResult ? [lastResult, last] : [last];
                charts.push({
                    id: 'poor-households', type: 'bar', unit: w(CHARTS.householdsUnit), labels: rowsOf().map(r => labelOf.get(r)!),
                    title: this.titled(w(CHARTS.poorHouseholds), years),
                    series: years.map(y => ({ label: w(CHARTS.seriesOf, { kind: y.kind, year: y.year }), kind: figureKind(y.kind), data: rowsOf().map(r => valueOf(r, y, 'poor')) }))
                });
            }
        }
        /** An indicator's figures by year: results where there are, else plans; and their kinds. */
        const pathOf = (i: IndicatorModel, years: number[]) => years.map(y => {
            const v = i.values.find(x => x.year === y && x.kind !== 'plan' && x.kind !== 'actual') ?? i.values.find(x => x.year === y && x.kind === 'plan');
            // A year with no figure (a target's year beyond the plan's) is to come: a plan's.
            return { year: y, value: v?.value.value ?? null, kind: (v && v.kind !== 'plan' ? 'result' : 'plan') as YearKind, model: v };
        });
        // The province's rate against its targets: the indicator computed from the table, and its targets.
        const rateIndicator = this.model.indicators.find(i => {
            const table = i.computed && this.model.tables.find(x => x.id === i.computed!.tableId);
            return table !== undefined && isRate(table, i.computed!.measure);
        });
        if (rateIndicator) {
            const orientation = this.model.header.orientationYear?.year;
            // "Không còn hộ nghèo" in the orientation year: no poor households is a rate of 0.
            const zeroTargets = this.model.targets.filter(x => x.year === orientation && x.comparison?.op === 'equal' && x.comparison.value?.value === 0
                && x.indicator.id !== rateIndicator.id);
            const targets = this.markedTargets(rateIndicator, zeroTargets);
            const years = [...new Set([...rateIndicator.values.map(v => v.year), ...targets.map(x => Number(x.label))])].sort((a, b) => a - b);
            if (orientation !== undefined && !years.includes(orientation)) years.push(orientation);
            const path = pathOf(rateIndicator, years);
            const standardOf = (y: number) => rateIndicator.values.find(v => v.year === y)?.standardId;
            const withFigures = path.filter(p => p.value !== null);
            charts.push({
                id: 'province-rate', type: 'line', unit: '%', labels: years.map(String), axis: 'year', kinds: path.map(p => figureKind(p.kind)),
                breaks: breaksOf(years.map(y => ({ year: y, standardId: standardOf(y) }))),
                title: this.titled(w(CHARTS.provinceRate, { name: rateIndicator.name }), withFigures),
                series: [{ label: rateIndicator.name, data: path.map(p => p.value) }],
                targets, ...this.stepsOf(rateIndicator, path)
            });
        }
        for (const i of this.model.indicators) {
            if (i.computed || !i.dimensionId) continue;
            const targets = this.markedTargets(i);
            const years = [...new Set([...i.values.filter(v => v.kind !== 'actual').map(v => v.year), ...targets.map(x => Number(x.label))])]
                .filter(y => !Number.isNaN(y)).sort((a, b) => a - b);
            const path = pathOf(i, years);
            charts.push({
                id: `indicator-${i.id}`, type: 'line', unit: i.unit === 'percent' ? '%' : i.unit, labels: years.map(String), axis: 'year',
                kinds: path.map(p => figureKind(p.kind)),
                title: this.titled(i.name, path.filter(p => p.value !== null)),
                series: [{ label: i.name, data: path.map(p => p.value) }],
                targets, ...this.stepsOf(i, path)
            });
        }
        return charts;
    }
}

/** Builds the view of a plan; `findings` (diagnostics) mark the cells they concern. */
export function buildPlanView(model: PlanModel, findings: LocatedFinding[] = []): PlanView {
    return assemble(model, findings, new ViewBuilder(model, findings));
}

/**
 * The view of a plan with its plain district-table rows (no finding, no target on their lines) left
 * as placeholders: everything else is as buildPlanView builds it. The preview's answers (keeper.ts)
 * build a plain row only when it is sent; `row` builds it exactly as buildPlanView would.
 */
export interface LightPlanView {
    view: PlanView;
    /** Each district-table body (by its array in `view`) and its placeholders' row models. */
    plain: ReadonlyMap<AnnexRow[], PlainRows>;
    row(table: DistrictTableModel, row: TableRowModel): AnnexRow;
}

export function buildLightPlanView(model: PlanModel, findings: LocatedFinding[] = []): LightPlanView {
    const builder = new ViewBuilder(model, findings, true);
    const view = assemble(model, findings, builder);
    return { view, plain: builder.plainRows, row: (t, r) => builder.tableRow(t, r) };
}

/** What a plain row's AnnexRow depends on besides its model: its table's years and columns, and which columns are rates. */
export function rowContext(t: DistrictTableModel): string {
    return JSON.stringify([t.years.map(y => y.year), t.columns.map(m => [m, isRate(t, m)])]);
}

function assemble(model: PlanModel, findings: LocatedFinding[], builder: ViewBuilder): PlanView {
    const h = model.header;
    const annexes = builder.build();
    const refs: AnnexRefs = {
        tables: new Map(annexes.filter(a => a.source.kind === 'district-table' && a.source.id !== undefined).map(a => [a.source.id!, a.label])),
        indicators: annexes.find(a => a.source.kind === 'indicators')?.label,
        tasks: annexes.filter(a => a.source.kind === 'tasks').map(a => ({ label: a.label, title: a.title }))
    };
    // Each finding's cells, for the reviewer's list to go to them.
    const cellsOf = new Map<LocatedFinding, CellRef[]>();
    annexes.forEach((a, annex) => a.body.forEach((r, row) => r.cells.forEach((c, cell) => {
        for (const f of c.findings ?? []) {
            const source = builder.sourceOf.get(f);
            if (!source) continue;
            const cells = cellsOf.get(source);
            if (cells) cells.push({ annex, row, cell }); else cellsOf.set(source, [{ annex, row, cell }]);
        }
    })));
    // Each finding where it stands in the text too; one no cell marks always somewhere in it.
    const { document, places } = markedDocument(model, refs, findings, f => cellsOf.has(f));
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of findings) counts[f.severity]++;
    return {
        uri: model.uri, id: model.id, numberStyle: model.numberStyle,
        header: {
            number: `${h.number ?? ''}/${h.code ?? ''}`, issuer: h.issuer, place: h.place,
            date: h.date ? w(ANNEX.date, { day: h.date.day ?? '…', month: h.date.month ?? '…', year: h.date.year ?? '…' }) : undefined,
            kind: h.kind, title: h.title ?? model.title,
            period: h.period ? `${h.period.from}–${h.period.to}` : undefined, orientationYear: h.orientationYear?.year
        },
        annexes,
        document,
        charts: builder.charts(),
        findings: counts,
        findingList: [...findings]
            .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
            .map(f => {
                const { severity, code, message, range } = f;
                const cells = cellsOf.get(f);
                const place = places.get(f);
                return { severity, code, message, range, ...(cells ? { cells } : {}), ...(place ?? {}) };
            })
    };
}
