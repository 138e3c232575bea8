// What the plan view is: the annexes as tables ready to render, chart series and a findings summary.
// The language server builds it (language-server/src/view); the preview webview, the extension and
// every exporter read it. Plain data, serialisable as JSON.
import type { NumberStyle } from './numbers.js';

/** A place in the plan file, 0-based as in LSP. */
export interface Position { line: number; character: number }
export interface SourceRange { start: Position; end: Position }

export type CellKind = 'text' | 'count' | 'rate' | 'number' | 'year';

export interface ViewFinding { severity: 'error' | 'warning' | 'info' | 'hint'; code: string; message: string }

/** An annex cell by its place in the view: `view.annexes[annex].body[row].cells[cell]`. */
export interface CellRef { annex: number; row: number; cell: number }

/** A finding with its place in the plan file: what the reviewer's list (the review sheet) shows. */
export interface PlacedFinding extends ViewFinding {
    range: SourceRange;
    /** The annex cells that carry the finding (none for a finding outside the annexes). */
    cells?: CellRef[];
    /** The paragraphs of the document's body that carry it: `view.document.body[i]` (see DocumentParagraph.findings). */
    paragraphs?: number[];
    /** Carried by the document's head (its kind and title): a finding before the document's first section. */
    head?: boolean;
}

/** A stretch of a cell's text in its own weight. */
export interface AnnexRun { text: string; bold?: boolean }

export interface AnnexCell {
    /** The text as the annex prints it. */
    text: string;
    /** A shorter text for a narrow screen (a year heading: "KQ 2021" for "Kết quả năm 2021"); never printed. */
    short?: string;
    /** The numeric value, for spreadsheets and charts. */
    value?: number;
    kind: CellKind;
    decimals?: number;
    colSpan?: number;
    rowSpan?: number;
    bold?: boolean;
    /**
     * The text in runs, where part of it is set in bold: Annex 02's "- Chiều thiếu hụt về việc làm:"
     * before the indicator's name. Joined, the runs are `text`; a reader that ignores them prints
     * `text` in the cell's weight.
     */
    runs?: AnnexRun[];
    align?: 'left' | 'center' | 'right';
    /** Where the cell's content stands in the plan file (click to reveal). */
    range?: SourceRange;
    /**
     * Other places in the plan file the cell's figure answers to: the target declarations checked
     * against it (a target not met, a target sentence that differs, mark the figure they concern).
     */
    related?: SourceRange[];
    findings?: ViewFinding[];
}

export interface AnnexRow {
    kind: 'header' | 'section' | 'row' | 'subtotal' | 'total';
    cells: AnnexCell[];
    /** 0-based line of the row in the plan file. */
    line?: number;
}

export interface AnnexColumn { key: string; kind: CellKind; width: number }

export interface AnnexTable {
    /** "01", "02", … as the plan numbers it. */
    number: string;
    /** "Phụ lục 01" */
    label: string;
    heading?: string;
    title: string;
    /** "(Kèm theo Kế hoạch số …/KH-UBND ngày … của …)" */
    subtitle: string;
    orientation: 'portrait' | 'landscape';
    columns: AnnexColumn[];
    header: AnnexRow[];
    body: AnnexRow[];
    /** The plan element the annex comes from. */
    source: { kind: 'district-table' | 'indicators' | 'tasks'; id?: string; range: SourceRange };
}

/** What a year's figures are: results (drawn solid) or plans (drawn dashed, hollow points). */
export type ChartFigureKind = 'result' | 'plan';

export interface ChartSeries {
    label: string;
    data: (number | null)[];
    /** Per label, a range of targets (410..460) where the table gives one instead of a figure: drawn as a band. */
    ranges?: ({ low: number; high: number } | null)[];
    /** A bar series of one year: its figures are results or plans. */
    kind?: ChartFigureKind;
}

/** A target of the plan for one year, drawn as a marker at its level, or as a band for a range. */
export interface ChartTarget {
    /** The label (year) it is for. */
    label: string;
    op: 'below' | 'at-most' | 'about' | 'at-least' | 'above' | 'equal' | 'between';
    /** The level aimed at (absent for a range). */
    value?: number;
    /** A range: `between`, or `about` with its tolerance. */
    low?: number;
    high?: number;
    /** The target as the plan states it, in its number style: "dưới 9", "khoảng 0,5", "từ 3,0 đến 3,4". */
    text: string;
    /** The checker found it not met (target-not-met): what the chart says beside it, "chưa đạt (9%)". */
    missed?: string;
}

/** A step of a series in the wrong direction (wrong-direction): the segment that leads to `to` is marked. */
export interface ChartWrongStep {
    series: number;
    /** The label (year) the wrong step leads to. */
    to: string;
    /** What the chart says at the step: "tăng so với 2023, ngược hướng giảm". */
    note: string;
}

export interface ChartView {
    id: string;
    /** Says what the figures are and their years: "…: kết quả 2021–2022, kế hoạch 2023–2025". */
    title: string;
    type: 'line' | 'bar';
    labels: string[];
    /** 'year': the labels are years, placed on a linear axis (2025 → 2030 is five years wide). */
    axis?: 'year';
    /** Per label of a line chart: whether its figures are results or plans. */
    kinds?: ChartFigureKind[];
    series: ChartSeries[];
    unit?: string;
    /** The plan's targets for the series (a single-series chart). */
    targets?: ChartTarget[];
    /** Where the poverty standard changes: a break in the series, drawn before the label. */
    breaks?: { label: string; note: string }[];
    /** Steps the checker found in the wrong direction. */
    wrongSteps?: ChartWrongStep[];
    /** The legend's key of a wrong step and of a missed target, in the plan's language. */
    keys?: { wrongStep?: string };
}

/** A paragraph of the whole document's body, with its numbering written into its text. */
export interface DocumentParagraph {
    /**
     * heading: a numbered heading, level 1 "I. MỤC ĐÍCH, YÊU CẦU", 2 "1. Mục đích", 3 "a) …";
     * text: a body paragraph ("- …" items included); note: a line such as "(Chi tiết tại Phụ lục 01 kèm theo)".
     */
    kind: 'heading' | 'text' | 'note';
    level?: 1 | 2 | 3;
    /** A run-in head printed before the text in its own style: "2. Sở Kế hoạch và Đầu tư:", "Đơn vị chủ trì thực hiện:". */
    lead?: { text: string; bold?: boolean; italic?: boolean };
    text: string;
    /** The whole paragraph in bold (an item that is only a heading). */
    bold?: boolean;
    /** 0-based line of the paragraph's source in the plan file. */
    line?: number;
    /**
     * The findings that stand in what the paragraph prints (the solution without a lead, the target
     * sentence of a target not met, the heading of a section numbered with a gap), or that stand in
     * no printed element and fall in the section the paragraph heads. The exports print them only
     * when asked (ExportOptions.findingsInText).
     */
    findings?: ViewFinding[];
}

/** The whole document as Nghị định 30/2020/NĐ-CP lays it out, before its annexes. */
export interface DocumentView {
    /** The issuing body in capitals, a line each: ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN"]. */
    issuer: string[];
    /** The national motto, two lines. */
    motto: [string, string];
    /** "Số: …/KH-UBND", a blank number left as a gap to write in. */
    number: string;
    /** "Hưng Yên, ngày … tháng 11 năm 2023"; '' without a date. */
    placeDate: string;
    /** The document's kind in capitals: "KẾ HOẠCH". */
    kind: string;
    /** What the document is about (trích yếu). */
    title?: string;
    body: DocumentParagraph[];
    /** "Nơi nhận:" and its lines ("- Bộ Lao động - Thương binh và Xã hội;"); no items, no block. */
    recipients: { heading: string; items: string[] };
    /** The signature block: authority, deputy and position lines in capitals, then the signer's name. */
    signature?: { lines: string[]; name: string };
    /** The findings of the head: those before the document's first section that no paragraph prints (marked on the title). */
    findings?: ViewFinding[];
}

export interface PlanView {
    uri: string;
    id: string;
    numberStyle: NumberStyle;
    header: {
        number: string;
        issuer?: string;
        place?: string;
        date?: string;
        kind?: string;
        title?: string;
        period?: string;
        orientationYear?: number;
    };
    annexes: AnnexTable[];
    /** The document the annexes are attached to (the whole-document exports print it). */
    document?: DocumentView;
    charts: ChartView[];
    findings: { error: number; warning: number; info: number; hint: number };
    /** Every finding, in the order of the plan file; an annex cell's own are also on the cell. */
    findingList?: PlacedFinding[];
}
