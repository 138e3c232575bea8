// The stdio framing guard (language-server/src/framing.ts) on chunks cut anywhere: well-framed
// input is never taken for misframed, and misframing is seen wherever the chunks are cut.
import { describe, expect, test } from 'vitest';
import { FramingGuard } from '../../language-server/src/lsp/framing.js';

function frame(body: string): string {
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Feeds the bytes to a new guard in chunks cut at the given offsets; the first problem it reports. */
function feed(bytes: string, cuts: number[] = []): string | undefined {
    const buffer = Buffer.from(bytes, 'utf8');
    const guard = new FramingGuard();
    const at = [0, ...cuts.filter(c => c > 0 && c < buffer.length).sort((a, b) => a - b), buffer.length];
    for (let i = 1; i < at.length; i++) {
        const problem = guard.push(buffer.subarray(at[i - 1], at[i]));
        if (problem) return problem;
    }
    return undefined;
}

const HOVER = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { text: 'Tổng cộng "Content-Length: 5\r\n"' } });
const EXIT = JSON.stringify({ jsonrpc: '2.0', method: 'exit' });

describe('FramingGuard', () => {
    const good = frame(HOVER) + `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${frame(EXIT)}` + frame('');

    test('well-framed messages cut at every byte are accepted', () => {
        for (let cut = 0; cut < Buffer.byteLength(good); cut++) expect(feed(good, [cut]), `cut at ${cut}`).toBeUndefined();
        expect(feed(good, [...Array(Buffer.byteLength(good)).keys()])).toBeUndefined();
    });

    test.each([
        ['a non-numeric length', `Content-Length: 12a\r\n\r\n${EXIT}`, /not a whole number/],
        ['a header without a length', `Content-Type: x\r\n\r\n${EXIT}`, /no Content-Length/],
        ['a line that is no header', `{"jsonrpc":"2.0"}\r\n\r\n`, /not "Name: value"/],
        ['a header without its blank line', 'Content-Length: 5\r\n' + 'x'.repeat(9000), /no blank line/],
        ['a length larger than the body', `Content-Length: ${EXIT.length + 50}\r\n\r\n${EXIT}${frame(EXIT)}`, /larger than its body/],
        ['a length smaller than the body', `Content-Length: ${EXIT.length - 3}\r\n\r\n${EXIT}${frame(EXIT)}`, /not "Name: value"/]
    ])('%s is reported wherever the chunks are cut', (_case, bytes, reason) => {
        for (let cut = 0; cut < bytes.length; cut += 7) expect(feed(bytes, [cut, cut + 3]), `cut at ${cut}`).toMatch(reason);
    });
});
