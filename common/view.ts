// What the plan view is: the annexes as tables ready to render, chart series and a findings summary.
// The language server builds it (language-server/src/view); the preview webview, the extension and
// every exporter read it. Plain data, serialisable as JSON.
import type { NumberStyle } from './numbers.js';

/** A place in the plan file, 0-based as in LSP. */
export interface Position { line: number; character: number }
export interface SourceRange { start: Position; end: Position }

export type CellKind = 'text' | 'count' | 'rate' | 'number' | 'year';

export interface ViewFinding { severity: 'error' | 'warning' | 'info' | 'hint'; code: string; message: string }

/** A finding with its place in the plan file: what the reviewer's list (the review sheet) shows. */
export interface PlacedFinding extends ViewFinding { range: SourceRange }

export interface AnnexCell {
    /** The text as the annex prints it. */
    text: string;
    /** The numeric value, for spreadsheets and charts. */
    value?: number;
    kind: CellKind;
    decimals?: number;
    colSpan?: number;
    rowSpan?: number;
    bold?: boolean;
    align?: 'left' | 'center' | 'right';
    /** Where the cell's content stands in the plan file (click to reveal). */
    range?: SourceRange;
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

export interface ChartSeries { label: string; data: (number | null)[]; kind?: 'result' | 'plan' | 'target' }

export interface ChartView {
    id: string;
    title: string;
    type: 'line' | 'bar';
    labels: string[];
    series: ChartSeries[];
    unit?: string;
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
    charts: ChartView[];
    findings: { error: number; warning: number; info: number; hint: number };
    /** Every finding, in the order of the plan file; an annex cell's own are also on the cell. */
    findingList?: PlacedFinding[];
}
