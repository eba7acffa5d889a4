//! `vv-trong-trich-yeu`: the template prints `V/v` before a công văn's trích yếu; typing it
//! as well prints `V/v V/v …` or `V/v Về việc …`. Every other type prints its trích yếu as
//! typed, right under its type name, where `V/v`, the công văn's abbreviation, does not
//! belong: `TỜ TRÌNH` / `V/v đề nghị …`. (No template prints `Về việc` itself, and the decree's
//! Mẫu 1.1, 1.2 and 1.6 write the summary `Về việc …` in full, so `Về việc` typed under a
//! type name is not doubled and is left alone.)

use super::{Lint, Loi, VV_TRONG_TRICH_YEU};
use crate::{Mau, VanBan};

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    let Some(trich_yeu) = van_ban.trich_yeu() else { return };
    let cong_van = matches!(van_ban.mau, Mau::CongVan(_));
    let text = trich_yeu.0.trim_start();
    let lower = text.to_lowercase();
    let prefixes: &[&str] = if cong_van { &["v/v", "v.v", "về việc"] } else { &["v/v", "v.v"] };
    let Some(typed) = prefixes.iter().find(|p| lower.starts_with(*p)) else {
        return;
    };
    let typed: String = text.chars().take(typed.chars().count()).collect();
    let loai = van_ban.loai();
    let (ten, slug) = (loai.ten_loai().to_lowercase(), loai.slug());
    let loi = if cong_van {
        Loi {
            vi: format!("trích yếu công văn không cần ghi “{typed}”: mẫu đã in sẵn “V/v” trước trích yếu"),
            en: format!("do not type “{typed}” in a công văn's summary: the template prints “V/v” before it"),
            sua_vi: "bỏ chữ này ở đầu trich_yeu, bắt đầu bằng nội dung (ví dụ: “nâng bậc lương năm 2019”)",
            sua_en: "remove it from the start of trich_yeu and start with the subject (e.g. “nâng bậc lương năm 2019”)",
        }
    } else {
        Loi {
            vi: format!(
                "trích yếu của {ten} không ghi “{typed}”: “V/v” chỉ đứng trước trích yếu công văn; {ten} in trích yếu ngay dưới tên loại"
            ),
            en: format!(
                "do not type “{typed}” in the summary of a {slug}: “V/v” stands only before a công văn's summary; a {slug} prints its summary right under the type name"
            ),
            sua_vi: "bỏ chữ “V/v” ở đầu trich_yeu, hoặc viết đầy đủ “Về việc …”",
            sua_en: "remove “V/v” from the start of trich_yeu, or write “Về việc …” in full",
        }
    };
    lint.canh_bao(VV_TRONG_TRICH_YEU, crate::khoa::TRICH_YEU.ten, Some(&typed), loi);
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{CONG_VAN, ids, with, with_in};

    #[test]
    fn v_v_typed_in_the_summary_is_found() {
        for typed in ["V/v triển khai", "v/v triển khai", "Về việc triển khai", "V.v triển khai"]
        {
            let src = with("trich_yeu", &format!("trich_yeu = \"{typed}\""));
            assert_eq!(ids(&src), ["vv-trong-trich-yeu"], "{typed}");
        }
    }

    #[test]
    fn a_summary_that_only_mentions_it_is_clean() {
        let src = with("trich_yeu", "trich_yeu = \"triển khai V/v cũ về việc thi đua\"");
        assert!(ids(&src).is_empty());
        assert!(ids(CONG_VAN).is_empty());
    }

    #[test]
    fn the_finding_is_placed_on_the_value() {
        let src = with("trich_yeu", "trich_yeu = \"V/v triển khai\"");
        let (vb, vi_tri) = crate::doc(&src, crate::DangTep::Toml).unwrap();
        let d = &crate::lint::kiem_tra(&vb, &src, &vi_tri)[0];
        assert_eq!((d.line, d.column), (Some(5), Some(14)));
        assert_eq!(d.muc_do, crate::MucDo::CanhBao);
        assert!(d.message_en.as_deref().unwrap().contains("V/v"));
    }

    /// The base công văn as a document of type `loai` (`extra`: the keys that type needs).
    fn as_type(loai: &str, extra: &str, trich_yeu: &str) -> String {
        let src = CONG_VAN
            .replace("loai = \"cong-van\"\n", &format!("loai = \"{loai}\"\n{extra}"))
            .replace("don_vi_soan_thao = \"NV\"\n", "");
        with_in(&src, "trich_yeu", &format!("trich_yeu = \"{trich_yeu}\""))
    }

    #[test]
    fn v_v_under_another_types_name_is_found_and_names_the_type() {
        // Issue 19: a tờ trình's `V/v` went unflagged.
        let src = as_type("to-trinh", "", "V/v đề nghị phê duyệt kế hoạch");
        assert_eq!(ids(&src), ["vv-trong-trich-yeu"]);
        let (vb, vi_tri) = crate::doc(&src, crate::DangTep::Toml).unwrap();
        let d = &crate::lint::kiem_tra(&vb, &src, &vi_tri)[0];
        assert!(d.message.contains("trích yếu của tờ trình"), "{}", d.message);
        assert!(d.message_en.as_deref().unwrap().contains("a to-trinh"));
        // (Without Kính gửi, the base document's “Như trên” is found as well.)
        let vv = |src: &str| ids(src).into_iter().filter(|id| *id == "vv-trong-trich-yeu").count();
        let src = as_type("ke-hoach", "", "v.v triển khai");
        assert_eq!(vv(&src.replace("kinh_gui = [\"Các cơ quan, đơn vị\"]\n", "")), 1);
        let qd = "tham_quyen = \"Chủ tịch UBND huyện\"\ncan_cu = [\"Căn cứ Luật A\"]\n";
        let src = as_type("quyet-dinh", qd, "V/v thành lập Ban Chỉ đạo")
            .replace("kinh_gui = [\"Các cơ quan, đơn vị\"]\n", "")
            .replace("Ủy ban nhân dân huyện đề nghị các cơ quan thực hiện./.", "Điều 1. Thành lập./.");
        assert_eq!(vv(&src), 1);
    }

    #[test]
    fn ve_viec_under_a_type_name_is_not_doubled_and_is_clean() {
        // The templates print the summary of a typed document as typed: “Về việc” is the
        // author's own, as Mẫu 1.1, 1.2 and 1.6 write it.
        let src = as_type("to-trinh", "", "Về việc đề nghị phê duyệt kế hoạch");
        assert!(ids(&src).is_empty(), "{:?}", ids(&src));
    }
}
