//! Why a file could not be read or written, in words a user reads: the system's own texts
//! are English and may name hidden temporary paths.

use std::io::ErrorKind;

/// The reason for an I/O failure, in Vietnamese and in English, without any path.
pub fn ly_do_io(e: &std::io::Error) -> (String, String) {
    use ErrorKind::*;
    let (vi, en) = match e.kind() {
        NotFound => ("không tìm thấy tệp", "no such file"),
        PermissionDenied => ("không có quyền truy cập", "permission denied"),
        IsADirectory => ("đây là thư mục, không phải tệp", "this is a directory, not a file"),
        NotADirectory => (
            "một phần của đường dẫn là tệp chứ không phải thư mục",
            "a part of the path is a file, not a directory",
        ),
        StorageFull => ("ổ đĩa đã đầy", "no space left on the device"),
        QuotaExceeded => ("đã hết hạn mức dung lượng", "the disk quota is exceeded"),
        ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "the file system is read-only"),
        FileTooLarge => ("tệp quá lớn", "the file is too large"),
        AlreadyExists => ("tệp đã có", "the file already exists"),
        InvalidFilename => ("tên tệp không hợp lệ hoặc quá dài", "the file name is invalid or too long"),
        DirectoryNotEmpty => ("thư mục không trống", "the directory is not empty"),
        CrossesDevices => {
            ("không chuyển được tệp sang ổ đĩa khác", "the file cannot be moved to another device")
        }
        ResourceBusy => ("tệp đang bị chương trình khác dùng", "the file is in use by another program"),
        TooManyLinks => ("quá nhiều liên kết", "too many links"),
        InvalidData => ("dữ liệu không hợp lệ", "invalid data"),
        UnexpectedEof => ("tệp kết thúc bất ngờ", "the file ends unexpectedly"),
        BrokenPipe => ("đầu đọc đã đóng ống dẫn", "the reader closed the pipe"),
        Interrupted => ("bị ngắt giữa chừng", "interrupted"),
        OutOfMemory => ("không đủ bộ nhớ", "out of memory"),
        TimedOut => ("quá thời gian chờ", "timed out"),
        _ => {
            return match e.raw_os_error() {
                Some(code) => {
                    (format!("lỗi hệ điều hành số {code}"), format!("operating system error {code}"))
                }
                None => ("lỗi vào/ra".to_owned(), "input/output error".to_owned()),
            };
        }
    };
    (vi.to_owned(), en.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_reason_carries_the_systems_english_or_a_path() {
        let with_path =
            std::io::Error::new(ErrorKind::StorageFull, "write /x/.vanban-abc.tmp: No space left");
        assert_eq!(ly_do_io(&with_path).0, "ổ đĩa đã đầy");
        for code in [1, 2, 5, 13, 20, 21, 28, 30, 36, 71, 95] {
            let (vi, en) = ly_do_io(&std::io::Error::from_raw_os_error(code));
            assert!(!vi.is_empty() && !en.is_empty());
            assert!(!vi.contains("os error") && !vi.contains('/'), "{code}: {vi}");
        }
    }
}
