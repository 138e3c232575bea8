// The model's table cells and year lines: objects that keep their offsets and compute their source
// range when one is asked for (a finding, a hover). A national plan has hundreds of thousands of
// cells; a range held for each (three objects, plus the syntax leaf's own) was most of the memory of
// validating one (issue 8). Every field is set in the constructor, so that V8 gives all cells one
// shape; what few cells have (a reading problem, a range's bounds) is kept apart.
// Cells and lines stand at offsets within their year line's token (its syntax leaf), not in the text:
// an edit in one line of a table moves the leaves behind it (language/cell-edit.ts), and the model's
// other rows, kept from before the edit, move with them.
import type { CstNode } from 'langium';
import { lineIndexOf, rangeOfNode } from '../language/line-index.js';
import { YEAR_LABEL_LENGTH } from '../language/year-line.js';
import type { NumberStyle } from '../../../common/numbers.js';
import type { CellModel, CellNote, DistrictModel, IdRef, Measure, PrintedBound, PrintedNumber, SourceRange, TableRowModel, UnitLevel, YearCellsModel, YearPhase } from './types.js';

/** What few cells have: a reading problem (and the column's style it was read under), the bounds of a range, a note. */
interface CellExtra {
    problem?: 'wrong-style' | 'malformed';
    suggestion?: string;
    style?: NumberStyle;
    bounds?: [PrintedBound, PrintedBound];
    note?: CellNote;
}

export class TableCell implements CellModel, PrintedNumber {
    value: number | undefined;
    decimals: number;
    private extra: CellExtra | undefined;

    constructor(
        readonly measure: Measure,
        /** The year line's token the cell is in. */
        private readonly leaf: CstNode,
        /** The cell's text: `length` characters from `start` in its line (a string per cell was ~12 MB of a 5 MB plan). */
        private readonly start: number, private readonly length: number
    ) {
        this.value = undefined;
        this.decimals = 0;
        this.extra = undefined;
    }

    /** The cell's text as printed, taken from the plan's text when asked. */
    get printed(): string {
        const at = this.leaf.offset + this.start;
        return this.leaf.root.fullText.substring(at, at + this.length);
    }

    get problem(): CellExtra['problem'] { return this.extra?.problem; }
    set problem(p: CellExtra['problem']) { (this.extra ??= {}).problem = p; }
    get suggestion(): string | undefined { return this.extra?.suggestion; }
    set suggestion(s: string | undefined) { (this.extra ??= {}).suggestion = s; }
    get style(): NumberStyle | undefined { return this.extra?.style; }
    set style(s: NumberStyle | undefined) { (this.extra ??= {}).style = s; }
    get bounds(): CellExtra['bounds'] { return this.extra?.bounds; }
    set bounds(b: CellExtra['bounds']) { (this.extra ??= {}).bounds = b; }
    get note(): CellNote | undefined { return this.extra?.note; }
    set note(n: CellNote | undefined) { (this.extra ??= {}).note = n; }

    /** The cell as a number: undefined for a blank ("-"), a range and a note. */
    get number(): PrintedNumber | undefined {
        return this.extra?.bounds || this.extra?.note || (this.length === 1 && this.leaf.root.fullText.charCodeAt(this.offset) === 0x2d) ? undefined : this;
    }

    get offset(): number {
        return this.leaf.offset + this.start;
    }

    /** Made when asked (a finding, a hover, the preview), not kept. */
    get range(): SourceRange {
        const at = this.offset;
        return lineIndexOf(this.leaf).range(at, at + this.length);
    }
}

export class YearLine implements YearCellsModel {
    cells: CellModel[];
    // Only a line that names its year group has these (`declare`: no field on every other line).
    declare phase?: YearPhase;
    declare standardId?: string;
    declare key?: string;

    constructor(
        public year: number,
        /** The line's token, from its year label ("2021:") to its last cell. */
        private readonly leaf: CstNode,
        /** Start and end offsets, within the line, of the cells beyond the declared columns, in pairs. */
        private readonly extraOffsets: number[] | undefined,
        /** How many cells the line prints, a note as its span (YearCellsModel.found); undefined when no note spans cells. */
        readonly found?: number
    ) {
        this.cells = [];
    }

    get offset(): number {
        return this.leaf.offset;
    }

    get range(): SourceRange {
        return lineIndexOf(this.leaf).range(this.leaf.offset, this.leaf.end);
    }

    get yearRange(): SourceRange {
        return lineIndexOf(this.leaf).range(this.leaf.offset, this.leaf.offset + YEAR_LABEL_LENGTH);
    }

    get extra(): SourceRange[] {
        const offsets = this.extraOffsets ?? [];
        const lines = lineIndexOf(this.leaf);
        const base = this.leaf.offset;
        const out: SourceRange[] = [];
        for (let i = 0; i < offsets.length; i += 2) out.push(lines.range(base + offsets[i], base + offsets[i + 1]));
        return out;
    }
}

/**
 * The place of a declaration, a row or a reference, as the syntax node it stands at: a national plan
 * has one of each per unit, and a range held for each (three objects, kept on the syntax tree as
 * well) was ~20 MB of a 5 MB plan. The node is a private field (# fields are not the object's keys).
 */
export class DistrictEntry implements DistrictModel {
    readonly #node: CstNode | undefined;
    readonly #nameNode: CstNode | undefined;

    constructor(
        readonly id: string, readonly name: string, readonly fullName: string | undefined, readonly level: UnitLevel,
        readonly kind: DistrictModel['kind'], node: CstNode | undefined, nameNode: CstNode | undefined
    ) {
        this.#node = node;
        this.#nameNode = nameNode;
    }

    get range(): SourceRange { return rangeOfNode(this.#node); }
    get nameRange(): SourceRange { return rangeOfNode(this.#nameNode ?? this.#node); }
}

export class RowEntry implements TableRowModel {
    readonly #node: CstNode | undefined;
    numbers: PrintedNumber[] = [];
    notes: CellModel[] | undefined = undefined;

    constructor(
        readonly kind: TableRowModel['kind'], readonly label: string, readonly years: YearCellsModel[],
        readonly no: PrintedNumber | undefined, readonly district: IdRef | undefined, node: CstNode | undefined
    ) {
        this.#node = node;
    }

    get range(): SourceRange { return rangeOfNode(this.#node); }
}

export class Ref implements IdRef {
    printedAs: IdRef['printedAs'] = undefined;
    readonly #node: CstNode | undefined;

    constructor(readonly id: string, readonly resolved: boolean, readonly name: string | undefined, node: CstNode | undefined) {
        this.#node = node;
    }

    get range(): SourceRange { return rangeOfNode(this.#node); }
}

/** A number written in the plan outside the tables' year lines (a row's number, a value, a year). */
export class LocatedNumber implements PrintedNumber {
    value: number | undefined = undefined;
    decimals = 0;
    problem: PrintedNumber['problem'] = undefined;
    suggestion: string | undefined = undefined;
    readonly #node: CstNode | undefined;

    constructor(readonly printed: string, node: CstNode | undefined) {
        this.#node = node;
    }

    get range(): SourceRange { return rangeOfNode(this.#node); }
}
