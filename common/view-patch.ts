// A plan view sent as what changed: the server answers a preview that already holds a view with the
// parts that differ from it (a table row, a chart's figure, the findings), each as a value set at a
// path into the view; the extension and the webview merge them into the view they hold. Pure: no
// Node, vscode or DOM imports, so the server, the extension, the webview and the tests share it.
import type { PlanView } from './view.js';

/** A step into the view: a property's name or an array's index. */
export type ViewPathKey = string | number;

/**
 * One change: the value at `at` becomes `value`; without `value` (JSON drops an undefined one) the
 * property at `at` is removed. An array that changes length is always set whole.
 */
export interface ViewPatch { at: ViewPathKey[]; value?: unknown }

/** The view a preview holds, named by the stamp the server gave it. */
export type PlanViewUpdate =
    | { stamp: string; view: PlanView }
    /** What changed since the view stamped `since`; merged into it, it is the view stamped `stamp`. */
    | { stamp: string; since: string; patches: ViewPatch[] };

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Adds to `out` the patches that turn `before` into `after` (plain JSON-like data), as deep as the
 * two agree in shape: arrays of the same length and objects are compared part by part, anything
 * else is set whole. Parts that are the same object are skipped without a look inside.
 */
export function diffInto(before: unknown, after: unknown, at: ViewPathKey[], out: ViewPatch[]): void {
    // One path, grown and shrunk along the walk; copied only into a patch (a 7.000-series chart has 56.000 figures).
    diffAt(before, after, at.slice(), out);
}

function diffAt(before: unknown, after: unknown, at: ViewPathKey[], out: ViewPatch[]): void {
    if (Object.is(before, after)) return;
    if (Array.isArray(before) && Array.isArray(after)) {
        if (before.length !== after.length) {
            out.push({ at: at.slice(), value: after });
            return;
        }
        for (let i = 0; i < after.length; i++) {
            const [a, b] = [before[i], after[i]];
            if (Object.is(a, b)) continue;
            at.push(i);
            diffAt(a, b, at, out);
            at.pop();
        }
        return;
    }
    if (isRecord(before) && isRecord(after)) {
        for (const key in before) {
            if (after[key] === undefined && before[key] !== undefined) out.push({ at: [...at, key] });
        }
        for (const key in after) {
            const [a, b] = [before[key], after[key]];
            if (b === undefined || Object.is(a, b)) continue;
            at.push(key);
            diffAt(a, b, at, out);
            at.pop();
        }
        return;
    }
    out.push({ at: at.slice(), value: after });
}

/** Whether two plain values are equal as JSON sees them (an undefined property is an absent one). */
export function sameValue(a: unknown, b: unknown): boolean {
    const probe: ViewPatch[] = [];
    diffInto(a, b, [], probe);
    return probe.length === 0;
}

/** A patch that does not fit the view it is applied to: the holder then asks for the whole view. */
export class ViewPatchError extends Error {}

/**
 * The view with the patches applied. `view` itself is left as it was: every object and array on a
 * patched path is copied (once per call), everything else is shared with `view`, so a part that is
 * the same object in both is unchanged. Throws ViewPatchError for a path the view does not have.
 */
export function applyViewPatches(view: PlanView, patches: readonly ViewPatch[]): PlanView {
    const copied = new Set<object>();
    const copy = <T extends object>(v: T): T => {
        const c = (Array.isArray(v) ? v.slice() : { ...v }) as T;
        copied.add(c);
        return c;
    };
    const root = copy(view) as unknown as Record<string, unknown>;
    for (const patch of patches) {
        if (!Array.isArray(patch.at) || patch.at.length === 0) throw new ViewPatchError('a patch without a path');
        let holder: Record<string | number, unknown> = root;
        for (let i = 0; i < patch.at.length - 1; i++) {
            const key = patch.at[i];
            checkKey(holder, key);
            const child = holder[key];
            if (typeof child !== 'object' || child === null) throw new ViewPatchError(`no ${patch.at.slice(0, i + 1).join('.')} in the view`);
            const own = copied.has(child) ? child : copy(child);
            holder[key] = own;
            holder = own as Record<string | number, unknown>;
        }
        const last = patch.at[patch.at.length - 1];
        checkKey(holder, last);
        if (!('value' in patch) || patch.value === undefined) {
            if (Array.isArray(holder)) throw new ViewPatchError(`an array's element removed: ${patch.at.join('.')}`);
            delete holder[last];
        } else {
            holder[last] = patch.value;
        }
    }
    return root as unknown as PlanView;
}

/** An array is indexed inside its length, an object by a name that is not its prototype's. */
function checkKey(holder: object, key: ViewPathKey): void {
    if (Array.isArray(holder)) {
        if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= holder.length) throw new ViewPatchError(`index ${String(key)} outside an array`);
    } else if (typeof key !== 'string' || key === '__proto__' || key === 'constructor' || key === 'prototype') {
        throw new ViewPatchError(`property ${String(key)} refused`);
    }
}
