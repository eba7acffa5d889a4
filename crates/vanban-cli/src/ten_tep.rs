//! The names `render merge --name` gives the PDFs: a pattern over a row's columns
//! (`"{{ so }}-{{ ho_ten }}"`), made safe for file names on every system.

use minijinja::{Environment, UndefinedBehavior};
use unicode_normalization::UnicodeNormalization;

/// The longest name kept, in characters (file systems allow 255 bytes; Vietnamese letters
/// take up to three).
const MAX_CHARS: usize = 80;

/// A `--name` pattern, compiled once.
pub struct Mau {
    env: Environment<'static>,
}

impl Mau {
    /// Compiles `pattern`.
    ///
    /// # Errors
    /// The pattern's Jinja syntax error, in words.
    pub fn new(pattern: &str) -> Result<Mau, String> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(vanban_core::limits::TEMPLATE_FUEL));
        env.add_template_owned("--name", pattern.to_owned()).map_err(|e| words(&e))?;
        Ok(Mau { env })
    }

    /// The name the pattern gives a row (with `so` when the documents are numbered).
    ///
    /// # Errors
    /// A column the row lacks, or a failing expression, in words.
    pub fn ten(
        &self,
        row: &serde_json::Map<String, serde_json::Value>,
        so: Option<u32>,
    ) -> Result<String, String> {
        let mut row = row.clone();
        if let Some(so) = so {
            row.insert(vanban_core::khoa::SO.ten.to_owned(), so.into());
        }
        self.env
            .get_template("--name")
            .and_then(|t| t.render(minijinja::value::Serde(&row)))
            .map_err(|e| words(&e))
    }
}

fn words(e: &minijinja::Error) -> String {
    e.detail().map_or_else(|| e.kind().to_string(), str::to_owned)
}

/// `raw` as a file name that means the same on Linux, macOS and Windows: Unicode composed
/// (NFC); `/ \ : * ? " < > |` and control characters as `-`; runs of white space as one
/// space; no dot or space at either end; at most [`MAX_CHARS`] characters; a name Windows
/// reserves (`CON`, `NUL`, `COM1` …) prefixed with `_`. `None` when nothing is left.
pub fn an_toan(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut space = false;
    for c in raw.nfc() {
        let c = if c.is_whitespace() {
            ' '
        } else if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
            '-'
        } else {
            c
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    let mut out: String = out.chars().take(MAX_CHARS).collect();
    out = out.trim_matches(|c: char| c == '.' || c.is_whitespace()).to_owned();
    if out.is_empty() {
        return None;
    }
    let base = out.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (base.len() == 4
            && (base.starts_with("COM") || base.starts_with("LPT"))
            && base.as_bytes()[3].is_ascii_digit());
    if reserved {
        out.insert(0, '_');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_on_every_system() {
        assert_eq!(an_toan("15-Nguyễn Văn An").as_deref(), Some("15-Nguyễn Văn An"));
        assert_eq!(an_toan("a/b\\c:d*e?f\"g<h>i|j").as_deref(), Some("a-b-c-d-e-f-g-h-i-j"));
        assert_eq!(an_toan("../../etc/passwd").as_deref(), Some("-..-etc-passwd"));
        assert_eq!(an_toan("  Lê\n\tThị   Bình. ").as_deref(), Some("Lê Thị Bình"));
        assert_eq!(an_toan("CON").as_deref(), Some("_CON"));
        assert_eq!(an_toan("com1.txt").as_deref(), Some("_com1.txt"));
        assert_eq!(an_toan(" . .. "), None);
        assert_eq!(an_toan(&"ă".repeat(500)).map(|s| s.chars().count()), Some(MAX_CHARS));
        // Decomposed input comes out composed.
        assert_eq!(an_toan("Nguye\u{302}\u{303}n").as_deref(), Some("Nguyễn"));
    }

    #[test]
    fn the_pattern_takes_the_row_and_the_number() {
        let row = serde_json::json!({"ho_ten": "Trần Văn Bình", "stt": 3});
        let row = row.as_object().unwrap();
        let mau = Mau::new("{{ so }}-{{ ho_ten }}").unwrap();
        assert_eq!(mau.ten(row, Some(15)).unwrap(), "15-Trần Văn Bình");
        assert!(mau.ten(row, None).unwrap_err().contains("undefined"));
        assert!(Mau::new("{{ ho_ten").is_err());
    }
}
