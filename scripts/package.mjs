// Packages extension/ into an installable .vsix with @vscode/vsce (run after `npm run build`).
// The esbuild bundles in extension/out are self-contained, so no node_modules go in (--no-dependencies).
// Usage: node scripts/package.mjs [--out file.vsix]   Prints the .vsix path and size; fails if the
// package lacks a file the extension needs or carries sources, source maps or node_modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ext = path.join(root, 'extension');
const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const vsix = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, 'out', `${manifest.name}-${manifest.version}.vsix`));
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

const fail = (msg) => { console.error(`package: ${msg}`); process.exit(1); };
for (const f of ['out/extension.cjs', 'out/server.cjs']) {
    if (!fs.existsSync(path.join(ext, f))) fail(`extension/${f} is missing: run \`npm run build\` first`);
}

// --no-rewrite-relative-links: the README's screenshots are shipped in the package (images/…) and
// VS Code resolves them against the installed extension, so no repository URL is needed; a
// Marketplace upload would instead pass --baseImagesUrl (or set "repository").
fs.mkdirSync(path.dirname(vsix), { recursive: true });
fs.rmSync(vsix, { force: true });
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
    { cwd: ext, stdio: 'inherit' });

const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ext, encoding: 'utf8' })
    .split('\n').map(s => s.trim()).filter(Boolean);
const required = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'out/extension.cjs', 'out/server.cjs', 'out/RULES.md'];
if (manifest.icon) required.push(manifest.icon.replace(/^\.\//, ''));
const missing = required.filter(f => !files.includes(f));
if (missing.length) fail(`the package lacks ${missing.join(', ')}`);
// Relative images are not rewritten (see above), so each must be a file inside the package.
const readme = fs.readFileSync(path.join(ext, 'README.md'), 'utf8');
const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]+src=["']([^"']+)["']/g)].map(m => m[1] ?? m[2]);
const broken = images.filter(src => !/^https:\/\//.test(src) && !files.includes(path.posix.normalize(src)));
if (broken.length) fail(`README.md shows images that are not in the package: ${broken.join(', ')}`);
const stray = files.filter(f => /(^|\/)node_modules\/|\.map$|(^|\/)src\/|\.ts$|^webview\//.test(f));
if (stray.length) fail(`the package carries files it should not (see .vscodeignore): ${stray.join(', ')}`);

// The bundles must run on Node 20 (the CLI, and VS Code 1.100's own Node): calls that only Node 22+ has.
const node22 = /\b(Object\.groupBy|Map\.groupBy|Promise\.withResolvers|Array\.fromAsync|process\.getBuiltinModule|Iterator\.from)\(/;
for (const f of files.filter(f => /\.(c?js)$/.test(f))) {
    const m = node22.exec(fs.readFileSync(path.join(ext, f), 'utf8'));
    if (m) fail(`${f} calls ${m[1]}, which Node 20 does not have (esbuild's target node20 does not polyfill it)`);
}

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const size = fs.statSync(vsix).size;
console.log(`package: ${path.relative(root, vsix)} — ${kib(size)}, ${files.length} files:`);
for (const f of files) console.log(`  ${f}  ${kib(fs.statSync(path.join(ext, f)).size)}`);
