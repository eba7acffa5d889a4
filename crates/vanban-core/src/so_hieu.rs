//! Số, ký hiệu (ô 3): the document's number and code (Art. 15; Phụ lục I II.3).

use crate::khoa::{self, Dang, Khoa, Kieu};

use std::fmt;

use crate::{CoQuan, LoaiVanBan, ValueError};

/// A document number: 1 or more, printed with a leading zero below 10 (`05`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct So(u32);

impl So {
    /// The largest number accepted.
    pub const MAX: u32 = 999_999;

    /// Checks a number read from a document file.
    ///
    /// # Errors
    /// [`ValueError::SoKhongHopLe`] below 1, [`ValueError::SoQuaLon`] above [`So::MAX`].
    pub fn new(n: i64) -> Result<So, ValueError> {
        if n < 1 {
            Err(ValueError::SoKhongHopLe(n))
        } else if n > i64::from(Self::MAX) {
            Err(ValueError::SoQuaLon(n))
        } else {
            Ok(So(n as u32))
        }
    }

    /// The number as an integer.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for So {
    /// `5` → `05`, `12` → `12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}", self.0)
    }
}

/// A ký hiệu: abbreviation groups joined by `-`, with no spaces (`KH-UBND`, `UBND-NV`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct KyHieu(String);

impl KyHieu {
    /// Checks a ký hiệu typed by the author (`ky_hieu = "…"`).
    ///
    /// # Errors
    /// [`ValueError::KyHieuKhongHopLe`] for spaces, `/`, empty groups or other punctuation.
    pub fn new(s: &str) -> Result<KyHieu, ValueError> {
        let s = crate::text::van_ban(s)?;
        kiem_tra_nhom(&s)?;
        Ok(KyHieu(s))
    }

    /// Derives the ký hiệu the decree prescribes: `<type>-<agency>` for typed documents,
    /// `<agency>-<drafting unit>` for a công văn (`don_vi` is then required).
    pub fn derive(loai: LoaiVanBan, co_quan: &CoQuan, don_vi: Option<&VietTat>) -> Option<KyHieu> {
        let agency = co_quan.viet_tat.as_str();
        match (loai.viet_tat(), don_vi) {
            (Some(type_abbr), _) => Some(KyHieu(format!("{type_abbr}-{agency}"))),
            (None, Some(unit)) => Some(KyHieu(format!("{agency}-{}", unit.as_str()))),
            (None, None) => None,
        }
    }

    /// The ký hiệu as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KyHieu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An abbreviation of an agency, a unit or a field (`UBND`, `NV`, `TC-KH`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VietTat(String);

impl VietTat {
    /// Checks an abbreviation.
    ///
    /// # Errors
    /// [`ValueError::KyHieuKhongHopLe`] for spaces, `/` or other punctuation.
    pub fn new(s: &str) -> Result<VietTat, ValueError> {
        let s = crate::text::van_ban(s)?;
        kiem_tra_nhom(&s)?;
        Ok(VietTat(s))
    }

    /// The abbreviation as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn kiem_tra_nhom(s: &str) -> Result<(), ValueError> {
    let ok =
        s.split('-').all(|g| !g.is_empty() && g.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '&'));
    if ok { Ok(()) } else { Err(ValueError::KyHieuKhongHopLe(crate::text::ngan(s))) }
}

/// Số và ký hiệu: the number (blank until the văn thư registers the document) and the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoHieu {
    /// The number; `None` leaves a blank for the văn thư to fill in.
    pub so: Option<So>,
    /// The ký hiệu after the `/`.
    pub ky_hieu: KyHieu,
}

impl fmt::Display for SoHieu {
    /// `Số: 05/KH-UBND`, or `Số:      /KH-UBND` with the number left blank.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.so {
            Some(so) => write!(f, "Số: {so}/{}", self.ky_hieu),
            None => write!(f, "Số:      /{}", self.ky_hieu),
        }
    }
}

/// The id of a document's entry in the văn thư's register (mã đăng ký), written into the
/// file with its number by `render cap-so`: 1 to 64 characters among `A–Z a–z 0–9 - _ . :`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MaDangKy(String);

impl MaDangKy {
    /// The most characters an id has.
    pub const DAI_TOI_DA: usize = 64;

    /// Checks an id (surrounding white space dropped); `None` for any other text.
    pub fn new(s: &str) -> Option<MaDangKy> {
        let s = s.trim();
        let ok = (1..=Self::DAI_TOI_DA).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'));
        ok.then(|| MaDangKy(s.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MaDangKy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `ma_dang_ky`: the id of the document's entry in the register.
pub const MA_DANG_KY: Khoa = Khoa {
    ten: "ma_dang_ky",
    kieu: Kieu::Chuoi(Dang::Khop(
        r"^\s*[A-Za-z0-9._:-]{1,64}\s*$",
        "register id: 1–64 of `A-Z a-z 0-9 - _ . :`",
    )),
    co_mat: khoa::tuy_chon,
    mo_ta: "Mã của mục đăng ký văn bản trong sổ đăng ký của văn thư, do render cap-so ghi cùng số; không in ra, không tự sửa.",
    mo_ta_en: "Id of the document's entry in the records office's register, written by render cap-so with the number; not printed, not to be edited by hand.",
    vi_du: "\"UBND-2024-5f3a9c\"",
    thay_the: ("", ""),
};

/// `so`: the number of the document.
pub const SO: Khoa = Khoa {
    ten: "so",
    kieu: Kieu::SoNguyen { nho_nhat: 1, lon_nhat: Some(So::MAX as i64) },
    co_mat: khoa::tuy_chon,
    mo_ta: "Số văn bản, do văn thư ghi khi đăng ký; số dưới 10 in thêm số 0 (05). Bỏ khóa này thì in \"Số:      /KH-UBND\" để điền tay.",
    mo_ta_en: "Number, given by the records office at registration; numbers below 10 get a leading zero (05). Without it the line prints \"Số:      /KH-UBND\" to be filled in by hand.",
    vi_du: "5",
    thay_the: ("", ""),
};

/// `ky_hieu`: the code of the document, when not the derived one.
pub const KY_HIEU: Khoa = Khoa {
    ten: "ky_hieu",
    kieu: Kieu::Chuoi(Dang::KyHieu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Ký hiệu văn bản, chỉ ghi khi cần khác ký hiệu chương trình tự lập: <tên loại viết tắt>-<co_quan.viet_tat> (KH-UBND); công văn: <co_quan.viet_tat>-<don_vi_soan_thao> (UBND-NV). Các nhóm chữ nối bằng \"-\", không dấu cách.",
    mo_ta_en: "Code of the document, only to replace the derived one: <type abbreviation>-<co_quan.viet_tat> (KH-UBND); a công văn: <co_quan.viet_tat>-<don_vi_soan_thao> (UBND-NV). Groups joined by \"-\", no spaces.",
    vi_du: "\"KH-UBND\"",
    thay_the: ("", ""),
};

/// `don_vi_soan_thao`: the drafting unit's abbreviation.
pub const DON_VI_SOAN_THAO: Khoa = Khoa {
    ten: "don_vi_soan_thao",
    kieu: Kieu::Chuoi(Dang::KyHieu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Tên viết tắt của đơn vị soạn thảo; công văn, thư công lấy làm phần sau của ký hiệu (UBND-NV), nên bắt buộc với hai loại này khi không ghi ky_hieu.",
    mo_ta_en: "Abbreviation of the drafting unit; a cong-van or thu-cong takes it as the second part of its code (UBND-NV), so these two need it unless ky_hieu is given.",
    vi_du: "\"NV\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_below_ten_get_a_leading_zero() {
        assert_eq!(So::new(5).unwrap().to_string(), "05");
        assert_eq!(So::new(10).unwrap().to_string(), "10");
        assert_eq!(So::new(1478).unwrap().to_string(), "1478");
    }

    #[test]
    fn zero_negative_and_huge_numbers_are_refused() {
        assert_eq!(So::new(0), Err(ValueError::SoKhongHopLe(0)));
        assert_eq!(So::new(-3), Err(ValueError::SoKhongHopLe(-3)));
        assert!(matches!(So::new(10_000_000), Err(ValueError::SoQuaLon(_))));
    }

    #[test]
    fn ky_hieu_has_no_spaces() {
        assert!(KyHieu::new("QĐ-BNV").is_ok());
        assert!(KyHieu::new("QĐ - BNV").is_err());
        assert!(KyHieu::new("QĐ/BNV").is_err());
        assert!(KyHieu::new("QĐ--BNV").is_err());
        assert!(VietTat::new("UBND").is_ok());
        assert!(VietTat::new("UB ND").is_err());
    }

    #[test]
    fn a_register_id_has_the_shape_its_key_gives() {
        assert_eq!(MaDangKy::new(" a-B_1.2:3 ").map(|m| m.to_string()).as_deref(), Some("a-B_1.2:3"));
        for bad in ["", "a b", "mã", "a/b", &"x".repeat(65)] {
            assert_eq!(MaDangKy::new(bad), None, "{bad}");
        }
        assert!(MaDangKy::new(&"x".repeat(64)).is_some());
        assert!(MaDangKy::new(MA_DANG_KY.vi_du.trim_matches('"')).is_some());
    }

    #[test]
    fn prints_number_slash_code() {
        let ky_hieu = KyHieu::new("KH-UBND").unwrap();
        let blank = SoHieu { so: None, ky_hieu: ky_hieu.clone() };
        assert_eq!(blank.to_string(), "Số:      /KH-UBND");
        let five = SoHieu { so: Some(So::new(5).unwrap()), ky_hieu };
        assert_eq!(five.to_string(), "Số: 05/KH-UBND");
    }
}
