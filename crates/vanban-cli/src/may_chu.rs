//! `render serve` (máy chủ: server): a `render` process that stays warm between calls.
//!
//! Most of a `render` process on a one-page document is work no document changes: loading
//! the program, Typst's library, the templates parsed and evaluated, the fonts read and
//! hashed (README, Start-up). An editor or a pre-commit hook that renders on every save can
//! start `render serve` once; from then on each `render FILE` of the same user, run from the
//! same program file, hands its command line to it over a Unix socket and gets the
//! document's outputs back, which it places, writes and reports itself exactly as it would
//! have its own. `render check FILE` hands it the layout, the costly part of a check: told
//! that the file laid out without problems, it does the rest itself.
//!
//! The server only ever saves work. The command does the work itself whenever the server
//! gives it nothing to use: no server, another build's, one that died or took too long,
//! anything but a single document file, and every document with problems (made again here,
//! so that its problems are told word for word as without a server). The server takes one
//! command at a time, in the command's working directory (a command that comes meanwhile
//! makes its document itself), and ends after a while without any.
//!
//! Only the user who started it can reach it: its socket lies in a directory of that user
//! that no one else may enter (`$XDG_RUNTIME_DIR/vanban`, else `vanban-UID` in the
//! temporary directory), and a connection from another user is refused.

use std::ffi::OsString;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use clap::Parser;
use serde::{Deserialize, Serialize};

use crate::args::{Args, Command};
use crate::render::{Output, Plan};
use crate::report::{Reporter, say};
use crate::worker::{frame, read_frame};

/// How long a command waits for its document before making it itself.
const CHO_KET_QUA: Duration = Duration::from_secs(60);

/// How long the server waits for a command's request once it has connected.
const CHO_YEU_CAU: Duration = Duration::from_secs(5);

/// What a command sends: which program it is, where it runs, its command line.
#[derive(Debug, Serialize, Deserialize)]
struct YeuCau {
    /// [`dau_hieu`] of the command's program file.
    exe: String,
    /// Its working directory.
    cwd: String,
    /// Its arguments, the program's name first.
    args: Vec<String>,
}

/// A command's connection to a server that has its command line.
pub struct Client {
    from: BufReader<UnixStream>,
}

impl Client {
    /// Connects to the server of this program file, if one runs, and hands it this
    /// process's command line and working directory; the server starts on the document at
    /// once. `None` when there is no server to use (or the command line or the directory is
    /// not valid UTF-8).
    pub fn connect() -> Option<Client> {
        let exe = dau_hieu().ok()?;
        let path = socket_path(&exe, false).ok()?;
        let yeu_cau = YeuCau {
            exe,
            cwd: std::env::current_dir().ok()?.into_os_string().into_string().ok()?,
            args: std::env::args_os().map(OsString::into_string).collect::<Result<_, _>>().ok()?,
        };
        let mut stream = UnixStream::connect(path).ok()?;
        let mut line = serde_json::to_vec(&yeu_cau).ok()?;
        line.push(b'\n');
        stream.write_all(&line).ok()?;
        stream.set_read_timeout(Some(CHO_KET_QUA)).ok()?;
        Some(Client { from: BufReader::new(stream) })
    }

    /// The outputs the server made of the document, or `None`: the command then makes it.
    pub fn outputs(mut self) -> Option<Vec<Output>> {
        read_frame(&mut self.from, 0).ok()?.ok()?
    }
}

/// Whether a command line is one the server takes: `render FILE` or `render check FILE`
/// (no `--data`) of a single document file. (The server checks it again, whole.)
pub fn takes(args: &Args) -> bool {
    the_file(args).is_some()
}

/// The single document file of a command line the server takes.
fn the_file(args: &Args) -> Option<&PathBuf> {
    let files = match &args.command {
        None if !args.worker => &args.files,
        Some(Command::Check { files, data: None, .. }) => files,
        _ => return None,
    };
    match files.as_slice() {
        [file] if !file.is_dir() => Some(file),
        _ => None,
    }
}

/// The mark of this program file: its path, identity on disk, size and time of change.
/// A server started from another build (or another copy) has another mark and another
/// socket, so a command never reaches a server that would lay its document out otherwise.
fn dau_hieu() -> std::io::Result<String> {
    let exe = std::env::current_exe()?;
    let meta = std::fs::metadata(&exe)?;
    let mut h = DefaultHasher::new();
    (env!("CARGO_PKG_VERSION"), &exe, meta.dev(), meta.ino(), meta.size()).hash(&mut h);
    (meta.mtime(), meta.mtime_nsec()).hash(&mut h);
    Ok(format!("{:016x}", h.finish()))
}

/// The socket of the server of the program file of mark `mark` ([`dau_hieu`]), in
/// [`private_dir`], which the server makes if missing (`make`) and a command never does.
fn socket_path(mark: &str, make: bool) -> std::io::Result<PathBuf> {
    Ok(private_dir(make)?.join(format!("render-{mark}.sock")))
}

/// This user's directory for sockets: `$XDG_RUNTIME_DIR/vanban` when that is set, else
/// `vanban-UID` in the temporary directory; made if missing when `make`. Refused unless it
/// is a directory (not a link) of this user that no one else may enter.
fn private_dir(make: bool) -> std::io::Result<PathBuf> {
    let uid = rustix::process::getuid().as_raw();
    let dir = socket_dir(uid);
    if make
        && let Err(e) = std::fs::DirBuilder::new().mode(0o700).create(&dir)
        && e.kind() != std::io::ErrorKind::AlreadyExists
    {
        return Err(e);
    }
    rieng_tu(&dir, uid)?;
    Ok(dir)
}

/// Where [`private_dir`] is for user `uid`.
fn socket_dir(uid: u32) -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(run) if run.is_absolute() => run.join("vanban"),
        _ => std::env::temp_dir().join(format!("vanban-{uid}")),
    }
}

/// Whether `dir` is a directory of user `uid`, not a link, that no one else may enter.
fn rieng_tu(dir: &Path, uid: u32) -> std::io::Result<()> {
    let meta = std::fs::symlink_metadata(dir)?;
    if meta.is_dir() && meta.uid() == uid && meta.permissions().mode() & 0o077 == 0 {
        Ok(())
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("{} is not a directory of this user alone", dir.display()),
        ))
    }
}

/// `render serve`: takes commands until `idle` passes without one. Returns whether it
/// started (or found one of its build already running).
pub fn serve(idle: Duration, reporter: &Reporter) -> bool {
    let lang = reporter.lang();
    let (path, mark) = match dau_hieu().and_then(|mark| Ok((socket_path(&mark, true)?, mark))) {
        Ok(found) => found,
        Err(e) => {
            let (vi, en) = vanban_core::ly_do_io(&e);
            let dir = socket_dir(rustix::process::getuid().as_raw());
            let shown = dir.display();
            reporter.usage_error(&say(
                lang,
                &format!(
                    "không mở được máy chủ ở {shown}: {vi}\ngợi ý: thư mục này phải là thư mục (không phải liên kết) của người dùng này mà chỉ người dùng này vào được (chmod 700 {shown}); hoặc đặt XDG_RUNTIME_DIR"
                ),
                &format!(
                    "cannot serve at {shown}: {en}\nhelp: it must be a directory (not a link) of this user that no one else may enter (chmod 700 {shown}); or set XDG_RUNTIME_DIR"
                ),
            ));
            return false;
        }
    };
    if UnixStream::connect(&path).is_ok() {
        let shown = path.display();
        reporter.warning(&say(
            lang,
            &format!("máy chủ của chương trình này đã chạy ở {shown}"),
            &format!("a server of this program already runs at {shown}"),
        ));
        return true;
    }
    // Left by a server that ended without removing it: nothing listens there.
    let _ = std::fs::remove_file(&path);
    let listener = match UnixListener::bind(&path) {
        Ok(l) => l,
        Err(e) => {
            let (vi, en) = vanban_core::ly_do_io(&e);
            let shown = path.display();
            reporter.usage_error(&say(lang, &format!("{shown}: {vi}"), &format!("{shown}: {en}")));
            return false;
        }
    };
    let secs = idle.as_secs();
    let ready = say(
        lang,
        &format!("render serve: nhận lệnh ở {}; dừng sau {secs} giây không có lệnh", path.display()),
        &format!("render serve: taking commands at {}; ends after {secs} s without one", path.display()),
    );
    let watch = Watch::new();
    let (give, commands) = std::sync::mpsc::sync_channel::<UnixStream>(1);
    std::thread::scope(|s| {
        s.spawn(|| watch.end_after(idle, &path));
        // Every document on one pool of one thread, as a batch worker's (`batch.rs`).
        let (watch, mark) = (&watch, mark.as_str());
        s.spawn(move || crate::batch::on_own_pool(move || take_each(commands, watch, mark, &ready, lang)));
        for stream in listener.incoming().flatten() {
            // A command that comes while the server is on another (or still starting) is
            // closed at once and makes its document itself, rather than wait behind it.
            if !watch.busy.swap(true, Ordering::SeqCst) {
                let _ = give.send(stream);
            }
        }
    });
    true
}

/// Starts ([`khoi_dong`]), says it is `ready`, then takes the commands handed over, one at a
/// time, logging each.
fn take_each(
    commands: Receiver<UnixStream>,
    watch: &Watch,
    mark: &str,
    ready: &str,
    lang: vanban_core::NgonNgu,
) {
    let _ = std::panic::catch_unwind(khoi_dong);
    watch.touch();
    log(ready);
    while let Ok(stream) = commands.recv() {
        let started = Instant::now();
        let said = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| take(stream, mark, lang)))
            .unwrap_or_default();
        if let Some(said) = said {
            log(&format!("{said} ({} ms)", started.elapsed().as_millis()));
        }
        watch.touch();
    }
}

/// Logs a line on standard error. A log no one reads any more (its pipe closed) is no
/// reason to stop serving: `eprintln!` would panic.
fn log(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Makes ahead what every document asks for first, laying out this year's skeleton công
/// văn (its PDF thrown away): Typst's library, the templates parsed and evaluated, the fonts
/// read and hashed. The first document handed over then takes as long as the next.
fn khoi_dong() {
    vanban_render::Renderer::prepare();
    let mau = crate::khung::cong_van_mau();
    if let Ok(van_ban) = vanban_core::parse(&mau, vanban_core::DangTep::Toml) {
        let renderer = vanban_render::Renderer::new();
        let _ = renderer.layout(&van_ban).and_then(|l| l.pdf(&vanban_render::PdfOptions::default()));
    }
}

/// When the server last finished a command, and whether it is on one now.
struct Watch {
    started: Instant,
    /// When the last command was done, in milliseconds from `started`.
    last_ms: AtomicU64,
    /// Starting, or a command handed over and not yet done.
    busy: AtomicBool,
}

impl Watch {
    /// Busy starting.
    fn new() -> Watch {
        Watch { started: Instant::now(), last_ms: AtomicU64::new(0), busy: AtomicBool::new(true) }
    }

    /// A command is done.
    fn touch(&self) {
        self.last_ms.store(self.started.elapsed().as_millis() as u64, Ordering::SeqCst);
        self.busy.store(false, Ordering::SeqCst);
    }

    /// Ends the process, removing its socket, once `idle` has passed with no command.
    fn end_after(&self, idle: Duration, socket: &Path) {
        let tick = idle.min(Duration::from_secs(1));
        loop {
            std::thread::sleep(tick);
            let since = self
                .started
                .elapsed()
                .saturating_sub(Duration::from_millis(self.last_ms.load(Ordering::SeqCst)));
            if !self.busy.load(Ordering::SeqCst) && since >= idle {
                let _ = std::fs::remove_file(socket);
                std::process::exit(0);
            }
        }
    }
}

/// Takes one command: makes its document and sends back the outputs, or for `render check`
/// whether the document lays out without problems (an empty list of outputs); else an empty
/// frame of problems, and the command does the work again itself to tell them. What to
/// log, if the command was one to take.
fn take(stream: UnixStream, mark: &str, lang: vanban_core::NgonNgu) -> Option<String> {
    let peer = rustix::net::sockopt::socket_peercred(&stream).ok()?;
    if peer.uid != rustix::process::getuid() {
        return None;
    }
    stream.set_read_timeout(Some(CHO_YEU_CAU)).ok()?;
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line).ok()?;
    let yeu_cau: YeuCau = serde_json::from_str(&line).ok()?;
    if yeu_cau.exe != mark {
        return None;
    }
    std::env::set_current_dir(&yeu_cau.cwd).ok()?;
    let args = Args::try_parse_from(&yeu_cau.args).ok()?;
    let file = the_file(&args)?;
    let set = crate::files::collect(std::slice::from_ref(file), args.shard, args.common.lang).ok()?;
    let [input] = set.files.as_slice() else { return None };
    let font_dir = args.common.font_dir.as_deref();
    let renderer = match font_dir {
        Some(dir) => vanban_render::Renderer::with_font_dir(dir).0,
        None => vanban_render::Renderer::new(),
    };
    let check = args.command.is_some();
    let made = match args.command {
        None => Plan::new(&args).ok()?.make(&renderer, input).map_err(|_| ()),
        Some(_) => {
            let loaded = crate::load::load(input, args.common.goc.as_deref()).ok()?;
            crate::load::lay_out(&renderer, &input.path, &loaded).map(|_| Some(Vec::new())).map_err(|_| ())
        }
    };
    let shown = Path::new(&yeu_cau.cwd).join(&input.path);
    let said = match &made {
        Ok(_) if check => say(
            lang,
            &format!("{}: trình bày không có lỗi", shown.display()),
            &format!("{}: laid out without problems", shown.display()),
        ),
        Ok(Some(outputs)) => say(
            lang,
            &format!("{}: {} tệp", shown.display(), outputs.len()),
            &format!("{}: {} files", shown.display(), outputs.len()),
        ),
        _ => say(
            lang,
            &format!("{}: để lệnh tự làm (có lỗi)", shown.display()),
            &format!("{}: left to the command (problems)", shown.display()),
        ),
    };
    let _ = frame(&mut &stream, 0, made.map_err(|()| (String::new(), 1)));
    Some(said)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The socket's directory must be this user's alone: one others may enter is refused.
    #[test]
    fn a_directory_others_may_enter_is_refused() {
        let uid = rustix::process::getuid().as_raw();
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("d");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        assert!(rieng_tu(&dir, uid).is_ok());
        assert!(rieng_tu(&dir, uid.wrapping_add(1)).is_err(), "another user's directory");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(rieng_tu(&dir, uid).is_err(), "others may enter");
        let link = tmp.path().join("l");
        std::os::unix::fs::symlink(tmp.path().join("d"), &link).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
        assert!(rieng_tu(&link, uid).is_err(), "a link");
    }

    /// The mark is the same for every call of one program file.
    #[test]
    fn the_mark_is_stable_within_a_build() {
        assert_eq!(dau_hieu().unwrap(), dau_hieu().unwrap());
        assert_eq!(dau_hieu().unwrap().len(), 16);
    }
}
