//! Where `render` places a problem the layout finds: from the positions the reader kept, in
//! the value that holds it, never in a comment that happens to hold the same text.

use std::path::PathBuf;

mod common;

fn example(name: &str) -> PathBuf {
    common::repo("examples").join(name)
}

/// Renders `text` written to `name` in a new directory: the status and what it printed on
/// standard error.
fn render(name: &str, text: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, text).unwrap();
    let out = common::render().arg(&file).output().unwrap();
    (out.status.code(), common::stderr(&out))
}

/// The line (from 1) of the first line of `text` that starts with `start`.
fn line_of(text: &str, start: &str) -> usize {
    text.lines().position(|l| l.starts_with(start)).unwrap_or_else(|| panic!("no line “{start}”")) + 1
}

#[test]
fn a_character_the_fonts_lack_is_placed_in_its_field_not_in_a_comment() {
    let base = std::fs::read_to_string(example("cong-van.toml")).unwrap();
    let text = format!("# Không dùng ký tự 🎉 trong văn bản.\n{base}").replacen(
        "trich_yeu = \"",
        "trich_yeu = \"🎉 ",
        1,
    );
    let (code, err) = render("cv.toml", &text);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("U+1F389"), "{err}");
    let line = line_of(&text, "trich_yeu");
    assert!(err.contains(&format!("cv.toml:{line}:")), "not on trich_yeu (line {line}): {err}");
    assert!(err.contains("`trich_yeu`"), "the key is not named: {err}");
}

#[test]
fn a_character_in_a_markdown_body_is_placed_in_the_body() {
    let base = std::fs::read_to_string(example("ke-hoach.md")).unwrap();
    let text = base.replacen("# Bản dự thảo", "# Bản dự thảo (không dùng 🎉)", 1).replacen(
        "Căn cứ Kế hoạch",
        "Căn cứ 🎉 Kế hoạch",
        1,
    );
    let (code, err) = render("kh.md", &text);
    assert_eq!(code, Some(1), "{err}");
    let line = line_of(&text, "Căn cứ 🎉");
    assert!(err.contains(&format!("kh.md:{line}:")), "not in the body (line {line}): {err}");
    assert!(err.contains("`nội dung`"), "the body is not named: {err}");
}

#[test]
fn a_word_too_long_is_placed_in_the_body_not_in_a_comment() {
    let long = "kếtquảtriểnkhaithựchiệnphongtràothiđuađẩymạnhpháttriểnkếtcấuhạtầngđồngbộhiệnđạitiếtkiệm";
    let base = std::fs::read_to_string(example("cong-van.toml")).unwrap();
    let text = format!("# Từ quá dài: {long}\n{base}").replacen(
        "4. Báo cáo kết quả",
        &format!("4. Báo cáo {long} kết quả"),
        1,
    );
    let (code, err) = render("cv.toml", &text);
    assert_eq!(code, Some(1), "{err}");
    let line = line_of(&text, "4. Báo cáo");
    assert!(err.contains(&format!("cv.toml:{line}:")), "not in the body (line {line}): {err}");
    assert!(err.contains("`noi_dung`"), "the key is not named: {err}");
}

#[test]
fn an_image_is_placed_on_its_key_not_on_a_comment_naming_the_file() {
    let base = std::fs::read_to_string(example("cong-van.toml")).unwrap();
    let text = format!("# Ảnh chữ ký: chu-ky.png (gửi sau).\n{base}\n[ky_so]\nchu_ky = \"chu-ky.png\"\n");
    let (code, err) = render("cv.toml", &text);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("ky_so.chu_ky") && err.contains("chu-ky.png"), "{err}");
    let line = line_of(&text, "chu_ky =");
    assert!(err.contains(&format!("cv.toml:{line}:")), "not on chu_ky (line {line}): {err}");
}
