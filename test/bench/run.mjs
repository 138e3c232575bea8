// Bundles a TypeScript benchmark with esbuild and runs it in this Node (with --expose-gc):
//   node test/bench/run.mjs                      the core benchmark (test/bench/bench.ts)
//   node test/bench/run.mjs test/lsp/bench.ts    the editor-feature benchmark
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = path.resolve(process.argv[2] ?? path.join(here, 'bench.ts'));
const outfile = path.join(here, '../../out', `bench-${path.basename(path.dirname(entry))}.cjs`);
await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning'
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
process.exit(result.status ?? 1);
