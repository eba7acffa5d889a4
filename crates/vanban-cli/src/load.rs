//! Reading and checking one document file.

use std::io::Read;
use std::path::Path;

use vanban_core::{DangTep, Diagnostic, VanBan, limits};
use vanban_render::{Layout, RenderError, Renderer};

/// A document file read and parsed.
pub struct Loaded {
    /// The document.
    pub van_ban: VanBan,
    /// The file's text, to place problems found later.
    pub source: String,
    /// Its form.
    pub dang: DangTep,
}

/// Reads and parses `path`. On failure, every problem in the file, each with its place.
/// Files larger than [`limits::FILE_BYTES`] are refused unread.
pub fn load(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let fail = |e: std::io::Error| {
        let (vi, en) = io_reason(&e);
        vec![Diagnostic::new(format!("không đọc được tệp ({vi})")).en(format!("cannot read the file ({en})"))]
    };
    let file = std::fs::File::open(path).map_err(fail)?;
    let size = file.metadata().map_err(fail)?.len();
    if size > limits::FILE_BYTES as u64 {
        return Err(vec![vanban_core::tep_qua_lon(size)]);
    }
    // Also bounded for files whose size is not known in advance (pipes, devices).
    let mut bytes = Vec::new();
    file.take(limits::FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(fail)?;
    if bytes.len() > limits::FILE_BYTES {
        return Err(vec![vanban_core::tep_qua_lon(bytes.len() as u64)]);
    }
    let dang = DangTep::from_path(path);
    let van_ban = vanban_core::parse_bytes(&bytes, dang).map_err(|d| d.0)?;
    // parse_bytes accepted the bytes, so they are UTF-8.
    let source = String::from_utf8(bytes).unwrap_or_default();
    Ok(Loaded { van_ban, source, dang })
}

/// The directory a file is in (`.` for a bare file name).
pub fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Lays a loaded document out; the images it names are read from the file's directory. A
/// problem the renderer finds in the text is placed on the
/// line of the file it comes from, when that can be found.
pub fn lay_out(renderer: &Renderer, file: &Path, loaded: &Loaded) -> Result<Layout, Vec<Diagnostic>> {
    renderer.layout_in(&loaded.van_ban, dir_of(file)).map_err(|e| {
        let found = match &e {
            // Names are printed in capitals: the character may have been typed in lower case.
            RenderError::MissingGlyph { character, .. } => loaded
                .source
                .find(*character)
                .or_else(|| character.to_lowercase().find_map(|c| loaded.source.find(c))),
            RenderError::Image { path, .. } => loaded.source.find(path.as_str()),
            RenderError::Overflow { text, .. } => {
                let start: String = text.chars().take(20).collect();
                loaded.source.find(start.trim_end_matches('…'))
            }
            _ => None,
        };
        let hint = match &e {
            RenderError::MissingGlyph { .. } => Some((
                "bỏ ký tự này hoặc thay bằng chữ; phông Times New Roman của văn bản hành chính không có nó",
                "remove the character or replace it with letters; the Times New Roman font of administrative documents lacks it",
            )),
            RenderError::Overflow { .. } => Some((
                "thêm dấu cách để chia từ dài (ví dụ một địa chỉ trang web) thành các phần ngắn hơn",
                "add spaces to split the long word (a web address, say) into shorter parts",
            )),
            _ => None,
        };
        let mut d = Diagnostic::new(e.to_string()).en(e.en());
        if let Some((vi, en)) = hint {
            d = d.with_hint(vi).hint_en(en);
        }
        vec![match found {
            Some(offset) => d.placed_in(&loaded.source, offset),
            None => d,
        }]
    })
}

/// The reason for an I/O failure, in Vietnamese and in English.
pub fn io_reason(e: &std::io::Error) -> (String, String) {
    use std::io::ErrorKind::*;
    let (vi, en) = match e.kind() {
        NotFound => ("không tìm thấy tệp", "no such file"),
        PermissionDenied => ("không có quyền truy cập", "permission denied"),
        IsADirectory => ("đây là thư mục, không phải tệp", "this is a directory, not a file"),
        _ => return (e.to_string(), e.to_string()),
    };
    (vi.to_owned(), en.to_owned())
}
