// Navigation: rename (checked, across the plans that are part of one another), the outline of a
// plan (agencies, districts, dimensions → indicators, tables → rows, targets, tasks, …) and folding
// of blocks and of runs of one-line declarations.
import { AstUtils, GrammarAST, GrammarUtils, URI, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import {
    DefaultFoldingRangeProvider, DefaultRenameProvider, type DocumentSymbolProvider, type FoldingRangeAcceptor, type LangiumServices
} from 'langium/lsp';
import {
    ErrorCodes, FoldingRangeKind, ResponseError, SymbolKind, type DocumentSymbol, type RenameParams, type WorkspaceEdit
} from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { totalPrintedFirst } from '../language/total-place.js';
import type { PlanServices } from '../plan-module.js';
import { shorten } from './describe.js';
import { L, fill, t } from './labels.js';

const ID = /^[_a-zA-Z]\w*$/;

/** Langium's rename (every reference, in every plan that links to the declaration), with the new id checked first. */
export class PlanRenameProvider extends DefaultRenameProvider {
    private readonly keywords: Set<string>;

    constructor(private readonly services: PlanServices & LangiumServices) {
        super(services);
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value));
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const locale = this.services.plan.Settings.locale;
        const name = params.newName;
        if (!ID.test(name) || this.keywords.has(name)) {
            throw new ResponseError(ErrorCodes.InvalidParams, fill(L.renameInvalid, locale, { name }));
        }
        const range = this.renameNodeRange(document, params.position);
        if (range && document.textDocument.getText(range) === name) return { changes: {} };
        const edit = await super.rename(document, params);
        // Every plan the rename touches must not already know the new id (its own or a parent's):
        // a district's own agency of that name would silently take over the renamed references.
        for (const uri of Object.keys(edit?.changes ?? {})) {
            const touched = this.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
            if (touched && this.isDeclaredNear(touched, name)) {
                throw new ResponseError(ErrorCodes.InvalidParams, fill(L.renameTaken, locale, { name }));
            }
        }
        return edit;
    }

    /** Whether the id is already declared in this plan or one it is part of (the rename would make two meanings). */
    private isDeclaredNear(document: LangiumDocument, name: string): boolean {
        const seen = new Set<string>();
        let current: LangiumDocument | undefined = document;
        while (current && !seen.has(current.uri.toString())) {
            seen.add(current.uri.toString());
            const root = current.parseResult.value as ast.PlanDocument;
            if (root.name === name || current.localSymbols?.getStream(root).some(d => d.name === name)) return true;
            const parent: ast.PlanDocument | undefined = root.parent?.ref;
            current = parent ? AstUtils.getDocument(parent) : undefined;
        }
        return false;
    }
}

/** The outline: what a reviewer looks for, by its id and its Vietnamese name. */
export class PlanDocumentSymbolProvider implements DocumentSymbolProvider {
    constructor(private readonly services: PlanServices & LangiumServices) {}

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value as ast.PlanDocument;
        const locale = this.services.plan.Settings.locale;
        const out: DocumentSymbol[] = [];
        for (const e of root.elements) {
            const symbol = this.element(e, locale);
            if (symbol) out.push(symbol);
        }
        return out;
    }

    private element(e: ast.Element, locale: 'vi' | 'en'): DocumentSymbol | undefined {
        if (ast.isHeader(e)) return symbol(t(L.header, locale), undefined, SymbolKind.Object, e);
        if (ast.isStandard(e)) return symbol(e.name, e.label, this.kind(e), e, 'name');
        if (ast.isAgency(e)) return symbol(e.name, e.label, this.kind(e), e, 'name');
        if (ast.isDistrict(e)) return symbol(e.name, e.fullName ?? e.label, this.kind(e), e, 'name');
        if (ast.isIndicator(e)) return this.indicator(e);
        if (ast.isDimension(e)) return symbol(e.name, e.label, this.kind(e), e, 'name', e.indicators.map(i => this.indicator(i)));
        if (ast.isDistrictTable(e)) {
            const rows = (rs: ast.TableRow[]) => rs.map(r => symbol(`${r.no ?? ''}. ${r.district?.ref?.label ?? r.district?.$refText ?? ''}`, r.district?.$refText, SymbolKind.Field, r, 'district'));
            const total = (r: ast.TotalRow | undefined) => r ? [symbol(r.label || t(L.total, locale), r.kind, SymbolKind.Field, r)] : [];
            // The outline in the order of the text: a total printed first comes first.
            const inOrder = <T>(node: ast.DistrictTable | ast.TableSection, totals: T[], body: T[]) => totalPrintedFirst(node) ? [...totals, ...body] : [...body, ...totals];
            const children = inOrder(e, total(e.total), [
                ...rows(e.rows),
                ...e.sections.map(s => symbol(`${s.label ?? ''}. ${s.title ?? ''}`, undefined, SymbolKind.Namespace, s, undefined, inOrder(s, total(s.subtotal), rows(s.rows))))
            ]);
            return symbol(e.name, e.title, this.kind(e), e, 'name', children);
        }
        if (ast.isTarget(e)) return symbol(e.name, `${e.indicator?.$refText ?? ''} · ${e.year ?? ''}`, this.kind(e), e, 'name');
        if (ast.isSolutionSection(e)) return symbol(e.title ?? t(L.solutions, locale), undefined, SymbolKind.Package, e, undefined, e.groups.map(g => this.group(g)));
        if (ast.isTaskList(e)) {
            return symbol(e.title || t(L.taskList, locale), e.annex, SymbolKind.Package, e, undefined,
                e.tasks.map(task => symbol(`${task.no ?? ''}. ${shorten(task.text, 60)}`, task.name, this.kind(task), task)));
        }
        if (ast.isFunding(e)) return symbol(t(L.funding, locale), undefined, SymbolKind.Package, e, undefined, e.sources.map(s => symbol(s.name, s.label, this.kind(s), s, 'name')));
        if (ast.isDutyList(e)) {
            return symbol(e.title ?? t(L.dutyList, locale), undefined, SymbolKind.Package, e, undefined,
                e.items.map(item => symbol(`${item.no ?? ''}. ${item.agency?.$refText ?? ''}`, item.agency?.ref?.label, SymbolKind.Function, item, 'agency')));
        }
        if (ast.isIndicatorTable(e)) return symbol(shorten(e.title, 60), e.annex, SymbolKind.Package, e);
        return undefined;
    }

    private indicator(i: ast.Indicator): DocumentSymbol {
        return symbol(i.name, shorten(i.label, 80), this.kind(i), i, 'name');
    }

    /** The declaration's kind from the one table completion and workspace symbols use too. */
    private kind(node: AstNode): SymbolKind {
        return this.services.shared.lsp.NodeKindProvider.getSymbolKind(node);
    }

    private group(g: ast.SolutionGroup): DocumentSymbol {
        return symbol(`${g.label ?? ''}. ${shorten(g.title, 60)}`, undefined, SymbolKind.Namespace, g, 'label', [
            ...g.groups.map(sub => this.group(sub)),
            ...g.solutions.map(s => symbol(shorten(s.heading, 60), s.name, this.kind(s), s))
        ]);
    }
}

function symbol(name: string | undefined, detail: string | undefined, kind: SymbolKind, node: AstNode, selection?: string, children?: DocumentSymbol[]): DocumentSymbol {
    const range = node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const selected: CstNode | undefined = selection ? GrammarUtils.findNodeForProperty(node.$cstNode, selection) : undefined;
    return {
        name: name?.trim() || '…', detail, kind, range,
        selectionRange: selected?.range ?? range,
        children: children && children.length > 0 ? children : undefined
    };
}

/** Langium's folding of multi-line blocks, plus a fold for each run of one-line declarations (agencies, districts). */
export class PlanFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        const root = document.parseResult.value as ast.PlanDocument;
        let runStart: ast.Element | undefined;
        let runEnd: ast.Element | undefined;
        const flush = () => {
            const from = runStart?.$cstNode?.range.start.line;
            const to = runEnd?.$cstNode?.range.end.line;
            if (from !== undefined && to !== undefined && to > from) acceptor({ startLine: from, endLine: to, kind: FoldingRangeKind.Region });
        };
        for (const e of root.elements) {
            const oneLine = ast.isAgency(e) || ast.isDistrict(e) || ast.isStandard(e) || ast.isProse(e);
            if (oneLine && runStart && runStart.$type === e.$type) {
                runEnd = e;
                continue;
            }
            flush();
            runStart = oneLine ? e : undefined;
            runEnd = runStart;
        }
        flush();
    }

    /** Year lines and one-line nodes never fold; blocks do. */
    protected override shouldProcess(node: AstNode): boolean {
        return !ast.isAssignment(node);
    }
}
