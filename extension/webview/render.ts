// The plan's header, its validation summary and its annexes as the official tables: grouped headers
// with colSpan/rowSpan, sections, subtotals and the bold total row, exactly as the view lays them
// out. Every cell that points into the plan file carries data-line/data-character for click-to-reveal.
import type { AnnexCell, AnnexRow, AnnexTable, DocumentParagraph, DocumentView, PlanView, ViewFinding } from '../../common/view.js';
import { format, type Strings } from '../../common/preview-strings.js';
import { el } from './dom.js';
import { SEVERITIES } from '../../common/locale.js';
import { renderLegend, severityName } from './findings.js';

const SEVERITY_ORDER = SEVERITIES;

export function renderHeader(view: PlanView, s: Strings): HTMLElement {
    const h = view.header;
    const placeDate = [h.place, h.date].filter(Boolean).join(', ');
    const meta = [
        h.period ? format(s.period, h.period) : undefined,
        h.orientationYear !== undefined ? format(s.orientation, h.orientationYear) : undefined
    ].filter((x): x is string => x !== undefined);
    return el('header', { className: 'plan-header' },
        el('div', { className: 'plan-header-top' },
            el('div', { className: 'plan-issuer-block' },
                h.issuer ? el('div', { className: 'plan-issuer', text: h.issuer }) : null,
                el('div', { className: 'plan-number', text: format(s.numberLabel, h.number) })),
            placeDate ? el('div', { className: 'plan-place-date', text: placeDate }) : null),
        h.kind ? el('div', { className: 'plan-kind', text: h.kind }) : null,
        h.title ? el('h1', { className: 'plan-title', text: h.title }) : null,
        meta.length > 0 ? el('p', { className: 'plan-meta' }, ...meta.map(m => el('span', { className: 'plan-meta-item', text: m }))) : null);
}

export function renderSummary(view: PlanView, s: Strings): HTMLElement {
    const f = view.findings;
    const total = f.error + f.warning + f.info + f.hint;
    const box = el('section', { className: 'summary', attrs: { 'aria-label': s.validation } },
        el('span', { className: 'summary-label', text: `${s.validation}:` }));
    if (total === 0) {
        box.append(el('span', { className: 'summary-none', text: s.noFindings }));
        return box;
    }
    for (const sev of SEVERITY_ORDER) {
        box.append(el('span', { className: `summary-count sev-${sev}${f[sev] === 0 ? ' zero' : ''}`, text: format(s[sev], f[sev]), data: { severity: sev, count: f[sev] } }));
    }
    return box;
}

function worstSeverity(findings: ViewFinding[]): ViewFinding['severity'] {
    return SEVERITY_ORDER.find(sev => findings.some(f => f.severity === sev)) ?? 'hint';
}

function renderCell(cell: AnnexCell, tag: 'th' | 'td', s: Strings): HTMLTableCellElement {
    const classes = [`kind-${cell.kind}`, `align-${cell.align ?? (cell.kind === 'text' ? 'left' : 'right')}`];
    if (cell.bold) classes.push('bold');
    let title: string | undefined;
    let findings: string | undefined;
    if (cell.findings && cell.findings.length > 0) {
        classes.push('finding', `finding-${worstSeverity(cell.findings)}`);
        title = cell.findings.map(f => `${severityName(f.severity, s)} [${f.code}]: ${f.message}`).join('\n');
        // What the filters of the findings panel test the cell's mark against.
        findings = cell.findings.map(f => `${f.severity}:${f.code}`).join(' ');
    }
    if (cell.range) classes.push('source-link');
    // Runs set part of the text in bold (Annex 02's "- Chiều thiếu hụt về việc làm:"); the cell's
    // text is then its runs' text, each bold one in a <strong>.
    const runs = cell.runs && cell.runs.length > 0 && cell.runs.map(r => r.text).join('') === cell.text ? cell.runs : undefined;
    const e = el(tag, {
        className: classes.join(' '), text: runs ? undefined : cell.text, title,
        data: { ...(cell.range ? { line: cell.range.start.line, character: cell.range.start.character } : {}), findings, short: cell.short, full: cell.short ? cell.text : undefined }
    });
    if (runs) e.append(...runs.map(r => r.bold ? el('strong', { className: 'run-bold', text: r.text }) : document.createTextNode(r.text)));
    if (cell.colSpan && cell.colSpan > 1) e.colSpan = cell.colSpan;
    if (cell.rowSpan && cell.rowSpan > 1) e.rowSpan = cell.rowSpan;
    return e;
}

function renderRow(row: AnnexRow, tag: 'th' | 'td', s: Strings, extraClass = ''): HTMLTableRowElement {
    const tr = el('tr', { className: `row-${row.kind}${extraClass}`, data: { line: row.line } }, ...row.cells.map(c => renderCell(c, tag, s)));
    // Rows that point into the file can be reached by keyboard too (Enter reveals the row).
    if (row.line !== undefined && tag === 'td') tr.tabIndex = 0;
    return tr;
}

/** Row `index` of an annex's body. In the indicator annex a numbered row opens a new dimension: a heavier rule marks the group. */
export function renderBodyRow(annex: AnnexTable, index: number, s: Strings): HTMLTableRowElement {
    const row = annex.body[index];
    const groupStart = annex.source.kind === 'indicators' && index > 0 && row.cells[0]?.text;
    return renderRow(row, 'td', s, groupStart ? ' group-start' : '');
}

/** Whether any cell of the annex's body is marked by a finding (its legend then stands above the table). */
export function hasMarks(annex: AnnexTable): boolean {
    return annex.body.some(r => r.cells.some(c => c.findings?.length));
}

export function renderAnnex(annex: AnnexTable, s: Strings): HTMLElement {
    const totalWidth = annex.columns.reduce((sum, c) => sum + c.width, 0) || 1;
    const colgroup = el('colgroup', {}, ...annex.columns.map(c => {
        const col = el('col', { data: { key: c.key } });
        col.style.width = `${(100 * c.width / totalWidth).toFixed(2)}%`;
        return col;
    }));
    const body = annex.body.map((_, i) => renderBodyRow(annex, i, s));
    const table = el('table', { className: `annex-table annex-${annex.source.kind}` },
        colgroup,
        el('thead', {}, ...annex.header.map(r => renderRow(r, 'th', s))),
        el('tbody', {}, ...body));
    return el('section', { className: `annex annex-${annex.orientation}`, data: { annex: annex.number, source: annex.source.kind } },
        el('p', { className: 'annex-label', text: annex.label }),
        annex.heading ? el('p', { className: 'annex-heading', text: annex.heading }) : null,
        el('h2', { className: 'annex-title', text: annex.title }),
        el('p', { className: 'annex-subtitle', text: annex.subtitle }),
        // The marks' legend where marks are, above the table.
        hasMarks(annex) ? renderLegend(s) : null,
        el('div', { className: 'table-wrap' }, table));
}

/** A mark's class names, hover text and what the findings filter tests it against, as a cell's. */
function findingMark(findings: ViewFinding[] | undefined, s: Strings): { classes: string[]; title?: string; findings?: string } {
    if (!findings || findings.length === 0) return { classes: [] };
    return {
        classes: ['finding', `finding-${worstSeverity(findings)}`],
        title: findings.map(f => `${severityName(f.severity, s)} [${f.code}]: ${f.message}`).join('\n'),
        findings: findings.map(f => `${f.severity}:${f.code}`).join(' ')
    };
}

function renderParagraph(p: DocumentParagraph, index: number, s: Strings): HTMLElement {
    const mark = findingMark(p.findings, s);
    const classes = ['doc-paragraph', `doc-${p.kind}`, ...mark.classes];
    if (p.level) classes.push(`doc-level-${p.level}`);
    if (p.bold) classes.push('doc-bold');
    if (p.line !== undefined) classes.push('source-link');
    const e = el('p', { className: classes.join(' '), title: mark.title, data: { line: p.line, paragraph: index, findings: mark.findings } });
    // A marked paragraph is reached by keyboard too (Enter reveals its line), as a marked row is.
    if (mark.findings && p.line !== undefined) e.tabIndex = 0;
    if (p.lead) {
        const leadClasses = ['doc-lead', p.lead.bold ? 'doc-lead-bold' : '', p.lead.italic ? 'doc-lead-italic' : ''].filter(Boolean).join(' ');
        e.append(el('span', { className: leadClasses, text: p.lead.text }), document.createTextNode(' '));
    }
    e.append(document.createTextNode(p.text));
    return e;
}

/**
 * The whole document as Nghị định 30/2020/NĐ-CP lays it out: issuer and national motto side by side,
 * number and place/date under them, the kind and title centred, the body, then the recipients
 * (left) and the signature (right). Every plan string goes in as text.
 */
export function renderDocument(d: DocumentView, s: Strings): HTMLElement {
    const line = (className: string, text: string): HTMLElement => el('div', { className, text });
    const top = el('div', { className: 'doc-top' },
        el('div', { className: 'doc-issuer' }, ...d.issuer.map((t, i) => line(i === d.issuer.length - 1 ? 'doc-issuer-line doc-rule' : 'doc-issuer-line', t)),
            line('doc-number', d.number)),
        el('div', { className: 'doc-motto' },
            line('doc-motto-line', d.motto[0]),
            line('doc-motto-line doc-motto-sub doc-rule', d.motto[1]),
            d.placeDate ? line('doc-place-date', d.placeDate) : null));
    const foot = el('div', { className: 'doc-foot' },
        d.recipients.items.length > 0
            ? el('div', { className: 'doc-recipients' },
                line('doc-recipients-heading', d.recipients.heading),
                ...d.recipients.items.map(t => line('doc-recipient', t)))
            : el('div', { className: 'doc-recipients' }),
        d.signature
            ? el('div', { className: 'doc-signature' },
                ...d.signature.lines.map(t => line('doc-signature-line', t)),
                el('div', { className: 'doc-signature-space' }),
                line('doc-signer', d.signature.name))
            : null);
    // The head's findings (before the first section, in no paragraph) mark the kind and title.
    const head = findingMark(d.findings, s);
    const headBlock = el('div', { className: ['doc-head', ...head.classes].join(' '), title: head.title, data: { findings: head.findings } },
        el('div', { className: 'doc-kind', text: d.kind }),
        d.title ? el('div', { className: 'doc-title', text: d.title }) : null);
    // A plan of tables only: its title and what it lacks, not an empty page of a document.
    if (d.body.length === 0) {
        return el('article', { className: 'doc-page doc-page-empty', attrs: { 'aria-label': s.documentTab } },
            headBlock, el('p', { className: 'empty', text: s.noDocumentText }));
    }
    return el('article', { className: 'doc-page', attrs: { 'aria-label': s.documentTab } },
        top,
        headBlock,
        d.title ? el('div', { className: 'doc-title-rule' }) : null,
        el('div', { className: 'doc-body' }, ...d.body.map((p, i) => renderParagraph(p, i, s))),
        foot);
}
