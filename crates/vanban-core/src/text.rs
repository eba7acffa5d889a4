//! Text as the decree prints it: NFC-normalised, trimmed, checked for printability.

use unicode_normalization::UnicodeNormalization;

use crate::ValueError;

/// Normalises `s` to NFC and trims it; refuses empty text and control characters other than
/// tab and newline (tabs become spaces).
pub(crate) fn van_ban(s: &str) -> Result<String, ValueError> {
    let s: String = s.nfc().collect();
    let s = s.trim();
    if s.is_empty() {
        return Err(ValueError::Empty);
    }
    kiem_tra_ky_tu(s)?;
    Ok(s.replace('\t', " "))
}

/// Refuses control characters other than tab and newline.
pub(crate) fn kiem_tra_ky_tu(s: &str) -> Result<(), ValueError> {
    match s.chars().find(|c| c.is_control() && *c != '\n' && *c != '\t') {
        Some(c) => Err(ValueError::KyTuDieuKhien(c as u32)),
        None => Ok(()),
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
    fn empty_and_control_characters_are_refused() {
        assert_eq!(van_ban("   "), Err(ValueError::Empty));
        assert_eq!(van_ban("a\u{7}b"), Err(ValueError::KyTuDieuKhien(7)));
    }

    #[test]
    fn capitals_keep_vietnamese_marks() {
        assert_eq!(in_hoa("Ủy ban nhân dân huyện Phong Thổ"), "ỦY BAN NHÂN DÂN HUYỆN PHONG THỔ");
    }
}
