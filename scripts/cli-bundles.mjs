// The `plan` command's bundles (used by esbuild.mjs and by tests that bundle the CLI from the sources):
//   cli.cjs         the command line: validate, the workers of a folder check, the start of every command;
//   cli-office.cjs  export and import, with the Word and Excel libraries (5 MB), loaded on use.
// The dynamic imports of the office modules in the CLI's sources become a require of cli-office.cjs, so
// `plan validate` neither reads nor compiles those libraries.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const SRC = path.join(ROOT, 'language-server', 'src');
/** Modules only the office half holds, each reached from the CLI by a dynamic import only. */
const OFFICE_MODULES = new Set(['cli/export.ts', 'cli/import.ts', 'import/editor-sources.ts'].map(m => path.join(SRC, m)));

/** Points the dynamic imports of OFFICE_MODULES at cli-office.cjs; a static import of one is a build error. */
const officeApart = {
    name: 'office-apart',
    setup(build) {
        build.onResolve({ filter: /(export|import|editor-sources)\.js$/ }, args => {
            const file = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
            if (!OFFICE_MODULES.has(file)) return undefined;
            if (args.kind !== 'dynamic-import') {
                return { errors: [{ text: `${path.relative(ROOT, file)} is in cli-office.cjs: import it with await import(), not statically` }] };
            }
            // A require, not an import() kept as is: the CLI is run from a compiled script (bin/plan.cjs),
            // where a dynamic import needs a loader of its own.
            return { path: 'cli-office', namespace: 'office-apart' };
        });
        build.onLoad({ filter: /.*/, namespace: 'office-apart' }, () => ({ contents: "module.exports = require('./cli-office.cjs');", loader: 'js' }));
        build.onResolve({ filter: /^\.\/cli-office\.cjs$/ }, () => ({ path: './cli-office.cjs', external: true }));
    }
};

/**
 * The generated language metadata in production mode: Chevrotain then skips its checks of the grammar
 * and of the token patterns when the lexer and the parser are made (a fifth of a seed's run). The tests,
 * which run the sources, keep making them in development mode, so a grammar they reject fails there.
 */
const productionMode = {
    name: 'production-mode',
    setup(build) {
        build.onLoad({ filter: /[\\/]generated[\\/]module\.ts$/ }, async args => {
            const text = await fs.readFile(args.path, 'utf8');
            if (!text.includes("mode: 'development'")) throw new Error(`${args.path}: no mode: 'development' to replace`);
            return { contents: text.replace("mode: 'development'", "mode: 'production'"), loader: 'ts' };
        });
    }
};

/** esbuild options of the CLI's bundles, written into `outdir`. */
export function cliBuilds(outdir) {
    const node = {
        bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true,
        logLevel: 'warning', mainFields: ['module', 'main'], absWorkingDir: ROOT
    };
    return [
        { ...node, entryPoints: ['language-server/src/cli/main.ts'], outfile: path.join(outdir, 'cli.cjs'), plugins: [officeApart, productionMode] },
        { ...node, entryPoints: ['language-server/src/cli/office.ts'], outfile: path.join(outdir, 'cli-office.cjs'), plugins: [productionMode] }
    ];
}
