// Loads plan files from disk into a Langium workspace and builds them (parse, link, validate).
// Used by the CLI, the exporters' CLI and tests; the language server has its own workspace manager.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createPlanServices, type PlanServices } from './plan-module.js';
import type { Locale } from './validation/codes.js';

/** A path that cannot be read; the CLI words it in the user's language. */
export class PlanFileError extends Error {
    constructor(readonly file: string, readonly reason: 'missing' | 'unreadable', readonly detail = '') {
        super(`cannot read ${file}: ${reason === 'missing' ? 'no such file or folder' : detail}`);
    }
}

export interface LoadedPlans {
    services: PlanServices;
    /** The documents asked for, in the order given (folders expanded, sorted). */
    documents: LangiumDocument[];
}

/** Expands folders to the .plan files below them; throws PlanFileError for a path that cannot be read. */
export function expandPlanPaths(inputs: string[]): string[] {
    const files: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
            else if (entry.isFile() && entry.name.endsWith('.plan')) files.push(full);
        }
    };
    for (const input of inputs) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(input);
        } catch {
            throw new PlanFileError(input, 'missing');
        }
        if (stat.isDirectory()) walk(input);
        else files.push(input);
    }
    return files.map(f => path.resolve(f));
}

/**
 * Loads the given files, plus the other .plan files of their folders so that a district plan finds
 * the province plan it is `part-of`, and builds them all with validation.
 */
export async function loadPlans(files: string[], locale: Locale = 'vi', services?: PlanServices): Promise<LoadedPlans> {
    const plan = services ?? createPlanServices(NodeFileSystem).Plan;
    plan.plan.Settings.locale = locale;
    const langiumDocuments = plan.shared.workspace.LangiumDocuments;
    const factory = plan.shared.workspace.LangiumDocumentFactory;
    const load = (file: string): LangiumDocument => {
        const uri = URI.file(file);
        const existing = langiumDocuments.getDocument(uri);
        if (existing) return existing;
        let text: string;
        try {
            text = fs.readFileSync(file, 'utf-8');
        } catch (e) {
            throw new PlanFileError(file, 'unreadable', (e as Error).message);
        }
        const document = factory.fromString(text, uri);
        langiumDocuments.addDocument(document);
        return document;
    };
    const documents = files.map(load);
    const siblings = new Set(files.map(f => path.dirname(f)));
    for (const dir of siblings) {
        for (const entry of fs.readdirSync(dir)) {
            if (entry.endsWith('.plan')) {
                try { load(path.join(dir, entry)); } catch { /* a sibling that cannot be read is not asked for */ }
            }
        }
    }
    await plan.shared.workspace.DocumentBuilder.build([...langiumDocuments.all], { validation: true });
    return { services: plan, documents };
}
