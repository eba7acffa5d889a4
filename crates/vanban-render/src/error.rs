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
}
