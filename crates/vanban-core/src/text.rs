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
/// paragraph separators), and the invisible bidirectional
/// formatting characters, which can make printed text read differently from the file.
pub(crate) fn kiem_tra_ky_tu(s: &str) -> Result<(), ValueError> {
    for c in s.chars() {
        if (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}') {
            return Err(ValueError::KyTuDieuKhien(c as u32));
        }
        if an_hien_thi(c) {
            return Err(ValueError::KyTuDoiHuong(c as u32));
        }
    }
    Ok(())
}

/// `s` without soft hyphens (U+00AD) and byte order marks (U+FEFF), which word processors
/// and editors leave in pasted text: Vietnamese is never hyphenated, so a soft hyphen would
/// only let a syllable break across lines with a printed hyphen; a byte order mark inside
/// text means nothing.
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
        assert_eq!(van_ban("Phường\u{00AD}xã\u{FEFF}").unwrap(), "Phườngxã");
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
        assert_eq!(van_ban("m\u{200B}\u{0300}d"), Err(ValueError::DauDungRieng(0x300)));
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
