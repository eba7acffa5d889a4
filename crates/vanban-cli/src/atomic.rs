//! Files written whole or not at all: each output goes to a temporary file beside its place
//! and is renamed over it, and a run that stops early (Ctrl-C, SIGTERM, SIGHUP, a closed
//! pipe) removes the temporary files it was writing, so only complete files remain.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError, RwLock};

use vanban_core::NgonNgu;

use crate::load::dir_of;
use crate::report::say;

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader
/// never sees a half-written PDF, and a failure or an interrupted run leaves any existing
/// file as it was. (No fsync: like compilers, a power cut is left to the file system.)
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = TepTam::tao(path)?;
    tmp.write_all(bytes).map_err(plain)?;
    tmp.xong()
}

/// A file written in several steps, whole or not at all: a temporary file beside its place,
/// renamed over it by [`TepTam::xong`]. Dropped before that, or when the run is interrupted,
/// the temporary file is removed and any existing file stays as it was.
pub struct TepTam {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
    _guard: InFlight,
}

impl TepTam {
    /// Starts writing the file that will be `path`.
    pub fn tao(path: &Path) -> std::io::Result<TepTam> {
        // Created and registered while [`abandon`] cannot run, so an interrupt sees every
        // temporary file; other files are created meanwhile (a create can take most of a
        // millisecond on a file system that has just freed many inodes: README, Many cores).
        let _creating = CREATING.read().unwrap_or_else(PoisonError::into_inner);
        let mut builder = tempfile::Builder::new();
        builder.prefix(".vanban-").suffix(".tmp");
        // A PDF is an ordinary file: the modes any new file gets (0666 less the umask), not
        // the owner-only mode of temporary files.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        // The tempfile crate's error names the hidden temporary path: keep the OS's reason.
        let tmp = builder.tempfile_in(dir_of(path)).map_err(plain)?;
        lock().push(tmp.path().to_path_buf());
        let guard = InFlight(tmp.path().to_path_buf());
        Ok(TepTam { tmp, path: path.to_path_buf(), _guard: guard })
    }

    /// Puts the file written in its place.
    pub fn xong(self) -> std::io::Result<()> {
        self.tmp.persist(&self.path).map_err(|e| plain(e.error))?;
        Ok(())
    }
}

impl Write for TepTam {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tmp.write(buf).map_err(plain)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush().map_err(plain)
    }
}

/// The error without the context a wrapper added (the temporary file's path).
fn plain(e: std::io::Error) -> std::io::Error {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => std::io::Error::from(e.kind()),
    }
}

/// Temporary files being written, removed by [`abandon`] if the run is stopped.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Held shared while a temporary file is created and registered in [`IN_FLIGHT`], and
/// exclusively by [`abandon`]: it waits for those under way, and no other starts.
static CREATING: RwLock<()> = RwLock::new(());

/// A temporary file registered in [`IN_FLIGHT`] while it exists.
struct InFlight(PathBuf);

impl Drop for InFlight {
    fn drop(&mut self) {
        lock().retain(|p| p != &self.0);
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Ends the run now with `status`: removes the temporary files being written, so that only
/// complete files remain, and exits. Holding the locks also keeps a write from starting
/// meanwhile.
pub fn abandon(status: i32) -> ! {
    let _no_more = CREATING.write().unwrap_or_else(PoisonError::into_inner);
    let files = lock();
    for f in files.iter() {
        let _ = std::fs::remove_file(f);
    }
    std::process::exit(status)
}

/// On Ctrl-C, SIGTERM or SIGHUP: [`abandon`]s the run with status 130, saying so. (SIGKILL
/// cannot be caught: it can leave a hidden `.vanban-*.tmp` file, never a partial PDF.)
pub fn on_interrupt(lang: NgonNgu) {
    let stopped = say(
        lang,
        "đã dừng: các tệp PDF đã ghi đều trọn vẹn, không còn tệp ghi dở",
        "stopped: every PDF written is complete, no partly written file is left",
    );
    let installed = ctrlc::set_handler(move || {
        let _ = writeln!(std::io::stderr(), "{stopped}");
        abandon(130);
    });
    if let Err(e) = installed {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            say(
                lang,
                &format!("cảnh báo: không bắt được tín hiệu dừng ({e})"),
                &format!("warning: cannot catch the stop signals ({e})")
            )
        );
    }
}
