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
    assert_eq!(line_starting(p, "Hà Nội,").unwrap().text(), "Hà Nội, ngày 05 tháng 02 năm 2026");
    let m = measure_file("tests/documents/to-trinh.toml");
    let p = m.page1();
    // A long place name still fits the date on one line.
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 05/TTr-SNV");
    assert_eq!(
        line_starting(p, "Thành phố Hồ Chí Minh,").unwrap().text(),
        "Thành phố Hồ Chí Minh, ngày 07 tháng 01 năm 2026"
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

#[test]
fn paragraphs_stand_a_line_pitch_and_6_pt_apart() {
    // The decree's “at least 6 pt” as its samples set it: 6 pt Spacing Before on single-spaced
    // 14 pt text, so the baselines of two paragraphs stand 1.2 em + 6 pt = 22.8 pt apart (not
    // 21.5 pt, 6 pt between the line boxes), in the body, the legal bases, the opening
    // paragraphs of a giấy mời or biên bản, the bodies a công điện goes to, around tables, in
    // an attached document and in appendices.
    let mut files: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "md"))
        .map(|p| format!("examples/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    files.sort();
    let generated = [("a table between paragraphs", with_table(6, 5, 2))];
    let documents = files
        .iter()
        .map(|f| (f.as_str(), measure_file(f)))
        .chain(generated.iter().map(|(what, source)| (*what, measure_str(source, DangTep::Markdown))));
    for (file, m) in documents {
        let left = m.body_lines().iter().map(|(_, l)| l.left()).fold(f64::INFINITY, f64::min);
        let mut run = m.body_lines();
        run.extend(m.part_lines());
        let all = steps(&m.pages, &run, left);
        let pitch = line_pitch_em(&all).expect("a paragraph of two lines or more");
        assert!((pitch * 14.0 - 16.8).abs() < 0.05, "{file}: line pitch {:.2} pt", pitch * 14.0);
        let between: Vec<f64> = all.iter().filter(|s| s.new_paragraph).map(|s| s.distance()).collect();
        assert!(!between.is_empty(), "{file}: no two paragraphs follow each other");
        for d in between {
            assert!((d - 22.8).abs() <= 0.3, "{file}: paragraphs {d:.2} pt apart, expected 22.8");
        }
    }
    // The parts numbered on their own are measured too.
    for file in ["examples/phu-luc.toml", "examples/quyet-dinh-ban-hanh.toml"] {
        let m = measure_file(file);
        let left = mm(30.0);
        let parts = m.part_lines();
        let s = steps(&m.pages, &parts, left);
        assert!(s.iter().any(|s| s.new_paragraph), "{file}: no paragraphs measured in its parts");
        assert!(s.iter().filter(|s| s.new_paragraph).all(|s| (s.distance() - 22.8).abs() <= 0.3), "{file}");
    }
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
    let types: Vec<LoaiVanBan> = LoaiVanBan::ALL
        .iter()
        .copied()
        .filter(|l| matches!(l.mau(), MauVanBan::Mau1_4 | MauVanBan::ChungNhuMau1_4))
        .collect();
    // The seventeen of Mẫu 1.4 and the four the decree gives no template of its own
    // (hợp đồng, bản ghi nhớ, bản thỏa thuận, thư công), laid out by its general rules.
    assert_eq!(types.len(), 21);
    for (i, loai) in types.into_iter().enumerate() {
        let mut source = generated(loai, 3 + i % 9, i);
        if loai.viet_tat().is_none() {
            source = source.replacen("dia_danh = ", "don_vi_soan_thao = \"VP\"\ndia_danh = ", 1);
        }
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{} (variant {i}):\n- {}", loai.slug(), v.join("\n- "));
        let code = m.van_ban.so_hieu.ky_hieu.as_str().to_owned();
        let want = match loai.viet_tat() {
            Some(vt) => format!("{vt}-SNV"),
            None => "SNV-VP".to_owned(),
        };
        assert_eq!(code, want);
        assert!(line_eq(m.page1(), loai.ten_loai()).is_some(), "{loai}: no type name");
    }
}

#[test]
fn reference_hop_dong_and_thu_cong_conform() {
    // Types the decree gives no template for, laid out by its general rules.
    let m = measure_file("examples/hop-dong.toml");
    assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 12/HĐ-VP");
    assert!(line_eq(p, "HỢP ĐỒNG").is_some());
    assert!(line_eq(p, "VĂN PHÒNG").is_some() && line_eq(p, "HĐND VÀ UBND").is_some());
    assert!(m.pages.len() >= 2, "the hợp đồng runs onto a second page");
    assert!(line_eq(&m.pages[m.signature_page()], "CHÁNH VĂN PHÒNG").is_some());

    let m = measure_file("examples/thu-cong.toml");
    assert_conforms(&m);
    let p = m.page1();
    // A thư công has no abbreviation: its ký hiệu is agency and drafting unit, as a công văn's.
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 09/UBND-VP");
    assert!(line_eq(p, "THƯ CÔNG").is_some());
    assert!(line_eq(p, "Chúc mừng ngày Nhà giáo Việt Nam 20 tháng 11").is_some());
    assert_eq!(
        line_starting(p, "Phong Thổ,").unwrap().text().split_whitespace().collect::<Vec<_>>().join(" "),
        "Phong Thổ, ngày 18 tháng 11 năm 2026"
    );
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

#[test]
fn reference_quyet_dinh_and_nghi_quyet_conform() {
    let m = measure_file("examples/quyet-dinh.toml");
    assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 1452/QĐ-UBND");
    assert!(line_eq(p, "QUYẾT ĐỊNH").is_some());
    assert!(line_eq(p, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHONG THỔ").is_some());
    assert!(line_eq(p, "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;").is_some());
    assert!(line_eq(p, "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.").is_some());
    assert!(line_eq(p, "QUYẾT ĐỊNH:").is_some());
    assert!(line_eq(&m.pages[m.signature_page()], "- Như Điều 3;").is_some());

    let m = measure_file("examples/nghi-quyet.md");
    assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: /NQ-HĐND");
    assert!(line_eq(p, "NGHỊ QUYẾT").is_some());
    assert!(line_eq(p, "QUYẾT NGHỊ:").is_some());
    assert!(line_eq(p, "QUYẾT ĐỊNH:").is_none());
    assert!(line_eq(&m.pages[m.signature_page()], "TM. HỘI ĐỒNG NHÂN DÂN").is_some());
}

/// A quyết định or nghị quyết with `bases` căn cứ and `articles` articles, each of a
/// different length, signed in one of several ways.
pub fn generated_quyet_dinh(loai: LoaiVanBan, bases: usize, articles: usize, variant: usize) -> String {
    let words = |n: usize, seed: usize| {
        let pool: Vec<&str> = "quy định chi tiết một số điều của luật về tổ chức bộ máy cán bộ công chức viên chức đơn vị sự nghiệp công lập trên địa bàn tỉnh".split(' ').collect();
        (0..n).map(|w| pool[(w * 7 + seed) % pool.len()]).collect::<Vec<_>>().join(" ")
    };
    let can_cu: Vec<String> = (0..bases)
        .map(|i| {
            format!(
                "\"Căn cứ Nghị định số {}/2024/NĐ-CP ngày 0{} tháng 3 năm 2024 của Chính phủ {}\"",
                10 + i,
                1 + i % 9,
                words(6 + (i * 13 + variant * 5) % 40, i)
            )
        })
        .collect();
    let theo =
        if variant.is_multiple_of(2) { "theo_de_nghi = \"Giám đốc Sở Nội vụ\"\n" } else { "" };
    let mut body = String::new();
    for n in 1..=articles {
        body.push_str(&format!("Điều {n}. {}.\n\n", words(15 + (n * 29 + variant * 3) % 120, n)));
        if n == 1 && variant % 3 == 1 {
            body.push_str("1. Khoản một:\n\na) Điểm a;\n\nb) Điểm b;\n\nc) Điểm c;\n\nd) Điểm d;\n\nđ) Điểm đ;\n\ne) Điểm e.\n\n2. Khoản hai.\n\n");
        }
    }
    body.push_str(
        "Chánh Văn phòng, Giám đốc các sở và các cơ quan có liên quan chịu trách nhiệm thi hành./.\n",
    );
    let (quyen_han, chuc_vu) = match variant % 3 {
        0 => ("", "Chủ tịch"),
        1 => ("quyen_han = [\"KT. Chủ tịch\"]\n", "Phó Chủ tịch"),
        _ => ("quyen_han = [\"TM. Ủy ban nhân dân\"]\n", "Chủ tịch"),
    };
    let so = if variant % 2 == 1 { "so = 7\n" } else { "" };
    format!(
        "+++\nloai = \"{slug}\"\n{so}dia_danh = \"Lai Châu\"\nngay = \"2025-02-0{day}\"\ntrich_yeu = \"Về việc {ty}\"\ntham_quyen = \"{tq}\"\ncan_cu = [{cc}]\n{theo}\n[co_quan]\nten = [\"Ủy ban nhân dân\", \"tỉnh Lai Châu\"]\nviet_tat = \"UBND\"\n\n[nguoi_ky]\n{quyen_han}chuc_vu = \"{chuc_vu}\"\nho_ten = \"Lê Văn Lương\"\n\n[noi_nhan]\ngui = [\"Như Điều {last}\", \"Bộ Nội vụ (b/c)\"]\nluu = [\"VT\", \"NC\"]\n+++\n\n{body}",
        slug = loai.slug(),
        day = 1 + variant % 9,
        ty = words(8 + variant * 9 % 30, variant),
        tq = if loai == LoaiVanBan::NghiQuyet {
            "Ủy ban nhân dân tỉnh Lai Châu"
        } else {
            "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu"
        },
        cc = can_cu.join(", "),
        last = articles,
    )
}

#[test]
fn quyet_dinh_and_nghi_quyet_of_every_shape_conform() {
    let mut n = 0;
    for loai in [LoaiVanBan::QuyetDinh, LoaiVanBan::NghiQuyet] {
        for (bases, articles) in [(1, 1), (2, 3), (4, 5), (7, 2), (3, 12), (12, 4)] {
            n += 1;
            let source = generated_quyet_dinh(loai, bases, articles, n);
            let m = measure_str(&source, DangTep::Markdown);
            let v = crate::nd30::check(&m);
            assert!(
                v.is_empty(),
                "{} {bases} căn cứ, {articles} Điều (variant {n}):\n- {}",
                loai.slug(),
                v.join("\n- ")
            );
            assert_eq!(m.van_ban.so_hieu.ky_hieu.as_str(), format!("{}-UBND", loai.viet_tat().unwrap()));
        }
    }
}

#[test]
fn quyet_dinh_body_comes_back_word_for_word() {
    for file in ["examples/quyet-dinh.toml", "examples/nghi-quyet.md"] {
        let m = measure_file(file);
        let expected = squeeze(&m.van_ban.noi_dung.plain());
        let printed: String = m.body_lines().iter().map(|(_, l)| squeeze(&l.text())).collect();
        assert_eq!(printed, expected, "{file}");
    }
}

#[test]
fn stamps_notes_and_contacts_are_laid_out_as_the_decree_draws_them() {
    let m = measure_file("tests/documents/cong-van-hoa-toc.toml");
    assert_conforms(&m);
    let p = m.page1();
    assert!(line_eq(p, "HỎA TỐC").is_some());
    assert!(line_eq(p, "MẬT").is_some());
    assert!(line_eq(p, "XEM XONG TRẢ LẠI").is_some());
    assert!(line_eq(p, "E-mail: ubndphongtho@laichau.gov.vn; Website: phongtho.laichau.gov.vn").is_some());
    assert!(line_eq(&m.pages[m.signature_page()], "PL.(30)").is_some());
}

#[test]
fn every_stamp_on_every_kind_of_document_conforms() {
    let mut n = 0;
    for (i, loai) in [LoaiVanBan::BaoCao, LoaiVanBan::ToTrinh, LoaiVanBan::KeHoach, LoaiVanBan::ThongBao]
        .into_iter()
        .enumerate()
    {
        for khan in vanban_core::DoKhan::ALL {
            n += 1;
            let mat = vanban_core::DoMat::ALL[n % 3];
            let mut extra = format!("do_khan = \"{}\"\n", khan.slug());
            if n % 2 == 0 {
                extra.push_str(&format!("do_mat = \"{}\"\n", mat.slug()));
            }
            if n % 3 == 0 {
                extra.push_str("pham_vi_luu_hanh = \"Lưu hành nội bộ\"\n");
            }
            let mut source =
                generated(loai, 2 + n % 7, i).replacen("+++\nloai", &format!("+++\n{extra}loai"), 1);
            if n % 2 == 1 {
                source = source.replacen(
                    "viet_tat = \"SNV\"\n",
                    "viet_tat = \"SNV\"\ndia_chi = \"Số 1, đường Trần Hưng Đạo, phường Tân Phong, tỉnh Lai Châu\"\nemail = \"snv@laichau.gov.vn\"\n",
                    1,
                );
                source = source.replacen(
                    "luu = [\"VT\", \"TCBC\"]\n",
                    "luu = [\"VT\", \"TCBC\"]\nnguoi_soan_thao = \"LVP\"\nso_ban = 12\n",
                    1,
                );
            }
            let m = measure_str(&source, DangTep::Markdown);
            let v = crate::nd30::check(&m);
            assert!(
                v.is_empty(),
                "{} {} (variant {n}):\n- {}\n{source}",
                loai.slug(),
                khan.slug(),
                v.join("\n- ")
            );
        }
    }
    // A quyết định with a stamp and contacts.
    let source = generated_quyet_dinh(LoaiVanBan::QuyetDinh, 3, 3, 4)
        .replacen("+++\nloai", "+++\ndo_khan = \"thuong-khan\"\nloai", 1)
        .replacen("viet_tat = \"UBND\"\n", "viet_tat = \"UBND\"\nwebsite = \"laichau.gov.vn\"\n", 1);
    let m = measure_str(&source, DangTep::Markdown);
    assert_conforms(&m);
}

#[test]
fn a_long_address_wraps_inside_the_foot_of_page_one() {
    let address = "Tầng 5, tòa nhà Trung tâm Hành chính - Chính trị tỉnh, đường Trần Hưng Đạo, phường Tân Phong, thành phố Lai Châu, tỉnh Lai Châu, Việt Nam (cổng phía đông)";
    let source = generated(LoaiVanBan::ThongBao, 3, 1).replacen(
        "viet_tat = \"SNV\"\n",
        &format!("viet_tat = \"SNV\"\ndia_chi = \"{address}\"\ndien_thoai = \"0213 3876 543\"\n"),
        1,
    );
    let m = measure_str(&source, DangTep::Markdown);
    assert_conforms(&m);
}

#[test]
fn reference_cong_dien_conforms() {
    let m = measure_file("examples/cong-dien.toml");
    assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 03/CĐ-UBND");
    assert!(line_eq(p, "CÔNG ĐIỆN").is_some());
    assert!(line_eq(p, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ điện:").is_some());
    assert!(line_eq(p, "- Ban Chỉ huy Quân sự xã, Công an xã.").is_some());
    assert!(line_eq(p, "HỎA TỐC").is_some());
}

#[test]
fn cong_dien_of_every_shape_conforms() {
    for n in 1..=8 {
        let dien: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "\"Chủ tịch Ủy ban nhân dân {} {}\"",
                    ["xã", "phường", "đặc khu"][i % 3],
                    "Tân Phong ".repeat(1 + (i * 5 + n) % 9).trim()
                )
            })
            .collect();
        let source = generated(LoaiVanBan::ThongBao, 1 + n % 5, n).replacen(
            "loai = \"thong-bao\"",
            &format!(
                "loai = \"cong-dien\"\ntham_quyen = \"Giám đốc Sở Nội vụ\"\ndien = [{}]",
                dien.join(", ")
            ),
            1,
        );
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{n} recipients:\n- {}\n{source}", v.join("\n- "));
    }
}

#[test]
fn reference_giay_moi_conforms() {
    let m = measure_file("examples/giay-moi.toml");
    assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 27/GM-UBND");
    assert!(line_eq(p, "GIẤY MỜI").is_some());
    assert!(line_eq(p, "Ủy ban nhân dân xã Phong Thổ trân trọng kính mời:").is_some());
    assert!(line_starting(p, "Thời gian: 08 giờ 00, ngày 15 tháng 7 năm 2026").is_some());
}

#[test]
fn giay_moi_of_every_shape_conforms() {
    for n in 1..=6 {
        let kinh_moi: Vec<String> = (0..n)
            .map(|i| format!("\"Đại diện lãnh đạo {}\"", "phòng Nội vụ ".repeat(1 + (i * 3 + n) % 7).trim()))
            .collect();
        let chu_tri = if n % 2 == 0 { "chu_tri = \"Đồng chí Giám đốc Sở\"\n" } else { "" };
        let particulars = format!(
            "loai = \"giay-moi\"\nkinh_moi = [{}]\ntoi_du = \"Hội nghị {}\"\n{chu_tri}thoi_gian = \"14 giờ 00, ngày 0{n} tháng 8 năm 2024\"\ndia_diem = \"Phòng họp số {n}, Sở Nội vụ\"",
            kinh_moi.join(", "),
            "triển khai nhiệm vụ ".repeat(n),
        );
        let mut source =
            generated(LoaiVanBan::ThongBao, 1 + n % 3, n).replacen("loai = \"thong-bao\"", &particulars, 1);
        if n % 3 == 0 {
            source = source.replacen("trich_yeu = ", "# trich_yeu = ", 1);
        }
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{n} invitees:\n- {}\n{source}", v.join("\n- "));
    }
}

#[test]
fn reference_giay_gioi_thieu_conforms() {
    let m = measure_file("examples/giay-gioi-thieu.toml");
    assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 112/GGT-UBND");
    assert!(line_eq(p, "GIẤY GIỚI THIỆU").is_some());
    assert!(line_eq(p, "Ông (bà): Lò Văn Sáng").is_some());
    assert!(line_eq(p, "Giấy này có giá trị đến hết ngày 30 tháng 4 năm 2026.").is_some());
}

#[test]
fn giay_gioi_thieu_of_every_date_conforms() {
    for (n, until) in
        ["2025-01-05", "2025-02-28", "2025-03-09", "2025-10-10", "2025-12-31"].into_iter().enumerate()
    {
        let chuc_vu = if n % 2 == 0 { "chuc_vu = \"Phó Trưởng phòng\"\n" } else { "" };
        let source = generated(LoaiVanBan::ThongBao, 1 + n % 3, n)
            .replacen("loai = \"thong-bao\"", "loai = \"giay-gioi-thieu\"", 1)
            .replacen("trich_yeu = ", "# trich_yeu = ", 1)
            .replacen(
                "\n[co_quan]",
                &format!("\n[gioi_thieu]\nho_ten = \"Hà Thị {n}\"\n{chuc_vu}duoc_cu_den = \"Ủy ban nhân dân {}\"\nve_viec = \"Phối hợp {}\"\nco_gia_tri_den = \"{until}\"\n\n[co_quan]", "xã Tân Phong ".repeat(n + 1).trim(), "kiểm tra ".repeat(3 * n + 1).trim()),
                1,
            );
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{until}:\n- {}\n{source}", v.join("\n- "));
    }
}

#[test]
fn reference_bien_ban_conforms() {
    let m = measure_file("examples/bien-ban.toml");
    assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 15/BB-UBND");
    assert!(line_eq(p, "BIÊN BẢN").is_some());
    assert!(line_eq(p, "Thời gian bắt đầu: 08 giờ 00, ngày 15 tháng 7 năm 2026.").is_some());
    assert!(line_eq(p, "Cuộc họp kết thúc vào 11 giờ 30 cùng ngày./.").is_some());
    let sp = &m.pages[m.signature_page()];
    assert!(line_eq(sp, "THƯ KÝ").is_some() && line_eq(sp, "CHỦ TỌA").is_some());
    assert!(line_eq(sp, "- Lưu: VT, Hồ sơ.").is_some());
}

/// A biên bản with `n` attendees, `paragraphs` body paragraphs and, every other one, a
/// chair's own title and an event word of its own.
fn generated_bien_ban(n: usize, paragraphs: usize) -> String {
    let thanh_phan: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "\"Đại diện {} số {i}\"",
                "phòng chuyên môn thuộc Ủy ban nhân dân ".repeat(1 + (i * 5 + n) % 4).trim()
            )
        })
        .collect();
    let (chuc_vu, su_kien) = if n.is_multiple_of(2) {
        ("chuc_vu = \"Chủ trì\"\n", "su_kien = \"Hội nghị\"\n")
    } else {
        ("", "")
    };
    let trich_yeu = if n.is_multiple_of(3) {
        ""
    } else {
        "trich_yeu = \"Hội nghị tổng kết công tác năm 2024\"\n"
    };
    let body = generated(LoaiVanBan::ThongBao, paragraphs, n);
    let body = body.rsplit("+++\n").next().unwrap().replace("./.", ".");
    format!(
        "+++\nloai = \"bien-ban\"\nso = {n}\nngay = \"2024-12-20\"\n{trich_yeu}\n[bien_ban]\nbat_dau = \"14 giờ 00, ngày 20 tháng 12 năm 2024\"\ndia_diem = \"Hội trường {}\"\nthanh_phan = [{}]\nchu_tri = \"Ông Lò Văn Pháng, Giám đốc Sở\"\nthu_ky = \"Bà Hà Thị Mai, Chuyên viên Văn phòng Sở\"\nho_ten_thu_ky = \"Hà Thị Mai\"\nket_thuc = \"17 giờ 00 cùng ngày\"\n{su_kien}\n[co_quan]\nten = \"Sở Nội vụ\"\nviet_tat = \"SNV\"\n\n[nguoi_ky]\n{chuc_vu}ho_ten = \"Lò Văn Pháng\"\n\n[noi_nhan]\ngui = [\"Các đại biểu dự họp\"]\nluu = [\"VT\", \"Hồ sơ\"]\n+++\n\n{body}",
        "Sở Nội vụ tỉnh Lai Châu ".repeat(1 + n % 3).trim(),
        thanh_phan.join(", "),
    )
}

#[test]
fn bien_ban_of_every_shape_conforms() {
    // One attendee to eight, bodies from one paragraph to several pages.
    for n in 1..=8 {
        let source = generated_bien_ban(n, [1, 4, 9, 16][n % 4]);
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{n} attendees:\n- {}\n{source}", v.join("\n- "));
    }
}

#[test]
fn a_date_line_where_a_bien_ban_has_none_is_caught() {
    // The check itself: a page that prints a date line, held to a biên bản's header rule.
    let mut m = measure_str(&generated(LoaiVanBan::ThongBao, 1, 1), DangTep::Markdown);
    m.van_ban.dia_danh = None;
    let v = crate::nd30::check(&m);
    assert!(v.iter().any(|x| x.contains("header has a date line")), "{v:#?}");
}

#[test]
fn reference_giay_nghi_phep_conforms() {
    let m = measure_file("examples/giay-nghi-phep.toml");
    assert_conforms(&m);
    let p = m.page1();
    assert_eq!(line_starting(p, "Số:").unwrap().text(), "Số: 08/GNP-UBND");
    assert!(line_eq(p, "GIẤY NGHỈ PHÉP").is_some());
    assert!(line_eq(p, "Ông (bà): Lò Thị Hoa").is_some());
    assert!(line_starting(p, "Xác nhận của Ủy ban nhân").is_some());
}

#[test]
fn giay_nghi_phep_of_every_shape_conforms() {
    let xac_nhan = ["", "xac_nhan = true\n", "xac_nhan = \"Ủy ban nhân dân xã Mường So, huyện Phong Thổ\"\n"];
    for n in 0..9 {
        let (tu, den) =
            [("2025-01-02", "2025-01-09"), ("2025-02-03", "2025-02-28"), ("2025-10-01", "2025-12-31")][n % 3];
        let chuc_vu = if n % 2 == 0 { "chuc_vu = \"Phó Trưởng phòng\"\n" } else { "" };
        let extra = if n % 4 == 1 { "ngay_don = \"2024-12-30\"\nnam = 2024\nso_ngay = 5\n" } else { "" };
        let source = generated(LoaiVanBan::ThongBao, 1 + (n * 5) % 14, n)
            .replacen("loai = \"thong-bao\"", "loai = \"giay-nghi-phep\"", 1)
            .replacen("trich_yeu = ", "# trich_yeu = ", 1)
            .replacen(
                "\n[co_quan]",
                &format!(
                    "\n[nghi_phep]\nho_ten = \"Hà Thị {n}\"\n{chuc_vu}{extra}tu_ngay = \"{tu}\"\nden_ngay = \"{den}\"\nnoi_nghi = \"{}\"\n{}\n[co_quan]",
                    "bản Sin Suối Hồ, xã Sin Suối Hồ ".repeat(1 + n % 3).trim(),
                    xac_nhan[n % 3]
                ),
                1,
            );
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "variant {n}:\n- {}\n{source}", v.join("\n- "));
    }
}

#[test]
fn reference_ban_sao_conforms() {
    let m = measure_file("examples/ban-sao.toml");
    assert_conforms(&m);
    let (page, _) = m.ban_sao_rule().expect("a copy block");
    let p = &m.pages[page];
    assert!(line_eq(p, "SAO Y").is_some());
    assert!(line_eq(p, "Số: 07/SY-VP").is_some());
    let m = measure_file("examples/ban-sao-dien-tu.toml");
    assert_conforms(&m);
    // Given in UTC, shown in Vietnam time.
    assert!(line_eq(m.page1(), "2026-03-09T09:15:40+07:00").is_some());
    assert!(line_starting(m.page1(), "Trích sao; ").is_some(), "beside ô 11 the parts run on");
}

/// The box drawn round the line that reads `text` on `page`: (x, y, width, height).
fn box_around(page: &vanban_render::PageView, text: &str) -> Option<(f64, f64, f64, f64)> {
    let l = line_eq(page, text)?;
    page.boxes
        .iter()
        .find(|b| b.x <= l.left() && b.x + b.width >= l.ink_right() && b.y < l.y() && b.y + b.height > l.y())
        .map(|b| (b.x, b.y, b.width, b.height))
}

#[test]
fn the_circulation_note_stays_over_the_quoc_hieu_beside_an_electronic_copy() {
    // Ô 11 stands in the top band above the Quốc hiệu, right of the page's centre, where the
    // original (the document without the copy) puts it; an electronic copy's signature text
    // (ô 14, 10 pt) goes beside it at the top right, run on in three lines. The signing time
    // alone is 117 pt at 10 pt, so the copy's box is some 126 pt wide and the 80 pt right of
    // ô 11's own place cannot hold it: ô 11 then moves left, no further than just clear of the
    // box (2 mm), at the original's height, and stays right of the centre, over the Quốc hiệu.
    let reference = std::fs::read_to_string(root().join("examples/ban-sao-dien-tu.toml")).unwrap();
    let (original, _) = reference.split_once("[ban_sao]").unwrap();
    let agencies = [
        "Văn phòng HĐND và UBND huyện Phong Thổ",
        "Văn phòng Sở Nội vụ",
        "Văn phòng Ủy ban nhân dân tỉnh Lai Châu",
        "Trung tâm Lưu trữ lịch sử tỉnh Lai Châu",
    ];
    let notes = ["Lưu hành nội bộ", "Xem xong trả lại", "Tài liệu thu hồi"];
    for (i, co_quan) in agencies.iter().enumerate() {
        let note = notes[i % notes.len()];
        let original = original.replace("\"Lưu hành nội bộ\"", &format!("\"{note}\""));
        let hinh_thuc = vanban_core::HinhThucSao::ALL[i % 3].slug();
        let copy = format!(
            "{original}[ban_sao]\nhinh_thuc = \"{hinh_thuc}\"\nco_quan = \"{co_quan}\"\nthoi_gian = 2024-03-07T02:15:40Z\n"
        );
        let (o, c) = (measure_str(&original, DangTep::Toml), measure_str(&copy, DangTep::Toml));
        let v = crate::nd30::check(&c);
        assert!(v.is_empty(), "{co_quan}:\n- {}\n{copy}", v.join("\n- "));
        let want = vanban_core::in_hoa(note);
        let (ol, cl) = (line_eq(o.page1(), &want).unwrap(), line_eq(c.page1(), &want).unwrap());
        let (ob, cb) = (box_around(o.page1(), &want).unwrap(), box_around(c.page1(), &want).unwrap());
        // The original's height, in the top band.
        assert!((ol.y() - cl.y()).abs() < 0.1 && (ob.1 - cb.1).abs() < 0.1 && (ob.3 - cb.3).abs() < 0.1);
        assert!(cb.1 + cb.3 < mm(20.0), "{co_quan}: ô 11 is not in the top band");
        // Right of the centre, over the Quốc hiệu.
        let qh = line_eq(c.page1(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").unwrap();
        assert!(cl.center() > c.page1().width / 2.0, "{co_quan}: ô 11 is left of the centre");
        assert!(
            cb.0 >= qh.left() - 0.5 && cb.0 + cb.2 <= qh.ink_right(),
            "{co_quan}: ô 11 is not over the Quốc hiệu"
        );
        // Beside the copy's box, no further from its own place than the box asks.
        let sig = lines(c.page1()).into_iter().find(|l| l.size() == 10.0).unwrap();
        let frame = c
            .page1()
            .boxes
            .iter()
            .find(|b| {
                b.x <= sig.left()
                    && b.x + b.width >= sig.ink_right()
                    && b.y < sig.y()
                    && b.y + b.height > sig.y()
            })
            .unwrap();
        let clear = frame.x - (cb.0 + cb.2);
        assert!(clear >= mm(2.0) - 0.1, "{co_quan}: ô 11 is {clear:.1} pt from the copy's box");
        assert!(
            (cb.0 - ob.0).abs() < 0.1 || (clear - mm(2.0)).abs() < 0.1,
            "{co_quan}: ô 11 moved {:.1} pt, further than the copy's box asks",
            ob.0 - cb.0
        );
        assert!(cb.0 <= ob.0 + 0.1, "{co_quan}: ô 11 moved right");
    }
}

#[test]
fn copies_of_every_form_and_length_conform() {
    // The three forms of copy, under documents from a few lines to several pages, so that the
    // copy block falls at every height of a page and moves whole to the next when it must.
    for n in 0..12 {
        let hinh_thuc = vanban_core::HinhThucSao::ALL[n % 3];
        let so = if n % 4 == 0 { String::new() } else { format!("so = {}\n", n + 1) };
        let gui: Vec<String> =
            (0..1 + n % 4).map(|i| format!("\"Phòng {}số {i}\"", "chuyên môn ".repeat(1 + 2 * i))).collect();
        let co_quan = if n % 2 == 0 {
            "\"Văn phòng Sở Nội vụ\""
        } else {
            "[\"Văn phòng\", \"Sở Nội vụ tỉnh Lai Châu\"]"
        };
        let copy = format!(
            "[ban_sao]\nhinh_thuc = \"{}\"\nco_quan = {co_quan}\nviet_tat = \"VP\"\n{so}dia_danh = \"Lai Châu\"\nngay = \"2025-0{d}-0{d}\"\n\n[ban_sao.nguoi_ky]\nquyen_han = [\"TL. Giám đốc\"]\nchuc_vu = \"Chánh Văn phòng\"\nho_ten = \"Vàng Thị Sua\"\n\n[ban_sao.noi_nhan]\ngui = [{}]\nluu = [\"VT\"]\n",
            hinh_thuc.slug(),
            gui.join(", "),
            d = 1 + n % 9,
        );
        // A copy is not made of a draft.
        let source = generated(LoaiVanBan::ThongBao, 1 + (n * 3) % 17, n).replace("du_thao = 2\n", "");
        let (front, body) = source.split_once("\n+++\n\n").unwrap();
        let source = format!("{front}\n\n{copy}+++\n\n{body}");
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{} (variant {n}):\n- {}\n{source}", hinh_thuc.slug(), v.join("\n- "));
        let code = format!("/{}-VP", hinh_thuc.viet_tat());
        let (page, _) = m.ban_sao_rule().unwrap();
        assert!(lines(&m.pages[page]).iter().any(|l| l.text().ends_with(&code)), "{code}");
    }
}

#[test]
fn reference_phu_luc_conforms() {
    let m = measure_file("examples/phu-luc.toml");
    assert_conforms(&m);
    assert_eq!(m.phu_luc_pages(), [Some(1), Some(2)]);
    assert!(m.pages[2].width > m.pages[2].height, "Phụ lục II is landscape");
    assert!(
        line_eq(&m.pages[1], "3 năm 2026 của Ủy ban nhân dân xã Phong Thổ)").is_some(),
        "the line naming the document is broken evenly, its rule 1/3–1/2 of each line"
    );
}

#[test]
fn appendices_of_every_count_and_length_conform() {
    // One appendix or several, each of a few lines to several pages, portrait or landscape:
    // headings numbered in Roman only when there are two or more, page numbers from 1 in each.
    for n in 1..=5usize {
        let mut source = generated(LoaiVanBan::KeHoach, 1 + n % 3, n);
        let (front, body) = source.split_once("\n+++\n\n").unwrap();
        let mut tables = String::new();
        for i in 0..n {
            let paragraphs = [2, 30, 7, 55, 1][(i + n) % 5];
            let content = generated(LoaiVanBan::KeHoach, paragraphs, i + n);
            let content = content.rsplit("+++\n\n").next().unwrap();
            let ngang = if (i + n) % 3 == 0 { "ngang = true\n" } else { "" };
            tables.push_str(&format!(
                "\n[[phu_luc]]\nten = \"Danh mục {} số {i}\"\n{ngang}noi_dung = \"\"\"\n{content}\"\"\"\n",
                "nhiệm vụ trọng tâm ".repeat(1 + i % 4).trim()
            ));
        }
        source = format!("{front}\n{tables}+++\n\n{body}");
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{n} appendices:\n- {}\n{source}", v.join("\n- "));
        assert!(m.phu_luc_pages().iter().all(Option::is_some));
        // The page after a long appendix's first is numbered 2, whatever came before.
        for s in m.phu_luc_pages().into_iter().flatten() {
            if let Some(next) = m.pages.get(s + 1)
                && !m.phu_luc_pages().contains(&Some(s + 1))
            {
                assert!(
                    lines(next).iter().any(|l| l.y() < mm(20.0) && l.text() == "2"),
                    "{n}: page {}",
                    s + 2
                );
            }
        }
    }
}

#[test]
fn a_report_with_a_table_conforms() {
    let m = measure_file("tests/documents/bang.toml");
    assert_conforms(&m);
    let g = grids(m.page1());
    assert_eq!(g.len(), 1);
    assert_eq!((g[0].xs.len(), g[0].ys.len()), (6, 6), "5 columns, a header and 4 rows");
}

/// A body with a table of `rows` rows and `cols` columns between two paragraphs, cells of
/// varying length, the columns aligned in turn left, centre, right.
fn with_table(rows: usize, cols: usize, variant: usize) -> String {
    let aligns = [":---", ":---:", "---:"];
    let mut t = String::new();
    let head: Vec<String> =
        (0..cols).map(|c| format!("Cột {}", "số liệu ".repeat(c % 3).trim_end())).collect();
    t.push_str(&format!("| {} |\n", head.join(" | ")));
    t.push_str(&format!(
        "|{}|\n",
        (0..cols).map(|c| aligns[(c + variant) % 3]).collect::<Vec<_>>().join("|")
    ));
    for r in 0..rows {
        let cells: Vec<String> = (0..cols)
            .map(|c| match (r * 7 + c * 3 + variant) % 5 {
                0 => String::new(),
                1 => format!("{}", r * 1000 + c),
                2 => "**Tổng**".to_owned(),
                _ => format!("nội dung {}", "công việc ".repeat(1 + (r + c) % 6)).trim_end().to_owned(),
            })
            .collect();
        t.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    let source = generated(LoaiVanBan::BaoCao, 2, variant);
    let (front, body) = source.split_once("\n+++\n\n").unwrap();
    format!("{front}\n+++\n\nSố liệu như sau:\n\n{t}\n{body}")
}

#[test]
fn tables_of_every_shape_and_length_conform() {
    // One to seven columns; a few rows to enough for several pages, the header repeated.
    for (i, (rows, cols)) in [(1, 2), (3, 1), (6, 5), (12, 7), (45, 3), (90, 4)].into_iter().enumerate() {
        let source = with_table(rows, cols, i);
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{rows} × {cols}:\n- {}\n{source}", v.join("\n- "));
        let ruled: usize = m.pages.iter().map(|p| grids(p).len()).sum();
        assert!(ruled >= 1 && (rows < 40 || ruled >= 2), "{rows} rows ruled in {ruled} part(s)");
    }
}

#[test]
fn reference_quyet_dinh_ban_hanh_conforms() {
    let m = measure_file("examples/quyet-dinh-ban-hanh.toml");
    assert_conforms(&m);
    let at = m.kem_theo_page().expect("the Quy chế on a page of its own");
    let p = &m.pages[at];
    assert!(line_eq(p, "QUY CHẾ").is_some());
    assert!(line_eq(p, "Chương I").is_some() && line_eq(p, "QUY ĐỊNH CHUNG").is_some());
    // The article's title line is bold throughout.
    let dieu = line_starting(p, "Điều 1. Phạm vi").unwrap();
    assert!(dieu.bold(), "{}", dieu.text());
}

#[test]
fn regulations_of_every_structure_conform() {
    // A quyết định issuing a quy chế or quy định of 1–4 chapters (some with sections), each
    // chapter of articles with titles and clauses, long enough to run over pages.
    for n in 1..=4usize {
        let mut body = String::new();
        let mut dieu = 1;
        for c in 0..n {
            body.push_str(&format!(
                "# Chương {}. {}\n\n",
                vanban_core::so_la_ma(c + 1),
                "quy định về tổ chức ".repeat(1 + c % 3).trim()
            ));
            for s in 0..(1 + (c + n) % 2) {
                if (c + n) % 2 == 1 {
                    body.push_str(&format!("## Mục {}. Nhiệm vụ của bộ phận số {s}\n\n", s + 1));
                }
                for _ in 0..(2 + n % 3) {
                    body.push_str(&format!("Điều {dieu}. Trách nhiệm thực hiện số {dieu}\n\n1. Các cơ quan, đơn vị {} theo quy định.\n\n", "thực hiện nghiêm túc nhiệm vụ được giao ".repeat(1 + dieu % 4).trim()));
                    dieu += 1;
                }
            }
        }
        let loai = if n % 2 == 0 { "quy-che" } else { "quy-dinh" };
        let text = std::fs::read_to_string(root().join("examples/quyet-dinh-ban-hanh.toml")).unwrap();
        let (head, _) = text.split_once("[kem_theo]").unwrap();
        let source = format!(
            "{head}[kem_theo]\nloai = \"{loai}\"\ntrich_yeu = \"Tổ chức và hoạt động của Ban số {n}\"\nnoi_dung = \"\"\"\n{body}\"\"\"\n"
        );
        let m = measure_str(&source, DangTep::Toml);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{n} chapters:\n- {}\n{source}", v.join("\n- "));
        let chuong = m.phan_chuong().iter().filter(|(a, _)| a.starts_with("Chương ")).count();
        assert_eq!(chuong, n);
    }
}

#[test]
fn long_agency_names_wrap_inside_their_column() {
    // Names of real length for a district office or a provincial body, as one line or
    // several, with and without a superior body: each wraps inside the left column, the rule
    // under the last line 1/3–1/2 of that line (the one directly above it), the Số line
    // centred under them.
    let names = [
        ("\"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Phong Thổ\"", "", 2),
        (
            "[\"Ban Quản lý dự án đầu tư xây dựng\", \"các công trình dân dụng và công nghiệp tỉnh\"]",
            "chu_quan = \"Ủy ban nhân dân tỉnh Lai Châu\"\n",
            2,
        ),
        (
            "\"Trung tâm Phát triển quỹ đất và Dịch vụ công ích\"",
            "chu_quan = [\"Ủy ban nhân dân tỉnh Lai Châu\", \"Sở Tài nguyên và Môi trường\"]\n",
            2,
        ),
        // “SỞ THÔNG TIN VÀ” / “TRUYỀN THÔNG”: the rule was 68 pt under a last line of 117 pt.
        ("[\"Sở Thông tin và Truyền thông\"]", "chu_quan = \"UBND tỉnh Lai Châu\"\n", 2),
        ("\"Sở Kế hoạch và Đầu tư\"", "chu_quan = \"UBND tỉnh Lai Châu\"\n", 1),
        ("\"Sở Nông nghiệp và Phát triển nông thôn\"", "chu_quan = \"UBND tỉnh Lai Châu\"\n", 2),
        // First fit would leave “CHÂU” alone on the last line.
        ("\"Sở Giao thông vận tải tỉnh Lai Châu\"", "", 2),
        ("\"Ban Dân tộc\"", "chu_quan = \"Ủy ban nhân dân tỉnh Lai Châu\"\n", 1),
        ("\"Bệnh viện Đa khoa khu vực huyện Than Uyên\"", "chu_quan = \"Sở Y tế tỉnh Lai Châu\"\n", 2),
    ];
    for (i, (ten, chu_quan, at_least)) in names.into_iter().enumerate() {
        let source = generated(LoaiVanBan::KeHoach, 3, i * 2 + 1).replacen(
            "ten = \"Sở Nội vụ\"\n",
            &format!("{chu_quan}ten = {ten}\n"),
            1,
        );
        let m = measure_str(&source, DangTep::Markdown);
        let v = crate::nd30::check(&m);
        assert!(v.is_empty(), "{ten}:\n- {}\n{source}", v.join("\n- "));
        let a = m.page1();
        let so = line_starting(a, "Số:").unwrap();
        let names: Vec<Line<'_>> = lines(a)
            .into_iter()
            .filter(|l| l.bold() && l.y() < so.y() && l.right() < mm(30.0) + mm(165.0) * 0.36)
            .collect();
        assert!(names.len() >= at_least, "{ten}: {} bold line(s) in the left column", names.len());
        let last = names.last().unwrap();
        let rule = rule_under(a, last).unwrap_or_else(|| panic!("{ten}: no rule under the name"));
        let ratio = rule.length() / (last.ink_right() - last.left());
        assert!(
            (1.0 / 3.0..=0.5).contains(&ratio),
            "{ten}: the rule is {:.1} pt, {ratio:.2} of the line directly above it (“{}”)",
            rule.length(),
            last.text()
        );
        assert!((rule.center_x() - last.center()).abs() < 1.0, "{ten}: the rule is not centred under it");
    }
}
