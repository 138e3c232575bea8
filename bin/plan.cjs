#!/usr/bin/env node
// The `plan` command: the bundled CLI (built by `npm run build`), run from V8's code cache.
//
// Node 20 compiles a script anew on every start (a compile cache, module.enableCompileCache, came
// with Node 22): for the CLI's 1,8 MB bundle that is, with the functions compiled as the run reaches
// them, about a third of `plan validate` on a small plan. So the bundle is compiled here with the code
// V8 kept after an earlier run (out/cli.cjs.v8-cache), and the cache is written at the end of a run
// that had none. The cache file names the bundle's hash, Node's version and architecture: a rebuilt
// bundle or another Node finds a stale cache and makes a new one; V8 also refuses a cache made under
// other flags (cachedDataRejected), and then the bundle is compiled as usual. Anything failing
// around the cache (unreadable, unwritable folder) only costs the time it would have saved.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'out', 'cli.cjs');
const cacheFile = `${bundle}.v8-cache`;

/** Runs the bundle as Node runs a CommonJS module, compiled with `cachedData` when there is any. */
function runCached() {
    const crypto = require('node:crypto');
    const vm = require('node:vm');
    const Module = require('node:module');
    const source = fs.readFileSync(bundle, 'utf8');
    const key = Buffer.from(`${crypto.createHash('sha256').update(source).digest('hex')} ${process.version} ${process.arch}\n`);
    let cachedData;
    try {
        const file = fs.readFileSync(cacheFile);
        if (file.subarray(0, key.length).equals(key)) cachedData = file.subarray(key.length);
    } catch { /* no cache yet */ }
    const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) {
        // At exit, so that the cache holds the functions this run compiled, not only the top level.
        process.once('exit', () => writeCache(key, script));
    }
    const cli = new Module(bundle, module);
    cli.filename = bundle;
    cli.paths = Module._nodeModulePaths(path.dirname(bundle));
    cli.loaded = true;
    require.cache[bundle] = cli;
    const run = script.runInThisContext({ displayErrors: true });
    run.call(cli.exports, cli.exports, Module.createRequire(bundle), cli, bundle, path.dirname(bundle));
}

/** Written to a temporary file and renamed: a run reading it meanwhile sees the old cache or the new. */
function writeCache(key, script) {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
        fs.writeFileSync(temporary, Buffer.concat([key, script.createCachedData()]));
        fs.renameSync(temporary, cacheFile);
    } catch {
        try { fs.unlinkSync(temporary); } catch { /* never written */ }
    }
}

if (process.env.PLAN_NO_CODE_CACHE === '1') require(bundle);
else runCached();
