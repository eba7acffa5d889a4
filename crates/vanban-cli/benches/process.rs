//! The whole `render` process, start to exit, on the reference công văn: what a drafting
//! officer's editor or a pre-commit hook waits for on each save. Three commands: `--help`
//! (the floor: start the binary, exit), `check` (read, lint, lay out) and rendering the PDF.
//!
//! Each command runs alone (no `render serve` to hand its document to), and `check` and the
//! render also served by a `render serve` started for the benchmark, as an editor would have
//! it.
//!
//! Then, where the Typst command line is installed (`typst` on `PATH`, or the program named
//! by `VANBAN_TYPST`), the render, alone and served, beside `typst compile` of the same công
//! văn written by hand as a Typst document (`benches/typst/cong-van.typ`, same fonts), run
//! alternately in the same run so that all see the same machine: medians and their ratios.
//! There the render takes two copies of the công văn in turn, a word apart, as an editor
//! saves one edit after another. Without Typst that comparison is left out and says so.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};

/// Alternating rounds of the comparison with `typst compile`.
const ROUNDS: usize = 41;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs a command to completion, output discarded; panics if it fails.
fn run(command: &mut Command) {
    let status = command.stdout(Stdio::null()).stderr(Stdio::null()).status().expect("the command starts");
    assert!(status.success(), "{command:?} failed");
}

/// `render`, looking for a server in `run` (its `$XDG_RUNTIME_DIR`).
fn render(run: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_render"));
    command.env("XDG_RUNTIME_DIR", run);
    command
}

/// `render serve`, with its socket in `run`, once it takes commands; ended when dropped.
struct Server(Child);

impl Server {
    fn start(run: &Path) -> Server {
        let mut child = render(run)
            .args(["serve", "--idle", "600"])
            .stderr(Stdio::piped())
            .spawn()
            .expect("render serve starts");
        let mut err = BufReader::new(child.stderr.take().expect("its standard error"));
        let mut line = String::new();
        err.read_line(&mut line).expect("it says where it listens");
        // Its log read to the end, so that it never waits on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
        Server(child)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn process(c: &mut Criterion) {
    let input = repo().join("examples/cong-van.toml");
    let dir = tempfile::tempdir().expect("temporary directory");
    let (alone, served) = (dir.path().join("alone"), dir.path().join("served"));
    for run in [&alone, &served] {
        std::fs::create_dir(run).expect("a directory of this user");
    }
    let _server = Server::start(&served);
    let out = dir.path().join("cong-van.pdf");
    let mut group = c.benchmark_group("process");
    group.sample_size(50);
    group.bench_function("render --help", |b| b.iter(|| run(render(&alone).arg("--help"))));
    group.bench_function("render check examples/cong-van.toml", |b| {
        b.iter(|| run(render(&alone).arg("check").arg(&input)))
    });
    group.bench_function("render check examples/cong-van.toml, served", |b| {
        b.iter(|| run(render(&served).arg("check").arg(&input)))
    });
    group.bench_function("render examples/cong-van.toml -o x.pdf", |b| {
        b.iter(|| run(render(&alone).arg(&input).arg("-o").arg(&out)))
    });
    group.bench_function("render examples/cong-van.toml -o x.pdf, served", |b| {
        b.iter(|| run(render(&served).arg(&input).arg("-o").arg(&out)))
    });
    group.finish();
}

/// The Typst command line, if there is one.
fn typst() -> Option<PathBuf> {
    let program = std::env::var_os("VANBAN_TYPST").map(PathBuf::from).unwrap_or_else(|| "typst".into());
    let found = Command::new(&program).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    found.is_ok_and(|s| s.success()).then_some(program)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// `render` alone, `render` served and `typst compile` on the same công văn, alternately.
fn beside_typst() {
    let Some(typst) = typst() else {
        println!("process/beside typst compile: left out (no `typst` on PATH; set VANBAN_TYPST)");
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let (alone, served) = (dir.path().join("alone"), dir.path().join("served"));
    for run in [&alone, &served] {
        std::fs::create_dir(run).expect("a directory of this user");
    }
    let _server = Server::start(&served);
    let text = std::fs::read_to_string(repo().join("examples/cong-van.toml")).expect("the công văn");
    let copies = [dir.path().join("a.toml"), dir.path().join("b.toml")];
    std::fs::write(&copies[0], &text).expect("a copy");
    std::fs::write(&copies[1], text.replacen("./.", " ngay./.", 1)).expect("an edited copy");
    let typ = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/typst/cong-van.typ");
    let mut theirs = Command::new(&typst);
    theirs.arg("compile").arg("--font-path").arg(repo().join("fonts")).arg("--ignore-system-fonts");
    theirs.arg(&typ).arg(dir.path().join("typst.pdf"));
    let mut times = [Vec::new(), Vec::new(), Vec::new()];
    for round in 0..ROUNDS {
        let copy = &copies[round % 2];
        let ours = |run: &Path, out: &str| {
            let mut command = render(run);
            command.arg(copy).arg("-o").arg(dir.path().join(out));
            command
        };
        let mut commands = [ours(&alone, "a.pdf"), ours(&served, "s.pdf")];
        for (i, command) in commands.iter_mut().chain(std::iter::once(&mut theirs)).enumerate() {
            let start = Instant::now();
            run(command);
            times[i].push(start.elapsed());
        }
    }
    let read = |name: &str| std::fs::read(dir.path().join(name)).expect("the PDF");
    assert!(read("a.pdf") == read("s.pdf"), "the served PDF differs from the one made alone");
    let [a, s, t] = times.map(median);
    println!(
        "process/beside typst compile: render {:.2} ms ({:.2}×), served by render serve {:.2} ms ({:.2}×), typst compile {:.2} ms (medians of {ROUNDS}, alternately)",
        ms(a),
        ms(a) / ms(t),
        ms(s),
        ms(s) / ms(t),
        ms(t)
    );
}

criterion_group!(benches, process);

fn main() {
    benches();
    beside_typst();
    Criterion::default().configure_from_args().final_summary();
}
