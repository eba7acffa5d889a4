//! `render serve`: a command hands its document to a running server and writes what comes
//! back; the files, the report and the exit status are those of the command alone.

mod common;

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use common::{cong_van, render, stderr, stdout};

/// A directory only this user may enter, as `$XDG_RUNTIME_DIR` is.
fn private(parent: &Path, name: &str) -> PathBuf {
    let dir = parent.join(name);
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

/// A running `render serve` of `program`, and the lines it logs.
struct Server {
    child: Child,
    log: Receiver<String>,
}

impl Server {
    /// Starts `program serve` with its sockets in `run`, and waits until it takes commands.
    fn start(program: &Path, run: &Path, idle: u64) -> Server {
        let mut child = Command::new(program)
            .args(["serve", "--idle", &idle.to_string()])
            .env("XDG_RUNTIME_DIR", run)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, log) = channel();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Server { child, log };
        let first = server.next_line().expect("the server says where it listens");
        assert!(first.contains("render serve: nhận lệnh ở"), "{first}");
        server
    }

    /// The next line it logs, if one comes within 30 seconds.
    fn next_line(&mut self) -> Option<String> {
        self.log.recv_timeout(Duration::from_secs(30)).ok()
    }

    /// Whether it logs no line within a second.
    fn quiet(&mut self) -> bool {
        self.log.recv_timeout(Duration::from_secs(1)).is_err()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `command` run in `dir` with its sockets looked for in `run`.
fn in_dir(mut command: Command, dir: &Path, run: &Path, args: &[&str]) -> Output {
    command.current_dir(dir).env("XDG_RUNTIME_DIR", run).args(args).output().unwrap()
}

/// A temporary directory holding `run` (a private directory to look for servers in) and
/// `work` (the công văn as `cv.toml`): the directory, `run` and `work`.
fn set_up() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let run = private(tmp.path(), "run");
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    cong_van(&work, "cv.toml");
    (tmp, run, work)
}

/// A document made by the server: the same PDF and preview bytes, the same report, as the
/// command makes alone; the server logs that it made it.
#[test]
fn a_served_document_is_the_one_the_command_makes_alone() {
    let (tmp, run, work) = set_up();
    let alone = private(tmp.path(), "alone");
    let mut server = Server::start(Path::new(env!("CARGO_BIN_EXE_render")), &run, 600);

    std::fs::create_dir(work.join("s")).unwrap();
    std::fs::create_dir(work.join("a")).unwrap();
    let args = ["cv.toml", "-o", "s/cv.pdf", "--png", "1", "--dpi", "30"];
    let served = in_dir(render(), &work, &run, &args);
    let logged = server.next_line().expect("the server logs the document it made");
    assert!(logged.contains("work/cv.toml: 2 tệp"), "{logged}");
    let made_alone =
        in_dir(render(), &work, &alone, &args.map(|a| if a == "s/cv.pdf" { "a/cv.pdf" } else { a }));
    assert!(served.status.success() && made_alone.status.success(), "{}", stderr(&served));
    for name in ["cv.pdf", "cv-1.png"] {
        let (s, a) = (
            std::fs::read(work.join("s").join(name)).unwrap(),
            std::fs::read(work.join("a").join(name)).unwrap(),
        );
        assert!(s == a, "{name}: the served bytes differ");
    }
    assert_eq!(stdout(&served).replace("s/", "a/"), stdout(&made_alone));
    assert_eq!(stderr(&served), stderr(&made_alone));
}

/// A document with problems: the command makes it again itself and tells its problems word
/// for word as alone, with the same exit status, and writes nothing.
#[test]
fn a_document_with_problems_is_told_as_without_a_server() {
    let (tmp, run, work) = set_up();
    let alone = private(tmp.path(), "alone");
    let text = std::fs::read_to_string(work.join("cv.toml")).unwrap();
    std::fs::write(work.join("cv.toml"), text.replacen("loai = \"cong-van\"", "loai = \"cong-vann\"", 1))
        .unwrap();
    let mut server = Server::start(Path::new(env!("CARGO_BIN_EXE_render")), &run, 600);

    let served = in_dir(render(), &work, &run, &["cv.toml"]);
    let logged = server.next_line().expect("the server logs the command");
    assert!(logged.contains("để lệnh tự làm"), "{logged}");
    let made_alone = in_dir(render(), &work, &alone, &["cv.toml"]);
    assert_eq!(served.status.code(), Some(1));
    assert_eq!(served.status.code(), made_alone.status.code());
    assert!(stderr(&served).contains("cong-vann"), "{}", stderr(&served));
    assert_eq!(stderr(&served), stderr(&made_alone));
    assert_eq!(stdout(&served), stdout(&made_alone));
    assert!(!work.join("cv.pdf").exists());
}

/// A server started from another program file (another build, or a copy elsewhere) is never
/// handed a document; a second server of the same file is not started.
#[test]
fn only_a_server_of_the_same_program_file_is_used() {
    let (tmp, run, work) = set_up();
    let other = tmp.path().join("render-khac");
    if std::fs::hard_link(env!("CARGO_BIN_EXE_render"), &other).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_render"), &other).unwrap();
    }
    let mut server = Server::start(&other, &run, 600);
    let made = in_dir(render(), &work, &run, &["cv.toml"]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(work.join("cv.pdf").exists());
    assert!(server.quiet(), "the other program's server made the document");

    let second = in_dir(Command::new(&other), &work, &run, &["serve"]);
    assert!(second.status.success());
    assert!(stderr(&second).contains("đã chạy ở"), "{}", stderr(&second));
}

/// A server ends after the time without commands it was given, and removes its socket;
/// commands then work alone.
#[test]
fn an_idle_server_ends_and_removes_its_socket() {
    let (_tmp, run, work) = set_up();
    let mut server = Server::start(Path::new(env!("CARGO_BIN_EXE_render")), &run, 1);
    let sockets = || std::fs::read_dir(run.join("vanban")).unwrap().count();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the server did not end");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    assert_eq!(sockets(), 0, "the socket is left behind");
    assert!(in_dir(render(), &work, &run, &["cv.toml"]).status.success());
    assert!(work.join("cv.pdf").exists());
}

/// A command that comes while the server is on another makes its document itself at once
/// instead of waiting behind it.
#[test]
fn a_busy_server_leaves_the_next_command_to_itself() {
    let (_tmp, run, work) = set_up();
    let mut server = Server::start(Path::new(env!("CARGO_BIN_EXE_render")), &run, 600);
    let socket = std::fs::read_dir(run.join("vanban")).unwrap().next().unwrap().unwrap().path();
    // A command that has connected and not yet said what it wants: the server waits for it.
    let first = std::os::unix::net::UnixStream::connect(&socket).unwrap();
    let made = in_dir(render(), &work, &run, &["cv.toml"]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(work.join("cv.pdf").exists());
    drop(first);
    assert!(server.quiet(), "the server made the document it should have left");
}

/// A document with images, a separate part, its DOCX and its metadata record, served: every
/// file the same bytes as made alone.
#[test]
fn every_output_of_a_served_document_is_the_same() {
    let (tmp, run, _) = set_up();
    let alone = private(tmp.path(), "alone");
    let mut server = Server::start(Path::new(env!("CARGO_BIN_EXE_render")), &run, 600);
    let made = |run: &Path, out: &str| {
        let dir = tmp.path().join(out);
        std::fs::create_dir(&dir).unwrap();
        let pdf = dir.join("qd.pdf");
        let args = ["examples/quyet-dinh-dien-tu.toml", "-o", pdf.to_str().unwrap(), "--docx", "--metadata"];
        let o = in_dir(render(), &common::repo(""), run, &args);
        assert!(o.status.success(), "{}", stderr(&o));
        dir
    };
    let served = made(&run, "s");
    let logged = server.next_line().expect("the server logs the document it made");
    assert!(logged.contains("quyet-dinh-dien-tu.toml: 5 tệp"), "{logged}");
    let made_alone = made(&alone, "a");
    let names = |dir: &Path| {
        let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        names
    };
    assert_eq!(names(&served), names(&made_alone));
    assert_eq!(names(&served).len(), 5, "{:?}", names(&served));
    for name in names(&served) {
        let same =
            std::fs::read(served.join(&name)).unwrap() == std::fs::read(made_alone.join(&name)).unwrap();
        assert!(same, "{name:?}: the served bytes differ");
    }
}

/// `render check` of a single file takes the layout from the server when it found no
/// problem there, and lays the file out itself otherwise: either way it reports what it
/// reports alone, with the same exit status.
#[test]
fn a_served_check_reports_what_it_reports_alone() {
    let (tmp, run, work) = set_up();
    let alone = private(tmp.path(), "alone");
    let text = std::fs::read_to_string(work.join("cv.toml")).unwrap();
    // A character the fonts lack: a problem only the layout finds.
    std::fs::write(work.join("han.toml"), text.replacen("thực hiện./.", "thực hiện 漢字./.", 1)).unwrap();
    let mut server = Server::start(Path::new(env!("CARGO_BIN_EXE_render")), &run, 600);
    for (file, code, logged) in
        [("cv.toml", 0, "cv.toml: trình bày không có lỗi"), ("han.toml", 1, "han.toml: để lệnh tự làm")]
    {
        for format in ["text", "json"] {
            let args = ["check", file, "--format", format];
            let served = in_dir(render(), &work, &run, &args);
            let line = server.next_line().expect("the server logs the check");
            assert!(line.contains(logged), "{line}");
            let made_alone = in_dir(render(), &work, &alone, &args);
            assert_eq!(served.status.code(), Some(code), "{file}: {}", stderr(&served));
            assert_eq!(made_alone.status.code(), Some(code), "{file}");
            let without_time = |o: &Output| stdout(o).split("\"seconds\"").next().unwrap().to_owned();
            assert_eq!(without_time(&served), without_time(&made_alone), "{file} {format}");
            assert_eq!(stderr(&served), stderr(&made_alone), "{file} {format}");
        }
    }
    assert!(stderr(&in_dir(render(), &work, &alone, &["check", "han.toml"])).contains("U+6F22"));
}

/// A server is not started in a socket directory others may enter: the error names the
/// directory and what to do, and the command goes on alone.
#[test]
fn a_socket_directory_others_may_enter_is_refused() {
    let (_tmp, run, work) = set_up();
    let dir = run.join("vanban");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let refused = in_dir(render(), &work, &run, &["serve", "--idle", "1"]);
    assert_eq!(refused.status.code(), Some(1));
    let said = stderr(&refused);
    assert!(said.contains(&format!("không mở được máy chủ ở {}", dir.display())), "{said}");
    assert!(said.contains("chmod 700"), "{said}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    assert!(in_dir(render(), &work, &run, &["cv.toml"]).status.success());
    assert!(work.join("cv.pdf").exists());
}
