// What the user does in the VS Code workbench, as keyboard and DOM steps that work in code-server 4.100.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SHOTS, log, sleep } from './harness.js';

export class Workbench {
    /** The text file the editor steps act on (set by quickOpen); the preview may be the active tab. */
    private file = '';

    constructor(readonly page: Page) {}

    async shot(name: string): Promise<string> {
        const file = path.join(SHOTS, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await this.page.mouse.move(20, 600);   // an empty spot of the activity bar: no hover tooltip in the picture
        await this.page.screenshot({ path: file });
        log('screenshot', path.relative(process.cwd(), file));
        return file;
    }

    /** Closes whatever widget or menu is open. */
    async escape(times = 2): Promise<void> {
        for (let i = 0; i < times; i++) { await this.page.keyboard.press('Escape'); await sleep(100); }
    }

    /**
     * The mouse moved to an empty corner of the title bar: left resting where a list opens, it opens a
     * hover on a row, which then takes the click meant for the row.
     */
    async parkMouse(): Promise<void> {
        await this.page.mouse.move(5, 5);
    }

    async quickOpen(fileName: string): Promise<void> {
        await this.escape();
        await this.parkMouse();
        await this.page.keyboard.press('Control+P');
        await this.page.locator('.quick-input-widget input').waitFor();
        await this.page.keyboard.type(fileName);
        // the row of that file, clicked: Enter takes the selected row, which may still be one of the
        // recently opened files while the search is under way
        const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
        await row.waitFor();
        await row.click();
        this.file = fileName;
        await this.page.locator(`.tab.active[data-resource-name="${fileName}"]`).waitFor();
        await this.editor().locator('.view-lines').waitFor();
    }

    /**
     * Runs a command from F1 by its label as the palette shows it ("Category: Title"). The palette
     * lists the commands known when it opens, so it is reopened until the extension's show up.
     */
    async command(label: string, ms = 30_000): Promise<void> {
        const end = Date.now() + ms;
        for (;;) {
            await this.escape();
            await this.parkMouse();
            await this.page.keyboard.press('F1');
            const input = this.page.locator('.quick-input-widget input');
            await input.waitFor();
            await input.fill(`>${label}`);
            const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
            if (await row.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return row.click();
            if (Date.now() > end) throw new Error(`the command palette has no "${label}"`);
        }
    }

    editor(): Locator {
        return this.page.locator(`.monaco-editor[data-uri$="/${encodeURIComponent(this.file)}"]`).first();
    }

    /** Clicking the file's tab focuses its editor without moving the cursor. */
    async focusEditor(): Promise<void> {
        await this.page.locator(`.tab[data-resource-name="${this.file}"]`).first().click();
    }

    /** Ctrl+G line:column (1-based). */
    async goTo(line: number, column: number): Promise<void> {
        await this.escape();
        // The Go to Line box opens holding ":"; until it does (the editor not focused yet, the last quick
        // input still closing) typing would go into the document.
        const input = this.page.locator('.quick-input-widget input');
        const open = async () => (await input.isVisible().catch(() => false)) && (await input.inputValue().catch(() => '')).startsWith(':');
        for (let attempt = 0; ; attempt++) {
            await this.focusEditor();
            await this.page.keyboard.press('Control+G');
            if (await this.waitFor(open, 'the Go to Line box', 3_000).then(() => true, () => false)) break;
            if (attempt === 3) throw new Error('Ctrl+G opens no Go to Line box');
            await this.escape();
        }
        await this.page.keyboard.type(`${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        await this.waitFor(async () => (await this.cursorPosition())?.line === line, `the cursor at line ${line}`);
    }

    /** "Ln 12, Col 5" of the status bar. */
    async cursorPosition(): Promise<{ line: number; column: number } | undefined> {
        const text = await this.page.locator('#status\\.editor\\.selection').innerText().catch(() => '');
        const m = /Ln (\d+), Col (\d+)/.exec(text);
        return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
    }

    /** The rendered text of the line the cursor is on (the view line at the cursor's height). */
    async cursorLineText(): Promise<string> {
        // runs in the page; DOM types are not in this project's (Node) compilation, hence the casts
        return this.editor().evaluate((editor: any) => {
            const top = editor.querySelector('.cursors-layer .cursor')?.style.top;
            const line = [...editor.querySelectorAll('.view-lines .view-line')].find((l: any) => l.style.top === top) as any;
            return String(line?.textContent ?? '').replace(/\u00a0/g, ' ');
        });
    }

    /** Text, TextMate token class and colour of every token on the visible lines. */
    async tokens(): Promise<{ text: string; cls: string; color: string }[]> {
        return this.editor().evaluate((editor: any) => [...editor.querySelectorAll('.view-lines .view-line > span > span')]
            .map((s: any) => ({ text: String(s.textContent ?? '').replace(/\u00a0/g, ' '), cls: String(s.className), color: String((globalThis as any).getComputedStyle(s).color) })));
    }

    /**
     * Problems panel rows of `file` that match `filter` (a code or words), as displayed. The panel's
     * filter box keeps the list short (it renders only the rows in view); the file's rows are the
     * markers (tree level 2) below its header row (level 1).
     */
    async problems(filter: string, file: string): Promise<string[]> {
        await this.openProblems();
        await this.page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first().fill(filter);
        await sleep(400);   // the filter applies after a short debounce
        const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((els: any[]) => els
            .map(e => ({ top: parseFloat(e.style.top) || 0, level: e.getAttribute('aria-level'), text: String(e.innerText) }))
            .sort((a, b) => a.top - b.top));
        let current = '';
        const found: string[] = [];
        for (const r of rows) {
            const text = r.text.replace(/\s+/g, ' ').trim();
            if (r.level === '1') current = text;
            else if (current.startsWith(file) && text.includes(filter)) found.push(text);
        }
        return found;
    }

    async openProblems(): Promise<void> {
        if (!await this.page.locator('.markers-panel').isVisible().catch(() => false)) {
            await this.command('View: Focus Problems (Errors, Warnings, Infos)').catch(async () => {
                await this.page.keyboard.press('Control+Shift+M');
            });
            await this.page.locator('.markers-panel').waitFor();
        }
    }

    /** Polls until `check` holds, or fails with what was awaited. */
    async waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
        const end = Date.now() + ms;
        let last: unknown;
        while (Date.now() < end) {
            try { if (await check()) return; } catch (e) { last = e; }
            await sleep(250);
        }
        throw new Error(`timed out after ${ms / 1000}s waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    }
}
