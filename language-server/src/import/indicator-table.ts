// The INDICATOR table (the seed's Annex 02): one row per indicator under the deprivation dimensions,
// with its unit, the result of a base year and the plan of later years, and the agency that carries
// it out. A dimension is a bold row of its own ("Chiều thiếu hụt về y tế") or the bold start of its
// first indicator's cell ("- Chiều thiếu hụt về y tế: + Tỷ lệ …"); an agency cell left empty, or
// merged over several rows, is the agency of the row above. Read into `dimension` / `indicator`
// blocks with `baseline` and `plan` values and `lead`.
import { cellAddress, cellText, columnHeadings, shownAt, yearIn } from './grid-reading.js';
import type { Grid } from './grid.js';
import { handOn, importEnv, type ImportEnv } from './env.js';
import { AgencyBook, type AgencyRef } from './agencies.js';
import { clip, fold, planString, printedNumber } from './plan-writing.js';
import type { ImportContext, ImportProblem } from './table.js';
import { said } from '../../../common/catalogue.js';
import { IMPORT_NOTES, IMPORT_WHOLE_PROBLEMS } from '../../../common/words/import-notes.js';

export interface IndicatorValueRead { kind: 'baseline' | 'plan' | 'actual'; year: number; printed: string }

export interface IndicatorRead {
    id: string;
    name: string;
    /** `percent`, `households`, `persons`, `points`, or a quoted custom unit. */
    unit?: string;
    direction?: 'lower' | 'higher';
    leads: AgencyRef[];
    values: IndicatorValueRead[];
    /** Comments written above the indicator. */
    notes: string[];
}

export interface DimensionRead { id: string; name: string; heading?: string; indicators: IndicatorRead[]; notes: string[] }

export interface IndicatorTableRead { title: string; annex?: string; dimensions: DimensionRead[]; notes: string[] }

interface Columns { no?: number; name: number; unit?: number; agency?: number; years: { column: number; year: number; kind: IndicatorValueRead['kind']; heading: string; guessed: boolean }[] }

const HEADER_ROWS = 6;

/** The header: the last row (of the first few) where a column says "chỉ tiêu" and another a year. */
function findHeader(grid: Grid): { last: number; columns: Columns } | undefined {
    for (let last = 0; last < Math.min(HEADER_ROWS, grid.rows.length); last++) {
        for (let first = last; first >= 0; first--) {
            const headings = columnHeadings(grid, first, last);
            const folded = headings.map(fold);
            const name = folded.findIndex(h => /(^|\s)(cac )?chi tieu|ten chi tieu/.test(h) && yearIn(h) === undefined);
            const years = headings.map((h, column) => ({ column, h })).filter(x => x.column !== name && yearIn(x.h) !== undefined);
            if (name < 0 || years.length === 0) continue;
            const columns: Columns = {
                name,
                no: optional(folded.findIndex(h => /^(stt|tt|so tt|so thu tu)$/.test(h))),
                unit: optional(folded.findIndex(h => /^(dvt|don vi tinh)$/.test(h))),
                agency: optional(folded.findIndex(h => /don vi thuc hien|co quan (chu tri|thuc hien)|don vi chu tri|chu tri/.test(h))),
                years: years.map(({ column, h }) => ({ column, year: yearIn(h)!, heading: h, ...yearKind(h) }))
            };
            return { last, columns };
        }
    }
    return undefined;
}

const optional = (i: number) => (i < 0 ? undefined : i);

/** A year column's kind from its heading: results are the baseline, "Năm 2024" and "Kế hoạch" the plan. */
function yearKind(heading: string): { kind: IndicatorValueRead['kind']; guessed: boolean } {
    const f = fold(heading);
    if (/ket qua|thuc hien|uoc|thuc te|hien trang/.test(f)) return { kind: /uoc|thuc hien nam/.test(f) && !/ket qua/.test(f) ? 'actual' : 'baseline', guessed: false };
    if (/ke hoach|muc tieu|du kien|chi tieu/.test(f)) return { kind: 'plan', guessed: false };
    return { kind: 'plan', guessed: true };
}

/** A cheap test for the dispatcher: a heading "chỉ tiêu", a unit column and a year column near the top. */
export function looksLikeIndicatorTable(grid: Grid): boolean {
    const found = findHeader(grid);
    return found !== undefined && found.columns.unit !== undefined;
}

/** The unit a "ĐVT" cell prints: % → percent, hộ → households, người → persons. */
function unitOf(printed: string): string | undefined {
    const f = fold(printed);
    if (f === '') return undefined;
    if (f === '%' || f === 'phan tram') return 'percent';
    if (f === 'ho') return 'households';
    if (f === 'nguoi' || f === 'nhan khau') return 'persons';
    if (f === 'diem') return 'points';
    return planString(printed);
}

/** "- Chiều thiếu hụt về y tế: + Tỷ lệ …" → the dimension's heading and the indicator's name. */
function splitDimension(text: string): { heading: string; rest: string } | undefined {
    const m = /^[-–•*]\s*([^:]{2,120}):\s*(.*)$/su.exec(text);
    if (!m || !/^chieu\b|thieu hut/.test(fold(m[1]))) return undefined;
    return { heading: m[1].trim(), rest: m[2].trim() };
}

/** A dimension's name from its heading: "Chiều thiếu hụt về việc làm" → "Việc làm". */
function dimensionName(heading: string): string {
    const rest = heading.replace(/^[-–•*]\s*/, '').replace(/:$/, '').replace(/^chiều\s+(thiếu hụt\s+)?(về\s+)?/iu, '').trim();
    return rest === '' ? heading : rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

const stripItem = (text: string) => text.replace(/^[+\-–•*]\s+/, '').trim();

/** Reads an indicator grid; agencies go into `env.agencies`, problems into `env.problems`. */
export function readIndicatorGrid(grid: Grid, env: ImportEnv): IndicatorTableRead | undefined {
    const found = findHeader(grid);
    if (!found) return undefined;
    const { columns } = found;
    const { notes, ids } = env;
    const table: IndicatorTableRead = {
        title: grid.caption?.title ?? titleAbove(grid, found.last) ?? grid.name,
        annex: grid.caption?.annex, dimensions: [], notes: []
    };
    for (const y of columns.years.filter(x => x.guessed)) {
        const asked = env.context.yearKinds?.[y.year];
        if (asked) y.kind = asked === 'result' ? 'baseline' : asked === 'plan' ? 'plan' : 'actual';
        else table.notes.push(notes.line(IMPORT_NOTES.yearKindGuess, { heading: y.heading, kind: y.kind, year: y.year }));
    }
    let dimension: DimensionRead | undefined;
    let above: AgencyRef[] = [];
    const newDimension = (heading: string | undefined, rowNote?: string) => {
        const name = heading ? dimensionName(heading) : table.title;
        dimension = { id: ids.snake(name), name, heading: heading && heading.replace(/:$/, '') !== name ? heading.replace(/:$/, '') : undefined, indicators: [], notes: [] };
        if (rowNote) dimension.notes.push(rowNote);
        table.dimensions.push(dimension);
        above = [];
    };
    for (let r = found.last + 1; r < grid.rows.length; r++) {
        const text = (c: number | undefined) => (c === undefined ? '' : cellText(grid.rows[r][c]));
        const label = text(columns.name);
        const values = columns.years.map(y => ({ y, text: text(y.column) }));
        const hasValues = values.some(v => v.text !== '' && !/^[-x]$/i.test(v.text));
        // A numbering row under the header ("1 | 2 | 3"): no figures of its own.
        if (r === found.last + 1 && /^\(?\d+\)?$/.test(label) && values.every(v => /^\(?\d*\)?$/.test(v.text))) continue;
        if (label === '' && !hasValues) continue;
        const combined = splitDimension(label);
        if (!hasValues && label !== '' && (grid.rows[r][columns.name]?.bold || /^[-–]?\s*chi[eề]u\b/iu.test(label) || combined)) {
            newDimension(combined ? combined.heading : label.replace(/^[-–•*]\s*/, ''));
            if (!combined || combined.rest === '') continue;
        }
        let name = label;
        if (combined && hasValues) {
            newDimension(combined.heading);
            name = combined.rest;
        }
        if (!dimension) newDimension(undefined, notes.line(IMPORT_NOTES.dimensionFromHeading, { name: table.title, heading: table.title }));
        const indicator: IndicatorRead = { id: indicatorId(env, stripItem(name)), name: stripItem(name), leads: [], values: [], notes: [] };
        if (indicator.name === '') {
            env.problems.push(problem(IMPORT_WHOLE_PROBLEMS.rowNotPlaced, cellAddress(grid, r, columns.name), values.map(v => v.text).join(' | ')));
            continue;
        }
        const unitText = text(columns.unit);
        indicator.unit = unitOf(unitText);
        for (const { y, text: t } of values) {
            if (t === '' || /^[-x]$/i.test(t)) continue;
            const n = printedNumber(t);
            if (n === undefined) {
                env.problems.push(problem(IMPORT_WHOLE_PROBLEMS.valueNotNumber, cellAddress(grid, r, y.column), t));
                indicator.notes.push(notes.line(IMPORT_NOTES.cellNotPlaced, { text: clip(t) }, '    '));
                continue;
            }
            indicator.values.push({ kind: y.kind, year: y.year, printed: n });
        }
        if (columns.agency !== undefined) {
            const shown = shownAt(grid, r, columns.agency);
            const agencyText = cellText(shown.cell);
            if (agencyText === '') {
                indicator.leads = above;
                if (above.length > 0) indicator.notes.push(notes.line(IMPORT_NOTES.agencyFromAbove, {}, '    '));
            } else {
                indicator.leads = AgencyBook.splitNames(agencyText).map(n => {
                    const { ref, note } = env.agencies.resolve(n);
                    if (note) indicator.notes.push(`    // ${notes.say(IMPORT_NOTES.prefix)} ${note}`);
                    return ref;
                });
                above = indicator.leads;
            }
        }
        indicator.direction = trend(indicator.values);
        dimension!.indicators.push(indicator);
    }
    return table;
}

/** An indicator's id from its name, "Tỷ lệ" left out: "Tỷ lệ trẻ em dưới 5 tuổi …" → tre_em_duoi_5_tuoi. */
function indicatorId(env: ImportEnv, name: string): string {
    return env.ids.snake(name.replace(/^(tỷ lệ|số lượng|số)\s+/iu, ''), '', 5);
}

/** Lines above the header holding one text each (a sheet's title rows): the last is the title. */
function titleAbove(grid: Grid, headerLast: number): string | undefined {
    for (let r = headerLast - 1; r >= 0; r--) {
        const texts = grid.rows[r].map(cellText).filter(t => t !== '');
        if (texts.length === 1 && yearIn(texts[0]) === undefined) return texts[0];
    }
    return undefined;
}

/** Lower or higher from the first and last figures (a guess: the printed table states no direction). */
function trend(values: IndicatorValueRead[]): IndicatorRead['direction'] {
    const sorted = [...values].sort((a, b) => a.year - b.year);
    if (sorted.length < 2) return undefined;
    const n = (p: string) => Number(p.replace(/\./g, '').replace(',', '.'));
    const first = n(sorted[0].printed);
    const last = n(sorted.at(-1)!.printed);
    return last < first ? 'lower' : last > first ? 'higher' : undefined;
}

function problem(words: typeof IMPORT_WHOLE_PROBLEMS[keyof typeof IMPORT_WHOLE_PROBLEMS], at: string, text: string): ImportProblem {
    return { at, said: said(words, { at, text: clip(text) }), severity: 'warning' };
}

/** The plan text of a read indicator table (call env.agencies.finish() first). */
export function printIndicatorTable(table: IndicatorTableRead, env: ImportEnv, directionNotes: Map<string, string> = new Map()): string {
    const out: string[] = [...table.notes];
    out.push(`indicator-table ${planString(table.title)}${table.annex ? ` annex ${planString(table.annex)}` : ''}`);
    for (const d of table.dimensions) {
        out.push(...d.notes);
        out.push(`dimension ${d.id} ${planString(d.name)} {`);
        if (d.heading) out.push(`    heading ${planString(d.heading)}`);
        for (const i of d.indicators) {
            out.push(...i.notes);
            const direction = directionNotes.get(i.id);
            if (i.direction && !direction) out.push(env.notes.line(IMPORT_NOTES.directionGuess, { direction: i.direction, from: env.notes.say(IMPORT_NOTES.directionSources, { from: 'values' }) }, '    '));
            else if (direction) out.push(direction);
            out.push(`    indicator ${i.id} ${planString(i.name)} {`);
            if (i.unit) out.push(`        unit ${i.unit}`);
            if (i.direction) out.push(`        direction ${i.direction}`);
            const lead = env.agencies.assignment(i.leads, []);
            if (lead) out.push(`        ${lead}`);
            for (const v of i.values) out.push(`        ${v.kind} ${v.year} = ${v.printed}`);
            out.push('    }');
        }
        out.push('}');
    }
    return out.join('\n');
}

/**
 * An indicator grid as plan text: the new agencies' declarations, and the `indicator-table` with its
 * dimensions and indicators. Undefined when the grid is not of this shape.
 */
export function importIndicatorGrid(grid: Grid, context: ImportContext): { declarations: string; text: string; problems: ImportProblem[] } | undefined {
    const env = importEnv(context);
    const read = readIndicatorGrid(grid, env);
    if (!read) return undefined;
    env.agencies.finish();
    const result = { declarations: env.agencies.declarations(), text: printIndicatorTable(read, env), problems: env.problems };
    handOn(env, context);
    return result;
}
