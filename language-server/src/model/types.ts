// The plan model: a pure, serialisable view of one plan with computed values. The preview, the CLI,
// the exporters and the validator read this, never the syntax tree. No vscode, LSP or DOM imports.
import type { NumberStyle } from '../../../common/numbers.js';

/** 0-based line/character positions, as LSP counts them. */
export type { Position, SourceRange } from '../../../common/view.js';
import type { SourceRange } from '../../../common/view.js';

/** A number as the document prints it, read under the plan's number style. */
export interface PrintedNumber {
    printed: string;
    /** Undefined when the printed text does not fit the declared style. */
    value?: number;
    decimals: number;
    readonly range: SourceRange;
    problem?: 'wrong-style' | 'malformed';
    suggestion?: string;
    /**
     * The style the number was read under, when it has a problem and was read under its column's
     * style (a table's or a column's `number-style`) rather than the plan's.
     */
    style?: NumberStyle;
}

/** A reference by short id to an agency, district, indicator, …; `resolved` says whether it is declared. */
export interface IdRef {
    id: string;
    resolved: boolean;
    /** The referred element's printed name, when resolved. */
    name?: string;
    range: SourceRange;
    /**
     * The wording a reference asks the annexes to print (`lead NNPTNT as "Sở Nông nghiệp và PTNT"`),
     * with the agency's declared names (its name, short names and aliases) when the reference is
     * resolved: the wording should be one of them.
     */
    printedAs?: { text: string; range: SourceRange; names?: string[] };
}

/** The name to print for a reference: the wording it asks for, else the declared name, else its id. */
export function printedName(ref: IdRef): string {
    return ref.printedAs?.text ?? ref.name ?? ref.id;
}

export type YearKind = 'result' | 'plan' | 'estimate' | 'actual';
/** A table column's id: one of the predeclared measures or a column the table declares. */
export type Measure = string;
/** The predeclared columns, which every table knows without declaring them. */
export type PredeclaredMeasure = 'households' | 'poor' | 'poor-rate' | 'near-poor' | 'near-poor-rate' | 'multidim' | 'multidim-rate';

/** households and persons are counted (whole, summable); percent and points are rates; custom is neither. */
export type ColumnUnit = 'households' | 'persons' | 'percent' | 'points' | 'custom';

export type ColumnDefinitionModel =
    /** count ÷ base × 100. */
    | { kind: 'rate'; count: Measure; base: Measure }
    /** The sum of the parts (counts, or rates of one base). */
    | { kind: 'sum'; parts: Measure[] }
    /** This year = the year before + Σ sign × column (this year's flows). */
    | { kind: 'flow'; terms: { sign: 1 | -1; column: Measure }[] }
    /**
     * A change of `column` from an earlier year group to the line's (model/series.ts): `change` signed
     * (later − earlier), `decrease` a fall printed positive, `increase` a rise. In the column's unit:
     * points or a count unit, the difference; percent, the difference in percent of the earlier value.
     * Without `fromYear` / `fromPhase`: the group the line follows (the year before, or the start of its year).
     */
    | { kind: 'change'; direction: 'change' | 'decrease' | 'increase'; column: Measure; fromYear?: number; fromPhase?: YearPhase };

/** The start or the end of a year ("Đầu năm 2024", "Cuối năm 2024"): two column groups of one year. */
export type YearPhase = 'start' | 'end';

/**
 * What a year line and a table's year group are keyed by: the year itself, or for a group that is a
 * part of a year or one of its standards (a year printed twice) a text such as "2024 end" (yearKey).
 */
export type YearKey = number | string;

/** The key of a line or a year group: its year, unless it is one of several groups of that year. */
export function yearKey(y: { year: number; key?: string }): YearKey {
    return y.key ?? y.year;
}

export interface ColumnModel {
    id: Measure;
    /** The declared heading; absent for a predeclared column (its heading is in the catalogue). */
    label?: string;
    unit: ColumnUnit;
    customUnit?: string;
    definition?: ColumnDefinitionModel;
    /**
     * A definition that runs through the column itself (model/definitions.ts), with one way round
     * from the column back to it: kept here instead of `definition`, so that no check computes with it.
     */
    circular?: { definition: ColumnDefinitionModel; cycle: Measure[] };
    predeclared: boolean;
    /** The declaration, for a declared column. */
    range?: SourceRange;
    /** Where a change column writes its unit (change-unit points there). */
    unitRange?: SourceRange;
    /** The style its cells are printed in, where the table or the column declares one other than the plan's. */
    numberStyle?: NumberStyle;
}

/** The style a column's cells are read and printed in: its own, else the plan's. */
export function columnStyle(column: ColumnModel | undefined, planStyle: NumberStyle): NumberStyle {
    return column?.numberStyle ?? planStyle;
}

const households = (id: PredeclaredMeasure, definition?: ColumnDefinitionModel): ColumnModel => ({ id, unit: 'households', definition, predeclared: true });
const percent = (id: PredeclaredMeasure, count: Measure): ColumnModel => ({ id, unit: 'percent', definition: { kind: 'rate', count, base: 'households' }, predeclared: true });

/** The seven measures of the seed's tables, as if every table declared them. */
export const PREDECLARED_COLUMNS: readonly ColumnModel[] = [
    households('households'), households('poor'), percent('poor-rate', 'poor'),
    households('near-poor'), percent('near-poor-rate', 'near-poor'),
    households('multidim', { kind: 'sum', parts: ['poor', 'near-poor'] }), percent('multidim-rate', 'multidim')
];

export const COUNT_UNITS: readonly ColumnUnit[] = ['households', 'persons'];

export function isCountColumn(c: ColumnModel | undefined): boolean {
    return c !== undefined && COUNT_UNITS.includes(c.unit);
}

export function isRateColumn(c: ColumnModel | undefined): boolean {
    return c !== undefined && (c.unit === 'percent' || c.unit === 'points');
}

export interface PlanDate { day?: number; month?: number; year?: number; printed: string; range: SourceRange }

export interface PlanHeader {
    number?: string;
    code?: string;
    issuer?: string;
    issuerShort?: string;
    place?: string;
    kind?: string;
    title?: string;
    preamble?: string;
    date?: PlanDate;
    period?: { from: number; to: number; range: SourceRange };
    orientationYear?: { year: number; range: SourceRange };
    resolution?: { number: string; date?: PlanDate; body?: string; about?: string };
    signer?: { name: string; position?: string; authority?: string; deputy?: string };
    recipients: string[];
}

export interface ProseModel { kind: 'purpose' | 'requirement' | 'objective' | 'closing'; text: string; range: SourceRange }

export interface StandardModel { id: string; name: string; basis?: string; from?: number; to?: number; range: SourceRange; nameRange: SourceRange }

export interface AgencyModel {
    id: string;
    name: string;
    kind?: string;
    shortNames: string[];
    aliases: string[];
    range: SourceRange;
    nameRange: SourceRange;
}

export type UnitLevel = 'district' | 'region' | 'province' | 'commune';

/** A unit a table's rows stand for: a district, or a region, province or commune. */
export interface DistrictModel {
    id: string;
    name: string;
    fullName?: string;
    level: UnitLevel;
    kind?: 'huyen' | 'thi-xa' | 'thanh-pho' | 'quan' | 'xa' | 'phuong' | 'thi-tran';
    range: SourceRange;
    nameRange: SourceRange;
}

export interface AssignmentModel { leads: IdRef[]; coordinates: IdRef[]; range?: SourceRange }

export interface IndicatorValueModel {
    kind: 'baseline' | 'plan' | 'actual' | 'result';
    year: number;
    yearRange: SourceRange;
    value: PrintedNumber;
    standardId?: string;
    /** Set when the value was derived from a district table rather than written on the indicator. */
    fromTable?: string;
    range: SourceRange;
}

export interface IndicatorModel {
    id: string;
    name: string;
    unit?: string;
    unitKind?: 'percent' | 'households' | 'persons' | 'points' | 'custom';
    direction?: 'lower' | 'higher';
    dimensionId?: string;
    assignment: AssignmentModel;
    computed?: { measure: Measure; tableId: string; tableRange: SourceRange };
    /** Values as written, plus those read from a table for computed indicators; sorted by year. */
    values: IndicatorValueModel[];
    range: SourceRange;
    nameRange: SourceRange;
}

export interface DimensionModel { id: string; name: string; heading?: string; indicatorIds: string[]; range: SourceRange; nameRange: SourceRange }

export type ComparisonOp = 'below' | 'at-most' | 'about' | 'at-least' | 'above' | 'equal' | 'between';

export interface ComparisonModel {
    op: ComparisonOp;
    /** down-by / up-by: a change from a year's value, in the indicator's unit (points for rates). */
    change?: 'down-by' | 'up-by';
    fromYear?: number;
    value?: PrintedNumber;
    low?: PrintedNumber;
    high?: PrintedNumber;
    tolerance?: PrintedNumber;
    range: SourceRange;
}

export interface TargetModel {
    id: string;
    indicator: IdRef;
    year: number;
    yearRange: SourceRange;
    /** Absent for a target stated in words only. */
    comparison?: ComparisonModel;
    standardId?: string;
    text?: string;
    range: SourceRange;
    /** The target's id, where a duplicate id is reported. */
    nameRange: SourceRange;
}

/** One bound of a range cell (410..460), read under the plan's style. */
export interface PrintedBound { printed: string; value?: number; decimals: number }

/**
 * A text printed in a cell instead of a figure ("Sáp nhập", "Không có hộ nghèo", "x"), and how many
 * cells of the row it spans (a merged cell). Each column it covers has a cell holding the same note:
 * `first` on the one it starts in.
 */
export interface CellNote { text: string; span: number; first: boolean }

export interface CellModel {
    measure: Measure;
    /** Undefined for a blank cell ("-"), a range and a note. */
    number?: PrintedNumber;
    /** A note printed in the cell: no computation reads it. */
    note?: CellNote;
    /** A range of targets (410..460), in a table declared `targets`. */
    bounds?: [PrintedBound, PrintedBound];
    /** The range cell's own text. */
    printed: string;
    /** Where the cell's text starts in the plan's text. */
    readonly offset: number;
    readonly range: SourceRange;
}

export interface YearCellsModel {
    year: number;
    /** Where the line (its year label) starts in the plan's text. */
    readonly offset: number;
    readonly yearRange: SourceRange;
    cells: CellModel[];
    /** The year group the line names (`end 2024:`, `standard moi 2021:`), when it names one. */
    phase?: YearPhase;
    standardId?: string;
    /** Set when the line belongs to one of several groups of its year (yearKey). */
    key?: string;
    /** Cells beyond the table's declared columns. */
    readonly extra: SourceRange[];
    /** How many cells the line prints, a note counted as the cells it spans; cells and extra together when absent. */
    readonly found?: number;
    readonly range: SourceRange;
}

/** Per year, per measure: the value the row or total should have, computed from other cells. */
export type YearValues = Partial<Record<Measure, number>>;

/**
 * Sums of rows per year; `unreadable`: per year and column, the first cell that made a sum unknown;
 * `duplicates`: what the rows of a unit that came a second time add (left out of `values`).
 */
export interface TableSums {
    values: Record<YearKey, YearValues>;
    unreadable: Record<YearKey, Record<Measure, CellModel>>;
    duplicates: Record<YearKey, YearValues>;
}

export interface TableRowModel {
    kind: 'row' | 'subtotal' | 'total';
    no?: PrintedNumber;
    district?: IdRef;
    label: string;
    years: YearCellsModel[];
    range: SourceRange;
    /** The cells of the row that hold a note (the first cell of each), where it has any. */
    notes?: CellModel[];
    /**
     * The row's printed numbers in order (its number, its cells, a range's bounds that are misstyled):
     * a row's, not the plan's `numbers`, so that a row kept from the previous model keeps them.
     */
    numbers?: PrintedNumber[];
}

export interface TableSectionModel {
    label?: string;
    title?: string;
    rows: TableRowModel[];
    subtotal?: TableRowModel;
    /** The subtotal is printed before the section's rows (else after them); checks do not depend on it. */
    subtotalFirst: boolean;
    /** Sum of the section's rows, per year, for every count column. */
    sums: TableSums;
    range?: SourceRange;
}

/** A total row written after the total its table (its section) already has. */
export interface ExtraTotalModel {
    row: TableRowModel;
    /** Its label as written, where the finding points. */
    labelRange: SourceRange;
    /** The total that counts: the one written first. */
    first: TableRowModel;
    /** The section whose subtotal it repeats; none for the table's total. */
    section?: TableSectionModel;
}

/** A check a table states (`check … { left op right … }`). */
export interface TableCheckModel {
    id: string;
    left: CheckTermModel[];
    op: '<=' | '<' | '=' | '>=' | '>' | '!=';
    right: CheckTermModel[];
    rows: 'units' | 'totals' | 'all';
    years?: number[];
    severity: 'error' | 'warning' | 'info';
    message: string;
    messageEn?: string;
    range: SourceRange;
}

export interface CheckTermModel { sign: 1 | -1; column?: Measure; year?: number; previous?: boolean; value?: number }

export interface TableYearModel {
    year: number;
    kind: YearKind;
    standardId?: string;
    /** The start or the end of the year, when the table prints both as groups of their own. */
    phase?: YearPhase;
    /** The group's heading as printed, when the plan writes it. */
    heading?: string;
    /** Set when the group is one of several of its year (yearKey). */
    key?: string;
    range: SourceRange;
}

export interface DistrictTableModel {
    id: string;
    title: string;
    annex?: string;
    heading?: string;
    /** The row-label heading, when the table states one. */
    rowHeader?: string;
    /** A table of targets: its cells may be ranges. */
    targets: boolean;
    /** `plans-per-unit`: each unit of the table is to have a plan of its own, part of this one (validation/rules/roll-up.ts). */
    plansPerUnit?: boolean;
    standardId?: string;
    years: TableYearModel[];
    /** The printed columns, in order. */
    columns: Measure[];
    /** Every column the table knows: the predeclared ones and its own declarations (which override). */
    columnsById: Record<Measure, ColumnModel>;
    /** Column names the table prints or uses that are not known. */
    unknownColumns: { id: string; range: SourceRange }[];
    checks: TableCheckModel[];
    /** A table without sections has one section with no label. */
    sections: TableSectionModel[];
    total?: TableRowModel;
    /** The total is printed before the rows and sections ("Toàn tỉnh" first), else after them. */
    totalFirst: boolean;
    /** Total rows written again after the table's (a section's) one total: a mistake, read by no check. */
    extraTotals: ExtraTotalModel[];
    /** What the total row should hold: the sum of all district rows (a section without rows counts by its subtotal). */
    expectedTotal: TableSums;
    range: SourceRange;
    nameRange: SourceRange;
}

export interface SolutionModel {
    id?: string;
    heading: string;
    texts: string[];
    assignment: AssignmentModel;
    /** The lead of the nearest enclosing group that states one, when the solution names none itself. */
    inherited?: AssignmentModel;
    /** Group labels from the outermost, e.g. ["5", "a"]. */
    path: string[];
    range: SourceRange;
}

export interface SolutionGroupModel {
    label: string;
    title: string;
    assignment: AssignmentModel;
    groups: SolutionGroupModel[];
    solutions: SolutionModel[];
    labelRange: SourceRange;
    range: SourceRange;
}

export interface TaskModel {
    no: PrintedNumber;
    id?: string;
    text: string;
    assignment: AssignmentModel;
    submitYear?: number;
    submitRange?: SourceRange;
    note?: string;
    range: SourceRange;
}

export interface TaskListModel { title: string; annex?: string; tasks: TaskModel[]; range: SourceRange }

export interface FundingModel {
    text?: string;
    sources: { id: string; name: string; via?: IdRef; range: SourceRange }[];
    range: SourceRange;
}

export interface DutyItemModel {
    no: PrintedNumber;
    agency: IdRef;
    heading?: string;
    duties: string[];
    range: SourceRange;
}

export interface DutyListModel { title?: string; items: DutyItemModel[]; range: SourceRange }

/**
 * One end of a `link` (issue 21): a figure of a table (its total, a section's subtotal or a unit's row; a column when named),
 * an indicator's values, or a quote of the plan's text.
 */
export type LinkEndModel =
    | { kind: 'table'; tableId: string; unitId?: string; section?: string; column?: Measure; range: SourceRange }
    | { kind: 'indicator'; indicatorId: string; range: SourceRange }
    | { kind: 'quote'; quote: string; range: SourceRange };

/** `link A = B`: the figures of A equal those of B, in the years named (else every year both have). */
export interface LinkModel { left: LinkEndModel; right: LinkEndModel; years?: number[]; range: SourceRange }

/**
 * A string of the plan that is printed as a title, a heading or text (not a declaration of a name): the
 * literal as written, quotes included, for finding a name or a quote in it and pointing inside it.
 */
export interface PlanText { where: 'title' | 'heading' | 'text'; literal: string; readonly range: SourceRange }

export interface PlanModel {
    uri: string;
    id: string;
    title?: string;
    parent?: IdRef;
    /** The plan ids from this plan back to itself along `part-of`, when it is part of itself (model/definitions.ts). */
    partOfCycle?: string[];
    numberStyle: NumberStyle;
    header: PlanHeader;
    prose: ProseModel[];
    standards: StandardModel[];
    agencies: AgencyModel[];
    districts: DistrictModel[];
    dimensions: DimensionModel[];
    /** Where the indicators of the dimensions are printed as an annex. */
    indicatorTables: { title: string; annex?: string; range: SourceRange }[];
    indicators: IndicatorModel[];
    targets: TargetModel[];
    tables: DistrictTableModel[];
    solutionSections: { title?: string; groups: SolutionGroupModel[]; range: SourceRange }[];
    taskLists: TaskListModel[];
    funding?: FundingModel;
    dutyLists: DutyListModel[];
    /** The links between figures of tables, indicators and the text (issue 21). */
    links: LinkModel[];
    /** The plan's titles, headings and texts, for the names and quotes in them (issue 21). */
    texts: PlanText[];
    /** Every printed number of the plan except years and those of table rows (TableRowModel.numbers), in document order. */
    numbers: PrintedNumber[];
    /** Every year written in the plan, with where it stands and what it is for. */
    years: { year: number | undefined; printed: string; role: YearRole; range: SourceRange }[];
    /**
     * The string literals (with their quotes) and comments holding an UNUSUAL_CHARACTER, as written, in
     * document order. Only those: finding every string and comment walks the whole syntax tree
     * (≈ 20 ms at 7.800 lines), a test of the document text for such a character takes ≈ 0,5 ms.
     */
    unusualTexts: { kind: 'string' | 'comment'; text: string; range: SourceRange }[];
}

const NONCHARACTERS_ASTRAL = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16).toUpperCase()}FFFE}\\u{${(i + 1).toString(16).toUpperCase()}FFFF}`).join('');

/**
 * A character no plan text should hold: a C0 control other than tab, LF and CR; DEL; a C1 control;
 * a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069); a noncharacter; a lone
 * surrogate (the `u` flag makes a surrogate pair one character, which does not match).
 */
export const UNUSUAL_CHARACTER = new RegExp(`[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${NONCHARACTERS_ASTRAL}]`, 'u');

export type YearRole = 'period' | 'orientation' | 'baseline' | 'plan' | 'actual' | 'table' | 'target' | 'task' | 'standard' | 'date';
