// The preview webview: receives the plan view by postMessage and renders it (header, validation
// summary, a tab for the whole document, one tab per annex, a charts tab), keeps its tab and scroll with setState, and posts
// reveal/export requests back to the host. Plain DOM, no framework, no innerHTML.
import type { AnnexTable, PlanView } from '../../common/view.js';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../common/export.js';
import { parsePreviewState, type FindingFilter, type HostMessage, type PreviewBoot, type PreviewState, type WebviewMessage } from '../../common/webview.js';
import { applyViewPatches, type ViewPatch } from '../../common/view-patch.js';
import { format, formatLabel, stringsFor, type Locale } from '../../common/preview-strings.js';
import { ChartBoard } from './charts.js';
import { el } from './dom.js';
import { hasMarks, renderAnnex, renderBodyRow, renderDocument, renderHeader, renderSummary } from './render.js';
import { applyFilterToCells, entriesBelow, renderFilters, renderFindingList, renderLegend } from './findings.js';

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
const findingsToggle = el('button', { className: 'link-button findings-toggle', attrs: { type: 'button', 'aria-controls': 'findings-panel', 'aria-expanded': 'false' } });
const findingsFilters = el('div', { className: 'findings-filters-box' });
const findingsList = el('div', { className: 'findings-list', attrs: { role: 'region', 'aria-label': s.findingsTitle, tabindex: '-1' } });
const findingsMore = el('button', { className: 'link-button findings-more', attrs: { type: 'button' } });
findingsMore.hidden = true;
const findingsPanel = el('section', { className: 'findings-panel', attrs: { id: 'findings-panel', 'aria-label': s.findingsTitle } },
    el('div', { className: 'findings-head' }, el('h2', { className: 'findings-title', text: s.findingsTitle }), findingsFilters),
    renderLegend(s), findingsList, findingsMore);
const tabList = el('div', { className: 'tabs', attrs: { role: 'tablist', 'aria-label': s.tabs } });
const lockedBadge = el('span', { className: 'locked-badge', text: s.locked });
lockedBadge.hidden = true;
const exportButtons = EXPORT_FORMATS.map(f => el('button', {
    className: 'export-button', text: formatLabel(f, s), title: format(s.exportAs, formatLabel(f, s)), data: { format: f }, attrs: { type: 'button' }
}));
const compactButton = el('button', { className: 'export-button compact-toggle', text: s.compact, title: s.compactTitle, attrs: { type: 'button', 'aria-pressed': 'false' } });
const exportFindings = el('input', { className: 'export-findings', attrs: { type: 'checkbox', id: 'export-findings' } });
const exportFindingsLabel = el('label', { className: 'toolbar-label export-findings-label', title: s.exportFindingsTitle }, exportFindings, el('span', { text: s.exportFindings }));
exportFindings.checked = state.exportFindings === true;
exportFindings.addEventListener('change', () => { state.exportFindings = exportFindings.checked; persist(); });
const toolbar = el('div', { className: 'toolbar' }, lockedBadge, compactButton, el('span', { className: 'toolbar-label', text: s.exportLabel }), ...exportButtons, exportFindingsLabel);
const tabBar = el('div', { className: 'tabbar' }, tabList, toolbar);
const panels = el('div', { className: 'panels' });
const chartsPanel = el('section', { className: 'tab-panel charts-panel', attrs: { role: 'tabpanel', id: 'panel-charts', 'aria-labelledby': 'tab-charts' } });
const chartGrid = el('div', { className: 'chart-grid' });
chartsPanel.append(chartGrid);
const doc = el('main', { className: 'doc' }, headerBox, summaryBox, findingsPanel, tabBar, panels);
doc.hidden = true;
app.replaceChildren(status, doc);

const notice = el('p', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
notice.hidden = true;
document.body.append(notice);
let noticeTimer: ReturnType<typeof setTimeout> | undefined;
const board = new ChartBoard(chartGrid, s, {
    save: (chart, format, data) => post({ type: 'saveChart', chart, format, data }),
    notify: (text, ok) => {
        notice.textContent = text;
        notice.classList.toggle('notice-error', !ok);
        notice.hidden = false;
        clearTimeout(noticeTimer);
        noticeTimer = setTimeout(() => { notice.hidden = true; }, 4000);
    }
});
let current: PlanView | null = null;
let tabIds: string[] = [];
/** The tab of each annex of the view, by its index in view.annexes. */
let annexTabs: string[] = [];
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
    placeStickyColumns();
    window.scrollTo(0, scroll === 'restore' ? state.scroll?.[id] ?? 0 : scroll);
    persist();
}

/** The second sticky column of a district table stands right of the first, whatever width that has. */
function placeStickyColumns(): void {
    for (const table of panels.querySelectorAll<HTMLTableElement>('.annex-district-table')) {
        const first = table.tHead?.rows[0]?.cells[0];
        if (first && first.offsetWidth > 0) table.style.setProperty('--pv-sticky-second', `${first.offsetWidth}px`);
    }
}

window.addEventListener('resize', () => placeStickyColumns());
// The tables' boxes fit the screen below the tab bar, whose height changes as it wraps.
new ResizeObserver(() => document.body.style.setProperty('--pv-tabbar-height', `${Math.ceil(tabBar.getBoundingClientRect().height)}px`)).observe(tabBar);

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
    const hasFindings = (view.findingList?.length ?? 0) > 0;
    if (hasFindings) summaryBox.firstElementChild?.append(findingsToggle);
    findingsFilters.replaceChildren(renderFilters(view, filter(), s, boot.locale));

    const taken = new Set<string>(['document', 'charts']);
    const tabs = view.annexes.map((a, i) => ({ id: annexTabId(a, i, taken), label: a.label || `#${i + 1}`, annex: a as AnnexTable | undefined }));
    annexTabs = tabs.map(t => t.id);
    // The document comes first, as it is read; the annexes stay the tab a plan opens on.
    if (view.document) tabs.unshift({ id: 'document', label: s.documentTab, annex: undefined });
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
    const documentPanels = view.document ? [el('section', {
        className: 'tab-panel document-panel', attrs: { role: 'tabpanel', id: 'panel-document', 'aria-labelledby': 'tab-document' }, data: { tab: 'document' }
    }, renderDocument(view.document, s))] : [];
    for (const panel of documentPanels) panel.hidden = true;
    chartsPanel.dataset.tab = 'charts';
    chartsPanel.hidden = true;
    panels.replaceChildren(...documentPanels, ...annexPanels, ...(view.charts.length > 0 ? [chartsPanel] : []));
    if (tabs.length === 0) panels.append(el('p', { className: 'empty', text: s.noAnnexes }));
    showFindings(hasFindings && state.findings?.open !== false);
    applyCompact();

    // Charts are drawn only while their tab shows (a hidden canvas has no size); otherwise later.
    chartsDirty = true;
    const wanted = activeTab ?? state.tab;
    const tab = wanted && tabIds.includes(wanted) ? wanted : annexTabs[0] ?? tabIds[0];
    // The first view restores the saved place; later ones (edits) keep the reader where they are.
    if (tab) selectTab(tab, rendered && tab === activeTab ? scrollBefore : 'restore');
    rendered = true;
}

/**
 * The view after an edit, given as what changed: only the parts of the page those patches touch are
 * made anew (an annex's rows, the document, the header, the findings, the charts), each exactly as
 * render() makes it; a change to anything else (an annex's heading or columns, the tabs) renders
 * the whole view. False when the patches do not fit the view held (the host then sends it whole).
 */
function renderPatches(patches: ViewPatch[]): boolean {
    if (!current) return false;
    let next: PlanView;
    try {
        next = applyViewPatches(current, patches);
    } catch {
        return false;
    }
    const before = current;
    const rows = new Map<number, Set<number>>();
    const parts = new Set<string>();
    let whole = false;
    for (const { at } of patches) {
        const [part, annex, field, row] = at;
        if (part === 'annexes' && typeof annex === 'number' && field === 'body' && typeof row === 'number') {
            const set = rows.get(annex) ?? new Set<number>();
            rows.set(annex, set.add(row));
        } else if (part === 'charts' || part === 'document' || part === 'header' || part === 'findings' || part === 'findingList') {
            parts.add(part);
        } else {
            whole = true;
        }
    }
    // A part that comes or goes adds or removes a tab.
    if (whole || (before.document === undefined) !== (next.document === undefined) || (before.charts.length === 0) !== (next.charts.length === 0)) {
        render(next);
        return true;
    }
    current = next;
    if (parts.has('header')) headerBox.replaceChildren(renderHeader(next, s));
    if (parts.has('document') && next.document) panels.querySelector('#panel-document')?.replaceChildren(renderDocument(next.document, s));
    for (const [index, changed] of rows) {
        const annex = next.annexes[index];
        const section = panels.querySelector(`#panel-${annexTabs[index]} > .annex`);
        const tbody = section?.querySelector('tbody');
        if (!annex || !section || !tbody) {
            render(next);
            return true;
        }
        for (const row of changed) {
            const tr = renderBodyRow(annex, row, s);
            tbody.children[row]?.replaceWith(tr);
            applyFilterToCells(tr, filter());
        }
        // The marks' legend stands above a table that has marks.
        const legend = section.querySelector(':scope > .finding-legend');
        if (hasMarks(annex) && !legend) section.querySelector(':scope > .table-wrap')?.before(renderLegend(s));
        else if (!hasMarks(annex)) legend?.remove();
    }
    if (parts.has('findings') || parts.has('findingList')) {
        summaryBox.replaceChildren(renderSummary(next, s));
        const hasFindings = (next.findingList?.length ?? 0) > 0;
        if (hasFindings) summaryBox.firstElementChild?.append(findingsToggle);
        findingsFilters.replaceChildren(renderFilters(next, filter(), s, boot.locale));
        showFindings(hasFindings && state.findings?.open !== false);
    } else if (rows.size > 0 && !findingsPanel.hidden) {
        // The list's links name the figures of the cells they go to.
        refreshFindings();
    }
    if (rows.size > 0) placeStickyColumns();
    if (parts.has('charts')) {
        chartsDirty = true;
        if (activeTab === 'charts') {
            board.render(next.charts, next.numberStyle);
            chartsDirty = false;
        }
    }
    return true;
}

// ---- The findings panel ----
function filter(): FindingFilter {
    return { errorsOnly: state.findings?.errorsOnly ?? false, rule: state.findings?.rule };
}

/** Fills the list for the current filter, and lets the annexes' marks follow it. */
function refreshFindings(): void {
    if (!current) return;
    findingsList.replaceChildren(renderFindingList(current, filter(), s, boot.locale));
    applyFilterToCells(panels, filter());
    showMoreBelow();
}

/** "còn N phát hiện bên dưới" under the list while entries lie below what it shows. */
function showMoreBelow(): void {
    const below = findingsPanel.hidden ? 0 : entriesBelow(findingsList);
    findingsMore.hidden = below === 0;
    findingsMore.textContent = below > 0 ? format(s.moreBelow, below) : '';
}
findingsList.addEventListener('scroll', () => showMoreBelow(), { passive: true });
window.addEventListener('resize', () => showMoreBelow());
findingsMore.addEventListener('click', () => findingsList.scrollBy({ top: findingsList.clientHeight * 0.8, behavior: 'smooth' }));

function showFindings(open: boolean): void {
    findingsPanel.hidden = !open;
    findingsToggle.setAttribute('aria-expanded', String(open));
    findingsToggle.textContent = open ? s.findingsHide : s.findingsShow;
    if (open) refreshFindings();
    else applyFilterToCells(panels, filter());
}

function setFilter(change: Partial<FindingFilter>): void {
    const f = { ...filter(), ...change };
    state.findings = { open: !findingsPanel.hidden, errorsOnly: f.errorsOnly, ...(f.rule ? { rule: f.rule } : {}) };
    refreshFindings();
    persist();
}

/** Shows an annex cell: its tab, scrolled to the middle of the screen, flashed; its row takes the focus. */
function goToCell(annex: number, row: number, cell: number): boolean {
    const tab = annexTabs[annex];
    if (!tab) return false;
    selectTab(tab, 'restore');
    const tr = panels.querySelector(`#panel-${tab} tbody`)?.children[row] as HTMLTableRowElement | undefined;
    const td = tr?.cells[cell];
    if (!tr || !td) return false;
    td.scrollIntoView({ block: 'center', inline: 'center' });
    if (tr.tabIndex === 0) tr.focus({ preventScroll: true });
    td.classList.remove('flash');
    void td.offsetWidth; // restart the animation when the same cell is asked for again
    td.classList.add('flash');
    td.addEventListener('animationend', () => td.classList.remove('flash'), { once: true });
    return true;
}

/** Shows a paragraph of the document ('head': its kind and title): the Văn bản tab, scrolled to it, flashed. */
function goToParagraph(which: string): boolean {
    const panel = panels.querySelector<HTMLElement>('#panel-document');
    if (!panel) return false;
    const target = which === 'head' ? panel.querySelector<HTMLElement>('.doc-head') : panel.querySelector<HTMLElement>(`.doc-paragraph[data-paragraph="${Number(which)}"]`);
    if (!target) return false;
    selectTab('document', 'restore');
    target.scrollIntoView({ block: 'center' });
    if (target.tabIndex === 0) target.focus({ preventScroll: true });
    target.classList.remove('flash');
    void target.offsetWidth; // restart the animation when the same paragraph is asked for again
    target.classList.add('flash');
    target.addEventListener('animationend', () => target.classList.remove('flash'), { once: true });
    return true;
}

// ---- Compact tables (narrow panels) ----
const narrow = window.matchMedia('(max-width: 699.98px)');

function compact(): boolean {
    return state.compact === 'on' || (state.compact !== 'off' && narrow.matches);
}

/** Smaller text and padding, abbreviated year headings (the full one in the tooltip). */
function applyCompact(): void {
    const on = compact();
    document.body.classList.toggle('compact', on);
    compactButton.setAttribute('aria-pressed', String(on));
    for (const th of panels.querySelectorAll<HTMLElement>('th[data-short]')) {
        th.textContent = on ? th.dataset.short! : th.dataset.full ?? '';
        th.title = on ? th.dataset.full ?? '' : '';
    }
    placeStickyColumns();
}

narrow.addEventListener('change', () => applyCompact());

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
    if (m.type === 'patch') return typeof m.resource === 'string' && typeof m.locked === 'boolean' && Array.isArray(m.patches);
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
    } else if (m.type === 'patch') {
        // Patches apply to the view of the same plan only; anything else: the host starts again with a whole view.
        if (state.resource !== m.resource || !renderPatches(m.patches)) {
            post({ type: 'ready' });
            return;
        }
        state.locked = m.locked;
        lockedBadge.hidden = !m.locked;
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
    const holder = target?.closest<HTMLElement>('.annex-table [data-line], .doc-paragraph[data-line]');
    if (!holder) return false;
    const line = Number(holder.dataset.line);
    const character = Number(holder.dataset.character ?? 0);
    if (!Number.isInteger(line) || line < 0 || !Number.isInteger(character) || character < 0) return false;
    post({ type: 'reveal', line, character });
    return true;
}

document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('.findings-toggle')) {
        showFindings(findingsPanel.hidden);
        state.findings = { ...filter(), open: !findingsPanel.hidden };
        persist();
        return;
    }
    if (target?.closest('.compact-toggle')) {
        const want = !compact();
        // Back to automatic when the choice is what the panel's width would give anyway.
        state.compact = want === narrow.matches ? 'auto' : want ? 'on' : 'off';
        applyCompact();
        persist();
        return;
    }
    const line = target?.closest<HTMLElement>('.reveal-line');
    if (line) {
        post({ type: 'reveal', line: Number(line.dataset.line), character: Number(line.dataset.character ?? 0) });
        return;
    }
    const go = target?.closest<HTMLElement>('.go-to-cell');
    if (go) {
        goToCell(Number(go.dataset.annex), Number(go.dataset.row), Number(go.dataset.cell));
        return;
    }
    const toParagraph = target?.closest<HTMLElement>('.go-to-paragraph');
    if (toParagraph) {
        goToParagraph(toParagraph.dataset.paragraph ?? '');
        return;
    }
    const button = target?.closest<HTMLButtonElement>('button[data-format]');
    if (button) {
        const f = button.dataset.format;
        if (isExportFormat(f) && !button.disabled) post(exportFindings.checked ? { type: 'export', format: f, findings: true } : { type: 'export', format: f });
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
    } else if ((target.tagName === 'TR' || target.classList.contains('doc-paragraph')) && (event.key === 'Enter' || event.key === ' ')) {
        if (revealFrom(target)) event.preventDefault();
    }
});

document.addEventListener('change', event => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.id === 'filter-errors') setFilter({ errorsOnly: target.checked });
    else if (target instanceof HTMLSelectElement && target.id === 'filter-rule') setFilter({ rule: target.value || undefined });
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
