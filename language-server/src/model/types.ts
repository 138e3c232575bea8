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
    range: SourceRange;
    problem?: 'wrong-style' | 'malformed';
    suggestion?: string;
}

/** A reference by short id to an agency, district, indicator, …; `resolved` says whether it is declared. */
export interface IdRef {
    id: string;
    resolved: boolean;
    /** The referred element's printed name, when resolved. */
    name?: string;
    range: SourceRange;
}

export type YearKind = 'result' | 'plan' | 'estimate' | 'actual';
export type Measure = 'households' | 'poor' | 'poor-rate' | 'near-poor' | 'near-poor-rate' | 'multidim' | 'multidim-rate';
export type CountMeasure = 'households' | 'poor' | 'near-poor' | 'multidim';
export type RateMeasure = 'poor-rate' | 'near-poor-rate' | 'multidim-rate';

export const COUNT_MEASURES: readonly CountMeasure[] = ['households', 'poor', 'near-poor', 'multidim'];
export const RATE_MEASURES: readonly RateMeasure[] = ['poor-rate', 'near-poor-rate', 'multidim-rate'];
/** The count each rate divides by the households. */
export const RATE_NUMERATOR: Record<RateMeasure, CountMeasure> = {
    'poor-rate': 'poor', 'near-poor-rate': 'near-poor', 'multidim-rate': 'multidim'
};

export function isRateMeasure(m: Measure): m is RateMeasure {
    return (RATE_MEASURES as readonly string[]).includes(m);
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

export interface DistrictModel {
    id: string;
    name: string;
    fullName?: string;
    kind?: 'huyen' | 'thi-xa' | 'thanh-pho';
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

export interface CellModel {
    measure: Measure;
    /** Undefined for a blank cell ("-"). */
    number?: PrintedNumber;
    range: SourceRange;
}

export interface YearCellsModel {
    year: number;
    yearRange: SourceRange;
    cells: CellModel[];
    /** Cells beyond the table's declared columns. */
    extra: SourceRange[];
    range: SourceRange;
}

/** Per year, per measure: the value the row or total should have, computed from other cells. */
export type YearValues = Partial<Record<Measure, number>>;

export interface TableRowModel {
    kind: 'row' | 'subtotal' | 'total';
    no?: PrintedNumber;
    district?: IdRef;
    label: string;
    years: YearCellsModel[];
    range: SourceRange;
}

export interface TableSectionModel {
    label?: string;
    title?: string;
    rows: TableRowModel[];
    subtotal?: TableRowModel;
    /** Sum of the section's rows, per year, for every count column. */
    sums: Record<number, YearValues>;
    range?: SourceRange;
}

export interface DistrictTableModel {
    id: string;
    title: string;
    annex?: string;
    heading?: string;
    standardId?: string;
    years: { year: number; kind: YearKind; range: SourceRange }[];
    columns: Measure[];
    /** A table without sections has one section with no label. */
    sections: TableSectionModel[];
    total?: TableRowModel;
    /** What the total row should hold: the sum of all district rows (a section without rows counts by its subtotal). */
    expectedTotal: Record<number, YearValues>;
    range: SourceRange;
    nameRange: SourceRange;
}

export interface SolutionModel {
    id?: string;
    heading: string;
    texts: string[];
    assignment: AssignmentModel;
    /** Group labels from the outermost, e.g. ["5", "a"]. */
    path: string[];
    range: SourceRange;
}

export interface SolutionGroupModel {
    label: string;
    title: string;
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

export interface PlanModel {
    uri: string;
    id: string;
    title?: string;
    parent?: IdRef;
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
    /** Every printed number of the plan except years, in document order. */
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

export type YearRole = 'period' | 'orientation' | 'baseline' | 'plan' | 'actual' | 'table' | 'target' | 'task' | 'standard' | 'date' | 'cells';
