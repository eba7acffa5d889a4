//! The package's structure: it opens, its parts say what the decree asks (styles, sizes,
//! page, the PAGE field, a first page of its own), the same document gives the same bytes,
//! and document text is data.

mod common;

use common::{KY_SO, TAI_LIEU, chu_trong, doc, docx_tep, goc, phan};
use vanban_core::{Chu, Khoi};
use vanban_docx::{LoiDocx, docx};

#[test]
fn every_covered_document_opens_with_its_parts() {
    for rel in TAI_LIEU {
        let bytes = docx_tep(rel);
        for part in [
            "[Content_Types].xml",
            "word/document.xml",
            "word/styles.xml",
            "word/header1.xml",
            "word/header2.xml",
            "docProps/core.xml",
        ] {
            assert!(!phan(&bytes, part).is_empty(), "{rel}: {part}");
        }
    }
}

#[test]
fn page_fonts_and_language() {
    let bytes = docx(&doc("examples/cong-van.toml")).unwrap();
    let d = phan(&bytes, "word/document.xml");
    // A4 (210 × 297 mm) and margins 20 / 15 / 20 / 30 mm, in twips.
    assert!(d.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    assert!(d.contains("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""), "margins");
    assert!(d.contains("<w:titlePg/>"), "page 1 has a header of its own");
    let s = phan(&bytes, "word/styles.xml");
    assert!(s.contains("w:ascii=\"Times New Roman\""));
    assert!(s.contains("<w:lang w:val=\"vi-VN\""));
    let h = phan(&bytes, "word/header1.xml");
    assert!(h.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"), "{h}");
    assert!(h.contains("w:val=\"VBSotrang\""));
    // Page 1's header has no page number.
    assert!(!phan(&bytes, "word/header2.xml").contains("PAGE"));
}

/// The style `id`'s definition.
fn kieu(styles: &str, id: &str) -> String {
    let start = styles.find(&format!("w:styleId=\"{id}\"")).unwrap_or_else(|| panic!("style {id}"));
    let end = styles[start..].find("</w:style>").unwrap();
    styles[start..start + end].to_owned()
}

#[test]
fn named_styles_carry_the_decree_sizes() {
    let s = phan(&docx(&doc("examples/cong-van.toml")).unwrap(), "word/styles.xml");
    let body = kieu(&s, "VBNoidung");
    assert!(body.contains(&format!("<w:name w:val=\"{}\"/>", vanban_docx::KIEU_NOI_DUNG)));
    // Justified, 1 cm (567 twips) first-line indent, 6 pt (120 twips) before, single, 14 pt.
    for want in [
        "<w:jc w:val=\"both\"/>",
        "w:firstLine=\"567\"",
        "w:before=\"120\"",
        "w:line=\"240\" w:lineRule=\"auto\"",
        "<w:sz w:val=\"28\"/>",
    ] {
        assert!(body.contains(want), "{want} in {body}");
    }
    // Sizes in half-points: Nơi nhận 12 bold italic, its lines 11, Số 13, V/v 12; the default
    // step Quốc hiệu 12 / Tiêu ngữ 13 / date 13 italic.
    let nhan = kieu(&s, "VBNoinhannhan");
    assert!(nhan.contains("<w:b/>") && nhan.contains("<w:i/>") && nhan.contains("<w:sz w:val=\"24\"/>"));
    assert!(kieu(&s, "VBNoinhan").contains(&format!("<w:name w:val=\"{}\"/>", vanban_docx::KIEU_NOI_NHAN)));
    assert!(kieu(&s, "VBNoinhan").contains("<w:sz w:val=\"22\"/>"));
    assert!(kieu(&s, "VBSo").contains("<w:sz w:val=\"26\"/>"));
    assert!(kieu(&s, "VBVv").contains("<w:sz w:val=\"24\"/>"));
    assert!(kieu(&s, "VBQuochieu").contains("<w:sz w:val=\"24\"/>"));
    assert!(kieu(&s, "VBTieungu").contains("<w:sz w:val=\"26\"/>"));
    let ngay = kieu(&s, "VBNgay");
    assert!(ngay.contains("<w:i/>") && ngay.contains("<w:sz w:val=\"26\"/>"));
    assert!(kieu(&s, "VBCoquan").contains("<w:b/>"));
    assert!(!kieu(&s, "VBChuquan").contains("<w:b/>"));
}

#[test]
fn body_paragraphs_name_their_style() {
    let d = phan(&docx(&doc("examples/cong-van.toml")).unwrap(), "word/document.xml");
    assert!(d.matches("<w:pStyle w:val=\"VBNoidung\"/>").count() >= 7);
    assert!(d.contains("<w:pStyle w:val=\"VBNoinhan\"/>"));
    // Nothing is positioned absolutely in the body.
    assert!(!d.contains("<w:framePr") && !d.contains("wp:anchor") && !d.contains("<w:tblpPr"));
}

#[test]
fn table_header_row_repeats() {
    let d = phan(&docx(&doc("tests/documents/bang.toml")).unwrap(), "word/document.xml");
    assert!(d.contains("<w:tblHeader/>"));
    assert!(d.contains("<w:cantSplit/>"));
}

#[test]
fn same_document_same_bytes() {
    for rel in ["examples/cong-van.toml", "examples/ke-hoach.md", "examples/quyet-dinh.toml"] {
        let vb = doc(rel);
        assert_eq!(docx(&vb).unwrap(), docx(&vb).unwrap(), "{rel}");
    }
}

#[test]
fn core_properties_from_the_document_not_the_clock() {
    let vb = doc("examples/quyet-dinh.toml");
    let core = phan(&docx(&vb).unwrap(), "docProps/core.xml");
    assert!(core.contains(&format!("<dc:creator>{}</dc:creator>", vb.co_quan.ten.join(" "))), "{core}");
    assert!(core.contains(&vb.trich_yeu().unwrap().0), "{core}");
    // Only the document's own date, never today's.
    let date = vb.ngay.to_naive_date().unwrap().to_string();
    assert!(
        core.contains(&format!("<dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}T00:00:00Z")),
        "{core}"
    );
}

#[test]
fn text_is_data_never_markup() {
    let hostile = "<w:p>x</w:p> & \"q\" 'a' #set {{ ten }} ]]> <!-- c --> $x$";
    let mut vb = doc("examples/cong-van.toml");
    vb.noi_dung.0.insert(
        0,
        Khoi::DoanVan(vanban_core::DongChu(vec![Chu::Van {
            text: hostile.into(),
            dam: false,
            nghieng: false,
        }])),
    );
    vb.dia_danh = Some("A & <B>".into());
    vb.nguoi_ky.ho_ten = "Nguyễn \"Văn\" <A>".into();
    vb.co_quan.ten[1] = "xã {{x}} & #y".into();
    let bytes = docx(&vb).unwrap();
    let d = phan(&bytes, "word/document.xml");
    let text = chu_trong(&d);
    assert!(text.contains(hostile), "{text}");
    assert!(text.contains("A & <B>, ngày"));
    assert!(text.contains("Nguyễn \"Văn\" <A>"));
    assert!(text.contains("XÃ {{X}} & #Y"));
    // The markup itself is untouched: one w:body, and no user text as an element.
    assert_eq!(d.matches("<w:body>").count(), 1);
    assert!(!d.contains("<w:p>x</w:p>"));
    let core = phan(&bytes, "docProps/core.xml");
    assert!(core.contains("XÃ {{X}} &amp; #Y") || core.contains("xã {{x}} &amp; #y"), "{core}");
}

#[test]
fn every_word_of_the_model_is_in_the_package() {
    for rel in TAI_LIEU {
        let vb = doc(rel);
        let text = chu_trong(&phan(&docx_tep(rel), "word/document.xml"));
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for k in &vb.noi_dung.0 {
            if let Khoi::TieuDe { cap: vanban_core::CapTieuDe::PhanChuong, .. } = k {
                continue;
            }
            for w in k.plain().split_whitespace().filter(|w| *w != "|") {
                assert!(flat.contains(w), "{rel}: {w:?} missing");
            }
        }
        for l in vb.noi_nhan.dong() {
            assert!(flat.contains(&l), "{rel}: {l}");
        }
        assert!(flat.contains(&vb.nguoi_ky.ho_ten), "{rel}");
    }
}

#[test]
fn separate_parts_are_files_of_their_own() {
    for (rel, ten, label) in [
        ("examples/phu-luc-dien-tu.toml", "phu-luc-II", "TIẾN ĐỘ THỰC HIỆN TẠI CÁC THÔN, BẢN"),
        ("examples/quyet-dinh-dien-tu.toml", "kem-theo", "Kiểm tra công tác văn thư, lưu trữ năm 2026"),
    ] {
        let vb = doc(rel);
        // One package cannot hold them: the single-file calls refuse, naming the parts.
        let dir = goc().join("examples");
        match vanban_docx::docx_in(&vb, &dir) {
            Err(e @ LoiDocx::CoTepRieng { .. }) => assert!(e.to_string().contains(ten), "{rel}: {e}"),
            other => panic!("{rel}: {:?}", other.map(|b| b.len())),
        }
        let tep = common::cac_tep(rel);
        let names: Vec<Option<&str>> = tep.iter().map(|t| t.ten.as_deref()).collect();
        assert_eq!(names, [None, Some(ten)], "{rel}");
        let chinh = chu_trong(&phan(&tep[0].docx, "word/document.xml"));
        let rieng = phan(&tep[1].docx, "word/document.xml");
        assert!(!chinh.contains(label) && chu_trong(&rieng).contains(label), "{rel}");
        // One section numbered from 1 (the default), no ô 13; page 1's header has the box
        // with the document's number, date and signing time, anchored to the page.
        assert_eq!(rieng.matches("<w:sectPr>").count(), 1, "{rel}");
        assert!(!rieng.contains("pgNumType") && !rieng.contains("footerReference"), "{rel}");
        let dau = phan(&tep[1].docx, "word/header2.xml");
        let dong = vb.dong_tep_rieng().unwrap();
        assert_eq!(chu_trong(&dau).trim(), dong, "{rel}");
        assert!(dau.contains("w:vAnchor=\"page\"") && dau.contains("w:xAlign=\"right\""), "{rel}");
        assert!(phan(&tep[1].docx, "word/header1.xml").contains(" PAGE "), "{rel}");
        let core = phan(&tep[1].docx, "docProps/core.xml");
        assert!(core.to_lowercase().contains(&label.to_lowercase()), "{rel}: {core}");
    }
    // A document without separate parts is one file, the same bytes as `docx`.
    let tep = vanban_docx::cac_tep(&doc("examples/phu-luc.toml"), None).unwrap();
    assert_eq!(tep.len(), 1);
    assert_eq!(tep[0].docx, docx(&doc("examples/phu-luc.toml")).unwrap());
}

#[test]
fn electronic_copy_shows_its_signature_text_beside_the_circulation_note() {
    let vb = doc("examples/ban-sao-dien-tu.toml");
    let dong = vb.ban_sao.as_ref().unwrap().dong_ky_so().unwrap();
    let dau = phan(&docx(&vb).unwrap(), "word/header2.xml");
    let text = chu_trong(&dau);
    // Beside ô 11, the parts run on, joined by "; ", in three lines.
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[..3].join(" "), dong.join("; "));
    assert_eq!(lines[3], "LƯU HÀNH NỘI BỘ");
    assert!(dau.contains("<w:framePr ") && dau.contains("w:xAlign=\"right\""));
    // Without ô 11: one part per line in the full 77 mm box.
    let mut vb = vb;
    vb.pham_vi_luu_hanh = None;
    let dau = phan(&docx(&vb).unwrap(), "word/header2.xml");
    let lines: Vec<String> = chu_trong(&dau).lines().filter(|l| !l.is_empty()).map(str::to_owned).collect();
    assert_eq!(lines, dong);
    assert!(dau.contains("<w:framePr w:w=\"4365\""), "{dau}");
}

#[test]
fn parts_on_pages_of_their_own_are_sections_numbered_from_one() {
    // Two appendices, the second landscape: three sections, the two appendices numbered
    // from 1 with an empty first-page header and footer.
    let bytes = docx(&doc("examples/phu-luc.toml")).unwrap();
    let d = phan(&bytes, "word/document.xml");
    assert_eq!(d.matches("<w:sectPr>").count(), 3);
    assert_eq!(d.matches("<w:pgNumType w:start=\"1\"/>").count(), 2);
    assert_eq!(d.matches("w:orient=\"landscape\"").count(), 1);
    assert!(d.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"));
    assert_eq!(d.matches("r:id=\"rIdDauTrangTrong\"").count(), 2);
    assert!(phan(&bytes, "word/_rels/document.xml.rels").contains("header3.xml"));
    let text = chu_trong(&d);
    assert!(text.contains("Phụ lục I\n") && text.contains("Phụ lục II\n"), "{text}");
    let d = phan(&docx(&doc("examples/quyet-dinh-ban-hanh.toml")).unwrap(), "word/document.xml");
    assert_eq!(d.matches("<w:sectPr>").count(), 2);
    assert!(chu_trong(&d).contains("QUY CHẾ\n"));
}

#[test]
fn rules_have_the_decree_lengths() {
    // The rule paragraphs' indents centre a border of the wanted length in their column:
    // under "Độc lập - Tự do - Hạnh phúc" (13 pt bold, 159.1 pt = 3183 twips) across the
    // right column (9354 − 3273 = 6081 twips), 1449 twips in from each side.
    let d = phan(&docx(&doc("examples/cong-van.toml")).unwrap(), "word/document.xml");
    let nets: Vec<&str> = d.split("<w:pStyle w:val=\"VBNet\"/>").skip(1).collect();
    assert!(nets[1].starts_with("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\""), "{}", &nets[1][..80]);
    assert!(
        nets[1].contains("<w:ind w:left=\"1450\" w:right=\"1449\"/>")
            || nets[1].contains("<w:ind w:left=\"1449\" w:right=\"1449\"/>"),
        "{}",
        &nets[1][..200]
    );
    // Under the issuing body ("HUYỆN PHONG THỔ", 13 pt bold): 1/3–1/2 of it.
    let ind = |s: &str| -> (i64, i64) {
        let at = s.find("<w:ind w:left=\"").unwrap() + 15;
        let l: i64 = s[at..].split('"').next().unwrap().parse().unwrap();
        let at = s.find("w:right=\"").unwrap() + 9;
        let r: i64 = s[at..].split('"').next().unwrap().parse().unwrap();
        (l, r)
    };
    let (l, r) = ind(nets[0]);
    let len = 3273 - l - r;
    let line = 2600.0; // "HUYỆN PHONG THỔ" at 13 pt bold: 130.0 pt.
    assert!((len as f64) >= line / 3.0 && (len as f64) <= line / 2.0, "{len}");
}

#[test]
fn paper_copy_block_follows_the_text() {
    let vb = doc("examples/ban-sao.toml");
    let text = chu_trong(&phan(&docx(&vb).unwrap(), "word/document.xml"));
    let b = vb.ban_sao.as_ref().unwrap();
    let at = text.find(b.hinh_thuc.chu()).expect("SAO Y");
    assert!(at > text.find(&vb.nguoi_ky.ho_ten).unwrap(), "the copy block after the document's signature");
    assert!(text[at..].contains(&format!("/{}", b.ky_hieu().unwrap())));
}

#[test]
fn larger_step_moves_the_three_sizes_together() {
    let mut vb = doc("examples/cong-van.toml");
    vb.co_chu = vanban_core::CoChu::Lon;
    let s = phan(&docx(&vb).unwrap(), "word/styles.xml");
    assert!(kieu(&s, "VBQuochieu").contains("<w:sz w:val=\"26\"/>"));
    assert!(kieu(&s, "VBTieungu").contains("<w:sz w:val=\"28\"/>"));
    assert!(kieu(&s, "VBNgay").contains("<w:sz w:val=\"28\"/>"));
}

/// The target of relationship `id` in `rels`.
fn dich<'a>(rels: &'a str, id: &str) -> &'a str {
    let at = rels.find(&format!("Id=\"{id}\"")).unwrap_or_else(|| panic!("{id} in {rels}"));
    let rel = &rels[at..at + rels[at..].find("/>").unwrap()];
    let t = rel.find("Target=\"").unwrap() + "Target=\"".len();
    &rel[t..t + rel[t..].find('"').unwrap()]
}

/// The bytes of part `name` of the package `docx`.
fn phan_byte(docx: &[u8], name: &str) -> Vec<u8> {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = Vec::new();
    zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_end(&mut out).unwrap();
    out
}

#[test]
fn signature_and_seal_images_are_embedded_and_drawn() {
    let dir = goc().join(KY_SO).parent().unwrap().to_owned();
    let bytes = docx_tep(KY_SO);
    assert_eq!(bytes, docx_tep(KY_SO), "the same bytes each time");
    let ct = phan(&bytes, "[Content_Types].xml");
    assert!(ct.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"), "{ct}");
    let rels = phan(&bytes, "word/_rels/document.xml.rels");
    let d = phan(&bytes, "word/document.xml");
    assert!(
        d.contains("xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"")
    );
    assert_eq!(d.matches("<w:drawing>").count(), 2, "{d}");
    // Each drawing's image resolves to a media part holding the PNG byte for byte.
    for (file, rid) in [("chu-ky.png", "rIdAnh1"), ("dau.png", "rIdAnh2")] {
        assert!(d.contains(&format!("<a:blip r:embed=\"{rid}\"/>")), "{rid}");
        let target = dich(&rels, rid);
        assert!(rels.contains(&format!(
            "Id=\"{rid}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\""
        )));
        assert_eq!(
            phan_byte(&bytes, &format!("word/{target}")),
            std::fs::read(dir.join(file)).unwrap(),
            "{file}"
        );
    }
    // Sizes from the PNGs' resolution (pHYs 11,811 px/m, 300 dpi): the signature 600 × 220 px
    // = 50.8 × 18.63 mm, the seal 425 px = 35.98 mm (EMU: 36,000 a millimetre), as the PDF
    // prints them.
    assert!(d.contains("<wp:extent cx=\"1828804\" cy=\"670561\"/>"), "{d}");
    assert!(d.contains("<wp:extent cx=\"1295403\" cy=\"1295403\"/>"), "{d}");
    // Both in the signer's cell, in the room between the title and the name.
    let ky = d.find("PHÓ CHỦ TỊCH").unwrap();
    let ten = d.find("Nguyễn Văn A").unwrap();
    assert!(d.match_indices("<w:drawing>").all(|(i, _)| ky < i && i < ten));
    // The seal over the signature's left third: its right edge at a third of the signature.
    assert!(d.contains("<wp:positionH relativeFrom=\"column\"><wp:align>center</wp:align>"));
    let cot = (165.0 - 0.4 * 165.0) * 36_000.0; // the signer's column, in EMU (text width 165 mm)
    let trai = cot / 2.0 - 1_828_800.0 / 6.0 - 1_295_400.0;
    let x: f64 = d.split("<wp:posOffset>").nth(2).unwrap().split('<').next().unwrap().parse().unwrap();
    assert!((x - trai).abs() < 1_000.0, "{x} {trai}");
}

#[test]
fn images_need_a_directory_and_a_readable_file() {
    let vb = doc(KY_SO);
    match docx(&vb) {
        Err(e @ LoiDocx::CanThuMuc { .. }) => assert!(e.to_string().contains("chu-ky.png"), "{e}"),
        other => panic!("{:?}", other.map(|b| b.len())),
    }
    let empty = tempfile::tempdir().unwrap();
    match vanban_docx::docx_in(&vb, empty.path()) {
        Err(e @ LoiDocx::Anh { .. }) => {
            assert!(
                e.to_string().contains("chu-ky.png") && e.to_string().contains("no such image file"),
                "{e}"
            );
        }
        other => panic!("{:?}", other.map(|b| b.len())),
    }
    // A seal with no resolution and no dau_mm has no known size; an opaque image is refused.
    let dir = goc().join(KY_SO).parent().unwrap().to_owned();
    let mut vb2 = vb.clone();
    vb2.ky_so.as_mut().unwrap().dau.as_mut().unwrap().anh =
        vanban_core::Anh::new("dau-khong-dpi.png").unwrap();
    let e = vanban_docx::docx_in(&vb2, &dir).unwrap_err().to_string();
    assert!(e.contains("dau_mm"), "{e}");
    vb2.ky_so.as_mut().unwrap().dau.as_mut().unwrap().duong_kinh_mm = Some(40.0);
    let d = phan(&vanban_docx::docx_in(&vb2, &dir).unwrap(), "word/document.xml");
    assert!(d.contains("<wp:extent cx=\"1440000\" cy=\"1440000\"/>"), "40 mm seal");
    vb2.ky_so.as_mut().unwrap().chu_ky = vanban_core::Anh::new("nen-trang.png").unwrap();
    let e = vanban_docx::docx_in(&vb2, &dir).unwrap_err().to_string();
    assert!(e.contains("transparent"), "{e}");
    // A document without images needs no directory and gives the same bytes either way.
    let cv = doc("examples/cong-van.toml");
    assert_eq!(docx(&cv).unwrap(), vanban_docx::docx_in(&cv, empty.path()).unwrap());
}
