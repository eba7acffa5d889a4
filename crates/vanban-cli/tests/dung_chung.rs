//! Shared files (`dung_chung`) from the command line: `render` and `render check` on
//! documents that take keys from a profile, the root (`--goc`, a directory argument, the
//! current directory), problems reported in the profile's file and line, and no PDF from a
//! document whose profile is broken.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::stderr;

/// A công văn of `tron/` that takes its agency, place name and signer's title from
/// `chung/xa.toml`.
const DOC: &str = include_str!("../../../tests/fixtures/dung_chung/cong-van.toml");

/// The profile (shared with the reader's tests): line 6 is the agency's abbreviation.
const XA: &str = include_str!("../../../tests/fixtures/dung_chung/xa.toml");

/// `render ARGS` run in `dir`.
fn render(dir: &Path, args: &[&str]) -> Output {
    common::render().current_dir(dir).args(args).output().expect("render runs")
}

/// A tree with `chung/xa.toml` (its text `xa`) and the documents `tron/<name>` of `docs`.
fn tree(xa: &str, docs: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("chung")).unwrap();
    std::fs::create_dir_all(dir.path().join("tron")).unwrap();
    std::fs::write(dir.path().join("chung/xa.toml"), xa).unwrap();
    for name in docs {
        std::fs::write(dir.path().join("tron").join(name), DOC).unwrap();
    }
    dir
}

fn pdf(dir: &Path, name: &str) -> PathBuf {
    dir.join("tron").join(name).with_extension("pdf")
}

#[test]
fn a_document_renders_with_its_profile_from_the_directory_above() {
    let dir = tree(XA, &["doc.toml"]);
    let out = render(dir.path(), &["check", "tron/doc.toml", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = render(dir.path(), &["tron/doc.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(pdf(dir.path(), "doc.toml")).unwrap().starts_with(b"%PDF"));
    // From its own directory, the root is given.
    let out = render(&dir.path().join("tron"), &["check", "doc.toml", "--goc", ".."]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_problem_in_the_profile_names_its_file_and_line_and_writes_no_pdf() {
    let dir = tree(&XA.replace("\"UBND\"", "\"UB ND\""), &["doc.toml"]);
    std::fs::write(pdf(dir.path(), "doc.toml"), b"old").unwrap();
    let out = render(dir.path(), &["tron/doc.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("chung/xa.toml:6:12: lỗi: "), "{err}");
    assert!(err.contains("6 | viet_tat = \"UB ND\""), "{err}");
    assert!(err.contains("khi đọc văn bản tron/doc.toml"), "{err}");
    assert!(!err.contains("tron/doc.toml:6"), "{err}");
    assert_eq!(std::fs::read(pdf(dir.path(), "doc.toml")).unwrap(), b"old");
    // As the user reaches it from the document's directory.
    let out = render(&dir.path().join("tron"), &["check", "doc.toml", "--goc", "..", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("../chung/xa.toml:6:12: error: "), "{err}");
    assert!(err.contains("note: read for the document doc.toml"), "{err}");
}

#[test]
fn json_reports_name_the_profile_and_the_document() {
    let dir = tree(&XA.replace("chuc_vu = \"Chủ tịch\"", "chuc_vu = 5"), &["doc.toml"]);
    let out = render(dir.path(), &["check", "tron/doc.toml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let d = lines.iter().find(|l| l["type"] == "diagnostic").unwrap();
    assert_eq!(d["file"], "chung/xa.toml");
    assert_eq!(d["document"], "tron/doc.toml");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(9), Some(11)));
    assert_eq!(d["code"], "sai-kieu");
    assert_eq!(d["key"], "nguoi_ky.chuc_vu");
}

#[test]
fn lint_findings_in_the_profile_are_placed_there() {
    let dir = tree(&XA.replace("dia_danh = \"Phong Thổ\"", "dia_danh = \"Phong thổ\""), &["doc.toml"]);
    let out = render(dir.path(), &["check", "tron/doc.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = render(dir.path(), &["check", "tron/doc.toml", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("chung/xa.toml:2:19: cảnh báo[hoa-dia-danh]"), "{err}");
}

#[test]
fn the_root_is_the_directory_argument_unless_goc_names_another() {
    let dir = tree(XA, &["a.toml", "b.toml"]);
    // `render tron`: the profile in ../chung is outside the tree named.
    let out = render(dir.path(), &["check", "tron"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("tron/a.toml:1:14: lỗi: “../chung/xa.toml” đi ra ngoài thư mục gốc tron"), "{err}");
    assert!(err.contains("--goc"), "{err}");
    let out = render(dir.path(), &["check", "tron", "--goc", ".", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    // `render .`: the profile, which is no document, is passed over.
    let out = render(dir.path(), &["check", "."]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("chung/xa.toml"), "{}", stderr(&out));
}

#[test]
fn a_file_named_outside_the_current_directory_has_its_own_directory_as_root() {
    let dir = tree(XA, &["doc.toml"]);
    let elsewhere = tempfile::tempdir().unwrap();
    let doc = dir.path().join("tron/doc.toml");
    let doc = doc.to_str().unwrap();
    let out = render(elsewhere.path(), &["check", doc]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("“../chung/xa.toml” đi ra ngoài thư mục gốc"), "{}", stderr(&out));
    let goc = dir.path().to_str().unwrap();
    let out = render(elsewhere.path(), &["check", doc, "--goc", goc]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn worker_processes_read_profiles_too() {
    let names: Vec<String> = (0..6).map(|i| format!("d{i}.toml")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let dir = tree(XA, &refs);
    std::fs::write(dir.path().join("tron/hong.toml"), DOC.replace("xa.toml", "khong-co.toml")).unwrap();
    let out = render(dir.path(), &["tron", "--goc", ".", "-j", "2"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    for name in &names {
        assert!(pdf(dir.path(), name).exists(), "{name}: {}", stderr(&out));
    }
    assert!(!pdf(dir.path(), "hong.toml").exists());
    let err = stderr(&out);
    assert!(
        err.contains("tron/hong.toml:1:14: lỗi: không đọc được tệp dùng chung chung/khong-co.toml"),
        "{err}"
    );
}
