// The whole document as one printable HTML page: the same paragraphs as the DOCX (document-docx.ts),
// the header and closing blocks as borderless two-column tables, then the annexes as the annex HTML
// prints them. A pure function from the view to a string, so that the preview can show it too; every
// text from the plan goes through exportText, then escapeHtml. No script, no external resource.
import type { DocumentParagraph, DocumentView, PlanView } from '../../../common/view.js';
import { escapeHtml } from '../../../common/escape.js';
import { annexHtml, STYLE } from './html.js';
import { exportView } from './text.js';

const DOCUMENT_STYLE = `
article.document { max-width: 165mm; margin: 0 auto 12mm; font-size: 14pt; }
article.document + section.annex { break-before: page; }
table.layout, table.layout td { border: none; padding: 0; vertical-align: top; }
table.layout p { margin: 0; text-align: center; }
table.layout td.issuer { width: 40%; } table.layout td.motto { width: 60%; }
table.layout td.recipients { width: 45%; } table.layout td.recipients p { text-align: left; font-size: 11pt; }
table.layout td.recipients p.heading { font-size: 12pt; font-weight: bold; font-style: italic; }
p.rule { border-bottom: 1px solid #000; margin: 1mm auto 0 !important; height: 0; }
td.issuer p.rule { width: 35%; } td.motto p.rule { width: 62%; } p.rule.title { width: 30%; }
p.issuer, p.motto, p.kind, p.title, p.signature, p.signer { font-weight: bold; }
p.place-date { font-style: italic; }
p.number, p.place-date { margin-top: 2mm !important; }
p.kind { text-align: center; margin: 8mm 0 0; } p.title { text-align: center; margin: 0; }
p.signer { margin-top: 22mm !important; }
article.document > p.body { text-align: justify; text-indent: 12.7mm; margin: 0 0 6pt; line-height: 1.15; }
p.body.heading { font-weight: bold; } p.body.level-3 { font-style: italic; }
p.body.note { font-style: italic; text-align: center; text-indent: 0; }
p.body.bold { font-weight: bold; }
span.lead.bold { font-weight: bold; } span.lead.italic { font-style: italic; }
table.layout.closing { margin-top: 6mm; }
.gap { white-space: pre-wrap; }
`;

const p = (cls: string, text: string) => `<p class="${cls}">${escapeHtml(text)}</p>`;

function bodyParagraph(para: DocumentParagraph): string {
    const classes = ['body', para.kind, ...(para.level ? [`level-${para.level}`] : []), ...(para.bold ? ['bold'] : [])];
    const lead = para.lead
        ? `<span class="lead${para.lead.bold ? ' bold' : ''}${para.lead.italic ? ' italic' : ''}">${escapeHtml(para.lead.text)}</span>${para.text === '' ? '' : ' '}`
        : '';
    return `<p class="${classes.join(' ')}">${lead}${escapeHtml(para.text)}</p>`;
}

/** The document's own part, as an <article> (the page around it is documentHtml's). */
export function documentArticle(d: DocumentView): string {
    const closing = d.recipients.items.length > 0 || d.signature ? [
        '<table class="layout closing"><tr>',
        `<td class="recipients">${d.recipients.items.length > 0 ? p('heading', d.recipients.heading) + d.recipients.items.map(r => p('recipient', r)).join('') : ''}</td>`,
        `<td class="signature">${d.signature ? d.signature.lines.map(l => p('signature', l)).join('') + p('signer', d.signature.name) : ''}</td>`,
        '</tr></table>'
    ] : [];
    return [
        '<article class="document">',
        '<table class="layout header">',
        `<tr><td class="issuer">${d.issuer.map(l => p('issuer', l)).join('')}${d.issuer.length > 0 ? '<p class="rule"></p>' : ''}</td>`,
        `<td class="motto">${p('motto', d.motto[0])}${p('motto', d.motto[1])}<p class="rule"></p></td></tr>`,
        `<tr><td class="issuer">${p('number gap', d.number)}</td><td class="motto">${d.placeDate ? p('place-date gap', d.placeDate) : ''}</td></tr>`,
        '</table>',
        p('kind', d.kind),
        ...(d.title?.trim() ? [p('title', d.title)] : []),
        '<p class="rule title"></p>',
        ...d.body.map(bodyParagraph),
        ...closing,
        '</article>'
    ].join('\n');
}

/** The whole document and its annexes as one standalone page. */
export function documentHtml(plan: PlanView): string {
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
        `<style>${STYLE}${DOCUMENT_STYLE}</style>`,
        '</head>',
        '<body>',
        ...(view.document ? [documentArticle(view.document)] : []),
        ...view.annexes.map(annexHtml),
        '</body>',
        '</html>',
        ''
    ].join('\n');
}
