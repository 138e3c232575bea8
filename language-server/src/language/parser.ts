// The plan parser: Langium's, with two repairs for national-scale plans.
// 1. It lets go of the token vector once a parse is done. Langium's parser keeps the last input's
//    tokens (Chevrotain's `input`) until the next parse: for a 5 MB plan that is three quarters of a
//    million token objects, each with six boxed numbers (Chevrotain's end-of-input token puts NaN in
//    the same fields, so V8 stores all of them as doubles) — about 140 MB held for nothing.
// 2. Its syntax-tree builder passes all hidden tokens found between two tokens (comments) to
//    Array.push/splice/unshift as spread arguments, so ~100 000 comment lines in a row overflow the
//    call stack (the CLI failed, the language server died on didOpen). Such a run is handed over in
//    chunks (planHiddenNodes), as plan leaves (3.) in the place Langium would have put them; and
//    its place is found without a search of all the siblings (quadratic in a wide table).
import type { ILexingError, IToken } from 'chevrotain';
import * as ast from '../generated/ast.js';
import { lineIndexOf } from './line-index.js';
import { createParser, LangiumParser, LeafCstNodeImpl, type AstNode, type CstNode, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';

/** The parse of a text overflowed the stack: it stands as an empty plan with this error (see PlanParser.parse). */
export interface ParseFailedError extends ILexingError { parseFailed: string }

export function isParseFailedError(e: ILexingError): e is ParseFailedError {
    return typeof (e as Partial<ParseFailedError>).parseFailed === 'string';
}

export class PlanParser extends LangiumParser {
    /**
     * A text that overflows the stack while it is parsed (the nesting limit, lexer.ts, keeps the
     * known ways out) gives an empty plan with one error saying so, instead of an exception: the
     * language server then publishes that error rather than nothing, and the next parse works.
     */
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            return this.parseOnce<T>(input, options);
        } catch (e) {
            if (!(e instanceof RangeError) || input === '') throw e;
            const empty = this.parseOnce<T>('', options);
            const failed: ParseFailedError = { offset: 0, length: 0, line: undefined, column: undefined, message: e.message, parseFailed: e.message };
            return { ...empty, lexerErrors: [failed], parserErrors: [] };
        }
    }

    private parseOnce<T extends AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            const result = super.parse<T>(input, options);
            compactTableLines(result.value);
            return result;
        } finally {
            // Resets Chevrotain's state too; the result keeps its own error list.
            this.wrapper.input = [];
            // A parse that threw (the stack overflowed) leaves its rules' nodes on Langium's stack, and
            // every later parse then failed with "Parser stack is not empty after parsing".
            (this as unknown as { stack: unknown[] }).stack.length = 0;
        }
    }
}

// 4. Arrays grown by push keep at least 17 slots: a table row's year lines (3 to 15 of them) in the
//    syntax tree (its node's children) and in the AST (its `years`) held ~10 MB of empty slots for
//    a 5 MB plan. After a parse, each row's two arrays are copied into arrays of their size.
function exactCopy<T>(items: T[]): T[] {
    const copy = Reflect.construct(Array, [items.length], items.constructor) as T[];
    for (let i = 0; i < items.length; i++) copy[i] = items[i];
    return copy;
}

function compactTableLines(root: AstNode): void {
    const compact = (row: ast.TableRow | ast.TotalRow) => {
        row.years = exactCopy(row.years);
        const cst = row.$cstNode as { content?: CstNode[] & { parent?: unknown } } | undefined;
        if (cst?.content) {
            const content = exactCopy(cst.content) as CstNode[] & { parent?: unknown };
            content.parent = cst.content.parent;
            cst.content = content;
        }
    };
    if (!ast.isPlanDocument(root)) return;
    for (const e of root.elements) {
        if (!ast.isDistrictTable(e)) continue;
        e.rows.forEach(compact);
        for (const section of e.sections) {
            section.rows.forEach(compact);
            if (section.subtotal) compact(section.subtotal);
            section.extraTotals.forEach(compact);
        }
        if (e.total) compact(e.total);
        e.extraTotals.forEach(compact);
    }
}

// 3. Its leaves get their range (three objects) when they are built, from Chevrotain's token, whose
//    line and column fields V8 stores as boxed doubles: about 130 bytes per token, ~100 MB for a 5 MB
//    plan. A plan leaf computes its range each time it is asked, from its offset and the text's line
//    starts, with small integers, and does not keep it: semantic tokens ask every leaf once, which
//    kept ~35 MB of ranges for a 5 MB plan. Plain objects (tests compare ranges strictly), in the order
//    { line, character }: Langium's token ranges are { character, line } and hold doubles, which would
//    box ours too.
type Range = CstNode['range'];

class PlanLeaf extends LeafCstNodeImpl {
    override get range(): Range {
        return lineIndexOf(this).range(this.offset, this.offset + this.length);
    }
}

interface TokenLike { startOffset: number; image: string; tokenType: IToken['tokenType'] }
interface LeafBuilderLike { rootNode: CstNode; current: { content: CstNode[] }; buildLeafNode(token: TokenLike, feature: unknown): CstNode }

export function lazyLeafRanges(builder: LeafBuilderLike): void {
    builder.buildLeafNode = (token, feature) => {
        const leaf = new PlanLeaf(token.startOffset | 0, token.image.length, undefined as unknown as Range, token.tokenType, !feature);
        leaf.grammarSource = feature as never;
        leaf.root = builder.rootNode as never;
        builder.current.content.push(leaf);
        return leaf;
    };
}

const CHUNK = 10_000;

interface CompositeLike { content: unknown[]; container?: CompositeLike }
interface NodeBuilderLike { current: CompositeLike; rootNode: CompositeLike & CstNode; addHiddenNodes(tokens: IToken[]): void }

/**
 * Hidden tokens (comments) become plan leaves, placed where Langium places them: appended to the
 * current node when it has content; else before the nearest enclosing node that is not the first of
 * its parent; else at the start of the tree. They are handed over CHUNK at a time (in an order that
 * keeps them in order), so that a run of 100.000 comments does not overflow the call stack.
 */
export function planHiddenNodes(builder: NodeBuilderLike): void {
    builder.addHiddenNodes = (tokens: IToken[]) => {
        // Langium calls this before every token, mostly with none: looking for the place of nothing
        // searched the parent's children each time a node starts (indexOf), quadratic in the siblings
        // — a table of 10.000 columns or 12.000 rows spent seconds there.
        if (tokens.length === 0) return;
        const chunks: CstNode[][] = [];
        for (let i = 0; i < tokens.length; i += CHUNK) {
            chunks.push(tokens.slice(i, i + CHUNK).map(token => {
                const leaf = new PlanLeaf(token.startOffset | 0, token.image.length, undefined as unknown as Range, token.tokenType, true);
                leaf.root = builder.rootNode as never;
                return leaf;
            }));
        }
        let current = builder.current;
        if (current.content.length > 0) {
            for (const chunk of chunks) current.content.push(...chunk);
            return;
        }
        while (current.container) {
            // A node being built is its parent's last child so far: found from the end at once.
            let index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                for (const chunk of chunks) {
                    current.container.content.splice(index, 0, ...chunk);
                    index += chunk.length;
                }
                return;
            }
            current = current.container;
        }
        for (const chunk of chunks.reverse()) builder.rootNode.content.unshift(...chunk);
    };
}

/** As Langium's createLangiumParser, with the plan parser. */
export function createPlanParser(services: LangiumCoreServices): PlanParser {
    const parser = new PlanParser(services);
    planHiddenNodes((parser as unknown as { nodeBuilder: NodeBuilderLike }).nodeBuilder);
    lazyLeafRanges((parser as unknown as { nodeBuilder: LeafBuilderLike }).nodeBuilder);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
