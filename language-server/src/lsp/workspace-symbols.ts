// Workspace symbols ("Go to symbol in workspace"): every declaration of every plan — agencies,
// districts, indicators, targets, tables… — found by id or by Vietnamese name with or without accents.
//
// Langium's default provider lists what the index exports, and a plan exports only its own name (its
// declarations reach other files through `part-of`, see references/scope.ts): exporting them all
// would put every plan's agencies in every other plan's scope. So this provider adds each document's
// local symbols, which the scope computation has already collected.
import { interruptAndCheck, type AstNodeDescription, type LangiumDocuments } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { declarationName, namesOf, shorten } from './describe.js';
import { AccentFoldingFuzzyMatcher } from './fold.js';

export class PlanWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;
    private readonly matcher: AccentFoldingFuzzyMatcher;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.matcher = this.fuzzyMatcher instanceof AccentFoldingFuzzyMatcher ? this.fuzzyMatcher : new AccentFoldingFuzzyMatcher();
    }

    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const found: { symbol: WorkspaceSymbol; score: number }[] = [];
        const scoreOf = this.matcher.scorer(params.query);
        const consider = (description: AstNodeDescription) => {
            const score = scoreOf(namesOf(description));
            if (score === undefined) return;
            const symbol = this.getWorkspaceSymbol(description);
            if (symbol) found.push({ symbol, score });
        };
        for (const description of this.indexManager.allElements()) consider(description);
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            document.localSymbols?.getStream(document.parseResult.value).forEach(consider);
        }
        return found.sort((a, b) => a.score - b.score).map(f => f.symbol);
    }

    /** The symbol with its printed name beside the id ("YT" in "Sở Y tế"). */
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        const symbol = super.getWorkspaceSymbol(description);
        const name = description.node ? declarationName(description.node) : undefined;
        if (symbol && name) symbol.containerName = shorten(name, 80);
        return symbol;
    }
}
