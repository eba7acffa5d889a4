//! Reading and checking one document file.

use std::path::Path;

use vanban_core::{DangTep, VanBan};

/// Reads and parses `path`. On failure, returns the message to print: every problem in the
/// file, each with its place.
pub fn load(path: &Path) -> Result<VanBan, String> {
    let shown = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| format!("{shown}: lỗi: không đọc được tệp ({})", io_reason(&e)))?;
    vanban_core::parse_bytes(&bytes, DangTep::from_path(path)).map_err(|d| d.display_with(&shown))
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
