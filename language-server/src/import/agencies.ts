// The agencies an imported document names, matched to the plan's declared agencies by name, short
// name or alias (accent-, case- and dash-insensitively, then with abbreviations spelt out: "Sở Nông
// nghiệp và PTNT" is "Sở Nông nghiệp và Phát triển nông thôn"), and declared when new. Every wording
// a new agency is printed with is kept (the longest as its name, the others as `short` or `alias`),
// and each reference says `as "…"` where the document prints it otherwise than the export would, so
// that the exported annexes print the agencies exactly as the source did.
import type { ImportContext } from './table.js';
import { asciiWords, fold, planString, type IdMaker, type Notes } from './plan-writing.js';
import { IMPORT_NOTES } from '../../../common/words/import-notes.js';

/** An agency as one place of the document names it. */
export interface AgencyRef { id: string; wording: string }

/** Where a reference is printed: a measure's coordinating bodies print by their short name. */
export type AgencySite = 'lead' | 'coordinate-short' | 'coordinate';

interface Entry {
    id: string;
    /** Declared by the plan already (its names cannot change) or by this import. */
    known: boolean;
    names: string[];
    /** The wordings met, in order (new agencies only). */
    wordings: string[];
    label: string;
    shorts: string[];
    aliases: string[];
    kind?: string;
}

/** The agency kind a name says: "Sở …" a department, "Ngân hàng …" a bank, "Các …" a group. */
export function agencyKind(name: string): string | undefined {
    const f = fold(name);
    if (/mat tran|mttq/.test(f)) return 'front';
    if (/ngan hang|nhcsxh/.test(f)) return 'bank';
    if (/^so /.test(f)) return 'department';
    if (/^(ubnd|uy ban nhan dan)\b/.test(f)) return 'committee';
    if (/^cac /.test(f)) return 'group';
    return undefined;
}

/**
 * Two names are one agency with abbreviations spelt out: the words agree one by one, except that a
 * word in capitals in one ("PTNT", "MTTQ", "UBND") stands for as many words of the other as it has
 * letters, whose initials it is.
 */
export function sameWithAbbreviations(a: string, b: string): boolean {
    const wa = asciiWords(a);
    const wb = asciiWords(b);
    const go = (i: number, j: number): boolean => {
        if (i === wa.length && j === wb.length) return true;
        if (i < wa.length && j < wb.length && wa[i].toLowerCase() === wb[j].toLowerCase()) return go(i + 1, j + 1);
        for (const [x, y, flip] of [[wa, wb, false], [wb, wa, true]] as const) {
            const [p, q] = flip ? [j, i] : [i, j];
            const abbr = x[p];
            if (abbr === undefined || !/^[A-Z]{2,}$/.test(abbr) || q + abbr.length > y.length) continue;
            const initials = y.slice(q, q + abbr.length).map(w => w[0].toUpperCase()).join('');
            if (initials === abbr && (flip ? go(i + abbr.length, j + 1) : go(i + 1, j + abbr.length))) return true;
        }
        return false;
    };
    return wa.length > 0 && wb.length > 0 && go(0, 0);
}

const WORD_COUNT = (s: string) => asciiWords(s).length;

export class AgencyBook {
    private readonly entries: Entry[] = [];
    /** Comments for the declarations (why an agency is new). */
    private readonly declaredFrom = new Map<string, string>();

    constructor(context: ImportContext, private readonly ids: IdMaker, private readonly notes: Notes) {
        for (const a of context.agencies) {
            this.entries.push({ id: a.id, known: true, names: [...a.names], wordings: [], label: a.names[0] ?? a.id, shorts: [], aliases: [] });
        }
    }

    /**
     * The agency a printed name stands for, and the comment to write where it is used when the match
     * was a guess (at a distance). A name nothing matches is declared.
     */
    resolve(printed: string): { ref: AgencyRef; note?: string } {
        const wording = printed.replace(/\s+/g, ' ').trim();
        const f = fold(wording);
        const names = (e: Entry) => (e.known ? e.names : e.wordings);
        let entry = this.entries.find(e => names(e).some(n => fold(n) === f));
        let note: string | undefined;
        if (!entry) {
            entry = this.entries.find(e => names(e).some(n => sameWithAbbreviations(n, wording)));
            if (entry) note = this.notes.say(IMPORT_NOTES.agencyAtDistance, { printed: wording, id: entry.id, name: entry.known ? entry.label : entry.wordings[0] });
        } else if (entry.known && !entry.names.some(n => n.normalize('NFC') === wording.normalize('NFC'))) {
            note = this.notes.say(IMPORT_NOTES.agencyAtDistance, { printed: wording, id: entry.id, name: entry.label });
        }
        if (!entry) {
            entry = { id: this.ids.acronym(wording), known: false, names: [], wordings: [], label: wording, shorts: [], aliases: [], kind: agencyKind(wording) };
            this.entries.push(entry);
            this.declaredFrom.set(entry.id, wording);
        }
        if (!entry.known && !entry.wordings.includes(wording)) entry.wordings.push(wording);
        return { ref: { id: entry.id, wording }, note };
    }

    /** A name found inside a longer text ("Đề nghị Ủy ban MTTQ … và các tổ chức thành viên"): the longest. */
    findIn(text: string): AgencyRef | undefined {
        const f = ` ${fold(text)} `;
        let best: { ref: AgencyRef; length: number } | undefined;
        for (const e of this.entries) {
            for (const n of e.known ? e.names : e.wordings) {
                const fn = fold(n);
                if (fn.length > 3 && f.includes(` ${fn} `) && (!best || fn.length > best.length)) best = { ref: { id: e.id, wording: n }, length: fn.length };
            }
        }
        if (best) return best.ref;
        // With abbreviations spelt out: "Ủy ban MTTQ Việt Nam tỉnh" at the start of "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và …".
        const words = text.split(/\s+/);
        for (let n = words.length; n >= 2; n--) {
            const start = words.slice(0, n).join(' ').replace(/[,;:.]+$/, '');
            for (const e of this.entries) {
                const hit = (e.known ? e.names : e.wordings).find(w => sameWithAbbreviations(w, start));
                if (hit) return { id: e.id, wording: hit };
            }
        }
        return undefined;
    }

    /**
     * The agencies of a printed list: "A; B", and within a part "A, B" where each name starts with a
     * capital (a comma followed by a lower-case word belongs to the name: "UBND huyện, thị xã, thành phố").
     */
    static splitNames(text: string): string[] {
        const out: string[] = [];
        for (const part of text.split(/\s*;\s*/)) {
            const pieces = part.split(/\s*,\s*/);
            let current = '';
            for (const piece of pieces) {
                if (current !== '' && !/^\p{Lu}/u.test(piece)) current += `, ${piece}`;
                else {
                    if (current !== '') out.push(current);
                    current = piece;
                }
            }
            if (current.trim() !== '') out.push(current);
        }
        return out.map(s => s.replace(/[.;,\s]+$/, '').trim()).filter(s => s !== '');
    }

    /** Chooses each new agency's name (its longest wording), short names and aliases. Call once, before printing. */
    finish(): void {
        for (const e of this.entries.filter(x => !x.known)) {
            e.label = e.wordings.reduce((best, w) => (WORD_COUNT(w) > WORD_COUNT(best) ? w : best), e.wordings[0] ?? e.label);
            for (const w of e.wordings) {
                if (w === e.label) continue;
                if (fold(w) === fold(e.label)) e.aliases.push(w);
                else e.shorts.push(w);
            }
        }
    }

    /** The name the export prints a reference by, where it names the agency `as` nothing. */
    private defaultPrint(e: Entry, site: AgencySite): string {
        return site === 'coordinate-short' ? e.shorts[0] ?? e.label : e.label;
    }

    /** `ID` or `ID as "wording"` where the export would otherwise print another name. */
    reference(ref: AgencyRef, site: AgencySite): string {
        const e = this.entries.find(x => x.id === ref.id);
        if (!e || ref.wording === this.defaultPrint(e, site)) return ref.id;
        const declared = e.known ? e.names : [e.label, ...e.shorts, ...e.aliases];
        return declared.includes(ref.wording) ? `${ref.id} as ${planString(ref.wording)}` : ref.id;
    }

    /** The printed name of an agency (its name, after finish()). */
    label(id: string): string {
        return this.entries.find(x => x.id === id)?.label ?? id;
    }

    /** `lead A B coordinate C`, or '' when nobody is named. */
    assignment(leads: AgencyRef[], coordinates: AgencyRef[], coordinateSite: AgencySite = 'coordinate'): string {
        if (leads.length === 0) return '';
        const parts = [`lead ${leads.map(r => this.reference(r, 'lead')).join(' ')}`];
        if (coordinates.length > 0) parts.push(`coordinate ${coordinates.map(r => this.reference(r, coordinateSite)).join(' ')}`);
        return parts.join(' ');
    }

    /** The declarations of the agencies this import added, each with the note that it is new. */
    declarations(): string {
        const lines: string[] = [];
        for (const e of this.entries.filter(x => !x.known)) {
            lines.push(this.notes.line(IMPORT_NOTES.newAgency, { printed: this.declaredFrom.get(e.id) ?? e.label }));
            const names = [...e.shorts.map(s => `short ${planString(s)}`), ...e.aliases.map(a => `alias ${planString(a)}`)];
            lines.push(`agency ${e.id} ${planString(e.label)}${e.kind ? ` ${e.kind}` : ''}${names.length > 0 ? ` { ${names.join(' ')} }` : ''}`);
        }
        return lines.join('\n');
    }

    /** The agencies this import declared, by every name it gave them (after finish()). */
    declared(): { id: string; names: string[] }[] {
        return this.entries.filter(x => !x.known).map(e => ({ id: e.id, names: [e.label, ...e.shorts, ...e.aliases] }));
    }

    get newCount(): number {
        return this.entries.filter(x => !x.known).length;
    }
}
