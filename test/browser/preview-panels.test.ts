// The preview host against a stand-in of the vscode API (fake-vscode.ts): panels and their webview
// options, the ready → view handshake, throttled refreshes on "documents validated", the dynamic
// preview following the editor and the lock, restoring after a reload, every webview request checked
// before it is acted on, and the export flow (dialogs, overwrite confirmation, atomic writes).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as vscodeTypes from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { URI } from 'vscode-uri';
import { exportPlanView, saveChartImage } from '../../extension/src/preview/export.js';
import { renderExport } from '../../language-server/src/export/index.js';
import JSZip from 'jszip';
import { PreviewManager } from '../../extension/src/preview/manager.js';
import type { HostMessage } from '../../common/webview.js';
import type { PlanViewUpdate } from '../../common/view-patch.js';
import type { PreviewHost } from '../../extension/src/preview/preview.js';
import { stringsFor } from '../../common/preview-strings.js';
import type { PlanView } from '../../common/view.js';
import { SEED_PLAN } from '../helpers/plan.js';
import * as vscode from './fake-vscode.js';
import { fake, fakeDocument, Uri, type FakePanel } from './fake-vscode.js';
import { planViewOf } from './harness.js';

vi.mock('vscode', async () => await import('./fake-vscode.js'));

const EXT = URI.file('/ext');
const A = URI.file('/ws/plans/a.plan');
const B = URI.file('/ws/plans/b.plan');
const vi_ = stringsFor('vi');

let seedView: PlanView;
beforeAll(async () => { seedView = await planViewOf(SEED_PLAN); });

function viewFor(uri: URI, tag = ''): PlanView {
    return { ...seedView, uri: uri.toString(), id: `${uri.path}${tag}` };
}

interface Setup {
    manager: PreviewManager;
    requests: string[];
    exports: { format: string; resource: string; id: string; findings?: true }[];
    /** What the server answers next, per uri: a view (sent whole with a new stamp), or an update as it is. */
    answers: Map<string, PlanView | PlanViewUpdate | null>;
    /** The stamp each request was sent with. */
    sinces: (string | undefined)[];
}

function setup(): Setup {
    const requests: string[] = [];
    const answers = new Map<string, PlanView | PlanViewUpdate | null>();
    const sinces: (string | undefined)[] = [];
    const exports: Setup['exports'] = [];
    let stamp = 0;
    const client = {
        sendRequest: async (method: string, params: { uri: string; since?: string }) => {
            expect(method).toBe('plan/viewUpdate');
            requests.push(params.uri);
            sinces.push(params.since);
            const answer = answers.get(params.uri) ?? null;
            // As the server: a request without a stamp gets a whole view.
            if (answer !== null && 'patches' in answer && params.since === undefined) return { stamp: `s${++stamp}`, view: viewFor(URI.parse(params.uri), '#whole') };
            return answer === null || 'stamp' in answer ? answer : { stamp: `s${++stamp}`, view: answer };
        }
    } as unknown as LanguageClient;
    const host: PreviewHost = {
        client, extensionUri: EXT as unknown as vscodeTypes.Uri, webviewLocale: () => 'vi', strings: vi_,
        exportView: async (view, format, resource, withFindings) => { exports.push({ format, resource: resource.toString(), id: view.id, ...(withFindings ? { findings: true as const } : {}) }); },
        saveChart: async (planId, chart, format, _data, resource) => { exports.push({ format: `chart-${format}`, resource: resource.toString(), id: `${planId}/${chart}` }); }
    };
    return { manager: new PreviewManager(host), requests, exports, answers, sinces };
}

const views = (p: FakePanel) => p.webview.posted.filter((m): m is Extract<HostMessage, { type: 'view' }> => (m as HostMessage).type === 'view');
const uriOf = (u: URI) => u as unknown as vscodeTypes.Uri;

beforeEach(() => {
    fake.reset();
    vi.useFakeTimers();
    fake.documents.set(A.toString(), fakeDocument(A, 'plan a "A"\nnumber-style vi\n    row 1 PhuCu {\n'));
    fake.documents.set(B.toString(), fakeDocument(B, 'plan b "B"\n'));
});
afterEach(() => { vi.useRealTimers(); });

describe('preview panels', () => {
    it('opens a panel with scripts, no forms, files only from out/webview, and the nonce-CSP page', async () => {
        const { manager } = setup();
        manager.open(uriOf(A), true);
        expect(fake.panels).toHaveLength(1);
        const panel = fake.panels[0];
        expect(panel.viewType).toBe('planPreview');
        expect(panel.viewColumn).toBe(-2); // beside
        expect(panel.webview.options).toEqual({
            enableScripts: true, enableForms: false, enableCommandUris: false, enableFindWidget: true,
            localResourceRoots: [URI.file('/ext/out/webview')]
        });
        const html = panel.webview.html;
        const nonce = /script-src 'nonce-([^']+)'/.exec(html.replace(/&#39;/g, "'"))?.[1];
        expect(nonce).toBeTruthy();
        expect(html).toContain(`<script nonce="${nonce}" src="https://fake.vscode-cdn.net/ext/out/webview/main.js">`);
        expect(html).toContain("default-src &#39;none&#39;");
        expect(panel.title).toBe('Xem trước a.plan');
        manager.dispose();
    });

    it('sends the view once the page is ready, then follows validations at most every 300 ms', async () => {
        const { manager, requests, answers } = setup();
        answers.set(A.toString(), viewFor(A, '#1'));
        manager.open(uriOf(A), true);
        const panel = fake.panels[0];
        await vi.advanceTimersByTimeAsync(0);
        expect(requests).toEqual([A.toString()]); // first render at once
        expect(views(panel)).toHaveLength(0); // the page has not said it is ready
        panel.webview.receive({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(0);
        expect(views(panel).at(-1)).toMatchObject({ type: 'view', resource: A.toString(), locked: false, view: { id: `${A.path}#1` } });

        await vi.advanceTimersByTimeAsync(1000);
        const before = requests.length;
        answers.set(A.toString(), viewFor(A, '#2'));
        for (let i = 0; i < 5; i++) {
            manager.onValidated([A.toString()]);
            await vi.advanceTimersByTimeAsync(20);
        }
        // A burst of edits: one refresh at once, one trailing refresh after the interval.
        expect(requests.length - before).toBe(1);
        await vi.advanceTimersByTimeAsync(300);
        expect(requests.length - before).toBe(2);
        expect(views(panel).at(-1)?.view?.id).toBe(`${A.path}#2`);
        manager.onValidated([B.toString()]);
        await vi.advanceTimersByTimeAsync(1000);
        expect(requests.length - before).toBe(2); // another document's validation is not ours
        manager.dispose();
    });

    it('after the first view, passes the server\'s patches on to a page that holds the view they apply to', async () => {
        const { manager, answers, sinces } = setup();
        answers.set(A.toString(), viewFor(A, '#1'));
        manager.open(uriOf(A), true);
        const panel = fake.panels[0];
        panel.webview.receive({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(0);
        const stamp = sinces.length;
        expect(views(panel).at(-1)?.view?.id).toBe(`${A.path}#1`);
        // The last request's answer was stamped s<n>: the next asks since it, and gets patches.
        const held = `s${stamp}`;
        answers.set(A.toString(), { stamp: 'p1', since: held, patches: [{ at: ['id'], value: 'patched' }] });
        manager.onValidated([A.toString()]);
        await vi.advanceTimersByTimeAsync(400);
        expect(sinces.at(-1)).toBe(held);
        const patch = panel.webview.posted.at(-1) as HostMessage;
        expect(patch).toEqual({ type: 'patch', patches: [{ at: ['id'], value: 'patched' }], resource: A.toString(), locked: false });
        // A new page (reloaded, shown again) holds nothing: it gets the merged view whole.
        answers.set(A.toString(), { stamp: 'p2', since: 'p1', patches: [] });
        panel.webview.receive({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(400);
        expect(views(panel).at(-1)?.view?.id).toBe('patched');
        // Patches from a view the panel does not hold: the panel asks for the whole view instead.
        answers.set(A.toString(), { stamp: 'p9', since: 'elsewhere', patches: [{ at: ['id'], value: 'wrong' }] });
        const asked = sinces.length;
        manager.onValidated([A.toString()]);
        await vi.advanceTimersByTimeAsync(400);
        expect(sinces.slice(asked)).toEqual(['p2', undefined]);
        expect(views(panel).at(-1)?.view?.id).toBe(`${A.path}#whole`);
        manager.dispose();
    });

    it('acts on checked reveal and export requests only', async () => {
        const { manager, answers, exports } = setup();
        answers.set(A.toString(), viewFor(A));
        manager.open(uriOf(A), true);
        const panel = fake.panels[0];
        panel.webview.receive({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(0);

        panel.webview.receive({ type: 'reveal', line: 2, character: 99 });
        await vi.advanceTimersByTimeAsync(0);
        expect(fake.shown).toHaveLength(1);
        expect(fake.shown[0].uri).toBe(A.toString());
        expect(fake.shown[0].options.selection?.start).toEqual({ line: 2, character: '    row 1 PhuCu {'.length });
        expect(fake.revealedRanges).toHaveLength(1);

        for (const bad of [
            { type: 'reveal', line: 4, character: 0 }, // past the last line (the text ends with a newline: 4 lines)
            { type: 'reveal', line: '1', character: 0 },
            { type: 'reveal', line: 1 },
            { type: 'export', format: 'exe' },
            { type: 'runCommand', command: 'workbench.action.terminal.new' },
            'ready', null
        ]) panel.webview.receive(bad);
        await vi.advanceTimersByTimeAsync(0);
        expect(fake.shown).toHaveLength(1);
        expect(exports).toEqual([]);

        panel.webview.receive({ type: 'export', format: 'docx' });
        await vi.advanceTimersByTimeAsync(0);
        expect(exports).toEqual([{ format: 'docx', resource: A.toString(), id: A.path }]);
        // "Kèm phát hiện" checked in the webview (issue 20).
        panel.webview.receive({ type: 'export', format: 'document-docx', findings: true });
        await vi.advanceTimersByTimeAsync(0);
        expect(exports.at(-1)).toEqual({ format: 'document-docx', resource: A.toString(), id: A.path, findings: true });
        exports.length = 1;
        // A chart image to save (issue 11): named by the plan and the chart; a forged one is dropped.
        panel.webview.receive({ type: 'saveChart', chart: '../../etc', format: 'png', data: 'iVBORw0KGgo=' });
        panel.webview.receive({ type: 'saveChart', chart: 'households', format: 'exe', data: 'iVBORw0KGgo=' });
        panel.webview.receive({ type: 'saveChart', chart: 'households', format: 'svg', data: '<html><script>1</script></html>' });
        panel.webview.receive({ type: 'saveChart', chart: 'households', format: 'png', data: 'iVBORw0KGgo=' });
        await vi.advanceTimersByTimeAsync(0);
        expect(exports.slice(1)).toEqual([{ format: 'chart-png', resource: A.toString(), id: `${A.path}/households` }]);
        exports.length = 1;
        const busy = panel.webview.posted.filter(m => (m as HostMessage).type === 'busy');
        expect(busy).toEqual([{ type: 'busy', format: 'docx' }, { type: 'busy', format: null }, { type: 'busy', format: 'document-docx' }, { type: 'busy', format: null }]);
        manager.dispose();
    });

    it('has one dynamic preview that follows the active plan editor until it is locked', async () => {
        const { manager, answers } = setup();
        answers.set(A.toString(), viewFor(A));
        answers.set(B.toString(), viewFor(B));
        manager.open(uriOf(A), true);
        const panel = fake.panels[0];
        panel.webview.receive({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(0);

        fake.activeEditorEmitter.fire({ document: fake.documents.get(B.toString()) });
        await vi.advanceTimersByTimeAsync(0);
        expect(panel.title).toBe('Xem trước b.plan');
        expect(views(panel).at(-1)?.resource).toBe(B.toString());
        fake.activeEditorEmitter.fire({ document: fakeDocument(URI.file('/x.md'), '', 'markdown') });
        expect(panel.title).toBe('Xem trước b.plan');
        // Opening another plan reuses the dynamic preview.
        manager.open(uriOf(A), false);
        expect(fake.panels).toHaveLength(1);
        expect(panel.title).toBe('Xem trước a.plan');

        panel.setViewState(true);
        manager.toggleLock();
        expect(panel.title).toBe('[Khóa] Xem trước a.plan');
        expect(fake.contexts.get('planPreviewLocked')).toBe(true);
        await vi.advanceTimersByTimeAsync(0);
        expect(views(panel).at(-1)?.locked).toBe(true);
        fake.activeEditorEmitter.fire({ document: fake.documents.get(B.toString()) });
        expect(panel.title).toBe('[Khóa] Xem trước a.plan');
        // With the only preview locked, opening B makes a new dynamic one; opening A reveals the locked one.
        manager.open(uriOf(B), true);
        expect(fake.panels).toHaveLength(2);
        manager.open(uriOf(A), true);
        expect(fake.panels).toHaveLength(2);
        expect(panel.reveals.at(-1)).toEqual([panel.viewColumn, true]);
        manager.dispose();
        expect(fake.panels.every(p => p.disposed)).toBe(true);
    });

    it('restores a panel after a reload from the state the webview kept, and drops one without a resource', async () => {
        const { manager, requests } = setup();
        const restored = new (await import('./fake-vscode.js')).FakePanel('planPreview', '', 2, {});
        await manager.deserializeWebviewPanel(restored as unknown as vscodeTypes.WebviewPanel,
            { resource: A.toString(), locked: true, tab: 'annex-02', scroll: { 'annex-02': 420 } });
        expect(restored.title).toBe('[Khóa] Xem trước a.plan');
        const boot = /data-boot="([^"]*)"/.exec(restored.webview.html)?.[1].replace(/&quot;/g, '"');
        expect(JSON.parse(boot!)).toEqual({ locale: 'vi', state: { resource: A.toString(), locked: true, tab: 'annex-02', scroll: { 'annex-02': 420 } } });
        expect(restored.webview.options).toMatchObject({ enableScripts: true, localResourceRoots: [URI.file('/ext/out/webview')] });
        await vi.advanceTimersByTimeAsync(0);
        expect(requests).toEqual([A.toString()]);

        for (const state of [undefined, {}, { resource: 'no scheme here' }, { resource: 42 }]) {
            const p = new (await import('./fake-vscode.js')).FakePanel('planPreview', '', 1, {});
            await manager.deserializeWebviewPanel(p as unknown as vscodeTypes.WebviewPanel, state);
            expect(p.disposed).toBe(true);
        }
        manager.dispose();
    });
});

describe('export from the preview', () => {
    const render = async () => renderExport;
    const OUT = URI.file('/ws/out');
    const decode = (u: Uint8Array) => new TextDecoder().decode(u);

    beforeEach(() => { vi.useRealTimers(); });

    it('saves one DOCX where the user says, atomically, leaving no temporary file', async () => {
        const target = Uri.joinPath(OUT, 'ke-hoach.docx');
        let asked: { defaultUri?: URI; filters?: Record<string, string[]> } = {};
        fake.saveDialog = async o => { asked = o as typeof asked; return target; };
        await exportPlanView(seedView, 'docx', uriOf(A), vi_, render);
        // named after the plan file (a.plan), not after the plan's id
        expect(asked.defaultUri?.path).toBe('/ws/plans/a.docx');
        expect(asked.filters).toEqual({ 'Tài liệu Word': ['docx'] });
        expect([...fake.files.keys()]).toEqual([target.toString()]);
        expect(decode(fake.files.get(target.toString())!.slice(0, 2))).toBe('PK');
        expect(fake.messages).toEqual([{ kind: 'info', text: 'Đã xuất: ke-hoach.docx', modal: false, buttons: ['Mở', 'Hiện trong thư mục'] }]);
    });

    it('an untitled plan\'s export keeps the plan\'s id as its name', async () => {
        let asked: { defaultUri?: URI } = {};
        fake.saveDialog = async o => { asked = o as typeof asked; return undefined; };
        (vscode.workspace as { workspaceFolders?: unknown }).workspaceFolders = [{ uri: URI.file('/ws') }];
        try {
            await exportPlanView(seedView, 'xlsx', URI.parse('untitled:Untitled-1') as never, vi_, render);
        } finally {
            (vscode.workspace as { workspaceFolders?: unknown }).workspaceFolders = undefined;
        }
        expect(asked.defaultUri?.path).toBe(`/ws/${seedView.id}.xlsx`);
    });

    it('"Exported" offers Open and Reveal: Word opens in its program on the desktop, in VS Code in a browser', async () => {
        const target = Uri.joinPath(OUT, 'ke-hoach.docx');
        fake.saveDialog = async () => target;
        fake.infoAnswer = vi_.openExported;
        await exportPlanView(seedView, 'docx', uriOf(A), vi_, render);
        await vi.waitFor(() => expect(fake.openedExternally).toEqual([target.toString()]));

        fake.files.clear();
        fake.infoAnswer = vi_.revealExported;
        await exportPlanView(seedView, 'docx', uriOf(A), vi_, render);
        await vi.waitFor(() => expect(fake.executed.map(e => e.command)).toEqual(['revealFileInOS']));

        const env = vscode.env as { uiKind: number };
        env.uiKind = 2;   // VS Code for the Web, code-server
        try {
            fake.files.clear();
            fake.executed.length = 0;
            fake.infoAnswer = vi_.openExported;
            await exportPlanView(seedView, 'docx', uriOf(A), vi_, render);
            await vi.waitFor(() => expect(fake.executed.map(e => e.command)).toEqual(['vscode.open']));
            fake.files.clear();
            fake.infoAnswer = vi_.revealExported;
            await exportPlanView(seedView, 'docx', uriOf(A), vi_, render);
            await vi.waitFor(() => expect(fake.executed.map(e => e.command)).toEqual(['vscode.open', 'revealInExplorer']));
            expect(fake.openedExternally).toEqual([target.toString()]);
        } finally {
            env.uiKind = 1;
        }
    });

    it('asks before overwriting, and keeps the old file when the user declines', async () => {
        const target = Uri.joinPath(OUT, 'ke-hoach.md');
        fake.files.set(target.toString(), new TextEncoder().encode('old'));
        fake.saveDialog = async () => target;
        fake.warningAnswer = undefined;
        await exportPlanView(seedView, 'md', uriOf(A), vi_, render);
        expect(fake.messages).toEqual([{ kind: 'warning', text: 'Tệp ke-hoach.md đã tồn tại. Ghi đè lên tệp này?', modal: true }]);
        expect(decode(fake.files.get(target.toString())!)).toBe('old');
        expect(fake.files.size).toBe(1);

        fake.warningAnswer = vi_.overwrite;
        await exportPlanView(seedView, 'md', uriOf(A), vi_, render);
        expect(decode(fake.files.get(target.toString())!)).toContain('Phụ lục 01');
        expect(fake.files.size).toBe(1);
    });

    it('with the findings: the review sheet beside the annexes, Word comments in the document (issue 20)', async () => {
        fake.openDialog = async () => [OUT];
        await exportPlanView(seedView, 'docx', uriOf(A), vi_, render, true);
        const written = [...fake.files.keys()].map(k => k.slice(OUT.toString().length + 1)).sort();
        expect(written).toEqual(['a-phat-hien.docx', 'a.docx']);
        fake.files.clear();
        const target = Uri.joinPath(OUT, 'van-ban.docx');
        fake.saveDialog = async () => target;
        await exportPlanView(seedView, 'document-docx', uriOf(A), vi_, render, true);
        const comments = async () => {
            const xml = await (await JSZip.loadAsync(fake.files.get(target.toString())!)).file('word/comments.xml')?.async('string');
            return (xml ?? '').match(/<w:comment /g)?.length ?? 0;
        };
        // Every finding where it stands (one marked in several places has a comment in each).
        expect(await comments()).toBeGreaterThanOrEqual(seedView.findingList!.length);
        fake.files.clear();
        await exportPlanView(seedView, 'document-docx', uriOf(A), vi_, render);
        expect(await comments()).toBe(0);
    });

    it('writes the CSV files (one per annex) into a chosen folder, confirming the ones that exist', async () => {
        fake.openDialog = async () => [OUT];
        fake.files.set(Uri.joinPath(OUT, 'keep.txt').toString(), new Uint8Array([1]));
        await exportPlanView(seedView, 'csv', uriOf(A), vi_, render);
        const csv = [...fake.files.keys()].filter(k => k.endsWith('.csv'));
        expect(csv).toHaveLength(seedView.annexes.length);
        expect(csv.every(k => k.startsWith(OUT.toString() + '/'))).toBe(true);
        fake.messages.length = 0;
        await exportPlanView(seedView, 'csv', uriOf(A), vi_, render);
        expect(fake.messages[0]).toMatchObject({ kind: 'warning', modal: true, text: expect.stringMatching(/^Các tệp sau đã tồn tại: .*\.csv, .*\.csv, .*\.csv\. Ghi đè/) });
    });

    it('saves a chart image beside the plan, and refuses what is not the image it claims to be (issue 11)', async () => {
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
        const target = Uri.joinPath(OUT, 'bieu-do.png');
        let asked: { defaultUri?: URI; filters?: Record<string, string[]>; title?: string } = {};
        fake.saveDialog = async o => { asked = o as typeof asked; return target; };
        await saveChartImage('hung_yen', 'province-rate', 'png', Buffer.from(png).toString('base64'), uriOf(A), vi_);
        expect(asked.defaultUri?.path).toBe('/ws/plans/hung_yen-province-rate.png');
        expect(asked.filters).toEqual({ 'Ảnh PNG': ['png'] });
        expect(asked.title).toBe('Lưu biểu đồ PNG');
        expect([...fake.files.get(target.toString())!]).toEqual([...png]);
        fake.messages.length = 0;
        // Not a PNG; an SVG with a script or a link out: nothing is asked or written.
        fake.files.clear();
        await saveChartImage('p', 'c', 'png', Buffer.from('GIF89a').toString('base64'), uriOf(A), vi_);
        await saveChartImage('p', 'c', 'svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', uriOf(A), vi_);
        await saveChartImage('p', 'c', 'svg', '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x/y.png"/></svg>', uriOf(A), vi_);
        expect(fake.files.size).toBe(0);
        expect(fake.messages.map(m => m.text)).toEqual(Array(3).fill(0).map((_, i) => `Không xuất được (${i === 0 ? 'PNG' : 'SVG'}): Ảnh biểu đồ không hợp lệ.`));
        // An SVG whose text mentions "onload=" or a link is fine: text in the image is escaped.
        fake.saveDialog = async () => Uri.joinPath(OUT, 'c.svg');
        await saveChartImage('p', 'c', 'svg', '<svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="2">onload=&quot;x&quot; href=&quot;y&quot;</text></svg>', uriOf(A), vi_);
        expect(fake.files.size).toBe(1);
    });

    it('writes nothing when the dialog is cancelled, and cleans up when the final rename fails', async () => {
        await exportPlanView(seedView, 'xlsx', uriOf(A), vi_, render);
        expect(fake.files.size).toBe(0);
        expect(fake.messages).toEqual([]);
        fake.saveDialog = async () => Uri.joinPath(OUT, 'x.html');
        fake.failRename = true;
        await exportPlanView(seedView, 'html', uriOf(A), vi_, render);
        expect(fake.files.size).toBe(0);
        expect(fake.messages).toEqual([{ kind: 'error', text: 'Không xuất được (HTML): disk full', modal: false }]);
    });
});
