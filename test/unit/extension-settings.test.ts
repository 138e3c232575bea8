// What the extension's settings mean (extension/src/client/settings.ts) and how the server merges the
// validation options it is sent (language-server/src/settings.ts mergeOptions).
import { describe, expect, test } from 'vitest';
import { CrashPolicy, resolveLocale, validationOptions } from '../../extension/src/client/settings.js';
import { mergeOptions } from '../../language-server/src/settings.js';
import { DEFAULT_OPTIONS } from '../../language-server/src/validation/rule.js';

describe('plan.language', () => {
    test('an explicit vi or en wins over the display language', () => {
        expect(resolveLocale('vi', 'en')).toBe('vi');
        expect(resolveLocale('en', 'vi')).toBe('en');
    });
    test('auto follows the display language, English for languages other than Vietnamese', () => {
        expect(resolveLocale('auto', 'vi')).toBe('vi');
        expect(resolveLocale('auto', 'VI-vn')).toBe('vi');
        expect(resolveLocale('auto', 'en-US')).toBe('en');
        expect(resolveLocale('auto', 'fr')).toBe('en');
        expect(resolveLocale(undefined, undefined)).toBe('en');
        expect(resolveLocale('de', 'vi')).toBe('vi');
    });
});

describe('plan.validation.*', () => {
    const settings = (values: Record<string, unknown>) => (key: string) => values[key];
    test('numbers ≥ 0 are sent under the protocol names', () => {
        expect(validationOptions(settings({ 'validation.rateTolerance': 0.01, 'validation.aboutTolerance': 0.2 })))
            .toEqual({ rateTolerance: 0.01, aboutTolerance: 0.2 });
        expect(validationOptions(settings({ 'validation.rateTolerance': 0 }))).toEqual({ rateTolerance: 0 });
    });
    test('negative, non-finite and non-number values are left out', () => {
        expect(validationOptions(settings({ 'validation.rateTolerance': -1, 'validation.aboutTolerance': '0.1' }))).toEqual({});
        expect(validationOptions(settings({ 'validation.rateTolerance': Number.NaN, 'validation.aboutTolerance': Infinity }))).toEqual({});
    });
    test('the server keeps its current value for what is missing or invalid', () => {
        const current = { rateTolerance: 0.02, aboutRelativeTolerance: 0.3 };
        expect(mergeOptions(current, { aboutTolerance: 0.05 })).toEqual({ rateTolerance: 0.02, aboutRelativeTolerance: 0.05 });
        expect(mergeOptions(current, { rateTolerance: -3, aboutTolerance: 'x' })).toEqual(current);
        expect(mergeOptions(DEFAULT_OPTIONS, undefined)).toEqual(DEFAULT_OPTIONS);
        expect(mergeOptions(DEFAULT_OPTIONS, { rateTolerance: 0.01 })).toEqual({ ...DEFAULT_OPTIONS, rateTolerance: 0.01 });
    });
});

describe('restarting a crashed server', () => {
    test('restarts up to max times within the window, then stops', () => {
        const policy = new CrashPolicy(3, 1000);
        expect(policy.onCrash(0)).toEqual({ action: 'restart', count: 1 });
        expect(policy.onCrash(100)).toEqual({ action: 'restart', count: 2 });
        expect(policy.onCrash(200)).toEqual({ action: 'restart', count: 3 });
        expect(policy.onCrash(300)).toEqual({ action: 'stop', count: 4 });
    });
    test('crashes older than the window are forgotten', () => {
        const policy = new CrashPolicy(2, 1000);
        policy.onCrash(0);
        policy.onCrash(500);
        expect(policy.onCrash(1200)).toEqual({ action: 'restart', count: 2 });
    });
    test('a restart by the user starts counting afresh', () => {
        const policy = new CrashPolicy(1, 1000);
        policy.onCrash(0);
        expect(policy.onCrash(1).action).toBe('stop');
        policy.reset();
        expect(policy.onCrash(2)).toEqual({ action: 'restart', count: 1 });
    });
});
