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
import {
    DefaultServiceRegistry, URI, UriUtils,
    type LangiumCoreServices, type LangiumDocuments, type LangiumSharedCoreServices
} from 'langium';
import { DefaultDocumentUpdateHandler, type FileOperationHandler, type LangiumSharedServices } from 'langium/lsp';
import type { DeleteFilesParams, FileOperationOptions, RenameFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanFileSystemProvider } from '../language/file-system.js';

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
