//! The reference documents, the project's own documents and generated documents of every
//! type Mẫu 1.4 serves, each held to every measurable rule.

use vanban_core::{DangTep, LoaiVanBan, MauVanBan};
use vanban_tests::*;

use crate::nd30::assert_conforms;

#[test]
fn reference_cong_van_conforms() {
    let m = measure_file("examples/cong-van.toml");
    assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: /UBND-NV");
    let date = line_starting(p, "Phong Thổ,").unwrap().text();
    assert_eq!(date.split_whitespace().collect::<Vec<_>>().join(" "), "Phong Thổ, ngày tháng năm 2024");
    assert!(line_eq(p, "- Các cơ quan, ban, ngành, đoàn thể huyện;").is_some());
    assert!(line_eq(p, "- Ủy ban Nhân dân các xã, thị trấn.").is_some());
    let sp = &m.pages[m.signature_page()];
    assert!(line_eq(sp, "- Lưu: VT, NV.").is_some());
    assert!(line_eq(sp, "TM. ỦY BAN NHÂN DÂN").is_some());
    assert!(line_eq(sp, "CHỦ TỊCH").is_some());
}

#[test]
fn reference_ke_hoach_conforms() {
    let m = measure_file("examples/ke-hoach.md");
    assert_conforms(&m);
    assert!(m.pages.len() >= 4, "the kế hoạch runs over several pages ({})", m.pages.len());
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: /KH-UBND");
    assert!(line_eq(p, "KẾ HOẠCH").is_some());
    assert!(line_eq(p, "DỰ THẢO").is_some());
}

#[test]
fn own_documents_conform() {
    for file in [
        "tests/documents/to-trinh.toml",
        "tests/documents/thong-bao.md",
        "tests/documents/giay-uy-quyen.toml",
        "tests/documents/ky-so/cong-van.toml",
    ] {
        let m = measure_file(file);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{file}:\n- {}", v.join("\n- "));
    }
}

#[test]
fn numbers_and_dates_follow_the_decree() {
    let m = measure_file("tests/documents/thong-bao.md");
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 07/TB-VP");
    assert_eq!(line_starting(p, "Hà Nội,").unwrap().text(), "Hà Nội, ngày 05 tháng 02 năm 2024");
    let m = measure_file("tests/documents/to-trinh.toml");
    let p = m.page1();
    // A long place name still fits the date on one line.
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 05/TTr-SNV");
    assert_eq!(
        line_starting(p, "Thành phố Hồ Chí Minh,").unwrap().text(),
        "Thành phố Hồ Chí Minh, ngày 07 tháng 01 năm 2025"
    );
    assert_eq!(
        line_starting(p, "Kính gửi:").unwrap().text(),
        "Kính gửi: Ủy ban nhân dân Thành phố Hồ Chí Minh."
    );
    assert!(
        line_eq(p, "KT. GIÁM ĐỐC").is_some()
            || line_eq(&m.pages[m.signature_page()], "KT. GIÁM ĐỐC").is_some()
    );
}

/// A document of type `loai` with `paragraphs` body paragraphs of varying length.
pub fn generated(loai: LoaiVanBan, paragraphs: usize, variant: usize) -> String {
    let mut body = String::new();
    for i in 0..paragraphs {
        if i % 7 == 3 {
            body.push_str(&format!("# {}. NỘI DUNG THỨ {}\n\n", ["I", "II", "III", "IV", "V"][i % 5], i));
        }
        let words = 20 + (i * 37 + variant * 11) % 90;
        let sentence: Vec<&str> = "các cơ quan đơn vị triển khai thực hiện nghiêm túc nội dung kế hoạch bảo đảm tiến độ chất lượng hiệu quả tiết kiệm".split(' ').collect();
        let para: Vec<&str> = (0..words).map(|w| sentence[(w + i) % sentence.len()]).collect();
        let mut para = para.join(" ");
        if let Some(first) = para.get(..1) {
            para = first.to_uppercase() + &para[1..];
        }
        body.push_str(&para);
        body.push_str(if i + 1 == paragraphs { "./.\n" } else { ".\n\n" });
    }
    let kinh_gui = match (loai.co_kinh_gui(), variant % 2) {
        (true, 0) => "kinh_gui = \"Ủy ban nhân dân tỉnh Lai Châu\"\n",
        (true, _) => "kinh_gui = [\"Ủy ban nhân dân tỉnh Lai Châu\", \"Sở Nội vụ tỉnh Lai Châu\"]\n",
        _ => "",
    };
    let (so, ngay) = match variant % 3 {
        0 => ("", "\"2024\""),
        1 => ("so = 3\n", "\"2024-10-09\""),
        _ => ("so = 128\n", "\"2025-02\""),
    };
    let chu_quan =
        if variant.is_multiple_of(2) { "chu_quan = \"Ủy ban nhân dân tỉnh Lai Châu\"\n" } else { "" };
    let du_thao = if variant % 4 == 1 { "du_thao = 2\n" } else { "" };
    let du_thao =
        if variant % 3 == 2 { format!("{du_thao}co_chu_quoc_hieu = 13\n") } else { du_thao.to_owned() };
    format!(
        "+++\nloai = \"{slug}\"\n{so}dia_danh = \"Lai Châu\"\nngay = {ngay}\ntrich_yeu = \"Thực hiện nhiệm vụ trọng tâm năm 2025 của ngành nội vụ trên địa bàn tỉnh\"\n{kinh_gui}{du_thao}\n[co_quan]\n{chu_quan}ten = \"Sở Nội vụ\"\nviet_tat = \"SNV\"\n\n[nguoi_ky]\nquyen_han = [\"KT. Giám đốc\"]\nchuc_vu = \"Phó Giám đốc\"\nho_ten = \"Lò Văn Pháng\"\n\n[noi_nhan]\ngui = [\"UBND tỉnh (b/c)\", \"Các phòng thuộc Sở\"]\nluu = [\"VT\", \"TCBC\"]\n+++\n\n{body}",
        slug = loai.slug()
    )
}

#[test]
fn every_mau_1_4_type_conforms() {
    let types: Vec<LoaiVanBan> =
        LoaiVanBan::ALL.iter().copied().filter(|l| l.mau() == MauVanBan::Mau1_4).collect();
    assert_eq!(types.len(), 17);
    for (i, loai) in types.into_iter().enumerate() {
        let source = generated(loai, 3 + i % 9, i);
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{} (variant {i}):\n- {}", loai.slug(), v.join("\n- "));
        let code = m.van_ban.so_hieu.ky_hieu.as_str().to_owned();
        assert_eq!(code, format!("{}-SNV", loai.viet_tat().unwrap()));
    }
}

#[test]
fn the_signature_block_never_stands_alone() {
    // Bodies of every length from a few lines to several pages, so that the end of the
    // body falls at every height of a page.
    for n in 1..=28 {
        let source = generated(LoaiVanBan::BaoCao, n, n);
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{n} paragraphs:\n- {}", v.join("\n- "));
    }
}

/// Text without white space: what must survive layout character for character.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn body_text_comes_back_word_for_word() {
    for file in ["examples/ke-hoach.md", "examples/cong-van.toml", "tests/documents/thong-bao.md"] {
        let m = measure_file(file);
        let expected = squeeze(&m.van_ban.noi_dung.plain());
        let printed: String = m.body_lines().iter().map(|(_, l)| squeeze(&l.text())).collect();
        if printed != expected {
            let at = printed.chars().zip(expected.chars()).position(|(a, b)| a != b).unwrap_or(0);
            let near = |s: &str| s.chars().skip(at.saturating_sub(20)).take(60).collect::<String>();
            panic!(
                "{file}: body differs at character {at}:\nprinted  …{}…\nexpected …{}…",
                near(&printed),
                near(&expected)
            );
        }
        // Words are not run together or split: the same number of words.
        let words = m.van_ban.noi_dung.plain().split_whitespace().count();
        let printed_words: usize =
            m.body_lines().iter().map(|(_, l)| l.text().split_whitespace().count()).sum();
        assert_eq!(printed_words, words, "{file}: word count");
    }
}

#[test]
fn the_larger_size_step_moves_all_three_together() {
    let source =
        generated(LoaiVanBan::KeHoach, 4, 0).replace("+++\nloai", "+++\nco_chu_quoc_hieu = 13\nloai");
    let m = measure_str(&source, DangTep::Markdown);
    crate::nd30::assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_eq(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").unwrap().size(), 13.0);
    assert_eq!(line_eq(p, "Độc lập - Tự do - Hạnh phúc").unwrap().size(), 14.0);
    assert_eq!(line_starting(p, "Lai Châu,").unwrap().size(), 14.0);
}
