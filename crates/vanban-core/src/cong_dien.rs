//! Công điện (Mẫu 1.6): an urgent order sent by an agency or its head, whose opening line
//! names the sender (`THỦ TƯỚNG CHÍNH PHỦ điện:`) and the bodies it goes to.

use crate::LoaiVanBan;
use crate::khoa::{self, Dang, Khoa, Kieu};

use crate::TrichYeu;
use crate::kinh_gui::cac_dong_gach;

/// A công điện: type name and summary, the line `<sender> điện:` and the bodies telegraphed,
/// one per line; then the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CongDien {
    /// The summary under the type name (`Về việc …`).
    pub trich_yeu: TrichYeu,
    /// Who sends it: the agency or the title of its head (`Chủ tịch Ủy ban nhân dân tỉnh`),
    /// printed in bold capitals before `điện:`.
    pub tham_quyen: String,
    /// The bodies it is sent to, in order, without list punctuation; at least one.
    pub dien: Vec<String>,
}

impl CongDien {
    /// The recipient lines as printed: `- X;` each, `- Y.` for the last.
    pub fn cac_dong_dien(&self) -> Vec<String> {
        cac_dong_gach(&self.dien)
    }
}

/// `dien`: the bodies a công điện is sent to.
pub const DIEN: Khoa = Khoa {
    ten: "dien",
    kieu: Kieu::DanhSach {
        dang: Dang::Tu,
        it_nhat: 1,
        muc: "Một nơi nhận công điện, ví dụ: \"Ủy ban nhân dân các xã, phường\".",
        bang: None,
    },
    co_mat: |l| khoa::chi_khi(l == LoaiVanBan::CongDien),
    mo_ta: "Nơi nhận công điện, mỗi mục một dòng \"- …;\" dưới dòng \"… điện:\".",
    mo_ta_en: "Bodies telegraphed, one line \"- …;\" each under the \"… điện:\" line.",
    vi_du: "[\"Chủ tịch Ủy ban nhân dân các xã, phường\"]",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_are_dashed_with_the_decrees_punctuation() {
        let c = CongDien {
            trich_yeu: TrichYeu("Về việc ứng phó bão".into()),
            tham_quyen: "Chủ tịch Ủy ban nhân dân tỉnh".into(),
            dien: vec!["Các sở, ban, ngành;".into(), "Ủy ban nhân dân các xã".into()],
        };
        assert_eq!(c.cac_dong_dien(), ["- Các sở, ban, ngành;", "- Ủy ban nhân dân các xã."]);
    }
}
