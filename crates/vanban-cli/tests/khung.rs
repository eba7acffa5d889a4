//! `render new`: the skeleton of every type, in both forms, parses, checks clean and renders.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

use vanban_core::khoa::{self, CoMat};
use vanban_core::{DangTep, LoaiVanBan, VanBan};

mod common;
use common::stderr;

fn render_in(dir: &Path, args: &[&OsStr]) -> Output {
    common::render().current_dir(dir).args(args).output().expect("render runs")
}

fn render(args: &[&OsStr]) -> Output {
    common::render().args(args).output().expect("render runs")
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

fn supported() -> Vec<LoaiVanBan> {
    LoaiVanBan::ALL.to_vec()
}

fn files_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

/// `render new LOAI -o PATH [--markdown]`, which must succeed; the file's text.
fn new_file(loai: LoaiVanBan, path: &Path, markdown: bool) -> String {
    let mut args = vec![os("new"), os(loai.slug()), os("-o"), path.as_os_str()];
    if markdown {
        args.push(os("--markdown"));
    }
    let out = render(&args);
    assert!(out.status.success(), "render new {loai}: {}", stderr(&out));
    // The path written and the next step.
    let err = stderr(&out);
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert!(err.contains(&format!("render {}", path.display())), "{err}");
    assert!(out.stdout.is_empty());
    std::fs::read_to_string(path).unwrap()
}

fn parse(text: &str, markdown: bool) -> VanBan {
    let dang = if markdown { DangTep::Markdown } else { DangTep::Toml };
    match vanban_core::parse(text, dang) {
        Ok(v) => v,
        Err(d) => panic!("{:?}\n{text}", d.0),
    }
}

/// A key line, as written or commented out: its key (`so`, `[ky_so]`), and whether it is
/// commented out.
fn key_of(line: &str) -> Option<(String, bool)> {
    let (rest, off) = match line.strip_prefix("# ") {
        Some(rest) => (rest, true),
        None => (line, false),
    };
    if let Some(t) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return t.chars().all(|c| c.is_ascii_lowercase() || c == '_').then(|| (format!("[{t}]"), off));
    }
    let (k, _) = rest.split_once(" = ")?;
    (!k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')).then(|| (k.to_owned(), off))
}

/// Every key of the skeleton (`co_quan.ten` for keys of a table) with the comment line
/// before each checked; whether each is written or commented out.
fn keys(text: &str) -> Vec<(String, bool)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut table = String::new();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((key, off)) = key_of(line) else { continue };
        let before = if i > 0 { lines[i - 1] } else { "" };
        assert!(
            before.starts_with('#') && key_of(before).is_none(),
            "no comment before “{line}” (line {}):\n{text}",
            i + 1
        );
        if let Some(t) = key.strip_prefix('[').and_then(|k| k.strip_suffix(']')) {
            table = format!("{t}.");
            out.push((t.to_owned(), off));
        } else {
            out.push((format!("{table}{key}"), off));
        }
    }
    out
}

/// The skeleton with every commented-out key line written.
fn all_keys_on(text: &str) -> String {
    text.lines()
        .map(|l| match key_of(l) {
            Some((_, true)) => &l[2..],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_supported_type_in_both_forms_parses_checks_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    let toml_dir = dir.path().join("toml");
    let md_dir = dir.path().join("md");
    std::fs::create_dir(&toml_dir).unwrap();
    std::fs::create_dir(&md_dir).unwrap();
    let mut written: Vec<PathBuf> = Vec::new();
    for loai in supported() {
        for markdown in [false, true] {
            let path = if markdown {
                md_dir.join(format!("{}.md", loai.slug()))
            } else {
                toml_dir.join(format!("{}.toml", loai.slug()))
            };
            let text = new_file(loai, &path, markdown);
            assert_eq!(text.starts_with("+++\n"), markdown, "{}", path.display());
            let van_ban = parse(&text, markdown);
            assert_eq!(van_ban.loai(), loai);

            // The văn thư fills in the number and the day: neither is given.
            assert_eq!(van_ban.so_hieu.so, None, "{loai}");
            assert!(van_ban.ngay.thang().is_none() && van_ban.ngay.ngay().is_none(), "{loai}");
            assert!((2020..=2999).contains(&van_ban.ngay.nam()));
            // Kính gửi where the decree has one; “Như trên” first exactly then.
            let kinh_gui = van_ban.kinh_gui().is_some();
            assert_eq!(kinh_gui, loai.co_kinh_gui(), "{loai}");
            // (A công điện's “Như trên” stands for the bodies it is sent to.)
            assert_eq!(
                van_ban.noi_nhan.gui.first().map(String::as_str) == Some("Như trên"),
                kinh_gui || loai == LoaiVanBan::CongDien,
                "{loai}"
            );
            assert!(!van_ban.noi_nhan.gui.iter().skip(1).any(|g| g == "Như trên"));
            // The body ends with ./. (a biên bản's closing line, printed after it, does).
            let last = van_ban.noi_dung.0.last().unwrap().plain();
            assert_eq!(last.trim_end().ends_with("./."), loai != LoaiVanBan::BienBan, "{loai}: {last}");

            // Every key of the type, each after a comment.
            let found: Vec<(String, bool)> = keys(&text);
            let names: BTreeSet<String> = found.iter().map(|(k, _)| k.clone()).collect();
            assert_eq!(names.len(), found.len(), "a key written twice in {loai}");
            for off in ["so", "ky_hieu", "du_thao", "ky_so"] {
                assert!(found.contains(&(off.to_owned(), true)), "{off} is not commented out in {loai}");
            }
            for on in ["loai", "dia_danh", "ngay", "co_quan.ten", "nguoi_ky.ho_ten", "noi_nhan.luu"] {
                // A biên bản has no place name (Mẫu 1.9).
                let wanted = !(on == "dia_danh" && loai == LoaiVanBan::BienBan);
                assert_eq!(found.contains(&(on.to_owned(), false)), wanted, "{on} in {loai}");
            }

            // The commented-out sample values are right too.
            let on = all_keys_on(&text);
            let full = parse(&on, markdown);
            assert!(full.so_hieu.so.is_some() && full.du_thao.is_some() && full.ky_so.is_some(), "{loai}");
            assert_eq!(
                full.so_hieu.ky_hieu, van_ban.so_hieu.ky_hieu,
                "{loai}: the sample ky_hieu is the derived one"
            );
            written.push(path);
        }
    }

    // The decree's checks find nothing, not even a warning.
    let out = render(&[os("check"), os("--strict"), toml_dir.as_os_str(), md_dir.as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = render(&[toml_dir.as_os_str(), md_dir.as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for path in &written {
        let pdf = path.with_extension("pdf");
        let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        assert!(bytes.starts_with(b"%PDF-"), "{}", pdf.display());
    }
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("van-ban.toml");
    let first = new_file(LoaiVanBan::KeHoach, &path, false);
    for (slug, lang) in [("cong-van", "vi"), ("ke-hoach", "en")] {
        let out = render(&[os("new"), os(slug), os("-o"), path.as_os_str(), os("--lang"), os(lang)]);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(err.contains(&path.display().to_string()), "{err}");
        if lang == "vi" {
            assert!(
                err.contains("lỗi:") && err.contains("đã có") && err.contains("gợi ý:") && err.contains("-o"),
                "{err}"
            );
        } else {
            assert!(err.contains("error:") && err.contains("already exists") && err.contains("-o"), "{err}");
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
    }
    // Nor a file of the default name.
    std::fs::write(dir.path().join("bao-cao.toml"), "đã có").unwrap();
    let out = render_in(dir.path(), &[os("new"), os("bao-cao")]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("bao-cao.toml"));
    assert_eq!(std::fs::read_to_string(dir.path().join("bao-cao.toml")).unwrap(), "đã có");
}

#[test]
fn default_names_and_forms() {
    let dir = tempfile::tempdir().unwrap();
    let out = render_in(dir.path(), &[os("new"), os("ke-hoach")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("render ke-hoach.toml"), "{}", stderr(&out));
    let out = render_in(dir.path(), &[os("new"), os("ke-hoach"), os("--markdown")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("render ke-hoach.md"), "{}", stderr(&out));
    assert_eq!(files_in(dir.path()), BTreeSet::from(["ke-hoach.md".to_owned(), "ke-hoach.toml".to_owned()]));
    parse(&std::fs::read_to_string(dir.path().join("ke-hoach.toml")).unwrap(), false);
    parse(&std::fs::read_to_string(dir.path().join("ke-hoach.md")).unwrap(), true);

    // A .md name means Markdown.
    let md = dir.path().join("khac.md");
    let out = render(&[os("new"), os("to-trinh"), os("-o"), md.as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    parse(&std::fs::read_to_string(&md).unwrap(), true);
    // Markdown into a .toml name would not read back: refused, nothing written.
    let toml = dir.path().join("khac.toml");
    let out = render(&[os("new"), os("to-trinh"), os("--markdown"), os("-o"), toml.as_os_str()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains(".toml"), "{}", stderr(&out));
    assert!(!toml.exists());
}

#[test]
fn dash_writes_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    for markdown in [false, true] {
        let mut args = vec![os("new"), os("bao-cao"), os("-o"), os("-")];
        if markdown {
            args.push(os("--markdown"));
        }
        let out = render_in(dir.path(), &args);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        let van_ban = parse(&text, markdown);
        assert_eq!(van_ban.loai(), LoaiVanBan::BaoCao);
    }
    assert!(files_in(dir.path()).is_empty(), "{:?}", files_in(dir.path()));
}

#[test]
fn english_comments_vietnamese_values() {
    let out = render(&[os("new"), os("cong-van"), os("-o"), os("-"), os("--lang"), os("en")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let en = String::from_utf8(out.stdout).unwrap();
    let out = render(&[os("new"), os("cong-van"), os("-o"), os("-")]);
    let vi = String::from_utf8(out.stdout).unwrap();
    assert!(en.contains("# Document type") && !en.contains("# Loại văn bản"), "{en}");
    assert!(vi.contains("# Loại văn bản") && !vi.contains("# Document type"), "{vi}");
    // Only the comments differ.
    let values = |t: &str| t.lines().filter(|l| !l.starts_with('#')).map(String::from).collect::<Vec<_>>();
    assert_eq!(values(&en), values(&vi));
    assert!(en.contains("dia_danh = \"Phong Thổ\""));
    assert_eq!(keys(&en), keys(&vi));
}

#[test]
fn unknown_types_are_refused_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let out = render_in(dir.path(), &[os("new"), os("ke-hoac")]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("không có loại văn bản “ke-hoac”"), "{err}");
    assert!(err.contains("có phải ý bạn là “ke-hoach”?"), "{err}");
    assert!(err.contains("cong-van") && err.contains("to-trinh"), "{err}");

    let out = render_in(dir.path(), &[os("new"), os("cong_van"), os("--lang"), os("en")]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("did you mean “cong-van”?"), "{}", stderr(&out));

    // Nothing like any type: the list only.
    let out = render_in(dir.path(), &[os("new"), os("xyzw")]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(!err.contains("có phải") && err.contains("các loại được hỗ trợ: "), "{err}");
    assert!(files_in(dir.path()).is_empty());
}

/// The skeleton of every type follows the key definitions: every key the type requires (in
/// a table it requires) is written, not commented out; no key it refuses is there at all.
#[test]
fn every_skeleton_follows_the_key_definitions() {
    for &loai in LoaiVanBan::ALL {
        for markdown in [false, true] {
            let mut args = vec![os("new"), os(loai.slug()), os("-o"), os("-")];
            if markdown {
                args.push(os("--markdown"));
            }
            let out = render(&args);
            assert!(out.status.success(), "{}", stderr(&out));
            let found = keys(&String::from_utf8(out.stdout).unwrap());
            for (path, k) in khoa::tat_ca() {
                // The key's tables, outermost first, then the key.
                let parts: Vec<&str> = path.split('.').collect();
                let co_mat: Vec<CoMat> = (1..=parts.len())
                    .map(|n| (khoa::khoa(&parts[..n].join(".")).unwrap().co_mat)(loai))
                    .collect();
                let what = format!("{} {path} (markdown: {markdown})", loai.slug());
                let shown = found.iter().find(|(p, _)| *p == path);
                if (k.co_mat)(loai) == CoMat::Khong {
                    assert!(shown.is_none(), "{what}: refused by the definition, in the skeleton");
                } else if co_mat.iter().all(|c| *c == CoMat::BatBuoc) && !(markdown && path == "noi_dung") {
                    assert_eq!(shown, Some(&(path.clone(), false)), "{what}: required, not written");
                }
            }
        }
    }
}
