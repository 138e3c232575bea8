import type { BuildOptions } from 'esbuild';
export function webviewBuild(outdir?: string): BuildOptions;
