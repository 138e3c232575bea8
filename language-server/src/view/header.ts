// The document's identity as the annexes and the whole document print it: its kind in a sentence,
// its number with its code, its date. Parts the plan leaves blank are left out or left as the gap a
// draft prints, never filled with placeholders.
import type { PlanDate, PlanHeader } from '../model/types.js';
import { say } from '../../../common/catalogue.js';
import { ANNEX_LOCALE } from '../../../common/words/annex.js';
import { KINDS } from '../../../common/words/kinds.js';

/** "KẾ HOẠCH" as a sentence names it: "Kế hoạch", "Quyết định"; the plan's kind when it has none. */
export function kindInSentence(h: PlanHeader): string {
    const kind = h.kind?.trim();
    if (!kind) return say(KINDS.PlanDocument.title, ANNEX_LOCALE);
    const lower = kind.toLocaleLowerCase('vi');
    return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * "12/KH-UBND"; "/KH-UBND" for a draft whose number is written in at signing; "12" without a code;
 * '' when the plan gives neither.
 */
export function documentRef(h: PlanHeader): string {
    const number = h.number?.trim() ?? '';
    const code = h.code?.trim() ?? '';
    if (code === '') return number;
    return `${number}/${code}`;
}

/** "3/4/2024", "/11/2023" for a draft's blank day; '' without a date. */
export function shortDate(d: PlanDate | undefined): string {
    return d ? `${d.day ?? ''}/${d.month ?? ''}/${d.year ?? ''}` : '';
}
