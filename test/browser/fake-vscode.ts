// A stand-in for the parts of the `vscode` API the preview host uses, so that the panel manager,
// the message checks and the export flow run in Node (no editor can be downloaded here). Uris are
// vscode-uri's, the same implementation VS Code uses; the file system is in memory; dialogs answer
// what the test tells them to.
import { URI, Utils } from 'vscode-uri';

export class EventEmitter<T> {
    private readonly listeners = new Set<(e: T) => void>();
    event = (listener: (e: T) => void) => {
        this.listeners.add(listener);
        return { dispose: () => this.listeners.delete(listener) };
    };
    fire(e: T): void {
        for (const l of [...this.listeners]) l(e);
    }
    dispose(): void {
        this.listeners.clear();
    }
}

export const Uri = Object.assign(URI, { joinPath: Utils.joinPath });

export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 } as const;
export const TextEditorRevealType = { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 } as const;

export class Position {
    constructor(readonly line: number, readonly character: number) {}
}
export class Range {
    constructor(readonly start: Position, readonly end: Position) {}
}

export class TextEdit {
    constructor(readonly range: Range, readonly newText: string) {}
}

export class WorkspaceEdit {
    readonly entries = new Map<string, TextEdit[]>();
    set(uri: URI, edits: TextEdit[]): void {
        this.entries.set(uri.toString(), edits);
    }
}

/** Paste edit kinds as VS Code builds them: dotted values, `Text.append('plan', 'table')` → text.plan.table. */
export class DocumentDropOrPasteEditKind {
    static readonly Empty = new DocumentDropOrPasteEditKind('');
    static readonly Text = new DocumentDropOrPasteEditKind('text');
    constructor(readonly value: string) {}
    append(...parts: string[]): DocumentDropOrPasteEditKind {
        return new DocumentDropOrPasteEditKind([this.value, ...parts].filter(Boolean).join('.'));
    }
}

export class DocumentPasteEdit {
    additionalEdit?: WorkspaceEdit;
    yieldTo?: DocumentDropOrPasteEditKind[];
    constructor(readonly insertText: string, readonly title: string, readonly kind: DocumentDropOrPasteEditKind) {}
}

export class FakeWebview {
    html = '';
    options: Record<string, unknown> = {};
    readonly cspSource = 'https://fake.vscode-cdn.net';
    readonly posted: unknown[] = [];
    private readonly received = new EventEmitter<unknown>();
    onDidReceiveMessage = this.received.event;
    asWebviewUri(uri: URI): URI {
        return URI.parse(`https://fake.vscode-cdn.net${uri.path}`);
    }
    postMessage(message: unknown): Promise<boolean> {
        this.posted.push(structuredClone(message));
        return Promise.resolve(true);
    }
    /** The page posts a message to the host. */
    receive(message: unknown): void {
        this.received.fire(message);
    }
}

export class FakePanel {
    readonly webview = new FakeWebview();
    iconPath: unknown;
    active = true;
    visible = true;
    disposed = false;
    readonly reveals: [unknown, unknown][] = [];
    private readonly disposeEmitter = new EventEmitter<void>();
    private readonly stateEmitter = new EventEmitter<{ webviewPanel: FakePanel }>();
    onDidDispose = this.disposeEmitter.event;
    onDidChangeViewState = this.stateEmitter.event;
    constructor(readonly viewType: string, public title: string, public viewColumn: number | undefined, readonly createOptions: unknown) {}
    reveal(column?: number, preserveFocus?: boolean): void {
        this.reveals.push([column, preserveFocus]);
    }
    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.disposeEmitter.fire();
    }
    setViewState(active: boolean, visible = true): void {
        this.active = active;
        this.visible = visible;
        this.stateEmitter.fire({ webviewPanel: this });
    }
}

export interface FakeDocument {
    uri: URI;
    languageId: string;
    lineCount: number;
    lineAt(line: number): { text: string };
}

export function fakeDocument(uri: URI, text: string, languageId = 'plan'): FakeDocument {
    const lines = text.split('\n');
    return { uri, languageId, lineCount: lines.length, lineAt: (l: number) => ({ text: lines[l] }) };
}

class FileNotFound extends Error {}

/** Everything a test sets up and reads back. */
export const fake = {
    panels: [] as FakePanel[],
    documents: new Map<string, FakeDocument>(),
    files: new Map<string, Uint8Array>(),
    shown: [] as { uri: string; options: { viewColumn?: number; selection?: Range } }[],
    revealedRanges: [] as Range[],
    messages: [] as { kind: 'info' | 'warning' | 'error'; text: string; modal: boolean; buttons?: string[] }[],
    /** The button a (non-modal) information message is answered with, once the test says so. */
    infoAnswer: undefined as string | undefined,
    /** Commands run through commands.executeCommand, and uris opened outside the editor. */
    executed: [] as { command: string; args: unknown[] }[],
    openedExternally: [] as string[],
    /** What each input box was shown with, and what the test answers it. */
    inputBoxes: [] as { title?: string; value?: string; validateInput?: (v: string) => unknown }[],
    inputBox: async (_o: { title?: string; value?: string; validateInput?: (v: string) => unknown }): Promise<string | undefined> => undefined,
    contexts: new Map<string, unknown>(),
    saveDialog: async (_o: unknown): Promise<URI | undefined> => undefined,
    openDialog: async (_o: unknown): Promise<URI[] | undefined> => undefined,
    quickPick: async <T>(_items: T[], _o: unknown): Promise<T[] | undefined> => undefined,
    /** The button a modal warning answers with (undefined: cancelled). */
    warningAnswer: undefined as string | undefined,
    failRename: false,
    /** A write or rename to a path this answers true for fails ("disk full"). */
    failWriteTo: undefined as ((path: string) => boolean) | undefined,
    failRenameTo: undefined as ((path: string) => boolean) | undefined,
    activeEditorEmitter: new EventEmitter<unknown>(),
    /** Paste edit providers registered, and the edits workspace.applyEdit was given (answered `applyAnswer`). */
    pasteProviders: [] as { selector: unknown; provider: unknown; metadata: unknown }[],
    appliedEdits: [] as WorkspaceEdit[],
    applyAnswer: true,
    statusMessages: [] as string[],
    changeEmitter: new EventEmitter<unknown>(),
    activeTextEditor: undefined as { document: FakeDocument; viewColumn?: number } | undefined,
    visibleTextEditors: [] as { document: FakeDocument; viewColumn?: number }[],
    reset(): void {
        this.panels.length = 0;
        this.documents.clear();
        this.files.clear();
        this.shown.length = 0;
        this.revealedRanges.length = 0;
        this.messages.length = 0;
        this.contexts.clear();
        this.saveDialog = async () => undefined;
        this.openDialog = async () => undefined;
        this.quickPick = async () => undefined;
        this.warningAnswer = undefined;
        this.infoAnswer = undefined;
        this.executed.length = 0;
        this.openedExternally.length = 0;
        this.inputBoxes.length = 0;
        this.inputBox = async () => undefined;
        this.failRename = false;
        this.failWriteTo = undefined;
        this.failRenameTo = undefined;
        this.activeTextEditor = undefined;
        this.visibleTextEditors = [];
        this.pasteProviders.length = 0;
        this.appliedEdits.length = 0;
        this.applyAnswer = true;
        this.statusMessages.length = 0;
    }
};

const message = (kind: 'info' | 'warning' | 'error') => async (text: string, ...rest: unknown[]) => {
    const modal = typeof rest[0] === 'object' && rest[0] !== null && (rest[0] as { modal?: boolean }).modal === true;
    const buttons = rest.filter((r): r is string => typeof r === 'string');
    fake.messages.push(buttons.length > 0 && !modal ? { kind, text, modal, buttons } : { kind, text, modal });
    if (kind === 'warning' && modal) return fake.warningAnswer;
    return kind === 'info' ? fake.infoAnswer : undefined;
};

export const window = {
    createWebviewPanel(viewType: string, title: string, show: { viewColumn?: number } | number, options: unknown): FakePanel {
        const panel = new FakePanel(viewType, title, typeof show === 'number' ? show : show.viewColumn, options);
        fake.panels.push(panel);
        return panel;
    },
    get activeTextEditor() { return fake.activeTextEditor; },
    get visibleTextEditors() { return fake.visibleTextEditors; },
    onDidChangeActiveTextEditor: fake.activeEditorEmitter.event,
    async showTextDocument(document: FakeDocument, options: { viewColumn?: number; selection?: Range }) {
        fake.shown.push({ uri: document.uri.toString(), options });
        return { document, revealRange: (r: Range) => fake.revealedRanges.push(r) };
    },
    showSaveDialog: (o: unknown) => fake.saveDialog(o),
    showOpenDialog: (o: unknown) => fake.openDialog(o),
    showQuickPick: <T>(items: T[], o: unknown) => fake.quickPick(items, o),
    showInputBox: (o: { title?: string; value?: string; validateInput?: (v: string) => unknown }) => { fake.inputBoxes.push(o); return fake.inputBox(o); },
    showInformationMessage: message('info'),
    showWarningMessage: message('warning'),
    showErrorMessage: message('error'),
    setStatusBarMessage(text: string) { fake.statusMessages.push(text); return { dispose() {} }; },
    registerWebviewPanelSerializer: () => ({ dispose() {} })
};

export const workspace = {
    async openTextDocument(uri: URI): Promise<FakeDocument> {
        const d = fake.documents.get(uri.toString());
        if (d) return d;
        const data = fake.files.get(uri.toString());
        if (!data) throw new Error(`no document ${uri.toString()}`);
        return fakeDocument(uri, new TextDecoder().decode(data));
    },
    workspaceFolders: undefined,
    onDidChangeTextDocument: fake.changeEmitter.event,
    async applyEdit(edit: WorkspaceEdit): Promise<boolean> {
        fake.appliedEdits.push(edit);
        return fake.applyAnswer;
    },
    fs: {
        async readFile(uri: URI): Promise<Uint8Array> {
            const data = fake.files.get(uri.toString());
            if (!data) throw new FileNotFound(uri.toString());
            return data;
        },
        async readDirectory(folder: URI): Promise<[string, number][]> {
            const prefix = folder.toString().replace(/\/?$/, '/');
            return [...fake.files.keys()].filter(k => k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).map(k => [decodeURIComponent(k.slice(prefix.length)), 1]);
        },
        async stat(uri: URI) {
            if (!fake.files.has(uri.toString())) throw new FileNotFound(uri.toString());
            return { type: 1, size: fake.files.get(uri.toString())!.length };
        },
        async writeFile(uri: URI, data: Uint8Array) {
            if (fake.failWriteTo?.(uri.path)) throw new Error('disk full');
            fake.files.set(uri.toString(), data);
        },
        async rename(from: URI, to: URI, options?: { overwrite?: boolean }) {
            if (fake.failRename || fake.failRenameTo?.(to.path)) throw new Error('disk full');
            if (fake.files.has(to.toString()) && !options?.overwrite) throw new Error('exists');
            const data = fake.files.get(from.toString());
            if (!data) throw new FileNotFound(from.toString());
            fake.files.delete(from.toString());
            fake.files.set(to.toString(), data);
        },
        async delete(uri: URI) {
            fake.files.delete(uri.toString());
        }
    }
};

export const languages = {
    registerDocumentPasteEditProvider(selector: unknown, provider: unknown, metadata: unknown) {
        fake.pasteProviders.push({ selector, provider, metadata });
        return { dispose() {} };
    }
};

export const commands = {
    async executeCommand(command: string, ...args: unknown[]) {
        if (command === 'setContext') fake.contexts.set(args[0] as string, args[1]);
        else fake.executed.push({ command, args });
    }
};

export const UIKind = { Desktop: 1, Web: 2 } as const;

export const env = {
    language: 'vi',
    uiKind: UIKind.Desktop as number,
    remoteName: undefined as string | undefined,
    async openExternal(uri: URI) { fake.openedExternally.push(uri.toString()); return true; }
};

export const l10n = {
    /** As VS Code without a translation: the message itself, its {0}… filled. */
    t(message: string, ...args: unknown[]): string {
        return message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
    }
};
