//! Thời gian ban hành (ô 4): a possibly partial date, written as Phụ lục I II.4.b prescribes.

use crate::khoa::{self, Dang, Khoa, Kieu};

use std::fmt;

use chrono::NaiveDate;

use crate::ValueError;

/// The date of issue. Drafts are often dated only by year or month: the văn thư writes the
/// rest when the document is signed, so day and month may be missing (a day needs a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ngay {
    nam: i32,
    thang: Option<u8>,
    ngay: Option<u8>,
}

impl Ngay {
    /// The earliest year accepted.
    pub const NAM_NHO_NHAT: i32 = 1945;
    /// The latest year accepted.
    pub const NAM_LON_NHAT: i32 = 2999;

    /// Builds a date, checking that it exists in the calendar.
    ///
    /// # Errors
    /// [`ValueError::NamNgoaiKhoang`] for a year outside 1945–2999, [`ValueError::NgayKhongCo`]
    /// for a month or day that does not exist (`2023-02-30`).
    pub fn new(nam: i32, thang: Option<u32>, ngay: Option<u32>) -> Result<Ngay, ValueError> {
        if !(Self::NAM_NHO_NHAT..=Self::NAM_LON_NHAT).contains(&nam) {
            return Err(ValueError::NamNgoaiKhoang(nam));
        }
        let shown = match (thang, ngay) {
            (Some(m), Some(d)) => format!("{d:02}/{m:02}/{nam}"),
            (Some(m), None) => format!("tháng {m}/{nam}"),
            (None, Some(d)) => format!("{d:02}/??/{nam}"),
            (None, None) => nam.to_string(),
        };
        let exists = match (thang, ngay) {
            (None, None) => true,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(nam, m, d).is_some(),
            (None, Some(_)) => false,
        };
        if !exists {
            return Err(ValueError::NgayKhongCo(shown));
        }
        Ok(Ngay { nam, thang: thang.map(|m| m as u8), ngay: ngay.map(|d| d as u8) })
    }

    /// Parses `"YYYY"`, `"YYYY-MM"` or `"YYYY-MM-DD"`.
    ///
    /// # Errors
    /// [`ValueError::NgaySaiDang`] for any other shape, and the errors of [`Ngay::new`].
    pub fn parse(s: &str) -> Result<Ngay, ValueError> {
        let sai = || ValueError::NgaySaiDang(crate::text::ngan(s));
        let parts: Vec<&str> = s.trim().split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(sai());
        }
        let num = |i: usize| parts.get(i).map(|p| p.parse::<u32>().map_err(|_| sai())).transpose();
        let nam = parts[0].parse::<i32>().map_err(|_| sai())?;
        Ngay::new(nam, num(1)?, num(2)?)
    }

    /// The year.
    pub fn nam(&self) -> i32 {
        self.nam
    }

    /// The month, if known.
    pub fn thang(&self) -> Option<u32> {
        self.thang.map(u32::from)
    }

    /// The day, if known.
    pub fn ngay(&self) -> Option<u32> {
        self.ngay.map(u32::from)
    }

    /// The day as printed: a leading zero for 1–9 (`05`).
    pub fn ngay_in(&self) -> Option<String> {
        self.ngay.map(|d| format!("{d:02}"))
    }

    /// The month as printed: a leading zero for January and February only (`01`, `02`, `3`).
    pub fn thang_in(&self) -> Option<String> {
        self.thang.map(|m| if m <= 2 { format!("{m:02}") } else { m.to_string() })
    }

    /// The full date, when day and month are both known.
    pub fn to_naive_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.nam, self.thang()?, self.ngay()?)
    }
}

/// The date `s` names in a form people type (`15/07/2024`, `15-7-2024`, `15.07.2024`,
/// `2024/07/15`, `07/2024`), written as vanban reads it (`2024-07-15`, `2024-07`), for a hint
/// that reuses the value typed. `None` when `s` is not such a date, or is one already.
pub(crate) fn goi_y(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.trim().split(['/', '-', '.', ' ']).filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let num = |p: &str| p.parse::<u32>().ok();
    let (nam, thang, ngay) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && d.len() <= 2 => (*y, num(m)?, Some(num(d)?)),
        [d, m, y] if y.len() == 4 && d.len() <= 2 => (*y, num(m)?, Some(num(d)?)),
        [y, m] if y.len() == 4 && m.len() <= 2 => (*y, num(m)?, None),
        [m, y] if y.len() == 4 && m.len() <= 2 => (*y, num(m)?, None),
        _ => return None,
    };
    let iso = match ngay {
        Some(d) => format!("{nam}-{thang:02}-{d:02}"),
        None => format!("{nam}-{thang:02}"),
    };
    (Ngay::parse(&iso).is_ok() && iso != s.trim()).then_some(iso)
}

impl fmt::Display for Ngay {
    /// `ngày 05 tháng 01 năm 2025`; missing parts print as blanks (`ngày      tháng 3 năm 2024`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const TRONG: &str = "    ";
        let ngay = self.ngay_in();
        let thang = self.thang_in();
        write!(
            f,
            "ngày {} tháng {} năm {}",
            ngay.as_deref().unwrap_or(TRONG),
            thang.as_deref().unwrap_or(TRONG),
            self.nam
        )
    }
}

/// `ngay`: the date of issue.
pub const NGAY: Khoa = Khoa {
    ten: "ngay",
    kieu: Kieu::Chuoi(Dang::Ngay),
    co_mat: khoa::bat_buoc,
    mo_ta: "Ngày ban hành: \"YYYY-MM-DD\", hoặc chưa đủ \"YYYY-MM\", \"YYYY\" (văn thư điền phần còn thiếu khi ký; in để trống); cũng nhận ngày TOML không ngoặc kép (2024-03-05). Chương trình tự in \"ngày 05 tháng 01 năm 2025\": số 0 ở trước chỉ với ngày 1–9 và tháng 1, 2.",
    mo_ta_en: "Date of issue: \"YYYY-MM-DD\", or before signing \"YYYY-MM\" or \"YYYY\" (the clerk fills in the rest; printed blank); a TOML date without quotes is taken too. Printed as \"ngày 05 tháng 01 năm 2025\", with a leading zero only for days 1–9 and months 1–2.",
    vi_du: "\"2025-03-05\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_zero_for_days_1_to_9_and_months_1_and_2_only() {
        assert_eq!(Ngay::parse("2025-01-05").unwrap().to_string(), "ngày 05 tháng 01 năm 2025");
        assert_eq!(Ngay::parse("2023-03-03").unwrap().to_string(), "ngày 03 tháng 3 năm 2023");
        assert_eq!(Ngay::parse("2019-06-29").unwrap().to_string(), "ngày 29 tháng 6 năm 2019");
        assert_eq!(Ngay::parse("2020-02-10").unwrap().to_string(), "ngày 10 tháng 02 năm 2020");
        assert_eq!(Ngay::parse("2020-12-31").unwrap().to_string(), "ngày 31 tháng 12 năm 2020");
    }

    #[test]
    fn missing_parts_print_as_blanks() {
        assert_eq!(Ngay::parse("2024-03").unwrap().to_string(), "ngày      tháng 3 năm 2024");
        assert_eq!(Ngay::parse("2024").unwrap().to_string(), "ngày      tháng      năm 2024");
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(matches!(Ngay::parse("2023-02-29"), Err(ValueError::NgayKhongCo(_))));
        assert!(Ngay::parse("2024-02-29").is_ok());
        assert!(matches!(Ngay::parse("2023-13"), Err(ValueError::NgayKhongCo(_))));
        assert!(matches!(Ngay::parse("2023-04-31"), Err(ValueError::NgayKhongCo(_))));
        assert!(matches!(Ngay::parse("1900"), Err(ValueError::NamNgoaiKhoang(1900))));
    }

    #[test]
    fn dates_typed_another_way_are_offered_in_the_form_read() {
        for (typed, iso) in [
            ("15/07/2024", "2024-07-15"),
            ("15-7-2024", "2024-07-15"),
            ("15.07.2024", "2024-07-15"),
            ("2024/07/15", "2024-07-15"),
            ("5/3/2024", "2024-03-05"),
            ("2024-3-5", "2024-03-05"),
            ("07/2024", "2024-07"),
        ] {
            assert_eq!(goi_y(typed).as_deref(), Some(iso), "{typed}");
        }
        for not in ["2024-07-15", "31/02/2024", "15/13/2024", "Phong Thổ", "15/07/24", "", "1/2/3/2024"] {
            assert_eq!(goi_y(not), None, "{not}");
        }
    }

    #[test]
    fn other_shapes_are_refused() {
        for s in ["", "24", "2024-3", "2024/03/05", "05/03/2020", "2024-03-05T10:00", "２０２４"] {
            assert!(matches!(Ngay::parse(s), Err(ValueError::NgaySaiDang(_))), "{s}");
        }
    }
}
