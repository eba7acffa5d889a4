//! Giấy giới thiệu (Mẫu 1.8): the agency introduces one of its people to another body, for a
//! purpose, until a date.

use crate::LoaiVanBan;
use crate::khoa::{self, Dang, Khoa, Kieu};

use crate::Ngay;

/// A giấy giới thiệu: no summary under the type name; the introduction (who, their post,
/// where they are sent, what for), then the body, then the validity line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiayGioiThieu {
    /// The person introduced, printed after `Ông (bà):`.
    pub ho_ten: String,
    /// Their post, if given.
    pub chuc_vu: Option<String>,
    /// The body they are sent to.
    pub duoc_cu_den: String,
    /// What for.
    pub ve_viec: String,
    /// The last day the paper is valid: a full date.
    pub co_gia_tri_den: Ngay,
}

impl GiayGioiThieu {
    /// The introduction's paragraphs as printed, the agency (`co_quan`, as in running text)
    /// introducing: `<co_quan> trân trọng giới thiệu:`, `Ông (bà): …`, `Chức vụ: …`,
    /// `Được cử đến: …`, `Về việc: …`.
    pub fn cac_doan(&self, co_quan: &str) -> Vec<String> {
        let mut out = vec![format!("{co_quan} trân trọng giới thiệu:"), format!("Ông (bà): {}", self.ho_ten)];
        if let Some(c) = &self.chuc_vu {
            out.push(format!("Chức vụ: {c}"));
        }
        out.push(format!("Được cử đến: {}", self.duoc_cu_den));
        out.push(format!("Về việc: {}", self.ve_viec));
        out
    }

    /// The line after the body: `Giấy này có giá trị đến hết ngày 31 tháng 12 năm 2024.`
    pub fn dong_hieu_luc(&self) -> String {
        format!("Giấy này có giá trị đến hết {}.", self.co_gia_tri_den)
    }
}

/// `[gioi_thieu]`: the person a giấy giới thiệu introduces.
pub const GIOI_THIEU: Khoa = Khoa {
    ten: "gioi_thieu",
    kieu: Kieu::Bang(KHOA),
    co_mat: |l| khoa::chi_khi(l == LoaiVanBan::GiayGioiThieu),
    mo_ta: "Người được giới thiệu.",
    mo_ta_en: "The person introduced.",
    vi_du: "{ ho_ten = \"Nguyễn Văn B\", duoc_cu_den = \"Sở Nội vụ tỉnh Lai Châu\", ve_viec = \"Liên hệ công tác\", co_gia_tri_den = \"2025-12-31\" }",
    thay_the: ("", ""),
};

/// The keys of `[gioi_thieu]`.
pub const KHOA: &[&Khoa] = &[&HO_TEN, &CHUC_VU, &DUOC_CU_DEN, &VE_VIEC, &CO_GIA_TRI_DEN];

/// `gioi_thieu.ho_ten`.
pub const HO_TEN: Khoa = Khoa {
    ten: crate::nguoi_ky::HO_TEN.ten,
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Họ và tên, in sau \"Ông (bà):\".",
    mo_ta_en: "Full name, printed after \"Ông (bà):\".",
    vi_du: "\"Nguyễn Văn B\"",
    thay_the: ("", ""),
};

/// `gioi_thieu.chuc_vu`.
pub const CHUC_VU: Khoa = Khoa {
    ten: crate::nguoi_ky::CHUC_VU.ten,
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Chức vụ.",
    mo_ta_en: "Title.",
    vi_du: "\"Chuyên viên Phòng Văn hóa - Xã hội\"",
    thay_the: ("", ""),
};

/// `gioi_thieu.duoc_cu_den`.
pub const DUOC_CU_DEN: Khoa = Khoa {
    ten: "duoc_cu_den",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Cơ quan, đơn vị được cử đến.",
    mo_ta_en: "The body the person is sent to.",
    vi_du: "\"Sở Nội vụ tỉnh Lai Châu\"",
    thay_the: ("", ""),
};

/// `gioi_thieu.ve_viec`.
pub const VE_VIEC: Khoa = Khoa {
    ten: "ve_viec",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Về việc.",
    mo_ta_en: "On what business.",
    vi_du: "\"Liên hệ công tác\"",
    thay_the: ("", ""),
};

/// `gioi_thieu.co_gia_tri_den`.
pub const CO_GIA_TRI_DEN: Khoa = Khoa {
    ten: "co_gia_tri_den",
    kieu: Kieu::Chuoi(Dang::NgayDayDu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Ngày cuối cùng giấy có giá trị; in \"Giấy này có giá trị đến hết ngày … tháng … năm …\".",
    mo_ta_en: "The last day the paper is valid; printed \"Giấy này có giá trị đến hết ngày … tháng … năm …\".",
    vi_du: "\"2025-12-31\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_introduction_and_the_validity_line() {
        let g = GiayGioiThieu {
            ho_ten: "Nguyễn Văn A".into(),
            chuc_vu: Some("Chuyên viên Phòng Nội vụ".into()),
            duoc_cu_den: "Sở Nội vụ tỉnh Lai Châu".into(),
            ve_viec: "Liên hệ công tác".into(),
            co_gia_tri_den: Ngay::parse("2024-03-05").unwrap(),
        };
        assert_eq!(
            g.cac_doan("Ủy ban nhân dân huyện Phong Thổ"),
            [
                "Ủy ban nhân dân huyện Phong Thổ trân trọng giới thiệu:",
                "Ông (bà): Nguyễn Văn A",
                "Chức vụ: Chuyên viên Phòng Nội vụ",
                "Được cử đến: Sở Nội vụ tỉnh Lai Châu",
                "Về việc: Liên hệ công tác",
            ]
        );
        // The decree's date rule: a leading zero for days 1–9 and months 1–2 only.
        assert_eq!(g.dong_hieu_luc(), "Giấy này có giá trị đến hết ngày 05 tháng 3 năm 2024.");
    }
}
