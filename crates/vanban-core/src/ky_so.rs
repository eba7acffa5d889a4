//! Chữ ký số (Phụ lục I II.7.d, II.8; nd30 §10): the images an electronic document shows where
//! it is signed — the signer's signature (ô 7c) and the agency's seal (ô 8).

use crate::khoa::{self, Dang, Khoa, Kieu};

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::{Ngay, ValueError};

/// An image a document names: a PNG file, by a path relative to the document file's own
/// directory. Only the shape of the path is checked here; the renderer resolves it inside
/// that directory and reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anh(String);

impl Anh {
    /// Checks a path: relative, inside the document's directory (no `..`), to a `.png` file.
    ///
    /// # Errors
    /// [`ValueError::DuongDanAnh`] saying what is wrong with the path.
    pub fn new(path: &str) -> Result<Anh, ValueError> {
        let fail = |why: &'static str, why_en: &'static str| {
            Err(ValueError::DuongDanAnh { path: crate::text::ngan(path), why, why_en })
        };
        let p = path.trim();
        if p.is_empty() {
            return Err(ValueError::Empty);
        }
        if p.contains('\0') {
            return fail("có ký tự NUL", "it contains a NUL character");
        }
        let windows_drive = p.len() >= 2 && p.as_bytes()[1] == b':' && p.as_bytes()[0].is_ascii_alphabetic();
        if p.starts_with(['/', '\\']) || windows_drive || p.starts_with('~') {
            return fail(
                "phải là đường dẫn tương đối, tính từ thư mục chứa tệp văn bản",
                "it must be a relative path, from the directory of the document file",
            );
        }
        if p.split(['/', '\\']).any(|part| part == "..") {
            return fail(
                "không được ra ngoài thư mục chứa tệp văn bản (“..”)",
                "it must not leave the directory of the document file (“..”)",
            );
        }
        if !p.to_ascii_lowercase().ends_with(".png") {
            return fail(
                "phải là ảnh PNG (đuôi .png) nền trong suốt",
                "it must be a PNG image (ending in .png) with a transparent background",
            );
        }
        Ok(Anh(p.to_owned()))
    }

    /// The path as written, relative to the document's directory.
    pub fn duong_dan(&self) -> &str {
        &self.0
    }
}

/// The agency's seal image (ô 8), printed at the seal's real size.
#[derive(Debug, Clone, PartialEq)]
pub struct Dau {
    /// The image.
    pub anh: Anh,
    /// The seal's diameter in millimetres; when absent, the image's own resolution (its
    /// PNG `pHYs` record) gives its real size.
    pub duong_kinh_mm: Option<f64>,
}

impl Dau {
    /// The smallest and largest seal diameters accepted, in millimetres.
    pub const DUONG_KINH_MM: (f64, f64) = (20.0, 60.0);
}

/// The images of an electronic document's signing: the signer's signature, blue on a
/// transparent background, centred between the title and the name; and, over the left
/// third of it, the agency's seal.
#[derive(Debug, Clone, PartialEq)]
pub struct KySo {
    /// The signer's signature image (ô 7c).
    pub chu_ky: Anh,
    /// The agency's seal (ô 8), if the document shows it.
    pub dau: Option<Dau>,
    /// When the agency signed the document: the time its parts in separate files show
    /// (Mẫu 1.3, 2.2). Needed only when a part is in a separate file.
    pub thoi_gian: Option<ThoiDiemKy>,
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

    /// The date as the signature text of a separate file shows it, day/month/year with the
    /// decree's zeros (days below 10, January and February): `05/3/2020`, `10/02/2020`.
    pub fn ngay_so(&self) -> String {
        let n = &self.ngay;
        format!("{}/{}/{}", n.ngay_in().unwrap_or_default(), n.thang_in().unwrap_or_default(), n.nam())
    }

    /// The time of day in ISO 8601 with the Vietnam offset: `14:30:15+07:00`.
    pub fn gio(&self) -> String {
        self.luc.format("%H:%M:%S%:z").to_string()
    }
}

impl fmt::Display for ThoiDiemKy {
    /// `2024-03-05T14:30:15+07:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.luc.format("%Y-%m-%dT%H:%M:%S%:z"))
    }
}

/// `[ky_so]`: the images of an electronic document.
pub const KY_SO: Khoa = Khoa {
    ten: "ky_so",
    kieu: Kieu::Bang(KHOA),
    co_mat: khoa::tuy_chon,
    mo_ta: "Văn bản điện tử: ảnh chữ ký của người ký và ảnh con dấu của cơ quan (Phụ lục I, II.7.d và II.8). Đường dẫn tương đối, tính từ thư mục chứa tệp văn bản.",
    mo_ta_en: "Electronic document: the signature and seal images (Annex I, II.7.d and II.8). Paths relative to the document's directory.",
    vi_du: "{ chu_ky = \"chu-ky.png\", dau = \"dau.png\" }",
    thay_the: ("", ""),
};

/// The keys of `[ky_so]`.
pub const KHOA: &[&Khoa] = &[&CHU_KY, &DAU, &DAU_MM, &THOI_GIAN];

/// `ky_so.chu_ky`.
pub const CHU_KY: Khoa = Khoa {
    ten: "chu_ky",
    kieu: Kieu::Chuoi(Dang::Anh),
    co_mat: khoa::bat_buoc,
    mo_ta: "Ảnh chữ ký (PNG nền trong suốt), đặt giữa chức vụ và họ tên.",
    mo_ta_en: "Signature image (PNG, transparent background), placed between title and name.",
    vi_du: "\"chu-ky.png\"",
    thay_the: ("", ""),
};

/// `ky_so.dau`.
pub const DAU: Khoa = Khoa {
    ten: "dau",
    kieu: Kieu::Chuoi(Dang::Anh),
    co_mat: khoa::tuy_chon,
    mo_ta: "Ảnh con dấu (PNG nền trong suốt), trùm lên khoảng 1/3 chữ ký về bên trái.",
    mo_ta_en: "Seal image (PNG, transparent background), over about a third of the signature at its left.",
    vi_du: "\"dau.png\"",
    thay_the: ("", ""),
};

/// `ky_so.dau_mm`.
pub const DAU_MM: Khoa = Khoa {
    ten: "dau_mm",
    kieu: Kieu::SoThuc { nho_nhat: Dau::DUONG_KINH_MM.0, lon_nhat: Dau::DUONG_KINH_MM.1 },
    co_mat: khoa::tuy_chon,
    mo_ta: "Đường kính con dấu, tính bằng milimét; bỏ trống thì lấy theo độ phân giải của ảnh. Cần có khóa dau.",
    mo_ta_en: "Diameter of the seal in millimetres; without it the image's resolution decides. Needs the key dau.",
    vi_du: "36",
    thay_the: ("", ""),
};

/// `ky_so.thoi_gian`.
pub const THOI_GIAN: Khoa = Khoa {
    ten: "thoi_gian",
    kieu: Kieu::Chuoi(Dang::ThoiDiem),
    co_mat: khoa::tuy_chon,
    mo_ta: "Thời điểm ký số, theo ISO 8601 (in theo giờ Việt Nam, +07:00); cần khi có phụ lục hoặc văn bản kèm theo ở tệp riêng (tep_rieng = true), in trong khung ở góc trên bên phải trang đầu của tệp đó.",
    mo_ta_en: "Time of the digital signature, ISO 8601 (printed in Vietnam time, +07:00); needed when an appendix or attached document is a separate file (tep_rieng = true), printed in a frame at the top right of its first page.",
    vi_du: "2025-03-05T14:30:15+07:00",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_time_of_a_separate_file() {
        let t = ThoiDiemKy::parse("2020-03-05T07:30:15Z").unwrap();
        assert_eq!((t.ngay_so(), t.gio()), ("05/3/2020".to_owned(), "14:30:15+07:00".to_owned()));
        let t = ThoiDiemKy::parse("2020-02-10T23:59:59+07:00").unwrap();
        assert_eq!(t.ngay_so(), "10/02/2020");
        let t = ThoiDiemKy::parse("2021-11-21T08:00:00").unwrap();
        assert_eq!(t.ngay_so(), "21/11/2021");
    }

    #[test]
    fn relative_png_paths_inside_the_directory() {
        assert_eq!(Anh::new("chu-ky.png").unwrap().duong_dan(), "chu-ky.png");
        assert!(Anh::new("anh/dau.PNG").is_ok());
        for bad in [
            "/etc/dau.png",
            "\\\\server\\dau.png",
            "C:\\dau.png",
            "~/dau.png",
            "../dau.png",
            "anh/../../dau.png",
            "a\\..\\b.png",
            "dau.jpg",
            "dau",
        ] {
            assert!(matches!(Anh::new(bad), Err(ValueError::DuongDanAnh { .. })), "{bad}");
        }
        assert_eq!(Anh::new("  "), Err(ValueError::Empty));
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
}
