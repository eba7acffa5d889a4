//! `render so-di`: a register of 500 numbers over a year (some cancelled, one reservation left,
//! one trích yếu full of Typst's special characters) written as the printed register (PDF,
//! measured page by page with poppler), a workbook (read back with calamine) and CSV (read
//! back with csv), each compared with the register's entries; `--kiem-tra` on a clean
//! register and on a file edited to carry another number; the errors that write nothing.
//! One case on PostgreSQL (`VANBAN_POSTGRES_URL`, set by `source scripts/dich-vu.sh`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use vanban_so::{Loc, MucDangKy, MucSo, SoDangKy, SoSach, TrangThai};

mod common;
use common::stderr;

const TITLES: [&str; 10] = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
];

/// The trích yếu that must print as itself.
const DAC_BIET: &str = r#"V/v #set $x$ [a] \ "b""#;

fn render(args: &[&str], dir: &Path) -> Output {
    common::render().args(args).current_dir(dir).output().expect("render runs")
}

/// The reason number `so` was cancelled with, if it was.
fn ly_do(so: u32) -> Option<String> {
    (so % 97 == 13).then(|| format!("in nhầm số {so}"))
}

/// Fills the register at `dia_chi` with 500 numbers of book UBND/2025 dated through the year:
/// every 97th from 13 cancelled, number 500 left reserved, number 250 with [`DAC_BIET`].
fn dien_so(dia_chi: &str) {
    let mut so = SoDangKy::mo(dia_chi).unwrap();
    let sach = SoSach::new("UBND", 2025);
    let dau = NaiveDate::from_ymd_opt(2025, 1, 2).unwrap();
    for i in 1..=500u32 {
        let trich_yeu =
            if i == 250 { DAC_BIET.to_owned() } else { format!("V/v báo cáo tình hình số {i}") };
        let mut muc = MucDangKy::new("Công văn", trich_yeu);
        muc.ky_hieu = Some("UBND-VP".into());
        muc.ngay = Some(dau + chrono::Days::new(u64::from(i * 360 / 500)));
        muc.nguoi_ky = Some("Trần Bảo Trung".into());
        muc.noi_nhan = Some("Như trên; Các xã".into());
        muc.don_vi_luu = Some("VT, NV".into());
        muc.so_ban = Some(i % 7 + 1);
        let cap = so.giu_cho(&sach, &muc).unwrap();
        assert_eq!(cap.so, i);
        match ly_do(i) {
            Some(l) => {
                so.huy_giu_cho(&cap.ma, &l).unwrap();
            }
            None if i == 500 => {}
            None => {
                so.xac_nhan(&cap.ma).unwrap();
            }
        }
    }
    // Another year: never in the register of 2025.
    let cap = so.giu_cho(&SoSach::new("UBND", 2024), &MucDangKy::new("Công văn", "năm trước")).unwrap();
    so.xac_nhan(&cap.ma).unwrap();
}

fn muc_2025(dia_chi: &str) -> Vec<MucSo> {
    SoDangKy::mo(dia_chi).unwrap().cac_muc(&Loc::tat_ca().nam(2025)).unwrap()
}

/// The ten texts a row of the register shows for `m`.
fn mong_doi(m: &MucSo) -> [String; 10] {
    let ghi_chu = match m.trang_thai {
        TrangThai::DaHuy => format!("Đã hủy: {}", m.ly_do_huy.clone().unwrap()),
        TrangThai::GiuCho => "Giữ chỗ, chưa xác nhận".to_owned(),
        TrangThai::DaCap => String::new(),
    };
    [
        format!("{:02}/{}", m.so, m.muc.ky_hieu.clone().unwrap()),
        m.muc.ngay.unwrap().format("%d/%m/%Y").to_string(),
        format!("{}: {}", m.muc.loai, m.muc.trich_yeu),
        m.muc.nguoi_ky.clone().unwrap(),
        m.muc.noi_nhan.clone().unwrap(),
        m.muc.don_vi_luu.clone().unwrap(),
        m.muc.so_ban.unwrap().to_string(),
        String::new(),
        String::new(),
        ghi_chu,
    ]
}

/// Whether the words of `text` appear in order in row `so` of the register's text `flat`.
fn trong_dong(flat: &str, so: u32, text: &str) -> bool {
    let Some(dau) = flat.find(&format!("{so:02}/UBND")) else { return false };
    let het = flat.find(&format!("{:02}/UBND", so + 1)).unwrap_or(flat.len());
    let mut tu = flat[dau..het].split(' ');
    text.split_whitespace().all(|w| tu.any(|t| t == w))
}

/// The size of each page of `pdf`, in points, by pdfinfo.
fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    let out = Command::new("pdfinfo").args(["-f", "1", "-l", "100000"]).arg(pdf).output().unwrap();
    assert!(out.status.success(), "pdfinfo: {}", stderr(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size: "))
        .map(|l| {
            let size: Vec<f64> = l
                .split(" size: ")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (size[0], size[1])
        })
        .collect()
}

/// The text of every page of `pdf`, by pdftotext.
fn pages(pdf: &Path) -> Vec<String> {
    let out =
        Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success(), "pdftotext: {}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[test]
fn the_printed_register_has_every_number_once_on_landscape_pages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.sqlite").display().to_string();
    dien_so(&db);
    let args = ["so-di", "--so-dang-ky", &db, "--nam", "2025", "--co-quan", "Ủy ban nhân dân xã Phong Thổ"];
    let out = render(&[&args[..], &["-o", "so.pdf"]].concat(), dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = dir.path().join("so.pdf");

    let sizes = page_sizes(&pdf);
    let text = pages(&pdf);
    assert_eq!(sizes.len(), text.len());
    assert!(sizes.len() > 10, "{} pages", sizes.len());
    let (w, h) = sizes[0];
    assert!((w - 595.28).abs() < 1.0 && (h - 841.89).abs() < 1.0, "cover {w}×{h}");
    for s in [
        "ỦY BAN NHÂN DÂN XÃ PHONG THỔ",
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Năm: 2025",
        "Từ số 01 đến số 500",
        "Quyển số: 01",
    ] {
        assert!(text[0].contains(s), "{s} not on the cover:\n{}", text[0]);
    }
    assert!(text[0].contains("Từ ngày 02/01/2025 đến ngày"), "{}", text[0]);

    let mut so_thay = Vec::new();
    let so_ky_hieu = regex::Regex::new(r"(?m)^\s*(\d{2,3})/UBND").unwrap();
    for (i, ((w, h), page)) in sizes.iter().zip(&text).enumerate().skip(1) {
        assert!((w - 841.89).abs() < 1.0 && (h - 595.28).abs() < 1.0, "page {}: {w}×{h}", i + 1);
        let words: Vec<&str> = page.split_whitespace().collect();
        for (c, title) in TITLES.iter().enumerate() {
            let so = format!("({})", c + 1);
            assert!(words.contains(&so.as_str()), "page {}: no column number {so}", i + 1);
            for word in title.split_whitespace() {
                assert!(words.contains(&word), "page {}: no “{word}” of “{title}”:\n{page}", i + 1);
            }
        }
        so_thay.extend(so_ky_hieu.captures_iter(page).map(|c| c[1].parse::<u32>().unwrap()));
    }
    assert_eq!(so_thay, (1..=500).collect::<Vec<_>>(), "every number once, in order");

    let all = text[1..].join("\n");
    let flat: String = all.split_whitespace().collect::<Vec<_>>().join(" ");
    // A cell's lines are drawn with those of its row's other cells: its words are looked for
    // in order within its row.
    assert!(trong_dong(&flat, 13, "Đã hủy: in nhầm số 13"), "the cancelled number's reason");
    assert!(trong_dong(&flat, 500, "Giữ chỗ, chưa xác nhận"), "the reservation is marked");
    let dac_biet = format!("Công văn: {DAC_BIET}");
    assert!(trong_dong(&flat, 250, &dac_biet), "special characters print as themselves");
    for tu in ["#set", "$x$", "[a]", "\\", "\"b\""] {
        assert!(flat.split(' ').any(|w| w == tu), "{tu} printed as itself");
    }
    assert!(!flat.contains("năm trước"), "another year's entries are left out");

    let first = std::fs::read(&pdf).unwrap();
    let out = render(&[&args[..], &["-o", "so2.pdf"]].concat(), dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(first, std::fs::read(dir.path().join("so2.pdf")).unwrap(), "same bytes twice");
}

#[test]
fn the_workbook_and_the_csv_file_hold_the_register() {
    use calamine::{Data, Reader};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.sqlite").display().to_string();
    dien_so(&db);
    let muc = muc_2025(&db);
    assert_eq!(muc.len(), 500);
    for out in ["so.xlsx", "so.csv"] {
        let o = render(&["so-di", "--so-dang-ky", &db, "--nam", "2025", "-o", out], dir.path());
        assert!(o.status.success(), "{out}: {}", stderr(&o));
    }

    let mut book = calamine::open_workbook_auto(dir.path().join("so.xlsx")).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 501);
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    assert_eq!(header, TITLES);
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    for (row, m) in rows[1..].iter().zip(&muc) {
        let want = mong_doi(m);
        for c in [0, 2, 3, 4, 5, 7, 8, 9] {
            let got = match &row[c] {
                Data::Empty => String::new(),
                Data::String(s) => s.clone(),
                other => panic!("row {}: column {} is {other:?}, not text", m.so, c + 1),
            };
            assert_eq!(got, want[c], "row {} column {}", m.so, c + 1);
        }
        match &row[1] {
            Data::DateTime(d) => {
                let ngay = epoch + chrono::Days::new(d.as_f64() as u64);
                assert_eq!(Some(ngay), m.muc.ngay, "row {} date", m.so);
            }
            other => panic!("row {}: the date is {other:?}", m.so),
        }
        assert_eq!(row[6], Data::Float(f64::from(m.muc.so_ban.unwrap())), "row {} copies", m.so);
    }

    let bytes = std::fs::read(dir.path().join("so.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte order mark");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, TITLES);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 500);
    for (r, m) in records.iter().zip(&muc) {
        let got: Vec<&str> = r.iter().collect();
        assert_eq!(got, mong_doi(m), "row {}", m.so);
    }

    let again = render(&["so-di", "--so-dang-ky", &db, "--nam", "2025", "-o", "so2.xlsx"], dir.path());
    assert!(again.status.success());
    assert_eq!(
        std::fs::read(dir.path().join("so.xlsx")).unwrap(),
        std::fs::read(dir.path().join("so2.xlsx")).unwrap(),
        "the workbook's bytes do not change"
    );
}

#[test]
fn a_date_range_selects_rows_and_several_books_must_be_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.sqlite").display().to_string();
    dien_so(&db);
    let o = render(
        &[
            "so-di",
            "--so-dang-ky",
            &db,
            "--tu-ngay",
            "2025-03-01",
            "--den-ngay",
            "2025-03-31",
            "-o",
            "t3.csv",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(dir.path().join("t3.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let ngay: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
    assert!(!ngay.is_empty() && ngay.iter().all(|n| n.ends_with("/03/2025")), "{ngay:?}");

    let mut so = SoDangKy::mo(&db).unwrap();
    let cap = so.giu_cho(&SoSach::new("QPPL", 2025), &MucDangKy::new("Quyết định", "ban hành")).unwrap();
    so.xac_nhan(&cap.ma).unwrap();
    let o = render(&["so-di", "--so-dang-ky", &db, "--nam", "2025", "-o", "x.csv"], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("QPPL, UBND") && stderr(&o).contains("--so-sach"), "{}", stderr(&o));
    assert!(!dir.path().join("x.csv").exists());
    let o = render(
        &["so-di", "--so-dang-ky", &db, "--nam", "2025", "--so-sach", "QPPL", "-o", "x.csv"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Three documents numbered by `render cap-so` into the register `so.sqlite` of `dir`.
fn ba_van_ban(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (i, ten) in ["a", "b", "c"].iter().enumerate() {
        let path = dir.join(format!("{ten}.toml"));
        std::fs::write(&path, cong_van(i)).unwrap();
        files.push(path);
    }
    let o = render(&["cap-so", "a.toml", "b.toml", "c.toml", "--ngay", "2025-03-05"], dir);
    assert!(o.status.success(), "{}", stderr(&o));
    files
}

fn cong_van(i: usize) -> String {
    format!(
        r#"loai = "cong-van"
don_vi_soan_thao = "VP"
dia_danh = "Phong Thổ"
ngay = "2025"
trich_yeu = "báo cáo tình hình {i}"
kinh_gui = "Các xã"
noi_dung = "Đề nghị các xã báo cáo./."

[co_quan]
chu_quan = ["Ủy ban nhân dân tỉnh Lai Châu"]
ten = ["Ủy ban nhân dân", "xã Phong Thổ"]
viet_tat = "UBND"

[nguoi_ky]
quyen_han = ["TM. Ủy ban nhân dân"]
chuc_vu = "Chủ tịch"
ho_ten = "Trần Bảo Trung"

[noi_nhan]
gui = ["Như trên"]
luu = ["VT", "VP"]
"#
    )
}

#[test]
fn kiem_tra_finds_a_file_that_carries_another_number() {
    let dir = tempfile::tempdir().unwrap();
    let files = ba_van_ban(dir.path());
    let o = render(&["so-di", "--kiem-tra"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("không có gì bất thường"));
    let o = render(&["so-di", "--kiem-tra", "--lang", "en"], dir.path());
    assert!(String::from_utf8_lossy(&o.stdout).contains("no inconsistencies"));

    // The agency's name comes from the documents' files.
    let o = render(&["so-di", "--nam", "2025", "-o", "so.pdf"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let bia = &pages(&dir.path().join("so.pdf"))[0];
    assert!(bia.contains("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU") && bia.contains("XÃ PHONG THỔ"), "{bia}");

    let b = std::fs::read_to_string(&files[1]).unwrap();
    let so = regex::Regex::new(r"(?m)^so = 2\b").unwrap();
    assert!(so.is_match(&b), "{b}");
    std::fs::write(&files[1], so.replace(&b, "so = 7").as_ref()).unwrap();
    let before: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    let o = render(&["so-di", "--kiem-tra"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("b.toml") && err.contains("số 7") && err.contains("số 2"), "{err}");
    assert!(!err.contains("a.toml") && !err.contains("c.toml"), "{err}");
    let o = render(&["so-di", "--kiem-tra", "--lang", "en"], dir.path());
    let err = stderr(&o);
    assert!(err.contains("b.toml") && err.contains("number 7") && err.contains("number 2"), "{err}");
    let after: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(before, after, "--kiem-tra writes nothing");
}

#[test]
fn errors_write_nothing_and_leave_the_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.sqlite").display().to_string();
    dien_so(&db);
    std::fs::write(dir.path().join("cu.pdf"), b"old").unwrap();

    let o = render(&["so-di", "--so-dang-ky", &db, "-o", "so.docx"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".pdf, .xlsx hoặc .csv"), "{}", stderr(&o));
    assert!(!dir.path().join("so.docx").exists());

    let o = render(&["so-di", "--so-dang-ky", "khong-co.sqlite", "-o", "cu.pdf"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("không có sổ đăng ký “khong-co.sqlite”"), "{}", stderr(&o));
    assert!(!dir.path().join("khong-co.sqlite").exists(), "no register is created");
    let o = render(&["so-di", "--kiem-tra", "--so-dang-ky", "khong-co.sqlite"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(!dir.path().join("khong-co.sqlite").exists(), "no register is created");

    let o =
        render(&["so-di", "--so-dang-ky", &db, "--nam", "2023", "-o", "cu.pdf", "--lang", "en"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("has no document in 2023"), "{}", stderr(&o));
    assert_eq!(std::fs::read(dir.path().join("cu.pdf")).unwrap(), b"old", "the old file is untouched");

    let o = render(
        &["so-di", "--so-dang-ky", &db, "--tu-ngay", "2025-05-01", "--den-ngay", "2025-04-01", "-o", "x.csv"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "so.sqlite" && !n.starts_with("so.sqlite-"))
        .collect();
    assert_eq!(left, ["cu.pdf"], "no other file written");
}

#[test]
fn the_register_on_postgres() {
    let url = std::env::var("VANBAN_POSTGRES_URL")
        .expect("VANBAN_POSTGRES_URL is not set: `source scripts/dich-vu.sh` starts PostgreSQL and sets it");
    let luoc_do = format!("vb_so_di_{}", std::process::id());
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect to PostgreSQL");
    client
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {luoc_do} CASCADE; CREATE SCHEMA {luoc_do}"))
        .unwrap();
    let noi = if url.contains('?') { '&' } else { '?' };
    let dia_chi = format!("{url}{noi}options=-c%20search_path%3D{luoc_do}");
    dien_so(&dia_chi);
    let dir = tempfile::tempdir().unwrap();
    let o = render(&["so-di", "--so-dang-ky", &dia_chi, "--nam", "2025", "-o", "so.csv"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(dir.path().join("so.csv")).unwrap();
    let rows: Vec<csv::StringRecord> =
        csv::Reader::from_reader(&bytes[3..]).records().map(Result::unwrap).collect();
    let muc = muc_2025(&dia_chi);
    assert_eq!(rows.len(), 500);
    for (r, m) in rows.iter().zip(&muc) {
        assert_eq!(r.iter().collect::<Vec<_>>(), mong_doi(m));
    }
    let o = render(&["so-di", "--kiem-tra", "--so-dang-ky", &dia_chi], dir.path());
    assert_eq!(o.status.code(), Some(1), "the reservation left is reported");
    assert!(stderr(&o).contains("số 500 của sổ UBND/2025"), "{}", stderr(&o));
    client.batch_execute(&format!("DROP SCHEMA {luoc_do} CASCADE")).unwrap();
}
