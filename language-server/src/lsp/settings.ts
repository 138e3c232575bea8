// Settings that change what the server reports: the message language and rule options, read the
// standard LSP way through Langium's ConfigurationProvider (section "plan"), with the client's
// initializationOptions and display language underneath.
import {
    DefaultConfigurationProvider, DefaultWorkspaceManager,
    type ConfigurationInitializedParams, type ConfigurationProvider, type LangiumDocument, type LangiumSharedCoreServices, type Stream, type URI
} from 'langium';
import type { ConfigurationItem, DidChangeConfigurationParams, InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import type { PlanServices } from '../plan-module.js';
import { PlanFileSystemProvider } from '../language/file-system.js';
import { SETTING_KEYS, SETTINGS_SECTION, type PlanInitializationOptions } from '../../../common/protocol.js';
import type { Locale } from '../../../common/locale.js';
import { DEFAULT_OPTIONS, mergeOptions, toLocale, type CheckOptions } from '../language/settings.js';

/** The effective settings: what the client's "plan" section says over the base from initialize. */
export interface ResolvedSettings {
    locale: Locale;
    options: CheckOptions;
    inlayHints: boolean;
}

/** The base under the settings section: initializationOptions, else the editor's display language. */
export function baseSettings(params: Pick<InitializeParams, 'locale' | 'initializationOptions'> | undefined): ResolvedSettings {
    const init = params?.initializationOptions as PlanInitializationOptions | undefined;
    const display = displayLocale(params?.locale);
    return { locale: toLocale(init?.locale, display), options: mergeOptions(DEFAULT_OPTIONS, init?.options), inlayHints: true };
}

/**
 * The editor's display language as "auto" means it (as the extension's resolveLocale): Vietnamese
 * for vi*, English for any other language; Vietnamese, the plans' language, when the editor says none.
 */
export function displayLocale(value: string | undefined): Locale {
    if (!value) return 'vi';
    return value.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/**
 * The settings after a client's "plan" section. Computed from the base every time, so a setting the
 * user removes falls back to its default; a value of the wrong type or range keeps the base's.
 */
export function resolveSettings(base: ResolvedSettings, section: unknown): ResolvedSettings {
    const language = readSetting(section, SETTING_KEYS.language);
    const inlayHints = readSetting(section, SETTING_KEYS.inlayHints) ?? readSetting(section, 'inlayHints');
    return {
        locale: language === 'auto' || typeof language !== 'string' ? base.locale : toLocale(language, base.locale),
        options: mergeOptions(base.options, {
            rateTolerance: readSetting(section, SETTING_KEYS.rateTolerance),
            aboutTolerance: readSetting(section, SETTING_KEYS.aboutTolerance)
        }),
        inlayHints: typeof inlayHints === 'boolean' ? inlayHints : base.inlayHints
    };
}

/** A setting by dotted key, nested (`{ validation: { rateTolerance } }`) or flat (`{ "validation.rateTolerance" }`). */
export function readSetting(section: unknown, key: string): unknown {
    if (!section || typeof section !== 'object') return undefined;
    const record = section as Record<string, unknown>;
    if (key in record) return record[key];
    const dot = key.indexOf('.');
    return dot < 0 ? undefined : readSetting(record[key.slice(0, dot)], key.slice(dot + 1));
}

/**
 * Langium's provider, with two differences. The section fetched at start is announced like a change,
 * so listeners need not read it separately. A didChangeConfiguration without the section
 * (`settings: null`, the pull model's "something changed") fetches it again when the client can answer.
 */
export class PlanConfigurationProvider extends DefaultConfigurationProvider {
    private fetch?: (items: ConfigurationItem[]) => Promise<unknown>;

    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        if (this.workspaceConfig) this.fetch = params.fetchConfiguration;
        try {
            await super.initialized(params);
        } catch (error) {
            // A client that fails workspace/configuration keeps the base settings, and the workspace,
            // which waits for this, still starts.
            console.error('Reading the "plan" settings failed:', error);
            this._ready.resolve();
        }
    }

    override updateConfiguration(change: DidChangeConfigurationParams): void {
        const settings = change.settings as Record<string, unknown> | null | undefined;
        if (settings && typeof settings === 'object' && SETTINGS_SECTION in settings) {
            // Not super's: it would announce each section a second time.
            for (const [section, configuration] of Object.entries(settings)) this.updateSectionConfiguration(section, configuration);
        } else if (this.fetch) {
            const items = [{ section: SETTINGS_SECTION }];
            this.fetch(items)
                .then(configs => this.updateSectionConfiguration(SETTINGS_SECTION, (configs as unknown[] | null)?.[0]))
                .catch(error => console.error('Reading the "plan" settings failed:', error));
        }
    }

    protected override updateSectionConfiguration(section: string, configuration: unknown): void {
        super.updateSectionConfiguration(section, configuration);
        this.onConfigurationSectionUpdateEmitter.fire({ section, configuration });
    }
}

/** Builds the workspace once the settings are read, so the first diagnostics are in the user's language. */
export class PlanWorkspaceManager extends DefaultWorkspaceManager {
    private readonly configuration: ConfigurationProvider;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.configuration = services.workspace.ConfigurationProvider;
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        await this.configuration.ready;
        return super.performStartup(folders);
    }

    /** Leaves out plan files that cannot be read to their end or are over the size limit (see PlanFileSystemProvider). */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const files = this.fileSystemProvider;
        const readable = files instanceof PlanFileSystemProvider ? uris.filter(uri => files.readable(uri)) : uris;
        await Promise.all(readable.map(async uri => collector(await this.documentOf(uri))));
    }

    /**
     * The workspace's document of a file. An editor's request for an open plan (semantic tokens,
     * folding) may create its document while the file is still being read here, and Langium's
     * getOrCreateDocument then fails with "already present", which ended the whole start-up: no plan
     * was ever checked in that session. The document created first is taken.
     */
    private async documentOf(uri: URI): Promise<LangiumDocument> {
        try {
            return await this.langiumDocuments.getOrCreateDocument(uri);
        } catch (error) {
            const present = this.langiumDocuments.getDocument(uri);
            if (present) return present;
            throw error;
        }
    }
}

/**
 * Keeps plan.Settings in step with the client: the base from initialize, then every "plan" section
 * the ConfigurationProvider announces (read at start or changed). Revalidates every document when the
 * language or a tolerance changed (messages are made while linking and validating); asks the client
 * to fetch inlay hints again when only they changed.
 */
export class PlanSettingsService {
    private base: ResolvedSettings = baseSettings(undefined);
    private section: unknown;
    private appliedInlayHints = true;
    private inlayHintRefresh = false;

    constructor(private readonly services: PlanServices) {
        const shared = services.shared;
        shared.lsp.LanguageServer.onInitialize(params => {
            this.base = baseSettings(params);
            this.inlayHintRefresh = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
            this.apply(this.section);
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === SETTINGS_SECTION) this.apply(update.configuration);
        });
    }

    private apply(section: unknown): void {
        this.section = section;
        const settings = this.services.plan.Settings;
        const next = resolveSettings(this.base, section);
        const findingsChange = next.locale !== settings.locale
            || next.options.rateTolerance !== settings.options.rateTolerance
            || next.options.aboutRelativeTolerance !== settings.options.aboutRelativeTolerance;
        const hintsChange = next.inlayHints !== this.appliedInlayHints;
        settings.locale = next.locale;
        settings.options = next.options;
        settings.inlayHints = this.appliedInlayHints = next.inlayHints;
        // Hints carry numbers and words in the message language: fetched again after either change.
        if (findingsChange) void this.revalidate().then(() => this.refreshInlayHints());
        else if (hintsChange) this.refreshInlayHints();
    }

    private refreshInlayHints(): void {
        // A client may claim refresh support and still answer "unhandled method" (code-server does):
        // the hints are then fetched again on the next edit; the refusal must not end the server.
        if (this.inlayHintRefresh) this.services.shared.lsp.Connection?.languages.inlayHint.refresh().catch(() => undefined);
    }

    private async revalidate(): Promise<void> {
        const shared = this.services.shared;
        const documents = shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray();
        if (documents.length === 0) return; // at start: the workspace is built after the settings are read
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(documents, [], token));
    }
}
