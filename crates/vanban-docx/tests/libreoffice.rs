//! The proof by a real word processor: the DOCX of the reference documents (and of the test
//! documents the writer covers) is converted to PDF by LibreOffice, headless, and that PDF is
//! measured against the decree: A4 and the margins, the header's texts, Số and the date on one
//! baseline, justified body lines with a 1 cm first-line indent, the text back word for word
//! in order (from the PDF, and from LibreOffice's own text export), page numbers from page 2 only, Nơi nhận level with and left of the signer's block,
//! and the fonts; the electronic công văn's signature and seal images are in its PDF, printed
//! at their own 300 dpi (their real size, as the PDF renderer prints them); an electronic
//! copy's signature text stands in the top band right of ô 11, and each part issued as a file
//! of its own has the document's number and signing time there, its pages numbered from 1.
//! The công văn is measured a second time after a program has edited its DOCX
//! (one body word replaced by a longer one in `word/document.xml`, the package rezipped), as a
//! user's script would: the edit reflows its paragraph and the result still measures.
//!
//! Needs `soffice` (Debian: `libreoffice-writer-nogui`) and poppler-utils (`pdftotext`,
//! `pdffonts`, `pdfimages`). Set `VANBAN_KHONG_LIBREOFFICE=1` to skip it; without that a missing tool fails.
//!
//! Tolerances (points unless said):
//! - page size ±0.5: LibreOffice keeps the twips it reads; 11906 × 16838 twips is 595.3 ×
//!   841.9 pt, and the PDF writes them to 1/1000 pt.
//! - margins ±1: positions go through twips (1/20 pt) in LibreOffice and 1/1000 pt in the
//!   PDF; the text's top is poppler's nominal box top (0.95 em over the baseline), which is
//!   about 0.2 pt above where LibreOffice starts the line (ascent + line gap, 0.934 em).
//! - one baseline ±1 (the brief): both sit at the same distance from the row's top; the rest
//!   is rounding.
//! - first-line indent ±0.5 mm (the brief).
//! - a justified line's right edge ±2: LibreOffice spreads a line's slack over its spaces in
//!   whole layout units and rounds glyph advances, so the last glyph of a stretched line lands
//!   up to about 1.5 pt short of the margin (measured over the ~300 justified lines of these
//!   documents: 551.2–552.8 against a margin at 552.76). A ragged line ends short by the word
//!   that did not fit, several points at least.

mod common;

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::pdf::{Dong, Pdf, doc_pdf, phong_chu};
use common::{KY_SO, TAI_LIEU, doc, goc};
use unicode_normalization::UnicodeNormalization;
use vanban_core::le::LE_MM;
use vanban_core::{CapTieuDe, Chu, Khoi, Mau, VanBan};
use zip::write::SimpleFileOptions;

const MM: f64 = 72.0 / 25.4;
const TRANG_RONG: f64 = 210.0 * MM;
const TRANG_CAO: f64 = 297.0 * MM;
const LE_TREN: f64 = LE_MM.tren * MM;
const LE_DUOI: f64 = LE_MM.duoi * MM;
const LE_TRAI: f64 = LE_MM.trai * MM;
const LE_PHAI: f64 = LE_MM.phai * MM;
const PHAI: f64 = TRANG_RONG - LE_PHAI;
/// See the module's comment.
const SAI_SO: f64 = 1.0;
const SAI_SO_THUT: f64 = 0.5 * MM;
const SAI_SO_DEU: f64 = 2.0;

/// The directory of the converted PDFs, converted once for all the tests of this file;
/// `None` when skipped on purpose.
fn thu_muc_pdf() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(chuyen_doi).as_deref()
}

fn co_lenh(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

fn chuyen_doi() -> Option<PathBuf> {
    if std::env::var("VANBAN_KHONG_LIBREOFFICE").as_deref() == Ok("1") {
        eprintln!("skipped: VANBAN_KHONG_LIBREOFFICE=1, the DOCX is not checked by LibreOffice");
        return None;
    }
    let cai = "install them with `apt-get update && apt-get install -y --no-install-recommends \
               libreoffice-writer-nogui poppler-utils`, or set VANBAN_KHONG_LIBREOFFICE=1 to skip this test";
    assert!(co_lenh("soffice"), "LibreOffice (soffice) is not installed: {cai}");
    assert!(co_lenh("pdftotext") && co_lenh("pdffonts"), "poppler-utils is not installed: {cai}");
    // Under the target directory, one folder per run (kept, to look at the PDFs after a
    // failure); those of runs over an hour old are removed (not a run going on beside this).
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for e in std::fs::read_dir(tmp).into_iter().flatten().flatten() {
        let old = e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        if e.file_name().to_string_lossy().starts_with("vanban-docx-lo-")
            && old.is_some_and(|d| d.as_secs() > 3600)
        {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
    let dir = tempfile::Builder::new().prefix("vanban-docx-lo-").tempdir_in(tmp).expect("temp dir").keep();
    eprintln!("LibreOffice's PDFs: {}", dir.display());
    let mut files = Vec::new();
    for rel in TAI_LIEU {
        for tep in common::cac_tep(rel) {
            let path = dir.join(format!("{}.docx", ten_tep(rel, tep.ten.as_deref())));
            std::fs::write(&path, tep.docx).unwrap();
            files.push(path);
        }
    }
    let path = dir.join(format!("{SUA}.docx"));
    std::fs::write(&path, ban_sua().docx).unwrap();
    files.push(path);
    // The system's Liberation Serif 1.x lacks many Vietnamese letters (LibreOffice would set
    // them in DejaVu); the project's own Liberation Serif 2 (fonts/, metric-compatible with
    // Times New Roman, which the document names) has them all: a private fontconfig file adds
    // it. A private profile keeps parallel runs apart.
    let fonts_conf = dir.join("fonts.conf");
    std::fs::write(
        &fonts_conf,
        format!(
            "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>\
             <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{}</dir>\
             <cachedir>{}</cachedir></fontconfig>",
            goc().join("fonts").canonicalize().unwrap().display(),
            dir.join("fc-cache").display()
        ),
    )
    .unwrap();
    // To PDF, then to plain text (LibreOffice's own text export, for the words).
    for (to, ext) in [("pdf", "pdf"), ("txt:Text (encoded):UTF8", "txt")] {
        let out = Command::new("soffice")
            .arg(format!("-env:UserInstallation=file://{}", dir.join("profile").display()))
            .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
            .arg(&dir)
            .args(&files)
            .env("FONTCONFIG_FILE", &fonts_conf)
            .output()
            .expect("soffice runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "soffice failed: {err}");
        for docx in &files {
            assert!(
                docx.with_extension(ext).exists(),
                "LibreOffice wrote no {ext} for {}: {err}",
                docx.display()
            );
        }
    }
    Some(dir)
}

/// The file name of `rel`'s DOCX and PDF: its stem, after the folder it is in for a test
/// document in a folder of its own (`ky-so-cong-van`, not `cong-van` twice).
fn ten(rel: &str) -> String {
    let p = Path::new(rel);
    let stem = p.file_stem().unwrap().to_str().unwrap();
    match p.parent().and_then(|d| d.file_name()).and_then(|d| d.to_str()) {
        Some(d) if d != "examples" && d != "documents" => format!("{d}-{stem}"),
        _ => stem.to_owned(),
    }
}

/// The file name of `rel`'s part `phan` (`phu-luc-dien-tu.phu-luc-II`), or of the document.
fn ten_tep(rel: &str, phan: Option<&str>) -> String {
    match phan {
        Some(p) => format!("{}.{p}", ten(rel)),
        None => ten(rel),
    }
}

/// Each covered document with its PDF read back; empty when skipped.
fn cac_tai_lieu() -> Vec<(&'static str, VanBan, Pdf)> {
    let Some(dir) = thu_muc_pdf() else { return Vec::new() };
    TAI_LIEU.iter().map(|rel| (*rel, doc(rel), doc_pdf(&dir.join(format!("{}.pdf", ten(rel)))))).collect()
}

/// The lines inside the text area (not the top band with page numbers and ô 11, nor ô 13),
/// top to bottom and left to right: pdftotext's own reading order may put a paragraph's
/// short last line in a block of its own, elsewhere.
fn dong_than(p: &Pdf) -> Vec<&Dong> {
    let duoi = |d: &Dong| p.trang[d.trang - 1].1 - LE_DUOI;
    let mut than: Vec<&Dong> =
        p.dong.iter().filter(|d| d.duong_co_so() > LE_TREN && d.duong_co_so() < duoi(d)).collect();
    than.sort_by(|a, b| {
        let key = |d: &Dong| (d.trang, d.duong_co_so().round() as i64);
        key(a).cmp(&key(b)).then(a.x0().total_cmp(&b.x0()))
    });
    than
}

fn gan(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn a4_and_margins() {
    for (rel, _, p) in cac_tai_lieu() {
        kiem_le(rel, &p);
    }
}

/// A4 pages, every line of the text area inside the margins, and the text block reaching the
/// side margins and, on page 1, the top margin.
fn kiem_le(rel: &str, p: &Pdf) {
    for (i, (w, h)) in p.trang.iter().enumerate() {
        // Portrait, or landscape for an appendix that asks for it.
        let a4 = |a: f64, b: f64| gan(a, TRANG_RONG, 0.5) && gan(b, TRANG_CAO, 0.5);
        assert!(a4(*w, *h) || a4(*h, *w), "{rel} page {}: {w} × {h}", i + 1);
    }
    let than = dong_than(p);
    let phai = |d: &Dong| p.trang[d.trang - 1].0 - LE_PHAI;
    let duoi = |d: &Dong| p.trang[d.trang - 1].1 - LE_DUOI;
    for d in &than {
        assert!(
            d.x0() >= LE_TRAI - SAI_SO && d.x1() <= phai(d) + SAI_SO,
            "{rel}: {:?} outside the side margins",
            d.chu()
        );
        assert!(d.duong_co_so() <= duoi(d), "{rel}: {:?} below the bottom margin", d.chu());
    }
    // The text block reaches both side margins (unindented and justified lines) and starts
    // at the top margin on page 1.
    let left = than.iter().map(|d| d.x0()).fold(f64::INFINITY, f64::min);
    let right = than.iter().filter(|d| d.trang == 1).map(|d| d.x1()).fold(0.0, f64::max);
    assert!(gan(left, LE_TRAI, SAI_SO), "{rel}: text starts at {left}, margin {LE_TRAI}");
    assert!(gan(right, PHAI, SAI_SO_DEU), "{rel}: page 1's text ends at {right}, margin {PHAI}");
    let top = than.iter().filter(|d| d.trang == 1).map(|d| d.y0()).fold(f64::INFINITY, f64::min);
    assert!(gan(top, LE_TREN, SAI_SO), "{rel}: page 1's text starts at {top}, margin {LE_TREN}");
}

/// The NFC words of `s`.
fn tu(s: &str) -> Vec<String> {
    s.split_whitespace().map(|w| w.nfc().collect()).collect()
}

#[test]
fn header_texts_open_page_one() {
    for (rel, vb, p) in cac_tai_lieu() {
        kiem_dau(rel, &vb, &p);
    }
}

/// The agency (left) and Quốc hiệu, Tiêu ngữ (right) above Số, word for word.
fn kiem_dau(rel: &str, vb: &VanBan, p: &Pdf) {
    let than = dong_than(p);
    let so =
        than.iter().find(|d| d.trang == 1 && d.tu[0].chu == "Số:").unwrap_or_else(|| panic!("{rel}: no Số"));
    let cot = LE_TRAI + (PHAI - LE_TRAI) * 0.35;
    let above = |left: bool| -> Vec<String> {
        let mut lines: Vec<&&Dong> = than
            .iter()
            .filter(|d| d.trang == 1 && d.duong_co_so() < so.duong_co_so() - 2.0 && (d.x1() <= cot) == left)
            .collect();
        lines.sort_by(|a, b| a.duong_co_so().total_cmp(&b.duong_co_so()));
        lines.iter().flat_map(|d| tu(&d.chu())).collect()
    };
    let mut agency = vb.co_quan.chu_quan_in();
    agency.extend(vb.co_quan.ten_in());
    assert_eq!(above(true), tu(&agency.join(" ")), "{rel}: the agency above Số, left");
    assert_eq!(
        above(false),
        tu("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"),
        "{rel}: right"
    );
}

#[test]
fn so_and_date_on_one_baseline() {
    for (rel, vb, p) in cac_tai_lieu() {
        kiem_so_ngay(rel, &vb, &p);
    }
}

/// Số and the date on one baseline, Số on the left.
fn kiem_so_ngay(rel: &str, vb: &VanBan, p: &Pdf) {
    let Some(dia_danh) = &vb.dia_danh else { return };
    let than = dong_than(p);
    let so = than.iter().find(|d| d.trang == 1 && d.tu[0].chu == "Số:").unwrap();
    let first = tu(dia_danh)[0].clone();
    let date = than
        .iter()
        .find(|d| d.trang == 1 && d.tu[0].chu.nfc().collect::<String>() == first && d.chu().contains("ngày"))
        .unwrap_or_else(|| panic!("{rel}: no date line"));
    assert!(
        gan(so.duong_co_so(), date.duong_co_so(), SAI_SO),
        "{rel}: Số at {}, date at {}",
        so.duong_co_so(),
        date.duong_co_so()
    );
    assert!(so.x1() < date.x0(), "{rel}: Số left of the date");
}

/// The stream of words of the text area, each with the index of its line in `than`.
fn dong_tu(than: &[&Dong]) -> Vec<(String, usize)> {
    than.iter().enumerate().flat_map(|(i, d)| d.tu.iter().map(move |t| (t.chu.nfc().collect(), i))).collect()
}

/// Where `words` stand together in `stream` from `from` on.
fn tim(stream: &[(String, usize)], words: &[String], from: usize) -> Option<usize> {
    (from..=stream.len().saturating_sub(words.len()))
        .find(|&i| stream[i..i + words.len()].iter().map(|w| &w.0).eq(words))
}

/// The body blocks whose lines are checked: paragraphs and headings without forced breaks.
fn doan_kiem(k: &Khoi) -> Option<String> {
    match k {
        Khoi::DoanVan(d) | Khoi::TieuDe { noi_dung: d, .. } => {
            if matches!(k, Khoi::TieuDe { cap: CapTieuDe::PhanChuong, .. })
                || d.0.iter().any(|c| matches!(c, Chu::XuongDong))
            {
                None
            } else {
                Some(d.plain())
            }
        }
        Khoi::Bang(_) => None,
    }
}

#[test]
fn body_word_for_word_justified_with_indent() {
    let mut checked = 0;
    for (rel, vb, p) in cac_tai_lieu() {
        checked += kiem_than(rel, &vb, &p);
    }
    if thu_muc_pdf().is_some() {
        assert!(checked >= 20, "only {checked} justified paragraphs measured");
    }
}

/// The body word for word and in order, each paragraph's first line indented 1 cm and its
/// other lines at the margin, justified but for the last; then Nơi nhận and the signer's
/// name. Gives the number of justified paragraphs of three lines or more measured.
fn kiem_than(rel: &str, vb: &VanBan, p: &Pdf) -> usize {
    let mut checked = 0;
    let than = dong_than(p);
    let stream = dong_tu(&than);
    let mut cursor = 0;
    for k in &vb.noi_dung.0 {
        let Some(text) = doan_kiem(k) else {
            // Tables and Phần / Chương headings: every word is there.
            for w in tu(&k.plain()).iter().filter(|w| *w != "|") {
                assert!(stream.iter().any(|s| s.0.contains(w.as_str())), "{rel}: {w} missing");
            }
            continue;
        };
        let words = tu(&text);
        let ngan: String = text.chars().take(50).collect();
        let at = tim(&stream, &words, cursor).unwrap_or_else(|| {
            let near: Vec<&str> =
                stream[cursor..(cursor + 30).min(stream.len())].iter().map(|w| w.0.as_str()).collect();
            panic!("{rel}: paragraph not found in order: {ngan:?}…\nafter: {near:?}")
        });
        cursor = at + words.len();
        let mut lines: Vec<usize> = stream[at..cursor].iter().map(|w| w.1).collect();
        lines.dedup();
        let first = than[lines[0]];
        assert!(
            gan(first.x0(), LE_TRAI + 10.0 * MM, SAI_SO_THUT),
            "{rel}: first line of {ngan:?}… starts at {}, want {}",
            first.x0(),
            LE_TRAI + 10.0 * MM
        );
        for (n, &l) in lines.iter().enumerate().skip(1) {
            assert!(
                gan(than[l].x0(), LE_TRAI, SAI_SO_THUT),
                "{rel}: line {:?} not at the margin",
                than[l].chu()
            );
            if n + 1 < lines.len() && matches!(k, Khoi::DoanVan(_)) {
                assert!(
                    gan(than[l].x1(), PHAI, SAI_SO_DEU),
                    "{rel}: line {:?} not justified ({})",
                    than[l].chu(),
                    than[l].x1()
                );
            }
        }
        if lines.len() > 2 && matches!(k, Khoi::DoanVan(_)) {
            assert!(gan(first.x1(), PHAI, SAI_SO_DEU), "{rel}: first line of {ngan:?}… not justified");
            checked += 1;
        }
    }
    // Then the signature block, in order: Nơi nhận's lines and the signer's name.
    for l in vb.noi_nhan.dong().iter().chain([&vb.nguoi_ky.ho_ten]) {
        let at = tim(&stream, &tu(l), 0).unwrap_or_else(|| panic!("{rel}: {l:?} missing"));
        assert!(at >= cursor, "{rel}: {l:?} before the end of the body");
    }
    checked
}

#[test]
fn text_export_gives_every_word_back_in_order() {
    let Some(dir) = thu_muc_pdf() else { return };
    for rel in TAI_LIEU {
        let vb = doc(rel);
        let text = std::fs::read_to_string(dir.join(format!("{}.txt", ten(rel)))).unwrap();
        let stream: Vec<(String, usize)> =
            tu(text.trim_start_matches('\u{feff}')).into_iter().map(|w| (w, 0)).collect();
        // The body's paragraphs and headings, each word for word, in the model's order; then
        // Nơi nhận's lines and the signer's name after them.
        let mut cursor = 0;
        for k in &vb.noi_dung.0 {
            let Some(para) = doan_kiem(k) else { continue };
            let words = tu(&para);
            let at = tim(&stream, &words, cursor).unwrap_or_else(|| {
                let ngan: String = para.chars().take(60).collect();
                panic!("{rel}: {ngan:?}… not in the text export, in order")
            });
            cursor = at + words.len();
        }
        for l in vb.noi_nhan.dong().iter().chain([&vb.nguoi_ky.ho_ten]) {
            let at = tim(&stream, &tu(l), 0).unwrap_or_else(|| panic!("{rel}: {l:?} not in the text export"));
            assert!(at >= cursor, "{rel}: {l:?} before the end of the body");
        }
    }
}

#[test]
fn page_numbers_from_page_two_centred() {
    let mut many = 0;
    for (rel, vb, p) in cac_tai_lieu() {
        many += kiem_so_trang(rel, &vb, &p);
    }
    if thu_muc_pdf().is_some() {
        assert!(many >= 5, "only {many} numbered pages");
    }
}

/// The document and each part on pages of its own are numbered from 1, centred in the top
/// band, with no number on their first page. Gives the number of numbered pages.
fn kiem_so_trang(rel: &str, vb: &VanBan, p: &Pdf) -> usize {
    let mut many = 0;
    // The parts on pages of their own in the document's file (not those issued as files of
    // their own).
    let parts = 1 + usize::from(vb.kem_theo.is_some()) + vb.phu_luc.len() - vb.tep_rieng().len();
    let mut starts = 0;
    let mut next = 1;
    for n in 1..=p.trang.len() {
        let band: Vec<&Dong> = p.dong.iter().filter(|d| d.trang == n && d.duong_co_so() < LE_TREN).collect();
        let number = band.iter().find(|d| d.chu().parse::<u32>().is_ok());
        match number {
            None => {
                starts += 1;
                next = 2;
            }
            Some(d) => {
                assert_eq!(d.chu(), next.to_string(), "{rel}: page {n}");
                assert!(n > 1, "{rel}: a number on page 1");
                let centre = (d.x0() + d.x1()) / 2.0;
                let mid = (LE_TRAI + p.trang[n - 1].0 - LE_PHAI) / 2.0;
                assert!(gan(centre, mid, SAI_SO), "{rel}: page {n}'s number centred at {centre}, want {mid}");
                next += 1;
                many += 1;
            }
        }
    }
    assert_eq!(starts, parts, "{rel}: pages without a number");
    many
}

#[test]
fn noi_nhan_beside_the_signer() {
    for (rel, vb, p) in cac_tai_lieu() {
        kiem_noi_nhan(rel, &vb, &p);
    }
}

/// Nơi nhận on the baseline of the signer's title and left of it (under both signatures in a
/// biên bản).
fn kiem_noi_nhan(rel: &str, vb: &VanBan, p: &Pdf) {
    let than = dong_than(p);
    let nhan = than
        .iter()
        .find(|d| d.chu().starts_with("Nơi nhận:"))
        .unwrap_or_else(|| panic!("{rel}: no Nơi nhận"));
    let title = vb.nguoi_ky.dong_chuc_danh();
    let ky = than
        .iter()
        .find(|d| {
            d.trang == nhan.trang && d.chu().nfc().collect::<String>() == title[0].nfc().collect::<String>()
        })
        .unwrap_or_else(|| panic!("{rel}: no {:?} on Nơi nhận's page", title[0]));
    if matches!(vb.mau, Mau::BienBan(_)) {
        // Mẫu 1.9: Nơi nhận stands under both signatures.
        assert!(nhan.duong_co_so() > ky.duong_co_so(), "{rel}");
        return;
    }
    assert!(
        gan(nhan.duong_co_so(), ky.duong_co_so(), SAI_SO),
        "{rel}: Nơi nhận at {}, the title at {}",
        nhan.duong_co_so(),
        ky.duong_co_so()
    );
    assert!(nhan.x1() < ky.x0(), "{rel}: Nơi nhận left of the signer");
}

#[test]
fn fonts_are_times_or_its_metric_twin() {
    let Some(dir) = thu_muc_pdf() else { return };
    for rel in TAI_LIEU {
        kiem_phong_chu(rel, &dir.join(format!("{}.pdf", ten(rel))));
    }
}

#[test]
fn signature_and_seal_images_at_their_real_size() {
    let Some(dir) = thu_muc_pdf() else { return };
    let pdf = dir.join(format!("{}.pdf", ten(KY_SO)));
    let out = Command::new("pdfimages").arg("-list").arg(&pdf).output().expect("pdfimages runs");
    let list = String::from_utf8_lossy(&out.stdout);
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi …
    let images: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|c| c.get(2) == Some(&"image"))
        .collect();
    assert_eq!(images.len(), 2, "{list}");
    for (c, (w, h)) in images.iter().zip([("600", "220"), ("425", "425")]) {
        assert_eq!((c[0], c[3], c[4]), ("1", w, h), "{list}");
        // Printed at the PNGs' own 300 dpi: their real size.
        for ppi in [c[12], c[13]] {
            assert!(gan(ppi.parse().unwrap(), 300.0, 2.0), "{list}");
        }
    }
}

/// Every font of `pdf` Liberation Serif or Times New Roman, embedded.
fn kiem_phong_chu(rel: &str, pdf: &Path) {
    let fonts = phong_chu(pdf);
    assert!(!fonts.is_empty(), "{rel}");
    for (name, emb) in fonts {
        assert!(
            name.starts_with("LiberationSerif") || name.starts_with("TimesNewRoman"),
            "{rel}: font {name}"
        );
        assert!(emb, "{rel}: {name} not embedded");
    }
}

#[test]
fn separate_parts_show_the_signature_box_and_number_from_one() {
    let Some(dir) = thu_muc_pdf() else { return };
    let mut seen = 0;
    for rel in TAI_LIEU {
        let vb = doc(rel);
        for phan in vb.tep_rieng() {
            let pdf = dir.join(format!("{}.pdf", ten_tep(rel, Some(&phan))));
            kiem_tep_rieng(&format!("{rel} {phan}"), &vb, &doc_pdf(&pdf));
            kiem_phong_chu(rel, &pdf);
            seen += 1;
        }
    }
    assert!(seen >= 2, "only {seen} separate parts");
}

/// A part issued as a file of its own: A4; page 1's top band holds the box with the
/// document's number, date and signing time, its right end on the right margin, nothing else;
/// the part's text starts at the top margin, inside the side margins; pages from 2 on carry
/// their numbers from 2, centred.
fn kiem_tep_rieng(rel: &str, vb: &VanBan, p: &Pdf) {
    let band: Vec<&Dong> = p.dong.iter().filter(|d| d.trang == 1 && d.duong_co_so() < LE_TREN).collect();
    let text: Vec<String> = band.iter().flat_map(|d| tu(&d.chu())).collect();
    assert_eq!(text, tu(&vb.dong_tep_rieng().unwrap()), "{rel}: the box");
    let right = band.iter().map(|d| d.x1()).fold(0.0, f64::max);
    // The box's right border on the margin: its text ends inside, by the 4 pt inset and more.
    assert!(right < PHAI - 4.0 && right > PHAI - 77.0 * MM, "{rel}: the box's text ends at {right}");
    assert!(band.iter().all(|d| d.x0() > PHAI - 77.0 * MM), "{rel}: the box's text starts left of it");
    let than = dong_than(p);
    let top = than.iter().filter(|d| d.trang == 1).map(|d| d.y0()).fold(f64::INFINITY, f64::min);
    assert!(gan(top, LE_TREN, SAI_SO), "{rel}: page 1's text starts at {top}, margin {LE_TREN}");
    for d in &than {
        let (w, _) = p.trang[d.trang - 1];
        assert!(d.x0() >= LE_TRAI - SAI_SO && d.x1() <= w - LE_PHAI + SAI_SO, "{rel}: {:?}", d.chu());
    }
    for (n, (w, h)) in p.trang.iter().enumerate() {
        let a4 = |a: f64, b: f64| gan(a, TRANG_RONG, 0.5) && gan(b, TRANG_CAO, 0.5);
        assert!(a4(*w, *h) || a4(*h, *w), "{rel} page {}: {w} × {h}", n + 1);
        let so = p
            .dong
            .iter()
            .find(|d| d.trang == n + 1 && d.duong_co_so() < LE_TREN && d.chu().parse::<u32>().is_ok());
        match n {
            0 => assert!(so.is_none(), "{rel}: a number on page 1"),
            _ => assert_eq!(so.map(Dong::chu), Some((n + 1).to_string()), "{rel}: page {}", n + 1),
        }
    }
}

#[test]
fn electronic_copy_band_holds_its_signature_text_right_of_the_circulation_note() {
    let Some(dir) = thu_muc_pdf() else { return };
    let rel = "examples/ban-sao-dien-tu.toml";
    let vb = doc(rel);
    let p = doc_pdf(&dir.join(format!("{}.pdf", ten(rel))));
    let band: Vec<&Dong> = p.dong.iter().filter(|d| d.trang == 1 && d.duong_co_so() < LE_TREN).collect();
    let o11 = tu(&vanban_core::in_hoa(vb.pham_vi_luu_hanh.as_deref().unwrap()));
    let words: Vec<&common::pdf::Tu> = band.iter().flat_map(|d| d.tu.iter()).collect();
    let (note, sign): (Vec<&&common::pdf::Tu>, Vec<&&common::pdf::Tu>) =
        words.iter().partition(|t| o11.contains(&t.chu.nfc().collect::<String>()));
    assert_eq!(note.len(), o11.len(), "{rel}: ô 11 in the band");
    // Ô 14: every word of the copy's signature, in order, right of ô 11 and inside the margin.
    let mut lines: Vec<&&&common::pdf::Tu> = sign.iter().collect();
    lines.sort_by(|a, b| {
        (a.duong_co_so().round() as i64).cmp(&(b.duong_co_so().round() as i64)).then(a.x0.total_cmp(&b.x0))
    });
    let got: Vec<String> = lines.iter().map(|t| t.chu.nfc().collect()).collect();
    let want = tu(&vb.ban_sao.as_ref().unwrap().dong_ky_so().unwrap().join("; "));
    assert_eq!(got, want, "{rel}: ô 14");
    let note_right = note.iter().map(|t| t.x1).fold(0.0, f64::max);
    let sign_left = sign.iter().map(|t| t.x0).fold(f64::INFINITY, f64::min);
    let sign_right = sign.iter().map(|t| t.x1).fold(0.0, f64::max);
    assert!(note_right < sign_left, "{rel}: ô 11 ends at {note_right}, ô 14 starts at {sign_left}");
    assert!(sign_right < PHAI, "{rel}: ô 14 ends at {sign_right}");
    // Ô 11 stays right of the centre of the text, over the Quốc hiệu.
    let note_left = note.iter().map(|t| t.x0).fold(f64::INFINITY, f64::min);
    assert!(note_left > LE_TRAI + (PHAI - LE_TRAI) * 0.35, "{rel}: ô 11 starts at {note_left}");
}

/// The file name (without extension) of the edited công văn among the converted files.
const SUA: &str = "cong-van-sua";

/// The word the edit puts in: longer than the word it replaces, and in no document.
const TU_MOI: &str = "thửnghiệmsửađổi";

/// The công văn edited by a program, as a user's script would: one word of its body changed
/// in `word/document.xml`, every other entry of the package copied as it is.
struct BanSua {
    /// The edited package.
    docx: Vec<u8>,
    /// The model with the same word changed: what the edited file should show.
    vb: VanBan,
    /// The word replaced.
    cu: String,
}

/// Edits the công văn's DOCX: the first word inside a long body paragraph (not its opening
/// word) that stands once in `word/document.xml` and in no other part (so that it is gone from
/// the result) becomes [`TU_MOI`].
fn ban_sua() -> BanSua {
    let mut vb = doc("examples/cong-van.toml");
    let goc_docx = vanban_docx::docx(&vb).unwrap();
    let mut zin = zip::ZipArchive::new(Cursor::new(&goc_docx)).unwrap();
    let mut parts: Vec<(String, String)> = Vec::new();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        parts.push((f.name().unwrap().into_owned(), s));
    }
    let xml = &parts.iter().find(|(n, _)| n == "word/document.xml").expect("word/document.xml").1;
    let once = |w: &str| {
        !w.is_ascii()
            && w.chars().count() >= 4
            && w.chars().count() != TU_MOI.chars().count()
            && w.chars().all(char::is_alphabetic)
            && parts.iter().all(|(n, s)| s.matches(w).count() == usize::from(n == "word/document.xml"))
    };
    let mut cu = None;
    'tim: for k in &mut vb.noi_dung.0 {
        let Khoi::DoanVan(d) = k else { continue };
        if d.plain().split_whitespace().count() < 30 {
            continue;
        }
        for c in &mut d.0 {
            let Chu::Van { text, .. } = c else { continue };
            if let Some(w) = text.split_whitespace().skip(1).find(|w| once(w)).map(str::to_owned) {
                *text = text.replacen(&w, TU_MOI, 1);
                cu = Some(w);
                break 'tim;
            }
        }
    }
    let cu = cu.expect("a body word that stands once in the package");
    let xml_moi = xml.replacen(&cu, TU_MOI, 1);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let f = zin.by_index_raw(i).unwrap();
        let name = f.name().unwrap().into_owned();
        if name == "word/document.xml" {
            let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            out.start_file(name, options).unwrap();
            out.write_all(xml_moi.as_bytes()).unwrap();
        } else {
            out.raw_copy_file(f).unwrap();
        }
    }
    BanSua { docx: out.finish().unwrap().into_inner(), vb, cu }
}

#[test]
fn one_word_edited_in_the_docx_still_measures() {
    let Some(dir) = thu_muc_pdf() else { return };
    let sua = ban_sua();
    // One word changed and nothing else: the writer gives the same part for the model with
    // that word changed, and the other entries are unchanged.
    let goc_docx = vanban_docx::docx(&doc("examples/cong-van.toml")).unwrap();
    assert_eq!(
        common::phan(&sua.docx, "word/document.xml"),
        common::phan(&vanban_docx::docx(&sua.vb).unwrap(), "word/document.xml")
    );
    for part in ["word/styles.xml", "word/header1.xml", "word/header2.xml", "[Content_Types].xml"] {
        assert_eq!(common::phan(&sua.docx, part), common::phan(&goc_docx, part), "{part}");
    }
    let rel = "examples/cong-van.toml, one word edited in its DOCX";
    let pdf = dir.join(format!("{SUA}.pdf"));
    let p = doc_pdf(&pdf);
    let words: Vec<String> = p
        .dong
        .iter()
        .flat_map(|d| &d.tu)
        .map(|t| t.chu.nfc().collect::<String>().trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .collect();
    let moi: String = TU_MOI.nfc().collect();
    assert_eq!(words.iter().filter(|w| **w == moi).count(), 1, "{rel}: {moi} in the text");
    assert!(!words.contains(&sua.cu), "{rel}: {} still in the text", sua.cu);
    // The same measurement as every other document's, against the edited model.
    kiem_le(rel, &p);
    kiem_dau(rel, &sua.vb, &p);
    kiem_so_ngay(rel, &sua.vb, &p);
    assert!(kiem_than(rel, &sua.vb, &p) >= 1, "{rel}: no justified paragraph measured");
    kiem_so_trang(rel, &sua.vb, &p);
    kiem_noi_nhan(rel, &sua.vb, &p);
    kiem_phong_chu(rel, &pdf);
}
