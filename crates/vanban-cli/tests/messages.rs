//! What `render` tells a user about a bad image, a table too wide, a character typed as an
//! escape, a command line mistyped: the key, the place, in the user's language.

use std::path::{Path, PathBuf};

mod common;
use common::{render, repo, stderr};

/// A PNG made of `chunks` (kind, data) after the signature, each with its CRC.
fn png(chunks: &[(&[u8], Vec<u8>)]) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in chunks {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc = crc32fast::Hasher::new();
        crc.update(kind);
        crc.update(data);
        out.extend(*kind);
        out.extend(data);
        out.extend(crc.finalize().to_be_bytes());
    }
    out
}

/// An IHDR record: size, bit depth, colour type 6 (RGBA).
fn ihdr(w: u32, h: u32, depth: u8) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend(w.to_be_bytes());
    d.extend(h.to_be_bytes());
    d.extend([depth, 6, 0, 0, 0]);
    d
}

/// The electronic công văn of the tests in `dir`, its signature replaced by `signature`.
fn with_signature(dir: &Path, signature: &[u8]) -> PathBuf {
    for name in ["cong-van.toml", "dau.png"] {
        std::fs::copy(repo("tests/documents/ky-so").join(name), dir.join(name)).unwrap();
    }
    std::fs::write(dir.join("chu-ky.png"), signature).unwrap();
    dir.join("cong-van.toml")
}

#[test]
fn a_damaged_png_is_named_by_its_key_and_file() {
    let good = std::fs::read(repo("tests/documents/ky-so/chu-ky.png")).unwrap();
    // The real signature with its image data cut to half, every record still well formed.
    let mut chunks: Vec<(&[u8], Vec<u8>)> = Vec::new();
    let mut at = 8;
    while at + 8 <= good.len() {
        let len = u32::from_be_bytes(good[at..at + 4].try_into().unwrap()) as usize;
        let kind: &[u8] = &good[at + 4..at + 8];
        let mut data = good[at + 8..at + 8 + len].to_vec();
        if kind == b"IDAT" {
            data.truncate(len / 2);
        }
        chunks.push((kind, data));
        at += 12 + len;
    }
    let dir = tempfile::tempdir().unwrap();
    let doc = with_signature(dir.path(), &png(&chunks));
    for (lang, words) in [("vi", "bị hỏng"), ("en", "damaged")] {
        let out = render().arg(&doc).args(["--lang", lang]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("ky_so.chu_ky") && err.contains("chu-ky.png") && err.contains(words), "{err}");
        assert!(!err.contains(".typ") && !err.contains("nhóm phát triển"), "{err}");
        assert!(err.contains("cong-van.toml:"), "no place: {err}");
    }
    assert!(!dir.path().join("cong-van.pdf").exists());
}

#[test]
fn an_image_too_large_once_decoded_is_refused_before_decoding() {
    let dir = tempfile::tempdir().unwrap();
    for (w, h, depth) in [(10_000, 10_000, 8), (4_000, 4_000, 8), (2_600, 2_600, 16)] {
        let doc = with_signature(
            dir.path(),
            &png(&[(b"IHDR", ihdr(w, h, depth)), (b"IDAT", vec![0; 16]), (b"IEND", vec![])]),
        );
        let out = render().arg(&doc).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(&format!("{w} × {h}")) && err.contains("48 MB"), "{err}");
        assert!(err.contains("ky_so.chu_ky"), "{err}");
    }
}

#[test]
fn a_table_too_wide_is_placed_on_its_row_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("bang.toml");
    let base = std::fs::read_to_string(repo("examples/cong-van.toml")).unwrap();
    for columns in [20, 60] {
        let head: Vec<String> = (1..=columns).map(|i| format!("Cột số {i}")).collect();
        let row: Vec<String> = (1..=columns).map(|i| format!("{i}.250.000.000")).collect();
        let table =
            format!("| {} |\n|{}\n| {} |\n\n", head.join(" | "), "---|".repeat(columns), row.join(" | "));
        let text = base.replacen("noi_dung = \"\"\"\n", &format!("noi_dung = \"\"\"\n{table}"), 1);
        std::fs::write(&doc, &text).unwrap();
        let out = render().arg(&doc).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(&format!("bảng có {columns} cột")), "{err}");
        let line = text.lines().position(|l| l.starts_with("| Cột số 1 ")).unwrap() + 1;
        let row_line = line + 2;
        assert!(
            err.contains(&format!("bang.toml:{line}:")) || err.contains(&format!("bang.toml:{row_line}:")),
            "not placed on the table: {err}"
        );
        assert!(!err.contains("noi_dung = "), "placed on the key: {err}");
    }
}

#[test]
fn a_character_typed_as_an_escape_is_placed_where_it_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("cv.toml");
    let base = std::fs::read_to_string(repo("examples/cong-van.toml")).unwrap();
    for escape in [r"\U0001F600", r"\u4E2D", r"\u4e2d"] {
        let text = base.replacen("trich_yeu = \"", &format!("trich_yeu = \"{escape} "), 1);
        std::fs::write(&doc, &text).unwrap();
        let out = render().arg(&doc).output().unwrap();
        let err = stderr(&out);
        let line = text.lines().position(|l| l.starts_with("trich_yeu")).unwrap() + 1;
        assert!(err.contains(&format!("cv.toml:{line}:")), "{escape}: {err}");
    }
}

#[test]
fn command_line_mistakes_are_told_in_vietnamese_or_english() {
    let cases: [&[&str]; 4] =
        [&["--khong-co", "a.toml"], &["-j", "0", "a.toml"], &["--lang", "fr", "a.toml"], &["check"]];
    for args in cases {
        let out = render().args(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("lỗi: "), "{args:?}: {err}");
        assert!(!err.contains("error:") && !err.contains("Usage:"), "{args:?}: {err}");
        let out = render().args(args).args(["--lang", "en"]).output().unwrap();
        if args[0] != "--lang" {
            assert!(stderr(&out).starts_with("error: "), "{args:?}: {}", stderr(&out));
        }
    }
    let out = render().args(["--khong-co", "--format", "json"]).output().unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["type"], "usage-error");
}
