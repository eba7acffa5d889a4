//! Trích yếu nội dung (ô 5a / 5b): the one-line summary of what the document is about.

use crate::LoaiVanBan;
use crate::khoa::{CoMat, Dang, Khoa, Kieu};

/// The summary line. A công văn prints it as `V/v …` under its number; a typed document
/// prints it in bold under its type name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrichYeu(pub String);

impl TrichYeu {
    /// The summary as a công văn prints it: `V/v <text>`. An author who already typed
    /// `V/v` does not get it twice.
    pub fn cong_van(&self) -> String {
        let t = self.0.as_str();
        let typed = ["V/v ", "v/v ", "V/V "].iter().any(|p| t.starts_with(p));
        if typed { format!("V/v {}", t[4..].trim_start()) } else { format!("V/v {t}") }
    }
}

/// `trich_yeu`: the summary line.
pub const TRICH_YEU: Khoa = Khoa {
    ten: "trich_yeu",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: |l| match l {
        LoaiVanBan::GiayGioiThieu | LoaiVanBan::GiayNghiPhep => CoMat::Khong,
        LoaiVanBan::CongVan | LoaiVanBan::CongDien => CoMat::BatBuoc,
        l if l.co_dieu() => CoMat::BatBuoc,
        _ => CoMat::TuyChon,
    },
    mo_ta: "Trích yếu nội dung. Công văn: in \"V/v …\" dưới số, ký hiệu (không gõ \"V/v\"); văn bản có tên loại: in đậm dưới tên loại.",
    mo_ta_en: "Summary. A công văn prints \"V/v …\" under its number (do not type \"V/v\"); a typed document prints it in bold under the type name.",
    vi_du: "\"Triển khai phong trào thi đua năm 2025\"",
    thay_the: (
        "giấy giới thiệu, giấy nghỉ phép không có trích yếu",
        "a giay-gioi-thieu or giay-nghi-phep has no summary",
    ),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v_v_is_added_once() {
        assert_eq!(TrichYeu("nâng bậc lương".into()).cong_van(), "V/v nâng bậc lương");
        assert_eq!(TrichYeu("V/v nâng bậc lương".into()).cong_van(), "V/v nâng bậc lương");
    }
}
