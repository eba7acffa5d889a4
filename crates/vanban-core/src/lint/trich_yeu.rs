//! `vv-trong-trich-yeu`: the template prints `V/v` before a công văn's trích yếu; typing it
//! as well prints `V/v V/v …` or `V/v Về việc …`.

use super::{Lint, Loi, VV_TRONG_TRICH_YEU};
use crate::{Mau, VanBan};

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    let Mau::CongVan(cv) = &van_ban.mau else { return };
    let text = cv.trich_yeu.0.trim_start();
    let lower = text.to_lowercase();
    let Some(typed) = ["v/v", "v.v", "về việc"].into_iter().find(|p| lower.starts_with(p)) else {
        return;
    };
    let typed: String = text.chars().take(typed.chars().count()).collect();
    lint.canh_bao(
        VV_TRONG_TRICH_YEU,
        "trich_yeu",
        Some(&typed),
        Loi {
            vi: format!("trích yếu công văn không cần ghi “{typed}”: mẫu đã in sẵn “V/v” trước trích yếu"),
            en: format!("do not type “{typed}” in a công văn's summary: the template prints “V/v” before it"),
            sua_vi: "bỏ chữ này ở đầu trich_yeu, bắt đầu bằng nội dung (ví dụ: “nâng bậc lương năm 2019”)",
            sua_en: "remove it from the start of trich_yeu and start with the subject (e.g. “nâng bậc lương năm 2019”)",
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{CONG_VAN, ids, with};

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
        let vb = crate::parse(&src, crate::DangTep::Toml).unwrap();
        let d = &crate::lint::kiem_tra(&vb, &src, crate::DangTep::Toml)[0];
        assert_eq!((d.line, d.column), (Some(5), Some(14)));
        assert_eq!(d.muc_do, crate::MucDo::CanhBao);
        assert!(d.message_en.as_deref().unwrap().contains("V/v"));
    }
}
