//! Helpers shared by the tests: reading the project's documents and opening DOCX packages.
#![allow(dead_code)]

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use vanban_core::{DangTep, VanBan};

/// The workspace root.
pub fn goc() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Reads the document at `rel` (relative to the workspace root).
pub fn doc(rel: &str) -> VanBan {
    let path = goc().join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dang = if rel.ends_with(".md") { DangTep::Markdown } else { DangTep::Toml };
    vanban_core::parse(&text, dang).unwrap_or_else(|e| panic!("{rel}: {e:?}"))
}

/// The text of part `name` of the package `docx`.
pub fn phan(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("the package opens as a zip");
    let mut f = zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut s = String::new();
    f.read_to_string(&mut s).expect("UTF-8 part");
    s
}

/// The reference documents and the test documents the DOCX writer covers.
pub const TAI_LIEU: &[&str] = &[
    "examples/cong-van.toml",
    "examples/ke-hoach.md",
    "examples/quyet-dinh.toml",
    "examples/quyet-dinh-ban-hanh.toml",
    "examples/phu-luc.toml",
    "examples/ban-sao.toml",
    "examples/nghi-quyet.md",
    "examples/cong-dien.toml",
    "examples/giay-moi.toml",
    "examples/giay-gioi-thieu.toml",
    "examples/giay-nghi-phep.toml",
    "examples/bien-ban.toml",
    "examples/hop-dong.toml",
    "examples/thu-cong.toml",
    "tests/documents/bang.toml",
    "tests/documents/cong-van-hoa-toc.toml",
    "tests/documents/giay-uy-quyen.toml",
    "tests/documents/to-trinh.toml",
    "tests/documents/thong-bao.md",
    KY_SO,
    "examples/ban-sao-dien-tu.toml",
    "examples/phu-luc-dien-tu.toml",
    "examples/quyet-dinh-dien-tu.toml",
];

/// The electronic công văn with the signature and seal images (`[ky_so]`) beside it.
pub const KY_SO: &str = "tests/documents/ky-so/cong-van.toml";

/// The DOCX files of the document at `rel` (the document, then the parts it issues as files
/// of their own), its images (if any) read from its own directory.
pub fn cac_tep(rel: &str) -> Vec<vanban_docx::TepDocx> {
    let dir = goc().join(rel).parent().expect("a file in a directory").to_owned();
    vanban_docx::cac_tep(&doc(rel), Some(&dir)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The DOCX of the document at `rel` itself (without the parts issued as files of their own).
pub fn docx_tep(rel: &str) -> Vec<u8> {
    cac_tep(rel).swap_remove(0).docx
}

/// Plain text of a WordprocessingML part: the `w:t` contents in order, unescaped, each
/// paragraph on a line of its own.
pub fn chu_trong(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        let Some(j) = rest[i..].find('>') else { break };
        let tag = &rest[i + 1..i + j];
        rest = &rest[i + j + 1..];
        if tag.starts_with("w:t")
            && !tag.starts_with("w:tbl")
            && !tag.starts_with("w:tc")
            && !tag.starts_with("w:tr")
            && !tag.starts_with("w:tab")
            && !tag.ends_with('/')
        {
            let end = rest.find("</w:t>").expect("closed w:t");
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if tag == "/w:p" || tag == "w:br/" {
            out.push('\n');
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

pub mod pdf;
