//! `ket-thuc-noi-dung`: every template of Phụ lục III ends the body with `./.` (a biên bản
//! ends with its closing line, which the renderer words).

use super::{KET_THUC_NOI_DUNG, Lint, Loi};
use crate::{Khoi, Mau, VanBan};

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    // A biên bản's closing line (`Cuộc họp kết thúc vào …./.`) follows its body and ends it.
    if matches!(van_ban.mau, Mau::BienBan(_)) {
        return;
    }
    let Some(last) = van_ban.noi_dung.0.last() else { return };
    let text = match last {
        Khoi::DoanVan(d) | Khoi::TieuDe { noi_dung: d, .. } => d.plain(),
        // The end mark goes in the paragraph after a table.
        Khoi::Bang(_) => String::new(),
    };
    let end = text.trim_end();
    if end.ends_with("./.") {
        return;
    }
    let tail: String = {
        let chars: Vec<char> = end.chars().collect();
        chars[chars.len().saturating_sub(20)..].iter().collect()
    };
    lint.canh_bao(
        KET_THUC_NOI_DUNG,
        crate::khoa::NOI_DUNG.ten,
        Some(tail.as_str()),
        Loi {
            vi: format!("nội dung không kết thúc bằng “./.” (đoạn cuối: “…{tail}”)"),
            en: format!("the body does not end with “./.” (last paragraph: “…{tail}”)"),
            sua_vi: "thêm “./.” vào cuối đoạn cuối cùng, thay cho dấu chấm",
            sua_en: "end the last paragraph with “./.” instead of the full stop",
        },
    );
}

#[cfg(test)]
mod tests {
    use crate::lint::test_util::{CONG_VAN, ids};

    #[test]
    fn a_body_without_the_end_mark_is_found() {
        for end in ["thực hiện.", "thực hiện", "thực hiện./", "**thực hiện**"] {
            let src = CONG_VAN.replace("thực hiện./.", end);
            assert_eq!(ids(&src), ["ket-thuc-noi-dung"], "{end}");
        }
    }

    #[test]
    fn the_end_mark_is_enough_wherever_the_last_paragraph_is() {
        assert!(ids(CONG_VAN).is_empty());
        let src = CONG_VAN.replace("thực hiện./.", "thực hiện./.   \n\n");
        assert!(ids(&src).is_empty());
        let src = CONG_VAN.replace("thực hiện./.", "thực hiện.\n\n1. Một việc./.");
        assert!(ids(&src).is_empty());
    }
}
