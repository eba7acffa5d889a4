//! `render new LOAI`: a commented skeleton document file.

use std::path::Path;

use crate::args::Lang;

/// Writes the skeleton of type `loai` to `output` (default `LOAI.toml`/`LOAI.md`; `-` for
/// standard output). Returns whether it was written.
pub fn run(loai: &str, output: Option<&Path>, markdown: bool, lang: Lang) -> bool {
    let _ = (loai, output, markdown, lang);
    unimplemented!("render new")
}
