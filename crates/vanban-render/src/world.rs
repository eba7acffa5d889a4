//! The Typst `World` the templates are compiled in: embedded templates, the embedded fonts
//! (or the Times New Roman read when the renderer was created), one virtual data file, no
//! file system, no clock.

use typst::diag::{FileError, FileResult, PackageError};
use typst::ecow::eco_format;
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use crate::fonts::Fonts;
use crate::templates::{self, LazyTemplate};

/// What every render of a [`Renderer`](crate::Renderer) shares: its fonts, and the standard
/// library and the templates. The library, the templates and the embedded fonts are made
/// once per process for every renderer, the first time a compile needs them or ahead of it
/// ([`Renderer::prepare`](crate::Renderer::prepare)), not when a renderer is created.
pub(crate) struct Base {
    /// The Times New Roman read from a directory; `None` for the embedded faces.
    own_fonts: Option<Box<Fonts>>,
    main: FileId,
    data: FileId,
    images: [FileId; 2],
    sources: Vec<LazyTemplate>,
}

impl Base {
    /// With the embedded fonts.
    pub(crate) fn new() -> Base {
        Base::with_own_fonts(None)
    }

    /// With the given fonts.
    pub(crate) fn with_fonts(fonts: Fonts) -> Base {
        Base::with_own_fonts(Some(Box::new(fonts)))
    }

    fn with_own_fonts(own_fonts: Option<Box<Fonts>>) -> Base {
        Base {
            own_fonts,
            main: templates::file_id(templates::MAIN.path),
            data: templates::file_id(templates::DATA_PATH),
            images: [templates::file_id(crate::assets::CHU_KY), templates::file_id(crate::assets::DAU)],
            sources: templates::sources(),
        }
    }
}

impl Base {
    /// The fonts documents are set in.
    fn fonts(&self) -> &Fonts {
        self.own_fonts.as_deref().unwrap_or_else(|| Fonts::embedded())
    }

    /// The file id of an image's fixed virtual path.
    pub(crate) fn image_id(&self, path: &str) -> FileId {
        if path == crate::assets::DAU { self.images[1] } else { self.images[0] }
    }

    /// The regular face of the family documents are set in, for text set outside the
    /// templates.
    pub(crate) fn regular_font(&self) -> Option<Font> {
        self.fonts().get(0)
    }

    /// The family documents are set in.
    pub(crate) fn font_family(&self) -> &'static str {
        self.fonts().family()
    }
}

/// One document's view of the world: the shared base plus this document's data.
pub(crate) struct DocWorld<'a> {
    pub(crate) base: &'a Base,
    pub(crate) data: Bytes,
    /// The document's images, under their fixed virtual paths.
    pub(crate) images: Vec<(FileId, Bytes)>,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        crate::library::shared()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.base.fonts().book
    }

    fn main(&self) -> FileId {
        self.base.main
    }

    /// Only the embedded templates: no file system, no packages.
    fn source(&self, id: FileId) -> FileResult<Source> {
        if let VirtualRoot::Package(spec) = id.get().root() {
            return Err(FileError::Package(PackageError::Other(Some(eco_format!(
                "Typst packages are not available to vanban's templates ({spec})"
            )))));
        }
        let template = self.base.sources.iter().find(|t| t.id() == id).ok_or_else(|| not_found(id))?;
        Ok(template.source().clone())
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.base.data {
            return Ok(self.data.clone());
        }
        if let Some((_, bytes)) = self.images.iter().find(|(i, _)| *i == id) {
            return Ok(bytes.clone());
        }
        self.source(id).map(|s| Bytes::from_string(s.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.base.fonts().get(index)
    }

    /// No clock: output must not depend on when it was made.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}

#[cfg(test)]
mod tests {
    use typst::World;
    use typst::diag::{FileError, PackageError};
    use typst::foundations::Bytes;
    use typst::syntax::package::PackageSpec;
    use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
    use typst_layout::PagedDocument;

    use super::{Base, DocWorld};
    use crate::templates::LazyTemplate;

    fn id(root: VirtualRoot, path: &str) -> FileId {
        RootedPath::new(root, VirtualPath::new(path).unwrap()).intern()
    }

    fn world(base: &Base) -> DocWorld<'_> {
        DocWorld { base, data: Bytes::new(b"{}".to_vec()), images: Vec::new() }
    }

    #[test]
    fn no_file_outside_the_embedded_ones_is_readable() {
        let base = Base::new();
        let w = world(&base);
        // (A path with `..` above the root cannot even be named: Typst refuses to build it.)
        assert!(VirtualPath::new("/../etc/passwd").is_err());
        for path in ["/etc/passwd", "/templates/vanban.typ", "/fonts/LiberationSerif-Regular.ttf"] {
            assert!(matches!(w.file(id(VirtualRoot::Project, path)), Err(FileError::NotFound(_))), "{path}");
            assert!(w.source(id(VirtualRoot::Project, path)).is_err(), "{path}");
        }
        assert!(w.file(id(VirtualRoot::Project, "/data.json")).is_ok());
        assert!(w.source(id(VirtualRoot::Project, "/vanban.typ")).is_ok());
    }

    #[test]
    fn packages_are_refused() {
        let base = Base::new();
        let spec: PackageSpec = "@preview/cetz:0.3.0".parse().unwrap();
        let pkg = id(VirtualRoot::Package(spec), "/lib.typ");
        match world(&base).source(pkg) {
            Err(FileError::Package(PackageError::Other(Some(m)))) => assert!(m.contains("not available")),
            other => panic!("{other:?}"),
        }
    }

    /// A template that tried to reach outside would fail to compile, with the reason.
    #[test]
    fn a_template_cannot_import_read_or_show_outside_files() {
        for (code, reason) in [
            ("#import \"@preview/cetz:0.3.0\": *", "not available"),
            ("#read(\"/etc/passwd\")", "not found"),
            ("#read(\"../../../../etc/passwd\")", "escape the project root"),
            ("#image(\"/etc/logo.png\")", "not found"),
        ] {
            let mut base = Base::new();
            let main = base.main;
            base.sources.retain(|t| t.id() != main);
            base.sources.push(LazyTemplate::parsed(Source::new(main, code.to_owned())));
            let errors = match typst::compile::<PagedDocument>(&world(&base)).output {
                Ok(_) => panic!("{code} compiled"),
                Err(e) => e,
            };
            let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
            assert!(messages.iter().any(|m| m.contains(reason)), "{code}: {messages:?}");
        }
    }
}
