// Quick fixes, keyed on the finding's code (diagnostic data.code): put the computed rate or the sum
// in place of a misprinted one, rewrite a number in the declared style, declare a missing agency or
// district (or pick a declared one with a close name), add a missing year line with blank cells.
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument, type ReferenceInfo } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { PlanServices } from '../plan-module.js';
import { compactFold, matchScore } from './fold.js';
import { L, fill } from './labels.js';

const MAX_SUGGESTIONS = 3;

interface FixData {
    code?: string;
    replacement?: string;
    year?: number;
    columns?: number;
    insertAfterLine?: number;
    containerType?: string;
    property?: string;
    refText?: string;
}

export class PlanCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: PlanServices & LangiumServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            try {
                actions.push(...this.fixesFor(document, diagnostic));
            } catch (error) {
                console.error('plan quick fix failed:', error);
            }
        }
        return actions;
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = (diagnostic.data ?? {}) as FixData;
        const code = diagnostic.code === 'unknown-reference' ? 'unknown-reference' : data.code ?? String(diagnostic.code ?? '');
        const locale = this.services.plan.Settings.locale;
        const uri = document.uri.toString();
        switch (code) {
            case 'rate-mismatch':
            case 'total-mismatch':
            case 'number-style': {
                if (!data.replacement) return [];
                const title = code === 'rate-mismatch' ? L.fixRate : code === 'total-mismatch' ? L.fixTotal : L.fixNumberStyle;
                return [this.action(fill(title, locale, { value: data.replacement }), diagnostic, uri, [{ range: diagnostic.range, newText: data.replacement }], true)];
            }
            case 'unknown-reference':
            case 'linking-error':
                return this.referenceFixes(document, diagnostic, data);
            case 'missing-district-year': {
                const edit = this.missingYearEdit(document, diagnostic, data);
                return edit ? [this.action(fill(L.fixAddYear, locale, { year: data.year! }), diagnostic, uri, [edit], true)] : [];
            }
            default:
                return [];
        }
    }

    private action(title: string, diagnostic: Diagnostic, uri: string, edits: TextEdit[], isPreferred = false): CodeAction {
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [uri]: edits } } };
    }

    /** The reference at a diagnostic: its container node, property and type (Agency, District, …). */
    private referenceAt(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): { refInfo: ReferenceInfo; type: string } | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const container = leaf?.astNode;
        if (!container) return undefined;
        const property = data.property ?? GrammarUtils.findAssignment(leaf)?.feature;
        if (!property) return undefined;
        const refText = data.refText ?? leaf.text;
        const refInfo: ReferenceInfo = { reference: { $refText: refText, ref: undefined }, container, property };
        try {
            return { refInfo, type: this.services.shared.AstReflection.getReferenceType(refInfo) };
        } catch {
            return undefined;
        }
    }

    private referenceFixes(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): CodeAction[] {
        const found = this.referenceAt(document, diagnostic, data);
        if (!found) return [];
        const { refInfo, type } = found;
        const id = refInfo.reference.$refText;
        const locale = this.services.plan.Settings.locale;
        const uri = document.uri.toString();
        const actions: CodeAction[] = [];
        // A declared id with a close spelling or name: YTE → YT, SoYTe → YT ("Sở Y tế").
        for (const candidate of this.closeDeclarations(refInfo, id)) {
            actions.push(this.action(fill(L.fixDidYouMean, locale, { id: candidate.id, name: candidate.name }), diagnostic, uri,
                [{ range: diagnostic.range, newText: candidate.id }], actions.length === 0));
        }
        if (/^[_a-zA-Z]\w*$/.test(id)) {
            const root = document.parseResult.value as ast.PlanDocument;
            if (type === 'Agency') {
                const edit = this.declarationEdit(document, root, ast.isAgency, `agency ${id} "…" department`);
                if (edit) actions.push(this.action(fill(L.fixDeclareAgency, locale, { id }), diagnostic, uri, [edit]));
            } else if (type === 'District') {
                const edit = this.declarationEdit(document, root, ast.isDistrict, `district ${id} "…" huyen`);
                if (edit) actions.push(this.action(fill(L.fixDeclareDistrict, locale, { id }), diagnostic, uri, [edit]));
            }
        }
        return actions;
    }

    private closeDeclarations(refInfo: ReferenceInfo, id: string): { id: string; name: string }[] {
        let candidates;
        try {
            candidates = this.services.references.ScopeProvider.getScope(refInfo).getAllElements().toArray();
        } catch {
            return [];
        }
        const wanted = compactFold(id);
        const scored: { id: string; name: string; score: number }[] = [];
        for (const c of candidates) {
            const name = c.node && 'label' in c.node ? String((c.node as { label: unknown }).label) : c.name;
            const distance = editDistance(wanted, compactFold(c.name));
            const byName = wanted.length >= 3 ? matchScore(id, [name]) : undefined;
            const score = distance <= 2 ? distance : byName !== undefined && byName <= 1 ? 3 + byName : undefined;
            if (score !== undefined) scored.push({ id: c.name, name, score });
        }
        return scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id)).slice(0, MAX_SUGGESTIONS);
    }

    /** Inserts a declaration after the last one of its kind, or before the first element if there is none. */
    private declarationEdit(document: LangiumDocument, root: ast.PlanDocument, isKind: (e: AstNode) => boolean, declaration: string): TextEdit | undefined {
        const same = root.elements.filter(isKind);
        const last = same[same.length - 1]?.$cstNode;
        if (last) {
            const at = document.textDocument.positionAt(last.end);
            return { range: { start: at, end: at }, newText: `\n${declaration}` };
        }
        const first = root.elements.find(e => !ast.isHeader(e) && !ast.isProse(e) && !ast.isStandard(e) && !ast.isAgency(e))?.$cstNode;
        if (first) {
            const at: Position = { line: first.range.start.line, character: 0 };
            return { range: { start: at, end: at }, newText: `${declaration}\n\n` };
        }
        const end = document.textDocument.positionAt(document.textDocument.getText().length);
        return { range: { start: end, end }, newText: `\n${declaration}\n` };
    }

    /** A year line with blank cells, in year order among the row's lines. */
    private missingYearEdit(document: LangiumDocument, diagnostic: Diagnostic, data: FixData): TextEdit | undefined {
        if (data.year === undefined) return undefined;
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const row = leaf && AstUtils.getContainerOfType(leaf.astNode, (n): n is ast.TableRow | ast.TotalRow => ast.isTableRow(n) || ast.isTotalRow(n));
        const table = row && AstUtils.getContainerOfType(row, ast.isDistrictTable);
        if (!row?.$cstNode || !table) return undefined;
        const columns = data.columns ?? table.columns.length;
        const cells = Array.from({ length: columns }, () => '-').join(' ');
        const text = document.textDocument.getText();
        const indentOf = (line: number) => /^[ \t]*/.exec(text.slice(document.textDocument.offsetAt({ line, character: 0 })))![0];
        const lineText = `${data.year}: ${cells}`;
        const later = row.years.find(y => Number((y.year ?? '').replace(':', '')) > data.year!);
        if (later?.$cstNode) {
            const line = later.$cstNode.range.start.line;
            const at = { line, character: 0 };
            return { range: { start: at, end: at }, newText: `${indentOf(line)}${lineText}\n` };
        }
        const lastYear = row.years[row.years.length - 1]?.$cstNode;
        if (lastYear) {
            const at = lastYear.range.end;
            return { range: { start: at, end: at }, newText: `\n${indentOf(lastYear.range.start.line)}${lineText}` };
        }
        // A row with no year line yet: open its braces onto their own lines.
        const open = GrammarUtils.findNodeForKeyword(row.$cstNode, '{');
        const close = GrammarUtils.findNodesForKeyword(row.$cstNode, '}').at(-1);
        if (!open || !close) return undefined;
        const rowIndent = indentOf(row.$cstNode.range.start.line);
        return { range: { start: open.range.end, end: close.range.start }, newText: `\n${rowIndent}    ${lineText}\n${rowIndent}` };
    }
}

/** Levenshtein distance, for ids a keystroke or two away ("YTE" for "YT"). Short ids only. */
function editDistance(a: string, b: string): number {
    if (Math.abs(a.length - b.length) > 2) return 3;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
