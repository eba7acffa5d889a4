//! The JSON form of a document file (`name.json`): the keys and nesting of the TOML form
//! (tables are objects, `[[phu_luc]]` is a list of objects), the body in `noi_dung`.
//!
//! The text is parsed by `jsonc-parser` held to strict JSON (no comments, no trailing commas,
//! no single quotes, no JSON5 numbers or escapes), then turned into the spanned table the
//! TOML reader makes, every key and value carrying its byte range in the JSON text. The
//! fields are then checked by the same code as the TOML form
//! ([`read_table`](super::fields::read_table)), so every problem is worded alike and placed
//! on its line and column of the JSON file; a problem inside the body (`noi_dung`, a string
//! whose escapes such as `\n` make the text longer than the value) is placed where it is
//! written, the escapes counted back (`fields::trong_chuoi`).

use std::collections::HashMap;
use std::ops::Range;

use jsonc_parser::ast::{self, ObjectPropName};
use jsonc_parser::errors::{ParseError, ParseErrorKind};
use jsonc_parser::{CollectOptions, ParseOptions, ParseStringErrorKind};
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diagnostics::{Diagnostic, LineIndex};
use crate::text::ngan;

/// How deep objects and lists may nest: far more than a document needs (three levels), few
/// enough that a hostile file costs nothing.
const SAU_NHAT: usize = 64;

/// The JSON text (without a byte-order mark) as the spanned table the TOML reader makes, for
/// [`read_table`](super::fields::read_table) and the [`ViTri`](super::ViTri), or every problem
/// found in it (one for a syntax error or a JSON Schema; every null, key given twice and raw
/// control character otherwise), placed with `index`, which indexes the same text.
pub(super) fn bang<'i>(
    text: &'i str,
    index: &LineIndex<'_>,
) -> Result<Spanned<DeTable<'i>>, Vec<Diagnostic>> {
    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed = match jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict) {
        Ok(p) => p,
        Err(e) => {
            let (at, loi) = cu_phap(text, &e);
            return Err(vec![index.place(loi.chan_doan(), at)]);
        }
    };
    let object = match parsed.value {
        Some(ast::Value::Object(o)) => o,
        other => {
            let at = other.as_ref().map_or(0, |v| ast_range(v).start);
            let loi = Loi::new(
                "tệp JSON của văn bản phải là một đối tượng { … } chứa các khóa của văn bản",
                "the JSON file of a document must be one object { … } holding the document's keys",
                "viết {\"loai\": \"cong-van\", \"dia_danh\": \"…\", …}; render new cong-van cho một mẫu dạng TOML có cùng các khóa",
                "write {\"loai\": \"cong-van\", \"dia_danh\": \"…\", …}; render new cong-van gives a TOML skeleton with the same keys",
            );
            return Err(vec![index.place(loi.chan_doan(), at)]);
        }
    };
    let range = object.range.start..object.range.end;
    if let Some(d) = la_luoc_do(&object) {
        return Err(vec![index.place(d, range.start)]);
    }
    let mut doi = Doi { text, index, loi: Vec::new(), qua_sau: false };
    let table = doi.doi_tuong(object, "", 1);
    if doi.loi.is_empty() { Ok(Spanned::new(range, table)) } else { Err(doi.loi) }
}

/// The key naming the JSON Schema a file follows, for editors.
pub(crate) const LUOC_DO: &str = "$schema";

/// A JSON Schema rather than a document (`render schema > vanban.schema.json` puts one beside
/// the documents): a top level with `$schema` and no `loai`.
fn la_luoc_do(top: &ast::Object<'_>) -> Option<Diagnostic> {
    let has = |key: &str| top.properties.iter().any(|p| p.name.as_str() == key);
    (has(LUOC_DO) && !has(crate::khoa::LOAI.ten)).then(|| {
        Loi::new(
            "tệp này là một lược đồ JSON (JSON Schema: có khóa “$schema”, không có “loai”), không phải văn bản",
            "this file is a JSON Schema (it has the key “$schema” and no “loai”), not a document",
            "lược đồ dùng để trình soạn thảo kiểm tra và gợi ý khóa; văn bản là tệp có khóa “loai”",
            "a schema lets an editor check and complete keys; a document is a file with the key “loai”",
        )
        .chan_doan()
    })
}

/// A message and its hint, in Vietnamese and English.
struct Loi {
    vi: String,
    en: String,
    goi_y_vi: String,
    goi_y_en: String,
}

impl Loi {
    fn new(
        vi: impl Into<String>,
        en: impl Into<String>,
        goi_y_vi: impl Into<String>,
        goi_y_en: impl Into<String>,
    ) -> Loi {
        Loi { vi: vi.into(), en: en.into(), goi_y_vi: goi_y_vi.into(), goi_y_en: goi_y_en.into() }
    }

    /// A JSON syntax error: the message with the prefix the TOML reader's syntax errors have.
    fn cu_phap(
        vi: impl Into<String>,
        en: impl Into<String>,
        goi_y_vi: impl Into<String>,
        goi_y_en: impl Into<String>,
    ) -> Loi {
        Loi::new(
            format!("lỗi cú pháp JSON: {}", vi.into()),
            format!("JSON syntax error: {}", en.into()),
            goi_y_vi,
            goi_y_en,
        )
    }

    fn chan_doan(self) -> Diagnostic {
        Diagnostic::new(self.vi)
            .en(self.en)
            .with_hint(self.goi_y_vi)
            .hint_en(self.goi_y_en)
            .ma(crate::diagnostics::ma::CU_PHAP)
    }
}

/// The byte range of an AST value.
fn ast_range(v: &ast::Value<'_>) -> Range<usize> {
    let r = match v {
        ast::Value::StringLit(s) => s.range,
        ast::Value::NumberLit(n) => n.range,
        ast::Value::BooleanLit(b) => b.range,
        ast::Value::Object(o) => o.range,
        ast::Value::Array(a) => a.range,
        ast::Value::NullKeyword(n) => n.range,
    };
    r.start..r.end
}

/// Turns the AST into the TOML reader's tree, collecting what JSON allows and a document does
/// not: null, a key given twice, nesting past [`SAU_NHAT`], a control character typed raw in
/// a string.
struct Doi<'t, 'i> {
    text: &'i str,
    index: &'t LineIndex<'t>,
    loi: Vec<Diagnostic>,
    /// Nesting past the limit was reported (once is enough).
    qua_sau: bool,
}

impl<'i> Doi<'_, 'i> {
    fn push(&mut self, loi: Loi, at: usize, key: &str) {
        let mut d = loi.chan_doan();
        if !key.is_empty() {
            d = d.with_key(key);
        }
        self.loi.push(self.index.place(d, at));
    }

    /// The object `o` at `path` (empty at the top), `sau` levels deep.
    fn doi_tuong(&mut self, o: ast::Object<'i>, path: &str, sau: usize) -> DeTable<'i> {
        let mut table = DeTable::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for prop in o.properties {
            let ObjectPropName::String(name) = prop.name else {
                // Refused by the parser (loose property names are off).
                continue;
            };
            let key_range = name.range.start..name.range.end;
            self.chuoi(&key_range, path);
            let key_path =
                if path.is_empty() { ngan(&name.value) } else { format!("{path}.{}", ngan(&name.value)) };
            if let Some(&first) = seen.get(name.value.as_ref()) {
                let line = self.index.position(first).0;
                let shown = ngan(&name.value);
                let loi = Loi::cu_phap(
                    format!("khóa “{shown}” được ghi hai lần; lần đầu ở dòng {line}"),
                    format!("the key “{shown}” is given twice; first on line {line}"),
                    "giữ một lần, xóa lần kia",
                    "keep one of the two and delete the other",
                );
                self.push(loi, key_range.start, &key_path);
                continue;
            }
            seen.insert(name.value.to_string(), key_range.start);
            // `"$schema": "./vanban.schema.json"` at the top tells an editor which schema to
            // check the file with (as `#:schema` does in TOML): not a key of the document.
            if path.is_empty() && name.value == LUOC_DO && matches!(prop.value, ast::Value::StringLit(_)) {
                continue;
            }
            if let Some(v) = self.gia_tri(prop.value, &key_path, sau, false) {
                table.insert(Spanned::new(key_range, name.value), v);
            }
        }
        table
    }

    /// The value `v` at `path`, inside `sau` levels of nesting; `muc` when it is an item of a
    /// list. `None` for a value reported as a problem.
    fn gia_tri(
        &mut self,
        v: ast::Value<'i>,
        path: &str,
        sau: usize,
        muc: bool,
    ) -> Option<Spanned<DeValue<'i>>> {
        let range = ast_range(&v);
        if sau > SAU_NHAT && matches!(v, ast::Value::Object(_) | ast::Value::Array(_)) {
            if !self.qua_sau {
                self.qua_sau = true;
                let loi = Loi::cu_phap(
                    format!("danh sách hoặc đối tượng lồng nhau quá {SAU_NHAT} tầng"),
                    format!("lists or objects are nested more than {SAU_NHAT} deep"),
                    "văn bản chỉ cần chuỗi, danh sách chuỗi và các đối tượng như \"co_quan\": { … }; bỏ các tầng lồng thừa",
                    "a document needs only strings, lists of strings and objects such as \"co_quan\": { … }; remove the extra nesting",
                );
                self.push(loi, range.start, path);
            }
            return None;
        }
        let value = match v {
            ast::Value::StringLit(s) => {
                self.chuoi(&range, path);
                DeValue::String(s.value)
            }
            ast::Value::NumberLit(n) => match DeValue::parse(n.value) {
                Ok(number) => number.into_inner(),
                Err(_) => {
                    let shown = ngan(n.value);
                    let loi = Loi::new(
                        format!("không đọc được số “{shown}”"),
                        format!("the number “{shown}” cannot be read"),
                        "viết số nguyên như 5, hoặc số thập phân như 0.5",
                        "write a whole number such as 5, or a decimal such as 0.5",
                    );
                    self.push(loi, range.start, path);
                    return None;
                }
            },
            ast::Value::BooleanLit(b) => DeValue::Boolean(b.value),
            ast::Value::NullKeyword(_) => {
                let (goi_y_vi, goi_y_en) = if muc {
                    ("xóa mục này khỏi danh sách".to_owned(), "remove this item from the list".to_owned())
                } else {
                    let key = path.rsplit('.').next().unwrap_or(path);
                    (
                        format!("xóa khóa “{key}”: khóa không ghi thì coi như để trống"),
                        format!("remove the key “{key}”: a key left out counts as empty"),
                    )
                };
                let loi = Loi::new(
                    "null không phải một giá trị dùng được ở đây",
                    "null is not a value here",
                    goi_y_vi,
                    goi_y_en,
                );
                self.push(loi, range.start, path);
                return None;
            }
            ast::Value::Array(a) => {
                let mut items = DeArray::new();
                for (i, e) in a.elements.into_iter().enumerate() {
                    if let Some(item) = self.gia_tri(e, &format!("{path}[{i}]"), sau + 1, true) {
                        items.push(item);
                    }
                }
                DeValue::Array(items)
            }
            ast::Value::Object(o) => DeValue::Table(self.doi_tuong(o, path, sau + 1)),
        };
        Some(Spanned::new(range, value))
    }

    /// The string literal at `range` (a key of the object at `path`, or a value at `path`):
    /// a control character typed raw (a line break inside the quotes) is no JSON, though the
    /// parser lets it through.
    fn chuoi(&mut self, range: &Range<usize>, path: &str) {
        let raw = self.text.get(range.clone()).unwrap_or("");
        let Some((i, c)) = raw.char_indices().find(|(_, c)| u32::from(*c) < 0x20) else { return };
        let (vi, en, escape) = match c {
            '\n' => ("ký tự xuống dòng".to_owned(), "a line break".to_owned(), "\\n"),
            '\r' => ("ký tự CR (U+000D)".to_owned(), "a carriage return (U+000D)".to_owned(), "\\r"),
            '\t' => ("ký tự tab".to_owned(), "a tab".to_owned(), "\\t"),
            _ => {
                let code = u32::from(c);
                (format!("ký tự điều khiển U+{code:04X}"), format!("the control character U+{code:04X}"), "")
            }
        };
        let (goi_y_vi, goi_y_en) = if escape.is_empty() {
            ("xóa ký tự này".to_owned(), "remove this character".to_owned())
        } else {
            (
                format!(
                    "trong chuỗi JSON viết {escape} thay cho {vi}; chương trình ghi JSON tự làm việc này"
                ),
                format!(
                    "inside a JSON string write {escape} for {en}; a program that writes JSON does this itself"
                ),
            )
        };
        let loi = Loi::cu_phap(
            format!("chuỗi có {vi} viết thẳng giữa hai dấu ngoặc kép"),
            format!("the string has {en} typed inside its quotes"),
            goi_y_vi,
            goi_y_en,
        );
        self.push(loi, range.start + i, path);
    }
}

/// The text of a value typed without quotes from `at`: up to the line's end or the next
/// straight quote (the next key's), without the commas, brackets and curly quotes around it.
fn tren_dong(text: &str, at: usize) -> String {
    let rest = text.get(at..).unwrap_or("");
    let line = rest.split(['\n', '\r', '"']).next().unwrap_or("");
    let value = line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '}' | ']'));
    ngan(value.trim().trim_matches(['“', '”']))
}

/// A syntax error of the parser, worded: where it is and what to say.
fn cu_phap(text: &str, e: &ParseError) -> (usize, Loi) {
    let r = e.range();
    let at = r.start.min(text.len());
    let tok = ngan(text.get(r.start..r.end).unwrap_or(""));
    let loi = match e.kind() {
        ParseErrorKind::CommentsNotAllowed | ParseErrorKind::UnterminatedCommentBlock => Loi::cu_phap(
            "JSON không có chú thích (// … hay /* … */)",
            "JSON has no comments (// … or /* … */)",
            "xóa chú thích; muốn ghi chú trong tệp văn bản thì dùng dạng TOML, có chú thích bắt đầu bằng #",
            "remove the comment; for notes inside a document file use the TOML form, whose comments start with #",
        ),
        ParseErrorKind::TrailingCommasNotAllowed => Loi::cu_phap(
            "thừa dấu phẩy sau mục cuối cùng",
            "there is a comma after the last item",
            "xóa dấu phẩy đứng ngay trước “}” hoặc “]”",
            "remove the comma just before the “}” or “]”",
        ),
        ParseErrorKind::ExpectedComma => Loi::cu_phap(
            "thiếu dấu phẩy sau giá trị này",
            "a comma is missing after this value",
            "ngăn các khóa của đối tượng và các mục của danh sách bằng dấu phẩy, như \"luu\": [\"VT\", \"NV\"]",
            "separate the keys of an object and the items of a list with commas, as in \"luu\": [\"VT\", \"NV\"]",
        ),
        ParseErrorKind::ExpectedColonAfterObjectKey => Loi::cu_phap(
            "thiếu dấu hai chấm “:” sau tên khóa",
            "a colon “:” is missing after the key name",
            "viết \"khóa\": giá trị, như \"loai\": \"cong-van\"",
            "write \"key\": value, as in \"loai\": \"cong-van\"",
        ),
        ParseErrorKind::ExpectedObjectValue => Loi::cu_phap(
            "thiếu giá trị sau dấu hai chấm",
            "a value is missing after the colon",
            "viết giá trị ngay sau dấu hai chấm, như \"so\": 5; khóa không có giá trị thì xóa đi",
            "write the value right after the colon, as in \"so\": 5; remove a key that has no value",
        ),
        ParseErrorKind::ExpectedStringObjectProperty => Loi::cu_phap(
            format!("tên khóa “{tok}” phải đặt trong dấu ngoặc kép"),
            format!("the key name “{tok}” must be in double quotes"),
            format!("viết \"{tok}\""),
            format!("write \"{tok}\""),
        ),
        ParseErrorKind::UnexpectedTokenInObject if tok == "]" => Loi::cu_phap(
            "“]” đóng một danh sách, nhưng ở đây đang là một đối tượng { … }",
            "“]” closes a list, but this is an object { … }",
            "đối tượng mở bằng “{” thì đóng bằng “}”; danh sách mở bằng “[” thì đóng bằng “]”",
            "an object opened with “{” closes with “}”; a list opened with “[” closes with “]”",
        ),
        ParseErrorKind::UnexpectedTokenInObject => Loi::cu_phap(
            format!(
                "“{tok}” không đúng chỗ: trong đối tượng, sau “{{” hoặc dấu phẩy là một tên khóa trong dấu ngoặc kép"
            ),
            format!("unexpected “{tok}”: in an object, a key name in double quotes follows “{{” or a comma"),
            "viết \"khóa\": giá trị, như \"loai\": \"cong-van\"",
            "write \"key\": value, as in \"loai\": \"cong-van\"",
        ),
        ParseErrorKind::SingleQuotedStringsNotAllowed => Loi::cu_phap(
            "chuỗi JSON đặt trong dấu ngoặc kép \"…\", không dùng dấu nháy đơn '…'",
            "a JSON string goes in double quotes \"…\", not single quotes '…'",
            "thay dấu ' ở hai đầu chuỗi bằng dấu \"",
            "replace the ' at both ends of the string with \"",
        ),
        ParseErrorKind::HexadecimalNumbersNotAllowed
        | ParseErrorKind::UnaryPlusNumbersNotAllowed
        | ParseErrorKind::BareDecimalPointNumbersNotAllowed
        | ParseErrorKind::NonFiniteNumbersNotAllowed
        | ParseErrorKind::ExpectedDigit
        | ParseErrorKind::ExpectedDigitFollowingNegativeSign
        | ParseErrorKind::ExpectedPlusMinusOrDigitInNumberLiteral => {
            let so: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                .collect();
            let so = ngan(&so);
            Loi::cu_phap(
                format!("số “{so}” không viết theo cách của JSON"),
                format!("the number “{so}” is not written the way JSON writes numbers"),
                "viết số bằng chữ số hệ mười, không có dấu + ở đầu, có chữ số ở cả hai bên dấu chấm: 5, 0.5, -2",
                "write numbers in decimal digits, without a leading +, with digits on both sides of the point: 5, 0.5, -2",
            )
        }
        ParseErrorKind::MultipleRootJsonValues => Loi::cu_phap(
            "sau đối tượng của văn bản còn chữ thừa",
            "there is more text after the document's object",
            "tệp chỉ có một đối tượng { … }; xóa phần sau dấu “}” đóng cuối cùng",
            "the file holds a single object { … }; remove what follows its closing “}”",
        ),
        ParseErrorKind::UnterminatedObject => Loi::cu_phap(
            "đối tượng mở bằng “{” nhưng không có “}” đóng lại",
            "the object opens with “{” but is never closed with “}”",
            "thêm “}” sau khóa cuối cùng của đối tượng",
            "add “}” after the object's last key",
        ),
        ParseErrorKind::UnterminatedArray => Loi::cu_phap(
            "danh sách mở bằng “[” nhưng không có “]” đóng lại",
            "the list opens with “[” but is never closed with “]”",
            "thêm “]” sau mục cuối cùng, như \"luu\": [\"VT\", \"NV\"]",
            "add “]” after its last item, as in \"luu\": [\"VT\", \"NV\"]",
        ),
        ParseErrorKind::NestingDepthExceeded => Loi::cu_phap(
            "danh sách hoặc đối tượng lồng nhau quá nhiều tầng",
            "lists or objects are nested too deeply",
            "văn bản chỉ cần chuỗi, danh sách chuỗi và các đối tượng như \"co_quan\": { … }; bỏ các tầng lồng thừa",
            "a document needs only strings, lists of strings and objects such as \"co_quan\": { … }; remove the extra nesting",
        ),
        ParseErrorKind::String(kind) => chuoi_sai(text, at, kind),
        // A word is cut short by the parser where a comma or a bracket follows it.
        ParseErrorKind::UnexpectedWord | ParseErrorKind::UnexpectedToken
            if tok.starts_with(char::is_alphanumeric) =>
        {
            tu_la(text, at, &tok)
        }
        _ if tok.starts_with(['“', '”']) => {
            let value = tren_dong(text, at);
            Loi::cu_phap(
                "chuỗi JSON đặt trong dấu ngoặc kép thẳng \"…\", không dùng dấu “ ” cong",
                "a JSON string goes in straight double quotes \"…\", not curly “ ”",
                format!("viết \"{value}\"; dấu “ ” cong dùng được bên trong chuỗi"),
                format!("write \"{value}\"; curly “ ” may be used inside a string"),
            )
        }
        _ => Loi::cu_phap(
            format!("“{tok}” không đúng chỗ"),
            format!("unexpected “{tok}”"),
            "kiểm tra dấu ngoặc, dấu phẩy và dấu hai chấm quanh chỗ này; chuỗi đặt trong dấu ngoặc kép thẳng \"…\", không dùng “ ”",
            "check the brackets, commas and colons around here; strings go in straight double quotes \"…\", not “ ”",
        ),
    };
    (at, loi)
}

/// A string the parser could not read, at `at`.
fn chuoi_sai(text: &str, at: usize, kind: &ParseStringErrorKind) -> Loi {
    match kind {
        ParseStringErrorKind::UnterminatedStringLiteral => Loi::cu_phap(
            "chuỗi mở bằng dấu ngoặc kép nhưng không đóng lại",
            "the string opens with a double quote but is never closed",
            "thêm \" ở cuối chuỗi; dấu ngoặc kép bên trong chuỗi viết \\\" hoặc dùng dấu “ ” cong",
            "add \" at the end of the string; for a quotation mark inside the string write \\\" or use curly “ ”",
        ),
        ParseStringErrorKind::ExpectedFourHexDigits | ParseStringErrorKind::ExpectedTwoHexDigits => {
            Loi::cu_phap(
                "sau “\\u” cần đúng bốn chữ số hệ mười sáu",
                "“\\u” must be followed by exactly four hexadecimal digits",
                "như \\u00E0 cho “à”; hoặc viết thẳng ký tự, vì tệp là UTF-8",
                "as in \\u00E0 for “à”; or type the character itself, as the file is UTF-8",
            )
        }
        ParseStringErrorKind::InvalidUnicodeEscapeSequence(_) => Loi::cu_phap(
            "mã “\\u…” không ứng với ký tự Unicode nào (một nửa cặp thay thế đứng riêng)",
            "the “\\u…” escape is no Unicode character (half of a surrogate pair on its own)",
            "viết thẳng ký tự, vì tệp là UTF-8",
            "type the character itself, as the file is UTF-8",
        ),
        _ => {
            let escape: String = text.get(at..).unwrap_or("").chars().take(2).collect();
            Loi::cu_phap(
                format!("“{escape}” không phải một ký tự thoát của JSON"),
                format!("“{escape}” is not a JSON escape"),
                "dấu \\ trong chuỗi viết \\\\; JSON chỉ có \\\" \\\\ \\/ \\b \\f \\n \\r \\t và \\uXXXX",
                "write a backslash inside a string as \\\\; JSON has only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
            )
        }
    }
}

/// A bare word `tok` at `at` where a value belongs: `True`, `None`, or text without quotes.
fn tu_la(text: &str, at: usize, tok: &str) -> Loi {
    let lower = tok.to_ascii_lowercase();
    if lower == "true" || lower == "false" {
        return Loi::cu_phap(
            format!("“{tok}” không phải giá trị JSON"),
            format!("“{tok}” is not a JSON value"),
            format!("viết {lower}, chữ thường"),
            format!("write {lower}, in lower case"),
        );
    }
    if matches!(lower.as_str(), "null" | "none" | "nil" | "undefined") {
        return Loi::cu_phap(
            format!("“{tok}” không phải giá trị JSON"),
            format!("“{tok}” is not a JSON value"),
            "khóa không có giá trị thì xóa cả khóa",
            "remove a key that has no value",
        );
    }
    let value = tren_dong(text, at);
    Loi::cu_phap(
        format!("chữ “{tok}” không phải giá trị JSON"),
        format!("the word “{tok}” is not a JSON value"),
        format!("chuỗi đặt trong dấu ngoặc kép: \"{value}\""),
        format!("put text in double quotes: \"{value}\""),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DangTep, NgonNgu, parse};

    const CONG_VAN: &str = include_str!("../../../../examples/cong-van.toml");

    /// A TOML value as JSON: dates and times become strings.
    fn to_json(v: toml::Value) -> serde_json::Value {
        match v {
            toml::Value::String(s) => s.into(),
            toml::Value::Integer(i) => i.into(),
            toml::Value::Float(f) => f.into(),
            toml::Value::Boolean(b) => b.into(),
            toml::Value::Datetime(d) => d.to_string().into(),
            toml::Value::Array(a) => a.into_iter().map(to_json).collect(),
            toml::Value::Table(t) => t.into_iter().map(|(k, v)| (k, to_json(v))).collect(),
        }
    }

    /// The JSON twin of a TOML document, pretty-printed (one key per line).
    fn twin(toml_text: &str) -> String {
        let table: toml::Table = toml::from_str(toml_text).unwrap();
        serde_json::to_string_pretty(&to_json(toml::Value::Table(table))).unwrap()
    }

    /// The problems of a JSON text, which must be refused.
    fn errors(json: &str) -> Vec<Diagnostic> {
        match parse(json, DangTep::Json) {
            Ok(_) => panic!("accepted:\n{json}"),
            Err(d) => d.0,
        }
    }

    fn one(json: &str) -> Diagnostic {
        let e = errors(json);
        assert_eq!(e.len(), 1, "{e:#?}");
        e.into_iter().next().unwrap()
    }

    #[test]
    fn a_problem_inside_the_body_is_placed_where_it_is_written_escapes_and_all() {
        // The body holds escapes before the refused line: quotes, a line break, a character
        // written as \u, one beyond U+FFFF as a surrogate pair.
        let body = "Đoạn \"một\" à 😀.\n\n[1]: a.pdf\n";
        let mut value: serde_json::Value = serde_json::from_str(&twin(CONG_VAN)).unwrap();
        value["noi_dung"] = serde_json::Value::String(body.to_owned());
        let json = serde_json::to_string_pretty(&value)
            .unwrap()
            .replace("à", "\\u00e0")
            .replace("😀", "\\ud83d\\ude00");
        assert!(json.contains("\\ud83d\\ude00") && json.contains("\\u00e0"), "{json}");
        let d = one(&json);
        assert_eq!(
            (d.line, d.column),
            (Some(place_of(&json, "[1]: a.pdf").0), Some(place_of(&json, "[1]: a.pdf").1))
        );
    }

    /// Line and column (from 1) of the first `needle` in `text`.
    fn place_of(text: &str, needle: &str) -> (usize, usize) {
        let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
        LineIndex::new(text).position(at)
    }

    #[test]
    fn a_document_may_name_its_schema_for_the_editor() {
        let json = twin(CONG_VAN).replacen('{', "{\n  \"$schema\": \"./vanban.schema.json\",", 1);
        assert_eq!(parse(&json, DangTep::Json).unwrap(), parse(CONG_VAN, DangTep::Toml).unwrap());
        // Anywhere but the top, or not a string, it is a key like any other.
        let nested = twin(CONG_VAN).replacen("\"co_quan\": {", "\"co_quan\": {\"$schema\": \"x\",", 1);
        assert!(parse(&nested, DangTep::Json).is_err());
        let number = twin(CONG_VAN).replacen('{', "{\"$schema\": 1,", 1);
        assert!(parse(&number, DangTep::Json).is_err());
    }

    #[test]
    fn the_json_twin_of_the_reference_cong_van_reads_the_same() {
        let json = twin(CONG_VAN);
        assert!(json.contains("\"noi_dung\": \"Thực hiện"), "{json}");
        let from_json = parse(&json, DangTep::Json).unwrap();
        assert_eq!(from_json, parse(CONG_VAN, DangTep::Toml).unwrap());
        // On one line, and with a byte-order mark, the same.
        let compact =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&json).unwrap()).unwrap();
        assert_eq!(parse(&compact, DangTep::Json).unwrap(), from_json);
        assert_eq!(
            crate::parse_bytes(format!("\u{feff}{json}").as_bytes(), DangTep::Json).unwrap(),
            from_json
        );
    }

    #[test]
    fn lint_finds_the_same_in_both_forms() {
        let json = twin(CONG_VAN);
        let messages = |source: &str, dang| {
            let (v, vi_tri) = crate::doc(source, dang).unwrap();
            let mut m: Vec<String> =
                crate::lint::kiem_tra(&v, source, &vi_tri).into_iter().map(|d| d.message).collect();
            m.sort();
            m
        };
        assert_eq!(messages(&json, DangTep::Json), messages(CONG_VAN, DangTep::Toml));
    }

    #[test]
    fn the_form_is_told_by_the_name_and_by_the_content() {
        assert_eq!(DangTep::from_path(std::path::Path::new("a/cv.JSON")), DangTep::Json);
        assert_eq!(DangTep::from_path(std::path::Path::new("cv.json")), DangTep::Json);
        assert_eq!(DangTep::sniff("\u{feff}  \n{\"loai\": 1}"), DangTep::Json);
        assert_eq!(DangTep::sniff("loai = 1"), DangTep::Toml);
        assert_eq!(DangTep::sniff("+++\n"), DangTep::Markdown);
    }

    #[test]
    fn a_syntax_error_is_placed_on_its_line_and_column() {
        let original = twin(CONG_VAN);
        let json = original.replacen("\"NV\"\n", "\"NV\",\n", 1);
        let e = one(&json);
        assert_eq!(e.message, "lỗi cú pháp JSON: thừa dấu phẩy sau mục cuối cùng");
        assert_eq!(e.message_en.as_deref(), Some("JSON syntax error: there is a comma after the last item"));
        let (line, col) = place_of(&original, "\"NV\"\n");
        assert_eq!((e.line, e.column), (Some(line), Some(col + 4)));
        assert_eq!(e.source_line.as_deref().map(str::trim), Some("\"NV\","));
        // A comment.
        let e = one("{\n  // ghi chú\n  \"loai\": \"cong-van\"\n}");
        assert!(e.message.contains("không có chú thích"), "{}", e.message);
        assert_eq!((e.line, e.column), (Some(2), Some(3)));
        // Text without quotes: the hint quotes what was typed.
        let e = one("{\n  \"dia_danh\": Phong Thổ,\n  \"loai\": \"cong-van\"\n}");
        assert_eq!((e.line, e.column), (Some(2), Some(15)));
        assert_eq!(e.hint.as_deref(), Some("chuỗi đặt trong dấu ngoặc kép: \"Phong Thổ\""));
        let e = one("{\"dia_danh\": Phong Thổ, \"loai\": \"cong-van\"}");
        assert_eq!(e.hint.as_deref(), Some("chuỗi đặt trong dấu ngoặc kép: \"Phong Thổ\""));
        let e = one("{\"dia_danh\": “Phong Thổ”}");
        assert_eq!(e.hint_en.as_deref(), Some("write \"Phong Thổ\"; curly “ ” may be used inside a string"));
        let e = one("{\"du_thao\": True}");
        assert_eq!(e.hint.as_deref(), Some("viết true, chữ thường"));
        // An unclosed list is reported where it opens.
        let e = one("{\n  \"kinh_gui\": [\n    \"A\"\n  \"loai\": \"cong-van\"\n}");
        assert!(e.message.contains("thiếu dấu phẩy") || e.message.contains("“[”"), "{}", e.message);
        let e = one("{\"kinh_gui\": [\"A\"");
        assert!(e.message.contains("danh sách mở bằng “[”"), "{}", e.message);
        assert_eq!(e.column, Some(14));
    }

    #[test]
    fn every_syntax_error_is_worded_in_both_languages() {
        for json in [
            "",
            "   ",
            "[1, 2]",
            "\"văn bản\"",
            "{\"a\": 1,}",
            "{\"a\": [1,]}",
            "{\"a\": 1 \"b\": 2}",
            "{\"a\" 1}",
            "{\"a\": }",
            "{a: 1}",
            "{\"a\": 'x'}",
            "{\"a\": 0x10}",
            "{\"a\": +1}",
            "{\"a\": .5}",
            "{\"a\": 5.}",
            "{\"a\": NaN}",
            "{\"a\": -}",
            "{\"a\": 1e}",
            "{\"a\": 1} {}",
            "{\"a\": 1",
            "{\"a\": [1",
            "{\"a\": \"x",
            "{\"a\": \"\\q\"}",
            "{\"a\": \"\\u12\"}",
            "{\"a\": \"\\ud800\"}",
            "{\"a\": True}",
            "{\"a\": None}",
            "{\"a\": “x”}",
            "{\"a\": 1} /* x",
            "{\"a\": 1]",
            "{\"a\": \"x\ny\"}",
            "{\"a\": \"x\ty\"}",
            "{\"a\": 1, \"a\": 2}",
            "{\"a\": :}",
        ] {
            let e = errors(json);
            assert!(!e.is_empty(), "{json:?}");
            for d in e {
                let en = d.message_en.as_deref().unwrap_or_default();
                assert!(!d.message.is_empty() && !en.is_empty(), "{json:?}: {d:#?}");
                assert!(d.hint.is_some() && d.hint_en.is_some(), "{json:?}: {d:#?}");
                assert!(d.line.is_some() && d.column.is_some(), "{json:?}: {d:#?}");
                let shown = d.display_in("a.json", NgonNgu::En);
                assert!(!shown.contains("Expected") && !shown.contains("Unexpected"), "{json:?}: {shown}");
            }
        }
    }

    #[test]
    fn null_is_refused_where_it_is() {
        let json =
            twin(CONG_VAN).replacen("\"loai\": \"cong-van\"", "\"loai\": \"cong-van\",\n  \"so\": null", 1);
        let e = one(&json);
        assert_eq!(e.message, "null không phải một giá trị dùng được ở đây");
        assert_eq!(e.message_en.as_deref(), Some("null is not a value here"));
        assert_eq!(e.hint_en.as_deref(), Some("remove the key “so”: a key left out counts as empty"));
        assert_eq!(e.key.as_deref(), Some("so"));
        let (line, col) = place_of(&json, "null");
        assert_eq!((e.line, e.column), (Some(line), Some(col)));
        // In a list, and every one of them at once.
        let json = twin(CONG_VAN).replacen("\"VT\"", "null, \"VT\"", 1).replacen(
            "\"dia_danh\": \"Phong Thổ\"",
            "\"dia_danh\": null",
            1,
        );
        let e = errors(&json);
        assert_eq!(e.len(), 2, "{e:#?}");
        assert!(e.iter().any(|d| d.hint.as_deref() == Some("xóa mục này khỏi danh sách")), "{e:#?}");
    }

    #[test]
    fn a_value_of_the_wrong_type_gets_the_toml_message_at_its_json_place() {
        let toml_text = CONG_VAN.replacen("viet_tat = \"UBND\"", "viet_tat = 5", 1);
        let from_toml = parse(&toml_text, DangTep::Toml).unwrap_err().0;
        let json = twin(&toml_text);
        let from_json = errors(&json);
        assert_eq!(from_json.len(), 1, "{from_json:#?}");
        let (t, j) = (&from_toml[0], &from_json[0]);
        assert_eq!((&j.message, &j.message_en, &j.key), (&t.message, &t.message_en, &t.key));
        assert!(j.message.contains("không phải số nguyên") || j.message.contains("số"), "{}", j.message);
        let (line, col) = place_of(&json, "\"viet_tat\": 5");
        assert_eq!((j.line, j.column), (Some(line), Some(col + "\"viet_tat\": ".len())));
    }

    #[test]
    fn an_unknown_key_is_offered_the_key_meant() {
        let json = twin(CONG_VAN).replacen("\"trich_yeu\"", "\"trich_yue\"", 1);
        let e = errors(&json);
        let d = e.iter().find(|d| d.message.contains("trich_yue")).unwrap_or_else(|| panic!("{e:#?}"));
        assert_eq!(d.message, "khóa “trich_yue” không có trong mẫu văn bản");
        assert_eq!(d.hint.as_deref(), Some("có phải ý bạn là “trich_yeu”?"));
        assert_eq!(d.hint_en.as_deref(), Some("did you mean “trich_yeu”?"));
        let (line, col) = place_of(&json, "\"trich_yue\"");
        assert_eq!((d.line, d.column), (Some(line), Some(col)));
        // The key meant is not also reported missing.
        assert!(!e.iter().any(|d| d.message.contains("thiếu khóa bắt buộc “trich_yeu”")), "{e:#?}");
    }

    #[test]
    fn a_key_given_twice_names_the_line_of_the_first() {
        let json =
            "{\n  \"loai\": \"cong-van\",\n  \"co_quan\": {\n    \"ten\": \"A\",\n    \"ten\": \"B\"\n  }\n}";
        let e = one(json);
        assert_eq!(e.message, "lỗi cú pháp JSON: khóa “ten” được ghi hai lần; lần đầu ở dòng 4");
        assert_eq!(e.key.as_deref(), Some("co_quan.ten"));
        assert_eq!((e.line, e.column), (Some(5), Some(5)));
    }

    #[test]
    fn a_json_schema_is_not_a_document() {
        let e = one(
            "{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"properties\": {\"loai\": {}},\n  \"default\": null\n}",
        );
        assert!(e.message.contains("không phải văn bản"), "{}", e.message);
        assert!(e.message_en.as_deref().unwrap_or_default().contains("not a document"), "{e:#?}");
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        for json in [
            format!("{{\"x\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000)),
            format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000)),
            format!("{{\"x\": {}{}}}", "[".repeat(100), "]".repeat(100)),
        ] {
            let e = one(&json);
            assert!(e.message.contains("lồng nhau quá"), "{}", e.message);
            assert_eq!(e.line, Some(1));
        }
    }

    #[test]
    fn the_body_is_read_from_noi_dung_and_placed_after_its_quote() {
        let json = twin(CONG_VAN).replacen("\"noi_dung\": \"", "\"noi_dung\": \"```\\ncode\\n```\\n", 1);
        let e = errors(&json);
        let d = e.iter().find(|d| d.key.as_deref() == Some("noi_dung")).unwrap_or_else(|| panic!("{e:#?}"));
        let (line, _) = place_of(&json, "\"noi_dung\"");
        assert_eq!(d.line, Some(line), "{d:#?}");
    }

    #[test]
    fn every_cut_and_every_byte_changed_is_refused_in_place_without_a_panic() {
        // The reference công văn with a short body that holds escapes.
        let mut v: serde_json::Value = serde_json::from_str(&twin(CONG_VAN)).unwrap();
        v["noi_dung"] = "Đoạn \"một\".\n\nĐoạn hai.".into();
        let json = serde_json::to_string_pretty(&v).unwrap();
        let lines = json.lines().count();
        let located = |text: &str| match parse(text, DangTep::Json) {
            Ok(_) => {}
            Err(d) => {
                assert!(!d.0.is_empty(), "{text}");
                for d in d.0 {
                    let line = d.line.unwrap_or(1);
                    assert!((1..=lines + 1).contains(&line), "line {line}: {d:#?}\n{text}");
                }
            }
        };
        assert!(parse(&json, DangTep::Json).is_ok(), "{json}");
        for (i, _) in json.char_indices() {
            located(&json[..i]);
            for b in ["\"", "{", "]", ",", "\\", "\n", "x", "null", ":"] {
                let mut changed = json.clone();
                let next = json[i..].chars().next().map_or(0, char::len_utf8);
                changed.replace_range(i..i + next, b);
                located(&changed);
            }
        }
    }
}
