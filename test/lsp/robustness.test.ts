// The built server (extension/out/server.cjs --stdio) against what kills or wedges a server: a
// document with a string literal of megabytes (the lexer overflowed its stack on didOpen, and the
// editor restarted it in a loop), and a misframed message (the server then answered nothing ever
// again and never exited, so no editor restarted it). Each test starts its own server.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
    DidOpenTextDocumentNotification, HoverRequest, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification,
    StreamMessageReader, type Message, type NotificationMessage, type ResponseMessage
} from 'vscode-languageserver-protocol/node.js';
import { ensureBundle } from '../helpers/bundles.js';
import { REPO_ROOT } from '../helpers/plan.js';

const SERVER = path.join(REPO_ROOT, 'extension', 'out', 'server.cjs');

interface Server {
    process: ChildProcessWithoutNullStreams;
    stderr: () => string;
    exited: Promise<number | null>;
    received: Message[];
    /** Writes raw bytes to the server's stdin. */
    write(bytes: string | Buffer): void;
    send(message: object): void;
    /** The first message (received or to come) that `accept` takes, or a rejection after `ms`. */
    next(accept: (m: Message) => boolean, ms?: number): Promise<Message>;
}

const started: Server[] = [];

function frame(message: object): Buffer {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

function startServer(): Server {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', chunk => { stderr += String(chunk); });
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    const received: Message[] = [];
    const waiters: { accept: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
    new StreamMessageReader(child.stdout).listen(message => {
        received.push(message);
        for (const w of waiters.splice(0)) (w.accept(message) ? w.resolve(message) : waiters.push(w));
    });
    const server: Server = {
        process: child, stderr: () => stderr, exited, received,
        write: bytes => { child.stdin.write(bytes); },
        send: message => { child.stdin.write(frame(message)); },
        next: (accept, ms = 60_000) => {
            const already = received.find(accept);
            if (already) return Promise.resolve(already);
            return new Promise((resolve, reject) => {
                waiters.push({ accept, resolve });
                setTimeout(() => reject(new Error(`no such message within ${ms} ms; stderr: ${stderr}`)), ms);
                void exited.then(code => reject(new Error(`the server exited (${code}); stderr: ${stderr}`)));
            });
        }
    };
    started.push(server);
    return server;
}

const isResponse = (id: number) => (m: Message) => (m as ResponseMessage).id === id && !('method' in m);

async function initialize(server: Server): Promise<void> {
    server.send({
        jsonrpc: '2.0', id: 1, method: InitializeRequest.method,
        params: { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}, initializationOptions: { locale: 'en' } }
    });
    await server.next(isResponse(1));
    server.send({ jsonrpc: '2.0', method: InitializedNotification.method, params: {} });
}

/** Resolves with the exit code, or with 'running' if the process is still running after `ms`. */
function exitWithin(server: Server, ms: number): Promise<number | null | 'running'> {
    return Promise.race([server.exited, new Promise<'running'>(resolve => setTimeout(() => resolve('running'), ms))]);
}

beforeAll(() => ensureBundle(SERVER), 180_000);

afterEach(() => {
    for (const server of started.splice(0)) if (server.process.exitCode === null) server.process.kill();
});

describe('a huge string literal', () => {
    test('didOpen of a plan with a 5 MB title leaves the server alive and answering', async () => {
        const server = startServer();
        await initialize(server);
        const uri = 'file:///ws/huge-title.plan';
        const text = `plan huge "${'Kế hoạch giảm nghèo '.repeat(250_000)}"\nnumber-style vi\n`;
        server.send({
            jsonrpc: '2.0', method: DidOpenTextDocumentNotification.method,
            params: { textDocument: { uri, languageId: 'plan', version: 1, text } }
        });
        const published = await server.next(m => (m as NotificationMessage).method === PublishDiagnosticsNotification.method &&
            (m as NotificationMessage & { params: { uri: string } }).params.uri === uri);
        expect((published as NotificationMessage & { params: { diagnostics: unknown[] } }).params.diagnostics).toEqual([]);
        server.send({ jsonrpc: '2.0', id: 2, method: HoverRequest.method, params: { textDocument: { uri }, position: { line: 0, character: 6 } } });
        const hover = await server.next(isResponse(2)) as ResponseMessage;
        expect(hover.error).toBeUndefined();
        expect(server.process.exitCode, server.stderr()).toBeNull();
    }, 120_000);
});

describe('a misframed message ends the server with an error, so the client restarts it', () => {
    const BODY = JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'shutdown' });
    test.each([
        ['a non-numeric Content-Length', `Content-Length: abc\r\n\r\n${BODY}`, /Content-Length is not a whole number/],
        ['a header without Content-Length', `Content-Type: application/vscode-jsonrpc\r\n\r\n${BODY}`, /no Content-Length/],
        ['a Content-Length larger than the body, then a valid message',
            Buffer.concat([Buffer.from(`Content-Length: ${BODY.length + 200}\r\n\r\n${BODY}`), frame({ jsonrpc: '2.0', id: 8, method: 'shutdown' })]),
            /larger than its body/],
        ['a Content-Length smaller than the body, then a valid message',
            Buffer.concat([Buffer.from(`Content-Length: ${BODY.length - 10}\r\n\r\n${BODY}`), frame({ jsonrpc: '2.0', id: 8, method: 'shutdown' })]),
            /not "Name: value"/]
    ])('%s', async (_case, bytes, reason) => {
        const server = startServer();
        await initialize(server);
        server.write(bytes);
        const code = await exitWithin(server, 5_000);
        expect(code, server.stderr()).not.toBe('running');
        expect(code).not.toBe(0);
        expect(server.stderr()).toMatch(reason);
    }, 60_000);

    test('a well-framed message sent a byte at a time in its header, and a large body in pieces, is answered', async () => {
        const server = startServer();
        await initialize(server);
        const hover = frame({ jsonrpc: '2.0', id: 3, method: HoverRequest.method, params: { textDocument: { uri: 'file:///ws/none.plan' }, position: { line: 0, character: 0 } } });
        for (const byte of hover.subarray(0, 24)) server.write(Buffer.from([byte]));
        server.write(hover.subarray(24));
        // A body in several chunks that holds header-like text inside a JSON string (escaped line breaks).
        const uri = 'file:///ws/header-like.plan';
        const open = frame({
            jsonrpc: '2.0', method: DidOpenTextDocumentNotification.method,
            params: { textDocument: { uri, languageId: 'plan', version: 1, text: `plan p "Content-Length: 12\r\n\r\n${'x'.repeat(300_000)}"\n` } }
        });
        for (let at = 0; at < open.length; at += 65_536) server.write(open.subarray(at, at + 65_536));
        await server.next(isResponse(3));
        await server.next(m => (m as NotificationMessage).method === PublishDiagnosticsNotification.method);
        expect(await exitWithin(server, 500)).toBe('running');
    }, 60_000);
});
