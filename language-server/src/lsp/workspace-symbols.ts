// Workspace symbols ("Go to symbol in workspace"): every declaration of every plan — agencies,
// districts, indicators, targets, tables… — found by id or by Vietnamese name with or without accents,
// and every task and solution by its number and words ("nhiem vu 3", "dao tao nghe").
//
// Langium's default provider lists what the index exports, and a plan exports only its own name (its
// declarations reach other files through `part-of`, see references/scope.ts): exporting them all
// would put every plan's agencies in every other plan's scope. So this provider adds each document's
// local symbols, which the scope computation has already collected.
import { interruptAndCheck, type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, SymbolKind, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { declarationName, namesOf, shorten } from './describe.js';
import { AccentFoldingFuzzyMatcher } from './fold.js';
import { L, t } from './labels.js';
import type { Locale } from '../../../common/findings.js';

/** A task or solution as a symbol: what it is called in the list it stands in, and where. */
interface ItemSymbol { names: string[]; symbol: WorkspaceSymbol }

/** The tasks of the annexes and the solutions of section III of a plan, in the order of the text. */
function itemSymbols(document: LangiumDocument, locale: Locale): ItemSymbol[] {
    const plan = document.parseResult.value as ast.PlanDocument;
    const uri = document.uri.toString();
    const located = (node: AstNode) => ({ uri, range: node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    const out: ItemSymbol[] = [];
    const groups = (gs: ast.SolutionGroup[]) => {
        for (const g of gs) {
            const title = `${g.label ?? ''}. ${shorten(g.title ?? '', 60)}`;
            for (const s of g.solutions) {
                if (!s.heading) continue;
                out.push({ names: [s.heading, ...(s.name ? [s.name] : [])], symbol: { name: shorten(s.heading, 80), kind: SymbolKind.Function, containerName: title, location: located(s) } });
            }
            groups(g.groups);
        }
    };
    for (const e of plan.elements ?? []) {
        if (ast.isTaskList(e)) {
            const container = shorten(e.title || t(L.taskList, locale), 60);
            for (const task of e.tasks) {
                const numbered = `${t(L.taskList, locale)} ${task.no ?? ''}`;
                out.push({
                    names: [`${numbered} ${task.text ?? ''}`, task.text ?? '', ...(task.name ? [task.name] : [])],
                    symbol: { name: `${task.no ?? ''}. ${shorten(task.text ?? '', 80)}`, kind: SymbolKind.Function, containerName: container, location: located(task) }
                });
            }
        } else if (ast.isSolutionSection(e)) {
            groups(e.groups);
        }
    }
    return out;
}

export class PlanWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;
    private readonly matcher: AccentFoldingFuzzyMatcher;

    constructor(private readonly shared: LangiumSharedServices) {
        super(shared);
        this.documents = shared.workspace.LangiumDocuments;
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
        const locale = this.locale();
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            document.localSymbols?.getStream(document.parseResult.value).forEach(consider);
            for (const item of itemSymbols(document, locale)) {
                const score = scoreOf(item.names);
                if (score !== undefined) found.push({ symbol: item.symbol, score });
            }
        }
        return found.sort((a, b) => a.score - b.score).map(f => f.symbol);
    }

    /** The language of the plan services (the only language this server has). */
    private locale(): Locale {
        const plan = this.shared.ServiceRegistry.all.find(s => s.LanguageMetaData.languageId === 'plan') as { plan?: { Settings?: { locale: Locale } } } | undefined;
        return plan?.plan?.Settings?.locale ?? 'vi';
    }

    /** The symbol with its printed name beside the id ("YT" in "Sở Y tế"). */
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        const symbol = super.getWorkspaceSymbol(description);
        const name = description.node ? declarationName(description.node) : undefined;
        if (symbol && name) symbol.containerName = shorten(name, 80);
        return symbol;
    }
}
