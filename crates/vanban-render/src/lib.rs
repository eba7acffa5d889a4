//! Lays out [`vanban_core::VanBan`] documents as Nghị định 30/2020/NĐ-CP prescribes and
//! writes them as PDF.
//!
//! The Typst templates (`templates/`) and the Liberation Serif 2 fonts (`fonts/`) are
//! compiled into the crate. A document reaches the templates only as data, through one
//! virtual JSON file: nothing a document contains is ever evaluated as Typst. No system
//! fonts, clock or packages are used, and the file system is read only for the images an
//! electronic document names ([`vanban_core::KySo`]), inside the directory given to
//! [`Renderer::layout_in`], and, once, for the fonts of the directory given to
//! [`Renderer::with_font_dir`]; so the same document always gives the same bytes.
//!
//! Create a [`Renderer`] once and call [`Renderer::render_pdf`] for each document, or
//! [`Renderer::layout`] / [`Renderer::layout_in`] to measure the laid-out pages
//! ([`PageView`]), write it ([`Layout::pdf`]) or preview a page ([`Layout::png`],
//! [`Layout::svg`]). Layout refuses text a reader would not see: characters the fonts lack,
//! words too long for their line or column.
//!
//! [`Renderer::with_font_dir`] sets documents in an office's own Times New Roman, the font
//! the decree prescribes, instead of the embedded Liberation Serif.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod assets;
mod data;
mod error;
mod fonts;
mod ghep;
mod guard;
mod inspect;
#[cfg(test)]
mod khoa_du_lieu;
mod library;
mod preview;
mod renderer;
mod so_di;
mod so_trang;
mod tap;
mod templates;
mod world;
mod xmp;

pub use self::assets::MAX_BYTES as MAX_IMAGE_BYTES;
pub use self::error::RenderError;
pub use self::fonts::{FAMILY, FaceStyle, FallbackReason, FontFallback, TIMES_NEW_ROMAN};
pub use self::ghep::GhepPdf;
pub use self::inspect::{PT_PER_MM, PageView, Rule, StrokedBox, TextRun};
pub use self::preview::PREVIEW_DPI;
pub use self::renderer::{Layout, PdfOptions, Renderer, Tep};
pub use self::so_di::{COT_SO_DI, DongSoDi, SoDiData, TIEU_DE_SO_DI};
pub use self::tap::TapVanBan;
pub use self::xmp::{NS_DU_LIEU_DI, them_du_lieu_di};

#[cfg(test)]
mod sample;
