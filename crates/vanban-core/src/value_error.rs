//! Why a single value is refused when a model type is built from it.

use thiserror::Error;

/// A value that cannot become part of a document. Messages (`Display`) are in Vietnamese, the
/// language of the people who write document files, and [`ValueError::en`] gives them in
/// English; they say what is wrong, not where (the parser adds the place).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ValueError {
    /// A text field is empty or only white space.
    #[error("không được để trống")]
    Empty,
    /// A document number of 0.
    #[error("số văn bản phải từ 1 trở lên (đã ghi {0})")]
    SoKhongHopLe(i64),
    /// A document number larger than any register holds.
    #[error("số văn bản {0} quá lớn (tối đa {max})", max = crate::So::MAX)]
    SoQuaLon(i64),
    /// A ký hiệu or abbreviation with characters it may not hold.
    #[error("ký hiệu “{0}” không hợp lệ: chỉ gồm chữ, chữ số và dấu “-”, không có khoảng trắng hay dấu “/”")]
    KyHieuKhongHopLe(String),
    /// A date string in none of the accepted shapes.
    #[error("ngày “{0}” không đúng dạng: viết \"YYYY\", \"YYYY-MM\" hoặc \"YYYY-MM-DD\"")]
    NgaySaiDang(String),
    /// A date that does not exist in the calendar.
    #[error("ngày {0} không có thật trong lịch")]
    NgayKhongCo(String),
    /// A year outside the range the decree can apply to.
    #[error("năm {0} nằm ngoài khoảng {min}–{max}", min = crate::Ngay::NAM_NHO_NHAT, max = crate::Ngay::NAM_LON_NHAT)]
    NamNgoaiKhoang(i32),
    /// An authority line that does not start with one of the decree's prefixes.
    #[error("“{0}” không bắt đầu bằng một trong các tiền tố TM., KT., TL., TUQ., Q.")]
    TienToKhongHopLe(String),
    /// An authority line with a prefix and nothing after it.
    #[error("sau tiền tố {0} phải có tên cơ quan hoặc chức vụ")]
    QuyenHanThieuTen(String),
    /// Text with a control character that cannot be printed.
    #[error("có ký tự điều khiển không in được (U+{0:04X})")]
    KyTuDieuKhien(u32),
    /// An invisible character that reorders the text around it when displayed.
    #[error("có ký tự điều khiển hướng chữ vô hình (U+{0:04X}), có thể làm đảo thứ tự chữ khi hiển thị")]
    KyTuDoiHuong(u32),
    /// An image path that is not a relative path to a PNG inside the document's directory.
    #[error("đường dẫn ảnh “{path}” không dùng được: {why}")]
    DuongDanAnh {
        /// The path, as written (shortened).
        path: String,
        /// Why, in Vietnamese.
        why: &'static str,
        /// Why, in English.
        why_en: &'static str,
    },
    /// An invisible zero-width character (zero-width space, joiner, word joiner, a byte order
    /// mark inside the text): it prints nothing, so the words on either side of it print glued
    /// together although the file seems to separate them.
    #[error(
        "có ký tự vô hình (U+{0:04X}, thường do sao chép từ trang web hoặc Word): khi in, các chữ hai bên nó dính liền nhau; xóa ký tự này, gõ dấu cách nếu cần"
    )]
    KyTuVoHinh(u32),
    /// A combining mark with no letter before it.
    #[error(
        "có dấu (U+{0:04X}) đứng riêng, không gắn vào chữ nào; kiểm tra bộ gõ tiếng Việt (bảng mã Unicode dựng sẵn)"
    )]
    DauDungRieng(u32),
    /// Text longer than [`crate::limits::FIELD_CHARS`].
    #[error("dài {0} ký tự, quá giới hạn {max} ký tự của một mục", max = crate::limits::FIELD_CHARS)]
    QuaDai(usize),
}

impl ValueError {
    /// The message in English (the `Display` message is in Vietnamese).
    pub fn en(&self) -> String {
        use crate::limits::FIELD_CHARS;
        use crate::{Ngay, So};
        // No wildcard arm: a new variant must bring its translation.
        match self {
            ValueError::Empty => "must not be empty".to_owned(),
            ValueError::SoKhongHopLe(n) => format!("the document number must be 1 or more (found {n})"),
            ValueError::SoQuaLon(n) => format!("document number {n} is too large (at most {})", So::MAX),
            ValueError::KyHieuKhongHopLe(s) => format!(
                "invalid symbol (ký hiệu) “{s}”: only letters, digits and “-” are allowed, no spaces or “/”"
            ),
            ValueError::NgaySaiDang(s) => {
                format!("date “{s}” is not in a valid form: write \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")
            }
            // `Ngay::new` shows a month without a day as “tháng M/YYYY”.
            ValueError::NgayKhongCo(s) => match s.strip_prefix("tháng ") {
                Some(m) => format!("month {m} does not exist in the calendar"),
                None => format!("the date {s} does not exist in the calendar"),
            },
            ValueError::NamNgoaiKhoang(y) => {
                format!("year {y} is outside the range {}–{}", Ngay::NAM_NHO_NHAT, Ngay::NAM_LON_NHAT)
            }
            ValueError::TienToKhongHopLe(s) => {
                format!("“{s}” does not start with one of the prefixes TM., KT., TL., TUQ., Q.")
            }
            ValueError::QuyenHanThieuTen(p) => {
                format!("the prefix {p} must be followed by the name of an agency or a title")
            }
            ValueError::KyTuDieuKhien(c) => {
                format!("contains a control character that cannot be printed (U+{c:04X})")
            }
            ValueError::KyTuDoiHuong(c) => format!(
                "contains an invisible bidirectional control character (U+{c:04X}), which can reverse the order of the text around it when displayed"
            ),
            ValueError::DuongDanAnh { path, why: _, why_en } => {
                format!("image path “{path}” cannot be used: {why_en}")
            }
            ValueError::KyTuVoHinh(c) => format!(
                "contains an invisible character (U+{c:04X}, usually copied from a web page or Word): in print the words on either side of it run together; delete it, and type a space if one is meant"
            ),
            ValueError::DauDungRieng(c) => format!(
                "a combining mark (U+{c:04X}) stands alone, not attached to any letter; check the Vietnamese typing tool (it should use precomposed Unicode, “Unicode dựng sẵn”)"
            ),
            ValueError::QuaDai(n) => {
                format!("{n} characters long, over the limit of {FIELD_CHARS} characters for one field")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// At least one value of each variant.
    fn every_variant() -> Vec<ValueError> {
        let all = vec![
            ValueError::Empty,
            ValueError::SoKhongHopLe(0),
            ValueError::SoQuaLon(10_000_000),
            ValueError::KyHieuKhongHopLe("UB ND".into()),
            ValueError::NgaySaiDang("5/3/2024".into()),
            ValueError::NgayKhongCo("29/02/2023".into()),
            ValueError::NgayKhongCo("tháng 13/2024".into()),
            ValueError::NamNgoaiKhoang(1900),
            ValueError::TienToKhongHopLe("Thay mặt".into()),
            ValueError::QuyenHanThieuTen("TM.".into()),
            ValueError::KyTuDieuKhien(7),
            ValueError::KyTuDoiHuong(0x202E),
            ValueError::DuongDanAnh { path: "/dau.png".into(), why: "lý do", why_en: "reason" },
            ValueError::DauDungRieng(0x301),
            ValueError::QuaDai(1001),
            ValueError::KyTuVoHinh(0x200B),
        ];
        // Each variant, numbered by an exhaustive match: a new variant fails to compile here
        // until it is numbered, and then fails the test until the list above holds it.
        let number = |e: &ValueError| match e {
            ValueError::Empty => 0,
            ValueError::SoKhongHopLe(_) => 1,
            ValueError::SoQuaLon(_) => 2,
            ValueError::KyHieuKhongHopLe(_) => 3,
            ValueError::NgaySaiDang(_) => 4,
            ValueError::NgayKhongCo(_) => 5,
            ValueError::NamNgoaiKhoang(_) => 6,
            ValueError::TienToKhongHopLe(_) => 7,
            ValueError::QuyenHanThieuTen(_) => 8,
            ValueError::KyTuDieuKhien(_) => 9,
            ValueError::KyTuDoiHuong(_) => 10,
            ValueError::DuongDanAnh { .. } => 11,
            ValueError::DauDungRieng(_) => 12,
            ValueError::QuaDai(_) => 13,
            ValueError::KyTuVoHinh(_) => 14,
        };
        let mut seen: Vec<usize> = all.iter().map(number).collect();
        seen.dedup();
        assert_eq!(seen, (0..=14).collect::<Vec<_>>(), "every variant, in order");
        all
    }

    #[test]
    fn every_variant_has_an_english_message() {
        for e in every_variant() {
            let (vi, en) = (e.to_string(), e.en());
            assert!(!en.trim().is_empty(), "{e:?}");
            assert_ne!(en, vi, "{e:?}");
        }
        let e = ValueError::NgayKhongCo("tháng 13/2024".into());
        assert_eq!(e.en(), "month 13/2024 does not exist in the calendar");
    }
}
