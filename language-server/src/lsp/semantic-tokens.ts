// Semantic highlighting: declarations and references coloured by what they name (agency, district,
// indicator, …), printed numbers as numbers and years apart from them, so a misplaced year shows.
import { GrammarUtils, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

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
    PlanDocument: SemanticTokenTypes.namespace
};

/** Years are drawn as enum members: one of a small set of plan years, not a quantity. */
export const YEAR_TOKEN = SemanticTokenTypes.enumMember;
export const NUMBER_TOKEN = SemanticTokenTypes.number;

export class PlanSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = DECLARATION_TOKEN[node.$type];
        if (declared && (node as { name?: string }).name) {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        const number = (property: string, index?: number) => acceptor({ node, property, index, type: NUMBER_TOKEN });
        const year = (property: string) => acceptor({ node, property, type: YEAR_TOKEN });
        const ref = (property: string, type: string, index?: number) => acceptor({ node, property, index, type });

        if (ast.isPlanDocument(node) && node.parent) ref('parent', DECLARATION_TOKEN.PlanDocument);
        else if (ast.isAssignment(node)) {
            node.leads.forEach((_, i) => ref('leads', DECLARATION_TOKEN.Agency, i));
            node.coordinates.forEach((_, i) => ref('coordinates', DECLARATION_TOKEN.Agency, i));
        } else if (ast.isDutyItem(node)) { number('no'); ref('agency', DECLARATION_TOKEN.Agency); }
        else if (ast.isFundingSource(node) && node.via) ref('via', DECLARATION_TOKEN.Agency);
        else if (ast.isTableRow(node)) { number('no'); ref('district', DECLARATION_TOKEN.District); }
        else if (ast.isTarget(node)) {
            ref('indicator', DECLARATION_TOKEN.Indicator);
            year('year');
            if (node.standard) ref('standard', DECLARATION_TOKEN.Standard);
        } else if (ast.isComputedFrom(node)) ref('table', DECLARATION_TOKEN.DistrictTable);
        else if (ast.isIndicatorValue(node)) {
            year('year');
            number('value');
            if (node.standard) ref('standard', DECLARATION_TOKEN.Standard);
        } else if (ast.isDistrictTable(node) && node.standard) ref('standard', DECLARATION_TOKEN.Standard);
        else if (ast.isTableYear(node)) year('year');
        else if (ast.isYearCells(node)) {
            // "2021:" is one token; colour the four digits.
            const cst = GrammarUtils.findNodeForProperty(node.$cstNode, 'year');
            if (cst) acceptor({ line: cst.range.start.line, char: cst.range.start.character, length: 4, type: YEAR_TOKEN });
        } else if (ast.isCell(node)) {
            // Cells are most of a table: a cell's node is its number, no property search needed.
            if (node.value !== undefined && node.$cstNode) acceptor({ cst: node.$cstNode, type: NUMBER_TOKEN });
        }
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
