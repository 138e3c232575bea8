// The import in VS Code against the stand-in vscode API (fake-vscode.ts) and a stand-in server: the
// paste provider offers "Paste as plan table" only for a clipboard that may hold a table, as one edit
// at the cursor with the unit declarations beside it; "Import table from file…" sends the file's
// bytes, asks which table when the server offers a choice, applies the edits and lists the problems;
// "Import plan from Word document…" writes a new plan beside the document, never over a file.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { URI } from 'vscode-uri';
import type { ImportFileParams, ImportOutcome, PlainTextEdit } from '../../common/protocol.js';
import { ImportClipboardRequest, ImportFileRequest } from '../../common/protocol.js';
import { PlanTablePasteProvider, importPlanFromWord, importTableFromFile, type ImportServer } from '../../extension/src/client/import.js';
import { clipboardMayHoldTable, freePlanName, pastePlanOf } from '../../extension/src/client/import-logic.js';
import * as vscode from './fake-vscode.js';
import { fake, fakeDocument, type DocumentPasteEdit, type WorkspaceEdit } from './fake-vscode.js';

vi.mock('vscode', async () => await import('./fake-vscode.js'));

const PLAN = URI.file('/ws/ke-hoach.plan');
const TSV = 'Đơn vị\tSố hộ nghèo năm 2024\nPhù Cừ\t946\n';
const HTML = '<table><tr><td>Đơn vị</td><td>Số hộ nghèo năm 2024</td></tr><tr><td>Phù Cừ</td><td>946</td></tr></table>';

const at = (line: number, character: number) => ({ line, character });
const insertion = (line: number, newText: string): PlainTextEdit => ({ range: { start: at(line, 0), end: at(line, 0) }, newText });
const DECLARATION = insertion(4, '\ndistrict HungYen "Thành phố Hưng Yên" thanh-pho');
const TABLE = insertion(9, 'table bang_dan "Bảng dán" {\n}\n');
const ok = (edits: PlainTextEdit[], problems: ImportOutcome['problems'] = []): ImportOutcome => ({ ok: true, message: 'Đã nhập bảng.', edits, problems });
const PROBLEM = { at: 'Bảng dán, dòng 4, cột 3', message: '"x" không phải là số', severity: 'warning' as const };

/** A server that answers each request with the next of `answers` and records what it was sent. */
function server(...answers: Array<unknown | Error>): ImportServer & { sent: { method: string; params: unknown }[] } {
    const sent: { method: string; params: unknown }[] = [];
    return {
        sent,
        sendRequest: (async (method: string, params: unknown) => {
            sent.push({ method, params });
            const answer = answers.shift();
            if (answer instanceof Error) throw answer;
            return answer;
        }) as ImportServer['sendRequest']
    };
}

/** A clipboard as VS Code hands it to a paste provider. */
function clipboard(items: Record<string, string>) {
    return { get: (mime: string) => (mime in items ? { asString: async () => items[mime] } : undefined) };
}

const cancel = { isCancellationRequested: false };
const range = (line: number, character: number) => new vscode.Range(new vscode.Position(line, character), new vscode.Position(line, character));

async function paste(provider: PlanTablePasteProvider, items: Record<string, string>, ranges = [range(9, 0)]): Promise<DocumentPasteEdit[] | undefined> {
    const document = { uri: PLAN };
    return await provider.provideDocumentPasteEdits(document as never, ranges as never, clipboard(items) as never, {} as never, cancel as never) as DocumentPasteEdit[] | undefined;
}

const output = { lines: [] as string[], shown: 0, appendLine(l: string) { this.lines.push(l); }, show() { this.shown++; } };

beforeEach(() => {
    fake.reset();
    output.lines.length = 0;
    output.shown = 0;
});

describe('what may be a table, and how the edits make one paste', () => {
    it('an HTML table or tab-separated text may be; plain words are not (no request for them)', () => {
        expect(clipboardMayHoldTable(HTML, undefined)).toBe(true);
        expect(clipboardMayHoldTable(undefined, TSV)).toBe(true);
        expect(clipboardMayHoldTable('<p>một đoạn</p>', 'một đoạn')).toBe(false);
        expect(clipboardMayHoldTable('<tablet>', 'a,b')).toBe(false);
    });

    it('the edit at the cursor is the pasted text, the others go beside it; none at the cursor: all beside', () => {
        expect(pastePlanOf([DECLARATION, TABLE], at(9, 0))).toEqual({ insertText: TABLE.newText, additional: [DECLARATION] });
        expect(pastePlanOf([DECLARATION, TABLE], at(3, 2))).toEqual({ insertText: '', additional: [DECLARATION, TABLE] });
    });

    it('a plan made from bao-cao.docx is bao-cao.plan, else bao-cao-2.plan…', () => {
        expect(freePlanName('bao-cao.docx', () => false)).toBe('bao-cao.plan');
        const taken = new Set(['bao-cao.plan', 'bao-cao-2.plan']);
        expect(freePlanName('bao-cao.docx', n => taken.has(n))).toBe('bao-cao-3.plan');
    });
});

describe('Paste as plan table', () => {
    it('offers one edit of kind text.plan.table: the table at the cursor, the new unit among the units', async () => {
        const s = server(ok([DECLARATION, TABLE]));
        const edits = await paste(new PlanTablePasteProvider(s, () => undefined), { 'text/html': HTML, 'text/plain': TSV });
        expect(s.sent).toEqual([{ method: ImportClipboardRequest, params: { uri: PLAN.toString(), position: at(9, 0), html: HTML, text: TSV } }]);
        expect(edits).toHaveLength(1);
        const [edit] = edits!;
        expect(edit.title).toBe('Paste as plan table');
        expect(edit.kind.value).toBe('text.plan.table');
        expect(edit.insertText).toBe(TABLE.newText);
        expect(edit.yieldTo).toBeUndefined();   // the default paste for a table; plain text is one choice away
        const beside = (edit.additionalEdit as WorkspaceEdit).entries.get(PLAN.toString())!;
        expect(beside.map(e => [e.range.start.line, e.newText])).toEqual([[4, DECLARATION.newText]]);
    });

    it('a TSV alone is offered too', async () => {
        const s = server(ok([TABLE]));
        const edits = await paste(new PlanTablePasteProvider(s, () => undefined), { 'text/plain': TSV });
        expect(edits?.[0].insertText).toBe(TABLE.newText);
        expect(edits?.[0].additionalEdit).toBeUndefined();
    });

    it('offers nothing for plain words (without asking the server), for several cursors, when the server finds no table, fails or is down', async () => {
        const s = server(null, { ok: false, message: 'x', problems: [] }, new Error('not running'));
        const provider = new PlanTablePasteProvider(s, () => undefined);
        expect(await paste(provider, { 'text/plain': 'một dòng chữ' })).toBeUndefined();
        expect(await paste(provider, { 'text/plain': TSV }, [range(1, 0), range(2, 0)])).toBeUndefined();
        expect(s.sent).toEqual([]);
        expect(await paste(provider, { 'text/plain': TSV })).toBeUndefined();
        expect(await paste(provider, { 'text/plain': TSV })).toBeUndefined();
        expect(await paste(provider, { 'text/plain': TSV })).toBeUndefined();
        expect(s.sent).toHaveLength(3);
    });

    it('lists the problems once the offered table is pasted, not before, and not for another change', async () => {
        const reported: ImportOutcome[] = [];
        const outcome = ok([TABLE], [PROBLEM]);
        const provider = new PlanTablePasteProvider(server(outcome), o => reported.push(o));
        await paste(provider, { 'text/plain': TSV });
        const change = (text: string, uri = PLAN) => provider.noticeChange({ document: { uri }, contentChanges: [{ text }] } as never);
        change('x');
        change(TABLE.newText, URI.file('/ws/other.plan'));
        expect(reported).toEqual([]);
        change(TABLE.newText);
        change(TABLE.newText);
        expect(reported).toEqual([outcome]);
    });
});

describe('Import table from file…', () => {
    const XLSX = URI.file('/ws/bang.xlsx');
    const BYTES = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
    const openPlan = () => {
        const revealed: unknown[] = [];
        fake.activeTextEditor = { document: fakeDocument(PLAN, 'plan p'), revealRange: (r: unknown) => revealed.push(r) } as never;
        return revealed;
    };

    it('needs an open plan', async () => {
        expect(await importTableFromFile(server(), output as never)).toBe(false);
        expect(fake.messages.map(m => m.kind)).toEqual(['error']);
    });

    it('sends the picked file\'s bytes in base64, applies the edits, reveals the table and lists the problems', async () => {
        const revealed = openPlan();
        fake.files.set(XLSX.toString(), BYTES);
        let dialog: { filters?: Record<string, string[]> } = {};
        fake.openDialog = async o => { dialog = o as typeof dialog; return [XLSX]; };
        const s = server(ok([DECLARATION, TABLE], [PROBLEM]));
        expect(await importTableFromFile(s, output as never)).toBe(true);
        expect(Object.values(dialog.filters ?? {})).toEqual([['xlsx', 'csv', 'tsv', 'docx']]);
        expect(s.sent).toEqual([{ method: ImportFileRequest, params: { kind: 'table', uri: PLAN.toString(), data: Buffer.from(BYTES).toString('base64'), name: 'bang.xlsx' } }]);
        expect(fake.appliedEdits).toHaveLength(1);
        expect(fake.appliedEdits[0].entries.get(PLAN.toString())!.map(e => e.newText)).toEqual([DECLARATION.newText, TABLE.newText]);
        expect(revealed).toHaveLength(1);
        expect(fake.messages).toEqual([{ kind: 'warning', text: 'Đã nhập bảng.', modal: false, buttons: ['Show all'] }]);
        expect(output.lines.join('\n')).toContain(`${PROBLEM.at}: ${PROBLEM.message}`);
    });

    it('asks which table when the server offers a choice, and sends the choice', async () => {
        openPlan();
        fake.files.set(XLSX.toString(), BYTES);
        const choices = [{ sheet: 'Huyện', label: 'Huyện' }, { sheet: 'Xã', label: 'Xã' }];
        const s = server({ ok: false, message: 'Chọn một bảng', problems: [], choices }, ok([TABLE]));
        // a single pick answers the item (the fake's type is the many-pick's list)
        fake.quickPick = (async (items: unknown[]) => items[1]) as never;
        expect(await importTableFromFile(s, output as never, XLSX as never)).toBe(true);
        expect((s.sent[1].params as ImportFileParams).sheet).toBe('Xã');
    });

    it('asks the kind of a year no heading stated, the guess first, and imports again with the answer', async () => {
        openPlan();
        fake.files.set(XLSX.toString(), BYTES);
        const guessed = { ...ok([TABLE]), yearsGuessed: [{ year: 2024, kind: 'plan' as const, heading: 'Năm 2024' }] };
        const s = server(guessed, ok([TABLE]));
        const asked: { labels: string[]; title: string }[] = [];
        fake.quickPick = (async (items: { label: string }[], o: { title: string }) => {
            asked.push({ labels: items.map(i => i.label), title: o.title });
            return items[1];
        }) as never;
        expect(await importTableFromFile(s, output as never, XLSX as never)).toBe(true);
        expect(asked).toEqual([{ labels: ['a plan (target)', 'a result', 'an estimate', 'an actual (monitoring)'], title: 'Year 2024: the heading "Năm 2024" does not say' }]);
        expect(s.sent).toHaveLength(2);
        expect((s.sent[1].params as ImportFileParams).years).toEqual({ 2024: 'result' });
    });

    it('keeps the guess, without asking the server again, when the question is dismissed or the guess chosen', async () => {
        openPlan();
        fake.files.set(XLSX.toString(), BYTES);
        const s = server({ ...ok([TABLE]), yearsGuessed: [{ year: 2024, kind: 'plan' as const, heading: 'Năm 2024' }] });
        fake.quickPick = (async () => undefined) as never;
        expect(await importTableFromFile(s, output as never, XLSX as never)).toBe(true);
        expect(s.sent).toHaveLength(1);
    });

    it('a file the server cannot import is its one clear message, and the plan is left alone', async () => {
        openPlan();
        fake.files.set(XLSX.toString(), BYTES);
        expect(await importTableFromFile(server({ ok: false, message: 'Không nhập được bang.xlsx: tệp hỏng', problems: [] }), output as never, XLSX as never)).toBe(false);
        expect(fake.messages).toEqual([{ kind: 'error', text: 'Không nhập được bang.xlsx: tệp hỏng', modal: false }]);
        expect(fake.appliedEdits).toEqual([]);
    });

    it('an unreadable file is said without asking the server', async () => {
        openPlan();
        const s = server();
        expect(await importTableFromFile(s, output as never, URI.file('/ws/missing.csv') as never)).toBe(false);
        expect(s.sent).toEqual([]);
        expect(fake.messages[0].text).toMatch(/missing\.csv could not be read/);
    });
});

describe('Import plan from Word document…', () => {
    const DOCX = URI.file('/ws/ke-hoach-2026.docx');

    it('writes the plan beside the document under a free name and opens it', async () => {
        fake.files.set(DOCX.toString(), new Uint8Array([1, 2, 3]));
        fake.files.set(URI.file('/ws/ke-hoach-2026.plan').toString(), new TextEncoder().encode('plan old'));
        const s = server({ ok: true, message: 'Đã đọc kế hoạch.', text: 'plan moi "Mới"\n', problems: [] });
        const target = await importPlanFromWord(s, output as never, DOCX as never);
        expect(target?.path).toBe('/ws/ke-hoach-2026-2.plan');
        expect((s.sent[0].params as ImportFileParams)).toMatchObject({ kind: 'plan', name: 'ke-hoach-2026.docx', target: target?.toString() });
        expect(new TextDecoder().decode(fake.files.get(target!.toString()))).toBe('plan moi "Mới"\n');
        expect(new TextDecoder().decode(fake.files.get(URI.file('/ws/ke-hoach-2026.plan').toString()))).toBe('plan old');
        expect(fake.shown.map(x => x.uri)).toEqual([target?.toString()]);
        expect(fake.statusMessages).toEqual(['Đã đọc kế hoạch.']);
    });
});
