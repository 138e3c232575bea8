// Bundles a TypeScript benchmark with esbuild and runs it in this Node (with --expose-gc):
//   node test/bench/run.mjs                      the core benchmark (test/bench/bench.ts)
//   node test/bench/run.mjs test/lsp/bench.ts    the editor-feature benchmark
//   BENCH_ONLY=lsp node test/bench/run.mjs       one section instead of the core (lsp: the language
//                                                server against yaml-language-server, lsp-peers.ts)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECTIONS = { lsp: 'lsp-peers.ts' };
const section = SECTIONS[process.env.BENCH_ONLY ?? ''];
if (process.env.BENCH_ONLY && !section) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: one of ${Object.keys(SECTIONS).join(', ')}`);
const entry = path.resolve(process.argv[2] ?? path.join(here, section ?? 'bench.ts'));
const outfile = path.join(here, '../../out', `bench-${path.basename(path.dirname(entry))}${section ? '-' + process.env.BENCH_ONLY : ''}.cjs`);
await build({
    entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning'
});
const result = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
process.exit(result.status ?? 1);
