//! Bản sao (Art. 25–27; Mẫu 3.1 and 3.2): a copy of the document by an agency, as a copy block
//! under the copied text on paper, or as the signature text at the top right of an electronic
//! copy.

use crate::{Ngay, NguoiKy, NoiNhan, So, ThoiDiemKy};

/// The form of a copy (Art. 25), with its abbreviation in the copy's ký hiệu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HinhThucSao {
    /// Sao y: a full copy from the original.
    SaoY,
    /// Sao lục: a copy of a sao y.
    SaoLuc,
    /// Trích sao: the layout components with only the extracted part of the content.
    TrichSao,
}

impl HinhThucSao {
    /// Every form, in the order of Art. 25.
    pub const ALL: [HinhThucSao; 3] = [HinhThucSao::SaoY, HinhThucSao::SaoLuc, HinhThucSao::TrichSao];

    /// The slug used in document files (`"sao-y"`).
    pub fn slug(self) -> &'static str {
        match self {
            HinhThucSao::SaoY => "sao-y",
            HinhThucSao::SaoLuc => "sao-luc",
            HinhThucSao::TrichSao => "trich-sao",
        }
    }

    /// The words printed on a paper copy, in capitals (`"SAO Y"`).
    pub fn chu(self) -> &'static str {
        match self {
            HinhThucSao::SaoY => "SAO Y",
            HinhThucSao::SaoLuc => "SAO LỤC",
            HinhThucSao::TrichSao => "TRÍCH SAO",
        }
    }

    /// The abbreviation in the copy's ký hiệu (Phụ lục III): `SY`, `SL`, `TrS` (not `TS`).
    pub fn viet_tat(self) -> &'static str {
        match self {
            HinhThucSao::SaoY => "SY",
            HinhThucSao::SaoLuc => "SL",
            HinhThucSao::TrichSao => "TrS",
        }
    }
}

/// A copy of the document (Mẫu 3.1 on paper, 3.2 electronic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BanSao {
    /// Sao y, sao lục or trích sao.
    pub hinh_thuc: HinhThucSao,
    /// The copying agency's name, one entry per printed line (as typed, not in capitals).
    pub co_quan: Vec<String>,
    /// Paper or electronic, with the parts each has.
    pub dinh_dang: DinhDangSao,
}

/// The parts a copy has on paper or as an electronic file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DinhDangSao {
    /// Mẫu 3.1: the copy block under a full-width rule after the copied text.
    Giay {
        /// The copy's number, blank for the văn thư when not given.
        so: Option<So>,
        /// The copying agency's abbreviation, for the ký hiệu `SY-<agency>`.
        viet_tat: String,
        /// Place and date of copying.
        dia_danh: String,
        /// Date of copying.
        ngay: Ngay,
        /// Who signs the copy.
        nguoi_ky: NguoiKy,
        /// Who receives the copy.
        noi_nhan: NoiNhan,
    },
    /// Mẫu 3.2: the copying agency's digital signature, its text at the top right of page 1.
    DienTu {
        /// When the copy was signed.
        thoi_gian: ThoiDiemKy,
    },
}

impl BanSao {
    /// The copy's ký hiệu on paper: `SY-VP`; `None` for an electronic copy.
    pub fn ky_hieu(&self) -> Option<String> {
        match &self.dinh_dang {
            DinhDangSao::Giay { viet_tat, .. } => Some(format!("{}-{viet_tat}", self.hinh_thuc.viet_tat())),
            DinhDangSao::DienTu { .. } => None,
        }
    }

    /// The text of an electronic copy's signature (ô 14), one part per line: the form of copy,
    /// the copying agency, the signing time in ISO 8601 (`Sao y`, `Văn phòng …`,
    /// `2024-03-05T14:30:15+07:00`); `None` for a paper copy.
    pub fn dong_ky_so(&self) -> Option<Vec<String>> {
        let DinhDangSao::DienTu { thoi_gian } = &self.dinh_dang else { return None };
        let words = self.hinh_thuc.chu().to_lowercase();
        let mut hinh_thuc = words.chars();
        let hinh_thuc = match hinh_thuc.next() {
            Some(c) => c.to_uppercase().chain(hinh_thuc).collect(),
            None => String::new(),
        };
        Some(vec![hinh_thuc, self.co_quan.join(" "), thoi_gian.to_string()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_of_the_decree() {
        let v: Vec<&str> = HinhThucSao::ALL.iter().map(|h| h.viet_tat()).collect();
        assert_eq!(v, ["SY", "SL", "TrS"]);
        let c: Vec<&str> = HinhThucSao::ALL.iter().map(|h| h.chu()).collect();
        assert_eq!(c, ["SAO Y", "SAO LỤC", "TRÍCH SAO"]);
    }

    #[test]
    fn electronic_copy_text() {
        let b = BanSao {
            hinh_thuc: HinhThucSao::TrichSao,
            co_quan: vec!["Văn phòng HĐND và UBND".into(), "huyện Phong Thổ".into()],
            dinh_dang: DinhDangSao::DienTu {
                thoi_gian: ThoiDiemKy::parse("2024-03-05T14:30:15+07:00").unwrap(),
            },
        };
        assert_eq!(
            b.dong_ky_so().unwrap(),
            ["Trích sao", "Văn phòng HĐND và UBND huyện Phong Thổ", "2024-03-05T14:30:15+07:00"]
        );
        assert_eq!(b.ky_hieu(), None);
    }
}
