//! What several test files need: the `render` command and what it printed, the repository's
//! files, and a document file as the JSON value of the same document.
// Each test file uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};
use vanban_core::DangTep;

/// The `render` command of this build.
pub fn render() -> Command {
    Command::new(env!("CARGO_BIN_EXE_render"))
}

/// `path` from the repository's root.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

/// What a run printed on standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What a run printed on standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The example công văn copied into `dir` as `name`.
pub fn cong_van(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(repo("examples/cong-van.toml"), &path).unwrap();
    path
}

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
