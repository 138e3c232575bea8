// The findings where they stand in the text, in the document exports (issue 20): with
// `findingsInText` (`plan export --findings comments`) the DOCX carries each finding as a Word comment
// anchored on the text it concerns (a paragraph of the document, an annex cell), the HTML as a mark
// with the message; without it the documents are as they were, whatever findings the view carries.
import * as fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPlanView, type LocatedFinding } from '../../language-server/src/view/build.js';
import { renderExport } from '../../language-server/src/export/index.js';
import { findingsWhere } from '../../language-server/src/cli/findings-option.js';
import type { PlanView } from '../../common/view.js';
import { SEED_PLAN, createTestServices, severityOf, validatePlan } from '../helpers/plan.js';

const services = createTestServices('vi');

async function seedView(): Promise<PlanView> {
    const { model, diagnostics } = await validatePlan(services, fs.readFileSync(SEED_PLAN, 'utf-8'));
    const findings: LocatedFinding[] = diagnostics.map(d => ({ severity: severityOf(d), code: String(d.code), message: d.message, range: d.range }));
    return buildPlanView(model, findings);
}

/** The view as it was before findings were placed in the text: no paragraph or head carries one. */
function withoutTextFindings(view: PlanView): PlanView {
    const d = view.document!;
    const { findings: _head, ...rest } = d;
    return { ...view, document: { ...rest, body: d.body.map(({ findings: _f, ...p }) => p) } };
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join(''));

async function docxParts(data: Uint8Array): Promise<{ document: string; comments?: string }> {
    const zip = await JSZip.loadAsync(data);
    return { document: await zip.file('word/document.xml')!.async('string'), comments: await zip.file('word/comments.xml')?.async('string') };
}

describe('findings in the text of the document exports', () => {
    it('writes no comment and no mark without the option: the document-docx and document-html are those of a view without text findings', async () => {
        const view = await seedView();
        expect(view.document!.body.some(p => p.findings)).toBe(true);
        const clean = withoutTextFindings(view);
        const html = async (v: PlanView, o = {}) => new TextDecoder().decode((await renderExport(v, 'document-html', o)).files[0].data);
        expect(await html(view)).toBe(await html(clean));
        expect(await html(view, { findings: true })).toBe(await html(clean));
        expect(await html(view)).not.toContain('d-finding');
        const docx = async (v: PlanView, o = {}) => docxParts((await renderExport(v, 'document-docx', o)).files[0].data);
        const plain = await docx(view);
        // docx always writes a comments part: without the option, no comment in it.
        expect(plain.comments ?? '').not.toContain('<w:comment ');
        expect(plain.document).not.toContain('comment');
        expect(plain.document).toBe((await docx(clean)).document);
        expect((await docx(view, { findings: true })).document).toBe(plain.document);
    });

    it('writes each of the seed\'s findings as a Word comment anchored on its paragraph or its cell', async () => {
        const view = await seedView();
        const { document, comments } = await docxParts((await renderExport(view, 'document-docx', { findingsInText: true, locale: 'vi' })).files[0].data);
        expect(comments).toBeDefined();
        // Each comment: its text, and the text between its range's start and end in the document.
        const said = new Map([...comments!.matchAll(/<w:comment [^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map(m => [Number(m[1]), textOf(m[2])]));
        const authors = [...comments!.matchAll(/w:author="([^"]*)"/g)].map(m => m[1]);
        expect(new Set(authors)).toEqual(new Set(['Kiểm tra kế hoạch']));
        const anchored = new Map<number, string>();
        for (const id of said.keys()) {
            const start = document.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
            const end = document.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
            expect(start, `comment ${id}`).toBeGreaterThan(0);
            expect(end).toBeGreaterThan(start);
            expect(document).toContain(`<w:commentReference w:id="${id}"/>`);
            anchored.set(id, textOf(document.slice(start, end)));
        }
        const list = view.findingList!;
        expect(list).toHaveLength(19);
        const severity = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin', hint: 'Gợi ý' };
        for (const f of list) {
            const ids = [...said].filter(([, text]) => text === `${severity[f.severity]} [${f.code}]: ${f.message}`).map(([id]) => id);
            const places = [
                ...(f.paragraphs ?? []).map(i => { const p = view.document!.body[i]; return p.lead ? `${p.lead.text}${p.text === '' ? '' : ' '}${p.text}` : p.text; }),
                ...(f.cells ?? []).map(c => view.annexes[c.annex].body[c.row].cells[c.cell].text)
            ];
            expect(places.length, `${f.code} at line ${f.range.start.line + 1}`).toBeGreaterThan(0);
            // One comment for each place it is marked, anchored on that place's text.
            expect(ids.map(id => anchored.get(id)).sort(), `${f.code} at line ${f.range.start.line + 1}`).toEqual(places.sort());
        }
        // The solutions without a lead are commented on their own sentence.
        const solution = list.find(f => f.code === 'solution-without-lead')!;
        const id = [...said].find(([, t]) => t.endsWith(solution.message))![0];
        expect(anchored.get(id)).toMatch(/^- Các cấp ủy Đảng, chính quyền tập trung lãnh đạo/);
        // No comment that is not a finding's.
        expect(said.size).toBe(list.reduce((n, f) => n + (f.paragraphs?.length ?? 0) + (f.cells?.length ?? 0) + (f.head ? 1 : 0), 0));
    });

    it('marks each finding of the text in the document-html with its message', async () => {
        const view = await seedView();
        const html = new TextDecoder().decode((await renderExport(view, 'document-html', { findingsInText: true, locale: 'en' })).files[0].data);
        const marks = [...html.matchAll(/<mark class="d-finding d-finding-(\w+)" title="([^"]*)">/g)];
        expect(marks).toHaveLength(new Set(view.findingList!.flatMap(f => f.paragraphs ?? [])).size);
        const messages = [...html.matchAll(/<span class="d-finding-message d-finding-\w+">([^<]*)<\/span>/g)].map(m => m[1]);
        const inText = view.findingList!.filter(f => f.paragraphs);
        expect(messages).toHaveLength(inText.length);
        const words = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };
        const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
        for (const f of inText) expect(messages, f.message).toContain(escaped(`${words[f.severity]} [${f.code}]: ${f.message}`));
    });

    it('reads --findings as the review sheet, the comments in the text, or both', () => {
        expect(findingsWhere('sheet')).toEqual(['sheet']);
        expect(findingsWhere('comments')).toEqual(['comments']);
        expect(findingsWhere('sheet,comments')).toEqual(['sheet', 'comments']);
        expect(findingsWhere('plan.plan')).toBeUndefined();
        expect(findingsWhere('')).toBeUndefined();
    });
});
