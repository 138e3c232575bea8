// Where a table prints its total, and a section its subtotal: offices print "Toàn tỉnh" above the
// districts as often as below them, and the plan keeps the place it was printed in. The grammar has
// one `total` (one `subtotal`) in either place, so every reader of the tree finds it where it always
// did; the place is read here from the text's offsets, for the model and the outline.
import * as ast from '../generated/ast.js';

/** True when the table's total (the section's subtotal) stands before its first row or section. */
export function totalPrintedFirst(node: ast.DistrictTable | ast.TableSection): boolean {
    const total = ast.isTableSection(node) ? node.subtotal : node.total;
    const at = total?.$cstNode?.offset;
    if (at === undefined) return false;
    const first = [node.rows[0], ...(ast.isDistrictTable(node) ? [node.sections[0]] : [])]
        .map(n => n?.$cstNode?.offset)
        .filter((o): o is number => o !== undefined);
    return first.length > 0 && at < Math.min(...first);
}
