//! Text as the decree prints it: NFC-normalised, trimmed, checked for printability.

use unicode_normalization::UnicodeNormalization;

use crate::ValueError;

/// Normalises `s` to NFC and trims it; refuses empty text, text longer than
/// [`FIELD_CHARS`](crate::limits::FIELD_CHARS) and the characters [`kiem_tra_ky_tu`] refuses;
/// tabs and line breaks become spaces.
pub(crate) fn van_ban(s: &str) -> Result<String, ValueError> {
    let count = s.chars().count();
    if count > crate::limits::FIELD_CHARS {
        return Err(ValueError::QuaDai(count));
    }
    let s: String = s.nfc().collect();
    let s = s.trim();
    if s.chars().all(vo_hinh) {
        return Err(ValueError::Empty);
    }
    kiem_tra_ky_tu(&s.replace('\r', ""))?;
    if let Some(c) = dau_dung_rieng(s) {
        return Err(ValueError::DauDungRieng(c as u32));
    }
    // One-line fields: a line break typed inside one is a space.
    let s = s.split(['\t', '\r', '\n']).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ");
    Ok(bo_ky_tu_an(&s))
}

/// Refuses control characters other than tab and newline (and the Unicode line and
/// paragraph separators), the invisible bidirectional
/// formatting characters, which can make printed text read differently from the file, and
/// the zero-width characters ([`dinh_chu`]), which glue the words around them together in
/// print. (A byte order mark at the very start of a file is dropped before this.)
pub(crate) fn kiem_tra_ky_tu(s: &str) -> Result<(), ValueError> {
    for c in s.chars() {
        if (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}') {
            return Err(ValueError::KyTuDieuKhien(c as u32));
        }
        if an_hien_thi(c) {
            return Err(ValueError::KyTuDoiHuong(c as u32));
        }
        if dinh_chu(c) {
            return Err(ValueError::KyTuVoHinh(c as u32));
        }
    }
    Ok(())
}

/// Zero-width characters that print nothing and take no room: zero-width space and
/// (non-)joiners, word joiner and the invisible operators, the Mongolian vowel separator, and
/// a byte order mark inside text. Between two letters they make the words on either side
/// print as one (`Phường\u{200B}xã` prints `Phườngxã`), though an editor may show a gap.
pub(crate) fn dinh_chu(c: char) -> bool {
    matches!(c, '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// The first character of `s` that [`kiem_tra_ky_tu`] refuses, with its byte offset.
pub(crate) fn ky_tu_bi_tu_choi(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| kiem_tra_ky_tu(c.encode_utf8(&mut [0; 4])).is_err())
}

/// `s` without soft hyphens (U+00AD), which word processors leave in pasted text:
/// Vietnamese is never hyphenated, so a soft hyphen would only let a syllable break across
/// lines with a printed hyphen. (Byte order marks inside text are refused by
/// [`kiem_tra_ky_tu`]; one that gets here is dropped all the same.)
pub(crate) fn bo_ky_tu_an(s: &str) -> String {
    s.replace(['\u{00AD}', '\u{FEFF}'], "")
}

/// Whether `s` prints nothing: only white space and zero-width characters.
pub(crate) fn trong(s: &str) -> bool {
    s.chars().all(vo_hinh)
}

/// A combining mark with no letter to sit on: at the start, or after white space or an
/// invisible character. (Typing tools that mix Unicode and legacy encodings leave these.)
pub(crate) fn dau_dung_rieng(s: &str) -> Option<char> {
    let mut before: Option<char> = None;
    for c in s.chars() {
        if dau_ket_hop(c) && before.is_none_or(vo_hinh) {
            return Some(c);
        }
        before = Some(c);
    }
    None
}

/// Whether `c` is a combining mark (general category M), of any script. Latin letters,
/// Vietnamese's precomposed ones among them, are answered without the Unicode table.
pub fn dau_ket_hop(c: char) -> bool {
    c >= '\u{0300}'
        && !('\u{1E00}'..='\u{1EFF}').contains(&c)
        && unicode_normalization::char::is_combining_mark(c)
}

/// Whether `c` prints nothing: white space, zero-width spaces and joiners, soft hyphen, byte
/// order mark. Text made only of them is empty.
pub fn vo_hinh(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Bidirectional marks, embeddings, overrides and isolates, and the line and paragraph
/// separators: characters that change how the text around them is displayed.
pub(crate) fn an_hien_thi(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// `s` cut to at most 60 characters, for quoting a value in a message.
pub(crate) fn ngan(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// Capitalises text the way the decree writes agency names and titles (in hoa).
pub fn in_hoa(s: &str) -> String {
    let upper: String = s.to_uppercase();
    upper.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_input_becomes_nfc() {
        let nfd = "U\u{0309}y ban"; // "Ủy ban" with a combining hook above
        assert_eq!(van_ban(nfd).unwrap(), "Ủy ban");
    }

    #[test]
    fn line_breaks_become_spaces_and_soft_hyphens_go() {
        assert_eq!(van_ban("Sở\r\nNội\tvụ\n").unwrap(), "Sở Nội vụ");
        assert_eq!(van_ban("Phường\u{00AD}xã").unwrap(), "Phườngxã");
    }

    #[test]
    fn empty_and_control_characters_are_refused() {
        assert_eq!(van_ban("   "), Err(ValueError::Empty));
        assert_eq!(van_ban("\u{200B}\u{FEFF} \u{00AD}"), Err(ValueError::Empty));
        assert_eq!(van_ban("a\u{7}b"), Err(ValueError::KyTuDieuKhien(7)));
        assert_eq!(van_ban("a\u{85}b"), Err(ValueError::KyTuDieuKhien(0x85)));
    }

    #[test]
    fn a_mark_without_a_letter_is_refused() {
        assert_eq!(van_ban("Nguy\u{0303} en"), Ok("Nguỹ en".into()));
        assert_eq!(van_ban("Nguyen \u{0303}"), Err(ValueError::DauDungRieng(0x303)));
        assert_eq!(van_ban("\u{0301}a"), Err(ValueError::DauDungRieng(0x301)));
        // The zero-width space the mark follows is refused first.
        assert_eq!(van_ban("m\u{200B}\u{0300}d"), Err(ValueError::KyTuVoHinh(0x200B)));
    }

    #[test]
    fn zero_width_characters_inside_text_are_refused() {
        // They print nothing, so the words around them print glued together.
        assert_eq!(van_ban("Phường\u{200B}xã"), Err(ValueError::KyTuVoHinh(0x200B)));
        assert_eq!(van_ban("Phường\u{FEFF}xã"), Err(ValueError::KyTuVoHinh(0xFEFF)));
        assert_eq!(van_ban("a\u{200D}b"), Err(ValueError::KyTuVoHinh(0x200D)));
        assert_eq!(van_ban("a\u{2060}b"), Err(ValueError::KyTuVoHinh(0x2060)));
        assert_eq!(van_ban("Phong Thổ\u{200B}"), Err(ValueError::KyTuVoHinh(0x200B)));
        assert_eq!(ky_tu_bi_tu_choi("ab\u{200B}c"), Some((2, '\u{200B}')));
        assert_eq!(ky_tu_bi_tu_choi("Thổ"), None);
        // Text made of nothing else is empty, as before.
        assert_eq!(van_ban("\u{200B}"), Err(ValueError::Empty));
    }

    #[test]
    fn bidirectional_controls_are_refused() {
        // "Trojan source": an override makes the printed order differ from the file's.
        assert_eq!(van_ban("Số \u{202E}321\u{202C}"), Err(ValueError::KyTuDoiHuong(0x202E)));
        assert_eq!(van_ban("a\u{200F}b"), Err(ValueError::KyTuDoiHuong(0x200F)));
        assert_eq!(van_ban("a\u{2067}b"), Err(ValueError::KyTuDoiHuong(0x2067)));
    }

    #[test]
    fn fields_longer_than_the_limit_are_refused() {
        let max = crate::limits::FIELD_CHARS;
        assert!(van_ban(&"ạ".repeat(max)).is_ok());
        assert_eq!(van_ban(&"ạ".repeat(max + 1)), Err(ValueError::QuaDai(max + 1)));
    }

    #[test]
    fn capitals_keep_vietnamese_marks() {
        assert_eq!(in_hoa("Ủy ban nhân dân huyện Phong Thổ"), "ỦY BAN NHÂN DÂN HUYỆN PHONG THỔ");
    }
}
