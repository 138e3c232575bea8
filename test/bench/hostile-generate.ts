// Plans an attacker would write, each under 1 MB, that once made the tools fail at scale (issue 19,
// "Nothing a small file holds makes the tools fail at scale"). Used by the hostile benchmark
// (test/bench/hostile.ts) and by the tests that check each gives a clear outcome.

export interface HostilePlan { name: string; text: string; bytes: number }

function plan(name: string, lines: string[]): HostilePlan {
    const text = lines.join('\n') + '\n';
    return { name, text, bytes: Buffer.byteLength(text) };
}

const HEAD = ['plan ke_hoach "Kế hoạch"', 'number-style vi', 'agency YT "Sở Y tế" department', ''];

/** `depth` solution groups, each inside the one before (500 is ~9 KB), closed unless `closed` is false. */
export function nestedGroups(depth: number, closed = true): HostilePlan {
    const lines = [...HEAD, 'solutions "GIẢI PHÁP" {'];
    for (let i = 0; i < depth; i++) lines.push(`group ${i + 1} "Nhóm" {`);
    lines.push('solution "Giải pháp" { lead YT }');
    if (closed) lines.push('}'.repeat(depth), '}');
    return plan(closed ? `nested-${depth}` : `unclosed-${depth}`, lines);
}

/**
 * A table declaring `width` columns of its own, printed all, for two years of one row: 2 × `width`
 * annex columns and more (10.000 is ~600 KB and 20.002 columns, past Excel's 16.384).
 */
export function wideTable(width: number): HostilePlan {
    const lines = [...HEAD, 'district H1 "Huyện Một" huyen', '', 'table rong "BẢNG RỘNG" {', '    years { 2024 result  2025 plan }'];
    const names: string[] = [];
    for (let c = 0; c < width; c++) {
        names.push(`c${c}`);
        lines.push(`    column c${c} "Cột số ${c + 1}" households`);
    }
    lines.push(`    columns ${names.join(' ')}`);
    const cells = names.map((_, c) => String(c % 1000)).join(' ');
    lines.push('    row 1 H1 {', `        2024: ${cells}`, `        2025: ${cells}`, '    }', '}');
    return plan(`wide-${width}`, lines);
}

/**
 * A table of `rows` rows each with three findings: its unit is not declared (unknown-reference), its
 * poor households exceed its households, and its rate is not poor / households. 12.000 rows are
 * ~550 KB with 36.000 findings.
 */
export function manyFindings(rows: number): HostilePlan {
    const lines = [...HEAD, 'table t "BẢNG CÓ NHIỀU PHÁT HIỆN" {', '    years { 2025 plan }', '    columns households poor poor-rate'];
    for (let r = 0; r < rows; r++) lines.push(`    row ${r + 1} xa_chua_khai_bao_${r} { 2025: 10 20 7 }`);
    lines.push('}');
    return plan(`findings-${rows}`, lines);
}

/** The rows of manyFindings without a finding: each unit declared, its rate poor / households. */
export function cleanRows(rows: number): HostilePlan {
    const lines = [...HEAD];
    for (let r = 0; r < rows; r++) lines.push(`commune xa_da_khai_bao_${r} "Xã ${r + 1}" xa`);
    lines.push('table t "BẢNG KHÔNG CÓ PHÁT HIỆN" {', '    years { 2025 plan }', '    columns households poor poor-rate');
    for (let r = 0; r < rows; r++) lines.push(`    row ${r + 1} xa_da_khai_bao_${r} { 2025: 10 2 20 }`);
    lines.push('}');
    return plan(`clean-${rows}`, lines);
}
