// What the extension's settings mean (extension/src/client/settings.ts) and how the server reads the
// "plan" settings section over its base (language-server/src/settings.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CrashPolicy, KEYS, SECTION, resolveLocale } from '../../extension/src/client/settings.js';
import { DEFAULT_OPTIONS, mergeOptions } from '../../language-server/src/language/settings.js';
import { baseSettings, displayLocale, readSetting, resolveSettings } from '../../language-server/src/lsp/settings.js';
import { REPO_ROOT } from '../helpers/plan.js';

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
    test('the server keeps its current value for what is missing or invalid', () => {
        const current = { rateTolerance: 0.02, aboutRelativeTolerance: 0.3 };
        expect(mergeOptions(current, { aboutTolerance: 0.05 })).toEqual({ rateTolerance: 0.02, aboutRelativeTolerance: 0.05 });
        expect(mergeOptions(current, { rateTolerance: -3, aboutTolerance: 'x' })).toEqual(current);
        expect(mergeOptions(DEFAULT_OPTIONS, undefined)).toEqual(DEFAULT_OPTIONS);
        expect(mergeOptions(DEFAULT_OPTIONS, { rateTolerance: 0.01 })).toEqual({ ...DEFAULT_OPTIONS, rateTolerance: 0.01 });
    });
});

describe('the "plan" section as the server reads it', () => {
    const base = baseSettings({ locale: 'vi' });
    test('nested as VS Code and Neovim send it, or with dotted keys', () => {
        expect(resolveSettings(base, { language: 'en', validation: { rateTolerance: 0.01, aboutTolerance: 0.2 }, inlayHints: { enabled: false } }))
            .toEqual({ locale: 'en', options: { rateTolerance: 0.01, aboutRelativeTolerance: 0.2 }, inlayHints: false });
        expect(resolveSettings(base, { 'validation.rateTolerance': 0.5, 'inlayHints.enabled': false }))
            .toEqual({ locale: 'vi', options: { ...DEFAULT_OPTIONS, rateTolerance: 0.5 }, inlayHints: false });
        expect(readSetting({ validation: { rateTolerance: 2 } }, 'validation.rateTolerance')).toBe(2);
        expect(readSetting(null, 'language')).toBeUndefined();
    });
    test('a missing section, a removed setting or a value of the wrong kind gives the base', () => {
        for (const section of [undefined, null, {}, 'en', { language: 'fr', validation: { rateTolerance: -1, aboutTolerance: '0.1' }, inlayHints: { enabled: 'no' } }]) {
            expect(resolveSettings(base, section)).toEqual(base);
        }
        const strict = resolveSettings(base, { validation: { rateTolerance: 1 } });
        expect(resolveSettings(strict, {})).toEqual(strict); // resolved from the base, never from the last value
        expect(resolveSettings(base, {}).options).toEqual(DEFAULT_OPTIONS);
    });
    test('"auto" is the editor\'s display language; initializationOptions are the base under the section', () => {
        expect(resolveSettings(baseSettings({ locale: 'en-US' }), { language: 'auto' }).locale).toBe('en');
        expect(resolveSettings(baseSettings({ locale: 'fr' }), { language: 'auto' }).locale).toBe('en');
        expect(resolveSettings(baseSettings({}), { language: 'auto' }).locale).toBe('vi');
        const init = baseSettings({ locale: 'vi', initializationOptions: { locale: 'en', options: { aboutTolerance: 0.3 } } });
        expect(init).toEqual({ locale: 'en', options: { ...DEFAULT_OPTIONS, aboutRelativeTolerance: 0.3 }, inlayHints: true });
        expect(resolveSettings(init, null)).toEqual(init);
        expect(resolveSettings(init, { language: 'vi' }).locale).toBe('vi');
        expect(displayLocale('VI-vn')).toBe('vi');
        expect(displayLocale(undefined)).toBe('vi');
    });
});

describe('setting scopes in the manifest', () => {
    const properties = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'extension', 'package.json'), 'utf8'))
        .contributes.configuration.properties as Record<string, { scope?: string }>;
    test('every setting declares its scope', () => {
        for (const [name, property] of Object.entries(properties)) expect(property.scope, name).toBeDefined();
    });
    test('what the server reads is one value per window: it asks for the section without a resource', () => {
        for (const key of Object.values(KEYS)) expect(properties[`${SECTION}.${key}`].scope, key).toBe('window');
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
