// Small plans for the editor-feature tests: a province with agencies, districts, a table whose
// 2022 rate (3,18) and 2022 total (1.400) are misprinted, and a district plan that is part of it.

export const PROVINCE = `plan tinh_demo "Kế hoạch giảm nghèo tỉnh Demo"
number-style vi

header {
    period 2023 to 2025
    orientation 2030
}

standard md2022 "Chuẩn nghèo đa chiều giai đoạn 2022-2025" from 2022 to 2025

agency LDTBXH "Sở Lao động - Thương binh và Xã hội" department { short "Sở LĐ-TB&XH" }
agency YT "Sở Y tế" department
agency XD "Sở Xây dựng" department
agency KHDT "Sở Kế hoạch và Đầu tư" department

district PhuCu "Phù Cừ" huyen
district TPHungYen "TP Hưng Yên" thanh-pho full-name "Thành phố Hưng Yên"

table phu_luc_01 "Tỷ lệ hộ nghèo" {
    years { 2021 result  2022 result  2023 plan }
    columns households poor poor-rate
    row 1 PhuCu {
        2021: 29.822 946 3,17
        2022: 29.409 650 3,18
        2023: 29.609 448 1,51
    }
    row 2 TPHungYen {
        2021: 37.278 416 1,12
        2022: 36.645 295 0,81
        2023: 36.945 195 0,53
    }
    total "Tổng cộng" {
        2021: 67.100 1.362 2,03
        2022: 66.054 1.400 2,12
        2023: 66.554 643 0,97
    }
}

indicator ty_le_ho_ngheo "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều" {
    unit percent
    direction lower
    computed poor-rate of phu_luc_01
    lead LDTBXH coordinate KHDT
}

dimension y_te "Y tế" {
    indicator yt_bhyt "Tỷ lệ người thuộc hộ nghèo được hỗ trợ bảo hiểm y tế" {
        unit percent
        direction higher
        lead YT
        baseline 2022 = 100
        plan 2025 = 100
    }
}

target mt_bhyt {
    indicator yt_bhyt
    year 2025
    equal 100
}

tasks "Nhiệm vụ" {
    task 1 "Xây dựng chính sách hỗ trợ bảo hiểm y tế" {
        lead YT coordinate LDTBXH
        submit 2025
    }
}
`;

export const DISTRICT = `plan huyen_demo "Kế hoạch giảm nghèo huyện Phù Cừ"
part-of tinh_demo

tasks "Nhiệm vụ của huyện" {
    task 1 "Rà soát hộ nghèo" {
        lead LDTBXH coordinate YT
        submit 2024
    }
}
`;

/** The offset just after the n-th occurrence of a literal (where a cursor typed it would stand). */
export function offsetAfter(text: string, literal: string, occurrence = 0): number {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(literal, index + 1);
        if (index < 0) throw new Error(`"${literal}" occurs fewer than ${occurrence + 1} times`);
    }
    return index + literal.length;
}
