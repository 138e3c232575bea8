// Plans that between them use every keyword of the grammar in every rule that has it, so the
// editor features can be checked word by word (hover texts, semantic tokens).

export const ALL_KEYWORDS_PLANS: string[] = [
    `plan tinh_demo "Kế hoạch giảm nghèo tỉnh Demo"
number-style vi

header {
    number "" code "KH-UBND"
    issuer "Ủy ban nhân dân tỉnh Demo"
    issuer-short "UBND tỉnh"
    place "Demo"
    date ?/11/2023
    kind "KẾ HOẠCH"
    title "Thực hiện Nghị quyết số 41-NQ/TU"
    implements "41-NQ/TU" dated 21/8/2023 by "Ban Thường vụ Tỉnh ủy"
        about "về giảm nghèo"
    period 2023 to 2025
    orientation 2030
    preamble "Thực hiện Nghị quyết số 41-NQ/TU"
    signer "Nguyễn Văn A" position "PHÓ CHỦ TỊCH" authority "TM. ỦY BAN NHÂN DÂN" deputy "KT. CHỦ TỊCH"
    recipient "Lưu: VT"
}

purpose "Cụ thể hóa Nghị quyết."
requirement "Thực hiện đồng bộ."
objective "Giảm nghèo bền vững."

standard md2022 "Chuẩn nghèo đa chiều" basis "Nghị định số 07/2021/NĐ-CP" from 2022 to 2025

agency LDTBXH "Sở Lao động - Thương binh và Xã hội" department { short "Sở LĐ-TB&XH" alias "Sở Lao động" }
agency NHCSXH "Ngân hàng Chính sách xã hội tỉnh" bank
agency UBND_HUYEN "UBND các huyện" committee
agency MTTQ "Ủy ban MTTQ tỉnh" front
agency SO_NGANH "Các sở, ngành" group
agency KHAC "Cơ quan khác" other

district PhuCu "Phù Cừ" huyen
district MyHao "Mỹ Hào" thi-xa full-name "Thị xã Mỹ Hào"
district TPHungYen "TP Hưng Yên" thanh-pho

table phu_luc_01 "Tỷ lệ hộ nghèo" {
    annex "01"
    heading "Theo chuẩn nghèo đa chiều"
    standard md2022
    years { 2022 result  2023 estimate  2024 plan  2025 actual }
    columns households poor poor-rate near-poor near-poor-rate multidim multidim-rate
    section I "Thành thị" {
        row 1 MyHao {
            2022: 100 1 1,00 2 2,00 3 3,00
        }
        subtotal "Cộng thành thị" {
            2022: 100 1 1,00 2 2,00 3 3,00
        }
    }
    row 2 PhuCu {
        2022: 100 1 1,00 2 2,00 3 3,00
    }
    total "Tổng cộng" {
        2022: 200 2 1,00 4 2,00 6 3,00
    }
}

indicator ty_le_ngheo "Tỷ lệ hộ nghèo" {
    unit percent
    direction lower
    computed poor-rate of phu_luc_01
    lead LDTBXH as "Sở LĐ-TB&XH" coordinate MTTQ as "Ủy ban MTTQ tỉnh"
    baseline 2022 = 1 standard md2022
    plan 2025 = 0,5
    actual 2023 = 0,9
}
indicator-table "Chỉ tiêu các chiều thiếu hụt" annex "02"
dimension y_te "Y tế" {
    heading "Chiều y tế"
    indicator ho "Số hộ" { unit households direction higher }
    indicator nguoi "Số người" { unit persons }
    indicator diem "Điểm" { unit points }
    indicator khac "Khác" { unit "lượt" }
}

target mt_1 {
    indicator ty_le_ngheo
    year 2025
    below 1
    standard md2022
    text "Tỷ lệ hộ nghèo dưới 1%"
}
target mt_2 { indicator ty_le_ngheo year 2025 at-most 1 }
target mt_3 { indicator ty_le_ngheo year 2025 about 1 tolerance 0,1 }
target mt_4 { indicator ho year 2025 at-least 1 }
target mt_5 { indicator ho year 2025 above 1 }
target mt_6 { indicator ho year 2025 equal 1 }
target mt_7 { indicator ho year 2025 between 1 and 2 }
target mt_8 { indicator ty_le_ngheo year 2025 down-by 0,5 from 2022 }
target mt_9 { indicator ho year 2025 up-by between 1 and 2 }

solutions "NỘI DUNG THỰC HIỆN" {
    group 1 "Lãnh đạo, chỉ đạo" {
        group a "Tuyên truyền" {
            solution tuyen_truyen "Tuyên truyền" {
                text "Đẩy mạnh tuyên truyền."
                lead LDTBXH
            }
        }
    }
}

funding {
    text "Kinh phí thực hiện"
    source tin_dung "Vốn tín dụng" via NHCSXH
}

duties "TỔ CHỨC THỰC HIỆN" {
    1 LDTBXH "Sở Lao động" { "Chủ trì tham mưu." }
}

tasks "NHIỆM VỤ" {
    annex "03"
    task 1 chinh_sach "Xây dựng chính sách" {
        lead LDTBXH
        submit 2025
        note "Ghi chú"
    }
}

closing "Yêu cầu các sở, ngành thực hiện."

link phu_luc_01 total = phu_luc_01 section I
link phu_luc_01 row PhuCu poor = indicator ty_le_ngheo
link phu_luc_01 total poor-rate = text "Thực hiện đồng bộ" years 2022
`,
    `plan huyen_demo "Kế hoạch của huyện"
part-of tinh_demo
number-style international
`,
    // Declared tables: units of every level, columns of their own, checks, ranges; a group's lead.
    `plan vung_demo "Kế hoạch của vùng"
number-style vi

standard md2016 "Chuẩn nghèo 2016-2020"
standard md2022 "Chuẩn nghèo đa chiều 2022-2025"
agency LDTBXH "Sở Lao động - Thương binh và Xã hội" department
region TDMN "Trung du và miền núi phía Bắc"
province HY "Hưng Yên"
district Q1 "Quận 1" quan
commune XaA "Xã A" xa
commune PhuongB "Phường B" phuong
commune TTC "Thị trấn C" thi-tran

table muc_tieu "Mục tiêu giảm nghèo" targets {
    row-header "Đơn vị"
    plans-per-unit
    number-style vi for ty_le_thoat
    years { 2015 result standard md2016  2025 plan standard md2022 }
    column thoat "Hộ thoát nghèo" households number-style vi
    column moi "Hộ nghèo phát sinh" households
    column ty_le_thoat "Tỷ lệ hộ thoát nghèo" percent rate-of thoat per households
    column ngheo_da_chieu "Hộ nghèo đa chiều" households sum-of poor + near-poor
    column poor "Hộ nghèo cuối năm" households flow - thoat + moi
    columns households poor near-poor thoat moi ty_le_thoat ngheo_da_chieu
    check c1 { poor + near-poor <= households rows units years 2025 severity error message "Vượt tổng số hộ" en "Above the households" }
    check c2 { poor(previous) - 1 >= poor(2015) rows totals severity warning message "Giảm quá ít" }
    check c3 { poor < 1000 rows all severity info message "Nhiều hộ nghèo" }
    check c4 { thoat = moi message "Bằng nhau" }
    check c5 { thoat > 0 message "Có hộ thoát nghèo" }
    check c6 { thoat != 1 message "Khác 1" }
    row 1 XaA {
        2025: 100..120 1..2 0..1 1 1 1,0..2,0 2..3
    }
}

solutions {
    group 1 "Lãnh đạo, chỉ đạo" {
        lead LDTBXH
        solution "Tuyên truyền"
    }
}
`,
    // A year printed twice (its start and end, two standards) and changes between years (issue 21).
    `plan hai_nhom "Hai nhóm cột một năm"
standard cu "Chuẩn cũ" from 2016 to 2020
standard moi "Chuẩn mới" from 2021 to 2025
district A "Phù Cừ" huyen
table t "Bảng" {
    years { 2021 result standard cu  2021 result standard moi "Năm 2021 (chuẩn mới)"  2022 result start  2022 result end }
    column giam "Giảm (điểm %)" points decrease-of poor-rate from 2021
    column tang "Tăng (hộ)" households increase-of poor from start
    column doi "Thay đổi (hộ)" households change-of poor
    columns households poor poor-rate giam tang doi
    row 1 A {
        standard cu 2021: 100 5 5,00 - - -
        standard moi 2021: 100 8 8,00 - - -
        start 2022: 100 8 8,00 - - -
        end 2022: 100 7 7,00 1,00 - -1
    }
}
`
];
