//! Quyền hạn, chức vụ, họ tên người ký (ô 7a, 7b): the signer and the authority chain.

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
