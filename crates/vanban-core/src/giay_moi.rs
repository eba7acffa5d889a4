//! Giấy mời (Mẫu 1.7): the agency invites people or bodies to an event, with its time and
//! place.

use crate::LoaiVanBan;
use crate::khoa::{self, CoMat, Dang, Khoa, Kieu};

use crate::TrichYeu;
use crate::kinh_gui::{bo_dau_cuoi, bo_dau_muc, cac_dong_gach, cham_cuoi};

/// A giấy mời: type name (and summary, if any), then the invitation: who is invited, to
/// what, who chairs it, when and where; then the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiayMoi {
    /// The summary under the type name, if any.
    pub trich_yeu: Option<TrichYeu>,
    /// Who is invited (bodies, or people with their titles); at least one.
    pub kinh_moi: Vec<String>,
    /// The event: `Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2024`.
    pub toi_du: String,
    /// Who chairs it, if given.
    pub chu_tri: Option<String>,
    /// When: `08 giờ 00, ngày 15 tháng 7 năm 2024`.
    pub thoi_gian: String,
    /// Where: `Hội trường Ủy ban nhân dân huyện`.
    pub dia_diem: String,
}

impl GiayMoi {
    /// The invitation's paragraphs as printed, the agency (`co_quan`, as in running text)
    /// inviting: `<co_quan> trân trọng kính mời: X.` (several invitees: one `- X;` paragraph
    /// each, the last `- Y.`), then `Tới dự: …`, `Chủ trì: …`, `Thời gian: …`, `Địa điểm: …`.
    pub fn cac_doan(&self, co_quan: &str) -> Vec<String> {
        let mut out = match self.kinh_moi.as_slice() {
            [one] => {
                vec![format!("{co_quan} trân trọng kính mời: {}", cham_cuoi(bo_dau_muc(one)))]
            }
            many => {
                let mut v = vec![format!("{co_quan} trân trọng kính mời:")];
                v.extend(cac_dong_gach(many));
                v
            }
        };
        let line = |label: &str, v: &str| format!("{label}: {}", cham_cuoi(bo_dau_cuoi(v)));
        out.push(line("Tới dự", &self.toi_du));
        if let Some(c) = &self.chu_tri {
            out.push(line("Chủ trì", c));
        }
        out.push(line("Thời gian", &self.thoi_gian));
        out.push(line("Địa điểm", &self.dia_diem));
        out
    }
}

/// A key of a giấy mời only: required there, or optional when `tuy_chon`.
const fn cua_giay_moi(tuy_chon: bool) -> fn(LoaiVanBan) -> CoMat {
    if tuy_chon {
        |l| if l == LoaiVanBan::GiayMoi { CoMat::TuyChon } else { CoMat::Khong }
    } else {
        |l| khoa::chi_khi(l == LoaiVanBan::GiayMoi)
    }
}

/// `kinh_moi`: who is invited.
pub const KINH_MOI: Khoa = Khoa {
    ten: "kinh_moi",
    kieu: Kieu::DanhSach {
        dang: Dang::Tu,
        it_nhat: 1,
        muc: "Một người hoặc cơ quan được mời, ví dụ: \"Chủ tịch UBND các xã, phường\".",
        bang: None,
    },
    co_mat: cua_giay_moi(false),
    mo_ta: "Người, cơ quan được mời: một chuỗi, hoặc danh sách mỗi nơi một dòng \"- …;\".",
    mo_ta_en: "Who is invited: one string, or a list printed one line \"- …;\" each.",
    vi_du: "[\"Thủ trưởng các cơ quan, đơn vị thuộc UBND xã\"]",
    thay_the: (
        "ghi người nhận vào [noi_nhan] gui, nội dung mời vào nội dung văn bản",
        "list the recipients in gui under [noi_nhan] and write the invitation in the body",
    ),
};

/// `toi_du`: the event.
pub const TOI_DU: Khoa = Khoa {
    ten: "toi_du",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: cua_giay_moi(false),
    mo_ta: "Tới dự: tên hội nghị, cuộc họp.",
    mo_ta_en: "The event: the name of the conference or meeting.",
    vi_du: "\"Hội nghị sơ kết công tác thi đua 6 tháng đầu năm 2025\"",
    thay_the: ("", ""),
};

/// `chu_tri`: who chairs the event.
pub const CHU_TRI: Khoa = Khoa {
    ten: "chu_tri",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: cua_giay_moi(true),
    mo_ta: "Người chủ trì.",
    mo_ta_en: "Who chairs it.",
    vi_du: "\"Đồng chí Chủ tịch UBND xã\"",
    thay_the: ("", ""),
};

/// `thoi_gian`: when the event is.
pub const THOI_GIAN: Khoa = Khoa {
    ten: "thoi_gian",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: cua_giay_moi(false),
    mo_ta: "Thời gian, viết như sẽ in.",
    mo_ta_en: "When, written as it is to be printed.",
    vi_du: "\"08 giờ 00, ngày 15 tháng 7 năm 2025\"",
    thay_the: ("", ""),
};

/// `dia_diem`: where the event is.
pub const DIA_DIEM: Khoa = Khoa {
    ten: "dia_diem",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: cua_giay_moi(false),
    mo_ta: "Địa điểm.",
    mo_ta_en: "Where.",
    vi_du: "\"Hội trường Ủy ban nhân dân xã\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    fn gm(kinh_moi: &[&str], chu_tri: Option<&str>) -> GiayMoi {
        GiayMoi {
            trich_yeu: None,
            kinh_moi: kinh_moi.iter().map(|s| (*s).to_owned()).collect(),
            toi_du: "Hội nghị sơ kết".into(),
            chu_tri: chu_tri.map(str::to_owned),
            thoi_gian: "08 giờ 00, ngày 15 tháng 7 năm 2024.".into(),
            dia_diem: "Hội trường Ủy ban nhân dân huyện;".into(),
        }
    }

    #[test]
    fn one_invitee_on_the_line_several_as_dashes_and_the_particulars_after() {
        assert_eq!(
            gm(&["Ông Lò Văn A, Chủ tịch UBND xã"], Some("Chủ tịch UBND huyện"))
                .cac_doan("Ủy ban nhân dân huyện Phong Thổ"),
            [
                "Ủy ban nhân dân huyện Phong Thổ trân trọng kính mời: Ông Lò Văn A, Chủ tịch UBND xã.",
                "Tới dự: Hội nghị sơ kết.",
                "Chủ trì: Chủ tịch UBND huyện.",
                "Thời gian: 08 giờ 00, ngày 15 tháng 7 năm 2024.",
                "Địa điểm: Hội trường Ủy ban nhân dân huyện.",
            ]
        );
        let many = gm(&["Các phòng", "UBND các xã"], None).cac_doan("UBND huyện");
        assert_eq!(many[..3], ["UBND huyện trân trọng kính mời:", "- Các phòng;", "- UBND các xã."]);
        assert_eq!(many.len(), 6);
    }
}
