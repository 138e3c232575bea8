// The editor features of the plan language, plugged into Langium's LSP services (see PlanModule).
import type { LangiumServices, LangiumSharedServices, PartialLangiumLSPServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { PlanServices } from '../plan-module.js';
import { PlanCodeActionProvider } from './code-actions.js';
import { PlanCompletionProvider } from './completion.js';
import { PlanDocumentationProvider } from './describe.js';
import { AccentFoldingFuzzyMatcher } from './fold.js';
import { PlanFormatter } from './formatter.js';
import { PlanHoverProvider } from './hover.js';
import { PlanInlayHintProvider } from './inlay-hints.js';
import { PlanNodeKindProvider } from './kinds.js';
import { PlanDocumentSymbolProvider, PlanFoldingRangeProvider, PlanRenameProvider } from './navigation.js';
import { PlanSemanticTokenProvider } from './semantic-tokens.js';
import { PlanWorkspaceSymbolProvider } from './workspace-symbols.js';

type Services = PlanServices & LangiumServices;

export const planLspServices = {
    CompletionProvider: (services: Services) => new PlanCompletionProvider(services),
    HoverProvider: (services: Services) => new PlanHoverProvider(services),
    Formatter: (services: Services) => new PlanFormatter(services),
    CodeActionProvider: (services: Services) => new PlanCodeActionProvider(services),
    InlayHintProvider: (services: Services) => new PlanInlayHintProvider(services),
    RenameProvider: (services: Services) => new PlanRenameProvider(services),
    DocumentSymbolProvider: (services: Services) => new PlanDocumentSymbolProvider(services),
    FoldingRangeProvider: (services: Services) => new PlanFoldingRangeProvider(services),
    SemanticTokenProvider: (services: Services) => new PlanSemanticTokenProvider(services)
} satisfies { [K in keyof PartialLangiumLSPServices['lsp']]?: (services: Services) => unknown };

/** What a declaration says about itself, for completion and hover alike. */
export const planDocumentationServices = {
    DocumentationProvider: (services: Services) => new PlanDocumentationProvider(services)
};

/** Shared by every feature that shows or finds declarations: one kind table, accent-folding matching. */
export const planSharedLspServices = {
    NodeKindProvider: () => new PlanNodeKindProvider(),
    FuzzyMatcher: () => new AccentFoldingFuzzyMatcher(),
    WorkspaceSymbolProvider: (services: LangiumSharedServices) => new PlanWorkspaceSymbolProvider(services)
} satisfies { [K in keyof NonNullable<PartialLangiumSharedServices['lsp']>]?: (services: LangiumSharedServices) => unknown };
