//! Text as the decree prints it: NFC-normalised, trimmed, checked for printability.

use unicode_normalization::UnicodeNormalization;

use crate::ValueError;

/// Normalises `s` to NFC and trims it; refuses empty text, text longer than
/// [`FIELD_CHARS`](crate::limits::FIELD_CHARS) and the characters [`kiem_tra_ky_tu`] refuses
/// (tabs become spaces).
pub(crate) fn van_ban(s: &str) -> Result<String, ValueError> {
    let count = s.chars().count();
    if count > crate::limits::FIELD_CHARS {
        return Err(ValueError::QuaDai(count));
    }
    let s: String = s.nfc().collect();
    let s = s.trim();
    if s.is_empty() {
        return Err(ValueError::Empty);
    }
    kiem_tra_ky_tu(s)?;
    Ok(s.replace('\t', " "))
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

/// Bidirectional marks, embeddings, overrides and isolates, and the line and paragraph
/// separators: characters that change how the text around them is displayed.
pub(crate) fn an_hien_thi(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
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
    fn empty_and_control_characters_are_refused() {
        assert_eq!(van_ban("   "), Err(ValueError::Empty));
        assert_eq!(van_ban("a\u{7}b"), Err(ValueError::KyTuDieuKhien(7)));
        assert_eq!(van_ban("a\u{85}b"), Err(ValueError::KyTuDieuKhien(0x85)));
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
