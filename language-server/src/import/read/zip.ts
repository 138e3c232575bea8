// A safe pass over an untrusted zip (XLSX, DOCX) before any library inflates it for real: the entry
// count, and every entry inflated as a stream with its bytes counted as they come (the sizes in the
// zip's headers are the attacker's to write, so they are never trusted), each part and the whole
// capped by ImportLimits. A zip bomb is refused after at most one more chunk than the cap, in bounded
// memory; an XML part holding a DTD is refused as it streams (see xml-safety.ts). The parts a reader
// asks for are kept; the others are only counted.
import JSZip from 'jszip';
import { IMPORT_ERRORS } from '../../../../common/words/import.js';
import { ImportError, type ImportLimits } from '../limits.js';
import { importError } from './limits-check.js';
import { DoctypeWatch } from './xml-safety.js';

/** What a reader wants of the zip's parts besides the counting. */
export interface ZipPassOptions {
    /** The file's name, for messages. */
    file: string;
    /** XLSX or DOCX, for messages. */
    format: string;
    limits: ImportLimits;
    /** Parts kept whole (inflated) for the reader; asked when the part starts, with those kept so far. */
    keep: (part: string, kept: ReadonlyMap<string, Uint8Array>) => boolean;
    /** Parts inflated before all others (small directory parts a watcher needs), in the zip's order. */
    first?: (part: string) => boolean;
    /**
     * A watcher fed every inflated chunk of a part (it may throw an ImportError to stop the pass),
     * asked for when the part starts, with the parts kept so far.
     */
    watch?: (part: string, kept: ReadonlyMap<string, Uint8Array>) => ((chunk: Uint8Array) => void) | undefined;
}

export interface ZipParts {
    /** Every entry's name (folders left out), in the zip's order. */
    names: string[];
    /** The kept parts, inflated. */
    parts: Map<string, Uint8Array>;
    /** Inflated bytes of each part, as counted. */
    sizes: Map<string, number>;
}

/** The streaming side of a JSZip entry, which its type declarations leave out. */
interface ChunkStream {
    on(event: 'data', listener: (chunk: Uint8Array) => void): ChunkStream;
    on(event: 'error', listener: (error: unknown) => void): ChunkStream;
    on(event: 'end', listener: () => void): ChunkStream;
    resume(): ChunkStream;
    pause(): ChunkStream;
}

function streamOf(entry: JSZip.JSZipObject): ChunkStream {
    return (entry as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');
}

function why(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** Reads the zip's directory (nothing is inflated yet); a file that is no zip is an ImportError. */
export async function openZip(bytes: Uint8Array, file: string, format: string): Promise<JSZip> {
    try {
        return await JSZip.loadAsync(bytes, { checkCRC32: false, createFolders: false });
    } catch (error) {
        throw importError(IMPORT_ERRORS.notZip, { file, format, why: why(error) });
    }
}

/**
 * Inflates every entry once as a stream, counting, and keeps the parts asked for. Throws an
 * ImportError for a corrupt zip, too many entries, a part or a total past the limits, or a DTD.
 */
export async function passZip(bytes: Uint8Array, options: ZipPassOptions): Promise<ZipParts> {
    const { file, format, limits } = options;
    const zip = await openZip(bytes, file, format);
    const entries = Object.values(zip.files).filter(entry => !entry.dir);
    if (entries.length > limits.maxZipEntries) {
        throw importError(IMPORT_ERRORS.zipEntries, { file, count: entries.length, limit: limits.maxZipEntries });
    }
    const result: ZipParts = { names: entries.map(e => e.name), parts: new Map(), sizes: new Map() };
    const first = options.first ?? (() => false);
    const ordered = [...entries.filter(e => first(e.name)), ...entries.filter(e => !first(e.name))];
    let total = 0;
    for (const entry of ordered) {
        const chunks: Uint8Array[] | undefined = options.keep(entry.name, result.parts) ? [] : undefined;
        const watcher = options.watch?.(entry.name, result.parts);
        const doctype = /\.(xml|rels|vml)$/i.test(entry.name) ? new DoctypeWatch(file, entry.name) : undefined;
        let size = 0;
        await new Promise<void>((resolve, reject) => {
            let failed = false;
            const stream = streamOf(entry);
            const fail = (error: unknown) => {
                if (failed) return;
                failed = true;
                stream.pause();
                reject(error instanceof ImportError ? error
                    : importError(IMPORT_ERRORS.partCorrupt, { file, part: entry.name, why: why(error) }));
            };
            stream.on('data', chunk => {
                if (failed) return;
                size += chunk.length;
                total += chunk.length;
                try {
                    if (size > limits.maxPartBytes) {
                        throw importError(IMPORT_ERRORS.partTooLarge, { file, part: entry.name, limit: limits.maxPartBytes });
                    }
                    if (total > limits.maxInflatedBytes) {
                        throw importError(IMPORT_ERRORS.inflatedTooLarge, { file, limit: limits.maxInflatedBytes });
                    }
                    doctype?.feed(chunk);
                    watcher?.(chunk);
                    chunks?.push(chunk);
                } catch (error) {
                    fail(error);
                }
            });
            stream.on('error', fail);
            stream.on('end', () => { if (!failed) resolve(); });
            stream.resume();
        });
        result.sizes.set(entry.name, size);
        if (chunks) result.parts.set(entry.name, concat(chunks, size));
    }
    return result;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.length;
    }
    return out;
}

/** A kept part, or an ImportError naming it when the file lacks it. */
export function requirePart(zip: ZipParts, part: string, file: string, format: string): Uint8Array {
    const bytes = zip.parts.get(part);
    if (!bytes) throw importError(IMPORT_ERRORS.partMissing, { file, part, format });
    return bytes;
}
