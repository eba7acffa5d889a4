//! Phụ lục (Mẫu 2.1, 2.2): appendices issued with the document, each beginning on a page of
//! its own, numbered in Roman when there are two or more, with its own page numbers and, if
//! its tables need it, landscape pages; and the document a quyết định issues or approves
//! (Mẫu 1.3). Either goes in the document's file or, on an electronic document, in a file of
//! its own.

use crate::khoa::{self, CoMat, Dang, Khoa, Kieu};

use crate::{LoaiVanBan, NoiDung, TrichYeu};

/// The document a quyết định (or nghị quyết) issues or approves (Mẫu 1.3): a quy chế, quy
/// định, kế hoạch … on pages of its own, under a header without Số, with its type name, its
/// summary and the line naming the decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VanBanKemTheo {
    /// Its type: one with a type name of its own (not a công văn).
    pub loai: LoaiVanBan,
    /// Its summary, printed in bold under the type name.
    pub trich_yeu: TrichYeu,
    /// Its content.
    pub noi_dung: NoiDung,
    /// Whether it is issued as a file of its own (the electronic variant of Mẫu 1.3), with
    /// the agency's signature text at the top right of its first page.
    pub tep_rieng: bool,
}

/// One appendix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhuLuc {
    /// Its title, printed in bold capitals under `Phụ lục …`.
    pub ten: String,
    /// Its content.
    pub noi_dung: NoiDung,
    /// Whether its pages are landscape A4.
    pub ngang: bool,
    /// Whether it is issued as a file of its own (Mẫu 2.2), with the agency's signature
    /// text at the top right of its first page.
    pub tep_rieng: bool,
}

impl PhuLuc {
    /// The heading of appendix `i` (from 0) of `n`: `Phụ lục` alone, or `Phụ lục I`,
    /// `Phụ lục II`, … when there are two or more.
    pub fn nhan(i: usize, n: usize) -> String {
        if n <= 1 { "Phụ lục".to_owned() } else { format!("Phụ lục {}", so_la_ma(i + 1)) }
    }

    /// The name of appendix `i` (from 0) of `n` as a separate file: `phu-luc`, or
    /// `phu-luc-I`, `phu-luc-II`, … when there are two or more.
    pub fn ten_tep(i: usize, n: usize) -> String {
        if n <= 1 { "phu-luc".to_owned() } else { format!("phu-luc-{}", so_la_ma(i + 1)) }
    }
}

/// `n` in Roman numerals (1 → `I`, 14 → `XIV`); `n` from 1 to 3999.
pub fn so_la_ma(mut n: usize) -> String {
    const BANG: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in BANG {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// `[[phu_luc]]`: the appendices.
pub const PHU_LUC: Khoa = Khoa {
    ten: "phu_luc",
    kieu: Kieu::CacBang(KHOA_PHU_LUC),
    co_mat: khoa::tuy_chon,
    mo_ta: "Các phụ lục kèm theo văn bản, trong cùng tệp (Mẫu 2.1) hoặc, với văn bản điện tử, ở tệp riêng (Mẫu 2.2, tep_rieng = true): mỗi phụ lục một bảng [[phu_luc]], in từ trang mới, \"Phụ lục\" (từ hai phụ lục: \"Phụ lục I\", \"Phụ lục II\", …), tên in hoa, dòng \"(Kèm theo … số … ngày … của …)\", đánh số trang riêng.",
    mo_ta_en: "Appendices, in the same file (form 2.1) or, for an electronic document, in files of their own (form 2.2, tep_rieng = true): one [[phu_luc]] table each, from a new page, numbered \"Phụ lục I\", \"Phụ lục II\" … when there are two or more, with the \"(Kèm theo …)\" line and page numbers of their own.",
    vi_du: "[{ ten = \"Thành phần đoàn kiểm tra\", noi_dung = \"1. Ông Nguyễn Văn A, Trưởng đoàn.\" }]",
    thay_the: ("", ""),
};

/// The keys of a `[[phu_luc]]` table.
pub const KHOA_PHU_LUC: &[&Khoa] = &[&TEN, &NOI_DUNG_PHU_LUC, &NGANG, &TEP_RIENG_PHU_LUC];

/// `phu_luc.ten`.
pub const TEN: Khoa = Khoa {
    ten: crate::co_quan::TEN.ten,
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Tên phụ lục, in hoa, đậm.",
    mo_ta_en: "The appendix's title, in bold capitals.",
    vi_du: "\"Thành phần đoàn kiểm tra\"",
    thay_the: ("", ""),
};

/// `phu_luc.noi_dung`.
pub const NOI_DUNG_PHU_LUC: Khoa = Khoa {
    ten: crate::noi_dung::NOI_DUNG.ten,
    kieu: Kieu::NoiDung { toi_da: None },
    co_mat: khoa::bat_buoc,
    mo_ta: "Nội dung phụ lục, Markdown như nội dung văn bản.",
    mo_ta_en: "The appendix's content, Markdown as in the body.",
    vi_du: "\"\"\"\n1. Ông Nguyễn Văn A, Trưởng đoàn.\n\"\"\"",
    thay_the: ("", ""),
};

/// `phu_luc.ngang`.
pub const NGANG: Khoa = Khoa {
    ten: "ngang",
    kieu: Kieu::DungSai,
    co_mat: khoa::tuy_chon,
    mo_ta: "Trang nằm ngang.",
    mo_ta_en: "Landscape pages.",
    vi_du: "true",
    thay_the: ("", ""),
};

/// `phu_luc.tep_rieng`.
pub const TEP_RIENG_PHU_LUC: Khoa = Khoa {
    ten: "tep_rieng",
    kieu: Kieu::DungSai,
    co_mat: khoa::tuy_chon,
    mo_ta: "Văn bản điện tử: ban hành thành tệp riêng (<tên tệp>.phu-luc-II.pdf bên cạnh PDF của văn bản), góc trên bên phải trang đầu in số, ký hiệu và thời điểm ký số; cần [ky_so] thoi_gian và số văn bản.",
    mo_ta_en: "Electronic document: issued as a file of its own (<name>.phu-luc-II.pdf beside the document's PDF), with the number, code and signing time at the top right of its first page; needs [ky_so] thoi_gian and a number.",
    vi_du: "true",
    thay_the: ("", ""),
};

/// `[kem_theo]`: the document a quyết định or nghị quyết issues (Mẫu 1.3).
pub const KEM_THEO: Khoa = Khoa {
    ten: "kem_theo",
    kieu: Kieu::Bang(KHOA_KEM_THEO),
    co_mat: |l| if l.co_dieu() { CoMat::TuyChon } else { CoMat::Khong },
    mo_ta: "Văn bản được ban hành (phê duyệt) kèm theo quyết định, nghị quyết (Mẫu 1.3): in từ trang mới, phần đầu không có số, tên loại, trích yếu và dòng \"(Kèm theo Quyết định số … ngày … của …)\".",
    mo_ta_en: "The document a quyet-dinh or nghi-quyet issues or approves (form 1.3): from a new page, headed by its type, summary and the \"(Kèm theo Quyết định số … ngày … của …)\" line.",
    vi_du: "{ loai = \"quy-che\", trich_yeu = \"Làm việc của Ban Chỉ đạo\", noi_dung = \"Điều 1. Phạm vi điều chỉnh\" }",
    thay_the: ("tài liệu kèm theo khác ghi thành [[phu_luc]]", "write other attachments as [[phu_luc]]"),
};

/// The keys of `[kem_theo]`.
pub const KHOA_KEM_THEO: &[&Khoa] =
    &[&LOAI_KEM_THEO, &TRICH_YEU_KEM_THEO, &NOI_DUNG_KEM_THEO, &TEP_RIENG_KEM_THEO];

/// `kem_theo.loai`.
pub const LOAI_KEM_THEO: Khoa = Khoa {
    ten: crate::van_ban::LOAI.ten,
    kieu: Kieu::MotTrong(|| {
        LoaiVanBan::ALL.iter().filter(|l| l.mau() == crate::MauVanBan::Mau1_4).map(|l| l.slug()).collect()
    }),
    co_mat: khoa::bat_buoc,
    mo_ta: "Loại văn bản được ban hành kèm theo.",
    mo_ta_en: "The type of the attached document.",
    vi_du: "\"quy-che\"",
    thay_the: ("", ""),
};

/// `kem_theo.trich_yeu`.
pub const TRICH_YEU_KEM_THEO: Khoa = Khoa {
    ten: crate::trich_yeu::TRICH_YEU.ten,
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Trích yếu, in đậm dưới tên loại.",
    mo_ta_en: "Summary, in bold under the type name.",
    vi_du: "\"Làm việc của Ban Chỉ đạo phong trào thi đua\"",
    thay_the: ("", ""),
};

/// `kem_theo.noi_dung`.
pub const NOI_DUNG_KEM_THEO: Khoa = Khoa {
    ten: crate::noi_dung::NOI_DUNG.ten,
    kieu: Kieu::NoiDung { toi_da: None },
    co_mat: khoa::bat_buoc,
    mo_ta: "Nội dung, Markdown như nội dung văn bản; \"# Chương I. …\" in thành hai dòng giữa trang.",
    mo_ta_en: "Content, Markdown as in the body; \"# Chương I. …\" prints as two centred lines.",
    vi_du: "\"\"\"\nĐiều 1. Phạm vi điều chỉnh\n\"\"\"",
    thay_the: ("", ""),
};

/// `kem_theo.tep_rieng`.
pub const TEP_RIENG_KEM_THEO: Khoa = Khoa {
    mo_ta: "Văn bản điện tử: ban hành thành tệp riêng (<tên tệp>.kem-theo.pdf bên cạnh PDF của văn bản), góc trên bên phải trang đầu in số, ký hiệu và thời điểm ký số; cần [ky_so] thoi_gian và số văn bản.",
    mo_ta_en: "Electronic document: issued as a file of its own (<name>.kem-theo.pdf beside the document's PDF), with the number, code and signing time at the top right of its first page; needs [ky_so] thoi_gian and a number.",
    ..TEP_RIENG_PHU_LUC
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_appendix_is_not_numbered_several_are_in_roman() {
        assert_eq!(PhuLuc::nhan(0, 1), "Phụ lục");
        let n: Vec<String> = (0..4).map(|i| PhuLuc::nhan(i, 4)).collect();
        assert_eq!(n, ["Phụ lục I", "Phụ lục II", "Phụ lục III", "Phụ lục IV"]);
        assert_eq!(so_la_ma(9), "IX");
        assert_eq!(so_la_ma(14), "XIV");
        assert_eq!(so_la_ma(40), "XL");
        assert_eq!(so_la_ma(1999), "MCMXCIX");
    }
}
