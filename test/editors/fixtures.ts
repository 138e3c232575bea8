// What the editor tests look at: places of the seed plan with what each is (a keyword of a kind, a
// string, a number, a comment …), a text with what the seed lacks (a block comment over two lines,
// a range of targets, a blank cell, a check's operators, an escape), and one line per keyword.
import * as fs from 'node:fs';
import { SEED_PLAN } from '../helpers/plan.js';
import { grammarKeywords, isWordKeyword, positionOf } from '../helpers/editors.js';

export type Kind = 'declaration' | 'name' | 'field' | 'comparison' | 'type' | 'constant' | 'reference' | 'string' | 'escape'
    | 'number' | 'year-label' | 'comment' | 'blank' | 'operator';

export interface Probe { what: string; kind: Kind; line: number; byteCol: number; charCol: number }

export const SEED_TEXT = fs.readFileSync(SEED_PLAN, 'utf8');

/** [needle, kind, text the needle is searched after] */
const SEED_PROBES: Array<[string, Kind, string?]> = [
    ['// Kế hoạch thực hiện', 'comment'],
    ['Kế hoạch', 'comment'],
    ['plan', 'declaration', 'giảm nghèo, 2023–2025.\n'],
    ['hung_yen_giam_ngheo_2023', 'name'],
    ['"Kế hoạch thực hiện Nghị quyết', 'string'],
    ['2023-2025"', 'string', '"Kế hoạch thực hiện Nghị quyết'],
    ['number-style', 'field'],
    ['vi', 'constant', 'number-style '],
    ['header', 'declaration'],
    ['issuer-short', 'field'],
    ['?/11/2023', 'number'],
    ['21/8/2023', 'number', 'implements'],
    ['agency', 'declaration', '// Cơ quan'],
    ['LDTBXH', 'name', '// Cơ quan'],
    ['department', 'constant', '// Cơ quan'],
    ['thanh-pho', 'constant'],
    ['full-name', 'field'],
    ['table', 'declaration', '// Phụ lục 01'],
    ['result', 'constant', 'years {'],
    ['poor-rate', 'type', 'columns households'],
    ['row', 'declaration', 'columns households'],
    ['PhuCu', 'reference', 'row 1'],
    ['2021:', 'year-label', 'row 1 PhuCu'],
    ['29.822', 'number'],
    ['3,17', 'number'],
    ['10.368', 'number'],
    ['total', 'declaration', 'row 10 VanGiang'],
    ['unit', 'field', 'indicator ty_le_ho_ngheo'],
    ['percent', 'type', 'indicator ty_le_ho_ngheo'],
    ['lower', 'constant', 'indicator ty_le_ho_ngheo'],
    ['lead', 'field', 'indicator ty_le_ho_ngheo'],
    ['LDTBXH', 'reference', 'indicator ty_le_ho_ngheo'],
    ['baseline', 'constant'],
    ['plan', 'constant', 'baseline 2022 = 100\n'],
    ['=', 'operator', 'baseline 2022'],
    ['about', 'comparison', 'target mt_ty_le_ho_ngheo_2025'],
    ['0,5', 'number', 'target mt_ty_le_ho_ngheo_2025'],
    ['// "và"', 'comment'],
    ['solutions', 'declaration']
];

export const EXTRA_TEXT = [
    '/* a block comment',
    '   over two lines, agency inside */',
    'table t "T \\"quoted\\"" targets {',
    '    years { 2025 plan }',
    '    columns poor-rate',
    '    check c { poor(previous) - poor <= 10 message "x" }',
    '    row 1 PhuCu {',
    '        2025: 3,0..3,4 -',
    '    }',
    '}',
    ''
].join('\n');

const EXTRA_PROBES: Array<[string, Kind, string?]> = [
    ['/*', 'comment'],
    ['agency', 'comment'],
    ['table', 'declaration', '*/'],
    ['\\"', 'escape'],
    ['targets', 'field'],
    ['previous', 'constant'],
    ['-', 'operator', 'previous)'],
    ['<=', 'operator'],
    ['3,0..3,4', 'number'],
    ['-', 'blank', '3,4'],
    ['2025:', 'year-label']
];

function probes(text: string, list: Array<[string, Kind, string?]>): Probe[] {
    return list.map(([needle, kind, after]) => ({ what: after ? `${needle} (after ${JSON.stringify(after.slice(0, 24))})` : needle, kind, ...positionOf(text, needle, after) }));
}

export const seedProbes = (): Probe[] => probes(SEED_TEXT, SEED_PROBES);
export const extraProbes = (): Probe[] => probes(EXTRA_TEXT, EXTRA_PROBES);

/** Every word keyword of the grammar, one a line. */
export const KEYWORDS = grammarKeywords().filter(isWordKeyword);
export const KEYWORDS_TEXT = KEYWORDS.join('\n') + '\n';
