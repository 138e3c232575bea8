// ESLint: type-aware checks of the sources, and the pipeline's boundaries. Each layer may import
// only the layers before it in the data flow; an arrow that runs back fails `npm test` and CI.
//   common → language → model → validation → view → export → lsp → import → (plan-module, main) → cli
// common/ is what crosses the process boundary (protocol, view types, webview messages, words):
// the extension and the webview import only it. Type-only imports of the services container
// (plan-module.ts) are allowed everywhere: it only names what Langium injects (Langium's own pattern).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LAYERS = ['language', 'model', 'validation', 'view', 'export', 'lsp', 'import', 'cli'];
const SERVER = 'language-server/src';

/** Import patterns a layer may not use: every later layer, the entry points, the extension. */
function forbiddenFor(layer) {
    const later = LAYERS.slice(LAYERS.indexOf(layer) + 1);
    const patterns = later.map(l => ({
        group: [`**/${SERVER}/${l}/**`, `../${l}/**`, `../../${l}/**`, `./${l}/**`],
        message: `${layer}/ comes before ${l}/ in the pipeline: it may not import from it.`
    }));
    if (layer !== 'cli') patterns.push({
        group: ['**/plan-module.js', '**/main.js'],
        allowTypeImports: true,
        message: `${layer}/ may name the services container's type (import type), not import the composition root.`
    });
    patterns.push({ group: ['**/extension/**', '**/webview/**'], message: 'The language server never imports the extension.' });
    return patterns;
}

const restricted = patterns => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
    { ignores: ['**/generated/**', '**/out/**', 'node_modules/**', '.e2e/**', 'test-output/**', '**/*.mjs', '**/*.cjs', 'test/**', '*.config.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            // Langium's and the LSP libraries' JSON payloads are `any` at the edges; checked where read.
            '@typescript-eslint/no-unsafe-assignment': 'off',
            '@typescript-eslint/no-unsafe-member-access': 'off',
            '@typescript-eslint/no-unsafe-argument': 'off',
            '@typescript-eslint/no-unsafe-return': 'off',
            '@typescript-eslint/no-unsafe-call': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/switch-exhaustiveness-check': 'error',
            // Off: it calls literal-type assertions (`'rate' as CellKind` in a spread) unnecessary, and
            // its fix then breaks the types.
            '@typescript-eslint/no-unnecessary-type-assertion': 'off',
            '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
            'no-control-regex': 'off' // the checker and the exporters look for control characters on purpose
        }
    },
    // common/ stands alone: no server, extension or Node APIs.
    { files: ['common/**/*.ts'], rules: restricted([
        { group: ['**/language-server/**', '**/extension/**', '../*/**'], message: 'common/ imports nothing of the server or the extension.' },
        { group: ['node:*', 'vscode', 'langium', 'langium/*'], message: 'common/ runs in the webview too: no Node, vscode or Langium.' }
    ]) },
    ...LAYERS.map(layer => ({ files: [`${SERVER}/${layer}/**/*.ts`], rules: restricted(forbiddenFor(layer)) })),
    // The composition root and the server entry point: everything but the CLI.
    { files: [`${SERVER}/*.ts`], rules: restricted([
        { group: ['./cli/**', '**/extension/**', '**/webview/**'], message: 'The server does not import the CLI or the extension.' }
    ]) },
    // The extension host and the webview talk to the server through common/ only.
    { files: ['extension/**/*.ts'], rules: restricted([
        { group: ['**/language-server/**'], message: 'The extension reaches the server through common/ (protocol, view types), never its sources.' }
    ]) },
    { files: ['extension/webview/**/*.ts'], rules: restricted([
        { group: ['**/language-server/**'], message: 'The webview reads the view through common/, never the server sources.' },
        { group: ['vscode', 'node:*', '**/src/**'], message: 'The webview runs in a browser: it imports common/ and its own modules, no vscode, Node or host modules.' }
    ]) }
);
