// The pipeline's boundaries hold because the build says so: ESLint (eslint.config.mjs, run by
// `npm test`) refuses an import that runs back up the data flow. These tests put probe files in the
// layers and check that the lint fails on a backward import and stays quiet on a forward one; and
// that every package the code imports is declared in package.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/plan.js';

const probes: string[] = [];
afterAll(() => { for (const p of probes) fs.rmSync(p, { force: true }); });

async function restrictedImports(file: string, source: string): Promise<string[]> {
    const full = path.join(REPO_ROOT, file);
    probes.push(full);
    fs.writeFileSync(full, source);
    const eslint = new ESLint({ cwd: REPO_ROOT });
    const [result] = await eslint.lintFiles([full]);
    fs.rmSync(full, { force: true });
    return result.messages.filter(m => m.ruleId === '@typescript-eslint/no-restricted-imports').map(m => m.message);
}

describe('pipeline boundaries', () => {
    test.each([
        ['language-server/src/model/probe-boundary.ts', "import { checkPlan } from '../validation/rules.js';\nexport const x = checkPlan;\n", /model\/ comes before validation\//],
        ['language-server/src/validation/probe-boundary.ts', "import { buildPlanView } from '../view/build.js';\nexport const x = buildPlanView;\n", /validation\/ comes before view\//],
        ['language-server/src/export/probe-boundary.ts', "import { main } from '../cli/main.js';\nexport const x = main;\n", /export\/ comes before cli\//],
        ['language-server/src/language/probe-boundary.ts', "import { PlanModelService } from '../model/service.js';\nexport const x = PlanModelService;\n", /language\/ comes before model\//],
        ['language-server/src/lsp/probe-boundary.ts', "import { createPlanServices } from '../plan-module.js';\nexport const x = createPlanServices;\n", /composition root/],
        ['common/probe-boundary.ts', "import { buildPlanView } from '../language-server/src/view/build.js';\nexport const x = buildPlanView;\n", /common\/ imports nothing/],
        ['extension/src/probe-boundary.ts', "import { checkPlan } from '../../language-server/src/validation/rules.js';\nexport const x = checkPlan;\n", /through common\//]
    ])('%s: a backward import fails the lint', async (file, source, message) => {
        const messages = await restrictedImports(file, source);
        expect(messages.join('\n')).toMatch(message);
    });

    test.each([
        ['language-server/src/view/probe-boundary.ts', "import { checkPlan } from '../validation/rules.js';\nexport const x = checkPlan;\n"],
        ['language-server/src/lsp/probe-boundary.ts', "import type { PlanServices } from '../plan-module.js';\nexport type X = PlanServices;\n"],
        ['extension/src/probe-boundary.ts', "import { PlanViewRequest } from '../../common/protocol.js';\nexport const x = PlanViewRequest;\n"]
    ])('%s: a forward import (or the services type) passes', async (file, source) => {
        expect(await restrictedImports(file, source)).toEqual([]);
    });
});

describe('dependencies', () => {
    test('every package the code and the tests import is declared, at an exact version', () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf-8')) as Record<string, Record<string, string>>;
        const declared = { ...pkg.dependencies, ...pkg.devDependencies };
        for (const [name, version] of Object.entries(declared)) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
        const used = new Set<string>();
        const walk = (dir: string) => {
            for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, e.name);
                if (e.isDirectory()) { if (!['node_modules', 'out', 'generated', 'fixtures'].includes(e.name)) walk(full); continue; }
                if (!/\.(ts|mts|mjs|cjs)$/.test(e.name)) continue;
                const text = fs.readFileSync(full, 'utf-8');
                for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)'([^'.][^']*)'/g)) {
                    const spec = m[1];
                    if (spec.startsWith('node:')) continue;
                    const parts = spec.split('/');
                    used.add(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
                }
            }
        };
        for (const dir of ['common', 'language-server/src', 'extension/src', 'extension/webview', 'test', 'scripts']) walk(path.join(REPO_ROOT, dir));
        // vscode is the editor's own API (types from @types/vscode); eslint's own packages come with it.
        const missing = [...used].filter(name => !(name in declared) && name !== 'vscode' && !(name === 'vscode' || `@types/${name}` in declared));
        expect(missing).toEqual([]);
    });
});
