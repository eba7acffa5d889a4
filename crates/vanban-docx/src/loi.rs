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
    /// The document issues parts as files of their own (`tep_rieng`): one package cannot
    /// hold them; write them all with [`cac_tep`](crate::cac_tep).
    #[error("the document issues parts as files of their own ({}); write them with cac_tep", cac_tep.join(", "))]
    CoTepRieng {
        /// The names of those parts' files (`phu-luc-II`).
        cac_tep: Vec<String>,
    },
    /// The document names images (`[ky_so]`: the signature and the seal of an electronic
    /// document) but was given without the directory they are read from: write it with
    /// [`docx_in`](crate::docx_in).
    #[error(
        "the document names the image {path} ([ky_so]) but no directory was given to read it from (use docx_in)"
    )]
    CanThuMuc {
        /// The image's path, as the document writes it (relative to its directory).
        path: String,
    },
    /// An image the document names cannot be read or used.
    #[error("the image {path} ({khoa}) cannot be used: {ly_do}")]
    Anh {
        /// The key that names it: `ky_so.chu_ky`, `ky_so.dau`.
        khoa: &'static str,
        /// The image's path, as the document writes it (relative to its directory).
        path: String,
        /// Why, in English.
        ly_do: String,
    },
    /// The zip container could not be written.
    #[error("failed to write the DOCX package ({0})")]
    Zip(#[from] zip::result::ZipError),
    /// Writing into the in-memory buffer failed.
    #[error("failed to write the DOCX package ({0})")]
    Io(#[from] std::io::Error),
}
