//! Text as XML: the one escaping every XML the crates write goes through (the DOCX package,
//! the PDF's XMP record), so a field's `<w:p>`, `&` or `"` is always printed as itself.

/// `s` as XML character data or attribute value: `& < > " '` escaped; characters XML 1.0
/// cannot carry at all (C0 controls other than tab and line feed, U+FFFE, U+FFFF) are left
/// out, since no reader could open a file holding them. Tab and line feed are kept.
pub fn thoat(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thoat;

    #[test]
    fn markup_prints_as_itself_and_what_xml_cannot_carry_is_left_out() {
        assert_eq!(thoat(r#"<w:p>a & "b" 'c' ]]>"#), "&lt;w:p&gt;a &amp; &quot;b&quot; &apos;c&apos; ]]&gt;");
        assert_eq!(thoat("a\u{1}b\tc\nd\u{FFFF}"), "ab\tc\nd");
        assert_eq!(thoat("Việt Nam {{ x }} # $"), "Việt Nam {{ x }} # $");
    }
}
