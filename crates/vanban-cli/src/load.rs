//! Reading and checking one document file.

use std::io::Read;
use std::path::Path;

use vanban_core::{DangTep, Diagnostic, MucViTri, VanBan, ViTri, limits};

use crate::files::Input;
use vanban_render::{Layout, RenderError, Renderer};

/// A document file read and parsed.
pub struct Loaded {
    /// The document.
    pub van_ban: VanBan,
    /// The file's text, then the text of each shared file it takes keys from
    /// ([`vanban_core::Nguon::text`]): problems found later are placed on their lines.
    pub source: String,
    /// Where each key and value is written in `source`, from the same parse as `van_ban`;
    /// [`ViTri::dat`] places a problem in the file its offset is in.
    pub vi_tri: ViTri,
}

/// Reads and parses the document file `input`, with the shared files it names, which must
/// be under the root [`Input::goc`] gives for `goc` (`--goc`). On failure, every problem,
/// each with its file and place. Files larger than [`limits::FILE_BYTES`] are refused
/// unread.
pub fn load(input: &Input, goc: Option<&Path>) -> Result<Loaded, Vec<Diagnostic>> {
    let (van_ban, vi_tri, nguon) = vanban_core::doc_tep(&input.path, &input.goc(goc)).map_err(|d| d.0)?;
    Ok(Loaded { van_ban, source: nguon.into_text(), vi_tri })
}

/// The directory a file is in (`.` for a bare file name).
pub fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Whether a file found in a directory is not a vanban document at all, and is passed
/// over with a note rather than failing the run: a Markdown file without TOML front matter
/// (a `README.md`), a TOML file with no `loai` key (a `Cargo.toml`), a JSON file with no
/// `loai` key (a `package.json`) or that is a JSON Schema (the `vanban.schema.json` that
/// `render schema` writes: a `*.schema.json` name, or `$schema` and no `loai` at the top), or
/// one that is not text.
pub fn not_a_document(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else { return false };
    let mut bytes = Vec::new();
    if file.take(limits::FILE_BYTES as u64).read_to_end(&mut bytes).is_err() {
        return false;
    }
    let Ok(text) = std::str::from_utf8(&bytes) else { return true };
    let text = text.trim_start_matches('\u{feff}');
    match DangTep::from_path(path) {
        DangTep::Markdown => !text.trim_start().starts_with("+++"),
        DangTep::Json => json_not_a_document(path, text),
        _ => !text.lines().any(|l| {
            l.trim_start()
                .strip_prefix(vanban_core::khoa::LOAI.ten)
                .is_some_and(|r| r.trim_start().starts_with('='))
        }),
    }
}

/// [`not_a_document`] for a JSON file: a schema by its name or its top level, or a file with
/// no `"loai":` anywhere (a rough look, like the TOML one, so that a document with a syntax
/// error is still reported).
fn json_not_a_document(path: &Path, text: &str) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_ascii_lowercase();
    if name.ends_with(".schema.json") {
        return true;
    }
    let schema = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(top)) => {
            top.contains_key("$schema") && !top.contains_key(vanban_core::khoa::LOAI.ten)
        }
        _ => false,
    };
    let has_loai =
        text.match_indices("\"loai\"").any(|(i, m)| text[i + m.len()..].trim_start().starts_with(':'));
    schema || !has_loai
}

/// Lays a loaded document out; the images it names are read from the file's directory. A
/// problem the renderer finds in the text is placed on the line of the file it comes from,
/// when that can be found, and names the key it is in.
pub fn lay_out(renderer: &Renderer, file: &Path, loaded: &Loaded) -> Result<Layout, Vec<Diagnostic>> {
    renderer
        .layout_in(&loaded.van_ban, dir_of(file))
        .map_err(|e| vec![placed(&e, &loaded.source, &loaded.vi_tri)])
}

/// A render error as a problem of the file read as `source` (a document, or a template filled
/// from a row), with `vi_tri` its places. It is placed from the positions the reader kept: an image on the value of its key; a character or a word in the first string
/// value that holds it (a comment or a key's name never counts); a table in the body that
/// holds its row.
pub fn placed(e: &RenderError, source: &str, vi_tri: &ViTri) -> Diagnostic {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut d = Diagnostic::new(e.to_string()).en(e.en());
    let found = match e {
        RenderError::MissingGlyph { character, .. } => {
            d = d.with_hint(
                "bỏ ký tự này hoặc thay bằng chữ; phông Times New Roman của văn bản hành chính không có nó",
            )
            .hint_en("remove the character or replace it with letters; the Times New Roman font of administrative documents lacks it");
            // Names are printed in capitals: the character may have been typed in lower
            // case, or as an escape (`\U0001F600`, `\u4E2D`).
            std::iter::once(*character)
                .chain(character.to_lowercase())
                .find_map(|c| trong(source, vi_tri.moi_chuoi(), |raw| typed_at(raw, c)))
        }
        RenderError::Image { khoa, .. } => {
            d = d.with_key(*khoa);
            vi_tri.gia_tri(khoa).map(|value| (None, value.start))
        }
        RenderError::Overflow { text, .. } => {
            d = d
                .with_hint(
                    "thêm dấu cách để chia từ dài (ví dụ một địa chỉ trang web) thành các phần ngắn hơn",
                )
                .hint_en("add spaces to split the long word (a web address, say) into shorter parts");
            let start: String = text.chars().take(20).collect();
            let start = start.trim_end_matches('…');
            trong(source, vi_tri.moi_chuoi(), |raw| raw.find(start))
        }
        RenderError::BangQuaRong { o, .. } => {
            d = d
                .with_hint(
                    "bớt cột hoặc tách thành hai bảng; bảng nhiều cột đặt vào phụ lục khổ ngang \
                     ([[phu_luc]] với ngang = true); một từ quá dài trong ô cũng làm bảng tràn: thêm dấu cách",
                )
                .hint_en(
                    "use fewer columns or split the table in two; put a wide table in a landscape appendix \
                     ([[phu_luc]] with ngang = true); a word too long for its cell also overflows: add spaces",
                );
            // The row itself in any body, else the first table line holding its first cell.
            trong(source, vi_tri.cac_noi_dung(), |raw| table_row(raw, o).0)
                .or_else(|| trong(source, vi_tri.cac_noi_dung(), |raw| table_row(raw, o).1))
        }
        _ => None,
    };
    match found {
        Some((key, offset)) => {
            if let Some(key) = key {
                d = d.with_key(key);
            }
            vi_tri.dat(d, source, offset)
        }
        None => d,
    }
}

/// The first of the `values` of the file whose text is `source` (in the file's order) in
/// whose written form `find` finds something: its key (`nội dung` for the body of a Markdown
/// file, which has no key) and the byte offset found in the file.
fn trong<'v>(
    source: &str,
    mut values: impl Iterator<Item = &'v MucViTri>,
    find: impl Fn(&str) -> Option<usize>,
) -> Option<(Option<String>, usize)> {
    values.find_map(|m| {
        let value = m.gia_tri();
        let at = find(source.get(value.clone())?)?;
        let key = match m.khoa() {
            None if m.duong_dan() == vanban_core::khoa::NOI_DUNG.ten => "nội dung".to_owned(),
            _ => m.duong_dan().to_owned(),
        };
        Some((Some(key), value.start + at))
    })
}

/// Where `c` is typed in `text`: as itself, or as an escape of any case (`\u4e2d`,
/// `\U0001F600`).
fn typed_at(text: &str, c: char) -> Option<usize> {
    let code = c as u32;
    let escapes = [format!("\\u{code:04x}"), format!("\\U{code:08x}")];
    text.find(c).or_else(|| {
        let lower = text.to_ascii_lowercase();
        escapes.iter().find_map(|e| lower.find(&e.to_ascii_lowercase()))
    })
}

/// The start of the line of a Markdown table row in `text` whose cells read `o` (markup
/// aside), and the start of the first table line holding its first cell.
fn table_row(text: &str, o: &[String]) -> (Option<usize>, Option<usize>) {
    let plain = |s: &str| s.replace(['*', '_', '`'], "").split_whitespace().collect::<Vec<_>>().join(" ");
    let mut offset = 0;
    let mut fallback = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('|') {
            let cells: Vec<String> = t.trim_matches('|').split('|').map(plain).collect();
            if cells == o {
                return (Some(offset + (line.len() - line.trim_start().len())), fallback);
            }
            if fallback.is_none() && o.first().is_some_and(|f| cells.first() == Some(f)) {
                fallback = Some(offset + (line.len() - line.trim_start().len()));
            }
        }
        offset += line.len();
    }
    (None, fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_files_that_are_not_documents() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, text: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            not_a_document(&p)
        };
        let schema =
            "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"properties\": {\"loai\": {}}}";
        assert!(file("vanban.schema.json", schema));
        assert!(file("luoc-do.json", schema));
        assert!(file("x.Schema.JSON", "{\"loai\": \"cong-van\"}"));
        assert!(file("package.json", "{\"name\": \"x\"}"));
        // A document, broken or not, is one.
        assert!(!file("cv.json", "{\"loai\": \"cong-van\"}"));
        assert!(!file("hong.json", "{\"loai\" : \"cong-van\",,"));
        assert!(!file("co-schema.json", "{\"$schema\": \"./vanban.schema.json\", \"loai\": \"cong-van\"}"));
    }
}
