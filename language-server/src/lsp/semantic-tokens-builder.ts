// The semantic tokens of a document, kept as integers until the answer is made. Langium's builder keeps
// an object per token until it sorts them, and keeps the last answer's array per open document (for
// deltas, which this server does not offer): for a 5 MB plan (600.000 tokens, most of them the cells
// of its tables) that was ~140 MB more at the request's peak and ~30 MB held (issue 8).
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver';

const FIELDS = 5;

export class CompactSemanticTokensBuilder {
    /** line, character, length, type, modifiers of each token, in the order pushed. */
    private tokens = new Int32Array(FIELDS * 256);
    private count = 0;
    private inOrder = true;
    private resultId = 0;

    push(line: number, char: number, length: number, tokenType: number, tokenModifiers: number): void {
        if (this.count * FIELDS === this.tokens.length) {
            const grown = new Int32Array(this.tokens.length * 2);
            grown.set(this.tokens);
            this.tokens = grown;
        }
        const at = this.count * FIELDS;
        if (this.count > 0) {
            const lastLine = this.tokens[at - FIELDS], lastChar = this.tokens[at - FIELDS + 1];
            if (line < lastLine || (line === lastLine && char < lastChar)) this.inOrder = false;
        }
        this.tokens[at] = line;
        this.tokens[at + 1] = char;
        this.tokens[at + 2] = length;
        this.tokens[at + 3] = tokenType;
        this.tokens[at + 4] = tokenModifiers;
        this.count++;
    }

    /** Nothing of a previous answer is kept. */
    flush(): void {
        this.reset();
    }

    previousResult(): void {
        this.reset();
    }

    /** The tokens in document order (by line, then character; pushed order among equals), delta-encoded as LSP wants them. */
    build(): SemanticTokens {
        const { tokens, count } = this;
        const order = new Uint32Array(count);
        for (let i = 0; i < count; i++) order[i] = i;
        if (!this.inOrder) {
            order.sort((a, b) => (tokens[a * FIELDS] - tokens[b * FIELDS]) || (tokens[a * FIELDS + 1] - tokens[b * FIELDS + 1]) || a - b);
        }
        const data = new Array<number>(count * FIELDS);
        let previousLine = 0, previousChar = 0;
        for (let k = 0; k < count; k++) {
            const at = order[k] * FIELDS;
            const line = tokens[at], char = tokens[at + 1];
            data[k * FIELDS] = line - previousLine;
            data[k * FIELDS + 1] = line === previousLine ? char - previousChar : char;
            data[k * FIELDS + 2] = tokens[at + 2];
            data[k * FIELDS + 3] = tokens[at + 3];
            data[k * FIELDS + 4] = tokens[at + 4];
            previousLine = line;
            previousChar = char;
        }
        this.reset();
        return { resultId: String(++this.resultId), data };
    }

    /** Deltas are not offered (the server's options): a whole answer. */
    buildEdits(): SemanticTokens | SemanticTokensDelta {
        return this.build();
    }

    private reset(): void {
        this.tokens = new Int32Array(FIELDS * 256);
        this.count = 0;
        this.inOrder = true;
    }
}
