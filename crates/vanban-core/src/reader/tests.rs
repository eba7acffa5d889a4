//! Reading whole document files: the reference documents, and each class of bad input.

use crate::*;

const CONG_VAN: &str = include_str!("../../../../examples/cong-van.toml");
const KE_HOACH: &str = include_str!("../../../../examples/ke-hoach.md");

fn errors(source: &str, dang: DangTep) -> Vec<Diagnostic> {
    match parse(source, dang) {
        Ok(_) => panic!("accepted:\n{source}"),
        Err(d) => d.0,
    }
}

fn one(source: &str, dang: DangTep) -> Diagnostic {
    let e = errors(source, dang);
    assert_eq!(e.len(), 1, "{e:#?}");
    e.into_iter().next().unwrap()
}

#[test]
fn the_reference_cong_van() {
    let v = parse(CONG_VAN, DangTep::Toml).unwrap();
    assert_eq!(v.loai(), LoaiVanBan::CongVan);
    assert_eq!(v.so_hieu.to_string(), "Số:      /UBND-NV");
    assert_eq!(v.dia_danh_thoi_gian(), "Phong Thổ, ngày      tháng      năm 2024");
    assert_eq!(v.kinh_gui().unwrap().0.len(), 4);
    assert!(v.trich_yeu().unwrap().cong_van().starts_with("V/v tăng cường"));
    assert_eq!(v.nguoi_ky.quyen_han[0].tien_to, TienTo::TM);
    assert_eq!(v.nguoi_ky.dong_chuc_danh(), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    assert_eq!(v.noi_nhan.dong().last().unwrap(), "- Lưu: VT, NV.");
    assert_eq!(v.co_quan.ten_in(), ["ỦY BAN NHÂN DÂN", "HUYỆN PHONG THỔ"]);
    assert_eq!(v.du_thao, None);
    assert_eq!(v.noi_dung.0.len(), 7);
    let Khoi::DoanVan(d) = &v.noi_dung.0[2] else { panic!() };
    assert!(d.plain().starts_with("1. Đẩy mạnh"));
}

#[test]
fn the_reference_ke_hoach() {
    let v = parse(KE_HOACH, DangTep::Markdown).unwrap();
    assert_eq!(v.loai(), LoaiVanBan::KeHoach);
    assert_eq!(v.so_hieu.ky_hieu.as_str(), "KH-UBND");
    assert_eq!(v.ngay.to_string(), "ngày      tháng 02 năm 2023");
    assert_eq!(v.du_thao, Some(DuThao { lan: None }));
    assert!(v.kinh_gui().is_none());
    let headings: Vec<&Khoi> = v.noi_dung.0.iter().filter(|k| matches!(k, Khoi::TieuDe { .. })).collect();
    assert_eq!(headings.iter().filter(|k| matches!(k, Khoi::TieuDe { cap: CapTieuDe::Muc, .. })).count(), 6);
    let bold = v.noi_dung.0.iter().find_map(|k| match k {
        Khoi::DoanVan(d) if d.plain().starts_with("1.1. Tập thể:") => Some(d.0[0].clone()),
        _ => None,
    });
    assert_eq!(bold, Some(Chu::Van { text: "1.1. Tập thể:".into(), dam: true, nghieng: false }));
    let italic = v.noi_dung.0.iter().find_map(|k| match k {
        Khoi::DoanVan(d) if d.plain().starts_with("* Hình thức") => Some(d.0[0].clone()),
        _ => None,
    });
    assert!(matches!(italic, Some(Chu::Van { nghieng: true, dam: false, .. })));
}

#[test]
fn a_toml_syntax_error_is_located() {
    let d = one("loai = \"cong-van\ndia_danh = 1\n", DangTep::Toml);
    assert_eq!(d.line, Some(1));
    assert!(d.message.starts_with("lỗi cú pháp TOML"), "{}", d.message);
}

#[test]
fn an_unknown_key_gets_a_suggestion_and_is_not_also_missing() {
    let src = CONG_VAN.replace("trich_yeu =", "trich_yue =");
    let d = one(&src, DangTep::Toml);
    assert_eq!((d.line, d.column), (Some(7), Some(1)));
    assert_eq!(d.key.as_deref(), Some("trich_yue"));
    assert_eq!(d.hint.as_deref(), Some("có phải ý bạn là “trich_yeu”?"));
    let src = CONG_VAN.replace("ho_ten =", "hoten =");
    let d = one(&src, DangTep::Toml);
    assert_eq!(d.key.as_deref(), Some("nguoi_ky.hoten"));
}

#[test]
fn an_impossible_date_is_located_at_its_value() {
    let d = one(&CONG_VAN.replace("ngay = \"2024\"", "ngay = \"2023-02-29\""), DangTep::Toml);
    assert_eq!((d.line, d.column), (Some(6), Some(8)));
    assert!(d.message.contains("không có thật"), "{}", d.message);
    let d = one(&CONG_VAN.replace("ngay = \"2024\"", "ngay = 2024-03-05T10:00:00"), DangTep::Toml);
    assert!(d.message.contains("không ghi giờ"));
    assert!(parse(&CONG_VAN.replace("ngay = \"2024\"", "ngay = 2024-03-05"), DangTep::Toml).is_ok());
}

#[test]
fn an_unknown_or_unsupported_type() {
    let d = one(&CONG_VAN.replace("\"cong-van\"", "\"cong-vann\""), DangTep::Toml);
    assert_eq!(d.line, Some(3));
    assert_eq!(d.hint.as_deref(), Some("có phải ý bạn là “cong-van”?"));
    let d = one(&CONG_VAN.replace("\"cong-van\"", "\"quyet-dinh\""), DangTep::Toml);
    assert!(d.message.contains("mẫu trình bày riêng"), "{}", d.message);
}

#[test]
fn a_bad_authority_prefix_names_the_element() {
    let src =
        CONG_VAN.replace("[\"TM. Ủy ban nhân dân\"]", "[\"TM. Ủy ban nhân dân\", \"Thay mặt Chủ tịch\"]");
    let d = one(&src, DangTep::Toml);
    assert_eq!(d.key.as_deref(), Some("nguoi_ky.quyen_han[1]"));
    assert_eq!(d.line, Some(37));
}

#[test]
fn missing_required_fields_are_named() {
    let src = CONG_VAN.replace("ho_ten = \"Trần Bảo Trung\"\n", "");
    let d = one(&src, DangTep::Toml);
    assert_eq!(d.key.as_deref(), Some("nguoi_ky.ho_ten"));
    assert_eq!(d.line, Some(36), "points at the [nguoi_ky] table");
    let src = CONG_VAN.replace("don_vi_soan_thao = \"NV\"\n", "");
    assert_eq!(one(&src, DangTep::Toml).key.as_deref(), Some("don_vi_soan_thao"));
    assert!(
        parse(&CONG_VAN.replace("don_vi_soan_thao = \"NV\"", "ky_hieu = \"UBND-VP\""), DangTep::Toml).is_ok()
    );
}

#[test]
fn bad_numbers() {
    for (so, what) in [
        ("0", "từ 1"),
        ("-1", "từ 1"),
        ("\"abc\"", "số nguyên"),
        ("1.5", "số nguyên"),
        ("99999999", "quá lớn"),
    ] {
        let src = CONG_VAN.replace("loai = \"cong-van\"", &format!("loai = \"cong-van\"\nso = {so}"));
        let d = one(&src, DangTep::Toml);
        assert_eq!((d.line, d.key.as_deref()), (Some(4), Some("so")), "{so}");
        assert!(d.message.contains(what), "{so}: {}", d.message);
    }
    let v = parse(&CONG_VAN.replace("loai = \"cong-van\"", "loai = \"cong-van\"\nso = 5"), DangTep::Toml)
        .unwrap();
    assert_eq!(v.so_hieu.to_string(), "Số: 05/UBND-NV");
}

#[test]
fn wrong_types_and_empty_text() {
    let d = one(&CONG_VAN.replace("dia_danh = \"Phong Thổ\"", "dia_danh = 5"), DangTep::Toml);
    assert!(d.message.contains("chuỗi văn bản"), "{}", d.message);
    let d = one(&CONG_VAN.replace("dia_danh = \"Phong Thổ\"", "dia_danh = \"  \""), DangTep::Toml);
    assert!(d.message.contains("trống"), "{}", d.message);
    let d = one(&CONG_VAN.replace("chuc_vu = \"Chủ tịch\"", "chuc_vu = \"Chủ\\u0007tịch\""), DangTep::Toml);
    assert!(d.message.contains("ký tự điều khiển"), "{}", d.message);
}

#[test]
fn kinh_gui_only_where_the_decree_has_it() {
    let src = KE_HOACH.replace("du_thao = true", "du_thao = true\nkinh_gui = \"UBND tỉnh\"");
    let d = one(&src, DangTep::Markdown);
    assert_eq!(d.key.as_deref(), Some("kinh_gui"));
    let src = KE_HOACH.replace("loai = \"ke-hoach\"", "loai = \"to-trinh\"\nkinh_gui = \"UBND tỉnh\"");
    assert!(parse(&src, DangTep::Markdown).is_ok());
}

#[test]
fn not_utf8_and_empty_files() {
    let mut bytes = b"loai = \"cong-van\"\ndia_danh = \"Phong Th".to_vec();
    bytes.push(0xD4); // a TCVN3 byte
    let e = parse_bytes(&bytes, DangTep::Toml).unwrap_err().0;
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, Some(2));
    assert!(e[0].message.contains("UTF-8"));
    let e = errors("", DangTep::Toml);
    let keys: Vec<&str> = e.iter().filter_map(|d| d.key.as_deref()).collect();
    for k in ["loai", "dia_danh", "ngay", "co_quan", "nguoi_ky", "noi_nhan", "noi_dung"] {
        assert!(keys.contains(&k), "{k} not reported missing: {keys:?}");
    }
}

#[test]
fn front_matter_must_be_closed_and_the_body_not_given_twice() {
    let d = one("+++\nloai = \"ke-hoach\"\n\nNội dung.\n", DangTep::Markdown);
    assert!(d.message.contains("không có dòng “+++” đóng lại"), "{}", d.message);
    let d = one("loai = \"ke-hoach\"\n+++\n", DangTep::Markdown);
    assert_eq!(d.line, Some(1));
    let src = KE_HOACH.replace("du_thao = true", "du_thao = true\nnoi_dung = \"x\"");
    assert_eq!(one(&src, DangTep::Markdown).key.as_deref(), Some("noi_dung"));
}

#[test]
fn body_problems_are_located_in_the_file() {
    // The Markdown form: a code block on line 33 of the file.
    let src = KE_HOACH.replacen("\n\n# I. MỤC ĐÍCH", "\n\n```\nmã\n```\n\n# I. MỤC ĐÍCH", 1);
    let line_of_fence = src.lines().position(|l| l == "```").unwrap() + 1;
    let d = one(&src, DangTep::Markdown);
    assert_eq!(d.line, Some(line_of_fence));
    assert!(d.message.contains("khối mã"));
    // The TOML form: relative to the noi_dung string.
    let src = CONG_VAN.replacen("\nĐể tiếp tục", "\n> Để tiếp tục", 1);
    let line = src.lines().position(|l| l.starts_with("> Để")).unwrap() + 1;
    let d = one(&src, DangTep::Toml);
    assert_eq!(d.line, Some(line));
}

#[test]
fn every_problem_at_once() {
    let src = CONG_VAN
        .replace("trich_yeu =", "trich_yue =")
        .replace("ngay = \"2024\"", "ngay = \"2024-13\"")
        .replace("TM. Ủy", "XX. Ủy")
        .replace("viet_tat = \"UBND\"", "viet_tat = \"UB ND\"");
    let e = errors(&src, DangTep::Toml);
    let keys: Vec<&str> = e.iter().filter_map(|d| d.key.as_deref()).collect();
    assert_eq!(keys, ["trich_yue", "ngay", "co_quan.viet_tat", "nguoi_ky.quyen_han[0]"]);
    assert!(e.iter().all(|d| d.line.is_some()));
}

#[test]
fn text_is_normalised_to_nfc() {
    let src = CONG_VAN.replace("Trần Bảo Trung", "Tra\u{0302}\u{0300}n Ba\u{0309}o Trung");
    let v = parse(&src, DangTep::Toml).unwrap();
    assert_eq!(v.nguoi_ky.ho_ten, "Trần Bảo Trung");
}

#[test]
fn the_size_step_of_the_national_heading() {
    assert_eq!(parse(CONG_VAN, DangTep::Toml).unwrap().co_chu, CoChu::Nho);
    let src = CONG_VAN.replace("loai = \"cong-van\"", "loai = \"cong-van\"\nco_chu_quoc_hieu = 13");
    assert_eq!(parse(&src, DangTep::Toml).unwrap().co_chu, CoChu::Lon);
    let src = CONG_VAN.replace("loai = \"cong-van\"", "loai = \"cong-van\"\nco_chu_quoc_hieu = 14");
    let d = one(&src, DangTep::Toml);
    assert_eq!((d.line, d.key.as_deref()), (Some(4), Some("co_chu_quoc_hieu")));
}

/// The Markdown reference document with `body` in place of its own.
fn ke_hoach_with(body: &str) -> String {
    let end = KE_HOACH[3..].find("+++").unwrap() + 3 + 4;
    format!("{}{body}", &KE_HOACH[..end])
}

#[test]
fn files_over_the_size_limit_are_refused_unparsed() {
    let big = format!("{CONG_VAN}\n#{}", "x".repeat(limits::FILE_BYTES));
    let d = one(&big, DangTep::Toml);
    assert!(d.message.contains("quá giới hạn 1 MB"), "{}", d.message);
    assert_eq!(parse_bytes(big.as_bytes(), DangTep::Toml).unwrap_err().0, vec![d]);
}

#[test]
fn a_body_over_the_character_limit_is_refused_at_its_start() {
    let body = "Đoạn văn. ".repeat(limits::BODY_CHARS / 10 + 1);
    let source = ke_hoach_with(&body);
    let d = one(&source, DangTep::Markdown);
    assert!(d.message.contains("quá giới hạn 400000 ký tự"), "{}", d.message);
    assert_eq!(d.line, Some(source[..source.len() - body.len()].lines().count() + 1));
    // Just under the limit is read.
    let under: String = body.chars().take(limits::BODY_CHARS - 100).collect();
    assert!(parse(&ke_hoach_with(&under), DangTep::Markdown).is_ok());
}

#[test]
fn too_many_blocks_or_styled_runs_are_refused() {
    let d = one(&ke_hoach_with(&"Đoạn.\n\n".repeat(limits::BODY_BLOCKS + 1)), DangTep::Markdown);
    assert!(d.message.contains("đoạn văn, đề mục"), "{}", d.message);
    let d = one(&ke_hoach_with(&"**a** b ".repeat(limits::BODY_RUNS / 2 + 1)), DangTep::Markdown);
    assert!(d.message.contains("chữ đậm, nghiêng"), "{}", d.message);
    assert!(parse(&ke_hoach_with(&"Đoạn.\n\n".repeat(limits::BODY_BLOCKS - 10)), DangTep::Markdown).is_ok());
}

#[test]
fn a_paragraph_of_many_lines_reads_in_linear_time() {
    // Each line is a separate text event: joining them must not renormalise the whole
    // paragraph each time (this input took minutes when it did).
    let body = "a\u{0301}\n".repeat(limits::BODY_CHARS / 3 - 1000);
    let v = parse(&ke_hoach_with(&body), DangTep::Markdown).unwrap();
    let Khoi::DoanVan(d) = &v.noi_dung.0[0] else { panic!() };
    // The combining mark after each base letter is composed.
    assert!(d.plain().starts_with("á á á"));
}

#[test]
fn lists_over_the_item_limit_are_refused_at_the_list() {
    let many: Vec<String> = (0..=limits::LIST_ITEMS).map(|i| format!("\"Đơn vị {i}\"")).collect();
    let source = CONG_VAN.replacen("kinh_gui = [", &format!("kinh_gui = [{},", many.join(",")), 1);
    let d = one(&source, DangTep::Toml);
    assert_eq!(d.key.as_deref(), Some("kinh_gui"));
    assert!(d.message.contains("quá giới hạn 500 mục"), "{}", d.message);
}

#[test]
fn deep_toml_nesting_is_a_syntax_error_not_a_stack_overflow() {
    for source in [
        format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
        format!("x = {}1{}\n", "{a=".repeat(100_000), "}".repeat(100_000)),
        format!("{} = 1\n", vec!["x"; 100_000].join(".")),
    ] {
        let e = errors(&source, DangTep::Toml);
        assert!(e.iter().all(|d| d.line == Some(1)), "{e:#?}");
    }
}

#[test]
fn bidirectional_controls_are_refused_with_their_key() {
    let source = CONG_VAN.replace("Trần Bảo Trung", "Trần \u{202E}Bảo Trung");
    let d = one(&source, DangTep::Toml);
    assert_eq!(d.key.as_deref(), Some("nguoi_ky.ho_ten"));
    // The line shown to the user does not carry the control character.
    assert!(!d.display_with("a.toml").contains('\u{202E}'));
}

#[test]
fn markdown_nested_a_thousand_levels_is_bounded() {
    // Quotes nested 1,000 deep: refused at once.
    let d = one(&ke_hoach_with(&format!("{} trích\n", ">".repeat(1000))), DangTep::Markdown);
    assert!(d.message.contains("trích dẫn khối"), "{}", d.message);
    // Lists nested 1,000 deep need about a million characters of indentation: over the
    // body limit, refused before the Markdown is parsed.
    let deep: String = (0..1000).map(|i| format!("{}- mục {i}\n", "  ".repeat(i))).collect();
    assert!(one(&ke_hoach_with(&deep), DangTep::Markdown).message.contains("quá giới hạn"));
    // As deep as fits under the limit: read, each item a paragraph.
    let deep: String = (0..600).map(|i| format!("{}- mục {i}\n", "  ".repeat(i))).collect();
    let v = parse(&ke_hoach_with(&deep), DangTep::Markdown).unwrap();
    assert_eq!(v.noi_dung.0.len(), 600);
    // Emphasis nested 1,000 deep: plain styled text.
    let v =
        parse(&ke_hoach_with(&format!("{}chữ{}\n", "*".repeat(1000), "*".repeat(1000))), DangTep::Markdown)
            .unwrap();
    assert!(v.noi_dung.plain().contains("chữ"));
}
