//! Many files at once, as a CI pipeline runs them: directories, --out-dir, --shard, a
//! broken file among good ones, the summary, JSON and English reports, lint in check.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{render, repo, stderr, stdout};

fn example() -> String {
    let path = repo("examples/cong-van.toml");
    std::fs::read_to_string(path).unwrap()
}

/// `n` copies of the example công văn in `dir`, as `cv-00.toml`, ….
fn copies(dir: &Path, n: usize) -> Vec<PathBuf> {
    let text = example();
    (0..n)
        .map(|i| {
            let f = dir.join(format!("cv-{i:02}.toml"));
            std::fs::write(&f, &text).unwrap();
            f
        })
        .collect()
}

/// Every PDF under `dir`, relative to it, sorted.
fn pdfs(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "pdf") {
                out.push(p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_broken_file_in_a_directory_fails_alone_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    copies(&input, 12);
    // Line 3 has a TOML syntax error.
    let broken = example().replacen("dia_danh = \"Phong Thổ\"", "dia_danh = \"Phong Thổ", 1);
    std::fs::write(input.join("hong.toml"), broken).unwrap();
    let out_dir = dir.path().join("out");
    let out = render().arg(&input).arg("--out-dir").arg(&out_dir).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(pdfs(&out_dir).len(), 12, "{err}");
    assert!(!out_dir.join("hong.pdf").exists());
    assert!(err.contains("hong.toml:5:"), "the broken file's place is not named:\n{err}");
    assert!(err.contains("đã ghi 12 PDF từ 12 văn bản, 1 tệp lỗi"), "no summary:\n{err}");
    // One line per rendered file on standard output.
    assert_eq!(stdout(&out).lines().filter(|l| l.contains(" → ")).count(), 12);
}

#[test]
fn out_dir_keeps_the_tree_and_two_files_never_write_one_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("phong/noi-vu")).unwrap();
    std::fs::write(input.join("a.toml"), example()).unwrap();
    std::fs::write(input.join("phong/noi-vu/b.toml"), example()).unwrap();
    let out_dir = dir.path().join("out");
    let out = render().arg(&input).arg("--out-dir").arg(&out_dir).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(pdfs(&out_dir), ["a.pdf", "phong/noi-vu/b.pdf"]);
    // a.md would write a.pdf too: refused, a.pdf is a.md's (sorted first) alone.
    let md = dir.path().join("a.md");
    std::fs::write(&md, "+++\nloai = \"cong-van\"\n+++\n").unwrap();
    let toml = dir.path().join("a.toml");
    std::fs::write(&toml, example()).unwrap();
    let out = render().arg(&toml).arg(&md).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("cũng ghi ra"), "{err}");
}

#[test]
fn shards_split_a_set_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    copies(&input, 7);
    let mut all = Vec::new();
    for i in 1..=3 {
        let out_dir = dir.path().join(format!("out-{i}"));
        let out = render()
            .arg(&input)
            .arg("--out-dir")
            .arg(&out_dir)
            .arg("--shard")
            .arg(format!("{i}/3"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let part = pdfs(&out_dir);
        assert!(!part.is_empty() && part.len() <= 3, "{part:?}");
        all.extend(part);
    }
    all.sort();
    let expected: Vec<String> = (0..7).map(|i| format!("cv-{i:02}.pdf")).collect();
    assert_eq!(all, expected);
    let bad = render().arg(&input).arg("--shard").arg("4/3").output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn json_reports_one_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let [good] = copies(dir.path(), 1).try_into().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, example().replace("trich_yeu =", "trich_yue =")).unwrap();
    let out = render().arg("check").arg("--format").arg("json").arg(&good).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    let problem = lines
        .iter()
        .find(|v| v["type"] == "diagnostic" && v["key"] == "trich_yue")
        .unwrap_or_else(|| panic!("{lines:?}"));
    assert_eq!(problem["severity"], "error");
    assert_eq!(problem["line"], 7);
    assert_eq!(problem["column"], 1);
    assert!(problem["file"].as_str().unwrap().ends_with("bad.toml"));
    assert!(problem["hint"].as_str().unwrap().contains("trich_yeu"));
    assert!(lines.iter().any(|v| v["type"] == "ok" && v["file"].as_str().unwrap().ends_with("cv-00.toml")));
    let summary = lines.last().unwrap();
    assert_eq!(
        (summary["type"].as_str(), summary["ok"].as_u64(), summary["failed"].as_u64()),
        (Some("summary"), Some(1), Some(1))
    );
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn lint_warnings_cite_the_decree_in_either_language_and_strict_fails_on_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cv.toml");
    let text = example();
    let at = text.find("trich_yeu = \"").unwrap() + "trich_yeu = \"".len();
    std::fs::write(&file, format!("{}V/v {}", &text[..at], &text[at..])).unwrap();
    let out = render().arg("check").arg(&file).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "a warning is not an error:\n{err}");
    assert!(err.contains("cv.toml:7:14: cảnh báo[vv-trong-trich-yeu]"), "{err}");
    assert!(err.contains("căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, II.5.b"), "{err}");
    assert!(err.contains("gợi ý: bỏ chữ này"), "{err}");
    let out = render().arg("check").arg("--lang").arg("en").arg(&file).output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("warning[vv-trong-trich-yeu]: do not type “V/v”"), "{err}");
    assert!(err.contains("help: remove it") && err.contains("rule: Nghị định 30/2020/NĐ-CP"), "{err}");
    let strict = render().arg("check").arg("--strict").arg(&file).output().unwrap();
    assert_eq!(strict.status.code(), Some(1));
    // Rendering is not stopped by a warning.
    assert!(render().arg(&file).output().unwrap().status.success());
}

#[test]
fn a_number_reused_in_a_year_is_an_error_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let numbered = example().replace("ngay = \"2024\"", "so = 12\nngay = \"2024-05-06\"");
    for name in ["a.toml", "b.toml"] {
        std::fs::write(dir.path().join(name), &numbered).unwrap();
    }
    std::fs::write(dir.path().join("c.toml"), numbered.replace("so = 12", "so = 13")).unwrap();
    let out = render().arg("check").arg(dir.path()).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("b.toml:6:6: lỗi[so-trung]: số “12/UBND-NV” năm 2024 đã dùng cho"), "{err}");
    assert!(err.contains("a.toml"), "{err}");
    assert!(!err.contains("c.toml:"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_pdf_gets_the_modes_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let [file] = copies(dir.path(), 1).try_into().unwrap();
    let out = render().arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let plain = dir.path().join("plain");
    std::fs::write(&plain, b"x").unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&file.with_extension("pdf")), mode(&plain));
}

#[test]
fn check_reports_each_file_once_after_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    let text = example().replacen("ngay = \"2024\"", "so = 7\nngay = \"2024\"", 1);
    for name in ["a.toml", "b.toml"] {
        std::fs::write(dir.path().join(name), &text).unwrap();
    }
    let out = render().args(["check", "--format", "json"]).arg(dir.path()).output().unwrap();
    let lines: Vec<serde_json::Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let about_b: Vec<&str> = lines
        .iter()
        .filter(|v| v["file"].as_str().is_some_and(|f| f.ends_with("b.toml")))
        .map(|v| v["type"].as_str().unwrap())
        .collect();
    assert_eq!(about_b, ["diagnostic"], "{}", stdout(&out));
    let out = render().arg("check").arg(dir.path()).output().unwrap();
    assert!(!stdout(&out).contains("b.toml: hợp lệ"), "{}", stdout(&out));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn files_in_a_tree_that_are_not_documents_are_passed_over_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    copies(dir.path(), 2);
    std::fs::write(dir.path().join("README.md"), "# Văn bản của phòng\n\nCác tệp trong thư mục này.\n")
        .unwrap();
    std::fs::write(dir.path().join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    copies(elsewhere.path(), 1);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("lien-ket")).unwrap();
        let fifo = dir.path().join("ong.toml");
        assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    }
    for command in [&[][..], &["check"]] {
        let out = render().args(command).arg(dir.path()).output().unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "{command:?}: {err}");
        assert!(err.contains("README.md") && err.contains("Cargo.toml"), "{err}");
        #[cfg(unix)]
        assert!(err.contains("lien-ket") && err.contains("ong.toml"), "{err}");
    }
    // Named on the command line, a file is a document and its problems are errors.
    let out = render().arg(dir.path().join("Cargo.toml")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_summary_counts_every_pdf_written() {
    let dir = tempfile::tempdir().unwrap();
    copies(dir.path(), 2);
    let examples = repo("examples");
    for name in ["phu-luc-dien-tu.toml", "chu-ky.png", "dau.png"] {
        std::fs::copy(examples.join(name), dir.path().join(name)).unwrap();
    }
    let out = render().arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(pdfs(dir.path()).len(), 4);
    assert!(stderr(&out).contains("đã ghi 4 PDF từ 3 văn bản"), "{}", stderr(&out));
}

#[test]
fn worker_processes_write_what_one_thread_writes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    copies(&input, 5);
    let examples = repo("examples");
    for name in ["phu-luc-dien-tu.toml", "chu-ky.png", "dau.png", "ke-hoach.md"] {
        std::fs::copy(examples.join(name), input.join(name)).unwrap();
    }
    let broken = example().replacen("dia_danh = \"Phong Thổ\"", "dia_danh = \"Phong Thổ", 1);
    std::fs::write(input.join("hong.toml"), broken).unwrap();
    std::fs::write(input.join("README.md"), "Ghi chú.\n").unwrap();
    let run = |jobs: &str, out: &str, format: &str| {
        let out_dir = dir.path().join(out);
        let o = render()
            .arg(&input)
            .arg("--out-dir")
            .arg(&out_dir)
            .args(["-j", jobs, "--png", "1", "--format", format])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        (out_dir, o)
    };
    // One worker: threads of this process; four: worker processes (ten files, two each).
    let (one, one_out) = run("1", "one", "text");
    let (four, four_out) = run("4", "four", "text");
    let mut names: Vec<_> = std::fs::read_dir(&one).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names.len(), 2 * 7 + 1, "{names:?}");
    for name in &names {
        let (a, b) = (std::fs::read(one.join(name)).unwrap(), std::fs::read(four.join(name)));
        assert_eq!(Some(a), b.ok(), "{name:?} differs");
    }
    let problems = |o: &Output| -> Vec<String> {
        let mut lines: Vec<String> =
            stderr(o).lines().filter(|l| !l.contains(" s (")).map(str::to_owned).collect();
        lines.sort();
        lines
    };
    assert_eq!(problems(&one_out), problems(&four_out));
    assert!(stderr(&four_out).contains("hong.toml:5:") && stderr(&four_out).contains("README.md"));
    // JSON lines from the workers are whole lines, the same as from one thread.
    let (_, one_json) = run("1", "one-json", "json");
    let (_, four_json) = run("4", "four-json", "json");
    let objects = |o: &Output| -> Vec<String> {
        let mut v: Vec<String> = stdout(o)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|v| v["type"] == "diagnostic")
            .map(|v| v.to_string())
            .collect();
        v.sort();
        v
    };
    assert!(!objects(&four_json).is_empty());
    assert_eq!(objects(&one_json), objects(&four_json));
}

/// The processes `pid` started, from /proc.
#[cfg(target_os = "linux")]
fn children_of(pid: u32) -> Vec<u32> {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("children")).ok())
        .flat_map(|list| list.split_whitespace().filter_map(|c| c.parse().ok()).collect::<Vec<u32>>())
        .collect()
}

#[cfg(target_os = "linux")]
#[test]
fn a_worker_that_dies_fails_one_document_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let text = std::fs::read_to_string(repo("examples/ke-hoach.md")).unwrap();
    let n = 80;
    for so in 1..=n {
        let numbered =
            text.replacen("\ntrich_yeu = \"", &format!("\nso = {so}\ntrich_yeu = \"(bản {so}) "), 1);
        std::fs::write(input.join(format!("kh-{so:03}.md")), numbered).unwrap();
    }
    let out_dir = dir.path().join("out");
    let child = render()
        .arg(&input)
        .arg("--out-dir")
        .arg(&out_dir)
        .args(["-j", "2"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Kill one worker as soon as there is one.
    let started = std::time::Instant::now();
    let killed = loop {
        if let Some(&worker) = children_of(child.id()).first() {
            // Let it get into its first documents.
            std::thread::sleep(std::time::Duration::from_millis(100));
            let status = Command::new("kill").args(["-KILL", &worker.to_string()]).status().unwrap();
            break status.success();
        }
        assert!(started.elapsed().as_secs() < 20, "no worker process was started");
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    assert!(killed);
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("dừng bất thường").count(), 1, "{err}");
    assert_eq!(pdfs(&out_dir).len(), n - 1, "{err}");
    assert!(err.contains(&format!("đã ghi {} PDF", n - 1)), "{err}");
}
