// Completion: keywords where the grammar allows them (with a word on what each means where it
// stands), declarations by id OR by their Vietnamese name with or without accents ("so y te", "yte",
// "Sở Y tế" all find YT "Sở Y tế"), and the years of the plan where a year is expected.
//
// Built on Langium's DefaultCompletionProvider: its contexts and hooks do the work, and the plan's
// knowledge comes in through the services they consult — NodeKindProvider (kinds.ts), the
// DocumentationProvider (describe.ts) and an accent-folding FuzzyMatcher (fold.ts). Only three things
// are added: a context for a name typed in several words, years where a number is expected, and the
// columns a table declares where a column name is expected (the predeclared ones are keywords).
import {
    AstUtils, CstUtils, GrammarAST, isAstNode, isOperationCancelled, stream, TextDocument,
    type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext, type CompletionValueItem,
    type LangiumServices, type NextFeature
} from 'langium/lsp';
import {
    CompletionItemKind, CompletionList, type CancellationToken, type CompletionItem, type CompletionParams, type Position, type Range
} from 'vscode-languageserver';
import { yearOfLine } from '../language/year-line.js';
import * as ast from '../generated/ast.js';
import type { PlanModel } from '../model/types.js';
import type { PlanServices } from '../plan-module.js';
import { declarationName, definitionText, describeColumn, namesOf, shorten } from './describe.js';
import { AccentFoldingFuzzyMatcher, compactFold, foldAccents } from './fold.js';
import { L, keywordDoc, t } from './labels.js';
import { planIndex } from './plan-index.js';

/** A character of a typed name (letters with or without accents, digits, "_", "&", ".", "-") or a blank. */
const NAME_OR_BLANK = /[\p{L}\p{N}\p{M}_&.\- \t]/u;

/** The last of `starts` at or before `offset` (starts ascending), or -1. */
function lastAtOrBefore(starts: number[], offset: number): number {
    let low = 0, high = starts.length - 1, found = -1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        if (starts[mid] <= offset) { found = mid; low = mid + 1; } else high = mid - 1;
    }
    return found;
}

/**
 * The text the completion parser needs for a cursor at `offset` (see findFeaturesAt): the head of the
 * plan, then its element up to the cursor, without the elements before it; in a table of rows, the
 * table's head and the cursor's row, without the rows before it. Undefined where nothing is left out.
 */
export function completionPrefix(text: string, root: CstNode, offset: number): string | undefined {
    const plan = root.astNode;
    if (!ast.isPlanDocument(plan) || plan.elements.length < 2) return undefined;
    const starts = plan.elements.map(e => e.$cstNode?.offset ?? -1);
    if (starts.some((s, i) => s < 0 || (i > 0 && s < starts[i - 1]))) return undefined;
    const at = lastAtOrBefore(starts, offset - 1);
    if (at < 0) return undefined;
    const element = plan.elements[at];
    const head = text.slice(0, starts[0]);
    if (ast.isDistrictTable(element) && element.sections.length === 0 && element.rows.length > 1) {
        const rowStarts = element.rows.map(r => r.$cstNode?.offset ?? -1);
        const row = rowStarts.every((s, i) => s >= 0 && (i === 0 || s > rowStarts[i - 1])) ? lastAtOrBefore(rowStarts, offset - 1) : -1;
        if (row >= 1) return head + text.slice(starts[at], rowStarts[0]) + text.slice(rowStarts[row], offset);
    }
    return at === 0 ? undefined : head + text.slice(starts[at], offset);
}

/** At most this many declarations are proposed for one reference (the best matches; the list says it is incomplete). */
export const MAX_REFERENCE_ITEMS = 200;

/** At most this many words typed before the cursor are read as one name ("so y te"). */
const MAX_PHRASE_WORDS = 8;

interface Word { start: number; text: string }

/** A context for what was typed as one name ("so y te", "ld-tb", "near-p"), from its first word. */
interface PhraseContext extends CompletionContext {
    phrase: true;
}

function isPhrase(context: CompletionContext): context is PhraseContext {
    return (context as Partial<PhraseContext>).phrase === true;
}

/** What a declaration's item carries for completionItem/resolve to describe it: its document and its path there. */
export interface DeclarationItemData { planDeclaration: { uri: string; path: string } }

function isDeclarationItemData(data: unknown): data is DeclarationItemData {
    const d = (data as Partial<DeclarationItemData> | undefined)?.planDeclaration;
    return typeof d?.uri === 'string' && typeof d.path === 'string';
}

export class PlanCompletionProvider extends DefaultCompletionProvider {
    private readonly keywords: Set<string>;
    private readonly matcher: AccentFoldingFuzzyMatcher;
    /** How well each proposed declaration matched what was typed, per context (for sorting). */
    private readonly scores = new WeakMap<CompletionContext, Map<AstNodeDescription, number>>();
    /** The text being completed and its syntax tree (for the lexer window of backtrackToAnyToken). */
    private parsed: { text: string; root: CstNode } | undefined;
    /**
     * The client describes an item when it is shown (completionItem/resolve with `documentation` among
     * the properties it resolves): a declaration's description is then made for that item only, not for
     * the 200 of every list (most of a list's cost in a national plan).
     */
    private describeOnResolve = false;
    /** The text VS Code filters each declaration with (its names folded), made once per description. */
    private readonly filterTexts = new WeakMap<AstNodeDescription, string>();
    /** The range every declaration of a context replaces. */
    private readonly replaced = new WeakMap<CompletionContext, Range>();

    constructor(private readonly services: PlanServices & LangiumServices) {
        super(services);
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value));
        this.matcher = this.fuzzyMatcher instanceof AccentFoldingFuzzyMatcher ? this.fuzzyMatcher : new AccentFoldingFuzzyMatcher();
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.describeOnResolve = params.capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true;
        });
    }

    /**
     * completionItem/resolve: the description of a declaration proposed without one (see
     * describeOnResolve), found again by its document and path; an item whose declaration is gone
     * (the text changed meanwhile) comes back as it was.
     */
    resolveCompletionItem(item: CompletionItem): CompletionItem {
        if (item.documentation !== undefined || !isDeclarationItemData(item.data)) return item;
        const { uri, path } = item.data.planDeclaration;
        const document = this.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.toString() === uri);
        // The path comes back from the client: only a node of the plan's tree is described ("/constructor" walks out of it).
        const found: unknown = document && this.services.workspace.AstNodeLocator.getAstNode(document.parseResult.value, path);
        const text = isAstNode(found) ? this.services.documentation.DocumentationProvider.getDocumentation(found) : undefined;
        return text ? { ...item, documentation: { kind: 'markdown', value: text } } : item;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        try {
            return await super.getCompletion(document, params, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            // A half-typed document must never take the server down: offer nothing instead.
            console.error('plan completion failed:', error);
            return CompletionList.create([], true);
        }
    }

    /** Nothing inside strings and comments; a name typed in several words is tried before the last word alone. */
    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const offset = textDocument.offsetAt(position);
        const root = document.parseResult.value.$cstNode;
        this.parsed = root ? { text, root } : undefined;
        if (this.insideStringOrComment(document, offset)) return;
        const start = this.phraseStart(document, this.wordsBefore(text, offset));
        // Langium's contexts start at a token; a name typed in several words, with accents or with
        // "-" ("ld-tb") spans several tokens, or none the lexer knows: it gets a context of its own.
        if (!/^\w*$/.test(text.slice(start, offset))) {
            const root = document.parseResult.value;
            const phrase: PhraseContext = {
                document, textDocument, offset, position, phrase: true,
                node: (root.$cstNode && CstUtils.findLeafNodeBeforeOffset(root.$cstNode, start)?.astNode) || root,
                tokenOffset: start,
                tokenEndOffset: offset,
                features: this.findFeaturesAt(textDocument, start)
            };
            yield phrase;
        }
        yield* super.buildContexts(document, position);
    }

    /**
     * Langium parses the whole text before the cursor to know what may come there: half a national
     * plan for a cursor in its middle. The parser's state at the start of a top-level element, and at
     * the start of a table's row, is the same whatever elements or rows came before: the text before
     * the first element, then the cursor's element (for a row of a table: the table's head and the
     * cursor's row) up to the cursor give the same features, from the parsed tree of this very text.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const text = document.getText();
        const root = this.parsed?.text === text ? this.parsed.root : undefined;
        const prefix = root ? completionPrefix(text, root, offset) : undefined;
        if (prefix === undefined) return super.findFeaturesAt(document, offset);
        return super.findFeaturesAt(TextDocument.create(document.uri, document.languageId, document.version, prefix), prefix.length);
    }

    /**
     * Langium lexes the whole document to find the tokens around the cursor; a national plan has
     * 20 000 lines. Lexing from a token of the parsed tree at the start of the cursor's line to the
     * end of that line finds the same tokens (the tree comes from lexing this very text).
     */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        // The tree is used only for the very text it was parsed from (requests may interleave).
        const root = this.parsed?.text === text ? this.parsed.root : undefined;
        const anchor = root && lineStart > 0 ? CstUtils.findLeafNodeBeforeOffset(root, lineStart - 1) : undefined;
        if (!anchor) return super.backtrackToAnyToken(text, offset);
        const start = anchor.offset;
        const lineEnd = text.indexOf('\n', offset);
        const found = super.backtrackToAnyToken(text.slice(start, lineEnd < 0 ? text.length : lineEnd), offset - start);
        const shift = (n: number | undefined) => n === undefined ? undefined : n + start;
        return {
            nextTokenStart: found.nextTokenStart + start,
            nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd)
        };
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isRuleCall(next.feature) && !isPhrase(context)) {
            if (next.feature.rule.ref?.name === 'ID' && AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'ColumnName') {
                return this.completionForColumn(context, acceptor);
            }
            return this.completionForYear(context, next as NextFeature<GrammarAST.RuleCall>, acceptor);
        }
        return super.completionFor(context, next, acceptor);
    }

    /** The declarations in scope whose id or names match what was typed (accents, case and blanks folded). */
    /**
     * The declarations whose id or name matches what was typed, the best MAX_REFERENCE_ITEMS of them:
     * a national plan has thousands of units, and the list is marked incomplete (the editor asks again
     * as the user types on), so the items made and sent follow what the user can read, not the plan's size.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const score = this.matcher.scorer(this.typed(context).trim());
        let scores = this.scores.get(context);
        if (!scores) this.scores.set(context, scores = new Map());
        const scored = scores;
        const matching = super.getReferenceCandidates(refInfo, context).filter(candidate => {
            const value = score(namesOf(candidate));
            if (value === undefined) return false;
            scored.set(candidate, value);
            return true;
        }).toArray();
        if (matching.length <= MAX_REFERENCE_ITEMS) return stream(matching);
        // In the order of the items' sortText.
        const keyed = matching.map(c => ({ c, key: `0${scored.get(c)}${c.name.toLowerCase()}` }));
        keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        return stream(keyed.slice(0, MAX_REFERENCE_ITEMS).map(k => k.c));
    }

    protected override createReferenceCompletionItem(candidate: AstNodeDescription, _refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const node = candidate.node;
        const name = node ? declarationName(node) : undefined;
        const typed = this.typed(context).trim();
        // VS Code filters the list again with the text from the range start to the cursor: give it the
        // names without accents (and what was typed, which the server has already matched).
        let names = this.filterTexts.get(candidate);
        if (names === undefined) {
            names = [candidate.name, ...namesOf(candidate).slice(1).flatMap(n => [foldAccents(n), n, compactFold(n)])].filter(Boolean).join(' ');
            this.filterTexts.set(candidate, names);
        }
        const score = this.scores.get(context)?.get(candidate) ?? 3;
        const onResolve = this.describeOnResolve && node !== undefined;
        return {
            nodeDescription: candidate,
            kind: this.nodeKindProvider.getCompletionItemKind(candidate),
            documentation: onResolve ? undefined : this.getReferenceDocumentation(candidate),
            data: onResolve ? { planDeclaration: { uri: candidate.documentUri.toString(), path: candidate.path } } satisfies DeclarationItemData : undefined,
            labelDetails: name ? { description: shorten(name, 60) } : undefined,
            detail: name ?? candidate.name,
            filterText: typed ? `${typed} ${names}` : names,
            sortText: `0${score}${candidate.name.toLowerCase()}`,
            textEdit: { range: this.replacedRange(context), newText: candidate.name }
        };
    }

    /** What a declaration replaces: every typed word, and the rest of an id the cursor stands in ("Y|T" → "YT", not "YTT"). */
    private replacedRange(context: CompletionContext): Range {
        let range = this.replaced.get(context);
        if (!range) {
            const text = context.textDocument.getText();
            const end = context.offset + /^\w*/.exec(text.slice(context.offset, context.offset + 200))![0].length;
            range = { start: context.textDocument.positionAt(context.tokenOffset), end: context.textDocument.positionAt(end) };
            this.replaced.set(context, range);
        }
        return range;
    }

    /** Keywords with what they mean in the rule they complete (`group` in `solutions` is not an agency group). */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const doc = keywordDoc(keyword);
        // A predeclared column the table redefines (column poor "Hộ nghèo cuối năm" …) is what the table says.
        const redefined = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'Measure'
            ? this.tableAt(context)?.declarations.find(d => d.name === keyword.value)?.label : undefined;
        acceptor(context, {
            label: keyword.value,
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: redefined ?? (doc ? t(doc, this.services.plan.Settings.locale) : undefined),
            sortText: '2' + keyword.value
        });
    }

    /** Keywords are words without blanks or accents: a phrase with them names a declaration. */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return super.filterKeyword(context, keyword) && /^[\w-]*$/.test(this.typed(context)) && !this.secondTotal(context, keyword);
    }

    /**
     * `total` or `subtotal` where the table (the section) at the cursor has its total already: the
     * grammar reads a second one (to report it, second-total), but it is never what to write.
     */
    private secondTotal(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (keyword.value !== 'total' && keyword.value !== 'subtotal') return false;
        const table = this.tableAt(context);
        if (!table) return false;
        const inside = (node: AstNode | undefined) => !!node?.$cstNode && node.$cstNode.offset < context.offset && context.offset < node.$cstNode.end;
        const section = table.sections.find(inside);
        const total = section ? section.subtotal : table.total;
        return total !== undefined && !inside(total);
    }

    /** One item per kind and label: the same keyword reached through two rules is proposed once. */
    protected override deduplicateItems(items: CompletionItem[]): CompletionItem[] {
        const seen = new Set<string>();
        return items.filter(item => {
            const key = `${item.kind}_${item.label}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
        });
    }

    /** Years where a year is expected: the table's years in its rows, the period and orientation elsewhere. */
    private completionForYear(context: CompletionContext, next: NextFeature<GrammarAST.RuleCall>, acceptor: CompletionAcceptor): void {
        const terminal = next.feature.rule.ref?.name;
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (!assignment || (terminal !== 'NUMBER' && terminal !== 'YEAR_LINE')) return;
        const typed = this.typed(context).trim();
        if (!/^\d{0,4}:?$/.test(typed)) return;
        const model = this.services.plan.Models.get(context.document);
        const locale = this.services.plan.Settings.locale;
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        const property = assignment.feature;
        const proposals = new Map<number, string>();
        if (terminal === 'YEAR_LINE') {
            const contextNode = context.node ?? context.document.parseResult.value;
            for (const [year, kind] of this.tableYearsMissingInRow(contextNode, model)) proposals.set(year, kind);
        } else if ((rule === 'TableYear' || rule === 'IndicatorValue') && property === 'year' || (rule === 'Comparison' && property === 'fromYear')) {
            this.periodYears(model, proposals, locale, true);
        } else if ((rule === 'Target' || rule === 'Task') && property === 'year') {
            this.periodYears(model, proposals, locale, false);
        } else if ((rule === 'CheckTerm' && property === 'year') || (rule === 'TableCheck' && property === 'years')) {
            const table = this.tableAt(context);
            for (const y of (table?.name !== undefined ? planIndex(model).tables.get(table.name)?.years : undefined) ?? []) {
                if (!Number.isNaN(y.year)) proposals.set(y.year, `${t(L.tableYear, locale)} (${y.kind})`);
            }
        }
        const range = { start: context.textDocument.positionAt(context.tokenOffset), end: context.position };
        for (const [year, detail] of proposals) {
            if (!String(year).startsWith(typed.replace(':', ''))) continue;
            const label = terminal === 'YEAR_LINE' ? `${year}:` : String(year);
            acceptor(context, { label, kind: CompletionItemKind.Constant, detail, sortText: `1${year}`, textEdit: { range, newText: label } });
        }
    }

    /**
     * The columns the table declares, where a column name is expected (`columns`, `rate-of … per …`,
     * `sum-of … + …`, a flow's terms, a check's terms): the label as detail, the definition beside it.
     * Predeclared names are keywords (completionForKeyword); a new column's name is not proposed.
     */
    private completionForColumn(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const typed = this.typed(context);
        if (!/^\w*$/.test(typed)) return;
        const before = context.textDocument.getText().slice(Math.max(0, context.tokenOffset - 40), context.tokenOffset);
        if (/(^|\s)column\s+$/.test(before)) return;
        const node = this.tableAt(context);
        if (!node) return;
        const locale = this.services.plan.Settings.locale;
        const table = node.name !== undefined ? planIndex(this.services.plan.Models.get(context.document)).tables.get(node.name) : undefined;
        const range = { start: context.textDocument.positionAt(context.tokenOffset), end: context.position };
        // The declaration being written (on the cursor's line, before it) is not one of its own parts.
        const text = context.textDocument.getText();
        const writing = node.declarations.filter(d => d.$cstNode && d.$cstNode.offset <= context.tokenOffset
            && !text.slice(d.$cstNode.offset, context.tokenOffset).includes('\n')).at(-1);
        for (const declaration of node.declarations) {
            const id = declaration.name;
            if (!id || this.keywords.has(id) || declaration === writing) continue;
            if (typed && !this.matcher.match(typed, id) && !this.matcher.match(typed, declaration.label ?? '')) continue;
            const column = table?.columnsById[id];
            acceptor(context, {
                label: id,
                kind: CompletionItemKind.Field,
                detail: declaration.label,
                labelDetails: column?.definition ? { description: definitionText(column.definition) } : undefined,
                documentation: column && table ? { kind: 'markdown', value: describeColumn(column, table, locale) } : undefined,
                sortText: `0${id}`,
                textEdit: { range, newText: id }
            });
        }
    }

    /** The table the cursor stands in: the context's node, or the table whose text holds the cursor (a half-typed line may leave no node). */
    private tableAt(context: CompletionContext): ast.DistrictTable | undefined {
        const own = context.node && AstUtils.getContainerOfType(context.node, ast.isDistrictTable);
        if (own) return own;
        const root = context.document.parseResult.value as ast.PlanDocument;
        return root.elements?.find((e): e is ast.DistrictTable => ast.isDistrictTable(e) && !!e.$cstNode && e.$cstNode.offset < context.offset && context.offset <= e.$cstNode.end);
    }

    /** What was typed in this context: from the start of its token (or phrase) to the cursor. */
    private typed(context: CompletionContext): string {
        return context.textDocument.getText().slice(context.tokenOffset, context.offset);
    }

    private insideStringOrComment(document: LangiumDocument, offset: number): boolean {
        const root = document.parseResult.value.$cstNode;
        if (!root || offset === 0) return false;
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset - 1);
        if (!leaf || offset >= leaf.end) return false;
        return leaf.hidden || (leaf.text.startsWith('"') && offset > leaf.offset);
    }

    /** The words on the cursor's line before it; the last one is what is being typed (maybe ""). */
    private wordsBefore(text: string, offset: number): Word[] {
        // Back from the cursor over name characters and blanks, on this line (a plain scan: a regular
        // expression over runs of blanks could backtrack exponentially on a long line).
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        let runStart = offset;
        while (runStart > lineStart && NAME_OR_BLANK.test(text[runStart - 1])) runStart--;
        const words: Word[] = [];
        const pattern = /[^ \t]+/g;
        const runText = text.slice(runStart, offset);
        let match: RegExpExecArray | null;
        while ((match = pattern.exec(runText))) words.push({ start: runStart + match.index, text: match[0] });
        if (words.length === 0 || words[words.length - 1].start + words[words.length - 1].text.length < offset) {
            words.push({ start: offset, text: '' });
        }
        return words;
    }

    /**
     * Where the typed name starts: the word under the cursor, plus the words before it that are
     * neither keywords nor declared ids nor numbers ("lead LDTBXH so y te" → "so y te").
     */
    private phraseStart(document: LangiumDocument, words: Word[]): number {
        let ids: Set<string> | undefined;
        let first = words.length - 1;
        while (first > 0 && words.length - first < MAX_PHRASE_WORDS) {
            const w = words[first - 1].text;
            if (!/\p{L}/u.test(w) || this.keywords.has(w) || (ids ??= this.visibleIds(document)).has(w)) break;
            first--;
        }
        return words[first].start;
    }

    /** Ids declared in this plan and the plans it is part of. */
    private visibleIds(document: LangiumDocument): Set<string> {
        const ids = new Set<string>();
        const seen = new Set<string>();
        let current: LangiumDocument | undefined = document;
        while (current && !seen.has(current.uri.toString())) {
            seen.add(current.uri.toString());
            const root = current.parseResult.value as ast.PlanDocument;
            current.localSymbols?.getStream(root).forEach(d => ids.add(d.name));
            const parent: ast.PlanDocument | undefined = root.parent?.ref;
            current = parent ? AstUtils.getDocument(parent) : undefined;
        }
        return ids;
    }

    private periodYears(model: PlanModel, into: Map<number, string>, locale: 'vi' | 'en', withBaseline: boolean): void {
        const period = model.header.period;
        if (period && period.to >= period.from && period.to - period.from <= 20) {
            if (withBaseline) {
                for (let y = period.from - 2; y < period.from; y++) into.set(y, t(L.baselineYear, locale));
            }
            for (let y = period.from; y <= period.to; y++) into.set(y, t(L.periodYear, locale));
        }
        const orientation = model.header.orientationYear?.year;
        if (orientation !== undefined) into.set(orientation, t(L.orientationYear, locale));
    }

    private tableYearsMissingInRow(contextNode: AstNode, model: PlanModel): Map<number, string> {
        const out = new Map<number, string>();
        const table = AstUtils.getContainerOfType(contextNode, ast.isDistrictTable);
        if (!table) return out;
        const row = AstUtils.getContainerOfType(contextNode, (n): n is ast.TableRow | ast.TotalRow => ast.isTableRow(n) || ast.isTotalRow(n));
        const present = new Set((row?.years ?? []).map(yearOfLine));
        const tableModel = planIndex(model).tables.get(table.name);
        const locale = this.services.plan.Settings.locale;
        for (const y of tableModel?.years ?? []) {
            if (!Number.isNaN(y.year) && !present.has(String(y.year))) out.set(y.year, `${t(L.tableYear, locale)} (${y.kind})`);
        }
        return out;
    }
}
