//! The names `render merge --name` gives the PDFs ([`vanban_core::khuon::MauChuoi`] over a
//! row's columns, `"{{ so }}-{{ ho_ten }}"`), made safe for file names on every system.

use unicode_normalization::UnicodeNormalization;

/// The longest name kept, in characters (file systems allow 255 bytes; Vietnamese letters
/// take up to three).
const MAX_CHARS: usize = 80;

/// `raw` as a file name that means the same on Linux, macOS and Windows: Unicode composed
/// (NFC); `/ \ : * ? " < > |` and control characters as `-`; runs of white space as one
/// space; no dot or space at either end; at most [`MAX_CHARS`] characters; a name Windows
/// reserves (`CON`, `NUL`, `COM1` …) prefixed with `_`. `None` when nothing is left.
pub fn an_toan(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut space = false;
    for c in raw.nfc() {
        let c = if c.is_whitespace() {
            ' '
        } else if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
            '-'
        } else {
            c
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    let mut out: String = out.chars().take(MAX_CHARS).collect();
    out = out.trim_matches(|c: char| c == '.' || c.is_whitespace()).to_owned();
    if out.is_empty() {
        return None;
    }
    let base = out.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (base.len() == 4
            && (base.starts_with("COM") || base.starts_with("LPT"))
            && base.as_bytes()[3].is_ascii_digit());
    if reserved {
        out.insert(0, '_');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_on_every_system() {
        assert_eq!(an_toan("15-Nguyễn Văn An").as_deref(), Some("15-Nguyễn Văn An"));
        assert_eq!(an_toan("a/b\\c:d*e?f\"g<h>i|j").as_deref(), Some("a-b-c-d-e-f-g-h-i-j"));
        assert_eq!(an_toan("../../etc/passwd").as_deref(), Some("-..-etc-passwd"));
        assert_eq!(an_toan("  Lê\n\tThị   Bình. ").as_deref(), Some("Lê Thị Bình"));
        assert_eq!(an_toan("CON").as_deref(), Some("_CON"));
        assert_eq!(an_toan("com1.txt").as_deref(), Some("_com1.txt"));
        assert_eq!(an_toan(" . .. "), None);
        assert_eq!(an_toan(&"ă".repeat(500)).map(|s| s.chars().count()), Some(MAX_CHARS));
        // Decomposed input comes out composed.
        assert_eq!(an_toan("Nguye\u{302}\u{303}n").as_deref(), Some("Nguyễn"));
    }
}
