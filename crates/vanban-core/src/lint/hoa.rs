//! `hoa-dia-danh` and `hoa-ten-co-quan`: capitalisation of place and agency names
//! (Phụ lục II). A place name capitalises every syllable of the proper name; an agency
//! name is written as in running text (the header prints it in capitals) with the proper
//! name after an administrative unit capitalised (`huyện Phong Thổ`).

use super::{HOA_DIA_DANH, HOA_TEN_CO_QUAN, Lint, Loi};
use crate::VanBan;

/// Words naming a kind of administrative unit, written before its proper name.
const DON_VI_HANH_CHINH: &[&str] =
    &["thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "đặc khu"];

/// Words that may follow a unit word without being a name (`thành phố thuộc tỉnh`), or make
/// a word of it (`xã hội`, `Tỉnh ủy`, `Huyện đoàn`, `xã đội`).
const KHONG_PHAI_TEN: &[&str] =
    &["thuộc", "trực", "và", "các", "có", "mới", "cũ", "hội", "ủy", "uỷ", "đoàn", "đội"];

pub(crate) fn kiem_tra(van_ban: &VanBan, lint: &mut Lint<'_>) {
    let Some(dia_danh) = van_ban.dia_danh.as_deref() else { return };
    if let Some(word) = dia_danh_thuong(dia_danh) {
        lint.canh_bao(
            HOA_DIA_DANH,
            crate::khoa::DIA_DANH.ten,
            Some(&word),
            Loi {
                vi: format!(
                    "địa danh “{dia_danh}”: viết hoa chữ cái đầu mỗi âm tiết của tên riêng (“{word}”)"
                ),
                en: format!(
                    "place name “{dia_danh}”: capitalise every syllable of the proper name (“{word}”)"
                ),
                sua_vi: "ví dụ: “Phong Thổ”, “Hà Nội”, “Thành phố Hồ Chí Minh”, “Quận 1”",
                sua_en: "e.g. “Phong Thổ”, “Hà Nội”, “Thành phố Hồ Chí Minh”, “Quận 1”",
            },
        );
    }
    use crate::co_quan::{CHU_QUAN, CO_QUAN, TEN};
    let lines = [
        (crate::khoa::duong(&[&CO_QUAN, &CHU_QUAN]), &van_ban.co_quan.chu_quan),
        (crate::khoa::duong(&[&CO_QUAN, &TEN]), &van_ban.co_quan.ten),
    ];
    for (key, lines) in lines {
        for (i, line) in lines.iter().enumerate() {
            let key = format!("{key}[{i}]");
            if toan_chu_hoa(line) {
                lint.canh_bao(
                    HOA_TEN_CO_QUAN,
                    &key,
                    None,
                    Loi {
                        vi: format!("tên cơ quan “{line}” gõ toàn chữ in hoa"),
                        en: format!("the agency name “{line}” is typed in capitals"),
                        sua_vi: "gõ như trong câu văn (“Ủy ban nhân dân”, “huyện Phong Thổ”): phần đầu văn bản tự in hoa, còn những chỗ khác cần đúng chữ hoa, chữ thường theo Phụ lục II",
                        sua_en: "type it as in running text (“Ủy ban nhân dân”, “huyện Phong Thổ”): the header prints it in capitals, other places need Phụ lục II's capitalisation",
                    },
                );
            } else if i == 0 && chu_dau(line).is_some_and(char::is_lowercase) {
                lint.canh_bao(
                    HOA_TEN_CO_QUAN,
                    &key,
                    None,
                    Loi {
                        vi: format!("tên cơ quan “{line}” phải viết hoa chữ cái đầu"),
                        en: format!("the agency name “{line}” must start with a capital letter"),
                        sua_vi: "ví dụ: “Ủy ban nhân dân”, “Sở Tài chính”",
                        sua_en: "e.g. “Ủy ban nhân dân”, “Sở Tài chính”",
                    },
                );
            } else if let Some(word) = ten_rieng_thuong(line) {
                lint.canh_bao(
                    HOA_TEN_CO_QUAN,
                    &key,
                    Some(&word),
                    Loi {
                        vi: format!("trong “{line}”, tên riêng của đơn vị hành chính phải viết hoa (“{word}”)"),
                        en: format!("in “{line}”, the proper name of the administrative unit must be capitalised (“{word}”)"),
                        sua_vi: "ví dụ: “huyện Phong Thổ”, “tỉnh Sơn La”",
                        sua_en: "e.g. “huyện Phong Thổ”, “tỉnh Sơn La”",
                    },
                );
            }
        }
    }
}

fn chu_dau(word: &str) -> Option<char> {
    word.chars().find(|c| c.is_alphanumeric())
}

/// The number of words of the unit word `text` starts with (`Thành phố Hồ…` → 2).
fn don_vi_o_dau(words: &[&str]) -> usize {
    for unit in DON_VI_HANH_CHINH {
        let n = unit.split(' ').count();
        if words.len() > n && words[..n].join(" ").to_lowercase() == *unit {
            return n;
        }
    }
    0
}

/// The first syllable of a place name that is not capitalised.
fn dia_danh_thuong(dia_danh: &str) -> Option<String> {
    let words: Vec<&str> = dia_danh.split_whitespace().collect();
    let skip = don_vi_o_dau(&words);
    let mut rest = words.iter().enumerate().filter(|&(i, _)| i == 0 || i >= skip);
    rest.find(|(_, w)| chu_dau(w).is_some_and(char::is_lowercase)).map(|(_, w)| (*w).to_owned())
}

/// A line of two or more words in capitals only (`ỦY BAN NHÂN DÂN`).
fn toan_chu_hoa(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    words.len() >= 2 && !line.chars().any(char::is_lowercase)
}

/// The first word after an administrative unit word that should start a proper name but
/// is in lower case (`huyện phong thổ` → `phong`).
fn ten_rieng_thuong(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for i in 0..words.len() {
        let n = don_vi_o_dau(&words[i..]);
        if n == 0 || words[i + n - 1].ends_with([',', ';', ':']) {
            continue;
        }
        // Inside a name a unit word is written in lower case (`Ủy ban nhân dân xã Phong Thổ`):
        // a capitalised one there is a word of the name (`Phòng Văn hóa - Xã hội`).
        if i > 0 && chu_dau(words[i]).is_some_and(char::is_uppercase) {
            continue;
        }
        let next = words[i + n];
        let lower = next.to_lowercase();
        if KHONG_PHAI_TEN.contains(&lower.trim_matches(|c: char| !c.is_alphanumeric())) {
            continue;
        }
        if chu_dau(next).is_some_and(char::is_lowercase) {
            return Some(next.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::test_util::{CONG_VAN, ids, with};

    #[test]
    fn a_unit_word_inside_another_word_is_not_a_place() {
        for line in
            ["Phòng Văn hóa - Xã hội", "Ban Tuyên giáo Tỉnh ủy", "Ban Chỉ huy Quân sự xã đội", "Huyện đoàn"]
        {
            assert_eq!(ten_rieng_thuong(line), None, "{line}");
        }
        assert_eq!(ten_rieng_thuong("Ủy ban nhân dân xã phong Thổ").as_deref(), Some("phong"));
    }

    #[test]
    fn place_names() {
        for ok in [
            "Phong Thổ",
            "Hà Nội",
            "Thành phố Hồ Chí Minh",
            "Quận 1",
            "Phường 3",
            "Vũng Tàu",
            "Thị xã Sơn Tây",
        ] {
            assert_eq!(dia_danh_thuong(ok), None, "{ok}");
        }
        for (bad, word) in
            [("Phong thổ", "thổ"), ("hà Nội", "hà"), ("Thành phố hồ Chí Minh", "hồ"), ("Vũng tàu", "tàu")]
        {
            assert_eq!(dia_danh_thuong(bad).as_deref(), Some(word), "{bad}");
        }
        assert_eq!(ids(&with("dia_danh", "dia_danh = \"Phong thổ\"")), ["hoa-dia-danh"]);
        assert!(ids(CONG_VAN).is_empty());
    }

    #[test]
    fn agency_names() {
        assert!(toan_chu_hoa("ỦY BAN NHÂN DÂN"));
        assert!(!toan_chu_hoa("UBND"));
        assert!(!toan_chu_hoa("Ủy ban nhân dân"));
        assert_eq!(ten_rieng_thuong("huyện phong thổ").as_deref(), Some("phong"));
        assert_eq!(ten_rieng_thuong("Hội đồng nhân dân tỉnh sơn La").as_deref(), Some("sơn"));
        assert_eq!(ten_rieng_thuong("Ủy ban nhân dân thành phố thuộc tỉnh"), None);
        assert_eq!(ten_rieng_thuong("Ủy ban nhân dân các xã, thị trấn"), None);
        assert_eq!(ten_rieng_thuong("Ủy ban nhân dân Quận 1"), None);
        for (line, n) in [
            ("ten = [\"ỦY BAN NHÂN DÂN\", \"HUYỆN PHONG THỔ\"]", 2),
            ("ten = [\"ủy ban nhân dân\", \"huyện Phong Thổ\"]", 1),
            ("ten = [\"Ủy ban nhân dân\", \"huyện phong Thổ\"]", 1),
            ("ten = [\"Ủy ban nhân dân huyện Phong Thổ\"]", 0),
            ("ten = [\"Sở Tài chính\"]", 0),
        ] {
            let found = ids(&with("ten", line));
            assert_eq!(found.len(), n, "{line}: {found:?}");
            assert!(found.iter().all(|id| *id == "hoa-ten-co-quan"), "{found:?}");
        }
    }
}
