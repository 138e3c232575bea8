// The office files of examples/import/ (made by scripts/make-import-examples.mjs, invented figures):
// each imports to exactly the plan text committed beside it, and that plan's findings are exactly the
// slip the file's own arithmetic holds — nothing more, nothing less.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importContextOf, importSource } from '../../language-server/src/import/index.js';
import { readSource } from '../../language-server/src/import/read/index.js';
import { createTestServices, EXAMPLES_DIR, validatePlan } from '../helpers/plan.js';

const DIR = path.join(EXAMPLES_DIR, 'import');
const services = createTestServices();

/** Each source, its shape, and the one finding its figures contain: code, the figure, what the message says it should be. */
const EXAMPLES = [
    { file: '1-mot-dong-tieu-de.xlsx', shape: 'one header row, a year in each heading', code: 'rate-mismatch', figure: '2,07', says: '850/31.480 = 2,7001%' },
    { file: '2-hai-tang-tieu-de.xlsx', shape: 'two header levels, merged years, a numbering row, formulas, notes', code: 'total-mismatch', figure: '1.810', says: 'tổng các dòng là 1.800' },
    { file: '3-xa-theo-khu-vuc.xlsx', shape: 'communes in sections headed by their subtotals', code: 'total-mismatch', figure: '433', says: 'tổng các dòng là 428' },
    { file: '4-dau-cham-phay.csv', shape: 'a ";" CSV with Vietnamese numbers', code: 'rate-mismatch', figure: '2,41', says: '402/18.760 = 2,1429%' },
    { file: '5-word-tong-tren.docx', shape: 'a Word table with the total above its rows', code: 'total-mismatch', figure: '100.610', says: 'tổng các dòng là 100.510' }
];

describe.each(EXAMPLES)('examples/import/$file ($shape)', ({ file, code, figure, says }) => {
    const plan = path.join(DIR, file.replace(/\.[^.]+$/, '.plan'));

    it('imports to the plan text committed beside it', async () => {
        const source = await readSource(fs.readFileSync(path.join(DIR, file)), file, { numberStyle: 'vi' });
        const result = await importSource(services, source, importContextOf(undefined, undefined, 'vi'));
        expect(result.problems).toEqual([]);
        expect(result.text).toBe(fs.readFileSync(plan, 'utf-8'));
    });

    it('has exactly the finding its own arithmetic contains', async () => {
        const text = fs.readFileSync(plan, 'utf-8');
        const { diagnostics } = await validatePlan(services, text);
        const lines = text.split('\n');
        const shown = diagnostics.map(d => ({
            code: String(d.code), figure: lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), message: d.message
        }));
        expect(shown).toHaveLength(1);
        expect(shown[0]).toMatchObject({ code, figure });
        expect(shown[0].message).toContain(says);
    });
});
