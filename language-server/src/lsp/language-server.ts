// Langium's language server, advertising the code action kinds the plan offers: quick fixes and
// source.fixAll. Langium 4.2 announces only `codeActionProvider: true`, and a client that is not told
// the kinds (VS Code's "editor.codeActionsOnSave": { "source.fixAll": … }) never asks for fixAll.
// Completion items are resolved (their descriptions made when shown).
import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import { CODE_ACTION_KINDS } from './code-actions.js';

export class PlanLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        if (result.capabilities.codeActionProvider) result.capabilities.codeActionProvider = { codeActionKinds: [...CODE_ACTION_KINDS] };
        // A declaration's description is made when the client shows its item (completion.ts, resolveCompletionItem).
        if (result.capabilities.completionProvider) result.capabilities.completionProvider.resolveProvider = true;
        return result;
    }
}
