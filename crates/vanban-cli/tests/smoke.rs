//! The `render` binary, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn render(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_render")).args(args).output().expect("render runs")
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn renders_both_examples_beside_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["cong-van.toml", "ke-hoach.md"] {
        std::fs::copy(example(name), dir.path().join(name)).unwrap();
    }
    let cv = dir.path().join("cong-van.toml");
    let kh = dir.path().join("ke-hoach.md");
    let out = render(&[&cv, &kh]);
    assert!(out.status.success(), "{}", stderr(&out));
    for pdf in ["cong-van.pdf", "ke-hoach.pdf"] {
        let bytes = std::fs::read(dir.path().join(pdf)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{pdf} is not a PDF");
    }
    // No temporary files left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
}

#[test]
fn output_path_and_pdf_a() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("ra.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_render"))
        .arg(example("cong-van.toml"))
        .arg("-o")
        .arg(&out_path)
        .arg("--pdf-a")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&out_path).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("pdfaid:part"));
}

#[test]
fn check_validates_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let cv = dir.path().join("cong-van.toml");
    std::fs::copy(example("cong-van.toml"), &cv).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_render")).arg("check").arg(&cv).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("hợp lệ"));
    assert!(!dir.path().join("cong-van.pdf").exists());
}

/// One bad-input class: the example công văn with `from` replaced by `to`.
struct Bad {
    what: &'static str,
    from: &'static str,
    to: &'static str,
    /// Text the message must contain (a key, or `file:line`).
    mentions: &'static [&'static str],
}

const BAD: &[Bad] = &[
    Bad {
        what: "TOML syntax",
        from: "loai = \"cong-van\"",
        to: "loai = \"cong-van",
        mentions: &["cong-van.toml:3:"],
    },
    Bad {
        what: "unknown key",
        from: "trich_yeu =",
        to: "trich_yue =",
        mentions: &["trich_yue", "trich_yeu", "cong-van.toml:7:"],
    },
    Bad {
        what: "impossible date",
        from: "ngay = \"2024\"",
        to: "ngay = \"2023-02-30\"",
        mentions: &["ngay", "cong-van.toml:6:"],
    },
    Bad {
        what: "unknown type",
        from: "loai = \"cong-van\"",
        to: "loai = \"cong-vann\"",
        mentions: &["loai", "cong-van", "cong-van.toml:3:"],
    },
    Bad {
        what: "bad authority prefix",
        from: "\"TM. Ủy ban nhân dân\"",
        to: "\"TM Ủy ban nhân dân\"",
        mentions: &["quyen_han", "TM."],
    },
    Bad {
        what: "missing required field",
        from: "ho_ten = \"Trần Bảo Trung\"",
        to: "",
        mentions: &["ho_ten"],
    },
    Bad {
        what: "bad number (zero)",
        from: "loai = \"cong-van\"",
        to: "loai = \"cong-van\"\nso = 0",
        mentions: &["so", "cong-van.toml:4:"],
    },
    Bad {
        what: "bad number (text)",
        from: "loai = \"cong-van\"",
        to: "loai = \"cong-van\"\nso = \"năm\"",
        mentions: &["so", "cong-van.toml:4:"],
    },
];

#[test]
fn every_bad_input_class_fails_cleanly_and_keeps_the_old_pdf() {
    let good = std::fs::read_to_string(example("cong-van.toml")).unwrap();
    for bad in BAD {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cong-van.toml");
        assert!(good.contains(bad.from), "{}: pattern not in the example", bad.what);
        std::fs::write(&file, good.replacen(bad.from, bad.to, 1)).unwrap();
        let pdf = dir.path().join("cong-van.pdf");
        std::fs::write(&pdf, b"previous PDF").unwrap();
        let out = render(&[&file]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{}: exit status {:?}\n{err}", bad.what, out.status);
        assert!(!err.contains("panicked"), "{}: panic\n{err}", bad.what);
        for m in bad.mentions {
            assert!(err.contains(m), "{}: message does not mention “{m}”:\n{err}", bad.what);
        }
        assert_eq!(
            std::fs::read(&pdf).unwrap(),
            b"previous PDF",
            "{}: the existing PDF was touched",
            bad.what
        );
        let check = Command::new(env!("CARGO_BIN_EXE_render")).arg("check").arg(&file).output().unwrap();
        assert_eq!(check.status.code(), Some(1), "{}: check accepted it", bad.what);
    }
}

#[test]
fn several_problems_are_reported_at_once() {
    let good = std::fs::read_to_string(example("cong-van.toml")).unwrap();
    let bad = good
        .replace("trich_yeu =", "trich_yue =")
        .replace("ngay = \"2024\"", "ngay = \"2024-13\"")
        .replace("TM. Ủy", "XX. Ủy");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cong-van.toml");
    std::fs::write(&file, bad).unwrap();
    let out = render(&[&file]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    for key in ["trich_yue", "ngay", "quyen_han"] {
        assert!(err.contains(key), "“{key}” not reported:\n{err}");
    }
    assert!(!dir.path().join("cong-van.pdf").exists());
}

#[test]
fn a_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.toml");
    std::fs::copy(example("cong-van.toml"), &good).unwrap();
    let bad = dir.path().join("b.toml");
    std::fs::write(&bad, "loai = 1").unwrap();
    let out = render(&[&bad, &good]);
    assert_eq!(out.status.code(), Some(1));
    assert!(dir.path().join("a.pdf").exists());
    assert!(!dir.path().join("b.pdf").exists());
}

#[test]
fn usage_errors() {
    let missing = Path::new("/nonexistent/van-ban.toml");
    let out = render(&[missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("không tìm thấy tệp"), "{}", stderr(&out));
    let out = Command::new(env!("CARGO_BIN_EXE_render")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let a = example("cong-van.toml");
    let out =
        Command::new(env!("CARGO_BIN_EXE_render")).arg(&a).arg(&a).arg("-o").arg("x.pdf").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
