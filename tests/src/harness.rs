//! What must hold for any input at all: the bodies of the fuzz targets (`fuzz/`), also run
//! over the seed corpus and every past finding by the test suite.
//!
//! Any input either becomes a PDF or is refused with located problems; it never panics,
//! and a refusal is never a template failure (which would be a bug in vanban).

use unicode_normalization::is_nfc;
use vanban_core::{DangTep, Diagnostics, VanBan};
use vanban_render::{PdfOptions, RenderError};

use crate::renderer;

/// Parses `data` as a document file of form `dang` and checks the result: a document's text
/// is NFC; a refusal names at least one problem, each with a message and a place inside the
/// file, and formats without failing.
pub fn parse(data: &[u8], dang: DangTep) -> Option<VanBan> {
    match vanban_core::parse_bytes(data, dang) {
        Ok(van_ban) => {
            let body = van_ban.noi_dung.plain();
            assert!(is_nfc(&body), "body text is not NFC: {body:?}");
            assert!(!van_ban.noi_dung.0.is_empty(), "a document without a body was accepted");
            Some(van_ban)
        }
        Err(diagnostics) => {
            check_refusal(data, &diagnostics);
            None
        }
    }
}

fn check_refusal(data: &[u8], diagnostics: &Diagnostics) {
    assert!(!diagnostics.0.is_empty(), "refused without a reason");
    let lines = data.split(|&b| b == b'\n').count();
    for d in diagnostics.iter() {
        assert!(!d.message.trim().is_empty(), "a problem without a message: {d:?}");
        if let Some(line) = d.line {
            assert!(line >= 1 && line <= lines, "line {line} outside a file of {lines} lines: {d:?}");
        }
        if let Some(column) = d.column {
            assert!(column >= 1, "column {column}: {d:?}");
        }
    }
    let shown = diagnostics.display_with("tệp.toml");
    assert!(shown.len() <= diagnostics.0.len() * 2_000 + 2_000, "a message too long to read");
}

/// The whole path from bytes to PDF, as `render` takes it: the form is sniffed from the
/// content, the document parsed, laid out and written (with no directory, so a document
/// that names images is refused). Refusals by the renderer name a
/// character or a text that occurs in the document.
pub fn render(data: &[u8]) {
    let dang = std::str::from_utf8(data).map(DangTep::sniff).unwrap_or(DangTep::Toml);
    let Some(van_ban) = parse(data, dang) else { return };
    match renderer().layout(&van_ban) {
        Ok(layout) => {
            assert!(layout.page_count() >= 1);
            let pdf = layout.pdf(&PdfOptions::default()).unwrap_or_else(|e| panic!("PDF export failed: {e}"));
            assert!(pdf.starts_with(b"%PDF-") && pdf.trim_ascii_end().ends_with(b"%%EOF"), "a truncated PDF");
        }
        Err(RenderError::MissingGlyph { character, .. }) => {
            // The character is in the document, typed (perhaps in lower case: names are
            // printed in capitals) or as a TOML escape (`\U0001F389`).
            let source = String::from_utf8_lossy(data).to_lowercase();
            let typed = |c: char| source.contains(c) || source.contains(&format!("{:04x}", c as u32));
            assert!(
                typed(character)
                    || character.to_lowercase().any(typed)
                    || format!("{van_ban:?}").contains(character),
                "refused a character that is not in the document: {character:?}"
            );
        }
        Err(RenderError::Overflow { text, .. } | RenderError::BangQuaRong { text, .. }) => {
            assert!(!text.is_empty())
        }
        // Read from bytes, a document has no directory to take images from.
        Err(RenderError::Image { path, .. }) => {
            assert!(van_ban.ky_so.is_some(), "an image error for a document without images: {path}")
        }
        Err(e) => panic!("render failed: {e}"),
    }
}
