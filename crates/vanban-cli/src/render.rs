//! `render FILE...`: documents to PDF.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use vanban_render::{PdfOptions, Renderer};

use crate::load::{dir_of, io_reason, lay_out, load};

/// Renders each file; reports each failure and carries on. Returns whether all succeeded.
pub fn run(files: &[PathBuf], output: Option<&Path>, options: &PdfOptions) -> bool {
    on_interrupt();
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
    let dir = dir_of(path);
    // Created and registered under the lock, so an interrupt sees every temporary file.
    let (mut tmp, _guard) = {
        let mut files = lock();
        let tmp = tempfile::Builder::new().prefix(".vanban-").suffix(".pdf.tmp").tempfile_in(dir)?;
        files.push(tmp.path().to_path_buf());
        let guard = InFlight(tmp.path().to_path_buf());
        (tmp, guard)
    };
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Temporary files being written, removed by [`on_interrupt`] if the run is stopped.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file registered in [`IN_FLIGHT`] while it exists.
struct InFlight(PathBuf);

impl Drop for InFlight {
    fn drop(&mut self) {
        lock().retain(|p| p != &self.0);
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// On Ctrl-C, SIGTERM or SIGHUP: removes the temporary files being written and exits with
/// status 130, so an interrupted run leaves only complete PDFs. (SIGKILL cannot be caught:
/// it can leave a hidden `.vanban-*.pdf.tmp` file, never a partial PDF.)
pub fn on_interrupt() {
    let installed = ctrlc::set_handler(|| {
        // Holding the lock also keeps a write from starting or being renamed meanwhile.
        let files = lock();
        for f in files.iter() {
            let _ = std::fs::remove_file(f);
        }
        eprintln!("đã dừng: các tệp PDF đã ghi đều trọn vẹn, không còn tệp ghi dở");
        std::process::exit(130);
    });
    if let Err(e) = installed {
        eprintln!("cảnh báo: không bắt được tín hiệu dừng ({e})");
    }
}
