//! The PDF itself: same input, same bytes; document text printed literally; PDF/A.

use vanban_core::DangTep;
use vanban_render::{PdfOptions, Renderer};
use vanban_tests::*;

fn parse(file: &str) -> vanban_core::VanBan {
    let path = root().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    vanban_core::parse(&text, DangTep::from_path(&path)).unwrap()
}

#[test]
fn same_input_same_bytes() {
    for file in ["examples/cong-van.toml", "examples/ke-hoach.md"] {
        let vb = parse(file);
        let a = renderer().render_pdf(&vb, &PdfOptions::default()).unwrap();
        let b = renderer().render_pdf(&vb, &PdfOptions::default()).unwrap();
        // A fresh renderer, as a new process would have.
        let c = Renderer::new().render_pdf(&vb, &PdfOptions::default()).unwrap();
        assert!(a.starts_with(b"%PDF-"));
        assert!(a == b && a == c, "{file}: output differs between renders");
    }
}

#[test]
fn different_documents_interleaved_do_not_leak_into_each_other() {
    let cv = parse("examples/cong-van.toml");
    let kh = parse("examples/ke-hoach.md");
    let first = renderer().render_pdf(&cv, &PdfOptions::default()).unwrap();
    renderer().render_pdf(&kh, &PdfOptions::default()).unwrap();
    let again = renderer().render_pdf(&cv, &PdfOptions::default()).unwrap();
    assert_eq!(first, again);
}

/// Characters that mean something in Typst markup, code or Markdown.
const NASTY: &str = r"# $ [ ] \ @ < > { } * _ ` ~ = // /* */ #let x = 1 $x^2$ [link](url) <label> @ref";

#[test]
fn text_in_every_field_prints_literally() {
    let q = |s: &str| format!("'''{s}'''");
    let source = format!(
        "loai = \"to-trinh\"\ndia_danh = {d}\nngay = \"2024\"\ntrich_yeu = {t}\nkinh_gui = [{k1}, {k2}]\nnoi_dung = '''\nĐoạn: {body}\n'''\n\n[co_quan]\nchu_quan = {cq}\nten = {ten}\nviet_tat = \"UBND\"\n\n[nguoi_ky]\nquyen_han = [{qh}]\nchuc_vu = {cv}\nho_ten = {ht}\n\n[noi_nhan]\ngui = [{g}]\nluu = [\"VT\", {l}]\n",
        d = q("Đà Lạt #1"),
        t = q(&format!("Trích {NASTY}")),
        k1 = q(&format!("Kính {NASTY}")),
        k2 = q("#set text(red)"),
        body = r"a \# b \$ c \[ d \] e \\ f @g \<h\> {i} #j $k$",
        cq = q("Bộ #{1+1}"),
        ten = q("Sở $x$ [y]"),
        qh = q("TM. Hội đồng #show: none"),
        cv = q("Chủ tịch \\ {x}"),
        ht = q("Nguyễn @Văn <A>"),
        g = q(&format!("Nơi {NASTY}")),
        l = q("#x"),
    );
    let m = measure_str(&source, DangTep::Toml);
    let all: String = m.pages.iter().map(|p| p.text()).collect::<Vec<_>>().join("\n");
    let flat: String = all.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Đà Lạt #1",
        "SỞ $X$ [Y]",
        "BỘ #{1+1}",
        "TM. HỘI ĐỒNG #SHOW: NONE",
        r"CHỦ TỊCH \ {X}",
        "Nguyễn @Văn <A>",
        "- #set text(red).",
        r"a # b $ c [ d ] e \ f @g <h> {i} #j $k$",
        "- Lưu: VT, #x.",
    ] {
        assert!(flat.contains(expected), "“{expected}” not printed literally in:\n{flat}");
    }
    for part in NASTY.split(' ') {
        assert!(flat.contains(part), "“{part}” missing");
    }
}

#[test]
fn text_in_the_parts_of_a_quyet_dinh_prints_literally() {
    let q = |s: &str| format!("'''{s}'''");
    let source = format!(
        "loai = \"quyet-dinh\"\ndia_danh = \"Lai Châu\"\nngay = \"2024\"\ntrich_yeu = {t}\ntham_quyen = {tq}\ncan_cu = [{c1}, {c2}]\ntheo_de_nghi = {td}\nnoi_dung = '''\nĐiều 1. {body}./.\n'''\n\n[co_quan]\nten = \"Sở Nội vụ\"\nviet_tat = \"SNV\"\n\n[nguoi_ky]\nchuc_vu = \"Giám đốc\"\nho_ten = \"Lò Văn A\"\n\n[noi_nhan]\nluu = [\"VT\"]\n",
        t = q(&format!("Về việc {NASTY}")),
        tq = q("Giám đốc #sở [x]"),
        c1 = q(&format!("Căn cứ {NASTY}")),
        c2 = q("Căn cứ #set text(red)"),
        td = q(r"Phòng $x$ \ {y}"),
        body = r"a \# b \$ c @d \<e\>",
    );
    let m = measure_str(&source, DangTep::Toml);
    let all: String = m.pages.iter().map(|p| p.text()).collect::<Vec<_>>().join("\n");
    let flat: String = all.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "GIÁM ĐỐC #SỞ [X]",
        "Căn cứ #set text(red);",
        r"Theo đề nghị của Phòng $x$ \ {y}.",
        "Điều 1. a # b $ c @d <e>./.",
    ] {
        assert!(flat.contains(expected), "“{expected}” not printed literally in:\n{flat}");
    }
    for part in NASTY.split(' ') {
        assert!(flat.contains(part), "“{part}” missing");
    }
}

#[test]
fn pdf_a_2b_on_request() {
    let vb = parse("examples/cong-van.toml");
    let pdf = renderer().render_pdf(&vb, &PdfOptions::pdf_a()).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("pdfaid:part") && text.contains("<pdfaid:part>2</pdfaid:part>")
            || text.contains("pdfaid:part=\"2\""),
        "no PDF/A-2 identification"
    );
    assert!(
        text.contains("pdfaid:conformance") && (text.contains(">B<") || text.contains("conformance=\"B\"")),
        "not conformance level B"
    );
    let plain = renderer().render_pdf(&vb, &PdfOptions::default()).unwrap();
    assert!(!String::from_utf8_lossy(&plain).contains("pdfaid:part"));
}

/// The body, read back out of the PDF file itself (not the layout), comes out complete and in
/// order, paragraph by paragraph, character for character (white space aside: extraction
/// tools guess spaces at style changes).
#[test]
fn body_text_comes_back_out_of_the_pdf() {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for file in ["examples/ke-hoach.md", "examples/cong-van.toml"] {
        let vb = parse(file);
        let pdf = renderer().render_pdf(&vb, &PdfOptions::default()).unwrap();
        let text = pdf_extract::extract_text_from_mem(&pdf).expect("the PDF's text can be extracted");
        // Page numbers stand on lines of their own; they may fall inside a paragraph.
        let extracted: String =
            text.lines().filter(|l| !l.trim().chars().all(|c| c.is_ascii_digit())).map(squeeze).collect();
        let mut at = 0;
        for block in vb.noi_dung.plain().lines() {
            let want = squeeze(block);
            match extracted[at..].find(&want) {
                Some(i) => at += i + want.len(),
                None => panic!("{file}: paragraph not found in order in the PDF text: “{block}”"),
            }
        }
    }
}
