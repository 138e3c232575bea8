// Every test runs with this guard (vitest setupFiles): a test that reads a file beside the checkout
// (../shared, a sibling worktree) fails at once, because a user's clone has nothing there. The data
// tests need lives in test/fixtures. Temporary folders stay allowed even when they sit beside the
// checkout, except the sibling `shared`, which is never there for a user.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const fs = require('node:fs') as typeof import('node:fs');

export const GUARDED_REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const besideRoot = path.dirname(GUARDED_REPO_ROOT);
const sharedBeside = path.join(besideRoot, 'shared');
const tempRoot = path.resolve(os.tmpdir());

const within = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

/** The reason a test may not touch this path, or undefined when it may. */
export function outsideRepository(target: unknown): string | undefined {
    let file: string;
    if (typeof target === 'string') file = target;
    else if (target instanceof URL && target.protocol === 'file:') file = fileURLToPath(target);
    else if (Buffer.isBuffer(target)) file = target.toString();
    else return undefined; // file descriptors and the like were opened through a checked path
    file = path.resolve(file);
    if (within(file, GUARDED_REPO_ROOT)) return undefined;
    if (within(file, sharedBeside) || (within(file, besideRoot) && !within(file, tempRoot))) {
        return `a test read ${file}, outside the repository ${GUARDED_REPO_ROOT}: a clone has no such file; copy the data into test/fixtures`;
    }
    return undefined;
}

export class OutsideRepositoryError extends Error {}

type AnyFn = (...args: unknown[]) => unknown;
const guard = <T extends object>(target: T, names: string[], returnsPromise = false) => {
    for (const name of names) {
        const original = (target as Record<string, unknown>)[name] as AnyFn | undefined;
        if (typeof original !== 'function' || (original as { guarded?: boolean }).guarded) continue;
        const wrapped = function (this: unknown, ...args: unknown[]) {
            const reason = outsideRepository(args[0]);
            if (reason) {
                const error = new OutsideRepositoryError(reason);
                if (returnsPromise) return Promise.reject(error);
                throw error;
            }
            return original.apply(this, args);
        };
        Object.assign(wrapped, original); // keeps realpathSync.native and the like
        Object.defineProperty(wrapped, 'guarded', { value: true });
        (target as Record<string, unknown>)[name] = wrapped;
    }
};

const READERS = ['readFileSync', 'readFile', 'openSync', 'open', 'existsSync', 'statSync', 'stat', 'lstatSync', 'lstat',
    'readdirSync', 'readdir', 'accessSync', 'access', 'createReadStream', 'opendirSync', 'opendir', 'realpathSync', 'realpath'];
guard(fs, READERS);
guard(fs.promises, ['readFile', 'open', 'stat', 'lstat', 'readdir', 'access', 'opendir', 'realpath'], true);
// ESM imports of node:fs see the wrapped functions too.
syncBuiltinESMExports();
