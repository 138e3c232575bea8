// Bundles the CLI (out/), and the extension, its language server and its webview (extension/out/).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { webviewBuild } from './extension/webview/build.mjs';
import { cliBuilds } from './scripts/cli-bundles.mjs';

const watch = process.argv.includes('--watch');
const node = {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true,
    logLevel: 'warning', mainFields: ['module', 'main']
};
// What the .vsix ships is minified (names kept: stack traces and Langium's services stay readable);
// the CLI in out/ is not shipped and stays plain.
const shipped = { ...node, minify: true, keepNames: true };
const builds = [
    ...cliBuilds('out'),
    { ...shipped, entryPoints: ['language-server/src/main.ts'], outfile: 'extension/out/server.cjs' },
    { ...shipped, entryPoints: ['extension/src/extension.ts'], outfile: 'extension/out/extension.cjs', external: ['vscode'] },
    // The exporters (docx, exceljs) are loaded by the preview on its first export, not at activation.
    { ...shipped, entryPoints: ['language-server/src/export/index.ts'], outfile: 'extension/out/export.cjs' },
    webviewBuild()
];
for (const b of builds) {
    const ctx = await esbuild.context(b);
    if (watch) await ctx.watch();
    else { await ctx.rebuild(); await ctx.dispose(); }
}

// The rules' page (common/rules-doc.ts) beside the server and the CLI: findings link to it.
const rulesDoc = await esbuild.build({ entryPoints: ['common/rules-doc.ts'], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning' });
const { rulesDocument } = await import(`data:text/javascript;base64,${Buffer.from(rulesDoc.outputFiles[0].text).toString('base64')}`);
for (const dir of ['out', 'extension/out']) fs.writeFileSync(path.join(dir, 'RULES.md'), rulesDocument().text);
