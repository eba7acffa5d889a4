//! The JSON form of a document file: every example, turned into JSON, renders to the same
//! bytes as the example itself, and the JSON Schema that `render schema` writes beside the
//! documents is passed over, not taken for a broken document.

mod common;

use common::{render, stderr};
use std::path::{Path, PathBuf};
use std::process::Output;

fn run(args: &[&std::ffi::OsStr]) -> Output {
    render().args(args).output().expect("render runs")
}

fn examples() -> PathBuf {
    common::repo("examples")
}

/// The JSON twin of a document file, as text.
fn twin(path: &Path) -> String {
    serde_json::to_string_pretty(&common::document(path)).unwrap()
}

/// The files of a directory, by name, with their bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// The JSON Schema of the document file, as `render schema` writes it.
fn schema() -> Vec<u8> {
    let out = run(&["schema".as_ref()]);
    assert!(out.status.success(), "{}", stderr(&out));
    out.stdout
}

#[test]
fn every_example_as_json_renders_the_same_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let (src, js) = (dir.path().join("src"), dir.path().join("json"));
    std::fs::create_dir_all(&src).unwrap();
    std::fs::create_dir_all(&js).unwrap();
    let mut documents = 0;
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        match path.extension().and_then(|e| e.to_str()) {
            Some("toml" | "md") => {
                std::fs::copy(&path, src.join(&name)).unwrap();
                std::fs::write(js.join(path.with_extension("json").file_name().unwrap()), twin(&path))
                    .unwrap();
                documents += 1;
            }
            Some("png") => {
                std::fs::copy(&path, src.join(&name)).unwrap();
                std::fs::copy(&path, js.join(&name)).unwrap();
            }
            _ => {}
        }
    }
    assert!(documents >= 2, "the examples were not found");
    // The schema beside the JSON documents, as the skeleton advises: passed over.
    std::fs::write(js.join("vanban.schema.json"), schema()).unwrap();
    let (out_src, out_js) = (dir.path().join("pdf-src"), dir.path().join("pdf-json"));
    for (from, to) in [(&src, &out_src), (&js, &out_js)] {
        let out = run(&[from.as_os_str(), "--out-dir".as_ref(), to.as_os_str()]);
        assert!(out.status.success(), "{}: {}", from.display(), stderr(&out));
    }
    let (a, b) = (files(&out_src), files(&out_js));
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b));
    // Every document's PDF, and the PDFs of its separate parts.
    assert!(a.len() > documents, "{:?}", names(&a));
    assert!(a.iter().all(|(n, _)| n.ends_with(".pdf")), "{:?}", names(&a));
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name}: the PDF from JSON differs from the PDF from the example");
    }
}

#[test]
fn check_passes_a_json_document_beside_the_schema_and_refuses_the_schema_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cong-van.json"), twin(&examples().join("cong-van.toml"))).unwrap();
    let schema_path = dir.path().join("vanban.schema.json");
    std::fs::write(&schema_path, schema()).unwrap();
    // The same schema under a name that does not say so: known by its `$schema`.
    std::fs::write(dir.path().join("luoc-do.json"), schema()).unwrap();
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));

    // Named on the command line, a schema is an error that says what it is.
    let out = run(&["check".as_ref(), schema_path.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("không phải văn bản"), "{}", stderr(&out));
    let out = run(&["--lang".as_ref(), "en".as_ref(), schema_path.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a document"), "{}", stderr(&out));
}

#[test]
fn a_broken_json_document_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = twin(&examples().join("cong-van.toml")).replacen("\"UBND\"", "\"UBND\",", 1);
    let path = dir.path().join("cong-van.json");
    std::fs::write(&path, &text).unwrap();
    let line = text[..text.find("\"UBND\",").unwrap()].lines().count();
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("cong-van.json:{line}:")), "{err}");
    assert!(err.contains("lỗi cú pháp JSON"), "{err}");
}
