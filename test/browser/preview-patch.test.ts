// The webview updated by patches (an edit answered as what changed: view/keeper.ts) shows exactly
// the page a whole render of the new view shows, and keeps the DOM of the rows the edit did not touch.
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HostMessage } from '../../common/webview.js';
import type { PlanView } from '../../common/view.js';
import { SEED_PLAN } from '../helpers/plan.js';
import { PreviewSession } from '../helpers/preview-session.js';
import { generatePlan } from '../bench/generate.js';
import { hasChromium, openPreview, seedPreviewSuite, viewMessage, type PreviewPage } from './harness.js';

// Page functions run in the browser; this Node project has no DOM types, so they see the globals as any.
declare const document: any;

const RESOURCE = 'file:///ws/examples/plan.plan';

/** A digit of a year line of the first table changed (a figure of a district row: the total then disagrees). */
function typeDigit(text: string, nth = 0): string {
    const re = /^ +row [^\n]*\n +20\d\d: +(\d)/gm;
    let m = re.exec(text);
    for (let i = 0; i < nth && m; i++) m = re.exec(text);
    if (!m) throw new Error('no table row to edit');
    const at = m.index + m[0].length - 1;
    return text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1);
}

const pageHtml = (p: PreviewPage): Promise<string> => p.page.evaluate(() => document.getElementById('app').innerHTML as string);

describe.skipIf(!hasChromium)('the preview webview updated by patches', () => {
    const suite = seedPreviewSuite();

    for (const [name, text] of [['seed plan', fs.readFileSync(SEED_PLAN, 'utf8')], ['generated 30 districts', generatePlan(30).text]] as const) {
        it(`${name}: after edits, the patched page is the page of the new view rendered whole`, async () => {
            const session = new PreviewSession(text);
            await session.start();
            const first = session.refresh();
            if (!('view' in first)) throw new Error('the first answer is a whole view');
            const patched = suite.keep(await openPreview(suite.browser, suite.server));
            await patched.send(viewMessage(first.view));
            let current = text;
            for (const nth of [0, 3, 0]) {
                // Every body row is marked; the rows the edit does not touch keep their mark (their DOM).
                await patched.page.evaluate(() => { for (const tr of document.querySelectorAll('tbody tr')) tr.__kept = true; });
                current = typeDigit(current, nth);
                await session.change(current);
                const update = session.refresh();
                if (!('patches' in update)) throw new Error('a whole view for a known stamp');
                const message: HostMessage = { type: 'patch', patches: update.patches, resource: RESOURCE, locked: false };
                await patched.send(message);
                const whole = suite.keep(await openPreview(suite.browser, suite.server));
                await whole.send(viewMessage(session.view as PlanView));
                expect(await pageHtml(patched)).toBe(await pageHtml(whole));
                const kept = await patched.page.evaluate(() => Array.from(document.querySelectorAll('tbody tr')).filter((tr: any) => tr.__kept).length as number);
                const rows = await patched.page.evaluate(() => document.querySelectorAll('tbody tr').length as number);
                const replaced = new Set(update.patches.filter(p => p.at[2] === 'body').map(p => `${p.at[1]}:${p.at[3]}`)).size;
                expect(replaced).toBeGreaterThan(0);
                expect(kept).toBe(rows - replaced);
                await whole.page.close();
            }
            expect(await patched.problems()).toEqual([]);
            // Nothing the page holds asked the host to start again.
            expect((await patched.posted()).filter(m => m.type === 'ready')).toHaveLength(1);
        }, 60_000);
    }
});
