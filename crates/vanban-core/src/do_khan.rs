//! Dấu chỉ mức độ khẩn (ô 10b) and dấu chỉ độ mật (ô 10a): the red stamps under the number
//! and summary of an urgent or secret document.

use crate::khoa::{self, Dang, Khoa, Kieu};

use std::fmt;

/// Mức độ khẩn (Phụ lục I, II.10.b): a single-bordered rectangle in bright red, the words in
/// bold capitals, centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DoKhan {
    /// `KHẨN`, 20 × 8 mm.
    Khan,
    /// `THƯỢNG KHẨN`, 40 × 8 mm.
    ThuongKhan,
    /// `HỎA TỐC`, 30 × 8 mm.
    HoaToc,
}

impl DoKhan {
    /// Every level, from the least urgent.
    pub const ALL: &'static [DoKhan] = &[DoKhan::Khan, DoKhan::ThuongKhan, DoKhan::HoaToc];

    /// The value of `do_khan` in a document file.
    pub fn slug(self) -> &'static str {
        match self {
            DoKhan::Khan => "khan",
            DoKhan::ThuongKhan => "thuong-khan",
            DoKhan::HoaToc => "hoa-toc",
        }
    }

    /// The level named by `slug`.
    pub fn from_slug(slug: &str) -> Option<DoKhan> {
        Self::ALL.iter().copied().find(|d| d.slug() == slug)
    }

    /// The words on the stamp.
    pub fn chu(self) -> &'static str {
        match self {
            DoKhan::Khan => "KHẨN",
            DoKhan::ThuongKhan => "THƯỢNG KHẨN",
            DoKhan::HoaToc => "HỎA TỐC",
        }
    }

    /// Width and height of the stamp's border, in millimetres.
    pub fn kich_thuoc_mm(self) -> (f64, f64) {
        match self {
            DoKhan::Khan => (20.0, 8.0),
            DoKhan::ThuongKhan => (40.0, 8.0),
            DoKhan::HoaToc => (30.0, 8.0),
        }
    }
}

impl fmt::Display for DoKhan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.chu())
    }
}

/// Độ mật (Phụ lục I, II.10.a): its stamp is set by the rules on protecting state secrets,
/// not by the decree. vanban draws it as the Ministry of Public Security's circulars describe
/// it: a rectangle with a double border 1 mm apart, in red, the words in bold capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DoMat {
    /// `MẬT`, 20 × 8 mm.
    Mat,
    /// `TỐI MẬT`, 30 × 8 mm.
    ToiMat,
    /// `TUYỆT MẬT`, 40 × 8 mm.
    TuyetMat,
}

impl DoMat {
    /// Every level, from the least secret.
    pub const ALL: &'static [DoMat] = &[DoMat::Mat, DoMat::ToiMat, DoMat::TuyetMat];

    /// The value of `do_mat` in a document file.
    pub fn slug(self) -> &'static str {
        match self {
            DoMat::Mat => "mat",
            DoMat::ToiMat => "toi-mat",
            DoMat::TuyetMat => "tuyet-mat",
        }
    }

    /// The level named by `slug`.
    pub fn from_slug(slug: &str) -> Option<DoMat> {
        Self::ALL.iter().copied().find(|d| d.slug() == slug)
    }

    /// The words on the stamp.
    pub fn chu(self) -> &'static str {
        match self {
            DoMat::Mat => "MẬT",
            DoMat::ToiMat => "TỐI MẬT",
            DoMat::TuyetMat => "TUYỆT MẬT",
        }
    }

    /// Width and height of the stamp's outer border, in millimetres.
    pub fn kich_thuoc_mm(self) -> (f64, f64) {
        match self {
            DoMat::Mat => (20.0, 8.0),
            DoMat::ToiMat => (30.0, 8.0),
            DoMat::TuyetMat => (40.0, 8.0),
        }
    }
}

impl fmt::Display for DoMat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.chu())
    }
}

/// `do_mat`: the secrecy stamp (ô 10a).
pub const DO_MAT: Khoa = Khoa {
    ten: "do_mat",
    kieu: Kieu::MotTrong(|| DoMat::ALL.iter().map(|d| d.slug()).collect()),
    co_mat: khoa::tuy_chon,
    mo_ta: "Độ mật (ô 10a): mat (MẬT), toi-mat (TỐI MẬT), tuyet-mat (TUYỆT MẬT); in con dấu đỏ viền kép bên trái dưới số, ký hiệu.",
    mo_ta_en: "Secrecy (box 10a): mat, toi-mat, tuyet-mat; a red double-framed stamp at the left under the number.",
    vi_du: "\"mat\"",
    thay_the: ("", ""),
};

/// `do_khan`: the urgency stamp (ô 10b).
pub const DO_KHAN: Khoa = Khoa {
    ten: "do_khan",
    kieu: Kieu::MotTrong(|| DoKhan::ALL.iter().map(|d| d.slug()).collect()),
    co_mat: khoa::tuy_chon,
    mo_ta: "Mức độ khẩn (ô 10b): khan (KHẨN, 20 × 8 mm), thuong-khan (THƯỢNG KHẨN, 40 × 8 mm), hoa-toc (HỎA TỐC, 30 × 8 mm); in khung đỏ bên trái dưới số, ký hiệu.",
    mo_ta_en: "Urgency (box 10b): khan (20 × 8 mm), thuong-khan (40 × 8 mm), hoa-toc (30 × 8 mm); a red frame at the left under the number.",
    vi_du: "\"hoa-toc\"",
    thay_the: ("", ""),
};

/// `pham_vi_luu_hanh`: the circulation note (ô 11).
pub const PHAM_VI_LUU_HANH: Khoa = Khoa {
    ten: "pham_vi_luu_hanh",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Chỉ dẫn về phạm vi lưu hành (ô 11), in hoa, đậm, trong khung phía trên Quốc hiệu.",
    mo_ta_en: "Circulation note (box 11), in bold capitals in a frame above the national heading.",
    vi_du: "\"Xem xong trả lại\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_the_decree() {
        assert_eq!(DoKhan::HoaToc.kich_thuoc_mm(), (30.0, 8.0));
        assert_eq!(DoKhan::ThuongKhan.kich_thuoc_mm(), (40.0, 8.0));
        assert_eq!(DoKhan::Khan.kich_thuoc_mm(), (20.0, 8.0));
    }

    #[test]
    fn slugs_round_trip() {
        for d in DoKhan::ALL {
            assert_eq!(DoKhan::from_slug(d.slug()), Some(*d));
        }
        for d in DoMat::ALL {
            assert_eq!(DoMat::from_slug(d.slug()), Some(*d));
        }
        assert_eq!(DoKhan::from_slug("KHẨN"), None);
    }
}
