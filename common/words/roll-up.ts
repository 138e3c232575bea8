// The words of the roll-up findings (language-server/src/validation/rules/roll-up.ts): a plan `part-of`
// another states figures the other states too, and they must agree. Spread into ISSUES (findings.ts).
import type { Words } from '../catalogue.js';
import type { IssueSpec } from './findings.js';

export const ROLL_UP_ISSUES = {
    // One disagreement, shown on both plans: `side` says which one the reader is in.
    'roll-up-mismatch': {
        severity: 'error',
        vi: '{unit} năm {year}, cột {measure}: kế hoạch này ghi {here}, nhưng {side, select, parent {kế hoạch cấp trên {other}} other {kế hoạch {other} của đơn vị}} ghi {there}{table, select, none {} other { ({table})}}.',
        en: '{unit} {year}, column {measure}: this plan says {here}, but {side, select, parent {the plan above it, {other},} other {the unit\'s own plan {other}}} says {there}{table, select, none {} other { ({table})}}.',
        rule: {
            vi: 'Một hàng của kế hoạch cấp dưới bằng ô cùng đơn vị, cùng năm, cùng cột (theo định nghĩa của cột, không theo tên in) trong các bảng của kế hoạch cấp trên; báo ở cả hai tệp.',
            en: 'A row of a plan that is part of another equals the cell of the same unit, year and column (by the column\'s definition, not its heading) in the tables of the plan above; reported in both files.'
        }
    },
    'roll-up-total-mismatch': {
        severity: 'error',
        vi: '{label} năm {year}, cột {measure}: in {printed}, nhưng kế hoạch riêng của {count} đơn vị cộng lại là {sum} (chênh {diff}).',
        en: '{label} {year}, column {measure}: printed {printed}, but the own plans of the {count} units add up to {sum} (off by {diff}).',
        rule: {
            vi: 'Khi mọi đơn vị của một bảng đều có kế hoạch riêng, dòng tổng của bảng bằng tổng các số của các kế hoạch ấy, ở mọi cột số hộ.',
            en: 'When every unit of a table has a plan of its own, the table\'s total equals the sum of those plans\' figures in every count column.'
        }
    },
    'roll-up-no-plan': {
        severity: 'info',
        vi: '{unit} chưa có kế hoạch riêng (kế hoạch `part-of` {plan} có dòng cho đơn vị này), dù bảng yêu cầu mỗi đơn vị một kế hoạch (`plans-per-unit`).',
        en: '{unit} has no plan of its own yet (a plan `part-of` {plan} with a row for it), though the table asks for one per unit (`plans-per-unit`).',
        rule: {
            vi: 'Bảng yêu cầu mỗi đơn vị có kế hoạch riêng thì mỗi đơn vị có một kế hoạch là phần của kế hoạch này.',
            en: 'In a table that asks for a plan per unit, every unit has a plan of its own that is part of this plan.'
        }
    },
    'roll-up-unknown-unit': {
        severity: 'warning',
        vi: 'Kế hoạch cấp trên {other} không có dòng nào cho {unit} trong các bảng của nó: không đối chiếu được.',
        en: 'The plan above, {other}, has no row for {unit} in any of its tables: nothing to compare with.',
        rule: {
            vi: 'Đơn vị mà kế hoạch cấp dưới lấy từ kế hoạch cấp trên có trong các bảng của kế hoạch cấp trên.',
            en: 'A unit that a plan takes from the plan above it is in the tables of the plan above.'
        }
    },
    'roll-up-unknown-year': {
        severity: 'warning',
        vi: 'Kế hoạch cấp trên {other} không có năm {year} cho {unit} (có: {years}): không đối chiếu được.',
        en: 'The plan above, {other}, has no year {year} for {unit} (it has: {years}): nothing to compare with.',
        rule: {
            vi: 'Năm của một hàng trong kế hoạch cấp dưới có trong bảng của kế hoạch cấp trên cho cùng đơn vị.',
            en: 'The years of a row of a lower plan are in the upper plan\'s tables for the same unit.'
        }
    }
} satisfies Record<string, IssueSpec>;

/** The related places of roll-up findings: the other plan's cell. */
export const ROLL_UP_PLACES = {
    otherCell: { vi: 'Ô này trong kế hoạch {other} ({table}): {value}', en: 'This cell in plan {other} ({table}): {value}' },
    unitCell: { vi: '{unit} trong kế hoạch riêng {other}: {value}', en: '{unit} in its own plan {other}: {value}' }
} as const satisfies Record<string, Words>;
