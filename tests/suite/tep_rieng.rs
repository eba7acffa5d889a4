//! Parts issued as files of their own (Mẫu 1.3 electronic, Mẫu 2.2; nd30.md §10): each its
//! own PDF, its first page signed at the top right with the document's number and the
//! agency's signing time, the document's PDF holding the rest.

use vanban_core::{DangTep, LoaiVanBan};
use vanban_render::PdfOptions;
use vanban_tests::*;

use crate::documents::{generated, generated_quyet_dinh};
use crate::nd30::assert_conforms;

/// Pages of a PDF: its `/Type /Page` objects.
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

/// Each file's PDF has the pages the layout gives it.
fn assert_files_export(m: &Measured) {
    let options = PdfOptions::default();
    for tep in m.layout.files() {
        let pdf = m.layout.pdf_of(tep, &options).unwrap();
        assert_eq!(page_count(&pdf), tep.trang().len(), "{:?}", tep.ten());
    }
    assert_eq!(m.layout.pdf(&options).unwrap(), m.layout.pdf_of(&m.layout.files()[0], &options).unwrap());
}

#[test]
fn reference_phu_luc_dien_tu_conforms() {
    let m = measure_file("examples/phu-luc-dien-tu.toml");
    assert_conforms(&m);
    let files = m.layout.files();
    assert_eq!(files.iter().map(|t| t.ten()).collect::<Vec<_>>(), [None, Some("phu-luc-II")]);
    let [Some(i), Some(ii)] = m.phu_luc_pages()[..] else { panic!("{:?}", m.phu_luc_pages()) };
    // Phụ lục I stays in the document's file; Phụ lục II, to the end, is the other.
    assert!(files[0].trang().contains(&i));
    assert_eq!(files[1].trang(), (ii..m.pages.len()).collect::<Vec<_>>());
    let p = &m.pages[ii];
    assert!(line_eq(p, "Số: 38/KH-UBND; 05/3/2026; 14:30:15+07:00").is_some());
    // The reference line is not filled in on an electronic document, in either file.
    for at in [i, ii] {
        let line =
            lines(&m.pages[at]).into_iter().filter(|l| l.italic()).map(|l| l.text()).collect::<Vec<_>>();
        assert!(
            line.join(" ").starts_with("(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm …"),
            "{line:?}"
        );
    }
    // The signer's images on the document only.
    assert!(!m.pages[m.signature_page()].images.is_empty());
    assert_files_export(&m);
}

#[test]
fn reference_quyet_dinh_dien_tu_conforms() {
    let m = measure_file("examples/quyet-dinh-dien-tu.toml");
    assert_conforms(&m);
    let at = m.kem_theo_page().unwrap();
    let files = m.layout.files();
    assert_eq!(files[1].ten(), Some("kem-theo"));
    assert_eq!(files[0].trang(), (0..at).collect::<Vec<_>>());
    assert!(line_eq(&m.pages[at], "Số: 12/QĐ-UBND; 05/3/2026; 14:30:15+07:00").is_some());
    assert!(line_eq(&m.pages[at], "KẾ HOẠCH").is_some());
    assert_files_export(&m);
}

/// `source` (TOML front matter between `+++` lines) as an electronic document signed at
/// `thoi_gian`, with `tables` added to the front matter.
fn electronic(source: &str, thoi_gian: &str, tables: &str) -> String {
    let (front, body) = source.split_once("\n+++\n\n").unwrap();
    let front = front.replace("du_thao = 2\n", "");
    let front = if front.contains("\nso = ") {
        front
    } else {
        front.replacen("\ndia_danh", "\nso = 15\ndia_danh", 1)
    };
    format!(
        "{front}\n[ky_so]\nchu_ky = \"chu-ky.png\"\ndau = \"dau.png\"\nthoi_gian = {thoi_gian}\n{tables}+++\n\n{body}"
    )
}

#[test]
fn separate_appendices_of_every_count_and_length_conform() {
    // One to four appendices, each in the document's file or its own, of a few lines to
    // several pages, portrait or landscape; signing times in several offsets.
    let times = ["2024-10-09T08:05:09+07:00", "2024-10-08T23:59:59Z", "2025-02-01T00:00:00+09:00"];
    for n in 1..=4usize {
        let mut tables = String::new();
        for i in 0..n {
            let paragraphs = [2, 30, 7, 55][(i + n) % 4];
            let content = generated(LoaiVanBan::KeHoach, paragraphs, i + n);
            let content = content.rsplit("+++\n\n").next().unwrap();
            let ngang = if (i + n) % 3 == 0 { "ngang = true\n" } else { "" };
            let tep = if (i + n) % 2 == 0 || n == 1 { "tep_rieng = true\n" } else { "" };
            tables.push_str(&format!(
                "\n[[phu_luc]]\nten = \"Danh mục nhiệm vụ số {i}\"\n{ngang}{tep}noi_dung = \"\"\"\n{content}\"\"\"\n"
            ));
        }
        let source = electronic(&generated(LoaiVanBan::KeHoach, 1 + n * 4, n), times[n % 3], &tables);
        let m = measure_str_in(&source, DangTep::Markdown, "tests/documents/ky-so");
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{n} appendices:\n- {}\n{source}", v.join("\n- "));
        let separate = m.van_ban.phu_luc.iter().filter(|p| p.tep_rieng).count();
        assert!(separate >= 1);
        assert_eq!(m.layout.files().len(), 1 + separate);
        assert_files_export(&m);
    }
}

#[test]
fn separate_attached_documents_conform() {
    // A decision issuing a plan of one to several pages in a file of its own, with or
    // without appendices beside it.
    for (variant, paragraphs) in [(1usize, 2usize), (2, 20), (4, 45)] {
        let plan = generated(LoaiVanBan::KeHoach, paragraphs, variant);
        let plan = plan.rsplit("+++\n\n").next().unwrap();
        let phu_luc = if variant == 4 {
            "\n[[phu_luc]]\nten = \"Biểu mẫu báo cáo\"\ntep_rieng = true\nnoi_dung = \"Báo cáo theo biểu mẫu.\"\n"
        } else {
            ""
        };
        let tables = format!(
            "\n[kem_theo]\nloai = \"ke-hoach\"\ntrich_yeu = \"Thực hiện nhiệm vụ năm 2025\"\ntep_rieng = true\nnoi_dung = \"\"\"\n{plan}\"\"\"\n{phu_luc}"
        );
        let qd = generated_quyet_dinh(LoaiVanBan::QuyetDinh, 2, 3, variant);
        let source = electronic(&qd, "2025-03-05T14:30:15+07:00", &tables);
        let m = measure_str_in(&source, DangTep::Markdown, "tests/documents/ky-so");
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "variant {variant}:\n- {}\n{source}", v.join("\n- "));
        let names: Vec<Option<&str>> = m.layout.files().iter().map(|t| t.ten()).collect();
        let want: Vec<Option<&str>> = if variant == 4 {
            vec![None, Some("kem-theo"), Some("phu-luc")]
        } else {
            vec![None, Some("kem-theo")]
        };
        assert_eq!(names, want);
        assert_files_export(&m);
    }
}

#[test]
fn a_file_of_another_layout_is_refused() {
    let one = measure_file("examples/cong-van.toml");
    let two = measure_file("examples/quyet-dinh-dien-tu.toml");
    assert!(one.layout.pdf_of(&two.layout.files()[1], &PdfOptions::default()).is_err());
    // A document without separate parts is one file of all its pages.
    assert_eq!(one.layout.files().len(), 1);
    assert_eq!(one.layout.files()[0].trang(), (0..one.pages.len()).collect::<Vec<_>>());
}
