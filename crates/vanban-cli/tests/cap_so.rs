//! `render cap-so`: numbers from the register written into the files, nothing else changed;
//! a second run changes nothing; a failed write cancels its number; many processes at once,
//! some of them killed at random moments, give every number once, on SQLite and on
//! PostgreSQL (`VANBAN_POSTGRES_URL`, set by `source scripts/dich-vu.sh`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use vanban_so::{Loc, SoDangKy, SoSach, TrangThai};

mod common;
use common::render;

const TOML: &str = r#"# Công văn (Mẫu 1.5)
loai = "cong-van" # loại văn bản
don_vi_soan_thao = "NV"
dia_danh = "Phong Thổ"
ngay = "2024"   # văn thư ghi ngày
trich_yeu = "báo cáo tình hình"
kinh_gui = "Các xã"
noi_dung = """
Đề nghị các xã báo cáo./.
"""

# Cơ quan ban hành
[co_quan]
ten = ["Ủy ban nhân dân", "huyện Phong Thổ"]
viet_tat = "UBND"

[nguoi_ky]
quyen_han = ["TM. Ủy ban nhân dân"]
chuc_vu = "Chủ tịch"
ho_ten = "Trần Bảo Trung"

[noi_nhan]
gui = ["Như trên"]
luu = ["VT", "NV"]
"#;

const MARKDOWN: &str = r#"+++
# Kế hoạch
loai = "ke-hoach"
dia_danh = "Phong Thổ"
ngay = "2024-03-05" # đã đủ ngày
trich_yeu = "thi đua"

[co_quan]
ten = ["Ủy ban nhân dân", "huyện Phong Thổ"]
viet_tat = "UBND"

[nguoi_ky]
quyen_han = ["TM. Ủy ban nhân dân"]
chuc_vu = "Chủ tịch"
ho_ten = "Trần Bảo Trung"

[noi_nhan]
gui = ["Các xã"]
luu = ["VT"]
+++

Nội dung kế hoạch./.
"#;

const JSON: &str = r#"{
  "loai": "cong-van",
  "don_vi_soan_thao": "VP",
  "dia_danh": "Phong Thổ",
  "ngay": "2024-05",
  "trich_yeu": "họp",
  "kinh_gui": "Các phòng",
  "noi_dung": "Mời họp./.",
  "co_quan": { "ten": ["Ủy ban nhân dân", "huyện Phong Thổ"], "viet_tat": "UBND" },
  "nguoi_ky": { "quyen_han": ["TM. Ủy ban nhân dân"], "chuc_vu": "Chủ tịch", "ho_ten": "Trần Bảo Trung" },
  "noi_nhan": { "gui": ["Như trên"], "luu": ["VT"] }
}
"#;

fn run(args: &[&str], dir: &Path) -> Output {
    render().arg("cap-so").args(args).current_dir(dir).output().expect("render runs")
}

fn noi(o: &Output) -> String {
    format!("{}{}", common::stdout(o), common::stderr(o))
}

/// The lines of `moi` not in `cu`, and of `cu` not in `moi`.
fn dong_khac(cu: &str, moi: &str) -> (Vec<String>, Vec<String>) {
    let (a, b): (Vec<&str>, Vec<&str>) = (cu.lines().collect(), moi.lines().collect());
    let them = b.iter().filter(|l| !a.contains(l)).map(|l| (*l).to_owned()).collect();
    let bo = a.iter().filter(|l| !b.contains(l)).map(|l| (*l).to_owned()).collect();
    (them, bo)
}

fn mo(dia_chi: &str) -> SoDangKy {
    SoDangKy::mo(dia_chi).unwrap()
}

#[test]
fn three_forms_numbered_only_their_lines_changed_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (ten, text) in [("a.toml", TOML), ("b.md", MARKDOWN), ("c.json", JSON)] {
        std::fs::write(d.join(ten), text).unwrap();
    }
    let o = run(&["a.toml", "b.md", "c.json", "--ngay", "2024-06-01"], d);
    assert!(o.status.success(), "{}", noi(&o));
    let so = mo(&d.join("so-dang-ky.sqlite").display().to_string());
    let muc = so.cac_muc(&Loc::tat_ca()).unwrap();
    assert_eq!(muc.iter().map(|m| m.so).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(muc.iter().all(|m| m.trang_thai == TrangThai::DaCap && m.sach == SoSach::new("UBND", 2024)));
    assert_eq!(muc[0].muc.ky_hieu.as_deref(), Some("UBND-NV"));
    assert_eq!(muc[1].muc.loai, "Kế hoạch");
    assert_eq!(muc[2].muc.ngay, chrono::NaiveDate::from_ymd_opt(2024, 6, 1));

    let toml = std::fs::read_to_string(d.join("a.toml")).unwrap();
    let (them, bo) = dong_khac(TOML, &toml);
    assert_eq!(bo, ["ngay = \"2024\"   # văn thư ghi ngày"]);
    assert_eq!(them[0], "ngay = \"2024-06-01\"   # văn thư ghi ngày");
    assert_eq!(them[1..], ["so = 1".to_owned(), format!("ma_dang_ky = \"{}\"", muc[0].ma)]);
    assert_eq!(toml.lines().count(), TOML.lines().count() + 2);
    let md = std::fs::read_to_string(d.join("b.md")).unwrap();
    let (them, bo) = dong_khac(MARKDOWN, &md);
    assert!(bo.is_empty(), "{bo:?}");
    assert_eq!(them, ["so = 2".to_owned(), format!("ma_dang_ky = \"{}\"", muc[1].ma)]);
    let json = std::fs::read_to_string(d.join("c.json")).unwrap();
    let (them, bo) = dong_khac(JSON, &json);
    assert_eq!(bo, ["  \"ngay\": \"2024-05\","]);
    assert_eq!(them.len(), 3, "{them:?}");
    assert!(them.contains(&"  \"so\": 3,".to_owned()), "{them:?}");

    // Again: not a byte changes, and it says so.
    let o = run(&["a.toml", "b.md", "c.json"], d);
    assert!(o.status.success(), "{}", noi(&o));
    assert_eq!(noi(&o).matches("đã có số").count(), 3, "{}", noi(&o));
    assert_eq!(std::fs::read_to_string(d.join("a.toml")).unwrap(), toml);
    assert_eq!(std::fs::read_to_string(d.join("b.md")).unwrap(), md);
    assert_eq!(std::fs::read_to_string(d.join("c.json")).unwrap(), json);
    let o = run(&["a.toml", "--lang", "en", "--format", "json"], d);
    assert!(noi(&o).contains("already numbered 1"), "{}", noi(&o));
}

#[test]
fn hand_numbers_invalid_documents_and_unknown_ids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("tay.toml"), TOML.replace("loai = \"cong-van\"", "so = 4\nloai = \"cong-van\""))
        .unwrap();
    std::fs::write(d.join("loi.toml"), TOML.replace("dia_danh = \"Phong Thổ\"\n", "")).unwrap();
    std::fs::write(
        d.join("la.toml"),
        TOML.replace("loai = \"cong-van\"", "so = 1\nma_dang_ky = \"khong-co\"\nloai = \"cong-van\""),
    )
    .unwrap();
    for (tep, can) in [("tay.toml", "xóa khóa so"), ("loi.toml", "dia_danh"), ("la.toml", "khong-co")] {
        let cu = std::fs::read(d.join(tep)).unwrap();
        let o = run(&[tep], d);
        assert_eq!(o.status.code(), Some(1), "{tep}: {}", noi(&o));
        assert!(noi(&o).contains(can), "{tep}: {}", noi(&o));
        assert_eq!(std::fs::read(d.join(tep)).unwrap(), cu, "{tep}");
    }
    let so = mo(&d.join("so-dang-ky.sqlite").display().to_string());
    assert!(so.cac_muc(&Loc::tat_ca()).unwrap().is_empty());
    // A usage error: --huy without its reason.
    assert_eq!(run(&["--huy", "1"], d).status.code(), Some(2));
}

#[test]
fn a_file_that_cannot_be_written_keeps_its_text_and_its_number_is_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Tests run as root, which permissions do not stop: a file size limit does. The
    // document (600 KB of comment) is larger than the limit, the register much smaller.
    let lon = format!("{TOML}\n{}", "# đệm\n".repeat(80_000));
    std::fs::write(d.join("lon.toml"), &lon).unwrap();
    let so_dang_ky = d.join("so.sqlite").display().to_string();
    drop(mo(&so_dang_ky));
    let render = env!("CARGO_BIN_EXE_render");
    let o = Command::new("bash")
        .arg("-c")
        .arg(format!("ulimit -f 256; trap '' XFSZ; exec '{render}' cap-so lon.toml --ngay 2024-01-02 --so-dang-ky '{so_dang_ky}'"))
        .current_dir(d)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", noi(&o));
    assert!(noi(&o).contains("đã bị huỷ"), "{}", noi(&o));
    assert_eq!(std::fs::read_to_string(d.join("lon.toml")).unwrap(), lon);
    let so = mo(&so_dang_ky);
    let muc = so.cac_muc(&Loc::tat_ca()).unwrap();
    assert_eq!(muc.len(), 1);
    assert_eq!((muc[0].so, muc[0].trang_thai), (1, TrangThai::DaHuy));
    assert!(muc[0].ly_do_huy.as_deref().unwrap_or("").contains("không ghi được"), "{:?}", muc[0].ly_do_huy);
    // The number is not given again; --huy cancels a given one.
    std::fs::write(d.join("a.toml"), TOML).unwrap();
    let o = run(&["a.toml", "--so-dang-ky", &so_dang_ky, "--ngay", "2024-01-02"], d);
    assert!(o.status.success(), "{}", noi(&o));
    assert!(std::fs::read_to_string(d.join("a.toml")).unwrap().contains("\nso = 2\n"));
    let o = run(
        &[
            "--huy",
            "2",
            "--ly-do",
            "ghi nhầm",
            "--so-sach",
            "UBND",
            "--nam",
            "2024",
            "--so-dang-ky",
            &so_dang_ky,
        ],
        d,
    );
    assert!(o.status.success(), "{}", noi(&o));
    let m = mo(&so_dang_ky).cac_muc(&Loc::tat_ca()).unwrap();
    assert_eq!(
        (m[1].so, m[1].trang_thai, m[1].ly_do_huy.as_deref()),
        (2, TrangThai::DaHuy, Some("ghi nhầm"))
    );
    let o = run(
        &[
            "--huy",
            "2",
            "--ly-do",
            "lần nữa",
            "--so-sach",
            "UBND",
            "--nam",
            "2024",
            "--so-dang-ky",
            &so_dang_ky,
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(1), "{}", noi(&o));
}

/// 8 processes at once, each numbering 100 files of its own, on the register `dia_chi`;
/// with `giet`, three of them are killed (SIGKILL) at random moments and one more run
/// numbers what they left.
fn tam_tien_trinh(dia_chi: &str, giet: bool) {
    let dir = tempfile::tempdir().unwrap();
    let mut con = Vec::new();
    for p in 0..8 {
        let sub = dir.path().join(format!("p{p}"));
        std::fs::create_dir(&sub).unwrap();
        let files: Vec<PathBuf> = (0..100)
            .map(|i| {
                let f = sub.join(format!("{i:03}.toml"));
                std::fs::write(&f, TOML).unwrap();
                f
            })
            .collect();
        let child = render()
            .arg("cap-so")
            .args(&files)
            .args(["--so-dang-ky", dia_chi, "--ngay", "2024-02-03"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        con.push((child, files));
    }
    if giet {
        // Moments drawn from the clock: each run kills at other points of the work.
        let mut hat =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
        for p in [1, 4, 6] {
            hat = hat.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            std::thread::sleep(std::time::Duration::from_millis(20 + (hat >> 33) % 300));
            _ = con[p].0.kill();
        }
    }
    let mut tat_ca = Vec::new();
    let mut bi_giet = 0;
    for (p, (child, files)) in con.into_iter().enumerate() {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success() || (giet && [1, 4, 6].contains(&p)), "{}", noi(&o));
        bi_giet += usize::from(o.status.code().is_none());
        tat_ca.extend(files);
    }
    assert!(!giet || bi_giet > 0, "no process was still at work when killed");
    if giet {
        // What the killed processes left: numbered now, a reservation whose file carries
        // its number confirmed.
        let o = render()
            .arg("cap-so")
            .args(&tat_ca)
            .args(["--so-dang-ky", dia_chi, "--ngay", "2024-02-03"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", noi(&o));
    }
    let so = mo(dia_chi);
    let muc = so.cac_muc(&Loc::tat_ca().sach("UBND").nam(2024)).unwrap();
    let max = muc.iter().map(|m| m.so).max().unwrap();
    assert_eq!(muc.iter().map(|m| m.so).collect::<Vec<_>>(), (1..=max).collect::<Vec<u32>>(), "no gap");
    let cap: Vec<_> = muc.iter().filter(|m| m.trang_thai == TrangThai::DaCap).collect();
    assert_eq!(cap.len(), 800, "each file one number");
    // A killed process holds at most one reservation it had not written yet; such a
    // reservation is cancelled, with its reason, once it is 10 minutes old.
    let treo = muc.iter().filter(|m| m.trang_thai != TrangThai::DaCap).count();
    assert!(treo <= if giet { 3 } else { 0 }, "{treo} numbers not given");
    if !giet {
        assert!(so.kiem_tra().unwrap().is_empty());
    }
    let mut so_tep = Vec::new();
    for f in tat_ca {
        let text = std::fs::read_to_string(&f).unwrap();
        let (van_ban, vi_tri) = vanban_core::doc(&text, vanban_core::DangTep::Toml).unwrap();
        let ma = vi_tri.chuoi("ma_dang_ky").unwrap();
        let m = so.tim(ma).unwrap().unwrap();
        assert_eq!(van_ban.so_hieu.so.map(vanban_core::So::get), Some(m.so), "{}", f.display());
        assert_eq!(m.trang_thai, TrangThai::DaCap, "{}", f.display());
        so_tep.push(m.so);
    }
    so_tep.sort_unstable();
    so_tep.dedup();
    assert_eq!(so_tep.len(), 800, "no number in two files");
}

#[test]
fn eight_processes_give_each_number_once_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    tam_tien_trinh(&dir.path().join("so.sqlite").display().to_string(), false);
}

#[test]
fn killed_processes_leave_no_number_twice_and_no_file_without_its_entry_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    tam_tien_trinh(&dir.path().join("so.sqlite").display().to_string(), true);
}

#[test]
fn eight_processes_give_each_number_once_on_postgres() {
    tren_postgres(false);
}

#[test]
fn killed_processes_leave_no_number_twice_and_no_file_without_its_entry_on_postgres() {
    tren_postgres(true);
}

/// [`tam_tien_trinh`] on a schema of its own in the PostgreSQL of `VANBAN_POSTGRES_URL`.
fn tren_postgres(giet: bool) {
    let url = std::env::var("VANBAN_POSTGRES_URL")
        .expect("VANBAN_POSTGRES_URL is not set: `source scripts/dich-vu.sh` starts PostgreSQL and sets it");
    let luoc_do = format!("vb_cap_so_{}_{}", std::process::id(), u8::from(giet));
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect to PostgreSQL");
    client
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {luoc_do} CASCADE; CREATE SCHEMA {luoc_do}"))
        .unwrap();
    let noi = if url.contains('?') { '&' } else { '?' };
    tam_tien_trinh(&format!("{url}{noi}options=-c%20search_path%3D{luoc_do}"), giet);
    client.batch_execute(&format!("DROP SCHEMA {luoc_do} CASCADE")).unwrap();
}

#[test]
fn the_register_keeps_the_record_of_the_document_as_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.toml"), TOML).unwrap();
    std::fs::write(d.join("b.md"), MARKDOWN).unwrap();
    let o = run(&["a.toml", "b.md", "--ngay", "2024-06-01"], d);
    assert!(o.status.success(), "{}", noi(&o));
    let so = mo(&d.join("so-dang-ky.sqlite").display().to_string());
    for (m, tep) in so.cac_muc(&Loc::tat_ca()).unwrap().iter().zip(["a.toml", "b.md"]) {
        let text = std::fs::read_to_string(d.join(tep)).unwrap();
        let so_tep = format!("so = {}", m.so);
        assert!(text.lines().any(|l| l == so_tep), "{text}");
        let du_lieu = m.muc.du_lieu.as_deref().expect("the record is kept");
        let v: serde_json::Value = serde_json::from_str(du_lieu).unwrap();
        assert_eq!(v["CodeNumber"], serde_json::json!(m.so), "{du_lieu}");
        assert_eq!(v["CodeNotation"].as_str(), m.muc.ky_hieu.as_deref(), "{du_lieu}");
        assert_eq!(v["Subject"].as_str(), Some(m.muc.trich_yeu.as_str()), "{du_lieu}");
        assert_eq!(v["IssuedDate"].as_str(), m.muc.ngay.map(|n| n.to_string()).as_deref(), "{du_lieu}");
    }
    let muc = so.cac_muc(&Loc::tat_ca()).unwrap();
    let v: serde_json::Value = serde_json::from_str(muc[0].muc.du_lieu.as_deref().unwrap()).unwrap();
    assert_eq!(
        (v["CodeNotation"].as_str(), v["Subject"].as_str()),
        (Some("UBND-NV"), Some("báo cáo tình hình"))
    );
}

#[test]
fn check_reports_a_number_the_register_gave_to_another_document() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.toml"), TOML).unwrap();
    std::fs::write(d.join("b.toml"), TOML.replace("báo cáo tình hình", "họp giao ban")).unwrap();
    let o = run(&["a.toml", "b.toml", "--ngay", "2024-06-01"], d);
    assert!(o.status.success(), "{}", noi(&o));
    // c.toml: b's number copied by hand, without b's id.
    let b = std::fs::read_to_string(d.join("b.toml")).unwrap();
    let c: String = b
        .lines()
        .filter(|l| !l.starts_with("ma_dang_ky"))
        .map(|l| l.replace("họp giao ban", "kiểm tra") + "\n")
        .collect();
    assert!(c.contains("so = 2"), "{c}");
    std::fs::write(d.join("c.toml"), &c).unwrap();
    let check = |files: &[&str]| render().arg("check").args(files).current_dir(d).output().unwrap();
    let o = check(&["c.toml"]);
    assert!(!o.status.success(), "{}", noi(&o));
    let b_path = std::fs::canonicalize(d.join("b.toml")).unwrap().display().to_string();
    assert!(noi(&o).contains("số 2 của sổ UBND/2024"), "{}", noi(&o));
    assert!(noi(&o).contains(&b_path), "{}", noi(&o));
    let o = check(&["a.toml", "b.toml"]);
    assert!(o.status.success(), "{}", noi(&o));
    // Another register named: none there, nothing checked against it, and none created.
    let o = check(&["c.toml", "--so-dang-ky", "khac.sqlite"]);
    assert!(o.status.success(), "{}", noi(&o));
    assert!(!d.join("khac.sqlite").exists());
}
