// The findings' words: for every code the plan checker can report, its severity, its message in
// Vietnamese and English (placeholders as in ../catalogue.ts) and what the rule checks (shown on
// hover). Codes are part of the CLI's JSON output: never rename. The API is in ../findings.ts.

import type { Words } from '../catalogue.js';
import type { Severity } from '../locale.js';
import { DEFINITION_ISSUES } from './definitions.js';
import { ROLL_UP_ISSUES } from './roll-up.js';

export interface IssueSpec extends Words {
    readonly severity: Severity;
    /** What the rule checks, for hovers and documentation. */
    readonly rule: Words;
}

export const ISSUES = {
    // --- numbers ---------------------------------------------------------------------------------
    'number-style': {
        severity: 'error',
        vi: 'Số "{printed}" không viết theo kiểu số {where, select, column {của cột} other {của kế hoạch}} ({style}); theo kiểu này phải viết "{suggestion}".',
        en: 'The number "{printed}" is not written in {where, select, column {its column\'s} other {the plan\'s}} number style ({style}); in that style it reads "{suggestion}".',
        rule: { vi: 'Mọi số được đọc theo kiểu số khai báo (vi: 29.822 và 3,17; international: 29,822 và 3.17): của cột hoặc của bảng nếu có khai báo, nếu không thì của kế hoạch.', en: 'Every number is read in the declared number style (vi: 29.822 and 3,17; international: 29,822 and 3.17): its column\'s or table\'s where declared, else the plan\'s.' }
    },
    'number-malformed': {
        severity: 'error',
        vi: 'Không đọc được số "{printed}": nhóm hàng nghìn phải có đúng 3 chữ số và chỉ có một dấu thập phân.',
        en: 'Cannot read the number "{printed}": thousands groups need exactly 3 digits and there is one decimal mark at most.',
        rule: { vi: 'Số phải có nhóm hàng nghìn 3 chữ số và tối đa một dấu thập phân.', en: 'Numbers have 3-digit thousands groups and at most one decimal mark.' }
    },
    'count-not-integer': {
        severity: 'error',
        vi: 'Số hộ "{printed}" phải là số nguyên (cột {measure}){likely, select, none {.} other {: có lẽ là {likely}, viết dấu ngăn cách hàng nghìn theo kiểu kia.}}',
        en: 'The household count "{printed}" must be a whole number (column {measure}){likely, select, none {.} other {: most likely {likely}, its thousands written the other way.}}',
        rule: { vi: 'Số hộ là số nguyên.', en: 'Household counts are whole numbers.' }
    },
    'count-unreadable': {
        severity: 'error',
        vi: 'Số hộ "{printed}" không viết theo kiểu số {where, select, column {của cột} other {của kế hoạch}} ({style}), và đọc theo kiểu kia thì không phải số nguyên: hãy kiểm tra lại con số này.',
        en: 'The household count "{printed}" is not written in {where, select, column {its column\'s} other {the plan\'s}} number style ({style}), and read the other way it is no whole number: check this figure.',
        rule: { vi: 'Một số hộ viết sai kiểu số chỉ được đề nghị sửa thành một số nguyên (ưu tiên cách đọc dấu ngăn cách hàng nghìn).', en: 'A count written in the wrong style is only ever fixed to a whole number (the thousands reading first).' }
    },
    'year-malformed': {
        severity: 'error',
        vi: '"{printed}" không phải là một năm (cần 4 chữ số, ví dụ 2025).',
        en: '"{printed}" is not a year (4 digits expected, e.g. 2025).',
        rule: { vi: 'Năm viết bằng 4 chữ số, không có dấu phân cách.', en: 'Years are written as 4 digits without separators.' }
    },
    // --- tables -------------------------------------------------------------------------------------
    'rate-mismatch': {
        severity: 'error',
        vi: 'Tỷ lệ in {printed}% không bằng {numerator}/{denominator} = {computed}% ({label}, năm {year}{reading, select, none {} other {; {reading}}}).',
        en: 'The printed rate {printed}% is not {numerator}/{denominator} = {computed}% ({label}, {year}{reading, select, none {} other {; {reading}}}).',
        rule: { vi: 'Tỷ lệ in bằng số đếm / mẫu số × 100 (hộ nghèo / tổng số hộ, hoặc số đếm và mẫu số mà cột tỷ lệ khai báo), làm tròn đến số chữ số thập phân đã in.', en: 'A printed rate equals its count / denominator × 100 (poor / total households, or the count and base the rate column declares), rounded to the printed decimals.' }
    },
    'total-mismatch': {
        severity: 'error',
        vi: '{label} năm {year}, cột {measure}: in {printed} nhưng tổng các dòng là {sum} (chênh {diff}{reading, select, none {} other {; {reading}}}).',
        en: '{label} {year}, column {measure}: printed {printed} but the rows add up to {sum} (off by {diff}{reading, select, none {} other {; {reading}}}).',
        rule: { vi: 'Dòng tổng (hoặc cộng từng phần) bằng tổng các dòng của nó, ở mọi cột số hộ.', en: 'A total or subtotal equals the sum of its rows in every count column.' }
    },
    'poor-exceeds-total': {
        severity: 'error',
        vi: 'Số hộ {part} ({value}) lớn hơn tổng số hộ ({total}) ({label}, năm {year}).',
        en: '{part} households ({value}) exceed the total households ({total}) ({label}, {year}).',
        rule: { vi: 'Hộ nghèo (và hộ nghèo + cận nghèo) không vượt tổng số hộ.', en: 'Poor (and poor + near-poor) households do not exceed the total.' }
    },
    'negative-count': {
        severity: 'error',
        vi: 'Số hộ không thể âm: {printed}.',
        en: 'A household count cannot be negative: {printed}.',
        rule: { vi: 'Số hộ không âm.', en: 'Counts are not negative.' }
    },
    'percent-out-of-range': {
        severity: 'error',
        vi: 'Tỷ lệ {printed}% nằm ngoài khoảng 0–100%.',
        en: 'The percentage {printed}% is outside 0–100%.',
        rule: { vi: 'Tỷ lệ phần trăm nằm trong 0–100.', en: 'Percentages lie within 0–100.' }
    },
    'cell-count': {
        severity: 'error',
        vi: 'Năm {year} có {found} ô nhưng bảng khai báo {expected} cột ({columns}).',
        en: 'Year {year} has {found} cells but the table declares {expected} columns ({columns}).',
        rule: { vi: 'Mỗi năm của một dòng có đúng số ô bằng số cột của bảng.', en: 'Each year of a row has one cell per declared column.' }
    },
    'missing-district-year': {
        severity: 'warning',
        vi: '{label} thiếu số liệu năm {year}.',
        en: '{label} has no figures for {year}.',
        rule: { vi: 'Mỗi dòng của bảng có số liệu cho mọi năm của bảng.', en: 'Every table row has figures for every year of the table.' }
    },
    'undeclared-table-year': {
        severity: 'error',
        vi: 'Năm {year} không có trong danh sách năm của bảng ({years}).',
        en: "Year {year} is not one of the table's years ({years}).",
        rule: { vi: 'Dòng chỉ dùng các năm mà bảng khai báo.', en: 'Rows use only the years the table declares.' }
    },
    'duplicate-row': {
        severity: 'error',
        vi: 'Đơn vị {label} xuất hiện hai lần trong cùng một phần của bảng.',
        en: '{label} appears twice in the same part of the table.',
        rule: { vi: 'Mỗi huyện xuất hiện một lần trong mỗi phần của bảng.', en: 'Each district appears once per table section.' }
    },
    'second-total': {
        severity: 'error',
        vi: '{kind, select, section {Phần {section} đã có dòng cộng} other {Bảng đã có dòng tổng}} "{first}" (dòng {line}): dòng tổng chỉ in một lần, trước hoặc sau các dòng. Dòng "{label}" không được kiểm tra; hãy bỏ một trong hai.',
        en: '{kind, select, section {Section {section} already has its subtotal} other {The table already has its total}} "{first}" (line {line}): a total is printed once, before or after the rows. "{label}" is not checked; remove one of the two.',
        rule: { vi: 'Mỗi bảng (mỗi phần) có một dòng tổng, in trước hoặc sau các dòng của nó.', en: 'A table (a section) has one total, printed before or after its rows.' }
    },
    'sum-mismatch': {
        severity: 'error',
        vi: '{label} năm {year}, cột {measure}: in {printed} nhưng {parts} = {sum} (chênh {diff}).',
        en: '{label} {year}, column {measure}: printed {printed} but {parts} = {sum} (off by {diff}).',
        rule: { vi: 'Cột khai báo là tổng của các cột khác bằng tổng các cột thành phần trong cùng dòng và năm.', en: 'A column declared as the sum of others equals the sum of its parts in the same row and year.' }
    },
    'sum-rate-mismatch': {
        severity: 'error',
        vi: '{label} năm {year}, cột {measure}: tỷ lệ in {printed}% nhưng {parts} = {sum}%, lệch quá mức làm tròn (±{tolerance}).',
        en: '{label} {year}, column {measure}: the printed rate {printed}% but {parts} = {sum}%, off by more than rounding (±{tolerance}).',
        rule: { vi: 'Tỷ lệ khai báo là tổng các tỷ lệ bằng tổng đó, trong phạm vi làm tròn của từng tỷ lệ in.', en: 'A rate declared as a sum of rates equals that sum within the rounding of each printed rate.' }
    },
    'implied-denominator': {
        severity: 'error',
        vi: '{decided, select, rate {{label} năm {year}: {measure} in {printed}% không khớp với phần còn lại của bảng: {evidence} cho {base} trong khoảng {span}, nên với {countMeasure} {count} tỷ lệ phải là {expected}%.} count {{label} năm {year}: {measure} in {printed} không khớp với phần còn lại của bảng: {evidence} cho {base} trong khoảng {span}, và dòng tổng cho thấy số đúng là {expected} (ứng với tỷ lệ {rate}%).} other {{label} năm {year}: các tỷ lệ không thể cùng tính trên một mẫu số ({base}): {first} cần {firstRange}, còn {second} cần {secondRange}.{undecided, select, none {} other { Bảng không có số liệu nào khác cho biết số nào sai: hãy kiểm tra cả hai.}}}}{reading, select, none {} other { ({reading})}}',
        en: "{decided, select, rate {{label} {year}: {measure} printed {printed}% does not fit the rest of the table: {evidence} put {base} at {span}, so with {countMeasure} {count} the rate should be {expected}%.} count {{label} {year}: {measure} printed {printed} does not fit the rest of the table: {evidence} put {base} at {span}, and the total makes it {expected} (at {rate}%).} other {{label} {year}: the rates cannot share one denominator ({base}): {first} needs {firstRange}, but {second} needs {secondRange}.{undecided, select, none {} other { Nothing else in the table tells which figure is wrong: check both.}}}}{reading, select, none {} other { ({reading})}}",
        rule: { vi: 'Khi bảng không in mẫu số, mỗi tỷ lệ cùng số đếm của nó suy ra một mẫu số (số đếm ÷ tỷ lệ, theo độ làm tròn); các tỷ lệ trên cùng mẫu số phải suy ra được cùng một số. Số sai được chỉ ra theo những gì bảng biết về mẫu số (dòng tổng trừ các dòng khác, các tỷ lệ còn lại, năm liền kề của cùng đơn vị); chỉ khi bảng không đủ để biết thì cả hai được đánh dấu.', en: 'When a table does not print the denominator, each rate and its count imply one (count ÷ rate, within rounding); rates over the same denominator must imply a common value. The wrong figure is the one the rest of the table disagrees with (the total less the other rows, the other rates, the same unit\'s neighbouring year); only when nothing tells are both marked.' }
    },
    'flow-mismatch': {
        severity: 'error',
        vi: '{label} năm {year}, cột {measure}: in {printed} nhưng năm trước {previous}{terms} = {computed} (chênh {diff}).',
        en: '{label} {year}, column {measure}: printed {printed} but last year\'s {previous}{terms} = {computed} (off by {diff}).',
        rule: { vi: 'Cột số cuối kỳ bằng giá trị năm trước cộng, trừ các cột biến động của năm.', en: "An end-of-year column equals the year before's value plus and minus the year's changes." }
    },
    // --- a year printed twice (its start and end, or two standards), changes between years ---------
    'year-group-unknown': {
        severity: 'error',
        vi: '{label}: dòng năm {year} không thuộc nhóm cột nào của bảng. Năm {year} in thành các nhóm {groups}: ghi nhóm trước năm, ví dụ `{example}`.',
        en: '{label}: the line of {year} belongs to none of the table\'s groups. {year} is printed as the groups {groups}: name the group before the year, e.g. `{example}`.',
        rule: { vi: 'Một năm in thành nhiều nhóm cột (đầu năm và cuối năm, hay theo hai chuẩn nghèo): mỗi dòng ghi rõ nó thuộc nhóm nào.', en: 'A year printed as several column groups (its start and end, or under two standards): each line says which group it belongs to.' }
    },
    'start-of-year-mismatch': {
        severity: 'error',
        vi: '{label}, cột {measure}: năm {year} in {printed} nhưng năm {previous} là {expected}; số đầu năm phải bằng số cuối năm trước.',
        en: '{label}, column {measure}: {year} printed {printed} but {previous} is {expected}; the start of a year is the end of the year before.',
        rule: { vi: 'Số đầu năm ("Đầu năm 2024") bằng số cuối năm trước ("Cuối năm 2023"), cùng một chuẩn nghèo.', en: 'The figures at the start of a year ("Đầu năm 2024") equal those at the end of the year before, under one standard.' }
    },
    'change-mismatch': {
        severity: 'error',
        vi: '{label} năm {year}, cột {measure}: in {printed} nhưng {kind} của {column} từ {earlierYear} ({earlier}) đến {year} ({later}) là {computed}{flipped, select, yes { (dấu ngược: cột `decrease-of` ghi mức giảm là số dương, cột `change-of` ghi có dấu)} other {}}.',
        en: '{label} {year}, column {measure}: printed {printed} but the {kind} of {column} from {earlierYear} ({earlier}) to {year} ({later}) is {computed}{flipped, select, yes { (the sign is the other way: a `decrease-of` column prints a fall as a positive number, a `change-of` column prints it signed)} other {}}.',
        rule: { vi: 'Cột thay đổi (tăng, giảm hay chênh lệch) bằng mức thay đổi của cột nó so giữa hai năm, theo đơn vị của nó: điểm % là hiệu hai tỷ lệ, số hộ là hiệu hai số đếm, % là hiệu chia cho giá trị năm so sánh.', en: 'A change column (a rise, a fall or a signed change) equals the change of its column between the two years, in its unit: points are the difference of two rates, households that of two counts, percent the difference over the earlier value.' }
    },
    'change-unit': {
        severity: 'error',
        vi: 'Cột {measure} khai báo đơn vị {unit} cho mức thay đổi của cột {of} ({ofUnit}): điểm % chỉ dùng cho tỷ lệ, số hộ (người) cho số hộ (người), % cho cả hai.',
        en: 'Column {measure} declares the unit {unit} for the change of column {of} ({ofUnit}): points are for rates, households (persons) for households (persons), percent for either.',
        rule: { vi: 'Đơn vị của cột thay đổi hợp với cột nó so: điểm % với tỷ lệ, số hộ với số hộ; % (so với năm trước) với cả hai.', en: "A change column's unit fits the column it compares: points with a rate, households with households; percent (of the earlier value) with either." }
    },
    'across-standards': {
        severity: 'info',
        vi: 'Không kiểm tra {what} của năm {group} so với năm {other}: hai năm theo hai chuẩn nghèo khác nhau ({standard}; {otherStandard}), số liệu không so sánh được.',
        en: 'Not checked: {what} of {group} against {other}: the two years are under different poverty standards ({standard}; {otherStandard}), their figures do not compare.',
        rule: { vi: 'So sánh, biến động và thay đổi giữa các năm chỉ tính trong cùng một chuẩn nghèo.', en: 'Comparisons, flows and changes between years are made within one poverty standard only.' }
    },
    'range-total-mismatch': {
        severity: 'error',
        vi: '{label} năm {year}, cột {measure}: cận {bound} in {printed} nhưng tổng cận {bound} của các dòng là {sum} (chênh {diff}).',
        en: '{label} {year}, column {measure}: the {bound} bound is printed {printed} but the rows\' {bound} bounds add up to {sum} (off by {diff}).',
        rule: { vi: 'Khoảng ở dòng tổng có cận dưới bằng tổng các cận dưới và cận trên bằng tổng các cận trên của các dòng.', en: "A total's range runs from the sum of the rows' lower bounds to the sum of their upper bounds." }
    },
    'range-reversed': {
        severity: 'error',
        vi: 'Khoảng {printed} có cận dưới lớn hơn cận trên.',
        en: 'The range {printed} has its lower bound above its upper bound.',
        rule: { vi: 'Cận dưới của khoảng không lớn hơn cận trên.', en: 'A range\'s lower bound does not exceed its upper bound.' }
    },
    'range-outside-targets': {
        severity: 'error',
        vi: 'Ô {printed} là một khoảng, nhưng bảng không khai báo là bảng chỉ tiêu (`targets`).',
        en: 'The cell {printed} is a range, but the table is not declared a table of targets (`targets`).',
        rule: { vi: 'Chỉ bảng giao chỉ tiêu mới có ô là khoảng (từ … đến …).', en: 'Only a table of targets has range cells (from … to …).' }
    },
    'unknown-column': {
        severity: 'error',
        vi: 'Bảng không có cột "{id}"; các cột đã biết: {known}.',
        en: 'The table has no column "{id}"; known columns: {known}.',
        rule: { vi: 'Mọi cột được in hoặc được dùng là cột định sẵn hoặc đã khai báo trong bảng.', en: 'Every column printed or used is predeclared or declared in the table.' }
    },
    'part-exceeds-base': {
        severity: 'error',
        vi: '{part} ({value}) lớn hơn {base} ({total}) ({label}, năm {year}).',
        en: 'The count of {part} ({value}) exceeds {base} ({total}) ({label}, {year}).',
        rule: { vi: 'Số đếm của một tỷ lệ không vượt mẫu số của nó.', en: "A rate's count does not exceed its denominator." }
    },
    'unchecked-total': {
        severity: 'info',
        vi: 'Không kiểm tra được {label} năm {year}, cột {measure}: ô "{cell}" ở dòng {line} không đọc được thành số hộ.',
        en: '{label} {year}, column {measure} cannot be checked: the cell "{cell}" on line {line} does not read as a count.',
        rule: { vi: 'Một tổng không kiểm tra được vì một ô không đọc được thì được nói rõ, không bỏ qua im lặng.', en: 'A total that cannot be checked because a cell is unreadable says so instead of being skipped.' }
    },
    'unchecked-rate': {
        severity: 'info',
        vi: 'Không kiểm tra được tỷ lệ {printed}% ({label}, năm {year}): ô {measure} "{cell}" không đọc được thành số hộ.',
        en: 'The rate {printed}% ({label}, {year}) cannot be checked: the {measure} cell "{cell}" does not read as a count.',
        rule: { vi: 'Một tỷ lệ không kiểm tra được vì số đếm hoặc mẫu số không đọc được thì được nói rõ.', en: 'A rate that cannot be checked because its count or denominator is unreadable says so.' }
    },
    'note-skips-check': {
        severity: 'info',
        vi: '{check, select, total {Không kiểm tra tổng cột {measure} của {label} năm {year}} rate {Không kiểm tra tỷ lệ {printed}% ({label}, năm {year})} other {Không kiểm tra cột {measure} = {parts} ({label}, năm {year})}}: dòng {row} ghi "{note}" ở cột {noteColumn} thay cho số liệu.',
        en: '{check, select, total {The total of column {measure} ({label}, {year}) is not checked} rate {The rate {printed}% ({label}, {year}) is not checked} other {Column {measure} = {parts} ({label}, {year}) is not checked}}: the row {row} holds the note "{note}" in column {noteColumn} instead of a figure.',
        rule: { vi: 'Ghi chú trong ô ("Sáp nhập", "x") không tham gia phép tính; một phép kiểm tra cần ô đó thì được nói rõ là không kiểm tra.', en: 'A note in a cell ("Sáp nhập", "x") takes no part in the arithmetic; a check that needed that cell says it is not checked.' }
    },
    'table-check': {
        severity: 'warning',
        vi: '{message} ({label}, năm {year}: {left} {op} {right} không đúng).',
        en: '{message} ({label}, {year}: {left} {op} {right} does not hold).',
        rule: { vi: 'Một kiểm tra do bảng tự đặt ra: vế trái, phép so sánh, vế phải, trên các dòng và năm đã nêu; mức độ do kiểm tra khai báo.', en: 'A check the table sets itself: left side, comparison, right side, over the rows and years named; its severity is declared with it.' }
    },
    // --- years -----------------------------------------------------------------------------------------
    'duplicate-year': {
        severity: 'error',
        vi: 'Năm {year} được khai báo hai lần{where, select, none {} other { {where}}}.',
        en: 'Year {year} is given twice{where, select, none {} other { {where}}}.',
        rule: { vi: 'Một năm chỉ có một giá trị.', en: 'A year has one value only.' }
    },
    'baseline-not-before-targets': {
        severity: 'warning',
        vi: 'Năm gốc {baseline} phải trước các năm kế hoạch (năm {year}).',
        en: 'The baseline year {baseline} must come before the plan years ({year}).',
        rule: { vi: 'Năm gốc trước mọi năm kế hoạch của chỉ tiêu.', en: "The baseline year precedes every plan year of the indicator." }
    },
    'year-outside-period': {
        severity: 'warning',
        vi: 'Năm {year} nằm ngoài giai đoạn {from}–{to} và không phải năm định hướng{orientation, select, none {} other { {orientation}}}.',
        en: 'Year {year} is outside the period {from}–{to} and is not the orientation year{orientation, select, none {} other { {orientation}}}.',
        rule: { vi: 'Năm mục tiêu nằm trong giai đoạn của kế hoạch hoặc là năm định hướng.', en: 'Target years lie inside the period or are the orientation year.' }
    },
    'deadline-outside-period': {
        severity: 'warning',
        vi: 'Thời hạn năm {year} nằm ngoài giai đoạn của kế hoạch {from}–{to}.',
        en: "The deadline {year} is outside the plan's period {from}–{to}.",
        rule: { vi: 'Thời hạn của nhiệm vụ nằm trong các năm của kế hoạch.', en: "Task deadlines lie within the plan's years." }
    },
    'period-reversed': {
        severity: 'error',
        vi: 'Giai đoạn {from}–{to} có năm bắt đầu sau năm kết thúc.',
        en: 'The period {from}–{to} starts after it ends.',
        rule: { vi: 'Giai đoạn bắt đầu trước khi kết thúc.', en: 'A period starts before it ends.' }
    },
    // --- assignment ------------------------------------------------------------------------------------
    'unknown-reference': {
        severity: 'error',
        vi: 'Không có {kind} nào mang mã "{id}".',
        en: 'No {kind} is declared with the id "{id}".',
        rule: { vi: 'Mọi mã được tham chiếu đều đã khai báo.', en: 'Every referenced id is declared.' }
    },
    'agency-name-unknown': {
        severity: 'error',
        vi: 'Cơ quan {id} không có tên "{printed}"; tên đã khai báo: {names}.',
        en: 'The agency {id} has no name "{printed}"; its declared names: {names}.',
        rule: {
            vi: 'Tên in của cơ quan (`lead NNPTNT as "…"`) là một trong các tên đã khai báo của cơ quan: tên đầy đủ, `short` hoặc `alias`.',
            en: 'The wording a reference prints for an agency (`lead NNPTNT as "…"`) is one of the agency\'s declared names: its name, a `short` or an `alias`.'
        }
    },
    'name-misspelled': {
        severity: 'warning',
        vi: '"{printed}" ({where, select, title {trong tiêu đề} heading {trong đề mục} other {trong văn bản}}) khác tên đã khai báo "{declared}" của {kind} {id} ở dấu: nên viết "{replacement}".',
        en: '"{printed}" ({where, select, title {in a title} heading {in a heading} other {in the text}}) differs from the declared name "{declared}" of {kind} {id} in its accents: write "{replacement}".',
        rule: {
            vi: 'Tên một đơn vị hoặc cơ quan in trong tiêu đề, đề mục hay văn bản viết đúng như tên đã khai báo (so cả cụm tên, không kể hoa thường; chỉ báo khi hai cách viết chỉ khác nhau ở dấu).',
            en: 'A unit or agency named in a title, heading or the text is spelt as declared (whole names, case aside; reported only when the two spellings differ in their accents alone).'
        }
    },
    // --- links between tables --------------------------------------------------------------------------
    'link-mismatch': {
        severity: 'error',
        vi: '{here} năm {year}, {measure}: in {printed}, nhưng {there} in {other}; hai số này phải bằng nhau (link).',
        en: '{here} {year}, {measure}: printed {printed}, but {there} prints {other}; the two must be equal (link).',
        rule: {
            vi: 'Một số liệu được khai báo là bằng số liệu của bảng khác, của chỉ tiêu hay được trích trong văn bản thì bằng số đó: cùng chỉ tiêu đo (theo định nghĩa cột, không theo tên cột), cùng năm và loại năm, cùng chuẩn nghèo, cùng đơn vị.',
            en: 'A figure declared equal to a figure of another table, of an indicator or quoted in the text equals it: the same measure (by the columns\' definitions, not their headings), year and kind of year, standard and unit.'
        }
    },
    'link-incomplete': {
        severity: 'warning',
        vi: 'Liên kết không so được: {reason, select, row {bảng {table} không có dòng {unit}} total {bảng {table} không có dòng tổng} section {bảng {table} không có phần {unit} có dòng cộng} column {hãy nêu cột của bảng {table} được so với {other}} year {hãy nêu năm được so (years …)} quote {không tìm thấy đoạn trích "{quote}" trong văn bản của kế hoạch} number {đoạn trích "{quote}" không có số nào} other {hai bên không có cột nào cùng định nghĩa, cùng năm và cùng chuẩn nghèo}}.',
        en: 'The link compares nothing: {reason, select, row {table {table} has no row for {unit}} total {table {table} has no total row} section {table {table} has no section {unit} with a subtotal} column {name the column of table {table} compared with {other}} year {name the years compared (years …)} quote {the quote "{quote}" is found in no text of the plan} number {the quote "{quote}" holds no number} other {the two sides have no column of the same definition, year and standard}}.',
        rule: { vi: 'Một liên kết giữa hai số liệu chỉ rõ được số liệu ở cả hai bên.', en: 'A link between two figures names a figure on each side.' }
    },
    'link-unit-mismatch': {
        severity: 'error',
        vi: 'Liên kết so hai số khác đơn vị: {left} ({leftUnit}) và {right} ({rightUnit}).',
        en: 'The link compares figures of different units: {left} ({leftUnit}) and {right} ({rightUnit}).',
        rule: { vi: 'Hai bên của một liên kết cùng đơn vị tính.', en: 'Both sides of a link have the same unit.' }
    },
    'solution-without-lead': {
        severity: 'info',
        vi: '{what} chưa nêu đơn vị chủ trì (cũng không có ở nhóm chứa nó): {name}',
        en: '{what} names no lead agency (nor does its group): {name}',
        rule: { vi: 'Giải pháp nêu đơn vị chủ trì, hoặc thừa hưởng đơn vị chủ trì của nhóm giải pháp chứa nó; giải pháp giao chung cho các cấp là thông tin, không phải cảnh báo.', en: 'A solution names its lead or inherits the lead of the group of solutions it stands in; directions to all levels are information, not warnings.' }
    },
    'indicator-not-whole': {
        severity: 'error',
        vi: 'Chỉ tiêu tính bằng {unit} phải là số nguyên: "{printed}".',
        en: 'An indicator counted in {unit} takes whole numbers: "{printed}".',
        rule: { vi: 'Giá trị của chỉ tiêu tính bằng hộ hoặc người là số nguyên.', en: 'Values of indicators in households or persons are whole numbers.' }
    },
    'not-shown': {
        severity: 'warning',
        vi: 'Chỉ tiêu "{name}" nằm ngoài mọi chiều thiếu hụt (`dimension`) và không tính từ bảng nào: nó{targets, select, none {} other { và mục tiêu của nó}} không có trong phụ lục hay biểu đồ nào.',
        en: 'The indicator "{name}" is in no deprivation dimension (`dimension`) and computed from no table: {targets, select, none {it appears} other {it and its targets appear}} in no annex and no chart.',
        rule: { vi: 'Mọi nội dung khai báo đều xuất hiện ở một đầu ra (phụ lục, biểu đồ): một chỉ tiêu nằm trong một chiều, hoặc tính từ một bảng.', en: 'Everything declared reaches an output (an annex, a chart): an indicator stands in a dimension or is computed from a table.' }
    },
    'placeholder-text': {
        severity: 'warning',
        vi: 'Tên của {kind} {id} vẫn là chỗ trống "{text}": hãy viết tên thật, nó sẽ được in ra phụ lục.',
        en: 'The {kind} {id} still has the placeholder "{text}" for its name: write the real one, it is printed in the annexes.',
        rule: { vi: 'Không còn chỗ trống ("…", TODO, <…>) ở tên cơ quan, đơn vị, chỉ tiêu và tiêu đề bảng.', en: 'No placeholder ("…", TODO, <…>) is left in the names of agencies, units and indicators and in table titles.' }
    },
    'missing-lead': {
        severity: 'warning',
        vi: '{what} chưa có đơn vị chủ trì: {name}',
        en: '{what} has no lead agency: {name}',
        rule: { vi: 'Mỗi chỉ tiêu và nhiệm vụ có đơn vị chủ trì.', en: 'Every indicator and task has a lead agency.' }
    },
    'unused-agency': {
        severity: 'hint',
        vi: 'Cơ quan {name} được khai báo nhưng không được giao việc gì.',
        en: 'The agency {name} is declared but given nothing to do.',
        rule: { vi: 'Cơ quan được khai báo thì được giao chủ trì, phối hợp hoặc nhiệm vụ.', en: 'A declared agency leads, coordinates or has duties.' }
    },
    'duplicate-id': {
        severity: 'error',
        vi: 'Mã "{id}" đã được dùng cho {kind} khác (dòng {line}).',
        en: 'The id "{id}" is already used by another {kind} (line {line}).',
        rule: { vi: 'Mỗi mã chỉ khai báo một lần.', en: 'Each id is declared once.' }
    },
    'numbering-gap': {
        severity: 'warning',
        vi: 'Đánh số không liên tục: sau {previous} là {found} (thiếu {expected}).',
        en: 'Numbering is not continuous: {found} follows {previous} ({expected} is missing).',
        rule: { vi: 'Danh sách đánh số liên tục 1, 2, 3… (a, b, c…).', en: 'Numbered lists run 1, 2, 3… (a, b, c…) without gaps.' }
    },
    // --- trajectories and targets ------------------------------------------------------------------
    'wrong-direction': {
        severity: 'warning',
        vi: 'Chỉ tiêu "{name}" đi ngược hướng ({direction}): {fromValue} năm {fromYear} → {toValue} năm {toYear}.',
        en: 'The indicator "{name}" moves the wrong way ({direction}): {fromValue} in {fromYear} → {toValue} in {toYear}.',
        rule: { vi: 'Giá trị kế hoạch của chỉ tiêu đi theo hướng tốt lên so với năm trước và năm gốc.', en: "An indicator's plan values move in its direction, year on year and against the baseline." }
    },
    'target-not-met': {
        severity: 'warning',
        vi: 'Mục tiêu "{target}" năm {year} không khớp với số liệu: giá trị là {actual}.',
        en: 'The target "{target}" for {year} does not hold for the figures: the value is {actual}.',
        rule: { vi: 'Câu mục tiêu ("dưới 9%", "trên 68%", "khoảng 0,5%") đúng với giá trị của năm đó ("dưới"/"trên" là chặt, "khoảng" có dung sai).', en: 'A target sentence ("dưới 9%", "trên 68%", "khoảng 0,5%") holds for that year\'s value ("dưới"/"trên" are strict, "khoảng" has a tolerance).' }
    },
    'target-text-differs': {
        severity: 'info',
        vi: 'Câu mục tiêu không chứa giá trị {value} đã khai báo.',
        en: 'The target sentence does not contain the declared value {value}.',
        rule: { vi: 'Câu mục tiêu gốc nhắc đúng giá trị khai báo.', en: 'The original target sentence mentions the declared value.' }
    },
    'target-unit-mismatch': {
        severity: 'warning',
        vi: 'Mục tiêu cho chỉ tiêu "{name}" dùng giá trị {value} ngoài khoảng 0–100 của đơn vị %.',
        en: 'The target for "{name}" uses {value}, outside 0–100 for a % unit.',
        rule: { vi: 'Giá trị mục tiêu phù hợp với đơn vị của chỉ tiêu.', en: "Target values fit the indicator's unit." }
    },
    // --- characters ----------------------------------------------------------------------------------
    // A warning: exporters drop or convert such characters; the plan text should still not hold them.
    'control-character': {
        severity: 'warning',
        vi: 'Ký tự điều khiển vô hình {char} trong {where, select, comment {chú thích} other {chuỗi}} (thường do dán từ Word): không hiện ra nhưng vẫn nằm trong văn bản.',
        en: 'Invisible control character {char} in {where, select, comment {a comment} other {a string}} (often pasted from Word): it does not show, but it is in the text.',
        rule: { vi: 'Chuỗi và chú thích không chứa ký tự điều khiển (trừ tab và xuống dòng), ký tự không dùng như U+FFFE, U+FFFF hay nửa cặp surrogate.', en: 'Strings and comments hold no control characters (except tab and line breaks), noncharacters such as U+FFFE and U+FFFF, or lone surrogates.' }
    },
    // An error: the text shows otherwise than it reads, in the editor and in every export ("Trojan Source").
    'bidi-control': {
        severity: 'error',
        vi: 'Ký tự đảo hướng chữ {char} trong {where, select, comment {chú thích} other {chuỗi}}: văn bản hiện ra khác với nội dung thật (có thể dùng để che giấu nội dung).',
        en: 'Bidirectional control character {char} in {where, select, comment {a comment} other {a string}}: the text is displayed differently from what it says (it can disguise content).',
        rule: { vi: 'Chuỗi và chú thích không chứa ký tự đảo hướng chữ (U+202A–U+202E, U+2066–U+2069), vốn làm văn bản hiện ra khác nội dung thật.', en: 'Strings and comments hold no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), which make text display otherwise than it reads.' }
    },
    // --- declarations that cannot mean anything (words/definitions.ts) ----------------------------
    ...DEFINITION_ISSUES,
    // --- roll-up: plans part-of another agree with it (words/roll-up.ts) -----------------------------
    ...ROLL_UP_ISSUES
} satisfies Record<string, IssueSpec>;

/**
 * Findings about the file rather than the plan: reported by the command line, which reads the bytes
 * (the editor decodes files itself). Kept apart from ISSUES, whose codes are rules over plan text.
 */
export const FILE_ISSUES = {
    'encoding-invalid': {
        severity: 'error',
        vi: 'Tệp không phải là {encoding} hợp lệ: {count} chỗ không đọc được, chỗ đầu tiên ở đây (byte {byte}); các chỗ này được đọc thành "\uFFFD". Hãy lưu tệp dưới dạng UTF-8.',
        en: 'The file is not valid {encoding}: {count} unreadable {count, plural, one {sequence} other {sequences}}, the first here (byte {byte}); they are read as "\uFFFD". Save the file as UTF-8.',
        rule: { vi: 'Tệp kế hoạch được lưu dưới dạng UTF-8 (hoặc UTF-16 có dấu BOM).', en: 'A plan file is saved as UTF-8 (or UTF-16 with a byte-order mark).' }
    },
    'encoding-utf16-no-bom': {
        severity: 'error',
        vi: 'Tệp có vẻ là {encoding} không có dấu thứ tự byte (BOM); đã đọc theo {encoding}. Hãy lưu tệp dưới dạng UTF-8.',
        en: 'This looks like {encoding} without a byte-order mark (BOM); it was read as {encoding}. Save the file as UTF-8.',
        rule: { vi: 'Tệp UTF-16 có dấu BOM để biết thứ tự byte.', en: 'A UTF-16 file starts with a byte-order mark.' }
    },
    'encoding-binary': {
        severity: 'error',
        vi: 'Tệp có byte NUL: đây không phải là tệp văn bản (có thể là ảnh, tệp nén hoặc UTF-32), nên không được kiểm tra.',
        en: 'The file holds NUL bytes: it is not a text file (perhaps an image, an archive or UTF-32), so it was not checked.',
        rule: { vi: 'Tệp kế hoạch là tệp văn bản.', en: 'A plan file is a text file.' }
    },
    'nesting-too-deep': {
        severity: 'error',
        vi: 'Các khối lồng nhau quá sâu: dấu ngoặc nhọn này mở tầng thứ {depth}, quá giới hạn {limit} tầng. Nội dung của khối, {closeLine, select, none {đến hết tệp vì không có dấu nào đóng khối} other {đến chỗ khối đóng ở dòng {closeLine}}}, không được đọc và không được kiểm tra.',
        en: 'Blocks nested too deep: this brace opens level {depth}, past the limit of {limit} levels. What the block holds, {closeLine, select, none {to the end of the file as nothing closes it} other {up to where it closes on line {closeLine}}}, is not read nor checked.',
        rule: { vi: 'Các khối lồng nhau không quá 100 tầng (một kế hoạch thường có 4–5 tầng).', en: 'Blocks nest at most 100 levels deep (a plan has 4 or 5).' }
    },
    'parse-failed': {
        severity: 'error',
        vi: 'Không phân tích được tệp ({reason}), nên tệp không được kiểm tra. Đây là lỗi của công cụ; xin báo lại kèm tệp.',
        en: 'The file could not be parsed ({reason}), so it was not checked. This is a bug in the tool; please report it with the file.',
        rule: { vi: 'Bộ phân tích đọc được mọi tệp văn bản.', en: 'The parser reads any text file.' }
    }
} satisfies Record<string, IssueSpec>;
