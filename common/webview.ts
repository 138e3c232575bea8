// Messages between the preview host (extension) and its webview, and the checks the host makes
// before acting on one. Pure: no vscode or DOM imports, so the webview bundle and tests share it.
import type { PlanView } from './view.js';
import type { ViewPatch } from './view-patch.js';
import { isExportFormat, type ExportFormat } from './export.js';
import type { Locale } from './locale.js';

/** Host → webview. */
export type HostMessage =
    | { type: 'view'; view: PlanView | null; resource: string; locked: boolean }
    /** What changed since the view the webview holds (common/view-patch.ts); none: the same view. */
    | { type: 'patch'; patches: ViewPatch[]; resource: string; locked: boolean }
    | { type: 'busy'; format: ExportFormat | null };

export type ChartImageFormat = 'png' | 'svg';

/** Webview → host. */
export type WebviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; line: number; character: number }
    /** `findings`: the export carries the findings (Word comments, HTML marks, a findings sheet, the review sheet). */
    | { type: 'export'; format: ExportFormat; findings?: boolean }
    /** A chart as an image to save: PNG in base64, SVG as its text; `chart` is the chart's id. */
    | { type: 'saveChart'; chart: string; format: ChartImageFormat; data: string };

/** The largest chart image a webview may send (base64 or SVG text): 16 MB. */
export const MAX_CHART_IMAGE = 16 * 1024 * 1024;

/** What the reviewer's list shows: everything, errors only, one rule. */
export interface FindingFilter { errorsOnly: boolean; rule?: string }

/** What the webview keeps with setState, and VS Code hands back to the serializer after a reload. */
export interface PreviewState {
    /** The findings panel: open or closed, and its filter. */
    findings?: { open: boolean } & FindingFilter;
    /** Compact tables: 'on', 'off', or 'auto' (compact below 700 px). */
    compact?: 'on' | 'off' | 'auto';
    resource?: string;
    locked?: boolean;
    /** The active tab: "annex-01", "charts", … */
    tab?: string;
    /** Scroll position per tab, in CSS pixels. */
    scroll?: Record<string, number>;
    /** Exports carry the findings ("Kèm phát hiện"). */
    exportFindings?: boolean;
}

/** Large enough for any plan, small enough that a forged number cannot do harm. */
const MAX_POSITION = 10_000_000;

function isPosition(v: unknown): v is number {
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_POSITION;
}

/**
 * The message as the host may act on it, or undefined for anything else: an unknown type, a missing
 * or ill-typed field, a format outside the allowed list. Extra fields are dropped, never passed on.
 */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const m = raw as Record<string, unknown>;
    switch (m.type) {
        case 'ready':
            return { type: 'ready' };
        case 'reveal':
            return isPosition(m.line) && isPosition(m.character) ? { type: 'reveal', line: m.line, character: m.character } : undefined;
        case 'export':
            if (!isExportFormat(m.format) || (m.findings !== undefined && typeof m.findings !== 'boolean')) return undefined;
            return m.findings ? { type: 'export', format: m.format, findings: true } : { type: 'export', format: m.format };
        case 'saveChart': {
            if (typeof m.chart !== 'string' || !/^[a-z0-9_-]{1,100}$/i.test(m.chart)) return undefined;
            if ((m.format !== 'png' && m.format !== 'svg') || typeof m.data !== 'string' || m.data.length === 0 || m.data.length > MAX_CHART_IMAGE) return undefined;
            // PNG: base64 only; SVG: an SVG document (its content is checked again where it is written).
            if (m.format === 'png' ? !/^[A-Za-z0-9+/]+={0,2}$/.test(m.data) : !/^(<\?xml[^>]*>\s*)?<svg[\s>]/.test(m.data)) return undefined;
            return { type: 'saveChart', chart: m.chart, format: m.format, data: m.data };
        }
        default:
            return undefined;
    }
}

/**
 * Where a reveal request lands in a document of `lineCount` lines: undefined when the line is not in
 * the document (an outdated or forged request), the character clamped to the line's end.
 */
export function revealTarget(line: number, character: number, lineCount: number, lineLength: (line: number) => number): { line: number; character: number } | undefined {
    if (!Number.isInteger(line) || line < 0 || line >= lineCount) return undefined;
    return { line, character: Math.min(Math.max(0, Math.trunc(character)), lineLength(line)) };
}

/** The persisted state with only well-typed fields (it comes back from the webview, so it is checked). */
export function parsePreviewState(raw: unknown): PreviewState {
    if (typeof raw !== 'object' || raw === null) return {};
    const s = raw as Record<string, unknown>;
    const state: PreviewState = {};
    if (typeof s.resource === 'string' && s.resource.length > 0 && s.resource.length < 4096) state.resource = s.resource;
    if (typeof s.locked === 'boolean') state.locked = s.locked;
    if (typeof s.tab === 'string' && /^[a-z0-9-]{1,64}$/i.test(s.tab)) state.tab = s.tab;
    if (typeof s.scroll === 'object' && s.scroll !== null) {
        const scroll: Record<string, number> = {};
        for (const [k, v] of Object.entries(s.scroll as Record<string, unknown>).slice(0, 64)) {
            if (/^[a-z0-9-]{1,64}$/i.test(k) && typeof v === 'number' && Number.isFinite(v) && v >= 0) scroll[k] = v;
        }
        state.scroll = scroll;
    }
    if (typeof s.findings === 'object' && s.findings !== null) {
        const f = s.findings as Record<string, unknown>;
        state.findings = { open: f.open !== false, errorsOnly: f.errorsOnly === true };
        if (typeof f.rule === 'string' && /^[a-z0-9-]{1,64}$/.test(f.rule)) state.findings.rule = f.rule;
    }
    if (s.compact === 'on' || s.compact === 'off' || s.compact === 'auto') state.compact = s.compact;
    if (typeof s.exportFindings === 'boolean') state.exportFindings = s.exportFindings;
    return state;
}

/** The data the host writes into the page: the UI language and the state to start from. */
export interface PreviewBoot { locale: Locale; state: PreviewState }
