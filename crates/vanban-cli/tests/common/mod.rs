//! What several test files need: a document file as the JSON value of the same document.
// Each test file uses a part of it.
#![allow(dead_code)]

use std::path::Path;

use serde_json::{Value, json};
use vanban_core::DangTep;

/// A TOML value as JSON: dates and times become strings.
pub fn to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => json!(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => json!(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

/// A TOML text as JSON.
pub fn toml_to_json(text: &str) -> Value {
    let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{e}"));
    to_json(toml::Value::Table(table))
}

/// The JSON twin of a document file's text of form `dang`: the TOML form's keys, or for
/// Markdown the front matter's with the body (the text after the closing `+++` line) as
/// `noi_dung`.
pub fn document_text(text: &str, dang: DangTep) -> Value {
    match dang {
        DangTep::Markdown => {
            let rest = text.strip_prefix("+++\n").expect("front matter");
            let end = rest.find("\n+++\n").expect("end of front matter");
            let mut v = toml_to_json(&rest[..end + 1]);
            assert!(v.get("noi_dung").is_none(), "a .md file with noi_dung");
            v["noi_dung"] = json!(&rest[end + 5..]);
            v
        }
        DangTep::Json => serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}")),
        _ => toml_to_json(text),
    }
}

/// [`document_text`] of the file at `path`.
pub fn document(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    document_text(&text, DangTep::from_path(path))
}
