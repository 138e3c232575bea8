// The workspace's start-up and an editor's first requests: a request for an open plan (semantic
// tokens, folding) creates its document while the workspace is still reading the same file. Langium's
// getOrCreateDocument then failed with "already present" and ended the start-up: nothing was ever
// checked in that session (seen in code-server when a plan was opened as the server started).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentState, URI } from 'langium';
import { afterAll, expect, test } from 'vitest';
import { PlanFileSystemProvider } from '../../language-server/src/language/file-system.js';
import { createPlanServices } from '../../language-server/src/plan-module.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-startup-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Reads files only once the test opens the gate: the window in which an editor's request comes. */
class GatedFileSystem extends PlanFileSystemProvider {
    private open!: () => void;
    readonly gate = new Promise<void>(resolve => { this.open = resolve; });
    reading = 0;
    release(): void { this.open(); }
    override async readFile(uri: URI): Promise<string> {
        this.reading++;
        await this.gate;
        return super.readFile(uri);
    }
}

test('a document created by a request while the workspace reads its file: the start-up goes on with it, and builds it', async () => {
    const file = path.join(folder, 'ke-hoach.plan');
    const text = 'plan p "P"\nnumber-style vi\n';
    fs.writeFileSync(file, text);
    const files = new GatedFileSystem();
    const { shared } = createPlanServices({ fileSystemProvider: () => files });
    const uri = URI.file(file);
    const startup = shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(folder).toString(), name: 'ws' }]);
    for (let i = 0; i < 100 && files.reading === 0; i++) await new Promise(r => setTimeout(r, 10));
    expect(files.reading, 'the workspace reads the plan').toBe(1);
    // the editor's request, meanwhile: the document of the open plan, from the editor's text
    const created = shared.workspace.LangiumDocuments.createDocument(uri, text);
    files.release();
    await startup;
    expect(shared.workspace.LangiumDocuments.getDocument(uri)).toBe(created);
    // built with the workspace (the editor's edits validate it from then on)
    expect(created.state).toBeGreaterThanOrEqual(DocumentState.Linked);
});
