// The host side of the preview's browser boundary, in Node: the checks on every message from the
// webview, the page's CSP and boot data, the refresh throttle, export file names, the preview's
// words in both languages, and its contributions to the manifest.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeFileName } from '../../extension/src/preview/files.js';
import { contentSecurityPolicy, makeNonce, previewHtml } from '../../extension/src/preview/html.js';
import { EXPORT_FORMATS } from '../../common/export.js';
import { parsePreviewState, parseWebviewMessage, revealTarget } from '../../common/webview.js';
import { format, localeOf, stringsFor } from '../../common/preview-strings.js';
import { Throttle, type Clock } from '../../extension/src/preview/throttle.js';
import { REPO_ROOT } from '../helpers/plan.js';

describe('messages from the webview', () => {
    it('accepts the known messages and keeps only their fields', () => {
        expect(parseWebviewMessage({ type: 'ready', extra: 1 })).toEqual({ type: 'ready' });
        expect(parseWebviewMessage({ type: 'reveal', line: 12, character: 4, uri: 'file:///etc/passwd' })).toEqual({ type: 'reveal', line: 12, character: 4 });
        for (const f of EXPORT_FORMATS) expect(parseWebviewMessage({ type: 'export', format: f })).toEqual({ type: 'export', format: f });
        expect(parseWebviewMessage({ type: 'export', format: 'document-docx', findings: true })).toEqual({ type: 'export', format: 'document-docx', findings: true });
        expect(parseWebviewMessage({ type: 'export', format: 'docx', findings: false })).toEqual({ type: 'export', format: 'docx' });
        expect(parseWebviewMessage({ type: 'saveChart', chart: 'province-rate', format: 'png', data: 'iVBORw0KGgo=', path: '/etc' }))
            .toEqual({ type: 'saveChart', chart: 'province-rate', format: 'png', data: 'iVBORw0KGgo=' });
        expect(parseWebviewMessage({ type: 'saveChart', chart: 'households', format: 'svg', data: '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>' }))
            .toMatchObject({ format: 'svg' });
    });

    it.each([
        ['null', null], ['a string', 'reveal'], ['an array', [{ type: 'ready' }]], ['no type', { line: 1 }],
        ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
        ['a prototype key', { type: '__proto__' }],
        ['a fractional line', { type: 'reveal', line: 1.5, character: 0 }],
        ['a negative line', { type: 'reveal', line: -1, character: 0 }],
        ['a line as text', { type: 'reveal', line: '3', character: 0 }],
        ['NaN', { type: 'reveal', line: Number.NaN, character: 0 }],
        ['a huge line', { type: 'reveal', line: 1e12, character: 0 }],
        ['no character', { type: 'reveal', line: 3 }],
        ['a format outside the list', { type: 'export', format: 'exe' }],
        ['a format in capitals', { type: 'export', format: 'DOCX' }],
        ['a format path', { type: 'export', format: '../../x.docx' }],
        ['findings that are not a yes or no', { type: 'export', format: 'docx', findings: 'comments' }],
        ['a chart image in another format', { type: 'saveChart', chart: 'households', format: 'gif', data: 'R0lGOD' }],
        ['a chart id with a path', { type: 'saveChart', chart: '../x', format: 'png', data: 'iVBORw0KGgo=' }],
        ['a PNG that is not base64', { type: 'saveChart', chart: 'households', format: 'png', data: '<svg>' }],
        ['an SVG that is not one', { type: 'saveChart', chart: 'households', format: 'svg', data: '<html>' }],
        ['an empty image', { type: 'saveChart', chart: 'households', format: 'png', data: '' }],
        ['a huge image', { type: 'saveChart', chart: 'households', format: 'png', data: 'A'.repeat(16 * 1024 * 1024 + 4) }]
    ])('ignores %s', (_name, raw) => {
        expect(parseWebviewMessage(raw)).toBeUndefined();
    });

    it('reveals only lines inside the document, with the character clamped to the line', () => {
        const lengths = [10, 0, 25];
        const len = (l: number) => lengths[l];
        expect(revealTarget(2, 7, 3, len)).toEqual({ line: 2, character: 7 });
        expect(revealTarget(2, 99, 3, len)).toEqual({ line: 2, character: 25 });
        expect(revealTarget(1, 5, 3, len)).toEqual({ line: 1, character: 0 });
        expect(revealTarget(3, 0, 3, len)).toBeUndefined();
        expect(revealTarget(-1, 0, 3, len)).toBeUndefined();
    });

    it('keeps only well-typed fields of a restored state', () => {
        expect(parsePreviewState({ resource: 'file:///a.plan', locked: true, tab: 'annex-02', scroll: { 'annex-02': 300, charts: -5, 'x y': 3, z: 'no' } }))
            .toEqual({ resource: 'file:///a.plan', locked: true, tab: 'annex-02', scroll: { 'annex-02': 300 } });
        expect(parsePreviewState({ resource: 3, locked: 'yes', tab: '<script>' })).toEqual({});
        expect(parsePreviewState(undefined)).toEqual({});
        // The findings panel and the compact tables (issue 11).
        expect(parsePreviewState({ findings: { open: false, errorsOnly: true, rule: 'target-not-met' }, compact: 'on' }))
            .toEqual({ findings: { open: false, errorsOnly: true, rule: 'target-not-met' }, compact: 'on' });
        expect(parsePreviewState({ findings: { open: 'no', errorsOnly: 1, rule: '<b>' }, compact: 'tiny' })).toEqual({ findings: { open: true, errorsOnly: false } });
    });
});

describe('the preview page', () => {
    const nonce = makeNonce();
    const html = previewHtml({
        cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x.vscode-cdn.net/out/webview/main.js',
        styleUri: 'https://x.vscode-cdn.net/out/webview/preview.css', nonce,
        boot: { locale: 'vi', state: { resource: 'file:///a"><script>alert(1)</script>.plan', tab: 'annex-01' } }
    });

    it('has the strict CSP: nothing by default, scripts only by nonce, no eval or inline code', () => {
        const csp = contentSecurityPolicy('https://x.vscode-cdn.net', nonce);
        expect(csp).toBe(`default-src 'none'; img-src https://x.vscode-cdn.net data:; style-src https://x.vscode-cdn.net 'nonce-${nonce}'; `
            + `script-src 'nonce-${nonce}'; font-src https://x.vscode-cdn.net`);
        expect(csp).not.toMatch(/unsafe-(inline|eval)|\*/);
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`);
    });

    it('loads one script, by nonce, from the extension, and has no inline script', () => {
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(m => m[0]);
        expect(scripts).toEqual([`<script nonce="${nonce}" src="https://x.vscode-cdn.net/out/webview/main.js">`]);
        expect(html).not.toMatch(/<script[^>]*>[^<]+<\/script>/);
        expect(html).not.toMatch(/\son[a-z]+=/i);
    });

    it('escapes the boot data into its attribute', () => {
        const boot = /data-boot="([^"]*)"/.exec(html)?.[1] ?? '';
        expect(boot).not.toMatch(/[<>"]/);
        const decoded = boot.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        expect(JSON.parse(decoded)).toEqual({ locale: 'vi', state: { resource: 'file:///a"><script>alert(1)</script>.plan', tab: 'annex-01' } });
        expect((html.match(/<script/g) ?? []).length).toBe(1);
    });

    it('uses a fresh 128-bit nonce for each page', () => {
        const nonces = new Set(Array.from({ length: 50 }, makeNonce));
        expect(nonces.size).toBe(50);
        for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
    });
});

/** A clock the test moves by hand. */
class FakeClock implements Clock {
    time = 0;
    private timers: { at: number; fn: () => void; id: number }[] = [];
    private next = 1;
    now(): number { return this.time; }
    setTimeout(fn: () => void, ms: number): unknown {
        const id = this.next++;
        this.timers.push({ at: this.time + ms, fn, id });
        return id;
    }
    clearTimeout(id: unknown): void { this.timers = this.timers.filter(t => t.id !== id); }
    get pending(): number { return this.timers.length; }
    async advance(ms: number): Promise<void> {
        this.time += ms;
        for (;;) {
            const due = this.timers.filter(t => t.at <= this.time).sort((a, b) => a.at - b.at)[0];
            if (!due) break;
            this.timers = this.timers.filter(t => t !== due);
            due.fn();
            await flush();
        }
        await flush();
    }
}
const flush = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };

describe('refresh throttle', () => {
    it('runs the first refresh at once, then at most once per interval, always ending with the last edit', async () => {
        const clock = new FakeClock();
        const runs: number[] = [];
        const t = new Throttle(async () => { runs.push(clock.time); }, 300, clock);
        t.trigger();
        await flush();
        expect(runs).toEqual([0]);
        await clock.advance(100);
        t.trigger();
        t.trigger();
        t.trigger();
        await flush();
        expect(runs).toEqual([0]);
        await clock.advance(199);
        expect(runs).toEqual([0]);
        await clock.advance(1);
        expect(runs).toEqual([0, 300]);
        expect(clock.pending).toBe(0);
        await clock.advance(1000);
        t.trigger();
        await flush();
        expect(runs).toEqual([0, 300, 1300]);
    });

    it('never overlaps a running refresh; triggers meanwhile fold into one more run', async () => {
        const clock = new FakeClock();
        let release: () => void = () => undefined;
        let running = 0;
        let maxRunning = 0;
        let count = 0;
        const t = new Throttle(() => new Promise<void>(resolve => {
            count++;
            running++;
            maxRunning = Math.max(maxRunning, running);
            release = () => { running--; resolve(); };
        }), 300, clock);
        t.trigger();
        await flush();
        t.trigger(true);
        t.trigger();
        await clock.advance(1000);
        expect(count).toBe(1);
        release();
        await clock.advance(0);
        expect(count).toBe(2);
        release();
        await clock.advance(1000);
        expect(count).toBe(2);
        expect(maxRunning).toBe(1);
    });

    it('runs an immediate trigger without waiting, and nothing after dispose', async () => {
        const clock = new FakeClock();
        const runs: number[] = [];
        const t = new Throttle(async () => { runs.push(clock.time); }, 300, clock);
        t.trigger();
        await clock.advance(10);
        t.trigger();
        t.trigger(true);
        await flush();
        expect(runs).toEqual([0, 10]);
        t.trigger();
        t.dispose();
        await clock.advance(1000);
        expect(runs).toEqual([0, 10]);
    });
});

describe('export file names', () => {
    it.each(['hung_yen_giam_ngheo_2023.docx', 'ke-hoach-phu-luc-01.csv', 'Kế hoạch.xlsx'])('accepts %s', name => {
        expect(isSafeFileName(name)).toBe(true);
    });
    it.each(['', '.', '..', '../x.docx', 'a/b.csv', 'a\\b.csv', 'C:x.md', 'x.md ', 'x.', 'CON.docx', 'nul', 'a\u0000b', 'a\nb', 'x'.repeat(256)])('refuses %j', name => {
        expect(isSafeFileName(name)).toBe(false);
    });
});

describe("the preview's words", () => {
    it('exist in Vietnamese and English, with the same placeholders', () => {
        const vi = stringsFor('vi');
        const en = stringsFor('en');
        expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
        for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
            expect(vi[key].trim(), key).not.toBe('');
            expect(en[key].trim(), key).not.toBe('');
            const holes = (s: string) => (s.match(/\{\d\}/g) ?? []).sort();
            expect(holes(en[key]), key).toEqual(holes(vi[key]));
        }
        expect(vi.charts).toBe('Biểu đồ');
        expect(en.charts).toBe('Charts');
    });

    it('follow the display language (Vietnamese for vi*, English otherwise)', () => {
        expect(localeOf('vi')).toBe('vi');
        expect(localeOf('vi-VN')).toBe('vi');
        expect(localeOf('en-US')).toBe('en');
        expect(localeOf('fr')).toBe('en');
        expect(localeOf(undefined)).toBe('en');
        expect(format('{0}: {1} {2}', 'a', 1)).toBe('a: 1 {2}');
    });
});

describe('manifest contributions of the preview', () => {
    const dir = path.join(REPO_ROOT, 'extension');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'));
    const nls = JSON.parse(fs.readFileSync(path.join(dir, 'package.nls.json'), 'utf-8')) as Record<string, string>;
    const nlsVi = JSON.parse(fs.readFileSync(path.join(dir, 'package.nls.vi.json'), 'utf-8')) as Record<string, string>;
    const commands = manifest.contributes.commands as { command: string; title: string; icon?: string }[];

    it('declares the commands with titles in both languages', () => {
        for (const id of ['planPreview.open', 'planPreview.openToSide', 'planPreview.toggleLock', 'planPreview.showSource']) {
            const c = commands.find(x => x.command === id);
            expect(c, id).toBeDefined();
            const key = /^%(.+)%$/.exec(c!.title)?.[1];
            expect(key, id).toBeDefined();
            expect(nls[key!], id).toBeTruthy();
            expect(nlsVi[key!], id).toBeTruthy();
            expect(nlsVi[key!], id).not.toBe(nls[key!]);
        }
        // the palette's title carries Vietnamese search words; menus show the short title
        expect(nls['planPreview.openToSide.short']).toBe('Open Preview to the Side');
        expect(nls['planPreview.openToSide']).toMatch(/^Open Preview to the Side — /);
    });

    it('binds ctrl+k v / cmd+k v in plan editors, puts "open to the side" in the editor title, and restores panels', () => {
        expect(manifest.contributes.keybindings).toContainEqual(expect.objectContaining({
            command: 'planPreview.openToSide', key: 'ctrl+k v', mac: 'cmd+k v', when: expect.stringContaining('editorLangId == plan')
        }));
        expect(manifest.contributes.menus['editor/title']).toContainEqual(expect.objectContaining({
            command: 'planPreview.openToSide', group: 'navigation', when: expect.stringContaining('editorLangId == plan')
        }));
        expect(commands.find(c => c.command === 'planPreview.openToSide')?.icon).toBe('$(open-preview)');
        expect(manifest.activationEvents).toContain('onWebviewPanel:planPreview');
    });
});
