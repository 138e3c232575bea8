// Word documents: `word/document.xml` read with saxes, after the zip's safe pass. The body in order
// becomes blocks (paragraphs with their runs flattened; tables as grids): content controls (w:sdt),
// inserted revisions and text boxes are walked into, so no table or paragraph in them is lost; a text
// box's content comes before the paragraph anchoring it. Deleted revisions, field codes and the
// fallback copy of a drawing (mc:Fallback, which repeats mc:Choice) are skipped. In a table, gridSpan
// and vMerge become merges, a nested table is flattened into its cell's text (rows as lines, cells
// separated by tabs), a cell's paragraphs are joined by "\n", and a cell is bold when all its runs are.
import type { SaxesTagPlain } from 'saxes';
import { said, say, type Said } from '../../../../common/catalogue.js';
import type { Locale } from '../../../../common/locale.js';
import { IMPORT_PLACES } from '../../../../common/words/import.js';
import type { Grid, GridCell, Merge, SourceBlock, SourceParagraph } from '../grid.js';
import type { ImportLimits } from '../limits.js';
import { checkGridCount, checkGridSize } from './limits-check.js';
import { passZip, requirePart } from './zip.js';
import { walkXml } from './xml-safety.js';

const DOCUMENT = 'word/document.xml';
const PACKAGE_RELS = '_rels/.rels';

interface ParagraphState {
    text: string;
    /** Runs holding visible text, and how many of them are bold / italic. */
    runs: number;
    boldRuns: number;
    italicRuns: number;
    align?: SourceParagraph['align'];
    style?: string;
    numberingLevel?: number;
    numbered?: boolean;
}

interface CellState {
    paragraphs: string[];
    runs: number;
    boldRuns: number;
    gridSpan: number;
    vMerge?: 'restart' | 'continue';
}

interface RowState { cells: CellState[]; gridBefore: number }

interface TableState { rows: RowState[] }

interface RunState { bold: boolean; italic: boolean; text: string }

/** A boolean toggle of run properties: <w:b/> is on, <w:b w:val="0|false|off"/> is off. */
function toggle(tag: SaxesTagPlain): boolean {
    const v = tag.attributes['w:val'];
    return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

const ALIGN: Record<string, SourceParagraph['align']> = {
    left: 'left', start: 'left', center: 'center', right: 'right', end: 'right', both: 'both', distribute: 'both', justify: 'both'
};

/** Folds the document's elements into blocks and grids as they stream past. */
class DocumentReader {
    readonly blocks: SourceBlock[] = [];
    readonly grids: Grid[] = [];
    private readonly paragraphs: ParagraphState[] = [];
    private readonly tables: TableState[] = [];
    /** Open cells, innermost last: a paragraph that closes goes to the innermost cell, else the body. */
    private readonly cells: CellState[] = [];
    private run?: RunState;
    /** Depth inside elements whose content is skipped (deleted text, field codes, fallbacks). */
    private skipping = 0;
    private inText = false;
    private inParagraphProps = 0;
    private inRunProps = false;

    constructor(private readonly file: string, private readonly limits: ImportLimits, private readonly locale: Locale) {}

    open(tag: SaxesTagPlain): void {
        const name = tag.name;
        if (this.skipping > 0) {
            if (!tag.isSelfClosing) this.skipping++;
            return;
        }
        switch (name) {
            case 'mc:Fallback': case 'w:delText': case 'w:instrText': case 'w:del': case 'w:moveFrom':
                if (!tag.isSelfClosing) this.skipping = 1;
                return;
            case 'w:p':
                this.paragraphs.push({ text: '', runs: 0, boldRuns: 0, italicRuns: 0 });
                return;
            case 'w:pPr': this.inParagraphProps++; return;
            case 'w:r': this.run = { bold: false, italic: false, text: '' }; return;
            case 'w:rPr': this.inRunProps = this.inParagraphProps === 0; return;
            case 'w:t': this.inText = true; return;
            case 'w:tbl': this.tables.push({ rows: [] }); return;
            case 'w:tr': this.currentTable()?.rows.push({ cells: [], gridBefore: 0 }); return;
            case 'w:tc': this.cells.push({ paragraphs: [], runs: 0, boldRuns: 0, gridSpan: 1 }); return;
            default: this.property(tag);
        }
    }

    /** Properties of the run, paragraph, cell or row being read. */
    private property(tag: SaxesTagPlain): void {
        const val = tag.attributes['w:val'];
        const paragraph = this.paragraphs.at(-1);
        if (this.inRunProps && this.run) {
            if (tag.name === 'w:b') this.run.bold = toggle(tag);
            else if (tag.name === 'w:i') this.run.italic = toggle(tag);
            return;
        }
        if (this.run && this.inParagraphProps === 0) {
            // Run content other than w:t.
            if (tag.name === 'w:tab' || tag.name === 'w:ptab') this.run.text += '\t';
            else if (tag.name === 'w:br' || tag.name === 'w:cr') this.run.text += '\n';
            else if (tag.name === 'w:noBreakHyphen') this.run.text += '-';
            return;
        }
        if (paragraph && this.inParagraphProps > 0) {
            if (tag.name === 'w:jc' && val) paragraph.align = ALIGN[val];
            else if (tag.name === 'w:pStyle' && val) paragraph.style = val;
            else if (tag.name === 'w:numPr') paragraph.numbered = true;
            else if (tag.name === 'w:ilvl' && val) paragraph.numberingLevel = Number.parseInt(val, 10) || 0;
            else if (tag.name === 'w:numId' && val === '0') paragraph.numbered = false;
            return;
        }
        const cell = this.cells.at(-1);
        if (cell && tag.name === 'w:gridSpan' && val) cell.gridSpan = Math.max(1, Math.min(Number.parseInt(val, 10) || 1, 1000));
        else if (cell && tag.name === 'w:vMerge') cell.vMerge = val === 'restart' ? 'restart' : 'continue';
        else if (tag.name === 'w:gridBefore' && val) {
            const row = this.currentTable()?.rows.at(-1);
            if (row) row.gridBefore = Math.max(0, Math.min(Number.parseInt(val, 10) || 0, 1000));
        }
    }

    text(text: string): void {
        if (this.skipping === 0 && this.inText && this.run) this.run.text += text;
    }

    close(name: string): void {
        if (this.skipping > 0) {
            this.skipping--;
            return;
        }
        switch (name) {
            case 'w:t': this.inText = false; return;
            case 'w:pPr': this.inParagraphProps = Math.max(0, this.inParagraphProps - 1); return;
            case 'w:rPr': this.inRunProps = false; return;
            case 'w:r': this.endRun(); return;
            case 'w:p': this.endParagraph(); return;
            case 'w:tc': this.endCell(); return;
            case 'w:tbl': this.endTable(); return;
            default: return;
        }
    }

    private currentTable(): TableState | undefined {
        return this.tables.at(-1);
    }

    private endRun(): void {
        const run = this.run;
        this.run = undefined;
        const paragraph = this.paragraphs.at(-1);
        if (!run || !paragraph) return;
        paragraph.text += run.text;
        if (run.text.trim() === '') return;
        paragraph.runs++;
        if (run.bold) paragraph.boldRuns++;
        if (run.italic) paragraph.italicRuns++;
    }

    private endParagraph(): void {
        const p = this.paragraphs.pop();
        if (!p) return;
        const cell = this.cells.at(-1);
        if (cell) {
            cell.paragraphs.push(p.text);
            cell.runs += p.runs;
            cell.boldRuns += p.boldRuns;
            return;
        }
        if (p.text.trim() === '') return;
        const block: SourceParagraph = { kind: 'paragraph', text: p.text };
        if (p.runs > 0 && p.boldRuns === p.runs) block.bold = true;
        else if (p.boldRuns === 0) block.bold = false;
        if (p.runs > 0 && p.italicRuns === p.runs) block.italic = true;
        else if (p.italicRuns === 0) block.italic = false;
        if (p.align) block.align = p.align;
        if (p.style) block.style = p.style;
        if (p.numbered) block.numberingLevel = p.numberingLevel ?? 0;
        this.blocks.push(block);
    }

    private endCell(): void {
        const cell = this.cells.pop();
        const row = this.currentTable()?.rows.at(-1);
        if (cell && row) row.cells.push(cell);
    }

    private endTable(): void {
        const table = this.tables.pop();
        if (!table) return;
        const cell = this.cells.at(-1);
        if (cell) {
            // A table in a cell: its rows as lines of the cell, its cells separated by tabs.
            for (const row of table.rows) {
                cell.paragraphs.push(row.cells.map(c => cellText(c)).join('\t'));
                for (const c of row.cells) {
                    cell.runs += c.runs;
                    cell.boldRuns += c.boldRuns;
                }
            }
            return;
        }
        const index = this.grids.length + 1;
        checkGridCount(index, this.file, this.limits);
        const name = say(IMPORT_PLACES.table, this.locale, { index });
        this.grids.push(layOut(table, index, name, said(IMPORT_PLACES.table, { index }), this.file, this.limits));
        this.blocks.push({ kind: 'table', grid: index });
    }
}

/** A cell's paragraphs joined by line breaks, empty paragraphs at its ends left out. */
function cellText(cell: CellState): string {
    const lines = [...cell.paragraphs];
    while (lines.length > 0 && lines[0].trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    return lines.join('\n');
}

/** Places a table's cells on Word's grid: gridSpan across, vMerge down. */
function layOut(table: TableState, index: number, name: string, place: Said, file: string, limits: ImportLimits): Grid {
    const width = table.rows.reduce((w, row) => Math.max(w, row.gridBefore + row.cells.reduce((s, c) => s + c.gridSpan, 0)), 0);
    checkGridSize(table.rows.length, width, file, place, limits);
    const rows: (GridCell | undefined)[][] = table.rows.map(() => Array.from({ length: width }, (): GridCell | undefined => ({ text: '' })));
    /** The merge each column's vertical run belongs to, while it goes on. */
    const open: (Merge | undefined)[] = Array.from({ length: width }, () => undefined);
    const merges: Merge[] = [];
    table.rows.forEach((row, r) => {
        let c = row.gridBefore;
        for (let k = 0; k < row.gridBefore; k++) open[k] = undefined;
        for (const source of row.cells) {
            const text = cellText(source);
            const above = source.vMerge === 'continue' ? open[c] : undefined;
            if (above && above.left === c) {
                above.bottom = r;
                for (let dc = 0; dc < source.gridSpan; dc++) rows[r][c + dc] = undefined;
                // A continuing cell normally holds nothing; if it does, its text joins the merge's.
                const anchor = rows[above.top][above.left];
                if (anchor && text !== '') anchor.text = anchor.text === '' ? text : `${anchor.text}\n${text}`;
            } else {
                const cell: GridCell = { text };
                if (source.runs > 0 && source.boldRuns === source.runs) cell.bold = true;
                rows[r][c] = cell;
                for (let dc = 1; dc < source.gridSpan; dc++) rows[r][c + dc] = undefined;
                const merge: Merge = { top: r, left: c, bottom: r, right: c + source.gridSpan - 1 };
                merges.push(merge);
                for (let dc = 0; dc < source.gridSpan; dc++) open[c + dc] = source.vMerge === 'restart' ? merge : undefined;
            }
            c += source.gridSpan;
        }
        for (let k = c; k < width; k++) open[k] = undefined;
    });
    return { name, index, rows, merges: merges.filter(m => m.bottom > m.top || m.right > m.left), addressing: 'table' };
}

/**
 * The main document part: `word/document.xml` as Word names it, or wherever the package's
 * relationships point (Word Online, for one, writes `word/document2.xml`).
 */
function mainPart(kept: ReadonlyMap<string, Uint8Array>, file: string): string {
    const rels = kept.get(PACKAGE_RELS);
    let target: string | undefined;
    if (rels) {
        walkXml(rels, file, PACKAGE_RELS, {
            open: tag => {
                const type = tag.attributes.Type ?? '';
                if (tag.name.endsWith('Relationship') && type.endsWith('/officeDocument') && tag.attributes.Target) {
                    target ??= tag.attributes.Target.replace(/^\//, '');
                }
            }
        });
    }
    return target ?? DOCUMENT;
}

/** The blocks and tables of a .docx file. */
export async function readDocx(bytes: Uint8Array, file: string, limits: ImportLimits, locale: Locale = 'vi'): Promise<{ grids: Grid[]; blocks: SourceBlock[] }> {
    let main: string | undefined;
    const zip = await passZip(bytes, {
        file, format: 'DOCX', limits,
        first: part => part === PACKAGE_RELS,
        keep: (part, kept) => {
            if (part === PACKAGE_RELS) return true;
            main ??= mainPart(kept, file);
            return part === main;
        }
    });
    main ??= mainPart(zip.parts, file);
    const xml = requirePart(zip, main, file, 'DOCX');
    const reader = new DocumentReader(file, limits, locale);
    walkXml(xml, file, main, {
        open: tag => reader.open(tag),
        close: name => reader.close(name),
        text: text => reader.text(text)
    });
    return { grids: reader.grids, blocks: reader.blocks };
}
