// The guiding comments of a new plan from the template (extension/src/client/template.ts), in the
// editor's language. The skeleton's own labels are the document's text and stay Vietnamese.

import type { Words } from '../catalogue.js';

export const TEMPLATE_COMMENTS = {
    intro: { vi: 'Kế hoạch mới tạo từ mẫu. Thay các chỗ "…" bằng nội dung văn bản, điền số liệu vào các ô "-".', en: 'New plan created from the template. Replace each "…" with the document\'s text and fill the "-" cells with figures.' },
    keys: { vi: 'Ctrl+Space gợi ý từ khóa và mã đã khai báo; số viết như trong văn bản (29.822 và 3,17).', en: 'Ctrl+Space suggests keywords and declared ids; numbers are written as printed (29.822 and 3,17 in vi style).' },
    purpose: { vi: 'I. MỤC ĐÍCH, YÊU CẦU', en: 'I. Purposes and requirements' },
    objective: { vi: 'II.1 Mục tiêu tổng quát', en: 'II.1 General objective' },
    agencies: { vi: 'Cơ quan, đơn vị: sửa tên cho đúng tổ chức bộ máy hiện hành, thêm hoặc bớt tùy kế hoạch.', en: 'Agencies: correct the names to the current organisation, add or remove as the plan needs.' },
    districts: { vi: 'Huyện, thị xã, thành phố (hoặc đơn vị hành chính của bảng phụ lục).', en: 'Districts, towns and cities (or the administrative units of the annex table).' },
    table: { vi: 'Phụ lục 01: mỗi dòng một đơn vị, mỗi năm một dòng "năm: tổng số hộ  hộ nghèo  tỷ lệ (%)".', en: 'Annex 01: one row per unit, one line per year "year: total households  poor households  rate (%)".' },
    indicators: { vi: 'Phụ lục 02: chỉ tiêu của sáu chiều thiếu hụt; mỗi chỉ tiêu ghi năm gốc và các năm kế hoạch:', en: 'Annex 02: indicators of the six deprivation dimensions; give each a baseline and plan years:' },
    values: { vi: 'baseline {base} = …   plan {from} = …', en: 'baseline {base} = …   plan {from} = …' },
    targets: { vi: 'II.2 Mục tiêu cụ thể: thêm so sánh (below, above, about…) khi câu mục tiêu có số.', en: 'II.2 Specific targets: add a comparison (below, above, about…) when the sentence has a figure.' },
    solutions: { vi: 'III. NỘI DUNG THỰC HIỆN', en: 'III. Tasks and solutions' },
    funding: { vi: 'IV. KINH PHÍ THỰC HIỆN', en: 'IV. Funding' },
    duties: { vi: 'V. TỔ CHỨC THỰC HIỆN', en: 'V. Duties of each agency' },
    tasks: { vi: 'Phụ lục 03: nhiệm vụ xây dựng chính sách', en: 'Annex 03: policy tasks' }
} as const satisfies Record<string, Words>;
