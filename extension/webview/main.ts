// The preview webview: receives the plan view by postMessage and renders it (header, validation
// summary, one tab per annex, a charts tab), keeps its tab and scroll with setState, and posts
// reveal/export requests back to the host. Plain DOM, no framework, no innerHTML.
import type { AnnexTable, PlanView } from '../../common/view.js';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../common/export.js';
import { parsePreviewState, type HostMessage, type PreviewBoot, type PreviewState, type WebviewMessage } from '../../common/webview.js';
import { format, formatLabel, stringsFor, type Locale } from '../../common/preview-strings.js';
import { ChartBoard } from './charts.js';
import { el } from './dom.js';
import { renderAnnex, renderHeader, renderSummary } from './render.js';

interface VsCodeApi {
    postMessage(message: WebviewMessage): void;
    getState(): unknown;
    setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

function readBoot(): PreviewBoot {
    const raw = document.getElementById('plan-preview-boot')?.dataset.boot;
    let parsed: { locale?: unknown; state?: unknown } = {};
    try {
        parsed = raw ? JSON.parse(raw) as typeof parsed : {};
    } catch {
        // A damaged boot attribute leaves the defaults.
    }
    const locale: Locale = parsed.locale === 'en' ? 'en' : 'vi';
    return { locale, state: parsePreviewState(parsed.state) };
}

const boot = readBoot();
const s = stringsFor(boot.locale);
// The state VS Code kept for this webview is newer than the one written into the page.
const state: PreviewState = { ...boot.state, ...parsePreviewState(api.getState()) };

function persist(): void {
    api.setState(state);
}

// ---- The page shell (built once; its parts are refilled on each view) ----
const app = document.getElementById('app') ?? document.body.appendChild(el('div', { attrs: { id: 'app' } }));
const status = el('p', { className: 'status', text: s.loading, attrs: { role: 'status' } });
const headerBox = el('div', { className: 'header-box' });
const summaryBox = el('div', { className: 'summary-box' });
const tabList = el('div', { className: 'tabs', attrs: { role: 'tablist', 'aria-label': s.tabs } });
const lockedBadge = el('span', { className: 'locked-badge', text: s.locked });
lockedBadge.hidden = true;
const exportButtons = EXPORT_FORMATS.map(f => el('button', {
    className: 'export-button', text: formatLabel(f, s), title: format(s.exportAs, formatLabel(f, s)), data: { format: f }, attrs: { type: 'button' }
}));
const toolbar = el('div', { className: 'toolbar' }, lockedBadge, el('span', { className: 'toolbar-label', text: s.exportLabel }), ...exportButtons);
const tabBar = el('div', { className: 'tabbar' }, tabList, toolbar);
const panels = el('div', { className: 'panels' });
const chartsPanel = el('section', { className: 'tab-panel charts-panel', attrs: { role: 'tabpanel', id: 'panel-charts', 'aria-labelledby': 'tab-charts' } });
const chartGrid = el('div', { className: 'chart-grid' });
chartsPanel.append(chartGrid);
const doc = el('main', { className: 'doc' }, headerBox, summaryBox, tabBar, panels);
doc.hidden = true;
app.replaceChildren(status, doc);

const board = new ChartBoard(chartGrid, s.noCharts);
let current: PlanView | null = null;
let tabIds: string[] = [];
let activeTab: string | undefined;
let chartsDirty = false;
let rendered = false;

function annexTabId(a: AnnexTable, index: number, taken: Set<string>): string {
    const base = `annex-${(a.number || String(index + 1)).replace(/[^a-z0-9]/gi, '').slice(0, 20) || index + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
}

function saveScroll(): void {
    if (!activeTab) return;
    state.scroll = { ...state.scroll, [activeTab]: Math.round(window.scrollY) };
}

/** Shows a tab; `scroll` is where to stand: the tab's saved place, or a given offset. */
function selectTab(id: string, scroll: 'restore' | number, focus = false): void {
    if (activeTab && activeTab !== id) saveScroll();
    activeTab = id;
    state.tab = id;
    for (const tab of tabList.querySelectorAll<HTMLElement>('[role="tab"]')) {
        const selected = tab.dataset.tab === id;
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
        if (selected && focus) tab.focus();
    }
    for (const panel of panels.querySelectorAll<HTMLElement>('[role="tabpanel"]')) panel.hidden = panel.dataset.tab !== id;
    if (id === 'charts' && chartsDirty && current) {
        board.render(current.charts, current.numberStyle);
        chartsDirty = false;
    }
    window.scrollTo(0, scroll === 'restore' ? state.scroll?.[id] ?? 0 : scroll);
    persist();
}

function render(view: PlanView | null): void {
    // Read before the panels are replaced: while they are, the page is short and the offset clamps.
    const scrollBefore = window.scrollY;
    current = view;
    if (!view) {
        board.destroy();
        chartGrid.replaceChildren();
        doc.hidden = true;
        status.textContent = s.noView;
        status.hidden = false;
        return;
    }
    status.hidden = true;
    doc.hidden = false;
    headerBox.replaceChildren(renderHeader(view, s));
    summaryBox.replaceChildren(renderSummary(view, s));

    const taken = new Set<string>();
    const tabs = view.annexes.map((a, i) => ({ id: annexTabId(a, i, taken), label: a.label || `#${i + 1}`, annex: a as AnnexTable | undefined }));
    if (view.charts.length > 0) tabs.push({ id: 'charts', label: s.charts, annex: undefined });
    tabIds = tabs.map(t => t.id);
    tabList.replaceChildren(...tabs.map(t => el('button', {
        className: 'tab', text: t.label,
        attrs: { type: 'button', role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`, 'aria-selected': 'false' },
        data: { tab: t.id }
    })));
    const annexPanels = tabs.filter(t => t.annex).map(t => {
        const panel = el('section', { className: 'tab-panel', attrs: { role: 'tabpanel', id: `panel-${t.id}`, 'aria-labelledby': `tab-${t.id}` }, data: { tab: t.id } },
            renderAnnex(t.annex!, s));
        panel.hidden = true;
        return panel;
    });
    chartsPanel.dataset.tab = 'charts';
    chartsPanel.hidden = true;
    panels.replaceChildren(...annexPanels, ...(view.charts.length > 0 ? [chartsPanel] : []));
    if (tabs.length === 0) panels.append(el('p', { className: 'empty', text: s.noAnnexes }));

    // Charts are drawn only while their tab shows (a hidden canvas has no size); otherwise later.
    chartsDirty = true;
    const wanted = activeTab ?? state.tab;
    const tab = wanted && tabIds.includes(wanted) ? wanted : tabIds[0];
    // The first view restores the saved place; later ones (edits) keep the reader where they are.
    if (tab) selectTab(tab, rendered && tab === activeTab ? scrollBefore : 'restore');
    rendered = true;
}

function post(message: WebviewMessage): void {
    api.postMessage(message);
}

function isHostMessage(data: unknown): data is HostMessage {
    if (typeof data !== 'object' || data === null) return false;
    const m = data as Record<string, unknown>;
    if (m.type === 'view') {
        const v = m.view as Record<string, unknown> | null;
        return typeof m.resource === 'string' && typeof m.locked === 'boolean'
            && (v === null || (typeof v === 'object' && Array.isArray(v.annexes) && Array.isArray(v.charts) && typeof v.header === 'object'));
    }
    return m.type === 'busy' && (m.format === null || isExportFormat(m.format));
}

window.addEventListener('message', event => {
    const m = event.data as unknown;
    if (!isHostMessage(m)) return;
    if (m.type === 'view') {
        // A dynamic preview that moved to another plan starts at the top of it.
        if (state.resource !== undefined && state.resource !== m.resource) {
            state.scroll = {};
            rendered = false;
        }
        state.resource = m.resource;
        state.locked = m.locked;
        lockedBadge.hidden = !m.locked;
        render(m.view);
        persist();
    } else {
        setBusy(m.format);
    }
});

function setBusy(busy: ExportFormat | null): void {
    for (const b of exportButtons) {
        b.disabled = busy !== null;
        b.classList.toggle('busy', b.dataset.format === busy);
        b.title = b.dataset.format === busy ? s.exporting : format(s.exportAs, b.textContent ?? '');
    }
}

/** The source position a click or Enter points at: the cell's own range, else its row's line. */
function revealFrom(target: Element | null): boolean {
    const holder = target?.closest<HTMLElement>('.annex-table [data-line]');
    if (!holder) return false;
    const line = Number(holder.dataset.line);
    const character = Number(holder.dataset.character ?? 0);
    if (!Number.isInteger(line) || line < 0 || !Number.isInteger(character) || character < 0) return false;
    post({ type: 'reveal', line, character });
    return true;
}

document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest<HTMLButtonElement>('button[data-format]');
    if (button) {
        const f = button.dataset.format;
        if (isExportFormat(f) && !button.disabled) post({ type: 'export', format: f });
        return;
    }
    const tab = target?.closest<HTMLElement>('[role="tab"]');
    if (tab?.dataset.tab) {
        selectTab(tab.dataset.tab, 'restore');
        return;
    }
    // Selecting text to copy a number must not jump to the editor.
    if (window.getSelection()?.toString()) return;
    revealFrom(target);
});

document.addEventListener('keydown', event => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (!target) return;
    if (target.getAttribute('role') === 'tab' && (event.key === 'ArrowRight' || event.key === 'ArrowLeft' || event.key === 'Home' || event.key === 'End')) {
        const i = tabIds.indexOf(target.dataset.tab ?? '');
        const next = event.key === 'Home' ? 0 : event.key === 'End' ? tabIds.length - 1
            : (i + (event.key === 'ArrowRight' ? 1 : -1) + tabIds.length) % tabIds.length;
        selectTab(tabIds[next], 'restore', true);
        event.preventDefault();
    } else if (target.tagName === 'TR' && (event.key === 'Enter' || event.key === ' ')) {
        if (revealFrom(target)) event.preventDefault();
    }
});

let scrollScheduled = false;
window.addEventListener('scroll', () => {
    if (scrollScheduled) return;
    scrollScheduled = true;
    requestAnimationFrame(() => {
        scrollScheduled = false;
        saveScroll();
        persist();
    });
}, { passive: true });

// VS Code switches the body's theme class (vscode-light / vscode-dark / vscode-high-contrast) and the
// --vscode-* variables together; the tables follow through CSS, the canvases need repainting.
new MutationObserver(() => board.applyTheme()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

post({ type: 'ready' });
