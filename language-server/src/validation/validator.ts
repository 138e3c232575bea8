// Bridges the pure rules to Langium: one check on the plan root runs every rule over the cached
// model and reports each finding at its range, with its stable code and fix data.
import {
    AstUtils, CstUtils, DefaultDocumentValidator, DocumentValidator, TextDocument, interruptAndCheck, type AstNode, type Cancellation, type LangiumDocument, type ParseResult,
    type ValidationAcceptor, type ValidationChecks, type ValidationOptions
} from 'langium';
import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { isDistrictTable, type PlanAstType, type PlanDocument } from '../generated/ast.js';
import type { PlanServices } from '../plan-module.js';
import { RowFindings, type Finding } from './rule.js';
import { checkPlanStoppable } from './rules.js';
import { checkRollUp } from './rules/roll-up.js';
import { familyOf, watchRollUpFamilies } from './roll-up-family.js';
import { damagedSpans, SYNTAX_ERROR_CODE, SyntaxErrorAnalyzer, syntaxMessage } from './syntax-errors.js';
import { say } from '../../../common/catalogue.js';
import { SYNTAX_MESSAGES } from '../../../common/words/syntax.js';
import { fileIssueMessage } from '../../../common/findings.js';
import { rulesDocument } from '../../../common/rules-doc.js';
import { isNestingError } from '../language/lexer.js';
import { isParseFailedError } from '../language/parser.js';

/** The rules' page at a rule's line (common/rules-doc.ts); the page itself for a code it lacks. */
export function ruleLink(page: string, code: string): string {
    const line = rulesDocLines()[code];
    return line ? `${page}#L${line}` : page;
}

let lines: Record<string, number> | undefined;
const rulesDocLines = () => (lines ??= rulesDocument().lineOf);

/** A block nested deeper than the parser reads (language/lexer.ts, limitNesting). */
const NESTING_CODE = 'nesting-too-deep';
/** A text the parser failed on (language/parser.ts): checked as an empty plan. */
const PARSE_FAILED_CODE = 'parse-failed';

export function registerValidationChecks(services: PlanServices): void {
    const registry = services.validation.ValidationRegistry;
    // Per document: what the unit rows' checks found last time (rule.ts RowFindings).
    const rowFindings = new Map<string, RowFindings>();
    services.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => { for (const uri of deleted) rowFindings.delete(uri.toString()); });
    const checks: ValidationChecks<PlanAstType> = {
        // A newer change cancels the check: it stops between rules (the rules themselves stay pure).
        PlanDocument: async (root: PlanDocument, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken) => {
            const document = root.$document;
            if (!document) return;
            await interruptAndCheck(cancelToken);
            const model = services.plan.Models.get(document);
            const key = document.uri.toString();
            let rows = rowFindings.get(key);
            if (!rows) rowFindings.set(key, rows = new RowFindings());
            const between = () => interruptAndCheck(cancelToken);
            const findings = await checkPlanStoppable(model, services.plan.Settings.locale, services.plan.Settings.options, between, rows);
            await interruptAndCheck(cancelToken);
            // Across files: the plan it is part of, and the plans part of it, must state the same figures.
            findings.push(...checkRollUp(model, familyOf(services, document), services.plan.Settings.locale));
            const caused = causedBySyntaxError(document);
            const uri = document.uri.toString();
            const page = services.plan.Settings.rulesPage;
            for (const f of findings) {
                if (caused(f)) continue;
                accept(f.severity, f.message, {
                    node: root, range: f.range, code: f.code,
                    // What the rule checks, one click away: its entry in the rules' page.
                    codeDescription: page ? { href: ruleLink(page, f.code) } : undefined,
                    data: { code: f.code, ...f.data },
                    // The other places the finding is about: listed under it by the editor, each a link.
                    relatedInformation: f.related?.map(r => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message })),
                    // An agency no one names is shown faded, as unused code is.
                    tags: f.code === 'unused-agency' ? [DiagnosticTag.Unnecessary] : undefined
                });
            }
        }
    };
    registry.register(checks);
    // Plans whose relatives changed in an update are checked again in a build of their own, queued as the editor's are.
    const lock = services.shared.workspace.WorkspaceLock;
    const builder = services.shared.workspace.DocumentBuilder;
    watchRollUpFamilies(services, () => { void lock.write(token => builder.update([], [], token)); });
}

/**
 * Whether a rule finding may be only the parser's recovery from a syntax error: the finding's node
 * holds a damaged span (a misspelled `drection` makes recovery skip `lower lead YT`, and the
 * indicator then "has no lead"), or, for an unused agency, its id is among the skipped tokens.
 */
function causedBySyntaxError(document: LangiumDocument): (f: Finding) => boolean {
    const { parseResult, textDocument } = document;
    const root = parseResult.value.$cstNode;
    if (!root || (parseResult.lexerErrors.length === 0 && parseResult.parserErrors.length === 0)) return () => false;
    const spans = damagedSpans(parseResult, textDocument.getText().length);
    const skipped = new Set(spans.flatMap(s => s.skipped));
    const starts = spans.map(s => s.start).sort((a, b) => a - b);
    /** Whether a damaged span starts in [from, to): the first start ≥ from, by bisection. */
    const damagedIn = (from: number, to: number) => {
        let lo = 0, hi = starts.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (starts[mid] < from) lo = mid + 1; else hi = mid;
        }
        return lo < starts.length && starts[lo] < to;
    };
    return f => {
        if (f.code === 'unused-agency' && skipped.has(textDocument.getText(f.range))) return true;
        const node: AstNode | undefined = CstUtils.findLeafNodeAtOffset(root, textDocument.offsetAt(f.range.start))?.astNode;
        const cst = node && node !== parseResult.value ? node.$cstNode : undefined;
        if (!!cst && damagedIn(cst.offset, cst.end)) return true;
        // A year the table does not declare, where the table's head is broken (a brace closed early
        // in `years { … }`): the years after it were never read, and every row would say so.
        if (f.code === 'undeclared-table-year' && node) {
            const table = AstUtils.getContainerOfType(node, isDistrictTable);
            const head = table?.$cstNode;
            const body = table && [...table.rows, ...table.sections].map(r => r.$cstNode?.offset ?? Infinity).reduce((a, b) => Math.min(a, b), Infinity);
            if (head && body !== undefined && damagedIn(head.offset, Math.min(body, head.end))) return true;
        }
        return false;
    };
}

/** Gives syntax and linking diagnostics stable codes; syntax errors one per mistake, in the user's language. */
export class PlanDocumentValidator extends DefaultDocumentValidator {
    private readonly syntaxErrors: SyntaxErrorAnalyzer;

    constructor(private readonly services: PlanServices) {
        super(services);
        this.syntaxErrors = new SyntaxErrorAnalyzer(services);
    }

    /**
     * Every rule runs from the one check on the plan's root (registerValidationChecks): the root is
     * checked and its descendants are not walked (a national plan has hundreds of thousands).
     */
    protected override validateSingleNodeOptions(_node: AstNode, _options: ValidationOptions): { validateNode: boolean; validateChildren: boolean } {
        return { validateNode: true, validateChildren: false };
    }

    /**
     * Lexer errors are reported with the parser's (processParsingErrors), merged per line; a block
     * nested too deep on its own, at its `{`, saying the limit and what was not read.
     */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        super.processLexingErrors({ ...parseResult, lexerErrors: [] }, diagnostics, options);
        const locale = this.services.plan.Settings.locale;
        for (const failed of parseResult.lexerErrors.filter(isParseFailedError)) {
            const start = { line: 0, character: 0 };
            diagnostics.push({
                severity: 1, range: { start, end: start }, code: PARSE_FAILED_CODE, source: this.getSource(),
                message: fileIssueMessage(PARSE_FAILED_CODE, { reason: failed.parseFailed }, locale), data: { code: PARSE_FAILED_CODE }
            });
        }
        const nesting = parseResult.lexerErrors.filter(isNestingError);
        if (nesting.length === 0) return;
        const text = parseResult.value.$document?.textDocument ?? TextDocument.create('', '', 0, parseResult.value.$cstNode?.root.fullText ?? '');
        for (const { nesting: n } of nesting) {
            const args = { depth: n.depth, limit: n.limit, closeLine: n.close === undefined ? '' : text.positionAt(n.close).line + 1 };
            diagnostics.push({
                severity: 1, range: { start: text.positionAt(n.open), end: text.positionAt(n.open + 1) }, code: NESTING_CODE,
                message: fileIssueMessage(NESTING_CODE, args, locale), data: { code: NESTING_CODE, ...args }, source: this.getSource()
            });
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const text = (parseResult.value).$document?.textDocument.getText() ?? parseResult.value.$cstNode?.root.fullText ?? '';
        const locale = this.services.plan.Settings.locale;
        for (const { range, data } of this.syntaxErrors.analyse(text, parseResult)) {
            diagnostics.push({ severity: 1, range, code: SYNTAX_ERROR_CODE, message: syntaxMessage(data, locale), data, source: this.getSource() });
        }
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const locale = this.services.plan.Settings.locale;
        for (const d of diagnostics) {
            if (d.code !== undefined) continue;
            const internal = (d.data as { code?: string } | undefined)?.code;
            if (internal === DocumentValidator.LinkingError) d.code = 'unknown-reference';
            else if (internal?.startsWith('lexing-') || internal === DocumentValidator.ParsingError) {
                d.code = SYNTAX_ERROR_CODE;
                d.message = say(SYNTAX_MESSAGES.raw, locale, { message: d.message });
            } else {
                // A check that threw: reported, never swallowed, and never a crash of the server.
                d.code = 'internal-error';
            }
        }
        return diagnostics;
    }
}
