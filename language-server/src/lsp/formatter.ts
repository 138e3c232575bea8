// The canonical layout of a plan: one indent a level (the editor's tab size and spaces or tabs;
// 4 spaces by default), one element per line, a blank line around top-level blocks, and the year
// lines of a table aligned in columns with numbers right-aligned, as a reviewer reads an annex.
// Comments are kept where they stand. Formatting twice changes nothing. A table's own column
// declarations stand one a line, its checks as indented blocks (the comparison, then rows, years,
// severity, message and en one a line), `poor(previous)` tight; a range cell (410..460) is one token
// and is aligned right in its column like a number.
//
// The layout is decided gap by gap between consecutive tokens (comments included), so every edit
// touches whitespace only and the cost is linear in the document.
//
// Why not Langium's AbstractFormatter: it formats node by node, each node setting the whitespace
// around its own tokens, so it cannot align columns across rows — a cell's padding depends on the
// widest cell of its column in the whole table, which no single node's formatting sees. And it
// looks regions up per node and property over the CST, where this is one pass over the lexer's
// tokens, which keeps a 20 000-line national plan within the budget of test/lsp/bench.ts.
import { CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { Formatter, LangiumServices } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, FormattingOptions, TextEdit
} from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { forEachYearLinePart, yearLineCells } from '../language/year-line.js';

/** Where a token starts a line: how many line breaks it wants before it and how deep it is indented. */
interface LineStart {
    /** Line breaks wanted before the token (2 = one blank line). */
    breaks: number;
    /** Root elements that may keep one blank line the author left, though none is required. */
    keepBlank?: boolean;
    /** A continuation line (one level deeper than the block). */
    continuation?: boolean;
}

interface Token { offset: number; end: number; image: string; comment: boolean; lineComment: boolean }

/** The layout's own choices, taken from the editor's FormattingOptions. */
interface Layout {
    /** One level of indentation: tabSize spaces, or a tab. */
    indent: string;
    /** Trim the blanks at the end of line comments (the other gaps are rewritten anyway). */
    trimTrailingWhitespace: boolean;
    /** false: a file without a final line break is left so. */
    insertFinalNewline: boolean | undefined;
}

function layoutOf(options: FormattingOptions | undefined): Layout {
    const size = options && Number.isInteger(options.tabSize) && options.tabSize > 0 ? Math.min(options.tabSize, 16) : 4;
    return {
        indent: options?.insertSpaces === false ? '\t' : ' '.repeat(size),
        trimTrailingWhitespace: options?.trimTrailingWhitespace === true,
        insertFinalNewline: options?.insertFinalNewline
    };
}

export class PlanFormatter implements Formatter {
    private readonly lexer: LangiumServices['parser']['Lexer'];

    constructor(services: LangiumServices) {
        this.lexer = services.parser.Lexer;
    }

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return this.safeEdits(document, params.options);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const { start, end } = params.range;
        return this.safeEdits(document, params.options).filter(e => e.range.end.line >= start.line && e.range.end.line <= end.line);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private safeEdits(document: LangiumDocument, options: FormattingOptions): TextEdit[] {
        const result = document.parseResult;
        // A document that does not parse is left alone: its tokens may not mean what they seem.
        if (result.lexerErrors.length > 0 || result.parserErrors.length > 0) return [];
        try {
            return this.edits(document, options);
        } catch (error) {
            console.error('plan formatting failed:', error);
            return [];
        }
    }

    /** The whitespace each gap between tokens should hold, as edits where it differs. */
    edits(document: LangiumDocument, options?: FormattingOptions): TextEdit[] {
        const layout = layoutOf(options);
        const indent = layout.indent;
        const text = document.textDocument.getText();
        const root = document.parseResult.value as ast.PlanDocument;
        const tokens = this.tokens(text);
        if (tokens.length === 0) return [];
        // Keep the document's own line ends (a file saved on Windows stays CRLF).
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const lineStarts = lineStartsOf(root);
        const cellSpaces = alignedCellSpaces(root, text);
        const tableYearStarts = tableYearStartsOf(root);
        const dateTokens = dateTokensOf(root);
        const tight = tightTokensOf(root);

        // Whether each token stands first on its line in the original text.
        const ownLine = tokens.map((t, i) => i === 0 || text.lastIndexOf('\n', t.offset - 1) >= tokens[i - 1].end);
        const gaps: { start: number; end: number; text: string }[] = [];
        let depth = 0;
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i];
            const previous = tokens[i - 1];
            const gapStart = previous ? previous.end : 0;
            const original = text.slice(gapStart, token.offset);
            const originalBreaks = countBreaks(original);
            if (token.image === '}' && !token.comment) depth = Math.max(0, depth - 1);
            let wanted: string;
            if (!previous) {
                wanted = '';
            } else if (token.comment) {
                wanted = this.commentGap(tokens, i, ownLine, originalBreaks, depth, lineStarts, eol, indent);
            } else {
                const start = lineStarts.get(token.offset);
                const afterComment = previous.comment && (previous.lineComment || originalBreaks > 0);
                if (start || afterComment) {
                    let breaks: number;
                    if (previous.comment && ownLine[i - 1]) breaks = Math.max(1, Math.min(originalBreaks, 2));
                    else if (start) breaks = start.keepBlank ? Math.max(start.breaks, Math.min(originalBreaks, 2)) : start.breaks;
                    else breaks = 1;
                    const level = depth + (start && !start.continuation ? 0 : 1);
                    wanted = eol.repeat(breaks) + indent.repeat(level);
                } else {
                    wanted = ' '.repeat(tight.has(token.offset) ? 0 : this.spaces(previous, token, cellSpaces, tableYearStarts, dateTokens));
                }
            }
            if (!/^\s*$/.test(original)) return []; // never let an edit swallow text
            if (wanted !== original) gaps.push({ start: gapStart, end: token.offset, text: wanted });
            if (token.image === '{' && !token.comment) depth++;
        }
        if (layout.trimTrailingWhitespace) {
            for (const token of tokens) {
                const trimmed = token.lineComment ? token.image.replace(/\s+$/, '').length : token.image.length;
                if (trimmed < token.image.length) gaps.push({ start: token.offset + trimmed, end: token.end, text: '' });
            }
            gaps.sort((a, b) => a.start - b.start);
        }
        const last = tokens[tokens.length - 1];
        const tail = text.slice(last.end);
        const finalBreak = tail === '' && layout.insertFinalNewline === false ? '' : eol;
        if (/^\s*$/.test(tail) && tail !== finalBreak) gaps.push({ start: last.end, end: text.length, text: finalBreak });

        const doc = document.textDocument;
        return gaps.map(g => ({ range: { start: doc.positionAt(g.start), end: doc.positionAt(g.end) }, newText: g.text }));
    }

    /** Every token in order, comments included (the lexer gives both lists in order: merge them). */
    private tokens(text: string): Token[] {
        const lexed = this.lexer.tokenize(text);
        const visible = lexed.tokens;
        const hidden = lexed.hidden;
        const tokens: Token[] = [];
        let v = 0;
        let h = 0;
        while (v < visible.length || h < hidden.length) {
            const takeHidden = h < hidden.length && (v >= visible.length || hidden[h].startOffset < visible[v].startOffset);
            const t = takeHidden ? hidden[h++] : visible[v++];
            if (!takeHidden && t.tokenType.name === 'YEAR_LINE') {
                // A year line is one token: laid out as its parts, the year, each cell, each comment.
                forEachYearLinePart(text, t.startOffset, t.startOffset + t.image.length, (part, from, to) => {
                    const image = text.slice(from, to);
                    tokens.push({ offset: from, end: to, image, comment: part === 'comment', lineComment: part === 'comment' && image.startsWith('//') });
                });
                continue;
            }
            tokens.push({
                offset: t.startOffset, end: t.startOffset + t.image.length, image: t.image,
                comment: takeHidden, lineComment: takeHidden && t.image.startsWith('//')
            });
        }
        return tokens;
    }

    /**
     * A comment on its own line belongs to what follows: it takes that line's break and indent. A
     * comment after code on the same line stays there, one space after it.
     */
    private commentGap(tokens: Token[], i: number, ownLine: boolean[], originalBreaks: number, depth: number, lineStarts: Map<number, LineStart>, eol: string, indent: string): string {
        if (!ownLine[i]) return ' ';
        let next = i + 1;
        while (next < tokens.length && tokens[next].comment) next++;
        const following = tokens[next];
        const start = following ? lineStarts.get(following.offset) : undefined;
        const closing = following?.image === '}';
        const level = closing ? depth : depth + (start && !start.continuation ? 0 : 1);
        // The first own-line comment of a run takes the breaks of the line it belongs to.
        const firstOfRun = !(tokens[i - 1].comment && ownLine[i - 1]);
        const kept = Math.min(originalBreaks, 2);
        const breaks = firstOfRun && start ? Math.max(start.breaks, kept) : Math.max(1, kept);
        return eol.repeat(breaks) + indent.repeat(level);
    }

    private spaces(previous: Token, token: Token, cellSpaces: Map<number, number>, tableYearStarts: Set<number>, dateTokens: Set<number>): number {
        const aligned = cellSpaces.get(token.offset);
        if (aligned !== undefined) return aligned;
        if (tableYearStarts.has(token.offset)) return 2;
        // Dates are printed tight: 21/8/2023, ?/11/2023.
        if (dateTokens.has(previous.offset) && dateTokens.has(token.offset) && (previous.image === '/' || token.image === '/')) return 0;
        return 1;
    }
}

function countBreaks(whitespace: string): number {
    let n = 0;
    for (const ch of whitespace) if (ch === '\n') n++;
    return n;
}

/** The first visible token of a node. */
function firstToken(node: AstNode | CstNode | undefined): number | undefined {
    let cst: CstNode | undefined = node && '$type' in node ? (node).$cstNode : node;
    while (cst && 'content' in cst) {
        const children = (cst as { content: CstNode[] }).content;
        cst = children.find(c => !c.hidden && c.length > 0);
    }
    return cst ? cst.offset : undefined;
}

/** Where lines start, and with how many breaks, from the syntax tree. */
function lineStartsOf(root: ast.PlanDocument): Map<number, LineStart> {
    const starts = new Map<number, LineStart>();
    const line = (at: AstNode | CstNode | undefined, breaks = 1, extra: Partial<LineStart> = {}) => {
        const offset = firstToken(at);
        if (offset !== undefined) starts.set(offset, { breaks, ...extra });
    };
    const keywords = (node: AstNode, ...words: string[]) => {
        for (const word of words) for (const cst of GrammarUtils.findNodesForKeyword(node.$cstNode, word)) line(cst);
    };
    const closing = (node: AstNode) => line(GrammarUtils.findNodesForKeyword(node.$cstNode, '}').at(-1));
    const property = (node: AstNode, name: string) => {
        for (const cst of GrammarUtils.findNodesForProperty(node.$cstNode, name)) line(cst);
    };

    line(root);
    keywords(root, 'part-of', 'number-style');
    root.elements.forEach((element, i) => {
        const previous = root.elements[i - 1];
        if (i === 0) line(element, 2);
        // The annex heading of the indicators leads straight into its dimensions.
        else if (ast.isIndicatorTable(previous)) line(element, 1, { keepBlank: true });
        else if (isBlockElement(element) || isBlockElement(previous) || element.$type !== previous.$type) line(element, 2);
        else line(element, 1, { keepBlank: true });
        if (element.$cstNode) layoutElement(element);
    });

    function layoutElement(node: AstNode): void {
        if (ast.isHeader(node)) {
            node.fields.forEach(f => {
                line(f);
                if (ast.isResolutionField(f)) for (const cst of GrammarUtils.findNodesForKeyword(f.$cstNode, 'about')) line(cst, 1, { continuation: true });
            });
            closing(node);
        } else if (ast.isDimension(node)) {
            if (GrammarUtils.findNodeForKeyword(node.$cstNode, '{')) {
                keywords(node, 'heading');
                node.indicators.forEach(i => { line(i); layoutElement(i); });
                closing(node);
            }
        } else if (ast.isIndicator(node)) {
            keywords(node, 'unit', 'direction', 'computed');
            line(node.assignment);
            node.values.forEach(v => line(v));
            closing(node);
        } else if (ast.isDistrictTable(node)) {
            keywords(node, 'annex', 'heading', 'row-header', 'standard', 'plans-per-unit', 'years', 'columns');
            node.declarations.forEach(d => line(d));
            node.checks.forEach(c => {
                line(c);
                line(c.left);
                keywords(c, 'rows', 'years', 'severity', 'message', 'en');
                closing(c);
            });
            // Line starts are kept by offset: a total laid out here stands first or last as written.
            const totalRows = (rows: (ast.TotalRow | undefined)[]) => rows.forEach(r => { if (r) { line(r); rowLines(r); } });
            node.sections.forEach(s => {
                line(s);
                s.rows.forEach(r => { line(r); rowLines(r); });
                totalRows([s.subtotal, ...s.extraTotals]);
                closing(s);
            });
            node.rows.forEach(r => { line(r); rowLines(r); });
            totalRows([node.total, ...node.extraTotals]);
            closing(node);
        } else if (ast.isTarget(node)) {
            keywords(node, 'indicator', 'year', 'standard', 'text');
            line(node.comparison);
            closing(node);
        } else if (ast.isSolutionSection(node)) {
            node.groups.forEach(g => { line(g); layoutElement(g); });
            closing(node);
        } else if (ast.isSolutionGroup(node)) {
            line(node.assignment);
            node.groups.forEach(g => { line(g); layoutElement(g); });
            node.solutions.forEach(s => { line(s); layoutElement(s); });
            closing(node);
        } else if (ast.isSolution(node)) {
            if (GrammarUtils.findNodeForKeyword(node.$cstNode, '{')) {
                keywords(node, 'text');
                line(node.assignment);
                closing(node);
            }
        } else if (ast.isTaskList(node)) {
            keywords(node, 'annex');
            node.tasks.forEach(task => {
                line(task);
                line(task.assignment);
                keywords(task, 'submit', 'note');
                closing(task);
            });
            closing(node);
        } else if (ast.isFunding(node)) {
            keywords(node, 'text');
            node.sources.forEach(s => line(s));
            closing(node);
        } else if (ast.isDutyList(node)) {
            node.items.forEach(item => {
                line(item);
                property(item, 'duties');
                closing(item);
            });
            closing(node);
        }
    }

    function rowLines(row: ast.TableRow | ast.TotalRow): void {
        property(row, 'years');
        closing(row);
    }
    return starts;
}

/** Elements laid out over several lines: a blank line separates them from their neighbours. */
function isBlockElement(e: ast.Element): boolean {
    if (ast.isAgency(e) || ast.isDistrict(e) || ast.isStandard(e) || ast.isProse(e) || ast.isIndicatorTable(e)) return false;
    if (ast.isDimension(e)) return GrammarUtils.findNodeForKeyword(e.$cstNode, '{') !== undefined;
    return true;
}

/**
 * Spaces before each cell of every year line, so that the cells of a table line up in columns with
 * their numbers right-aligned: one space after the year label, two between columns.
 */
function alignedCellSpaces(root: ast.PlanDocument, text: string): Map<number, number> {
    const spaces = new Map<number, number>();
    for (const element of root.elements) {
        if (!ast.isDistrictTable(element)) continue;
        // A year line is one token (YEAR_LINE): its cells are found in its text.
        const cells: number[][] = [];
        const addRow = (row: ast.TableRow | ast.TotalRow | undefined) => {
            for (const leaf of GrammarUtils.findNodesForProperty(row?.$cstNode, 'years')) cells.push(yearLineCells(text, leaf.offset, leaf.end));
        };
        element.rows.forEach(addRow);
        element.sections.forEach(s => { s.rows.forEach(addRow); addRow(s.subtotal); s.extraTotals.forEach(addRow); });
        addRow(element.total);
        element.extraTotals.forEach(addRow);
        const widths: number[] = [];
        for (const line of cells) for (let i = 0; i < line.length; i += 2) widths[i / 2] = Math.max(widths[i / 2] ?? 0, line[i + 1] - line[i]);
        for (const line of cells) for (let i = 0; i < line.length; i += 2) spaces.set(line[i], (i === 0 ? 1 : 2) + widths[i / 2] - (line[i + 1] - line[i]));
    }
    return spaces;
}

/** Tokens written without a space before them: the "(", the year or `previous` and the ")" of `poor(previous)`, `poor(2023)`. */
function tightTokensOf(root: ast.PlanDocument): Set<number> {
    const offsets = new Set<number>();
    for (const element of root.elements) {
        if (!ast.isDistrictTable(element)) continue;
        for (const check of element.checks) {
            for (const term of [...(check.left?.terms ?? []), ...(check.right?.terms ?? [])]) {
                const open = GrammarUtils.findNodeForKeyword(term.$cstNode, '(');
                const close = GrammarUtils.findNodeForKeyword(term.$cstNode, ')');
                if (!open || !close) continue;
                for (const leaf of CstUtils.flattenCst(term.$cstNode!)) if (leaf.offset >= open.offset && leaf.offset <= close.offset) offsets.add(leaf.offset);
            }
        }
    }
    return offsets;
}

/** Offsets of the tokens of every date (the header's date and the resolution's). */
function dateTokensOf(root: ast.PlanDocument): Set<number> {
    const offsets = new Set<number>();
    for (const element of root.elements) {
        if (!ast.isHeader(element)) continue;
        for (const field of element.fields) {
            const date = ast.isDateField(field) ? field.date : ast.isResolutionField(field) ? field.date : undefined;
            if (date?.$cstNode) for (const leaf of CstUtils.flattenCst(date.$cstNode)) offsets.add(leaf.offset);
        }
    }
    return offsets;
}

/** The table years after the first in `years { … }`: two spaces apart, so "2021 result  2022 result" reads as pairs. */
function tableYearStartsOf(root: ast.PlanDocument): Set<number> {
    const starts = new Set<number>();
    for (const element of root.elements) {
        if (!ast.isDistrictTable(element)) continue;
        element.years.slice(1).forEach(y => { const offset = firstToken(y); if (offset !== undefined) starts.add(offset); });
    }
    return starts;
}
