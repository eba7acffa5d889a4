//! The embedded Typst templates (`templates/` at the repository root).

use std::sync::OnceLock;

use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};

/// A template file compiled into the binary.
pub(crate) struct Template {
    pub(crate) path: &'static str,
    pub(crate) text: &'static str,
}

/// The entry point: reads `/data.json` and lays out the document.
pub(crate) const MAIN: Template =
    Template { path: "/vanban.typ", text: include_str!("../../../templates/vanban.typ") };

/// The components of Phụ lục I, one function each.
pub(crate) const THE_THUC: Template =
    Template { path: "/the-thuc.typ", text: include_str!("../../../templates/the-thuc.typ") };

/// The entry point of the printed register (sổ đăng ký văn bản đi): reads `/data.json`.
pub(crate) const SO_DI: Template =
    Template { path: "/so-di.typ", text: include_str!("../../../templates/so-di.typ") };

/// Every template.
pub(crate) const ALL: [Template; 3] = [MAIN, THE_THUC, SO_DI];

/// The virtual file that carries a document's data to the templates.
pub(crate) const DATA_PATH: &str = "/data.json";

/// Interns a fixed virtual path. Only the paths above are ever interned, so the global
/// file-id table never grows with the number of documents rendered.
pub(crate) fn file_id(path: &str) -> FileId {
    // The paths are constants known to be valid; a failure here is a bug in this crate.
    let vpath = VirtualPath::new(path).expect("template paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// The embedded templates once parsed, in the order of [`ALL`]: once per process, shared
/// by every renderer.
static PARSED: [OnceLock<Source>; ALL.len()] = [const { OnceLock::new() }; ALL.len()];

/// The embedded templates, parsed now unless they are already. [`sources`] finds them so.
pub(crate) fn parse_all() {
    for i in 0..ALL.len() {
        embedded(i);
    }
}

/// Embedded template `i` of [`ALL`], parsed.
fn embedded(i: usize) -> &'static Source {
    PARSED[i].get_or_init(|| Source::new(file_id(ALL[i].path), ALL[i].text.to_owned()))
}

/// The templates, each parsed when a compile first asks for it (or by [`parse_all`]).
pub(crate) fn sources() -> Vec<LazyTemplate> {
    (0..ALL.len()).map(|i| LazyTemplate { id: file_id(ALL[i].path), source: Nguon::Embedded(i) }).collect()
}

/// A template file, parsed the first time a compile asks for it, or before on a thread of its
/// own ([`parse_all`]): a process that renders nothing parses none.
pub(crate) struct LazyTemplate {
    id: FileId,
    source: Nguon,
}

/// Where a template's parsed source is.
enum Nguon {
    /// Embedded template `i` of [`ALL`], parsed once per process.
    Embedded(usize),
    /// Parsed already (tests put their own code in place of a template).
    #[cfg(test)]
    Parsed(Source),
}

impl LazyTemplate {
    /// A template parsed already (tests put their own code in place of a template).
    #[cfg(test)]
    pub(crate) fn parsed(source: Source) -> LazyTemplate {
        LazyTemplate { id: source.id(), source: Nguon::Parsed(source) }
    }

    /// Its file id.
    pub(crate) fn id(&self) -> FileId {
        self.id
    }

    /// The parsed template.
    pub(crate) fn source(&self) -> &Source {
        match &self.source {
            Nguon::Embedded(i) => embedded(*i),
            #[cfg(test)]
            Nguon::Parsed(source) => source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ALL, PARSED, parse_all, sources};

    /// Every renderer's templates are the ones parsed once for the process, whoever parsed
    /// them first.
    #[test]
    fn the_templates_are_parsed_once_for_every_renderer() {
        let (a, b) = (sources(), sources());
        parse_all();
        for (i, t) in ALL.iter().enumerate() {
            let parsed = PARSED[i].get().expect("parsed");
            assert_eq!(parsed.text(), t.text);
            for s in [&a[i], &b[i]] {
                assert_eq!(s.id(), parsed.id());
                assert!(std::ptr::eq(s.source(), parsed), "{}", t.path);
            }
        }
    }
}
