// The memory of the language server as an editor uses it: the built server (extension/out/server.cjs)
// over stdio, a plan opened, its findings published and its semantic tokens asked for. Read from the
// server process's /proc status: VmHWM (peak resident set) and VmRSS (what it still holds); then again
// after figures typed into year lines, each awaited (what a server keeps between keystrokes: issue 19).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, SemanticTokensRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter
} from 'vscode-languageserver-protocol/node.js';

export interface ServerMemory {
    peakRssMb: number; heldRssMb: number; findings: number;
    /** After TYPED figures typed into year lines, one after another, each one's findings awaited. */
    typed: { peakRssMb: number; heldRssMb: number };
}

/** How many figures are typed after the plan is open. */
export const TYPED = 20;

function statusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith(field + ':'));
    if (!line) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(line.replace(/\D+/g, '')) / 1024;
}

/** Undefined, with the reason printed by the caller, where /proc is not there (not Linux). */
export function canMeasureServer(): string | undefined {
    return fs.existsSync('/proc/self/status') ? undefined : 'no /proc on this system';
}

export async function measureServerMemory(server: string, text: string): Promise<ServerMemory> {
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', chunk => { stderr += String(chunk); });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    const uri = 'file://' + path.resolve('national.plan');
    // Each publication for the plan, in order (a server before issue 19 sends no version: any next one counts).
    const waiting: ((count: number) => void)[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, p => { if (p.uri === uri) waiting.shift()?.(p.diagnostics.length); });
    const nextPublication = () => new Promise<number>(resolve => { waiting.push(resolve); });
    const published = nextPublication();
    try {
        await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
        await connection.sendNotification(InitializedNotification.type, {});
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plan', version: 1, text } });
        const findings = await published;
        await connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
        const opened = { peakRssMb: statusMb(child.pid!, 'VmHWM'), heldRssMb: statusMb(child.pid!, 'VmRSS'), findings };
        // Figures typed over a households cell spread through the plan, one at a time.
        const cells = [...text.matchAll(/^ {8}\d{4}: +(?=\d)/gm)].map(m => m.index + m[0].length);
        const lineStarts = [0, ...[...text.matchAll(/\n/g)].map(m => m.index + 1)];
        const positionAt = (offset: number) => {
            let low = 0, high = lineStarts.length - 1;
            while (low < high) { const mid = (low + high + 1) >> 1; if (lineStarts[mid] <= offset) low = mid; else high = mid - 1; }
            return { line: low, character: offset - lineStarts[low] };
        };
        for (let i = 0; i < TYPED && cells.length > 0; i++) {
            const at = positionAt(cells[Math.floor((i + 0.5) * cells.length / TYPED)]);
            const next = nextPublication();
            await connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: at, end: { ...at, character: at.character + 1 } }, text: String((i % 9) + 1) }]
            });
            await next;
        }
        const memory = { ...opened, typed: { peakRssMb: statusMb(child.pid!, 'VmHWM'), heldRssMb: statusMb(child.pid!, 'VmRSS') } };
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        return memory;
    } catch (error) {
        throw new Error(`the server failed: ${String(error)}\n${stderr}`);
    } finally {
        connection.dispose();
        child.kill();
    }
}
