// Words of the checks of issue 21's links between figures and names consistent with their declarations
// (validation/rules/links.ts, names.ts): what the findings' {here}, {kind} and related places say.

import type { Words } from '../catalogue.js';

export const LINK_WORDS = {
    annex: { vi: 'Phụ lục {annex}', en: 'Annex {annex}' },
    relatedOther: { vi: '{there} năm {year}: {other}', en: '{there} {year}: {other}' },
    relatedDeclared: { vi: 'Tên đã khai báo: {declared}', en: 'The declared name: {declared}' },
    unit: { vi: 'đơn vị', en: 'unit' },
    agency: { vi: 'cơ quan', en: 'agency' },
    // the quick fix of name-misspelled
    fixName: { vi: 'Viết đúng tên đã khai báo: {value}', en: 'Spell it as declared: {value}' }
} satisfies Record<string, Words>;
