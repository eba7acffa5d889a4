//! The embedded Typst templates (`templates/` at the repository root).

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

/// The parsed templates, keyed by file id.
pub(crate) fn sources() -> Vec<Source> {
    ALL.iter().map(|t| Source::new(file_id(t.path), t.text.to_owned())).collect()
}
