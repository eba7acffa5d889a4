//! `render --docx` and `render --metadata`: the editable DOCX and the decree's metadata
//! record (Phụ lục VI) written beside the PDF, one by one and in a batch of worker
//! processes; `-o name.docx` alone; a refused document writes none of them.

use std::path::{Path, PathBuf};

mod common;
use common::{cong_van, render, repo, stderr};

/// The text of `word/document.xml` in the DOCX at `path`.
fn document_xml(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut entry = zip.by_name("word/document.xml").unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
    text
}

#[test]
fn docx_and_metadata_are_written_beside_the_pdf_with_the_documents_values() {
    let dir = tempfile::tempdir().unwrap();
    let doc = cong_van(dir.path(), "cv.toml");
    let o = render().arg(&doc).args(["--docx", "--metadata"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let van_ban =
        vanban_core::parse(&std::fs::read_to_string(&doc).unwrap(), vanban_core::DangTep::Toml).unwrap();
    let trich_yeu = van_ban.trich_yeu().unwrap().0.clone();

    let xml = document_xml(&dir.path().join("cv.docx"));
    assert!(xml.contains(&van_ban.nguoi_ky.ho_ten), "the signer is in the DOCX");

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("cv.metadata.json")).unwrap()).unwrap();
    assert_eq!(json["Subject"], trich_yeu.as_str());
    assert_eq!(json["CodeNotation"], van_ban.so_hieu.ky_hieu.to_string().as_str());
    assert_eq!(json["SignerInfo"]["FullName"], van_ban.nguoi_ky.ho_ten.as_str());
    let pdf = std::fs::read(dir.path().join("cv.pdf")).unwrap();
    let pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    assert_eq!(json["PageAmount"], pages, "the pages of the PDF");
    let pdf_text = String::from_utf8_lossy(&pdf);
    assert!(pdf_text.contains("<vbdi:CodeNotation>"), "the PDF carries the record in its XMP");

    // Without the flags: the PDF alone, and no record in it.
    let plain = cong_van(dir.path(), "plain.toml");
    let o = render().arg(&plain).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!dir.path().join("plain.docx").exists());
    assert!(!dir.path().join("plain.metadata.json").exists());
    assert!(
        !String::from_utf8_lossy(&std::fs::read(dir.path().join("plain.pdf")).unwrap()).contains("vbdi:")
    );
}

#[test]
fn o_name_docx_writes_the_docx_alone_and_hostile_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let doc = cong_van(dir.path(), "cv.toml");
    let text = std::fs::read_to_string(&doc).unwrap();
    let line = text.lines().find(|l| l.starts_with("trich_yeu")).unwrap();
    std::fs::write(&doc, text.replace(line, r#"trich_yeu = '''Về <w:p> ]]> &amp; "x" {{ y }}'''"#)).unwrap();
    let out = dir.path().join("ban-thao.docx");
    let o = render().arg(&doc).arg("-o").arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!dir.path().join("cv.pdf").exists() && !dir.path().join("ban-thao.pdf").exists());
    let xml = document_xml(&out);
    assert!(
        xml.contains("Về &lt;w:p&gt; ]]&gt; &amp;amp; &quot;x&quot; {{ y }}")
            || xml.contains("Về &lt;w:p&gt; ]]&gt; &amp;amp; \"x\" {{ y }}"),
        "{xml}"
    );
}

#[test]
fn a_batch_in_worker_processes_writes_every_docx_and_record() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    for i in 0..12 {
        cong_van(&src, &format!("cv-{i:02}.toml"));
    }
    let out = dir.path().join("out");
    let o = render()
        .arg(&src)
        .arg("--out-dir")
        .arg(&out)
        .args(["--docx", "--metadata", "-j", "2"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for i in 0..12 {
        for ext in ["pdf", "docx", "metadata.json"] {
            assert!(out.join(format!("cv-{i:02}.{ext}")).is_file(), "cv-{i:02}.{ext}");
        }
    }
}

#[test]
fn a_refused_document_writes_no_docx_and_leaves_an_old_one_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let doc = cong_van(dir.path(), "cv.toml");
    let old = dir.path().join("cv.docx");
    std::fs::write(&old, b"old").unwrap();
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(&doc, text.replacen("loai = ", "loai_sai = ", 1)).unwrap();
    let o = render().arg(&doc).args(["--docx", "--metadata"]).output().unwrap();
    assert!(!o.status.success());
    assert_eq!(std::fs::read(&old).unwrap(), b"old");
    assert!(!dir.path().join("cv.metadata.json").exists());
    assert!(!dir.path().join("cv.pdf").exists());
}

#[test]
fn merge_writes_each_rows_docx_beside_its_pdf_and_refuses_it_with_combine() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let template = repo("examples/tron/giay-moi.khuon.toml");
    let data = repo("examples/tron/dai-bieu.csv");
    let o = render()
        .arg("merge")
        .arg(&template)
        .arg("--data")
        .arg(&data)
        .args(["--so-tu", "31", "--docx", "--out-dir"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let count = |ext: &str| {
        std::fs::read_dir(&out)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == ext)
            .count()
    };
    let rows = std::fs::read_to_string(&data).unwrap().lines().count() - 1;
    assert_eq!((count("pdf"), count("docx")), (rows, rows));
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().unwrap() == "docx" {
            assert!(path.with_extension("pdf").is_file(), "{}", path.display());
            assert!(document_xml(&path).contains("<w:body>"));
        }
    }

    let o = render()
        .arg("merge")
        .arg(&template)
        .arg("--data")
        .arg(&data)
        .args(["--docx", "--combine"])
        .arg(dir.path().join("all.pdf"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!dir.path().join("all.pdf").exists());
}

#[test]
fn the_signature_and_seal_images_of_an_electronic_document_go_into_its_docx() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["cong-van.toml", "chu-ky.png", "dau.png"] {
        std::fs::copy(repo("tests/documents/ky-so").join(name), dir.path().join(name)).unwrap();
    }
    let o = render().arg(dir.path().join("cong-van.toml")).arg("--docx").output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(dir.path().join("cong-van.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut media = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        if entry.name().unwrap().starts_with("word/media/") {
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut b).unwrap();
            media.push(b);
        }
    }
    media.sort();
    let mut expected: Vec<Vec<u8>> =
        ["chu-ky.png", "dau.png"].iter().map(|n| std::fs::read(dir.path().join(n)).unwrap()).collect();
    expected.sort();
    assert_eq!(media, expected, "both images, byte for byte");
    assert_eq!(document_xml(&dir.path().join("cong-van.docx")).matches("<w:drawing>").count(), 2);
}

/// The electronic kế hoạch with a part issued as a file of its own, and its images, copied
/// into `dir`.
fn phu_luc_dien_tu(dir: &Path) -> PathBuf {
    for f in ["chu-ky.png", "dau.png"] {
        std::fs::copy(repo(&format!("examples/{f}")), dir.join(f)).unwrap();
    }
    let path = dir.join("kh.toml");
    std::fs::copy(repo("examples/phu-luc-dien-tu.toml"), &path).unwrap();
    path
}

#[test]
fn a_part_issued_as_a_file_of_its_own_gets_a_docx_of_its_own_beside_its_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let doc = phu_luc_dien_tu(dir.path());
    let o = render().arg(&doc).arg("--docx").output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for f in ["kh.pdf", "kh.phu-luc-II.pdf", "kh.docx", "kh.phu-luc-II.docx"] {
        assert!(dir.path().join(f).is_file(), "{f}: {}", stderr(&o));
    }
    let part = document_xml(&dir.path().join("kh.phu-luc-II.docx"));
    assert!(part.contains("Phụ lục II") && !document_xml(&dir.path().join("kh.docx")).contains("TIẾN ĐỘ"));

    // `-o name.docx`: the DOCX files alone, the part's named after it.
    let o = render().arg(&doc).arg("-o").arg(dir.path().join("ban.docx")).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.path().join("ban.phu-luc-II.docx").is_file() && !dir.path().join("ban.pdf").exists());

    // In worker processes: the same files under --out-dir.
    let out = dir.path().join("out");
    let o = render().arg(dir.path()).arg("--out-dir").arg(&out).args(["--docx", "-j", "2"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for f in ["kh.docx", "kh.phu-luc-II.docx", "kh.phu-luc-II.pdf"] {
        assert!(out.join(f).is_file(), "{f}");
    }
    assert_eq!(
        std::fs::read(out.join("kh.phu-luc-II.docx")).unwrap(),
        std::fs::read(dir.path().join("kh.phu-luc-II.docx")).unwrap(),
        "the same bytes from a worker"
    );
}
