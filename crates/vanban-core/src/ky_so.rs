//! Chữ ký số (Phụ lục I II.7.d, II.8; nd30 §10): the images an electronic document shows where
//! it is signed — the signer's signature (ô 7c) and the agency's seal (ô 8).

use crate::ValueError;

/// An image a document names: a PNG file, by a path relative to the document file's own
/// directory. Only the shape of the path is checked here; the renderer resolves it inside
/// that directory and reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anh(String);

impl Anh {
    /// Checks a path: relative, inside the document's directory (no `..`), to a `.png` file.
    ///
    /// # Errors
    /// [`ValueError::DuongDanAnh`] saying what is wrong with the path.
    pub fn new(path: &str) -> Result<Anh, ValueError> {
        let fail = |why: &'static str, why_en: &'static str| {
            Err(ValueError::DuongDanAnh { path: crate::text::ngan(path), why, why_en })
        };
        let p = path.trim();
        if p.is_empty() {
            return Err(ValueError::Empty);
        }
        if p.contains('\0') {
            return fail("có ký tự NUL", "it contains a NUL character");
        }
        let windows_drive = p.len() >= 2 && p.as_bytes()[1] == b':' && p.as_bytes()[0].is_ascii_alphabetic();
        if p.starts_with(['/', '\\']) || windows_drive || p.starts_with('~') {
            return fail(
                "phải là đường dẫn tương đối, tính từ thư mục chứa tệp văn bản",
                "it must be a relative path, from the directory of the document file",
            );
        }
        if p.split(['/', '\\']).any(|part| part == "..") {
            return fail(
                "không được ra ngoài thư mục chứa tệp văn bản (“..”)",
                "it must not leave the directory of the document file (“..”)",
            );
        }
        if !p.to_ascii_lowercase().ends_with(".png") {
            return fail(
                "phải là ảnh PNG (đuôi .png) nền trong suốt",
                "it must be a PNG image (ending in .png) with a transparent background",
            );
        }
        Ok(Anh(p.to_owned()))
    }

    /// The path as written, relative to the document's directory.
    pub fn duong_dan(&self) -> &str {
        &self.0
    }
}

/// The agency's seal image (ô 8), printed at the seal's real size.
#[derive(Debug, Clone, PartialEq)]
pub struct Dau {
    /// The image.
    pub anh: Anh,
    /// The seal's diameter in millimetres; when absent, the image's own resolution (its
    /// PNG `pHYs` record) gives its real size.
    pub duong_kinh_mm: Option<f64>,
}

impl Dau {
    /// The smallest and largest seal diameters accepted, in millimetres.
    pub const DUONG_KINH_MM: (f64, f64) = (20.0, 60.0);
}

/// The images of an electronic document's signing: the signer's signature, blue on a
/// transparent background, centred between the title and the name; and, over the left
/// third of it, the agency's seal.
#[derive(Debug, Clone, PartialEq)]
pub struct KySo {
    /// The signer's signature image (ô 7c).
    pub chu_ky: Anh,
    /// The agency's seal (ô 8), if the document shows it.
    pub dau: Option<Dau>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_png_paths_inside_the_directory() {
        assert_eq!(Anh::new("chu-ky.png").unwrap().duong_dan(), "chu-ky.png");
        assert!(Anh::new("anh/dau.PNG").is_ok());
        for bad in [
            "/etc/dau.png",
            "\\\\server\\dau.png",
            "C:\\dau.png",
            "~/dau.png",
            "../dau.png",
            "anh/../../dau.png",
            "a\\..\\b.png",
            "dau.jpg",
            "dau",
        ] {
            assert!(matches!(Anh::new(bad), Err(ValueError::DuongDanAnh { .. })), "{bad}");
        }
        assert_eq!(Anh::new("  "), Err(ValueError::Empty));
    }
}
