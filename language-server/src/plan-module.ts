// Dependency injection: the plan language's services on top of Langium's defaults.
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { PlanGeneratedModule, PlanGeneratedSharedModule } from './generated/module.js';
import { PlanDocumentBuilder, PlanDocumentUpdateHandler, PlanFileOperationHandler, PlanServiceRegistry } from './lsp/document-lifecycle.js';
import { PlanLanguageServer } from './lsp/language-server.js';
import { planDocumentationServices, planLspServices, planSharedLspServices } from './lsp/module.js';
import { PlanModelService } from './model/service.js';
import { PlanLinker } from './language/linker.js';
import { PlanValueConverter } from './language/value-converter.js';
import { PlanAstNodeDescriptionProvider, PlanReferenceDescriptionProvider } from './language/compact-links.js';
import { PlanScopeComputation, PlanScopeProvider } from './language/scope.js';
import { PlanSettings } from './language/settings.js';
import { PlanConfigurationProvider, PlanSettingsService, PlanWorkspaceManager } from './lsp/settings.js';
import { PlanLexer } from './language/lexer.js';
import { createPlanParser } from './language/parser.js';
import { PlanTokenBuilder } from './language/token-builder.js';
import { PlanDocumentValidator, registerValidationChecks } from './validation/validator.js';
import { PlanExecuteCommandHandler, PlanImportService } from './import/editor.js';

export type PlanAddedServices = {
    plan: {
        Settings: PlanSettings;
        /** Reads the client's "plan" settings into Settings (created with the server, before initialize). */
        SettingsService: PlanSettingsService;
        Models: PlanModelService;
        /** Tables and plans from office files and the clipboard, for the editor (import/editor.ts). */
        Import: PlanImportService;
    };
};

export type PlanServices = LangiumServices & PlanAddedServices;

export const PlanModule: Module<PlanServices, PartialLangiumServices & PlanAddedServices> = {
    plan: {
        Settings: () => new PlanSettings(),
        SettingsService: services => new PlanSettingsService(services),
        Models: services => new PlanModelService(services.shared),
        Import: services => new PlanImportService(services)
    },
    parser: {
        TokenBuilder: () => new PlanTokenBuilder(),
        Lexer: services => new PlanLexer(services),
        LangiumParser: services => createPlanParser(services),
        ValueConverter: () => new PlanValueConverter()
    },
    references: {
        ScopeComputation: services => new PlanScopeComputation(services),
        ScopeProvider: services => new PlanScopeProvider(services),
        Linker: services => new PlanLinker(services)
    },
    workspace: {
        AstNodeDescriptionProvider: services => new PlanAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new PlanReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new PlanDocumentValidator(services)
    },
    documentation: planDocumentationServices,
    lsp: planLspServices
};

/**
 * Settings the standard LSP way: the "plan" section read before the workspace is built. Documents that
 * are closed, renamed or deleted leave the workspace with their findings (lsp/document-lifecycle.ts).
 */
export const PlanSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    ServiceRegistry: services => new PlanServiceRegistry(services),
    workspace: {
        ConfigurationProvider: services => new PlanConfigurationProvider(services),
        // An edit inside a table's year line is patched in, not parsed and linked again (language/cell-edit.ts);
        // builds that a newer change makes stale stop (lsp/document-lifecycle.ts).
        DocumentBuilder: services => new PlanDocumentBuilder(services),
        WorkspaceManager: services => new PlanWorkspaceManager(services)
    },
    lsp: {
        // Advertises the code action kinds (quick fixes and source.fixAll).
        LanguageServer: services => new PlanLanguageServer(services),
        DocumentUpdateHandler: services => new PlanDocumentUpdateHandler(services),
        FileOperationHandler: services => new PlanFileOperationHandler(services),
        // plan.importTable and plan.importPlan for every LSP client (workspace/executeCommand).
        ExecuteCommandHandler: services => new PlanExecuteCommandHandler(() => planServicesOf(services).plan.Import)
    }
};

export function createPlanServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Plan: PlanServices } {
    const shared = inject(createDefaultSharedModule(context), PlanGeneratedSharedModule, PlanSharedModule, { lsp: planSharedLspServices });
    const Plan = inject(createDefaultModule({ shared }), PlanGeneratedModule, PlanModule);
    shared.ServiceRegistry.register(Plan);
    registerValidationChecks(Plan);
    if (!context.connection) {
        // Outside a language server (CLI, tests) the configuration is never read from a client.
        void shared.workspace.ConfigurationProvider.initialized({});
    } else {
        void Plan.plan.SettingsService; // created now, so that it hears initialize
        void Plan.plan.Import;          // the same: it keeps the client's capabilities
    }
    return { shared, Plan };
}

/** The plan language's services among the shared ones (the only language this server has). */
function planServicesOf(shared: LangiumSharedServices): PlanServices {
    return shared.ServiceRegistry.all.find(s => s.LanguageMetaData.languageId === 'plan') as PlanServices;
}
