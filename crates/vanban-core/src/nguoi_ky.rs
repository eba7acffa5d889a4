//! Quyền hạn, chức vụ, họ tên người ký (ô 7a, 7b): the signer and the authority chain.

use crate::LoaiVanBan;
use crate::khoa::{self, CoMat, Dang, Khoa, Kieu};

use std::fmt;
use std::str::FromStr;

use crate::ValueError;

/// A signing-authority prefix (Phụ lục I II.7; Art. 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TienTo {
    /// `TM.`: thay mặt, on behalf of a collective body.
    TM,
    /// `KT.`: ký thay, a deputy signing for the head.
    KT,
    /// `TL.`: thừa lệnh, by order.
    TL,
    /// `TUQ.`: thừa ủy quyền, by written delegation.
    TUQ,
    /// `Q.`: quyền, acting head.
    Q,
}

impl TienTo {
    /// Every prefix.
    pub const ALL: [TienTo; 5] = [TienTo::TM, TienTo::KT, TienTo::TL, TienTo::TUQ, TienTo::Q];

    /// The prefix as printed, with its full stop (`TM.`).
    pub fn as_str(self) -> &'static str {
        match self {
            TienTo::TM => "TM.",
            TienTo::KT => "KT.",
            TienTo::TL => "TL.",
            TienTo::TUQ => "TUQ.",
            TienTo::Q => "Q.",
        }
    }
}

/// One authority line: a prefix and the body or title it stands before (`TM. Ủy ban nhân dân`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuyenHan {
    /// The prefix.
    pub tien_to: TienTo,
    /// What follows the prefix, as typed.
    pub ten: String,
}

impl QuyenHan {
    /// The line as printed, in capitals (`TM. ỦY BAN NHÂN DÂN`).
    pub fn in_hoa(&self) -> String {
        format!("{} {}", self.tien_to.as_str(), crate::in_hoa(&self.ten))
    }
}

impl FromStr for QuyenHan {
    type Err = ValueError;

    /// Parses `"TM. Ủy ban nhân dân"`. The prefix must be written exactly as the decree
    /// writes it: capitals and a full stop.
    fn from_str(s: &str) -> Result<QuyenHan, ValueError> {
        let s = s.trim();
        for tien_to in TienTo::ALL {
            if let Some(rest) = s.strip_prefix(tien_to.as_str()) {
                let ten = rest.trim();
                if ten.is_empty() {
                    return Err(ValueError::QuyenHanThieuTen(tien_to.as_str().to_owned()));
                }
                return Ok(QuyenHan { tien_to, ten: ten.to_owned() });
            }
        }
        Err(ValueError::TienToKhongHopLe(crate::text::ngan(s)))
    }
}

impl fmt::Display for QuyenHan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.tien_to.as_str(), self.ten)
    }
}

/// The signer: authority lines, title and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NguoiKy {
    /// Authority lines in order (`TM. Ủy ban nhân dân`, `KT. Chủ tịch`); may be empty.
    pub quyen_han: Vec<QuyenHan>,
    /// The signer's title (`Chủ tịch`), printed in capitals under the authority lines.
    pub chuc_vu: String,
    /// The signer's name, printed in bold under the room for the signature.
    pub ho_ten: String,
}

impl NguoiKy {
    /// The lines above the signature, as printed: authority lines, then the title, in capitals.
    pub fn dong_chuc_danh(&self) -> Vec<String> {
        let mut out: Vec<String> = self.quyen_han.iter().map(QuyenHan::in_hoa).collect();
        out.push(crate::in_hoa(&self.chuc_vu));
        out
    }
}

/// `[nguoi_ky]`: the signer (ô 7).
pub const NGUOI_KY: Khoa = Khoa {
    ten: "nguoi_ky",
    kieu: Kieu::Bang(KHOA),
    co_mat: khoa::bat_buoc,
    mo_ta: "Người ký (ô 7).",
    mo_ta_en: "The signer (box 7).",
    vi_du: "{ quyen_han = [\"TM. Ủy ban nhân dân\"], chuc_vu = \"Chủ tịch\", ho_ten = \"Trần Bảo Trung\" }",
    thay_the: ("", ""),
};

/// The keys of `[nguoi_ky]`.
pub const KHOA: &[&Khoa] = &[&QUYEN_HAN, &CHUC_VU, &HO_TEN];

/// The keys of `[ban_sao.nguoi_ky]`: a copy's signer always has a title.
pub const KHOA_BAN_SAO: &[&Khoa] = &[&QUYEN_HAN, &CHUC_VU_BAN_SAO, &HO_TEN];

/// `nguoi_ky.quyen_han`.
pub const QUYEN_HAN: Khoa = Khoa {
    ten: "quyen_han",
    kieu: Kieu::DanhSach {
        dang: Dang::QuyenHan,
        it_nhat: 0,
        muc: "Một dòng thẩm quyền, ví dụ: \"KT. Chủ tịch\".",
        bang: None,
    },
    co_mat: khoa::tuy_chon,
    mo_ta: "Thẩm quyền ký (Điều 13), mỗi dòng bắt đầu bằng một tiền tố viết hoa có dấu chấm (TM., KT., TL., TUQ., Q.); theo thứ tự in.",
    mo_ta_en: "Signing authority (Art. 13), each line starting with a capitalised prefix and a full stop (TM., KT., TL., TUQ., Q.), in printed order.",
    vi_du: "[\"TM. Ủy ban nhân dân\", \"KT. Chủ tịch\"]",
    thay_the: ("", ""),
};

/// `nguoi_ky.chuc_vu`.
pub const CHUC_VU: Khoa = Khoa {
    ten: "chuc_vu",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: |l| if l == LoaiVanBan::BienBan { CoMat::TuyChon } else { CoMat::BatBuoc },
    mo_ta: "Chức vụ của người ký, in hoa đậm dưới các dòng thẩm quyền (biên bản: mặc định \"Chủ tọa\").",
    mo_ta_en: "The signer's title, in bold capitals under the authority lines (a biên bản: \"Chủ tọa\" by default).",
    vi_du: "\"Phó Chủ tịch\"",
    thay_the: ("", ""),
};

/// `ban_sao.nguoi_ky.chuc_vu`: as [`CHUC_VU`], required in every copy.
pub const CHUC_VU_BAN_SAO: Khoa = Khoa { co_mat: khoa::bat_buoc, ..CHUC_VU };

/// `nguoi_ky.ho_ten`.
pub const HO_TEN: Khoa = Khoa {
    ten: "ho_ten",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Họ và tên người ký, in đậm dưới chỗ ký.",
    mo_ta_en: "The signer's full name, in bold under the signature.",
    vi_du: "\"Nguyễn Văn A\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_prefixes_parse() {
        for (s, t) in [
            ("TM. Ủy ban", TienTo::TM),
            ("KT. Chủ tịch", TienTo::KT),
            ("TL. Bộ trưởng", TienTo::TL),
            ("TUQ. Chủ tịch", TienTo::TUQ),
            ("Q. Giám đốc", TienTo::Q),
        ] {
            assert_eq!(s.parse::<QuyenHan>().unwrap().tien_to, t, "{s}");
        }
    }

    #[test]
    fn wrong_prefixes_are_refused() {
        for s in ["TM Ủy ban", "tm. Ủy ban", "T.M. Ủy ban", "Thay mặt Ủy ban", "TMỦy ban"] {
            assert!(matches!(s.parse::<QuyenHan>(), Err(ValueError::TienToKhongHopLe(_))), "{s}");
        }
        assert_eq!("KT.Chủ tịch".parse::<QuyenHan>().unwrap().ten, "Chủ tịch");
        assert_eq!("TM.".parse::<QuyenHan>(), Err(ValueError::QuyenHanThieuTen("TM.".into())));
    }

    #[test]
    fn title_lines_are_capitalised() {
        let k = NguoiKy {
            quyen_han: vec!["KT. Chủ tịch".parse().unwrap()],
            chuc_vu: "Phó Chủ tịch".into(),
            ho_ten: "Nguyễn Văn A".into(),
        };
        assert_eq!(k.dong_chuc_danh(), ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    }
}
