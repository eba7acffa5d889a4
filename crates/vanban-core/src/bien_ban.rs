//! Biên bản (Mẫu 1.9): the minutes of a meeting: when and where, who attended, who chaired
//! and who kept the minutes, what happened, when it closed; signed by the secretary and the
//! chair side by side.

use crate::LoaiVanBan;
use crate::khoa::{self, Dang, Khoa, Kieu};

use crate::TrichYeu;
use crate::kinh_gui::{bo_dau_cuoi, bo_dau_muc, cac_dong_gach, cham_cuoi};

/// A biên bản: no place-and-date line in the header; type name (and summary, if any), the
/// particulars, the body, the closing line; the secretary (THƯ KÝ, left) and the chair
/// (CHỦ TỌA, right, the document's signer) sign in two columns, Nơi nhận under them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BienBan {
    /// The summary under the type name, if any.
    pub trich_yeu: Option<TrichYeu>,
    /// When it started: `08 giờ 00, ngày 15 tháng 7 năm 2024`.
    pub bat_dau: String,
    /// Where: `Hội trường Ủy ban nhân dân huyện`.
    pub dia_diem: String,
    /// Who attended; at least one entry.
    pub thanh_phan: Vec<String>,
    /// Who chaired it, with their post.
    pub chu_tri: String,
    /// Who kept the minutes, with their post.
    pub thu_ky: String,
    /// When it closed: `11 giờ 30 cùng ngày`.
    pub ket_thuc: String,
    /// What is recorded, as the closing line names it: `Cuộc họp`, `Hội nghị`.
    pub su_kien: String,
    /// The secretary's name, under `THƯ KÝ`.
    pub ho_ten_thu_ky: String,
}

impl BienBan {
    /// The title of the left signature column.
    pub const THU_KY: &'static str = "THƯ KÝ";
    /// The chair's title when the signer gives none.
    pub const CHU_TOA: &'static str = "Chủ tọa";

    /// The particulars as printed, one paragraph each: `Thời gian bắt đầu: ….`,
    /// `Địa điểm: ….`, `Thành phần tham dự: ….` (several: one `- X;` paragraph each, the last
    /// `- Y.`), `Chủ trì: ….`, `Thư ký: ….`, then `Nội dung:` that opens the body.
    pub fn cac_doan(&self) -> Vec<String> {
        let line = |label: &str, v: &str| format!("{label}: {}", cham_cuoi(bo_dau_cuoi(v)));
        let mut out = vec![line("Thời gian bắt đầu", &self.bat_dau), line("Địa điểm", &self.dia_diem)];
        match self.thanh_phan.as_slice() {
            [one] => out.push(line("Thành phần tham dự", bo_dau_muc(one))),
            many => {
                out.push("Thành phần tham dự:".to_owned());
                out.extend(cac_dong_gach(many));
            }
        }
        out.push(line("Chủ trì", &self.chu_tri));
        out.push(line("Thư ký", &self.thu_ky));
        out.push("Nội dung:".to_owned());
        out
    }

    /// The line after the body: `Cuộc họp kết thúc vào 11 giờ 30 cùng ngày./.`
    pub fn dong_ket_thuc(&self) -> String {
        let khi = bo_dau_cuoi(&self.ket_thuc).trim_end_matches(['.', '/']);
        format!("{} kết thúc vào {khi}./.", self.su_kien.trim())
    }
}

/// `[bien_ban]`: the course of the meeting a biên bản records.
pub const BIEN_BAN: Khoa = Khoa {
    ten: "bien_ban",
    kieu: Kieu::Bang(KHOA),
    co_mat: |l| khoa::chi_khi(l == LoaiVanBan::BienBan),
    mo_ta: "Diễn biến cuộc họp.",
    mo_ta_en: "The course of the meeting.",
    vi_du: "{ bat_dau = \"08 giờ 00, ngày 15 tháng 7 năm 2025\", dia_diem = \"Phòng họp số 1\", thanh_phan = [\"Lãnh đạo UBND xã\"], chu_tri = \"Ông Nguyễn Văn A, Chủ tịch UBND xã\", thu_ky = \"Bà Lò Thị B, Chuyên viên\", ho_ten_thu_ky = \"Lò Thị B\", ket_thuc = \"11 giờ 30 cùng ngày\" }",
    thay_the: ("", ""),
};

/// The keys of `[bien_ban]`.
pub const KHOA: &[&Khoa] =
    &[&BAT_DAU, &DIA_DIEM, &THANH_PHAN, &CHU_TRI, &THU_KY, &HO_TEN_THU_KY, &KET_THUC, &SU_KIEN];

/// `bien_ban.bat_dau`.
pub const BAT_DAU: Khoa = Khoa {
    ten: "bat_dau",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Thời gian bắt đầu.",
    mo_ta_en: "When it began.",
    vi_du: "\"08 giờ 00, ngày 15 tháng 7 năm 2025\"",
    thay_the: ("", ""),
};

/// `bien_ban.dia_diem`.
pub const DIA_DIEM: Khoa = Khoa {
    ten: crate::giay_moi::DIA_DIEM.ten,
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Địa điểm.",
    mo_ta_en: "Where.",
    vi_du: "\"Phòng họp số 1, Ủy ban nhân dân xã\"",
    thay_the: ("", ""),
};

/// `bien_ban.thanh_phan`.
pub const THANH_PHAN: Khoa = Khoa {
    ten: "thanh_phan",
    kieu: Kieu::DanhSach { dang: Dang::Tu, it_nhat: 1, muc: "Một thành phần tham dự.", bang: None },
    co_mat: khoa::bat_buoc,
    mo_ta: "Thành phần tham dự: một chuỗi hoặc danh sách, mỗi mục một dòng \"- …;\".",
    mo_ta_en: "Who attended: one string or a list, one line \"- …;\" each.",
    vi_du: "[\"Lãnh đạo UBND xã\", \"Công chức các phòng chuyên môn\"]",
    thay_the: ("", ""),
};

/// `bien_ban.chu_tri`.
pub const CHU_TRI: Khoa = Khoa {
    ten: crate::giay_moi::CHU_TRI.ten,
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Chủ trì (chủ tọa), có chức vụ.",
    mo_ta_en: "The chair, with title.",
    vi_du: "\"Ông Nguyễn Văn A, Chủ tịch UBND xã\"",
    thay_the: ("", ""),
};

/// `bien_ban.thu_ky`.
pub const THU_KY: Khoa = Khoa {
    ten: "thu_ky",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Thư ký (người ghi biên bản), có chức vụ.",
    mo_ta_en: "The secretary (who took the minutes), with title.",
    vi_du: "\"Bà Lò Thị B, Chuyên viên\"",
    thay_the: ("", ""),
};

/// `bien_ban.ho_ten_thu_ky`.
pub const HO_TEN_THU_KY: Khoa = Khoa {
    ten: "ho_ten_thu_ky",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Họ và tên thư ký, in dưới chỗ ký THƯ KÝ.",
    mo_ta_en: "The secretary's full name, printed under the THƯ KÝ signature.",
    vi_du: "\"Lò Thị B\"",
    thay_the: ("", ""),
};

/// `bien_ban.ket_thuc`.
pub const KET_THUC: Khoa = Khoa {
    ten: "ket_thuc",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::bat_buoc,
    mo_ta: "Thời gian kết thúc, in \"Cuộc họp kết thúc vào …./.\".",
    mo_ta_en: "When it ended, printed \"Cuộc họp kết thúc vào …./.\".",
    vi_du: "\"11 giờ 30 cùng ngày\"",
    thay_the: ("", ""),
};

/// `bien_ban.su_kien`.
pub const SU_KIEN: Khoa = Khoa {
    ten: "su_kien",
    kieu: Kieu::Chuoi(Dang::Tu),
    co_mat: khoa::tuy_chon,
    mo_ta: "Tên sự kiện ở dòng kết thúc (mặc định \"Cuộc họp\").",
    mo_ta_en: "The event's name in the closing line (\"Cuộc họp\" by default).",
    vi_du: "\"Hội nghị\"",
    thay_the: ("", ""),
};

#[cfg(test)]
mod tests {
    use super::*;

    fn bien_ban(thanh_phan: &[&str]) -> BienBan {
        BienBan {
            trich_yeu: None,
            bat_dau: "08 giờ 00, ngày 15 tháng 7 năm 2024".into(),
            dia_diem: "Phòng họp số 1, Ủy ban nhân dân huyện".into(),
            thanh_phan: thanh_phan.iter().map(|s| s.to_string()).collect(),
            chu_tri: "Ông Nguyễn Văn Minh, Chủ tịch Ủy ban nhân dân huyện".into(),
            thu_ky: "Bà Lò Thị Hoa, Chuyên viên Văn phòng".into(),
            ket_thuc: "11 giờ 30 cùng ngày.".into(),
            su_kien: "Cuộc họp".into(),
            ho_ten_thu_ky: "Lò Thị Hoa".into(),
        }
    }

    #[test]
    fn the_particulars_as_the_template_words_them() {
        let b = bien_ban(&["Lãnh đạo Ủy ban nhân dân huyện", "Trưởng các phòng chuyên môn;"]);
        assert_eq!(
            b.cac_doan(),
            [
                "Thời gian bắt đầu: 08 giờ 00, ngày 15 tháng 7 năm 2024.",
                "Địa điểm: Phòng họp số 1, Ủy ban nhân dân huyện.",
                "Thành phần tham dự:",
                "- Lãnh đạo Ủy ban nhân dân huyện;",
                "- Trưởng các phòng chuyên môn.",
                "Chủ trì: Ông Nguyễn Văn Minh, Chủ tịch Ủy ban nhân dân huyện.",
                "Thư ký: Bà Lò Thị Hoa, Chuyên viên Văn phòng.",
                "Nội dung:",
            ]
        );
        assert_eq!(
            bien_ban(&["Các thành viên Ban"]).cac_doan()[2],
            "Thành phần tham dự: Các thành viên Ban."
        );
    }

    #[test]
    fn the_closing_line_ends_the_text() {
        assert_eq!(bien_ban(&["x"]).dong_ket_thuc(), "Cuộc họp kết thúc vào 11 giờ 30 cùng ngày./.");
        let mut b = bien_ban(&["x"]);
        b.ket_thuc = "16 giờ 00./.".into();
        b.su_kien = "Hội nghị".into();
        assert_eq!(b.dong_ket_thuc(), "Hội nghị kết thúc vào 16 giờ 00./.");
    }
}
