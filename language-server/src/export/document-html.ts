// The whole document as one printable HTML page: the same paragraphs as the DOCX (document-docx.ts),
// the header and closing blocks as borderless two-column tables, then the annexes as the annex HTML
// prints them. A pure function from the view to a string, so that the preview can show it too; every
// text from the plan goes through exportText, then escapeHtml. No script, no external resource.
import type { DocumentParagraph, DocumentView, PlanView, ViewFinding } from '../../../common/view.js';
import { escapeHtml } from '../../../common/escape.js';
import type { Locale } from '../../../common/locale.js';
import { say } from '../../../common/catalogue.js';
import { REVIEW_SEVERITIES } from '../../../common/words/review.js';
import { TEXT_FINDINGS } from '../../../common/words/text-findings.js';
import { annexHtml, STYLE } from './html.js';
import { exportText, exportView } from './text.js';

/** The marks of the findings in the text: in the page only when it has them, so that a clean document is as it always was. */
const FINDINGS_STYLE = `
mark.d-finding { background: #fff1c2; color: inherit; border-bottom: 2px solid #bf8803; }
mark.d-finding-error { background: #fde2df; border-bottom-color: #c42b1c; }
mark.d-finding-info, mark.d-finding-hint { background: #e1ecfb; border-bottom-color: #1a5fb4; }
span.d-finding-message { display: block; margin: 1mm 0 0; padding: 0.5mm 2mm; text-indent: 0; text-align: left; font: italic 10pt sans-serif; border-left: 2px solid #bf8803; }
span.d-finding-message.d-finding-error { border-left-color: #c42b1c; }
span.d-finding-message.d-finding-info, span.d-finding-message.d-finding-hint { border-left-color: #1a5fb4; }
`;

/** The findings in the text (ExportOptions.findingsInText), in `locale`'s words; absent: a clean document. */
export interface DocumentHtmlOptions { marks?: boolean; locale?: Locale }

/** A marked paragraph's findings as the page prints them: "Cảnh báo [numbering-gap]: …", the worst severity first in the class. */
function findingMarks(findings: ViewFinding[] | undefined, locale: Locale): { cls: string; title: string; notes: string } | undefined {
    if (!findings || findings.length === 0) return undefined;
    const said = findings.map(f => exportText(say(TEXT_FINDINGS.comment, locale, { severity: say(REVIEW_SEVERITIES[f.severity], locale), code: f.code, message: f.message })));
    const worst = (['error', 'warning', 'info', 'hint'] as const).find(s => findings.some(f => f.severity === s)) ?? 'hint';
    return {
        cls: `d-finding d-finding-${worst}`,
        title: said.join('\n'),
        notes: findings.map((f, i) => `<span class="d-finding-message d-finding-${f.severity}">${escapeHtml(said[i])}</span>`).join('')
    };
}

// Class names start with "d-": the annexes' style (html.ts) has its own p.title, p.heading.
const DOCUMENT_STYLE = `
article.document { max-width: 165mm; margin: 0 auto 12mm; font-size: 14pt; }
article.document + section.annex { break-before: page; }
table.d-layout { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.d-layout td { border: none; padding: 0; vertical-align: top; }
table.d-layout p { margin: 0; text-align: center; }
td.d-issuer { width: 38%; font-size: 13pt; } td.d-motto { width: 62%; }
/* The place and date, the signature: the body's size, as in the DOCX (not the annex cells' 11 pt). */
td.d-motto, td.d-signature { font-size: 14pt; }
p.d-motto { font-size: 12pt; } p.d-motto + p.d-motto { font-size: 14pt; }
td.d-recipients { width: 45%; } table.d-layout td.d-recipients p { text-align: left; font-size: 11pt; }
table.d-layout td.d-recipients p.d-recipients-heading { font-size: 12pt; font-weight: bold; font-style: italic; }
p.d-rule { border-bottom: 1px solid #000; height: 0; margin: 1mm auto 0 !important; }
td.d-issuer p.d-rule { width: 35%; } td.d-motto p.d-rule { width: 62%; }
article.document > p.d-rule { width: 30%; margin-bottom: 6mm !important; }
p.d-issuer, p.d-motto, p.d-kind, p.d-title, p.d-signature, p.d-signer { font-weight: bold; }
p.d-place-date { font-style: italic; }
p.d-number, p.d-place-date { margin-top: 2mm !important; }
p.d-kind { text-align: center; margin: 8mm 0 0; } p.d-title { text-align: center; margin: 0; }
p.d-signer { margin-top: 22mm !important; }
p.d-para { text-align: justify; text-indent: 12.7mm; margin: 0 0 6pt; line-height: 1.15; }
p.d-heading { font-weight: bold; } p.d-level-3 { font-style: italic; }
p.d-note { font-style: italic; text-align: center; text-indent: 0; }
p.d-bold { font-weight: bold; }
span.d-lead-bold { font-weight: bold; } span.d-lead-italic { font-style: italic; }
table.d-closing { margin-top: 6mm; break-inside: avoid; }
.d-gap { white-space: pre-wrap; }
`;

const p = (cls: string, text: string) => `<p class="${cls}">${escapeHtml(text)}</p>`;

function bodyParagraph(para: DocumentParagraph, options: DocumentHtmlOptions = {}): string {
    const classes = ['d-para', `d-${para.kind}`, ...(para.level ? [`d-level-${para.level}`] : []), ...(para.bold ? ['d-bold'] : [])];
    const lead = para.lead
        ? `<span class="d-lead${para.lead.bold ? ' d-lead-bold' : ''}${para.lead.italic ? ' d-lead-italic' : ''}">${escapeHtml(para.lead.text)}</span>${para.text === '' ? '' : ' '}`
        : '';
    const marks = options.marks ? findingMarks(para.findings, options.locale ?? 'vi') : undefined;
    if (!marks) return `<p class="${classes.join(' ')}">${lead}${escapeHtml(para.text)}</p>`;
    // The paragraph's text marked, the messages under it: what a reviewer reads on screen and on paper.
    return `<p class="${classes.join(' ')}"><mark class="${marks.cls}" title="${escapeHtml(marks.title)}">${lead}${escapeHtml(para.text)}</mark>${marks.notes}</p>`;
}

/** The document's own part, as an <article> (the page around it is documentHtml's). */
export function documentArticle(d: DocumentView, options: DocumentHtmlOptions = {}): string {
    const head = options.marks ? findingMarks(d.findings, options.locale ?? 'vi') : undefined;
    const headLine = (cls: string, text: string) => (head
        ? `<p class="${cls}"><mark class="${head.cls}" title="${escapeHtml(head.title)}">${escapeHtml(text)}</mark>${head.notes}</p>` : p(cls, text));
    const titled = d.title?.trim() !== undefined && d.title.trim() !== '';
    const closing = d.recipients.items.length > 0 || d.signature ? [
        '<table class="d-layout d-closing"><tr>',
        `<td class="d-recipients">${d.recipients.items.length > 0 ? p('d-recipients-heading', d.recipients.heading) + d.recipients.items.map(r => p('d-recipient', r)).join('') : ''}</td>`,
        `<td class="d-signature">${d.signature ? d.signature.lines.map(l => p('d-signature', l)).join('') + p('d-signer', d.signature.name) : ''}</td>`,
        '</tr></table>'
    ] : [];
    return [
        '<article class="document">',
        '<table class="d-layout d-header">',
        `<tr><td class="d-issuer">${d.issuer.map(l => p('d-issuer', l)).join('')}${d.issuer.length > 0 ? '<p class="d-rule"></p>' : ''}</td>`,
        `<td class="d-motto">${p('d-motto', d.motto[0])}${p('d-motto', d.motto[1])}<p class="d-rule"></p></td></tr>`,
        `<tr><td class="d-issuer">${p('d-number d-gap', d.number)}</td><td class="d-motto">${d.placeDate ? p('d-place-date d-gap', d.placeDate) : ''}</td></tr>`,
        '</table>',
        titled ? p('d-kind', d.kind) : headLine('d-kind', d.kind),
        ...(titled ? [headLine('d-title', d.title!)] : []),
        '<p class="d-rule"></p>',
        ...d.body.map(para => bodyParagraph(para, options)),
        ...closing,
        '</article>'
    ].join('\n');
}

/** The whole document and its annexes as one standalone page. */
export function documentHtml(plan: PlanView, options: DocumentHtmlOptions = {}): string {
    // Controls and noncharacters are parse errors in HTML; see exportText.
    const view = exportView(plan);
    const title = [view.document?.kind ?? view.header.kind, view.document?.title ?? view.header.title ?? view.id].filter(Boolean).join(' ');
    return [
        '<!DOCTYPE html>',
        '<html lang="vi">',
        '<head>',
        '<meta charset="utf-8">',
        // Defence in depth: even if some text slipped through unescaped, nothing could load or run.
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeHtml(title)}</title>`,
        `<style>${STYLE}${DOCUMENT_STYLE}${options.marks ? FINDINGS_STYLE : ''}</style>`,
        '</head>',
        '<body>',
        ...(view.document ? [documentArticle(view.document, options)] : []),
        ...view.annexes.map(annexHtml),
        '</body>',
        '</html>',
        ''
    ].join('\n');
}
