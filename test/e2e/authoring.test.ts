// End to end, a newcomer writing a plan from zero in a real VS Code (code-server 4.100.3 with the
// packaged .vsix, its own session beside code-server.test.ts): the getting-started walkthrough, "New
// plan from template" answered in its input boxes and saved under the proposed name, the commands
// found in the palette by Vietnamese words without accents, an export named after the plan file whose
// notification reveals it, every snippet typed through with Tab (Enter on a choice) leaving text that
// parses with each value in its place, and an untitled plan whose problems leave the Problems panel
// once it is saved under a name. Screenshots in test-output/e2e/authoring/.
import fs from 'node:fs';
import path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../language-server/src/generated/ast.js';
import { createPlanServices } from '../../language-server/src/plan-module.js';
import { SNIPPETS, expandSnippet, tabStops } from '../helpers/snippets.js';
import { CHROMIUM, E2E, ROOT, SHOTS, installVsix, isolatedEnv, log, packageVsix, setupCodeServer, sleep, start, type Session } from './harness.js';
import { Workbench } from './workbench.js';

const RUN = path.join(E2E, 'run-authoring');
const WORKSPACE = path.join(RUN, 'workspace');
const SNIPPET_DIR = 'doan-ma';                       // the snippet files, in a folder of the workspace
const EXPORTS = path.join(WORKSPACE, 'xuat');       // inside the workspace: "Reveal" shows it in the Explorer
const NEW_PLAN = 'ke-hoach-giam-ngheo-hung-yen-2026-2030.plan';
const shotName = (name: string) => `authoring/${name}`;

const parse = parseHelper<PlanDocument>(createPlanServices(EmptyFileSystem).Plan);
async function syntaxErrors(text: string): Promise<string[]> {
    const document = await parse(text);
    return [...document.parseResult.lexerErrors.map(e => e.message), ...document.parseResult.parserErrors.map(e => e.message)];
}

let session: Session | undefined;
let wb: Workbench;
let manifest: { contributes: { commands: { command: string; title: string; category?: string }[] } };

/** The palette label of a contributed command, in English (code-server's display language here). */
function commandLabel(id: string): string {
    const cmd = manifest.contributes.commands.find(c => c.command === id);
    if (!cmd) throw new Error(`the extension does not contribute ${id}`);
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/package.nls.json'), 'utf8')) as Record<string, string>;
    const t = (s: string | undefined) => s?.replace(/^%(.+)%$/, (_, k: string) => nls[k] ?? k);
    return cmd.category ? `${t(cmd.category)}: ${t(cmd.title)}` : t(cmd.title)!;
}

// ---- The snippets, each typed in a file of its own ---------------------------------------------------

// The indicator stands in a dimension: at top level no output would show it (not-shown), and twenty
// such warnings would crowd the Problems panel that step 6 reads.
const DECLARED = 'plan thu "Thử đoạn mã"\nagency YT "Sở Y tế" department\ndistrict PhuCu "Phù Cừ" huyen\ndimension d "Chiều" { indicator ty_le "Tỷ lệ hộ nghèo" { unit percent lead YT } }\n';

interface SnippetRun {
    name: string;
    prefix: string;
    /** The file around the snippet: it goes on the empty line between the two. */
    before: string;
    after: string;
    /** What the user types in each field, in Tab order; a choice is picked with the arrow keys and Enter. */
    values: Array<string | { choose: string }>;
}

const TABLE_HEAD = 'table t1 "Bảng" {\n    years { 2025 result  2026 plan }\n';
const TABLE_ROW = '    row 1 PhuCu {\n        2025: 100 5\n        2026: 100 4\n    }\n}\n';

const RUNS: SnippetRun[] = [
    { name: 'Indicator', prefix: 'chi-tieu', before: DECLARED, after: '', values: ['ho_ngheo', 'Số hộ nghèo', { choose: 'households' }, { choose: 'lower' }, 'YT', '2025', '1.200', '2027', '900'] },
    { name: 'Task', prefix: 'nhiem-vu', before: `${DECLARED}tasks "Nhiệm vụ" {`, after: '}\n', values: ['3', 'Xây dựng đề án', 'YT', '2027'] },
    { name: 'Coordinate', prefix: 'phoi-hop', before: `${DECLARED}agency XD "Sở Xây dựng" department\ntasks "Nhiệm vụ" {\n    task 1 "Đề án" {\n        lead XD`, after: '    }\n}\n', values: ['YT'] },
    { name: 'District row', prefix: 'dong-huyen', before: `${DECLARED}table t1 "Bảng" {\n    years { 2025 result }\n    columns households poor poor-rate`, after: '}\n', values: ['1', 'PhuCu', '2025', '100', '5', '5,00'] },
    { name: 'Year line', prefix: 'nam', before: `${DECLARED}table t1 "Bảng" {\n    years { 2026 plan }\n    columns households poor poor-rate\n    row 1 PhuCu {`, after: '    }\n}\n', values: ['2026', '200', '10', '5,00'] },
    { name: 'Agency', prefix: 'co-quan', before: DECLARED, after: '', values: ['NHCSXH', 'Ngân hàng Chính sách xã hội', { choose: 'bank' }] },
    { name: 'District', prefix: 'huyen', before: DECLARED, after: '', values: ['MyHao', 'Mỹ Hào', { choose: 'thi-xa' }] },
    { name: 'Commune', prefix: 'xa', before: DECLARED, after: '', values: ['DoanDao', 'Đoàn Đào', { choose: 'phuong' }] },
    { name: 'Region', prefix: 'vung', before: DECLARED, after: '', values: ['DBSH', 'Đồng bằng sông Hồng'] },
    { name: 'Province', prefix: 'tinh', before: DECLARED, after: '', values: ['HY', 'Tỉnh Hưng Yên'] },
    { name: 'Target', prefix: 'muc-tieu', before: DECLARED, after: '', values: ['mt_ngheo', 'ty_le', '2030', { choose: 'at-most' }, '1,5', 'Tỷ lệ hộ nghèo không quá 1,5%'] },
    { name: 'Dimension', prefix: 'chieu', before: DECLARED, after: '', values: ['y_te', 'Y tế', 'y tế'] },
    { name: 'District table', prefix: 'bang-huyen', before: DECLARED, after: '', values: ['phu_luc_01', 'Tỷ lệ hộ nghèo', '01', '2025', '2026', 'households poor poor-rate', 'PhuCu'] },
    { name: 'Targets table', prefix: 'bang-chi-tieu', before: DECLARED, after: '', values: ['giao', 'Giao chỉ tiêu', '2026', 'giam', 'Số hộ giảm', 'PhuCu', '13.700', '410..460'] },
    { name: 'Column', prefix: 'cot', before: `${DECLARED}${TABLE_HEAD}`, after: `    columns households poor\n${TABLE_ROW}`, values: ['thoat_ngheo', 'Hộ thoát nghèo', { choose: 'persons' }] },
    { name: 'Rate column', prefix: 'cot-ty-le', before: `${DECLARED}${TABLE_HEAD}`, after: `    columns households poor\n${TABLE_ROW}`, values: ['ty_le_ngheo', 'Tỷ lệ hộ nghèo (%)', 'poor', 'households'] },
    { name: 'Sum column', prefix: 'cot-tong', before: `${DECLARED}${TABLE_HEAD}`, after: `    columns households poor\n${TABLE_ROW}`, values: ['da_chieu', 'Hộ nghèo đa chiều', { choose: 'persons' }, 'poor', 'near-poor'] },
    { name: 'Flow column', prefix: 'cot-bien-dong', before: `${DECLARED}${TABLE_HEAD}    column thoat "Thoát nghèo" households\n    column moi "Phát sinh" households`, after: `    columns households poor\n${TABLE_ROW}`, values: ['poor', 'Hộ nghèo cuối năm', 'thoat', 'moi'] },
    { name: 'Check', prefix: 'kiem-tra', before: `${DECLARED}${TABLE_HEAD}    columns households poor`, after: TABLE_ROW, values: ['khong_tang', 'poor', { choose: '<' }, 'households', { choose: 'totals' }, { choose: 'error' }, 'Số hộ nghèo tăng'] },
    { name: 'Group', prefix: 'nhom-giai-phap', before: `${DECLARED}solutions "Giải pháp" {`, after: '}\n', values: ['2', 'Hỗ trợ y tế', 'YT', 'Cấp thẻ bảo hiểm y tế'] }
];

// numbered, so that no name is a fuzzy match of another in Quick Open (snippet-district.plan ~ snippet-district-row.plan)
const fileOf = (run: SnippetRun) => `snippet-${String(RUNS.indexOf(run) + 1).padStart(2, '0')}-${run.name.toLowerCase().replace(/\s+/g, '-')}.plan`;
const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The file as it should be once the snippet is typed through with these values. */
function expected(run: SnippetRun): string {
    const stops = tabStops(SNIPPETS[run.name].body);
    const values: Record<number, string> = {};
    stops.forEach((stop, i) => {
        const v = run.values[i];
        values[stop.index] = typeof v === 'string' ? v : v.choose;
    });
    return `${run.before}\n${expandSnippet(SNIPPETS[run.name].body, values)}\n${run.after}`;
}

beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
    await setupCodeServer();
    fs.rmSync(RUN, { recursive: true, force: true });
    fs.rmSync(path.join(SHOTS, 'authoring'), { recursive: true, force: true });
    fs.mkdirSync(path.join(WORKSPACE, SNIPPET_DIR), { recursive: true });
    fs.mkdirSync(EXPORTS, { recursive: true });
    for (const run of RUNS) fs.writeFileSync(path.join(WORKSPACE, SNIPPET_DIR, fileOf(run)), `${run.before}\n\n${run.after}`);
    const vsix = path.join(RUN, 'plan-as-code.vsix');
    await packageVsix(vsix);
    const extensionsDir = path.join(RUN, 'extensions');
    expect(await installVsix(vsix, extensionsDir, isolatedEnv(RUN))).toMatch(/successfully installed/);
    const installed = fs.readdirSync(extensionsDir).find(d => d.startsWith('plan-as-code.plan-as-code-'))!;
    manifest = JSON.parse(fs.readFileSync(path.join(extensionsDir, installed, 'package.json'), 'utf8')) as typeof manifest;
    session = await start({
        run: RUN, workspace: WORKSPACE, extensionsDir,
        settings: {
            'plan.language': 'vi',
            'editor.fontFamily': "'Liberation Mono', 'DejaVu Sans Mono', monospace",
            'editor.minimap.enabled': false
            // nothing about suggestions: the extension's own defaults for [plan] are what is tested
        }
    });
    wb = new Workbench(session.page);
});

afterAll(async () => {
    await session?.stop();
    if (session?.blocked.length) log('refused non-loopback requests:', session.blocked.length, session.blocked.slice(0, 3));
});

beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
        if (!session) return;
        const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40).replace(/-$/, '');
        await wb.shot(shotName(`99-failure-${slug}.png`)).catch(() => undefined);
    });
});

/** The quick input's text box, once it is open with `title` in its title bar (when given). */
async function quickInput(title?: RegExp) {
    const widget = session!.page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
    if (title) await wb.waitFor(async () => title.test(await widget.locator('.quick-input-title').innerText().catch(() => '')), `an input box titled ${title}`, 15_000);
    return widget.locator('.quick-input-box input');
}

/** Answers code-server's own file dialog (a quick input holding a path) with `target`. */
async function answerFileDialog(target: string, expectDefault?: string): Promise<void> {
    const input = session!.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: 15_000 });
    await wb.waitFor(async () => (await input.inputValue()).length > 0, 'the dialog to show its default path', 10_000);
    if (expectDefault !== undefined) {
        await wb.waitFor(async () => (await input.inputValue()) === expectDefault, `the dialog to propose ${expectDefault}`, 10_000)
            .catch(async e => { throw new Error(`${(e as Error).message}; it proposes ${await input.inputValue()}`); });
    }
    await wb.waitFor(async () => {
        if ((await input.inputValue()) !== target) { await input.fill(target); await sleep(300); }
        return (await input.inputValue()) === target;
    }, `the dialog to hold ${target}`, 10_000);
    await session!.page.keyboard.press('Enter');
}

/** Rows of the Problems panel as shown: file headers (level 1) and problems (level 2), top to bottom. */
async function problemRows(): Promise<Array<{ level: string; text: string }>> {
    await wb.openProblems();
    await session!.page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first().fill('');
    await sleep(400);
    return session!.page.locator('.markers-panel .monaco-list-row').evaluateAll((els: any[]) => els
        .map(e => ({ top: parseFloat(e.style.top) || 0, level: String(e.getAttribute('aria-level')), text: String(e.innerText).replace(/\s+/g, ' ').trim() }))
        .sort((a, b) => a.top - b.top)
        .map(({ level, text }) => ({ level, text })));
}

describe('writing a plan from zero in code-server', () => {
    it('1. the walkthrough "Write a plan from zero" is there, in six steps from a new plan to the export', async () => {
        await wb.command('Welcome: Open Walkthrough...');
        const input = await quickInput();
        await input.fill('Write a plan');
        const row = session!.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Write a plan from zero' }).first();
        await row.waitFor({ timeout: 15_000 }).catch(() => { throw new Error('"Welcome: Open Walkthrough..." does not list the plan walkthrough'); });
        // The only row left is the focused one: Enter opens it. A click can land on the hover of the
        // row's source ("Plan as Code — …"), which a mouse left over the list opens on top of it.
        await session!.page.keyboard.press('Enter');
        const page = session!.page;
        const titles = ['Create a plan from the template', 'Declare the districts and agencies', 'Fill the table',
            'See what the checker finds', 'Open the preview', 'Export the annexes'];
        await page.locator('.getting-started-step', { hasText: titles[0] }).first().waitFor({ timeout: 20_000 });
        for (const title of titles) expect(await page.locator('.getting-started-step', { hasText: title }).count(), title).toBeGreaterThan(0);
        await sleep(1500);   // the step's media (a markdown page in a webview) loads
        await wb.shot(shotName('01-walkthrough.png'));
        await page.locator('.getting-started-step', { hasText: titles[1] }).first().click();
        await sleep(1500);
        await wb.shot(shotName('02-walkthrough-declare.png'));
        await page.locator('.getting-started-step', { hasText: titles[4] }).first().click();
        await sleep(1500);
        await wb.shot(shotName('03-walkthrough-preview.png'));
        await wb.command('View: Close All Editor Groups');
    });

    it('2. New plan from template: three questions checked as typed, the proposed file name, the template on disk in the plan\'s language', async () => {
        await wb.command(commandLabel('plan.newPlan'));
        let input = await quickInput(/\(1\/3\)/);
        await input.fill('Hưng Yên');
        await session!.page.keyboard.press('Enter');
        input = await quickInput(/\(2\/3\)/);
        expect(await input.inputValue()).toMatch(/^\d{4}-\d{4}$/);   // the current national period, proposed
        await input.fill('2030-2026');
        const message = session!.page.locator('.quick-input-widget .quick-input-message');
        await wb.waitFor(async () => /last year comes after the first/.test(await message.innerText().catch(() => '')), 'the period to be refused while typed');
        await wb.shot(shotName('04-new-plan-period-refused.png'));
        await input.fill('2026-2030');
        await wb.waitFor(async () => !/comes after/.test(await message.innerText().catch(() => '')), 'the period to be accepted');
        await session!.page.keyboard.press('Enter');
        input = await quickInput(/\(3\/3\)/);
        await input.fill('Phù Cừ, Tiên Lữ, thị xã Mỹ Hào');
        await wb.shot(shotName('05-new-plan-districts.png'));
        await session!.page.keyboard.press('Enter');

        const target = path.join(WORKSPACE, NEW_PLAN);
        await answerFileDialog(target, target);
        await session!.page.locator(`.tab.active[data-resource-name="${NEW_PLAN}"]`).waitFor({ timeout: 20_000 });
        const text = fs.readFileSync(target, 'utf8');
        expect(await syntaxErrors(text)).toEqual([]);
        expect(text.split('\n')[0]).toBe('plan giam_ngheo_hung_yen_2026_2030 "Kế hoạch giảm nghèo bền vững tỉnh Hưng Yên giai đoạn 2026-2030"');
        expect(text).toContain('// Kế hoạch mới tạo từ mẫu');               // plan.language: vi
        expect(text).toContain('district MyHao "Mỹ Hào" thi-xa full-name "Thị xã Mỹ Hào"');
        expect(text).toContain('period 2026 to 2030');
        await sleep(2000);
        const rows = await problemRows();
        expect(rows.filter(r => r.level === '1' && r.text.includes(NEW_PLAN)), 'problems in the new plan').toEqual([]);
        await wb.shot(shotName('06-new-plan.png'));
    });

    it('3. the palette finds the commands by Vietnamese words, with and without accents', async () => {
        await wb.escape();
        await session!.page.locator(`.tab[data-resource-name="${NEW_PLAN}"]`).first().click();
        const cases: Array<[string, string]> = [
            ['xuat phu luc', 'Export annexes'], ['xuất phụ lục', 'Export annexes'], ['tao ke hoach moi', 'New plan from template'],
            ['kế hoạch mới', 'New plan from template'], ['xem truoc ben canh', 'Open Preview to the Side']
        ];
        for (const [query, title] of cases) {
            await wb.escape();
            await session!.page.keyboard.press('F1');
            const input = await quickInput();
            await input.fill(`>${query}`);
            const row = session!.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
            await row.waitFor({ timeout: 10_000 }).catch(() => { throw new Error(`the palette finds no "${title}" for "${query}"`); });
            if (query === 'xuat phu luc') await wb.shot(shotName('07-palette-xuat-phu-luc.png'));
        }
        await wb.escape();
    });

    it('4. the export is named after the plan file, and its notification opens or reveals it', async () => {
        await session!.page.locator(`.tab[data-resource-name="${NEW_PLAN}"]`).first().click();
        await wb.command(commandLabel('plan.exportAnnexes'));
        // the formats (DOCX and XLSX ticked), then the folder
        await quickInput();
        await session!.page.locator('.quick-input-list .monaco-list-row', { hasText: 'DOCX' }).first().waitFor();
        await session!.page.keyboard.press('Enter');
        const input = session!.page.locator('.quick-input-widget .quick-input-box input');
        await wb.waitFor(async () => (await input.inputValue()).startsWith('/'), 'the folder dialog', 15_000);
        await input.fill(`${EXPORTS}/`);
        await sleep(800);
        await session!.page.keyboard.press('Enter');
        // code-server's dialog may take Enter as "go into the folder": then its OK button chooses it
        await sleep(800);
        const ok = session!.page.locator('.quick-input-widget .monaco-button', { hasText: 'Save in this folder' });
        if (await session!.page.locator('.quick-input-widget').isVisible() && await ok.count()) await ok.first().click();
        const stem = NEW_PLAN.replace(/\.plan$/, '');
        const docx = path.join(EXPORTS, `${stem}.docx`);
        await wb.waitFor(async () => fs.existsSync(docx) && fs.existsSync(path.join(EXPORTS, `${stem}.xlsx`)), `${stem}.docx and .xlsx in ${EXPORTS}`, 30_000)
            .catch(async e => { await wb.shot(shotName('08-export-missing.png')); throw new Error(`${(e as Error).message}; the folder holds ${fs.readdirSync(EXPORTS).join(', ')}`); });
        const toast = session!.page.locator('.notification-toast', { hasText: `Exported: ${stem}.docx` }).first();
        await toast.waitFor({ timeout: 15_000 });
        for (const button of ['Open', 'Reveal in Explorer']) {
            expect(await toast.locator('.monaco-button', { hasText: button }).count(), `a "${button}" button`).toBeGreaterThan(0);
        }
        await toast.hover();
        await sleep(800);   // the toast slides in
        await session!.page.screenshot({ path: path.join(SHOTS, shotName('08-exported.png')) });   // with the pointer on it: the toast stays
        await toast.locator('.monaco-button', { hasText: 'Reveal in Explorer' }).first().click();
        const revealed = session!.page.locator('.explorer-folders-view .monaco-list-row.selected, .explorer-folders-view .monaco-list-row.focused', { hasText: `${stem}.docx` });
        await revealed.first().waitFor({ timeout: 15_000 }).catch(() => { throw new Error('"Reveal in Explorer" did not select the exported file in the Explorer'); });
        await wb.shot(shotName('09-revealed.png'));
    });

    it('5. every snippet, typed through with Tab (Enter on a choice), leaves text that parses with each value in its place', async () => {
        await wb.command('View: Close All Editor Groups');
        const page = session!.page;
        const failures: string[] = [];
        for (const run of RUNS) {
            const file = fileOf(run);
            await wb.quickOpen(file);
            const line = run.before.split('\n').length + 1;
            await wb.goTo(line, 1);
            await page.keyboard.type(run.prefix, { delay: 40 });
            // the snippet's row: its label is the prefix, its description the snippet's name; taken with
            // the arrow keys and Enter (the list re-renders as the server's items come in: no clicking)
            const focusedRow = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
            const isSnippet = async () => {
                const label = (await focusedRow.locator('.label-name').innerText({ timeout: 500 }).catch(() => '')).trim();
                const text = await focusedRow.innerText({ timeout: 500 }).catch(() => '');
                return label === run.prefix && text.includes(run.name);
            };
            const choose = async () => {
                if (!await focusedRow.waitFor({ timeout: 8_000 }).then(() => true, () => false)) return false;
                await sleep(500);   // the list settles
                for (let i = 0; i < 40; i++) {
                    if (await isSnippet()) return true;
                    await page.keyboard.press('ArrowDown');
                    await sleep(60);
                }
                return false;
            };
            if (!await choose()) {
                await wb.escape(1);
                await page.keyboard.press('Control+Space');
                if (!await choose()) {
                    await wb.shot(shotName(`99-no-snippet-${run.prefix}.png`));
                    throw new Error(`typing "${run.prefix}" offers no snippet "${run.name}"`);
                }
            }
            await page.keyboard.press('Enter');
            const stops = tabStops(SNIPPETS[run.name].body);
            expect(run.values.length, `${run.name}: one value per field`).toBe(stops.length);
            for (const value of run.values) {
                if (typeof value === 'string') {
                    await page.keyboard.type(value, { delay: 25 });
                    await sleep(700);   // as long as a user takes: any suggestion popping up would be there now
                    await page.keyboard.press('Tab');
                } else {
                    // the list of the field's choices, open with its first option focused: then down to the one wanted
                    const options = stops[run.values.indexOf(value)].choices ?? [];
                    const focused = async () => (await page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused')
                        .innerText({ timeout: 500 }).catch(() => '')).trim().split(/\s/)[0];
                    await wb.waitFor(async () => options.includes(await focused()), `${run.name}: the list of choices ${options.join(', ')}`, 8_000);
                    for (let i = 0; i < options.length && await focused() !== value.choose; i++) {
                        await page.keyboard.press('ArrowDown');
                        await sleep(150);
                    }
                    expect(await focused(), `${run.name}: the choice focused`).toBe(value.choose);
                    await page.keyboard.press('Enter');
                }
                await sleep(200);
            }
            if (run.name === 'Check') await wb.shot(shotName('10-snippet-check.png'));
            await wb.escape();
            await page.keyboard.press('Control+S');
            await wb.waitFor(async () => !(await page.locator(`.tab.dirty[data-resource-name="${file}"]`).count()), `${file} to be saved`, 10_000);
            // read once the file on disk has stopped changing (a save may truncate before it writes)
            const onDisk = path.join(WORKSPACE, SNIPPET_DIR, file);
            let text = '';
            await wb.waitFor(async () => {
                const now = fs.readFileSync(onDisk, 'utf8');
                const stable = now.length > run.before.length && now === text;
                text = now;
                return stable;
            }, `${file} on disk`, 10_000);
            const errors = await syntaxErrors(text);
            if (errors.length > 0) failures.push(`${run.name}: syntax errors ${JSON.stringify(errors)}\n${text}`);
            else if (normalize(text) !== normalize(expected(run))) failures.push(`${run.name}: the values did not land in their fields\n--- typed into the editor:\n${text}\n--- expected:\n${expected(run)}`);
            log(`snippet ${run.name}: ${errors.length === 0 && normalize(text) === normalize(expected(run)) ? 'ok' : 'WRONG'}`);
            await wb.command('View: Close All Editor Groups');
        }
        expect(failures).toEqual([]);
    }, 600_000);

    it('6. an untitled plan\'s problems leave the Problems panel once it is saved under a name; its messages are Vietnamese', async () => {
        const page = session!.page;
        await wb.command('File: New Untitled Text File');
        await page.locator('.tab.active', { hasText: 'Untitled-1' }).waitFor({ timeout: 10_000 });
        await wb.command('Change Language Mode');
        const input = await quickInput();
        await input.fill('plan');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: '(plan)' }).first().click();
        await page.locator('.tab.active', { hasText: 'Untitled-1' }).click();
        await page.keyboard.insertText('plan chua_luu "Kế hoạch chưa lưu"\ntasks "Nhiệm vụ" {\n    task 1 "Đề án" {\n        lead XX\n    }\n}\n');
        const unknown = 'Không có cơ quan nào mang mã "XX"';
        // the Problems panel names an untitled document after its first line (its tab says Untitled-1)
        const untitledHeader = (text: string) => text.includes('Untitled-1') || text.startsWith('plan chua_luu');
        await wb.waitFor(async () => {
            const rows = await problemRows();
            return rows.some(r => r.level === '1' && untitledHeader(r.text)) && rows.some(r => r.text.includes(unknown));
        }, 'the untitled plan\'s problem, in Vietnamese', 30_000);
        await wb.shot(shotName('11-untitled-problem.png'));

        await page.locator('.tab.active', { hasText: 'Untitled-1' }).click();
        await page.keyboard.press('Control+S');
        await answerFileDialog(path.join(WORKSPACE, 'da-luu.plan'));
        await page.locator('.tab.active[data-resource-name="da-luu.plan"]').waitFor({ timeout: 15_000 });
        await wb.waitFor(async () => {
            const rows = await problemRows();
            return !rows.some(r => r.level === '1' && untitledHeader(r.text)) && rows.some(r => r.level === '1' && r.text.includes('da-luu.plan'));
        }, 'Untitled-1 to leave the Problems panel and da-luu.plan to have its problem', 30_000)
            .catch(async e => { await wb.shot(shotName('12-stale-problem.png')); throw e; });
        const rows = await problemRows();
        expect(rows.filter(r => r.level === '2' && r.text.includes('XX')).map(r => r.text).join('\n')).toContain(unknown);
        await wb.shot(shotName('12-saved-no-stale-problem.png'));
    });
});
