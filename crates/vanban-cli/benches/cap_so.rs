//! Numbering a văn thư's batch: 1,000 công văn (copies of `examples/cong-van.toml` without
//! `so` or `ma_dang_ky`, dated by year only, as the required `ngay` of the example is) given numbers by one `render cap-so` process on a fresh
//! SQLite register: per file a reservation, the file rewritten atomically and the
//! confirmation with the document's record, each step a durable transaction.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

/// Documents numbered in one run.
const N: usize = 1000;

/// The example công văn, unnumbered (its `ngay` is a year: cap-so writes the full date).
fn document() -> String {
    include_str!("../../../examples/cong-van.toml")
        .lines()
        .filter(|l| !["so ", "so=", "ma_dang_ky"].iter().any(|k| l.starts_with(k)))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// A fresh directory of [`N`] unnumbered files, and their paths in order.
fn tap(text: &str) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let files: Vec<PathBuf> = (1..=N)
        .map(|i| {
            let path = dir.path().join(format!("cv-{i:04}.toml"));
            std::fs::write(&path, text).expect("document written");
            path
        })
        .collect();
    (dir, files)
}

/// `render cap-so` over `files`, its register in `dir`.
fn cap_so(dir: &Path, files: &[PathBuf]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_render"));
    cmd.arg("cap-so")
        .args(files)
        .args(["--ngay", "2024-06-01", "--so-dang-ky"])
        .arg(dir.join("so-dang-ky.sqlite"))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn bench(c: &mut Criterion) {
    let text = document();
    // Every file is numbered, 1 to N.
    let (dir, files) = tap(&text);
    assert!(cap_so(dir.path(), &files).status().expect("render runs").success(), "cap-so failed");
    let last = std::fs::read_to_string(&files[N - 1]).expect("numbered file");
    assert!(last.lines().any(|l| l == format!("so = {N}")), "{last}");

    let mut group = c.benchmark_group("cap_so");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(60))
        .throughput(Throughput::Elements(N as u64));
    group.bench_function("number 1000 công văn in one run", |b| {
        b.iter_batched(
            || tap(&text),
            |(dir, files)| {
                assert!(cap_so(dir.path(), &files).status().expect("render runs").success());
                dir
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
