// The webview's browser bundle (script + stylesheet) for esbuild: used by /esbuild.mjs and by the
// browser tests, which build the same bundle into their own folder.
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** esbuild options; pass another `outdir` to build elsewhere. */
export function webviewBuild(outdir = here('../out/webview')) {
    return {
        entryPoints: { main: here('./main.ts'), preview: here('./preview.css') },
        outdir,
        bundle: true,
        platform: 'browser',
        format: 'iife',
        // VS Code 1.90's Electron is Chromium 122.
        target: ['chrome120'],
        minify: true,
        sourcemap: true,
        logLevel: 'warning',
        // chart.js ships ESM; keep its production build.
        define: { 'process.env.NODE_ENV': '"production"' }
    };
}
