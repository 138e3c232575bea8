// How the language server reads the workspace's plan files that are not open in the editor (an
// open file's text comes from the editor): decoded as the CLI decodes them (UTF-8 without its BOM,
// UTF-16 by its BOM), and never more than the size limit — a huge or endless file named *.plan is
// left out instead of filling the server's memory.
import * as fs from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { DEFAULT_MAX_BYTES, decodePlanBytes } from './text-encoding.js';

export class PlanFileSystemProvider extends NodeFileSystemProvider {
    constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {
        super();
    }

    /** A regular file within the size limit (links followed), so reading it ends. */
    readable(uri: URI): boolean {
        try {
            const stat = fs.statSync(uri.fsPath);
            return stat.isFile() && stat.size <= this.maxBytes;
        } catch {
            return false;
        }
    }

    override async readFile(uri: URI): Promise<string> {
        return decodePlanBytes(await this.readBinary(uri)).text;
    }

    override readFileSync(uri: URI): string {
        return decodePlanBytes(this.readBinarySync(uri)).text;
    }
}
