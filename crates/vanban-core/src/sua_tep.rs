//! Editing a document file in place (sửa tệp): top-level keys set in its text, every other
//! byte kept, comments and layout included. `render cap-so` writes a number with it.
//!
//! - TOML: through `toml_edit`. A replaced value keeps what surrounds it (its trailing
//!   comment); a new key goes after the last top-level key, before the first table.
//! - Markdown: the same, on the front matter between the `+++` lines.
//! - JSON: a replaced value's bytes are spliced; a new property goes first in the object,
//!   after its `{`, indented as the file's first property is.

use thiserror::Error;

use crate::DangTep;

/// A value to set at a top-level key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GiaTriMoi {
    /// An integer (`so = 5`).
    SoNguyen(i64),
    /// A text (`ngay = "2024-03-05"`).
    Chuoi(String),
}

/// Why a document file's text could not be edited.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LoiSuaTep {
    /// The text is not TOML (or the Markdown front matter is not).
    #[error("không đọc được TOML của tệp (cannot read the file's TOML): {0}")]
    Toml(String),
    /// A Markdown file without its `+++` front matter.
    #[error(
        "tệp Markdown không có phần thông tin giữa hai dòng +++ (the Markdown file has no front matter between +++ lines)"
    )]
    KhongCoFrontMatter,
    /// The text is not a JSON object.
    #[error("không đọc được JSON của tệp (cannot read the file's JSON): {0}")]
    Json(String),
    /// The key holds a table, not a value.
    #[error("khóa “{0}” là một bảng, không phải một giá trị (the key “{0}” is a table, not a value)")]
    LaBang(String),
}

/// `text`, a document file of form `dang`, with each of `khoa` set at the top level: the
/// value of a key already there replaced, a key not there added. Only the lines of the keys
/// set change.
///
/// # Errors
///
/// [`LoiSuaTep`] when the text cannot be read in its form, or a key names a table.
pub fn dat_khoa(text: &str, dang: DangTep, khoa: &[(&str, GiaTriMoi)]) -> Result<String, LoiSuaTep> {
    match dang {
        DangTep::Toml => dat_toml(text, khoa),
        DangTep::Markdown => {
            let (dau, front, cuoi) = tach_front_matter(text).ok_or(LoiSuaTep::KhongCoFrontMatter)?;
            let front = dat_toml(front, khoa)?;
            Ok(format!("{dau}{front}{cuoi}"))
        }
        DangTep::Json => khoa.iter().try_fold(text.to_owned(), |t, (k, v)| dat_json(&t, k, v)),
    }
}

/// The TOML `text` with `khoa` set.
fn dat_toml(text: &str, khoa: &[(&str, GiaTriMoi)]) -> Result<String, LoiSuaTep> {
    let mut doc: toml_edit::DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| LoiSuaTep::Toml(e.message().to_owned()))?;
    for (k, v) in khoa {
        let mut moi = match v {
            GiaTriMoi::SoNguyen(n) => toml_edit::Value::from(*n),
            GiaTriMoi::Chuoi(s) => toml_edit::Value::from(s.as_str()),
        };
        match doc.get_mut(k) {
            Some(toml_edit::Item::Value(cu)) => {
                *moi.decor_mut() = cu.decor().clone();
                *cu = moi;
            }
            Some(toml_edit::Item::None) | None => {
                doc.insert(k, toml_edit::Item::Value(moi));
            }
            Some(_) => return Err(LoiSuaTep::LaBang((*k).to_owned())),
        }
    }
    Ok(doc.to_string())
}

/// Splits a Markdown file into the opening `+++` line, the front matter and the rest from
/// the closing `+++` line on; `None` without them.
fn tach_front_matter(text: &str) -> Option<(&str, &str, &str)> {
    let dau = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..dau].trim_start_matches('\u{feff}').trim_end() != "+++" {
        return None;
    }
    let mut at = dau;
    while at < text.len() {
        let het = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        if text[at..het].trim_end() == "+++" {
            return Some((&text[..dau], &text[dau..at], &text[at..]));
        }
        at = het;
    }
    None
}

/// The JSON `text` with `khoa` set to `v` in its top-level object.
fn dat_json(text: &str, khoa: &str, v: &GiaTriMoi) -> Result<String, LoiSuaTep> {
    use jsonc_parser::ast::Value;
    let parsed = jsonc_parser::parse_to_ast(
        text,
        &jsonc_parser::CollectOptions::default(),
        &jsonc_parser::ParseOptions::default(),
    )
    .map_err(|e| LoiSuaTep::Json(e.to_string()))?;
    let Some(Value::Object(object)) = parsed.value else {
        return Err(LoiSuaTep::Json("không phải một đối tượng { … } (not an object { … })".into()));
    };
    let moi = match v {
        GiaTriMoi::SoNguyen(n) => n.to_string(),
        GiaTriMoi::Chuoi(s) => chuoi_json(s),
    };
    if let Some(prop) = object.properties.iter().find(|p| p.name.as_str() == khoa) {
        let r = match &prop.value {
            Value::Object(_) | Value::Array(_) => return Err(LoiSuaTep::LaBang(khoa.to_owned())),
            Value::StringLit(s) => s.range,
            Value::NumberLit(n) => n.range,
            Value::BooleanLit(b) => b.range,
            Value::NullKeyword(n) => n.range,
        };
        return Ok(format!("{}{moi}{}", &text[..r.start], &text[r.end..]));
    }
    let mo = object.range.start + 1;
    let ten = chuoi_json(khoa);
    let chen = match object.properties.first() {
        // The first property's line start and indentation, copied.
        Some(dau) => {
            let dong = text[..dau.range.start].rfind('\n').map_or(mo, |i| i + 1).max(mo);
            let thut = &text[dong..dau.range.start];
            if dong > mo && thut.chars().all(char::is_whitespace) {
                return Ok(format!("{}{thut}{ten}: {moi},\n{}", &text[..dong], &text[dong..]));
            }
            format!(" {ten}: {moi},")
        }
        None => format!(" {ten}: {moi} "),
    };
    Ok(format!("{}{chen}{}", &text[..mo], &text[mo..]))
}

/// `s` as a JSON string, in quotes, escaped.
fn chuoi_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dat(text: &str, dang: DangTep) -> String {
        dat_khoa(
            text,
            dang,
            &[
                (crate::khoa::SO.ten, GiaTriMoi::SoNguyen(7)),
                (crate::khoa::NGAY.ten, GiaTriMoi::Chuoi("2024-03-05".into())),
                (crate::khoa::MA_DANG_KY.ten, GiaTriMoi::Chuoi("UBND-1".into())),
            ],
        )
        .unwrap()
    }

    /// The lines of `a` and `b` that differ, with `b` having `them` more lines.
    fn khac(a: &str, b: &str) -> Vec<String> {
        let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        lb.iter().filter(|l| !la.contains(l)).map(|l| (*l).to_owned()).collect()
    }

    #[test]
    fn toml_keeps_comments_and_sets_only_its_lines() {
        let cu = "# Công văn\nloai = \"cong-van\" # loại\nngay = \"2024\"   # năm thôi\n\n# Cơ quan\n[co_quan]\nten = \"X\"\n";
        let moi = dat(cu, DangTep::Toml);
        assert_eq!(
            moi,
            "# Công văn\nloai = \"cong-van\" # loại\nngay = \"2024-03-05\"   # năm thôi\nso = 7\nma_dang_ky = \"UBND-1\"\n\n# Cơ quan\n[co_quan]\nten = \"X\"\n"
        );
        // Set again: the same text.
        assert_eq!(dat(&moi, DangTep::Toml), moi);
    }

    #[test]
    fn markdown_front_matter_is_edited_the_same() {
        let cu = "+++\nloai = \"cong-van\"\nso = 3 # tay\n[co_quan]\nten = \"X\"\n+++\n\nNội dung.\n";
        let moi = dat(cu, DangTep::Markdown);
        assert_eq!(khac(cu, &moi), ["so = 7 # tay", "ngay = \"2024-03-05\"", "ma_dang_ky = \"UBND-1\""]);
        assert!(moi.ends_with("+++\n\nNội dung.\n"));
        assert!(matches!(dat_khoa("x", DangTep::Markdown, &[]), Err(LoiSuaTep::KhongCoFrontMatter)));
    }

    #[test]
    fn json_values_are_spliced_and_new_keys_indented() {
        let cu = "{\n    \"loai\": \"cong-van\",\n    \"ngay\": \"2024\",\n    \"co_quan\": { \"ten\": \"X\" }\n}\n";
        let moi = dat(cu, DangTep::Json);
        assert_eq!(
            moi,
            "{\n    \"ma_dang_ky\": \"UBND-1\",\n    \"so\": 7,\n    \"loai\": \"cong-van\",\n    \"ngay\": \"2024-03-05\",\n    \"co_quan\": { \"ten\": \"X\" }\n}\n"
        );
        assert_eq!(dat(&moi, DangTep::Json), moi);
        let rong = dat("{}", DangTep::Json);
        let v: serde_json::Value = serde_json::from_str(&rong).unwrap();
        assert_eq!(v[crate::khoa::SO.ten], 7);
        assert_eq!(v[crate::khoa::MA_DANG_KY.ten], "UBND-1");
        assert_eq!(
            dat_khoa("{}", DangTep::Json, &[("a", GiaTriMoi::Chuoi("\"\\\n".into()))]).unwrap(),
            "{ \"a\": \"\\\"\\\\\\n\" }"
        );
        assert!(matches!(
            dat_khoa(cu, DangTep::Json, &[("co_quan", GiaTriMoi::SoNguyen(1))]),
            Err(LoiSuaTep::LaBang(_))
        ));
    }
}
