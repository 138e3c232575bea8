// Bundles the editor-feature benchmark (TypeScript) with esbuild and runs it: node test/lsp/bench.mjs
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(here, '../../out/bench-lsp.cjs');
await build({
    entryPoints: [path.join(here, 'bench.ts')], outfile, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning'
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
process.exit(result.status ?? 1);
