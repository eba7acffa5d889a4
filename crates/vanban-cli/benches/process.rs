//! The whole `render` process, start to exit, on the reference công văn: what a drafting
//! officer's editor or a pre-commit hook waits for on each save. Three commands: `--help`
//! (the floor: start the binary, exit), `check` (read, lint, lay out) and rendering the PDF.
//!
//! Then, where the Typst command line is installed (`typst` on `PATH`, or the program named
//! by `VANBAN_TYPST`), the same rendering beside `typst compile` of the same công văn written
//! by hand as a Typst document (`benches/typst/cong-van.typ`, same fonts), run alternately
//! in the same run so that both see the same machine: medians and their ratio. Without
//! Typst that comparison is left out and says so.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
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

fn render() -> Command {
    Command::new(env!("CARGO_BIN_EXE_render"))
}

fn process(c: &mut Criterion) {
    let input = repo().join("examples/cong-van.toml");
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = dir.path().join("cong-van.pdf");
    let mut group = c.benchmark_group("process");
    group.sample_size(50);
    group.bench_function("render --help", |b| b.iter(|| run(render().arg("--help"))));
    group.bench_function("render check examples/cong-van.toml", |b| {
        b.iter(|| run(render().arg("check").arg(&input)))
    });
    group.bench_function("render examples/cong-van.toml -o x.pdf", |b| {
        b.iter(|| run(render().arg(&input).arg("-o").arg(&out)))
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

/// `render` and `typst compile` on the same công văn, alternately.
fn beside_typst() {
    let Some(typst) = typst() else {
        println!("process/beside typst compile: left out (no `typst` on PATH; set VANBAN_TYPST)");
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = repo().join("examples/cong-van.toml");
    let typ = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/typst/cong-van.typ");
    let fonts = repo().join("fonts");
    let mut ours = render();
    ours.arg(&input).arg("-o").arg(dir.path().join("vanban.pdf"));
    let mut theirs = Command::new(&typst);
    theirs.arg("compile").arg("--font-path").arg(&fonts).arg("--ignore-system-fonts");
    theirs.arg(&typ).arg(dir.path().join("typst.pdf"));
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        for (command, times) in [(&mut ours, &mut a), (&mut theirs, &mut b)] {
            let start = Instant::now();
            run(command);
            times.push(start.elapsed());
        }
    }
    let (a, b) = (median(a), median(b));
    println!(
        "process/beside typst compile: render {:.2} ms, typst compile {:.2} ms (medians of {ROUNDS}, alternately): {:.2}×",
        a.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3,
        a.as_secs_f64() / b.as_secs_f64()
    );
}

criterion_group!(benches, process);

fn main() {
    benches();
    beside_typst();
    Criterion::default().configure_from_args().final_summary();
}
