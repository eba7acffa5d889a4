//! Shared files (`dung_chung`): precedence, merging, the root, the limits, and where each
//! problem is placed.

use std::path::{Path, PathBuf};

use crate::khoa::DUNG_CHUNG;
use crate::*;

/// A công văn that takes its agency, place name, signer's title and archive copies from a
/// shared file.
const DOC: &str = include_str!("../../../../tests/fixtures/dung_chung/cong-van.toml");

/// The shared file [`DOC`] names.
const XA: &str = include_str!("../../../../tests/fixtures/dung_chung/xa.toml");

/// A directory tree of files (`path`, text), in a temporary directory that lasts as long as
/// the value.
struct Cay(tempfile::TempDir);

impl Cay {
    fn new(files: &[(&str, &str)]) -> Cay {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        Cay(dir)
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.path().join(rel)
    }

    /// Reads `doc` (a path in the tree) with the whole tree as its root.
    fn doc(&self, doc: &str) -> Result<(VanBan, ViTri, Nguon), Diagnostics> {
        doc_tep(&self.path(doc), self.0.path())
    }

    /// The problems of `doc`, which must be refused.
    fn loi(&self, doc: &str, goc: &Path) -> Vec<Diagnostic> {
        match doc_tep(&self.path(doc), goc) {
            Ok(_) => panic!("{doc} accepted"),
            Err(d) => d.0,
        }
    }
}

/// `doc` with its first line, the `dung_chung`, replaced by `line`.
fn voi_dung_chung(line: &str) -> String {
    let (_, rest) = DOC.split_once('\n').unwrap();
    format!("{line}\n{rest}")
}

/// The one problem of `d`, with the stable code `ma`.
fn mot(d: Vec<Diagnostic>, ma: &str) -> Diagnostic {
    assert_eq!(d.len(), 1, "{d:#?}");
    let d = d.into_iter().next().unwrap();
    assert_eq!(d.ma, Some(ma), "{d:#?}");
    assert!(d.message_en.is_some() && d.hint.is_some() && d.hint_en.is_some(), "{d:#?}");
    d
}

#[test]
fn the_documents_values_win_and_tables_merge_key_by_key() {
    let cay = Cay::new(&[("tron/doc.toml", DOC), ("chung/xa.toml", XA)]);
    let (v, vi_tri, nguon) = cay.doc("tron/doc.toml").unwrap();
    assert_eq!(v.dia_danh.as_deref(), Some("Phong Thổ"));
    assert_eq!(v.co_quan.ten_in(), ["ỦY BAN NHÂN DÂN", "XÃ PHONG THỔ"]);
    assert_eq!(v.so_hieu.ky_hieu.as_str(), "UBND-VP");
    // [nguoi_ky]: the document's name, the shared title.
    assert_eq!(v.nguoi_ky.ho_ten, "Lê Văn Bình");
    assert_eq!(v.nguoi_ky.dong_chuc_danh(), ["CHỦ TỊCH"]);
    // [noi_nhan]: the document's list replaces the shared one whole; luu is taken.
    assert_eq!(v.noi_nhan.dong(), ["- Như trên;", "- Lưu: VT."]);
    // The places: the shared values in the shared file's text, after the document's.
    let at = vi_tri.gia_tri("dia_danh").unwrap();
    assert_eq!(&nguon.text()[at.clone()], "\"Phong Thổ\"");
    assert!(at.start > DOC.len());
    let tep = vi_tri.tep_cua(at.start).unwrap();
    assert!(tep.ends_with("chung/xa.toml") && !tep.contains(".."), "{tep}");
    assert_eq!(vi_tri.tep_cua(vi_tri.gia_tri("nguoi_ky.ho_ten").unwrap().start), None);
    assert_eq!(nguon.cac_tep().collect::<Vec<_>>(), [tep]);
    // dung_chung itself is not a key of the document read.
    assert_eq!(vi_tri.muc("dung_chung"), None);
}

#[test]
fn nested_tables_merge_at_every_depth_and_arrays_are_replaced() {
    let cay = Cay::new(&[
        ("doc.toml", "dung_chung = \"chung.toml\"\na = 1\n[t]\nx = 1\n[t.u]\np = 1\nds = [1]\n"),
        ("chung.toml", "a = 2\nb = 2\n[t]\nx = 2\ny = 2\n[t.u]\np = 2\nq = 2\nds = [2, 3]\n[v]\nz = 2\n"),
    ]);
    let nguon = Nguon::tai(&cay.path("doc.toml"), cay.0.path()).unwrap();
    let cu_phap = nguon.cu_phap().unwrap();
    let top = cu_phap.bang.get_ref();
    let text = cu_phap.text;
    let so = |v: &toml::Spanned<toml::de::DeValue<'_>>| text[v.span()].to_owned();
    let bang = |t: &str| match top.get(t).map(|v| v.get_ref()) {
        Some(toml::de::DeValue::Table(t)) => t.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(so(&top["a"]), "1");
    assert_eq!(so(&top["b"]), "2");
    assert!(top.get(DUNG_CHUNG.ten).is_none());
    let t = bang("t");
    assert_eq!((so(&t["x"]), so(&t["y"])), ("1".into(), "2".into()));
    let toml::de::DeValue::Table(u) = t["u"].get_ref() else { panic!() };
    assert_eq!((so(&u["p"]), so(&u["q"]), so(&u["ds"])), ("1".into(), "2".into(), "[1]".into()));
    assert_eq!(so(&bang("v")["z"]), "2");
}

#[test]
fn in_a_list_earlier_files_win_and_a_file_wins_over_the_files_it_names() {
    let cay = Cay::new(&[
        ("tron/doc.toml", &voi_dung_chung("dung_chung = [\"../chung/a.toml\", \"../chung/c.toml\"]")),
        // a names b: a's values win over b's, and b's (a's part of the list) over c's.
        (
            "chung/a.toml",
            "dung_chung = \"b.toml\"\ndia_danh = \"Sìn Hồ\"\n[nguoi_ky]\nchuc_vu = \"Phó Chủ tịch\"\n",
        ),
        (
            "chung/b.toml",
            "dia_danh = \"Mường Tè\"\n[co_quan]\nten = \"Ủy ban nhân dân xã B\"\nviet_tat = \"UBND\"\n",
        ),
        ("chung/c.toml", XA),
    ]);
    let (v, _, nguon) = cay.doc("tron/doc.toml").unwrap();
    assert_eq!(v.dia_danh.as_deref(), Some("Sìn Hồ"));
    assert_eq!(v.co_quan.ten_in(), ["ỦY BAN NHÂN DÂN XÃ B"]);
    assert_eq!(v.nguoi_ky.dong_chuc_danh(), ["PHÓ CHỦ TỊCH"]);
    assert_eq!(v.noi_nhan.dong().last().unwrap(), "- Lưu: VT.");
    let names: Vec<&str> = nguon.cac_tep().map(|t| t.rsplit('/').next().unwrap()).collect();
    assert_eq!(names, ["a.toml", "b.toml", "c.toml"]);
}

#[test]
fn a_file_named_twice_is_read_once() {
    let cay = Cay::new(&[
        ("doc.toml", &voi_dung_chung("dung_chung = [\"a.toml\", \"b.toml\", \"./a.toml\"]")),
        ("a.toml", "dung_chung = \"xa.toml\"\n"),
        ("b.toml", "dung_chung = \"xa.toml\"\n"),
        ("xa.toml", XA),
    ]);
    let (v, _, nguon) = cay.doc("doc.toml").unwrap();
    assert_eq!(v.dia_danh.as_deref(), Some("Phong Thổ"));
    assert_eq!(nguon.cac_tep().count(), 3);
}

#[test]
fn a_problem_in_a_shared_file_is_placed_in_that_file() {
    let xa = XA
        .replace("viet_tat = \"UBND\"", "viet_tat = \"UB ND\"")
        .replace("chuc_vu = \"Chủ tịch\"", "chuc_vu = 5");
    let cay = Cay::new(&[("tron/doc.toml", DOC), ("chung/xa.toml", &xa)]);
    let d = cay.loi("tron/doc.toml", cay.0.path());
    assert_eq!(d.len(), 2, "{d:#?}");
    for d in &d {
        assert!(d.tep.as_deref().is_some_and(|t| t.ends_with("chung/xa.toml")), "{d:#?}");
    }
    let viet_tat = d.iter().find(|d| d.key.as_deref() == Some("co_quan.viet_tat")).unwrap();
    assert_eq!((viet_tat.line, viet_tat.column), (Some(6), Some(12)));
    assert_eq!(viet_tat.source_line.as_deref(), Some("viet_tat = \"UB ND\""));
    let chuc_vu = d.iter().find(|d| d.key.as_deref() == Some("nguoi_ky.chuc_vu")).unwrap();
    assert_eq!((chuc_vu.line, chuc_vu.column, chuc_vu.ma), (Some(9), Some(11), Some(ma::SAI_KIEU)));
    // Shown in the shared file, with the document named under it.
    let shown = chuc_vu.display_in("tron/doc.toml", NgonNgu::Vi);
    let tep = chuc_vu.tep.as_deref().unwrap();
    assert!(shown.starts_with(&format!("{tep}:9:11: lỗi: ")), "{shown}");
    assert!(shown.contains("9 | chuc_vu = 5"), "{shown}");
    assert!(shown.contains("ghi chú: khi đọc văn bản tron/doc.toml"), "{shown}");
    assert!(chuc_vu.display_in("doc.toml", NgonNgu::En).contains("note: read for the document doc.toml"));
}

#[test]
fn a_problem_in_the_document_stays_in_the_document() {
    let doc = DOC.replace("ho_ten = \"Lê Văn Bình\"", "ho_ten = 7");
    let cay = Cay::new(&[("tron/doc.toml", &doc), ("chung/xa.toml", XA)]);
    let d = mot_loi(cay.loi("tron/doc.toml", cay.0.path()));
    assert_eq!((d.tep, d.line, d.column), (None, Some(10), Some(10)));
}

/// The one problem of `d`.
fn mot_loi(d: Vec<Diagnostic>) -> Diagnostic {
    assert_eq!(d.len(), 1, "{d:#?}");
    d.into_iter().next().unwrap()
}

#[test]
fn a_syntax_error_in_a_shared_file_is_placed_there() {
    let cay = Cay::new(&[("tron/doc.toml", DOC), ("chung/xa.toml", "dia_danh = \"Phong Thổ\"\n[co_quan\n")]);
    let d = mot_loi(cay.loi("tron/doc.toml", cay.0.path()));
    assert_eq!(d.ma, Some(ma::CU_PHAP));
    assert!(d.tep.as_deref().is_some_and(|t| t.ends_with("chung/xa.toml")), "{d:#?}");
    assert_eq!(d.line, Some(2));
}

#[test]
fn files_that_name_each_other_in_a_circle_are_refused_naming_the_chain() {
    let cay = Cay::new(&[
        ("doc.toml", &voi_dung_chung("dung_chung = \"a.toml\"")),
        ("a.toml", "dung_chung = \"b.toml\"\n"),
        ("b.toml", "# b\ndung_chung = [\"a.toml\"]\n"),
    ]);
    let d = mot(cay.loi("doc.toml", cay.0.path()), ma::VONG_LAP);
    let a = cay.path("a.toml").display().to_string();
    let b = cay.path("b.toml").display().to_string();
    assert!(d.message.ends_with(&format!("{a} → {b} → {a}")), "{}", d.message);
    assert_eq!((d.tep.as_deref(), d.line, d.column), (Some(b.as_str()), Some(2), Some(15)));
    // A document that names itself.
    let cay = Cay::new(&[("doc.toml", &voi_dung_chung("dung_chung = \"doc.toml\""))]);
    let d = mot(cay.loi("doc.toml", cay.0.path()), ma::VONG_LAP);
    assert_eq!((d.tep, d.line, d.column), (None, Some(1), Some(14)));
}

#[test]
fn a_missing_file_is_reported_where_it_is_named() {
    let cay = Cay::new(&[("tron/doc.toml", DOC)]);
    let d = mot(cay.loi("tron/doc.toml", cay.0.path()), ma::KHONG_DOC_DUOC);
    assert_eq!((d.tep, d.line, d.column), (None, Some(1), Some(14)));
    assert!(d.message.contains("không tìm thấy tệp"), "{}", d.message);
    assert!(d.message.contains("chung/xa.toml"), "{}", d.message);
}

#[test]
fn paths_out_of_the_root_are_refused() {
    let cay = Cay::new(&[("tron/doc.toml", DOC), ("chung/xa.toml", XA)]);
    // `..` above the root: the document's own directory.
    let d = mot(cay.loi("tron/doc.toml", &cay.path("tron")), ma::NGOAI_GOC);
    assert!(d.message.contains("ra ngoài thư mục gốc"), "{}", d.message);
    assert_eq!((d.line, d.column), (Some(1), Some(14)));
    assert!(d.hint_en.as_deref().unwrap().contains("--goc"));
    // An absolute path, even one inside the root.
    let absolute = cay.path("chung/xa.toml").display().to_string();
    let cay = Cay::new(&[("doc.toml", &voi_dung_chung(&format!("dung_chung = \"{absolute}\"")))]);
    let d = mot(cay.loi("doc.toml", cay.0.path()), ma::NGOAI_GOC);
    assert!(d.message.contains("đường dẫn tuyệt đối"), "{}", d.message);
    for path in ["~/xa.toml", "C:\\\\xa.toml", "\\\\\\\\may\\\\xa.toml"] {
        let cay = Cay::new(&[("doc.toml", &voi_dung_chung(&format!("dung_chung = \"{path}\"")))]);
        mot(cay.loi("doc.toml", cay.0.path()), ma::NGOAI_GOC);
    }
    // A root that does not exist.
    let cay = Cay::new(&[("doc.toml", &voi_dung_chung("dung_chung = \"xa.toml\"")), ("xa.toml", XA)]);
    mot(cay.loi("doc.toml", &cay.path("khong-co")), ma::NGOAI_GOC);
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_root_is_refused() {
    let ngoai = Cay::new(&[("xa.toml", XA)]);
    let cay = Cay::new(&[("tron/doc.toml", &voi_dung_chung("dung_chung = \"lien-ket.toml\""))]);
    std::os::unix::fs::symlink(ngoai.path("xa.toml"), cay.path("tron/lien-ket.toml")).unwrap();
    let d = mot(cay.loi("tron/doc.toml", cay.0.path()), ma::NGOAI_GOC);
    assert!(d.message.contains("liên kết"), "{}", d.message);
    // A link that stays inside is followed.
    std::fs::write(cay.path("xa.toml"), XA).unwrap();
    std::os::unix::fs::symlink(cay.path("xa.toml"), cay.path("tron/trong.toml")).unwrap();
    std::fs::write(cay.path("tron/doc2.toml"), voi_dung_chung("dung_chung = \"trong.toml\"")).unwrap();
    assert_eq!(cay.doc("tron/doc2.toml").unwrap().0.dia_danh.as_deref(), Some("Phong Thổ"));
}

#[test]
fn dung_chung_must_name_toml_or_json_files() {
    for (line, ma) in [
        ("dung_chung = 5", ma::SAI_KIEU),
        ("dung_chung = [\"xa.toml\", true]", ma::SAI_KIEU),
        ("dung_chung = \"  \"", ma::SAI_KIEU),
        ("dung_chung = \"xa.md\"", ma::GIA_TRI),
        ("dung_chung = \"xa\"", ma::GIA_TRI),
    ] {
        let cay = Cay::new(&[("doc.toml", &voi_dung_chung(line)), ("xa.toml", XA), ("xa.md", XA)]);
        let d = mot(cay.loi("doc.toml", cay.0.path()), ma);
        assert_eq!(d.line, Some(1), "{line}");
    }
    // An empty list names none.
    let cay = Cay::new(&[("doc.toml", &voi_dung_chung("dung_chung = []"))]);
    let d = cay.loi("doc.toml", cay.0.path());
    assert!(d.iter().all(|d| d.ma == Some(ma::THIEU_KHOA)), "{d:#?}");
}

#[test]
fn the_number_and_the_depth_of_shared_files_are_limited() {
    let mut files: Vec<(String, String)> = Vec::new();
    let many: Vec<String> = (0..=limits::DUNG_CHUNG_TEP).map(|i| format!("\"t{i}.toml\"")).collect();
    files.push(("doc.toml".into(), voi_dung_chung(&format!("dung_chung = [{}]", many.join(", ")))));
    files.extend((0..=limits::DUNG_CHUNG_TEP).map(|i| (format!("t{i}.toml"), String::new())));
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let cay = Cay::new(&refs);
    let d = mot(cay.loi("doc.toml", cay.0.path()), ma::QUA_GIOI_HAN);
    assert!(d.message.contains(&limits::DUNG_CHUNG_TEP.to_string()), "{}", d.message);

    let sau = limits::DUNG_CHUNG_SAU;
    let mut files = vec![("doc.toml".to_owned(), voi_dung_chung("dung_chung = \"c1.toml\""))];
    files
        .extend((1..=sau + 1).map(|i| (format!("c{i}.toml"), format!("dung_chung = \"c{}.toml\"\n", i + 1))));
    files.push((format!("c{}.toml", sau + 2), XA.to_owned()));
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let cay = Cay::new(&refs);
    let d = mot(cay.loi("doc.toml", cay.0.path()), ma::QUA_GIOI_HAN);
    assert!(d.tep.as_deref().is_some_and(|t| t.ends_with(&format!("c{sau}.toml"))), "{d:#?}");
    // At the limit, it is read.
    let mut files = vec![("doc.toml".to_owned(), voi_dung_chung("dung_chung = \"c1.toml\""))];
    files.extend((1..sau).map(|i| (format!("c{i}.toml"), format!("dung_chung = \"c{}.toml\"\n", i + 1))));
    files.push((format!("c{sau}.toml"), XA.to_owned()));
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    assert!(Cay::new(&refs).doc("doc.toml").is_ok());
}

#[test]
fn a_shared_file_too_big_or_not_utf8_is_refused_in_its_name() {
    let big = format!("# {}\n", "x".repeat(limits::FILE_BYTES));
    let cay = Cay::new(&[("doc.toml", &voi_dung_chung("dung_chung = \"xa.toml\"")), ("xa.toml", &big)]);
    let d = mot_loi(cay.loi("doc.toml", cay.0.path()));
    assert_eq!((d.ma, d.line), (Some(ma::QUA_GIOI_HAN), None));
    assert_eq!(d.tep.as_deref(), Some(cay.path("xa.toml").display().to_string().as_str()));
    let cay = Cay::new(&[("doc.toml", &voi_dung_chung("dung_chung = \"xa.toml\""))]);
    std::fs::write(cay.path("xa.toml"), b"dia_danh = \"Phong Th\xf4\"\n").unwrap();
    let d = mot_loi(cay.loi("doc.toml", cay.0.path()));
    assert_eq!((d.ma, d.line, d.column), (Some(ma::MA_HOA), Some(1), Some(21)));
    assert!(d.tep.is_some());
}

#[test]
fn json_and_markdown_documents_take_toml_and_json_shared_files() {
    let json = "{\n  \"dia_danh\": \"Mường Tè\",\n  \"co_quan\": {\"ten\": \"Ủy ban nhân dân xã\", \"viet_tat\": 5},\n  \"nguoi_ky\": {\"chuc_vu\": \"Chủ tịch\"},\n  \"noi_nhan\": {\"luu\": [\"VT\"]}\n}\n";
    let md = format!(
        "+++\n{}+++\nĐề nghị thực hiện./.\n",
        DOC.replace("noi_dung = \"Đề nghị các phòng, ban thực hiện./.\"\n", "")
    );
    let cay = Cay::new(&[("tron/doc.md", &md), ("chung/xa.toml", XA), ("chung/xa.json", json)]);
    let (v, vi_tri, nguon) = cay.doc("tron/doc.md").unwrap();
    assert_eq!(v.dia_danh.as_deref(), Some("Phong Thổ"));
    assert_eq!(&nguon.text()[vi_tri.than().unwrap()], "Đề nghị thực hiện./.\n");
    // A JSON shared file, with a problem on its line 3.
    std::fs::write(cay.path("tron/doc.md"), md.replace("xa.toml", "xa.json")).unwrap();
    let d = mot_loi(cay.loi("tron/doc.md", cay.0.path()));
    assert_eq!((d.key.as_deref(), d.line), (Some("co_quan.viet_tat"), Some(3)));
    assert!(d.tep.as_deref().is_some_and(|t| t.ends_with("chung/xa.json")));
    // A JSON document.
    let doc_json = "{\"dung_chung\": \"../chung/xa.toml\", \"loai\": \"thong-bao\", \"ngay\": \"2025\", \
                    \"noi_dung\": \"A./.\", \"nguoi_ky\": {\"ho_ten\": \"B\"}, \"noi_nhan\": {\"gui\": [\"C\"]}}";
    std::fs::write(cay.path("tron/tb.json"), doc_json).unwrap();
    let (v, _, _) = cay.doc("tron/tb.json").unwrap();
    assert_eq!(v.co_quan.viet_tat.as_str(), "UBND");
}

#[test]
fn a_document_read_without_its_path_cannot_name_shared_files() {
    for (src, dang) in
        [(DOC.to_owned(), DangTep::Toml), (format!("+++\n{DOC}+++\nA./.\n"), DangTep::Markdown)]
    {
        let d = mot_loi(parse(&src, dang).unwrap_err().0);
        assert_eq!((d.ma, d.key.as_deref()), (Some(ma::CAN_DUONG_DAN), Some(DUNG_CHUNG.ten)));
        assert_eq!((d.line, d.column), (Some(if dang == DangTep::Toml { 1 } else { 2 }), Some(1)));
        assert!(d.message_en.as_deref().unwrap().contains("path"));
        assert!(doc(&src, dang).is_err());
        assert!(doc_bytes(src.as_bytes(), dang).is_err());
    }
}

#[test]
fn a_document_without_shared_files_reads_as_from_its_text() {
    let cay = Cay::new(&[("cv.toml", include_str!("../../../../examples/cong-van.toml"))]);
    let (v, vi_tri, nguon) = cay.doc("cv.toml").unwrap();
    let text = include_str!("../../../../examples/cong-van.toml");
    assert_eq!((v, vi_tri), doc(text, DangTep::Toml).unwrap());
    assert_eq!(nguon.text(), text);
    assert_eq!(nguon.cac_tep().count(), 0);
    // The document's own problems: reading it, its size.
    let d = mot_loi(cay.loi("khong-co.toml", cay.0.path()));
    assert!(d.message.starts_with("không đọc được tệp (không tìm thấy tệp)"), "{}", d.message);
}

#[test]
fn lint_places_what_it_finds_in_the_shared_file() {
    let xa = XA.replace("dia_danh = \"Phong Thổ\"", "dia_danh = \"Phong thổ\"");
    let cay = Cay::new(&[("tron/doc.toml", DOC), ("chung/xa.toml", &xa)]);
    let (v, vi_tri, nguon) = cay.doc("tron/doc.toml").unwrap();
    let found = lint::kiem_tra(&v, nguon.text(), &vi_tri);
    let d = found.iter().find(|d| d.quy_tac.map(|q| q.id) == Some("hoa-dia-danh")).unwrap();
    assert!(d.tep.as_deref().is_some_and(|t| t.ends_with("chung/xa.toml")), "{d:#?}");
    assert_eq!(d.line, Some(2));
    assert_eq!(d.source_line.as_deref(), Some("dia_danh = \"Phong thổ\""));
    // And the document's own, in the document.
    let d = vi_tri.dat(Diagnostic::new("x"), nguon.text(), vi_tri.gia_tri("nguoi_ky.ho_ten").unwrap().start);
    assert_eq!((d.tep, d.line), (None, Some(10)));
}
