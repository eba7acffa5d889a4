//! Where `render` writes, and what it never writes over: no output replaces a document or an
//! image of the run, by any name; previews are outputs like PDFs; `-o -` is standard output;
//! a closed pipe or a full disk on standard output loses nothing.

use std::path::{Path, PathBuf};
use std::process::Stdio;

mod common;
use common::{cong_van, render, repo, stderr};

/// The electronic công văn of the tests, with its images, copied into `dir`.
fn ky_so(dir: &Path) -> PathBuf {
    for name in ["cong-van.toml", "chu-ky.png", "dau.png"] {
        std::fs::copy(repo("tests/documents/ky-so").join(name), dir.join(name)).unwrap();
    }
    dir.join("cong-van.toml")
}

#[test]
fn an_output_never_replaces_the_input_by_any_name() {
    let dir = tempfile::tempdir().unwrap();
    let doc = cong_van(dir.path(), "doc.toml");
    let original = std::fs::read(&doc).unwrap();
    let md = dir.path().join("kh.md");
    std::fs::copy(repo("examples/ke-hoach.md"), &md).unwrap();
    let soft = dir.path().join("soft.toml");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&doc, &soft).unwrap();
    let hard = dir.path().join("hard.toml");
    std::fs::hard_link(&doc, &hard).unwrap();
    let dotted = dir.path().join(".").join("doc.toml");
    let absolute = std::fs::canonicalize(&doc).unwrap();
    let cases: Vec<(&Path, &Path)> = vec![
        (&doc, &doc),
        (&doc, &dotted),
        (&doc, &absolute),
        (&doc, &soft),
        (&doc, &hard),
        (&md, &md),
        (&soft, &doc),
    ];
    for (input, output) in cases {
        let out = render().current_dir(dir.path()).arg(input).arg("-o").arg(output).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{} -o {}: {}",
            input.display(),
            output.display(),
            stderr(&out)
        );
        assert!(stderr(&out).contains("không ghi"), "{}", stderr(&out));
    }
    // Relative, as typed in the directory.
    let out = render().current_dir(dir.path()).args(["doc.toml", "-o", "./doc.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::read(&doc).unwrap(), original, "the document was changed");
    assert!(std::fs::read(&md).unwrap().starts_with(b"+++"), "the Markdown document was changed");
}

#[test]
fn an_output_never_replaces_an_image_the_documents_use() {
    let dir = tempfile::tempdir().unwrap();
    let doc = ky_so(dir.path());
    let signature = std::fs::read(dir.path().join("chu-ky.png")).unwrap();
    // The PDF onto the signature; a preview named as the signature.
    let out = render().arg(&doc).arg("-o").arg(dir.path().join("chu-ky.png")).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("ảnh"), "{}", stderr(&out));
    std::fs::rename(dir.path().join("chu-ky.png"), dir.path().join("cong-van-1.png")).unwrap();
    let text = std::fs::read_to_string(&doc).unwrap().replace("chu-ky.png", "cong-van-1.png");
    std::fs::write(&doc, text).unwrap();
    let out = render().arg(&doc).args(["--png", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.path().join("cong-van-1.png")).unwrap(),
        signature,
        "the signature was replaced"
    );
    assert!(!dir.path().join("cong-van.pdf").exists(), "a PDF was written by a failed run");
    // An image another document of the run uses is protected as well: `khac.toml`'s preview
    // would be `x.toml`'s signature.
    let other = cong_van(dir.path(), "khac.toml");
    std::fs::write(dir.path().join("khac-1.png"), &signature).unwrap();
    let x = dir.path().join("x.toml");
    let text = std::fs::read_to_string(&doc).unwrap().replace("cong-van-1.png", "khac-1.png");
    std::fs::write(&x, text).unwrap();
    let out = render().arg(&other).arg(&x).args(["--png", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("x.toml"), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.path().join("khac-1.png")).unwrap(), signature);
    assert!(dir.path().join("x.pdf").exists(), "the other document was not rendered");
}

#[test]
fn two_outputs_of_one_run_never_collide() {
    // A separate part of one document and the PDF of another have the same name.
    let dir = tempfile::tempdir().unwrap();
    for name in ["phu-luc-dien-tu.toml", "chu-ky.png", "dau.png"] {
        std::fs::copy(repo("examples").join(name), dir.path().join(name)).unwrap();
    }
    cong_van(dir.path(), "phu-luc-dien-tu.phu-luc-II.toml");
    let out = render().arg(dir.path()).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("phu-luc-dien-tu.phu-luc-II.pdf"), "{err}");
    // The công văn's PDF is written; the other document wrote nothing, not even its own PDF.
    assert!(!dir.path().join("phu-luc-dien-tu.pdf").exists());
    assert!(dir.path().join("phu-luc-dien-tu.phu-luc-II.pdf").exists());
}

#[test]
fn previews_are_written_whole_and_replace_older_previews() {
    let dir = tempfile::tempdir().unwrap();
    let doc = cong_van(dir.path(), "cv.toml");
    std::fs::write(dir.path().join("cv-1.png"), b"an old preview").unwrap();
    let out = render().arg(&doc).args(["--png", "1", "--svg", "1"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(dir.path().join("cv-1.png")).unwrap().starts_with(b"\x89PNG"));
    assert!(std::fs::read_to_string(dir.path().join("cv-1.svg")).unwrap().contains("<svg"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "temporary files left: {names:?}");
}

#[test]
fn dash_is_standard_output_and_a_directory_is_not_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let doc = cong_van(dir.path(), "cv.toml");
    let out = render().current_dir(dir.path()).args(["cv.toml", "-o", "-"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"%PDF-"), "standard output holds no PDF");
    assert!(out.stdout.ends_with(b"%%EOF\n") || out.stdout.ends_with(b"%%EOF"), "the PDF is cut short");
    assert!(!dir.path().join("-").exists(), "a file named - was written");
    let out = render().arg(&doc).arg("-o").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--out-dir"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("Not a directory"), "{}", stderr(&out));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_and_leaves_only_complete_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        cong_van(dir.path(), &format!("cv-{i:02}.toml"));
    }
    for args in [&["-j", "2"][..], &["check", "-j", "2"]] {
        let mut child = render()
            .args(args)
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line, as `head -1` does, then close the pipe.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 1];
        let _ = std::io::Read::read(&mut stdout, &mut first);
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert!(!stderr(&out).contains("panicked"), "{args:?}: {}", stderr(&out));
        assert_ne!(out.status.code(), Some(101), "{args:?}: {}", stderr(&out));
        assert!(out.status.success(), "{args:?}: {:?} {}", out.status, stderr(&out));
    }
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.starts_with(".vanban-"), "temporary file left: {name}");
        if name.ends_with(".pdf") {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"),
                "{name} is incomplete"
            );
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_an_error_message_and_the_pdfs_are_written() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        cong_van(dir.path(), &format!("cv-{i}.toml"));
    }
    for args in [&[][..], &["check"]] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = render().args(args).arg(dir.path()).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("ổ đĩa đã đầy"), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    for i in 0..3 {
        assert!(std::fs::read(dir.path().join(format!("cv-{i}.pdf"))).unwrap().starts_with(b"%PDF-"));
    }
}
