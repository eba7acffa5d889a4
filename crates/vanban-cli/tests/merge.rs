//! `render merge` and `render check --data` at the command level, on data as other programs
//! write it: CSV with a byte-order mark and semicolons, JSON, workbooks.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{render, stderr};

/// `render merge TEMPLATE --data DATA`, to which a test adds its options.
fn merge(template: &Path, data: &Path) -> Command {
    let mut cmd = render();
    cmd.arg("merge").arg(template).arg("--data").arg(data);
    cmd
}

fn examples() -> PathBuf {
    common::repo("examples/tron")
}

/// A giấy mời template (no shared profile) whose invitee, date and body come from a row.
const GIAY_MOI: &str = r#"loai = "giay-moi"
dia_danh = "Phong Thổ"
ngay = "2026-01-05"
kinh_moi = ["{{ danh_xung }} {{ ho_ten }}, {{ chuc_vu }}"]
toi_du = "Hội nghị tổng kết năm 2025"
thoi_gian = "08 giờ 00, {{ ngay_hop | ngay }}"
dia_diem = "Hội trường xã"
noi_dung = """
Đề nghị {{ danh_xung | lower }} {{ ho_ten }} tham dự đúng giờ; liên hệ {{ dien_thoai }}./.
"""

[co_quan]
ten = ["Ủy ban nhân dân", "xã Phong Thổ"]
viet_tat = "UBND"

[nguoi_ky]
chuc_vu = "Chủ tịch"
ho_ten = "Trần Bảo Trung"

[noi_nhan]
gui = ["Như trên"]
luu = ["VT"]
"#;

/// The text of every page of a PDF, by pdftotext (poppler), pages split by form feeds.
fn pdf_text(pdf: &Path) -> String {
    let out =
        Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success(), "pdftotext {}: {}", pdf.display(), stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn pdfs(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    v.sort();
    v
}

/// A temporary directory with the template and `data` (named `name`).
fn setup(name: &str, data: &[u8]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("giay-moi.khuon.toml");
    std::fs::write(&template, GIAY_MOI).unwrap();
    let data_path = dir.path().join(name);
    std::fs::write(&data_path, data).unwrap();
    (dir, template, data_path)
}

const HEADER: &str = "danh_xung;ho_ten;chuc_vu;ngay_hop;dien_thoai";

#[test]
fn csv_with_a_bom_and_semicolons_gives_one_pdf_per_row() {
    let csv = format!(
        "\u{feff}{HEADER}\r\nÔng;Nguyễn Văn An;Chủ tịch Hội Nông dân xã;2026-01-15;0912345678\r\nBà;Lò Thị Hoa;Bí thư Đoàn Thanh niên xã;15/01/2026;0987654321\r\n"
    );
    let (dir, template, data) = setup("ds.csv", csv.as_bytes());
    let out = dir.path().join("out");
    let o = merge(&template, &data).arg("--out-dir").arg(&out).args(["--so-tu", "31"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(pdfs(&out), ["giay-moi-2.pdf", "giay-moi-3.pdf"]);
    let text = pdf_text(&out.join("giay-moi-3.pdf")).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Số: 32/GM-UBND"), "{text}");
    assert!(text.contains("Bà Lò Thị Hoa, Bí thư Đoàn Thanh niên xã"), "{text}");
    assert!(text.contains("ngày 15 tháng 01 năm 2026"), "{text}");
    // A text cell keeps its leading zero.
    assert!(text.contains("0987654321"), "{text}");
}

#[test]
fn every_hostile_cell_prints_as_typed() {
    let hostile = [
        "\"\"\"",
        "'''",
        "]]",
        "+++",
        "{{ 7*7 }}",
        "{% for x in y %}",
        "#set page(width: 1cm)",
        "$x$",
        "C:\\\\Windows",
        "<w:p>&amp;",
        "# Tiêu đề",
    ];
    let rows: Vec<serde_json::Value> = hostile
        .iter()
        .map(|h| serde_json::json!({"danh_xung": "Ông", "ho_ten": h, "chuc_vu": "x", "ngay_hop": "2026-01-15", "dien_thoai": h}))
        .collect();
    let (dir, template, data) = setup("ds.json", serde_json::to_string(&rows).unwrap().as_bytes());
    let out = dir.path().join("out");
    let o = merge(&template, &data).arg("--out-dir").arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for (i, h) in hostile.iter().enumerate() {
        let text = pdf_text(&out.join(format!("giay-moi-{:02}.pdf", i + 1)));
        let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squeezed.contains(&format!("Ông {h}, x")), "{h}: {squeezed}");
        assert!(squeezed.contains(&format!("ông {h} tham dự đúng giờ; liên hệ {h}./.")), "{h}: {squeezed}");
    }
}

#[test]
fn a_bad_row_is_named_by_row_and_column_and_the_others_render() {
    let csv = format!(
        "{HEADER}\nÔng;Nguyễn Văn An;Chủ tịch;2026-01-15;0912\nBà;Lò Thị Hoa;Bí thư;30/02/2026;0987\nÔng;Vàng A Dính;Trưởng thôn;2026-01-15;0977\n"
    );
    let (dir, template, data) = setup("ds.csv", csv.as_bytes());
    let out = dir.path().join("out");
    let o = merge(&template, &data).arg("--out-dir").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("ds.csv:3: cột ngay_hop: "), "{err}");
    assert!(err.contains("giay-moi.khuon.toml:6:"), "{err}");
    assert!(err.contains("30/02/2026"), "{err}");
    assert!(err.contains("1 tệp lỗi") || err.contains("1 dòng lỗi") || err.contains(", 1 "), "{err}");
    assert_eq!(pdfs(&out), ["giay-moi-2.pdf", "giay-moi-4.pdf"]);
}

#[test]
fn an_unknown_column_is_refused_before_anything_renders() {
    let csv =
        format!("{}\nÔng;Nguyễn Văn An;Chủ tịch;2026-01-15;0912\n", HEADER.replace("ho_ten", "ho_va_ten"));
    let (dir, template, data) = setup("ds.csv", csv.as_bytes());
    let out = dir.path().join("out");
    let o = merge(&template, &data).arg("--out-dir").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("giay-moi.khuon.toml:4:"), "{err}");
    assert!(err.contains("dữ liệu không có cột “ho_ten”"), "{err}");
    assert!(err.contains("có phải “ho_va_ten”"), "{err}");
    assert!(!out.exists(), "nothing may be written");
    let o = merge(&template, &data).args(["--lang", "en"]).output().unwrap();
    assert!(stderr(&o).contains("the data has no column “ho_ten”"), "{}", stderr(&o));
}

#[test]
fn combine_writes_one_pdf_only_when_every_row_renders() {
    let rows =
        "Ông;An;Chủ tịch;2026-01-15;01\nBà;Hoa;Bí thư;2026-01-15;02\nÔng;Dính;Trưởng thôn;2026-01-15;03\n";
    let (dir, template, data) = setup("ds.csv", format!("{HEADER}\n{rows}").as_bytes());
    let all = dir.path().join("tat-ca.pdf");
    let o = merge(&template, &data).arg("--combine").arg(&all).args(["--so-tu", "5"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let text = pdf_text(&all);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert_eq!(pages.len(), 3, "{text}");
    for (i, (page, name)) in pages.iter().zip(["An", "Hoa", "Dính"]).enumerate() {
        assert!(page.contains(&format!("Số: {:02}/GM-UBND", 5 + i)), "{page}");
        assert!(page.contains(name), "{page}");
    }
    // The same data, the same bytes.
    let again = dir.path().join("lai.pdf");
    let o = merge(&template, &data).arg("--combine").arg(&again).args(["--so-tu", "5"]).output().unwrap();
    assert!(o.status.success());
    assert_eq!(std::fs::read(&all).unwrap(), std::fs::read(&again).unwrap());
    // A bad row: the combined file is not written, and an old one stays as it was.
    std::fs::write(&data, format!("{HEADER}\n{rows}Bà;Hạnh;x;2026-13-01;04\n")).unwrap();
    let before = std::fs::read(&all).unwrap();
    let o = merge(&template, &data).arg("--combine").arg(&all).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("ds.csv:5: cột ngay_hop"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&all).unwrap(), before);
}

#[test]
fn combine_joins_pieces_in_row_order_whatever_the_workers() {
    // 160 rows: four pieces of at most 50 rows (gop::PHAN), so that two workers are
    // processes (see worker::processes) and one is a thread.
    let rows: String = (1..=160).map(|i| format!("Ông;Người {i:03};Trưởng thôn;2026-01-15;09\n")).collect();
    let (dir, template, data) = setup("ds.csv", format!("{HEADER}\n{rows}").as_bytes());
    let (one, two) = (dir.path().join("j1.pdf"), dir.path().join("j2.pdf"));
    for (out, jobs) in [(&one, "1"), (&two, "2")] {
        let o = merge(&template, &data)
            .arg("--combine")
            .arg(out)
            .args(["--so-tu", "1", "-j", jobs])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(
        std::fs::read(&one).unwrap(),
        std::fs::read(&two).unwrap(),
        "the same bytes from any number of workers"
    );
    let text = pdf_text(&one);
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert_eq!(pages.len(), 160);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Số: {:02}/GM-UBND", i + 1)), "page {}: {page}", i + 1);
        assert!(page.contains(&format!("Người {:03}", i + 1)), "page {}: {page}", i + 1);
    }
    // Bad rows in two pieces: both told, by row; nothing written.
    let bad = rows
        .replacen("2026-01-15", "2026-13-01", 1)
        .replace("Người 120;Trưởng thôn;2026-01-15", "Người 120;Trưởng thôn;2026-02-30");
    std::fs::write(&data, format!("{HEADER}\n{bad}")).unwrap();
    let before = std::fs::read(&two).unwrap();
    let o = merge(&template, &data)
        .arg("--combine")
        .arg(&two)
        .args(["-j", "2", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("ds.csv:2: column ngay_hop") && err.contains("ds.csv:121: column ngay_hop"),
        "{err}"
    );
    assert!(err.contains("2 rows failed"), "{err}");
    assert_eq!(std::fs::read(&two).unwrap(), before);
}

#[test]
fn names_come_from_the_pattern_made_safe() {
    let csv =
        format!("{HEADER}\nÔng;Nguyễn/Văn:An;Chủ tịch;2026-01-15;01\nBà;Lò Thị Hoa;Bí thư;2026-01-15;02\n");
    let (dir, template, data) = setup("ds.csv", csv.as_bytes());
    let out = dir.path().join("out");
    let o = merge(&template, &data)
        .arg("--out-dir")
        .arg(&out)
        .args(["--so-tu", "9", "--name", "{{ so }}-{{ ho_ten }}"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(pdfs(&out), ["10-Lò Thị Hoa.pdf", "9-Nguyễn-Văn-An.pdf"]);
    // Two rows with the same name: refused before anything is written.
    let out2 = dir.path().join("out2");
    let o = merge(&template, &data)
        .arg("--out-dir")
        .arg(&out2)
        .args(["--name", "{{ danh_xung[:0] }}giay-moi"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out2.exists());
}

#[test]
fn check_with_data_checks_every_row_and_writes_nothing() {
    let csv = format!("{HEADER}\nÔng;An;Chủ tịch;2026-01-15;01\nBà;Hoa;Bí thư;2026-02-30;02\n");
    let (dir, template, data) = setup("ds.csv", csv.as_bytes());
    let o = render().arg("check").arg(&template).arg("--data").arg(&data).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("ds.csv:3: cột ngay_hop"), "{err}");
    assert!(!err.contains("ds.csv:2:"), "{err}");
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "pdf"))
        .collect();
    assert!(written.is_empty());
    let o = render()
        .args(["check", "--format", "json"])
        .arg(&template)
        .arg("--data")
        .arg(&data)
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&o.stdout)
        .lines()
        .find(|l| l.contains("\"diagnostic\""))
        .map(str::to_owned)
        .unwrap_or_default();
    let v: serde_json::Value =
        serde_json::from_str(&line).unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&o.stdout)));
    assert_eq!(v["row"], format!("{}:3", data.display()));
    assert_eq!(v["columns"], serde_json::json!(["ngay_hop"]));
}

#[test]
fn a_directory_walk_leaves_templates_to_merge() {
    let (dir, _, _) = setup("ds.csv", b"a\n1\n");
    std::fs::copy(common::repo("examples/giay-moi.toml"), dir.path().join("gm.toml")).unwrap();
    let o = render().arg(dir.path()).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("mẫu trộn"), "{}", stderr(&o));
    assert_eq!(pdfs(dir.path()), ["gm.pdf"]);
}

#[test]
fn the_examples_merge_from_their_spreadsheets() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    for (template, data) in [
        ("giay-moi.khuon.toml", "dai-bieu.xlsx"),
        ("giay-moi.khuon.toml", "dai-bieu.csv"),
        ("nang-luong.khuon.toml", "can-bo.ods"),
        ("nang-luong.khuon.toml", "can-bo.xlsx"),
    ] {
        let out = dir.path().join(data);
        let o = render()
            .arg("merge")
            .arg(ex.join(template))
            .arg("--data")
            .arg(ex.join(data))
            .arg("--out-dir")
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{template} {data}: {}", stderr(&o));
        assert!(pdfs(&out).len() >= 8, "{data}: {:?}", pdfs(&out));
    }
    // The workbook and its CSV twin give the same documents, byte for byte.
    for name in pdfs(&dir.path().join("dai-bieu.csv")) {
        let a = std::fs::read(dir.path().join("dai-bieu.csv").join(&name)).unwrap();
        let b = std::fs::read(dir.path().join("dai-bieu.xlsx").join(&name)).unwrap();
        assert!(a == b, "{name} differs between the .csv and the .xlsx");
    }
    for name in pdfs(&dir.path().join("can-bo.ods")) {
        let a = std::fs::read(dir.path().join("can-bo.ods").join(&name)).unwrap();
        let b = std::fs::read(dir.path().join("can-bo.xlsx").join(&name)).unwrap();
        assert!(a == b, "{name} differs between the .ods and the .xlsx");
    }
}

#[test]
fn worker_processes_write_what_one_thread_writes() {
    let ex = examples();
    let dir = tempfile::tempdir().unwrap();
    let (one, many) = (dir.path().join("one"), dir.path().join("many"));
    let template = ex.join("giay-moi.khuon.toml");
    let data = ex.join("dai-bieu.xlsx");
    for (out, jobs) in [(&one, "1"), (&many, "2")] {
        let o = merge(&template, &data)
            .arg("--out-dir")
            .arg(out)
            .args(["-j", jobs, "--so-tu", "31"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let names = pdfs(&one);
    assert_eq!(names.len(), 12);
    assert_eq!(names, pdfs(&many));
    for name in names {
        assert!(
            std::fs::read(one.join(&name)).unwrap() == std::fs::read(many.join(&name)).unwrap(),
            "{name}"
        );
    }
}
