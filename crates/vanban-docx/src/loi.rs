//! The errors of writing a DOCX.

/// Why a document could not be written as DOCX.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoiDocx {
    /// The document uses a form or component the DOCX writer does not lay out yet. Nothing
    /// is written rather than a file that silently leaves it out.
    #[error("the DOCX writer does not support {thanh_phan} yet (use the PDF renderer)")]
    ChuaHoTro {
        /// The form or component, named as the decree does (`phụ lục (Mẫu 2.1)`).
        thanh_phan: &'static str,
    },
    /// The zip container could not be written.
    #[error("failed to write the DOCX package ({0})")]
    Zip(#[from] zip::result::ZipError),
    /// Writing into the in-memory buffer failed.
    #[error("failed to write the DOCX package ({0})")]
    Io(#[from] std::io::Error),
}
