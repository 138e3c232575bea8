// Completion: keywords where the grammar allows them (with a word on what each means), declarations
// by id OR by their Vietnamese name with or without accents ("so y te", "yte", "Sở Y tế" all find
// YT "Sở Y tế"), and the years of the plan where a year is expected.
import {
    AstUtils, CstUtils, GrammarAST, type AstNode, type AstNodeDescription, type LangiumDocument, type ReferenceInfo
} from 'langium';
import { DefaultCompletionProvider, type LangiumServices, type NextFeature } from 'langium/lsp';
import {
    CompletionItemKind, CompletionList, type CompletionItem, type CompletionParams, type Range
} from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { PlanModel } from '../model/types.js';
import type { PlanServices } from '../plan-module.js';
import { DeclarationDescriber, declarationName, shorten } from './describe.js';
import { compactFold, foldAccents, matchScore } from './fold.js';
import { KEYWORD_DOCS, L, t } from './labels.js';
import { planIndex } from './plan-index.js';

/** A character of a typed name (letters with or without accents, digits, "_", "&", ".", "-") or a blank. */
const NAME_OR_BLANK = /[\p{L}\p{N}\p{M}_&.\- \t]/u;

/** At most this many words typed before the cursor are read as one name ("so y te"). */
const MAX_PHRASE_WORDS = 8;

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Agency: CompletionItemKind.Class,
    District: CompletionItemKind.EnumMember,
    Indicator: CompletionItemKind.Variable,
    Dimension: CompletionItemKind.Folder,
    Standard: CompletionItemKind.Constant,
    DistrictTable: CompletionItemKind.Struct,
    PlanDocument: CompletionItemKind.Module
};

/** What the user typed before the cursor that may name a declaration: one or more words on this line. */
interface TypedPhrase {
    start: number;
    text: string;
}

interface Word { start: number; text: string }

export class PlanCompletionProvider extends DefaultCompletionProvider {
    private readonly keywords: Set<string>;
    private readonly describer: DeclarationDescriber;

    constructor(private readonly services: PlanServices & LangiumServices) {
        super(services);
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value));
        this.describer = new DeclarationDescriber(services.plan.Models, () => services.plan.Settings.locale);
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        try {
            return this.complete(document, params);
        } catch (error) {
            // A half-typed document must never take the server down: offer nothing instead.
            console.error('plan completion failed:', error);
            return CompletionList.create([], true);
        }
    }

    private complete(document: LangiumDocument, params: CompletionParams): CompletionList {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const offset = textDocument.offsetAt(params.position);
        if (this.insideStringOrComment(document, offset)) return CompletionList.create([], false);

        const words = this.wordsBefore(text, offset);
        const lastWord = words[words.length - 1];
        // A name typed in several words ("so y te") is tried first; if it names nothing, the last word alone.
        const phrase = this.phrase(document, words, text, offset);
        if (phrase.start !== lastWord.start) {
            const found = this.referenceItems(document, this.findFeaturesAt(textDocument, phrase.start), phrase, params);
            if (found.length > 0) return CompletionList.create(found, true);
        }
        const word: TypedPhrase = { start: lastWord.start, text: lastWord.text };
        const features = this.findFeaturesAt(textDocument, word.start);
        const items = [
            ...this.referenceItems(document, features, word, params),
            ...this.yearItems(document, features, word, params),
            ...this.keywordItems(document, features, word, params)
        ];
        return CompletionList.create(items, true);
    }

    /** Keywords the grammar allows here, with a word on what each means. Keywords have no spaces or accents. */
    private keywordItems(document: LangiumDocument, features: NextFeature[], word: TypedPhrase, params: CompletionParams): CompletionItem[] {
        if (!/^[\w-]*$/.test(word.text)) return [];
        const locale = this.services.plan.Settings.locale;
        const range: Range = { start: document.textDocument.positionAt(word.start), end: params.position };
        const seen = new Set<string>();
        const items: CompletionItem[] = [];
        for (const next of features) {
            if (!GrammarAST.isKeyword(next.feature)) continue;
            const keyword = next.feature.value;
            if (seen.has(keyword) || !/\p{L}/u.test(keyword)) continue;
            if (word.text && !this.fuzzyMatcher.match(word.text, keyword)) continue;
            seen.add(keyword);
            const doc = KEYWORD_DOCS[keyword];
            items.push({
                label: keyword, kind: CompletionItemKind.Keyword,
                detail: doc ? t(doc, locale) : undefined,
                sortText: '2' + keyword,
                textEdit: { range, newText: keyword }
            });
        }
        return items;
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
     * How far back the typed name reaches: the word under the cursor, plus the words before it that
     * are neither keywords nor declared ids nor numbers ("lead LDTBXH so y te" → "so y te").
     */
    private phrase(document: LangiumDocument, words: Word[], text: string, offset: number): TypedPhrase {
        const ids = this.visibleIds(document);
        let first = words.length - 1;
        while (first > 0 && words.length - first < MAX_PHRASE_WORDS) {
            const w = words[first - 1].text;
            if (!/\p{L}/u.test(w) || this.keywords.has(w) || ids.has(w)) break;
            first--;
        }
        const start = words[first].start;
        return { start, text: text.slice(start, offset) };
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

    private referenceItems(document: LangiumDocument, features: NextFeature[], phrase: TypedPhrase, params: CompletionParams): CompletionItem[] {
        const root = document.parseResult.value;
        const contextNode: AstNode = (root.$cstNode && CstUtils.findLeafNodeBeforeOffset(root.$cstNode, phrase.start)?.astNode) || root;
        // The edit also replaces the rest of an id the cursor stands in ("Y|T" → "YT", not "YTT").
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const rest = /^\w*/.exec(text.slice(offset, offset + 200))![0].length;
        const range: Range = { start: document.textDocument.positionAt(phrase.start), end: document.textDocument.positionAt(offset + rest) };
        const typed = phrase.text.trim();
        const items: CompletionItem[] = [];
        const proposed = new Set<string>();
        for (const next of features) {
            if (!GrammarAST.isCrossReference(next.feature)) continue;
            const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
            const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
            if (!assignment || !rule) continue;
            const container = { $type: next.type ?? rule.name, $container: contextNode } as unknown as AstNode;
            const refInfo: ReferenceInfo = { reference: { $refText: '', ref: undefined }, container, property: assignment.feature };
            let candidates: AstNodeDescription[];
            try {
                candidates = this.scopeProvider.getScope(refInfo).getAllElements().toArray();
            } catch {
                continue;
            }
            for (const candidate of candidates) {
                const key = `${candidate.type}:${candidate.name}`;
                if (proposed.has(key)) continue;
                const item = this.referenceItem(candidate, typed, range);
                if (item) {
                    proposed.add(key);
                    items.push(item);
                }
            }
        }
        return items;
    }

    private referenceItem(candidate: AstNodeDescription, typed: string, range: Range): CompletionItem | undefined {
        const node = candidate.node;
        const name = node ? declarationName(node) : undefined;
        const names = [candidate.name, ...(name ? [name] : [])];
        if (node && ast.isAgency(node)) names.push(...node.shortNames, ...node.aliases);
        if (node && ast.isDistrict(node) && node.fullName) names.push(node.fullName);
        const score = matchScore(typed, names);
        if (score === undefined) return undefined;
        const documentation = node ? this.describer.describe(node) : undefined;
        // VS Code filters the list again with the text from the range start to the cursor: give it the
        // name without accents (and what was typed, which the server has already matched).
        const filterText = [typed, candidate.name, ...names.slice(1).flatMap(n => [foldAccents(n), n, compactFold(n)])]
            .filter(Boolean).join(' ');
        return {
            label: candidate.name,
            labelDetails: name ? { description: shorten(name, 60) } : undefined,
            kind: COMPLETION_KINDS[candidate.type] ?? CompletionItemKind.Reference,
            detail: name ?? candidate.name,
            documentation: documentation ? { kind: 'markdown', value: documentation } : undefined,
            filterText,
            sortText: `0${score}${candidate.name.toLowerCase()}`,
            textEdit: { range, newText: candidate.name }
        };
    }

    /** Years where a year is expected: the table's years in its rows, the period and orientation elsewhere. */
    private yearItems(document: LangiumDocument, features: NextFeature[], phrase: TypedPhrase, params: CompletionParams): CompletionItem[] {
        const typed = phrase.text.trim();
        if (!/^\d{0,4}:?$/.test(typed)) return [];
        const model = this.services.plan.Models.get(document);
        const root = document.parseResult.value;
        const contextNode: AstNode = (root.$cstNode && CstUtils.findLeafNodeBeforeOffset(root.$cstNode, phrase.start)?.astNode) || root;
        const locale = this.services.plan.Settings.locale;
        const range: Range = { start: document.textDocument.positionAt(phrase.start), end: params.position };
        const proposals = new Map<number, string>();
        let label = (year: number) => String(year);
        for (const next of features) {
            if (!GrammarAST.isRuleCall(next.feature)) continue;
            const terminal = next.feature.rule.ref?.name;
            const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
            const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
            if (!assignment || (terminal !== 'NUMBER' && terminal !== 'YEAR_LABEL')) continue;
            const property = assignment.feature;
            if (terminal === 'YEAR_LABEL') {
                label = year => `${year}:`;
                for (const [year, kind] of this.tableYearsMissingInRow(contextNode, model)) proposals.set(year, kind);
            } else if (rule === 'TableYear' && property === 'year') {
                this.periodYears(model, proposals, locale, true);
            } else if ((rule === 'IndicatorValue' && property === 'year') || (rule === 'Comparison' && property === 'fromYear')) {
                this.periodYears(model, proposals, locale, true);
            } else if ((rule === 'Target' || rule === 'Task') && property === 'year') {
                this.periodYears(model, proposals, locale, false);
            }
        }
        return [...proposals].filter(([year]) => String(year).startsWith(typed.replace(':', ''))).map(([year, detail]) => ({
            label: label(year),
            kind: CompletionItemKind.Constant,
            detail,
            sortText: `1${year}`,
            textEdit: { range, newText: label(year) }
        }));
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
        const present = new Set((row?.years ?? []).map(y => (y.year ?? '').replace(':', '')));
        const tableModel = planIndex(model).tables.get(table.name);
        const locale = this.services.plan.Settings.locale;
        for (const y of tableModel?.years ?? []) {
            if (!Number.isNaN(y.year) && !present.has(String(y.year))) out.set(y.year, `${t(L.tableYear, locale)} (${y.kind})`);
        }
        return out;
    }
}
