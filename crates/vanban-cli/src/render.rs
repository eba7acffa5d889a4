//! `render FILE...`: documents to PDF.

use std::io::Write;
use std::path::{Path, PathBuf};

use vanban_render::{PdfOptions, Renderer};

use crate::load::{io_reason, lay_out, load};

/// Renders each file; reports each failure and carries on. Returns whether all succeeded.
pub fn run(files: &[PathBuf], output: Option<&Path>, options: &PdfOptions) -> bool {
    let renderer = Renderer::new();
    let mut ok = true;
    for file in files {
        let out = match output {
            Some(o) => o.to_path_buf(),
            None => file.with_extension("pdf"),
        };
        if let Err(message) = render_one(&renderer, file, &out, options) {
            eprintln!("{message}");
            ok = false;
        }
    }
    ok
}

fn render_one(renderer: &Renderer, file: &Path, out: &Path, options: &PdfOptions) -> Result<(), String> {
    let loaded = load(file)?;
    let layout = lay_out(renderer, file, &loaded)?;
    let pdf = layout.pdf(options).map_err(|e| format!("{}: lỗi: {e}", file.display()))?;
    write_atomically(out, &pdf)
        .map_err(|e| format!("{}: lỗi: không ghi được PDF ({})", out.display(), io_reason(&e)))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader
/// never sees a half-written PDF, and a failure or an interrupted run leaves any existing
/// file as it was. (No fsync: like compilers, a power cut is left to the file system.)
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new().prefix(".vanban-").suffix(".pdf.tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
