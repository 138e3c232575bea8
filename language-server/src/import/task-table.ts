// The TASK table (the seed's Annex 03): STT, the task, the lead agency, the coordinating agencies,
// the year to submit, a note. Read into a `tasks` block, each `task` with `lead … coordinate …`,
// `submit` and `note`, the agencies matched to declared ones or declared.
import { cellAddress, cellText, columnHeadings, yearIn } from './grid-reading.js';
import type { Grid } from './grid.js';
import { handOn, importEnv, type ImportEnv } from './env.js';
import { AgencyBook, type AgencyRef } from './agencies.js';
import { clip, fold, planString, printedNumber } from './plan-writing.js';
import type { ImportContext, ImportProblem } from './table.js';
import { said } from '../../../common/catalogue.js';
import { IMPORT_NOTES, IMPORT_WHOLE_PROBLEMS } from '../../../common/words/import-notes.js';

export interface TaskRead {
    no: string;
    text: string;
    leads: AgencyRef[];
    coordinates: AgencyRef[];
    submit?: number;
    note?: string;
    notes: string[];
}

export interface TaskTableRead { title: string; annex?: string; tasks: TaskRead[]; notes: string[] }

interface Columns { no?: number; task: number; lead: number; coordinate?: number; submit?: number; note?: number }

const HEADER_ROWS = 6;

function findHeader(grid: Grid): { last: number; columns: Columns } | undefined {
    // The header may stand under title rows ("Phụ lục 03", the title): try each start.
    for (let last = 0; last < Math.min(HEADER_ROWS, grid.rows.length); last++) for (let first = last; first >= 0; first--) {
        const folded = columnHeadings(grid, first, last).map(fold);
        const task = folded.findIndex(h => /^(ten )?(nhiem vu|noi dung|cong viec|de an|chinh sach)\b/.test(h));
        const lead = folded.findIndex(h => /chu tri/.test(h));
        if (task < 0 || lead < 0) continue;
        const index = (re: RegExp) => { const i = folded.findIndex(h => re.test(h)); return i < 0 ? undefined : i; };
        return {
            last,
            columns: {
                task, lead,
                no: index(/^(stt|tt|so tt|so thu tu)$/),
                coordinate: index(/phoi hop/),
                submit: index(/thoi gian|thoi han|tien do|nam trinh|hoan thanh/),
                note: index(/ghi chu/)
            }
        };
    }
    return undefined;
}

/** A cheap test for the dispatcher: a "Nhiệm vụ" column and a "chủ trì" column near the top. */
export function looksLikeTaskTable(grid: Grid): boolean {
    return findHeader(grid) !== undefined;
}

/** Reads a task grid; agencies go into `env.agencies`, problems into `env.problems`. */
export function readTaskGrid(grid: Grid, env: ImportEnv): TaskTableRead | undefined {
    const found = findHeader(grid);
    if (!found) return undefined;
    const { columns } = found;
    const { notes } = env;
    const table: TaskTableRead = { title: grid.caption?.title ?? grid.name, annex: grid.caption?.annex, tasks: [], notes: [] };
    let count = 0;
    for (let r = found.last + 1; r < grid.rows.length; r++) {
        const text = (c: number | undefined) => (c === undefined ? '' : cellText(grid.rows[r][c]));
        const taskText = text(columns.task);
        const others = [columns.lead, columns.coordinate, columns.submit, columns.note].map(text);
        // A numbering row under the header ("1 | 2 | 3 …").
        if (r === found.last + 1 && /^\(?\d+\)?$/.test(taskText) && others.every(t => /^\(?\d*\)?$/.test(t))) continue;
        if (taskText === '' && others.every(t => t === '')) continue;
        count++;
        const printedNo = printedNumber(text(columns.no));
        const task: TaskRead = { no: printedNo ?? String(count), text: taskText, leads: [], coordinates: [], notes: [] };
        if (taskText === '') {
            env.problems.push({ at: cellAddress(grid, r, columns.task), said: said(IMPORT_WHOLE_PROBLEMS.rowNotPlaced, { at: cellAddress(grid, r, columns.task), text: clip(others.join(' | ')) }), severity: 'warning' });
        }
        const agencies = (column: number | undefined) => AgencyBook.splitNames(text(column)).map(n => {
            const { ref, note } = env.agencies.resolve(n);
            if (note) task.notes.push(`    // ${notes.say(IMPORT_NOTES.prefix)} ${note}`);
            return ref;
        });
        task.leads = agencies(columns.lead);
        task.coordinates = agencies(columns.coordinate);
        const submitText = text(columns.submit);
        const year = yearIn(submitText);
        if (year !== undefined) {
            task.submit = year;
            if (fold(submitText) !== `nam ${year}` && submitText !== String(year)) task.notes.push(notes.line(IMPORT_NOTES.submitText, { printed: submitText, year }, '    '));
        } else if (submitText !== '') {
            task.note = submitText;
            task.notes.push(notes.line(IMPORT_NOTES.cellNotPlaced, { text: clip(submitText) }, '    '));
        }
        const note = text(columns.note);
        if (note !== '') task.note = task.note ? `${task.note}; ${note}` : note;
        table.tasks.push(task);
    }
    return table;
}

/** The plan text of a read task table (call env.agencies.finish() first). */
export function printTaskTable(table: TaskTableRead, env: ImportEnv): string {
    const out: string[] = [...table.notes, `tasks ${planString(table.title)} {`];
    if (table.annex) out.push(`    annex ${planString(table.annex)}`);
    for (const t of table.tasks) {
        out.push(...t.notes);
        out.push(`    task ${t.no} ${planString(t.text)} {`);
        const assignment = env.agencies.assignment(t.leads, t.coordinates);
        if (assignment) out.push(`        ${assignment}`);
        // The grammar has no coordination without a lead: the coordinating bodies stay in a comment.
        else if (t.coordinates.length > 0) out.push(env.notes.line(IMPORT_NOTES.cellNotPlaced, { text: clip(t.coordinates.map(c => c.wording).join('; ')) }, '        '));
        if (t.submit !== undefined) out.push(`        submit ${t.submit}`);
        if (t.note) out.push(`        note ${planString(t.note)}`);
        out.push('    }');
    }
    out.push('}');
    return out.join('\n');
}

/** A task grid as plan text: the new agencies' declarations and the `tasks` block. Undefined when not of this shape. */
export function importTaskGrid(grid: Grid, context: ImportContext): { declarations: string; text: string; problems: ImportProblem[] } | undefined {
    const env = importEnv(context);
    const read = readTaskGrid(grid, env);
    if (!read) return undefined;
    env.agencies.finish();
    const result = { declarations: env.agencies.declarations(), text: printTaskTable(read, env), problems: env.problems };
    handOn(env, context);
    return result;
}
