//! The Typst `World` the templates are compiled in: embedded templates and fonts, one
//! virtual data file, no file system, no clock.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts::Fonts;
use crate::templates;

/// What every render shares: the standard library, the fonts and the parsed templates.
/// Built once per [`Renderer`](crate::Renderer).
pub(crate) struct Base {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Fonts,
    main: FileId,
    data: FileId,
    sources: Vec<Source>,
}

impl Base {
    pub(crate) fn new() -> Base {
        let fonts = Fonts::embedded();
        Base {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(fonts.book.clone()),
            fonts,
            main: templates::file_id(templates::MAIN.path),
            data: templates::file_id(templates::DATA_PATH),
            sources: templates::sources(),
        }
    }
}

impl Base {
    /// The regular face of the embedded family, for text set outside the templates.
    pub(crate) fn regular_font(&self) -> Option<Font> {
        self.fonts.get(0)
    }
}

/// One document's view of the world: the shared base plus this document's data.
pub(crate) struct DocWorld<'a> {
    pub(crate) base: &'a Base,
    pub(crate) data: Bytes,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.base.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.base.book
    }

    fn main(&self) -> FileId {
        self.base.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.base.sources.iter().find(|s| s.id() == id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.base.data {
            return Ok(self.data.clone());
        }
        self.source(id).map(|s| Bytes::from_string(s.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.base.fonts.get(index)
    }

    /// No clock: output must not depend on when it was made.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}
