//! The `render` binary, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{render, stderr};

fn run(args: &[&Path]) -> Output {
    render().args(args).output().expect("render runs")
}

fn example(name: &str) -> PathBuf {
    common::repo("examples").join(name)
}

#[test]
fn renders_both_examples_beside_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["cong-van.toml", "ke-hoach.md"] {
        std::fs::copy(example(name), dir.path().join(name)).unwrap();
    }
    let cv = dir.path().join("cong-van.toml");
    let kh = dir.path().join("ke-hoach.md");
    let out = run(&[&cv, &kh]);
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
    let out =
        render().arg(example("cong-van.toml")).arg("-o").arg(&out_path).arg("--pdf-a").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&out_path).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("pdfaid:part"));
}

/// Pages of a PDF: the `/Type /Page` objects it holds.
fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let squeezed: String = text
        .split("/Type")
        .skip(1)
        .map(|rest| rest.trim_start())
        .map(|rest| {
            if rest.starts_with("/Pages") {
                ""
            } else if rest.starts_with("/Page") {
                "p"
            } else {
                ""
            }
        })
        .collect();
    squeezed.len()
}

#[test]
fn parts_in_separate_files_are_written_beside_the_document() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["phu-luc-dien-tu.toml", "chu-ky.png", "dau.png"] {
        std::fs::copy(example(name), dir.path().join(name)).unwrap();
    }
    let doc = dir.path().join("phu-luc-dien-tu.toml");
    let out = render().arg(&doc).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    let main = dir.path().join("phu-luc-dien-tu.pdf");
    let part = dir.path().join("phu-luc-dien-tu.phu-luc-II.pdf");
    assert_eq!(report["pdf"], main.display().to_string());
    assert_eq!(report["parts"][0]["pdf"], part.display().to_string(), "{report}");
    // The document with Phụ lục I in its file; Phụ lục II on its own.
    let (main, part) = (std::fs::read(&main).unwrap(), std::fs::read(&part).unwrap());
    assert_eq!(page_count(&main), report["pages"].as_u64().unwrap() as usize);
    assert_eq!(page_count(&part), report["parts"][0]["pages"].as_u64().unwrap() as usize);
    assert!(page_count(&main) >= 2 && page_count(&part) >= 1);
    assert_ne!(main, part);

    // With -o, the parts are named after the output.
    let o = dir.path().join("ra").join("ke-hoach.pdf");
    let out = render().arg(&doc).arg("-o").arg(&o).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(o.exists() && dir.path().join("ra/ke-hoach.phu-luc-II.pdf").exists());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("ke-hoach.phu-luc-II.pdf ("), "{said}");
}

#[test]
fn check_validates_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let cv = dir.path().join("cong-van.toml");
    std::fs::copy(example("cong-van.toml"), &cv).unwrap();
    let out = render().arg("check").arg(&cv).output().unwrap();
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
    Bad {
        what: "a character the fonts lack",
        from: "4. Báo cáo kết quả",
        to: "4. Báo cáo 🎉 kết quả",
        mentions: &["U+1F389", "cong-van.toml:27:12"],
    },
    Bad {
        what: "a word longer than a line",
        from: "4. Báo cáo kết quả",
        to: "4. Báo cáo kếtquảtriểnkhaithựchiệnphongtràothiđuađẩymạnhpháttriểnkếtcấuhạtầngđồngbộhiệnđạitiếtkiệm kết quả",
        mentions: &["tràn", "cong-van.toml:27:"],
    },
    Bad {
        what: "a bidirectional override",
        from: "Trần Bảo Trung",
        to: "Trần \u{202E}Bảo Trung",
        mentions: &["U+202E", "nguoi_ky.ho_ten"],
    },
    Bad {
        what: "an image path leaving the document's directory",
        from: "ho_ten = \"Trần Bảo Trung\"",
        to: "ho_ten = \"Trần Bảo Trung\"\n\n[ky_so]\nchu_ky = \"../chu-ky.png\"",
        mentions: &["ky_so.chu_ky", "cong-van.toml:42:"],
    },
    Bad {
        what: "a missing image",
        from: "ho_ten = \"Trần Bảo Trung\"",
        to: "ho_ten = \"Trần Bảo Trung\"\n\n[ky_so]\nchu_ky = \"chu-ky.png\"",
        mentions: &["không tìm thấy tệp ảnh", "cong-van.toml:42:"],
    },
    Bad {
        what: "a field over the length limit",
        from: "chuc_vu = \"Chủ tịch\"",
        to: "chuc_vu = \"Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch Chủ tịch\"",
        mentions: &["quá giới hạn 1000", "nguoi_ky.chuc_vu"],
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
        let out = run(&[&file]);
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
        let check = render().arg("check").arg(&file).output().unwrap();
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
    let out = run(&[&file]);
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
    let out = run(&[&bad, &good]);
    assert_eq!(out.status.code(), Some(1));
    assert!(dir.path().join("a.pdf").exists());
    assert!(!dir.path().join("b.pdf").exists());
}

#[test]
fn usage_errors() {
    let missing = Path::new("/nonexistent/van-ban.toml");
    let out = run(&[missing]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("không tìm thấy tệp"), "{}", stderr(&out));
    let out = render().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let a = example("cong-van.toml");
    let out = render().arg(&a).arg(&a).arg("-o").arg("x.pdf").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Every file in `dir` whose name ends with `suffix`.
fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect()
}

#[test]
fn an_interrupted_run_leaves_only_complete_pdfs() {
    let source = std::fs::read_to_string(example("cong-van.toml")).unwrap();
    for signal in ["INT", "TERM", "HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<PathBuf> = (0..400)
            .map(|i| {
                let f = dir.path().join(format!("cv-{i:03}.toml"));
                std::fs::write(&f, &source).unwrap();
                f
            })
            .collect();
        // An older PDF for a file the run will not reach: it must survive untouched.
        let old = dir.path().join("cv-399.pdf");
        std::fs::write(&old, b"previous PDF").unwrap();
        let child = render()
            .args(&files)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until the run is writing, then stop it.
        let start = std::time::Instant::now();
        while files_ending(dir.path(), ".pdf").len() < 4 && start.elapsed().as_secs() < 60 {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let killed =
            Command::new("kill").arg(format!("-{signal}")).arg(child.id().to_string()).status().unwrap();
        assert!(killed.success());
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(130), "SIG{signal}: {:?}\n{err}", out.status);
        assert!(err.contains("đã dừng"), "{err}");
        assert!(files_ending(dir.path(), ".tmp").is_empty(), "SIG{signal}: a temporary file is left");
        let pdfs = files_ending(dir.path(), ".pdf");
        assert!(pdfs.len() < files.len(), "SIG{signal}: the run finished before the signal");
        for pdf in pdfs.iter().filter(|p| **p != old) {
            let bytes = std::fs::read(pdf).unwrap();
            assert!(
                bytes.starts_with(b"%PDF-") && bytes.trim_ascii_end().ends_with(b"%%EOF"),
                "SIG{signal}: {} is not a complete PDF",
                pdf.display()
            );
        }
        assert_eq!(std::fs::read(&old).unwrap(), b"previous PDF");
    }
}

#[test]
fn huge_inputs_are_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    // A 10 MB document: refused by its size.
    let big = dir.path().join("lon.toml");
    let mut body = std::fs::read_to_string(example("cong-van.toml")).unwrap();
    while body.len() < 10_000_000 {
        body.push_str("# dòng chú thích để làm tệp lớn hơn\n");
    }
    std::fs::write(&big, body).unwrap();
    // A device that never ends: reading stops at the limit.
    for file in [big.as_path(), Path::new("/dev/zero")] {
        let out = run(&[file]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("quá giới hạn 1 MB"), "{err}");
    }
    assert!(!dir.path().join("lon.pdf").exists());
}

#[test]
fn the_examples_pass_check_together() {
    // Checked as one set, so that two examples issued under the same number are caught.
    let dir = common::repo("examples");
    let out = render().arg("check").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("lỗi["), "{}", stderr(&out));
}
