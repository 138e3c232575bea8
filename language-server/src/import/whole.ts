// A whole plan from its Word document (`plan import plan.docx --whole`): the header (issuer, number,
// place and date, kind and title, preamble), the sections by their printed numbering (I., 1., a), -,
// +) read as the plan's parts — purposes and requirements, objectives and targets, tasks and
// solutions with who leads them, funding, the agencies' duties, the closing — then the recipients and
// the signature, and the annexes' tables (units, indicators, tasks). Every reading the document did
// not state is a comment in the produced text ("// nhập: …"); a paragraph that fits nowhere is kept
// as closing text with a comment, never dropped.
import type { Grid, GridCaption, SourceDocument, SourceParagraph } from './grid.js';
import type { ImportContext, ImportProblem, ImportResult } from './table.js';
import { ImportError } from './limits.js';
import { importEnv, type ImportEnv } from './env.js';
import { AgencyBook, type AgencyRef } from './agencies.js';
import { cellText } from './grid-reading.js';
import { printIndicatorTable, readIndicatorGrid, type IndicatorRead, type IndicatorTableRead } from './indicator-table.js';
import { printTaskTable, readTaskGrid, type TaskTableRead } from './task-table.js';
import { asciiWords, clip, commentSafe, fold, planString } from './plan-writing.js';
import { said, say, type Words } from '../../../common/catalogue.js';
import { ANNEX_LOCALE } from '../../../common/words/annex.js';
import { DOCUMENT } from '../../../common/words/document.js';
import { IMPORT_LABELS, IMPORT_NOTES, IMPORT_WHOLE_PROBLEMS } from '../../../common/words/import-notes.js';

/** The recogniser of a table of units (Annex 01's shape): the lead's importGrid. */
export type UnitGridImporter = (grid: Grid, context: ImportContext) => { declarations: string; tables: string; problems: ImportProblem[] } | undefined;

export interface WholeOptions {
    /** Tables of units go through this recogniser; without it they are kept as comments and reported. */
    unitGrid?: UnitGridImporter;
}

// ---- The document's lines --------------------------------------------------------------------------

interface Para { text: string; bold?: boolean; italic?: boolean }

/** Runs of white space (the gap a draft leaves is six no-break spaces) as one space. */
const normal = (text: string) => text.replace(/[\s\u00A0]+/g, ' ').trim();

/** A paragraph's printed numbering: "I." roman, "1." arabic, "a)" letter, "- " dash, "+ " plus. */
function numbering(text: string): { kind: 'roman' | 'arabic' | 'letter' | 'dash' | 'plus' | 'none'; label: string; rest: string } {
    let m = /^([IVXL]+)\.\s+(.*)$/su.exec(text);
    if (m) return { kind: 'roman', label: m[1], rest: m[2] };
    m = /^(\d{1,3})\.\s+(.*)$/su.exec(text);
    if (m) return { kind: 'arabic', label: m[1], rest: m[2] };
    m = /^([a-zđ])\)\s+(.*)$/su.exec(text);
    if (m) return { kind: 'letter', label: m[1], rest: m[2] };
    m = /^[-–•]\s*(.*)$/su.exec(text);
    if (m) return { kind: 'dash', label: '-', rest: m[1] };
    m = /^\+\s*(.*)$/su.exec(text);
    if (m) return { kind: 'plus', label: '+', rest: m[1] };
    return { kind: 'none', label: '', rest: text };
}

type Part = 'purpose' | 'objective' | 'solutions' | 'funding' | 'duties' | 'other';

/** The plan's part a section's printed title names. */
function partOf(title: string): Part {
    const f = fold(title);
    if (/muc dich|yeu cau/.test(f)) return 'purpose';
    if (/muc tieu|chi tieu/.test(f)) return 'objective';
    if (/kinh phi|nguon von|nguon luc thuc hien/.test(f)) return 'funding';
    if (/to chuc thuc hien|trach nhiem|phan cong/.test(f)) return 'duties';
    if (/noi dung|nhiem vu|giai phap/.test(f)) return 'solutions';
    return 'other';
}

/** The titles the export prints for a part (the solutions and duties keep the document's). */
const STANDARD_TITLES: Partial<Record<Part, string[]>> = {
    purpose: [DOCUMENT.purposeAndRequirement, DOCUMENT.purposeOnly, DOCUMENT.requirementOnly].map(w => say(w, ANNEX_LOCALE)),
    objective: [say(DOCUMENT.objectives, ANNEX_LOCALE)],
    funding: [say(DOCUMENT.funding, ANNEX_LOCALE)]
};

// ---- What the document holds, before it is printed as plan text -------------------------------------

interface Header {
    issuer?: string; issuerShort?: string; number?: string; code?: string; place?: string;
    date?: { day?: number; month?: number; year: number }; kind?: string; title?: string; preamble?: string;
    period?: { from: number; to: number; note: string }; orientation?: number;
    signer?: { name: string; position?: string; authority?: string; deputy?: string };
    recipients: string[];
    notes: string[];
}

interface Prose { kind: 'purpose' | 'requirement' | 'objective' | 'closing'; text: string; notes: string[] }

interface SolutionRead { heading: string; texts: string[]; leads: AgencyRef[]; coordinates: AgencyRef[]; notes: string[] }
interface GroupRead { label: string; title: string; groups: GroupRead[]; solutions: SolutionRead[]; items: (GroupRead | SolutionRead)[] }
interface SolutionsRead { title: string; groups: GroupRead[]; notes: string[] }

interface DutyRead { no: string; agency: AgencyRef; heading: string; duties: string[]; notes: string[] }
interface DutiesRead { title: string; items: DutyRead[]; notes: string[] }

interface FundingRead { text?: string; sources: string[]; notes: string[] }

interface TargetClause { text: string; year: number; dimension?: string; annex?: string; notes: string[] }

interface Annex { caption: GridCaption; grid: Grid }

class WholeReader {
    readonly header: Header = { recipients: [], notes: [] };
    readonly prose: Prose[] = [];
    readonly solutions: SolutionsRead[] = [];
    readonly duties: DutiesRead[] = [];
    funding?: FundingRead;
    readonly clauses: TargetClause[] = [];
    readonly annexes: Annex[] = [];
    readonly looseGrids: Grid[] = [];
    private readonly env: ImportEnv;

    constructor(private readonly source: SourceDocument, context: ImportContext, private readonly options: WholeOptions) {
        this.env = importEnv(context);
    }

    private note(words: Words, args: Record<string, string | number> = {}, indent = ''): string {
        return this.env.notes.line(words, args, indent);
    }

    // ---- Phase 1: the blocks in their places -----------------------------------------------------

    read(): ImportResult {
        const blocks = this.source.blocks ?? [];
        if (!blocks.some(b => b.kind === 'paragraph')) throw new ImportError(said(IMPORT_WHOLE_PROBLEMS.noBlocks, { name: this.source.name }));
        const grids = new Map(this.source.grids.map(g => [g.index, g]));
        const front: Para[] = [];
        const body: Para[] = [];
        let stage: 'front' | 'body' | 'after' = 'front';
        let caption: GridCaption | undefined;
        let captionLines: string[] = [];
        for (const block of blocks) {
            if (block.kind === 'table') {
                const grid = grids.get(block.grid);
                if (!grid) continue;
                const lines = gridLines(grid);
                if (stage === 'front' && lines.some(l => /CỘNG HÒA XÃ HỘI CHỦ NGHĨA|^Số:/iu.test(l))) this.headerGrid(grid);
                else if (lines.some(l => /^Nơi nhận/iu.test(l)) || (stage === 'body' && isSignature(grid))) {
                    this.closingGrid(grid);
                    stage = 'after';
                } else if (caption) {
                    this.annexes.push({ caption: finishCaption(caption, captionLines), grid: { ...grid, caption: finishCaption(caption, captionLines) } });
                    caption = undefined;
                    captionLines = [];
                } else this.looseGrids.push(grid);
                continue;
            }
            const p = paragraph(block);
            if (p.text === '') continue;
            const annex = /^Phụ lục\s+(\S+)$/iu.exec(p.text);
            if (annex) {
                stage = 'after';
                caption = { annex: annex[1] };
                captionLines = [];
                continue;
            }
            if (caption) { captionLines.push(p.text); continue; }
            if (stage === 'front' && numbering(p.text).kind === 'roman') stage = 'body';
            if (stage === 'front') front.push(p);
            else if (stage === 'body') body.push(p);
            else if (/^Nơi nhận/iu.test(p.text) || this.header.recipients.length > 0 && numbering(p.text).kind === 'dash') this.recipientLine(p.text);
            else this.prose.push({ kind: 'closing', text: p.text, notes: [this.note(IMPORT_NOTES.unmappedParagraph)] });
        }
        this.frontMatter(front);
        this.bodySections(body);
        return this.print();
    }

    // ---- The header ---------------------------------------------------------------------------------

    private headerGrid(grid: Grid): void {
        const cells = grid.rows.flatMap(row => row.filter(c => c !== undefined).map(c => c!.text.split(/\r?\n/).map(normal).filter(l => l !== '')));
        for (const lines of cells) {
            if (lines.some(l => /CỘNG HÒA XÃ HỘI CHỦ NGHĨA/iu.test(l))) continue;
            for (const line of lines) {
                if (this.headerLine(line)) continue;
                if (line === line.toLocaleUpperCase('vi')) this.header.issuer = this.header.issuer ? `${this.header.issuer} ${line}` : line;
                else this.header.notes.push(this.note(IMPORT_NOTES.unmappedParagraph) + `: ${clip(line)}`);
            }
        }
    }

    /** "Số: …/KH-UBND" or "Hưng Yên, ngày … tháng 11 năm 2023": true when the line was one of these. */
    private headerLine(line: string): boolean {
        const number = /^Số\s*:\s*(.*)$/iu.exec(line);
        if (number) {
            const [n, ...code] = number[1].split('/');
            this.header.number = normal(n);
            if (code.length > 0) this.header.code = normal(code.join('/'));
            return true;
        }
        const date = /^(?:(.*?),\s*)?ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})\s*$/iu.exec(line);
        if (date) {
            if (date[1]) this.header.place = date[1].trim();
            this.header.date = { day: date[2] ? Number(date[2]) : undefined, month: date[3] ? Number(date[3]) : undefined, year: Number(date[4]) };
            return true;
        }
        return /^(Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)$/iu.test(line);
    }

    /** The paragraphs before section I: the header lines a reader left as paragraphs, the kind, the title, the preamble. */
    private frontMatter(front: Para[]): void {
        for (const p of front) {
            if (this.headerLine(p.text)) continue;
            const h = this.header;
            const caps = p.text === p.text.toLocaleUpperCase('vi');
            if (!h.kind && caps && p.text.length <= 40) h.kind = p.text;
            else if (h.kind && !h.title && p.bold) h.title = p.text;
            else if (!h.preamble) h.preamble = p.text;
            else this.prose.push({ kind: 'closing', text: p.text, notes: [this.note(IMPORT_NOTES.unmappedParagraph)] });
        }
        const title = this.header.title ?? '';
        const period = /giai đoạn\s*(\d{4})\s*[-–]\s*(\d{4})/iu.exec(title);
        if (period) this.header.period = { from: Number(period[1]), to: Number(period[2]), note: this.note(IMPORT_NOTES.periodGuess, { from: period[1], to: period[2], text: clip(period[0]) }, '    ') };
        const orientation = /định hướng đến năm\s*(\d{4})/iu.exec(title);
        if (orientation) this.header.orientation = Number(orientation[1]);
    }

    private closingGrid(grid: Grid): void {
        for (const row of grid.rows) {
            for (const cell of row) {
                if (!cell) continue;
                const lines = cell.text.split(/\r?\n/).map(normal).filter(l => l !== '');
                if (lines.some(l => /^Nơi nhận/iu.test(l))) for (const l of lines) this.recipientLine(l);
                else if (lines.length > 0) this.signature(lines);
            }
        }
    }

    private recipientLine(line: string): void {
        if (/^Nơi nhận/iu.test(line)) return;
        this.header.recipients.push(line.replace(/^[-–•]\s*/, ''));
    }

    /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", then the signer's name. */
    private signature(lines: string[]): void {
        const name = lines.at(-1)!;
        const signer: NonNullable<Header['signer']> = { name };
        for (const l of lines.slice(0, -1)) {
            if (/^(TM|T\/M)\.?\s/iu.test(l) && !signer.authority) signer.authority = l;
            else if (/^(KT|Q|TL|TUQ)\.?\s/iu.test(l) && !signer.deputy) signer.deputy = l;
            else if (!signer.position) signer.position = l;
            else this.header.notes.push(`${this.note(IMPORT_NOTES.unmappedParagraph)}: ${clip(l)}`);
        }
        this.header.signer = signer;
    }

    // ---- The sections ---------------------------------------------------------------------------------

    private bodySections(body: Para[]): void {
        let i = 0;
        while (i < body.length) {
            const heading = numbering(body[i].text);
            const title = heading.kind === 'roman' ? heading.rest : '';
            const start = heading.kind === 'roman' ? i + 1 : i;
            let end = start;
            while (end < body.length && numbering(body[end].text).kind !== 'roman') end++;
            const paragraphs = body.slice(start, end);
            const part = heading.kind === 'roman' ? partOf(title) : 'other';
            const notes = [part === 'other'
                ? this.note(IMPORT_NOTES.unmappedSection, { title: clip(body[i].text) })
                : this.note(IMPORT_NOTES.section, { title: clip(body[i].text), part: this.env.notes.say(IMPORT_NOTES.parts, { part }) })];
            const standard = STANDARD_TITLES[part];
            if (standard && !standard.includes(normal(title).toLocaleUpperCase('vi'))) {
                notes.push(this.note(IMPORT_NOTES.sectionTitleNotKept, { title: clip(title), standard: standard[0] }));
            }
            if (part === 'purpose') this.purposes(title, paragraphs, notes);
            else if (part === 'objective') this.objectives(paragraphs, notes);
            else if (part === 'solutions') this.solutionSection(title, paragraphs, notes);
            else if (part === 'funding') this.fundingSection(paragraphs, notes);
            else if (part === 'duties') this.dutySection(title, paragraphs, notes, end === body.length);
            else this.keep([...(heading.kind === 'roman' ? [body[i]] : []), ...paragraphs], notes);
            i = end;
        }
    }

    /** Paragraphs kept as closing text, the first with the notes. */
    private keep(paragraphs: Para[], notes: string[]): void {
        paragraphs.forEach((p, k) => this.prose.push({ kind: 'closing', text: p.text, notes: k === 0 ? notes : [] }));
    }

    private purposes(title: string, paragraphs: Para[], notes: string[]): void {
        let kind: 'purpose' | 'requirement' = /muc dich/.test(fold(title)) ? 'purpose' : 'requirement';
        let pending = notes;
        for (const p of paragraphs) {
            const n = numbering(p.text);
            if (n.kind === 'arabic' && p.bold) {
                const f = fold(n.rest);
                if (/muc dich/.test(f)) kind = 'purpose';
                else if (/yeu cau/.test(f)) kind = 'requirement';
                else pending = [...pending, this.note(IMPORT_NOTES.unmappedParagraph) + `: ${clip(p.text)}`];
                continue;
            }
            this.prose.push({ kind, text: p.text, notes: pending });
            pending = [];
        }
        if (pending.length > 0) this.prose.push({ kind: 'closing', text: title, notes: pending });
    }

    private objectives(paragraphs: Para[], notes: string[]): void {
        let mode: 'general' | 'targets' = 'general';
        let year: number | undefined;
        let pending = notes;
        let lastPlain: TargetClause[] = [];
        for (const p of paragraphs) {
            const n = numbering(p.text);
            const f = fold(p.text);
            if (n.kind === 'arabic' && p.bold) {
                if (/tong quat/.test(fold(n.rest))) mode = 'general';
                else if (/cu the|chi tieu/.test(fold(n.rest))) mode = 'targets';
                continue;
            }
            const lead = /^(?:[a-zđ]\)\s*)?(Mục tiêu|Định hướng|Chỉ tiêu)[^:]*?đến năm\s*(\d{4})\s*:\s*(.*)$/iu.exec(p.text);
            if (lead) {
                mode = 'targets';
                year = Number(lead[2]);
                if (/dinh huong/.test(fold(lead[1]))) this.header.orientation ??= year;
                lastPlain = this.addClauses(lead[3], year, undefined, pending);
                pending = [];
                continue;
            }
            const detail = /^\(?\s*Chi tiết tại\s+Phụ lục\s+(\S+?)\s+kèm theo\s*\)?$/iu.exec(p.text);
            if (detail) {
                for (const c of lastPlain) c.annex = detail[1];
                lastPlain = [];
                continue;
            }
            if (/^cac chi tieu .*den nam \d{4}$/.test(f) && p.text.endsWith(':')) {
                pending = [...pending, this.note(IMPORT_NOTES.regenerated, { text: clip(p.text) })];
                mode = 'targets';
                year ??= Number(/(\d{4})/.exec(p.text)![1]);
                continue;
            }
            const dimension = /^[-–]\s*Chiều\s+([^:]+):\s*(.*)$/iu.exec(p.text);
            if (dimension && year !== undefined) {
                this.addClauses(dimension[2], year, dimension[1].trim(), pending);
                lastPlain = [];
                pending = [];
                continue;
            }
            if (mode === 'general') this.prose.push({ kind: 'objective', text: p.text, notes: pending });
            else this.prose.push({ kind: 'objective', text: p.text, notes: [...pending, this.note(IMPORT_NOTES.unmappedParagraph)] });
            pending = [];
        }
    }

    /** The clauses of a target sentence, as the export joins them ("; ", ", trong đó", " và "). */
    private addClauses(sentence: string, year: number, dimension: string | undefined, notes: string[]): TargetClause[] {
        const added = splitClauses(sentence).map((text, k) => ({ text, year, dimension, notes: k === 0 ? [...notes] : [] }));
        this.clauses.push(...added);
        return added;
    }

    private solutionSection(title: string, paragraphs: Para[], notes: string[]): void {
        const section: SolutionsRead = { title: normal(title), groups: [], notes };
        this.solutions.push(section);
        let group: GroupRead | undefined;
        let inner: GroupRead | undefined;
        let solution: SolutionRead | undefined;
        const newGroup = (label: string, t: string): GroupRead => ({ label, title: t, groups: [], solutions: [], items: [] });
        const container = () => {
            if (!inner && !group) {
                group = newGroup('1', '');
                section.groups.push(group);
                section.notes.push(this.note(IMPORT_NOTES.unmappedParagraph));
            }
            return (inner ?? group)!;
        };
        for (const p of paragraphs) {
            const n = numbering(p.text);
            const f = fold(p.text);
            if (n.kind === 'arabic' && p.bold) {
                group = newGroup(n.label, n.rest);
                section.groups.push(group);
                inner = undefined;
                solution = undefined;
            } else if (n.kind === 'letter' && p.bold) {
                inner = newGroup(n.label, n.rest);
                if (group) { group.groups.push(inner); group.items.push(inner); } else section.groups.push(inner);
                solution = undefined;
            } else if (n.kind === 'dash') {
                solution = splitSolution(n.rest);
                const c = container();
                c.solutions.push(solution);
                c.items.push(solution);
            } else if (/^don vi chu tri( thuc hien)?\s*:/.test(f)) {
                if (solution) this.leadLine(p.text.replace(/^[^:]*:\s*/, ''), solution);
                else this.prose.push({ kind: 'closing', text: p.text, notes: [this.note(IMPORT_NOTES.leadLine)] });
            } else if (/^\(\s*co phu luc .* kem theo\s*\)$/.test(f)) {
                section.notes.push(this.note(IMPORT_NOTES.regenerated, { text: clip(p.text) }));
            } else if (solution) {
                // "- A" then a paragraph: printed back as "- A" and the paragraph only when A is the first text.
                if (solution.texts.length === 0 && !solution.heading.endsWith(':')) {
                    solution.texts.push(solution.heading);
                    solution.heading = '';
                }
                solution.texts.push(p.text);
            } else {
                this.prose.push({ kind: 'closing', text: p.text, notes: [this.note(IMPORT_NOTES.unmappedParagraph)] });
            }
        }
    }

    /** "Sở Xây dựng; Đề nghị Ủy ban MTTQ Việt Nam tỉnh phối hợp thực hiện." */
    private leadLine(text: string, solution: SolutionRead): void {
        for (const part of text.replace(/\.\s*$/, '').split(/\s*;\s*/)) {
            const coordinate = /^(?:Đề nghị\s+)?(.+?)\s+phối hợp(?: thực hiện)?$/iu.exec(part);
            const names = AgencyBook.splitNames(coordinate ? coordinate[1] : part);
            for (const name of names) {
                const { ref, note } = this.env.agencies.resolve(name);
                if (note) solution.notes.push(`// ${this.env.notes.say(IMPORT_NOTES.prefix)} ${note}`);
                (coordinate ? solution.coordinates : solution.leads).push(ref);
            }
        }
    }

    private fundingSection(paragraphs: Para[], notes: string[]): void {
        const funding: FundingRead = { sources: [], notes };
        const dashes = paragraphs.every(p => numbering(p.text).kind === 'dash');
        if (dashes) funding.sources = paragraphs.map(p => numbering(p.text).rest);
        else {
            funding.text = paragraphs[0]?.text;
            this.keep(paragraphs.slice(1), [this.note(IMPORT_NOTES.unmappedParagraph)]);
        }
        this.funding = funding;
    }

    private dutySection(title: string, paragraphs: Para[], notes: string[], last: boolean): void {
        const list: DutiesRead = { title: normal(title), items: [], notes };
        this.duties.push(list);
        let item: DutyRead | undefined;
        paragraphs.forEach((p, k) => {
            const n = numbering(p.text);
            if (n.kind === 'arabic') {
                const runIn = p.bold ? undefined : /^([^:]{2,200}?):\s+(.+)$/su.exec(n.rest);
                const heading = runIn ? runIn[1] : n.rest;
                item = { no: n.label, heading, duties: runIn ? [runIn[2]] : [], notes: [], agency: this.dutyAgency(n.label, heading, []) };
                list.items.push(item);
                return;
            }
            if (item && (n.kind === 'dash' || n.kind === 'plus')) {
                item.duties.push(n.kind === 'dash' ? n.rest : p.text);
                return;
            }
            // The closing sentence follows the duties; anything else before the end is kept there too, said so.
            const atEnd = last && paragraphs.slice(k).every(x => numbering(x.text).kind === 'none');
            this.prose.push({ kind: 'closing', text: p.text, notes: atEnd ? [] : [this.note(IMPORT_NOTES.unmappedParagraph)] });
        });
        for (const i of list.items) i.agency = this.dutyAgency(i.no, i.heading, i.notes);
    }

    /** The agency an item of the duties is about: its heading, a declared name within it, or a new agency. */
    private dutyAgency(no: string, heading: string, notes: string[]): AgencyRef {
        const name = heading.replace(/[:.]\s*$/, '');
        const exact = this.env.agencies.findIn(name.replace(/^Đề nghị\s+/iu, ''));
        if (exact && fold(exact.wording) === fold(name)) return exact;
        if (exact) {
            notes.push(this.note(IMPORT_NOTES.agencyInHeading, { no, id: exact.id, heading: clip(heading) }, '    '));
            return exact;
        }
        // A new agency is named by the heading's subject: "Đề nghị" and what the item asks of it left out.
        const subject = name.replace(/^Đề nghị\s+/iu, '').split(/\s+(?=(?:căn cứ|có trách nhiệm|chủ động|tổ chức triển khai|triển khai)\s)/u)[0];
        const { ref, note } = this.env.agencies.resolve(subject);
        if (note) notes.push(`    // ${this.env.notes.say(IMPORT_NOTES.prefix)} ${note}`);
        if (subject !== name) notes.push(this.note(IMPORT_NOTES.agencyInHeading, { no, id: ref.id, heading: clip(heading) }, '    '));
        return ref;
    }

    // ---- Phase 2: tables, targets, and the text -------------------------------------------------------

    private print(): ImportResult {
        const env = this.env;
        const unitTexts: { declarations: string[]; tables: string[]; byAnnex: Map<string, string> } = { declarations: [], tables: [], byAnnex: new Map() };
        const indicatorTables: IndicatorTableRead[] = [];
        const taskTables: TaskTableRead[] = [];
        const kept: string[] = [];
        for (const { caption, grid } of [...this.annexes, ...this.looseGrids.map((g): Annex => ({ caption: {}, grid: g }))]) {
            if (caption.subtitle && !this.header.issuerShort) {
                const by = /của\s+(.+?)\)?$/u.exec(caption.subtitle);
                if (by) this.header.issuerShort = by[1].replace(/\)$/, '').trim();
            }
            const indicators = readIndicatorGrid(grid, env);
            if (indicators) { indicatorTables.push(indicators); continue; }
            const tasks = readTaskGrid(grid, env);
            if (tasks) { taskTables.push(tasks); continue; }
            const units = this.options.unitGrid?.(grid, { ...env.context, usedIds: env.ids.usedIds() });
            if (units) {
                env.problems.push(...units.problems);
                if (units.declarations.trim()) unitTexts.declarations.push(units.declarations);
                unitTexts.tables.push(units.tables);
                const id = /(?:^|\n)\s*table\s+([_a-zA-Z]\w*)/.exec(units.tables)?.[1];
                for (const used of units.tables.match(/[_a-zA-Z]\w*/g) ?? []) env.ids.reserve(used);
                if (id && caption.annex) unitTexts.byAnnex.set(caption.annex, id);
                continue;
            }
            env.problems.push({ at: grid.name, said: said(IMPORT_WHOLE_PROBLEMS.tableNotRecognised, { index: grid.index }), severity: 'warning' });
            kept.push(this.note(IMPORT_NOTES.tableKept, { index: grid.index, name: clip(grid.caption?.title ?? grid.name) }));
            for (const row of grid.rows) kept.push(`// ${row.map(c => cellText(c)).join(' | ').replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ' ')}`);
        }
        const targets = this.targets(indicatorTables, unitTexts.byAnnex);
        env.agencies.finish();
        const out: string[] = [];
        const h = this.header;
        const title = h.title ?? h.kind ?? this.source.name;
        out.push(`// ${commentSafe(env.notes.say(IMPORT_NOTES.importedFrom, { name: this.source.name }))}`);
        out.push(`plan ${planId(env, title)} ${planString(title)}`);
        out.push(`number-style ${env.context.numberStyle}`);
        out.push('', this.printHeader());
        for (const kind of ['purpose', 'requirement', 'objective'] as const) out.push(...this.printProse(kind));
        if (env.agencies.newCount > 0) out.push('', env.agencies.declarations());
        out.push(...unitTexts.declarations.map(d => `\n${d}`), ...unitTexts.tables.map(t => `\n${t}`));
        if (targets.indicators) out.push('', targets.indicators);
        for (const t of indicatorTables) out.push('', printIndicatorTable(t, env, targets.directions));
        if (targets.text) out.push('', targets.text);
        for (const s of this.solutions) out.push('', this.printSolutions(s));
        if (this.funding) out.push('', this.printFunding(this.funding));
        for (const d of this.duties) out.push('', this.printDuties(d));
        out.push(...this.printProse('closing'));
        for (const t of taskTables) out.push('', printTaskTable(t, env));
        if (kept.length > 0) out.push('', ...kept);
        return { text: `${out.join('\n')}\n`, problems: env.problems };
    }

    /**
     * The targets the sentences state: each clause matched to an indicator (of its dimension, or one
     * computed from the annex of units its "(Chi tiết tại …)" line names), its comparison read from
     * the words, each with the comment that it was read so; a clause no indicator fits gets an
     * indicator of its own, with the comment proposing what to check.
     */
    private targets(tables: IndicatorTableRead[], unitTables: Map<string, string>): { text: string; indicators: string; directions: Map<string, string> } {
        const env = this.env;
        const out: string[] = [];
        const indicators: string[] = [];
        const directions = new Map<string, string>();
        const computed = new Map<string, string>();
        const lead = this.followUpAgency();
        const dims = tables.flatMap(t => t.dimensions);
        const all = dims.flatMap(d => d.indicators);
        for (const clause of this.clauses) {
            const comparison = readComparison(clause.text);
            let indicatorId: string | undefined;
            const notes = [...clause.notes];
            if (clause.dimension !== undefined) {
                const dim = dims.find(d => fold(d.name) === fold(clause.dimension!)) ?? dims.find(d => fold(d.heading ?? '').endsWith(fold(clause.dimension!)));
                indicatorId = bestIndicator(clause.text, dim ? dim.indicators : all)?.id;
            }
            const measure = !indicatorId ? poorMeasure(clause.text) : undefined;
            const table = measure ? unitTables.get(clause.annex ?? '') ?? (unitTables.size === 1 ? [...unitTables.values()][0] : undefined) : undefined;
            if (!indicatorId && measure && table) {
                const key = `${measure.column}:${table}`;
                if (!computed.has(key)) {
                    const id = env.ids.snake(measure.name);
                    computed.set(key, id);
                    indicators.push(env.notes.line(IMPORT_NOTES.computedFromAnnex, { table, annex: clause.annex ?? '' }));
                    if (lead) indicators.push(env.notes.line(IMPORT_NOTES.leadFromDuties, { id: lead.id }));
                    indicators.push(`indicator ${id} ${planString(measure.name)} {`, `    unit ${measure.unit}`, '    direction lower', `    computed ${measure.column} of ${table}`,
                        ...(lead ? [`    ${env.agencies.assignment([lead], [])}`] : []), '}');
                }
                indicatorId = computed.get(key);
            }
            if (!indicatorId) {
                indicatorId = env.ids.snake(clause.text, 'ct', 5);
                notes.push(env.notes.line(IMPORT_NOTES.indicatorFromSentence, { text: clip(clause.text) }));
                indicators.push(env.notes.line(IMPORT_NOTES.indicatorFromSentence, { text: clip(clause.text) }),
                    `indicator ${indicatorId} ${planString(clip(clause.text.replace(/[.;,]+$/, ''), 120))} {${comparison?.unit === '%' ? ' unit percent' : ''} }`);
            }
            const indicator = all.find(i => i.id === indicatorId);
            if (indicator && comparison) this.direction(indicator, comparison.op, directions);
            const id = env.ids.snake(indicatorId, 'mt', 4);
            const phrase = comparison ? comparisonText(comparison) : '';
            notes.push(comparison
                ? env.notes.line(IMPORT_NOTES.targetRead, { indicator: indicatorId, year: clause.year, comparison: phrase })
                : env.notes.line(IMPORT_NOTES.targetWordsOnly));
            out.push(...notes, `target ${id} {`, `    indicator ${indicatorId}`, `    year ${clause.year}`);
            if (comparison) out.push(`    ${phrase}`);
            out.push(`    text ${planString(clause.text)}`, '}');
        }
        return { text: out.join('\n'), indicators: indicators.join('\n'), directions };
    }

    /** A target's comparison says which way its indicator should move: "dưới 9%" lower, "trên 68%" higher. */
    private direction(indicator: IndicatorRead, op: string, notes: Map<string, string>): void {
        const direction = ['below', 'at-most'].includes(op) ? 'lower' : ['above', 'at-least'].includes(op) ? 'higher' : undefined;
        if (!direction || notes.has(indicator.id)) return;
        indicator.direction = direction;
        notes.set(indicator.id, this.env.notes.line(IMPORT_NOTES.directionGuess, { direction, from: this.env.notes.say(IMPORT_NOTES.directionSources, { from: 'target' }) }, '    '));
    }

    /** The agency that follows up and reports on the plan (its duties say "theo dõi", "tổng hợp"), else the first. */
    private followUpAgency(): AgencyRef | undefined {
        const items = this.duties.flatMap(d => d.items);
        return (items.find(i => i.duties.some(d => /theo doi|tong hop/.test(fold(d)))) ?? items[0])?.agency;
    }

    // ---- Printing ------------------------------------------------------------------------------------

    private printHeader(): string {
        const h = this.header;
        const f: string[] = [...h.notes.map(n => `    ${n}`)];
        if (h.number !== undefined) f.push(`    number ${planString(h.number)}${h.code ? ` code ${planString(h.code)}` : ''}`);
        if (h.issuer) f.push(`    issuer ${planString(h.issuer)}`);
        if (h.issuerShort) f.push(`    issuer-short ${planString(h.issuerShort)}`);
        if (h.place) f.push(`    place ${planString(h.place)}`);
        if (h.date) f.push(`    date ${h.date.day ?? '?'}/${h.date.month ?? '?'}/${h.date.year}`);
        if (h.kind) f.push(`    kind ${planString(h.kind)}`);
        if (h.title) f.push(`    title ${planString(h.title)}`);
        if (h.period) f.push(h.period.note, `    period ${h.period.from} to ${h.period.to}`);
        if (h.orientation) f.push(`    orientation ${h.orientation}`);
        if (h.preamble) f.push(`    preamble ${planString(h.preamble)}`);
        const s = h.signer;
        if (s) {
            f.push(`    signer ${planString(s.name)}${s.position ? ` position ${planString(s.position)}` : ''}${s.authority ? ` authority ${planString(s.authority)}` : ''}${s.deputy ? ` deputy ${planString(s.deputy)}` : ''}`);
        }
        for (const r of h.recipients) f.push(`    recipient ${planString(r)}`);
        return ['header {', ...f, '}'].join('\n');
    }

    private printProse(kind: Prose['kind']): string[] {
        const own = this.prose.filter(p => p.kind === kind);
        return own.length === 0 ? [] : ['', ...own.flatMap(p => [...p.notes, `${kind} ${planString(p.text)}`])];
    }

    private printSolutions(s: SolutionsRead): string {
        const out = [...s.notes, `solutions ${planString(s.title)} {`];
        const group = (g: GroupRead, indent: string) => {
            out.push(`${indent}group ${g.label} ${planString(g.title)} {`);
            for (const item of g.items.length > 0 ? g.items : g.solutions) {
                if ('label' in item) group(item, `${indent}    `);
                else this.printSolution(item, `${indent}    `, out);
            }
            out.push(`${indent}}`);
        };
        for (const g of s.groups) group(g, '    ');
        out.push('}');
        return out.join('\n');
    }

    private printSolution(s: SolutionRead, indent: string, out: string[]): void {
        out.push(...s.notes.map(n => `${indent}${n}`));
        const assignment = this.env.agencies.assignment(s.leads, s.coordinates, 'coordinate-short');
        if (s.texts.length === 0 && !assignment) {
            out.push(`${indent}solution ${planString(s.heading)}`);
            return;
        }
        out.push(`${indent}solution ${planString(s.heading)} {`);
        for (const t of s.texts) out.push(`${indent}    text ${planString(t)}`);
        if (assignment) out.push(`${indent}    ${assignment}`);
        else if (s.coordinates.length > 0) out.push(this.env.notes.line(IMPORT_NOTES.cellNotPlaced, { text: clip(s.coordinates.map(c => c.wording).join('; ')) }, `${indent}    `));
        out.push(`${indent}}`);
    }

    private printFunding(f: FundingRead): string {
        const out = [...f.notes, 'funding {'];
        if (f.text) out.push(`    text ${planString(f.text)}`);
        for (const s of f.sources) out.push(`    source ${this.env.ids.snake(s, 'nguon', 4)} ${planString(s)}`);
        out.push('}');
        return out.join('\n');
    }

    private printDuties(d: DutiesRead): string {
        const out = [...d.notes, `duties ${planString(d.title)} {`];
        for (const item of d.items) {
            out.push(...item.notes);
            const label = this.env.agencies.label(item.agency.id);
            const heading = item.heading.replace(/:\s*$/, '') !== label ? ` ${planString(item.heading)}` : '';
            out.push(`    ${item.no} ${item.agency.id}${heading} {`, ...item.duties.map(t => `        ${planString(t)}`), '    }');
        }
        out.push('}');
        return out.join('\n');
    }
}

// ---- Small readers ---------------------------------------------------------------------------------------

function paragraph(p: SourceParagraph): Para {
    return { text: normal(p.text), bold: p.bold ?? (/^heading/i.test(p.style ?? '') ? true : undefined), italic: p.italic };
}

/** Every line of every cell of a grid. */
function gridLines(grid: Grid): string[] {
    return grid.rows.flatMap(r => r.flatMap(c => (c ? c.text.split(/\r?\n/).map(normal) : []))).filter(l => l !== '');
}

/** A borderless block whose one cell ends with a name under lines in capitals: the signature. */
function isSignature(grid: Grid): boolean {
    return grid.rows.length <= 2 && grid.rows.some(r => r.some(c => c && /^(TM|KT)\.\s/mu.test(c.text)));
}

/** The caption lines between "Phụ lục 02" and the table: a heading, the title, the "(Kèm theo …)" line. */
function finishCaption(caption: GridCaption, lines: string[]): GridCaption {
    const subtitleAt = lines.findIndex(l => /^\(\s*Kèm theo/iu.test(l));
    const before = subtitleAt < 0 ? lines : lines.slice(0, subtitleAt);
    return {
        ...caption,
        subtitle: subtitleAt < 0 ? undefined : lines[subtitleAt],
        heading: before.length > 1 ? before.slice(0, -1).join(' ') : undefined,
        title: before.at(-1)
    };
}

/** "- Đối với hộ …: Rà soát …" → heading and first text; a heading that ends with ":" stands alone. */
function splitSolution(text: string): SolutionRead {
    const s: SolutionRead = { heading: text, texts: [], leads: [], coordinates: [], notes: [] };
    if (text.endsWith(':')) return s;
    const m = /^([^:]{2,200}?):\s+(.+)$/su.exec(text);
    if (m && asciiWords(m[1]).length <= 30 && /^(đối với|về|với)\s/iu.test(m[1])) {
        s.heading = m[1];
        s.texts.push(m[2]);
    }
    return s;
}

/**
 * A target sentence's clauses, as the export joins them: "; " between clauses, ", trong đó …" a
 * clause that qualifies the one before, " và …" one that the sentence joins to the one before when
 * both state a figure. The last keeps its full stop.
 */
export function splitClauses(sentence: string): string[] {
    const out: string[] = [];
    for (const part of sentence.split(/;\s+/)) {
        for (const piece of part.split(/,\s+(?=trong đó\s)/u)) {
            const halves = piece.split(/\s+(?=và\s)/u);
            let current = halves[0];
            for (const half of halves.slice(1)) {
                if (/\d\s*%/.test(current) && /\d\s*%/.test(half)) { out.push(current); current = half; } else current += ` ${half}`;
            }
            out.push(current);
        }
    }
    return out.map((c, k) => (k < out.length - 1 ? c.replace(/[.;,]+$/, '') : c).trim()).filter(c => c !== '');
}

interface Comparison { op: string; value?: string; low?: string; high?: string; unit?: string }

/** The letters without accents, one for one (indices stay those of the text). */
function plainSameLength(text: string): string {
    let out = '';
    for (const ch of text) out += /^[\u0111\u0110]$/.test(ch) ? 'd' : ch.length === 1 ? ch.normalize('NFD')[0].toLowerCase() : ch;
    return out;
}

const NUM = '(\\d+(?:[.,]\\d+)*)';

/** The comparison a sentence states: "dưới 9%" below 9, "trên 68%" above 68, "100% …" equal 100, "khoảng 0,5%". */
export function readComparison(text: string): Comparison | undefined {
    const plain = plainSameLength(text);
    const words: [RegExp, string][] = [
        [/(?:khong qua|toi da|khong vuot qua)/, 'at-most'], [/(?:toi thieu|it nhat|khong duoi)/, 'at-least'],
        [/(?:duoi|thap hon)/, 'below'], [/(?:tren|cao hon|vuot)/, 'above'], [/(?:khoang|xap xi)/, 'about']
    ];
    const between = new RegExp(`tu\\s+${NUM}\\s*%?\\s*(?:den|-)\\s*${NUM}\\s*(%)?`).exec(plain);
    if (between) return { op: 'between', low: between[1], high: between[2], unit: between[3] };
    for (const percent of [true, false]) {
        for (const [word, op] of words) {
            const m = new RegExp(`(?:^|\\s)${word.source}\\s+(?:muc\\s+)?${NUM}\\s*${percent ? '%' : '(?![\\d%])'}`).exec(plain);
            if (m) return { op, value: m[1], unit: percent ? '%' : undefined };
        }
        if (percent) {
            const equal = new RegExp(`(?:^|\\s)${NUM}\\s*%`).exec(plain);
            if (equal) return { op: 'equal', value: equal[1], unit: '%' };
        }
    }
    if (/khong con ho ngheo/.test(plain)) return { op: 'equal', value: '0' };
    return undefined;
}

function comparisonText(c: Comparison): string {
    return c.op === 'between' ? `between ${c.low} and ${c.high}` : `${c.op} ${c.value}`;
}

const STOP = new Set(['ty', 'le', 'cua', 'va', 'cac', 'co', 'duoc', 'den', 'nam', 'dat', 'tren', 'duoi', 'khoang', 'so', 'nhung', 'trong', 'do', 'theo']);

function words(text: string): Set<string> {
    return new Set(fold(text).split(/[^a-z0-9]+/).filter(w => w.length > 1 && !STOP.has(w)));
}

/** The indicator whose name shares the most words with the sentence (at least two). */
function bestIndicator(text: string, candidates: IndicatorRead[]): IndicatorRead | undefined {
    const own = words(text);
    let best: { i: IndicatorRead; score: number } | undefined;
    for (const i of candidates) {
        const name = words(i.name);
        const common = [...name].filter(w => own.has(w)).length;
        const score = common + common / Math.max(1, name.size);
        if (common >= 2 && (!best || score > best.score)) best = { i, score };
    }
    return best?.i ?? (candidates.length === 1 ? candidates[0] : undefined);
}

/** A sentence about the poverty rate or the poor households, which a table of units computes. */
function poorMeasure(text: string): { column: string; name: string; unit: string } | undefined {
    const f = fold(text);
    if (/can ngheo/.test(f)) return undefined;
    if (/ty le ho ngheo/.test(f)) return { column: 'poor-rate', name: say(IMPORT_LABELS.povertyRate, ANNEX_LOCALE), unit: 'percent' };
    if (/ho ngheo/.test(f)) return { column: 'poor', name: say(IMPORT_LABELS.poorHouseholds, ANNEX_LOCALE), unit: 'households' };
    return undefined;
}

function planId(env: ImportEnv, title: string): string {
    return env.ids.snake(title, '', 6);
}

/**
 * A whole plan from a Word document's blocks and tables. Tables of units go through
 * `options.unitGrid` (the recogniser of Annex 01's shape); indicator and task tables are read here.
 */
export function importWholeDocument(source: SourceDocument, context: ImportContext, options: WholeOptions = {}): ImportResult {
    return new WholeReader(source, context, options).read();
}
