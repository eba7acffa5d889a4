//! The renderer: created once, then called for each document.

use std::path::Path;

use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfStandard, PdfStandards, Timestamp};
use vanban_core::VanBan;

use crate::fonts::{FontFallback, Fonts};
use crate::inspect::{PageView, page_view};
use crate::world::{Base, DocWorld};
use crate::{RenderError, assets, data};

/// How the PDF is written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PdfOptions {
    /// Write PDF/A-2b, for archives. The document's date (or 1 January of its year, when
    /// the date is partial) becomes the PDF's creation date.
    pub pdf_a: bool,
}

impl PdfOptions {
    /// Options for PDF/A-2b output.
    pub fn pdf_a() -> PdfOptions {
        PdfOptions { pdf_a: true }
    }
}

/// Lays documents out with the embedded templates and fonts and exports PDF.
///
/// The standard library, the embedded fonts and the templates are made once per process, at
/// the first compile that needs them, and Typst keeps what it worked out for the next
/// document. Keep one renderer and reuse it. It is `Send + Sync`: render from several
/// threads at once through a shared reference.
///
/// # Example
/// ```no_run
/// let text = std::fs::read_to_string("examples/cong-van.toml")?;
/// let van_ban = vanban_core::parse(&text, vanban_core::DangTep::Toml)?;
/// let renderer = vanban_render::Renderer::new();
/// let pdf = renderer.render_pdf(&van_ban, &vanban_render::PdfOptions::default())?;
/// std::fs::write("cong-van.pdf", pdf)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Renderer {
    pub(crate) base: Base,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer").field("font_family", &self.font_family()).finish_non_exhaustive()
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

/// A laid-out document, ready to be measured, written as PDF or previewed page by page.
///
/// Its pages are those of every file it is issued as: the document itself and, for an
/// electronic document, the parts issued as files of their own ([`Layout::files`]).
pub struct Layout {
    pub(crate) document: PagedDocument,
    pub(crate) ngay: vanban_core::Ngay,
    pub(crate) ident: String,
    pub(crate) files: Vec<Tep>,
}

/// One file a document is issued as: the document itself (with the parts in the same file),
/// or a part issued as a file of its own (Mẫu 1.3 electronic, 2.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tep {
    pub(crate) ten: Option<String>,
    pub(crate) trang: Vec<usize>,
}

impl Tep {
    /// The name that tells a separate part's file apart (`phu-luc-II`, `kem-theo`, from
    /// [`VanBan::tep_rieng`]); `None` for the document itself.
    pub fn ten(&self) -> Option<&str> {
        self.ten.as_deref()
    }

    /// The indices (from 0) of its pages among the layout's.
    pub fn trang(&self) -> &[usize] {
        &self.trang
    }
}

impl std::fmt::Debug for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Layout").field("pages", &self.document.pages().len()).finish_non_exhaustive()
    }
}

impl Renderer {
    /// Does now what every renderer of this process shares and would otherwise do at its
    /// first compile: builds and hashes Typst's standard library and parses the embedded
    /// fonts and the templates. Each is done once per process; a compile that needs one
    /// still being made waits for it. A program that is about to render calls this on a
    /// thread of its own first, so that the work overlaps its own (reading the document,
    /// planning the outputs): `std::thread::spawn(Renderer::prepare)`.
    pub fn prepare() {
        crate::library::prepare();
        crate::fonts::Fonts::embedded();
        crate::templates::parse_all();
    }

    /// Creates a renderer with the embedded templates and fonts.
    pub fn new() -> Renderer {
        Renderer { base: Base::new() }
    }

    /// Creates a renderer that sets documents in the Times New Roman installed in `dir`, as
    /// Nghị định 30 prescribes, when it is there; otherwise in the embedded Liberation
    /// Serif, with the reason as the second value.
    ///
    /// The font files (`.ttf`, `.otf`, `.ttc`, `.otc`) directly in `dir` are read once,
    /// here; subdirectories and the system's fonts are not looked at. Times New Roman is
    /// used only with all four faces the templates use (regular, bold, italic, bold
    /// italic), each with every Vietnamese letter. The embedded faces remain as a fallback
    /// for characters Times New Roman lacks. The two families have the same metrics, so a
    /// document breaks into the same lines and pages with either.
    pub fn with_font_dir(dir: &Path) -> (Renderer, Option<FontFallback>) {
        match Fonts::from_dir(dir) {
            Ok(fonts) => (Renderer { base: Base::with_fonts(fonts) }, None),
            Err(fallback) => (Renderer::new(), Some(fallback)),
        }
    }

    /// The font family documents are set in: [`TIMES_NEW_ROMAN`](crate::TIMES_NEW_ROMAN)
    /// when [`Renderer::with_font_dir`] found it, otherwise [`FAMILY`](crate::FAMILY).
    pub fn font_family(&self) -> &str {
        self.base.font_family()
    }

    /// Lays a document out.
    ///
    /// # Errors
    /// [`RenderError::MissingGlyph`], [`RenderError::Overflow`] and
    /// [`RenderError::BangQuaRong`] for text a reader would not see; [`RenderError::Image`] when the document names images (they need
    /// [`Renderer::layout_in`]); [`RenderError::Template`] when the templates fail, which is
    /// a bug in vanban.
    pub fn layout(&self, van_ban: &VanBan) -> Result<Layout, RenderError> {
        self.lay_out(van_ban, None)
    }

    /// Lays out a document read from a file in `dir`: the images it names ([`KySo`]) are
    /// read from that directory, and from nowhere else.
    ///
    /// # Errors
    /// As [`Renderer::layout`], and [`RenderError::Image`] for an image that is missing,
    /// outside `dir` (also through a symbolic link), not a transparent PNG, or of unknown
    /// real size.
    ///
    /// [`KySo`]: vanban_core::KySo
    pub fn layout_in(&self, van_ban: &VanBan, dir: &Path) -> Result<Layout, RenderError> {
        self.lay_out(van_ban, Some(dir))
    }

    fn lay_out(&self, van_ban: &VanBan, dir: Option<&Path>) -> Result<Layout, RenderError> {
        let (json, images) = data::with_images(van_ban, dir)?;
        let bytes = serde_json::to_vec(&json).unwrap_or_default();
        let ident = format!("vanban-{:016x}", fnv1a(&bytes));
        let images = [(assets::CHU_KY, images.chu_ky), (assets::DAU, images.dau)]
            .into_iter()
            .filter_map(|(path, png)| Some((self.base.image_id(path), png?.bytes)))
            .collect();
        let world = DocWorld { base: &self.base, data: Bytes::new(bytes), images };
        let document = compile(&world)?.map_err(|errors| RenderError::Template(describe(&world, &errors)))?;
        crate::guard::check(&document).map_err(|e| crate::guard::in_table(van_ban, e))?;
        let parts = phu_luc_starts(&document);
        let starts: Vec<usize> = parts.iter().map(|(page, _)| *page).collect();
        let files = files(document.pages().len(), &parts);
        let document = match self.base.regular_font() {
            Some(font) => crate::so_trang::mac_dinh().apply(document, &font, &starts),
            None => document,
        };
        Ok(Layout { document, ngay: van_ban.ngay, ident, files })
    }

    /// Lays a document out and writes it as PDF: the document itself, without the parts
    /// issued as files of their own ([`Layout::pdf_of`] writes those).
    ///
    /// The same document and options always give the same bytes.
    ///
    /// # Errors
    /// As [`Renderer::layout`], and [`RenderError::Pdf`] when export fails.
    pub fn render_pdf(&self, van_ban: &VanBan, options: &PdfOptions) -> Result<Vec<u8>, RenderError> {
        self.layout(van_ban)?.pdf(options)
    }
}

impl Layout {
    /// The number of pages.
    pub fn page_count(&self) -> usize {
        self.document.pages().len()
    }

    /// Every page, in measurable terms.
    pub fn pages(&self) -> Vec<PageView> {
        self.document.pages().iter().map(|p| page_view(&p.frame)).collect()
    }

    /// The files the document is issued as: first the document itself, then each part
    /// issued as a file of its own, in order.
    pub fn files(&self) -> &[Tep] {
        &self.files
    }

    /// Writes the document itself as PDF: every page but those of the parts issued as
    /// files of their own.
    ///
    /// # Errors
    /// [`RenderError::Pdf`] when export fails.
    pub fn pdf(&self, options: &PdfOptions) -> Result<Vec<u8>, RenderError> {
        self.pdf_of(&self.files[0], options)
    }

    /// Writes one of the document's [`files`](Layout::files) as PDF.
    ///
    /// # Errors
    /// [`RenderError::Pdf`] when export fails, or when `tep` is not one of this layout's files.
    pub fn pdf_of(&self, tep: &Tep, options: &PdfOptions) -> Result<Vec<u8>, RenderError> {
        if !self.files.contains(tep) {
            return Err(RenderError::Pdf(vec![
                "the file is not one of this layout's (Layout::files)".to_owned(),
            ]));
        }
        let ident = match &tep.ten {
            Some(ten) => format!("{}-{ten}", self.ident),
            None => self.ident.clone(),
        };
        // A file of some of the pages is a document of its own: exporting a page range would
        // give up the tagged (accessible) PDF.
        let part = (self.files.len() > 1).then(|| {
            let pages = tep.trang.iter().filter_map(|&i| self.document.pages().get(i).cloned());
            PagedDocument::new(pages.collect(), typst::model::Document::info(&self.document).clone())
        });
        let mut pdf_options = typst_pdf::PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
            ..typst_pdf::PdfOptions::default()
        };
        if options.pdf_a {
            let standards = PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| {
                RenderError::Pdf(
                    e.hints().iter().map(|h| h.to_string()).chain([e.message().to_string()]).collect(),
                )
            })?;
            pdf_options.standards = standards;
            let ngay = &self.ngay;
            let date = Datetime::from_ymd(
                ngay.nam(),
                ngay.thang().unwrap_or(1) as u8,
                ngay.ngay().unwrap_or(1) as u8,
            );
            // Vietnam time, UTC+07:00.
            pdf_options.timestamp = date.and_then(|d| Timestamp::new_local(d, 7 * 60));
        }
        typst_pdf::pdf(part.as_ref().unwrap_or(&self.document), &pdf_options)
            .map_err(|errors| RenderError::Pdf(errors.iter().map(|e| e.message.to_string()).collect()))
    }
}

/// Describes template diagnostics with their file and line.
fn describe(world: &DocWorld<'_>, errors: &[SourceDiagnostic]) -> Vec<String> {
    errors
        .iter()
        .map(|e| {
            let place = e.span.id().and_then(|id| {
                let source = world.source(id).ok()?;
                let range = world.range(e.span)?;
                let line = source.lines().byte_to_line(range.start)? + 1;
                Some(format!("{}:{line}: ", id.get().vpath().get_with_slash()))
            });
            let hints: String = e.hints.iter().map(|h| format!(" (gợi ý: {})", h.v)).collect();
            format!("{}{}{hints}", place.unwrap_or_default(), e.message)
        })
        .collect()
}

/// FNV-1a: a stable hash for the PDF's document identifier.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// The index of the page where each appendix (or attached document) starts, with the name
/// of its file when it is issued as a file of its own: the template marks each with the
/// label `<phu-luc>` on metadata holding `none` or `(ten: "phu-luc-II", ..)`.
fn phu_luc_starts(document: &PagedDocument) -> Vec<(usize, Option<String>)> {
    use typst::foundations::{Label, Selector, Value};
    use typst::introspection::{Introspector, MetadataElem};
    let Some(label) = Label::new(typst::utils::PicoStr::intern("phu-luc")) else { return Vec::new() };
    let introspector = document.introspector();
    introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| {
            let page = introspector.page(c.location()?)?.get() - 1;
            let ten = match &c.to_packed::<MetadataElem>()?.value {
                Value::Dict(d) => d.get("ten").ok().and_then(|v| v.clone().cast::<String>().ok()),
                _ => None,
            };
            Some((page, ten))
        })
        .collect()
}

/// Splits `count` pages into files: the document's, holding every page outside a separate
/// part, then one per part issued as a file of its own (from its start to the next part's).
fn files(count: usize, parts: &[(usize, Option<String>)]) -> Vec<Tep> {
    let mut main = Tep { ten: None, trang: Vec::new() };
    let mut separate: Vec<Tep> = Vec::new();
    let mut current: Option<usize> = None;
    let mut next = parts.iter().peekable();
    for page in 0..count {
        while let Some((_, ten)) = next.next_if(|(start, _)| *start <= page) {
            current = ten.as_ref().map(|ten| {
                separate.push(Tep { ten: Some(ten.clone()), trang: Vec::new() });
                separate.len() - 1
            });
        }
        match current {
            Some(i) => separate[i].trang.push(page),
            None => main.trang.push(page),
        }
    }
    std::iter::once(main).chain(separate).collect()
}

/// Documents of at most this many pages leave their entries in Typst's memoisation cache for
/// the next document; a longer one takes its entries with it.
pub(crate) const TRANG_GIU_BO_NHO_DEM: usize = 4;

/// How many documents back Typst's memoisation cache keeps the entries of, after a document
/// of `pages` pages (the `max_age` of `comemo::evict`).
///
/// What the next document reuses is the same after any document: the templates evaluated,
/// the fonts' data (without them the reference công văn takes about 5 ms in a warm worker
/// instead of 3). What a document leaves besides grows with its pages: the layout of every
/// paragraph, which no other document asks for again. So a short document keeps what it used
/// (1) and a long one keeps nothing (0). Keeping ten documents' worth, as once, nearly
/// doubled a worker's memory on the 10-page kế hoạch (137 against 76 MB); keeping the last
/// document's, 16 workers on the kế hoạch held 288–294 MiB against 257–258 MiB now, and two
/// workers kept their speed, the workers keeping freed memory for the next document
/// (README, Performance: Sixteen workers).
pub(crate) fn cache_age_kept(pages: usize) -> usize {
    usize::from(pages <= TRANG_GIU_BO_NHO_DEM)
}

/// Lays a world's main template out, guarded: a panic inside Typst would be a bug there, but
/// it must not take a long-running program down with it, so it becomes an error for this
/// document. Afterwards the memoisation cache is kept bounded ([`cache_age_kept`]).
pub(crate) fn compile(
    world: &dyn typst::World,
) -> Result<typst::diag::SourceResult<PagedDocument>, RenderError> {
    let compiled =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| typst::compile::<PagedDocument>(world)));
    let pages = match &compiled {
        Ok(Warned { output: Ok(document), .. }) => document.pages().len(),
        _ => 0,
    };
    typst::comemo::evict(cache_age_kept(pages));
    let Warned { output, warnings: _ } = compiled.map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        RenderError::Template(vec![format!("Typst dừng đột ngột: {what}")])
    })?;
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn separate_parts_take_their_pages_from_the_document() {
        let parts = [(2, Some("phu-luc-I".to_owned())), (4, None), (5, Some("phu-luc-III".to_owned()))];
        let f = files(7, &parts);
        let pages: Vec<(Option<&str>, &[usize])> = f.iter().map(|t| (t.ten(), t.trang())).collect();
        assert_eq!(
            pages,
            [(None, &[0, 1, 4][..]), (Some("phu-luc-I"), &[2, 3][..]), (Some("phu-luc-III"), &[5, 6][..])]
        );
        assert_eq!(files(3, &[]), [Tep { ten: None, trang: vec![0, 1, 2] }]);
    }

    #[test]
    fn a_long_document_takes_its_cache_entries_with_it() {
        assert_eq!(cache_age_kept(1), 1);
        assert_eq!(cache_age_kept(TRANG_GIU_BO_NHO_DEM), 1);
        assert_eq!(cache_age_kept(TRANG_GIU_BO_NHO_DEM + 1), 0);
        assert_eq!(cache_age_kept(10), 0);
        // A failed compile (no pages) keeps what it used: the templates were evaluated.
        assert_eq!(cache_age_kept(0), 1);
    }

    /// Prepared on another thread while a renderer is created and used, or not at all: the
    /// same PDF.
    #[test]
    fn preparing_on_another_thread_changes_nothing() {
        let vb = sample::cong_van("Đoạn một.\n\nĐoạn hai./.");
        let prepared = std::thread::spawn(Renderer::prepare);
        let during = Renderer::new().render_pdf(&vb, &PdfOptions::default()).unwrap();
        prepared.join().unwrap();
        Renderer::prepare();
        let after = Renderer::new().render_pdf(&vb, &PdfOptions::default()).unwrap();
        assert!(during.starts_with(b"%PDF-"));
        assert_eq!(during, after);
    }

    #[test]
    fn renders_a_one_page_cong_van() {
        let renderer = Renderer::new();
        let vb = sample::cong_van("Đoạn một.\n\nĐoạn hai./.");
        let layout = renderer.layout(&vb).unwrap();
        assert_eq!(layout.page_count(), 1);
        let pdf = layout.pdf(&PdfOptions::default()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        if let Ok(dir) = std::env::var("VANBAN_SCRATCH") {
            std::fs::write(format!("{dir}/sample.pdf"), &pdf).unwrap();
        }
    }
}
