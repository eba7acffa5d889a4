//! Tên cơ quan, tổ chức ban hành (ô 2), with the chủ quản line above it.

use crate::khoa::{self, Dang, Khoa, Kieu};

use crate::{LienHe, VietTat};

/// The issuing body and, if any, its direct superior (cơ quan chủ quản).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoQuan {
    /// The superior body, one entry per printed line (caps, regular); empty when there is none.
    pub chu_quan: Vec<String>,
    /// The issuing body, one entry per printed line (caps, bold), at least one line.
    pub ten: Vec<String>,
    /// The issuing body's abbreviation, used in the ký hiệu (`UBND`).
    pub viet_tat: VietTat,
    /// Address and contacts (ô 13), printed at the foot of page 1 when given.
    pub lien_he: LienHe,
    /// The agency's electronic identifier (mã định danh, `000.00.31.H29`), which e-office
    /// systems exchange documents by; not printed.
    pub ma_dinh_danh: Option<String>,
}

impl CoQuan {
    /// An agency of these printed name lines and this abbreviation, with nothing else given
    /// (no chủ quản, no contacts): build on it with `CoQuan { chu_quan, ..CoQuan::new(…) }`.
    pub fn new(ten: Vec<String>, viet_tat: VietTat) -> CoQuan {
        CoQuan { chu_quan: Vec::new(), ten, viet_tat, lien_he: LienHe::default(), ma_dinh_danh: None }
    }

    /// `text` as an electronic identifier of an agency (Quyết định 20/2020/QĐ-TTg): four groups
    /// of 3, 2 and 2 digits and a capital letter with 2 digits, joined by dots, 13 characters
    /// (`000.00.31.H29`). `None` for any other text.
    pub fn ma_dinh_danh(text: &str) -> Option<String> {
        let t = text.trim();
        let groups: Vec<&str> = t.split('.').collect();
        let digits = |g: &str, n: usize| g.len() == n && g.bytes().all(|b| b.is_ascii_digit());
        let ok = matches!(groups.as_slice(), [a, b, c, d]
            if digits(a, 3) && digits(b, 2) && digits(c, 2)
                && d.len() == 3 && d.as_bytes()[0].is_ascii_uppercase() && digits(&d[1..], 2));
        ok.then(|| t.to_owned())
    }

    /// The chủ quản lines as printed (in capitals).
    pub fn chu_quan_in(&self) -> Vec<String> {
        self.chu_quan.iter().map(|l| crate::in_hoa(l)).collect()
    }

    /// The issuing body's lines as printed (in capitals).
    pub fn ten_in(&self) -> Vec<String> {
        self.ten.iter().map(|l| crate::in_hoa(l)).collect()
    }
}

/// `[co_quan]`: the issuing agency (ô 2).
pub const CO_QUAN: Khoa = Khoa {
    ten: "co_quan",
    kieu: Kieu::Bang(KHOA),
    co_mat: khoa::bat_buoc,
    mo_ta: "Cơ quan, tổ chức ban hành văn bản (ô 2).",
    mo_ta_en: "The issuing agency (box 2).",
    vi_du: "{ ten = [\"Ủy ban nhân dân\", \"xã Phong Thổ\"], viet_tat = \"UBND\" }",
    thay_the: ("", ""),
};

/// The keys of `[co_quan]`.
pub const KHOA: &[&Khoa] =
    &[&CHU_QUAN, &TEN, &VIET_TAT, &DIA_CHI, &DIEN_THOAI, &FAX, &EMAIL, &WEBSITE, &MA_DINH_DANH];

/// `co_quan.chu_quan`.
pub const CHU_QUAN: Khoa = Khoa {
    ten: "chu_quan",
    kieu: Kieu::DanhSach {
        dang: Dang::Tu, it_nhat: 0, muc: "Một dòng tên cơ quan chủ quản.", bang: None
    },
    co_mat: khoa::tuy_chon,
    mo_ta: "Cơ quan chủ quản trực tiếp (nếu có): một chuỗi hoặc một danh sách, mỗi mục một dòng; in hoa, chữ đứng, phía trên tên cơ quan.",
    mo_ta_en: "The direct superior body, if any: one string or one entry per line; printed in capitals above the agency's name.",
    vi_du: "\"Ủy ban nhân dân tỉnh Lai Châu\"",
    thay_the: ("", ""),
};

/// `co_quan.ten`.
pub const TEN: Khoa = Khoa {
    ten: "ten",
    kieu: Kieu::DanhSach {
        dang: Dang::Tu,
        it_nhat: 1,
        muc: "Một dòng tên cơ quan, ví dụ: \"xã Phong Thổ\".",
        bang: None,
    },
    co_mat: khoa::bat_buoc,
    mo_ta: "Tên cơ quan ban hành: một chuỗi hoặc danh sách các dòng in ra; gõ như trong câu văn, chương trình in hoa, in đậm và kẻ đường dưới.",
    mo_ta_en: "The agency's name: one string or the printed lines; typed as in a sentence, printed in bold capitals with a rule under it.",
    vi_du: "[\"Ủy ban nhân dân\", \"xã Phong Thổ\"]",
    thay_the: ("", ""),
};

/// `co_quan.viet_tat`.
pub const VIET_TAT: Khoa = Khoa {
    ten: "viet_tat",
    kieu: Kieu::Chuoi(Dang::KyHieu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Tên viết tắt của cơ quan, dùng trong ký hiệu văn bản (KH-UBND): chữ và số, không dấu cách, không \"/\".",
    mo_ta_en: "The agency's abbreviation, used in the document code (KH-UBND): letters and digits, no spaces, no \"/\".",
    vi_du: "\"UBND\"",
    thay_the: ("", ""),
};

/// `co_quan.dia_chi`.
pub const DIA_CHI: Khoa = Khoa {
    ten: "dia_chi",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Địa chỉ trụ sở (ô 13), in ở cuối trang đầu dưới một đường kẻ suốt khổ.",
    mo_ta_en: "Address (box 13), printed at the foot of page 1 under a full-width rule.",
    vi_du: "\"Bản Nà Củng, xã Phong Thổ, tỉnh Lai Châu\"",
    thay_the: ("", ""),
};

/// `co_quan.dien_thoai`.
pub const DIEN_THOAI: Khoa = Khoa {
    ten: "dien_thoai",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Số điện thoại (ô 13), in \"ĐT: …\".",
    mo_ta_en: "Telephone (box 13), printed \"ĐT: …\".",
    vi_du: "\"0213 3894 201\"",
    thay_the: ("", ""),
};

/// `co_quan.fax`.
pub const FAX: Khoa = Khoa {
    ten: "fax",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Số fax (ô 13).",
    mo_ta_en: "Fax (box 13).",
    vi_du: "\"0213 3894 202\"",
    thay_the: ("", ""),
};

/// `co_quan.email`.
pub const EMAIL: Khoa = Khoa {
    ten: "email",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Thư điện tử (ô 13), in \"E-mail: …\".",
    mo_ta_en: "E-mail (box 13), printed \"E-mail: …\".",
    vi_du: "\"ubnd@phongtho.laichau.gov.vn\"",
    thay_the: ("", ""),
};

/// `co_quan.website`.
pub const WEBSITE: Khoa = Khoa {
    ten: "website",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Trang thông tin điện tử (ô 13).",
    mo_ta_en: "Website (box 13).",
    vi_du: "\"phongtho.laichau.gov.vn\"",
    thay_the: ("", ""),
};

/// `co_quan.ma_dinh_danh`.
pub const MA_DINH_DANH: Khoa = Khoa {
    ten: "ma_dinh_danh",
    kieu: Kieu::Chuoi(Dang::Khop(
        r"^\s*[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}\s*$",
        "identifier `000.00.00.A00`",
    )),
    co_mat: khoa::tuy_chon,
    mo_ta: "Mã định danh điện tử của cơ quan (Quyết định 20/2020/QĐ-TTg), dùng khi trao đổi văn bản giữa các hệ thống quản lý văn bản điện tử; không in ra.",
    mo_ta_en: "The agency's electronic identifier (Decision 20/2020/QĐ-TTg), by which e-office systems exchange documents; not printed.",
    vi_du: "\"000.00.31.H29\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_identifier_has_the_shape_of_decision_20_2020() {
        assert_eq!(CoQuan::ma_dinh_danh(" 000.00.31.H29 ").as_deref(), Some("000.00.31.H29"));
        assert_eq!(CoQuan::ma_dinh_danh("G12.00.00.H29"), None);
        for bad in [
            "000.00.31.h29",
            "000.00.31.H2",
            "00.000.31.H29",
            "000.00.31",
            "000-00-31-H29",
            "000.00.31.H29.1",
            "",
        ] {
            assert_eq!(CoQuan::ma_dinh_danh(bad), None, "{bad}");
        }
        // The sample the definition gives is one.
        assert!(CoQuan::ma_dinh_danh(MA_DINH_DANH.vi_du.trim_matches('"')).is_some());
    }

    #[test]
    fn the_reader_takes_an_identifier_and_refuses_another_text_at_its_key() {
        let cong_van = include_str!("../../../examples/cong-van.toml");
        let with = |ma: &str| {
            cong_van.replacen(
                "viet_tat = \"UBND\"",
                &format!("viet_tat = \"UBND\"\nma_dinh_danh = \"{ma}\""),
                1,
            )
        };
        let vb = crate::parse(&with("000.00.31.H29"), crate::DangTep::Toml).unwrap();
        assert_eq!(vb.co_quan.ma_dinh_danh.as_deref(), Some("000.00.31.H29"));
        let e = crate::parse(&with("UBND-LC"), crate::DangTep::Toml).unwrap_err();
        assert_eq!(e.0.len(), 1, "{e:?}");
        assert_eq!(e.0[0].key.as_deref(), Some("co_quan.ma_dinh_danh"));
        assert!(e.0[0].line.is_some());
    }
}
