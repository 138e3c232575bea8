// Watches the bytes a client sends over stdio for a misframed LSP message. vscode-jsonrpc's reader
// reports a header it cannot read as an error nobody acts on, and then reads the rest of that
// message as the next header, and so on: the server never answers again, idles and does not exit,
// so the editor never restarts it. Recovering is unsafe (a lost didChange leaves the server's copy
// of a document silently different from the editor's), so the server exits with an error instead
// and the client restarts it and opens its documents again.
//
// What counts as misframed:
// - a header block without Content-Length, with a Content-Length that is not a whole number, or
//   with a line that is not `Name: value`; or one that goes on for 8 KB without its blank line;
// - a body in which a header line `Content-Length: <digits>` CR LF appears. A JSON body cannot hold
//   one (outside a string the word is invalid JSON, inside one a raw CR is), so it is the next
//   message's header swallowed by a Content-Length larger than the body that was sent. A larger
//   Content-Length with nothing after it cannot be told from a slow client: the reader waits.
// A Content-Length smaller than the body leaves the rest of the body where the next header should
// be, which is then misframed as above.

const CRLF2 = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 8 * 1024;
/** A header line naming the length of a message, inside what should be JSON. */
const SWALLOWED_HEADER = /content-length:[ \t]*[0-9]+\r\n/i;
/** Body bytes kept from one chunk to the next, so a swallowed header split between chunks is seen. */
const TAIL = 64;

export class FramingGuard {
    private header: Buffer[] = [];
    private headerBytes = 0;
    /** Body bytes still expected; -1 while reading a header. */
    private remaining = -1;
    private tail = '';

    /** Takes the next chunk read from the client; returns what is wrong once the framing is lost. */
    push(chunk: Buffer): string | undefined {
        let at = 0;
        while (at < chunk.length) {
            if (this.remaining < 0) {
                const result = this.readHeader(chunk, at);
                if (typeof result === 'string') return result;
                if (result === undefined) return undefined;
                at = result;
            } else {
                const take = Math.min(this.remaining, chunk.length - at);
                // latin1 keeps one character per byte: the header pattern is ASCII.
                const seen = this.tail + chunk.toString('latin1', at, at + take);
                const swallowed = SWALLOWED_HEADER.exec(seen);
                if (swallowed) {
                    return `a message body holds the header "${swallowed[0].trim()}": the Content-Length before it was larger than its body`;
                }
                this.remaining -= take;
                at += take;
                this.tail = this.remaining === 0 ? '' : seen.slice(-TAIL);
                if (this.remaining === 0) this.remaining = -1;
            }
        }
        return undefined;
    }

    /** Reads header bytes from `at`: the offset after the header, undefined if it goes on, or what is wrong. */
    private readHeader(chunk: Buffer, at: number): number | string | undefined {
        // The blank line may straddle chunks: search what is kept of the header with the new bytes.
        const kept = Buffer.concat([...this.header, chunk.subarray(at)]);
        const end = kept.indexOf(CRLF2);
        if (end < 0) {
            if (kept.length > MAX_HEADER_BYTES) return `no blank line after ${MAX_HEADER_BYTES} bytes of header`;
            this.header = [kept];
            this.headerBytes = kept.length;
            return undefined;
        }
        const consumed = end + CRLF2.length - this.headerBytes;
        this.header = [];
        this.headerBytes = 0;
        const problem = this.checkHeader(kept.toString('latin1', 0, end));
        if (typeof problem === 'string') return problem;
        this.remaining = problem;
        this.tail = '';
        if (this.remaining === 0) this.remaining = -1;
        return at + consumed;
    }

    /** The body length a header block declares, or what is wrong with it. */
    private checkHeader(block: string): number | string {
        let length: number | undefined;
        for (const line of block.split('\r\n')) {
            const colon = line.indexOf(':');
            if (colon <= 0 || !/^[A-Za-z0-9-]+$/.test(line.slice(0, colon))) {
                return `a header line is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`;
            }
            if (line.slice(0, colon).toLowerCase() !== 'content-length') continue;
            const value = line.slice(colon + 1).trim();
            if (!/^[0-9]{1,15}$/.test(value)) return `Content-Length is not a whole number: ${JSON.stringify(value.slice(0, 80))}`;
            length = Number(value);
        }
        return length ?? `a header has no Content-Length: ${JSON.stringify(block.slice(0, 80))}`;
    }
}
