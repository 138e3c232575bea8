// The reviewer's list: every finding of the plan, grouped by severity and rule, each with a link to
// its line in the plan file and, when an annex cell carries it, to that cell; filters (errors only,
// one rule) that apply to the list and to the marks in the annexes; and the legend of the marks.
import type { AnnexTable, PlacedFinding, PlanView } from '../../common/view.js';
import { SEVERITIES, type Locale, type Severity } from '../../common/locale.js';
import { ruleDescription, ruleName } from '../../common/findings.js';
import { format, type Strings } from '../../common/preview-strings.js';
import type { FindingFilter } from '../../common/webview.js';
import { el } from './dom.js';

export function severityName(sev: Severity, s: Strings): string {
    return { error: s.severityError, warning: s.severityWarning, info: s.severityInfo, hint: s.severityHint }[sev];
}

/** Whether a finding passes the filter. */
export function passes(f: { severity: Severity; code: string }, filter: FindingFilter): boolean {
    return (!filter.errorsOnly || f.severity === 'error') && (!filter.rule || f.code === filter.rule);
}

/** The legend of the coloured corners that mark cells with findings, one swatch per severity. */
export function renderLegend(s: Strings): HTMLElement {
    return el('p', { className: 'finding-legend', attrs: { 'aria-label': s.legendTitle } },
        el('span', { className: 'legend-title', text: s.legendTitle }),
        ...SEVERITIES.map(sev => el('span', { className: `legend-item finding-${sev}`, data: { severity: sev } },
            el('span', { className: 'legend-swatch', attrs: { 'aria-hidden': 'true' } }),
            el('span', { text: severityName(sev, s) }))),
        el('span', { className: 'legend-note', text: s.legendNote }));
}

/** The text a cell link shows: the annex and the figure ("Phụ lục 02: 9"). */
function cellLabel(annexes: AnnexTable[], f: PlacedFinding, i: number): string {
    const ref = f.cells![i];
    const annex = annexes[ref.annex];
    const text = annex?.body[ref.row]?.cells[ref.cell]?.text.trim() ?? '';
    const short = text.length > 24 ? `${text.slice(0, 23)}…` : text;
    return short ? `${annex?.label ?? ''}: ${short}` : annex?.label ?? '';
}

/** The text a paragraph link shows: the tab and the paragraph's first words ("Văn bản: - Các cấp ủy Đảng…"). */
function paragraphLabel(view: PlanView, index: number, s: Strings): string {
    const p = view.document?.body[index];
    const text = `${p?.lead?.text ? `${p.lead.text} ` : ''}${p?.text ?? ''}`.trim();
    return text ? `${s.documentTab}: ${text.length > 24 ? `${text.slice(0, 23)}…` : text}` : s.documentTab;
}

function entry(view: PlanView, f: PlacedFinding, index: number, s: Strings): HTMLElement {
    const line = f.range.start.line;
    return el('li', { className: `finding-entry sev-${f.severity}`, data: { index, code: f.code, severity: f.severity } },
        el('span', { className: 'finding-mark', attrs: { 'aria-hidden': 'true' } }),
        el('span', { className: 'finding-message', text: f.message }),
        el('span', { className: 'finding-links' },
            el('button', {
                className: 'link-button reveal-line', text: format(s.lineLink, line + 1), title: format(s.revealLine, line + 1),
                attrs: { type: 'button' }, data: { line, character: f.range.start.character }
            }),
            ...(f.cells ?? []).map((c, i) => el('button', {
                className: 'link-button go-to-cell', text: cellLabel(view.annexes, f, i), title: s.goToCell,
                attrs: { type: 'button' }, data: { annex: c.annex, row: c.row, cell: c.cell }
            })),
            ...(view.document ? (f.paragraphs ?? []).map(p => el('button', {
                className: 'link-button go-to-paragraph', text: paragraphLabel(view, p, s), title: s.goToParagraph,
                attrs: { type: 'button' }, data: { paragraph: p }
            })) : []),
            ...(view.document && f.head ? [el('button', {
                className: 'link-button go-to-paragraph', text: s.documentTab, title: s.goToParagraph, attrs: { type: 'button' }, data: { paragraph: 'head' }
            })] : [])));
}

/**
 * The list, filtered, grouped by severity (errors first) and by rule within a severity, findings in
 * the order of the plan file within a rule.
 */
export function renderFindingList(view: PlanView, filter: FindingFilter, s: Strings, locale: Locale): HTMLElement {
    const list = view.findingList ?? [];
    const shown = list.map((f, i) => ({ f, i })).filter(x => passes(x.f, filter));
    if (shown.length === 0) return el('p', { className: 'empty findings-empty', text: list.length === 0 ? s.noFindings : s.noMatching });
    const groups = el('div', { className: 'finding-groups' });
    for (const sev of SEVERITIES) {
        const ofSeverity = shown.filter(x => x.f.severity === sev);
        if (ofSeverity.length === 0) continue;
        const codes = [...new Set(ofSeverity.map(x => x.f.code))];
        groups.append(el('section', { className: `finding-group sev-${sev}`, data: { severity: sev } },
            el('h3', { className: 'finding-group-title', text: `${severityName(sev, s)} (${ofSeverity.length})` }),
            ...codes.map(code => {
                const ofCode = ofSeverity.filter(x => x.f.code === code);
                const rule = ruleDescription(code, locale);
                // Headed by the rule's name; its code (what a plan's author searches for) in the hover.
                return el('div', { className: 'finding-rule', data: { code } },
                    el('h4', { className: 'finding-rule-title', title: rule ? `${code}: ${rule}` : code },
                        el('span', { className: 'finding-rule-name', text: ruleName(code, locale) }),
                        el('span', { className: 'finding-rule-count', text: ` (${ofCode.length})` })),
                    rule ? el('p', { className: 'finding-rule-description', text: rule }) : null,
                    el('ul', { className: 'finding-entries' }, ...ofCode.map(x => entry(view, x.f, x.i, s))));
            })));
    }
    return groups;
}

/**
 * How many entries of the list lie wholly below what its scroll box shows ("còn N phát hiện"): the
 * list is as tall as its content up to a limit, and a reviewer must not take its end for the last.
 */
export function entriesBelow(list: HTMLElement): number {
    const bottom = list.getBoundingClientRect().bottom;
    let below = 0;
    for (const entry of list.querySelectorAll<HTMLElement>('.finding-entry')) {
        if (entry.getBoundingClientRect().top >= bottom - 2) below++;
    }
    return below;
}

/** The filter controls: "errors only" and a choice of one rule (those the plan has, with their counts). */
export function renderFilters(view: PlanView, filter: FindingFilter, s: Strings, locale: Locale): HTMLElement {
    const list = view.findingList ?? [];
    const errorsOnly = el('input', { attrs: { type: 'checkbox', id: 'filter-errors' }, className: 'filter-errors' });
    errorsOnly.checked = filter.errorsOnly;
    const counts = new Map<string, number>();
    for (const f of list) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    const rule = el('select', { className: 'filter-rule', attrs: { id: 'filter-rule', 'aria-label': s.ruleFilter } },
        el('option', { text: s.allRules, attrs: { value: '' } }),
        ...[...counts].map(([code, n]) => ({ code, n, name: ruleName(code, locale) }))
            .sort((a, b) => a.name.localeCompare(b.name, locale))
            .map(({ code, n, name }) => el('option', { text: `${name} (${n})`, title: code, attrs: { value: code } })));
    rule.value = filter.rule && counts.has(filter.rule) ? filter.rule : '';
    return el('div', { className: 'finding-filters' },
        el('label', { className: 'filter-label' }, errorsOnly, el('span', { text: s.errorsOnly })),
        el('label', { className: 'filter-label' }, el('span', { text: `${s.ruleFilter}:` }), rule));
}

/** Marks in the annexes and the document follow the filter: a cell or paragraph whose findings all fail it loses its mark. */
export function applyFilterToCells(root: ParentNode, filter: FindingFilter): void {
    for (const td of root.querySelectorAll<HTMLElement>('.annex-table [data-findings], .doc-page [data-findings]')) {
        // "error:total-mismatch warning:wrong-direction"
        const findings = (td.dataset.findings ?? '').split(' ').map(x => {
            const [severity, code] = x.split(':');
            return { severity: severity as Severity, code: code ?? '' };
        });
        td.classList.toggle('finding-filtered', !findings.some(f => passes(f, filter)));
    }
}
