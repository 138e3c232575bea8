// Runs the preview webview in Debian's Chromium: builds the same bundle as the extension into a
// folder of its own, serves it over HTTP with the page the extension would make (same HTML, same
// CSP), stands in for VS Code with a fake acquireVsCodeApi, and posts real plan views into it.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewHtml, makeNonce } from '../../extension/src/preview/html.js';
import type { HostMessage, PreviewState, WebviewMessage } from '../../common/webview.js';
import type { Locale } from '../../common/preview-strings.js';
import { webviewBuild } from '../../extension/webview/build.mjs';
import { buildPlanView, type LocatedFinding } from '../../language-server/src/view/build.js';
import type { PlanView } from '../../common/view.js';
import { loadPlans } from '../../language-server/src/cli/workspace.js';
import { afterAll, beforeAll } from 'vitest';
import { REPO_ROOT, SEED_PLAN } from '../helpers/plan.js';

// Page functions run in the browser; this Node project has no DOM types, so they see the globals as any.
declare const window: any;
declare const document: any;

export const CHROMIUM = process.env.PLAN_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output', 'screenshots');

export type ThemeClass = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' | 'vscode-high-contrast vscode-high-contrast-light';

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/** The plan's view as the language server answers `plan/view`: its model plus its diagnostics. */
export async function planViewOf(file: string): Promise<PlanView> {
    const { services, documents } = await loadPlans([file]);
    const document = documents[0];
    const findings: LocatedFinding[] = (document.diagnostics ?? []).map(d => ({
        severity: SEVERITIES[(d.severity ?? 1) - 1] ?? 'error', code: String(d.code ?? ''), message: d.message, range: d.range
    }));
    return buildPlanView(services.plan.Models.get(document), findings);
}

/** Builds the webview bundle (the extension's own esbuild options) into a fresh folder. */
export async function buildWebviewBundle(): Promise<string> {
    const outdir = path.join(REPO_ROOT, 'test-output', `webview-${process.pid}`);
    fs.rmSync(outdir, { recursive: true, force: true });
    await esbuild.build({ ...webviewBuild(outdir), logLevel: 'error' });
    return outdir;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.html': 'text/html; charset=utf-8' };

/** Serves the bundle's files, and pages registered by the tests, on 127.0.0.1. */
export class PreviewServer {
    private server: http.Server | undefined;
    private readonly pages = new Map<string, string>();
    private counter = 0;
    origin = '';

    constructor(private readonly dir: string) {}

    async start(): Promise<void> {
        this.server = http.createServer((req, res) => {
            const url = new URL(req.url ?? '/', 'http://x');
            // Chromium asks for a favicon on its own; an error here would look like a page problem.
            if (url.pathname === '/favicon.ico') {
                res.writeHead(204).end();
                return;
            }
            const page = this.pages.get(url.pathname);
            if (page !== undefined) {
                res.writeHead(200, { 'content-type': TYPES['.html'] }).end(page);
                return;
            }
            const file = path.join(this.dir, path.basename(url.pathname));
            if (!fs.existsSync(file)) {
                res.writeHead(404).end();
                return;
            }
            res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
        });
        await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve));
        this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    }

    addPage(html: string): string {
        const p = `/page-${++this.counter}.html`;
        this.pages.set(p, html);
        return this.origin + p;
    }

    async stop(): Promise<void> {
        await new Promise<void>(resolve => (this.server ? this.server.close(() => resolve()) : resolve()));
    }
}

export async function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']
    });
}

export interface OpenOptions {
    theme?: ThemeClass;
    locale?: Locale;
    /** What VS Code would hand back from getState() (a webview restored after a reload). */
    state?: PreviewState;
    /** false: drop the CSP meta, to test that plan strings are inert on their own (not only because CSP blocks them). */
    csp?: boolean;
}

/** A preview page with its fake VS Code API. */
export interface PreviewPage {
    page: Page;
    /** Messages the webview posted to the host, in order. */
    posted(): Promise<WebviewMessage[]>;
    /** The last state the webview saved with setState. */
    savedState(): Promise<PreviewState | undefined>;
    /** Posts a host message (as VS Code delivers webview.postMessage). */
    send(message: HostMessage): Promise<void>;
    /** CSP violations reported by the page, and script errors. */
    problems(): Promise<string[]>;
}

export async function openPreview(browser: Browser, server: PreviewServer, o: OpenOptions = {}): Promise<PreviewPage> {
    const nonce = makeNonce();
    let html = previewHtml({
        cspSource: server.origin, scriptUri: `${server.origin}/main.js`, styleUri: `${server.origin}/preview.css`, nonce,
        boot: { locale: o.locale ?? 'vi', state: {} }
    });
    if (o.csp === false) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
    // VS Code puts the theme kind on <body> before the page's scripts run.
    html = html.replace('<body>', `<body class="${o.theme ?? 'vscode-light'}">`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', e => problems.push(`pageerror: ${e.message}`));
    page.on('console', m => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('dialog', d => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    await page.addInitScript((initial: PreviewState | undefined) => {
        const w = window;
        const posted: unknown[] = [];
        const violations: string[] = [];
        let state: unknown = initial;
        let acquired = false;
        w.__posted = posted;
        w.__violations = violations;
        w.__getSaved = () => state;
        document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        // As in VS Code: one acquisition per page; messages and state are cloned.
        w.acquireVsCodeApi = () => {
            if (acquired) throw new Error('acquireVsCodeApi called twice');
            acquired = true;
            return {
                postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))),
                getState: () => state,
                setState: (s: unknown) => { state = JSON.parse(JSON.stringify(s)); }
            };
        };
    }, o.state);
    await page.goto(server.addPage(html));
    const api: PreviewPage = {
        page,
        posted: () => page.evaluate((): WebviewMessage[] => window.__posted),
        savedState: () => page.evaluate((): PreviewState | undefined => window.__getSaved()),
        send: async message => {
            // Dispatched synchronously, so the page has handled the message when send() returns
            // (window.postMessage would deliver it in a later task and race the test's next read).
            await page.evaluate(m => { window.dispatchEvent(new MessageEvent('message', { data: m })); }, message as unknown as Record<string, unknown>);
        },
        problems: async () => [...problems, ...await page.evaluate((): string[] => window.__violations)]
    };
    await page.waitForFunction(() => window.__posted.some((m: { type: string }) => m.type === 'ready'));
    return api;
}

export function viewMessage(view: PlanView | null, locked = false): HostMessage {
    return { type: 'view', view, resource: 'file:///ws/examples/plan.plan', locked };
}

/** A screenshot of the whole page, or with `{ fullPage: false }` of what the viewport shows. */
export async function screenshot(page: Page, name: string, o: { fullPage?: boolean } = {}): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: file, fullPage: o.fullPage ?? true });
    return file;
}

/** What a preview suite shares: Chromium, the served bundle, the seed plan's view, the pages it opened. */
export interface SeedPreviewSuite {
    readonly browser: Browser;
    readonly server: PreviewServer;
    readonly view: PlanView;
    /** The pages kept, oldest first. */
    readonly pages: readonly PreviewPage[];
    /** A page the suite opened, closed after the suite. */
    keep(page: PreviewPage): PreviewPage;
}

/**
 * Sets up a describe block's preview: builds and serves the webview bundle, launches Chromium and
 * reads the seed plan's view before its tests; closes every page kept, the browser and the server,
 * and removes the bundle after them.
 */
export function seedPreviewSuite(): SeedPreviewSuite {
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let view: PlanView | undefined;
    let bundleDir: string | undefined;
    const pages: PreviewPage[] = [];
    beforeAll(async () => {
        const [dir, v] = await Promise.all([buildWebviewBundle(), planViewOf(SEED_PLAN)]);
        view = v;
        bundleDir = dir;
        server = new PreviewServer(dir);
        await server.start();
        browser = await launchChromium();
    });
    afterAll(async () => {
        for (const p of pages) await p.page.close().catch(() => undefined);
        await browser?.close();
        await server?.stop();
        if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
    });
    const ready = <T>(value: T | undefined): T => {
        if (value === undefined) throw new Error('the preview suite is not set up yet (beforeAll)');
        return value;
    };
    return {
        get browser() { return ready(browser); },
        get server() { return ready(server); },
        get view() { return ready(view); },
        pages,
        keep(page) { pages.push(page); return page; }
    };
}
