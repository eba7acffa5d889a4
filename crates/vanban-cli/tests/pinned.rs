//! Today's behaviour pinned, so that moving the document schema to a single definition
//! (and any later refactoring) shows every difference it makes: the schema, every skeleton
//! of `render new`, and the bytes of every PDF the examples and test documents give.
//!
//! A difference fails the test with a diff; accept a deliberate one with
//! `cargo insta review` (or `INSTA_UPDATE=always`) and explain it in the commit.

use std::path::{Path, PathBuf};

use vanban_core::LoaiVanBan;

mod common;
use common::render;

fn root() -> PathBuf {
    common::repo("")
}

/// `render ARGS` in `dir`, which must succeed; its standard output.
fn render_ok(dir: &Path, args: &[&str]) -> String {
    let out = render().current_dir(dir).args(args).output().expect("render runs");
    assert!(out.status.success(), "render {args:?}: {}", common::stderr(&out));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn the_schema() {
    insta::assert_snapshot!(render_ok(&root(), &["schema"]));
}

#[test]
fn the_schema_of_a_shared_file() {
    insta::assert_snapshot!(render_ok(&root(), &["schema", "--dung-chung"]));
}

#[test]
fn every_skeleton_in_both_forms_and_languages() {
    // The skeleton is dated this year: the year is masked so the snapshot outlives it.
    use chrono::Datelike;
    let nam = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).year().to_string();
    for loai in LoaiVanBan::ALL {
        for markdown in [false, true] {
            for lang in ["vi", "en"] {
                let mut args = vec!["new", loai.slug(), "-o", "-", "--lang", lang];
                if markdown {
                    args.push("--markdown");
                }
                let text = render_ok(&root(), &args).replace(&nam, "{NAM}");
                let form = if markdown { "md" } else { "toml" };
                insta::assert_snapshot!(format!("new-{}-{form}-{lang}", loai.slug()), text);
            }
        }
    }
}

/// `pdf` with the identifiers of the document masked: the `/ID` pair of the trailer and the
/// XMP DocumentID and InstanceID, which hash the template data. A change in how the data
/// is put together (the same document printed the same) changes only them; everything
/// printed, and every other byte, is still compared.
fn without_ids(pdf: &[u8]) -> Vec<u8> {
    let mut out = pdf.to_vec();
    let patterns = [
        regex::bytes::Regex::new(r"/ID\[(\([^)]*\))(\([^)]*\))\]").unwrap(),
        regex::bytes::Regex::new(r"xmpMM:(?:Document|Instance)ID>([^<]*)<").unwrap(),
    ];
    for re in &patterns {
        for caps in re.captures_iter(pdf) {
            for m in caps.iter().skip(1).flatten() {
                out[m.start()..m.end()].fill(b'0');
            }
        }
    }
    out
}

/// The PDFs `render DIR --out-dir OUT` writes, each with its length and CRC-32 (identifiers
/// masked, [`without_ids`]).
fn pdfs_of(dir: &Path) -> String {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap().to_owned();
    render_ok(&root(), &[dir.to_str().unwrap(), "--out-dir", &out_dir, "-j", "1"]);
    let mut names: Vec<PathBuf> = walk(out.path());
    names.sort();
    let mut listing = String::new();
    for path in names {
        let bytes = without_ids(&std::fs::read(&path).unwrap());
        let rel = path.strip_prefix(out.path()).unwrap().display().to_string().replace('\\', "/");
        listing.push_str(&format!("{rel}: {} bytes, crc32 {:08x}\n", bytes.len(), crc32fast::hash(&bytes)));
    }
    listing
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_bytes_of_every_example_pdf() {
    insta::assert_snapshot!(pdfs_of(&root().join("examples")));
}

#[test]
fn the_bytes_of_every_test_document_pdf() {
    insta::assert_snapshot!(pdfs_of(&root().join("tests/documents")));
}
