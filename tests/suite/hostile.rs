//! Hostile input: the fuzz seeds and past findings through the fuzz checks; arbitrary
//! Unicode in each text field; documents at each limit.

use proptest::prelude::*;
use proptest::sample::select;
use unicode_normalization::UnicodeNormalization;
use vanban_core::{DangTep, limits};
use vanban_render::RenderError;
use vanban_tests::harness;
use vanban_tests::*;

#[test]
fn seeds_and_past_findings_pass_the_fuzz_checks() {
    let mut seen = 0;
    for dir in ["fuzz/seeds/toml", "fuzz/seeds/markdown", "fuzz/regressions"] {
        let mut paths: Vec<_> =
            std::fs::read_dir(root().join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            harness::parse(&data, DangTep::Toml);
            harness::parse(&data, DangTep::Markdown);
            harness::render(&data);
            seen += 1;
        }
    }
    assert!(seen >= 15, "only {seen} inputs");
}

/// A công văn with one field replaced by `value`, encoded as a TOML string.
fn cong_van_with(field: &str, value: &str) -> String {
    let mut doc = BASE.to_owned();
    for f in FIELDS {
        let v = if *f == field { value } else { default_of(f) };
        doc = doc.replace(&format!("@{f}@"), &toml::Value::String(v.to_owned()).to_string());
    }
    doc
}

const FIELDS: &[&str] = &["ho_ten", "dia_danh", "trich_yeu", "kinh_gui", "gui", "noi_dung"];

fn default_of(field: &str) -> &'static str {
    match field {
        "ho_ten" => "Trần Bảo Trung",
        "dia_danh" => "Phong Thổ",
        "trich_yeu" => "tăng cường thi đua",
        "kinh_gui" => "Các xã, thị trấn",
        "gui" => "Như trên",
        _ => "Đoạn văn bản./.",
    }
}

const BASE: &str = r#"loai = "cong-van"
dia_danh = @dia_danh@
ngay = "2024-03-05"
don_vi_soan_thao = "NV"
trich_yeu = @trich_yeu@
kinh_gui = [@kinh_gui@]
noi_dung = @noi_dung@

[co_quan]
ten = ["Ủy ban nhân dân", "huyện Phong Thổ"]
viet_tat = "UBND"

[nguoi_ky]
quyen_han = ["TM. Ủy ban nhân dân"]
chuc_vu = "Chủ tịch"
ho_ten = @ho_ten@

[noi_nhan]
gui = [@gui@]
luu = ["VT"]
"#;

/// The key path the parser reports for each field.
fn key_of(field: &str) -> &'static str {
    match field {
        "ho_ten" => "nguoi_ky.ho_ten",
        "dia_danh" => "dia_danh",
        "trich_yeu" => "trich_yeu",
        "kinh_gui" => "kinh_gui[0]",
        "gui" => "noi_nhan.gui[0]",
        _ => "noi_dung",
    }
}

/// The text without white space and zero-width characters: what is seen.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !vanban_core::vo_hinh(*c)).collect()
}

/// Characters people and programs send: Vietnamese letters (composed and not), markup
/// characters, combining marks alone, controls, invisible and bidirectional characters,
/// emoji and other scripts, and anything at all.
fn piece() -> impl Strategy<Value = String> {
    let vietnamese = select(vec!["Nguyễn", "Đức", "Phường", "Ủy", "Thổ", "ỹ", "Quảng", "Bắc", "ươ"]);
    prop_oneof![
        6 => proptest::char::range('a', 'z').prop_map(String::from),
        4 => vietnamese.clone().prop_map(str::to_owned),
        2 => vietnamese.prop_map(|w| w.nfd().collect()),
        3 => select(vec![" ", " ", "  ", "\t", "\n", ".", ",", "-", "/"]).prop_map(str::to_owned),
        2 => select(vec!["#", "$", "[", "]", "\\", "{", "}", "*", "_", "`", "<", ">", "@", "\"", "'", "~", "=", "+++", "\"\"\""])
            .prop_map(str::to_owned),
        1 => proptest::char::range('\u{0300}', '\u{036F}').prop_map(String::from),
        1 => proptest::char::range('\u{0000}', '\u{001F}').prop_map(String::from),
        1 => select(vec!['\u{200E}', '\u{202E}', '\u{2067}', '\u{200B}', '\u{00AD}', '\u{FEFF}', '\u{00A0}', '\u{2028}', '\u{85}'])
            .prop_map(String::from),
        1 => select(vec!['😀', '🎉', '東', 'ש', 'ب', 'Ж', 'λ', '€', '№', '\u{E000}', '\u{FFFD}']).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text(max_pieces: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..max_pieces).prop_map(|p| p.concat())
}

/// Either the value comes back out of the laid-out document (NFC, white space aside), or
/// it is refused with a clear reason: the field's key from the parser, or the character or
/// text the renderer could not print.
fn round_trip(field: &str, value: &str) -> Result<(), TestCaseError> {
    let source = cong_van_with(field, value);
    let van_ban = match vanban_core::parse(&source, DangTep::Toml) {
        Ok(v) => v,
        Err(d) => {
            let keys: Vec<_> = d.iter().map(|d| d.key.as_deref().unwrap_or("")).collect();
            prop_assert!(
                d.iter()
                    .all(|d| d.key.as_deref().is_some_and(|k| k.starts_with(key_of(field)))
                        && d.line.is_some()),
                "{field} = {value:?} refused with {keys:?}:\n{}",
                d.display_with("x.toml")
            );
            return Ok(());
        }
    };
    let layout = match renderer().layout(&van_ban) {
        Ok(l) => l,
        Err(RenderError::MissingGlyph { character, .. }) => {
            prop_assert!(value.nfc().any(|c| c == character), "{character:?} is not in {value:?}");
            return Ok(());
        }
        Err(RenderError::Overflow { text, .. } | RenderError::BangQuaRong { text, .. }) => {
            prop_assert!(!text.is_empty());
            return Ok(());
        }
        Err(e) => return Err(TestCaseError::fail(format!("{field} = {value:?}: {e}"))),
    };
    let m = Measured { pages: layout.pages(), layout, van_ban };
    // Each line, and (for text that wraps) all of them in reading order.
    let mut printed: Vec<String> = match field {
        "noi_dung" => vec![m.body_lines().iter().map(|(_, l)| squeeze(&l.text())).collect()],
        _ => m
            .pages
            .iter()
            .flat_map(|p| lines(p).iter().map(|l| squeeze(&l.text())).collect::<Vec<_>>())
            .collect(),
    };
    if field != "noi_dung" {
        printed.push(printed.concat());
    }
    let expected = match field {
        // The body is Markdown: what it says is the model's text, and all of it is printed.
        "noi_dung" => squeeze(&m.van_ban.noi_dung.plain()),
        // Addressee and recipient lines end with the decree's punctuation, whatever was typed.
        "gui" => squeeze(&m.van_ban.noi_nhan.dong()[0]),
        "kinh_gui" => squeeze(&m.van_ban.kinh_gui().map(|k| k.dong().concat()).unwrap_or_default()),
        // Soft hyphens and byte order marks are dropped.
        _ => squeeze(&value.nfc().filter(|c| !matches!(c, '\u{00AD}' | '\u{FEFF}')).collect::<String>()),
    };
    if expected.chars().any(|c| ('\u{0590}'..='\u{08FF}').contains(&c)) {
        // Right-to-left letters are set in visual order, so the printed line reads them
        // reversed: require every character, in any order.
        prop_assert!(
            printed.iter().any(|l| within(&expected, l)),
            "{field} = {value:?} not printed; lines: {printed:#?}"
        );
    } else if expected.chars().any(vanban_core::dau_ket_hop) {
        // A combining mark the font cannot attach to its letter is set as an item of its
        // own that repeats its cluster's text, so the letter is read twice: require every
        // character in order, marks aside.
        let bare: String = expected.chars().filter(|c| !vanban_core::dau_ket_hop(*c)).collect();
        prop_assert!(
            printed.iter().any(|l| in_order(&bare, l)),
            "{field} = {value:?} not printed; lines: {printed:#?}"
        );
    } else if field == "noi_dung" {
        prop_assert_eq!(&printed[0], &expected);
    } else {
        prop_assert!(
            printed.iter().any(|l| l.contains(&expected)),
            "{field} = {value:?} not printed; lines: {printed:#?}"
        );
    }
    Ok(())
}

/// Whether every character of `needle` occurs in `hay`, as often, in any order.
fn within(needle: &str, hay: &str) -> bool {
    let mut hay: Vec<char> = hay.chars().collect();
    needle.chars().all(|c| match hay.iter().position(|h| *h == c) {
        Some(i) => {
            hay.swap_remove(i);
            true
        }
        None => false,
    })
}

/// Whether every character of `needle` occurs in `hay`, in order.
fn in_order(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle.chars().all(|c| hay.any(|h| h == c))
}

proptest! {
    // A fixed seed: the same cases on every run, so CI is repeatable. VANBAN_PROPTEST_CASES
    // searches further.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("VANBAN_PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        rng_seed: match std::env::var("VANBAN_PROPTEST_SEED").ok().and_then(|s| s.parse().ok()) {
            Some(seed) => proptest::test_runner::RngSeed::Fixed(seed),
            None => proptest::test_runner::RngSeed::Fixed(30_2020),
        },
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_signer_name(v in text(8)) { round_trip("ho_ten", &v)?; }

    #[test]
    fn any_place_name(v in text(6)) { round_trip("dia_danh", &v)?; }

    #[test]
    fn any_trich_yeu(v in text(30)) { round_trip("trich_yeu", &v)?; }

    #[test]
    fn any_addressee(v in text(16)) { round_trip("kinh_gui", &v)?; }

    #[test]
    fn any_recipient(v in text(8)) { round_trip("gui", &v)?; }

    #[test]
    fn any_body(v in text(80)) { round_trip("noi_dung", &v)?; }
}

#[test]
fn documents_at_every_limit_render() {
    let paragraph = "Đoạn văn có vừa đủ bốn mươi ký tự, nhé.\n\n";
    let blocks =
        paragraph.repeat(limits::BODY_BLOCKS.min(limits::BODY_CHARS / paragraph.chars().count()) - 10);
    let recipients: Vec<String> = (0..limits::LIST_ITEMS).map(|i| format!("Đơn vị số {i}")).collect();
    let mut doc = cong_van_with("noi_dung", &blocks);
    doc = doc.replace(
        "kinh_gui = [\"Các xã, thị trấn\"]",
        &format!("kinh_gui = {}", toml::Value::from(recipients.clone())),
    );
    doc = doc.replace("gui = [\"Như trên\"]", &format!("gui = {}", toml::Value::from(recipients)));
    doc = doc.replace(
        "ho_ten = \"Trần Bảo Trung\"",
        &format!("ho_ten = \"{}\"", "Trần Bảo ".repeat(limits::FIELD_CHARS / 9)),
    );
    assert!(doc.len() < limits::FILE_BYTES);
    let m = measure_str(&doc, DangTep::Toml);
    assert!(m.pages.len() > 100, "{} pages", m.pages.len());
    let last = lines(m.pages.last().unwrap()).iter().map(|l| l.text()).collect::<Vec<_>>().join("\n");
    assert!(last.contains("Đơn vị số 499"), "{last}");
}
