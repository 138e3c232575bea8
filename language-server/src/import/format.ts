// Imported plan text laid out by the plan formatter, the language's one layout: the importer writes
// plain lines and leaves indentation, blank lines and the alignment of table columns to it.
import { URI } from 'langium';
import type { PlanServices } from '../plan-module.js';

let counter = 0;

/**
 * Declarations and tables to go into a plan, formatted: a plan's elements parse only after its `plan`
 * line, so they are laid out under a stand-in one, which is then taken off.
 */
export async function formatPlanFragment(services: PlanServices, fragment: string): Promise<string> {
    const head = 'plan fragment\n\n';
    const laid = await formatPlanText(services, head + fragment);
    const start = /^plan fragment\r?\n(\r?\n)*/.exec(laid);
    return start ? laid.slice(start[0].length) : fragment;
}

/** The text formatted, or as it is when it does not parse (the formatter leaves such text alone). */
export async function formatPlanText(services: PlanServices, text: string): Promise<string> {
    const uri = URI.parse(`memory:///import-${++counter}.plan`);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    const formatter = services.lsp.Formatter;
    if (!formatter) return text;
    const edits = await formatter.formatDocument(document, {
        textDocument: { uri: uri.toString() },
        options: { tabSize: 4, insertSpaces: true, insertFinalNewline: true }
    });
    const offsets = edits.map(e => ({
        start: document.textDocument.offsetAt(e.range.start),
        end: document.textDocument.offsetAt(e.range.end),
        text: e.newText
    })).sort((a, b) => a.start - b.start);
    // One pass, piece by piece: an edit per gap of a 16.000-line table made a copy of the text each.
    const pieces: string[] = [];
    let at = 0;
    for (const e of offsets) {
        pieces.push(text.slice(at, e.start), e.text);
        at = e.end;
    }
    pieces.push(text.slice(at));
    return pieces.join('');
}
