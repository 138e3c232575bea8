// A check that a newer change has made stale stops between rules: the language server's validation
// of a plan takes a cancellation token, and the rules after the cancelling one do not run.
import * as fs from 'node:fs';
import { Cancellation, isOperationCancelled, URI } from 'langium';
import { afterEach, expect, test, vi } from 'vitest';
import { checkPlanStoppable, RULES } from '../../language-server/src/validation/rules.js';
import { createTestServices, SEED_PLAN } from '../helpers/plan.js';

afterEach(() => { vi.restoreAllMocks(); });

const NAMES = Object.keys(RULES);

test('checkPlanStoppable awaits its check before each rule and stops where it throws', async () => {
    const services = createTestServices();
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(SEED_PLAN, 'utf8'), URI.parse('memory:///stop.plan'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    const model = services.plan.Models.get(document);
    const spies = NAMES.map(name => vi.spyOn(RULES, name));
    let checks = 0;
    const stop = new Error('stop');
    await expect(checkPlanStoppable(model, 'vi', {}, () => { if (++checks === 4) throw stop; })).rejects.toBe(stop);
    expect(checks).toBe(4);
    expect(spies.map(s => s.mock.calls.length)).toEqual(NAMES.map((_, i) => (i < 3 ? 1 : 0)));
    // Uncancelled, it finds what checkPlan finds.
    const all = await checkPlanStoppable(model, 'vi', {}, () => undefined);
    expect(all.length).toBeGreaterThan(0);
});

test('a validation cancelled while a rule runs stops before the next rule, with Langium\'s cancellation', async () => {
    const services = createTestServices();
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(SEED_PLAN, 'utf8'), URI.parse('memory:///cancel.plan'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    services.plan.Models.get(document);
    const source = new Cancellation.CancellationTokenSource();
    const cancelling = NAMES[2];
    const real = RULES[cancelling];
    const spies = NAMES.map(name => vi.spyOn(RULES, name));
    spies[2].mockImplementation(ctx => { source.cancel(); real(ctx); });
    const outcome = await services.validation.DocumentValidator.validateDocument(document, {}, source.token).then(() => 'finished', (e: unknown) => e);
    expect(isOperationCancelled(outcome)).toBe(true);
    expect(spies.map(s => s.mock.calls.length)).toEqual(NAMES.map((_, i) => (i <= 2 ? 1 : 0)));
});
