// The whole document as Nghị định 30/2020/NĐ-CP lays it out, built from the plan model: the issuer and
// the national motto, number and date, kind and title, the sections in the order a provincial plan
// has them (I. purpose and requirements, II. objectives and targets, III. measures, IV. funding,
// V. implementation), the closing, the recipients and the signature. The annexes follow it in the
// exports (view/build.ts builds them). Every numbering ("I.", "1.", "a)", "- ") is written into the
// paragraphs here, so that every format prints the same text.
import type { DocumentParagraph, DocumentView, Position, SourceRange, ViewFinding } from '../../../common/view.js';
import {
    printedName, type AssignmentModel, type DutyListModel, type IdRef, type PlanDate, type PlanModel, type SolutionGroupModel, type SolutionModel,
    type TargetModel
} from '../model/types.js';
import { say, type Args, type Words } from '../../../common/catalogue.js';
import { ANNEX, ANNEX_LOCALE } from '../../../common/words/annex.js';
import { DOCUMENT, TARGET_SENTENCES } from '../../../common/words/document.js';
import { KINDS } from '../../../common/words/kinds.js';

const w = (words: Words, args?: Args) => say(words, ANNEX_LOCALE, args);
const caps = (text: string) => text.toLocaleUpperCase(ANNEX_LOCALE);

/** The gap a draft leaves for what is written in by hand at signing (the number, the day). */
export const GAP = '\u00A0'.repeat(6);

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

/** Where an annex the body refers to is: by the plan element it comes from. */
export interface AnnexRefs {
    /** The label of the annex made from a district table ("Phụ lục 01"), by table id. */
    tables: Map<string, string>;
    /** The label of the annex of the dimensions' indicators. */
    indicators?: string;
    /** The annexes of tasks, in plan order. */
    tasks: { label: string; title: string }[];
}

/**
 * "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" on two lines as the decree prints it: the body, then the unit it
 * belongs to (tỉnh, thành phố, huyện, …).
 */
export function issuerLines(issuer: string | undefined): string[] {
    if (!issuer?.trim()) return [];
    const upper = caps(issuer.trim().replace(/\s+/g, ' '));
    const unit = /\s(?=(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s)/u.exec(upper);
    return unit && unit.index > 0 ? [upper.slice(0, unit.index), upper.slice(unit.index + 1)] : [upper];
}

/** The date line's parts: days under 10 and the months January and February take a leading zero (the decree). */
function placeDate(place: string | undefined, d: PlanDate | undefined): string {
    if (!d) return '';
    const day = d.day === undefined ? GAP : String(d.day).padStart(2, '0');
    const month = d.month === undefined ? GAP : d.month < 3 ? String(d.month).padStart(2, '0') : String(d.month);
    return w(DOCUMENT.placeDate, { place: place?.trim() ?? '', day, month, year: d.year ?? GAP });
}

/** A caps title as a sentence names it ("NHIỆM VỤ XÂY DỰNG …" → "Nhiệm vụ xây dựng …"); other titles as written. */
function inSentence(title: string): string {
    if (title !== caps(title)) return title;
    const lower = title.toLocaleLowerCase(ANNEX_LOCALE);
    return lower.charAt(0).toLocaleUpperCase(ANNEX_LOCALE) + lower.slice(1);
}

/**
 * Target sentences of one item joined as the plan's prose joins them: clauses by "; ", a clause that
 * qualifies the one before ("trong đó …") after a comma, one that the plan starts with "và" after a
 * space; one full stop at the end.
 */
export function joinClauses(texts: string[]): string {
    let out = '';
    texts.map(t => t.trim()).filter(t => t !== '').forEach((clause, i, all) => {
        const part = i < all.length - 1 ? clause.replace(/[.;,]+$/, '') : clause;
        if (i === 0) out = part;
        else if (/^trong đó\s/u.test(part)) out += `, ${part}`;
        else if (/^và\s/u.test(part)) out += ` ${part}`;
        else out += `; ${part}`;
    });
    return out === '' || /[.!?…:]$/.test(out) ? out : `${out}.`;
}

/** The first letter in lower case: "Việc làm" in "Chiều việc làm". */
function lowerFirst(text: string): string {
    return text.charAt(0).toLocaleLowerCase(ANNEX_LOCALE) + text.slice(1);
}

class DocumentBuilder {
    private readonly body: DocumentParagraph[] = [];
    /** The plan elements each paragraph of the body prints (their ranges), by paragraph: where a finding in them is marked. */
    readonly owns: SourceRange[][] = [];
    private section = 0;
    private readonly agencies: Map<string, PlanModel['agencies'][number]>;

    constructor(private readonly model: PlanModel, private readonly annexes: AnnexRefs) {
        this.agencies = new Map(model.agencies.map(a => [a.id, a]));
    }

    /** `owns`: the plan elements the paragraph prints; kept for the next paragraph when this one has no text. */
    private pending: SourceRange[] = [];

    private push(p: DocumentParagraph, owns: (SourceRange | undefined)[] = []): void {
        // A plan being typed has holes: a string not yet closed is no text at all in the model.
        const text = p.text ?? '';
        this.pending.push(...owns.filter((r): r is SourceRange => r !== undefined));
        if (text.trim() !== '' || p.lead) {
            this.body.push({ ...p, text });
            this.owns.push(this.pending);
            this.pending = [];
        }
    }

    private heading(level: 1 | 2 | 3, text: string, line?: number, owns?: (SourceRange | undefined)[]): void {
        this.push({ kind: 'heading', level, text, line }, owns);
    }

    private text(text: string, line?: number, lead?: DocumentParagraph['lead'], owns?: (SourceRange | undefined)[]): void {
        this.push({ kind: 'text', text, line, lead }, owns);
    }

    private sectionHeading(title: string, line?: number, owns?: (SourceRange | undefined)[]): void {
        const numeral = ROMAN[this.section] ?? String(this.section + 1);
        this.section++;
        this.heading(1, `${numeral}. ${title}`, line, owns);
    }

    build(): DocumentParagraph[] {
        const h = this.model.header;
        if (h.preamble?.trim()) this.text(h.preamble);
        this.purposes();
        this.objectives();
        this.measures();
        this.funding();
        for (const list of this.model.dutyLists) this.duties(list);
        for (const p of this.model.prose.filter(x => x.kind === 'closing')) this.text(p.text, p.range.start.line, undefined, [p.range]);
        return this.body;
    }

    private purposes(): void {
        const purposes = this.model.prose.filter(p => p.kind === 'purpose');
        const requirements = this.model.prose.filter(p => p.kind === 'requirement');
        if (purposes.length === 0 && requirements.length === 0) return;
        const title = purposes.length > 0 && requirements.length > 0 ? DOCUMENT.purposeAndRequirement
            : purposes.length > 0 ? DOCUMENT.purposeOnly : DOCUMENT.requirementOnly;
        this.sectionHeading(w(title), (purposes[0] ?? requirements[0]).range.start.line);
        const both = purposes.length > 0 && requirements.length > 0;
        let n = 0;
        for (const [words, list] of [[DOCUMENT.purpose, purposes], [DOCUMENT.requirement, requirements]] as const) {
            if (list.length === 0) continue;
            if (both) this.heading(2, `${++n}. ${w(words)}`, list[0].range.start.line);
            for (const p of list) this.text(p.text, p.range.start.line, undefined, [p.range]);
        }
    }

    private objectives(): void {
        const general = this.model.prose.filter(p => p.kind === 'objective');
        const targets = this.model.targets;
        if (general.length === 0 && targets.length === 0) return;
        this.sectionHeading(w(DOCUMENT.objectives), (general[0] ?? targets[0]).range.start.line);
        const numbered = general.length > 0 && targets.length > 0;
        if (general.length > 0) {
            if (numbered) this.heading(2, `1. ${w(DOCUMENT.generalObjective)}`, general[0].range.start.line);
            for (const p of general) this.text(p.text, p.range.start.line, undefined, [p.range]);
        }
        if (targets.length > 0) {
            if (numbered) this.heading(2, `2. ${w(DOCUMENT.specificTargets)}`, targets[0].range.start.line);
            this.targets(targets);
        }
    }

    /** A target's sentence: as the plan writes it, else made from its indicator and comparison. */
    private sentence(t: TargetModel): string {
        if (t.text?.trim()) return t.text;
        const indicator = this.model.indicators.find(i => i.id === t.indicator.id);
        const name = indicator?.name ?? t.indicator.id;
        const unit = indicator?.unitKind === 'percent' ? '%' : '';
        const c = t.comparison;
        const key = !c ? 'none' : c.change ?? (c.op === 'between' ? 'between' : c.op);
        return w(TARGET_SENTENCES[key], {
            name, value: c?.value ? `${c.value.printed}${unit}` : '', low: c?.low ? `${c.low.printed}${unit}` : '', high: c?.high ? `${c.high.printed}${unit}` : ''
        });
    }

    /**
     * II.2: a) the targets by the end of the period, those of the deprivation dimensions one line per
     * dimension; b), c) … the targets beyond it, by year. Under each group, the annex that details it.
     */
    private targets(targets: TargetModel[]): void {
        const indicators = new Map(this.model.indicators.map(i => [i.id, i]));
        const end = this.model.header.period?.to ?? Math.max(...targets.map(t => t.year));
        const within = targets.filter(t => t.year <= end);
        const beyond = [...new Set(targets.filter(t => t.year > end).map(t => t.year))].sort((a, b) => a - b);
        let letter = 0;
        const letters = [...w(DOCUMENT.itemLetters)];
        const item = (lead: string) => `${letters[letter++] ?? letter}) ${lead}`;
        const inDimension = (t: TargetModel) => indicators.get(t.indicator.id)?.dimensionId !== undefined;
        if (within.length > 0) {
            const plain = within.filter(t => !inDimension(t));
            this.text(joinClauses(plain.map(t => this.sentence(t))), (plain[0] ?? within[0]).range.start.line, { text: item(w(DOCUMENT.targetsBy, { year: end })) },
                plain.map(t => t.range));
            const details = [...new Set(plain.map(t => indicators.get(t.indicator.id)?.computed?.tableId)
                .map(id => (id ? this.annexes.tables.get(id) : undefined)).filter((l): l is string => l !== undefined))];
            for (const annex of details) this.push({ kind: 'note', text: w(DOCUMENT.detailIn, { annex }) });
            const dimensional = within.filter(inDimension);
            if (dimensional.length > 0) {
                this.text(w(DOCUMENT.dimensionTargets, { year: end }), dimensional[0].range.start.line);
                for (const d of this.model.dimensions) {
                    const own = dimensional.filter(t => indicators.get(t.indicator.id)?.dimensionId === d.id);
                    if (own.length === 0) continue;
                    this.text(`- ${w(DOCUMENT.dimension, { name: lowerFirst(d.name ?? '') })} ${joinClauses(own.map(t => this.sentence(t)))}`, own[0].range.start.line,
                        undefined, own.map(t => t.range));
                }
                if (this.annexes.indicators) this.push({ kind: 'note', text: w(DOCUMENT.detailIn, { annex: this.annexes.indicators }) });
            }
        }
        for (const year of beyond) {
            const own = targets.filter(t => t.year === year);
            this.text(joinClauses(own.map(t => this.sentence(t))), own[0].range.start.line, { text: item(w(DOCUMENT.orientationTo, { year })) }, own.map(t => t.range));
        }
    }

    /** III: the groups of measures, numbered as the plan labels them, then the annexes of tasks. */
    private measures(): void {
        const sections = this.model.solutionSections;
        if (sections.length === 0 && this.annexes.tasks.length === 0) return;
        if (sections.length === 0) this.sectionHeading(w(DOCUMENT.solutions));
        sections.forEach(section => {
            this.sectionHeading(section.title?.trim() ? section.title : w(DOCUMENT.solutions), section.range.start.line, [section.range]);
            for (const g of section.groups) this.group(g, 2);
        });
        for (const tasks of this.annexes.tasks) {
            this.push({ kind: 'note', text: w(DOCUMENT.annexAttached, { annex: tasks.label, title: inSentence(tasks.title) }) });
        }
    }

    private group(g: SolutionGroupModel, level: 2 | 3): void {
        const title = g.title ?? '';
        this.heading(level, level === 2 ? `${g.label ?? ''}. ${title}` : `${g.label ?? ''}) ${title}`, g.range.start.line, [g.range]);
        for (const s of g.solutions) this.solution(s);
        for (const inner of g.groups) this.group(inner, 3);
    }

    /**
     * A measure: "- heading: first text", its other texts below; a heading that ends with ":" stands
     * on its own line above all its texts. Then who leads it.
     */
    private solution(s: SolutionModel): void {
        const line = s.range.start.line;
        const heading = (s.heading ?? '').trim();
        const [first, ...rest] = s.texts.filter(t => typeof t === 'string');
        // A finding in the measure marks its first paragraph; one in who leads it, that line.
        const owns = [s.range];
        if (first === undefined) this.text(`- ${heading}`, line, undefined, owns);
        else if (heading.endsWith(':')) {
            this.text(`- ${heading}`, line, undefined, owns);
            for (const t of [first, ...rest]) this.text(t, line);
        } else {
            this.text(heading === '' ? `- ${first}` : `- ${heading}: ${first}`, line, undefined, owns);
            for (const t of rest) this.text(t, line);
        }
        const leads = this.assignment(s.assignment);
        if (leads) this.text(leads, s.assignment.range?.start.line ?? line, { text: w(DOCUMENT.lead), italic: true }, [s.assignment.range]);
    }

    private agencyName(ref: IdRef): string {
        return printedName(ref);
    }

    /**
     * "Sở Xây dựng; Đề nghị Ủy ban MTTQ Việt Nam tỉnh phối hợp thực hiện.": the leads in full, then the
     * coordinating bodies by the short name the plan gives them; the Fatherland Front and mass
     * organisations, which a people's committee asks rather than instructs, with "Đề nghị".
     */
    private assignment(a: AssignmentModel): string | undefined {
        if (a.leads.length === 0 && a.coordinates.length === 0) return undefined;
        const short = (ref: IdRef) => ref.printedAs?.text ?? this.agencies.get(ref.id)?.shortNames[0] ?? this.agencyName(ref);
        const asked = a.coordinates.filter(r => this.agencies.get(r.id)?.kind === 'front');
        const told = a.coordinates.filter(r => !asked.includes(r));
        const parts = [
            ...a.leads.map(r => this.agencyName(r)),
            ...(told.length > 0 ? [w(DOCUMENT.coordinate, { agencies: told.map(short).join(', ') })] : []),
            ...(asked.length > 0 ? [w(DOCUMENT.requestCoordinate, { agencies: asked.map(short).join(', ') })] : [])
        ];
        return `${parts.join('; ')}.`;
    }

    private funding(): void {
        const f = this.model.funding;
        if (!f) return;
        this.sectionHeading(w(DOCUMENT.funding), f.range.start.line, [f.range]);
        if (f.text?.trim()) this.text(f.text, f.range.start.line);
        else {
            for (const s of f.sources) {
                this.text(`- ${s.via ? w(DOCUMENT.fundingVia, { source: s.name, agency: this.agencyName(s.via) }) : s.name}`, s.range.start.line, undefined, [s.range]);
            }
        }
    }

    /**
     * V: an agency with one duty in one paragraph ("2. Sở Kế hoạch và Đầu tư: Chủ trì…"), with several
     * under its heading as "- " items, with none as its bold heading alone.
     */
    private duties(list: DutyListModel): void {
        this.sectionHeading(list.title?.trim() ? list.title : w(DOCUMENT.duties), list.range.start.line, [list.range]);
        for (const item of list.items) {
            const line = item.range.start.line;
            const name = (item.heading?.trim() ? item.heading : item.agency ? this.agencyName(item.agency) : '').trim();
            const head = `${item.no?.printed ?? ''}. ${name}`;
            const duties = item.duties.filter(d => typeof d === 'string');
            if (duties.length === 0) this.push({ kind: 'text', text: head, bold: true, line }, [item.range]);
            else if (duties.length === 1) this.text(duties[0], line, { text: /[:.]$/.test(head) ? head : `${head}:`, bold: true }, [item.range]);
            else {
                this.heading(2, head, line, [item.range]);
                for (const d of duties) this.text(`- ${d}`, line);
            }
        }
    }
}

const atOrBefore = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (r: SourceRange, p: Position) => atOrBefore(r.start, p) && atOrBefore(p, r.end);
/** How much of the file a range spans, to prefer the innermost element (a measure over its group). */
const span = (r: SourceRange) => (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);

/** A finding as the document takes it: where it stands, and whether an annex cell already marks it. */
export interface TextFinding extends ViewFinding { range: SourceRange }

/** Where the document marks a finding: paragraphs of the body, or its head. */
export type TextPlace = { paragraphs: number[] } | { head: true };

/**
 * Marks the findings in the document: each on the paragraph that prints the innermost plan element its
 * start lies in (a measure, a target, a group, a duty item, …); a finding in no printed element and
 * on no annex cell (`onCell`) on the heading of the section it falls in (the last one that starts on
 * or before its line), else on the head. Returns where each finding went.
 */
function placeFindings<F extends TextFinding>(
    doc: DocumentView, owns: SourceRange[][], findings: readonly F[], onCell: (f: F) => boolean
): Map<F, TextPlace> {
    const placed = new Map<F, TextPlace>();
    const mark = (i: number, f: F) => {
        const p = doc.body[i];
        (p.findings ??= []).push({ severity: f.severity, code: f.code, message: f.message });
    };
    for (const f of findings) {
        const at = f.range.start;
        let best: { i: number; size: number } | undefined;
        owns.forEach((ranges, i) => {
            for (const r of ranges) {
                if (!contains(r, at)) continue;
                const size = span(r);
                if (!best || size < best.size) best = { i, size };
            }
        });
        if (best) {
            mark(best.i, f);
            placed.set(f, { paragraphs: [best.i] });
            continue;
        }
        if (onCell(f)) continue;
        let section: number | undefined;
        doc.body.forEach((p, i) => {
            if (p.kind === 'heading' && p.level === 1 && p.line !== undefined && p.line <= at.line
                && (section === undefined || doc.body[section].line! <= p.line)) section = i;
        });
        if (section !== undefined) {
            mark(section, f);
            placed.set(f, { paragraphs: [section] });
        } else {
            (doc.findings ??= []).push({ severity: f.severity, code: f.code, message: f.message });
            placed.set(f, { head: true });
        }
    }
    return placed;
}

/** The document around the annexes; `annexes` says how the body refers to them. */
export function buildDocument(model: PlanModel, annexes: AnnexRefs): DocumentView {
    return markedDocument(model, annexes, [], () => false).document;
}

/** The document with `findings` marked where they stand in the text (see placeFindings), and where each went. */
export function markedDocument<F extends TextFinding>(
    model: PlanModel, annexes: AnnexRefs, findings: readonly F[], onCell: (f: F) => boolean
): { document: DocumentView; places: Map<F, TextPlace> } {
    const builder = new DocumentBuilder(model, annexes);
    const body = builder.build();
    const h = model.header;
    const number = h.number?.trim() ?? '';
    const code = h.code?.trim() ?? '';
    const signer = h.signer;
    const document: DocumentView = {
        issuer: issuerLines(h.issuer),
        motto: [w(DOCUMENT.motto), w(DOCUMENT.mottoLine)],
        number: w(ANNEX.number, { number: code === '' ? number || GAP : `${number || GAP}/${code}` }),
        placeDate: placeDate(h.place, h.date),
        kind: caps(h.kind?.trim() ? h.kind.trim() : w(KINDS.PlanDocument.title)),
        title: h.title ?? model.title,
        body,
        recipients: { heading: h.recipients.length > 0 ? w(DOCUMENT.recipients) : '', items: h.recipients.map(r => `- ${r ?? ''}`) },
        signature: signer && (signer.name?.trim() || signer.authority || signer.position)
            ? { lines: [signer.authority, signer.deputy, signer.position].filter((l): l is string => !!l?.trim()).map(caps), name: signer.name ?? '' }
            : undefined
    };
    return { document, places: placeFindings(document, builder.owns, findings, onCell) };
}
