// The editor features of the plan language, plugged into Langium's LSP services (see PlanModule).
import type { LangiumServices, PartialLangiumLSPServices } from 'langium/lsp';
import type { PlanServices } from '../plan-module.js';
import { PlanCompletionProvider } from './completion.js';
import { PlanFormatter } from './formatter.js';
import { PlanHoverProvider } from './hover.js';

type Services = PlanServices & LangiumServices;

export const planLspServices = {
    CompletionProvider: (services: Services) => new PlanCompletionProvider(services),
    HoverProvider: (services: Services) => new PlanHoverProvider(services),
    Formatter: (services: Services) => new PlanFormatter(services)
} satisfies { [K in keyof PartialLangiumLSPServices['lsp']]?: (services: Services) => unknown };
