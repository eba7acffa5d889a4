//! Bản sao (Art. 25–27; Mẫu 3.1 and 3.2): a copy of the document by an agency, as a copy block
//! under the copied text on paper, or as the signature text at the top right of an electronic
//! copy.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::{Ngay, NguoiKy, NoiNhan, So};

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

/// A moment of signing, held in Vietnam time (UTC+07:00) as the decree asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThoiDiemKy {
    luc: DateTime<FixedOffset>,
    ngay: Ngay,
}

impl ThoiDiemKy {
    /// Vietnam's offset from UTC, in seconds.
    const GIO_VIET_NAM: i32 = 7 * 3600;

    /// Reads an ISO 8601 / RFC 3339 date and time: with an offset (converted to +07:00), or
    /// without one (taken as Vietnam time). `None` when it is neither.
    pub fn parse(s: &str) -> Option<ThoiDiemKy> {
        use chrono::Datelike;
        let vn = FixedOffset::east_opt(Self::GIO_VIET_NAM)?;
        let s = s.trim();
        let luc = match DateTime::parse_from_rfc3339(s) {
            Ok(t) => t.with_timezone(&vn),
            Err(_) => NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
                .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S"))
                .ok()?
                .and_local_timezone(vn)
                .single()?,
        };
        // Only the years a document's date may have.
        let d = luc.date_naive();
        let ngay = Ngay::new(d.year(), Some(d.month()), Some(d.day())).ok()?;
        Some(ThoiDiemKy { luc, ngay })
    }

    /// The date of signing, in Vietnam time.
    pub fn ngay(&self) -> Ngay {
        self.ngay
    }
}

impl fmt::Display for ThoiDiemKy {
    /// `2024-03-05T14:30:15+07:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.luc.format("%Y-%m-%dT%H:%M:%S%:z"))
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
    fn signing_time_is_shown_in_vietnam_time() {
        let t = ThoiDiemKy::parse("2024-03-05T07:30:15Z").unwrap();
        assert_eq!(t.to_string(), "2024-03-05T14:30:15+07:00");
        let t = ThoiDiemKy::parse("2024-03-05T20:00:00-05:00").unwrap();
        assert_eq!(t.to_string(), "2024-03-06T08:00:00+07:00");
        assert_eq!(t.ngay().to_string(), "ngày 06 tháng 3 năm 2024");
        assert_eq!(
            ThoiDiemKy::parse("2024-03-05T14:30:15").unwrap().to_string(),
            "2024-03-05T14:30:15+07:00"
        );
        assert_eq!(
            ThoiDiemKy::parse("2024-03-05 14:30:15").unwrap().to_string(),
            "2024-03-05T14:30:15+07:00"
        );
        for bad in ["2024-03-05", "14:30", "2024-02-30T10:00:00", "0001-01-01T00:00:00", "hôm nay", ""] {
            assert_eq!(ThoiDiemKy::parse(bad), None, "{bad}");
        }
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
