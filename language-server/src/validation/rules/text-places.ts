// Places inside a string of the plan (a name in a title, a quote in a sentence): the model keeps each
// printed string as written, quotes included, with its range; a part of it is found by counting lines.
import type { PlanText, SourceRange } from '../../model/types.js';

/** The range of literal[from, to) of a printed string (indices into its text as written, quotes included). */
export function rangeInText(text: PlanText, from: number, to: number): SourceRange {
    const start = text.range.start;
    const at = (index: number) => {
        let line = start.line;
        let character = start.character;
        for (let i = 0; i < index; i++) {
            if (text.literal[i] === '\n') { line++; character = 0; }
            else character++;
        }
        return { line, character };
    };
    return { start: at(from), end: at(to) };
}
