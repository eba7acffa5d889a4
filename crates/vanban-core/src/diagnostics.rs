//! Problems found in a document file, each with its place.

use std::fmt;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MucDo {
    /// The document cannot be issued as it is; nothing is rendered.
    #[default]
    Loi,
    /// The document can be rendered, but breaks a rule a reviewer would catch.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuyTac {
    /// Stable id, in kebab case (`vv-trong-trich-yeu`).
    pub id: &'static str,
    /// Where the decree says so (`Phụ lục I, II.5.b`).
    pub can_cu: &'static str,
}

/// One problem in a document file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub muc_do: MucDo,
    /// The lint rule that found the problem; `None` for problems of the file's format.
    pub quy_tac: Option<QuyTac>,
    /// For a problem of the file's format, its class as a stable id in kebab case, for
    /// programs and tests rather than the wording ([`ma`] lists them).
    pub ma: Option<&'static str>,
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
    /// The file the problem is in, when it is not the document file being read: a shared
    /// file (`dung_chung`) the document takes keys from, named as reached from the
    /// document's path (`../chung/ubnd-xa.toml`). `None`: the document's own file.
    pub tep: Option<String>,
}

impl Diagnostic {
    /// A problem with no place yet.
    pub fn new(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            muc_do: MucDo::Loi,
            quy_tac: None,
            ma: None,
            line: None,
            column: None,
            key: None,
            message: message.into(),
            hint: None,
            message_en: None,
            hint_en: None,
            source_line: None,
            tep: None,
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

    /// Sets the stable id of the problem's class (one of [`ma`]).
    pub fn ma(mut self, ma: &'static str) -> Diagnostic {
        self.ma = Some(ma);
        self
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

    /// Formats the problem for a person, naming `file` (or the shared file it is in,
    /// [`Diagnostic::tep`], followed by a line naming `file`):
    ///
    /// ```text
    /// cong-van.toml:7:1: lỗi: khóa “trich_yue” không có trong văn bản
    ///   |
    /// 7 | trich_yue = "…"
    ///   | ^
    ///   gợi ý: có phải ý bạn là “trich_yeu”?
    /// ```
    pub fn display_with(&self, file: &str) -> String {
        self.display_in(file, NgonNgu::Vi)
    }

    /// As [`Diagnostic::display_with`], in `ngon_ngu`; a lint rule's id follows the
    /// severity (`cảnh báo[vv-trong-trich-yeu]`) and its provision ends the text.
    pub fn display_in(&self, file: &str, ngon_ngu: NgonNgu) -> String {
        let en = ngon_ngu == NgonNgu::En;
        let mut out = String::from(self.tep.as_deref().unwrap_or(file));
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
            out.push('\n');
            out.push_str(&snippet(self.muc_do, line, text, self.column));
        }
        if self.tep.as_deref().is_some_and(|tep| tep != file) {
            out.push_str(&if en {
                format!("\n  note: read for the document {file}, which takes keys from this shared file")
            } else {
                format!("\n  ghi chú: khi đọc văn bản {file}, văn bản lấy khóa từ tệp dùng chung này")
            });
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

/// Source line `text`, line `line` of its file, as [`annotate_snippets`] draws it: a
/// gutter with the line number and, when there is a column (from 1, in characters), a
/// caret under the character there. A long line is cut around the caret.
fn snippet(muc_do: MucDo, line: usize, text: &str, column: Option<usize>) -> String {
    // Annotate-snippets cuts a long line by its width on screen; characters that take no
    // room (combining marks) would let a line of any length through, so it is given at
    // most `WINDOW` characters either side of the column.
    let chars: Vec<char> = text.chars().collect();
    let at = column.map_or(0, |c| c.saturating_sub(1)).min(chars.len());
    let (start, end) = (at.saturating_sub(WINDOW), (at + WINDOW).min(chars.len()));
    let mut shown = String::from(if start > 0 { "..." } else { "" });
    let mut caret = shown.len()..shown.len();
    for (i, &c) in chars[start..end].iter().enumerate() {
        // A control or bidirectional character would disturb the terminal that shows the
        // line, and a zero-width one would not be seen under the caret that points at it.
        let c = if (c.is_control() && c != '\t') || crate::text::an_hien_thi(c) || crate::text::dinh_chu(c) {
            '\u{FFFD}'
        } else {
            c
        };
        if start + i == at {
            caret = shown.len()..shown.len() + c.len_utf8();
        } else if start + i < at {
            // A column past the end of the line points just after it.
            caret = shown.len() + c.len_utf8()..shown.len() + c.len_utf8();
        }
        shown.push(c);
    }
    if end < chars.len() {
        shown.push_str("...");
    }
    let annotation = match column {
        Some(_) => AnnotationKind::Primary.span(caret),
        None => AnnotationKind::Visible.span(0..shown.len()),
    };
    let level = match muc_do {
        MucDo::Loi => Level::ERROR,
        MucDo::CanhBao => Level::WARNING,
    };
    let report =
        [Group::with_level(level).element(Snippet::source(&shown).line_start(line).annotation(annotation))];
    let mut drawn = Renderer::plain().render(&report);
    // Without a caret the last line is an empty gutter.
    if let Some((head, last)) = drawn.rsplit_once('\n')
        && last.chars().all(|c| c == ' ' || c == '|')
    {
        drawn.truncate(head.len());
    }
    drawn
}

/// How many characters of a source line, either side of the column, go to annotate-snippets.
const WINDOW: usize = 150;

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(tep) = &self.tep {
            write!(f, "{tep}:")?;
            if self.line.is_none() {
                f.write_str(" ")?;
            }
        }
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
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Maps byte offsets of a text to lines and columns. The text may be made of several files
/// one after the other (a document and the shared files it takes keys from): lines are then
/// counted from the start of the file an offset is in, and a problem placed there names it.
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The files `text` is made of, in order, each from where it starts to where the next
    /// one starts; the first starts at 0.
    phan: Vec<PhanTep>,
}

/// One file of the text a [`LineIndex`] indexes.
#[derive(Debug)]
struct PhanTep {
    /// Where it starts in the text (the start of a line).
    bat_dau: usize,
    /// The index in `starts` of its first line.
    dong_dau: usize,
    /// Its name, for [`Diagnostic::tep`]; `None` for the document being read.
    ten: Option<String>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        LineIndex::voi_tep(text, Vec::new())
    }

    /// The index of `text`, the whole text of the shared file named `ten`.
    pub(crate) fn cua_tep(text: &'a str, ten: Option<String>) -> LineIndex<'a> {
        let mut index = LineIndex::new(text);
        index.phan[0].ten = ten;
        index
    }

    /// The index of `text`, a document followed by shared files: `tep` gives where each
    /// shared file starts (the start of a line, in order) and its name.
    pub(crate) fn voi_tep(text: &'a str, tep: Vec<(usize, String)>) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut phan = vec![PhanTep { bat_dau: 0, dong_dau: 0, ten: None }];
        for (bat_dau, ten) in tep {
            let dong_dau = starts.partition_point(|&s| s < bat_dau);
            phan.push(PhanTep { bat_dau, dong_dau, ten: Some(ten) });
        }
        LineIndex { text, starts, phan }
    }

    /// The text indexed.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The file byte `offset` is in.
    fn phan_cua(&self, offset: usize) -> &PhanTep {
        let i = self.phan.partition_point(|p| p.bat_dau <= offset).max(1);
        &self.phan[i - 1]
    }

    /// Line in the whole text (from 1) and column (from 1, in characters) of a byte offset.
    fn position_in_text(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self.text.get(start..offset).map(|s| s.chars().count()).unwrap_or(0) + 1;
        (line, col)
    }

    /// Line (from 1, in the file the offset is in) and column (from 1, in characters) of a
    /// byte offset.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let (line, col) = self.position_in_text(offset);
        let offset = offset.min(self.text.len());
        (line - self.phan_cua(offset).dong_dau, col)
    }

    /// The text of line `line` (from 1) of the whole text, without its line break.
    fn line_text(&self, line: usize) -> Option<String> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).map(|e| e - 1).unwrap_or(self.text.len());
        self.text.get(start..end).map(|s| s.trim_end_matches('\r').to_owned())
    }

    /// Places `d` at byte `offset`, in the file that byte is in.
    pub(crate) fn place(&self, mut d: Diagnostic, offset: usize) -> Diagnostic {
        let (line, col) = self.position_in_text(offset);
        let phan = self.phan_cua(offset.min(self.text.len()));
        d.line = Some(line - phan.dong_dau);
        d.column = Some(col);
        d.source_line = self.line_text(line);
        d.tep = phan.ten.clone();
        d
    }
}

/// The stable ids of the classes of problems of a file's format ([`Diagnostic::ma`]).
pub mod ma {
    /// The file is not text in UTF-8.
    pub const MA_HOA: &str = "ma-hoa";
    /// The TOML, JSON or front matter cannot be read.
    pub const CU_PHAP: &str = "cu-phap";
    /// A key the document file does not have.
    pub const KHOA_LA: &str = "khoa-la";
    /// A key the document's type requires is missing.
    pub const THIEU_KHOA: &str = "thieu-khoa";
    /// A key the document's type does not take.
    pub const KHONG_CUA_LOAI: &str = "khong-cua-loai";
    /// A value of the wrong kind (a number for a text, a text for a table).
    pub const SAI_KIEU: &str = "sai-kieu";
    /// A value of the right kind that is not allowed (a date that does not exist, an
    /// unknown type, a ký hiệu with spaces, an invisible character).
    pub const GIA_TRI: &str = "gia-tri";
    /// More than a limit allows (items of a list, characters of a body, bytes of a file,
    /// shared files and their depth).
    pub const QUA_GIOI_HAN: &str = "qua-gioi-han";
    /// A shared file (`dung_chung`) that cannot be read: missing, unreadable, not a file.
    pub const KHONG_DOC_DUOC: &str = "khong-doc-duoc";
    /// A shared file outside the directory tree its document may take files from: an
    /// absolute path, `..` above the tree, a symbolic link out of it.
    pub const NGOAI_GOC: &str = "ngoai-goc";
    /// Shared files that name each other in a circle.
    pub const VONG_LAP: &str = "vong-lap";
    /// Shared files named in a document read from text alone, without its path to find them
    /// from (standard input, [`parse`](crate::parse)).
    pub const CAN_DUONG_DAN: &str = "can-duong-dan";
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

    /// The snippet under the first line of `d`'s display.
    fn snippet_of(d: &Diagnostic) -> String {
        d.display_with("a.toml").split_once('\n').unwrap().1.to_owned()
    }

    #[test]
    fn the_snippet_is_drawn_by_annotate_snippets() {
        let idx = LineIndex::new("loai = \"x\"\ntrich_yue = 1\n");
        let d = idx.place(Diagnostic::new("khóa lạ").with_hint("có phải ý bạn là “trich_yeu”?"), 11);
        assert_eq!(
            d.display_with("a.toml"),
            "a.toml:2:1: lỗi: khóa lạ\n  |\n2 | trich_yue = 1\n  | ^\n  gợi ý: có phải ý bạn là “trich_yeu”?"
        );
        let d = Diagnostic { column: None, ..d };
        assert_eq!(snippet_of(&d), "  |\n2 | trich_yue = 1\n  gợi ý: có phải ý bạn là “trich_yeu”?");
    }

    #[test]
    fn a_tab_before_the_column_moves_the_caret_as_far_as_it_moves_the_text() {
        let idx = LineIndex::new("ten = \"\tHà Nội\"\n");
        let d = idx.place(Diagnostic::new("tab"), "ten = \"\t".len());
        assert_eq!(snippet_of(&d), format!("  |\n1 | ten = \"    Hà Nội\"\n  | {}^", " ".repeat(11)));
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let idx = LineIndex::new("ten = \"中文字符\" x\n");
        let d = idx.place(Diagnostic::new("rộng"), "ten = \"中文".len());
        assert_eq!(snippet_of(&d), format!("  |\n1 | ten = \"中文字符\" x\n  | {}^^", " ".repeat(11)));
        let d = idx.place(Diagnostic::new("sau"), "ten = \"中文字符\" ".len());
        assert_eq!(snippet_of(&d), format!("  |\n1 | ten = \"中文字符\" x\n  | {}^", " ".repeat(17)));
    }

    #[test]
    fn combining_marks_take_no_column() {
        // “Hòa” typed decomposed: the grave accent is a character of its own.
        let idx = LineIndex::new("ten = \"Ho\u{0300}a\"\n");
        let d = idx.place(Diagnostic::new("tổ hợp"), "ten = \"Ho\u{0300}".len());
        assert_eq!(d.column, Some(11));
        assert_eq!(snippet_of(&d), format!("  |\n1 | ten = \"Ho\u{0300}a\"\n  | {}^", " ".repeat(9)));
    }

    #[test]
    fn a_long_line_is_cut_around_the_caret() {
        let line = format!("x = \"{}Z{}\"", "a".repeat(385), "b".repeat(8));
        assert_eq!(line.chars().count(), 400);
        let idx = LineIndex::new(&line);
        let d = idx.place(Diagnostic::new("dài"), line.find('Z').unwrap());
        let s = d.display_with("a.toml");
        let shown: Vec<&str> = s.lines().collect();
        assert_eq!(shown.len(), 4, "{s}");
        assert!(s.len() < 400, "{s}");
        let text = shown[2].split_once("| ").unwrap().1;
        let caret = shown[3].split_once("| ").unwrap().1;
        assert!(text.starts_with("...") && text.ends_with("bbbbbbbb\""), "{text}");
        // The caret stands under the Z.
        assert_eq!(caret.trim_start(), "^");
        assert_eq!(text.chars().nth(caret.len() - 1), Some('Z'), "{s}");
    }

    #[test]
    fn a_very_long_line_is_cut_on_both_sides() {
        let line = format!("x = {}{}", "[".repeat(5000), "]".repeat(5000));
        let idx = LineIndex::new(&line);
        let d = idx.place(Diagnostic::new("quá sâu"), 3000);
        let s = d.display_with("a.toml");
        let shown: Vec<&str> = s.lines().collect();
        assert!(s.len() < 600, "{s}");
        let text = shown[2].split_once("| ").unwrap().1;
        let caret = shown[3].split_once("| ").unwrap().1;
        assert!(text.starts_with("...") && text.ends_with("..."), "{text}");
        assert_eq!(caret.trim_start(), "^");
        assert_eq!(text.chars().nth(caret.len() - 1), line.chars().nth(3000));
    }

    #[test]
    fn a_line_of_marks_that_take_no_room_is_cut_all_the_same() {
        let line = format!("x = \"a{}\"", "\u{0301}".repeat(5000));
        let idx = LineIndex::new(&line);
        let d = idx.place(Diagnostic::new("dấu"), "x = \"a".len() + 2 * 3000);
        let s = snippet_of(&d);
        assert!(s.len() < 1000, "{} bytes", s.len());
        let text = s.lines().nth(1).unwrap();
        assert!(text.starts_with("1 | ...\u{0301}") && text.ends_with("\u{0301}..."), "{text}");
        assert_eq!(text.chars().count(), "1 | ".len() + 3 + 2 * WINDOW + 3);
        assert!(s.ends_with('^'), "{s}");
        let d = idx.place(Diagnostic::new("dấu"), "x = \"".len());
        let text = snippet_of(&d).lines().nth(1).unwrap().to_owned();
        assert!(text.starts_with("1 | x = \"a\u{0301}") && text.ends_with("\u{0301}..."), "{text}");
    }

    #[test]
    fn an_invisible_character_is_shown_where_the_caret_points() {
        let idx = LineIndex::new("dia_danh = \"Phong\u{200B}Thổ\"\n");
        let d = idx.place(Diagnostic::new("vô hình"), "dia_danh = \"Phong".len());
        let pad = " ".repeat("dia_danh = \"Phong".len());
        assert_eq!(snippet_of(&d), format!("  |\n1 | dia_danh = \"Phong\u{FFFD}Thổ\"\n  | {pad}^"));
    }

    #[test]
    fn a_bidirectional_control_is_not_shown_raw() {
        // A right-to-left override would turn the rest of the terminal line around.
        let idx = LineIndex::new("so = \"12\u{202E}34\u{2066}5\"\n");
        let d = idx.place(Diagnostic::new("hai chiều"), "so = \"12".len());
        let s = d.display_with("a.toml");
        assert!(!s.contains('\u{202E}') && !s.contains('\u{2066}'), "{s:?}");
        assert_eq!(snippet_of(&d), "  |\n1 | so = \"12\u{FFFD}34\u{FFFD}5\"\n  |         ^");
    }

    #[test]
    fn control_characters_and_a_column_past_the_end_are_safe() {
        let d = Diagnostic {
            line: Some(3),
            column: Some(40),
            source_line: Some("a\u{1b}[31mb\r\nc".to_owned()),
            ..Diagnostic::new("điều khiển")
        };
        assert_eq!(
            snippet_of(&d),
            format!("  |\n3 | a\u{FFFD}[31mb\u{FFFD}\u{FFFD}c\n  | {}^", " ".repeat(10))
        );
        let d = Diagnostic { source_line: Some(String::new()), column: Some(1), ..d };
        assert_eq!(snippet_of(&d), "  |\n3 |\n  | ^");
    }

    #[test]
    fn english_display_keeps_its_words() {
        let idx = LineIndex::new("trich_yue = 1\n");
        let d = idx.place(
            Diagnostic::loi(QuyTac { id: "khoa-la", can_cu: "Điều 8" }, "khóa lạ")
                .en("unknown key")
                .with_hint("xem lại")
                .hint_en("check it")
                .with_key("trich_yue"),
            0,
        );
        assert_eq!(
            d.display_in("a.toml", NgonNgu::En),
            "a.toml:1:1: error[khoa-la]: unknown key (key `trich_yue`)\n  |\n1 | trich_yue = 1\n  | ^\n  \
             help: check it\n  rule: Nghị định 30/2020/NĐ-CP, Điều 8"
        );
        let d = Diagnostic { line: None, column: None, source_line: None, ..d };
        assert_eq!(
            d.display_in("a.toml", NgonNgu::Vi),
            "a.toml: lỗi[khoa-la]: khóa lạ (khóa `trich_yue`)\n  gợi ý: xem lại\n  căn cứ: Nghị định 30/2020/NĐ-CP, Điều 8"
        );
    }
}
