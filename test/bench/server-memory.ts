// The memory of the language server as an editor uses it: the built server (extension/out/server.cjs)
// over stdio, a plan opened, its findings published and its semantic tokens asked for. Read from the
// server process's /proc status: VmHWM (peak resident set) and VmRSS (what it still holds).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    createProtocolConnection, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest,
    PublishDiagnosticsNotification, SemanticTokensRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter
} from 'vscode-languageserver-protocol/node.js';

export interface ServerMemory { peakRssMb: number; heldRssMb: number; findings: number }

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
    const published = new Promise<number>(resolve => {
        connection.onNotification(PublishDiagnosticsNotification.type, p => { if (p.uri === uri) resolve(p.diagnostics.length); });
    });
    try {
        await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
        await connection.sendNotification(InitializedNotification.type, {});
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plan', version: 1, text } });
        const findings = await published;
        await connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
        const memory = { peakRssMb: statusMb(child.pid!, 'VmHWM'), heldRssMb: statusMb(child.pid!, 'VmRSS'), findings };
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
