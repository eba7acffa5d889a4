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

/// The templates, each parsed when a compile first asks for it.
pub(crate) fn sources() -> Vec<LazyTemplate> {
    ALL.iter().map(|t| LazyTemplate::new(file_id(t.path), t.text)).collect()
}

/// A template file, parsed the first time a compile asks for it: a document never reads
/// the register's template, and a process that renders nothing parses none.
pub(crate) struct LazyTemplate {
    id: FileId,
    text: &'static str,
    source: OnceLock<Source>,
}

impl LazyTemplate {
    /// An embedded template, not parsed yet.
    pub(crate) fn new(id: FileId, text: &'static str) -> LazyTemplate {
        LazyTemplate { id, text, source: OnceLock::new() }
    }

    /// A template parsed already (tests put their own code in place of a template).
    #[cfg(test)]
    pub(crate) fn parsed(source: Source) -> LazyTemplate {
        LazyTemplate { id: source.id(), text: "", source: OnceLock::from(source) }
    }

    /// Its file id.
    pub(crate) fn id(&self) -> FileId {
        self.id
    }

    /// The parsed template.
    pub(crate) fn source(&self) -> &Source {
        self.source.get_or_init(|| Source::new(self.id, self.text.to_owned()))
    }
}
