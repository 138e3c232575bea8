// Bundles the CLI, the language server and the extension into out/ (CommonJS, Node 20).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true,
    logLevel: 'info', mainFields: ['module', 'main']
};
const builds = [
    { entryPoints: ['language-server/src/cli/main.ts'], outfile: 'out/cli.cjs' },
    { entryPoints: ['language-server/src/main.ts'], outfile: 'out/language-server/main.cjs' }
];
for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    if (watch) await ctx.watch();
    else { await ctx.rebuild(); await ctx.dispose(); }
}
