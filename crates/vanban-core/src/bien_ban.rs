//! Biên bản (Mẫu 1.9): the minutes of a meeting: when and where, who attended, who chaired
//! and who kept the minutes, what happened, when it closed; signed by the secretary and the
//! chair side by side.

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
