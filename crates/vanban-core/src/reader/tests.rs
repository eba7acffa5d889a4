//! Reading whole document files: the reference documents, and each class of bad input.

use crate::*;

const CONG_VAN: &str = include_str!("../../../../examples/cong-van.toml");
const KE_HOACH: &str = include_str!("../../../../examples/ke-hoach.md");

thread_local! {
    /// How many snapshots the running test has taken.
    static TAKEN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The running test's name and the number of this snapshot in it (tests run on threads
/// named after them, one test per thread).
fn snapshot_name() -> String {
    let n = TAKEN.with(|t| {
        t.set(t.get() + 1);
        t.get()
    });
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("reader").rsplit("::").next().unwrap_or("reader");
    format!("{test}-{n}")
}

/// The problems found in `source`, which must be refused. Each call pins what the reader
/// says, in both languages, as a snapshot (`cargo insta review` accepts a deliberate change).
fn errors(source: &str, dang: DangTep) -> Vec<Diagnostic> {
    match parse(source, dang) {
        Ok(_) => panic!("accepted:\n{source}"),
        Err(d) => {
            let shown =
                format!("{}\n\n{}", d.display_in("tep", NgonNgu::Vi), d.display_in("file", NgonNgu::En));
            insta::assert_snapshot!(snapshot_name(), shown);
            d.0
        }
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
    assert_eq!(v.dia_danh_thoi_gian().as_deref(), Some("Phong Thổ, ngày      tháng      năm 2024"));
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
fn copies_on_paper_and_electronic() {
    let paper = format!(
        "{CONG_VAN}\n[ban_sao]\nhinh_thuc = \"trich-sao\"\nco_quan = [\"Văn phòng\", \"UBND huyện\"]\nviet_tat = \"VP\"\nso = 4\ndia_danh = \"Phong Thổ\"\nngay = \"2024-03-07\"\n[ban_sao.nguoi_ky]\nchuc_vu = \"Chánh Văn phòng\"\nho_ten = \"A\"\n[ban_sao.noi_nhan]\nluu = [\"VT\"]\n"
    );
    let b = parse(&paper, DangTep::Toml).unwrap().ban_sao.unwrap();
    assert_eq!(b.ky_hieu().as_deref(), Some("TrS-VP"));
    assert!(matches!(b.dinh_dang, DinhDangSao::Giay { so: Some(_), .. }));
    let e = format!(
        "{CONG_VAN}\n[ban_sao]\nhinh_thuc = \"sao-luc\"\nco_quan = \"VP\"\nthoi_gian = 2024-03-07T23:30:00Z\n"
    );
    let b = parse(&e, DangTep::Toml).unwrap().ban_sao.unwrap();
    assert_eq!(b.dong_ky_so().unwrap(), ["Sao lục", "VP", "2024-03-08T06:30:00+07:00"]);
}

#[test]
fn appendices_in_order_with_their_bodies() {
    let src = format!(
        "{CONG_VAN}\n[[phu_luc]]\nten = \"Danh mục A\"\nnoi_dung = \"\"\"\n# I. MỤC MỘT\n\nĐoạn **một**.\n\"\"\"\n\n[[phu_luc]]\nten = \"Danh mục B\"\nngang = true\nnoi_dung = \"Đoạn hai.\"\n"
    );
    let v = parse(&src, DangTep::Toml).unwrap();
    let t: Vec<(&str, bool, usize)> =
        v.phu_luc.iter().map(|p| (p.ten.as_str(), p.ngang, p.noi_dung.0.len())).collect();
    assert_eq!(t, [("Danh mục A", false, 2), ("Danh mục B", true, 1)]);
    assert_eq!(
        v.dong_kem_theo(),
        "(Kèm theo Văn bản số      /UBND-NV ngày      tháng      năm 2024 của Ủy ban nhân dân huyện Phong Thổ)"
    );
}

#[test]
fn an_unknown_type() {
    let d = one(&CONG_VAN.replace("\"cong-van\"", "\"cong-vann\""), DangTep::Toml);
    assert_eq!(d.line, Some(3));
    assert_eq!(d.hint.as_deref(), Some("có phải ý bạn là “cong-van”?"));
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
    for k in ["loai", "ngay", "co_quan", "nguoi_ky", "noi_nhan", "noi_dung"] {
        assert!(keys.contains(&k), "{k} not reported missing: {keys:?}");
    }
    // Without a type only what every type needs is missing: a biên bản has no dia_danh.
    assert!(!keys.contains(&"dia_danh"), "{keys:?}");
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

#[test]
fn a_table_row_with_more_cells_than_the_header_is_refused_on_its_line() {
    // Issue 19: `| 1 | Gia cố | m | 780.000.000 |` printed `1 Gia cố m`, and check called
    // the file valid.
    let table = "| TT | Hạng mục | Thành tiền |\n|:--:|---|--:|\n| 1 | Gia cố | m | 780.000.000 |\n";
    let src = cv("\nĐể tiếp tục", &format!("\n{table}\nĐể tiếp tục"));
    let d = one(&src, DangTep::Toml);
    let line = src.lines().position(|l| l.starts_with("| 1 |")).unwrap() + 1;
    assert_eq!((d.line, d.column), (Some(line), Some("| 1 | Gia cố | m | ".chars().count() + 1)));
    assert_eq!(d.key.as_deref(), Some("noi_dung"));
    assert!(d.message.contains("có 4 ô, nhiều hơn 3 ô của hàng tiêu đề"), "{}", d.message);
    assert!(d.message.contains("780.000.000"), "{}", d.message);
    // In a Markdown file, likewise.
    let src = ke_hoach_with(&format!("Bảng:\n\n{table}\nHết./.\n"));
    let d = one(&src, DangTep::Markdown);
    assert_eq!(d.line, Some(src.lines().position(|l| l.starts_with("| 1 |")).unwrap() + 1));
    // A short row is padded, as GFM says, and read.
    let src = ke_hoach_with("| TT | Hạng mục | Thành tiền |\n|:--:|---|--:|\n| 1 | Gia cố |\n\nHết./.\n");
    assert!(parse(&src, DangTep::Markdown).is_ok());
}

#[test]
fn list_punctuation_typed_anyway_is_printed_once() {
    // Issue 19: `- - Như trên;`, `- - Lưu: VT, VP.;`, `Phòng TC-KH..`, two Lưu lines.
    let src = cv(
        "\"Lãnh đạo UBND huyện\",\n  \"Hội đồng TĐKT cấp huyện, cấp xã\",",
        "\"- Lãnh đạo UBND huyện;\",\n  \"- Lưu: VT, VP.\",",
    )
    .replacen("\"Như trên\"", "\"- Như trên;\"", 1)
    .replacen("\"Ủy ban Nhân dân các xã, thị trấn\",", "\"- Phòng TC-KH.\",", 1);
    let v = parse(&src, DangTep::Toml).unwrap();
    assert_eq!(
        v.noi_nhan.dong(),
        [
            "- Như trên;",
            "- TT Huyện ủy (B/c);",
            "- TT HĐND huyện;",
            "- Lãnh đạo UBND huyện;",
            "- Lưu: VT, NV, VP."
        ]
    );
    assert_eq!(v.kinh_gui().unwrap().dong().last().unwrap(), "- Phòng TC-KH.");
    // Every list the templates punctuate.
    let v = parse(
        &quyet_dinh("can_cu = [\"Căn cứ Luật A\"]", "can_cu = [\"Căn cứ Luật A;\", \"Căn cứ Luật B.\"]"),
        DangTep::Toml,
    )
    .unwrap();
    let Mau::QuyetDinh(q) = &v.mau else { panic!() };
    assert_eq!(q.can_cu.dong, ["Căn cứ Luật A", "Căn cứ Luật B"]);
    let v = parse(&bien_ban("[\"Lãnh đạo\"]", "[\"- Lãnh đạo;\", \"+ Thư ký.\"]"), DangTep::Toml).unwrap();
    let Mau::BienBan(b) = &v.mau else { panic!() };
    assert_eq!(b.thanh_phan, ["Lãnh đạo", "Thư ký"]);
    // An entry of nothing but punctuation would print as an empty dash: refused.
    let d = one(&cv("\"TT HĐND huyện\"", "\"- ;\""), DangTep::Toml);
    assert_eq!(d.key.as_deref(), Some("noi_nhan.gui[2]"));
    assert!(d.message.contains("chỉ có dấu câu"), "{}", d.message);
    let d = one(&cv("\"TT HĐND huyện\"", "\"Lưu:\""), DangTep::Toml);
    assert!(d.message.contains("không ghi nơi lưu"), "{}", d.message);
}

#[test]
fn toml_syntax_errors_are_in_vietnamese_with_a_fix_from_the_line() {
    // Issue 19: `so = 05` gave “unexpected leading zero, expected nothing”.
    let d = one(&cv("loai = \"cong-van\"", "loai = \"cong-van\"\nso = 05"), DangTep::Toml);
    assert_eq!(d.message, "lỗi cú pháp TOML: số “05” không được viết có chữ số 0 ở đầu");
    assert!(d.hint.as_deref().unwrap().starts_with("viết so = 5"), "{:?}", d.hint);
    assert_eq!(
        d.message_en.as_deref(),
        Some("TOML syntax error: the number “05” must not be written with a leading zero")
    );
    assert_eq!((d.line, d.column), (Some(4), Some(6)));
    // A key given twice names the line of the first.
    let d = one(&cv("trich_yeu =", "ngay = \"2025\"\ntrich_yeu ="), DangTep::Toml);
    assert_eq!(d.message, "lỗi cú pháp TOML: khóa “ngay” được ghi hai lần; lần đầu ở dòng 6");
    assert_eq!(d.line, Some(7));
    // In front matter, the lines are the file's.
    let d = one(&kh("du_thao = true", "du_thao = true\ndu_thao = false"), DangTep::Markdown);
    let first = KE_HOACH.lines().position(|l| l == "du_thao = true").unwrap() + 1;
    assert!(d.message.ends_with(&format!("lần đầu ở dòng {first}")), "{}", d.message);
    assert_eq!(d.line, Some(first + 1));
}

#[test]
fn hints_reuse_the_value_typed() {
    // Issue 19: `ngay = "15/07/2024"` → `"2024-07-15"`; `so = "05"` → `so = 5`.
    for typed in ["15/07/2024", "15-7-2024", "15.07.2024", "2024/07/15"] {
        let d = one(&cv("ngay = \"2024\"", &format!("ngay = \"{typed}\"")), DangTep::Toml);
        assert_eq!(d.hint.as_deref(), Some("viết ngay = \"2024-07-15\" (năm-tháng-ngày)"), "{typed}");
        assert_eq!(d.hint_en.as_deref(), Some("write ngay = \"2024-07-15\" (year-month-day)"), "{typed}");
    }
    let d = one(&cv("ngay = \"2024\"", "ngay = 15/07/2024"), DangTep::Toml);
    assert_eq!(d.hint.as_deref(), Some("viết ngay = \"2024-07-15\""));
    let d = one(&cv("loai = \"cong-van\"", "loai = \"cong-van\"\nso = \"05\""), DangTep::Toml);
    assert!(d.hint.as_deref().unwrap().starts_with("viết so = 5,"), "{:?}", d.hint);
    let d = one(&nghi_phep("tu_ngay = \"2024-03-04\"", "tu_ngay = \"4/3/2024\""), DangTep::Toml);
    assert!(d.hint.as_deref().unwrap().contains("tu_ngay = \"2024-03-04\""), "{:?}", d.hint);
}

#[test]
fn a_type_written_in_words_gets_its_slug() {
    // Issue 19: `loai = "tờ trình"` had no did-you-mean.
    for typed in ["tờ trình", "Tờ Trình", "TỜ TRÌNH", "to_trinh", "to trinh", "Tờ  trình"] {
        let d = one(&kh("loai = \"ke-hoach\"", &format!("loai = \"{typed}\"")), DangTep::Markdown);
        assert_eq!(d.hint.as_deref(), Some("có phải ý bạn là “to-trinh”?"), "{typed}");
    }
    let d = one(&kh("loai = \"ke-hoach\"", "loai = \"Giấy đi đường\""), DangTep::Markdown);
    assert!(d.hint.as_deref().unwrap().starts_with("các loại được hỗ trợ"), "{:?}", d.hint);
    let d = one(&quyet_dinh_kem("loai = \"Quy chế\""), DangTep::Toml);
    assert_eq!(d.hint.as_deref(), Some("có phải ý bạn là “quy-che”?"));
}

#[test]
fn zero_width_characters_are_refused_at_the_character_and_a_leading_bom_is_not() {
    // Issue 19: ZWSP and U+FEFF glued words together in print.
    let src = cv("Trần Bảo Trung", "Trần Bảo\u{200B}Trung");
    let d = one(&src, DangTep::Toml);
    assert_eq!(d.key.as_deref(), Some("nguoi_ky.ho_ten"));
    let line = src.lines().position(|l| l.starts_with("ho_ten")).unwrap() + 1;
    assert_eq!((d.line, d.column), (Some(line), Some("ho_ten = \"Trần Bảo".chars().count() + 1)));
    assert!(d.message.contains("U+200B"), "{}", d.message);
    let d = one(&cv("\nĐể tiếp tục", "\nĐể\u{FEFF}tiếp tục"), DangTep::Toml);
    assert!(d.message.contains("U+FEFF"), "{}", d.message);
    assert_eq!(d.key.as_deref(), Some("noi_dung"));
    // Escaped, it is refused all the same, at the value.
    assert!(one(&cv("Trần Bảo Trung", "Trần Bảo\\u200bTrung"), DangTep::Toml).message.contains("U+200B"));
    assert!(parse(&format!("\u{FEFF}{CONG_VAN}"), DangTep::Toml).is_ok());
    assert!(parse(&format!("\u{FEFF}{KE_HOACH}"), DangTep::Markdown).is_ok());
}

#[test]
fn an_empty_agency_name_is_located() {
    let d = one(&cv("ten = [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"]", "ten = []"), DangTep::Toml);
    assert_eq!(d.key.as_deref(), Some("co_quan.ten"));
    assert!(d.line.is_some());
}

/// A bad document file, read as text in one form or as bytes.
enum Bad {
    Toml(String),
    Md(String),
    Bytes(Vec<u8>),
}

/// The reference công văn with `from` replaced by `to`; `from` must be there.
fn cv(from: &str, to: &str) -> String {
    assert!(CONG_VAN.contains(from), "{from}");
    CONG_VAN.replacen(from, to, 1)
}

/// The reference công văn with `lines` added at the top level.
fn cv_with(lines: &str) -> Bad {
    Bad::Toml(cv("loai = \"cong-van\"", &format!("loai = \"cong-van\"\n{lines}")))
}

/// The reference công văn with a `[ban_sao]` table of `lines`.
fn cv_copy(lines: &str) -> Bad {
    Bad::Toml(format!("{CONG_VAN}\n[ban_sao]\n{lines}\n"))
}

/// The reference công văn with a `[ky_so]` table of `lines`.
fn cv_ky_so(lines: &str) -> Bad {
    Bad::Toml(format!("{CONG_VAN}\n[ky_so]\n{lines}\n"))
}

/// The reference công văn with `value` in place of its `noi_dung` string.
fn cv_noi_dung(value: &str) -> String {
    let (head, rest) = CONG_VAN.split_once("noi_dung = \"\"\"").unwrap();
    let (_, tail) = rest.split_once("\"\"\"").unwrap();
    format!("{head}noi_dung = {value}{tail}")
}

/// A small quyết định with `from` replaced by `to`; `from` must be there.
fn quyet_dinh(from: &str, to: &str) -> String {
    const QD: &str = "loai = \"quyet-dinh\"\ndia_danh = \"Phong Thổ\"\nngay = \"2024\"\ntrich_yeu = \"Về việc A\"\ntham_quyen = \"Chủ tịch UBND huyện\"\ncan_cu = [\"Căn cứ Luật A\"]\nnoi_dung = \"\"\"\nĐiều 1. Phê duyệt./.\n\"\"\"\n[co_quan]\nten = \"UBND huyện\"\nviet_tat = \"UBND\"\n[nguoi_ky]\nchuc_vu = \"Chủ tịch\"\nho_ten = \"Lò Văn A\"\n[noi_nhan]\nluu = [\"VT\"]\n";
    assert!(parse(QD, DangTep::Toml).is_ok(), "the base quyết định parses");
    assert!(QD.contains(from), "{from}");
    QD.replacen(from, to, 1)
}

/// A small giấy giới thiệu with `from` replaced by `to`; `from` must be there.
fn giay_gioi_thieu(from: &str, to: &str) -> String {
    const GGT: &str = "loai = \"giay-gioi-thieu\"\ndia_danh = \"Phong Thổ\"\nngay = \"2024\"\nnoi_dung = \"Đề nghị tạo điều kiện./.\"\n[gioi_thieu]\nho_ten = \"Lò Văn A\"\nduoc_cu_den = \"Sở Nội vụ\"\nve_viec = \"B\"\nco_gia_tri_den = \"2024-12-31\"\n[co_quan]\nten = \"UBND huyện\"\nviet_tat = \"UBND\"\n[nguoi_ky]\nchuc_vu = \"Chủ tịch\"\nho_ten = \"Lò Văn B\"\n[noi_nhan]\nluu = [\"VT\"]\n";
    assert!(parse(GGT, DangTep::Toml).is_ok(), "the base giấy giới thiệu parses");
    assert!(GGT.contains(from), "{from}");
    GGT.replacen(from, to, 1)
}

/// A small biên bản with `from` replaced by `to`; `from` must be there.
fn bien_ban(from: &str, to: &str) -> String {
    const BB: &str = "loai = \"bien-ban\"\nngay = \"2024-07-15\"\nnoi_dung = \"Các đại biểu thảo luận.\"\n[bien_ban]\nbat_dau = \"08 giờ 00\"\ndia_diem = \"Phòng họp\"\nthanh_phan = [\"Lãnh đạo\"]\nchu_tri = \"Ông A\"\nthu_ky = \"Bà B\"\nho_ten_thu_ky = \"Lò Thị B\"\nket_thuc = \"11 giờ 00\"\n[co_quan]\nten = \"UBND huyện\"\nviet_tat = \"UBND\"\n[nguoi_ky]\nho_ten = \"Lò Văn A\"\n[noi_nhan]\nluu = [\"VT\", \"Hồ sơ\"]\n";
    let v = parse(BB, DangTep::Toml).expect("the base biên bản parses");
    assert_eq!(v.dia_danh, None);
    assert_eq!(v.nguoi_ky.dong_chuc_danh(), ["CHỦ TỌA"]);
    assert!(BB.contains(from), "{from}");
    BB.replacen(from, to, 1)
}

/// A small giấy nghỉ phép with `from` replaced by `to`; `from` must be there.
fn nghi_phep(from: &str, to: &str) -> String {
    const GNP: &str = "loai = \"giay-nghi-phep\"\ndia_danh = \"Phong Thổ\"\nngay = \"2024\"\nnoi_dung = \"Trở lại làm việc đúng hạn./.\"\n[nghi_phep]\nho_ten = \"Lò Thị H\"\ntu_ngay = \"2024-03-04\"\nden_ngay = \"2024-03-11\"\nnoi_nghi = \"xã Mường So\"\n[co_quan]\nten = \"UBND huyện\"\nviet_tat = \"UBND\"\n[nguoi_ky]\nchuc_vu = \"Chủ tịch\"\nho_ten = \"Lò Văn B\"\n[noi_nhan]\nluu = [\"VT\"]\n";
    let v = parse(GNP, DangTep::Toml).expect("the base giấy nghỉ phép parses");
    let Mau::GiayNghiPhep(g) = &v.mau else { panic!("{:?}", v.mau) };
    assert_eq!((g.nam, g.so_ngay, g.xac_nhan.is_none()), (2024, None, true));
    assert!(GNP.contains(from), "{from}");
    GNP.replacen(from, to, 1)
}

/// A small quyết định issuing a quy chế, with `line` added to its `[kem_theo]` table (a
/// key given twice is then an error of the second).
fn quyet_dinh_kem(line: &str) -> String {
    let base = "loai = \"quyet-dinh\"\ndia_danh = \"Phong Thổ\"\nngay = \"2024\"\ntrich_yeu = \"Ban hành Quy chế\"\ntham_quyen = \"Chủ tịch\"\ncan_cu = [\"Căn cứ Luật A\"]\nnoi_dung = \"Điều 1. Ban hành Quy chế./.\"\n[co_quan]\nten = \"UBND huyện\"\nviet_tat = \"UBND\"\n[nguoi_ky]\nchuc_vu = \"Chủ tịch\"\nho_ten = \"A\"\n[noi_nhan]\nluu = [\"VT\"]\n[kem_theo]\ntrich_yeu = \"Làm việc\"\n";
    let full = format!("{base}loai = \"quy-che\"\nnoi_dung = \"Điều 1. Phạm vi\"\n");
    let v = parse(&full, DangTep::Toml).expect("the base quyết định parses");
    assert_eq!(v.kem_theo.map(|k| k.loai), Some(LoaiVanBan::QuyChe));
    let key = line.split(" =").next().unwrap_or("");
    let rest: String = ["loai = \"quy-che\"\n", "noi_dung = \"Điều 1. Phạm vi\"\n"]
        .iter()
        .filter(|l| !l.starts_with(key))
        .copied()
        .collect();
    format!("{base}{line}\n{rest}")
}

/// The reference kế hoạch with `from` replaced by `to`; `from` must be there.
fn kh(from: &str, to: &str) -> String {
    assert!(KE_HOACH.contains(from), "{from}");
    KE_HOACH.replacen(from, to, 1)
}

/// The reference công văn with `lines` at the top level, `tables` after it and an appendix
/// whose last line is `tep_rieng`.
fn cv_tep_rieng(lines: &str, tables: &str, tep_rieng: &str) -> Bad {
    let top = cv("loai = \"cong-van\"", &format!("loai = \"cong-van\"\n{lines}"));
    Bad::Toml(format!("{top}\n{tables}\n[[phu_luc]]\nten = \"A\"\nnoi_dung = \"B\"\n{tep_rieng}\n"))
}

const KY_SO_LUC: &str = "[ky_so]\nchu_ky = \"a.png\"\nthoi_gian = 2024-03-05T07:30:15Z\n";

#[test]
fn parts_in_separate_files() {
    let Bad::Toml(source) = cv_tep_rieng("so = 7", KY_SO_LUC, "tep_rieng = true") else { unreachable!() };
    let source = format!("{source}[[phu_luc]]\nten = \"C\"\nnoi_dung = \"D\"\ntep_rieng = false\n");
    let v = parse(&source, DangTep::Toml).unwrap();
    assert_eq!(v.phu_luc.iter().map(|p| p.tep_rieng).collect::<Vec<_>>(), [true, false]);
    assert_eq!(v.tep_rieng(), ["phu-luc-I"]);
    // Given in UTC, shown in Vietnam time; numbers and days below 10 with their zero.
    assert_eq!(v.dong_tep_rieng().as_deref(), Some("Số: 07/UBND-NV; 05/3/2024; 14:30:15+07:00"));
    assert_eq!(
        v.dong_kem_theo(),
        "(Kèm theo Văn bản số …/UBND-NV ngày … tháng … năm … của Ủy ban nhân dân huyện Phong Thổ)"
    );
    // Without the key, in the same file; on paper the line is filled in.
    let Bad::Toml(source) = cv_tep_rieng("so = 7", "", "") else { unreachable!() };
    let v = parse(&source, DangTep::Toml).unwrap();
    assert!(v.tep_rieng().is_empty() && v.dong_tep_rieng().is_none());
    assert!(v.dong_kem_theo().starts_with("(Kèm theo Văn bản số 07/UBND-NV ngày"), "{}", v.dong_kem_theo());
}

/// Every class of bad input, each with a part of the Vietnamese message it must produce:
/// those of the tests above, and one for each message of the reader.
fn bad_inputs() -> Vec<(Bad, &'static str)> {
    use Bad::{Bytes, Md, Toml};
    let cv_t = |from: &str, to: &str| Toml(cv(from, to));
    let big = format!("{CONG_VAN}\n#{}", "x".repeat(limits::FILE_BYTES));
    let mut not_utf8 = b"loai = \"cong-van\"\ndia_danh = \"Phong Th".to_vec();
    not_utf8.push(0xD4);
    let many: Vec<String> = (0..=limits::LIST_ITEMS).map(|i| format!("\"Đơn vị {i}\"")).collect();
    let deep_list: String = (0..1000).map(|i| format!("{}- mục {i}\n", "  ".repeat(i))).collect();
    vec![
        // The inputs of the tests above.
        (Toml("loai = \"cong-van\ndia_danh = 1\n".into()), ma::CU_PHAP),
        (cv_t("trich_yeu =", "trich_yue ="), ma::KHOA_LA),
        (cv_t("ho_ten =", "hoten ="), ma::KHOA_LA),
        (cv_t("ngay = \"2024\"", "ngay = \"2023-02-29\""), "không có thật trong lịch"),
        (cv_t("ngay = \"2024\"", "ngay = 2024-03-05T10:00:00"), "không ghi giờ"),
        (cv_t("\"cong-van\"", "\"cong-vann\""), "không có loại văn bản"),
        (cv_t("\"cong-van\"", "\"bien-ban\""), ma::KHONG_CUA_LOAI),
        (cv_with("toi_du = \"Hội nghị\""), ma::KHONG_CUA_LOAI),
        (Toml(giay_gioi_thieu("ngay = \"2024\"", "ngay = \"2024\"\ntrich_yeu = \"A\"")), ma::KHONG_CUA_LOAI),
        (Toml(giay_gioi_thieu("\"2024-12-31\"", "\"2024-12\"")), "đủ ngày, tháng, năm"),
        (Toml(giay_gioi_thieu("\"2024-12-31\"", "\"2024-02-30\"")), "không có thật trong lịch"),
        (Toml(giay_gioi_thieu("ve_viec = \"B\"\n", "")), "thiếu khóa bắt buộc “gioi_thieu.ve_viec”"),
        (
            Toml(bien_ban(
                "[bien_ban]\nbat_dau = \"08 giờ 00\"\ndia_diem = \"Phòng họp\"\nthanh_phan = [\"Lãnh đạo\"]\nchu_tri = \"Ông A\"\nthu_ky = \"Bà B\"\nho_ten_thu_ky = \"Lò Thị B\"\nket_thuc = \"11 giờ 00\"\n",
                "",
            )),
            "thiếu khóa bắt buộc “bien_ban”",
        ),
        (
            Toml(bien_ban("ho_ten_thu_ky = \"Lò Thị B\"\n", "")),
            "thiếu khóa bắt buộc “bien_ban.ho_ten_thu_ky”",
        ),
        (Toml(bien_ban("[\"Lãnh đạo\"]", "[]")), "thành phần tham dự không được để trống"),
        (Toml(bien_ban("ngay = ", "dia_danh = \"Phong Thổ\"\nngay = ")), ma::KHONG_CUA_LOAI),
        (Toml(nghi_phep("\"2024-03-11\"", "\"2024-03-01\"")), "ở trước ngày bắt đầu nghỉ"),
        (Toml(nghi_phep("noi_nghi", "so_ngay = 9\nnoi_nghi")), "từ 1 đến 8"),
        (Toml(nghi_phep("noi_nghi", "so_ngay = 0\nnoi_nghi")), "từ 1 đến 8"),
        (Toml(nghi_phep("noi_nghi", "nam = 24\nnoi_nghi")), "năm nghỉ phép phải là một năm"),
        (Toml(nghi_phep("noi_nghi", "xac_nhan = 5\nnoi_nghi")), "true/false hoặc tên nơi xác nhận"),
        (Toml(nghi_phep("\"2024-03-04\"", "\"2024-03\"")), "đủ ngày, tháng, năm"),
        (Toml(nghi_phep("ngay = \"2024\"", "ngay = \"2024\"\ntrich_yeu = \"A\"")), ma::KHONG_CUA_LOAI),
        (Toml(nghi_phep("noi_nghi = \"xã Mường So\"\n", "")), "thiếu khóa bắt buộc “nghi_phep.noi_nghi”"),
        (Toml(format!("{CONG_VAN}\n[bien_ban]\nbat_dau = \"8 giờ\"\n")), ma::KHONG_CUA_LOAI),
        (cv_with("phu_luc = \"Danh mục\""), "phải là các bảng [[phu_luc]]"),
        (
            Toml(format!(
                "{CONG_VAN}\n[kem_theo]\nloai = \"quy-che\"\ntrich_yeu = \"A\"\nnoi_dung = \"B\"\n"
            )),
            ma::KHONG_CUA_LOAI,
        ),
        (Toml(quyet_dinh_kem("loai = \"cong-van\"")), "không phải loại văn bản được ban hành kèm theo"),
        (Toml(quyet_dinh_kem("loai = \"quy-chee\"")), "không có loại văn bản “quy-chee”"),
        (Toml(quyet_dinh_kem("noi_dung = 1")), "nội dung văn bản kèm theo phải là chuỗi"),
        (cv_with("phu_luc = [1]"), "mỗi phụ lục là một bảng [[phu_luc]]"),
        (
            Toml(format!("{CONG_VAN}\n[[phu_luc]]\nnoi_dung = \"A\"\n")),
            "thiếu khóa bắt buộc “phu_luc[0].ten”",
        ),
        (
            Toml(format!(
                "{CONG_VAN}\n[[phu_luc]]\nten = \"A\"\nnoi_dung = \"B\"\n[[phu_luc]]\nten = \"C\"\n"
            )),
            "thiếu khóa bắt buộc “phu_luc[1].noi_dung”",
        ),
        (
            Toml(format!("{CONG_VAN}\n[[phu_luc]]\nten = \"A\"\nnoi_dung = 5\n")),
            "nội dung phụ lục phải là chuỗi",
        ),
        (
            Toml(format!("{CONG_VAN}\n[[phu_luc]]\nten = \"A\"\nnoi_dung = \"B\"\nngang = \"có\"\n")),
            "ngang phải là true hoặc false",
        ),
        (
            Toml(format!("{CONG_VAN}\n[[phu_luc]]\nten = \"A\"\nnoi_dung = \"  \"\n")),
            "văn bản chưa có nội dung",
        ),
        (cv_tep_rieng("so = 7", KY_SO_LUC, "tep_rieng = \"có\""), "tep_rieng phải là true hoặc false"),
        (cv_tep_rieng("so = 7", "", "tep_rieng = true"), "chỉ văn bản điện tử có phần là tệp riêng"),
        (
            cv_tep_rieng("so = 7", "[ky_so]\nchu_ky = \"a.png\"\n", "tep_rieng = true"),
            "chỉ văn bản điện tử có phần là tệp riêng",
        ),
        (cv_tep_rieng("", KY_SO_LUC, "tep_rieng = true"), "tệp riêng ghi số của văn bản đã ban hành"),
        (
            cv_tep_rieng("so = 7\ndu_thao = 2", KY_SO_LUC, "tep_rieng = true"),
            "tệp riêng ghi số của văn bản đã ban hành",
        ),
        (cv_ky_so("chu_ky = \"a.png\"\nthoi_gian = \"sáng nay\""), "theo ISO 8601"),
        (cv_ky_so("chu_ky = \"a.png\"\nthoi_gian = 2024-03-05"), "theo ISO 8601"),
        (Toml(quyet_dinh_kem("tep_rieng = true")), "chỉ văn bản điện tử có phần là tệp riêng"),
        (
            cv_copy("hinh_thuc = \"sao y\"\nco_quan = \"VP\"\nthoi_gian = 2024-03-07T09:00:00+07:00"),
            "không có mức “sao y”",
        ),
        (cv_copy("hinh_thuc = \"sao-y\"\nco_quan = \"VP\"\nthoi_gian = \"hôm qua\""), "theo ISO 8601"),
        (
            cv_copy("hinh_thuc = \"sao-y\"\nco_quan = \"VP\"\nthoi_gian = \"2024-03-07T09:00:00\"\nso = 3"),
            "bản sao điện tử (có thoi_gian) không có khóa so",
        ),
        (
            cv_copy("hinh_thuc = \"sao-y\"\nco_quan = []\nthoi_gian = \"2024-03-07T09:00:00\""),
            "tên cơ quan sao không được để trống",
        ),
        (
            cv_copy(
                "hinh_thuc = \"sao-y\"\nco_quan = \"VP\"\ndia_danh = \"Phong Thổ\"\nngay = \"2024-03-07\"\n[ban_sao.nguoi_ky]\nchuc_vu = \"Chánh Văn phòng\"\nho_ten = \"A\"\n[ban_sao.noi_nhan]\nluu = [\"VT\"]",
            ),
            "thiếu khóa bắt buộc “ban_sao.viet_tat”",
        ),
        (
            cv_copy(
                "hinh_thuc = \"sao-y\"\nco_quan = \"VP\"\nviet_tat = \"VP\"\ndia_danh = \"Phong Thổ\"\nngay = \"2024-03-07\"\n[ban_sao.noi_nhan]\nluu = [\"VT\"]",
            ),
            "thiếu khóa bắt buộc “ban_sao.nguoi_ky”",
        ),
        (
            cv_copy(
                "hinh_thuc = \"sao-y\"\nco_quan = \"VP\"\nviet_tat = \"VP\"\ndia_danh = \"Phong Thổ\"\nngay = 5\n[ban_sao.nguoi_ky]\nchuc_vu = \"Chánh Văn phòng\"\nho_ten = \"A\"\n[ban_sao.noi_nhan]\nluu = [\"VT\"]",
            ),
            "ngày sao phải là chuỗi",
        ),
        (
            Toml(format!(
                "{}\n[ban_sao]\nhinh_thuc = \"sao-y\"\nco_quan = \"VP\"\nthoi_gian = \"2024-03-07T09:00:00\"\n",
                cv("loai = \"cong-van\"", "loai = \"cong-van\"\ndu_thao = true")
            )),
            "bản sao không sao từ một dự thảo",
        ),
        (Toml(format!("{CONG_VAN}\n[nghi_phep]\nho_ten = \"A\"\n")), ma::KHONG_CUA_LOAI),
        (cv_with("dien = [\"Các xã\"]"), ma::KHONG_CUA_LOAI),
        (
            cv_t("[\"TM. Ủy ban nhân dân\"]", "[\"TM. Ủy ban nhân dân\", \"Thay mặt Chủ tịch\"]"),
            "không bắt đầu bằng một trong các tiền tố",
        ),
        (cv_t("ho_ten = \"Trần Bảo Trung\"\n", ""), "thiếu khóa bắt buộc “nguoi_ky.ho_ten”"),
        (cv_t("don_vi_soan_thao = \"NV\"\n", ""), "thiếu khóa bắt buộc “don_vi_soan_thao”"),
        (cv_with("so = 0"), "từ 1 trở lên"),
        (cv_with("so = -1"), "từ 1 trở lên"),
        (cv_with("so = \"abc\""), "phải là số nguyên, không phải chuỗi"),
        (cv_with("so = 1.5"), "phải là số nguyên, không phải số thập phân"),
        (cv_with("so = 99999999"), "quá lớn (tối đa"),
        (cv_t("dia_danh = \"Phong Thổ\"", "dia_danh = 5"), "phải là chuỗi văn bản trong dấu ngoặc kép"),
        (cv_t("dia_danh = \"Phong Thổ\"", "dia_danh = \"  \""), "không được để trống"),
        (cv_t("chuc_vu = \"Chủ tịch\"", "chuc_vu = \"Chủ\\u0007tịch\""), "ký tự điều khiển không in được"),
        (Md(kh("du_thao = true", "du_thao = true\nkinh_gui = \"UBND tỉnh\"")), ma::KHONG_CUA_LOAI),
        (Bytes(not_utf8), "không phải văn bản UTF-8"),
        (Toml(String::new()), "thiếu khóa bắt buộc “loai”"),
        (Md("+++\nloai = \"ke-hoach\"\n\nNội dung.\n".into()), "không có dòng “+++” đóng lại"),
        (Md("loai = \"ke-hoach\"\n+++\n".into()), "phải mở đầu bằng dòng “+++”"),
        (Md(kh("du_thao = true", "du_thao = true\nnoi_dung = \"x\"")), "không ghi thêm khóa noi_dung"),
        (Md(kh("\n\n# I. MỤC ĐÍCH", "\n\n```\nmã\n```\n\n# I. MỤC ĐÍCH")), "khối mã"),
        (cv_t("\nĐể tiếp tục", "\n> Để tiếp tục"), "trích dẫn khối"),
        (
            Toml(
                CONG_VAN
                    .replace("trich_yeu =", "trich_yue =")
                    .replace("ngay = \"2024\"", "ngay = \"2024-13\"")
                    .replace("TM. Ủy", "XX. Ủy")
                    .replace("viet_tat = \"UBND\"", "viet_tat = \"UB ND\""),
            ),
            "ngày tháng 13/2024 không có thật",
        ),
        (cv_with("co_chu_quoc_hieu = 14"), "cỡ chữ Quốc hiệu"),
        (Toml(big.clone()), "quá giới hạn 1 MB"),
        (Bytes(big.into_bytes()), "quá giới hạn 1 MB"),
        (Md(ke_hoach_with(&"Đoạn văn. ".repeat(limits::BODY_CHARS / 10 + 1))), "quá giới hạn 400000 ký tự"),
        (
            Md(ke_hoach_with(&"Đoạn.\n\n".repeat(limits::BODY_BLOCKS + 1))),
            "đoạn văn, đề mục và mục danh sách",
        ),
        (Md(ke_hoach_with(&"**a** b ".repeat(limits::BODY_RUNS / 2 + 1))), "chữ đậm, nghiêng"),
        (cv_t("kinh_gui = [", &format!("kinh_gui = [{},", many.join(","))), "quá giới hạn 500 mục"),
        (Toml(format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000))), ma::CU_PHAP),
        (Toml(format!("x = {}1{}\n", "{a=".repeat(100_000), "}".repeat(100_000))), ma::CU_PHAP),
        (Toml(format!("{} = 1\n", vec!["x"; 100_000].join("."))), ma::CU_PHAP),
        (cv_t("Trần Bảo Trung", "Trần \u{202E}Bảo Trung"), "hướng chữ vô hình"),
        (Md(ke_hoach_with(&format!("{} trích\n", ">".repeat(1000)))), "trích dẫn khối"),
        (Md(ke_hoach_with(&deep_list)), "quá giới hạn"),
        // One more for each message of the reader.
        (cv_with("zzzzzzzzzz = 1"), ma::KHOA_LA),
        (cv_t("\"cong-van\"", "\"khong-co-loai-nay\""), "không có loại văn bản"),
        (cv_with("so = 99999999999999999999"), "số văn bản quá lớn"),
        (cv_with("ky_hieu = \"UBND/NV\""), "ký hiệu “UBND/NV” không hợp lệ"),
        (cv_t("don_vi_soan_thao = \"NV\"", "don_vi_soan_thao = \"N V\""), "không hợp lệ"),
        (cv_t("ngay = \"2024\"", "ngay = \"5/3/2024\""), "không đúng dạng"),
        (cv_t("ngay = \"2024\"", "ngay = \"1900\""), "nằm ngoài khoảng"),
        (cv_t("ngay = \"2024\"", "ngay = 2024"), "ngày phải là chuỗi"),
        (cv_t("ngay = \"2024\"\n", ""), "thiếu khóa bắt buộc “ngay”"),
        (cv_t("[\"TM. Ủy ban nhân dân\"]", "[\"TM.\"]"), "sau tiền tố TM. phải có"),
        (cv_t("[\"TM. Ủy ban nhân dân\"]", "5"), "hoặc danh sách chuỗi"),
        (cv_t("Trần Bảo Trung", "Trần \\u0303Bảo Trung"), "đứng riêng"),
        (cv_t("\"Phong Thổ\"", &format!("\"{}\"", "Phong Thổ ".repeat(101))), "quá giới hạn 1000 ký tự"),
        (cv_t("\nĐể tiếp tục", "\nĐể \\u0007 tiếp tục"), "ký tự điều khiển không in được"),
        (cv_t("\nĐể tiếp tục", "\n\u{301}Để tiếp tục"), "đứng riêng"),
        (cv_with("du_thao = 0"), "lần dự thảo phải từ 1 đến 999"),
        (cv_with("du_thao = \"có\""), "true/false hoặc số lần dự thảo"),
        (
            cv_t(
                "\n[co_quan]\nten = [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"]\nviet_tat = \"UBND\"\n",
                "\nco_quan = 1\n",
            ),
            "phải là một bảng [co_quan]",
        ),
        (
            cv_t("\n[co_quan]\nten = [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"]\nviet_tat = \"UBND\"\n", ""),
            "thiếu khóa bắt buộc “co_quan”",
        ),
        (
            cv_t("ten = [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"]\nviet_tat = \"UBND\"\n", "\n"),
            "thiếu khóa bắt buộc “co_quan.ten”",
        ),
        (cv_t("viet_tat = \"UBND\"\n", ""), "thiếu khóa bắt buộc “co_quan.viet_tat”"),
        (cv_t("chuc_vu = \"Chủ tịch\"\n", ""), "thiếu khóa bắt buộc “nguoi_ky.chuc_vu”"),
        (cv_t("luu = [\"VT\", \"NV\"]", "luu = []"), "danh sách lưu không được để trống"),
        (cv_t("luu = [\"VT\", \"NV\"]", ""), "thiếu khóa bắt buộc “noi_nhan.luu”"),
        (cv_t("trich_yeu = ", "# trich_yeu = "), "thiếu khóa bắt buộc “trich_yeu”"),
        (cv_t("kinh_gui = [", "kinh_gui_cu = ["), "thiếu khóa bắt buộc “kinh_gui”"),
        (
            Md(kh("loai = \"ke-hoach\"", "loai = \"to-trinh\"\nkinh_gui = 5")),
            "hoặc danh sách chuỗi, không phải số nguyên",
        ),
        (Toml(cv_noi_dung("5")), "nội dung phải là chuỗi văn bản (Markdown)"),
        (Toml(cv_noi_dung("\"\\u200B\"")), "văn bản chưa có nội dung"),
        (Md(ke_hoach_with("")), "văn bản chưa có nội dung"),
        (Md(ke_hoach_with("Đoạn.\n\n    mã\n")), "khối mã"),
        (Md(ke_hoach_with("<div>x</div>\n")), "mã HTML"),
        (Md(ke_hoach_with("Đoạn.\n\n---\n")), "đường kẻ ngang"),
        (cv_with("ky_so = 1"), "phải là một bảng [ky_so]"),
        (cv_ky_so("chu_ky = \"/etc/chu-ky.png\""), "phải là đường dẫn tương đối"),
        (cv_ky_so("chu_ky = \"C:\\\\chu-ky.png\""), "phải là đường dẫn tương đối"),
        (cv_ky_so("chu_ky = \"../chu-ky.png\""), "không được ra ngoài thư mục"),
        (cv_ky_so("chu_ky = \"chu-ky.jpg\""), "phải là ảnh PNG"),
        (cv_ky_so("chu_ky = \"\""), "không được để trống"),
        (cv_ky_so("chu_ky = \"chu-ky.png\"\ndau = \"dau.png\"\ndau_mm = 100"), "đường kính con dấu"),
        (cv_ky_so("chu_ky = \"chu-ky.png\"\ndau_mm = 36"), "thiếu khóa bắt buộc “ky_so.dau”"),
        (cv_ky_so("dau = \"dau.png\""), "thiếu khóa bắt buộc “ky_so.chu_ky”"),
        (cv_ky_so("chu_ki = \"chu-ky.png\""), ma::KHOA_LA),
        // The stamps, ô 11–13, and the parts of a quyết định.
        (cv_with("do_khan = \"Hỏa tốc\""), "không có mức “Hỏa tốc”"),
        (cv_with("do_mat = \"bi-mat\""), "không có mức"),
        (cv_with("pham_vi_luu_hanh = 5"), "phải là chuỗi văn bản"),
        (cv_t("luu = [\"VT\", \"NV\"]", "luu = [\"VT\", \"NV\"]\nso_ban = 0"), "số lượng bản phát hành"),
        (cv_t("viet_tat = \"UBND\"", "viet_tat = \"UBND\"\nemail = 5"), "phải là chuỗi văn bản"),
        (cv_with("tham_quyen = \"Chủ tịch\""), ma::KHONG_CUA_LOAI),
        (cv_with("can_cu = [\"Căn cứ Luật A\"]"), ma::KHONG_CUA_LOAI),
        (
            Toml(quyet_dinh("can_cu = [\"Căn cứ Luật A\"]", "can_cu = []")),
            "danh sách căn cứ không được để trống",
        ),
        (Toml(quyet_dinh("tham_quyen = \"Chủ tịch UBND huyện\"\n", "")), "thiếu khóa bắt buộc “tham_quyen”"),
        (Toml(quyet_dinh("can_cu = [\"Căn cứ Luật A\"]\n", "")), "thiếu khóa bắt buộc “can_cu”"),
        (Toml(quyet_dinh("trich_yeu = \"Về việc A\"\n", "")), "thiếu khóa bắt buộc “trich_yeu”"),
        (Toml(quyet_dinh("Điều 1. Phê duyệt./.", "Phê duyệt./.")), "phải có các Điều"),
        // Issue 19: dropped table cells, list punctuation, toml's own words, invisible
        // characters, a type in words.
        (
            Md(ke_hoach_with("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n\nHết./.\n")),
            "nhiều hơn 2 ô của hàng tiêu đề",
        ),
        (Md(ke_hoach_with("Đoạn.\n\n[1]: a.pdf\n")), "định nghĩa liên kết"),
        (cv_t("\"TT HĐND huyện\"", "\"- ;\""), "chỉ có dấu câu"),
        (cv_t("\"TT HĐND huyện\"", "\"Lưu:\""), "không ghi nơi lưu"),
        (
            cv_t("ten = [\"Ủy ban nhân dân\", \"huyện Phong Thổ\"]", "ten = []"),
            "tên cơ quan không được để trống",
        ),
        (cv_t("Trần Bảo Trung", "Trần Bảo\u{200B}Trung"), "ký tự vô hình"),
        (cv_t("loai = \"cong-van\"", "loai = \"tờ trình\""), "không có loại văn bản"),
        (cv_with("so = 05"), "chữ số 0 ở đầu"),
        (cv_with("so = 1__0"), "không đúng cách viết số"),
        (cv_with("du_thao = TRUE"), "true hoặc false"),
        (cv_with("so = "), "thiếu giá trị"),
        (cv_with("pham_vi_luu_hanh = Lưu hành nội bộ"), "phải đặt trong dấu ngoặc kép"),
        (cv_with("pham_vi_luu_hanh = “Lưu hành nội bộ”"), "dấu ngoặc kép thẳng"),
        (cv_with("pham_vi_luu_hanh = \"Lưu hành"), "không có dấu \" đóng"),
        (cv_with("pham_vi_luu_hanh = 'Lưu hành"), "không có dấu ' đóng"),
        (
            Toml(format!("{CONG_VAN}\n[[phu_luc]]\nten = \"A\"\nnoi_dung = \"\"\"\nB\n")),
            "không có \"\"\" đóng lại",
        ),
        (cv_with("pham_vi_luu_hanh = \"C:\\quy\""), "không phải mã thoát hợp lệ"),
        (cv_with("pham_vi_luu_hanh = \"\\u12\""), "4 chữ số thập lục phân"),
        (cv_with("pham_vi_luu_hanh \"Lưu hành\""), "thiếu dấu “=”"),
        (cv_with("so == 5"), "thừa dấu “=”"),
        (cv_with("= 5"), "thiếu tên khóa"),
        (cv_with("số = 5"), "tên khóa “số” không hợp lệ"),
        (cv_t("[co_quan]", "[co_quan"), "thiếu “]” đóng"),
        (cv_t("[co_quan]", "[[co_quan]"), "thiếu “]]” đóng"),
        (cv_t("luu = [\"VT\", \"NV\"]", "luu = [\"VT\", \"NV\""), "không có “]” đóng lại"),
        (cv_with("x = {a = 1"), "không có “}” đóng lại"),
        (cv_t("luu = [\"VT\", \"NV\"]", "luu = [\"VT\" \"NV\"]"), "thiếu dấu phẩy"),
        (cv_t("luu = [\"VT\", \"NV\"]", "luu = [\"VT\",, \"NV\"]"), "thừa dấu phẩy"),
        (cv_with("pham_vi_luu_hanh = \"Xem\" \"xong\""), "chữ thừa"),
        (cv_with("so = 1\r# x"), "ký tự CR"),
        (cv_with("so = 1 # \u{7}"), "chú thích"),
        (cv_with("pham_vi_luu_hanh = \"a\u{7}\""), "ký tự điều khiển U+0007"),
        (cv_with("so = 1\nso.x = 2"), "đã có giá trị"),
        (cv_with("ngay_ky = 2024-13-01"), "cần tháng từ 01 đến 12"),
        (cv_with("dia_danh = \"Hà Nội\""), "được ghi hai lần; lần đầu ở dòng"),
        (cv_t("\n[nguoi_ky]", "\n[co_quan]\nfax = \"1\"\n[nguoi_ky]"), "bảng [co_quan] được ghi hai lần"),
    ]
}

/// `text` without its quoted parts (between “ and ”, between two `"` or two backticks) and
/// the Vietnamese terms an English message may name.
fn unquoted(text: &str) -> String {
    const TERMS: &[&str] = &["Kính gửi", "ký hiệu", "công văn", "trích yếu", "Quốc hiệu"];
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(['“', '"', '`']) {
        out.push_str(&rest[..i]);
        let open = rest[i..].chars().next().unwrap_or('"');
        let close = if open == '“' { '”' } else { open };
        let after = &rest[i + open.len_utf8()..];
        // An unmatched quote: the rest is checked.
        rest = after.find(close).map_or(after, |j| &after[j + close.len_utf8()..]);
    }
    out.push_str(rest);
    TERMS.iter().fold(out, |s, t| s.replace(t, " "))
}

/// The Vietnamese letters of `text`: any letter outside ASCII (ă, â, đ, ê, ô, ơ, ư, ý, …),
/// precomposed or with a combining mark.
fn vietnamese_letters(text: &str) -> Vec<char> {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().filter(|&c| (c.is_alphabetic() && !c.is_ascii()) || crate::text::dau_ket_hop(c)).collect()
}

#[test]
fn the_english_check_sees_vietnamese_outside_quotes_only() {
    assert_eq!(vietnamese_letters(&unquoted("key “trích yếu” is `đ` \"ơ\"")), Vec::<char>::new());
    assert_eq!(vietnamese_letters(&unquoted("the Kính gửi list")), Vec::<char>::new());
    assert_eq!(vietnamese_letters(&unquoted("thiếu khóa")), ['\u{302}', '\u{301}', '\u{301}']);
    assert_eq!(vietnamese_letters("U\u{309}y"), ['\u{309}']);
    assert_eq!(vietnamese_letters(&unquoted("“a” đ “")), ['đ']);
}

#[test]
fn every_problem_of_the_reader_is_also_in_english() {
    let inputs = bad_inputs();
    let n = inputs.len();
    let mut count = 0;
    for (i, (bad, expected)) in inputs.into_iter().enumerate() {
        let result = match &bad {
            Bad::Toml(s) => parse(s, DangTep::Toml),
            Bad::Md(s) => parse(s, DangTep::Markdown),
            Bad::Bytes(b) => parse_bytes(b, DangTep::Toml),
        };
        let Err(diags) = result else { panic!("input {i} ({expected}) was accepted") };
        assert!(
            // A class of problem by its stable id, or a problem by its words.
            diags.iter().any(|d| d.ma == Some(expected) || d.message.contains(expected)),
            "input {i}: no message has “{expected}”: {:#?}",
            diags.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        for d in diags.iter() {
            count += 1;
            let en = d.message_en.as_deref().unwrap_or_else(|| panic!("input {i}: no English: {d:#?}"));
            assert_ne!(en, d.message, "input {i}: not translated");
            assert_eq!(d.hint.is_some(), d.hint_en.is_some(), "input {i}: hint without the other: {d:#?}");
            for text in [Some(en), d.hint_en.as_deref()].into_iter().flatten() {
                let letters = vietnamese_letters(&unquoted(text));
                assert!(letters.is_empty(), "input {i}: Vietnamese {letters:?} in the English “{text}”");
            }
            let shown = d.display_in("a.toml", NgonNgu::En);
            assert!(!shown.contains("lỗi:") && !shown.contains("gợi ý:"), "{shown}");
        }
    }
    // Some inputs give several problems (the empty file gives one for each required key).
    assert!(count > n, "{count} problems checked for {n} inputs");
}

#[test]
fn a_problem_inside_a_body_string_is_placed_where_it_is_written_escapes_and_all() {
    // A basic multi-line string: an escaped quote, a \u escape and a line-ending backslash
    // before the refused line.
    let body = "noi_dung = \"\"\"\nĐoạn \\\"một\\\" \\u00e0 \\\n   nối tiếp.\n\n[1]: a.pdf\n\"\"\"";
    let start = CONG_VAN.find("noi_dung = \"\"\"").unwrap();
    let end = start + 3 + CONG_VAN[start + 14..].find("\"\"\"").unwrap() + 14;
    let src = format!("{}{body}{}", &CONG_VAN[..start], &CONG_VAN[end..]);
    let d = one(&src, DangTep::Toml);
    let at = src.find("[1]: a.pdf").unwrap();
    assert_eq!(
        (d.line, d.column),
        (Some(crate::diagnostics::LineIndex::new(&src).position(at).0), Some(1)),
        "{src}"
    );
}
