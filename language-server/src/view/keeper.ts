// The preview's view of each document, answered as what changed since the view the preview holds.
// The whole view is never kept: at 7.000 districts it holds about twice the heap of the document
// itself. Kept per document is what the last answer showed in its smallest form: each plain table
// row (no finding, no target on its lines) as the identity of its row model (the model keeps an
// unchanged row's object from one edit to the next: model/build.ts), every other part as built.
// A plain row whose model is the same object under the same table columns is unchanged; any other
// part is compared with what was sent. A row that changed is built only then, to be sent.
import type { AnnexRow, AnnexTable, PlanView } from '../../../common/view.js';
import { diffInto, sameValue, type PlanViewUpdate, type ViewPatch } from '../../../common/view-patch.js';
import type { PlanModel, TableRowModel } from '../model/types.js';
import { buildLightPlanView, rowContext, type LightPlanView, type LocatedFinding } from './build.js';

/** A number per row model, never reused: kept instead of the model, which may then be collected. */
const rowIds = new WeakMap<TableRowModel, number>();
let nextRowId = 1;
function rowId(row: TableRowModel): number {
    let id = rowIds.get(row);
    if (id === undefined) rowIds.set(row, id = nextRowId++);
    return id;
}

/** An annex as it was last sent: its fields but the body, and each body row as an id or as built. */
interface KeptAnnex {
    shell: Omit<AnnexTable, 'body'>;
    /** Per body row: the plain row's model id, or 0 where the row is in `built`. */
    ids: number[];
    built: Map<number, AnnexRow>;
    /** The table's years and columns that a plain row was built for (rowContext). */
    context: string;
}

interface KeptView {
    stamp: string;
    top: Omit<PlanView, 'annexes' | 'charts'>;
    charts: PlanView['charts'];
    annexes: KeptAnnex[];
}

let nextStamp = 1;

/** The parts of a light view that are kept, and the whole view for a preview that holds none. */
class Answer {
    readonly kept: KeptView;

    constructor(readonly light: LightPlanView) {
        const { annexes, charts, ...top } = light.view;
        this.kept = { stamp: String(nextStamp++), top, charts, annexes: annexes.map(a => this.keep(a)) };
    }

    private keep(annex: AnnexTable): KeptAnnex {
        const { body, ...shell } = annex;
        const plain = this.light.plain.get(body);
        const ids: number[] = [];
        const built = new Map<number, AnnexRow>();
        body.forEach((row, i) => {
            const model = plain?.rows[i];
            if (model) ids.push(rowId(model));
            else {
                ids.push(0);
                built.set(i, row);
            }
        });
        return { shell, ids, built, context: plain ? rowContext(plain.table) : '' };
    }

    /** Row `index` of annex `annex` as buildPlanView builds it. */
    row(annex: number, index: number): AnnexRow {
        const body = this.light.view.annexes[annex].body;
        const plain = this.light.plain.get(body);
        const model = plain?.rows[index];
        return plain && model ? this.light.row(plain.table, model) : body[index];
    }

    annex(index: number): AnnexTable {
        const annex = this.light.view.annexes[index];
        return { ...annex, body: annex.body.map((_, i) => this.row(index, i)) };
    }

    view(): PlanView {
        return { ...this.light.view, annexes: this.light.view.annexes.map((_, i) => this.annex(i)) };
    }
}

/** What the preview needs answered about one document, kept from one answer to the next. */
export class PreviewViews {
    private readonly kept = new Map<string, KeptView>();

    /**
     * The view of the model as an update of the one stamped `since`: the patches from it when that
     * is the view last answered for this document, else the whole view.
     */
    answer(model: PlanModel, findings: LocatedFinding[], since?: string): PlanViewUpdate {
        const answer = new Answer(buildLightPlanView(model, findings));
        const before = this.kept.get(model.uri);
        this.kept.set(model.uri, answer.kept);
        const stamp = answer.kept.stamp;
        if (!before || since === undefined || since !== before.stamp) return { stamp, view: answer.view() };
        return { stamp, since, patches: patchesFrom(before, answer) };
    }

    /** The document is closed or deleted: its kept view goes. */
    forget(uri: string): void {
        this.kept.delete(uri);
    }
}

function patchesFrom(before: KeptView, answer: Answer): ViewPatch[] {
    const after = answer.kept;
    const out: ViewPatch[] = [];
    diffInto(before.top, after.top, [], out);
    diffInto(before.charts, after.charts, ['charts'], out);
    if (before.annexes.length !== after.annexes.length) {
        out.push({ at: ['annexes'], value: after.annexes.map((_, i) => answer.annex(i)) });
        return out;
    }
    after.annexes.forEach((annex, i) => {
        const old = before.annexes[i];
        diffInto(old.shell, annex.shell, ['annexes', i], out);
        if (old.ids.length !== annex.ids.length) {
            out.push({ at: ['annexes', i, 'body'], value: answer.annex(i).body });
            return;
        }
        const sameContext = old.context === annex.context;
        for (let row = 0; row < annex.ids.length; row++) {
            const id = annex.ids[row];
            const unchanged = id !== 0
                ? sameContext && old.ids[row] === id
                : old.ids[row] === 0 && sameValue(old.built.get(row), annex.built.get(row));
            if (!unchanged) out.push({ at: ['annexes', i, 'body', row], value: answer.row(i, row) });
        }
    });
    return out;
}
