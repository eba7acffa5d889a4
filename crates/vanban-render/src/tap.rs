//! A set of documents laid out one by one and written as one PDF (tập văn bản: `render merge
//! --combine`): each starts on a new page and keeps its own page numbers.

use typst_layout::{Page, PagedDocument};

use crate::renderer::{Layout, Tep};
use crate::{PdfOptions, RenderError};

/// Documents laid out one by one, gathered in their order to be written as one PDF.
///
/// Each document keeps only the pages of its own file (not the parts an electronic document
/// issues as files of their own), laid out as they were: it starts on a new page and its page
/// numbers start again, as when it is printed alone.
///
/// # Example
/// ```no_run
/// # use vanban_render::{PdfOptions, Renderer, TapVanBan};
/// # fn docs() -> Vec<vanban_core::VanBan> { Vec::new() }
/// let renderer = Renderer::new();
/// let docs = docs();
/// let mut tap = TapVanBan::new(docs.len());
/// for (i, van_ban) in docs.iter().enumerate() {
///     tap.dat(i, renderer.layout(van_ban)?);
/// }
/// let pdf = tap.pdf(&PdfOptions::default())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Default)]
pub struct TapVanBan {
    /// The pages of each document, by its place in the set; `None` until it is laid out.
    cho: Vec<Option<Muc>>,
}

/// One document of a set: its pages, and what its PDF needs besides them.
struct Muc {
    pages: Vec<Page>,
    ngay: vanban_core::Ngay,
    ident: String,
    info: typst::model::DocumentInfo,
}

impl std::fmt::Debug for TapVanBan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TapVanBan").field("documents", &self.cho.len()).finish_non_exhaustive()
    }
}

impl TapVanBan {
    /// A set with room for `so` documents.
    pub fn new(so: usize) -> TapVanBan {
        TapVanBan { cho: (0..so).map(|_| None).collect() }
    }

    /// Puts the document laid out as `layout` in place `i` (from 0), in whatever order the
    /// documents are laid out. Its pages are kept; the rest of the layout is dropped.
    pub fn dat(&mut self, i: usize, layout: Layout) {
        if i >= self.cho.len() {
            self.cho.resize_with(i + 1, || None);
        }
        let pages =
            layout.files[0].trang.iter().filter_map(|&p| layout.document.pages().get(p).cloned()).collect();
        let info = typst::model::Document::info(&layout.document).clone();
        self.cho[i] = Some(Muc { pages, ngay: layout.ngay, ident: layout.ident, info });
    }

    /// The number of documents put in the set.
    pub fn so_van_ban(&self) -> usize {
        self.cho.iter().flatten().count()
    }

    /// The number of pages of the documents put in the set.
    pub fn so_trang(&self) -> usize {
        self.cho.iter().flatten().map(|m| m.pages.len()).sum()
    }

    /// Writes the documents put in the set as one PDF, in their places' order (places left
    /// empty are passed over). The first document's date is the PDF's, for PDF/A.
    ///
    /// The same documents and options always give the same bytes.
    ///
    /// # Errors
    /// [`RenderError::Pdf`] when the set is empty or export fails.
    pub fn pdf(&self, options: &PdfOptions) -> Result<Vec<u8>, RenderError> {
        let Some(first) = self.cho.iter().flatten().next() else {
            return Err(RenderError::Pdf(vec![
                "không có văn bản nào để ghi (no document to write)".to_owned(),
            ]));
        };
        let pages: Vec<Page> = self.cho.iter().flatten().flat_map(|m| m.pages.iter().cloned()).collect();
        // The set's identifier, from its documents' in order: the same set, the same bytes.
        let idents: Vec<&str> = self.cho.iter().flatten().map(|m| m.ident.as_str()).collect();
        let ident = format!("vanban-{:016x}", crate::renderer::fnv1a(idents.join("+").as_bytes()));
        let count = pages.len();
        let layout = Layout {
            document: PagedDocument::new(pages.into_iter().collect(), first.info.clone()),
            ngay: first.ngay,
            ident,
            files: vec![Tep { ten: None, trang: (0..count).collect() }],
        };
        layout.pdf(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Renderer;

    fn example(name: &str) -> vanban_core::VanBan {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        vanban_core::parse(&text, vanban_core::DangTep::from_path(&path)).unwrap()
    }

    #[test]
    fn a_set_is_its_documents_pages_in_their_places_order() {
        let renderer = Renderer::new();
        let (cong_van, giay_moi) = (example("cong-van.toml"), example("giay-moi.toml"));
        let (a, b) = (renderer.layout(&cong_van).unwrap(), renderer.layout(&giay_moi).unwrap());
        let pages = |l: &Layout| -> Vec<String> {
            l.pages().iter().map(|p| p.texts.iter().map(|r| r.text.as_str()).collect::<String>()).collect()
        };
        let mut expected = pages(&b);
        expected.extend(pages(&a));
        let mut tap = TapVanBan::new(2);
        // Laid out in any order, kept in the places' order.
        tap.dat(1, a);
        tap.dat(0, b);
        assert_eq!((tap.so_van_ban(), tap.so_trang()), (2, expected.len()));
        let pdf = tap.pdf(&PdfOptions::default()).unwrap();
        let mut again = TapVanBan::new(2);
        again.dat(0, renderer.layout(&giay_moi).unwrap());
        again.dat(1, renderer.layout(&cong_van).unwrap());
        assert_eq!(again.pdf(&PdfOptions::default()).unwrap(), pdf, "the same set, the same bytes");
        assert!(TapVanBan::new(3).pdf(&PdfOptions::default()).is_err(), "an empty set");
    }
}
