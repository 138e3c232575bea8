import * as esbuild from 'esbuild';
import { cliBuilds } from '/work/wt-cli/scripts/cli-bundles.mjs';
const [main] = cliBuilds('/tmp/clib');
await esbuild.build({ ...main, entryPoints: ['/tmp/clib/startup.ts'], outfile: '/tmp/clib/startup.cjs', sourcemap: false, format: 'esm', outfile: '/tmp/clib/startup.mjs', banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" } });
