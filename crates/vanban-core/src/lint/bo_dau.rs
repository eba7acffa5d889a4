//! `bo-dau-lan-lon`: tone marks placed in the old style (`hòa`, `khỏe`, `thúy`) and the new
//! style (`hoà`, `khoẻ`, `thuý`) in one document. Either is readable; mixing them looks
//! like two documents pasted together, and a search for one misses the other.

use super::{BO_DAU_LAN_LON, Lint, Loi};
use crate::{Chu, VanBan};

/// How the tone mark of an open `oa`, `oe` or `uy` syllable is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kieu {
    /// On the first vowel: `hòa`.
    Cu,
    /// On the second vowel: `hoà`.
    Moi,
}

const O: &str = "òóỏõọ";
const U: &str = "ùúủũụ";
const A: &str = "àáảãạ";
const E: &str = "èéẻẽẹ";
const Y: &str = "ỳýỷỹỵ";

/// The style of one word, if its last syllable is an open `oa`, `oe` or `uy` with a mark.
fn kieu(word: &str) -> Option<Kieu> {
    let w: Vec<char> = word.to_lowercase().chars().filter(|c| c.is_alphabetic()).collect();
    let n = w.len();
    if n < 2 {
        return None;
    }
    let (a, b) = (w[n - 2], w[n - 1]);
    // `quý`, `quá`: the u belongs to the consonant qu.
    if n >= 3 && w[n - 3] == 'q' {
        return None;
    }
    if (O.contains(a) && (b == 'a' || b == 'e')) || (U.contains(a) && b == 'y') {
        Some(Kieu::Cu)
    } else if (a == 'o' && (A.contains(b) || E.contains(b))) || (a == 'u' && Y.contains(b)) {
        Some(Kieu::Moi)
    } else {
        None
    }
}

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    let mut cu: Vec<String> = Vec::new();
    let mut moi: Vec<String> = Vec::new();
    let mut see = |text: &str| {
        for word in text.split(|c: char| !c.is_alphabetic()) {
            match kieu(word) {
                Some(Kieu::Cu) if !cu.iter().any(|w| w == word) => cu.push(word.to_owned()),
                Some(Kieu::Moi) if !moi.iter().any(|w| w == word) => moi.push(word.to_owned()),
                _ => {}
            }
        }
    };
    for t in fields(van_ban) {
        see(t);
    }
    for k in &van_ban.noi_dung.0 {
        for d in k.dong() {
            for c in &d.0 {
                if let Chu::Van { text, .. } = c {
                    see(text);
                }
            }
        }
    }
    if cu.is_empty() || moi.is_empty() {
        return;
    }
    // Point at the style used less.
    let (few, many) = if cu.len() <= moi.len() { (&cu, &moi) } else { (&moi, &cu) };
    let show = |v: &Vec<String>| v.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    let (few_s, many_s) = (show(few), show(many));
    lint.canh_bao_o(
        BO_DAU_LAN_LON,
        &few[0],
        Loi {
            vi: format!("cách bỏ dấu thanh không thống nhất: “{few_s}” nhưng “{many_s}”"),
            en: format!("tone marks are placed two ways: “{few_s}” but “{many_s}”"),
            sua_vi: "chọn một kiểu (hòa/hoà, khỏe/khoẻ, thúy/thuý) và sửa các từ còn lại cho giống",
            sua_en: "choose one style (hòa/hoà, khỏe/khoẻ, thúy/thuý) and make the other words match",
        },
    );
}

/// Every one-line text field of the document.
fn fields(v: &VanBan) -> impl Iterator<Item = &str> {
    let one = [v.dia_danh.as_deref(), v.trich_yeu().map(|t| t.0.as_str())];
    let kinh_gui = v.kinh_gui().map(|k| k.0.as_slice()).unwrap_or_default();
    one.into_iter()
        .flatten()
        .chain(v.co_quan.chu_quan.iter().map(String::as_str))
        .chain(v.co_quan.ten.iter().map(String::as_str))
        .chain(kinh_gui.iter().map(String::as_str))
        .chain(v.noi_nhan.gui.iter().map(String::as_str))
        .chain(v.nguoi_ky.quyen_han.iter().map(|q| q.ten.as_str()))
        .chain([v.nguoi_ky.chuc_vu.as_str(), v.nguoi_ky.ho_ten.as_str()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::test_util::{CONG_VAN, ids};

    #[test]
    fn styles_of_words() {
        for w in ["hòa", "khỏe", "thúy", "Hòa", "xõa", "Ủy"] {
            assert_eq!(kieu(w), Some(Kieu::Cu), "{w}");
        }
        for w in ["hoà", "khoẻ", "thuý", "HOÀ", "Uỷ"] {
            assert_eq!(kieu(w), Some(Kieu::Moi), "{w}");
        }
        for w in ["quý", "quá", "hoàng", "huỳnh", "hoa", "nhân", "a"] {
            assert_eq!(kieu(w), None, "{w}");
        }
    }

    #[test]
    fn mixing_is_found_and_one_style_is_clean() {
        let one = CONG_VAN.replace("thực hiện./.", "hòa giải, sức khỏe./.");
        assert!(ids(&one).is_empty());
        // “Ủy” is old style too: the new style writes “Uỷ”.
        let other = CONG_VAN.replace("thực hiện./.", "hoà giải, sức khoẻ./.").replace("Ủy", "Uỷ");
        assert!(ids(&other).is_empty());
        let mixed = CONG_VAN.replace("thực hiện./.", "hòa giải, sức khoẻ, hòa hợp./.");
        assert_eq!(ids(&mixed), ["bo-dau-lan-lon"]);
        let (vb, vi_tri) = crate::doc(&mixed, crate::DangTep::Toml).unwrap();
        let d = &crate::lint::kiem_tra(&vb, &mixed, &vi_tri)[0];
        assert!(d.message.contains("khoẻ") && d.message.contains("hòa"), "{}", d.message);
        // Placed on the minority word.
        let line = d.source_line.as_deref().unwrap();
        let col = d.column.unwrap() - 1;
        assert!(line.chars().skip(col).collect::<String>().starts_with("khoẻ"), "{line}");
    }
}
