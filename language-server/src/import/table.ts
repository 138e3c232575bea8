// What the recogniser makes of a grid, before it is printed as plan text: the shape of the language's
// `table` (years, columns, rows, sections, totals), each unit matched to a declared unit or declared
// anew, and every choice the source did not state recorded as a note that is printed as a comment.
import type { Said } from '../../../common/catalogue.js';
import type { Locale } from '../../../common/locale.js';
import type { NumberStyle } from '../../../common/numbers.js';

export type UnitLevel = 'region' | 'province' | 'district' | 'commune';
export type UnitKind = 'huyen' | 'thi-xa' | 'thanh-pho' | 'quan' | 'xa' | 'phuong' | 'thi-tran';

/** A unit the plan already declares (for matching rows by name). */
export interface KnownUnit {
    id: string;
    label: string;
    fullName?: string;
    level: UnitLevel;
    kind?: UnitKind;
}

/** An agency the plan already declares (for matching the agencies named in tasks and annexes). */
export interface KnownAgency { id: string; names: string[] }

/** What an import knows of the plan it goes into (empty for a stand-alone import). */
export interface ImportContext {
    /** The style numbers are printed in: the plan's, or --number-style (default vi). */
    numberStyle: NumberStyle;
    /** The language of the comments the import writes. */
    locale: Locale;
    units: KnownUnit[];
    agencies: KnownAgency[];
    /** Every id the plan already uses (tables, units, columns…): new ids never collide with them. */
    usedIds: Set<string>;
    /** Year kinds to take where the headings do not say result or plan (asked for by the editor). */
    yearKinds?: Record<number, 'result' | 'plan' | 'estimate' | 'actual'>;
}

/** A cell or table the import could not place: reported with its address (`Sheet1!D14`). */
export interface ImportProblem {
    /** `Sheet1!D14`, or table/row/column words for Word and pasted tables. */
    at: string;
    said: Said;
    severity: 'error' | 'warning';
}

/** The result of an import: plan text, and what could not be placed. */
export interface ImportResult {
    /**
     * Plan text. Stand-alone: a whole plan (`plan …`, `number-style`, the unit declarations, the tables).
     * Into a plan or pasted: the new unit declarations and the tables, to be placed by importIntoPlan.
     */
    text: string;
    /** Unit declarations the tables need that the plan lacks (into/paste), printed apart from the tables. */
    declarations?: string;
    /** The tables' own text (into/paste). */
    tables?: string;
    problems: ImportProblem[];
    /** Years whose kind no heading stated and none was given: the guess taken (the editor asks about them). */
    guessedYears?: GuessedYear[];
}

/** A year whose kind the import guessed: the guess and the heading that did not say. */
export interface GuessedYear { year: number; kind: 'result' | 'plan' | 'estimate' | 'actual'; heading: string }
