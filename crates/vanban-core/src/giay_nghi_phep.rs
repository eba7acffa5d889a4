//! Giấy nghỉ phép (Mẫu 1.10): the agency grants one of its people leave, for a period, to be
//! spent at a place; the body or local authority there may confirm it.

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
