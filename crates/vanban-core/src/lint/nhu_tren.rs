//! `nhu-tren-khong-kinh-gui` and `nhu-tren-dau-tien`: “Như trên” in Nơi nhận stands for the
//! addressees of the Kính gửi block (of a công điện: the bodies telegraphed), so it needs
//! one, and a document that has one lists it first.

use super::{Lint, Loi, NHU_TREN_DAU_TIEN, NHU_TREN_KHONG_KINH_GUI};
use crate::{Mau, VanBan};

fn la_nhu_tren(s: &str) -> bool {
    let s = s.trim().trim_start_matches('-').trim().trim_end_matches([';', '.', ',']).trim().to_lowercase();
    s == "như trên" || s.starts_with("như trên ")
}

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    let gui = &van_ban.noi_nhan.gui;
    let at = gui.iter().position(|g| la_nhu_tren(g));
    // The addressees "Như trên" stands for: the Kính gửi, or the bodies a công điện is sent to.
    let addressees = van_ban.kinh_gui().is_some() || matches!(van_ban.mau, Mau::CongDien(_));
    // A giấy mời's invitees, the body a giấy giới thiệu is for and the person a giấy nghỉ
    // phép is granted to may be listed as “Như trên”, or by name.
    if matches!(van_ban.mau, Mau::GiayMoi(_) | Mau::GiayGioiThieu(_) | Mau::GiayNghiPhep(_)) {
        return;
    }
    match (addressees.then_some(()), at) {
        (None, Some(i)) => lint.canh_bao(
            NHU_TREN_KHONG_KINH_GUI,
            &format!("noi_nhan.gui[{i}]"),
            None,
            Loi {
                vi: "“Như trên” chỉ những nơi ở phần Kính gửi, nhưng văn bản này không có Kính gửi".into(),
                en: "“Như trên” (as above) stands for the Kính gửi addressees, but this document has none"
                    .into(),
                sua_vi: "ghi tên từng nơi nhận thay cho “Như trên”",
                sua_en: "name each recipient instead of “Như trên”",
            },
        ),
        (Some(_), Some(i)) if i > 0 => lint.canh_bao(
            NHU_TREN_DAU_TIEN,
            &format!("noi_nhan.gui[{i}]"),
            None,
            Loi {
                vi: format!("“Như trên” phải là dòng đầu tiên của Nơi nhận (đang là dòng thứ {})", i + 1),
                en: format!("“Như trên” must be the first recipient line (it is line {})", i + 1),
                sua_vi: "chuyển “Như trên” lên đầu danh sách noi_nhan.gui",
                sua_en: "move “Như trên” to the start of noi_nhan.gui",
            },
        ),
        (Some(_), None) if !gui.is_empty() => lint.canh_bao(
            NHU_TREN_DAU_TIEN,
            "noi_nhan.gui[0]",
            None,
            Loi {
                vi: "văn bản có Kính gửi (công điện: có danh sách dien) thì Nơi nhận bắt đầu bằng “Như trên”".into(),
                en: "a document with a Kính gửi (a công điện: with its dien list) starts its recipient list with “Như trên”".into(),
                sua_vi: "thêm \"Như trên\" làm mục đầu tiên của noi_nhan.gui",
                sua_en: "add \"Như trên\" as the first entry of noi_nhan.gui",
            },
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{CONG_VAN, ids, with, with_in};

    const KE_HOACH: &str = "loai = \"ke-hoach\"\n";

    fn ke_hoach(gui: &str) -> String {
        let src = CONG_VAN
            .replace("loai = \"cong-van\"\n", KE_HOACH)
            .replace("don_vi_soan_thao = \"NV\"\n", "")
            .replace("kinh_gui = [\"Các cơ quan, đơn vị\"]\n", "");
        with_in(&src, "gui", gui)
    }

    #[test]
    fn nhu_tren_without_kinh_gui_is_found() {
        assert_eq!(ids(&ke_hoach("gui = [\"Như trên\", \"Sở Nội vụ\"]")), ["nhu-tren-khong-kinh-gui"]);
        // The typed `;` is vanban's own, named by dau-cau-danh-sach.
        assert_eq!(
            ids(&ke_hoach("gui = [\"Sở Nội vụ\", \"như trên;\"]")),
            ["nhu-tren-khong-kinh-gui", "dau-cau-danh-sach"]
        );
        assert!(ids(&ke_hoach("gui = [\"Sở Nội vụ\"]")).is_empty());
    }

    #[test]
    fn with_kinh_gui_nhu_tren_comes_first() {
        assert!(ids(CONG_VAN).is_empty());
        assert_eq!(ids(&with("gui", "gui = [\"Lãnh đạo UBND huyện\", \"Như trên\"]")), ["nhu-tren-dau-tien"]);
        assert_eq!(ids(&with("gui", "gui = [\"Lãnh đạo UBND huyện\"]")), ["nhu-tren-dau-tien"]);
        assert!(ids(&with("gui", "gui = [\"Như trên (để thực hiện)\", \"Lãnh đạo UBND huyện\"]")).is_empty());
    }

    #[test]
    fn in_a_cong_dien_nhu_tren_stands_for_the_bodies_telegraphed() {
        let src = CONG_VAN
            .replace(
                "loai = \"cong-van\"\n",
                "loai = \"cong-dien\"\ntham_quyen = \"Chủ tịch UBND huyện\"\ndien = [\"Các xã\"]\n",
            )
            .replace("don_vi_soan_thao = \"NV\"\n", "")
            .replace("kinh_gui = [\"Các cơ quan, đơn vị\"]\n", "");
        assert!(ids(&src).is_empty(), "{:?}", ids(&src));
        assert_eq!(ids(&with_in(&src, "gui", "gui = [\"Lãnh đạo UBND huyện\"]")), ["nhu-tren-dau-tien"]);
    }
}
