// Property: any table of figures by unit that the exporters write to XLSX, CSV or DOCX imports back
// equal — the same units (by their printed names), years and kinds, columns and every figure as
// printed, total included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportFormat, ExportOptions } from '../../common/export.js';
import { renderExport } from '../../language-server/src/export/index.js';
import { importContextOf, importSource } from '../../language-server/src/import/index.js';
import { readSource } from '../../language-server/src/import/read/index.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import { createTestServices, validatePlan } from '../helpers/plan.js';
import { viewOfText } from './export-support.js';
import { printedTable } from './import-roundtrip.test.js';

const services = createTestServices();

const PREFIXES = ['Huyện ', 'Thị xã ', 'Thành phố ', 'Quận ', 'TX. ', 'TP ', 'H. ', ''];
const SYLLABLES = ['An', 'Bình', 'Phú', 'Đông', 'Tây', 'Hòa', 'Lạc', 'Sơn', 'Thủy', 'Mỹ', 'Yên', 'Kim', 'Văn', 'Giang', 'Ân', 'Thi', 'Cừ', 'Tiên', 'Lữ'];
const vi = (v: number, d = 0) => {
    const [i, f] = v.toFixed(d).split('.');
    return i.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (f ? ',' + f : '');
};

const unitName = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }))
    .map(([p, words]) => p + words.join(' '));

const RANK: Record<string, number> = { result: 0, actual: 0, estimate: 1, plan: 2 };
const COLUMN_SETS = [['households', 'poor', 'poor-rate'], ['poor', 'poor-rate'], ['households', 'poor', 'poor-rate', 'near-poor', 'near-poor-rate'], ['households', 'near-poor']];

const figure = (column: string) => column.endsWith('rate')
    ? fc.oneof({ weight: 9, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 2 })).map(([v, d]) => vi(v / 10 ** d, d)) }, { weight: 1, arbitrary: fc.constant('-') })
    : fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 250_000 }).map(v => vi(v)) }, { weight: 1, arbitrary: fc.constant('-') });

const table = fc.record({
    units: fc.uniqueArray(unitName, { minLength: 1, maxLength: 6, selector: n => n.replace(/^(Huyện|Thị xã|Thành phố|Quận|TX\.|TP|H\.) /, '').toLowerCase() }),
    firstYear: fc.integer({ min: 2016, max: 2028 }),
    // Results before estimates before plans, as tables print them: an annex prints a plan year bare
    // ("Năm 2025"), and the import takes a bare year after the stated results for a plan.
    kinds: fc.array(fc.constantFrom('result', 'plan', 'estimate', 'actual'), { minLength: 1, maxLength: 4 })
        .map(kinds => [...kinds].sort((a, b) => RANK[a] - RANK[b])),
    columns: fc.constantFrom(...COLUMN_SETS),
    total: fc.boolean()
}).chain(t => fc.record({
    t: fc.constant(t),
    cells: fc.array(fc.array(fc.tuple(...t.columns.map(figure)), { minLength: t.kinds.length, maxLength: t.kinds.length }), { minLength: t.units.length + 1, maxLength: t.units.length + 1 })
}));

type Generated = typeof table extends fc.Arbitrary<infer T> ? T : never;

function planOf({ t, cells }: Generated): string {
    const years = t.kinds.map((k, i) => `${t.firstYear + i} ${k}`).join(' ');
    const ids = t.units.map((_, i) => `U${i}`);
    const yearLines = (rows: string[][]) => rows.map((r, i) => `        ${t.firstYear + i}: ${r.join(' ')}`).join('\n');
    return [
        'plan p "P"', 'number-style vi',
        ...t.units.map((u, i) => `district ${ids[i]} "${u}"`),
        `table bang "BẢNG THỬ" {`, '    annex "01"', `    years { ${years} }`, `    columns ${t.columns.join(' ')}`,
        ...t.units.map((_, i) => `    row ${i + 1} ${ids[i]} {\n${yearLines(cells[i])}\n    }`),
        ...(t.total ? [`    total "Tổng cộng" {\n${yearLines(cells[t.units.length])}\n    }`] : []),
        '}'
    ].join('\n');
}

const FORMATS: { format: ExportFormat; options?: ExportOptions }[] = [
    { format: 'xlsx' }, { format: 'docx' }, { format: 'csv' }, { format: 'csv', options: { csv: { numbers: 'printed', separator: ';' } } }
];

describe('random tables exported and imported back', () => {
    it.each(FORMATS)('through $format $options', async ({ format, options }) => {
        await fc.assert(fc.asyncProperty(table, async generated => {
            const text = planOf(generated);
            const original = await validatePlan(services, text);
            const view = await viewOfText(text);
            const { files } = await renderExport(view, format, options);
            const file = files.find(f => !f.name.includes('phat-hien'))!;
            const source = await readSource(file.data, file.name, { numberStyle: 'vi' });
            const result = await importSource(services, source, importContextOf(undefined, undefined, 'vi'), { table: 1 });
            const imported = await validatePlan(services, result.text);
            expect(imported.model.tables).toHaveLength(1);
            expect(printedTable(imported.model, imported.model.tables[0])).toEqual(printedTable(original.model, original.model.tables[0]));
        }), { numRuns: fuzzRuns(12) });
    });
});
