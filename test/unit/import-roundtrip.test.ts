// Round trip: the seed's Annex 01 exported to XLSX, CSV (plain and as printed, ',' and ';') and DOCX
// by the project's own exporters, then imported back — stand-alone and into the seed — gives the
// same table (units, years and their kinds, columns, every figure as printed) and the same findings
// (the published 2.954 among them).
import * as fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat, ExportOptions } from '../../common/export.js';
import { renderExport } from '../../language-server/src/export/index.js';
import { importContextOf, importSource } from '../../language-server/src/import/index.js';
import { readSource } from '../../language-server/src/import/read/index.js';
import type { DistrictTableModel, PlanModel } from '../../language-server/src/model/types.js';
import type { PlanView } from '../../common/view.js';
import { seedView, viewOfText } from './export-support.js';
import { createTestServices, SEED_PLAN, validatePlan } from '../helpers/plan.js';

const services = createTestServices();

/** A table as a reader of the annex sees it: rows by printed label, each year's kind and figures. */
export function printedTable(model: PlanModel, table: DistrictTableModel) {
    const line = (row: { label: string; years: { year: number; cells: { printed: string }[] }[] }) =>
        [row.label, ...row.years.map(y => `${y.year}: ${y.cells.map(c => c.printed).join(' ')}`)].join(' | ');
    const label = (id: string | undefined) => model.districts.find(d => d.id === id)?.name ?? id;
    return {
        years: table.years.map(y => `${y.year} ${y.kind}`),
        columns: table.columns,
        rows: table.sections.flatMap(s => s.rows).map(r => line({ ...r, label: label(r.district?.id) ?? r.label })),
        total: table.total ? line(table.total) : undefined
    };
}

/** The table findings of a plan: code and the figure they stand on. */
function tableFindings(text: string, diagnostics: { code?: string | number; range: { start: { line: number; character: number }; end: { character: number } } }[]) {
    const lines = text.split('\n');
    return diagnostics
        .filter(d => /total|rate|sum|count/.test(String(d.code)))
        .map(d => `${String(d.code)} ${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`)
        .sort();
}

let seed: { text: string; model: PlanModel; findings: string[] };
let view: PlanView;

beforeAll(async () => {
    const text = fs.readFileSync(SEED_PLAN, 'utf-8');
    const { model, diagnostics } = await validatePlan(services, text);
    seed = { text, model, findings: tableFindings(text, diagnostics) };
    view = await seedView();
});

async function exported(format: ExportFormat, options: ExportOptions = {}): Promise<{ name: string; data: Uint8Array }> {
    const { files } = await renderExport(view, format, options);
    return files.find(f => /01|\.xlsx$|\.docx$/.test(f.name))!;
}

const CASES: { name: string; format: ExportFormat; options?: ExportOptions; table?: number }[] = [
    { name: 'XLSX', format: 'xlsx', table: 1 },
    { name: 'DOCX', format: 'docx', table: 1 },
    { name: 'CSV, plain numbers', format: 'csv' },
    { name: 'CSV as printed, ";"', format: 'csv', options: { csv: { numbers: 'printed', separator: ';' } } }
];

describe.each(CASES)('the seed\'s Annex 01 through $name', ({ format, options, table }) => {
    it('imports stand-alone to the same table and the same findings', async () => {
        const file = await exported(format, options);
        const source = await readSource(file.data, file.name, { numberStyle: 'vi' });
        const result = await importSource(services, source, importContextOf(undefined, undefined, 'vi'), { table });
        const { model, diagnostics } = await validatePlan(services, result.text);
        const original = seed.model.tables.find(t => t.id === 'phu_luc_01')!;
        expect(model.tables).toHaveLength(1);
        expect(printedTable(model, model.tables[0])).toEqual(printedTable(seed.model, original));
        expect(tableFindings(result.text, diagnostics)).toEqual(seed.findings);
        expect(seed.findings).toContain('total-mismatch 2.954');
    });

    it('imports into the seed with every row matched to its declared district', async () => {
        const file = await exported(format, options);
        const source = await readSource(file.data, file.name, { numberStyle: 'vi' });
        const result = await importSource(services, source, importContextOf(seed.model, seed.text, 'vi'), { table, into: true });
        expect(result.declarations ?? '').toBe('');
        const rows = [...(result.tables ?? '').matchAll(/row (\d+) (\w+)/g)].map(m => `${m[1]} ${m[2]}`);
        const original = seed.model.tables.find(t => t.id === 'phu_luc_01')!;
        expect(rows).toEqual(original.sections.flatMap(s => s.rows).map(r => `${r.no?.printed} ${r.district?.id}`));
    });
});

/** An annex as printed: its number, title, header and body rows, cell by cell. */
function printedAnnexes(v: PlanView, titles = true) {
    // Annexes print their titles in capitals; a CSV file carries neither the number nor the title.
    return v.annexes.map(a => ({
        ...(titles ? { number: a.number, title: a.title.toLocaleUpperCase('vi'), heading: a.heading } : {}),
        header: a.header.map(r => r.cells.map(c => c.text)),
        body: a.body.map(r => r.cells.map(c => c.text))
    }));
}

describe.each([
    { name: 'XLSX', format: 'xlsx' as ExportFormat },
    { name: 'DOCX', format: 'docx' as ExportFormat },
    { name: 'CSV as printed', format: 'csv' as ExportFormat, options: { csv: { numbers: 'printed', separator: ';' } } as ExportOptions }
])('all three annexes of the seed through $name', ({ format, options }) => {
    it('import to a plan whose annexes print as the seed\'s, cell for cell', async () => {
        const { files } = await renderExport(view, format, options);
        const sources = await Promise.all(files.map(f => readSource(f.data, f.name, { numberStyle: 'vi' })));
        const source = { ...sources[0], grids: sources.flatMap(s => s.grids).map((g, i) => ({ ...g, index: i + 1 })) };
        const result = await importSource(services, source, importContextOf(undefined, undefined, 'vi'));
        const again = await viewOfText(result.text);
        expect(printedAnnexes(again, format !== 'csv')).toEqual(printedAnnexes(view, format !== 'csv'));
        const { diagnostics } = await validatePlan(services, result.text);
        expect(diagnostics.filter(d => d.severity === 1).map(d => String(d.code))).toEqual(['total-mismatch']);
    });
});
