// End to end in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) with the packaged .vsix, as a
// user would meet it: open the seed plan, read the highlighting and the Vietnamese problems, complete
// a name typed without accents, apply a quick fix, open the preview and read its tables and chart,
// edit and see the preview follow, export DOCX and XLSX. Each step leaves a screenshot in
// test-output/e2e/; a failed step leaves 99-failure.png (and 99-failure-<step>.png).
// Run with `npm run test:e2e` (builds first). Needs /usr/bin/chromium; sets up code-server in .e2e/.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleSuite, type SuiteResult } from '../vscode/launch.js';
import { CHROMIUM, E2E, ROOT, SHOTS, SUITE_RUNNER_COMMAND, installVsix, packageSuiteRunner, isolatedEnv, log, packageVsix, setupCodeServer, sleep, start, webview, type Session } from './harness.js';
import { Workbench } from './workbench.js';

const SEED = 'hung-yen-giam-ngheo-2023-2025.plan';
const SEED_ONLY = `**/${SEED}`;   // a glob in the Problems filter: the seed's problems only
const RUN = path.join(E2E, 'run');
const WORKSPACE = path.join(RUN, 'workspace');
const EXPORTS = path.join(RUN, 'exports');
const SUITE_RESULTS = path.join(RUN, 'suite-results.json');

let session: Session | undefined;
let wb: Workbench;
let manifest: Manifest;
let quickFixApplied = false;

interface Manifest {
    contributes?: { commands?: { command: string; title: string; category?: string }[] };
}

/** The palette label of a contributed command ("Plan: Open Preview to the Side"), in English. */
function commandLabel(id: string): string {
    const cmd = manifest.contributes?.commands?.find(c => c.command === id);
    if (!cmd) throw new Error(`the extension does not contribute the command ${id} (not in its package.json)`);
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/package.nls.json'), 'utf8')) as Record<string, string>;
    const t = (s: string | undefined) => s?.replace(/^%(.+)%$/, (_, k: string) => nls[k] ?? k);
    return cmd.category ? `${t(cmd.category)}: ${t(cmd.title)}` : t(cmd.title)!;
}

/** 1-based line and column of the first match of `re` in the seed as it is on disk now. */
function locate(re: RegExp, group = 0): { line: number; column: number } {
    const text = fs.readFileSync(path.join(WORKSPACE, SEED), 'utf8');
    const m = re.exec(text);
    if (!m) throw new Error(`the seed plan has no ${re}`);
    const offset = m.index + (group ? m[0].indexOf(m[group]) : 0);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}

beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    await setupCodeServer();
    fs.rmSync(RUN, { recursive: true, force: true });
    // this file's screenshots only (authoring.test.ts keeps its own in a folder of SHOTS)
    if (fs.existsSync(SHOTS)) for (const f of fs.readdirSync(SHOTS)) if (f.endsWith('.png')) fs.rmSync(path.join(SHOTS, f));
    fs.mkdirSync(EXPORTS, { recursive: true });
    fs.cpSync(path.join(ROOT, 'examples'), WORKSPACE, { recursive: true });
    const vsix = path.join(RUN, 'plan-as-code.vsix');
    await packageVsix(vsix);
    const extensionsDir = path.join(RUN, 'extensions');
    const out = await installVsix(vsix, extensionsDir, isolatedEnv(RUN));
    expect(out).toMatch(/successfully installed/);
    const installed = fs.readdirSync(extensionsDir).find(d => d.startsWith('plan-as-code.plan-as-code-'));
    if (!installed) throw new Error(`the .vsix did not install into ${extensionsDir}: ${out}`);
    manifest = JSON.parse(fs.readFileSync(path.join(extensionsDir, installed, 'package.json'), 'utf8')) as Manifest;
    log('installed', installed, `(${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB .vsix)`);
    const runner = await packageSuiteRunner(path.join(RUN, 'suite-runner'), await bundleSuite(path.join(RUN, 'suite.cjs')), SUITE_RESULTS);
    expect(await installVsix(runner, extensionsDir, isolatedEnv(RUN))).toMatch(/successfully installed/);
    session = await start({
        run: RUN, workspace: WORKSPACE, extensionsDir,
        settings: {
            'plan.language': 'vi',                                   // the checker's messages in Vietnamese
            'editor.fontFamily': "'Liberation Mono', 'DejaVu Sans Mono', monospace",  // has Vietnamese glyphs
            'editor.minimap.enabled': false
        }
    });
    wb = new Workbench(session.page);
    await wb.shot('01-workbench.png');
});

afterAll(async () => {
    await session?.stop();
    if (session?.blocked.length) log('refused non-loopback requests:', session.blocked.length, session.blocked.slice(0, 3));
});

beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
        if (!session) return;
        const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40).replace(/-$/, '');
        const file = await wb.shot(`99-failure-${slug}.png`).catch(() => undefined);
        if (file && !fs.existsSync(path.join(SHOTS, '99-failure.png'))) fs.copyFileSync(file, path.join(SHOTS, '99-failure.png'));
    });
});

describe('the plan extension in code-server', () => {
    it('0. the extension-host suite of npm run test:vscode passes inside code-server', async () => {
        await wb.command(SUITE_RUNNER_COMMAND);
        await wb.waitFor(async () => fs.existsSync(SUITE_RESULTS), 'the extension-host suite to finish', 240_000);
        const results = JSON.parse(fs.readFileSync(SUITE_RESULTS, 'utf8')) as SuiteResult[];
        for (const r of results) log(`suite: ${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${r.ms} ms)${r.error ? ` — ${r.error}` : ''}`);
        await wb.shot('00-extension-host-suite.png');
        await wb.command('View: Close All Editor Groups');
        expect(results.length).toBe(4);
        expect(results.filter(r => !r.ok).map(r => `${r.name}: ${r.error}`)).toEqual([]);
    }, 300_000);

    it('1. opens the seed plan: language mode, TextMate highlighting, Vietnamese problems', async () => {
        await wb.quickOpen(SEED);
        await wb.waitFor(async () => /Plan|Kế hoạch/.test(await session!.page.locator('#status\\.editor\\.mode').innerText()),
            'the language mode "Plan" in the status bar');

        // TextMate scopes: keywords, strings and comments get different token classes and colours
        const tokens = await wb.tokens();
        const keyword = tokens.find(t => t.text === 'plan' || t.text === 'number-style');
        const string = tokens.find(t => t.text.startsWith('"Kế hoạch'));
        const comment = tokens.find(t => t.text.startsWith('//'));
        expect(keyword, 'a "plan" keyword token').toBeDefined();
        expect(string, 'a string token').toBeDefined();
        expect(comment, 'a comment token').toBeDefined();
        expect(keyword!.cls).toMatch(/mtk\d+/);
        expect(new Set([keyword!.color, string!.color, comment!.color]).size, `colours ${JSON.stringify([keyword, string, comment])}`).toBe(3);

        await wb.waitFor(async () => (await wb.problems('total-mismatch', SEED)).length > 0, 'a total-mismatch problem', 60_000);
        const total = await wb.problems('total-mismatch', SEED);
        expect(total.join('\n')).toContain('Tổng cộng năm 2024, cột Hộ nghèo: in 2.954 nhưng tổng các dòng là 2.963');
        const direction = await wb.problems('wrong-direction', SEED);
        expect(direction.join('\n')).toMatch(/đi ngược hướng/);
        const gap = await wb.problems('numbering-gap', SEED);
        expect(gap.join('\n')).toMatch(/Đánh số không liên tục/);
        // Every id of the seed is declared: an unknown-reference here means linking went wrong in the
        // server (it once did, after the settings revalidation raced with the editor's requests).
        await sleep(2000);
        expect(await wb.problems('unknown-reference', SEED)).toEqual([]);
        await wb.problems(SEED_ONLY, SEED);
        await wb.shot('02-diagnostics.png');
    });

    it('2. completes an agency typed without accents ("so y te" → YT, Sở Y tế)', async () => {
        await wb.quickOpen(SEED);
        const at = locate(/^ {8}lead (YT)$/m, 1);
        await wb.goTo(at.line, at.column);
        await session!.page.keyboard.press('Shift+End');
        await session!.page.keyboard.type('so y te', { delay: 60 });
        const row = session!.page.locator('.editor-widget.suggest-widget .monaco-list-row', { hasText: 'Sở Y tế' }).first();
        if (!await row.waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
            // Seen once in about ten runs, on a server still busy with the workspace: the list shown while
            // typing lacked YT. Say so loudly, then ask again as a user would (Ctrl+Space).
            await wb.shot('03-completion-while-typing-missed.png');
            log('WARNING: typing "so y te" did not offer "Sở Y tế"; asking again with Ctrl+Space');
            await wb.escape(1);
            await session!.page.keyboard.press('Control+Space');
        }
        await row.waitFor({ timeout: 20_000 }).catch(() => { throw new Error('no completion "Sở Y tế" offered for "lead so y te"'); });
        await wb.shot('03-completion.png');
        await row.click();
        await wb.waitFor(async () => /^\s*lead YT\s*$/.test(await wb.cursorLineText()), 'the line to read "lead YT" after accepting');
        expect(await wb.cursorLineText()).toMatch(/^\s*lead YT\s*$/);
    });

    it('3. applies the quick fix 2.954 → 2.963 and the total-mismatch problem goes away', async () => {
        await wb.quickOpen(SEED);
        const at = locate(/total "Tổng cộng"[^]*?2024:[^\n]*?\b(2\.954)\b/, 1);
        await wb.goTo(at.line, at.column);
        await wb.problems(SEED_ONLY, SEED);   // for the screenshot (Escape in the filter box would clear it)
        await wb.focusEditor();
        await session!.page.keyboard.press('Control+.');
        const fix = session!.page.locator('.action-widget .monaco-list-row, .context-view .action-widget [role="option"]', { hasText: '2.963' }).first();
        await fix.waitFor({ timeout: 20_000 }).catch(() => { throw new Error('no quick fix offering 2.963 at the 2024 total'); });
        await wb.shot('04-quick-fix.png');
        // by keyboard: the menu lays a pointer block over the editor that swallows clicks
        for (let i = 0; i < 10 && !(await session!.page.locator('.action-widget .monaco-list-row.focused').innerText()).includes('2.963'); i++) {
            await session!.page.keyboard.press('ArrowDown');
        }
        await session!.page.keyboard.press('Enter');
        await wb.waitFor(async () => (await wb.cursorLineText()).includes('2.963'), 'the total to read 2.963');
        await wb.waitFor(async () => (await wb.problems('total-mismatch', SEED)).length === 0, 'the total-mismatch problem to disappear');
        await wb.problems(SEED_ONLY, SEED);
        await wb.shot('05-quick-fix-applied.png');
        quickFixApplied = true;
    });

    it('4. opens the preview to the side: annex tables, a drawn chart, live update on edit', async () => {
        await wb.command('View: Close Primary Side Bar');   // room for the editor and the preview
        await wb.command('View: Hide Panel');
        await wb.quickOpen(SEED);
        await wb.command(commandLabel('planPreview.openToSide'));
        const view = webview(session!.page);
        const cell = (text: string) => view.locator('td, th', { hasText: new RegExp(`^\\s*${text.replace(/\./g, '\\.')}\\s*$`) }).first();
        await cell('29.822').waitFor({ timeout: 30_000 }).catch(() => { throw new Error('the preview shows no annex cell 29.822 (Phù Cừ, 2021 households)'); });
        await view.locator('td, th', { hasText: 'Phù Cừ' }).first().waitFor();
        // the 2024 total as the editor has it (the quick fix of step 3 changed it, unsaved)
        const total = quickFixApplied ? '2.963' : '2.954';
        expect(await cell(total).count(), `the preview's 2024 total ${total}`).toBeGreaterThan(0);
        await wb.shot('06-preview.png');

        // a chart: a canvas with drawn (non-transparent) pixels, in whichever tab holds the charts
        const canvas = view.locator('canvas').first();
        if (!await canvas.isVisible().catch(() => false)) {
            const tab = view.locator('[role="tab"], button, a', { hasText: /biểu đồ|chart/i }).first();
            if (await tab.count()) await tab.click();
        }
        await canvas.waitFor({ timeout: 20_000 }).catch(() => { throw new Error('the preview draws no chart (no visible canvas)'); });
        await sleep(1000);   // chart.js animates its first draw
        const drawn = await canvas.evaluate((c: any) => {
            const d: Uint8ClampedArray = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
            return n;
        });
        expect(drawn, 'non-transparent pixels in the chart').toBeGreaterThan(500);
        await wb.shot('07-preview-chart.png');

        // edit: Phù Cừ's 2021 households 29.822 → 31.822; the preview follows
        const tableTab = view.locator('[role="tab"], button, a', { hasText: /phụ lục 01|annex 01|01/i }).first();
        const at = locate(/2021:\s+(29\.822)/, 1);
        await wb.goTo(at.line, at.column);
        await session!.page.keyboard.press('Delete');
        await session!.page.keyboard.press('Delete');
        await session!.page.keyboard.type('31');
        if (await tableTab.count()) await tableTab.click().catch(() => undefined);
        await cell('31.822').waitFor({ timeout: 20_000 }).catch(() => { throw new Error('the preview did not show the edited 31.822'); });
        expect(await cell('29.822').count()).toBe(0);
        await wb.shot('08-preview-updated.png');
    });

    it('5. exports DOCX and XLSX from the preview, files on disk with the edited figures', async () => {
        const view = webview(session!.page);
        for (const format of ['docx', 'xlsx'] as const) {
            const target = path.join(EXPORTS, `seed.${format}`);
            const button = view.locator(`button[data-format="${format}"], button`, { hasText: new RegExp(format, 'i') }).first();
            await button.waitFor({ timeout: 10_000 }).catch(() => { throw new Error(`the preview has no ${format.toUpperCase()} export button`); });
            await button.click();
            await answerSaveDialog(target);
            await wb.waitFor(async () => fs.existsSync(target), `${path.relative(RUN, target)} on disk`);
            log('exported', path.relative(RUN, target), fs.statSync(target).size, 'bytes');
        }
        // the export is of the plan as edited in step 4 (unsaved): Phù Cừ's 2021 households are 31.822
        const docx = await JSZip.loadAsync(fs.readFileSync(path.join(EXPORTS, 'seed.docx')));
        const body = await docx.file('word/document.xml')!.async('string');
        expect(body).toContain('Phù Cừ');
        expect(body).toContain('31.822');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path.join(EXPORTS, 'seed.xlsx'));
        const values: unknown[] = [];
        workbook.eachSheet(sheet => sheet.eachRow(row => row.eachCell(cell => values.push(cell.value))));
        expect(values).toContain('Phù Cừ');
        expect(values).toContain(31822);
        await wb.shot('09-exported.png');
    });
});

/**
 * Answers code-server's own save dialog (a quick input holding a path) with `target`. The dialog fills
 * in its default path a moment after it opens and completes folder names as one types, so the value
 * is set only once the default is there, and checked before Enter.
 */
async function answerSaveDialog(target: string): Promise<void> {
    const input = session!.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 }).catch(() => { throw new Error('the export did not ask where to save'); });
    await wb.waitFor(async () => (await input.inputValue()).length > 0, 'the save dialog to show its default path', 10_000);
    await wb.waitFor(async () => {
        if ((await input.inputValue()) !== target) { await input.fill(target); await sleep(300); }
        return (await input.inputValue()) === target;
    }, `the save dialog to hold ${target}`, 10_000);
    await session!.page.keyboard.press('Enter');
}
