// The model's table cells and year lines: objects that keep their offsets and compute their source
// range when one is asked for (a finding, a hover). A national plan has hundreds of thousands of
// cells; a range held for each (three objects, plus the syntax leaf's own) was most of the memory of
// validating one (issue 8). Every field is set in the constructor, so that V8 gives all cells one
// shape; what few cells have (a reading problem, a range's bounds) is kept apart.
import type { LineIndex } from '../language/line-index.js';
import type { CellModel, Measure, PrintedBound, PrintedNumber, SourceRange, YearCellsModel } from './types.js';

/** What few cells have: a reading problem, or the bounds of a range. */
interface CellExtra {
    problem?: 'wrong-style' | 'malformed';
    suggestion?: string;
    bounds?: [PrintedBound, PrintedBound];
}

export class TableCell implements CellModel, PrintedNumber {
    value: number | undefined;
    decimals: number;
    private extra: CellExtra | undefined;

    constructor(
        readonly measure: Measure, readonly printed: string,
        /** The cell's text is `printed`, from here. */
        private readonly start: number, private readonly lines: LineIndex
    ) {
        this.value = undefined;
        this.decimals = 0;
        this.extra = undefined;
    }

    get problem(): CellExtra['problem'] { return this.extra?.problem; }
    set problem(p: CellExtra['problem']) { (this.extra ??= {}).problem = p; }
    get suggestion(): string | undefined { return this.extra?.suggestion; }
    set suggestion(s: string | undefined) { (this.extra ??= {}).suggestion = s; }
    get bounds(): CellExtra['bounds'] { return this.extra?.bounds; }
    set bounds(b: CellExtra['bounds']) { (this.extra ??= {}).bounds = b; }

    /** The cell as a number: undefined for a blank ("-") and for a range. */
    get number(): PrintedNumber | undefined {
        return this.printed === '-' || this.extra?.bounds ? undefined : this;
    }

    /** Made when asked (a finding, a hover, the preview), not kept. */
    get range(): SourceRange {
        return this.lines.range(this.start, this.start + this.printed.length);
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
