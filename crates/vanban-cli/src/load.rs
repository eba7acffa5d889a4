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
}

/// Reads and parses `path`. On failure, returns the message to print: every problem in the
/// file, each with its place. Files larger than [`limits::FILE_BYTES`] are refused unread.
pub fn load(path: &Path) -> Result<Loaded, String> {
    let shown = path.display().to_string();
    let fail = |e: std::io::Error| format!("{shown}: lỗi: không đọc được tệp ({})", io_reason(&e));
    let file = std::fs::File::open(path).map_err(fail)?;
    let size = file.metadata().map_err(fail)?.len();
    if size > limits::FILE_BYTES as u64 {
        return Err(too_large(&shown, size));
    }
    // Also bounded for files whose size is not known in advance (pipes, devices).
    let mut bytes = Vec::new();
    file.take(limits::FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(fail)?;
    if bytes.len() > limits::FILE_BYTES {
        return Err(too_large(&shown, bytes.len() as u64));
    }
    let van_ban =
        vanban_core::parse_bytes(&bytes, DangTep::from_path(path)).map_err(|d| d.display_with(&shown))?;
    // parse_bytes accepted the bytes, so they are UTF-8.
    let source = String::from_utf8(bytes).unwrap_or_default();
    Ok(Loaded { van_ban, source })
}

fn too_large(shown: &str, size: u64) -> String {
    vanban_core::tep_qua_lon(size).display_with(shown)
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
pub fn lay_out(renderer: &Renderer, file: &Path, loaded: &Loaded) -> Result<Layout, String> {
    let shown = file.display().to_string();
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
            RenderError::MissingGlyph { .. } => Some(
                "bỏ ký tự này hoặc thay bằng chữ; phông Times New Roman của văn bản hành chính không có nó",
            ),
            RenderError::Overflow { .. } => {
                Some("thêm dấu cách để chia từ dài (ví dụ một địa chỉ trang web) thành các phần ngắn hơn")
            }
            _ => None,
        };
        let mut d = Diagnostic::new(e.to_string());
        d.hint = hint.map(str::to_owned);
        match found {
            Some(offset) => d.placed_in(&loaded.source, offset).display_with(&shown),
            None => d.display_with(&shown),
        }
    })
}

/// The reason for an I/O failure, in Vietnamese.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "không tìm thấy tệp".to_owned(),
        PermissionDenied => "không có quyền truy cập".to_owned(),
        IsADirectory => "đây là thư mục, không phải tệp".to_owned(),
        _ => e.to_string(),
    }
}
