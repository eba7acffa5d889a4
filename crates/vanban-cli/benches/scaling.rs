//! How batch rendering scales with the workers, for short and long documents: one `render`
//! process over a directory with `-j 1` and `-j 2`, beside the reference a machine gives for
//! two independent CPU-bound processes (two `render -j 1` over halves of the set, run at
//! once). On a shared, noisy machine only that reference, measured in the same run, says
//! what two workers should reach. `scripts/sweep.py` does the same for any number of
//! workers, with peak memory, on a machine with more cores.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The sets: name, file extension, number of documents, the example they copy.
const SETS: [(&str, &str, usize, &str); 2] =
    [("one-page", "toml", 400, "cong-van.toml"), ("10-page", "md", 40, "ke-hoach.md")];

/// `n` copies of `example`, each with a number of its own so that no two are the same.
fn documents(dir: &Path, ext: &str, n: usize, example: &str) {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(example))
            .expect("example");
    std::fs::create_dir_all(dir).expect("directory");
    for so in 1..=n {
        let numbered = match ext {
            "md" => text.replacen("\ntrich_yeu = \"", &format!("\nso = {so}\ntrich_yeu = \"(bản {so}) "), 1),
            _ => text.replacen("ngay = \"2024\"", &format!("so = {so}\nngay = \"2024\""), 1),
        };
        std::fs::write(dir.join(format!("d-{so:04}.{ext}")), numbered).expect("document written");
    }
}

/// Runs `render` over `input` as the setup asks and waits for every process.
fn run(input: &Path, output: &Path, setup: &str) {
    let exe = env!("CARGO_BIN_EXE_render");
    let command = |extra: &[&str]| {
        let mut cmd = Command::new(exe);
        cmd.arg(input).arg("--out-dir").arg(output).args(extra).stdout(Stdio::null()).stderr(Stdio::null());
        cmd
    };
    let mut children: Vec<_> = match setup {
        "1 worker" => vec![command(&["-j", "1"])],
        "2 workers" => vec![command(&["-j", "2"])],
        _ => vec![command(&["-j", "1", "--shard", "1/2"]), command(&["-j", "1", "--shard", "2/2"])],
    }
    .into_iter()
    .map(|mut c| c.spawn().expect("render runs"))
    .collect();
    for child in &mut children {
        assert!(child.wait().expect("wait").success(), "render failed");
    }
}

fn scaling(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (name, ext, n, example) in SETS {
        let input = dir.path().join(name);
        let output = dir.path().join(format!("{name}-out"));
        documents(&input, ext, n, example);
        let mut group = c.benchmark_group(format!("scaling/{name}"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(20))
            .throughput(Throughput::Elements(n as u64));
        for setup in ["1 worker", "2 workers", "2 independent processes"] {
            group.bench_with_input(BenchmarkId::from_parameter(setup), &setup, |b, setup| {
                b.iter(|| run(&input, &output, setup))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, scaling);
criterion_main!(benches);
