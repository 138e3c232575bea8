// Bundles a TypeScript benchmark with esbuild and runs it in this Node (with --expose-gc):
//   node test/bench/run.mjs                      the core benchmark (test/bench/bench.ts), then lsp-peers.ts
//   node test/bench/run.mjs test/lsp/bench.ts    the editor-feature benchmark
//   BENCH_ONLY=lsp node test/bench/run.mjs       one section instead of the core (lsp: the language
//                                                server against yaml-language-server, lsp-peers.ts;
//                                                edit, cli, hostile, memory, preview: sections of bench.ts;
//                                                roll-up: a keystroke in a district plan → both files' findings, roll-up.ts)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECTIONS = { lsp: 'lsp-peers.ts', 'roll-up': 'roll-up.ts' };
const BENCH_SECTIONS = ['edit', 'cli', 'hostile', 'memory', 'preview'];
const section = SECTIONS[process.env.BENCH_ONLY ?? ''];
if (process.env.BENCH_ONLY && !section && !BENCH_SECTIONS.includes(process.env.BENCH_ONLY)) {
    throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: one of ${[...Object.keys(SECTIONS), ...BENCH_SECTIONS].join(', ')}`);
}
// Without a section or a file: the core benchmark, then the language server against its peer.
const entries = process.argv[2] ? [path.resolve(process.argv[2])]
    : section ? [path.join(here, section)]
    : process.env.BENCH_ONLY ? [path.join(here, 'bench.ts')]
    : [path.join(here, 'bench.ts'), path.join(here, SECTIONS.lsp)];
for (const entry of entries) {
    const outfile = path.join(here, '../../out', `bench-${path.basename(path.dirname(entry))}-${path.basename(entry, '.ts')}.cjs`);
    await build({
        entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20',
        format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning',
        // Loaded from node_modules, not bundled: esbuild finds its binary, playwright-core its browser support, beside themselves.
        external: ['esbuild', 'playwright-core']
    });
    const result = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
}
