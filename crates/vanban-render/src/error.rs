//! Why a render failed.

use thiserror::Error;

/// A render that produced no PDF (or no preview).
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The templates failed to compile or lay out the document. This is a bug in vanban,
    /// not in the document: the messages name the template file and line.
    #[error("lỗi mẫu trình bày (template), xin báo lỗi cho nhóm phát triển:\n{}", .0.join("\n"))]
    Template(Vec<String>),
    /// PDF export failed (for example a PDF/A requirement was not met).
    #[error("không xuất được PDF: {}", .0.join("; "))]
    Pdf(Vec<String>),
    /// A character none of the embedded fonts can print (an emoji, a Chinese character, …):
    /// it would appear as an empty box.
    #[error("phông chữ không có ký tự “{character}” (U+{code:04X}), trong “{text}”", code = *character as u32)]
    MissingGlyph {
        /// The character.
        character: char,
        /// The text it stands in.
        text: String,
    },
    /// An image the document names that cannot be used: missing, outside the document's
    /// directory, not a transparent PNG, or without a known real size.
    #[error("ảnh “{path}” (khóa {khoa}): {why}")]
    Image {
        /// The key that names it (`ky_so.chu_ky`, `ky_so.dau`).
        khoa: &'static str,
        /// The path, as the document wrote it.
        path: String,
        /// Why it cannot be used.
        why: String,
        /// [`RenderError::Image::why`] in English.
        why_en: String,
    },
    /// Text that does not fit its place: a word longer than a line or a column, which would
    /// run off the page or over other text.
    #[error("trang {page}: “{text}” có từ dài hơn chỗ dành cho nó, chữ sẽ tràn ra lề hoặc đè lên chữ khác")]
    Overflow {
        /// The page, from 1.
        page: usize,
        /// The text that overflows.
        text: String,
    },
    /// A table wider than the text area: too many columns for the page (or a word too long
    /// for its column), so that a cell runs into the margin or over its neighbour.
    #[error(
        "trang {page}: bảng có {cot} cột rộng quá trang, chữ “{text}” ở hàng {hang} của bảng tràn ra lề hoặc đè lên ô bên cạnh"
    )]
    BangQuaRong {
        /// The page, from 1.
        page: usize,
        /// The table's row where text overflows: 1 is the header row.
        hang: usize,
        /// The number of columns.
        cot: usize,
        /// The plain text of that row's cells.
        o: Vec<String>,
        /// The text that overflows.
        text: String,
    },
    /// A preview of a page the document does not have.
    #[error("không có trang {page} để xem trước: văn bản có {pages} trang")]
    NoSuchPage {
        /// The page asked for, from 1.
        page: usize,
        /// The number of pages.
        pages: usize,
    },
    /// A preview resolution outside [`PREVIEW_DPI`](crate::PREVIEW_DPI).
    #[error("độ phân giải {0} dpi không dùng được: phải từ 10 đến 1200 dpi")]
    Dpi(f32),
    /// A preview image could not be encoded.
    #[error("không tạo được ảnh xem trước: {0}")]
    Preview(String),
}

impl RenderError {
    /// The message in English (the `Display` form is Vietnamese).
    pub fn en(&self) -> String {
        match self {
            RenderError::Template(lines) => {
                format!("template error, please report it to the developers:\n{}", lines.join("\n"))
            }
            RenderError::Pdf(lines) => format!("PDF export failed: {}", lines.join("; ")),
            RenderError::MissingGlyph { character, text } => format!(
                "the fonts have no character “{character}” (U+{:04X}), in “{text}”",
                *character as u32
            ),
            RenderError::Image { khoa, path, why_en, .. } => format!("image “{path}” (key {khoa}): {why_en}"),
            RenderError::BangQuaRong { page, hang, cot, text, .. } => format!(
                "page {page}: a table of {cot} columns is too wide for the page; “{text}” in row {hang} of the table runs into the margin or over the next cell"
            ),
            RenderError::Overflow { page, text } => format!(
                "page {page}: “{text}” has a word longer than its place; it would run into the margin or over other text"
            ),
            RenderError::NoSuchPage { page, pages } => {
                format!("no page {page} to preview: the document has {pages} page(s)")
            }
            RenderError::Dpi(dpi) => {
                format!("a resolution of {dpi} dpi cannot be used: it must be 10 to 1200 dpi")
            }
            RenderError::Preview(why) => format!("cannot make the preview image: {why}"),
        }
    }
}
