//! Documents filled from data (`render merge`): each merged document is measured with the
//! same rules as a hand-written document of its form, for rows of every shape.

use serde_json::{Value, json};
use vanban_core::Khuon;
use vanban_tests::{line_starting, measure, root};

/// The example template `name` of `examples/tron`, with its shared profile.
fn khuon(name: &str) -> Khuon {
    let dir = root().join("examples/tron");
    Khuon::doc_tep(&dir.join(name), &dir).unwrap_or_else(|d| panic!("{name}:\n{}", d.display_with(name)))
}

/// Fills `khuon` from `row`, lays it out and checks it against the decree.
fn conforms(khuon: &Khuon, row: &Value) -> vanban_tests::Measured {
    let van_ban = khuon.dien(row).unwrap_or_else(|d| panic!("{row}:\n{}", d.display_with("template")));
    let m = measure(van_ban);
    let v = crate::nd30::check(&m);
    assert!(v.is_empty(), "{row}:\n- {}", v.join("\n- "));
    m
}

#[test]
fn merged_giay_moi_of_every_shape_conforms() {
    let khuon = khuon("giay-moi.khuon.toml");
    let titles = [
        "Bí thư Đoàn Thanh niên xã",
        "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã, Trưởng Ban Công tác Mặt trận thôn Nậm Cười, kiêm Chủ tịch Hội Cựu chiến binh",
        "Trưởng thôn",
    ];
    for (i, chuc_vu) in titles.iter().enumerate() {
        for (j, ho_ten) in ["Lò Văn Sáu", "Hoàng Thị Ngọc Bích Thủy Tiên Nguyễn Phương"].iter().enumerate()
        {
            let (danh_xung, ngay_hop) = (["Ông", "Bà"][j], ["2026-01-15", "15/01/2026"][j]);
            let row = json!({
                "stt": i * 2 + j + 1, "danh_xung": danh_xung, "ho_ten": ho_ten, "chuc_vu": chuc_vu,
                "don_vi": "xã Phong Thổ", "dien_thoai": "0912345678", "ngay_hop": ngay_hop,
            });
            let m = conforms(&khuon, &row);
            assert!(
                line_starting(m.page1(), "Thời gian: 08 giờ 00, ngày 15 tháng 01 năm 2026").is_some(),
                "{row}"
            );
        }
    }
}

#[test]
fn merged_quyet_dinh_of_every_shape_conforms() {
    let khuon = khuon("nang-luong.khuon.toml");
    for (n, (ho_ten, chuc_vu)) in [
        ("Nguyễn Thị Lan", "Chuyên viên Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
        ("Vàng A Dính", "Công chức Tài chính - Kế toán"),
        (
            "Hoàng Thị Ngọc Bích Thủy Tiên Nguyễn Phương Anh",
            "Phó Trưởng phòng Kinh tế, phụ trách lĩnh vực nông nghiệp, tài nguyên và môi trường",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let row = json!({
            "so": 15 + n, "ho_ten": ho_ten, "ngay_sinh": "1988-03-12", "chuc_vu": chuc_vu, "ngach": "Chuyên viên",
            "ma_ngach": "01.003", "bac_cu": 4, "he_so_cu": 3.33, "bac_moi": 5, "he_so_moi": 3.66,
            "tu_ngay": "2026-01-01", "luong_moi": 8_564_400,
        });
        let m = conforms(&khuon, &row);
        assert_eq!(line_starting(m.page1(), "Số:").unwrap().text(), format!("Số: {}/QĐ-UBND", 15 + n));
    }
}

mod hostile {
    use proptest::prelude::*;
    use serde_json::json;

    use super::khuon;

    /// A row of the giấy mời template with `cell` in every column.
    fn row(cell: &str) -> serde_json::Value {
        json!({"stt": cell, "danh_xung": cell, "ho_ten": cell, "chuc_vu": cell, "don_vi": cell, "dien_thoai": cell, "ngay_hop": "2026-01-15"})
    }

    proptest! {
        // A fixed seed: the same cases on every run. VANBAN_PROPTEST_CASES searches further.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("VANBAN_PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48),
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(15_2026),
            ..ProptestConfig::default()
        })]

        /// Whatever a cell holds (control characters, quotes, template and Markdown syntax),
        /// filling gives a document or located problems, and a document lays out or is
        /// refused: never a panic. A cell of printable text is printed as typed.
        #[test]
        fn any_cell(cell in "(\\PC|[\"'{}%#$\\\\\\[\\]\n\t]){0,40}") {
            let khuon = khuon("giay-moi.khuon.toml");
            match khuon.dien(&row(&cell)) {
                Ok(van_ban) => {
                    let printed = van_ban.noi_dung.plain();
                    let _ = vanban_tests::renderer().layout(&van_ban);
                    let one_line: String = cell.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !one_line.is_empty() && one_line.chars().all(|c| !c.is_control()) {
                        let squeezed: String = printed.split_whitespace().collect::<Vec<_>>().join(" ");
                        let nfc: String = unicode_normalization::UnicodeNormalization::nfc(one_line.as_str()).collect();
                        prop_assert!(squeezed.contains(&nfc), "{cell:?} not in {printed:?}");
                    }
                }
                Err(d) => prop_assert!(!d.0.is_empty()),
            }
        }

        /// Whatever a template value holds, the template is read or refused with located
        /// problems, and a template that is read fills or fails: never a panic.
        #[test]
        fn any_placeholder(value in "(\\PC|[{}%#|\"]){0,40}") {
            let text = std::fs::read_to_string(vanban_tests::root().join("examples/tron/giay-moi.khuon.toml")).unwrap();
            let toml_value = toml::Value::String(value.clone()).to_string();
            let text = text.replacen("\"Hội trường tầng 3, Trụ sở Ủy ban nhân dân xã Phong Thổ\"", &toml_value, 1);
            if let Ok(k) = vanban_core::Khuon::doc(&text, vanban_core::DangTep::Toml) {
                let _ = k.dien(&row("An"));
            }
        }
    }
}
