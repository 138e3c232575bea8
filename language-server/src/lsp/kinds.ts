// One table of what each kind of declaration looks like in the editor: the same icon in completion,
// the outline and workspace symbols (Langium's NodeKindProvider serves all three).
import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const KINDS: Record<string, { symbol: SymbolKind; completion: CompletionItemKind }> = {
    Agency: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class },
    District: { symbol: SymbolKind.EnumMember, completion: CompletionItemKind.EnumMember },
    Indicator: { symbol: SymbolKind.Variable, completion: CompletionItemKind.Variable },
    Dimension: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Folder },
    Standard: { symbol: SymbolKind.Constant, completion: CompletionItemKind.Constant },
    DistrictTable: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    Target: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event },
    FundingSource: { symbol: SymbolKind.Property, completion: CompletionItemKind.Property },
    Solution: { symbol: SymbolKind.Method, completion: CompletionItemKind.Method },
    Task: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function },
    PlanDocument: { symbol: SymbolKind.Module, completion: CompletionItemKind.Module }
};

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}

export class PlanNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.completion ?? CompletionItemKind.Reference;
    }
}
