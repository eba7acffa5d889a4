//! Why a render failed.

use thiserror::Error;

/// A render that produced no PDF.
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
    #[error("ảnh “{path}”: {why}")]
    Image {
        /// The path, as the document wrote it.
        path: String,
        /// Why it cannot be used.
        why: String,
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
}
