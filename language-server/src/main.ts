// The language server process: Langium's LSP services for .plan files over the client's connection.
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createPlanServices } from './plan-module.js';
import { toLocale } from './settings.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Plan } = createPlanServices({ connection, ...NodeFileSystem });
shared.lsp.LanguageServer.onInitialize(params => {
    // Diagnostics follow the client's display language unless the settings say otherwise.
    Plan.plan.Settings.locale = toLocale(params.locale, 'vi');
});
startLanguageServer(shared);
