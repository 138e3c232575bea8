// "Export annexes" as a command, against the stand-in vscode API: called by a program it asks nothing,
// writes every requested format and refuses to overwrite; from the palette it asks for the formats and
// the folder; malformed arguments are refused with a message, never acted on.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { URI } from 'vscode-uri';
import { runExportCommand, parseExportArgs } from '../../extension/src/preview/export-command.js';
import { stringsFor } from '../../common/preview-strings.js';
import { renderExport } from '../../language-server/src/export/index.js';
import type { PlanView } from '../../common/view.js';
import { SEED_PLAN } from '../helpers/plan.js';
import { fake, Uri } from './fake-vscode.js';
import { planViewOf } from './harness.js';

vi.mock('vscode', async () => await import('./fake-vscode.js'));

const PLAN = URI.file('/ws/plans/hung-yen.plan');
const OUT = URI.file('/ws/out');
const s = stringsFor('vi');
const render = async () => renderExport;
let view: PlanView;
const client = { sendRequest: async () => view } as unknown as LanguageClient;
const written = () => [...fake.files.keys()].map(k => k.slice(OUT.toString().length + 1)).sort();

beforeAll(async () => { view = await planViewOf(SEED_PLAN); });
beforeEach(() => fake.reset());

describe('the export command', () => {
    it('writes DOCX and XLSX into the given folder without asking, named after the plan file', async () => {
        const names = await runExportCommand(client, PLAN as never, { formats: ['docx', 'xlsx'], folder: OUT }, s, render);
        expect(names).toEqual(['hung-yen.docx', 'hung-yen.xlsx']);
        expect(written()).toEqual(names);
        for (const data of fake.files.values()) expect(new TextDecoder().decode(data.slice(0, 2))).toBe('PK');
        expect(fake.messages.filter(m => m.modal)).toEqual([]);
    });

    it('refuses to overwrite an existing file unless asked to, and writes none of the batch', async () => {
        const docx = Uri.joinPath(OUT, 'hung-yen.docx');
        fake.files.set(docx.toString(), new TextEncoder().encode('old'));
        expect(await runExportCommand(client, PLAN as never, { formats: ['docx', 'xlsx'], folder: OUT }, s, render)).toBeUndefined();
        expect(written()).toEqual(['hung-yen.docx']);
        expect(new TextDecoder().decode(fake.files.get(docx.toString()))).toBe('old');
        expect(fake.messages.at(-1)).toMatchObject({ kind: 'error', text: 'Không ghi đè các tệp đã có: hung-yen.docx.' });
        await runExportCommand(client, PLAN as never, { formats: ['docx'], folder: OUT, overwrite: true }, s, render);
        expect(new TextDecoder().decode(fake.files.get(docx.toString())!.slice(0, 2))).toBe('PK');
    });

    it('writes all the files of an export or none: a failed write or placing leaves every file as it was, and no temporary file', async () => {
        const docx = Uri.joinPath(OUT, 'hung-yen.docx');
        fake.files.set(docx.toString(), new TextEncoder().encode('old'));
        const before = () => [...fake.files.entries()].map(([k, v]) => [k, new TextDecoder().decode(v)]);
        const kept = before();
        // The second file's temporary write fails: nothing is placed.
        fake.failWriteTo = p => p.includes('hung-yen.xlsx') && p.endsWith('.tmp');
        await expect(runExportCommand(client, PLAN as never, { formats: ['docx', 'xlsx'], folder: OUT, overwrite: true }, s, render)).resolves.toBeUndefined();
        expect(before()).toEqual(kept);
        // The second file cannot be put in place: the first, already replaced, gets its old text back.
        fake.failWriteTo = undefined;
        fake.failRenameTo = p => p.endsWith('/hung-yen.xlsx');
        await expect(runExportCommand(client, PLAN as never, { formats: ['docx', 'xlsx'], folder: OUT, overwrite: true }, s, render)).resolves.toBeUndefined();
        expect(before()).toEqual(kept);
        // Nothing in the way: both written, and nothing of ours left beside them.
        fake.failRenameTo = undefined;
        expect(await runExportCommand(client, PLAN as never, { formats: ['docx', 'xlsx'], folder: OUT, overwrite: true }, s, render)).toEqual(['hung-yen.docx', 'hung-yen.xlsx']);
        expect(written()).toEqual(['hung-yen.docx', 'hung-yen.xlsx']);
    });

    it('asks for the formats and the folder from the palette', async () => {
        fake.quickPick = async items => (items as { format: string }[]).filter(i => i.format === 'md' || i.format === 'csv') as never;
        fake.openDialog = async () => [OUT];
        const names = await runExportCommand(client, PLAN as never, undefined, s, render);
        expect(names?.some(n => n.endsWith('.md'))).toBe(true);
        expect(names?.filter(n => n.endsWith('.csv')).length).toBe(view.annexes.length);
        expect(names?.every(n => n.startsWith('hung-yen'))).toBe(true);
        expect(written()).toEqual([...names!].sort());
    });

    it('does nothing when the user cancels', async () => {
        fake.quickPick = async () => undefined;
        expect(await runExportCommand(client, PLAN as never, undefined, s, render)).toBeUndefined();
        expect(fake.files.size).toBe(0);
    });

    it('refuses malformed arguments', async () => {
        for (const bad of [{}, { formats: ['exe'], folder: OUT }, { formats: [], folder: OUT }, { formats: ['docx'], folder: '/tmp' }, 'docx']) {
            expect(parseExportArgs(bad), JSON.stringify(bad)).toBeUndefined();
            expect(await runExportCommand(client, PLAN as never, bad, s, render)).toBeUndefined();
        }
        expect(fake.files.size).toBe(0);
        expect(fake.messages.every(m => m.kind === 'error')).toBe(true);
    });
});
