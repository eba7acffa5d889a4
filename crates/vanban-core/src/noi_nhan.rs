//! Nơi nhận (ô 9b): who receives copies, ending with the Lưu line.

use crate::khoa::{self, Dang, Khoa, Kieu};

use crate::kinh_gui::{bo_dau_cuoi, bo_dau_muc, cham_cuoi};

/// The recipients of copies and the archive line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoiNhan {
    /// Recipients, in order (`Như trên`, `TT HĐND huyện`, …).
    pub gui: Vec<String>,
    /// The Lưu line's entries (`VT`, `NV`); at least one.
    pub luu: Vec<String>,
    /// Ký hiệu người soạn thảo (ô 12): the drafter's initials (`PL`).
    pub nguoi_soan_thao: Option<String>,
    /// Số lượng bản phát hành (ô 12): how many copies are issued.
    pub so_ban: Option<u32>,
    /// The electronic identifiers (mã định danh) of the recipients given one, as (recipient,
    /// identifier), in the order of `gui`: whom an e-office system sends the document to.
    pub ma_dinh_danh: Vec<(String, String)>,
}

impl NoiNhan {
    /// The most copies `so_ban` may give.
    pub const SO_BAN_MAX: u32 = 100_000;

    /// The list as printed under `Nơi nhận:`: `- X;` per recipient, then `- Lưu: VT, NV.`.
    pub fn dong(&self) -> Vec<String> {
        let mut out: Vec<String> = self.gui.iter().map(|g| format!("- {};", bo_dau_muc(g))).collect();
        let luu: Vec<&str> = self.luu.iter().map(|l| bo_dau_cuoi(l)).collect();
        out.push(format!("- Lưu: {}", cham_cuoi(&luu.join(", "))));
        out
    }

    /// Ô 12, printed at the bottom right of the block: the drafter's initials and the
    /// number of copies issued, as the decree writes them (`PL.(300)`).
    pub fn o_12(&self) -> Option<String> {
        let initials =
            self.nguoi_soan_thao.as_deref().map(|k| format!("{}.", k.trim().trim_end_matches('.')));
        let copies = self.so_ban.map(|n| format!("({n})"));
        match (initials, copies) {
            (None, None) => None,
            (a, b) => Some(format!("{}{}", a.unwrap_or_default(), b.unwrap_or_default())),
        }
    }
}

/// `[noi_nhan]`: the recipients (ô 9b).
pub const NOI_NHAN: Khoa = Khoa {
    ten: "noi_nhan",
    kieu: Kieu::Bang(KHOA),
    co_mat: khoa::bat_buoc,
    mo_ta: "Nơi nhận (ô 9b). Không gõ dấu \";\" hay \".\" cuối dòng: chương trình tự thêm.",
    mo_ta_en: "Recipients (box 9b). Do not type \";\" or \".\" at the ends: the program adds them.",
    vi_du: "{ gui = [\"Như trên\", \"TT Đảng ủy xã\"], luu = [\"VT\", \"VP\"] }",
    thay_the: ("", ""),
};

/// The keys of `[noi_nhan]`.
pub const KHOA: &[&Khoa] = &[&GUI, &LUU, &NGUOI_SOAN_THAO, &SO_BAN];

/// The keys of a recipient written as a table in `gui`.
pub const KHOA_MUC: &[&Khoa] = &[&TEN_MUC, &MA_DINH_DANH_MUC];

/// `noi_nhan.gui[i].ten`: the recipient, as printed.
pub const TEN_MUC: Khoa = Khoa {
    ten: crate::co_quan::TEN.ten,
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Nơi nhận, như in ra.",
    mo_ta_en: "The recipient, as printed.",
    vi_du: "\"Sở Nội vụ tỉnh Lai Châu\"",
    thay_the: ("", ""),
};

/// `noi_nhan.gui[i].ma_dinh_danh`: the recipient's electronic identifier.
pub const MA_DINH_DANH_MUC: Khoa = Khoa {
    mo_ta: "Mã định danh điện tử của nơi nhận (Quyết định 20/2020/QĐ-TTg), để hệ thống quản lý văn bản điện tử gửi văn bản đến; không in ra.",
    mo_ta_en: "The recipient's electronic identifier (Decision 20/2020/QĐ-TTg), by which an e-office system sends it the document; not printed.",
    vi_du: "\"000.00.12.H29\"",
    ..crate::co_quan::MA_DINH_DANH
};

/// `noi_nhan.gui`.
pub const GUI: Khoa = Khoa {
    ten: "gui",
    kieu: Kieu::DanhSach {
        dang: Dang::Tu,
        it_nhat: 0,
        muc: "Một nơi nhận, ví dụ: \"TT HĐND xã\"; hoặc một bảng { ten = \"…\", ma_dinh_danh = \"…\" }.",
        bang: Some(KHOA_MUC),
    },
    co_mat: khoa::tuy_chon,
    mo_ta: "Các nơi nhận, mỗi mục một dòng \"- …;\". Văn bản có Kính gửi thì mục đầu là \"Như trên\".",
    mo_ta_en: "The recipients, one line \"- …;\" each. With a Kính gửi line the first is \"Như trên\".",
    vi_du: "[\"Như trên\", \"Lãnh đạo UBND xã\"]",
    thay_the: ("", ""),
};

/// `noi_nhan.luu`.
pub const LUU: Khoa = Khoa {
    ten: "luu",
    kieu: Kieu::DanhSach {
        dang: Dang::Tu, it_nhat: 1, muc: "Một nơi lưu, ví dụ: \"VT\".", bang: None
    },
    co_mat: khoa::bat_buoc,
    mo_ta: "Nơi lưu văn bản, in thành dòng cuối \"- Lưu: VT, NV.\".",
    mo_ta_en: "Where the file copies are kept, printed as the last line \"- Lưu: VT, NV.\".",
    vi_du: "[\"VT\", \"VP\"]",
    thay_the: ("", ""),
};

/// `noi_nhan.nguoi_soan_thao`.
pub const NGUOI_SOAN_THAO: Khoa = Khoa {
    ten: "nguoi_soan_thao",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Ký hiệu người soạn thảo (ô 12): chữ viết tắt họ tên, in \"PL.\" ở góc dưới bên phải phần nơi nhận.",
    mo_ta_en: "The drafter's initials (box 12), printed \"PL.\" at the bottom right of the recipients.",
    vi_du: "\"PL\"",
    thay_the: ("", ""),
};

/// `noi_nhan.so_ban`.
pub const SO_BAN: Khoa = Khoa {
    ten: "so_ban",
    kieu: Kieu::SoNguyen { nho_nhat: 1, lon_nhat: Some(NoiNhan::SO_BAN_MAX as i64) },
    co_mat: khoa::tuy_chon,
    mo_ta: "Số lượng bản phát hành (ô 12), in \"PL.(300)\".",
    mo_ta_en: "Number of copies issued (box 12), printed \"PL.(300)\".",
    vi_du: "300",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_then_the_luu_line_with_a_full_stop() {
        let n = NoiNhan {
            gui: vec!["Như trên".into(), "TT HĐND huyện".into()],
            luu: vec!["VT".into(), "NV".into()],
            nguoi_soan_thao: None,
            so_ban: None,
            ma_dinh_danh: Vec::new(),
        };
        assert_eq!(n.o_12(), None);
        assert_eq!(n.dong(), ["- Như trên;", "- TT HĐND huyện;", "- Lưu: VT, NV."]);
    }

    #[test]
    fn typed_punctuation_is_not_doubled() {
        let n = NoiNhan {
            gui: vec!["Như trên;".into()],
            luu: vec!["VT,".into(), "NV.".into()],
            nguoi_soan_thao: None,
            so_ban: None,
            ma_dinh_danh: Vec::new(),
        };
        assert_eq!(n.dong(), ["- Như trên;", "- Lưu: VT, NV."]);
        // Dashes typed before a recipient (issue 19: `- - Như trên;`).
        let n = NoiNhan { gui: vec!["- Như trên;".into(), "+ Sở Tài chính.".into()], ..n };
        assert_eq!(n.dong(), ["- Như trên;", "- Sở Tài chính;", "- Lưu: VT, NV."]);
    }

    #[test]
    fn box_12_is_written_as_the_decree_writes_it() {
        let n = |k: Option<&str>, so_ban| NoiNhan {
            gui: vec![],
            luu: vec!["VT".into()],
            nguoi_soan_thao: k.map(str::to_owned),
            so_ban,
            ma_dinh_danh: Vec::new(),
        };
        assert_eq!(n(Some("PL"), Some(300)).o_12().as_deref(), Some("PL.(300)"));
        assert_eq!(n(Some("PL."), None).o_12().as_deref(), Some("PL."));
        assert_eq!(n(None, Some(5)).o_12().as_deref(), Some("(5)"));
    }

    #[test]
    fn a_recipient_written_as_a_table_gives_its_identifier() {
        let cong_van = include_str!("../../../examples/cong-van.toml");
        let gui = |entry: &str| {
            let start = cong_van.find("\ngui = [").unwrap() + 1;
            let end = start + cong_van[start..].find(']').unwrap() + 1;
            format!("{}gui = [\"Như trên\", {entry}]{}", &cong_van[..start], &cong_van[end..])
        };
        let vb = crate::parse(
            &gui(r#"{ ten = "Sở Nội vụ tỉnh Lai Châu", ma_dinh_danh = "000.00.12.H29" }"#),
            crate::DangTep::Toml,
        )
        .unwrap();
        assert_eq!(vb.noi_nhan.gui, ["Như trên", "Sở Nội vụ tỉnh Lai Châu"]);
        assert_eq!(
            vb.noi_nhan.ma_dinh_danh,
            [("Sở Nội vụ tỉnh Lai Châu".to_owned(), "000.00.12.H29".to_owned())]
        );
        // Printed as any recipient.
        assert_eq!(vb.noi_nhan.dong()[1], "- Sở Nội vụ tỉnh Lai Châu;");
        let keys = |entry: &str| -> Vec<String> {
            crate::parse(&gui(entry), crate::DangTep::Toml)
                .unwrap_err()
                .0
                .into_iter()
                .filter_map(|d| d.key)
                .collect()
        };
        assert_eq!(keys(r#"{ ten = "Sở Nội vụ", ma_dinh_danh = "SNV" }"#), ["noi_nhan.gui[1].ma_dinh_danh"]);
        assert_eq!(keys(r#"{ ma_dinh_danh = "000.00.12.H29" }"#), ["noi_nhan.gui[1].ten"]);
        assert_eq!(keys(r#"{ ten = "Sở Nội vụ", ma = "000.00.12.H29" }"#), ["noi_nhan.gui[1].ma"]);
    }
}
