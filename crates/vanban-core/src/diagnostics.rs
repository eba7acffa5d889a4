//! Problems found in a document file, each with its place.

use std::fmt;

use serde::Serialize;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MucDo {
    /// The document cannot be issued as it is; nothing is rendered.
    #[default]
    #[serde(rename = "error")]
    Loi,
    /// The document can be rendered, but breaks a rule a reviewer would catch.
    #[serde(rename = "warning")]
    CanhBao,
}

impl MucDo {
    /// The word shown before the message.
    pub fn ten(self, ngon_ngu: NgonNgu) -> &'static str {
        match (self, ngon_ngu) {
            (MucDo::Loi, NgonNgu::Vi) => "lỗi",
            (MucDo::CanhBao, NgonNgu::Vi) => "cảnh báo",
            (MucDo::Loi, NgonNgu::En) => "error",
            (MucDo::CanhBao, NgonNgu::En) => "warning",
        }
    }
}

/// The language problems are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NgonNgu {
    /// Vietnamese, the default: the language of the people who write document files.
    #[default]
    Vi,
    /// English.
    En,
}

/// A lint rule: a stable id and the provision of the decree it applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuyTac {
    /// Stable id, in kebab case (`vv-trong-trich-yeu`).
    pub id: &'static str,
    /// Where the decree says so (`Phụ lục I, II.5.b`).
    pub can_cu: &'static str,
}

/// One problem in a document file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    #[serde(rename = "severity")]
    pub muc_do: MucDo,
    /// The lint rule that found the problem; `None` for problems of the file's format.
    #[serde(rename = "rule")]
    pub quy_tac: Option<QuyTac>,
    /// Line in the file, from 1.
    pub line: Option<usize>,
    /// Column in the file, from 1, counted in characters.
    pub column: Option<usize>,
    /// The key the problem is about, as a path (`nguoi_ky.quyen_han[0]`).
    pub key: Option<String>,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// What to do about it, when there is something useful to say.
    pub hint: Option<String>,
    /// [`Diagnostic::message`] in English.
    pub message_en: Option<String>,
    /// [`Diagnostic::hint`] in English.
    pub hint_en: Option<String>,
    /// The text of the offending line, to show under the message.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A problem with no place yet.
    pub fn new(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            muc_do: MucDo::Loi,
            quy_tac: None,
            line: None,
            column: None,
            key: None,
            message: message.into(),
            hint: None,
            message_en: None,
            hint_en: None,
            source_line: None,
        }
    }

    /// A warning found by lint rule `quy_tac`.
    pub fn canh_bao(quy_tac: QuyTac, message: impl Into<String>) -> Diagnostic {
        Diagnostic { muc_do: MucDo::CanhBao, quy_tac: Some(quy_tac), ..Diagnostic::new(message) }
    }

    /// An error found by lint rule `quy_tac`.
    pub fn loi(quy_tac: QuyTac, message: impl Into<String>) -> Diagnostic {
        Diagnostic { quy_tac: Some(quy_tac), ..Diagnostic::new(message) }
    }

    /// Adds the message in English.
    pub fn en(mut self, message: impl Into<String>) -> Diagnostic {
        self.message_en = Some(message.into());
        self
    }

    /// Adds the hint in English.
    pub fn hint_en(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint_en = Some(hint.into());
        self
    }

    /// The message in `ngon_ngu` (Vietnamese when there is no translation).
    pub fn message_in(&self, ngon_ngu: NgonNgu) -> &str {
        match (ngon_ngu, &self.message_en) {
            (NgonNgu::En, Some(en)) => en,
            _ => &self.message,
        }
    }

    /// The hint in `ngon_ngu` (Vietnamese when there is no translation).
    pub fn hint_in(&self, ngon_ngu: NgonNgu) -> Option<&str> {
        match (ngon_ngu, &self.hint_en) {
            (NgonNgu::En, Some(en)) if self.hint.is_some() => Some(en),
            _ => self.hint.as_deref(),
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Places the problem at byte `offset` of `source`, the text of the file it is in: its
    /// line, column and source line. For problems found after parsing, such as text the
    /// renderer cannot print.
    pub fn placed_in(self, source: &str, offset: usize) -> Diagnostic {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        LineIndex::new(source).place(self, offset.min(source.len()))
    }

    /// Adds the key path.
    pub fn with_key(mut self, key: impl Into<String>) -> Diagnostic {
        self.key = Some(key.into());
        self
    }

    /// Formats the problem for a person, naming `file`:
    ///
    /// ```text
    /// cong-van.toml:7:1: lỗi: khóa “trich_yue” không có trong văn bản
    ///     |
    ///   7 | trich_yue = "…"
    ///     | ^
    ///   gợi ý: có phải ý bạn là “trich_yeu”?
    /// ```
    pub fn display_with(&self, file: &str) -> String {
        self.display_in(file, NgonNgu::Vi)
    }

    /// As [`Diagnostic::display_with`], in `ngon_ngu`; a lint rule's id follows the
    /// severity (`cảnh báo[vv-trong-trich-yeu]`) and its provision ends the text.
    pub fn display_in(&self, file: &str, ngon_ngu: NgonNgu) -> String {
        let en = ngon_ngu == NgonNgu::En;
        let mut out = String::from(file);
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                out.push_str(&format!(":{col}"));
            }
        }
        out.push_str(": ");
        out.push_str(self.muc_do.ten(ngon_ngu));
        if let Some(q) = &self.quy_tac {
            out.push_str(&format!("[{}]", q.id));
        }
        out.push_str(": ");
        out.push_str(self.message_in(ngon_ngu));
        if let Some(key) = &self.key {
            out.push_str(&if en { format!(" (key `{key}`)") } else { format!(" (khóa `{key}`)") });
        }
        if let (Some(line), Some(text)) = (self.line, &self.source_line) {
            let n = line.to_string();
            let pad = " ".repeat(n.len());
            let (shown, caret) = window(text, self.column.unwrap_or(1).saturating_sub(1));
            out.push_str(&format!("\n {pad} |\n {n} | {shown}"));
            if self.column.is_some() {
                out.push_str(&format!("\n {pad} | {caret}^"));
            }
        }
        if let Some(hint) = self.hint_in(ngon_ngu) {
            out.push_str(&if en { format!("\n  help: {hint}") } else { format!("\n  gợi ý: {hint}") });
        }
        if let Some(q) = &self.quy_tac {
            let label = if en { "rule" } else { "căn cứ" };
            out.push_str(&format!("\n  {label}: Nghị định 30/2020/NĐ-CP, {}", q.can_cu));
        }
        out
    }
}

/// At most [`WINDOW`] characters of a source line around the character at `col` (from 0),
/// control characters shown as `�`, and the white space that puts a caret under it.
fn window(text: &str, col: usize) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let start = if col > WINDOW / 2 { (col - WINDOW / 2).min(chars.len().saturating_sub(WINDOW)) } else { 0 };
    let end = (start + WINDOW).min(chars.len());
    let mut shown = String::new();
    let mut caret = String::new();
    if start > 0 {
        shown.push('…');
        caret.push(' ');
    }
    // A control or bidirectional character would disturb the terminal that shows the line,
    // and a zero-width one would not be seen under the caret that points at it.
    shown.extend(chars[start..end].iter().map(|&c| {
        if (c.is_control() && c != '\t') || crate::text::an_hien_thi(c) || crate::text::dinh_chu(c) {
            '\u{FFFD}'
        } else {
            c
        }
    }));
    if end < chars.len() {
        shown.push('…');
    }
    caret.extend(chars[start..col.clamp(start, end)].iter().map(|&c| if c == '\t' { '\t' } else { ' ' }));
    (shown, caret)
}

/// How many characters of a long source line are shown.
const WINDOW: usize = 100;

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{l}:{c}: {}", self.message)?,
            (Some(l), None) => write!(f, "{l}: {}", self.message)?,
            _ => f.write_str(&self.message)?,
        }
        if let Some(key) = &self.key {
            write!(f, " (khóa `{key}`)")?;
        }
        Ok(())
    }
}

/// Every problem found in one document file. A file with problems never becomes a
/// [`VanBan`](crate::VanBan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Formats every problem for a person, naming `file` (see [`Diagnostic::display_with`]).
    pub fn display_with(&self, file: &str) -> String {
        self.display_in(file, NgonNgu::Vi)
    }

    /// As [`Diagnostics::display_with`], in `ngon_ngu`.
    pub fn display_in(&self, file: &str, ngon_ngu: NgonNgu) -> String {
        self.0.iter().map(|d| d.display_in(file, ngon_ngu)).collect::<Vec<_>>().join("\n")
    }

    /// The problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Maps byte offsets of a text to lines and columns.
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The text indexed.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// Line (from 1) and column (from 1, in characters) of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self.text.get(start..offset).map(|s| s.chars().count()).unwrap_or(0) + 1;
        (line, col)
    }

    /// The text of line `line` (from 1), without its line break.
    pub(crate) fn line_text(&self, line: usize) -> Option<String> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map(|e| e - 1).unwrap_or(self.text.len());
        self.text.get(start..end).map(|s| s.trim_end_matches('\r').to_owned())
    }

    /// Places `d` at byte `offset`.
    pub(crate) fn place(&self, mut d: Diagnostic, offset: usize) -> Diagnostic {
        let (line, col) = self.position(offset);
        d.line = Some(line);
        d.column = Some(col);
        d.source_line = self.line_text(line);
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let idx = LineIndex::new("ab\nđc = 1\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        // "đ" is two bytes.
        assert_eq!(idx.position(5), (2, 2));
        assert_eq!(idx.line_text(2).as_deref(), Some("đc = 1"));
    }

    #[test]
    fn display_shows_the_line_and_a_marker() {
        let idx = LineIndex::new("loai = \"x\"\ntrich_yue = 1\n");
        let d = idx.place(Diagnostic::new("khóa lạ").with_hint("có phải ý bạn là “trich_yeu”?"), 11);
        let s = d.display_with("a.toml");
        assert!(s.starts_with("a.toml:2:1: lỗi: khóa lạ"), "{s}");
        assert!(s.contains("2 | trich_yue = 1"), "{s}");
        assert!(s.contains("gợi ý: có phải ý bạn là “trich_yeu”?"), "{s}");
    }

    #[test]
    fn an_invisible_character_is_shown_where_the_caret_points() {
        let idx = LineIndex::new("dia_danh = \"Phong\u{200B}Thổ\"\n");
        let d = idx.place(Diagnostic::new("vô hình"), "dia_danh = \"Phong".len());
        let s = d.display_with("a.toml");
        assert!(s.contains("1 | dia_danh = \"Phong\u{FFFD}Thổ\""), "{s}");
        assert!(s.contains(&format!("| {}^", " ".repeat("dia_danh = \"Phong".len()))), "{s}");
    }

    #[test]
    fn a_long_line_is_shown_around_the_column() {
        let line = format!("x = {}{}", "[".repeat(5000), "]".repeat(5000));
        let idx = LineIndex::new(&line);
        let d = idx.place(Diagnostic::new("quá sâu"), 3000);
        let s = d.display_with("a.toml");
        let shown: Vec<&str> = s.lines().collect();
        assert!(s.len() < 600, "{s}");
        let text = shown[2].split_once("| ").unwrap().1;
        let caret = shown[3].split_once("| ").unwrap().1;
        assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
        // The caret stands under the character at column 3001.
        assert_eq!(caret.chars().count() - 1, 1 + WINDOW / 2);
        assert_eq!(text.chars().nth(caret.chars().count() - 1), line.chars().nth(3000));
    }
}
