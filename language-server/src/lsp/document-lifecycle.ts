// What happens to a plan when the editor closes, renames or deletes it. Langium keeps every document
// it has seen: a closed "Untitled-1" (the template before it was saved under a name) stayed in the
// workspace with its last findings in the Problems panel for the whole session, and, having neither a
// file on disk nor an editor behind it any more, made every later build fail ("no services for the
// extension ''"): no finding was updated after that, not even on a change of language.
//   - A closed document that is not a readable file (untitled, unsaved, renamed or deleted since) leaves
//     the workspace; Langium then publishes empty diagnostics for it.
//   - A closed file whose editor text differed from the disk (changes discarded) is read again.
//   - workspace/didRenameFiles and workspace/didDeleteFiles do the same for clients without file
//     watchers (VS Code also watches files; whichever comes first does the work, the other finds it done).
//
// While the user types (see PlanDocumentBuilder): a change marks its document changed at once, so a
// request asked right after it waits for the new text's build instead of answering from the old tree;
// a build that a newer change makes stale stops before it parses, between validation rules, and
// before any phase of it counts as done; diagnostics go out with the version of the text they were
// computed on, and never for a text the editor has already replaced.
import {
    Cancellation, DefaultServiceRegistry, DocumentState, URI, UriUtils, interruptAndCheck,
    type AstNode, type BuildOptions, type LangiumCoreServices, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices
} from 'langium';
import { DefaultDocumentUpdateHandler, type FileOperationHandler, type LangiumSharedServices } from 'langium/lsp';
import {
    LSPErrorCodes, ResponseError,
    type DeleteFilesParams, type FileOperationOptions, type FileSystemWatcher, type PublishDiagnosticsParams, type RenameFilesParams, type TextDocumentChangeEvent
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanFileSystemProvider } from '../language/file-system.js';
import { PatchingDocumentBuilder } from '../language/document-builder.js';

/** The documents of a client's file operation that concern plans: .plan files, and folders (they may hold some). */
const PLAN_FILE_OPERATIONS = {
    filters: [
        { scheme: 'file', pattern: { glob: '**/*.plan', matches: 'file' as const, options: { ignoreCase: true } } },
        { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' as const } }
    ]
};

export class PlanDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly documents: LangiumDocuments;
    private readonly files: LangiumSharedCoreServices['workspace']['FileSystemProvider'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.files = services.workspace.FileSystemProvider;
        const builder = services.workspace.DocumentBuilder;
        if (builder instanceof PlanDocumentBuilder) publishWithVersions(services, builder);
    }

    /**
     * The plan files the client is to report changes of (workspace/didChangeWatchedFiles, registered
     * when the client can): a plan that is not open but that open plans are `part-of` (or that names
     * what they use) is read again when it changes on disk, so cross-file findings do not go stale.
     * Langium watches every file of the workspace (every path): a build started for each of them.
     */
    protected override getWatchers(): FileSystemWatcher[] {
        return [{ globPattern: '**/*.plan' }];
    }

    /**
     * The document counts as changed from this moment, not from when its queued build starts: a
     * hover or completion asked right after the keystroke then waits for the new text's tree.
     */
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const builder = this.documentBuilder;
        if (builder instanceof PlanDocumentBuilder) builder.markChanged(URI.parse(change.document.uri));
        super.didChangeContent(change);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.documents.hasDocument(uri)) return;
        if (!this.onDisk(uri)) {
            this.fireDocumentUpdate([], [uri]);
            return;
        }
        // The editor's text was the document's; the disk's is now. Read again only when they differ.
        void this.files.readFile(uri).then(
            text => { if (text !== event.document.getText()) this.fireDocumentUpdate([uri], []); },
            () => this.fireDocumentUpdate([], [uri])
        );
    }

    /** A regular file the server may read (within the size limit): what the workspace would load. */
    private onDisk(uri: URI): boolean {
        if (uri.scheme !== 'file') return false;
        return this.files instanceof PlanFileSystemProvider ? this.files.readable(uri) : true;
    }

    /** Renamed: the old names leave, the new ones come in (unless the watcher got there first). */
    didRenameFiles(params: RenameFilesParams): void {
        const olds = params.files.map(f => URI.parse(f.oldUri)).filter(uri => this.known(uri));
        const news = params.files.map(f => URI.parse(f.newUri)).filter(uri => !this.documents.hasDocument(uri) && this.isPlanOrFolder(uri));
        if (olds.length > 0 || news.length > 0) this.fireDocumentUpdate(news, olds);
    }

    didDeleteFiles(params: DeleteFilesParams): void {
        const gone = params.files.map(f => URI.parse(f.uri)).filter(uri => this.known(uri));
        if (gone.length > 0) this.fireDocumentUpdate([], gone);
    }

    /** A document of the workspace, or a folder holding some. */
    private known(uri: URI): boolean {
        if (this.documents.hasDocument(uri)) return true;
        const folder = uri.toString().replace(/\/?$/, '/');
        return this.documents.all.some(d => d.uri.toString().startsWith(folder));
    }

    private isPlanOrFolder(uri: URI): boolean {
        const ext = UriUtils.extname(uri).toLowerCase();
        return ext === '.plan' || ext === '';
    }
}

/** The file operations the server is told about (see PlanDocumentUpdateHandler). */
export class PlanFileOperationHandler implements FileOperationHandler {
    readonly fileOperationOptions: FileOperationOptions = { didRename: PLAN_FILE_OPERATIONS, didDelete: PLAN_FILE_OPERATIONS };

    constructor(private readonly services: LangiumSharedServices) {}

    private get handler(): PlanDocumentUpdateHandler | undefined {
        const h = this.services.lsp.DocumentUpdateHandler;
        return h instanceof PlanDocumentUpdateHandler ? h : undefined;
    }

    didRenameFiles(params: RenameFilesParams): void {
        this.handler?.didRenameFiles(params);
    }

    didDeleteFiles(params: DeleteFilesParams): void {
        this.handler?.didDeleteFiles(params);
    }
}

/**
 * Langium finds a document's language by its open editor, else by its file extension. A document that
 * is not a file (untitled:, an unsaved buffer) has no extension, and once its editor is closed the
 * lookup threw in the middle of a build. The client sends the server plan documents only, so such a
 * document is a plan. Files keep the extension rule, which also decides what the workspace loads.
 */
export class PlanServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        try {
            return super.getServices(uri);
        } catch (error) {
            const only = this.all.length === 1 ? this.all[0] : undefined;
            if (only && uri.scheme !== 'file') return only;
            throw error;
        }
    }
}

/**
 * How long a build waits, after the state changes of an edit and before it parses, for a newer change
 * that would make it stale (keys typed in a row): a part of the document's last build time, so that
 * a small plan is checked at once and a national one does not parse a text the next key replaces.
 * The wait also lets the messages that came in during the last build be read.
 */
export const SETTLE = { share: 0.05, minMs: 2, maxMs: 60 };

/**
 * Langium's document builder, with builds that stop when a newer change makes them stale:
 *   - a build from an editor change (it has a cancellation token) waits a moment before parsing
 *     (SETTLE) and checks its token, so a key typed right after the last one costs no parse;
 *   - a phase whose work was cancelled while it ran is not marked done (Langium sets the state after
 *     the work whatever happened meanwhile): a stale tree never reaches Linked or Validated;
 *   - the version of the editor's text each document was parsed from, for the diagnostics.
 * The CLI and the tests build without a token: nothing changes for them.
 */
export class PlanDocumentBuilder extends PatchingDocumentBuilder {
    private readonly parsedVersions = new Map<string, number>();
    private readonly buildMs = new Map<string, number>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        // A year-line edit patched in (no parse phase): its tree is of the editor's text as it is now.
        this.onPatched(({ document }) => {
            const uri = document.uri.toString();
            const version = this.editorVersion(uri);
            if (version === undefined) this.parsedVersions.delete(uri); else this.parsedVersions.set(uri, version);
        });
    }

    /** The version of the editor's text the document's tree was parsed from (undefined: not an editor's text). */
    parsedVersion(uri: string): number | undefined {
        return this.parsedVersions.get(uri);
    }

    /** The editor's current version of a document, if it is open. */
    editorVersion(uri: string): number | undefined {
        return this.textDocuments?.get(uri)?.version;
    }

    /**
     * An editor change: the document's tree is of an older text from now on. Its state drops to
     * Changed and so does the workspace's (otherwise a request waiting for Linked would be refused:
     * "the workspace state is already Linked"); the build queued for the change does the clean-up.
     */
    markChanged(uri: URI): void {
        const document = this.langiumDocuments.getDocument(uri);
        if (!document) return;
        if (document.state > DocumentState.Changed) document.state = DocumentState.Changed;
        this.currentState = DocumentState.Changed;
    }

    /**
     * Langium's wait for a document state, for the requests of an editor (they come with their
     * cancellation token): a request asked on a text that a later change has replaced by the time
     * the state is reached is answered "content modified" (the client asks again on its new text),
     * not with an answer computed on a text it was not asked on.
     */
    override waitUntil(state: DocumentState, cancelToken?: Cancellation.CancellationToken): Promise<void>;
    override waitUntil(state: DocumentState, uri?: URI, cancelToken?: Cancellation.CancellationToken): Promise<URI>;
    override waitUntil(state: DocumentState, uriOrToken?: URI | Cancellation.CancellationToken, cancelToken?: Cancellation.CancellationToken): Promise<URI | void> {
        const uri = uriOrToken && 'path' in uriOrToken ? uriOrToken : undefined;
        const waiting = uri ? super.waitUntil(state, uri, cancelToken) : super.waitUntil(state, uriOrToken as Cancellation.CancellationToken | undefined);
        const asked = uri && cancelToken ? this.editorVersion(uri.toString()) : undefined;
        if (!uri || asked === undefined) return waiting;
        return waiting.then(reached => {
            if (this.editorVersion(uri.toString()) !== asked) throw new ResponseError(LSPErrorCodes.ContentModified, `${uri.toString()} changed after version ${asked}`);
            return reached;
        });
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (cancelToken !== Cancellation.CancellationToken.None && documents.some(d => d.state < DocumentState.Parsed)) {
            await settle(this.settleMs(documents), cancelToken);
        }
        const started = performance.now();
        await super.buildDocuments(documents, options, cancelToken);
        const ms = performance.now() - started;
        for (const d of documents) this.buildMs.set(d.uri.toString(), ms);
    }

    private settleMs(documents: LangiumDocument[]): number {
        const last = Math.max(0, ...documents.map(d => this.buildMs.get(d.uri.toString()) ?? 0));
        return Math.min(SETTLE.maxMs, Math.max(SETTLE.minMs, last * SETTLE.share));
    }

    protected override async runCancelable(
        documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => unknown
    ): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, async document => {
            const uri = document.uri.toString();
            // The parser reads the editor's text as it starts, within this same turn of the event loop.
            const version = targetState === DocumentState.Parsed ? this.editorVersion(uri) : undefined;
            await callback(document);
            await interruptAndCheck(cancelToken); // cancelled meanwhile: this phase of a stale text is not done
            if (targetState === DocumentState.Parsed) {
                if (version === undefined) this.parsedVersions.delete(uri); else this.parsedVersions.set(uri, version);
            }
        });
    }

    protected override cleanUpDeleted<T extends AstNode>(document: LangiumDocument<T>): void {
        this.parsedVersions.delete(document.uri.toString());
        this.buildMs.delete(document.uri.toString());
        super.cleanUpDeleted(document);
    }
}

/** Waits `ms` (messages that came meanwhile are read), then stops if a newer change cancelled the build. */
async function settle(ms: number, cancelToken: Cancellation.CancellationToken): Promise<void> {
    await new Promise(resolve => setTimeout(resolve, ms));
    await interruptAndCheck(cancelToken);
}

/**
 * Langium publishes diagnostics without the document's version (its handler is set up inside
 * startLanguageServer). They go out here with the version of the text they were computed on, and
 * not at all when the editor's text is already newer: the build of that text publishes instead, so
 * the last diagnostics a client sees are those of its last text.
 */
function publishWithVersions(services: LangiumSharedServices, builder: PlanDocumentBuilder): void {
    const connection = services.lsp.Connection;
    if (!connection) return;
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
        const parsed = builder.parsedVersion(params.uri);
        const editor = builder.editorVersion(params.uri);
        if (parsed !== undefined && editor !== undefined && parsed < editor) return Promise.resolve();
        return send(params.version === undefined && parsed !== undefined && editor !== undefined ? { ...params, version: parsed } : params);
    };
}
