//! The template: placeholders filled into parsed values, data kept as data.

use serde_json::json;

use super::*;
use crate::{Mau, VanBan};

/// A giấy mời template whose invitee, time and body come from a row.
const GIAY_MOI: &str = r#"loai = "giay-moi"
so = "{{ so }}"
dia_danh = "Phong Thổ"
ngay = "2026-01-05"
kinh_moi = ["{{ danh_xung }} {{ ho_ten }}", "{{ them }}"]
toi_du = "Hội nghị tổng kết năm 2025"
thoi_gian = "08 giờ 00, {{ ngay_hop | ngay }}"
dia_diem = "Hội trường xã"
noi_dung = """
Đề nghị {{ danh_xung | lower }} {{ ho_ten }} tham dự đúng giờ./.
"""

[co_quan]
ten = ["Ủy ban nhân dân", "xã {{ xa | hoa }}"]
viet_tat = "UBND"

[nguoi_ky]
chuc_vu = "Chủ tịch"
ho_ten = "Trần Bảo Trung"

[noi_nhan]
gui = ["Như trên"]
luu = ["VT"]
"#;

fn row(ho_ten: &str) -> serde_json::Value {
    json!({"so": 31, "danh_xung": "Ông", "ho_ten": ho_ten, "them": "", "ngay_hop": "2026-01-15", "xa": "Phong Thổ"})
}

fn giay_moi(v: &VanBan) -> &crate::GiayMoi {
    match &v.mau {
        Mau::GiayMoi(g) => g,
        other => panic!("not a giấy mời: {other:?}"),
    }
}

#[test]
fn placeholders_are_filled_into_the_parsed_values() {
    let khuon = Khuon::doc(GIAY_MOI, DangTep::Toml).unwrap();
    assert_eq!(
        khuon.cot().into_iter().collect::<Vec<_>>(),
        ["danh_xung", "ho_ten", "ngay_hop", "so", "them", "xa"]
    );
    let v = khuon.dien(&row("Nguyễn Văn An")).unwrap();
    // A number typed as text where the key holds a number becomes the number.
    assert_eq!(v.so_hieu.to_string(), "Số: 31/GM-UBND");
    // An empty value is as if it were not written: the second invitee is gone.
    assert_eq!(giay_moi(&v).kinh_moi, ["Ông Nguyễn Văn An"]);
    assert_eq!(giay_moi(&v).thoi_gian, "08 giờ 00, ngày 15 tháng 01 năm 2026");
    assert_eq!(v.co_quan.ten, ["Ủy ban nhân dân", "xã PHONG THỔ"]);
    assert_eq!(v.noi_dung.plain().trim(), "Đề nghị ông Nguyễn Văn An tham dự đúng giờ./.");
}

#[test]
fn what_a_cell_holds_prints_as_typed() {
    // In the middle of the entry: an entry's own closing punctuation is the list's (vanban
    // prints `;` and `.` itself), for typed and filled entries alike.
    let text =
        GIAY_MOI.replace("{{ danh_xung }} {{ ho_ten }}\"", "{{ danh_xung }} {{ ho_ten }} (đại biểu)\"");
    let khuon = Khuon::doc(&text, DangTep::Toml).unwrap();
    for hostile in [
        "\"",
        "'''",
        "]]",
        "+++",
        "{{ 7*7 }}",
        "{% for x in y %}",
        "#set page(width: 1cm)",
        "$x^2$",
        "C:\\Windows\\",
        "<w:p>&amp;",
        "# Tiêu đề",
        "1. mục",
        "- gạch",
        "**đậm** _nghiêng_ `mã` [liên kết](http://x)",
        "| a | b |",
        "\"\"\"\nnoi_dung = \"x\"",
    ] {
        let v = khuon.dien(&row(hostile)).unwrap_or_else(|e| panic!("{hostile}: {e}"));
        let one_line = hostile.replace('\n', " ");
        assert_eq!(giay_moi(&v).kinh_moi, [format!("Ông {one_line} (đại biểu)")], "{hostile}");
        let body = v.noi_dung.plain();
        assert!(body.contains(&format!("ông {one_line} tham dự")), "{hostile}: {body}");
        assert_eq!(v.noi_dung.0.len(), 1, "{hostile}: a cell made blocks: {:?}", v.noi_dung);
    }
}

#[test]
fn a_name_is_found_only_inside_a_tag() {
    assert_eq!(vi_tri_ten("ho_ten {{ a }} {{ ho_ten }}", "ho_ten"), Some(18));
    assert_eq!(vi_tri_ten("{% if x %}ho_ten{% endif %}", "ho_ten"), None);
    assert_eq!(vi_tri_ten("{{ ho_ten_cu }} {{ ho_ten }}", "ho_ten"), Some(19));
}

#[test]
fn markdown_values_cannot_make_blocks() {
    assert_eq!(thoat_markdown("# a\n\n    b"), "\\# a b");
    assert_eq!(thoat_markdown("  1. x  "), "1\\. x");
    assert_eq!(thoat_markdown("Nguyễn"), "Nguyễn");
}

#[test]
fn a_template_may_loop_over_the_row() {
    let text = GIAY_MOI.replace(
        "Đề nghị {{ danh_xung | lower }} {{ ho_ten }} tham dự đúng giờ./.",
        "{% for d in dong.ds %}{{ loop.index }}. {{ d }}\n\n{% endfor %}Trân trọng./.",
    );
    let khuon = Khuon::doc(&text, DangTep::Toml).unwrap();
    let mut r = row("An");
    r["ds"] = json!(["Lò Văn Sáu", "# Không phải tiêu đề"]);
    let v = khuon.dien(&r).unwrap();
    let body = v.noi_dung.plain();
    assert!(body.contains("1. Lò Văn Sáu") && body.contains("2. # Không phải tiêu đề"), "{body}");
}

#[test]
fn a_missing_column_is_placed_where_the_template_names_it() {
    let khuon = Khuon::doc(GIAY_MOI, DangTep::Toml).unwrap();
    let e = khuon.kiem_cot(&["so", "danh_xung", "ho_tne", "them", "ngay_hop", "xa"]).unwrap_err();
    assert_eq!(e.0.len(), 2, "{e}");
    let d = &e.0[0];
    assert_eq!(d.message, "dữ liệu không có cột “ho_ten”");
    assert_eq!((d.line, d.column), (Some(5), Some(33)), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("có phải “ho_tne”"), "{d}");
    assert_eq!(d.ma, Some(ma::KHOA_LA));
    assert!(khuon.kiem_cot(&["so", "danh_xung", "ho_ten", "them", "ngay_hop", "xa"]).is_ok());
}

#[test]
fn a_bad_value_names_its_key_and_columns() {
    let khuon = Khuon::doc(GIAY_MOI, DangTep::Toml).unwrap();
    let mut r = row("An");
    r["ngay_hop"] = json!("30/02/2026");
    let e = khuon.dien(&r).unwrap_err();
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!(khuon.cot_cua(&e.0[0]), ["ngay_hop"]);
    assert_eq!(e.0[0].line, Some(7));
    let mut r = row("An");
    r["so"] = json!("mười");
    let e = khuon.dien(&r).unwrap_err();
    assert_eq!(khuon.cot_cua(&e.0[0]), ["so"], "{e}");
    assert_eq!(e.0[0].line, Some(2), "{e}");
}

#[test]
fn template_syntax_errors_are_placed() {
    let text = GIAY_MOI.replace("{{ ngay_hop | ngay }}", "{{ ngay_hop | }}");
    let e = Khuon::doc(&text, DangTep::Toml).unwrap_err();
    assert_eq!(e.0.len(), 1, "{e}");
    assert_eq!(e.0[0].line, Some(7), "{e}");
    assert_eq!(e.0[0].ma, Some(ma::CU_PHAP));
}

#[test]
fn evaluation_is_bounded() {
    let text = GIAY_MOI.replace(
        "{{ ho_ten }} tham dự",
        "{% for i in range(10000) %}{% for j in range(10000) %}x{% endfor %}{% endfor %}",
    );
    let khuon = Khuon::doc(&text, DangTep::Toml).unwrap();
    let e = khuon.dien(&row("An")).unwrap_err();
    assert!(e.0[0].message.contains("fuel"), "{e}");
}

#[test]
fn a_row_must_be_a_map() {
    let khuon = Khuon::doc(GIAY_MOI, DangTep::Toml).unwrap();
    assert!(khuon.dien(&json!(["a", "b"])).is_err());
    assert!(khuon.dien(&json!("a")).is_err());
}

#[test]
fn numbering_sets_so_written_or_not() {
    let text = GIAY_MOI.replace("so = \"{{ so }}\"\n", "");
    let khuon = Khuon::doc(&text, DangTep::Toml).unwrap();
    let v = khuon.dien_so(&row("An"), 7).unwrap();
    assert_eq!(v.so_hieu.to_string(), "Số: 07/GM-UBND");
}

#[test]
fn markdown_and_json_templates() {
    let md = "+++\nloai = \"giay-moi\"\ndia_danh = \"Phong Thổ\"\nngay = \"2026-01-05\"\nkinh_moi = [\"{{ ho_ten }}\"]\ntoi_du = \"Hội nghị\"\nthoi_gian = \"8 giờ\"\ndia_diem = \"Hội trường\"\n[co_quan]\nten = [\"Ủy ban nhân dân\", \"xã Phong Thổ\"]\nviet_tat = \"UBND\"\n[nguoi_ky]\nchuc_vu = \"Chủ tịch\"\nho_ten = \"Trần Bảo Trung\"\n[noi_nhan]\ngui = [\"Như trên\"]\nluu = [\"VT\"]\n+++\nKính mời {{ ho_ten }} dự./.\n";
    let khuon = Khuon::doc(md, DangTep::Markdown).unwrap();
    let v = khuon.dien(&json!({"ho_ten": "*Bà* Lò Thị Hoa"})).unwrap();
    assert_eq!(v.noi_dung.plain().trim(), "Kính mời *Bà* Lò Thị Hoa dự./.");
    let json_text = r#"{"loai": "giay-moi", "dia_danh": "Phong Thổ", "ngay": "2026-01-05", "kinh_moi": ["{{ ho_ten }}"], "toi_du": "Hội nghị", "thoi_gian": "8 giờ", "dia_diem": "Hội trường", "noi_dung": "Kính mời {{ ho_ten }}./.",
      "co_quan": {"ten": ["Ủy ban nhân dân", "xã Phong Thổ"], "viet_tat": "UBND"}, "nguoi_ky": {"chuc_vu": "Chủ tịch", "ho_ten": "Trần Bảo Trung"},
      "noi_nhan": {"gui": ["Như trên"], "luu": ["VT"]}}"#;
    let khuon = Khuon::doc(json_text, DangTep::Json).unwrap();
    let v = khuon.dien(&json!({"ho_ten": "\"Lò\" Thị Hoa"})).unwrap();
    assert_eq!(giay_moi(&v).kinh_moi, ["\"Lò\" Thị Hoa"]);
}
