//! Giấy nghỉ phép (Mẫu 1.10): the agency grants one of its people leave, for a period, to be
//! spent at a place; the body or local authority there may confirm it.

use crate::LoaiVanBan;
use crate::khoa::{self, Dang, Khoa, Kieu};

use crate::Ngay;

/// A giấy nghỉ phép: no summary under the type name; the grant (whose request, to whom,
/// how long, where), then the body; under the signature, the confirmation block if asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiayNghiPhep {
    /// The person granted leave, printed after `Ông (bà):`.
    pub ho_ten: String,
    /// Their post, if given.
    pub chuc_vu: Option<String>,
    /// The date of their request (Đơn đề nghị nghỉ phép), if it is cited.
    pub ngay_don: Option<Ngay>,
    /// The leave year: `Nghỉ phép năm 2024`.
    pub nam: i32,
    /// The number of days, if stated.
    pub so_ngay: Option<u32>,
    /// The first day: a full date.
    pub tu_ngay: Ngay,
    /// The last day: a full date, not before `tu_ngay`.
    pub den_ngay: Ngay,
    /// Where the leave is spent.
    pub noi_nghi: String,
    /// The confirmation block (Xác nhận …) under the signature, if the paper carries one.
    pub xac_nhan: Option<XacNhan>,
}

/// Who confirms the leave, in the block under the signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XacNhan {
    /// The decree's wording: the body or the local authority where the leave is spent.
    ChungChung,
    /// A named body: `Ủy ban nhân dân xã Mường So`.
    Noi(String),
}

impl XacNhan {
    /// The block's heading: `Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi
    /// nghỉ phép`, or `Xác nhận của <body>`.
    pub fn dong(&self) -> String {
        match self {
            XacNhan::ChungChung => {
                "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép".to_owned()
            }
            XacNhan::Noi(n) => format!("Xác nhận của {n}"),
        }
    }
}

impl GiayNghiPhep {
    /// The years `nam` may give, first and last.
    pub const NAM: (i32, i32) = (1900, 9999);

    /// The grant's paragraphs as printed, the agency (`co_quan`, as in running text) granting:
    /// `Xét Đơn đề nghị nghỉ phép ngày … của ông (bà) …,`, `<co_quan> cấp cho:`,
    /// `Ông (bà): …`, `Chức vụ: …`, `Nghỉ phép năm … trong thời gian … ngày, kể từ ngày …
    /// đến hết ngày … .`, `Tại: …`.
    pub fn cac_doan(&self, co_quan: &str) -> Vec<String> {
        let don = match &self.ngay_don {
            Some(n) => format!("Xét Đơn đề nghị nghỉ phép {n} của ông (bà) {},", self.ho_ten),
            None => format!("Xét Đơn đề nghị nghỉ phép của ông (bà) {},", self.ho_ten),
        };
        let mut out = vec![don, format!("{co_quan} cấp cho:"), format!("Ông (bà): {}", self.ho_ten)];
        if let Some(c) = &self.chuc_vu {
            out.push(format!("Chức vụ: {c}"));
        }
        let thoi_gian = match self.so_ngay {
            Some(n) => format!(" trong thời gian {n} ngày,"),
            None => String::new(),
        };
        out.push(format!(
            "Nghỉ phép năm {}{thoi_gian} kể từ {} đến hết {}.",
            self.nam, self.tu_ngay, self.den_ngay
        ));
        out.push(format!("Tại: {}", self.noi_nghi));
        out
    }
}

/// `[nghi_phep]`: the person a giấy nghỉ phép grants leave to.
pub const NGHI_PHEP: Khoa = Khoa {
    ten: "nghi_phep",
    kieu: Kieu::Bang(KHOA),
    co_mat: |l| khoa::chi_khi(l == LoaiVanBan::GiayNghiPhep),
    mo_ta: "Người được nghỉ phép.",
    mo_ta_en: "The person on leave.",
    vi_du: "{ ho_ten = \"Lò Thị Hoa\", tu_ngay = \"2025-03-04\", den_ngay = \"2025-03-11\", noi_nghi = \"xã Mường So, tỉnh Lai Châu\" }",
    thay_the: ("", ""),
};

/// The keys of `[nghi_phep]`.
pub const KHOA: &[&Khoa] =
    &[&HO_TEN, &CHUC_VU, &NGAY_DON, &NAM, &SO_NGAY, &TU_NGAY, &DEN_NGAY, &NOI_NGHI, &XAC_NHAN];

/// `nghi_phep.ho_ten`.
pub const HO_TEN: Khoa = Khoa { vi_du: "\"Lò Thị Hoa\"", ..crate::giay_gioi_thieu::HO_TEN };

/// `nghi_phep.chuc_vu`.
pub const CHUC_VU: Khoa = Khoa { vi_du: "\"Chuyên viên Văn phòng\"", ..crate::giay_gioi_thieu::CHUC_VU };

/// `nghi_phep.ngay_don`.
pub const NGAY_DON: Khoa = Khoa {
    ten: "ngay_don",
    kieu: Kieu::Chuoi(Dang::NgayDayDu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Ngày của đơn đề nghị nghỉ phép.",
    mo_ta_en: "The date of the request for leave.",
    vi_du: "\"2025-02-20\"",
    thay_the: ("", ""),
};

/// `nghi_phep.nam`.
pub const NAM: Khoa = Khoa {
    ten: "nam",
    kieu: Kieu::SoNguyen { nho_nhat: GiayNghiPhep::NAM.0 as i64, lon_nhat: Some(GiayNghiPhep::NAM.1 as i64) },
    co_mat: khoa::tuy_chon,
    mo_ta: "Năm của phép (mặc định năm của tu_ngay).",
    mo_ta_en: "The year the leave counts for (by default the year of tu_ngay).",
    vi_du: "2025",
    thay_the: ("", ""),
};

/// `nghi_phep.so_ngay`.
pub const SO_NGAY: Khoa = Khoa {
    ten: "so_ngay",
    kieu: Kieu::SoNguyen { nho_nhat: 1, lon_nhat: None },
    co_mat: khoa::tuy_chon,
    mo_ta: "Số ngày nghỉ, không quá số ngày từ tu_ngay đến den_ngay.",
    mo_ta_en: "Days of leave, no more than the days from tu_ngay to den_ngay.",
    vi_du: "8",
    thay_the: ("", ""),
};

/// `nghi_phep.tu_ngay`.
pub const TU_NGAY: Khoa = Khoa {
    ten: "tu_ngay",
    kieu: Kieu::Chuoi(Dang::NgayDayDu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Ngày bắt đầu nghỉ.",
    mo_ta_en: "First day of leave.",
    vi_du: "\"2025-03-04\"",
    thay_the: ("", ""),
};

/// `nghi_phep.den_ngay`.
pub const DEN_NGAY: Khoa = Khoa {
    ten: "den_ngay",
    kieu: Kieu::Chuoi(Dang::NgayDayDu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Ngày nghỉ cuối cùng, không trước tu_ngay.",
    mo_ta_en: "Last day of leave, not before tu_ngay.",
    vi_du: "\"2025-03-11\"",
    thay_the: ("", ""),
};

/// `nghi_phep.noi_nghi`.
pub const NOI_NGHI: Khoa = Khoa {
    ten: "noi_nghi",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Nơi nghỉ phép, in sau \"Tại:\".",
    mo_ta_en: "Where the leave is spent, printed after \"Tại:\".",
    vi_du: "\"xã Mường So, tỉnh Lai Châu\"",
    thay_the: ("", ""),
};

/// `nghi_phep.xac_nhan`.
pub const XAC_NHAN: Khoa = Khoa {
    ten: "xac_nhan",
    kieu: Kieu::DungSaiHoacChuoi,
    co_mat: khoa::tuy_chon,
    mo_ta: "Khối xác nhận dưới chữ ký: true in \"Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép\"; một tên in \"Xác nhận của <tên>\".",
    mo_ta_en: "Confirmation block under the signature: true prints the decree's generic wording; a name prints \"Xác nhận của <name>\".",
    vi_du: "\"Ủy ban nhân dân xã Mường So\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    fn giay(so_ngay: Option<u32>, ngay_don: Option<&str>) -> GiayNghiPhep {
        GiayNghiPhep {
            ho_ten: "Lò Thị Hoa".into(),
            chuc_vu: Some("Chuyên viên Phòng Nội vụ".into()),
            ngay_don: ngay_don.map(|d| Ngay::parse(d).unwrap()),
            nam: 2024,
            so_ngay,
            tu_ngay: Ngay::parse("2024-03-05").unwrap(),
            den_ngay: Ngay::parse("2024-03-12").unwrap(),
            noi_nghi: "xã Mường So, huyện Phong Thổ".into(),
            xac_nhan: None,
        }
    }

    #[test]
    fn the_grant_as_the_template_words_it() {
        assert_eq!(
            giay(Some(6), Some("2024-02-26")).cac_doan("Ủy ban nhân dân huyện Phong Thổ"),
            [
                "Xét Đơn đề nghị nghỉ phép ngày 26 tháng 02 năm 2024 của ông (bà) Lò Thị Hoa,",
                "Ủy ban nhân dân huyện Phong Thổ cấp cho:",
                "Ông (bà): Lò Thị Hoa",
                "Chức vụ: Chuyên viên Phòng Nội vụ",
                "Nghỉ phép năm 2024 trong thời gian 6 ngày, kể từ ngày 05 tháng 3 năm 2024 đến hết ngày 12 tháng 3 năm 2024.",
                "Tại: xã Mường So, huyện Phong Thổ",
            ]
        );
        let g = giay(None, None).cac_doan("UBND");
        assert_eq!(g[0], "Xét Đơn đề nghị nghỉ phép của ông (bà) Lò Thị Hoa,");
        assert_eq!(
            g[4],
            "Nghỉ phép năm 2024 kể từ ngày 05 tháng 3 năm 2024 đến hết ngày 12 tháng 3 năm 2024."
        );
    }

    #[test]
    fn the_confirmation_heading() {
        assert_eq!(
            XacNhan::ChungChung.dong(),
            "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép"
        );
        assert_eq!(
            XacNhan::Noi("Ủy ban nhân dân xã Mường So".into()).dong(),
            "Xác nhận của Ủy ban nhân dân xã Mường So"
        );
    }
}
