// Semantic highlighting: declarations and references coloured by what they name (agency, district,
// indicator, …), printed numbers as numbers and years apart from them, so a misplaced year shows;
// and keywords, strings and comments, so a client without the TextMate grammar (Neovim, Helix,
// Emacs) sees more than plain text.
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor, type SemanticTokensBuilder } from 'langium/lsp';
import { CompactSemanticTokensBuilder } from './semantic-tokens-builder.js';
import { SemanticTokenModifiers, SemanticTokenTypes, type CancellationToken } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { forEachYearLinePart, isYearLine } from '../language/year-line.js';

/** The token type of each kind of declaration, used for its declaration and every reference to it. */
export const DECLARATION_TOKEN: Record<string, string> = {
    Agency: SemanticTokenTypes.class,
    District: SemanticTokenTypes.namespace,
    Dimension: SemanticTokenTypes.type,
    Indicator: SemanticTokenTypes.variable,
    Standard: SemanticTokenTypes.enum,
    DistrictTable: SemanticTokenTypes.struct,
    Target: SemanticTokenTypes.event,
    FundingSource: SemanticTokenTypes.property,
    Solution: SemanticTokenTypes.function,
    Task: SemanticTokenTypes.function,
    TableCheck: SemanticTokenTypes.function,
    PlanDocument: SemanticTokenTypes.namespace
};

/** A table's own columns, declared and used by id; the predeclared ones (households, poor, …) are keywords. */
export const COLUMN_TOKEN = SemanticTokenTypes.property;

/** Years are drawn as enum members: one of a small set of plan years, not a quantity. */
export const YEAR_TOKEN = SemanticTokenTypes.enumMember;
export const NUMBER_TOKEN = SemanticTokenTypes.number;

/** Token types of the tokens the grammar's terminals make on their own (besides keywords). */
const LEXICAL_TOKEN: Record<string, string> = {
    STRING: SemanticTokenTypes.string,
    SL_COMMENT: SemanticTokenTypes.comment,
    ML_COMMENT: SemanticTokenTypes.comment
};

export class PlanSemanticTokenProvider extends AbstractSemanticTokenProvider {
    /** A builder per request, of integers (lsp/semantic-tokens-builder.ts), not one kept per document. */
    protected override getDocumentTokensBuilder(): SemanticTokensBuilder {
        return new CompactSemanticTokensBuilder() as unknown as SemanticTokensBuilder;
    }

    protected override async computeHighlighting(document: LangiumDocument, acceptor: SemanticTokenAcceptor, cancelToken: CancellationToken): Promise<void> {
        await super.computeHighlighting(document, acceptor, cancelToken);
        const root = document.parseResult.value.$cstNode;
        if (root) this.highlightLexical(document, root, acceptor);
    }

    /**
     * Keywords, strings and comments, from the leaves of the syntax tree (comments are hidden leaves
     * there). A plain walk over offsets: positions are computed only for the tokens emitted, not for
     * the many cells of a table.
     */
    private highlightLexical(document: LangiumDocument, root: CstNode, acceptor: SemanticTokenAcceptor): void {
        const text = document.textDocument;
        const from = this.currentRange ? text.offsetAt(this.currentRange.start) : 0;
        const to = this.currentRange ? text.offsetAt(this.currentRange.end) : Number.MAX_SAFE_INTEGER;
        const source = text.getText();
        // Year lines are most of a national plan and hold only numbers (highlightElement): looked
        // into only when a comment may stand in them (a "/" within the line). The walk goes in text
        // order, so the next "/" is looked up once per slash, not once per line.
        let nextSlash = -1;
        const stack: CstNode[] = [root];
        while (stack.length > 0) {
            const node = stack.pop()!;
            if (node.end < from || node.offset > to) continue;
            if (isCompositeCstNode(node)) {
                for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]);
                continue;
            }
            if (isYearLine(node)) {
                if (nextSlash < node.offset && nextSlash !== Number.MAX_SAFE_INTEGER) {
                    const found = source.indexOf('/', node.offset);
                    nextSlash = found < 0 ? Number.MAX_SAFE_INTEGER : found;
                }
                if (nextSlash < node.end) {
                    forEachYearLinePart(source, node.offset, node.end, (part, start, end) => {
                        if (part === 'comment') this.acceptLines(document, start, end, SemanticTokenTypes.comment, acceptor);
                    });
                }
                continue;
            }
            const lexical = LEXICAL_TOKEN[(node as { tokenType?: { name: string } }).tokenType?.name ?? ''];
            const type = lexical ?? (!node.hidden && GrammarAST.isKeyword(node.grammarSource) && /\p{L}/u.test(node.text) ? SemanticTokenTypes.keyword : undefined);
            if (type) this.acceptLines(document, node.offset, node.end, type, acceptor);
        }
    }

    /** One token per line: most clients take no token over a line break (multi-line strings and comments). */
    private acceptLines(document: LangiumDocument, start: number, end: number, type: string, acceptor: SemanticTokenAcceptor): void {
        const text = document.textDocument;
        const first = text.positionAt(start);
        const last = text.positionAt(end);
        if (first.line === last.line) {
            acceptor({ line: first.line, char: first.character, length: last.character - first.character, type });
            return;
        }
        for (let line = first.line; line <= last.line; line++) {
            const char = line === first.line ? first.character : 0;
            const lineEnd = line === last.line ? last.character
                : text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
            if (lineEnd > char) acceptor({ line, char, length: lineEnd - char, type });
        }
    }

    /** A year line is one token: its year's four digits, its cells that are numbers ("-" is a blank), its notes. */
    private highlightYearLines(row: ast.TableRow | ast.TotalRow, acceptor: SemanticTokenAcceptor): void {
        const root = row.$cstNode?.root;
        if (!root) return;
        const text = root.fullText;
        const document = AstUtils.getDocument(row).textDocument;
        for (const leaf of GrammarUtils.findNodesForProperty(row.$cstNode, 'years')) {
            forEachYearLinePart(text, leaf.offset, leaf.end, (part, start, end) => {
                if (part === 'comment' || (part === 'cell' && end === start + 1 && text.charCodeAt(start) === 0x2d)) return;
                const at = document.positionAt(start);
                // A note ("Sáp nhập") is text, coloured as a string.
                const type = part === 'year' ? YEAR_TOKEN : part === 'note' ? SemanticTokenTypes.string : NUMBER_TOKEN;
                acceptor({ line: at.line, char: at.character, length: part === 'year' ? 4 : end - start, type });
            });
        }
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = DECLARATION_TOKEN[node.$type];
        if (declared && (node as { name?: string }).name) {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        const number = (property: string, index?: number) => acceptor({ node, property, index, type: NUMBER_TOKEN });
        const year = (property: string) => acceptor({ node, property, type: YEAR_TOKEN });
        const ref = (property: string, type: string, index?: number) => acceptor({ node, property, index, type });
        // A column name that is an id (not a predeclared keyword, which is coloured as a keyword).
        const column = (property: string, declaration = false) => {
            for (const cst of GrammarUtils.findNodesForProperty(node.$cstNode, property)) {
                // ColumnName → Measure → the keyword: the leaf under the rule calls.
                const leaf = CstUtils.flattenCst(cst).find(c => !c.hidden);
                if (leaf && !GrammarAST.isKeyword(leaf.grammarSource)) {
                    acceptor({ cst: leaf, type: COLUMN_TOKEN, modifier: declaration ? SemanticTokenModifiers.declaration : undefined });
                }
            }
        };

        if (ast.isPlanDocument(node) && node.parent) ref('parent', DECLARATION_TOKEN.PlanDocument);
        else if (ast.isAssignment(node)) {
            node.leads.forEach((_, i) => ref('leads', DECLARATION_TOKEN.Agency, i));
            node.coordinates.forEach((_, i) => ref('coordinates', DECLARATION_TOKEN.Agency, i));
        } else if (ast.isDutyItem(node)) { number('no'); ref('agency', DECLARATION_TOKEN.Agency); }
        else if (ast.isFundingSource(node) && node.via) ref('via', DECLARATION_TOKEN.Agency);
        else if (ast.isTableRow(node) || ast.isTotalRow(node)) {
            if (ast.isTableRow(node)) { number('no'); ref('district', DECLARATION_TOKEN.District); }
            this.highlightYearLines(node, acceptor);
        }
        else if (ast.isTarget(node)) {
            ref('indicator', DECLARATION_TOKEN.Indicator);
            year('year');
            if (node.standard) ref('standard', DECLARATION_TOKEN.Standard);
        } else if (ast.isComputedFrom(node)) ref('table', DECLARATION_TOKEN.DistrictTable);
        else if (ast.isIndicatorValue(node)) {
            year('year');
            number('value');
            if (node.standard) ref('standard', DECLARATION_TOKEN.Standard);
        } else if (ast.isDistrictTable(node)) {
            if (node.standard) ref('standard', DECLARATION_TOKEN.Standard);
            column('columns');
        } else if (ast.isTableYear(node)) {
            year('year');
            if (node.standard) ref('standard', DECLARATION_TOKEN.Standard);
        } else if (ast.isColumnDeclaration(node)) column('name', true);
        else if (ast.isRateDefinition(node)) { column('count'); column('base'); }
        else if (ast.isSumDefinition(node)) column('parts');
        else if (ast.isFlowTerm(node)) column('column');
        else if (ast.isCheckTerm(node)) {
            column('column');
            if (node.year !== undefined) year('year');
            if (node.value !== undefined) number('value');
        } else if (ast.isTableCheck(node)) node.years.forEach((_, i) => acceptor({ node, property: 'years', index: i, type: YEAR_TOKEN }));
        else if (ast.isComparison(node)) {
            for (const p of ['value', 'low', 'high', 'tolerance'] as const) if (node[p] !== undefined) number(p);
            if (node.fromYear !== undefined) year('fromYear');
        } else if (ast.isTask(node)) {
            number('no');
            if (node.year !== undefined) year('year');
        } else if (ast.isPeriodField(node)) { year('from'); year('to'); }
        else if (ast.isOrientationField(node)) year('year');
        else if (ast.isStandard(node)) { if (node.from) year('from'); if (node.to) year('to'); }
        else if (ast.isDateLit(node)) {
            if (node.day !== undefined) number('day');
            if (node.month !== undefined) number('month');
            year('year');
        }
    }
}
