//! Bản sao (Art. 25–27; Mẫu 3.1 and 3.2): a copy of the document by an agency, as a copy block
//! under the copied text on paper, or as the signature text at the top right of an electronic
//! copy.

use crate::khoa::{self, Dang, Khoa, Kieu};

use crate::{Ngay, NguoiKy, NoiNhan, So, ThoiDiemKy};

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
// A document has at most one copy block: the size of the paper variant costs nothing.
#[allow(clippy::large_enum_variant)]
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

/// `[ban_sao]`: a copy (Mẫu 3.1, 3.2).
pub const BAN_SAO: Khoa = Khoa {
    ten: "ban_sao",
    kieu: Kieu::Bang(KHOA),
    co_mat: khoa::tuy_chon,
    mo_ta: "Bản sao (Mẫu 3.1, 3.2). Bản sao giấy: khối sao in dưới văn bản, sau một đường kẻ suốt chiều ngang, cần viet_tat, dia_danh, ngay, [ban_sao.nguoi_ky] và [ban_sao.noi_nhan]. Bản sao điện tử: chỉ hinh_thuc, co_quan và thoi_gian.",
    mo_ta_en: "A copy (forms 3.1, 3.2). A paper copy prints its block under the document after a full-width rule and needs viet_tat, dia_danh, ngay, [ban_sao.nguoi_ky] and [ban_sao.noi_nhan]. An electronic copy: only hinh_thuc, co_quan and thoi_gian.",
    vi_du: "{ hinh_thuc = \"sao-y\", co_quan = \"Văn phòng HĐND và UBND xã\", thoi_gian = 2025-03-07T09:15:40+07:00 }",
    thay_the: ("", ""),
};

/// The keys of `[ban_sao]`.
pub const KHOA: &[&Khoa] =
    &[&HINH_THUC, &CO_QUAN, &VIET_TAT, &SO, &DIA_DANH, &NGAY, &THOI_GIAN, &NGUOI_KY, &NOI_NHAN];

/// `ban_sao.hinh_thuc`.
pub const HINH_THUC: Khoa = Khoa {
    ten: "hinh_thuc",
    kieu: Kieu::MotTrong(|| HinhThucSao::ALL.iter().map(|h| h.slug()).collect()),
    co_mat: khoa::bat_buoc,
    mo_ta: "Hình thức sao: sao-y (SAO Y, ký hiệu SY), sao-luc (SAO LỤC, SL), trich-sao (TRÍCH SAO, TrS).",
    mo_ta_en: "Kind of copy: sao-y (SY), sao-luc (SL), trich-sao (TrS).",
    vi_du: "\"sao-y\"",
    thay_the: ("", ""),
};

/// `ban_sao.co_quan`.
pub const CO_QUAN: Khoa = Khoa {
    ten: crate::co_quan::CO_QUAN.ten,
    kieu: Kieu::DanhSach { dang: Dang::Tu, it_nhat: 1, muc: "Một dòng tên cơ quan sao.", bang: None },
    co_mat: khoa::bat_buoc,
    mo_ta: "Tên cơ quan sao: một chuỗi hoặc danh sách các dòng in ra.",
    mo_ta_en: "The copying agency's name: one string or the printed lines.",
    vi_du: "[\"Văn phòng HĐND và UBND\", \"xã Phong Thổ\"]",
    thay_the: ("", ""),
};

/// `ban_sao.viet_tat`.
pub const VIET_TAT: Khoa = Khoa {
    ten: crate::co_quan::VIET_TAT.ten,
    kieu: Kieu::Chuoi(Dang::KyHieu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Tên viết tắt của cơ quan sao, trong ký hiệu bản sao (SY-VP).",
    mo_ta_en: "The copying agency's abbreviation, in the copy's code (SY-VP).",
    vi_du: "\"VP\"",
    thay_the: ("", ""),
};

/// `ban_sao.so`.
pub const SO: Khoa = Khoa {
    ten: crate::so_hieu::SO.ten,
    kieu: Kieu::SoNguyen { nho_nhat: 1, lon_nhat: Some(So::MAX as i64) },
    co_mat: khoa::tuy_chon,
    mo_ta: "Số bản sao.",
    mo_ta_en: "The copy's number.",
    vi_du: "7",
    thay_the: ("", ""),
};

/// `ban_sao.dia_danh`.
pub const DIA_DANH: Khoa = Khoa {
    ten: crate::van_ban::DIA_DANH.ten,
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Địa danh nơi sao.",
    mo_ta_en: "Where it is copied.",
    vi_du: "\"Phong Thổ\"",
    thay_the: ("", ""),
};

/// `ban_sao.ngay`.
pub const NGAY: Khoa = Khoa {
    ten: crate::ngay::NGAY.ten,
    kieu: Kieu::Chuoi(Dang::Ngay),
    co_mat: khoa::tuy_chon,
    mo_ta: "Ngày sao.",
    mo_ta_en: "The date of the copy.",
    vi_du: "\"2025-03-07\"",
    thay_the: ("", ""),
};

/// `ban_sao.thoi_gian`.
pub const THOI_GIAN: Khoa = Khoa {
    ten: crate::ky_so::THOI_GIAN.ten,
    kieu: Kieu::Chuoi(Dang::ThoiDiem),
    co_mat: khoa::tuy_chon,
    mo_ta: "Bản sao điện tử: thời điểm ký số của cơ quan sao, theo ISO 8601 (in theo giờ Việt Nam, +07:00), in ở góc trên bên phải trang đầu.",
    mo_ta_en: "Electronic copy: the copying agency's signing time, ISO 8601 (printed in Vietnam time), at the top right of page 1.",
    vi_du: "2025-03-07T09:15:40+07:00",
    thay_the: ("", ""),
};

/// `[ban_sao.nguoi_ky]`.
pub const NGUOI_KY: Khoa = Khoa {
    ten: crate::nguoi_ky::NGUOI_KY.ten,
    kieu: Kieu::Bang(crate::nguoi_ky::KHOA_BAN_SAO),
    co_mat: khoa::tuy_chon,
    mo_ta: "Người ký bản sao.",
    mo_ta_en: "Who signs the copy.",
    vi_du: "{ quyen_han = [\"TL. Chủ tịch\", \"Chánh Văn phòng\"], chuc_vu = \"Phó Chánh Văn phòng\", ho_ten = \"Lê Thị C\" }",
    thay_the: ("", ""),
};

/// `[ban_sao.noi_nhan]`.
pub const NOI_NHAN: Khoa = Khoa {
    ten: crate::noi_nhan::NOI_NHAN.ten,
    kieu: Kieu::Bang(crate::noi_nhan::KHOA),
    co_mat: khoa::tuy_chon,
    mo_ta: "Nơi nhận bản sao.",
    mo_ta_en: "Where the copies go.",
    vi_du: "{ gui = [\"Phòng Văn hóa - Xã hội\"], luu = [\"VT\"] }",
    thay_the: ("", ""),
};

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
