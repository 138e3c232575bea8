// Turns the bytes of a plan file into text: UTF-8 (a BOM is dropped), UTF-16 LE/BE with a BOM, and
// UTF-16 without one when the NUL bytes give it away. What cannot be read cleanly is described once
// (where, how often), so the checker reports one finding instead of a silent U+FFFD or thousands of
// syntax errors. Pure: no file system, no Langium.
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

/** Larger plan files are refused (the CLI's --max-size raises it) or left out of the server's workspace. */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export type EncodingProblemCode = 'encoding-invalid' | 'encoding-utf16-no-bom' | 'encoding-binary';

export interface EncodingProblem {
    code: EncodingProblemCode;
    /** 0-based position in the decoded text (UTF-16 code units, as LSP positions). */
    line: number;
    character: number;
    args: Record<string, string | number>;
}

export interface DecodedText {
    text: string;
    encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
    problem?: EncodingProblem;
}

type Encoding = DecodedText['encoding'];

const LABEL: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

function decoder(encoding: Encoding, fatal: boolean): TextDecoder {
    // The BOM is stripped by hand, so it is never taken for text nor silently removed twice.
    return new TextDecoder(encoding, { fatal, ignoreBOM: true });
}

function decodes(bytes: Uint8Array, encoding: Encoding): string | undefined {
    try {
        return decoder(encoding, true).decode(bytes);
    } catch {
        return undefined;
    }
}

/** Line and character after `text`, with \n, \r\n and \r as line ends (as LSP counts them). */
function endPosition(text: string): { line: number; character: number } {
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, character: text.length - lineStart };
}

function hex(byte: number): string {
    return '0x' + byte.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Where the first bad sequence starts and how many there are. Before the first bad sequence the
 * lossy text is exactly the file's text, so the first U+FFFD that the bytes do not spell out is it;
 * every other U+FFFD is one more bad sequence, unless it was written in the file.
 */
function describeInvalid(bytes: Uint8Array, encoding: Encoding, lossy: string): EncodingProblem {
    const utf8 = encoding === 'utf-8';
    const [hi, lo] = encoding === 'utf-16le' ? [1, 0] : [0, 1];
    const writtenAt = (offset: number) => utf8
        ? bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd
        : bytes[offset + hi] === 0xff && bytes[offset + lo] === 0xfd;
    const byteLength = (text: string) => utf8 ? Buffer.byteLength(text, 'utf8') : text.length * 2;
    let replaced = 0;
    let first: { index: number; offset: number } | undefined;
    let offset = 0;
    let from = 0;
    for (let i = lossy.indexOf('\uFFFD'); i >= 0; i = lossy.indexOf('\uFFFD', i + 1)) {
        replaced++;
        if (first) continue;
        offset += byteLength(lossy.slice(from, i));
        if (!writtenAt(offset)) first = { index: i, offset };
        offset += utf8 ? 3 : 2;
        from = i + 1;
    }
    let written = 0;
    if (utf8) {
        const mark = Buffer.from([0xef, 0xbf, 0xbd]);
        const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (let i = buffer.indexOf(mark); i >= 0; i = buffer.indexOf(mark, i + 3)) written++;
    } else {
        for (let i = 0; i + 1 < bytes.length; i += 2) if (writtenAt(i)) written++;
    }
    const at = first ?? { index: lossy.length, offset: bytes.length - 1 };
    return {
        code: 'encoding-invalid', ...endPosition(lossy.slice(0, at.index)),
        args: { encoding: LABEL[encoding], count: Math.max(1, replaced - written), byte: hex(bytes[Math.min(at.offset, bytes.length - 1)]) }
    };
}

/** LE or BE when the NULs sit in every other byte, as in UTF-16 text of mostly Latin letters. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
    const pairs = Math.floor(Math.min(bytes.length, 65_536) / 2);
    if (pairs < 2) return undefined;
    let evenNuls = 0;
    let oddNuls = 0;
    for (let i = 0; i < pairs * 2; i += 2) {
        if (bytes[i] === 0) evenNuls++;
        if (bytes[i + 1] === 0) oddNuls++;
    }
    if (oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.02) return 'utf-16le';
    if (evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.02) return 'utf-16be';
    return undefined;
}

export function decodePlanBytes(bytes: Uint8Array): DecodedText {
    let encoding: Encoding = 'utf-8';
    let body = bytes;
    let guessed = false;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, body] = ['utf-16le', bytes.subarray(2)];
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, body] = ['utf-16be', bytes.subarray(2)];
    else {
        const sniffed = sniffUtf16(bytes);
        if (sniffed && decodes(bytes, sniffed) !== undefined) [encoding, guessed] = [sniffed, true];
    }
    // isUtf8 (simdutf) is far faster than a fatal TextDecoder on the valid files nearly all are.
    const valid = encoding === 'utf-8' ? isUtf8(body) : decodes(body, encoding) !== undefined;
    const text = decoder(encoding, false).decode(body);
    // NUL never occurs in a text file: this is an image, an archive, UTF-32… Its "findings" would be noise.
    if (text.includes('\u0000')) {
        return { text: '', encoding, problem: { code: 'encoding-binary', line: 0, character: 0, args: {} } };
    }
    if (guessed) {
        return { text, encoding, problem: { code: 'encoding-utf16-no-bom', line: 0, character: 0, args: { encoding: LABEL[encoding] } } };
    }
    if (!valid) return { text, encoding, problem: describeInvalid(body, encoding, text) };
    return { text, encoding };
}
