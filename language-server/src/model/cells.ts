// The model's table cells and year lines: objects that keep their offsets and compute their source
// range when one is asked for (a finding, a hover). A national plan has hundreds of thousands of
// cells; a range held for each (three objects, plus the syntax leaf's own) was most of the memory of
// validating one (issue 8). Every field is set in the constructor, so that V8 gives all cells one
// shape.
import type { LineIndex } from '../language/line-index.js';
import type { CellModel, Measure, PrintedBound, PrintedNumber, SourceRange, YearCellsModel } from './types.js';

export class TableCell implements CellModel, PrintedNumber {
    value: number | undefined;
    decimals: number;
    problem: 'wrong-style' | 'malformed' | undefined;
    suggestion: string | undefined;
    bounds: [PrintedBound, PrintedBound] | undefined;
    private cachedRange: SourceRange | undefined;

    constructor(
        readonly measure: Measure, readonly printed: string,
        private readonly start: number, private readonly end: number, private readonly lines: LineIndex
    ) {
        this.value = undefined;
        this.decimals = 0;
        this.problem = undefined;
        this.suggestion = undefined;
        this.bounds = undefined;
        this.cachedRange = undefined;
    }

    /** The cell as a number: undefined for a blank ("-") and for a range. */
    get number(): PrintedNumber | undefined {
        return this.printed === '-' || this.bounds ? undefined : this;
    }

    get range(): SourceRange {
        return this.cachedRange ??= this.lines.range(this.start, this.end);
    }
}

export class YearLine implements YearCellsModel {
    cells: CellModel[];
    private cachedRange: SourceRange | undefined;
    private cachedYearRange: SourceRange | undefined;

    constructor(
        public year: number,
        private readonly start: number, private readonly end: number, private readonly yearEnd: number,
        /** Start and end offsets of the cells beyond the declared columns, in pairs. */
        private readonly extraOffsets: number[] | undefined,
        private readonly lines: LineIndex
    ) {
        this.cells = [];
        this.cachedRange = undefined;
        this.cachedYearRange = undefined;
    }

    get range(): SourceRange {
        return this.cachedRange ??= this.lines.range(this.start, this.end);
    }

    get yearRange(): SourceRange {
        return this.cachedYearRange ??= this.lines.range(this.start, this.yearEnd);
    }

    get extra(): SourceRange[] {
        const offsets = this.extraOffsets ?? [];
        const out: SourceRange[] = [];
        for (let i = 0; i < offsets.length; i += 2) out.push(this.lines.range(offsets[i], offsets[i + 1]));
        return out;
    }
}
